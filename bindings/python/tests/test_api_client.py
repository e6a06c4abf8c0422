"""client.api / docker.APIClient against the real engine, as a docker-py low-level program uses
it: create_container with create_host_config, start, logs, exec_create/exec_start/exec_inspect,
wait, remove_container, and the rest of the container calls. Containers are named `dcpya-` and
removed even when a test fails."""
import io
import os
import subprocess
import tarfile
import tempfile
import time
import uuid

import pytest

import docker_containers as docker
from docker_containers.errors import APIError, Conflict, ImageNotFound, NotFound, NullResource

IMAGE = "dc-test/busybox:latest"


def _leftovers():
    return subprocess.run(["docker", "ps", "-aq", "--filter", "name=dcpya-"], capture_output=True,
                          text=True, check=True).stdout.split()


@pytest.fixture(scope="module", autouse=True)
def nothing_left_behind():
    yield
    left = _leftovers()
    if left:
        subprocess.run(["docker", "rm", "-f", *left], capture_output=True)
    assert left == [], f"dcpya- containers left behind: {left}"


@pytest.fixture(scope="module")
def api():
    a = docker.APIClient(version="auto", timeout=60)
    yield a
    a.close()


@pytest.fixture
def names(api):
    """Make fresh `dcpya-` names; every container carrying one is removed after the test."""
    made = []

    def make():
        made.append(f"dcpya-{uuid.uuid4().hex[:10]}")
        return made[-1]
    yield make
    for n in made:
        try:
            api.remove_container(n, force=True)
        except NotFound:
            pass


@pytest.fixture
def running(api, names):
    c = api.create_container(IMAGE, "sleep 300", name=names())
    api.start(c)
    return c


def test_a_docker_py_low_level_program(api, names):
    host_dir = tempfile.mkdtemp()
    with open(os.path.join(host_dir, "greeting"), "w") as f:
        f.write("hello from the host\n")
    name = names()
    hc = api.create_host_config(port_bindings={8080: ("127.0.0.1", None), "53/udp": 5353},
                                binds={host_dir: {"bind": "/data", "mode": "ro"}},
                                restart_policy={"Name": "on-failure", "MaximumRetryCount": 2})
    container = api.create_container(
        IMAGE, 'sh -c "cat /data/greeting; echo warn >&2; sleep 300"', name=name,
        ports=[8080, (53, "udp")], environment={"MODE": "test"}, labels=["dcpya"],
        host_config=hc, detach=True)
    assert set(container) == {"Id", "Warnings"} and len(container["Id"]) == 64
    assert container["Warnings"] == []
    api.start(container=container.get("Id"))

    attrs = api.inspect_container(container)
    assert attrs["State"]["Running"] is True and attrs["Name"] == "/" + name
    assert attrs["HostConfig"]["Binds"] == [f"{host_dir}:/data:ro"]
    assert attrs["HostConfig"]["RestartPolicy"] == {"Name": "on-failure", "MaximumRetryCount": 2}
    assert attrs["HostConfig"]["PortBindings"] == {
        "8080/tcp": [{"HostIp": "127.0.0.1", "HostPort": ""}],
        "53/udp": [{"HostIp": "", "HostPort": "5353"}]}
    assert set(attrs["Config"]["ExposedPorts"]) == {"8080/tcp", "53/udp"}
    assert "MODE=test" in attrs["Config"]["Env"] and attrs["Config"]["Labels"] == {"dcpya": ""}
    assert attrs["Config"]["AttachStdout"] is False  # detach=True, as docker-py sends it

    bound = api.port(container, 8080)
    assert bound[0]["HostIp"] == "127.0.0.1" and int(bound[0]["HostPort"]) > 0
    assert {b["HostPort"] for b in api.port(container, "53/udp")} == {"5353"}
    assert api.port(container, 9999) is None

    # The logs: follow them until the greeting is there (written as the process starts).
    seen = b""
    with api.logs(container, stdout=True, stderr=False, stream=True) as stream:
        for chunk in stream:
            seen += chunk
            if b"hello from the host\n" in seen:
                break
    assert seen == b"hello from the host\n"
    assert api.logs(container, stderr=False) == b"hello from the host\n"
    assert api.logs(name, stdout=False) == b"warn\n"

    exec_id = api.exec_create(container, ["sh", "-c", "echo $MODE-$X; exit 3"], environment={"X": "y"})
    assert set(exec_id) == {"Id"}
    before = api.exec_inspect(exec_id)
    assert before["Running"] is False and before["ExitCode"] is None
    assert before["ProcessConfig"]["entrypoint"] == "sh"
    assert api.exec_start(exec_id) == b"test-y\n"
    after = api.exec_inspect(exec_id["Id"])
    assert after["ExitCode"] == 3 and after["Running"] is False
    assert after["ContainerID"] == container["Id"]

    api.stop(container, timeout=1)
    assert api.wait(container)["StatusCode"] == 137
    api.remove_container(container)
    with pytest.raises(NotFound):
        api.inspect_container(container)


