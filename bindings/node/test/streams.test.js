'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { dc, IMAGE, client, removeAll } = require('./helpers');

const PREFIX = `dcnode-st-${process.pid}-`;
const c = client();
let n = 0;
const nm = () => `${PREFIX}${++n}`;

test.after(async () => {
  await removeAll(c, PREFIX);
  c.close();
});

/** Count timer ticks (every 10 ms) while `work` runs: the event loop must stay free. */
async function ticksDuring(work) {
  let ticks = 0;
  const iv = setInterval(() => ticks++, 10);
  const t0 = Date.now();
  try {
    await work();
  } finally {
    clearInterval(iv);
  }
  return { ticks, ms: Date.now() - t0 };
}

test('logs gathered: a Buffer, or [stdout, stderr] with demux; tail', async () => {
  const ct = await c.containers.run(IMAGE, 'sh -c "echo a; echo b >&2; echo c"', { detach: true, name: nm() });
  await ct.wait({ timeout: 30 });
  const all = await ct.logs();
  assert.ok(Buffer.isBuffer(all));
  assert.deepStrictEqual(all.toString().split('\n').sort(), ['', 'a', 'b', 'c']);
  const [out, err] = await ct.logs({ demux: true });
  assert.strictEqual(out.toString(), 'a\nc\n');
  assert.strictEqual(err.toString(), 'b\n');
  assert.strictEqual((await ct.logs({ stdout: false })).toString(), 'b\n');
  const last = (await ct.logs({ tail: 1 })).toString();
  assert.ok(['b\n', 'c\n'].includes(last), `tail 1 gave ${JSON.stringify(last)}`);
  await ct.remove();
});

test('a long wait and a quiet follow-logs read leave the event loop free', async () => {
  const ct = await c.containers.run(IMAGE, 'sh -c "sleep 3; echo late; sleep 300"', { detach: true, name: nm() });
  // wait with a 1.5 s timeout: blocked in the library the whole time.
  const w = await ticksDuring(() => assert.rejects(ct.wait({ timeout: 1.5 }), dc.TimeoutError));
  assert.ok(w.ms >= 1400, `wait returned after ${w.ms} ms`);
  assert.ok(w.ticks >= 50, `only ${w.ticks} timer ticks in ${w.ms} ms of wait`);
  // The first follow read blocks until "late" arrives (about 3 s after the start).
  const logs = await ct.logs({ follow: true, stream: true });
  let first;
  const r = await ticksDuring(async () => {
    first = await logs.next();
  });
  assert.strictEqual(first.done, false);
  assert.deepStrictEqual(first.value, { stream: 'stdout', data: Buffer.from('late\n') });
  assert.ok(r.ticks >= 5, `only ${r.ticks} ticks while the read was blocked for ${r.ms} ms`);
  // Several blocked reads at once (more than the worker pool) still leave timers running.
  const streams = await Promise.all([1, 2, 3, 4, 5, 6].map(() => ct.logs({ follow: true, tail: 0 })));
  const pending = streams.map((s) => s.next());
  const many = await ticksDuring(() => new Promise((res) => setTimeout(res, 1000)));
  assert.ok(many.ticks >= 50, `only ${many.ticks} ticks with six blocked reads`);
  // ... and other calls still get a worker between the reads' slices.
  const t0 = Date.now();
  assert.strictEqual(await c.ping(), true);
  assert.ok(Date.now() - t0 < 2000, `ping took ${Date.now() - t0} ms beside six blocked reads`);
  await Promise.all(streams.map((s) => s.return()));
  for (const p of pending) assert.strictEqual((await p).done, true);
  await logs.return();
  await ct.remove({ force: true });
});

test('follow logs as an async iterator; break cancels and frees the stream', async () => {
  const ct = await c.containers.run(IMAGE, 'sh -c "i=0; while true; do i=$((i+1)); echo line$i; sleep 0.05; done"', {
    detach: true,
    name: nm(),
  });
  const s = await ct.logs({ follow: true, stream: true });
  const lines = [];
  for await (const item of s) {
    assert.strictEqual(item.stream, 'stdout');
    lines.push(...item.data.toString().split('\n').filter(Boolean));
    if (lines.length >= 5) break;
  }
  assert.deepStrictEqual(lines.slice(0, 5), ['line1', 'line2', 'line3', 'line4', 'line5']);
  assert.deepStrictEqual(await s.next(), { done: true, value: undefined });
  await assert.rejects(s.write('x'), (e) => e instanceof dc.InvalidArgumentError && /closed/.test(e.message));
  await ct.remove({ force: true });
});

