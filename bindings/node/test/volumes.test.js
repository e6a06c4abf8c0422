'use strict';
// client.volumes and Volume against the real engine: create (named, anonymous, driver options,
// labels), get, list with filters, a volume in use, remove, prune. Everything made here is
// named dcnd-vo-<pid>-* or labelled with this run's pid.
const test = require('node:test');
const assert = require('node:assert');
const { dc, IMAGE, client, removeAll } = require('./helpers');

const PREFIX = `dcnd-vo-${process.pid}-`;
const LABEL = { 'dcnd.test': `vo-${process.pid}` };
const LABEL_FILTER = `dcnd.test=${LABEL['dcnd.test']}`;
const c = client();

test.after(async () => {
  await removeAll(c, PREFIX);
  for (const v of await c.volumes.list({ sparse: true, filters: { label: [LABEL_FILTER] } })) {
    const vol = await c.volumes.get(v.Name).catch(() => null);
    if (vol) await vol.remove({ force: true }).catch(() => {});
  }
  c.close();
});

test('create a named volume with driver options and labels; get, reload, remove', async () => {
  const v = await c.volumes.create(`${PREFIX}named`, {
    driver: 'local',
    driverOpts: { type: 'tmpfs', device: 'tmpfs', o: 'size=1m' },
    labels: LABEL,
  });
  try {
    assert.strictEqual(v.name, `${PREFIX}named`);
    assert.strictEqual(v.id, v.name);
    assert.strictEqual(v.shortId, v.name.slice(0, 12));
    assert.strictEqual(v.attrs.Name, v.name);
    assert.strictEqual(v.attrs.Driver, 'local');
    assert.deepStrictEqual(v.attrs.Labels, LABEL);
    assert.deepStrictEqual(v.attrs.Options, { type: 'tmpfs', device: 'tmpfs', o: 'size=1m' });
    const got = await c.volumes.get(v.name);
    assert.deepStrictEqual(got.attrs, v.attrs);
    got.close();
    assert.strictEqual(await v.reload(), v);
    assert.strictEqual(v.attrs.Mountpoint.length > 0, true);
    // Creating it again gives the same volume (the engine's behaviour).
    const again = await c.volumes.create({ name: `${PREFIX}named`, labels: LABEL, driver: 'local', driverOpts: { type: 'tmpfs', device: 'tmpfs', o: 'size=1m' } });
    assert.strictEqual(again.attrs.CreatedAt, v.attrs.CreatedAt);
    again.close();
  } finally {
    await v.remove();
  }
  await assert.rejects(c.volumes.get(v.name), dc.NotFoundError);
  await assert.rejects(v.reload(), dc.NotFoundError);
  v.close();
});

test('a volume a container uses: mounted, refused for removal, then removed with force', async () => {
  const v = await c.volumes.create(`${PREFIX}used`, { labels: LABEL });
  const ct = await c.containers.run(IMAGE, ['sh', '-c', 'echo data > /vol/f; sleep 300'], {
    detach: true,
    name: `${PREFIX}user`,
    volumes: { [v.name]: { bind: '/vol', mode: 'rw' } },
  });
  try {
    await ct.waitFor({ exec: ['test', '-s', '/vol/f'] }, { timeout: 30 });
    await assert.rejects(v.remove(), dc.ConflictError);
    await ct.remove({ force: true });
    // The data stayed in the volume: another container sees it.
    const out = await c.containers.run(IMAGE, ['cat', '/vol/f'], { remove: true, volumes: [`${v.name}:/vol:ro`] });
    assert.strictEqual(out.toString(), 'data\n');
  } finally {
    await ct.remove({ force: true }).catch(() => {});
    ct.close();
    await v.remove({ force: true });
    v.close();
  }
});

test('anonymous create, list by label and name, sparse entries, prune by label', async () => {
  const anon = await c.volumes.create({ labels: { ...LABEL, 'dcnd.which': 'anon' } });
  const named = await c.volumes.create(`${PREFIX}listed`, { labels: LABEL });
  try {
    assert.match(anon.name, /^[0-9a-f]{64}$/);
    const vols = await c.volumes.list({ filters: { label: [LABEL_FILTER] } });
    assert.ok(vols.every((x) => x instanceof dc.Volume));
    assert.deepStrictEqual(vols.map((x) => x.name).sort(), [anon.name, named.name].sort());
    vols.forEach((x) => x.close());
    const byName = await c.volumes.list({ filters: { name: `${PREFIX}listed` }, sparse: true });
    assert.deepStrictEqual(
      byName.map((x) => x.Name),
      [named.name],
    );
    const onlyAnon = await c.volumes.list({ filters: { label: ['dcnd.which=anon'] } });
    assert.deepStrictEqual(
      onlyAnon.map((x) => x.name),
      [anon.name],
    );
    onlyAnon.forEach((x) => x.close());
    // dockerd 20.10 (API 1.41) prunes named volumes too; newer engines only anonymous ones
    // unless {all: true}: ask for both so the test means the same everywhere.
    const all = (await c.apiVersion()) >= '1.42' ? { all: true } : {};
    const pruned = await c.volumes.prune({ filters: { label: [LABEL_FILTER], ...all } });
    assert.deepStrictEqual(pruned.VolumesDeleted.sort(), [anon.name, named.name].sort());
    assert.strictEqual(typeof pruned.SpaceReclaimed, 'number');
    assert.deepStrictEqual(await c.volumes.list({ filters: { label: [LABEL_FILTER] }, sparse: true }), []);
  } finally {
    for (const v of [anon, named]) {
      await v.remove({ force: true }).catch((e) => {
        if (!(e instanceof dc.NotFoundError)) throw e;
      });
      v.close();
    }
  }
});

test('bad arguments are refused before anything is sent', async () => {
  await assert.rejects(c.volumes.create(`${PREFIX}bad`, { drivr: 'local' }), (e) => e instanceof dc.InvalidArgumentError && /drivr/.test(e.message));
  await assert.rejects(c.volumes.create(`${PREFIX}bad`, { name: `${PREFIX}other` }), /name given twice/);
  await assert.rejects(c.volumes.create(''), /volumes\.create: name must be a non-empty string/);
  await assert.rejects(c.volumes.get(''), dc.InvalidArgumentError);
  await assert.rejects(c.volumes.list({ filter: {} }), (e) => e instanceof dc.InvalidArgumentError && /filter/.test(e.message));
  await assert.rejects(c.volumes.prune([]), /options must be an object/);
  await assert.rejects(c.volumes.get('dcnd-no-such-volume'), dc.NotFoundError);
  const v = await c.volumes.create(`${PREFIX}args`, { labels: LABEL });
  try {
    await assert.rejects(v.remove({ forse: true }), (e) => e instanceof dc.InvalidArgumentError && /forse/.test(e.message));
  } finally {
    await v.remove();
    v.close();
  }
  await assert.rejects(c.volumes.get(`${PREFIX}bad`), dc.NotFoundError);
});
