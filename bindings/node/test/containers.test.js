'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { dc, IMAGE, client, removeAll } = require('./helpers');

const PREFIX = `dcnode-ct-${process.pid}-`;
const c = client();
let n = 0;
const nm = () => `${PREFIX}${++n}`;

test.after(async () => {
  await removeAll(c, PREFIX);
  c.close();
});

test('run detached: a Container with id, shortId, name, labels, status, health, ports, attrs', async () => {
  const want = nm();
  const ct = await c.containers.run(IMAGE, 'sleep 60', {
    detach: true,
    name: want,
    labels: { 'dcnode.test': 'yes' },
    environment: { FOO: 'bar' },
    ports: { '80/tcp': null },
    memLimit: '64m',
  });
  assert.match(ct.id, /^[0-9a-f]{64}$/);
  assert.strictEqual(ct.shortId, ct.id.slice(0, 12));
  assert.strictEqual(ct.name, want);
  assert.deepStrictEqual(ct.labels, { 'dcnode.test': 'yes' });
  assert.strictEqual(ct.status, 'created'); // as docker-py: the attributes read before the start
  assert.strictEqual(ct.health, 'unknown');
  assert.deepStrictEqual(ct.ports, {}); // published once started
  assert.strictEqual((await ct.reload()).status, 'running');
  assert.ok('80/tcp' in ct.ports);
  assert.strictEqual(ct.attrs.Id, ct.id);
  assert.ok(ct.attrs.Config.Env.includes('FOO=bar'));
  assert.strictEqual(ct.attrs.HostConfig.Memory, 64 * 1024 * 1024);
  const img = await ct.image();
  assert.match(img.Id, /^sha256:/);
  const again = await c.containers.get(want);
  assert.strictEqual(again.id, ct.id);
  await ct.remove({ force: true });
  await assert.rejects(ct.reload(), dc.NotFoundError);
});

test('run attached returns the output; command as a list; a failure is a ContainerError', async () => {
  const out = await c.containers.run(IMAGE, ['sh', '-c', 'echo one; echo two'], { name: nm(), remove: true });
  assert.strictEqual(out.toString(), 'one\ntwo\n');
  await assert.rejects(
    c.containers.run(IMAGE, 'sh -c "echo boom >&2; exit 7"', { name: nm(), remove: true }),
    (e) => e instanceof dc.ContainerError && e.exitStatus === 7 && e.stderr.toString() === 'boom\n' && e.code === 'DOCKER_ERR_CONTAINER_FAILED',
  );
});

test('a missing image with pull:false is an ImageNotFoundError', async () => {
  await assert.rejects(
    c.containers.run('dcnode-no-such-image:nope', 'true', { name: nm(), pull: false }),
    (e) => e instanceof dc.ImageNotFoundError && e instanceof dc.NotFoundError,
  );
});

test('bad options: unknown key named, wrong types, bad arguments', async () => {
  await assert.rejects(c.containers.run(IMAGE, 'true', { detach: true, notAnOption: 1 }), (e) => e instanceof dc.InvalidArgumentError && /not_an_option/.test(e.message));
  await assert.rejects(c.containers.run(IMAGE, 'true', 'detach'), dc.InvalidArgumentError);
  await assert.rejects(c.containers.run('', 'true'), (e) => e instanceof dc.InvalidArgumentError && /image/.test(e.message));
  await assert.rejects(c.containers.run(IMAGE, 42), (e) => e instanceof dc.InvalidArgumentError && /command/.test(e.message));
  await assert.rejects(c.containers.get('dcnode-missing-container'), (e) => e instanceof dc.NotFoundError && e.httpStatus === 404);
});

test('a name in use is a ConflictError with the engine status', async () => {
  const want = nm();
  const a = await c.containers.create(IMAGE, 'sleep 60', { name: want });
  await assert.rejects(c.containers.create(IMAGE, 'sleep 60', { name: want }), (e) => e instanceof dc.ConflictError && e.httpStatus === 409);
  await a.remove();
});

