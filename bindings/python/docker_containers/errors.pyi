# Type stubs for docker_containers.errors: docker-py's exception names.
from typing import Any

class DockerException(Exception):
    """Every error the library reports."""

    code: str | None

class APIError(DockerException):
    """An engine error, with the engine's message."""

    response: Any
    explanation: str | None
    def __init__(self, message: str, response: Any = None, explanation: str | None = None,
                 status_code: int | None = None) -> None: ...
    @property
    def status_code(self) -> int | None: ...
    def is_client_error(self) -> bool: ...
    def is_server_error(self) -> bool: ...

class NotFound(APIError):
    """No such container, image, exec or path (404)."""

class ImageNotFound(NotFound):
    """The image is missing and could not be pulled."""

class Conflict(APIError):
    """A conflict (409), such as a name in use."""

class ContainerError(DockerException):
    """A non-detached run exited non-zero."""

    container: Any
    exit_status: int
    command: Any
    image: Any
    stderr: bytes | None
    def __init__(self, container: Any, exit_status: int, command: Any, image: Any,
                 stderr: bytes | None) -> None: ...

class InvalidArgument(DockerException, ValueError):
    """A bad argument or option (the message names it)."""

class ConnectionFailed(DockerException, ConnectionError):
    """The engine could not be reached."""

class Timeout(DockerException, TimeoutError):
    """A call or stream ran past its time limit."""

class Cancelled(DockerException):
    """Cancelled."""

class TLSError(DockerException):
    """A TLS problem."""

class ProtocolError(DockerException):
    """The engine sent something unexpected."""

class DeprecatedMethod(DockerException):
    """A call docker-py has removed."""

class NullResource(DockerException, ValueError):
    """A resource id that is None or empty."""

class InvalidVersion(DockerException):
    """An option the API version does not have."""

def from_code(code: int, message: str, status: int, exit_status: int,
              stderr: bytes | None) -> DockerException: ...
