//! Strings and byte buffers the library hands out, and their free functions.

use std::ffi::{c_char, CString};

/// A byte buffer made by the library. Read `data[0..len]`; free with docker_buffer_free.
/// `data` is NULL when `len` is 0.
#[repr(C)]
pub struct docker_buffer {
    /// The bytes (not NUL-terminated).
    pub data: *mut u8,
    /// How many bytes.
    pub len: usize,
}

impl docker_buffer {
    /// Box a buffer for handing out.
    #[allow(dead_code)]
    pub(crate) fn new_raw(bytes: Vec<u8>) -> *mut docker_buffer {
        let boxed: Box<[u8]> = bytes.into_boxed_slice();
        let len = boxed.len();
        let data = if len == 0 {
            std::ptr::null_mut()
        } else {
            Box::into_raw(boxed).cast::<u8>()
        };
        Box::into_raw(Box::new(docker_buffer { data, len }))
    }
}

/// Free a string returned by this library. NULL is a no-op.
#[no_mangle]
pub extern "C" fn docker_string_free(s: *mut c_char) {
    if !s.is_null() {
        // SAFETY: made by CString::into_raw in this library, freed once.
        super::error::guard((), || drop(unsafe { CString::from_raw(s) }));
    }
}

/// Free a buffer returned by this library, with its bytes. NULL is a no-op.
#[no_mangle]
pub extern "C" fn docker_buffer_free(buffer: *mut docker_buffer) {
    if buffer.is_null() {
        return;
    }
    // SAFETY: made by docker_buffer::new_raw, freed once; data/len describe a boxed slice.
    super::error::guard((), || unsafe {
        let b = Box::from_raw(buffer);
        if !b.data.is_null() {
            drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(
                b.data, b.len,
            )));
        }
    })
}