def test_every_form_of_container_reference(api, running, names):
    full = running["Id"]
    name = api.inspect_container(running)["Name"].lstrip("/")
    for ref in (full, full[:12], name, running, {"Id": full}, {"ID": full}):
        assert api.inspect_container(ref)["Id"] == full
    for bad in (None, "", {}, {"Id": None}):
        with pytest.raises(NullResource):
            api.inspect_container(bad)
    with pytest.raises(NotFound):
        api.inspect_container("dcpya-no-such-container")


def test_exec_forms(api, running):
    e = api.exec_create(running, 'sh -c "echo out; echo err >&2"')
    assert api.exec_start(e, demux=True) == (b"out\n", b"err\n")
    with pytest.raises(Conflict):
        api.exec_start(e)

    e = api.exec_create(running, "sh -c 'for i in 1 2 3; do echo $i; done; exit 4'")
    chunks = api.exec_start(e, stream=True)
    assert b"".join(chunks) == b"1\n2\n3\n"
    assert api.exec_inspect(e)["ExitCode"] == 4

    e = api.exec_create(running, "cat", stdin=True)
    sock = api.exec_start(e, socket=True)
    sock.write(b"through stdin\n")
    sock.close_write()
    assert b"".join(data for _, data in sock) == b"through stdin\n"
    assert api.exec_inspect(e)["ExitCode"] == 0

    e = api.exec_create(running, "sh -c 'sleep 1; exit 5'")
    assert api.exec_start(e, detach=True) == ""
    engine = api.exec_inspect(e)
    assert len(engine["ID"]) == 64 and engine["ContainerID"] == running["Id"]
    for _ in range(600):
        engine = api.exec_inspect(e)
        if not engine["Running"]:
            break
        time.sleep(0.05)
    assert engine["ExitCode"] == 5

    e = api.exec_create(running, "tty", tty=True)
    assert api.exec_start(e).startswith(b"/dev/pts/")

    with pytest.raises(NotFound):
        api.exec_start("0" * 64)
    with pytest.raises(NotFound):
        api.exec_inspect("0" * 64)


def test_finished_execs_are_forgotten_past_the_limit(api, running, monkeypatch):
    from docker_containers import api as api_module
    monkeypatch.setattr(api_module, "_MAX_EXECS", 3)
    pending = api.exec_create(running, "echo kept")
    done = []
    for i in range(4):
        e = api.exec_create(running, f"echo {i}")
        assert api.exec_start(e) == f"{i}\n".encode()
        done.append(e)
    assert api.exec_inspect(done[-1])["ExitCode"] == 0
    with pytest.raises(NotFound):
        api.exec_inspect(done[0])  # forgotten: the engine never had this id
    assert api.exec_start(pending) == b"kept\n"  # never started, so never dropped


def test_exec_create_on_a_stopped_or_paused_container(api, names):
    c = api.create_container(IMAGE, "sleep 300", name=names())
    with pytest.raises(Conflict) as e:
        api.exec_create(c, "true")
    assert e.value.status_code == 409
    api.start(c)
    e = api.exec_create(c, "echo after")
    api.stop(c, timeout=0)
    with pytest.raises(Conflict):
        api.exec_start(e)  # the container stopped between create and start
    assert api.exec_inspect(e)["ExitCode"] is None
    api.start(c)
    assert api.exec_start(e) == b"after\n"
    api.pause(c)
    try:
        assert api.inspect_container(c)["State"]["Status"] == "paused"
        with pytest.raises(Conflict):
            api.exec_create(c, "true")
    finally:
        api.unpause(c)
    assert api.inspect_container(c)["State"]["Status"] == "running"


