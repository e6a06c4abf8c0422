// make package-test, Node: the quickstart flow from the two installed tarballs (main package and
// per-platform package) in a temporary npm project, with no DOCKER_CONTAINERS_LIB. Fails unless
// the library was loaded from the platform package in this project's node_modules. Its
// container is dcpkg-node-<pid>, always removed.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fromEnv, libraryPath } from 'docker-containers';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const platformPkg = path.dirname(require.resolve('docker-containers-linux-x64-gnu/package.json'));
if (!libraryPath.startsWith(path.join(here, 'node_modules') + path.sep) || path.dirname(libraryPath) !== platformPkg) {
  throw new Error(`library from ${libraryPath}, not from ${platformPkg}`);
}
console.log(`node: library ${path.relative(here, libraryPath)}`);

const docker = fromEnv();
const name = `dcpkg-node-${process.pid}`;
let container = null;
try {
  if ((await docker.ping()) !== true) throw new Error('ping');
  console.log(`node: engine ${(await docker.version()).Version}`);
  container = await docker.containers.run('dc-test/busybox:latest', ['sh', '-c', 'echo hello from npm; exec sleep 60'],
    { detach: true, name });
  const { exitCode, output } = await container.execRun('sh -c "echo 6*7 = $((6*7)); exit 3"');
  if (exitCode !== 3 || output.toString() !== '6*7 = 42\n') throw new Error(`exec: ${exitCode} ${output}`);
  let first = null;
  for await (const { data } of await container.logs({ follow: true, stream: true })) {
    first = data.toString();
    break;
  }
  if (first !== 'hello from npm\n') throw new Error(`logs: ${JSON.stringify(first)}`);
  await container.stop({ timeout: 1 });
  console.log(`node: ${name} ran, exec exit 3, logs ${JSON.stringify(first)}, stopped`);
} finally {
  if (container) {
    await container.remove({ force: true });
    container.close();
  }
  docker.close();
}
