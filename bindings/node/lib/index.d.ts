// Type declarations for docker-containers (lib/index.js).
/// <reference types="node" />
import { Readable } from 'stream';

import type * as O from './option-types';
export * from './option-types';

/**
 * Options of any call, untyped: docker-py's keyword names, in camelCase or snake_case. The
 * typed interfaces below (one per call, from the library's option table) are what the methods
 * take; this remains for code that builds options dynamically.
 */
export type Options = Record<string, unknown>;
/** A command: a string split like a shell would, or the argument list. */
export type Command = string | string[];

/** Options the binding reads itself (not sent to the library), in snake_case. */
interface IdleKeys {
  /** Seconds of silence before the stream ends with a TimeoutError. */
  idle_timeout?: number;
}

/** The progress option of the copies: the tar stream's bytes so far, and its size when known. */
interface ProgressKeys {
  /**
   * Called per chunk (64 KiB or so) and once more at the end with the final count (done ===
   * total when total is known, else total is null). Runs on the main thread; an exception
   * thrown here stops the copy, and the call rejects with it.
   */
  on_progress?: (done: number, total: number | null) => void;
}
/** container.getArchive() and export(): onProgress only. */
export type ArchiveReadOptions = O.WithCamel<ProgressKeys>;
/** container.putArchive(). */
export type PutArchiveOptions = O.WithCamel<O.ContainerPutArchiveReaderKeys & ProgressKeys>;
/** container.copyTo(). */
export type CopyToOptions = O.WithCamel<O.ContainerCopyToKeys & ProgressKeys>;
/** container.copyFrom(). */
export type CopyFromOptions = O.WithCamel<O.ContainerCopyFromKeys & ProgressKeys>;

/** new Client(options): docker-py's DockerClient keywords. */
export type ClientOptions = O.ClientNewOptions;
/** fromEnv(options): docker-py's from_env keywords (the environment gives the address). */
export type FromEnvOptions = O.ClientFromEnvOptions;
/** containers.run(): docker-py's run() keywords. */
export type RunOptions = O.ContainersRunOptions;
/** containers.create(): docker-py's create() keywords. */
export type CreateOptions = O.ContainersCreateOptions;
/** containers.list(). */
export type ListOptions = O.ContainersListOptions;
/** container.logs(): the buffered form's keys, `stream` for an iterator, and idle_timeout. */
export type LogsOptions = O.WithCamel<O.ContainerLogsBufferKeys & O.ContainerLogsOpenKeys & IdleKeys & {
  /** Return an async iterator of output chunks instead of a Buffer. */
  stream?: boolean;
}>;
/** container.stats(). */
export type StatsOptions = O.WithCamel<O.ContainerStatsOnceKeys & IdleKeys & {
  /** false: one sample; true (the default): an async iterator of samples. */
  stream?: boolean;
  /** Accepted for docker-py's sake: samples are always decoded. */
  decode?: boolean;
}>;
/** container.execRun(): docker-py's exec_run() keywords. */
export type ExecRunOptions = O.WithCamel<O.ContainerExecRunKeys & IdleKeys & {
  /** Return the output as a stream (see execStream). */
  stream?: boolean;
  /** Return an interactive stream with stdin (see execStream). */
  socket?: boolean;
  /** Start the process and return its exec id at once. */
  detach?: boolean;
}>;
/** container.execStream(). */
export type ExecStreamOptions = O.WithCamel<O.ContainerExecOpenKeys & IdleKeys>;
/** container.attach() and attachSocket(). */
export type AttachOptions = O.WithCamel<O.ContainerAttachOpenKeys & IdleKeys>;

