//! The C ABI. Every `extern "C"` function and every `unsafe` block of the crate lives below here.
//!
//! Each export reads the same way: check arguments (`args`), call the engine on the caller's
//! thread (`runtime`), convert the result; all inside the panic boundary (`error::boundary`).
// Exports take raw pointers from C by design; each checks them (args.rs) before use.
#![allow(
    non_camel_case_types,
    clippy::missing_safety_doc,
    clippy::not_unsafe_ptr_arg_deref
)]

#[macro_use]
pub(crate) mod args;
pub mod cancel;
pub mod client;
pub mod container;
pub mod containers;
pub mod error;
pub mod events;
pub mod exec;
pub mod images;
pub mod memory;
pub(crate) mod model;
pub mod networks;
// Public for the `Settled` rule's doc tests; not part of the C ABI.
#[doc(hidden)]
pub mod runtime;
pub mod stream;
pub mod version;
pub mod volumes;
pub mod wait;

pub use cancel::*;
pub use client::*;
pub use container::*;
pub use containers::*;
pub use error::*;
pub use events::*;
pub use exec::*;
pub use images::*;
pub use memory::*;
pub use networks::*;
pub use stream::*;
pub use version::*;
pub use volumes::*;
pub use wait::*;
