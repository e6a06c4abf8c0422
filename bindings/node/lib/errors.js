'use strict';
// The error classes: one per docker_result code, all under DockerError.

const table = require('./ffi_table');

// docker_result value -> name ('DOCKER_ERR_NOT_FOUND'), from the generated table.
const CODES = Object.fromEntries(
  Object.entries(table.docker_result)
    .filter(([, v]) => v !== 0)
    .map(([k, v]) => [v, k]),
);

/** Every error this package raises. `result` is the library's numeric docker_result. */
class DockerError extends Error {
  constructor(message, { result = table.docker_result.DOCKER_ERR_ENGINE, httpStatus = 0, exitStatus = -1, stderr = null } = {}) {
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

// docker_result name -> class. A code the header gains without a class here fails at load.
const BY_NAME = {
  DOCKER_ERR_INVALID_ARGUMENT: InvalidArgumentError,
  DOCKER_ERR_NOT_FOUND: NotFoundError,
  DOCKER_ERR_CONFLICT: ConflictError,
  DOCKER_ERR_IMAGE_NOT_FOUND: ImageNotFoundError,
  DOCKER_ERR_CONTAINER_FAILED: ContainerError,
  DOCKER_ERR_ENGINE: APIError,
  DOCKER_ERR_CONNECTION: ConnectionError,
  DOCKER_ERR_TIMEOUT: TimeoutError,
  DOCKER_ERR_CANCELLED: CancelledError,
  DOCKER_ERR_STOPPED_BY_CALLBACK: StoppedError,
  DOCKER_ERR_TLS: TLSError,
  DOCKER_ERR_FORKED: ForkedError,
  DOCKER_ERR_PROTOCOL: ProtocolError,
  DOCKER_ERR_IO: IOError,
  DOCKER_ERR_INTERNAL: InternalError,
};
const BY_RESULT = Object.fromEntries(
  Object.entries(CODES).map(([v, name]) => {
    if (!BY_NAME[name]) throw new Error(`docker-containers: no error class for ${name}`);
    return [v, BY_NAME[name]];
  }),
);

function errorFor(result, message, extra = {}) {
  const Cls = BY_RESULT[result] || DockerError;
  return new Cls(message, { result, ...extra });
}

function invalid(message) {
  return new InvalidArgumentError(message, { result: table.docker_result.DOCKER_ERR_INVALID_ARGUMENT });
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
