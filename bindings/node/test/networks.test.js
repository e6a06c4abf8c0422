'use strict';
// client.networks and Network against the real engine: create with docker-py's options, get,
// list with filters, connect a container (aliases, a fixed address) and find it by name in the
// network's attrs, disconnect, remove, prune. Everything made here is named dcnd-nw-<pid>-*.
const test = require('node:test');
const assert = require('node:assert');
const { dc, IMAGE, client, removeAll } = require('./helpers');

const PREFIX = `dcnd-nw-${process.pid}-`;
const LABEL = { 'dcnd.test': `nw-${process.pid}` };
const c = client();
// /24s of our own for the fixed addresses (the pid keeps parallel runs apart).
const NET3 = `10.197.${process.pid % 250}`;
const NET3B = `10.198.${process.pid % 250}`;

async function removeNetworks() {
  for (const n of await c.networks.list({ sparse: true, filters: { name: PREFIX } })) {
    if (!n.Name.startsWith(PREFIX)) continue;
    try {
      const net = await c.networks.get(n.Id);
      for (const id of Object.keys(net.attrs.Containers || {})) await net.disconnect(id, { force: true }).catch(() => {});
      await net.remove();
      net.close();
    } catch (e) {
      if (!(e instanceof dc.NotFoundError)) throw e;
    }
  }
}

test.after(async () => {
  await removeAll(c, PREFIX);
  await removeNetworks();
  c.close();
});

test('create with options, get by name and id, attrs reflect the options', async () => {
  const n = await c.networks.create(`${PREFIX}opts`, {
    driver: 'bridge',
    labels: LABEL,
    internal: true,
    attachable: true,
    options: { 'com.docker.network.bridge.enable_icc': 'true' },
    ipam: { driver: 'default', pool_configs: [{ subnet: `${NET3}.0/24`, gateway: `${NET3}.1` }] },
  });
  try {
    assert.match(n.id, /^[0-9a-f]{64}$/);
    assert.strictEqual(n.shortId, n.id.slice(0, 12));
    assert.strictEqual(n.name, `${PREFIX}opts`);
    assert.strictEqual(n.attrs.Driver, 'bridge');
    assert.strictEqual(n.attrs.Internal, true);
    assert.strictEqual(n.attrs.Attachable, true);
    assert.deepStrictEqual(n.attrs.Labels, LABEL);
    assert.strictEqual(n.attrs.Options['com.docker.network.bridge.enable_icc'], 'true');
    assert.strictEqual(n.attrs.IPAM.Config[0].Subnet, `${NET3}.0/24`);
    assert.strictEqual(n.attrs.IPAM.Config[0].Gateway, `${NET3}.1`);
    const byName = await c.networks.get(`${PREFIX}opts`);
    assert.strictEqual(byName.id, n.id);
    const byId = await c.networks.get(n.id, { verbose: false });
    assert.strictEqual(byId.name, n.name);
    byName.close();
    byId.close();
    // The same name again: ConflictError (dockerd checks duplicates).
    await assert.rejects(c.networks.create(`${PREFIX}opts`, { labels: LABEL, checkDuplicate: true }), dc.ConflictError);
  } finally {
    await n.remove();
  }
  await assert.rejects(c.networks.get(n.id), dc.NotFoundError);
  await assert.rejects(n.reload(), dc.NotFoundError);
  n.close();
});

test('connect a container with aliases and an address, see it by name, disconnect', async () => {
  const n = await c.networks.create(`${PREFIX}conn`, {
    labels: LABEL,
    ipam: { driver: 'default', pool_configs: [{ subnet: `${NET3B}.0/24` }] },
  });
  const ct = await c.containers.run(IMAGE, 'sleep 300', { detach: true, name: `${PREFIX}member` });
  const addr = `${NET3B}.42`;
  try {
    await n.connect(ct, { aliases: ['dcnd-alias'], ipv4Address: addr });
    // Cached attrs until reload().
    assert.deepStrictEqual(n.attrs.Containers || {}, {});
    await n.reload();
    const ep = n.attrs.Containers[ct.id];
    assert.ok(ep, `container not in ${JSON.stringify(n.attrs.Containers)}`);
    assert.strictEqual(ep.Name, `${PREFIX}member`);
    assert.strictEqual(ep.IPv4Address, `${addr}/24`);
    const members = await n.containers();
    assert.deepStrictEqual(
      members.map((m) => m.name),
      [`${PREFIX}member`],
    );
    members.forEach((m) => m.close());
    await ct.reload();
    const settings = ct.attrs.NetworkSettings.Networks[`${PREFIX}conn`];
    assert.ok(settings.Aliases.includes('dcnd-alias'), JSON.stringify(settings.Aliases));
    // The alias resolves inside the network.
    const r = await ct.execRun(['nslookup', 'dcnd-alias']);
    assert.ok(r.output.toString().includes(addr), r.output.toString());
    // A network in use cannot go.
    await assert.rejects(n.remove(), dc.DockerError);
    // Disconnect by name this time.
    await n.disconnect(`${PREFIX}member`, { force: true });
    await n.reload();
    assert.deepStrictEqual(n.attrs.Containers || {}, {});
    await assert.rejects(n.connect('dcnd-no-such-container'), dc.NotFoundError);
  } finally {
    await ct.remove({ force: true });
    ct.close();
    await n.remove();
    n.close();
  }
});

