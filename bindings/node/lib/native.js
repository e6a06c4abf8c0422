'use strict';
// The C library through koffi: finding it, declaring its functions, and one way to call them
// off the main thread (koffi's async calls run on libuv's worker pool) as Promises.

const fs = require('fs');
const path = require('path');
const koffi = require('koffi');
const errors = require('./errors');

const SONAME = 'libdocker_containers.so.0.1';

function candidates() {
  const env = process.env.DOCKER_CONTAINERS_LIB;
  if (env) return [env];
  const repo = path.resolve(__dirname, '..', '..', '..', 'target', 'release', 'libdocker_containers.so');
  return fs.existsSync(repo) ? [repo] : [SONAME];
}

function loadLibrary() {
  const [file] = candidates();
  try {
    return { lib: koffi.load(file), file };
  } catch (e) {
    const how = process.env.DOCKER_CONTAINERS_LIB
      ? 'DOCKER_CONTAINERS_LIB'
      : 'no DOCKER_CONTAINERS_LIB, no target/release build beside this package, so the system soname';
    throw new Error(`docker-containers: cannot load ${file} (${how}): ${e.message}`);
  }
}

const { lib, file: libraryPath } = loadLibrary();

koffi.struct('docker_buffer', { data: 'void *', len: 'size_t' });
koffi.struct('docker_chunk', { kind: 'int32_t', data: 'void *', len: 'size_t' });

