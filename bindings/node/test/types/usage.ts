// Must compile under `tsc --strict` (make node-types): each call's options are typed from the
// library's option table, and the overloads give run(), logs() and execRun() one precise
// result type each, with no casts.
import {
  fromEnv,
  Container,
  DockerStream,
  ExecResult,
  DemuxExecResult,
  DetachedExecResult,
  OutputChunk,
} from 'docker-containers';

export async function usage(image: string): Promise<number> {
  const docker = fromEnv({ timeout: 30, version: 'auto' });
  const c: Container = await docker.containers.run(image, ['sleep', '60'], {
    detach: true,
    name: 'dcopt-types',
    environment: { A: '1' },
    memLimit: '64m',
    ports: { '80/tcp': null },
    restart_policy: { Name: 'no' },
    HostConfig: { Init: true },
  });
  const printed: Buffer = await docker.containers.run(image, 'echo hi', { remove: true, stderr: true });
  const created: Container = await docker.containers.create(image, null, { tty: true, pull: false });
  const all: Container[] = await docker.containers.list({ all: true, filters: { label: ['a'] } });
  const sparse: any[] = await docker.containers.list({ sparse: true });

  const r: ExecResult = await c.execRun('echo hi', { user: 'root', workdir: '/' });
  const out: Buffer = r.output;
  const code: number = r.exitCode;
  const d: DemuxExecResult = await c.execRun(['sh', '-c', 'echo err >&2'], { demux: true });
  const errText: string = d.stderr.toString();
  const det: DetachedExecResult = await c.execRun('sleep 1', { detach: true });
  const id: string = det.execId;
  const s: DockerStream = await c.execRun('cat', { socket: true, tty: false });
  await s.write('x');
  await s.closeWrite();

  const logs: Buffer = await c.logs({ tail: 10, timestamps: true });
  const [lo, le]: [Buffer, Buffer] = await c.logs({ demux: true, since: '10m' });
  const followed: DockerStream = await c.logs({ follow: true, idleTimeout: 5 });
  for await (const chunk of followed) {
    const k: OutputChunk['stream'] = chunk.stream;
    void k;
    break;
  }
  const sample: any = await c.stats({ stream: false, one_shot: true });
  const samples: DockerStream<any> = await c.stats();

  await c.stop({ timeout: 1, signal: 'SIGTERM' });
  await c.wait({ condition: 'not-running', timeout: 10 });
  await c.update({ memLimit: '128m', cpus: 0.5 });
  await c.commit({ repository: 'dcopt/x', tag: 'latest', changes: ['ENV A=1'] });
  await c.putArchive('/tmp', Buffer.alloc(0), { copyUidGid: false });
  await c.copyTo('/etc/hostname', '/tmp/', { follow_link: true });
  await c.remove({ force: true, v: true });
  await created.remove({ force: true });
  void [printed, all, sparse, out, errText, id, logs, lo, le, sample, samples];
  docker.close();
  return code;
}
