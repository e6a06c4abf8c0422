'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Readable } = require('stream');
const { dc, IMAGE, client, removeAll, tarOf, tarList } = require('./helpers');

const PREFIX = `dcnode-fi-${process.pid}-`;
const c = client();
let ct;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dcnode-'));

test.before(async () => {
  ct = await c.containers.run(IMAGE, 'sleep 300', { detach: true, name: `${PREFIX}main` });
});

test.after(async () => {
  await removeAll(c, PREFIX);
  c.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function src(name, files) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), body);
  }
  return dir;
}

async function cat(p) {
  const r = await ct.execRun(['cat', p]);
  assert.strictEqual(r.exitCode, 0, `cat ${p}: ${r.output}`);
  return r.output.toString();
}

test('putArchive from a Buffer, then getArchive as a Readable with its stat', async () => {
  const tar = tarOf(src('buf', { 'a.txt': 'alpha\n', 'sub/b.txt': 'beta\n' }));
  assert.strictEqual(await ct.putArchive('/tmp', tar), true);
  assert.strictEqual(await cat('/tmp/a.txt'), 'alpha\n');
  assert.strictEqual(await cat('/tmp/sub/b.txt'), 'beta\n');
  const { stat, stream } = await ct.getArchive('/tmp/sub');
  assert.strictEqual(stat.name, 'sub');
  assert.strictEqual(stat.is_dir, true);
  assert.ok(stream instanceof Readable);
  const chunks = [];
  for await (const b of stream) chunks.push(b);
  assert.deepStrictEqual(tarList(Buffer.concat(chunks)).sort(), ['sub/', 'sub/b.txt']);
  const st = await ct.statPath('/tmp/a.txt');
  assert.strictEqual(st.size, 6);
  await assert.rejects(ct.statPath('/tmp/none'), dc.NotFoundError);
});

test('putArchive streams a Readable (a 24 MiB tar from a file) through a pipe', async () => {
  const big = Buffer.alloc(24 << 20);
  for (let i = 0; i < big.length; i += 4096) big.writeUInt32LE(i, i);
  const dir = src('big', { 'big.bin': big });
  const tarFile = path.join(tmp, 'big.tar');
  fs.writeFileSync(tarFile, tarOf(dir));
  await ct.putArchive('/tmp', fs.createReadStream(tarFile, { highWaterMark: 64 * 1024 }));
  const r = await ct.execRun(['sh', '-c', 'wc -c < /tmp/big.bin; md5sum /tmp/big.bin']);
  const [size, sum] = r.output.toString().trim().split('\n');
  assert.strictEqual(Number(size.trim()), big.length);
  const want = require('crypto').createHash('md5').update(big).digest('hex');
  assert.ok(sum.startsWith(want), `md5 ${sum} != ${want}`);
});

test('putArchive from an async generator; a missing destination rejects; bad data is refused', async () => {
  const tar = tarOf(src('gen', { 'g.txt': 'from a generator\n' }));
  async function* gen() {
    for (let i = 0; i < tar.length; i += 1000) yield tar.subarray(i, i + 1000);
  }
  await ct.putArchive('/tmp', gen());
  assert.strictEqual(await cat('/tmp/g.txt'), 'from a generator\n');
  await assert.rejects(ct.putArchive('/no/such/dir', tar), dc.NotFoundError);
  await assert.rejects(ct.putArchive('/no/such/dir', Readable.from([tar])), dc.NotFoundError);
  await assert.rejects(ct.putArchive('/tmp', 'not a tar'), dc.InvalidArgumentError);
  // A source that fails part-way fails the call with the source's error.
  async function* broken() {
    yield tar.subarray(0, 512);
    throw new Error('source broke');
  }
  await assert.rejects(ct.putArchive('/tmp', broken()), /source broke/);
});

