"""Exceptions with docker-py's names (docker.errors), built from the library's error objects,
plus a few for what docker-py reports through other libraries (timeouts, TLS) or not at all."""


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
        return self._status_code

    def is_client_error(self):
        return self._status_code is not None and 400 <= self._status_code < 500

    def is_server_error(self):
        return self._status_code is not None and 500 <= self._status_code < 600

    def __str__(self):
        if self._status_code:
            kind = "Client Error" if self.is_client_error() else "Server Error"
            return f"{self._status_code} {kind}: {self.explanation}"
        return str(self.explanation)


class NotFound(APIError):
    pass


class ImageNotFound(NotFound):
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


_BY_CODE = {
    1: ("DOCKER_ERR_INVALID_ARGUMENT", InvalidArgument),
    2: ("DOCKER_ERR_NOT_FOUND", NotFound),
    3: ("DOCKER_ERR_CONFLICT", Conflict),
    4: ("DOCKER_ERR_IMAGE_NOT_FOUND", ImageNotFound),
    5: ("DOCKER_ERR_CONTAINER_FAILED", ContainerError),
    6: ("DOCKER_ERR_ENGINE", APIError),
    7: ("DOCKER_ERR_CONNECTION", ConnectionFailed),
    8: ("DOCKER_ERR_TIMEOUT", Timeout),
    9: ("DOCKER_ERR_CANCELLED", Cancelled),
    10: ("DOCKER_ERR_STOPPED_BY_CALLBACK", Cancelled),
    11: ("DOCKER_ERR_TLS", TLSError),
    12: ("DOCKER_ERR_FORKED", DockerException),
    13: ("DOCKER_ERR_PROTOCOL", ProtocolError),
    14: ("DOCKER_ERR_IO", DockerException),
    15: ("DOCKER_ERR_INTERNAL", DockerException),
}


def from_code(code, message, status, exit_status, stderr):
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