/** docker-py's DockerClient: a connection to one engine. */
export class Client {
  /** Make a client; nothing is sent to the engine until the first call. */
  constructor(options?: ClientOptions);
  /** docker-py's client.containers. */
  readonly containers: ContainerCollection;
  /** docker-py's client.images. */
  readonly images: ImageCollection;
  /** docker-py's client.networks. */
  readonly networks: NetworkCollection;
  /** docker-py's client.volumes. */
  readonly volumes: VolumeCollection;
  /** Check the engine answers. */
  ping(): Promise<true>;
  /** The engine's version JSON (Version, ApiVersion, ...). */
  version(): Promise<any>;
  /** The engine's system info JSON. */
  info(): Promise<any>;
  /** What `docker stats` shows for many containers: joined/sample/left objects as an async iterator. */
  statsAll(options?: { filters?: Record<string, unknown> }): Promise<AsyncIterable<any> & { close(): void }>;
  /** docker-py's events(): the engine's events as an async iterator of objects. */
  events(options?: { since?: number | string | Date; until?: number | string | Date; filters?: Record<string, unknown> }): Promise<AsyncIterable<any> & { close(): void }>;
  /** The API version this client speaks (negotiated on first use). */
  apiVersion(): Promise<string>;
  /** Free the client; containers made from it stay usable. */
  close(): void;
}

/** docker-py's from_env(): DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, contexts. */
export function fromEnv(options?: FromEnvOptions): Client;
/** The C library's version. */
export function libraryVersion(): string;
/** How many library handles are alive (for leak checks). */
export function liveHandles(): number;
/** The path of the C library loaded. */
export const libraryPath: string;

/** docker-py's client.containers. */
export class ContainerCollection {
  /** Run detached: the started Container. */
  run(image: string, command: Command | null | undefined, options: RunOptions & { detach: true }): Promise<Container>;
  /** Run to the end: what it wrote (a non-zero exit rejects with ContainerError). */
  run(image: string, command?: Command | null, options?: RunOptions & { detach?: false }): Promise<Buffer>;
  /** Run, detached or not as `detach` says at run time. */
  run(image: string, command: Command | null | undefined, options: RunOptions): Promise<Buffer | Container>;
  /** Create a container without starting it. */
  create(image: string, command?: Command | null, options?: CreateOptions): Promise<Container>;
  /** A container by id or name; a missing one rejects with NotFoundError. */
  get(idOrName: string): Promise<Container>;
  /** Containers as Container objects. */
  list(options?: ListOptions & { sparse?: false }): Promise<Container[]>;
  /** The engine's list entries as plain objects. */
  list(options: ListOptions & { sparse: true }): Promise<any[]>;
  /** Remove stopped containers. */
  prune(options?: O.ContainersPruneOptions): Promise<{ ContainersDeleted: string[]; SpaceReclaimed: number }>;
}

/** One progress object of a pull, as the engine sends it. */
export interface PullProgress {
  /** "Pulling fs layer", "Downloading", "Digest: sha256:...", ... */
  status?: string;
  /** The layer it is about. */
  id?: string;
  /** Bytes so far and in all, for downloads and extractions. */
  progressDetail?: { current?: number; total?: number };
  /** The engine's progress bar. */
  progress?: string;
  /** Other fields the engine adds. */
  [key: string]: unknown;
}

/** images.pull(): the library's pull options, the tag, and a progress callback. */
export type PullOptions = O.WithCamel<O.ImagesPullKeys & {
  /** The tag (or "sha256:..." digest); default: the one in the name, else "latest". */
  tag?: string;
  /** Each progress object as it comes; an exception thrown here stops the pull and is re-thrown. */
  on_progress?: (item: PullProgress) => void;
}>;

