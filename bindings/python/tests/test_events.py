"""client.events() and container.wait_for() against the real engine. Containers: dcevt-py-*."""
import threading
import time
import urllib.request
import uuid

import pytest

import docker_containers as docker
from conftest import IMAGE


@pytest.fixture
def evname(client):
    n = f"dcevt-py-{uuid.uuid4().hex[:10]}"
    yield n
    try:
        client.containers.get(n).remove(force=True)
    except docker.errors.NotFound:
        pass


def test_wait_for_log_port_and_http(client, evname):
    c = client.containers.run(
        IMAGE, "sh -c 'mkdir /www && echo hi > /www/index.html && echo starting && sleep 2 && exec httpd -f -p 80 -h /www'",
        detach=True, name=evname, ports={"80/tcp": None})
    c.wait_for(log="^starting$", status="running", timeout=120)
    c.wait_for(port={"port": 80, "http_path": "/index.html", "http_status": 200}, timeout=120)
    c.reload()
    host_port = c.ports["80/tcp"][0]["HostPort"]
    with urllib.request.urlopen(f"http://127.0.0.1:{host_port}/index.html") as r:
        assert r.status == 200 and r.read() == b"hi\n"
    with pytest.raises(docker.errors.Timeout, match="status: wanted paused, last seen running"):
        c.wait_for(status="paused", timeout=0.5)


def test_wait_for_exit_raises_container_error(client, evname):
    c = client.containers.run(IMAGE, "sh -c 'echo bye >&2; sleep 1; exit 6'", detach=True, name=evname)
    with pytest.raises(docker.errors.ContainerError) as e:
        c.wait_for(log="never", timeout=120)
    assert e.value.exit_status == 6
    assert b"bye" in e.value.stderr
    with pytest.raises(docker.errors.InvalidArgument, match='"pattern"'):
        c.wait_for(log={"patern": "x"})


def test_events_generator_filtered_by_container(client, evname):
    since = time.time() - 1
    c = client.containers.run(IMAGE, "true", detach=True, name=evname)
    c.wait()
    events = list(client.events(since=since, until=time.time() + 1,
                                filters={"container": c.id, "type": "container"}, decode=True))
    actions = [e["Action"] for e in events]
    assert {"create", "start", "die"} <= set(actions), actions
    assert all(e["Actor"]["ID"] == c.id for e in events)
    # Without until: runs until closed, from another thread too.
    stream = client.events(filters={"container": c.id})
    threading.Timer(0.3, stream.close).start()
    assert list(stream) == []


def test_stats_all_sees_a_labelled_container_join_and_sample(client, evname):
    c = client.containers.run(IMAGE, "sleep 300", detach=True, name=evname, labels={"dcevt.py": "stats"})
    s = client.stats_all(filters={"label": "dcevt.py=stats"})
    seen = []
    for item in s:
        if item.get("id") == c.id:
            seen.append(item["event"])
            if item["event"] == "sample":
                assert "cpu_percent" in item["stats"]
                break
    s.close()
    assert seen[0] == "joined" and seen[-1] == "sample", seen
