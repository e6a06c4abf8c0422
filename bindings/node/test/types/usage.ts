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
  Network,
  Volume,
  Image,
  PullProgress,
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

// Networks, volumes and images: typed options and models.
export async function resources(image: string): Promise<string[]> {
  const docker = fromEnv();
  const net: Network = await docker.networks.create('dcnd-types', {
    driver: 'bridge',
    labels: { a: 'b' },
    ipam: { driver: 'default', pool_configs: [{ subnet: '10.9.0.0/24' }] },
    checkDuplicate: true,
  });
  const c: Container = await docker.containers.get('x');
  await net.connect(c, { aliases: ['web'], ipv4Address: '10.9.0.5' });
  await net.disconnect('x', { force: true });
  const members: Container[] = await (await net.reload()).containers();
  const nets: Network[] = await docker.networks.list({ filters: { label: ['a=b'] }, greedy: true });
  const entries: any[] = await docker.networks.list({ names: ['x'], sparse: true });
  const pruned: string[] = (await docker.networks.prune({ filters: { label: ['a'] } })).NetworksDeleted;
  await net.remove();

  const vol: Volume = await docker.volumes.create('dcnd-types', { driverOpts: { type: 'tmpfs' }, labels: { a: 'b' } });
  const anon: Volume = await docker.volumes.create({ driver: 'local' });
  const vols: Volume[] = await docker.volumes.list({ filters: { dangling: true } });
  const reclaimed: number = (await docker.volumes.prune()).SpaceReclaimed;
  await vol.remove({ force: true });

  const img: Image = await docker.images.get(image);
  const pulled: Image = await docker.images.pull('busybox', {
    tag: '1.36',
    platform: 'linux/amd64',
    onProgress: (p: PullProgress) => void p.status,
  });
  const tagged: true = await img.tag('dcnd/types', { tag: 'v1', force: false });
  await docker.images.tag(pulled, 'dcnd/types');
  const imgs: Image[] = await docker.images.list({ name: 'dcnd/*', all: true, filters: { dangling: false } });
  const freed: number = (await docker.images.prune({ filters: { dangling: false } })).SpaceReclaimed;
  await docker.images.remove(img, { force: true });

  await c.putArchive('/tmp', Buffer.alloc(0), { onProgress: (done: number, total: number | null) => void [done, total] });
  await c.copyFrom('/etc', '/tmp/etc', { onProgress: (done) => void done });
  void [members, nets, entries, anon, vols, reclaimed, tagged, imgs, freed];
  docker.close();
  return [...pruned, img.shortId, ...img.tags, vol.name, net.id];
}
