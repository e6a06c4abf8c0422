"""Exceptions with docker-py's names (docker.errors), built from the library's error objects,
plus a few for what docker-py reports through other libraries (timeouts, TLS) or not at all."""
from . import _ffi


class DockerException(Exception):
    """The base of every error this package raises. `code` is the library's docker_result name
    (for example "DOCKER_ERR_NOT_FOUND")."""

    code = None


class APIError(DockerException):
    """The engine answered with an error. `status_code` is its HTTP status and `explanation`
    its own message, as in docker-py."""

    def __init__(self, message, response=None, explanation=None, status_code=None):
        super().__init__(message)
        self.response = response
        self.explanation = explanation if explanation is not None else message
        self._status_code = status_code

    @property
    def status_code(self):
        """The engine's HTTP status, or None when the error did not come from an engine answer."""
        return self._status_code

    def is_client_error(self):
        """Whether the engine answered 4xx."""
        return self._status_code is not None and 400 <= self._status_code < 500

    def is_server_error(self):
        """Whether the engine answered 5xx."""
        return self._status_code is not None and 500 <= self._status_code < 600

    def __str__(self):
        if self._status_code:
            kind = "Client Error" if self.is_client_error() else "Server Error"
            return f"{self._status_code} {kind}: {self.explanation}"
        return str(self.explanation)


class NotFound(APIError):
    """The engine answered 404: no such container, exec, image or path."""
    pass


class ImageNotFound(NotFound):
    """The image is not present and could not be pulled."""
    pass


class Conflict(APIError):
    """409 (or Podman's 500 for the same cases): a name in use, a container in the wrong state."""


class ContainerError(DockerException):
    """A non-detached run exited non-zero, as docker-py's ContainerError."""

    def __init__(self, container, exit_status, command, image, stderr):
        self.container = container
        self.exit_status = exit_status
        self.command = command
        self.image = image
        self.stderr = stderr
        err = f": {stderr.decode('utf-8', 'replace') if isinstance(stderr, bytes) else stderr}" if stderr else ""
        super().__init__(f"Command '{command}' in image '{image}' returned non-zero exit status {exit_status}{err}")


class InvalidArgument(DockerException, ValueError):
    """Bad input caught before anything was sent: an unknown option key, a wrong type, NULL."""


class ConnectionFailed(DockerException, ConnectionError):
    """The engine could not be reached; the message names the address."""


class Timeout(DockerException, TimeoutError):
    """A call ran past its time limit (docker-py raises requests' ReadTimeout here)."""


class Cancelled(DockerException):
    """A stream or call was cancelled."""


class TLSError(DockerException):
    """TLS was asked for and could not be set up or verified."""


class ProtocolError(DockerException):
    """The engine's answer could not be understood."""



# docker-py's errors that its low-level client (APIClient, types, utils) raises by itself.
class DeprecatedMethod(DockerException):
    """A call docker-py has removed (start() with host config arguments, utils.create_host_config)."""


class NullResource(DockerException, ValueError):
    """A container, image or exec id that is None or empty: "Resource ID was not provided"."""


class InvalidVersion(DockerException):
    """An option the client's API version does not have."""


# Result code -> exception class. The codes and their names come from the generated table
# (_ffi.py); a code without a class here fails test_api.py.
_CLASS_BY_NAME = {
    "DOCKER_ERR_INVALID_ARGUMENT": InvalidArgument,
    "DOCKER_ERR_NOT_FOUND": NotFound,
    "DOCKER_ERR_CONFLICT": Conflict,
    "DOCKER_ERR_IMAGE_NOT_FOUND": ImageNotFound,
    "DOCKER_ERR_CONTAINER_FAILED": ContainerError,
    "DOCKER_ERR_ENGINE": APIError,
    "DOCKER_ERR_CONNECTION": ConnectionFailed,
    "DOCKER_ERR_TIMEOUT": Timeout,
    "DOCKER_ERR_CANCELLED": Cancelled,
    "DOCKER_ERR_STOPPED_BY_CALLBACK": Cancelled,
    "DOCKER_ERR_TLS": TLSError,
    "DOCKER_ERR_FORKED": DockerException,
    "DOCKER_ERR_PROTOCOL": ProtocolError,
    "DOCKER_ERR_IO": DockerException,
    "DOCKER_ERR_INTERNAL": DockerException,
}
_BY_CODE = {code: (name, _CLASS_BY_NAME[name])
            for code, name in _ffi.DOCKER_RESULT_NAMES.items() if name in _CLASS_BY_NAME}


def from_code(code, message, status, exit_status, stderr):
    """The exception for a docker_result `code` with the error object's message, HTTP status, exit
    status and stderr."""
    name, cls = _BY_CODE.get(code, ("DOCKER_ERR_INTERNAL", DockerException))
    if cls is ContainerError:
        # The caller (containers.run) fills in container, command and image.
        e = ContainerError(None, exit_status, None, None, stderr)
        e.message = message
    elif issubclass(cls, APIError):
        e = cls(message, explanation=message, status_code=status)
    else:
        e = cls(message)
    e.code = name
    return e
