// Must FAIL `tsc --strict` (make node-types): each call below has one misspelled option key,
// and the check wants each misspelling named in the compiler's errors.
import { fromEnv } from 'docker-containers';

export async function misspelled(): Promise<void> {
  const docker = fromEnv({ timout: 30 });
  const c = await docker.containers.run('img', null, { detach: true, enviroment: { A: '1' } });
  await c.stop({ timeuot: 1 });
  await c.logs({ tial: 10 });
  await c.execRun('true', { workingDir: '/' });
  const n = await docker.networks.create('n', { drivr: 'bridge' });
  await n.connect(c, { aliass: ['a'] });
  await docker.images.pull('busybox', { onProgres: () => {} });
}
