"""The C library through ctypes: loading it, declaring its functions, and the small helpers
that turn its results and error objects into Python values and exceptions.

ctypes.CDLL releases the GIL for the length of every call, so a blocking call (wait, a stream
read) lets the program's other threads run."""
import ctypes
import ctypes.util
import os
from ctypes import POINTER, byref, c_size_t, c_void_p

from . import _ffi, errors
from ._ffi import READ_CB, SONAME, TRANSFER_CB, Buffer, Chunk  # noqa: F401 (used by the other modules)

# docker_stream_kind
STDIN, STDOUT, STDERR = _ffi.DOCKER_STREAM_STDIN, _ffi.DOCKER_STREAM_STDOUT, _ffi.DOCKER_STREAM_STDERR
CONSOLE, JSON, END, DATA = (_ffi.DOCKER_STREAM_CONSOLE, _ffi.DOCKER_STREAM_JSON,
                            _ffi.DOCKER_STREAM_END, _ffi.DOCKER_STREAM_DATA)
# docker_result codes used here
OK, TIMEOUT_CODE = _ffi.DOCKER_OK, _ffi.DOCKER_ERR_TIMEOUT


def _candidates():
    env = os.environ.get("DOCKER_CONTAINERS_LIB")
    if env:
        return [env]
    here = os.path.dirname(os.path.abspath(__file__))
    # The library a platform wheel carries (make packages).
    bundled = os.path.join(here, "libs", SONAME)
    if os.path.exists(bundled):
        return [bundled]
    repo = os.path.normpath(os.path.join(here, "..", "..", "..", "target", "release",
                                         "libdocker_containers.so"))
    found = [repo] if os.path.exists(repo) else []
    return found + [SONAME]


def _load():
    tried = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            tried.append(f"{path}: {e}")
    raise ImportError("docker_containers: cannot load the native library (set "
                      "DOCKER_CONTAINERS_LIB to its path): " + "; ".join(tried))


lib = _load()


# Every function of the header, declared from the generated table (_ffi.py, from the ABI
# description): nothing here repeats a prototype.
_ffi.declare(lib)
ERR = POINTER(c_void_p)  # docker_error **

VERSION = lib.docker_version().decode()


def enc(s):
    """A str (or anything str() takes) as UTF-8 bytes for a `const char *`; None stays None (NULL)."""
    return None if s is None else str(s).encode()


def raise_for(code, err):
    """Turn a failed call's error object into the matching exception (and free it)."""
    if code == OK:
        return
    try:
        msg = (lib.docker_error_message(err) or b"").decode("utf-8", "replace")
        status = lib.docker_error_http_status(err)
        exit_status = lib.docker_error_exit_status(err)
        n = c_size_t(0)
        p = lib.docker_error_stderr(err, byref(n))
        stderr = ctypes.string_at(p, n.value) if p and n.value else b""
    finally:
        lib.docker_error_free(err)
    raise errors.from_code(code, msg, status or None, exit_status, stderr)


def call(fn, *args):
    """Call a fallible function whose last argument is the error slot."""
    err = c_void_p()
    code = fn(*args, byref(err))
    raise_for(code, err)


def take_string(p):
    """A library-owned string: its text, then freed."""
    if not p:
        return None
    try:
        return ctypes.string_at(p).decode("utf-8", "replace")
    finally:
        lib.docker_string_free(p)


def take_buffer(p):
    """A library-owned docker_buffer: its bytes, then freed."""
    if not p:
        return b""
    try:
        b = ctypes.cast(p, POINTER(Buffer)).contents
        return ctypes.string_at(b.data, b.len) if b.len else b""
    finally:
        lib.docker_buffer_free(p)