/** docker-py's client.images. */
export class ImageCollection {
  /** Whether the engine has the image. */
  exists(name: string): Promise<boolean>;
  /** An image by name or id; a missing one rejects with ImageNotFoundError. */
  get(name: string): Promise<Image>;
  /** Images as Image objects (each inspected). */
  list(options?: O.ImagesListOptions & { sparse?: false }): Promise<Image[]>;
  /** The engine's image summaries as plain objects. */
  list(options: O.ImagesListOptions & { sparse: true }): Promise<any[]>;
  /** Pull repository[:tag]; resolves to the Image. */
  pull(repository: string, options?: PullOptions): Promise<Image>;
  /** Tag an image as repository[:tag]. */
  tag(image: Image | string, repository: string, options?: O.ImagesTagOptions): Promise<true>;
  /** Remove unused images (dangling ones unless filters say {dangling: false}). */
  prune(options?: O.ImagesPruneOptions): Promise<{ ImagesDeleted: Array<{ Untagged?: string; Deleted?: string }>; SpaceReclaimed: number }>;
  /** Remove an image (by name or id); a missing one rejects with ImageNotFoundError. */
  remove(image: Image | string, options?: O.ImagesRemoveOptions): Promise<void>;
}

/** One image (docker-py's Image): its inspect attributes. */
export class Image {
  /** The client it came from. */
  readonly client: Client;
  /** The inspect JSON as of the last reload. */
  readonly attrs: any;
  /** "sha256:" and 64 hex digits. */
  readonly id: string;
  /** "sha256:" and 12 hex digits. */
  readonly shortId: string;
  /** RepoTags, without "<none>:<none>". */
  readonly tags: string[];
  /** Config.Labels ({} when none). */
  readonly labels: Record<string, string>;
  /** Inspect again. */
  reload(): Promise<this>;
  /** Tag it as repository[:tag]. */
  tag(repository: string, options?: O.ImagesTagOptions): Promise<true>;
  /** Remove it by id. */
  remove(options?: O.ImagesRemoveOptions): Promise<void>;
}

/** docker-py's client.networks. */
export class NetworkCollection {
  /** Create a network; a name in use rejects with ConflictError. */
  create(name: string, options?: O.NetworksCreateOptions): Promise<Network>;
  /** A network by id, id prefix or name; a missing one rejects with NotFoundError. */
  get(idOrName: string, options?: O.NetworksGetOptions): Promise<Network>;
  /** Networks as Network objects (each fetched, so attrs list their containers). */
  list(options?: O.NetworksListOptions & { sparse?: false }): Promise<Network[]>;
  /** The engine's list entries as plain objects. */
  list(options: O.NetworksListOptions & { sparse: true }): Promise<any[]>;
  /** Remove the networks no container uses. */
  prune(options?: O.NetworksPruneOptions): Promise<{ NetworksDeleted: string[] }>;
}

/** One network (docker-py's Network): cached attributes and the calls on it. */
export class Network {
  /** The client it came from. */
  readonly client: Client;
  /** The full id. */
  readonly id: string;
  /** The first 12 characters of the id. */
  readonly shortId: string;
  /** The name, as last fetched. */
  readonly name: string;
  /** The inspect JSON as of the last reload (Containers: id to endpoint). */
  readonly attrs: any;
  /** Inspect again. */
  reload(): Promise<this>;
  /** The containers attached as of the last reload (those removed since are left out). */
  containers(): Promise<Container[]>;
  /** Connect a container (a Container, an id or a name). */
  connect(container: Container | string, options?: O.NetworkConnectOptions): Promise<void>;
  /** Disconnect a container. */
  disconnect(container: Container | string, options?: O.NetworkDisconnectOptions): Promise<void>;
  /** Remove the network. */
  remove(): Promise<void>;
  /** Free the handle now (the GC would later). */
  close(): void;
}

/** docker-py's client.volumes. */
export class VolumeCollection {
  /** Create a volume (no name: the engine makes one up); an existing name gives that volume. */
  create(name?: string | null, options?: Omit<O.VolumesCreateOptions, 'name'>): Promise<Volume>;
  /** Create a volume, everything in the options. */
  create(options: O.VolumesCreateOptions): Promise<Volume>;
  /** A volume by name; a missing one rejects with NotFoundError. */
  get(name: string): Promise<Volume>;
  /** Volumes as Volume objects. */
  list(options?: O.VolumesListOptions & { sparse?: false }): Promise<Volume[]>;
  /** The engine's volume entries as plain objects. */
  list(options: O.VolumesListOptions & { sparse: true }): Promise<any[]>;
  /** Remove the volumes no container uses. */
  prune(options?: O.VolumesPruneOptions): Promise<{ VolumesDeleted: string[]; SpaceReclaimed: number }>;
}

