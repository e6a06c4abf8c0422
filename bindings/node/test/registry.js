'use strict';
// The project's test registry (scripts/test-registry.py: the distribution API v2 pull
// endpoints on 127.0.0.1, one single-layer image made at its start) as a child process of this
// test. dockerd treats 127.0.0.0/8 registries as insecure (plain HTTP), so the pull is real;
// only the registry is ours. It exits when its stdin closes, so it never outlives the test.

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

const SCRIPT = path.join(__dirname, '..', '..', '..', 'scripts', 'test-registry.py');

/** Serve repository `name` with tag `tag`; resolves to {port, requests(), close()}. */
async function startRegistry(name, tag) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcnd-reg-'));
  const log = path.join(dir, 'requests.log');
  const child = spawn(
    'python3',
    [SCRIPT, '--repo', name, '--tag', tag, '--gzip', '--log', log,
      '--file', 'hello.txt=pulled from the test registry\\n', '--label', 'dcnd.from=registry'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const first = await new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout });
    rl.once('line', (line) => {
      rl.close();
      resolve(line);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`test-registry exited with ${code} before listening`)));
  });
  const m = /^port (\d+)$/.exec(first);
  if (!m) throw new Error(`test-registry said ${JSON.stringify(first)}`);
  return {
    port: Number(m[1]),
    requests: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
    close: async () => {
      child.stdin.end();
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startRegistry };
