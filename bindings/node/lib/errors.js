'use strict';
// The error classes: one per docker_result code, all under DockerError.

const CODES = {
  1: 'DOCKER_ERR_INVALID_ARGUMENT',
  2: 'DOCKER_ERR_NOT_FOUND',
  3: 'DOCKER_ERR_CONFLICT',
  4: 'DOCKER_ERR_IMAGE_NOT_FOUND',
  5: 'DOCKER_ERR_CONTAINER_FAILED',
  6: 'DOCKER_ERR_ENGINE',
  7: 'DOCKER_ERR_CONNECTION',
  8: 'DOCKER_ERR_TIMEOUT',
  9: 'DOCKER_ERR_CANCELLED',
  10: 'DOCKER_ERR_STOPPED_BY_CALLBACK',
  11: 'DOCKER_ERR_TLS',
  12: 'DOCKER_ERR_FORKED',
  13: 'DOCKER_ERR_PROTOCOL',
  14: 'DOCKER_ERR_IO',
  15: 'DOCKER_ERR_INTERNAL',
};

/** Every error this package raises. `result` is the library's numeric docker_result. */
class DockerError extends Error {
  constructor(message, { result = 6, httpStatus = 0, exitStatus = -1, stderr = null } = {}) {
    super(message);
    this.name = this.constructor.name;
    /** Stable string code, e.g. 'DOCKER_ERR_NOT_FOUND'. */
    this.code = CODES[result] || 'DOCKER_ERR_UNKNOWN';
    /** The numeric docker_result value (1..15). */
    this.result = result;
    /** The engine's HTTP status when the error came from an engine answer, else 0. */
    this.httpStatus = httpStatus;
    /** For ContainerError: the container's exit status; otherwise -1. */
    this.exitStatus = exitStatus;
    /** For ContainerError: the container's stderr (a Buffer); otherwise null. */
    this.stderr = stderr;
  }
}

class InvalidArgumentError extends DockerError {}
/** Engine 404. */
class NotFoundError extends DockerError {}
/** Engine 409. */
class ConflictError extends DockerError {}
class ImageNotFoundError extends NotFoundError {}
/** A non-detached run exited non-zero (docker-py's ContainerError). */
class ContainerError extends DockerError {}
/** Any other engine error status (docker-py's APIError). */
class APIError extends DockerError {}
class ConnectionError extends DockerError {}
class TimeoutError extends DockerError {}
class CancelledError extends DockerError {}
class StoppedError extends DockerError {}
class TLSError extends DockerError {}
class ForkedError extends DockerError {}
class ProtocolError extends DockerError {}
class IOError extends DockerError {}
class InternalError extends DockerError {}

const BY_RESULT = {
  1: InvalidArgumentError,
  2: NotFoundError,
  3: ConflictError,
  4: ImageNotFoundError,
  5: ContainerError,
  6: APIError,
  7: ConnectionError,
  8: TimeoutError,
  9: CancelledError,
  10: StoppedError,
  11: TLSError,
  12: ForkedError,
  13: ProtocolError,
  14: IOError,
  15: InternalError,
};

function errorFor(result, message, extra = {}) {
  const Cls = BY_RESULT[result] || DockerError;
  return new Cls(message, { result, ...extra });
}

function invalid(message) {
  return new InvalidArgumentError(message, { result: 1 });
}

module.exports = {
  DockerError,
  InvalidArgumentError,
  NotFoundError,
  ConflictError,
  ImageNotFoundError,
  ContainerError,
  APIError,
  ConnectionError,
  TimeoutError,
  CancelledError,
  StoppedError,
  TLSError,
  ForkedError,
  ProtocolError,
  IOError,
  InternalError,
  CODES,
  errorFor,
  invalid,
};
