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