test('lifecycle: create, start, pause, unpause, restart, kill, wait, stop, rename, remove', async () => {
  const ct = await c.containers.create(IMAGE, 'sleep 300', { name: nm(), stopTimeout: 1 });
  assert.strictEqual(ct.status, 'created');
  await ct.start();
  await ct.reload();
  assert.strictEqual(ct.status, 'running');
  await ct.pause();
  assert.strictEqual((await ct.reload()).status, 'paused');
  await ct.unpause();
  assert.strictEqual((await ct.reload()).status, 'running');
  const started = ct.attrs.State.StartedAt;
  await ct.restart({ timeout: 0 });
  await ct.reload();
  assert.notStrictEqual(ct.attrs.State.StartedAt, started);
  await ct.kill('SIGKILL');
  const res = await ct.wait();
  assert.strictEqual(res.StatusCode, 137);
  assert.strictEqual((await ct.reload()).status, 'exited');
  await assert.rejects(ct.kill(), dc.ConflictError);
  await assert.rejects(ct.kill('SIGNOPE'), (e) => e instanceof dc.InvalidArgumentError && /SIGNOPE/.test(e.message));
  const renamed = nm();
  await ct.rename(renamed);
  assert.strictEqual((await ct.reload()).name, renamed);
  await ct.start();
  await ct.stop({ timeout: 0 });
  assert.strictEqual((await ct.reload()).status, 'exited');
  await ct.remove();
  await assert.rejects(c.containers.get(ct.id), dc.NotFoundError);
  ct.close();
  await assert.rejects(ct.reload(), (e) => e instanceof dc.InvalidArgumentError && /closed/.test(e.message));
});

test('wait with a timeout on a running container is a TimeoutError; exit codes come back', async () => {
  const ct = await c.containers.run(IMAGE, 'sleep 300', { detach: true, name: nm() });
  const t0 = Date.now();
  await assert.rejects(ct.wait({ timeout: 1 }), (e) => e instanceof dc.TimeoutError && e.code === 'DOCKER_ERR_TIMEOUT');
  const took = Date.now() - t0;
  assert.ok(took >= 900 && took < 5000, `wait took ${took} ms`);
  await ct.remove({ force: true });
  const quick = await c.containers.run(IMAGE, 'sh -c "exit 5"', { detach: true, name: nm() });
  assert.deepStrictEqual((await quick.wait({ timeout: 30 })).StatusCode, 5);
  await quick.remove();
});

test('update, top, diff, resize and commit', async () => {
  const ct = await c.containers.run(IMAGE, 'sh -c "echo x > /created.txt; rm /bin/true 2>/dev/null; sleep 300"', {
    detach: true,
    name: nm(),
    tty: true,
  });
  const warnings = await ct.update({ memLimit: '96m', memswapLimit: '-1', cpuShares: 512 });
  assert.ok(Array.isArray(warnings));
  await ct.reload();
  assert.strictEqual(ct.attrs.HostConfig.Memory, 96 * 1024 * 1024);
  assert.strictEqual(ct.attrs.HostConfig.CpuShares, 512);
  const top = await ct.top();
  assert.ok(top.Titles.includes('PID'));
  assert.ok(top.Processes.some((p) => p.join(' ').includes('sleep 300')));
  await ct.resize(40, 100);
  for (let i = 0; i < 50; i++) {
    const d = await ct.diff();
    if (d.some((x) => x.Path === '/created.txt' && x.Kind === 1)) break;
    if (i === 49) assert.fail(`diff never showed /created.txt: ${JSON.stringify(d)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await assert.rejects(ct.resize(-1, 5), dc.InvalidArgumentError);
  const repo = `dcnode-commit-${process.pid}`;
  const imageId = await ct.commit({ repository: repo, tag: 'v1', message: 'from the node tests', changes: ['ENV DCNODE=1'] });
  try {
    assert.match(imageId, /^sha256:/);
    const img = await c.images.get(`${repo}:v1`);
    assert.strictEqual(img.id, imageId);
    assert.ok(img.attrs.Config.Env.includes('DCNODE=1'));
  } finally {
    await ct.remove({ force: true });
    await c.images.remove(`${repo}:v1`, { force: true });
  }
  assert.strictEqual(await c.images.exists(`${repo}:v1`), false);
});

test('list and prune see containers by label, as Container objects', async () => {
  const label = `dcnode.list=${process.pid}`;
  const labels = { 'dcnode.list': String(process.pid) };
  const a = await c.containers.run(IMAGE, 'sleep 300', { detach: true, name: nm(), labels });
  const b = await c.containers.create(IMAGE, 'true', { name: nm(), labels });
  const running = await c.containers.list({ filters: { label } });
  assert.deepStrictEqual(running.map((x) => x.id), [a.id]);
  assert.ok(running[0] instanceof dc.Container);
  const all = await c.containers.list({ all: true, filters: { label } });
  assert.deepStrictEqual(all.map((x) => x.id).sort(), [a.id, b.id].sort());
  const sparse = await c.containers.list({ all: true, sparse: true, filters: { label } });
  assert.strictEqual(sparse.length, 2);
  assert.ok(sparse.every((e) => typeof e.Id === 'string'));
  const pruned = await c.containers.prune({ filters: { label: [label] } });
  assert.deepStrictEqual(pruned.ContainersDeleted, [b.id]);
  assert.deepStrictEqual((await c.containers.list({ all: true, filters: { label } })).map((x) => x.id), [a.id]);
  await a.remove({ force: true });
});