const E = '_Out_ void **error';
// name -> [prototype, kinds of the output parameters before `error`]
const PROTOS = {
  docker_client_from_env: [`int32_t docker_client_from_env(const char *o, _Out_ void **out, ${E})`, ['ptr']],
  docker_client_new: [`int32_t docker_client_new(const char *o, _Out_ void **out, ${E})`, ['ptr']],
  docker_client_ping: [`int32_t docker_client_ping(void *c, ${E})`, []],
  docker_client_version: [`int32_t docker_client_version(void *c, _Out_ void **out, ${E})`, ['str']],
  docker_client_info: [`int32_t docker_client_info(void *c, _Out_ void **out, ${E})`, ['str']],
  docker_client_api_version: [`int32_t docker_client_api_version(void *c, _Out_ void **out, ${E})`, ['str']],

  docker_containers_get: [`int32_t docker_containers_get(void *c, const char *id, _Out_ void **out, ${E})`, ['ptr']],
  docker_containers_run: [
    `int32_t docker_containers_run(void *c, const char *image, const char *cmd, const char *o, _Out_ void **out, _Out_ void **output, ${E})`,
    ['ptr', 'buf'],
  ],
  docker_containers_create: [
    `int32_t docker_containers_create(void *c, const char *image, const char *cmd, const char *o, _Out_ void **out, ${E})`,
    ['ptr'],
  ],
  docker_containers_list: [`int32_t docker_containers_list(void *c, const char *o, _Out_ void **out, ${E})`, ['str']],
  docker_containers_prune: [`int32_t docker_containers_prune(void *c, const char *o, _Out_ void **out, ${E})`, ['str']],

  docker_container_id_async: [`const char *docker_container_id(void *c)`, null],
  docker_container_short_id: [`int32_t docker_container_short_id(void *c, _Out_ void **out, ${E})`, ['str']],
  docker_container_name: [`int32_t docker_container_name(void *c, _Out_ void **out, ${E})`, ['str']],
  docker_container_status: [`int32_t docker_container_status(void *c, _Out_ void **out, ${E})`, ['str']],
  docker_container_labels_json: [`int32_t docker_container_labels_json(void *c, _Out_ void **out, ${E})`, ['str']],
  docker_container_health: [`int32_t docker_container_health(void *c, _Out_ void **out, ${E})`, ['str']],
  docker_container_ports_json: [`int32_t docker_container_ports_json(void *c, _Out_ void **out, ${E})`, ['str']],
  docker_container_attrs_json: [`int32_t docker_container_attrs_json(void *c, _Out_ void **out, ${E})`, ['str']],
  docker_container_warnings_json: [`int32_t docker_container_warnings_json(void *c, _Out_ void **out, ${E})`, ['str']],
  docker_container_image: [`int32_t docker_container_image(void *c, _Out_ void **out, ${E})`, ['str']],
  docker_container_reload: [`int32_t docker_container_reload(void *c, ${E})`, []],
  docker_container_start: [`int32_t docker_container_start(void *c, ${E})`, []],
  docker_container_pause: [`int32_t docker_container_pause(void *c, ${E})`, []],
  docker_container_unpause: [`int32_t docker_container_unpause(void *c, ${E})`, []],
  docker_container_stop: [`int32_t docker_container_stop(void *c, const char *o, ${E})`, []],
  docker_container_restart: [`int32_t docker_container_restart(void *c, const char *o, ${E})`, []],
  docker_container_remove: [`int32_t docker_container_remove(void *c, const char *o, ${E})`, []],
  docker_container_update: [`int32_t docker_container_update(void *c, const char *o, ${E})`, []],
  docker_container_kill: [`int32_t docker_container_kill(void *c, const char *sig, ${E})`, []],
  docker_container_rename: [`int32_t docker_container_rename(void *c, const char *name, ${E})`, []],
  docker_container_resize: [`int32_t docker_container_resize(void *c, uint32_t h, uint32_t w, ${E})`, []],
  docker_container_wait: [
    `int32_t docker_container_wait(void *c, const char *o, _Out_ int64_t *code, _Out_ void **json, ${E})`,
    ['i64', 'str'],
  ],
  docker_container_commit: [`int32_t docker_container_commit(void *c, const char *o, _Out_ void **out, ${E})`, ['str']],
  docker_container_top: [`int32_t docker_container_top(void *c, const char *o, _Out_ void **out, ${E})`, ['str']],
  docker_container_diff: [`int32_t docker_container_diff(void *c, _Out_ void **out, ${E})`, ['str']],
  docker_container_logs_open: [`int32_t docker_container_logs_open(void *c, const char *o, _Out_ void **out, ${E})`, ['ptr']],
  docker_container_logs_buffer: [
    `int32_t docker_container_logs_buffer(void *c, const char *o, _Out_ void **out, _Out_ void **err_out, ${E})`,
    ['buf', 'buf'],
  ],
  docker_container_stats_open: [`int32_t docker_container_stats_open(void *c, const char *o, _Out_ void **out, ${E})`, ['ptr']],
  docker_container_stats_once: [`int32_t docker_container_stats_once(void *c, const char *o, _Out_ void **out, ${E})`, ['str']],
  docker_container_attach_open: [`int32_t docker_container_attach_open(void *c, const char *o, _Out_ void **out, ${E})`, ['ptr']],
  docker_container_exec_run: [
    `int32_t docker_container_exec_run(void *c, const char *cmd, const char *o, _Out_ int64_t *code, _Out_ void **out, _Out_ void **err_out, ${E})`,
    ['i64', 'buf', 'buf'],
  ],
  docker_container_exec_open: [
    `int32_t docker_container_exec_open(void *c, const char *cmd, const char *o, _Out_ void **out, ${E})`,
    ['ptr'],
  ],
  docker_container_exec_detached: [
    `int32_t docker_container_exec_detached(void *c, const char *cmd, const char *o, _Out_ void **out, ${E})`,
    ['str'],
  ],
  docker_exec_inspect: [`int32_t docker_exec_inspect(void *c, const char *id, _Out_ void **out, ${E})`, ['str']],
  docker_container_put_archive: [
    `int32_t docker_container_put_archive(void *c, const char *path, const uint8_t *data, size_t len, const char *o, ${E})`,
    [],
  ],
  // The reader callback is libc's read(2) on a pipe (see putArchive): it runs on the worker.
  docker_container_put_archive_reader: [
    `int32_t docker_container_put_archive_reader(void *c, const char *path, void *read, intptr_t fd, const char *o, ${E})`,
    [],
  ],
  docker_container_get_archive_open: [
    `int32_t docker_container_get_archive_open(void *c, const char *path, _Out_ void **out, _Out_ void **stat, ${E})`,
    ['ptr', 'str'],
  ],
  docker_container_stat_path: [`int32_t docker_container_stat_path(void *c, const char *path, _Out_ void **out, ${E})`, ['str']],
  docker_container_export_open: [`int32_t docker_container_export_open(void *c, _Out_ void **out, ${E})`, ['ptr']],
  docker_container_copy_to: [
    `int32_t docker_container_copy_to(void *c, const char *host, const char *cpath, const char *o, ${E})`,
    [],
  ],
  docker_container_copy_from: [
    `int32_t docker_container_copy_from(void *c, const char *cpath, const char *host, const char *o, ${E})`,
    [],
  ],
  docker_images_remove: [`int32_t docker_images_remove(void *c, const char *name, const char *o, ${E})`, []],
  docker_images_inspect: [`int32_t docker_images_inspect(void *c, const char *name, _Out_ void **out, ${E})`, ['str']],
  docker_images_exists: [`int32_t docker_images_exists(void *c, const char *name, _Out_ bool *out, ${E})`, ['bool']],

  docker_stream_next: [`int32_t docker_stream_next(void *s, int64_t timeout_ms, _Out_ docker_chunk *chunk, ${E})`, ['chunk']],
  docker_stream_write: [`int32_t docker_stream_write(void *s, const uint8_t *data, size_t len, ${E})`, []],
  docker_stream_close_write: [`int32_t docker_stream_close_write(void *s, ${E})`, []],
  docker_stream_resize: [`int32_t docker_stream_resize(void *s, uint32_t h, uint32_t w, ${E})`, []],
  docker_stream_exit_code: [`int32_t docker_stream_exit_code(void *s, _Out_ int64_t *code, ${E})`, ['i64']],
};

const fns = {};
for (const [name, [proto]] of Object.entries(PROTOS)) fns[name] = lib.func(proto);

