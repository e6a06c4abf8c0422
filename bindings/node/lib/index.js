'use strict';
// docker-containers for Node: Client, containers and Container over the docker_containers C
// library (networks, volumes and images: their own files). Every call that can wait runs on a
// worker thread and returns a Promise.

const net = require('net');
const { pipeline } = require('stream/promises');
const { Readable } = require('stream');
const native = require('./native');
const errors = require('./errors');
const { Handle, liveHandles } = require('./handle');
const { DockerStream, checkDim } = require('./stream');
const { toJson, convert, command, str } = require('./options');
const { NetworkCollection, Network } = require('./networks');
const { VolumeCollection, Volume } = require('./volumes');
const { ImageCollection, Image } = require('./images');

const { call, sync, withCallback } = native;
const { invalid, TimeoutError, NotFoundError } = errors;

const O_CLOEXEC = 0o2000000;
// A wait with no timeout is done in slices of this many seconds, so that it never holds a
// worker thread for long (the condition "not-running" makes re-asking exact).
const WAIT_SLICE_S = 2;

function parse(json) {
  return json === null || json === undefined ? null : JSON.parse(json);
}

const outputItem = (stream, data) => ({ stream, data });

class Client {
  /**
   * docker-py's DockerClient(...): options {baseUrl, version, timeout, userAgent, maxPoolSize}
   * (or their snake_case names). Nothing is sent until the first call.
   */
  constructor(options = {}) {
    this._json = toJson(options, 'Client');
    this._fn = 'docker_client_new';
    this._handle = null;
    this._opening = null;
    this._closed = false;
    this.containers = new ContainerCollection(this);
    this.images = new ImageCollection(this);
    this.networks = new NetworkCollection(this);
    this.volumes = new VolumeCollection(this);
  }

  _open() {
    if (this._closed) return Promise.reject(invalid('client is closed'));
    if (!this._opening) {
      this._opening = call(this._fn, this._json).then((ptr) => {
        this._handle = new Handle(ptr, sync.client_free, 'client');
        if (this._closed) this._handle.close();
        return this._handle;
      });
      // A failed open (bad options, say) is reported to each call, and retried by the next.
      this._opening.catch(() => {
        this._opening = null;
      });
    }
    return this._opening;
  }

  async _use(fn) {
    const h = await this._open();
    return h.use(fn);
  }

  /** True when the engine answers /_ping. */
  async ping() {
    await this._use((p) => call('docker_client_ping', p));
    return true;
  }

  /** The engine's /version, parsed. */
  async version() {
    return parse(await this._use((p) => call('docker_client_version', p)));
  }

  /** The engine's /info, parsed. */
  async info() {
    return parse(await this._use((p) => call('docker_client_info', p)));
  }

  /**
   * docker-py's events(options): an async iterator of the engine's events (objects). Options
   * {since, until, filters}; without until it runs until the iterator is closed (break).
   */
  async events(options) {
    const o = convert(options, 'events') || {};
    delete o.decode;
    const ptr = await this._use((p) => call('docker_client_events_open', p, toJson(o, 'events')));
    return new DockerStream(ptr, { map: (k, d) => JSON.parse(d.toString('utf8')), keep: this, what: 'events stream' });
  }

  /**
   * What `docker stats` shows for many containers (not in docker-py): an async iterator of
   * {event: "joined" | "sample" | "left", id, name, ...} objects for every running container or
   * those `filters` (containers.list's) selects; break (or close()) ends it.
   */
  async statsAll(options) {
    const o = convert(options, 'stats') || {};
    const ptr = await this._use((p) => call('docker_client_stats_open', p, toJson(o, 'stats')));
    return new DockerStream(ptr, { map: (k, d) => JSON.parse(d.toString('utf8')), keep: this, what: 'stats stream' });
  }

  /** The Engine API version in use, e.g. "1.41". */
  async apiVersion() {
    return this._use((p) => call('docker_client_api_version', p));
  }

  /** Free the client (calls in flight finish first). Containers made from it stay usable. */
  close() {
    this._closed = true;
    if (this._handle) this._handle.close();
  }
}

/** docker.from_env(): DOCKER_HOST, DOCKER_API_VERSION, ...; options {version, timeout, ...}. */
function fromEnv(options = {}) {
  const c = new Client();
  c._json = toJson(options, 'fromEnv');
  c._fn = 'docker_client_from_env';
  return c;
}