test('list by label and name, sparse entries, prune by label', async () => {
  const a = await c.networks.create(`${PREFIX}la`, { labels: { ...LABEL, 'dcnd.which': 'a' } });
  const b = await c.networks.create(`${PREFIX}lb`, { labels: LABEL });
  try {
    const label = `dcnd.test=${LABEL['dcnd.test']}`;
    const nets = await c.networks.list({ filters: { label } });
    assert.deepStrictEqual(nets.map((x) => x.name).sort(), [`${PREFIX}la`, `${PREFIX}lb`]);
    assert.ok(nets.every((x) => x instanceof dc.Network));
    nets.forEach((x) => x.close());
    const onlyA = await c.networks.list({ filters: { label: ['dcnd.which=a'] } });
    assert.deepStrictEqual(
      onlyA.map((x) => x.id),
      [a.id],
    );
    onlyA.forEach((x) => x.close());
    const byName = await c.networks.list({ names: [`${PREFIX}lb`], sparse: true });
    assert.deepStrictEqual(
      byName.map((x) => x.Id),
      [b.id],
    );
    const byId = await c.networks.list({ ids: [a.id], sparse: true });
    assert.deepStrictEqual(
      byId.map((x) => x.Name),
      [`${PREFIX}la`],
    );
    const pruned = await c.networks.prune({ filters: { label: [label] } });
    assert.deepStrictEqual(pruned.NetworksDeleted.sort(), [`${PREFIX}la`, `${PREFIX}lb`]);
    await assert.rejects(c.networks.get(a.id), dc.NotFoundError);
    const again = await c.networks.prune({ filters: { label: [label] } });
    assert.deepStrictEqual(again.NetworksDeleted, []);
  } finally {
    for (const n of [a, b]) {
      await n.remove().catch((e) => {
        if (!(e instanceof dc.NotFoundError)) throw e;
      });
      n.close();
    }
  }
});

test('bad arguments are refused before anything is sent', async () => {
  await assert.rejects(c.networks.create(''), /networks\.create: name must be a non-empty string/);
  await assert.rejects(c.networks.create(`${PREFIX}bad`, { drivr: 'bridge' }), (e) => e instanceof dc.InvalidArgumentError && /drivr/.test(e.message));
  await assert.rejects(c.networks.create(`${PREFIX}bad`, { labels: LABEL, driver: 'bridge', Driver: 'x' }), dc.InvalidArgumentError);
  await assert.rejects(c.networks.get(42), dc.InvalidArgumentError);
  await assert.rejects(c.networks.list({ filters: 'label=x' }), dc.InvalidArgumentError);
  await assert.rejects(c.networks.get('dcnd-no-such-network'), dc.NotFoundError);
  const n = await c.networks.create(`${PREFIX}args`, { labels: LABEL });
  try {
    await assert.rejects(n.connect(null), /connect: container must be a Container, an id or a name/);
    await assert.rejects(n.connect('x', { alias: ['a'] }), (e) => e instanceof dc.InvalidArgumentError && /alias/.test(e.message));
    await assert.rejects(n.disconnect('x', { forse: true }), (e) => e instanceof dc.InvalidArgumentError && /forse/.test(e.message));
  } finally {
    await n.remove();
    n.close();
  }
  await assert.rejects(n.reload(), dc.InvalidArgumentError); // closed handle
  // Nothing named *bad was made.
  assert.deepStrictEqual(await c.networks.list({ names: [`${PREFIX}bad`], sparse: true }), []);
});
