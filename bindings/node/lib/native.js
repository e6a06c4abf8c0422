'use strict';
// The C library through koffi: finding it, declaring its functions, and one way to call them
// off the main thread (koffi's async calls run on libuv's worker pool) as Promises.

const fs = require('fs');
const path = require('path');
const koffi = require('koffi');
const errors = require('./errors');
const table = require('./ffi_table');
const platform = require('./platform');

const { SONAME } = table;

function candidates() {
  const env = process.env.DOCKER_CONTAINERS_LIB;
  if (env) return [env];
  const bundled = platform.bundledLibrary(SONAME);
  if (bundled) return [bundled];
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
      : `no DOCKER_CONTAINERS_LIB, no ${platform.packageName()} package, no target/release build beside this package, so the system soname`;
    throw new Error(`docker-containers: cannot load ${file} (${how}): ${e.message}`);
  }
}

const { lib, file: libraryPath } = loadLibrary();

// The structs, callback types and every function of the header, from the generated table
// (ffi_table.js, made from the ABI description): nothing here repeats a prototype.
for (const [name, fields] of Object.entries(table.STRUCTS)) koffi.struct(name, fields);
for (const proto of Object.values(table.CALLBACKS)) koffi.proto(proto);

const fns = {};
for (const [name, { proto }] of Object.entries(table.FUNCTIONS)) fns[name] = lib.func(proto);

// Calls that never wait (frees, error getters, cancel): run inline, by their short names.
const sync = {};
for (const [name, { blocks }] of Object.entries(table.FUNCTIONS)) {
  if (!blocks) sync[name.replace(/^docker_/, '')] = fns[name];
}

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
  const { outs: outKinds } = table.FUNCTIONS[name];
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
      fns.docker_container_id.async(ptr, (err, res) => (err ? reject(err) : resolve(res)));
    });
  } finally {
    release();
  }
}

/**
 * Run `body(cb)` with the JS function `fn` registered as a C callback of type `type` (a name
 * from the table's CALLBACKS) for exactly as long as the call runs; `fn` null gives body(null).
 * The library calls it on the worker running the call, and koffi hands it to the main thread
 * while that worker waits. An exception thrown by `fn` makes the callback return `stop` (the
 * library then stops, DOCKER_ERR_STOPPED_BY_CALLBACK) and is re-thrown instead of the call's
 * own error once the call ends.
 */
async function withCallback(type, fn, body, stop = 1) {
  if (fn === undefined || fn === null) return body(null);
  let thrown = null;
  const cb = koffi.register((...args) => {
    if (thrown) return stop;
    try {
      fn(...args);
      return 0;
    } catch (e) {
      thrown = e;
      return stop;
    }
  }, `${type} *`);
  let result;
  let failure = null;
  try {
    result = await body(cb);
  } catch (e) {
    failure = e;
  } finally {
    koffi.unregister(cb);
  }
  if (thrown) throw thrown;
  if (failure) throw failure;
  return result;
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

module.exports = { call, containerId, withCallback, sync, fns, table, copyBytes, koffi, libraryPath, libcFns };
