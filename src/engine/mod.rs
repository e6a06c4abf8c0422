//! The async engine client: transport, requests, decoders, one module per Docker resource.
//! Plain Rust: no pointers, no libc, no `extern "C"`, no `unsafe` (forbidden below).
#![forbid(unsafe_code)]

pub mod archive;
pub mod client;
pub mod config;
pub mod containers;
pub mod context;
pub mod copy;
pub mod create_options;
pub mod decode;
pub mod error;
pub mod events;
pub mod exec;
pub mod host;
pub mod http;
pub mod images;
pub mod networks;
pub mod option_table;
pub mod opts;
pub mod podman;
pub mod run;
pub mod stats;
pub mod stats_many;
pub mod streams;
pub mod timeparse;
pub mod transport;
pub mod version;
pub mod volumes;
pub mod wait;

pub use client::Client;
pub use config::ClientOptions;
pub use http::{Request, Timeout};
// The transports' old paths.
pub use error::{Error, Result};
pub use transport::{ssh, tls};
pub use version::ApiVersion;
