//! docker_containers: manage Docker containers through the Docker Engine API.
//!
//! `engine` is the plain async Rust client; `ffi` is the C ABI over it (all `unsafe` lives there).

/// cbindgen:ignore
pub mod engine;
pub mod ffi;
