"""Must pass `mypy --strict` (make python-types): keyword arguments typed from the library's
option table, and one precise result type per call, with no casts. Never run."""
import docker_containers as docker
from docker_containers._stream import Output, Stream


def usage(image: str) -> int:
    client = docker.from_env(timeout=30, max_pool_size=8)
    c: docker.Container = client.containers.run(
        image, ["sleep", "60"], detach=True, name="dcopt-types", environment={"A": "1"},
        mem_limit="64m", ports={"80/tcp": None}, restart_policy={"Name": "no"},
        HostConfig={"Init": True})
    printed: bytes = client.containers.run(image, "echo hi", remove=True, stderr=True)
    created: docker.Container = client.containers.create(image, None, tty=True, pull=False)
    r = c.exec_run("echo hi", user="root", workdir="/")
    out: bytes = r.output
    pair = c.exec_run(["sh", "-c", "echo err >&2"], demux=True)
    err: bytes | None = pair.output[1]
    streamed: Output[object] = c.exec_run("cat /etc/hostname", stream=True).output
    sock: Stream = c.exec_run("cat", socket=True).output
    logs: bytes = c.logs(tail=10, timestamps=True)
    followed: Output[bytes] = c.logs(stream=True, since=600)
    sample: dict[str, object] = c.stats(stream=False, one_shot=True)
    c.update(mem_limit="128m", cpus=0.5)
    c.commit("dcopt/x", "latest", changes=["ENV A=1"], pause=False)
    c.copy_to("/etc/hostname", "/tmp/", follow_link=True)
    img: docker.models.images.Image = client.images.get(image)
    img.tag("dcpyi-types/x", "t", force=True)
    img.reload()
    listed: list[docker.models.images.Image] = client.images.list(name="dcpyi-types/x", all=True)
    client.images.remove("dcpyi-types/x:t", noprune=True)
    pulled: docker.models.images.Image = client.images.pull("busybox", "1.36", platform="linux")
    tar, stat = c.get_archive("/etc", progress=lambda done, total: None)
    c.put_archive("/tmp", b"", progress=lambda done, total: print(done, total or 0))
    c.copy_from("/etc/hostname", "/tmp/h", progress=lambda done, total: None)
    gone: dict[str, object] = client.images.prune(filters={"label": "dcpyi-types"})
    c.stop(timeout=1)
    status = c.wait(timeout=10)["StatusCode"]
    c.remove(force=True, v=True)
    created.remove(force=True)
    print(printed, out, err, streamed, sock, logs, followed, sample, listed, pulled, tar, stat, gone)
    return int(status)