/** One volume (docker-py's Volume). */
export class Volume {
  /** The client it came from. */
  readonly client: Client;
  /** The name, which is also the id. */
  readonly id: string;
  /** The name. */
  readonly name: string;
  /** The first 12 characters of the name. */
  readonly shortId: string;
  /** The inspect JSON as of the last reload. */
  readonly attrs: any;
  /** Inspect again. */
  reload(): Promise<this>;
  /** Remove the volume; one a container uses rejects with ConflictError. */
  remove(options?: O.VolumeRemoveOptions): Promise<void>;
  /** Free the handle now (the GC would later). */
  close(): void;
}

/** One piece of output: which stream it came from, and the bytes. */
export interface OutputChunk {
  /** The stream it came from; console for a tty's raw output. */
  stream: 'stdin' | 'stdout' | 'stderr' | 'console';
  /** The bytes. */
  data: Buffer;
}

/** execRun's result. */
export interface ExecResult {
  /** The process's exit code. */
  exitCode: number;
  /** stdout and stderr together, in order. */
  output: Buffer;
}

/** execRun's result with demux: stdout and stderr apart. */
export interface DemuxExecResult {
  /** The process's exit code. */
  exitCode: number;
  /** [stdout, stderr]. */
  output: [Buffer, Buffer];
  /** What it wrote to stdout. */
  stdout: Buffer;
  /** What it wrote to stderr. */
  stderr: Buffer;
}

/** execRun's result with detach: the process runs on; inspect it by id. */
export interface DetachedExecResult {
  /** Not known yet: see docker_exec_inspect. */
  exitCode: null;
  /** Not gathered. */
  output: null;
  /** The exec's id. */
  execId: string;
}

/** A library stream as an async iterator; memory stays bounded however long it runs. */
export class DockerStream<T = OutputChunk> implements AsyncIterableIterator<T> {
  /** Exec streams: the exit code once the stream has ended; otherwise null. */
  exitCode: number | null;
  /** The next item (read off the event loop). */
  next(): Promise<IteratorResult<T, undefined>>;
  /** End the stream early (what `break` in for await calls). */
  return(): Promise<IteratorResult<T, undefined>>;
  /** The stream itself. */
  [Symbol.asyncIterator](): this;
  /** Cancel from anywhere: a pending next() ends. */
  cancel(): void;
  /** Close the stream and free it. */
  close(): Promise<IteratorResult<T, undefined>>;
  /** Write to the process's stdin (attachSocket, interactive exec). */
  write(data: Buffer | Uint8Array | string): Promise<void>;
  /** End stdin: the process reads end of file. */
  closeWrite(): Promise<void>;
  /** Resize the tty. */
  resize(height: number, width: number): Promise<void>;
  /** The stream as a Node Readable (object mode for chunks). */
  toReadable(options?: object): Readable;
}

/** A path's stat in the container (X-Docker-Container-Path-Stat). */
export interface PathStat {
  /** The base name. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** Go's FileMode bits as the engine sends them. */
  mode: number;
  /** The Unix permission bits. */
  mode_bits: number;
  /** Modification time, RFC 3339. */
  mtime: string;
  /** A symlink's target, or "". */
  link_target: string;
  /** Whether it is a directory. */
  is_dir: boolean;
  /** Whether it is a symlink. */
  is_symlink: boolean;
}

