//! Checking what C hands us: NULL pointers, UTF-8, JSON options, output slots.

use crate::engine::opts::Opts;
use crate::engine::{Error, Result};
use std::ffi::{c_char, CStr, CString};

/// Read an argument the C caller passed with one of the readers (`arg_str`, `arg_opt_str`,
/// `arg_path`, `arg_options`, `arg_ref`, `arg_container`, `arg_cancel`):
/// `let path = arg!(arg_path(path, "path"))?;`.
///
/// One justification serves every use: the C contract (README, "The rules") is that each
/// pointer an export receives is NULL or valid for the whole call: a NUL-terminated string, a
/// live handle or cancel token of this library. The readers check NULL, UTF-8 and JSON
/// themselves and copy or borrow only for the call; the contract is what they cannot check.
macro_rules! arg {
    ($($reader:ident)::+ ( $($a:expr),* $(,)? )) => {
        // SAFETY: the C contract above: every pointer argument is NULL or valid for the call.
        unsafe { $($reader)::+($($a),*) }
    };
}

/// A required string argument, borrowed for the call.
///
/// # Safety
/// `p` is NULL or a NUL-terminated string valid for the call.
pub(crate) unsafe fn arg_str<'a>(p: *const c_char, name: &str) -> Result<&'a str> {
    if p.is_null() {
        return Err(Error::invalid(format!("{name} is NULL")));
    }
    CStr::from_ptr(p)
        .to_str()
        .map_err(|e| Error::invalid(format!("{name} is not valid UTF-8: {e}")))
}

/// A required path argument (host or container side): as `arg_str`, and not empty or blank.
///
/// # Safety
/// As for `arg_str`.
pub(crate) unsafe fn arg_path<'a>(p: *const c_char, name: &str) -> Result<&'a str> {
    let s = arg_str(p, name)?;
    crate::engine::archive::require_path(name, s)?;
    Ok(s)
}

/// An optional string argument: NULL gives None.
///
/// # Safety
/// As for `arg_str`.
pub(crate) unsafe fn arg_opt_str<'a>(p: *const c_char, name: &str) -> Result<Option<&'a str>> {
    if p.is_null() {
        Ok(None)
    } else {
        arg_str(p, name).map(Some)
    }
}

/// The options argument of C function `function`: NULL or "" means defaults; otherwise a JSON
/// object whose keys are checked against the function's option table.
///
/// # Safety
/// As for `arg_str`.
pub(crate) unsafe fn arg_options(p: *const c_char, function: &'static str) -> Result<Opts> {
    match arg_opt_str(p, "options_json")? {
        None => Opts::new(function, Default::default()),
        Some(s) => Opts::parse(function, s),
    }
}

/// A required handle argument.
///
/// # Safety
/// `p` is NULL or a live handle of this library.
pub(crate) unsafe fn arg_ref<'a, T>(p: *const T, name: &str) -> Result<&'a T> {
    p.as_ref()
        .ok_or_else(|| Error::invalid(format!("{name} is NULL")))
}

/// An output slot must not be NULL.
pub(crate) fn arg_out<T>(p: *mut T, name: &str) -> Result<()> {
    if p.is_null() {
        Err(Error::invalid(format!(
            "{name} (the output pointer) is NULL"
        )))
    } else {
        Ok(())
    }
}

/// Write a result into an output slot checked by `arg_out`.
///
/// # Safety
/// `p` was checked non-NULL and is writable.
pub(crate) unsafe fn put<T>(p: *mut T, v: T) {
    p.write(v)
}

/// A library-owned C string (free with docker_string_free) from text.
pub(crate) fn owned_c_string(s: impl Into<Vec<u8>>) -> Result<*mut c_char> {
    CString::new(s).map(CString::into_raw).map_err(|_| {
        Error::Protocol("the engine's answer holds a NUL byte and cannot be a C string".into())
    })
}

/// Hand a library-owned C string (free with docker_string_free) out through a slot the caller
/// checked with `arg_out` (or found non-NULL).
pub(crate) fn put_string(out: *mut *mut c_char, s: impl Into<Vec<u8>>) -> Result<()> {
    let p = owned_c_string(s)?;
    // SAFETY: `out` is non-NULL and writable, checked by the caller.
    unsafe { put(out, p) };
    Ok(())
}

pub(crate) fn give<T>(out: *mut *mut T, v: *mut T) {
    // SAFETY: callers check `out` with arg_out first.
    unsafe { put(out, v) };
}