class ContainerCollection {
  constructor(client) {
    this.client = client;
  }

  /**
   * docker-py's containers.run(image, command, options). Detached: a Container. Otherwise the
   * output as a Buffer; a non-zero exit rejects with ContainerError (exitStatus, stderr).
   */
  async run(image, cmd, options) {
    str(image, 'image', 'run');
    const [c, opts] = command(cmd, options, 'command', 'run');
    const o = convert(opts, 'run') || {};
    const json = Object.keys(o).length ? JSON.stringify(o) : null;
    const [ptr, output] = await this.client._use((p) => call('docker_containers_run', p, image, c, json));
    if (o.detach === true) return Container._make(this.client, ptr);
    // Attached: docker-py returns the output only; the handle (kept without remove) is freed.
    if (ptr) sync.container_free(ptr);
    return output || Buffer.alloc(0);
  }

  /** docker-py's containers.create(image, command, options): a Container, not started. */
  async create(image, cmd, options) {
    str(image, 'image', 'create');
    const [c, opts] = command(cmd, options, 'command', 'create');
    const json = toJson(opts, 'create');
    const ptr = await this.client._use((p) => call('docker_containers_create', p, image, c, json));
    return Container._make(this.client, ptr);
  }

  /** docker-py's containers.get(idOrName). A missing one rejects with NotFoundError. */
  async get(idOrName) {
    str(idOrName, 'id or name', 'get');
    const ptr = await this.client._use((p) => call('docker_containers_get', p, idOrName));
    return Container._make(this.client, ptr);
  }

  /**
   * docker-py's containers.list(options): Container objects ({all, before, since, limit,
   * filters, ignoreRemoved}); with {sparse: true} the engine's list entries as plain objects.
   */
  async list(options) {
    const o = convert(options, 'list') || {};
    const ignoreRemoved = o.ignore_removed !== false;
    const sparse = o.sparse === true;
    delete o.ignore_removed;
    o.sparse = true;
    const entries = parse(await this.client._use((p) => call('docker_containers_list', p, JSON.stringify(o))));
    if (sparse) return entries;
    const got = await Promise.all(
      entries.map((e) =>
        this.get(e.Id).catch((err) => {
          if (ignoreRemoved && err instanceof NotFoundError) return null;
          throw err;
        }),
      ),
    );
    return got.filter((c) => c !== null);
  }

  /** docker-py's containers.prune({filters}): {ContainersDeleted, SpaceReclaimed}. */
  async prune(options) {
    const json = toJson(options, 'prune');
    return parse(await this.client._use((p) => call('docker_containers_prune', p, json)));
  }
}

class Container {
  constructor(client, handle) {
    this.client = client;
    this._h = handle;
    this.id = null;
    this.shortId = null;
    this._snap = null;
  }

  static async _make(client, ptr) {
    const h = new Handle(ptr, sync.container_free, 'container');
    const c = new Container(client, h);
    try {
      c.id = await h.use((p) => native.containerId(p));
      c.shortId = c.id.slice(0, 12);
      await c._snapshot();
    } catch (e) {
      h.close();
      throw e;
    }
    return c;
  }

  async _snapshot() {
    const get = (fn) => this._h.use((p) => call(fn, p));
    const [attrs, name, status, labels, health, ports, warnings] = await Promise.all([
      get('docker_container_attrs_json'),
      get('docker_container_name'),
      get('docker_container_status'),
      get('docker_container_labels_json'),
      get('docker_container_health'),
      get('docker_container_ports_json'),
      get('docker_container_warnings_json'),
    ]);
    this._snap = {
      attrs: parse(attrs),
      name,
      status,
      labels: parse(labels),
      health,
      ports: parse(ports),
      warnings: parse(warnings),
    };
  }

  /** Name without the leading slash, as last fetched. */
  get name() {
    return this._snap.name;
  }
  /** "created", "running", ... as last fetched: reload() for a fresh one. */
  get status() {
    return this._snap.status;
  }
  get labels() {
    return this._snap.labels;
  }
  /** "healthy", "unhealthy", "starting" or "unknown". */
  get health() {
    return this._snap.health;
  }
  /** docker-py's ports shape: {"80/tcp": [{HostIp, HostPort}], ...}. */
  get ports() {
    return this._snap.ports;
  }
  /** The whole inspect object. */
  get attrs() {
    return this._snap.attrs;
  }
  /** The engine's warnings from create or the last update. */
  get warnings() {
    return this._snap.warnings;
  }