test('export is a tar Readable; destroying it early cancels the stream', async () => {
  const live = dc.liveHandles();
  const rd = await ct.export();
  assert.strictEqual(dc.liveHandles(), live + 1);
  let bytes = 0;
  const names = [];
  for await (const b of rd) {
    bytes += b.length;
    if (bytes > 4096) break;
  }
  assert.ok(bytes > 4096);
  assert.ok(rd.destroyed);
  for (let i = 0; i < 50 && dc.liveHandles() > live; i++) await new Promise((r) => setTimeout(r, 10));
  assert.strictEqual(dc.liveHandles(), live, 'the export stream was freed');
  // And a whole one, through tar.
  const whole = [];
  for await (const b of await ct.export()) whole.push(b);
  names.push(...tarList(Buffer.concat(whole)));
  assert.ok(names.includes('bin/busybox') || names.includes('./bin/busybox'), names.slice(0, 10).join(','));
});

test('copyTo and copyFrom follow docker cp rules', async () => {
  const dir = src('cp', { 'x.txt': 'ex\n', 'd/y.txt': 'why\n' });
  await ct.copyTo(dir, '/tmp/cpdest');
  assert.strictEqual(await cat('/tmp/cpdest/x.txt'), 'ex\n');
  assert.strictEqual(await cat('/tmp/cpdest/d/y.txt'), 'why\n');
  const out = path.join(tmp, 'back');
  await ct.copyFrom('/tmp/cpdest', out);
  assert.strictEqual(fs.readFileSync(path.join(out, 'd', 'y.txt'), 'utf8'), 'why\n');
  await assert.rejects(ct.copyFrom('/tmp/none', path.join(tmp, 'none')), dc.NotFoundError);
  await assert.rejects(ct.copyTo(path.join(tmp, 'missing-src'), '/tmp'), dc.IOError);
  await assert.rejects(ct.copyTo('', '/tmp'), dc.InvalidArgumentError);
});

// onProgress(done, total): per chunk of the tar stream and once more at the end, with the final
// count (which the callers compare with what went through).
function checkCalls(calls, what, { total } = {}) {
  assert.ok(calls.length >= 3, `${what}: ${calls.length} progress calls`);
  for (let i = 1; i < calls.length; i++) assert.ok(calls[i][0] >= calls[i - 1][0], `${what}: done went back at ${i}`);
  const [lastDone, lastTotal] = calls[calls.length - 1];
  if (total !== undefined) {
    assert.ok(calls.every(([, t]) => t === total), `${what}: totals ${[...new Set(calls.map((x) => x[1]))]} != ${total}`);
  }
  if (lastTotal !== null) assert.strictEqual(lastDone, lastTotal, `${what}: done == total at the end`);
  return lastDone;
}

function randomFile(name, size) {
  const dir = src(name, {});
  fs.writeFileSync(path.join(dir, 'r.bin'), require('crypto').randomBytes(size));
  return dir;
}

test('getArchive and export report progress; an exception in onProgress cancels and surfaces', async () => {
  await ct.putArchive('/tmp', tarOf(randomFile('gp', 1 << 20)));
  const calls = [];
  const { stream } = await ct.getArchive('/tmp/r.bin', { onProgress: (d, t) => calls.push([d, t]) });
  let bytes = 0;
  for await (const b of stream) bytes += b.length;
  assert.strictEqual(checkCalls(calls, 'getArchive', { total: null }), bytes);
  assert.ok(bytes > 1 << 20);

  const live = dc.liveHandles();
  const boom = new Error('dcnd: stop the export');
  const rd = await ct.export({ onProgress: () => { throw boom; } });
  await assert.rejects(async () => {
    for await (const b of rd) void b;
  }, (e) => e === boom);
  for (let i = 0; i < 50 && dc.liveHandles() > live; i++) await new Promise((r) => setTimeout(r, 10));
  assert.strictEqual(dc.liveHandles(), live, 'the export stream was freed');

  const ex = [];
  let exBytes = 0;
  for await (const b of await ct.export({ onProgress: (d, t) => ex.push([d, t]) })) exBytes += b.length;
  assert.strictEqual(checkCalls(ex, 'export', { total: null }), exBytes);

  await assert.rejects(ct.getArchive('/tmp', { onProgress: 1 }), /getArchive: onProgress must be a function/);
  await assert.rejects(ct.export({ onProgres: () => {} }), (e) => e instanceof dc.InvalidArgumentError && /onProgres/.test(e.message));
});