/** One container (docker-py's Container): cached attributes and the calls on it. */
export class Container {
  /** The client that made this handle. */
  readonly client: Client;
  /** The full id. */
  readonly id: string;
  /** The first 12 characters of the id. */
  readonly shortId: string;
  /** The name, without the leading "/". */
  readonly name: string;
  /** State.Status as of the last reload ("running", "exited", ...). */
  readonly status: string;
  /** Config.Labels. */
  readonly labels: Record<string, string>;
  /** State.Health.Status, or "unknown". */
  readonly health: string;
  /** NetworkSettings.Ports. */
  readonly ports: Record<string, Array<{ HostIp: string; HostPort: string }> | null>;
  /** The inspect JSON as of the last reload. */
  readonly attrs: any;
  /** The engine's warnings from create or update. */
  readonly warnings: string[];
  /** The container's image (Id and RepoTags). */
  image(): Promise<{ Id: string; RepoTags: string[] }>;
  /** Inspect again: refresh attrs and the getters. */
  reload(): Promise<this>;
  /** Start the container. */
  start(): Promise<void>;
  /** Stop: the stop signal, then SIGKILL after the timeout. */
  stop(options?: O.ContainerStopOptions): Promise<void>;
  /** Restart the container. */
  restart(options?: O.ContainerRestartOptions): Promise<void>;
  /** Send a signal ("SIGTERM", "TERM", 9, ...); default SIGKILL. */
  kill(signal?: string | number): Promise<void>;
  /** Pause all processes. */
  pause(): Promise<void>;
  /** Unpause. */
  unpause(): Promise<void>;
  /** Remove the container. */
  remove(options?: O.ContainerRemoveOptions): Promise<void>;
  /** Wait for the container to stop; a timeout that passes rejects with TimeoutError. */
  /** Resolves once every condition holds (docker_container_wait_for). */
  waitFor(
    conditions: { status?: string; healthy?: boolean; log?: string | { pattern: string; stream?: 'stdout' | 'stderr' | 'both'; times?: number }; port?: number | string | { port: number | string; http_path?: string; http_status?: number | [number, number] }; exec?: string | string[] },
    options?: { timeout?: number; signal?: AbortSignal },
  ): Promise<void>;
  wait(options?: O.ContainerWaitOptions): Promise<{ StatusCode: number; Error?: { Message: string } | null }>;
  /** Rename the container; a name in use rejects with ConflictError. */
  rename(name: string): Promise<void>;
  /** Resize the container's tty. */
  resize(height: number, width: number): Promise<void>;
  /** Change the container's resources; resolves to the engine's warnings. */
  update(options?: O.ContainerUpdateOptions): Promise<string[]>;
  /** Make an image of the container; resolves to the image id. */
  commit(options?: O.ContainerCommitOptions): Promise<string>;
  /** The processes (docker top). */
  top(options?: O.ContainerTopOptions): Promise<{ Titles: string[]; Processes: string[][] }>;
  /** Changed paths: Kind 0 modified, 1 added, 2 deleted. */
  diff(): Promise<Array<{ Path: string; Kind: number }>>;
  /** exec_run(stream=True) or socket=True: the output (and stdin) as a stream. */
  execRun(cmd: Command, options: ExecRunOptions & ({ stream: true } | { socket: true })): Promise<DockerStream>;
  /** exec_run(detach=True): the exec id at once. */
  execRun(cmd: Command, options: ExecRunOptions & { detach: true; stream?: false; socket?: false }): Promise<DetachedExecResult>;
  /** exec_run(demux=True): exit code, stdout and stderr apart. */
  execRun(cmd: Command, options: ExecRunOptions & { demux: true; stream?: false; socket?: false; detach?: false }): Promise<DemuxExecResult>;
  /** exec_run(): exit code and output. */
  execRun(cmd: Command, options?: ExecRunOptions & { demux?: false; stream?: false; socket?: false; detach?: false }): Promise<ExecResult>;
  /** exec_run() with flags known only at run time. */
  execRun(cmd: Command, options: ExecRunOptions): Promise<ExecResult | DemuxExecResult | DetachedExecResult | DockerStream>;
  /** The exec's output as a stream; exitCode is set on it once it ends. */
  execStream(cmd: Command, options?: ExecStreamOptions): Promise<DockerStream>;
  /** logs(stream=True) or follow: an async iterator of output chunks. */
  logs(options: LogsOptions & ({ stream: true } | { follow: true })): Promise<DockerStream>;
  /** logs(demux=True): [stdout, stderr]. */
  logs(options: LogsOptions & { demux: true; stream?: false; follow?: false }): Promise<[Buffer, Buffer]>;
  /** logs(): the output so far. */
  logs(options?: LogsOptions & { demux?: false; stream?: false; follow?: false }): Promise<Buffer>;
  /** logs() with flags known only at run time. */
  logs(options: LogsOptions): Promise<Buffer | [Buffer, Buffer] | DockerStream>;
  /** stats(stream=False): one sample (the engine's fields plus `derived`). */
  stats(options: StatsOptions & { stream: false }): Promise<any>;
  /** stats(): an async iterator of samples. */
  stats(options?: StatsOptions & { stream?: true }): Promise<DockerStream<any>>;
  /** attach(stream=True): the output as it comes. */
  attach(options?: AttachOptions): Promise<DockerStream>;
  /** attach_socket(): both directions (write, closeWrite, resize). */
  attachSocket(options?: AttachOptions): Promise<DockerStream>;
  /** get_archive(path): the path's stat and the tar as a Readable. */
  getArchive(path: string, options?: ArchiveReadOptions): Promise<{ stat: PathStat; stream: Readable }>;
  /** A path's stat, without its content. */
  statPath(path: string): Promise<PathStat>;
  /** The filesystem as a tar Readable. */
  export(options?: ArchiveReadOptions): Promise<Readable>;
  /** put_archive(path, data): extract a tar (Buffer, Readable or async iterable) into path. */
  putArchive(path: string, data: Uint8Array | Readable | AsyncIterable<Uint8Array>, options?: PutArchiveOptions): Promise<true>;
  /** docker cp HOST_PATH CONTAINER:PATH. */
  copyTo(hostPath: string, containerPath: string, options?: CopyToOptions): Promise<void>;
  /** docker cp CONTAINER:PATH HOST_PATH. */
  copyFrom(containerPath: string, hostPath: string, options?: CopyFromOptions): Promise<void>;
  /** Free the handle now (the GC would later). */
  close(): void;
}

