"""The C library through ctypes: loading it, declaring its functions, and the small helpers
that turn its results and error objects into Python values and exceptions.

ctypes.CDLL releases the GIL for the length of every call, so a blocking call (wait, a stream
read) lets the program's other threads run."""
import ctypes
import ctypes.util
import os
from ctypes import (POINTER, Structure, byref, c_bool, c_char_p, c_int32, c_int64, c_size_t,
                    c_uint8, c_uint32, c_void_p)

from . import errors

SONAME = "libdocker_containers.so.0.1"

# docker_stream_kind
STDIN, STDOUT, STDERR, CONSOLE, JSON, END, DATA = range(7)
# docker_result codes used here
OK, TIMEOUT_CODE = 0, 8


def _candidates():
    env = os.environ.get("DOCKER_CONTAINERS_LIB")
    if env:
        return [env]
    here = os.path.dirname(os.path.abspath(__file__))
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


class Chunk(Structure):
    _fields_ = [("kind", c_int32), ("data", POINTER(c_uint8)), ("len", c_size_t)]


class Buffer(Structure):
    _fields_ = [("data", POINTER(c_uint8)), ("len", c_size_t)]


ERR = POINTER(c_void_p)  # docker_error **
READ_CB = ctypes.CFUNCTYPE(c_int64, c_void_p, POINTER(c_uint8), c_size_t)

_P, _S, _E, _O = c_void_p, c_char_p, POINTER(c_void_p), POINTER(c_void_p)
_SIGS = {
    "docker_client_from_env": [_S, _O, _E],
    "docker_client_new": [_S, _O, _E],
    "docker_client_free": ([_P], None),
    "docker_client_ping": [_P, _E],
    "docker_client_version": [_P, _O, _E],
    "docker_client_info": [_P, _O, _E],
    "docker_client_api_version": [_P, _O, _E],
    "docker_containers_get": [_P, _S, _O, _E],
    "docker_container_id": ([_P], c_char_p),
    "docker_container_free": ([_P], None),
    "docker_container_attrs_json": [_P, _O, _E],
    "docker_container_warnings_json": [_P, _O, _E],
    "docker_container_reload": [_P, _E],
    "docker_container_start": [_P, _E],
    "docker_container_stop": [_P, _S, _E],
    "docker_container_restart": [_P, _S, _E],
    "docker_container_kill": [_P, _S, _E],
    "docker_container_pause": [_P, _E],
    "docker_container_unpause": [_P, _E],
    "docker_container_remove": [_P, _S, _E],
    "docker_container_wait": [_P, _S, POINTER(c_int64), _O, _E],
    "docker_container_rename": [_P, _S, _E],
    "docker_container_resize": [_P, c_uint32, c_uint32, _E],
    "docker_container_update": [_P, _S, _E],
    "docker_container_commit": [_P, _S, _O, _E],
    "docker_containers_run": [_P, _S, _S, _S, _O, _O, _E],
    "docker_containers_create": [_P, _S, _S, _S, _O, _E],
    "docker_containers_list": [_P, _S, _O, _E],
    "docker_containers_prune": [_P, _S, _O, _E],
    "docker_error_code": ([_P], c_int32),
    "docker_error_message": ([_P], c_char_p),
    "docker_error_http_status": ([_P], c_int32),
    "docker_error_exit_status": ([_P], c_int64),
    "docker_error_stderr": ([_P, POINTER(c_size_t)], POINTER(c_uint8)),
    "docker_error_free": ([_P], None),
    "docker_container_put_archive": [_P, _S, POINTER(c_uint8), c_size_t, _S, _E],
    "docker_container_put_archive_reader": [_P, _S, READ_CB, _P, _S, _E],
    "docker_container_get_archive_open": [_P, _S, _O, _O, _E],
    "docker_container_stat_path": [_P, _S, _O, _E],
    "docker_container_export_open": [_P, _O, _E],
    "docker_container_diff": [_P, _O, _E],
    "docker_container_copy_to": [_P, _S, _S, _S, _E],
    "docker_container_copy_from": [_P, _S, _S, _S, _E],
    "docker_images_inspect": [_P, _S, _O, _E],
    "docker_images_exists": [_P, _S, POINTER(c_bool), _E],
    "docker_images_remove": [_P, _S, _S, _E],
    "docker_string_free": ([_P], None),
    "docker_buffer_free": ([_P], None),
    "docker_stream_next": [_P, c_int64, POINTER(Chunk), _E],
    "docker_stream_write": [_P, POINTER(c_uint8), c_size_t, _E],
    "docker_stream_close_write": [_P, _E],
    "docker_stream_resize": [_P, c_uint32, c_uint32, _E],
    "docker_stream_cancel": ([_P], None),
    "docker_stream_exit_code": [_P, POINTER(c_int64), _E],
    "docker_stream_free": ([_P], None),
    "docker_container_logs_open": [_P, _S, _O, _E],
    "docker_container_logs_buffer": [_P, _S, _O, _O, _E],
    "docker_container_stats_open": [_P, _S, _O, _E],
    "docker_container_stats_once": [_P, _S, _O, _E],
    "docker_container_attach_open": [_P, _S, _O, _E],
    "docker_container_exec_run": [_P, _S, _S, POINTER(c_int64), _O, _O, _E],
    "docker_container_exec_open": [_P, _S, _S, _O, _E],
    "docker_container_exec_detached": [_P, _S, _S, _O, _E],
    "docker_container_top": [_P, _S, _O, _E],
    "docker_version": ([], c_char_p),
}
for _name, _sig in _SIGS.items():
    _f = getattr(lib, _name)
    if isinstance(_sig, tuple):
        _f.argtypes, _f.restype = _sig
    else:
        _f.argtypes, _f.restype = _sig, c_int32

VERSION = lib.docker_version().decode()


def enc(s):
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
