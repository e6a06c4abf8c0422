"""Behaviours that follow docker-py where they once differed: streams closed from another thread,
run(stream=True), sparse objects, run(detach=True)'s attributes, get_archive's stat, and
stats(stream=False)."""
import threading
import time

import pytest

import docker_containers as docker
from conftest import IMAGE

TICKER = "sh -c 'while :; do echo tick; sleep 0.1; done'"


def close_soon(stream, after=0.5):
    t = threading.Timer(after, stream.close)
    t.start()
    return t


def test_a_log_stream_closed_from_another_thread_ends_the_loop(client, name):
    c = client.containers.run(IMAGE, TICKER, detach=True, name=name)
    logs = c.logs(stream=True, follow=True)
    closer = close_soon(logs)
    got = []
    for line in logs:  # ends when the other thread closes it: no ValueError, no hang
        got.append(line)
    closer.join()
    assert b"tick\n" in b"".join(got)
    logs.close()  # again: fine


def test_run_stream_is_an_iterator_closable_from_any_thread(client, name):
    s = client.containers.run(IMAGE, TICKER, stream=True, name=name, remove=True)
    assert iter(s) is s
    assert next(s).startswith(b"tick")
    closer = close_soon(s)
    for _ in s:
        pass
    closer.join()
    # With remove, the container went when the stream was closed.
    with pytest.raises(docker.errors.NotFound):
        client.containers.get(name)


def test_sparse_objects_have_no_labels_until_reloaded(client, name):
    client.containers.run(IMAGE, "sleep 300", detach=True, name=name, labels={"dcpy": "sparse"})
    [c] = client.containers.list(sparse=True, filters={"name": name})
    with pytest.raises(docker.errors.DockerException, match="sparse objects"):
        c.labels
    c.reload()
    assert c.labels == {"dcpy": "sparse"}


def test_run_detach_gives_the_attributes_read_before_the_start(client, name):
    c = client.containers.run(IMAGE, "sleep 300", detach=True, name=name)
    assert c.status == "created"
    assert c.attrs["State"]["StartedAt"].startswith("0001-01-01")
    c.reload()
    assert c.status == "running"


def test_get_archive_stat_has_the_engines_keys(client, name):
    c = client.containers.run(IMAGE, "sleep 300", detach=True, name=name)
    chunks, stat = c.get_archive("/etc/hostname")
    b"".join(chunks)
    for key in ("name", "size", "mode", "mtime", "linkTarget"):
        assert key in stat, stat
    assert stat["name"] == "hostname"
    chunks, stat = c.get_archive("/bin/sh")
    b"".join(chunks)
    assert stat["linkTarget"] == "/bin/busybox" or stat["linkTarget"] == "busybox"


def test_stats_without_stream_waits_for_the_second_reading(client, name):
    c = client.containers.run(IMAGE, "sh -c 'while :; do :; done'", detach=True, name=name)
    time.sleep(0.5)
    s = c.stats(stream=False)
    # docker-py's default: the engine took its two readings, so the CPU figure is real.
    assert s["precpu_stats"].get("system_cpu_usage", 0) > 0
    assert isinstance(s["derived"]["cpu_percent"], float)
    assert s["cpu_stats"]["cpu_usage"]["total_usage"] > s["precpu_stats"]["cpu_usage"]["total_usage"]
    quick = c.stats(stream=False, one_shot=True)
    # One reading only: no CPU figure rather than a misleading 0.
    assert quick["derived"]["cpu_percent"] is None
