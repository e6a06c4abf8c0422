'use strict';
// Container.waitFor and Client.events against the real engine. Containers: dcevt-node-*.
const test = require('node:test');
const assert = require('node:assert');
const { dc, IMAGE, client, removeAll } = require('./helpers');

const PREFIX = `dcevt-node-${process.pid}-`;
const c = client();
let n = 0;
const nm = () => `${PREFIX}${++n}`;

test.after(async () => {
  await removeAll(c, PREFIX);
  c.close();
});

test('waitFor: a log line, a timeout that says what it saw, an AbortSignal, an exit', async () => {
  const ct = await c.containers.run(IMAGE, "sh -c 'echo up; sleep 300'", { detach: true, name: nm() });
  await ct.waitFor({ log: '^up$', status: 'running' }, { timeout: 120 });
  await assert.rejects(ct.waitFor({ status: 'paused' }, { timeout: 0.3 }), (e) => {
    assert.ok(e instanceof dc.TimeoutError, String(e));
    assert.match(e.message, /status: wanted paused, last seen running/);
    return true;
  });
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 200);
  await assert.rejects(ct.waitFor({ status: 'exited' }, { signal: ac.signal }), dc.CancelledError);
  const ex = await c.containers.run(IMAGE, "sh -c 'echo bye >&2; sleep 1; exit 8'", { detach: true, name: nm() });
  await assert.rejects(ex.waitFor({ log: 'never' }, { timeout: 120 }), (e) => {
    assert.ok(e instanceof dc.ContainerError, String(e));
    assert.strictEqual(e.exitStatus, 8);
    assert.match(String(e.stderr), /bye/);
    return true;
  });
});

test('events: an async iterator filtered by container, ending at until', async () => {
  const since = Date.now() / 1000 - 1;
  const ct = await c.containers.run(IMAGE, 'true', { detach: true, name: nm() });
  await ct.wait();
  const actions = [];
  const events = await c.events({ since, until: Date.now() / 1000 + 1, filters: { container: ct.id, type: 'container' } });
  for await (const ev of events) {
    assert.strictEqual(ev.Actor.ID, ct.id);
    actions.push(ev.Action);
  }
  for (const want of ['create', 'start', 'die']) assert.ok(actions.includes(want), `${want} in ${actions}`);
});

test('statsAll: a labelled container joins, then samples come; break ends the stream', async () => {
  const ct = await c.containers.run(IMAGE, 'sleep 300', { detach: true, name: nm(), labels: { 'dcevt.node': 'stats' } });
  const s = await c.statsAll({ filters: { label: 'dcevt.node=stats' } });
  const seen = [];
  for await (const item of s) {
    if (item.id !== ct.id) continue;
    seen.push(item.event);
    if (item.event === 'sample') {
      assert.ok('cpu_percent' in item.stats);
      break;
    }
  }
  assert.deepStrictEqual([seen[0], seen[seen.length - 1]], ['joined', 'sample']);
});