test('an idle follow stream ends with TimeoutError after idleTimeout', async () => {
  const ct = await c.containers.run(IMAGE, 'sleep 300', { detach: true, name: nm() });
  const s = await ct.logs({ follow: true, idleTimeout: 0.6 });
  const t0 = Date.now();
  await assert.rejects(s.next(), dc.TimeoutError);
  assert.ok(Date.now() - t0 >= 550);
  assert.strictEqual((await s.next()).done, true);
  await ct.remove({ force: true });
});

test('stats: a stream of sample objects with derived figures, and one sample', async () => {
  const ct = await c.containers.run(IMAGE, 'sleep 300', { detach: true, name: nm() });
  const s = await ct.stats();
  let got = 0;
  for await (const sample of s) {
    assert.strictEqual(typeof sample.read, 'string');
    assert.ok(sample.derived.memory_usage > 0);
    assert.ok(sample.derived.pids >= 1);
    if (++got === 2) break;
  }
  assert.strictEqual(got, 2);
  const one = await ct.stats({ stream: false });
  assert.ok(one.derived.memory_limit > 0);
  await ct.remove({ force: true });
});

test('exec: execRun with a stream gives chunks as they come and the exit code', async () => {
  const ct = await c.containers.run(IMAGE, 'sleep 300', { detach: true, name: nm() });
  const s = await ct.execRun('sh -c "echo out; echo err >&2; exit 9"', { stream: true });
  const seen = { stdout: '', stderr: '' };
  for await (const { stream, data } of s) seen[stream] += data.toString();
  assert.deepStrictEqual(seen, { stdout: 'out\n', stderr: 'err\n' });
  assert.strictEqual(s.exitCode, 9);
  const r = await ct.execRun(['sh', '-c', 'echo $FOO; pwd'], { environment: { FOO: 'bar' }, workdir: '/tmp' });
  assert.deepStrictEqual(r, { exitCode: 0, output: Buffer.from('bar\n/tmp\n') });
  const d = await ct.execRun('sh -c "echo o; echo e >&2; exit 2"', { demux: true });
  assert.strictEqual(d.exitCode, 2);
  assert.strictEqual(d.stdout.toString(), 'o\n');
  assert.strictEqual(d.stderr.toString(), 'e\n');
  const det = await ct.execRun('sleep 0', { detach: true });
  assert.match(det.execId, /^[0-9a-f]{64}$/);
  await ct.remove({ force: true });
});

test('interactive exec: write stdin, half-close, read the answer', async () => {
  const ct = await c.containers.run(IMAGE, 'sleep 300', { detach: true, name: nm() });
  const s = await ct.execRun('sh -c "tr a-z A-Z; echo done"', { socket: true });
  await s.write('hello ');
  await s.write(Buffer.from('world\n'));
  await s.closeWrite();
  let out = '';
  for await (const { data } of s) out += data.toString();
  assert.strictEqual(out, 'HELLO WORLD\ndone\n');
  assert.strictEqual(s.exitCode, 0);
  await ct.remove({ force: true });
});

test('attach reads output; attachSocket writes stdin to the container', async () => {
  const ct = await c.containers.run(IMAGE, 'sh -c "sleep 1; echo attached; sleep 300"', { detach: true, name: nm() });
  const a = await ct.attach();
  const first = await a.next();
  assert.deepStrictEqual(first.value, { stream: 'stdout', data: Buffer.from('attached\n') });
  await a.return();
  await ct.remove({ force: true });

  const cat = await c.containers.create(IMAGE, 'cat', { name: nm(), stdinOpen: true });
  const sock = await cat.attachSocket();
  await cat.start();
  await sock.write('echo me\n');
  const back = await sock.next();
  assert.strictEqual(back.value.data.toString(), 'echo me\n');
  await sock.closeWrite();
  assert.strictEqual((await cat.wait({ timeout: 20 })).StatusCode, 0);
  await sock.return();
  await cat.remove({ force: true });
});