  async _call(fn, ...args) {
    return this._h.use((p) => call(fn, p, ...args));
  }

  /** The container's image {Id, RepoTags} (asks the engine). */
  async image() {
    return parse(await this._call('docker_container_image'));
  }

  /** Fetch the attributes again. */
  async reload() {
    await this._call('docker_container_reload');
    await this._snapshot();
    return this;
  }

  async start() {
    return this._call('docker_container_start');
  }
  /** Options {timeout, signal}. */
  async stop(options) {
    return this._call('docker_container_stop', toJson(options, 'stop'));
  }
  async restart(options) {
    return this._call('docker_container_restart', toJson(options, 'restart'));
  }
  /** signal: "SIGTERM", "TERM", 9, ...; default SIGKILL. */
  async kill(signal) {
    if (signal !== undefined && signal !== null && typeof signal !== 'string' && !Number.isInteger(signal)) {
      throw invalid('kill: signal must be a name or a number');
    }
    return this._call('docker_container_kill', signal === undefined || signal === null ? null : String(signal));
  }
  async pause() {
    return this._call('docker_container_pause');
  }
  async unpause() {
    return this._call('docker_container_unpause');
  }
  /** Options {v, link, force}. The Container stays usable as an object (calls give NotFoundError). */
  async remove(options) {
    return this._call('docker_container_remove', toJson(options, 'remove'));
  }

