"""Create and run options that docker-py reads in its own way, against the engine: port binding
tuples (sent as {"HostIp", "HostPort"} objects) and plain lists (lists of bindings)."""
import uuid

import pytest

import docker_containers as docker
from docker_containers.client import _port_objects

IMAGE = "dc-test/busybox:latest"


@pytest.fixture
def cname(client):
    """A fresh `dccop-` name; the container carrying it is removed after the test."""
    n = f"dccop-{uuid.uuid4().hex[:10]}"
    yield n
    try:
        client.containers.get(n).remove(force=True)
    except docker.errors.NotFound:
        pass


def bindings(client, name):
    return client.containers.get(name).attrs["HostConfig"]["PortBindings"]


def test_tuples_become_binding_objects():
    assert _port_objects({"ports": {"80/tcp": ("myhost", 8080), "81": ("127.0.0.1",), "82": (9090,),
                                    "83": [("::1", 1), 2], "84": ["127.0.0.1", 8080], "85": None}}) == \
        {"ports": {"80/tcp": {"HostIp": "myhost", "HostPort": 8080}, "81": {"HostIp": "127.0.0.1"},
                   "82": {"HostPort": 9090}, "83": [{"HostIp": "::1", "HostPort": 1}, 2],
                   "84": ["127.0.0.1", 8080], "85": None}}


def test_host_name_tuple_binds_that_host(client, cname):
    # docker-py: HostIp "myhost", HostPort "8080" (the engine checks the name only at start).
    client.containers.create(IMAGE, "true", name=cname, ports={"80/tcp": ("myhost", 8080)})
    assert bindings(client, cname) == {"80/tcp": [{"HostIp": "myhost", "HostPort": "8080"}]}


def test_tuples_in_a_list_and_address_only(client, cname):
    client.containers.create(IMAGE, "true", name=cname, ports={
        "80/tcp": [("127.0.0.1", 18080), ("::1", 18081)], "53/udp": ("127.0.0.1",), "22": (2222,)})
    assert bindings(client, cname) == {
        "80/tcp": [{"HostIp": "127.0.0.1", "HostPort": "18080"}, {"HostIp": "::1", "HostPort": "18081"}],
        "53/udp": [{"HostIp": "127.0.0.1", "HostPort": ""}],
        "22/tcp": [{"HostIp": "", "HostPort": "2222"}]}


def test_plain_list_is_a_list_of_host_ports(client, cname):
    # docker-py sends two bindings, host ports "127.0.0.1" and "8080"; the engine refuses the first.
    with pytest.raises(docker.errors.APIError) as e:
        client.containers.create(IMAGE, "true", name=cname, ports={"80/tcp": ["127.0.0.1", 8080]})
    assert 'invalid port specification: \\"127.0.0.1\\"' in str(e.value) or \
        'invalid port specification: "127.0.0.1"' in str(e.value)
    client.containers.create(IMAGE, "true", name=cname, ports={"80/tcp": [18082, "18083"]})
    assert bindings(client, cname) == {
        "80/tcp": [{"HostIp": "", "HostPort": "18082"}, {"HostIp": "", "HostPort": "18083"}]}


def test_run_refuses_what_create_takes(client, cname):
    # docker-py's run raises for these; its create takes them (network wins; the config is dropped).
    with pytest.raises(docker.errors.InvalidArgument, match="network_mode"):
        client.containers.run(IMAGE, "true", name=cname, network="none", network_mode="bridge")
    with pytest.raises(docker.errors.InvalidArgument, match="networking_config"):
        client.containers.run(IMAGE, "true", name=cname, networking_config={"bridge": {}})
    c = client.containers.create(IMAGE, "true", name=cname, network="none", network_mode="bridge",
                                 healthcheck={}, mem_limit="6_4m")
    assert c.attrs["HostConfig"]["NetworkMode"] == "none"
    assert c.attrs["HostConfig"]["Memory"] == 64 * 1024 * 1024
