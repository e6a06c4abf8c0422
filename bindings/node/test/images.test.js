'use strict';
// client.images and Image against the real engine, with images of our own (dcnd-im-<pid>/...,
// made from dc-test/busybox by tagging) that are removed pass or fail. No registry is
// reachable here: pull is checked against an address nothing listens on.
const test = require('node:test');
const assert = require('node:assert');
const { dc, IMAGE, client, removeAll } = require('./helpers');

const PREFIX = `dcnd-im-${process.pid}-`;
const REPO = `dcnd-im-${process.pid}/base`;
const c = client();

test.after(async () => {
  await removeAll(c, PREFIX);
  for (const t of ['one', 'two', 'three', 'labelled', 'dangle']) await c.images.remove(`${REPO}:${t}`, { force: true }).catch(() => {});
  await c.images.prune({ filters: { label: [`dcnd.prune=${process.pid}`] } }).catch(() => {});
  for (const img of await c.images.list({ name: `dcnd-im-${process.pid}/*`, sparse: true }).catch(() => [])) {
    for (const t of img.RepoTags || []) {
      if (t.startsWith(`dcnd-im-${process.pid}/`)) await c.images.remove(t).catch(() => {});
    }
  }
  c.close();
});

test('get gives an Image: id, shortId, tags, labels, attrs, reload; exists', async () => {
  const img = await c.images.get(IMAGE);
  assert.ok(img instanceof dc.Image);
  assert.match(img.id, /^sha256:[0-9a-f]{64}$/);
  assert.strictEqual(img.shortId, img.id.slice(0, 19));
  assert.ok(img.tags.includes(IMAGE), JSON.stringify(img.tags));
  assert.deepStrictEqual(img.labels, (img.attrs.Config && img.attrs.Config.Labels) || {});
  assert.strictEqual(img.attrs.Id, img.id);
  assert.strictEqual(await img.reload(), img);
  assert.strictEqual((await c.images.get(img.id)).id, img.id);
  assert.strictEqual(await c.images.exists(IMAGE), true);
  assert.strictEqual(await c.images.exists(`${REPO}:absent`), false);
  await assert.rejects(c.images.get(`${REPO}:absent`), (e) => e instanceof dc.ImageNotFoundError && e instanceof dc.NotFoundError && e.code === 'DOCKER_ERR_IMAGE_NOT_FOUND');
});

test('tag (collection and Image), see the tags, list by name, remove', async () => {
  const base = await c.images.get(IMAGE);
  assert.strictEqual(await c.images.tag(IMAGE, REPO, { tag: 'one' }), true);
  assert.strictEqual(await base.tag(REPO, { tag: 'two' }), true);
  assert.strictEqual(await base.tag(`${REPO}:three`), true);
  // Moving an existing tag: the engine allows it (force is for docker-py's sake).
  assert.strictEqual(await c.images.tag(base, REPO, { tag: 'one', force: true }), true);
  await base.reload();
  for (const t of ['one', 'two', 'three']) assert.ok(base.tags.includes(`${REPO}:${t}`), JSON.stringify(base.tags));
  const tagged = await c.images.get(`${REPO}:two`);
  assert.strictEqual(tagged.id, base.id);

  const listed = await c.images.list({ name: REPO });
  assert.strictEqual(listed.length, 1);
  assert.ok(listed[0] instanceof dc.Image);
  assert.strictEqual(listed[0].id, base.id);
  const sparse = await c.images.list({ filters: { reference: `${REPO}:two` }, sparse: true });
  assert.deepStrictEqual(
    sparse.map((s) => s.Id),
    [base.id],
  );
  assert.ok((await c.images.list({ all: true, sparse: true })).some((s) => s.Id === base.id));
  assert.deepStrictEqual(await c.images.list({ name: `${REPO}-none` }), []);

  await c.images.remove(`${REPO}:one`);
  await c.images.remove(`${REPO}:two`, { noprune: true });
  assert.strictEqual(await c.images.exists(`${REPO}:one`), false);
  assert.strictEqual(await c.images.exists(`${REPO}:three`), true);
  await c.images.remove(`${REPO}:three`);
  assert.strictEqual(await c.images.exists(IMAGE), true, 'untagging left the base image alone');
  await assert.rejects(c.images.remove(`${REPO}:one`), dc.ImageNotFoundError);
  await assert.rejects(c.images.tag(`${REPO}:absent`, REPO, { tag: 'x' }), dc.ImageNotFoundError);
});

test('an Image of its own: labels from a commit, remove() through the Image', async () => {
  const ct = await c.containers.create(IMAGE, 'true', { name: `${PREFIX}src` });
  let id;
  try {
    id = await ct.commit({ repository: REPO, tag: 'labelled', changes: ['LABEL dcnd.kind=commit'] });
  } finally {
    await ct.remove({ force: true });
    ct.close();
  }
  const img = await c.images.get(`${REPO}:labelled`);
  assert.strictEqual(img.id, id);
  assert.strictEqual(img.labels['dcnd.kind'], 'commit');
  const byLabel = await c.images.list({ filters: { label: 'dcnd.kind=commit', reference: `${REPO}:*` } });
  assert.deepStrictEqual(
    byLabel.map((i) => i.id),
    [id],
  );
  await img.remove();
  assert.strictEqual(await c.images.exists(id), false);
  await assert.rejects(img.reload(), dc.ImageNotFoundError);
});

