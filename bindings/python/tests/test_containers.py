"""client.containers and the Container lifecycle, against the real engine."""
import time

import pytest

import docker_containers as docker
from conftest import IMAGE


def test_client_basics(client):
    assert client.ping() is True
    v = client.version()
    assert "ApiVersion" in v and "Version" in v
    assert "Containers" in client.info()
    assert client.api_version.count(".") == 1


def test_bad_option_is_named(client):
    with pytest.raises(docker.errors.InvalidArgument) as e:
        client.containers.create(IMAGE, "true", no_such_keyword=1)
    assert "no_such_keyword" in str(e.value)


def test_unreachable_engine_names_the_address():
    with pytest.raises(docker.errors.ConnectionFailed) as e:
        docker.DockerClient(base_url="unix:///nonexistent/dcpy.sock").ping()
    assert "/nonexistent/dcpy.sock" in str(e.value)


def test_run_returns_output_as_bytes(client):
    out = client.containers.run(IMAGE, "sh -c 'echo hello; echo err >&2'", remove=True)
    assert out == b"hello\n"
    both = client.containers.run(IMAGE, ["sh", "-c", "echo a; echo b >&2"], stderr=True, remove=True)
    assert sorted(both.split()) == [b"a", b"b"]


def test_run_failure_is_container_error(client, name):
    with pytest.raises(docker.errors.ContainerError) as e:
        client.containers.run(IMAGE, "sh -c 'echo oops >&2; exit 3'", name=name)
    assert e.value.exit_status == 3
    assert e.value.stderr == b"oops\n"
    assert e.value.image == IMAGE
    assert e.value.container is not None and e.value.container.name == name


def test_run_missing_image(client):
    with pytest.raises(docker.errors.ImageNotFound):
        client.containers.run("dcpy-no-such-image:latest", "true", pull=False)


def test_run_stream_yields_logs(client, name):
    chunks = client.containers.run(IMAGE, "sh -c 'for i in 1 2 3; do echo $i; done'", name=name,
                                   stream=True)
    assert b"".join(chunks) == b"1\n2\n3\n"


def test_detached_container_properties(client, name):
    c = client.containers.run(IMAGE, "sleep 300", detach=True, name=name,
                              labels={"dcpy": "yes"}, environment={"A": "1"},
                              ports={"80/tcp": None})
    assert isinstance(c, docker.Container)
    assert c.name == name
    assert c.short_id == c.id[:12]
    assert c.status == "created"  # docker-py's: the attributes read before the start
    assert c.labels == {"dcpy": "yes"}
    assert "A=1" in c.attrs["Config"]["Env"]
    assert c.health == "unknown"
    assert c.image.id.startswith("sha256:")
    assert IMAGE in c.image.tags
    assert c.ports == {}  # as docker-py: published ports show once started
    c.reload()
    assert c.status == "running"
    assert "80/tcp" in c.ports and c.ports["80/tcp"][0]["HostPort"]
    assert client.containers.get(name) == c


def test_lifecycle(client, running):
    c = running
    c.pause(); c.reload()
    assert c.status == "paused"
    c.unpause(); c.reload()
    assert c.status == "running"
    c.stop(timeout=1); c.reload()
    assert c.status == "exited"
    assert c.wait()["StatusCode"] == 137
    c.start(); c.reload()
    assert c.status == "running"
    c.restart(timeout=1); c.reload()
    assert c.status == "running"
    c.kill(signal="SIGKILL")
    assert c.wait(timeout=10)["StatusCode"] == 137
    c.remove()
    with pytest.raises(docker.errors.NotFound) as e:
        c.reload()
    assert e.value.status_code == 404 and e.value.is_client_error()


def test_wait_timeout(running):
    t = time.monotonic()
    with pytest.raises(docker.errors.Timeout):
        running.wait(timeout=1)
    assert time.monotonic() - t < 5


def test_rename_resize_update_commit_top_diff(client, running, name):
    running.rename(name + "-b")
    running.reload()
    assert running.name == name + "-b"
    running.rename(name)
    assert running.update(pids_limit=100) == {"Warnings": None}
    running.reload()
    assert running.attrs["HostConfig"]["PidsLimit"] == 100
    top = running.top()
    assert "PID" in top["Titles"] and any("sleep" in " ".join(p) for p in top["Processes"])
    running.exec_run("touch /dcpy-file")
    assert {"Path": "/dcpy-file", "Kind": 1} in running.diff()
    img = running.commit(repository="dcpy-commit", tag="t1")
    try:
        assert "dcpy-commit:t1" in img.tags
    finally:
        client.images.remove(img.id, force=True)
    with pytest.raises(docker.errors.Conflict):
        client.containers.create(IMAGE, "true", name=name)


def test_list_and_prune(client, name):
    a = client.containers.run(IMAGE, "sleep 300", detach=True, name=name, labels={"dcpy-list": name})
    b = client.containers.create(IMAGE, "true", name=name + "-x", labels={"dcpy-list": name})
    try:
        running = client.containers.list(filters={"label": f"dcpy-list={name}"})
        assert [c.id for c in running] == [a.id]
        every = client.containers.list(all=True, filters={"label": f"dcpy-list={name}"})
        assert {c.id for c in every} == {a.id, b.id}
        assert every[0].attrs["Config"]["Labels"]["dcpy-list"] == name
        sparse = client.containers.list(all=True, sparse=True, filters={"label": f"dcpy-list={name}"})
        assert {c.id for c in sparse} == {a.id, b.id}
        # A container from list() works like any other.
        [x] = [c for c in sparse if c.id == b.id]
        x.reload()
        assert x.status == "created"
        pruned = client.containers.prune(filters={"label": f"dcpy-list={name}"})
        assert b.id in pruned["ContainersDeleted"]
    finally:
        try:
            b.remove(force=True)
        except docker.errors.NotFound:
            pass
