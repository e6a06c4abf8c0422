'use strict';
// Library lookup, many calls at once, closing under a call in flight, cancelling a blocked read.
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { execFile } = require('child_process');
const { dc, IMAGE, client, removeAll } = require('./helpers');

const PREFIX = `dcnode-rb-${process.pid}-`;
const c = client();
let n = 0;
const nm = () => `${PREFIX}${++n}`;

test.after(async () => {
  await removeAll(c, PREFIX);
  c.close();
});

function node(code, env) {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['-e', code], { env, cwd: path.join(__dirname, '..'), timeout: 30000 }, (err, stdout, stderr) =>
      resolve({ code: err ? err.code : 0, stdout, stderr }),
    );
    child.stdin.end();
  });
}

test('library lookup: DOCKER_CONTAINERS_LIB first, and a clear error when it cannot be loaded', async () => {
  const env = { ...process.env, DOCKER_CONTAINERS_LIB: '/nonexistent/dcnode/libdocker_containers.so' };
  const bad = await node("require('.')", env);
  assert.notStrictEqual(bad.code, 0);
  assert.match(bad.stderr, /cannot load \/nonexistent\/dcnode\/libdocker_containers\.so \(DOCKER_CONTAINERS_LIB\)/);
  const good = await node("console.log(require('.').libraryPath)", process.env);
  assert.strictEqual(good.code, 0, good.stderr);
  assert.strictEqual(good.stdout.trim(), process.env.DOCKER_CONTAINERS_LIB || path.resolve(__dirname, '../../../target/release/libdocker_containers.so'));
});

test('without DOCKER_CONTAINERS_LIB the repository build is used, else the system soname', async () => {
  const env = { ...process.env };
  delete env.DOCKER_CONTAINERS_LIB;
  const r = await node("try { console.log(require('.').libraryPath) } catch (e) { console.log(e.message) }", env);
  const repoLib = path.resolve(__dirname, '../../../target/release/libdocker_containers.so');
  if (require('fs').existsSync(repoLib)) assert.strictEqual(r.stdout.trim(), repoLib);
  else assert.match(r.stdout, /libdocker_containers\.so\.0\.1/);
});

test('500 calls at once (past koffi\'s own queue limit of 256) all succeed', async () => {
  const results = await Promise.all(Array.from({ length: 500 }, () => c.ping()));
  assert.strictEqual(results.length, 500);
  assert.ok(results.every((r) => r === true));
});

test('closing a container handle while a call is in flight: the call ends, later calls are refused', async () => {
  const ct = await c.containers.run(IMAGE, 'sh -c "sleep 1; exit 4"', { detach: true, name: nm() });
  const live = dc.liveHandles();
  const waiting = ct.wait({ timeout: 30 });
  ct.close();
  assert.strictEqual(dc.liveHandles(), live, 'not freed while the wait is in flight');
  assert.strictEqual((await waiting).StatusCode, 4);
  assert.strictEqual(dc.liveHandles(), live - 1, 'freed once the wait ended');
  await assert.rejects(ct.start(), (e) => e instanceof dc.InvalidArgumentError && /container is closed/.test(e.message));
  const again = await c.containers.get(ct.id);
  await again.remove();
  again.close();
});

test('cancel() ends a read blocked on a quiet stream promptly', async () => {
  const ct = await c.containers.run(IMAGE, 'sleep 300', { detach: true, name: nm() });
  const s = await ct.logs({ follow: true });
  const t0 = Date.now();
  const pending = s.next();
  setTimeout(() => s.cancel(), 300);
  assert.deepStrictEqual(await pending, { done: true, value: undefined });
  const took = Date.now() - t0;
  assert.ok(took >= 250 && took < 1500, `cancel took ${took} ms`);
  await ct.remove({ force: true });
});

test('an attached run with remove leaves no handle behind; a detached run gives one', async () => {
  const live = dc.liveHandles();
  const out = await c.containers.run(IMAGE, 'echo gone', { remove: true, name: nm() });
  assert.strictEqual(out.toString(), 'gone\n');
  assert.strictEqual(dc.liveHandles(), live);
  const name = nm();
  const kept = await c.containers.run(IMAGE, 'echo kept', { name });
  assert.strictEqual(kept.toString(), 'kept\n');
  assert.strictEqual(dc.liveHandles(), live);
  const ct = await c.containers.get(name);
  assert.strictEqual(dc.liveHandles(), live + 1);
  assert.strictEqual((await ct.logs()).toString(), 'kept\n');
  await ct.remove();
  ct.close();
  assert.strictEqual(dc.liveHandles(), live);
});