def test_lifecycle_calls(api, running, names):
    api.kill(running, signal="SIGKILL")
    assert api.wait(running)["StatusCode"] == 137
    api.start(running)
    api.kill(running, 9)
    assert api.wait(running)["StatusCode"] == 137
    api.restart(running, timeout=1)
    assert api.inspect_container(running)["State"]["Running"] is True
    new = names()
    api.rename(running, new)
    assert api.inspect_container(new)["Id"] == running["Id"]
    warnings = api.update_container(running, mem_limit="64m", memswap_limit="128m")
    assert "Warnings" in warnings
    assert api.inspect_container(running)["HostConfig"]["Memory"] == 64 * 1024 * 1024
    top = api.top(running)
    assert "PID" in top["Titles"] and any("sleep" in " ".join(p) for p in top["Processes"])
    stats = api.stats(running, stream=False)
    assert stats["memory_stats"]["usage"] > 0
    with pytest.raises(docker.errors.DeprecatedMethod):
        api.start(running, port_bindings={80: 80})


def test_containers_list(api, running, names):
    stopped = api.create_container(IMAGE, "true", name=names(), labels={"dcpya-list": "yes"})
    mine = {"name": "dcpya-"}
    running_ids = [c["Id"] for c in api.containers(filters=mine)]
    assert running["Id"] in running_ids and stopped["Id"] not in running_ids
    every = api.containers(all=True, filters=mine)
    assert {running["Id"], stopped["Id"]} <= {c["Id"] for c in every}
    assert all("Names" in c and "Image" in c for c in every)  # the engine's list entries
    assert api.containers(all=True, quiet=True, filters={"label": "dcpya-list=yes"}) == [{"Id": stopped["Id"]}]
    assert api.containers(all=True, trunc=True, filters={"label": "dcpya-list"})[0]["Id"] == stopped["Id"][:12]
    assert len(api.containers(all=True, latest=True)) == 1
    with pytest.raises(docker.errors.InvalidArgument):
        api.containers(size=True)
    pruned = api.prune_containers(filters={"label": "dcpya-list=yes"})
    assert stopped["Id"] in pruned["ContainersDeleted"]


def test_files_and_commit(api, running):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as t:
        data = b"archived\n"
        info = tarfile.TarInfo("note.txt")
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    assert api.put_archive(running, "/tmp", buf.getvalue()) is True
    chunks, stat = api.get_archive(running, "/tmp/note.txt")
    assert stat["name"] == "note.txt" and stat["size"] == 9
    with tarfile.open(fileobj=io.BytesIO(b"".join(chunks))) as t:
        assert t.extractfile("note.txt").read() == b"archived\n"
    changes = api.diff(running)
    assert {"Path": "/tmp/note.txt", "Kind": 1} in changes
    exported = b"".join(api.export(running, chunk_size=65536))
    with tarfile.open(fileobj=io.BytesIO(exported)) as t:
        assert "tmp/note.txt" in t.getnames()
    repo = f"dcpya-commit-{uuid.uuid4().hex[:8]}"
    image = api.commit(running, repository=repo, tag="t1", message="by test")
    try:
        assert image["Id"].startswith("sha256:")
        attrs = api.inspect_image(f"{repo}:t1")
        assert attrs["Id"] == image["Id"] and attrs["Comment"] == "by test"
    finally:
        api.remove_image(f"{repo}:t1")
    with pytest.raises(NotFound):
        api.inspect_image(f"{repo}:t1")


def test_types_reach_the_engine(api, names):
    hc = api.create_host_config(
        log_config=docker.types.LogConfig(type=docker.types.LogConfig.types.JSON, config={"max-size": "1m"}),
        ulimits=[docker.types.Ulimit(name="nofile", soft=1024, hard=2048)],
        mounts=[docker.types.Mount("/scratch", None, type="tmpfs", tmpfs_size="8m")],
        mem_limit="32m", extra_hosts={"dcpya-host": "10.1.2.3"}, tmpfs=["/run2:size=1m"])
    c = api.create_container(IMAGE, "sleep 300", name=names(), host_config=hc,
                             healthcheck={"test": ["CMD", "true"], "interval": 1_000_000_000},
                             working_dir="/tmp", user="nobody", stop_signal="SIGUSR1",
                             hostname="dcpya-host-name")
    a = api.inspect_container(c)
    assert a["HostConfig"]["LogConfig"] == {"Type": "json-file", "Config": {"max-size": "1m"}}
    assert a["HostConfig"]["Ulimits"] == [{"Name": "nofile", "Soft": 1024, "Hard": 2048}]
    assert a["HostConfig"]["Mounts"][0]["Type"] == "tmpfs"
    assert a["HostConfig"]["Mounts"][0]["TmpfsOptions"]["SizeBytes"] == 8 * 1024 * 1024
    assert a["HostConfig"]["Memory"] == 32 * 1024 * 1024
    assert a["HostConfig"]["ExtraHosts"] == ["dcpya-host:10.1.2.3"]
    assert a["HostConfig"]["Tmpfs"] == {"/run2": "size=1m"}
    assert a["Config"]["Healthcheck"]["Test"] == ["CMD", "true"]
    assert a["Config"]["Healthcheck"]["Interval"] == 1_000_000_000
    assert (a["Config"]["WorkingDir"], a["Config"]["User"], a["Config"]["StopSignal"],
            a["Config"]["Hostname"]) == ("/tmp", "nobody", "SIGUSR1", "dcpya-host-name")
    api.start(c)
    e = api.exec_create(c, "sh -c 'ulimit -n; grep dcpya-host /etc/hosts'")
    out = api.exec_start(e)
    assert out.split()[0] == b"1024" and b"10.1.2.3" in out