test('putArchive (Buffer and Readable), copyTo and copyFrom report progress through the C callback', async () => {
  const dir = randomFile('pp', 1 << 20);
  const tar = tarOf(dir);
  const buf = [];
  await ct.putArchive('/tmp/', tar, { onProgress: (d, t) => buf.push([d, t]) });
  assert.strictEqual(checkCalls(buf, 'putArchive(Buffer)', { total: tar.length }), tar.length);

  const rd = [];
  await ct.putArchive('/tmp/', Readable.from([tar.subarray(0, 300000), tar.subarray(300000)]), { onProgress: (d, t) => rd.push([d, t]) });
  assert.strictEqual(checkCalls(rd, 'putArchive(Readable)', { total: null }), tar.length);

  const to = [];
  await ct.copyTo(path.join(dir, 'r.bin'), '/tmp/copied.bin', { onProgress: (d, t) => to.push([d, t]) });
  assert.ok(checkCalls(to, 'copyTo') > 1 << 20);
  const from = [];
  const back = path.join(tmp, 'back.bin');
  await ct.copyFrom('/tmp/copied.bin', back, { onProgress: (d, t) => from.push([d, t]) });
  assert.ok(checkCalls(from, 'copyFrom') > 1 << 20);
  assert.ok(fs.readFileSync(back).equals(fs.readFileSync(path.join(dir, 'r.bin'))));
});

test('an exception thrown in onProgress stops the copy and is what the call rejects with', async () => {
  const dir = randomFile('px', 1 << 20);
  const tar = tarOf(dir);
  const stopper = (what) => {
    const state = { calls: 0, error: new Error(`dcnd: stop ${what}`) };
    state.fn = () => {
      state.calls++;
      throw state.error;
    };
    return state;
  };
  for (const [what, run] of [
    ['putArchive(Buffer)', (f) => ct.putArchive('/tmp/stopped', tar, { onProgress: f })],
    ['putArchive(Readable)', (f) => ct.putArchive('/tmp/stopped', Readable.from([tar]), { onProgress: f })],
    ['copyTo', (f) => ct.copyTo(path.join(dir, 'r.bin'), '/tmp/stopped.bin', { onProgress: f })],
    ['copyFrom', (f) => ct.copyFrom('/tmp/r.bin', path.join(tmp, 'stopped.bin'), { onProgress: f })],
  ]) {
    if (what === 'copyFrom') await ct.putArchive('/tmp', tar);
    else await ct.execRun(['mkdir', '-p', '/tmp/stopped']);
    const s = stopper(what);
    await assert.rejects(run(s.fn), (e) => e === s.error, what);
    assert.strictEqual(s.calls, 1, `${what}: no call after the one that threw`);
  }
  // The stopped Buffer upload did not land whole (the engine got a cut tar).
  const r = await ct.execRun(['sh', '-c', 'test -f /tmp/stopped/r.bin && wc -c < /tmp/stopped/r.bin || echo none']);
  assert.notStrictEqual(r.output.toString().trim(), String(1 << 20));
  await assert.rejects(ct.putArchive('/tmp', tar, { onProgress: 'no' }), /putArchive: onProgress must be a function/);
  await assert.rejects(ct.copyTo(dir, '/tmp', { onProgress: {} }), /copyTo: onProgress must be a function/);
  await assert.rejects(ct.copyFrom('/tmp/r.bin', path.join(tmp, 'x'), { onProgress: 3 }), /copyFrom: onProgress must be a function/);
});
