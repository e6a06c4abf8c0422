//! Result codes, the `docker_error` object, and the panic boundary every export goes through.

use crate::engine::Error;
use std::ffi::{c_char, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What a call did. `DOCKER_OK` (0) is success; every other value is a failure whose details
/// are in the `docker_error` object. The values are stable: they will never be renumbered.
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum docker_result {
    /// Success.
    DOCKER_OK = 0,
    /// An argument was unusable: NULL, not UTF-8, malformed JSON, an unknown option key (named
    /// in the message), a value of the wrong type, or a call made from inside a tokio runtime.
    DOCKER_ERR_INVALID_ARGUMENT = 1,
    /// The engine answered 404: no such container, exec, path or network.
    DOCKER_ERR_NOT_FOUND = 2,
    /// The engine answered 409: a name already in use, a container in the wrong state.
    DOCKER_ERR_CONFLICT = 3,
    /// The image is not present and could not be pulled.
    DOCKER_ERR_IMAGE_NOT_FOUND = 4,
    /// A non-detached run's container exited non-zero, or a docker_container_wait_for ended
    /// because the container exited, was removed or turned unhealthy; see
    /// docker_error_exit_status and docker_error_stderr.
    DOCKER_ERR_CONTAINER_FAILED = 5,
    /// Any other engine error; docker_error_http_status has the status and the message is the
    /// engine's own. Also any redirect (3xx), which the Engine API never gives as a result: the
    /// message names the status and the Location (304 is success for start and stop only).
    DOCKER_ERR_ENGINE = 6,
    /// The engine could not be reached, or the connection ended before the answer or stream was
    /// complete (the engine stopped or restarted); the message names the address. What arrived
    /// before was delivered; the next call connects afresh.
    DOCKER_ERR_CONNECTION = 7,
    /// A call or stream ran past its time limit (for docker_stream_next: no data yet, call again).
    DOCKER_ERR_TIMEOUT = 8,
    /// A cancel token fired, or the stream was cancelled.
    DOCKER_ERR_CANCELLED = 9,
    /// A stream callback returned non-zero.
    DOCKER_ERR_STOPPED_BY_CALLBACK = 10,
    /// TLS failed, or TLS was asked for where it is not available.
    DOCKER_ERR_TLS = 11,
    /// A handle or stream made before fork() was used in the child.
    DOCKER_ERR_FORKED = 12,
    /// The engine sent something unreadable: malformed JSON, a bad frame, a stream that ends
    /// inside a frame.
    DOCKER_ERR_PROTOCOL = 13,
    /// A local file could not be read or written (copy to/from the host).
    DOCKER_ERR_IO = 14,
    /// A bug in this library (a caught panic); the message carries the panic text.
    DOCKER_ERR_INTERNAL = 15,
}

use docker_result::*;

impl docker_result {
    fn text(self) -> &'static [u8] {
        match self {
            DOCKER_OK => b"ok\0",
            DOCKER_ERR_INVALID_ARGUMENT => b"invalid argument\0",
            DOCKER_ERR_NOT_FOUND => b"not found\0",
            DOCKER_ERR_CONFLICT => b"conflict\0",
            DOCKER_ERR_IMAGE_NOT_FOUND => b"image not found\0",
            DOCKER_ERR_CONTAINER_FAILED => b"container failed\0",
            DOCKER_ERR_ENGINE => b"engine error\0",
            DOCKER_ERR_CONNECTION => b"connection error\0",
            DOCKER_ERR_TIMEOUT => b"timeout\0",
            DOCKER_ERR_CANCELLED => b"cancelled\0",
            DOCKER_ERR_STOPPED_BY_CALLBACK => b"stopped by callback\0",
            DOCKER_ERR_TLS => b"TLS error\0",
            DOCKER_ERR_FORKED => b"used after fork\0",
            DOCKER_ERR_PROTOCOL => b"protocol error\0",
            DOCKER_ERR_IO => b"I/O error\0",
            DOCKER_ERR_INTERNAL => b"internal error\0",
        }
    }
}