def test_create_never_pulls(api, names):
    with pytest.raises(ImageNotFound):
        api.create_container("dcpya-missing/image:1", "true", name=names())
    with pytest.raises(APIError):
        api.pull("dcpya-missing/image", tag="1")


def test_attach_socket_and_attach(api, names):
    c = api.create_container(IMAGE, "cat", stdin_open=True, name=names())
    api.start(c)
    sock = api.attach_socket(c, params={"stdin": 1, "stdout": 1, "stream": 1})
    sock.write(b"echoed by cat\n")
    got = b""
    while b"echoed by cat\n" not in got:
        kind_data = sock.next_chunk(timeout=30)
        assert kind_data is not None
        got += kind_data[1]
    sock.close_write()
    sock.close()
    assert api.wait(c, timeout=30)["StatusCode"] == 0
    assert api.attach(c, logs=True) == b"echoed by cat\n"


def test_client_api_and_the_constructor(api):
    client = docker.from_env()
    try:
        low = client.api
        assert isinstance(low, docker.APIClient)
        assert low.ping() is True and low.version()["ApiVersion"] == client.version()["ApiVersion"]
        assert low.info()["ID"] == api.info()["ID"]
        low.close()  # client.api does not own its DockerClient
        assert client.ping() is True
    finally:
        client.close()
    with docker.APIClient(base_url="unix:///var/run/docker.sock", version="1.41", timeout=10) as pinned:
        assert pinned.api_version == "1.41" and pinned.ping() is True
    # docker-py's documented form, two slashes, is the same absolute path.
    with docker.APIClient(base_url="unix://var/run/docker.sock") as classic:
        assert classic.ping() is True
    with pytest.raises(docker.errors.ConnectionFailed):
        docker.APIClient(base_url="unix:///var/run/dcpya-no-such.sock").ping()


def _read_until(stream, needle):
    got = b""
    while needle not in got:
        chunk = stream.next_chunk(timeout=30)
        assert chunk is not None, got
        got += chunk[1]
    return got


def test_resize_and_exec_resize(api, names):
    c = api.create_container(IMAGE, "sh -c 'read x; stty size; sleep 300'", tty=True, stdin_open=True,
                             name=names())
    api.start(c)
    sock = api.attach_socket(c, params={"stdin": 1, "stdout": 1, "stream": 1})
    try:
        api.resize(c, 33, 101)
        sock.write(b"\n")
        assert b"33 101" in _read_until(sock, b"33 101")
    finally:
        sock.close()
    e = api.exec_create(c, "sh -c 'read x; stty size'", tty=True, stdin=True)
    with pytest.raises(Conflict):
        api.exec_resize(e, height=10, width=10)  # not started yet
    sock = api.exec_start(e, socket=True)
    try:
        api.exec_resize(e, height=44, width=120)
        sock.write(b"\n")
        assert b"44 120" in _read_until(sock, b"44 120")
    finally:
        sock.close()
    e = api.exec_create(c, "sleep 300", tty=True)
    assert api.exec_start(e, detach=True) == ""  # returns once the process runs
    api.exec_resize(e, height=12, width=34)  # the engine's exec, by its real id
    assert api.exec_inspect(e)["ProcessConfig"]["tty"] is True


