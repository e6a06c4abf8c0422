"""client.networks, Network, client.volumes and Volume against the real engine, written as
docker-py programs write them. Everything is named dcnet-py-* and removed after each test, also
when it fails."""
import subprocess
import uuid

import pytest

import docker_containers as docker

IMAGE = "dc-test/busybox:latest"


def _sweep(client, prefix):
    for c in client.containers.list(all=True, sparse=True, filters={"name": prefix}):
        if (c.attrs.get("Names") or [""])[0].lstrip("/").startswith(prefix):
            try:
                c.remove(force=True)
            except docker.errors.NotFound:
                pass
    for n in client.networks.list(names=[prefix]):
        if n.name.startswith(prefix):
            try:
                n.remove()
            except docker.errors.NotFound:
                pass
    for v in client.volumes.list(filters={"name": prefix}):
        if v.name.startswith(prefix):
            try:
                v.remove(force=True)
            except docker.errors.NotFound:
                pass


@pytest.fixture
def prefix(client):
    """A fresh `dcnet-py-` prefix; containers, networks and volumes carrying it go afterwards."""
    p = f"dcnet-py-{uuid.uuid4().hex[:8]}-"
    yield p
    _sweep(client, p)


def test_create_with_ipam_get_reload_and_remove(client, prefix):
    ipam = docker.IPAMConfig(pool_configs=[docker.IPAMPool(subnet="10.213.7.0/24",
                                                           gateway="10.213.7.1")])
    net = client.networks.create(prefix + "net", driver="bridge", ipam=ipam,
                                 labels={"dcnet.py": "1"}, internal=False)
    assert isinstance(net, docker.Network)
    assert net.name == prefix + "net"
    assert len(net.id) == 64 and net.short_id == net.id[:12]
    assert net.attrs["Labels"] == {"dcnet.py": "1"}
    assert net.attrs["IPAM"]["Config"][0]["Subnet"] == "10.213.7.0/24"
    assert net.containers == []
    got = client.networks.get(prefix + "net")
    assert got == net and hash(got) == hash(net)
    assert repr(got) == f"<Network: {net.short_id}>"
    assert client.networks.get(net.id, verbose=True).name == prefix + "net"
    with pytest.raises(docker.errors.InvalidArgument, match='"drivr"'):
        client.networks.create(prefix + "bad", drivr="bridge")
    with pytest.raises(TypeError):
        client.networks.create(prefix + "bad", "bridge", driver="bridge")
    net.remove()
    with pytest.raises(docker.errors.NotFound):
        net.reload()
    with pytest.raises(docker.errors.NotFound):
        client.networks.get(prefix + "net")


def test_list_names_ids_filters_and_greedy(client, prefix):
    a = client.networks.create(prefix + "a", labels={"dcnet.py.list": "a"})
    b = client.networks.create(prefix + "b", labels={"dcnet.py.list": "b"})
    assert sorted(n.name for n in client.networks.list(names=[prefix])) == [prefix + "a", prefix + "b"]
    assert [n.id for n in client.networks.list(ids=[b.id])] == [b.id]
    assert [n.name for n in client.networks.list(filters={"label": "dcnet.py.list=a"})] == [a.name]
    assert client.networks.list(filters={"label": "dcnet.py.list=none"}) == []
    # A listed network works as a model: its handle is made when first needed.
    listed = client.networks.list(names=[prefix + "a"])[0]
    assert listed == a
    listed.reload()
    assert listed.attrs["Containers"] == {}
    greedy = client.networks.list(names=[prefix + "b"], greedy=True)
    assert greedy[0].attrs["Containers"] == {}


