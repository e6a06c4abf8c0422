"""Pull streams (docker_*_open + docker_stream_next) as Python iterators. Each read waits at
most a quarter second inside the library, so Ctrl-C and other threads get their turn; closing
the iterator early (break, close(), garbage collection) cancels and frees the stream."""
import ctypes
import threading
import weakref
from ctypes import byref, c_int64, c_void_p

from . import errors
from ._native import CONSOLE, DATA, END, JSON, STDERR, STDIN, STDOUT, TIMEOUT_CODE, Chunk, lib, raise_for
from ._ffi import DOCKER_ERR_CANCELLED as CANCELLED_CODE

_SLICE_MS = 250


def _free(ptr):
    lib.docker_stream_cancel(ptr)
    lib.docker_stream_free(ptr)


class Stream:
    """One open stream. Iterating yields (kind, bytes); kinds are the library's
    (STDOUT, STDERR, CONSOLE, JSON, DATA). Any thread may cancel or close it, also while
    another thread is reading: the read returns and the iteration ends."""

    def __init__(self, ptr):
        self._ptr = ptr
        self._fin = weakref.finalize(self, _free, ptr)
        self.exit_code = None
        # Held while a read is inside the library, so that close() never frees the stream
        # under a reader; cancel() needs no lock (docker_stream_cancel is thread-safe).
        self._reading = threading.Lock()
        self._stopped = False

    def next_chunk(self, timeout=None):
        """The next (kind, bytes), or None at the end (also once cancelled or closed).
        `timeout` in seconds: past it, errors.Timeout (the stream stays usable)."""
        waited = 0
        chunk = Chunk()
        while True:
            err = c_void_p()
            slice_ms = _SLICE_MS if timeout is None else max(0, min(_SLICE_MS, int(timeout * 1000) - waited))
            with self._reading:
                if self._stopped or not self._fin.alive:
                    return None
                code = lib.docker_stream_next(self._ptr, slice_ms, byref(chunk), byref(err))
                if code == TIMEOUT_CODE:
                    lib.docker_error_free(err)
                elif code == CANCELLED_CODE and self._stopped:
                    lib.docker_error_free(err)
                    return None
                else:
                    raise_for(code, err)
                    if chunk.kind == END:
                        self._on_end()
                        return None
                    return chunk.kind, ctypes.string_at(chunk.data, chunk.len) if chunk.len else b""
            waited += slice_ms
            if timeout is not None and waited >= timeout * 1000:
                raise errors.Timeout(f"no stream data within {timeout} s")

    def _on_end(self):
        n = c_int64(-1)
        err = c_void_p()
        if lib.docker_stream_exit_code(self._ptr, byref(n), byref(err)) == 0:
            self.exit_code = n.value
        else:
            lib.docker_error_free(err)

    def __iter__(self):
        while True:
            c = self.next_chunk()
            if c is None:
                return
            yield c

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
        """Stop the stream from any thread: a blocked read returns and the iteration ends.
        (docker_stream_cancel)"""
        self._stopped = True
        if self._fin.alive:
            lib.docker_stream_cancel(self._ptr)

    def close(self):
        """Stop the stream, then free it and close its connection, from any thread; closing
        twice is fine. A read in progress in another thread ends first. (docker_stream_free)"""
        self.cancel()
        with self._reading:
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
    """An iterator over a stream's payloads: bytes, or (stdout, stderr) tuples with demux,
    or decoded JSON; with `chunk_size`, bytes regrouped into pieces of that size (as requests'
    iter_content gives docker-py users). Like docker-py's CancellableStream, close() may be
    called from any thread, also while another thread iterates: that iteration ends. After the
    end, `exit_code` holds an exec's exit code (docker-py has none). With `progress`, it is
    called as progress(done, None) with the bytes read so far after each piece the library
    gives, and once more at the end; an exception raised in it closes the stream and
    propagates from the iteration."""

    def __init__(self, stream, demux=False, decode_json=False, chunk_size=None, progress=None):
        self._stream = stream
        self._demux = demux
        self._json = decode_json
        self._size = chunk_size
        self._pending = bytearray()
        self._progress = progress
        self._done = 0
        self._ended = False

    @property
    def exit_code(self):
        """An exec's exit code once its output has ended, else None (docker_stream_exit_code)."""
        return self._stream.exit_code

    def __iter__(self):
        return self

    def _next_piece(self):
        c = self._stream.next_chunk()
        if c is None:
            self._stream.close()
            if not self._ended:
                self._ended = True
                self._report()
            raise StopIteration
        self._done += len(c[1])
        self._report()
        return c

    def _report(self):
        if self._progress is None:
            return
        try:
            self._progress(self._done, None)
        except BaseException:
            # The read stops here: nothing more is given or reported.
            self._progress = None
            self._pending.clear()
            self._stream.close()
            raise

    def __next__(self):
        if self._size:
            while len(self._pending) < self._size:
                try:
                    self._pending += self._next_piece()[1]
                except StopIteration:
                    if not self._pending:
                        raise
                    break
            piece = bytes(self._pending[:self._size])
            del self._pending[:self._size]
            return piece
        kind, data = self._next_piece()
        if self._json:
            import json
            return json.loads(data)
        if self._demux:
            return (data, None) if kind != STDERR else (None, data)
        return data

    def close(self):
        """Stop iterating and free the stream underneath, from any thread."""
        self._stream.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


__all__ = ["Stream", "Output", "open_stream", "STDIN", "STDOUT", "STDERR", "CONSOLE", "JSON", "DATA"]
