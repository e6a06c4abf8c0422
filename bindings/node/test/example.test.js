'use strict';
// The quickstart example runs against the engine, prints what it did, and leaves nothing behind.
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { execFile } = require('child_process');
const { client } = require('./helpers');

test('examples/quickstart.mjs runs, execs, reads logs, stops and removes its container', async () => {
  const script = path.join(__dirname, '..', 'examples', 'quickstart.mjs');
  const { code, stdout, stderr } = await new Promise((resolve) => {
    const child = execFile(process.execPath, [script], { timeout: 120000 }, (err, stdout, stderr) =>
      resolve({ code: err ? err.code : 0, stdout, stderr }),
    );
    child.stdin.end();
  });
  assert.strictEqual(code, 0, `quickstart failed:\n${stdout}\n${stderr}`);
  assert.match(stdout, /^engine .*, API 1\.\d+$/m);
  const started = stdout.match(/^started (dcnode-quickstart-(\d+)) \(([0-9a-f]{12})\), status running$/m);
  assert.ok(started, stdout);
  assert.match(stdout, /^exec exit 0: 6\*7 = 42$/m);
  assert.match(stdout, new RegExp(`^logs \\(stdout\\): hello from ${started[3]}$`, 'm'));
  assert.match(stdout, /^stopped: status exited, exit code \d+$/m);
  assert.match(stdout, /^removed$/m);
  const c = client();
  try {
    const left = await c.containers.list({ all: true, sparse: true, filters: { name: [started[1]] } });
    assert.deepStrictEqual(left, []);
  } finally {
    c.close();
  }
});