  /**
   * Resolves once every condition holds (docker_container_wait_for): {status, healthy, log,
   * port, exec}, with the C API's snake_case keys inside (http_path, http_status). Options
   * {timeout (seconds), signal (AbortSignal)}: past the timeout a TimeoutError naming what did
   * not hold; an abort rejects with CancelledError; a container that exits, is removed or
   * turns unhealthy rejects with ContainerError (exitStatus, stderr: its last output).
   */
  async waitFor(conditions, options = {}) {
    const { timeout, signal } = options || {};
    if (timeout !== undefined && timeout !== null && (typeof timeout !== 'number' || !(timeout >= 0))) {
      throw invalid('waitFor: timeout must be a number of seconds (0 or more)');
    }
    const ms = timeout === undefined || timeout === null ? -1 : Math.round(timeout * 1000);
    const token = sync.cancel_new();
    const onAbort = () => sync.cancel_fire(token);
    if (signal) {
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    try {
      await this._call('docker_container_wait_for', JSON.stringify(conditions || {}), ms, token);
    } finally {
      if (signal) signal.removeEventListener('abort', onAbort);
      sync.cancel_free(token);
    }
  }

  /**
   * Wait for the container to stop: {StatusCode, Error}. Options {timeout (seconds),
   * condition}. Rejects with TimeoutError when the timeout passes.
   */
  async wait(options) {
    const o = convert(options, 'wait') || {};
    const condition = o.condition === undefined ? 'not-running' : o.condition;
    const total = o.timeout === undefined || o.timeout === null ? null : o.timeout;
    if (total !== null && (typeof total !== 'number' || !(total >= 0))) {
      throw invalid('wait: timeout must be a number of seconds (0 or more)');
    }
    if (condition !== 'not-running') {
      const [, json] = await this._call('docker_container_wait', toJson(o, 'wait'));
      return parse(json);
    }
    const deadline = total === null ? null : Date.now() + total * 1000;
    for (;;) {
      const left = deadline === null ? WAIT_SLICE_S : Math.max(0, (deadline - Date.now()) / 1000);
      // The last slice still gives the engine a moment to answer for a stopped container.
      const slice = Math.max(Math.min(left, WAIT_SLICE_S), 0.1);
      try {
        const [, json] = await this._call('docker_container_wait', JSON.stringify({ ...o, timeout: slice }));
        return parse(json);
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        if (deadline !== null && Date.now() >= deadline) {
          throw new TimeoutError(`wait: container still running after ${total} s`, { result: native.table.docker_result.DOCKER_ERR_TIMEOUT });
        }
      }
    }
  }

  async rename(name) {
    str(name, 'name', 'rename');
    return this._call('docker_container_rename', name);
  }
  async resize(height, width) {
    return this._call('docker_container_resize', checkDim(height, 'height'), checkDim(width, 'width'));
  }
  /** docker-py's update(...) keywords; resolves to the engine's warnings. */
  async update(options) {
    await this._call('docker_container_update', toJson(options, 'update'));
    return parse(await this._call('docker_container_warnings_json'));
  }
  /** Options {repository, tag, message, author, changes, conf, pause}; resolves to the image id. */
  async commit(options) {
    return this._call('docker_container_commit', toJson(options, 'commit'));
  }
  /** {Titles, Processes}; options {psArgs}. */
  async top(options) {
    return parse(await this._call('docker_container_top', toJson(options, 'top')));
  }
  /** [{Path, Kind}] with Kind 0 modified, 1 added, 2 deleted. */
  async diff() {
    return parse(await this._call('docker_container_diff'));
  }

  /**
   * docker-py's exec_run(cmd, options): {exitCode, output}. With {demux: true}, output is
   * [stdout, stderr] (also as .stdout and .stderr). With {stream: true} or {socket: true}: an
   * ExecStream (see execStream). With {detach: true}: {exitCode: null, output: null, execId}.
   */
  async execRun(cmd, options) {
    const o = convert(options, 'execRun') || {};
    if (o.stream || o.socket) {
      const interactive = Boolean(o.socket);
      delete o.stream;
      delete o.socket;
      return this.execStream(cmd, { stdin: interactive, ...o });
    }
    const [c, opts] = command(cmd, o, 'cmd', 'execRun');
    if (opts.detach) {
      delete opts.detach;
      const execId = await this._call('docker_container_exec_detached', c, toJson(opts, 'execRun'));
      return { exitCode: null, output: null, execId };
    }
    delete opts.detach;
    const [exitCode, out, err] = await this._call('docker_container_exec_run', c, toJson(opts, 'execRun'));
    if (opts.demux) return { exitCode, output: [out, err], stdout: out, stderr: err };
    return { exitCode, output: out };
  }

  /**
   * The exec's output as an async iterator of {stream: 'stdout'|'stderr'|'console', data};
   * `exitCode` is set on the iterator once it ends. Options as execRun, plus stdin (default
   * false here) for write()/closeWrite(), and idleTimeout (seconds).
   */
  async execStream(cmd, options) {
    const o = convert(options, 'execStream') || {};
    const idle = takeIdle(o);
    if (o.stdin === undefined) o.stdin = false;
    const [c, opts] = command(cmd, o, 'cmd', 'execStream');
    const ptr = await this._call('docker_container_exec_open', c, toJson(opts, 'execStream'));
    return new DockerStream(ptr, { map: outputItem, exec: true, idleTimeout: idle, keep: this, what: 'exec stream' });
  }

  /**
   * docker-py's logs(options). Without stream/follow: a Buffer (with demux: [stdout, stderr]).
   * With {stream: true} or {follow: true}: an async iterator of {stream, data}.
   */
  async logs(options) {
    const o = convert(options, 'logs') || {};
    if (o.stream || o.follow) {
      delete o.stream;
      const idle = takeIdle(o);
      const ptr = await this._call('docker_container_logs_open', toJson(o, 'logs'));
      return new DockerStream(ptr, { map: outputItem, idleTimeout: idle, keep: this, what: 'logs stream' });
    }
    delete o.stream;
    const [out, err] = await this._call('docker_container_logs_buffer', toJson(o, 'logs'));
    return o.demux ? [out, err] : out;
  }

  /**
   * docker-py's stats(options). Default: an async iterator of samples (objects with the
   * engine's fields plus `derived`). {stream: false}: one sample (options {oneShot}).
   */
  async stats(options) {
    const o = convert(options, 'stats') || {};
    delete o.decode;
    if (o.stream === false) {
      delete o.stream;
      return parse(await this._call('docker_container_stats_once', toJson(o, 'stats')));
    }
    delete o.stream;
    const idle = takeIdle(o);
    const ptr = await this._call('docker_container_stats_open', toJson(o, 'stats'));
    return new DockerStream(ptr, { map: (k, d) => JSON.parse(d.toString('utf8')), idleTimeout: idle, keep: this, what: 'stats stream' });
  }

  /** docker-py's attach(stream=True): the output as an async iterator of {stream, data}. */
  async attach(options) {
    const o = convert(options, 'attach') || {};
    delete o.stream;
    if (o.stdin === undefined) o.stdin = false;
    return this._attach(o);
  }

  /** docker-py's attach_socket(): attach with stdin (write, closeWrite, resize). */
  async attachSocket(options) {
    return this._attach(convert(options, 'attachSocket') || {});
  }

  async _attach(o) {
    const idle = takeIdle(o);
    const ptr = await this._call('docker_container_attach_open', toJson(o, 'attach'));
    return new DockerStream(ptr, { map: outputItem, idleTimeout: idle, keep: this, what: 'attach stream' });
  }

  /**
   * docker-py's get_archive(path): {stat, stream} with the tar as a Readable. Options
   * {onProgress(done, total)}: the tar's bytes read so far, per chunk and once more at the end
   * (total null: the engine does not say); an exception thrown in it destroys the Readable
   * with that error, which cancels the copy.
   */
  async getArchive(path, options) {
    str(path, 'path', 'getArchive');
    const [onProgress] = takeProgress(options, 'getArchive', true);
    const [ptr, stat] = await this._call('docker_container_get_archive_open', path);
    const s = new DockerStream(ptr, { map: (k, d) => d, keep: this, what: 'archive stream' });
    return { stat: parse(stat), stream: countedReadable(s, onProgress) };
  }

  /** The stat of a path in the container ({name, size, mode, ...}). */
  async statPath(path) {
    str(path, 'path', 'statPath');
    return parse(await this._call('docker_container_stat_path', path));
  }

  /** docker-py's export(): the filesystem as a tar Readable. Options {onProgress}, as getArchive's. */
  async export(options) {
    const [onProgress] = takeProgress(options, 'export', true);
    const ptr = await this._call('docker_container_export_open');
    return countedReadable(new DockerStream(ptr, { map: (k, d) => d, keep: this, what: 'export stream' }), onProgress);
  }

  /**
   * docker-py's put_archive(path, data): `data` a Buffer/Uint8Array (sent as it is) or a
   * Readable / async iterable of Buffers (streamed through a pipe, bounded memory).
   * Options {noOverwriteDirNonDir, copyUidGid, onProgress(done, total)}: the library's
   * progress, per chunk and once more at the end (total: the Buffer's length; null for a
   * stream); an exception thrown in it stops the upload and the call rejects with it.
   * Resolves to true.
   */
  async putArchive(path, data, options) {
    str(path, 'path', 'putArchive');
    const [onProgress, o] = takeProgress(options, 'putArchive');
    const json = toJson(o, 'putArchive');
    let run;
    if (data instanceof Uint8Array) {
      run = (cb) => this._call('docker_container_put_archive', path, data, data.length, json, cb, null);
    } else if (data && typeof data[Symbol.asyncIterator] === 'function') {
      run = (cb) => this._putArchiveStream(path, data, json, cb);
    } else {
      throw invalid('putArchive: data must be a Buffer, a Uint8Array, a Readable or an async iterable');
    }
    await withCallback('docker_transfer_cb', transferFn(onProgress), run);
    return true;
  }

  async _putArchiveStream(path, source, json, progress) {
    const libc = native.libcFns();
    const fds = new Int32Array(2);
    if (libc.pipe2(fds, O_CLOEXEC) !== 0) {
      throw new errors.IOError(`putArchive: pipe2 failed (errno ${native.koffi.errno()})`, { result: native.table.docker_result.DOCKER_ERR_IO });
    }
    const [rfd, wfd] = fds;
    let sock;
    try {
      sock = new net.Socket({ fd: wfd, readable: false, writable: true });
    } catch (e) {
      libc.close(rfd);
      libc.close(wfd);
      throw e;
    }
    let feedError = null;
    const feeding = pipeline(source, sock).catch((e) => {
      feedError = e;
    });
    let uploadError = null;
    try {
      await this._call('docker_container_put_archive_reader', path, libc.read, rfd, json, progress, null);
    } catch (e) {
      uploadError = e;
      sock.destroy();
    } finally {
      libc.close(rfd);
    }
    await feeding;
    if (uploadError) throw uploadError;
    if (feedError) throw feedError;
  }

  /**
   * `docker cp HOST CONTAINER:PATH` rules. Options {followLink, copyUidGid, onProgress(done,
   * total)}, onProgress as putArchive's (total: what the library knows of the tar's size).
   */
  async copyTo(hostPath, containerPath, options) {
    str(hostPath, 'host path', 'copyTo');
    str(containerPath, 'container path', 'copyTo');
    const [onProgress, o] = takeProgress(options, 'copyTo');
    const json = toJson(o, 'copyTo');
    await withCallback('docker_transfer_cb', transferFn(onProgress), (cb) =>
      this._call('docker_container_copy_to', hostPath, containerPath, json, cb, null),
    );
  }

  /** `docker cp CONTAINER:PATH HOST` rules. Options {followLink, archive, onProgress} (total null). */
  async copyFrom(containerPath, hostPath, options) {
    str(containerPath, 'container path', 'copyFrom');
    str(hostPath, 'host path', 'copyFrom');
    const [onProgress, o] = takeProgress(options, 'copyFrom');
    const json = toJson(o, 'copyFrom');
    await withCallback('docker_transfer_cb', transferFn(onProgress), (cb) =>
      this._call('docker_container_copy_from', containerPath, hostPath, json, cb, null),
    );
  }

  /** Free the handle now (the container itself is untouched); otherwise GC frees it. */
  close() {
    this._h.close();
  }
}

/**
 * The onProgress option, checked, and the other options (converted). `only`: onProgress is
 * the only option the call takes, so any other key is refused here.
 */
function takeProgress(options, what, only = false) {
  const o = convert(options, what) || {};
  const f = o.on_progress;
  delete o.on_progress;
  if (f !== undefined && f !== null && typeof f !== 'function') throw invalid(`${what}: onProgress must be a function`);
  const rest = Object.keys(o);
  if (only && rest.length) throw invalid(`${what}: unknown option "${rest[0]}" (only onProgress)`);
  return [f || null, o];
}

/** The C library's transfer callback (userdata, done, total) as onProgress(done, total | null). */
function transferFn(onProgress) {
  if (!onProgress) return null;
  return (ud, done, total) => {
    const t = Number(total);
    onProgress(Number(done), t < 0 ? null : t);
  };
}

/**
 * A pull stream of bytes as a Readable, with onProgress(done, null) after each chunk and once
 * more at the end, as the C library's transfer callback is called. An exception thrown in it
 * ends the loop, which cancels and frees the stream, and destroys the Readable with it.
 */
function countedReadable(stream, onProgress) {
  if (!onProgress) return stream.toReadable();
  async function* counted() {
    let done = 0;
    for await (const b of stream) {
      done += b.length;
      onProgress(done, null);
      yield b;
    }
    onProgress(done, null);
  }
  return Readable.from(counted(), { objectMode: false });
}

function takeIdle(o) {
  const v = o.idle_timeout;
  delete o.idle_timeout;
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !(v > 0)) throw invalid('idleTimeout must be a number of seconds above 0');
  return v;
}

/** This library's version ("0.1.0"); a constant of the loaded library. */
function libraryVersion() {
  return sync.version();
}

module.exports = {
  liveHandles,
  Client,
  fromEnv,
  ContainerCollection,
  ImageCollection,
  Image,
  NetworkCollection,
  Network,
  VolumeCollection,
  Volume,
  Container,
  DockerStream,
  libraryVersion,
  libraryPath: native.libraryPath,
  DockerError: errors.DockerError,
  InvalidArgumentError: errors.InvalidArgumentError,
  NotFoundError: errors.NotFoundError,
  ConflictError: errors.ConflictError,
  ImageNotFoundError: errors.ImageNotFoundError,
  ContainerError: errors.ContainerError,
  APIError: errors.APIError,
  ConnectionError: errors.ConnectionError,
  TimeoutError: errors.TimeoutError,
  CancelledError: errors.CancelledError,
  StoppedError: errors.StoppedError,
  TLSError: errors.TLSError,
  ForkedError: errors.ForkedError,
  ProtocolError: errors.ProtocolError,
  IOError: errors.IOError,
  InternalError: errors.InternalError,
  CODES: errors.CODES,
};