// Constant-time calls on objects this package owns (no I/O, never wait): run inline.
const sync = {
  client_free: lib.func('void docker_client_free(void *c)'),
  container_free: lib.func('void docker_container_free(void *c)'),
  stream_free: lib.func('void docker_stream_free(void *s)'),
  stream_cancel: lib.func('void docker_stream_cancel(void *s)'),
  string_free: lib.func('void docker_string_free(void *s)'),
  buffer_free: lib.func('void docker_buffer_free(void *b)'),
  error_code: lib.func('int32_t docker_error_code(void *e)'),
  error_message: lib.func('const char *docker_error_message(void *e)'),
  error_http_status: lib.func('int32_t docker_error_http_status(void *e)'),
  error_exit_status: lib.func('int64_t docker_error_exit_status(void *e)'),
  error_stderr: lib.func('void *docker_error_stderr(void *e, _Out_ size_t *len)'),
  error_free: lib.func('void docker_error_free(void *e)'),
  version: lib.func('const char *docker_version()'),
};

/** Copy `len` bytes at `ptr` (library memory) into a new Buffer. */
function copyBytes(ptr, len) {
  const n = Number(len);
  if (!ptr || n === 0) return Buffer.alloc(0);
  return Buffer.from(new Uint8Array(koffi.view(ptr, n)));
}

function takeError(errPtr, rc) {
  if (!errPtr) return errors.errorFor(rc, `docker_containers: call failed with code ${rc}`);
  try {
    const lenOut = [0];
    const p = sync.error_stderr(errPtr, lenOut);
    const exitStatus = Number(sync.error_exit_status(errPtr));
    return errors.errorFor(sync.error_code(errPtr), sync.error_message(errPtr), {
      httpStatus: sync.error_http_status(errPtr),
      exitStatus,
      stderr: p ? copyBytes(p, lenOut[0]) : null,
    });
  } finally {
    sync.error_free(errPtr);
  }
}

function convertOut(kind, slot) {
  switch (kind) {
    case 'ptr':
      return slot[0];
    case 'str': {
      const p = slot[0];
      if (!p) return null;
      try {
        return koffi.decode(p, 'char', -1);
      } finally {
        sync.string_free(p);
      }
    }
    case 'buf': {
      const p = slot[0];
      if (!p) return null;
      try {
        const b = koffi.decode(p, 'docker_buffer');
        return copyBytes(b.data, b.len);
      } finally {
        sync.buffer_free(p);
      }
    }
    case 'i64':
      return Number(slot[0]);
    case 'bool':
      return Boolean(slot[0]);
    case 'chunk':
      return slot;
    default:
      throw new Error(`unknown out kind ${kind}`);
  }
}

// koffi refuses async calls past its queue limit (256 by default), so calls wait their turn
// here; the worker pool itself (UV_THREADPOOL_SIZE, default 4) decides how many truly run.
const MAX_IN_FLIGHT = 64;
let inFlight = 0;
const waiting = [];

function acquire() {
  if (inFlight < MAX_IN_FLIGHT) {
    inFlight++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function release() {
  const next = waiting.shift();
  if (next) next();
  else inFlight--;
}

/**
 * Call `name` on a worker thread with `args` (inputs only); resolves to its outputs, converted
 * (one value, or an array when there are several, or undefined), or rejects with a DockerError.
 */
async function call(name, ...args) {
  const [, outKinds] = PROTOS[name];
  const fn = fns[name];
  await acquire();
  try {
    const slots = outKinds.map((k) => (k === 'chunk' ? {} : [null]));
    const errSlot = [null];
    const rc = await new Promise((resolve, reject) => {
      fn.async(...args, ...slots, errSlot, (err, res) => (err ? reject(err) : resolve(res)));
    });
    if (rc !== 0) throw takeError(errSlot[0], rc);
    const outs = outKinds.map((k, i) => convertOut(k, slots[i]));
    return outs.length === 0 ? undefined : outs.length === 1 ? outs[0] : outs;
  } finally {
    release();
  }
}

/** The borrowed, immutable container id, read on a worker like every other call. */
async function containerId(ptr) {
  await acquire();
  try {
    return await new Promise((resolve, reject) => {
      fns.docker_container_id_async.async(ptr, (err, res) => (err ? reject(err) : resolve(res)));
    });
  } finally {
    release();
  }
}

// libc, for the pipe behind putArchive(Readable): the library's reader callback is read(2)
// itself, with the pipe's fd as its userdata, so the upload is fed without any JS callback.
let libc = null;
function libcFns() {
  if (!libc) {
    const l = koffi.load('libc.so.6');
    const dlsym = l.func('void *dlsym(void *handle, const char *name)');
    libc = {
      pipe2: l.func('int pipe2(_Out_ int *fds, int flags)'),
      close: l.func('int close(int fd)'),
      read: dlsym(null, 'read'),
    };
    if (!libc.read) throw new Error('docker-containers: read(2) not found in libc');
  }
  return libc;
}

module.exports = { call, containerId, sync, copyBytes, koffi, libraryPath, libcFns };
