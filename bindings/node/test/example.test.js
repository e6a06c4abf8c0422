'use strict';
// The quickstart example runs against the engine, prints what it did, and leaves nothing behind.
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { execFile } = require('child_process');
const { client, removeAll } = require('./helpers');

test('examples/quickstart.mjs runs, execs, reads logs, stops and removes its container', async () => {
  const script = path.join(__dirname, '..', 'examples', 'quickstart.mjs');
  let pid = null;
  const { code, stdout, stderr } = await new Promise((resolve) => {
    const child = execFile(process.execPath, [script], { timeout: 120000 }, (err, stdout, stderr) =>
      resolve({ code: err ? err.code : 0, stdout, stderr }),
    );
    pid = child.pid;
    child.stdin.end();
  });
  // Should the example die before its own clean-up, its container goes here.
  const c = client();
  const prefix = `dcnode-quickstart-${pid}`;
  const left = await c.containers.list({ all: true, sparse: true, filters: { name: [`^/${prefix}$`] } });
  await removeAll(c, prefix);
  c.close();
  assert.strictEqual(code, 0, `quickstart failed:\n${stdout}\n${stderr}`);
  assert.match(stdout, /^engine .*, API 1\.\d+$/m);
  const started = stdout.match(/^started (dcnode-quickstart-(\d+)) \(([0-9a-f]{12})\), status running$/m);
  assert.ok(started, stdout);
  assert.match(stdout, /^exec exit 0: 6\*7 = 42$/m);
  assert.match(stdout, new RegExp(`^logs \\(stdout\\): hello from ${started[3]}$`, 'm'));
  assert.match(stdout, /^stopped: status exited, exit code \d+$/m);
  assert.match(stdout, /^removed$/m);
  assert.strictEqual(started[1], prefix);
  assert.deepStrictEqual(left, [], 'the example removed its container');
});
