//! The async engine client: transport, requests, decoders, one module per Docker resource.
//! Plain Rust: no pointers, no libc, no `extern "C"`.

pub mod error;

pub use error::{Error, Result};
