'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { dc, client } = require('./helpers');

test('fromEnv: ping, version, info and apiVersion come from the engine', async () => {
  const c = client();
  try {
    assert.strictEqual(await c.ping(), true);
    const v = await c.version();
    assert.match(v.ApiVersion, /^1\.\d+$/);
    assert.ok(v.Components.some((x) => x.Name === 'Engine'));
    const info = await c.info();
    assert.strictEqual(typeof info.ID, 'string');
    assert.ok(Number.isInteger(info.Containers));
    const api = await c.apiVersion();
    assert.match(api, /^1\.\d+$/);
    assert.ok(Number(api.split('.')[1]) <= Number(v.ApiVersion.split('.')[1]));
  } finally {
    c.close();
  }
});

test('new Client takes camelCase or snake_case options, and pins the version', async () => {
  const a = new dc.Client({ baseUrl: 'unix:///var/run/docker.sock', version: '1.40', timeout: 30, maxPoolSize: 4 });
  const b = new dc.Client({ base_url: 'unix:///var/run/docker.sock', user_agent: 'dcnode-test' });
  try {
    assert.strictEqual(await a.apiVersion(), '1.40');
    assert.strictEqual(await b.ping(), true);
  } finally {
    a.close();
    b.close();
  }
});

test('an unknown client option is rejected, naming the key', async () => {
  const c = new dc.Client({ baseUrl: 'unix:///var/run/docker.sock', bogusKey: 1 });
  await assert.rejects(c.ping(), (e) => e instanceof dc.InvalidArgumentError && /bogus_key/.test(e.message) && e.code === 'DOCKER_ERR_INVALID_ARGUMENT');
  c.close();
});

test('the same option twice (camelCase and snake_case) is refused before any call', async () => {
  assert.throws(() => new dc.Client({ baseUrl: 'unix:///x', base_url: 'unix:///y' }), dc.InvalidArgumentError);
});

test('an engine that is not there gives ConnectionError naming the address', async () => {
  const c = new dc.Client({ baseUrl: 'unix:///tmp/dcnode-no-such.sock', version: '1.41' });
  await assert.rejects(c.ping(), (e) => e instanceof dc.ConnectionError && /dcnode-no-such\.sock/.test(e.message) && e.httpStatus === 0);
  c.close();
});

test('a closed client refuses calls with a clear error', async () => {
  const c = client();
  await c.ping();
  c.close();
  c.close(); // twice is fine
  await assert.rejects(c.ping(), (e) => e instanceof dc.InvalidArgumentError && /closed/.test(e.message));
});

test('library path and version are reported', () => {
  assert.match(dc.libraryVersion(), /^\d+\.\d+\.\d+$/);
  assert.ok(dc.libraryPath.includes('docker_containers'));
});
