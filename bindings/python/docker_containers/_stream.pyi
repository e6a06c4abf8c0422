# Type stubs for docker_containers._stream: the library's streams.
from typing import Any, Callable, Generic, Iterator, TypeVar

_T = TypeVar("_T")

STDIN: int
STDOUT: int
STDERR: int
CONSOLE: int
JSON: int
DATA: int

class Stream:
    """A library stream: iterate for (kind, data); write and close_write for stdin."""

    exit_code: int | None
    def __init__(self, ptr: int | None) -> None: ...
    def next_chunk(self, timeout: float | None = None) -> tuple[int, bytes] | None:
        """The next (kind, data), None at the end; a timeout that passes raises Timeout."""
    def __iter__(self) -> Iterator[tuple[int, bytes]]: ...
    def write(self, data: bytes) -> None:
        """Write to the process's stdin."""
    def close_write(self) -> None:
        """End stdin: the process reads end of file."""
    def resize(self, height: int, width: int) -> None:
        """Resize the tty."""
    def cancel(self) -> None:
        """Cancel from any thread."""
    def close(self) -> None:
        """Free the stream."""
    def __enter__(self) -> "Stream": ...
    def __exit__(self, *exc: object) -> None: ...

class Output(Generic[_T]):
    """An iterator over a stream's payloads: bytes, (stdout, stderr) pairs with demux, or
    decoded stats samples. After the end, exit_code holds an exec's exit code."""

    def __init__(
        self, stream: Stream, demux: bool = False, decode_json: bool = False,
        chunk_size: int | None = None,
        progress: Callable[[int, int | None], object] | None = None,
    ) -> None: ...
    @property
    def exit_code(self) -> int | None: ...
    def __iter__(self) -> "Output[_T]": ...
    def __next__(self) -> _T: ...
    def close(self) -> None:
        """Stop reading and free the stream, from any thread."""
    def __enter__(self) -> "Output[_T]": ...
    def __exit__(self, *exc: object) -> None: ...
    def __del__(self) -> None: ...

def open_stream(fn: Any, *args: Any) -> Stream: ...
