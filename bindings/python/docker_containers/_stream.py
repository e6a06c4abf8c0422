"""Pull streams (docker_*_open + docker_stream_next) as Python iterators. Each read waits at
most a quarter second inside the library, so Ctrl-C and other threads get their turn; closing
the iterator early (break, close(), garbage collection) cancels and frees the stream."""
import ctypes
import weakref
from ctypes import byref, c_int64, c_void_p

from . import errors
from ._native import CONSOLE, DATA, END, JSON, STDERR, STDIN, STDOUT, TIMEOUT_CODE, Chunk, lib, raise_for

_SLICE_MS = 250


def _free(ptr):
    lib.docker_stream_cancel(ptr)
    lib.docker_stream_free(ptr)


class Stream:
    """One open stream. Iterating yields (kind, bytes); kinds are the library's
    (STDOUT, STDERR, CONSOLE, JSON, DATA)."""

    def __init__(self, ptr):
        self._ptr = ptr
        self._fin = weakref.finalize(self, _free, ptr)
        self.exit_code = None

    def next_chunk(self, timeout=None):
        """The next (kind, bytes), or None at the end. `timeout` in seconds: past it,
        errors.Timeout (the stream stays usable)."""
        if not self._fin.alive:
            return None
        waited = 0
        chunk = Chunk()
        while True:
            err = c_void_p()
            slice_ms = _SLICE_MS if timeout is None else max(0, min(_SLICE_MS, int(timeout * 1000) - waited))
            code = lib.docker_stream_next(self._ptr, slice_ms, byref(chunk), byref(err))
            if code == TIMEOUT_CODE:
                lib.docker_error_free(err)
                waited += slice_ms
                if timeout is not None and waited >= timeout * 1000:
                    raise errors.Timeout(f"no stream data within {timeout} s")
                continue
            raise_for(code, err)
            if chunk.kind == END:
                self._on_end()
                return None
            return chunk.kind, ctypes.string_at(chunk.data, chunk.len) if chunk.len else b""

    def _on_end(self):
        n = c_int64(-1)
        err = c_void_p()
        if lib.docker_stream_exit_code(self._ptr, byref(n), byref(err)) == 0:
            self.exit_code = n.value
        else:
            lib.docker_error_free(err)

    def __iter__(self):
        try:
            while True:
                c = self.next_chunk()
                if c is None:
                    return
                yield c
        finally:
            # The consumer may stop early; whatever happens, the stream goes.
            if self.exit_code is None:
                self.close()

    def write(self, data):
        """Write `data` (bytes) to the stream's stdin; blocks until written. Returns len(data).
        (docker_stream_write)"""
        buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        err = c_void_p()
        raise_for(lib.docker_stream_write(self._ptr, buf, len(data), byref(err)), err)
        return len(data)

    def close_write(self):
        """End stdin with a real half-close: the process reads end of file while its output keeps
        coming. (docker_stream_close_write)"""
        err = c_void_p()
        raise_for(lib.docker_stream_close_write(self._ptr, byref(err)), err)

    def resize(self, height, width):
        """Resize the tty behind the stream to `height` rows and `width` columns.
        (docker_stream_resize)"""
        err = c_void_p()
        raise_for(lib.docker_stream_resize(self._ptr, height, width, byref(err)), err)

    def cancel(self):
        """Stop the stream from any thread: a blocked read returns."""
        if self._fin.alive:
            lib.docker_stream_cancel(self._ptr)

    def close(self):
        """Free the stream and close its connection; closing twice is fine. (docker_stream_free)"""
        self._fin()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_stream(fn, *args):
    """Call a `..._open` function (its out-pointer and error slot last) and wrap the stream."""
    out = c_void_p()
    err = c_void_p()
    raise_for(fn(*args, byref(out), byref(err)), err)
    return Stream(out.value)


class Output:
    """A generator-like iterator over a stream's payloads: bytes, or (stdout, stderr) tuples
    with demux. After the end, `exit_code` holds an exec's exit code (docker-py has none)."""

    def __init__(self, stream, demux=False, decode_json=False):
        self._stream = stream
        self._demux = demux
        self._json = decode_json
        self._it = iter(stream)

    @property
    def exit_code(self):
        """An exec's exit code once its output has ended, else None (docker_stream_exit_code)."""
        return self._stream.exit_code

    def __iter__(self):
        return self

    def __next__(self):
        kind, data = next(self._it)
        if self._json:
            import json
            return json.loads(data)
        if self._demux:
            return (data, None) if kind != STDERR else (None, data)
        return data

    def close(self):
        """Stop iterating and free the stream underneath."""
        self._it.close()
        self._stream.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


__all__ = ["Stream", "Output", "open_stream", "STDIN", "STDOUT", "STDERR", "CONSOLE", "JSON", "DATA"]