test('prune removes the dangling images its filter selects, and only those', async () => {
  const label = `dcnd.prune=${process.pid}`;
  const ct = await c.containers.create(IMAGE, 'true', { name: `${PREFIX}prune` });
  let first;
  let second;
  try {
    first = await ct.commit({ repository: REPO, tag: 'dangle', changes: [`LABEL ${label}`, 'ENV DCND=1'] });
    // The same tag again: the first image loses it and is left dangling.
    second = await ct.commit({ repository: REPO, tag: 'dangle', changes: [`LABEL ${label}`, 'ENV DCND=2'] });
  } finally {
    await ct.remove({ force: true });
    ct.close();
  }
  assert.notStrictEqual(first, second);
  assert.deepStrictEqual((await c.images.get(first)).tags, []);
  const dangling = await c.images.list({ filters: { dangling: true, label }, sparse: true });
  assert.deepStrictEqual(
    dangling.map((i) => i.Id),
    [first],
  );
  const res = await c.images.prune({ filters: { label: [label] } });
  assert.deepStrictEqual(
    res.ImagesDeleted.filter((d) => d.Deleted).map((d) => d.Deleted),
    [first],
  );
  assert.strictEqual(typeof res.SpaceReclaimed, 'number');
  assert.strictEqual(await c.images.exists(first), false);
  assert.strictEqual(await c.images.exists(`${REPO}:dangle`), true, 'the tagged one stays');
  await c.images.remove(`${REPO}:dangle`);
  await assert.rejects(c.images.prune({ filter: {} }), (e) => e instanceof dc.InvalidArgumentError && /filter/.test(e.message));
});

test('pull: no registry answers; the error is the engine\'s; options are checked first', async () => {
  let items = 0;
  await assert.rejects(
    c.images.pull('127.0.0.1:1/dcnd-nope', { tag: 'v1', onProgress: () => items++ }),
    (e) => e instanceof dc.DockerError && !(e instanceof dc.InvalidArgumentError) && /127\.0\.0\.1:1/.test(e.message),
  );
  assert.strictEqual(items, 0);
  await assert.rejects(c.images.pull('127.0.0.1:1/dcnd-nope', { onProgress: 'yes' }), /onProgress must be a function/);
  await assert.rejects(c.images.pull('127.0.0.1:1/dcnd-nope', { platfrom: 'linux' }), (e) => e instanceof dc.InvalidArgumentError && /platfrom/.test(e.message));
  await assert.rejects(c.images.pull(''), /repository must be a non-empty string/);
  await assert.rejects(c.images.list({ nmae: 'x' }), (e) => e instanceof dc.InvalidArgumentError && /nmae/.test(e.message));
  await assert.rejects(c.images.tag(IMAGE, ''), /repository must be a non-empty string/);
  await assert.rejects(c.images.remove(null), dc.InvalidArgumentError);
});

test('pull from a registry of our own: progress objects as they come, the Image at the end', async () => {
  const { startRegistry } = require('./registry');
  const name = `dcnd-im-${process.pid}/pulled`;
  const reg = await startRegistry(name, 'v1');
  const ref = `127.0.0.1:${reg.port}/${name}`;
  try {
    const items = [];
    const img = await c.images.pull(ref, { tag: 'v1', onProgress: (item) => items.push(item) });
    assert.ok(img instanceof dc.Image);
    assert.deepStrictEqual(img.tags, [`${ref}:v1`]);
    assert.strictEqual(img.labels['dcnd.from'], 'registry');
    assert.ok(items.length >= 2, JSON.stringify(items));
    assert.ok(items.every((i) => typeof i === 'object' && i !== null));
    assert.ok(items.some((i) => /^Digest: sha256:/.test(i.status || '')), JSON.stringify(items));
    assert.ok(reg.requests().some((r) => r.startsWith('GET /v2/') && r.includes('/blobs/')), reg.requests().join(', '));
    // The tag in the name, and no callback at all.
    const again = await c.images.pull(`${ref}:v1`);
    assert.strictEqual(again.id, img.id);
    // An exception in onProgress stops the pull and is what the call rejects with.
    await c.images.remove(img.id, { force: true });
    const boom = new Error('dcnd: stop the pull');
    let calls = 0;
    await assert.rejects(
      c.images.pull(ref, {
        tag: 'v1',
        onProgress: () => {
          calls++;
          throw boom;
        },
      }),
      (e) => e === boom,
    );
    assert.strictEqual(calls, 1, 'no call after the one that threw');
    // A tag the registry does not have: the engine's error, not found.
    await assert.rejects(c.images.pull(ref, { tag: 'absent' }), dc.NotFoundError);
  } finally {
    await reg.close();
    for (const t of ['v1']) await c.images.remove(`${ref}:${t}`, { force: true }).catch(() => {});
  }
});

test('each call releases its registered callback: 9,000 refused pulls with onProgress', async () => {
  // koffi holds at most 8,192 registered callbacks at once: one leaked per call would fail here.
  let refused = 0;
  for (let i = 0; i < 9000; i++) {
    await c.images.pull(`${REPO}:x`, { onProgress: () => {}, timeout: 'soon' }).catch((e) => {
      if (!(e instanceof dc.InvalidArgumentError) || !/timeout/.test(e.message)) throw e;
      refused++;
    });
  }
  assert.strictEqual(refused, 9000);
});

test('splitTag follows docker-py\'s parse_repository_tag', () => {
  const { splitTag } = require('../lib/images');
  assert.deepStrictEqual(splitTag('busybox'), ['busybox', null]);
  assert.deepStrictEqual(splitTag('busybox:1.36'), ['busybox', '1.36']);
  assert.deepStrictEqual(splitTag('localhost:5000/x'), ['localhost:5000/x', null]);
  assert.deepStrictEqual(splitTag('localhost:5000/x:t'), ['localhost:5000/x', 't']);
  assert.deepStrictEqual(splitTag('x@sha256:abc'), ['x', 'sha256:abc']);
});