/// The code for an engine error.
pub fn code_of(e: &Error) -> docker_result {
    match e {
        Error::InvalidArgument(_) => DOCKER_ERR_INVALID_ARGUMENT,
        Error::Api { status: 404, .. } => DOCKER_ERR_NOT_FOUND,
        // 409 from dockerd, or Podman's 500 for the same thing (the engine knows which).
        Error::Api { .. } if e.is_conflict() => DOCKER_ERR_CONFLICT,
        Error::Api { .. } => DOCKER_ERR_ENGINE,
        Error::ImageNotFound { .. } => DOCKER_ERR_IMAGE_NOT_FOUND,
        Error::ContainerFailed { .. } | Error::WaitFailed { .. } => DOCKER_ERR_CONTAINER_FAILED,
        Error::Connection { .. } | Error::ConnectionLost { .. } => DOCKER_ERR_CONNECTION,
        Error::Timeout(_) => DOCKER_ERR_TIMEOUT,
        Error::Cancelled => DOCKER_ERR_CANCELLED,
        Error::StoppedByCallback => DOCKER_ERR_STOPPED_BY_CALLBACK,
        Error::Tls(_) => DOCKER_ERR_TLS,
        Error::Forked(_) => DOCKER_ERR_FORKED,
        Error::Protocol(_) => DOCKER_ERR_PROTOCOL,
        Error::Io(_) => DOCKER_ERR_IO,
        Error::Internal(_) => DOCKER_ERR_INTERNAL,
    }
}

/// The details of a failed call. Made by the library, freed with docker_error_free.
pub struct docker_error {
    code: docker_result,
    message: CString,
    http_status: i32,
    exit_status: i64,
    stderr: Vec<u8>,
}

impl docker_error {
    pub(crate) fn from_engine(e: &Error) -> docker_error {
        let (exit_status, stderr) = match e {
            Error::ContainerFailed {
                exit_status,
                stderr,
                ..
            } => (*exit_status, stderr.clone()),
            Error::WaitFailed {
                exit_status,
                output,
                ..
            } => (*exit_status, output.clone()),
            _ => (-1, Vec::new()),
        };
        docker_error {
            code: code_of(e),
            message: c_text(&e.to_string()),
            http_status: i32::from(e.http_status()),
            exit_status,
            stderr,
        }
    }
}

/// A CString from text that may hold NUL bytes (they become U+FFFD).
pub(crate) fn c_text(s: &str) -> CString {
    CString::new(s.replace('\0', "\u{FFFD}")).unwrap_or_default()
}

/// Store `e` into `*out` when the caller gave a place for it, and return its code.
pub(crate) fn report(out: *mut *mut docker_error, e: &Error) -> docker_result {
    let code = code_of(e);
    if !out.is_null() {
        let boxed = Box::into_raw(Box::new(docker_error::from_engine(e)));
        // SAFETY: the caller passed `out` as a writable `docker_error **` (or NULL, checked).
        unsafe { out.write(boxed) };
    }
    code
}

/// The text of a caught panic.
pub(crate) fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}

/// The panic boundary: run an export's body, turning an `Err` into a reported error and a panic
/// into `DOCKER_ERR_INTERNAL` with the panic text. Every export goes through this.
pub(crate) fn boundary<F>(out: *mut *mut docker_error, f: F) -> docker_result
where
    F: FnOnce() -> Result<(), Error>,
{
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => DOCKER_OK,
        Ok(Err(e)) => report(out, &e),
        Err(p) => report(out, &Error::Internal(format!("panic: {}", panic_text(&*p)))),
    }
}

/// For exports that return a value rather than a code: the value, or `fallback` on a panic.
pub(crate) fn guard<T, F: FnOnce() -> T>(fallback: T, f: F) -> T {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(fallback)
}

