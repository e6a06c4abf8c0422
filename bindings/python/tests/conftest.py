import os
import subprocess
import sys
import uuid

import pytest

import docker_containers as docker

IMAGE = "dc-test/busybox:latest"


@pytest.fixture(scope="session")
def client():
    c = docker.from_env()
    c.ping()  # no engine: fail loudly here, never skip
    yield c
    c.close()


@pytest.fixture
def name(client):
    """A fresh `dcpy-` container name; whatever carries it is removed after the test."""
    n = f"dcpy-{uuid.uuid4().hex[:10]}"
    yield n
    try:
        client.containers.get(n).remove(force=True)
    except docker.errors.NotFound:
        pass


REGISTRY = os.path.join(os.path.dirname(__file__), "..", "..", "..", "scripts", "test-registry.py")


@pytest.fixture
def registry(tmp_path):
    """The project's test registry on 127.0.0.1: (port, function giving the requests so far).
    It serves the tag "v1" of any name, with one file and the label dcpyi.from=registry."""
    log = tmp_path / "requests.log"
    p = subprocess.Popen([sys.executable, REGISTRY, "--tag", "v1", "--log", str(log),
                          "--file", "etc/dcpyi-pulled=pulled by python\\n",
                          "--label", "dcpyi.from=registry"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        first = p.stdout.readline().split()
        assert first[:1] == ["port"], f"test-registry said {first!r}"
        yield int(first[1]), lambda: log.read_text().splitlines() if log.exists() else []
    finally:
        p.stdin.close()
        p.wait(timeout=60)


@pytest.fixture
def running(client, name):
    c = client.containers.run(IMAGE, "sleep 300", detach=True, name=name)
    yield c


def pytest_sessionfinish(session, exitstatus):
    # Whatever a test left behind under our prefix goes, and is reported.
    left = subprocess.run(["docker", "ps", "-aq", "--filter", "name=dcpy-"], capture_output=True,
                          text=True).stdout.split()
    if left:
        subprocess.run(["docker", "rm", "-f", *left], capture_output=True)
        print(f"\nremoved {len(left)} leftover dcpy- container(s)")
