// Type declarations for docker-containers (lib/index.js).
/// <reference types="node" />
import { Readable } from 'stream';

/** Options use docker-py's keyword names, in camelCase or snake_case. */
export type Options = Record<string, unknown>;
export type Command = string | string[];

export interface ClientOptions {
  baseUrl?: string;
  version?: string;
  timeout?: number;
  userAgent?: string;
  maxPoolSize?: number;
  [key: string]: unknown;
}

export class Client {
  constructor(options?: ClientOptions);
  readonly containers: ContainerCollection;
  readonly images: ImageCollection;
  ping(): Promise<true>;
  version(): Promise<any>;
  info(): Promise<any>;
  apiVersion(): Promise<string>;
  close(): void;
}

export function fromEnv(options?: Omit<ClientOptions, 'baseUrl'>): Client;
export function libraryVersion(): string;
export function liveHandles(): number;
export const libraryPath: string;

export class ContainerCollection {
  run(image: string, command?: Command | null, options?: Options & { detach: true }): Promise<Container>;
  run(image: string, command?: Command | null, options?: Options): Promise<Buffer | Container>;
  create(image: string, command?: Command | null, options?: Options): Promise<Container>;
  get(idOrName: string): Promise<Container>;
  list(options?: Options & { sparse?: false }): Promise<Container[]>;
  list(options: Options & { sparse: true }): Promise<any[]>;
  prune(options?: Options): Promise<{ ContainersDeleted: string[]; SpaceReclaimed: number }>;
}

export class ImageCollection {
  exists(name: string): Promise<boolean>;
  get(name: string): Promise<any>;
  remove(name: string, options?: Options): Promise<void>;
}

export interface OutputChunk {
  stream: 'stdin' | 'stdout' | 'stderr' | 'console';
  data: Buffer;
}

export interface ExecResult {
  exitCode: number | null;
  output: Buffer | [Buffer, Buffer] | null;
  stdout?: Buffer;
  stderr?: Buffer;
  execId?: string;
}

export class DockerStream<T = OutputChunk> implements AsyncIterableIterator<T> {
  /** Exec streams: the exit code once the stream has ended; otherwise null. */
  exitCode: number | null;
  next(): Promise<IteratorResult<T, undefined>>;
  return(): Promise<IteratorResult<T, undefined>>;
  [Symbol.asyncIterator](): this;
  cancel(): void;
  close(): Promise<IteratorResult<T, undefined>>;
  write(data: Buffer | Uint8Array | string): Promise<void>;
  closeWrite(): Promise<void>;
  resize(height: number, width: number): Promise<void>;
  toReadable(options?: object): Readable;
}

export interface PathStat {
  name: string;
  size: number;
  mode: number;
  mode_bits: number;
  mtime: string;
  link_target: string;
  is_dir: boolean;
  is_symlink: boolean;
}

export class Container {
  readonly client: Client;
  readonly id: string;
  readonly shortId: string;
  readonly name: string;
  readonly status: string;
  readonly labels: Record<string, string>;
  readonly health: string;
  readonly ports: Record<string, Array<{ HostIp: string; HostPort: string }> | null>;
  readonly attrs: any;
  readonly warnings: string[];
  image(): Promise<{ Id: string; RepoTags: string[] }>;
  reload(): Promise<this>;
  start(): Promise<void>;
  stop(options?: Options): Promise<void>;
  restart(options?: Options): Promise<void>;
  kill(signal?: string | number): Promise<void>;
  pause(): Promise<void>;
  unpause(): Promise<void>;
  remove(options?: Options): Promise<void>;
  wait(options?: Options): Promise<{ StatusCode: number; Error?: { Message: string } | null }>;
  rename(name: string): Promise<void>;
  resize(height: number, width: number): Promise<void>;
  update(options?: Options): Promise<string[]>;
  commit(options?: Options): Promise<string>;
  top(options?: Options): Promise<{ Titles: string[]; Processes: string[][] }>;
  diff(): Promise<Array<{ Path: string; Kind: number }>>;
  execRun(cmd: Command, options?: Options): Promise<ExecResult | DockerStream>;
  execStream(cmd: Command, options?: Options): Promise<DockerStream>;
  logs(options?: Options): Promise<Buffer | [Buffer, Buffer] | DockerStream>;
  stats(options?: Options): Promise<any | DockerStream<any>>;
  attach(options?: Options): Promise<DockerStream>;
  attachSocket(options?: Options): Promise<DockerStream>;
  getArchive(path: string): Promise<{ stat: PathStat; stream: Readable }>;
  statPath(path: string): Promise<PathStat>;
  export(): Promise<Readable>;
  putArchive(path: string, data: Uint8Array | Readable | AsyncIterable<Uint8Array>, options?: Options): Promise<true>;
  copyTo(hostPath: string, containerPath: string, options?: Options): Promise<void>;
  copyFrom(containerPath: string, hostPath: string, options?: Options): Promise<void>;
  close(): void;
}

export class DockerError extends Error {
  code: string;
  result: number;
  httpStatus: number;
  exitStatus: number;
  stderr: Buffer | null;
}
export class InvalidArgumentError extends DockerError {}
export class NotFoundError extends DockerError {}
export class ConflictError extends DockerError {}
export class ImageNotFoundError extends NotFoundError {}
export class ContainerError extends DockerError {}
export class APIError extends DockerError {}
export class ConnectionError extends DockerError {}
export class TimeoutError extends DockerError {}
export class CancelledError extends DockerError {}
export class StoppedError extends DockerError {}
export class TLSError extends DockerError {}
export class ForkedError extends DockerError {}
export class ProtocolError extends DockerError {}
export class IOError extends DockerError {}
export class InternalError extends DockerError {}
export const CODES: Record<number, string>;