/// A static, NUL-terminated description of a result code ("not found"). Never NULL; a value
/// that is not a docker_result gives "unknown result code". Takes a plain int so that any value
/// a caller holds is safe to pass.
#[no_mangle]
pub extern "C" fn docker_result_str(code: i32) -> *const c_char {
    const ALL: [docker_result; 16] = [
        DOCKER_OK,
        DOCKER_ERR_INVALID_ARGUMENT,
        DOCKER_ERR_NOT_FOUND,
        DOCKER_ERR_CONFLICT,
        DOCKER_ERR_IMAGE_NOT_FOUND,
        DOCKER_ERR_CONTAINER_FAILED,
        DOCKER_ERR_ENGINE,
        DOCKER_ERR_CONNECTION,
        DOCKER_ERR_TIMEOUT,
        DOCKER_ERR_CANCELLED,
        DOCKER_ERR_STOPPED_BY_CALLBACK,
        DOCKER_ERR_TLS,
        DOCKER_ERR_FORKED,
        DOCKER_ERR_PROTOCOL,
        DOCKER_ERR_IO,
        DOCKER_ERR_INTERNAL,
    ];
    guard(c"unknown result code".as_ptr(), || {
        let text: &'static [u8] = ALL
            .iter()
            .find(|c| **c as i32 == code)
            .map_or(b"unknown result code\0", |c| c.text());
        text.as_ptr().cast()
    })
}

/// The error's code (never DOCKER_OK). NULL gives DOCKER_ERR_INVALID_ARGUMENT.
#[no_mangle]
pub extern "C" fn docker_error_code(error: *const docker_error) -> docker_result {
    // SAFETY: a non-NULL error is one this library made and has not freed.
    guard(DOCKER_ERR_INTERNAL, || {
        unsafe { error.as_ref() }.map_or(DOCKER_ERR_INVALID_ARGUMENT, |e| e.code)
    })
}

/// The error's message, NUL-terminated UTF-8, borrowed: valid until docker_error_free.
/// NULL gives an empty string.
#[no_mangle]
pub extern "C" fn docker_error_message(error: *const docker_error) -> *const c_char {
    // SAFETY: as for docker_error_code.
    guard(c"".as_ptr(), || match unsafe { error.as_ref() } {
        Some(e) => e.message.as_ptr(),
        None => c"".as_ptr(),
    })
}

/// The engine's HTTP status for errors that came from an engine answer, else 0.
#[no_mangle]
pub extern "C" fn docker_error_http_status(error: *const docker_error) -> i32 {
    // SAFETY: as for docker_error_code.
    guard(0, || unsafe { error.as_ref() }.map_or(0, |e| e.http_status))
}

/// For DOCKER_ERR_CONTAINER_FAILED: the container's exit status. Otherwise -1.
#[no_mangle]
pub extern "C" fn docker_error_exit_status(error: *const docker_error) -> i64 {
    // SAFETY: as for docker_error_code.
    guard(-1, || {
        unsafe { error.as_ref() }.map_or(-1, |e| e.exit_status)
    })
}

/// For DOCKER_ERR_CONTAINER_FAILED: the container's stderr, borrowed until docker_error_free;
/// `*len` receives its length (not NUL-terminated). Otherwise NULL and 0. `len` may be NULL.
#[no_mangle]
pub extern "C" fn docker_error_stderr(error: *const docker_error, len: *mut usize) -> *const u8 {
    guard(std::ptr::null(), || {
        // SAFETY: as for docker_error_code.
        let e = unsafe { error.as_ref() };
        let (p, n) = match e {
            Some(e) if !e.stderr.is_empty() => (e.stderr.as_ptr(), e.stderr.len()),
            _ => (std::ptr::null(), 0),
        };
        if !len.is_null() {
            // SAFETY: `len` is not NULL, and the caller passed it writable.
            unsafe { len.write(n) };
        }
        p
    })
}

/// Free an error. NULL is a no-op.
#[no_mangle]
pub extern "C" fn docker_error_free(error: *mut docker_error) {
    if !error.is_null() {
        // SAFETY: made by Box::into_raw in `report`, freed once.
        guard((), || drop(unsafe { Box::from_raw(error) }));
    }
}