def _frames(sock):
    """Read docker-py style: 8-byte headers, then the payload, until the end."""
    out = []
    while True:
        header = b""
        while len(header) < 8:
            piece = sock.recv(8 - len(header))
            if not piece:
                assert header == b"", header
                return out
            header += piece
        kind, size = header[0], int.from_bytes(header[4:], "big")
        data = b""
        while len(data) < size:
            data += sock.recv(size - len(data))
        out.append((kind, data))


def test_sockets_as_docker_py_programs_use_them(api, names):
    import socket
    c = api.create_container(IMAGE, "sh -c 'cat; echo done >&2'", stdin_open=True, name=names())
    api.start(c)
    sock = api.attach_socket(c, params={"stdin": 1, "stdout": 1, "stderr": 1, "stream": 1})
    assert isinstance(sock, docker.api.APISocket)
    sock._sock.sendall(b"one\n")
    sock.shutdown(socket.SHUT_WR)
    frames = _frames(sock)
    assert b"".join(d for k, d in frames if k == 1) == b"one\n"
    assert b"".join(d for k, d in frames if k == 2) == b"done\n"
    sock.close()

    t = api.create_container(IMAGE, "sleep 300", tty=True, name=names())
    api.start(t)
    e = api.exec_create(t, "sh -c 'read x; echo got-$x'", stdin=True, tty=True)
    sock = api.exec_start(e, socket=True, tty=True)
    sock.settimeout(30)
    assert sock.gettimeout() == 30
    assert sock.send(b"abc\n") == 4
    raw = sock.read()  # a tty: raw bytes, no headers
    assert b"got-abc" in raw and raw[:1] != b"\x01"
    assert api.exec_inspect(e)["ExitCode"] == 0
    with pytest.raises(io.UnsupportedOperation):
        sock.fileno()
    sock.close()


# --- images, networks and volumes through the low-level client (named dcpyi-*) ---

def _dcpyi_left():
    out = []
    for what, fmt in (("network", "{{.Name}}"), ("volume", "{{.Name}}"),
                      ("image", "{{.Repository}}:{{.Tag}}")):
        out += subprocess.run(["docker", what, "ls", "--format", fmt], capture_output=True,
                              text=True, check=True).stdout.split()
    return [n for n in out if n.startswith("dcpyi-")]


@pytest.fixture
def pfx(api):
    """A fresh `dcpyi-` prefix; networks, volumes and image tags carrying it go afterwards."""
    p = f"dcpyi-{uuid.uuid4().hex[:8]}-"
    yield p
    for n in api.networks(names=[p]):
        if n["Name"].startswith(p):
            api.remove_network(n["Id"])
    for v in api.volumes(filters={"name": p})["Volumes"]:
        if v["Name"].startswith(p):
            api.remove_volume(v["Name"], force=True)
    for i in api.images():
        for t in i.get("RepoTags") or []:
            if t.startswith(p):
                api.remove_image(t, force=True)
    assert [n for n in _dcpyi_left() if n.startswith(p)] == []


def test_images_tag_inspect_and_remove_image(api, pfx):
    base = api.inspect_image(IMAGE)
    assert api.tag(IMAGE, pfx + "img", "v1") is True
    assert api.tag({"Id": base["Id"]}, pfx + "img") is True  # latest
    entries = api.images(name=pfx + "img")
    assert [e["Id"] for e in entries] == [base["Id"]]
    assert {pfx + "img:v1", pfx + "img:latest"} <= set(entries[0]["RepoTags"])
    assert {"Id", "RepoTags", "Created", "Size", "ParentId"} <= set(entries[0])
    assert api.images(name=pfx + "img", quiet=True) == [base["Id"]]
    assert api.images(filters={"reference": pfx + "img:v1"}, quiet=True) == [base["Id"]]
    assert base["Id"] in api.images(quiet=True, all=True)
    assert api.images(name=pfx + "none") == []
    assert api.inspect_image(pfx + "img:v1")["Id"] == base["Id"]
    assert api.remove_image(pfx + "img:v1") is None
    with pytest.raises(ImageNotFound):
        api.inspect_image(pfx + "img:v1")
    with pytest.raises(ImageNotFound):
        api.remove_image(pfx + "img:v1")
    with pytest.raises(ImageNotFound):
        api.tag(pfx + "img:v1", pfx + "other")
    with pytest.raises(NullResource):
        api.tag(None, pfx + "img")
    api.remove_image(pfx + "img:latest")
    assert api.images(name=pfx + "img") == []


