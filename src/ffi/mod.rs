//! The C ABI. Every `extern "C"` function and every `unsafe` block of the crate lives below here.
