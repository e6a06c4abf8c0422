// ESM entry point: the CommonJS module's exports, by name.
import dc from './index.js';

export default dc;
export const {
  liveHandles,
  Client,
  fromEnv,
  ContainerCollection,
  ImageCollection,
  Container,
  DockerStream,
  libraryVersion,
  libraryPath,
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
} = dc;
