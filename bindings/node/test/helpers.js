'use strict';
// Shared test plumbing: a client from the environment, removal of every container under a test
// file's dcnode- prefix (each file calls it in its after hook, so it runs pass or fail), tar helpers.

const { execFileSync } = require('child_process');
const dc = require('..');

const IMAGE = 'dc-test/busybox:latest';

function client() {
  return dc.fromEnv();
}

/** Remove every container whose name starts with `prefix` (through the binding itself). */
async function removeAll(c, prefix) {
  const list = await c.containers.list({ all: true, sparse: true, filters: { name: [prefix] } });
  for (const e of list) {
    const n = (e.Names || [])[0] || '';
    if (!n.replace(/^\//, '').startsWith(prefix)) continue;
    try {
      const ct = await c.containers.get(e.Id);
      await ct.remove({ force: true });
      ct.close();
    } catch (err) {
      if (!(err instanceof dc.NotFoundError)) throw err;
    }
  }
}

/** A tar archive (Buffer) of `dir`'s contents, made by the system tar. */
function tarOf(dir) {
  return execFileSync('tar', ['-c', '-C', dir, '.'], { maxBuffer: 64 << 20 });
}

/** The names in a tar archive (Buffer), listed by the system tar. */
function tarList(buf) {
  return execFileSync('tar', ['-t'], { input: buf, maxBuffer: 64 << 20 })
    .toString()
    .split('\n')
    .filter(Boolean);
}

module.exports = { dc, IMAGE, client, removeAll, tarOf, tarList };
