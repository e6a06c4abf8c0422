"""exec_run, logs, stats, attach, and the stream generators' early close."""
import os
import threading
import time

import pytest

import docker_containers as docker
from conftest import IMAGE


def open_fds():
    return len(os.listdir("/proc/self/fd"))


def test_exec_run_shapes(running):
    r = running.exec_run("sh -c 'echo out; echo err >&2; exit 4'")
    assert isinstance(r, docker.ExecResult)
    assert r.exit_code == 4 and sorted(r.output.split()) == [b"err", b"out"]
    assert running.exec_run("sh -c 'echo out; echo err >&2'", demux=True) == (0, (b"out\n", b"err\n"))
    assert running.exec_run(["sh", "-c", "echo $X $PWD"], environment={"X": "1"}, workdir="/tmp").output == b"1 /tmp\n"
    assert running.exec_run("id -u", user="65534").output == b"65534\n"
    assert running.exec_run("sleep 1", detach=True) == (None, b"")


def test_exec_stream_and_exit_code(running):
    r = running.exec_run("sh -c 'echo a; sleep 0.2; echo b >&2; exit 5'", stream=True, demux=True)
    assert r.exit_code is None
    parts = list(r.output)
    assert (b"a\n", None) in parts and (None, b"b\n") in parts
    assert r.output.exit_code == 5  # what docker-py cannot tell


def test_exec_socket_both_ways(running):
    s = running.exec_run("cat", socket=True).output
    s.write(b"ping\n")
    s.close_write()
    assert b"".join(d for _, d in s) == b"ping\n"
    assert s.exit_code == 0


def test_logs_bytes_and_generator(client, name):
    c = client.containers.run(IMAGE, "sh -c 'echo one; echo two >&2; sleep 300'", detach=True, name=name)
    deadline = time.time() + 10
    while c.logs() != b"one\ntwo\n" and time.time() < deadline:
        time.sleep(0.1)
    assert sorted(c.logs().split()) == [b"one", b"two"]
    assert c.logs(stderr=False) == b"one\n"
    assert c.logs(tail=1) in (b"one\n", b"two\n")
    assert c.logs(timestamps=True).startswith(b"20")
    assert c.logs(since=time.time() + 60) == b""
    gen = c.logs(stream=True, follow=False)
    assert sorted(b"".join(gen).split()) == [b"one", b"two"]


def test_follow_generator_closed_early_frees_the_stream(client, name):
    c = client.containers.run(IMAGE, "sh -c 'while :; do echo tick; sleep 0.05; done'", detach=True, name=name)
    before = open_fds()
    for _ in range(20):
        gen = c.logs(stream=True)
        for i, chunk in enumerate(gen):
            assert b"tick" in chunk
            if i == 2:
                break
        gen.close()
    time.sleep(0.2)
    assert open_fds() <= before + 1


def test_gil_is_released_during_a_blocking_call(running):
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.01)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        with pytest.raises(docker.errors.Timeout):
            running.wait(timeout=1.5)
    finally:
        stop.set()
        t.join()
    assert len(ticks) > 50, f"only {len(ticks)} ticks while wait blocked"


def test_stats(running):
    one = running.stats(stream=False)
    assert "cpu_stats" in one and "memory_stats" in one
    gen = running.stats(decode=True)
    first = next(gen)
    assert isinstance(first, dict) and "read" in first
    gen.close()
    raw = running.stats(stream=True)
    assert isinstance(next(raw), bytes)
    raw.close()


def test_attach(client, name):
    c = client.containers.create(IMAGE, "sh -c 'sleep 0.5; echo out; echo err >&2'", name=name)
    out = c.attach(stream=True, demux=True)
    c.start()
    parts = list(out)
    assert (b"out\n", None) in parts and (None, b"err\n") in parts
    assert c.attach(logs=True, stream=False) in (b"out\nerr\n", b"err\nout\n")
