//! The library's own version.

use std::ffi::c_char;

/// The library's major version.
pub const DOCKER_CONTAINERS_VERSION_MAJOR: u32 = 0;
/// The library's minor version.
pub const DOCKER_CONTAINERS_VERSION_MINOR: u32 = 1;
/// The library's patch version.
pub const DOCKER_CONTAINERS_VERSION_PATCH: u32 = 0;

/// The library's version as "MAJOR.MINOR.PATCH", static (never freed). It matches the header's
/// DOCKER_CONTAINERS_VERSION_* macros when header and library agree.
#[no_mangle]
pub extern "C" fn docker_version() -> *const c_char {
    super::error::guard(c"".as_ptr(), || {
        concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
    })
}

/// Panics on purpose, so tests can prove the panic boundary. Built only with the `test-panic`
/// feature and left out of the header.
#[cfg(feature = "test-panic")]
#[no_mangle]
pub extern "C" fn docker_test_panic(
    error: *mut *mut super::error::docker_error,
) -> super::error::docker_result {
    super::error::boundary(error, || panic!("deliberate test panic"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn header_macros_match_the_crate_version() {
        let v = format!(
            "{}.{}.{}",
            super::DOCKER_CONTAINERS_VERSION_MAJOR,
            super::DOCKER_CONTAINERS_VERSION_MINOR,
            super::DOCKER_CONTAINERS_VERSION_PATCH
        );
        assert_eq!(v, env!("CARGO_PKG_VERSION"));
    }
}
