'use strict';
// Pull streams (logs, stats, attach, exec output, archives) as async iterators: each next()
// is a docker_stream_next on a worker thread, in short slices so that a quiet stream never
// holds a worker for long; return() (or `break` in for await) cancels and frees the stream.

const { Readable } = require('stream');
const native = require('./native');
const { Handle } = require('./handle');
const { TimeoutError, invalid } = require('./errors');

// docker_stream_kind value -> 'stdin', 'stdout', ..., 'end', 'data' (the generated table).
const KIND_NAMES = Object.fromEntries(
  Object.entries(native.table.docker_stream_kind).map(([name, v]) => [v, name.replace(/^DOCKER_STREAM_/, '').toLowerCase()]),
);
const END = native.table.docker_stream_kind.DOCKER_STREAM_END;
// How long one docker_stream_next may hold a worker before the loop comes back round.
const SLICE_MS = 250;

class DockerStream {
  /**
   * @param ptr   docker_stream *
   * @param opts  { map(kindName, Buffer) -> value, exec: bool, idleTimeout: seconds|null,
   *               keep: an object to keep alive while the stream is (its container) }
   */
  constructor(ptr, { map, exec = false, idleTimeout = null, keep = null, what = 'stream' }) {
    this._h = new Handle(ptr, native.sync.stream_free, what);
    this._map = map;
    this._exec = exec;
    this._idleMs = idleTimeout === null || idleTimeout === undefined ? null : idleTimeout * 1000;
    this._keep = keep;
    this._done = false;
    this._cancelled = false;
    this._chain = Promise.resolve();
    /** For an exec stream, the exit code once the stream has ended; otherwise null. */
    this.exitCode = null;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  /** The next item, as the async iterator protocol has it. One pull at a time, in order. */
  next() {
    const p = this._chain.then(() => this._pull());
    this._chain = p.catch(() => {});
    return p;
  }

  async _pull() {
    if (this._done) return { done: true, value: undefined };
    const started = Date.now();
    for (;;) {
      if (this._cancelled) return this._end();
      let chunk;
      try {
        chunk = await this._h.use((p) => native.call('docker_stream_next', p, SLICE_MS));
      } catch (e) {
        if (e instanceof TimeoutError && !this._cancelled) {
          if (this._idleMs !== null && Date.now() - started >= this._idleMs) {
            this._end();
            throw new TimeoutError(`stream idle for more than ${this._idleMs / 1000} s`, { result: native.table.docker_result.DOCKER_ERR_TIMEOUT });
          }
          continue;
        }
        if (this._cancelled) return this._end();
        this._end();
        throw e;
      }
      if (chunk.kind === END) {
        if (this._exec) {
          this.exitCode = await this._h.use((p) => native.call('docker_stream_exit_code', p));
        }
        return this._end();
      }
      const data = native.copyBytes(chunk.data, chunk.len);
      return { done: false, value: this._map(KIND_NAMES[chunk.kind] || String(chunk.kind), data) };
    }
  }

  _end() {
    this._done = true;
    this._h.close();
    this._keep = null;
    return { done: true, value: undefined };
  }

  /** Stop reading: cancels the stream, waits for a pull in flight, frees it. */
  async return() {
    this.cancel();
    await this._chain;
    this._end();
    return { done: true, value: undefined };
  }

  /** Cancel from anywhere: a pending next() ends (done) promptly. */
  cancel() {
    if (this._done || this._cancelled) return;
    this._cancelled = true;
    // docker_stream_cancel only flips a flag: safe inline, and from any thread.
    if (this._h.ptr !== null) native.sync.stream_cancel(this._h.ptr);
  }

  /** Alias of return() for explicit use. */
  close() {
    return this.return();
  }

  /** Write to stdin (attach with stdin, interactive exec). `data`: Buffer or string. */
  async write(data) {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    if (!Buffer.isBuffer(buf) && !(buf instanceof Uint8Array)) throw invalid('write: data must be a Buffer or a string');
    await this._h.use((p) => native.call('docker_stream_write', p, buf, buf.length));
  }

  /** End stdin (a real half-close: the process reads end of file). */
  async closeWrite() {
    await this._h.use((p) => native.call('docker_stream_close_write', p));
  }

  /** Resize the tty behind the stream. */
  async resize(height, width) {
    await this._h.use((p) => native.call('docker_stream_resize', p, checkDim(height, 'height'), checkDim(width, 'width')));
  }

  /** The stream as a Node Readable (destroying it cancels the stream). */
  toReadable(options = {}) {
    return Readable.from(this, { objectMode: false, ...options });
  }
}

function checkDim(n, name) {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw invalid(`resize: ${name} must be a non-negative integer`);
  return n;
}

module.exports = { DockerStream, KIND_NAMES, checkDim };