def test_networks_low_level(api, names, pfx):
    net = api.create_network(pfx + "net", driver="bridge", labels={"dcpyi": pfx},
                             ipam={"Driver": "default", "Config": [{"Subnet": "10.213.9.0/24"}]})
    assert set(net) == {"Id", "Warning"} and len(net["Id"]) == 64
    with pytest.raises(TypeError):
        api.create_network(pfx + "bad", options=["x"])
    with pytest.raises(TypeError):
        api.create_network(pfx + "bad", labels=["x"])
    with pytest.raises(Conflict):
        api.create_network(pfx + "net", check_duplicate=True)
    attrs = api.inspect_network(net["Id"])
    assert attrs["Name"] == pfx + "net" and attrs["Labels"] == {"dcpyi": pfx}
    assert api.inspect_network(net, verbose=True)["Id"] == net["Id"]
    listed = api.networks(names=[pfx + "net"])
    assert [n["Id"] for n in listed] == [net["Id"]]
    assert [n["Id"] for n in api.networks(ids=[net["Id"]])] == [net["Id"]]
    assert [n["Name"] for n in api.networks(filters={"label": f"dcpyi={pfx}"})] == [pfx + "net"]

    c = api.create_container(IMAGE, "sleep 300", name=names())
    api.start(c)
    api.connect_container_to_network(c, net["Id"], ipv4_address="10.213.9.9",
                                     aliases=[pfx + "alias"])
    ep = api.inspect_network(pfx + "net")["Containers"][c["Id"]]
    assert ep["IPv4Address"] == "10.213.9.9/24"
    settings = api.inspect_container(c)["NetworkSettings"]["Networks"][pfx + "net"]
    assert pfx + "alias" in settings["Aliases"]
    with pytest.raises(APIError):
        api.remove_network(net["Id"])  # in use
    api.disconnect_container_from_network(c["Id"], pfx + "net", force=True)
    assert api.inspect_network(net)["Containers"] == {}
    api.remove_container(c, force=True)

    gone = api.create_network(pfx + "gone", labels={"dcpyi.prune": pfx})
    assert api.prune_networks(filters={"label": f"dcpyi.prune={pfx}"}) == {"NetworksDeleted": [pfx + "gone"]}
    assert api.prune_networks(filters={"label": f"dcpyi.prune={pfx}"}) == {"NetworksDeleted": None}
    with pytest.raises(NotFound):
        api.inspect_network(gone)
    assert api.remove_network(net) is None
    with pytest.raises(NotFound):
        api.remove_network(net["Id"])
    with pytest.raises(NullResource):
        api.inspect_network(None)


def test_volumes_low_level(api, names, pfx):
    vol = api.create_volume(pfx + "vol", driver="local", labels={"dcpyi": pfx})
    assert vol["Name"] == pfx + "vol" and vol["Labels"] == {"dcpyi": pfx} and vol["Driver"] == "local"
    assert api.create_volume(pfx + "vol")["Name"] == pfx + "vol"  # the existing one
    with pytest.raises(TypeError):
        api.create_volume(pfx + "bad", driver_opts=["x"])
    with pytest.raises(TypeError):
        api.create_volume(pfx + "bad", labels=["x"])
    assert api.inspect_volume(pfx + "vol") == vol
    listed = api.volumes(filters={"label": f"dcpyi={pfx}"})
    assert set(listed) == {"Volumes", "Warnings"} and listed["Warnings"] is None
    assert [v["Name"] for v in listed["Volumes"]] == [pfx + "vol"]
    assert api.volumes(filters={"label": "dcpyi=nothing"}) == {"Volumes": [], "Warnings": None}
    assert pfx + "vol" in [v["Name"] for v in api.volumes()["Volumes"]]

    c = api.create_container(IMAGE, "sleep 300", name=names(),
                             host_config=api.create_host_config(binds={pfx + "vol": {"bind": "/v"}}))
    with pytest.raises(Conflict):
        api.remove_volume(pfx + "vol")  # in use
    api.remove_container(c, force=True)

    api.create_volume(pfx + "gone", labels={"dcpyi.prune": pfx})
    pruned = api.prune_volumes(filters={"label": f"dcpyi.prune={pfx}"})
    assert pruned["VolumesDeleted"] == [pfx + "gone"] and isinstance(pruned["SpaceReclaimed"], int)
    assert api.remove_volume(pfx + "vol") is None
    with pytest.raises(NotFound):
        api.inspect_volume(pfx + "vol")
    with pytest.raises(NotFound):
        api.remove_volume(pfx + "vol")
