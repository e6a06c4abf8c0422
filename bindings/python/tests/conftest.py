import os
import subprocess
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