def test_connect_alias_address_containers_and_disconnect(client, prefix):
    net = client.networks.create(
        prefix + "net",
        ipam=docker.IPAMConfig(pool_configs=[docker.IPAMPool(subnet="10.213.8.0/24")]))
    server = client.containers.run(IMAGE, "sleep 300", detach=True, name=prefix + "server")
    # docker-py's positional order: ipv4_address, ipv6_address, aliases.
    net.connect(server, "10.213.8.40", None, [prefix + "alias"])
    net.reload()
    assert [c.id for c in net.containers] == [server.id]
    assert net.attrs["Containers"][server.id]["IPv4Address"] == "10.213.8.40/24"
    server.reload()
    endpoint = server.attrs["NetworkSettings"]["Networks"][prefix + "net"]
    assert prefix + "alias" in endpoint["Aliases"]
    out = client.containers.run(IMAGE, f"nslookup {prefix}alias", network=prefix + "net",
                                remove=True)
    assert b"10.213.8.40" in out
    with pytest.raises(docker.errors.APIError):
        net.remove()
    with pytest.raises(docker.errors.InvalidArgument, match='"alias"'):
        net.connect(server.id, alias=["x"])
    net.disconnect(server.name, force=True)
    net.reload()
    assert net.containers == []
    with pytest.raises(docker.errors.ContainerError):
        client.containers.run(IMAGE, f"nslookup {prefix}alias", network=prefix + "net",
                              remove=True)
    server.remove(force=True)
    net.remove()


def test_network_prune_with_a_label(client, prefix):
    client.networks.create(prefix + "gone", labels={"dcnet.py.prune": prefix})
    kept = client.networks.create(prefix + "kept")
    # Always with our label: an unfiltered prune would take other tests' networks.
    assert client.networks.prune(filters={"label": f"dcnet.py.prune={prefix}"}) == \
        {"NetworksDeleted": [prefix + "gone"]}
    assert [n.name for n in client.networks.list(names=[prefix])] == [kept.name]
    assert client.networks.prune(filters={"label": f"dcnet.py.prune={prefix}"}) == \
        {"NetworksDeleted": []}


def test_volume_create_mount_list_remove(client, prefix):
    vol = client.volumes.create(prefix + "vol", driver="local", labels={"dcnet.py": prefix})
    assert isinstance(vol, docker.Volume)
    assert vol.id == vol.name == prefix + "vol"
    assert vol.attrs["Labels"] == {"dcnet.py": prefix} and vol.attrs["Driver"] == "local"
    assert client.volumes.get(prefix + "vol") == vol
    writer = client.containers.run(IMAGE, "sh -c 'echo kept > /data/f; sleep 300'", detach=True,
                                   name=prefix + "writer",
                                   volumes={vol.name: {"bind": "/data", "mode": "rw"}})
    assert writer.exec_run("sh -c 'while [ ! -s /data/f ]; do sleep 0.1; done'").exit_code == 0
    assert client.containers.run(IMAGE, "cat /in/f", remove=True,
                                 volumes=[f"{vol.name}:/in:ro"]) == b"kept\n"
    listed = client.volumes.list(filters={"label": f"dcnet.py={prefix}"})
    assert [v.name for v in listed] == [vol.name]
    assert client.volumes.list(filters={"label": "dcnet.py=nothing"}) == []
    with pytest.raises(docker.errors.Conflict):
        listed[0].remove()
    with pytest.raises(docker.errors.InvalidArgument, match='"lables"'):
        client.volumes.create(prefix + "bad", lables={})
    writer.remove(force=True)
    listed[0].remove()
    with pytest.raises(docker.errors.NotFound):
        vol.reload()


def test_volume_prune_with_a_label(client, prefix):
    client.volumes.create(prefix + "gone", labels={"dcnet.py.prune": prefix})
    kept = client.volumes.create(prefix + "kept")
    r = client.volumes.prune(filters={"label": f"dcnet.py.prune={prefix}"})
    assert r["VolumesDeleted"] == [prefix + "gone"] and isinstance(r["SpaceReclaimed"], int)
    assert [v.name for v in client.volumes.list(filters={"name": prefix})] == [kept.name]


def test_nothing_left_behind(client):
    # Runs last in this file: the fixtures removed every dcnet-py- network and volume.
    names = subprocess.run(["docker", "network", "ls", "--format", "{{.Name}}"],
                           capture_output=True, text=True, check=True).stdout.split()
    vols = subprocess.run(["docker", "volume", "ls", "--format", "{{.Name}}"],
                          capture_output=True, text=True, check=True).stdout.split()
    assert [n for n in names + vols if n.startswith("dcnet-py-")] == []
