'use strict';
// Run with --expose-gc: 10,000 rounds of library calls must not grow the process's RSS.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const { dc, IMAGE, client, removeAll } = require('./helpers');

const PREFIX = `dcnode-mem-${process.pid}-`;
const ROUNDS = 10000;
// RSS may grow by at most this much over the rounds (after a warm-up and a full GC). Most of
// what growth there is comes from V8 enlarging its young generation (heapTotal steps of 4-8 MiB
// with heapUsed flat), so the memory outside V8's heap (RSS - heapTotal: the library, koffi,
// malloc) has a tighter bound of its own.
const BOUND_MIB = 16;
const NATIVE_BOUND_MIB = 4;

const c = client();

test.after(async () => {
  await removeAll(c, PREFIX);
  c.close();
});

function settle() {
  for (let i = 0; i < 3; i++) global.gc();
  return new Promise((r) => setImmediate(r));
}

const fdCount = () => fs.readdirSync('/proc/self/fd').length;

async function round(ct, i) {
  // Getters: reload re-reads attrs, name, status, labels, health, ports and warnings.
  await ct.reload();
  if (ct.name !== `${PREFIX}box` || ct.status !== 'running' || ct.labels['dcnode.mem'] !== '1') {
    throw new Error(`round ${i}: unexpected attributes`);
  }
  // Error paths: a 404 and a refused option, each an error object made and freed.
  await assert.rejects(c.containers.get(`${PREFIX}missing`), dc.NotFoundError);
  await assert.rejects(ct.stop({ notAnOption: 1 }), dc.InvalidArgumentError);
  // A fresh handle, freed with close().
  const again = await c.containers.get(ct.id);
  if (again.id !== ct.id) throw new Error('wrong container');
  again.close();
  // Now and then a stream opened and cancelled before its end.
  if (i % 20 === 0) {
    const s = await ct.logs({ follow: true, tail: 1 });
    await s.next();
    await s.return();
  }
}

test(`${ROUNDS} rounds of getters, reload, error paths and streams keep RSS within ${BOUND_MIB} MiB`, async () => {
  assert.strictEqual(typeof global.gc, 'function', 'run this test with node --expose-gc');
  const ct = await c.containers.run(IMAGE, 'sh -c "echo ready; sleep 600"', {
    detach: true,
    name: `${PREFIX}box`,
    labels: { 'dcnode.mem': '1' },
  });
  for (let i = 0; i < 2000; i++) await round(ct, i);
  await settle();
  const m0 = process.memoryUsage();
  const rss0 = m0.rss;
  const fds0 = fdCount();
  const t0 = Date.now();
  for (let i = 0; i < ROUNDS; i++) await round(ct, i);
  const ms = Date.now() - t0;
  await settle();
  const m1 = process.memoryUsage();
  const rss1 = m1.rss;
  const growMiB = (rss1 - rss0) / (1 << 20);
  const nativeMiB = (m1.rss - m1.heapTotal - (m0.rss - m0.heapTotal)) / (1 << 20);
  console.log(
    `# memory: ${ROUNDS} rounds (${ROUNDS * 12 + (ROUNDS / 20) * 3} library calls) in ${ms} ms; ` +
      `RSS ${(rss0 / (1 << 20)).toFixed(1)} -> ${(rss1 / (1 << 20)).toFixed(1)} MiB (${growMiB.toFixed(2)} MiB growth, bound ${BOUND_MIB}); ` +
      `outside V8's heap ${nativeMiB.toFixed(2)} MiB (bound ${NATIVE_BOUND_MIB}); ` +
      `fds ${fds0} -> ${fdCount()}`,
  );
  assert.ok(growMiB < BOUND_MIB, `RSS grew by ${growMiB.toFixed(2)} MiB`);
  assert.ok(nativeMiB < NATIVE_BOUND_MIB, `RSS outside V8's heap grew by ${nativeMiB.toFixed(2)} MiB`);
  assert.ok(fdCount() <= fds0 + 4, `file descriptors grew from ${fds0} to ${fdCount()}`);
  await ct.remove({ force: true });
});

// Made and dropped in a function of their own, so that no suspended frame still holds the last.
async function dropMany(ct) {
  for (let i = 0; i < 1000; i++) {
    const dropped = await c.containers.get(ct.id);
    if (dropped.id !== ct.id) throw new Error('wrong container');
    if (i % 50 === 0) await ct.logs({ follow: true, tail: 0 }); // dropped unread
  }
  return dc.liveHandles();
}

test('handles dropped without close() are freed by the FinalizationRegistry after a GC', async () => {
  assert.strictEqual(typeof global.gc, 'function', 'run this test with node --expose-gc');
  const ct = await c.containers.run(IMAGE, 'sleep 600', { detach: true, name: `${PREFIX}gc` });
  await settle();
  const before = dc.liveHandles();
  const pending = (await dropMany(ct)) - before;
  for (let i = 0; i < 20 && dc.liveHandles() > before; i++) {
    global.gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  console.log(`# gc: ${pending} of 1020 dropped handles pending before a full GC, ${dc.liveHandles() - before} after`);
  assert.ok(pending >= 1, 'the handles were counted while alive');
  assert.strictEqual(dc.liveHandles(), before);
  await ct.remove({ force: true });
});
