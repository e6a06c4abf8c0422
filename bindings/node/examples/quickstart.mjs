// Quickstart: run a container detached, exec in it, read its logs, stop and remove it.
//   node examples/quickstart.mjs            (DOCKER_HOST or /var/run/docker.sock)
import { fromEnv, NotFoundError } from 'docker-containers';

const image = process.env.QUICKSTART_IMAGE || 'busybox:latest';
const name = `dcnode-quickstart-${process.pid}`;
const docker = fromEnv();

let container = null;
try {
  await docker.ping();
  const v = await docker.version();
  console.log(`engine ${v.Version}, API ${await docker.apiVersion()}`);

  container = await docker.containers.run(image, ['sh', '-c', 'echo hello from $HOSTNAME; sleep 300'], {
    detach: true,
    name,
    labels: { example: 'quickstart' },
  });
  // run() hands back the attributes read before the start, as docker-py does: reload for the live state.
  await container.reload();
  console.log(`started ${container.name} (${container.shortId}), status ${container.status}`);

  const { exitCode, output } = await container.execRun('sh -c "echo 6*7 = $((6*7))"');
  console.log(`exec exit ${exitCode}: ${output.toString().trim()}`);

  // The first line of the logs, followed as it comes; break cancels the stream.
  for await (const { stream, data } of await container.logs({ follow: true, stream: true })) {
    console.log(`logs (${stream}): ${data.toString().trim()}`);
    break;
  }

  await container.stop({ timeout: 1 });
  await container.reload();
  console.log(`stopped: status ${container.status}, exit code ${container.attrs.State.ExitCode}`);
} finally {
  if (container) {
    await container.remove({ force: true }).catch((e) => {
      if (!(e instanceof NotFoundError)) throw e;
    });
    console.log('removed');
    container.close();
  }
  docker.close();
}