/** Every error the library reports. */
export class DockerError extends Error {
  /** The result code's name ("DOCKER_ERR_NOT_FOUND", ...). */
  code: string;
  /** The numeric docker_result. */
  result: number;
  /** The engine's HTTP status, or 0. */
  httpStatus: number;
  /** A failed run's exit status. */
  exitStatus: number;
  /** A failed run's stderr. */
  stderr: Buffer | null;
}
/** A bad argument or option (the message names it). */
export class InvalidArgumentError extends DockerError {}
/** No such container, exec or path (404). */
export class NotFoundError extends DockerError {}
/** A conflict (409), such as a name in use. */
export class ConflictError extends DockerError {}
/** The image is missing and could not be pulled. */
export class ImageNotFoundError extends NotFoundError {}
/** A non-detached run exited non-zero (exitStatus, stderr). */
export class ContainerError extends DockerError {}
/** Another engine error, with the engine's message. */
export class APIError extends DockerError {}
/** The engine could not be reached. */
export class ConnectionError extends DockerError {}
/** A call or stream ran past its time limit. */
export class TimeoutError extends DockerError {}
/** Cancelled (an AbortSignal or cancel()). */
export class CancelledError extends DockerError {}
/** Stopped by a callback. */
export class StoppedError extends DockerError {}
/** A TLS problem. */
export class TLSError extends DockerError {}
/** A handle used in a forked child. */
export class ForkedError extends DockerError {}
/** The engine sent something unexpected. */
export class ProtocolError extends DockerError {}
/** A local file or I/O error. */
export class IOError extends DockerError {}
export class InternalError extends DockerError {}
export const CODES: Record<number, string>;
