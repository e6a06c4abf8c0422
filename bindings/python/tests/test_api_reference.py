"""The low-level client beside docker-py 7.1.0 itself (installed by scripts/deps.d/docker-py.sh):
the same keywords give the same HostConfig, create body, types and utils results, and the same
containers on the real engine (inspected Config and HostConfig), the same logs and exec output.
Containers are named `dcpya-` and removed even when a test fails."""
import json
import uuid

import docker as dockerpy  # docker-py, the reference
import pytest

import docker_containers as docker
from docker_containers import types, utils

IMAGE = "dc-test/busybox:latest"
VERSION = "1.41"

HOST_CONFIGS = [
    {},
    {"binds": {"/tmp": {"bind": "/data", "mode": "ro"}, "/var": "/v"},
     "port_bindings": {80: 8080, "53/udp": ("127.0.0.1", 53), 22: [1111, ("0.0.0.0", 2222)], 443: None},
     "restart_policy": {"Name": "on-failure", "MaximumRetryCount": 3}},
    {"binds": ["/a:/b:ro"], "links": {"db": "database"}, "privileged": True, "dns": ["1.1.1.1"],
     "dns_search": ["x"], "volumes_from": "a,b", "network_mode": "bridge", "cap_add": ["NET_ADMIN"],
     "cap_drop": ["MKNOD"], "devices": ["/dev/fuse:/dev/fuse:rwm"], "extra_hosts": {"h": "1.2.3.4"},
     "read_only": True, "pid_mode": "host", "ipc_mode": "private", "security_opt": ["no-new-privileges"]},
    {"ulimits": [{"name": "nofile", "soft": 1, "hard": 2}], "log_config": {"type": "json-file", "config": {"max-size": "1m"}},
     "mem_limit": "1g", "memswap_limit": "2g", "mem_reservation": "512m", "mem_swappiness": 10,
     "cgroup_parent": "/x", "group_add": [100, "wheel"], "cpu_quota": 50000, "cpu_period": 100000,
     "blkio_weight": 300, "oom_kill_disable": True, "shm_size": "64m", "sysctls": {"net.core.somaxconn": 1024},
     "tmpfs": ["/run:size=1m"], "oom_score_adj": 100, "dns_opt": ["ndots:2"], "cpu_shares": 512,
     "cpuset_cpus": "0", "cpuset_mems": "0", "userns_mode": "host", "uts_mode": "host", "pids_limit": 50,
     "isolation": "default", "auto_remove": True, "storage_opt": {"size": "1G"}, "init": True,
     "volume_driver": "local", "cpu_count": 1, "cpu_percent": 10, "nano_cpus": 500000000,
     "runtime": "runc", "cpu_rt_period": 1000, "cpu_rt_runtime": 500, "cgroupns": "private",
     "device_cgroup_rules": ["c 1:3 mr"], "lxc_conf": {"a": 1}, "publish_all_ports": True,
     "mounts": [types.Mount("/m", "vol")], "device_requests": [{"count": -1, "capabilities": [["gpu"]]}],
     "kernel_memory": "10m", "blkio_weight_device": [{"Path": "/dev/sda", "Weight": 10}]},
    {"shm_size": 1024, "mem_limit": 1000, "read_only": False, "dns": [], "tmpfs": {"/t": "size=2m"}},
]

CONTAINER_CONFIGS = [
    ("true", {}),
    ('sh -c "echo hi; sleep 1"', {"hostname": "h", "user": 0, "detach": True, "stdin_open": True,
                                  "tty": True, "ports": [80, "53/udp", (8080, "tcp"), (9, "udp")],
                                  "environment": {"A": "1", "B": None}, "volumes": ["/data", "/x"],
                                  "network_disabled": True, "entrypoint": "/bin/sh -c",
                                  "working_dir": "/tmp", "domainname": "d", "mac_address": "02:42:ac:11:00:09",
                                  "labels": ["a", "b"], "stop_signal": "SIGINT",
                                  "healthcheck": {"test": "true", "interval": 10 ** 9, "retries": 2},
                                  "stop_timeout": 3, "runtime": "runc"}),
    (["echo", "x"], {"stdin_open": True, "environment": ["X=1"], "labels": {"k": "v"}, "volumes": "/one",
                     "healthcheck": {"Test": ["CMD", "true"]}}),
]


def test_host_config_as_docker_py_makes_it():
    for kw in HOST_CONFIGS:
        assert types.HostConfig(VERSION, **kw) == dockerpy.types.HostConfig(VERSION, **kw), kw
    for bad in ({"cpu_shares": "x"}, {"restart_policy": "always"}, {"security_opt": "x"},
                {"ulimits": {}}, {"mem_swappiness": "1"}, {"userns_mode": "private"},
                {"sysctls": ["a"]}, {"device_requests": {}}):
        with pytest.raises((TypeError, ValueError)) as ours:
            types.HostConfig(VERSION, **bad)
        with pytest.raises((TypeError, ValueError)) as ref:
            dockerpy.types.HostConfig(VERSION, **bad)
        assert isinstance(ours.value, TypeError) == isinstance(ref.value, TypeError), bad


def test_container_config_as_docker_py_makes_it():
    api = docker.from_env().api
    for command, kw in CONTAINER_CONFIGS:
        ours = api.create_container_config(IMAGE, command, **kw)
        ref = dockerpy.types.ContainerConfig(VERSION, IMAGE, command, **kw)
        assert ours == dict(ref), kw


def test_utils_as_docker_py_computes_them():
    pb = {80: 8080, "53/udp": ("127.0.0.1", 53), 22: [1111, ("0.0.0.0", 2222)], 443: ("10.0.0.1",),
          9000: None, 7000: {"HostPort": 7001, "HostIp": "1.1.1.1"}, "8/tcp": (9,)}
    assert utils.convert_port_bindings(pb) == dockerpy.utils.convert_port_bindings(pb)
    vb = {"/a": {"bind": "/b", "mode": "ro"}, "/c": "/d", "/e": {"bind": "/f", "ro": False},
          "/g": {"bind": "/h", "propagation": "rshared"}}
    assert utils.convert_volume_binds(vb) == dockerpy.utils.convert_volume_binds(vb)
    for s in (0, 512, "512", "1k", "1K", "1.5k", "10m", "2g", "4gb", "3B", "", "7kb"):
        assert utils.parse_bytes(s) == dockerpy.utils.parse_bytes(s), s
    for name in ("busybox", "busybox:1", "h:5000/a/b", "h:5000/a/b:t", "x@sha256:ab", "a/b:c"):
        assert utils.parse_repository_tag(name) == dockerpy.utils.parse_repository_tag(name), name
    env = {"DOCKER_HOST": "tcp://h:2375"}
    assert utils.kwargs_from_env(environment=env) == dockerpy.utils.kwargs_from_env(environment=env)
    assert utils.kwargs_from_env(environment={}) == dockerpy.utils.kwargs_from_env(environment={})
    assert utils.format_environment({"A": "1", "B": None}) == dockerpy.utils.format_environment({"A": "1", "B": None})
    links = {"db": "database", "cache": "cache"}
    assert utils.normalize_links(links) == dockerpy.utils.utils.normalize_links(links)
    devices = ["/dev/fuse", "/dev/a:/dev/b", "/dev/c:/dev/d:r"]
    assert utils.parse_devices(devices) == dockerpy.utils.parse_devices(devices)
    assert utils.convert_tmpfs_mounts(["/run", "/t:size=1m"]) == dockerpy.utils.utils.convert_tmpfs_mounts(["/run", "/t:size=1m"])
    assert utils.split_command("sh -c 'a b'") == dockerpy.utils.split_command("sh -c 'a b'")
    assert utils.format_extra_hosts({"b": "2", "a": "1"}) == dockerpy.utils.format_extra_hosts({"b": "2", "a": "1"})


def test_types_as_docker_py_builds_them():
    pairs = [
        (lambda t: t.LogConfig(type="syslog", config={"tag": "x"}), None),
        (lambda t: t.LogConfig(Type="none"), None),
        (lambda t: t.Ulimit(name="nproc", soft=10), None),
        (lambda t: t.Ulimit(Name="nofile", Soft=1, Hard=2), None),
        (lambda t: t.DeviceRequest(count=-1, capabilities=[["gpu"]], driver="nvidia"), None),
        (lambda t: t.DeviceRequest(), None),
        (lambda t: t.Healthcheck(test="curl x", interval=10, timeout=5, retries=3, start_period=1), None),
        (lambda t: t.Healthcheck(test=["CMD", "true"]), None),
        (lambda t: t.RestartPolicy(condition="on-failure", max_attempts=3, delay=1, window=2), None),
        (lambda t: t.Mount("/data", "vol", labels={"a": "b"}, no_copy=True), None),
        (lambda t: t.Mount("/d", "/h", type="bind", propagation="rshared", read_only=True), None),
        (lambda t: t.Mount("/t", None, type="tmpfs", tmpfs_size="1m", tmpfs_mode=0o1777), None),
        (lambda t: t.Mount.parse_mount_string("/h:/c:ro"), None),
        (lambda t: t.Mount.parse_mount_string("vol:/c"), None),
        (lambda t: t.EndpointConfig(VERSION, aliases=["a"], links={"x": "y"}, ipv4_address="10.0.0.2",
                                    ipv6_address="::2", link_local_ips=["169.254.0.1"],
                                    driver_opt={"o": "1"}, mac_address="02:42:ac:11:00:09"), None),
    ]
    for build, _ in pairs:
        assert build(types) == build(dockerpy.types)


@pytest.fixture
def both():
    ours = docker.APIClient(version=VERSION)
    ref = dockerpy.APIClient(version=VERSION)
    made = []
    yield ours, ref, made
    for cid in made:
        try:
            ref.remove_container(cid, force=True)
        except dockerpy.errors.NotFound:
            pass
    ref.close()
    ours.close()


def _comparable(attrs):
    config = dict(attrs["Config"])
    config.pop("Hostname")  # the short id unless given
    host = dict(attrs["HostConfig"])
    return config, host


def test_the_engine_gets_the_same_containers(both):
    ours, ref, made = both
    for command, kw in CONTAINER_CONFIGS:
        kw = {k: v for k, v in kw.items() if k not in ("mac_address", "runtime", "hostname")}
        hc = {"binds": {"/tmp": {"bind": "/data", "mode": "ro"}}, "port_bindings": {80: ("127.0.0.1", None)},
              "restart_policy": {"Name": "on-failure", "MaximumRetryCount": 2}, "mem_limit": "64m",
              "ulimits": [types.Ulimit(name="nofile", soft=512, hard=1024)], "tmpfs": ["/run2"]}
        a = ours.create_container(IMAGE, command, name=f"dcpya-{uuid.uuid4().hex[:10]}",
                                  host_config=ours.create_host_config(**hc), **kw)
        made.append(a["Id"])
        b = ref.create_container(IMAGE, command, name=f"dcpya-{uuid.uuid4().hex[:10]}",
                                 host_config=ref.create_host_config(**hc), **kw)
        made.append(b["Id"])
        assert a["Warnings"] == b["Warnings"]
        assert _comparable(ours.inspect_container(a)) == _comparable(ref.inspect_container(b)), kw


def test_the_same_program_gives_the_same_results(both):
    ours, ref, made = both
    results, stats = [], []
    for api in (ours, ref):
        c = api.create_container(IMAGE, 'sh -c "echo out; echo err >&2; sleep 300"',
                                 name=f"dcpya-{uuid.uuid4().hex[:10]}")
        made.append(c["Id"])
        api.start(c)
        e = api.exec_create(c, "sh -c 'echo x; echo y >&2; exit 7'")
        out = api.exec_start(e, demux=True)
        code = api.exec_inspect(e)["ExitCode"]
        as_root = api.exec_create(c, "id -u", user="root", workdir="/tmp")
        out_root = api.exec_start(as_root)
        root_process = api.exec_inspect(as_root)["ProcessConfig"]
        inspected = api.exec_inspect(e)
        shape = (sorted(inspected), inspected["ProcessConfig"], inspected["Running"],
                 inspected["ContainerID"] == c["Id"])
        e2 = api.exec_create(c["Id"], "echo streamed")
        streamed = b"".join(api.exec_start(e2, stream=True))
        top_titles = api.top(c)["Titles"]
        unchanged = api.diff(c)
        stat_keys = set(api.get_archive(c, "/etc/hostname")[1])
        update = api.update_container(c, mem_limit="64m", memswap_limit="128m")
        port = api.port(c, 80)
        api.stop(c, timeout=1)
        status = api.wait(c)["StatusCode"]
        logs = (api.logs(c, stderr=False), api.logs(c, stdout=False))
        quiet = api.containers(all=True, quiet=True, filters={"id": c["Id"]})
        errors = []
        for call in (lambda: api.inspect_image("dcpya-missing:1"), lambda: api.remove_image("dcpya-missing:1"),
                     lambda: api.kill(c), lambda: api.exec_create(c, "true"),
                     lambda: api.stop("dcpya-missing"), lambda: api.start(None)):
            with pytest.raises(Exception) as failed:
                call()
            errors.append((type(failed.value).__name__, getattr(failed.value, "status_code", None)))
        nothing = api.prune_containers(filters={"label": "dcpya-no-such-label"})
        results.append((errors, nothing, out, code, shape, out_root, root_process, streamed, top_titles, unchanged, update, port, status,
                        logs, quiet == [{"Id": c["Id"]}]))
        stats.append(stat_keys)
        api.remove_container(c)
    ours_errors, ref_errors = results[0][0], results[1][0]
    # Conflict is our APIError subclass for 409 (docker-py raises APIError itself).
    assert [(("APIError" if e == "Conflict" else e), s) for e, s in ours_errors] == ref_errors
    assert results[0][1:] == results[1][1:]
    assert results[0][2:4] == ((b"x\n", b"y\n"), 7)
    assert stats[1] <= stats[0]  # the engine's stat keys, and the library's extras beside them


def test_networking_config_and_more_host_config(both):
    ours, ref, made = both
    seen = []
    for api in (ours, ref):
        nc = api.create_networking_config({"bridge": api.create_endpoint_config(driver_opt={"x": "y"})})
        hc = api.create_host_config(network_mode="bridge", log_config={"type": "none"},
                                    publish_all_ports=True, extra_hosts=["a:1.2.3.4"], dns=["8.8.8.8"],
                                    shm_size="16m", init=True, cap_drop=["ALL"],
                                    sysctls={"net.ipv4.ip_forward": 1}, pids_limit=20)
        c = api.create_container(IMAGE, None, name=f"dcpya-{uuid.uuid4().hex[:10]}", networking_config=nc,
                                 host_config=hc, entrypoint=["sleep", "30"], user=1000, stop_timeout=4,
                                 ports=[(81, "udp")])
        made.append(c["Id"])
        api.start(c)
        a = api.inspect_container(c)
        seen.append(_comparable(a) + (a["NetworkSettings"]["Networks"]["bridge"]["DriverOpts"],
                                      sorted(a["NetworkSettings"]["Ports"])))
    assert seen[0] == seen[1]
    assert seen[0][2:] == ({"x": "y"}, ["81/udp"])


def test_attach_socket_reads_as_docker_py_s(both):
    import socket
    from test_api_client import _frames
    ours, ref, made = both
    got = []
    for api in (ours, ref):
        c = api.create_container(IMAGE, "sh -c 'cat; echo done >&2'", stdin_open=True,
                                 name=f"dcpya-{uuid.uuid4().hex[:10]}")
        made.append(c["Id"])
        api.start(c)
        sock = api.attach_socket(c, params={"stdin": 1, "stdout": 1, "stderr": 1, "stream": 1})
        sock._sock.sendall(b"one\ntwo\n")
        sock._sock.shutdown(socket.SHUT_WR)
        frames = _frames(sock._sock)
        sock.close()
        got.append((b"".join(d for k, d in frames if k == 1), b"".join(d for k, d in frames if k == 2)))
        assert api.wait(c)["StatusCode"] == 0
    assert got[0] == got[1] == (b"one\ntwo\n", b"done\n")


def test_networks_volumes_and_images_give_docker_py_s_shapes(both):
    ours, ref, made = both
    shapes = []
    for api in (ours, ref):
        p = f"dcpyi-{uuid.uuid4().hex[:8]}-"
        try:
            net = api.create_network(p + "net", labels={"dcpyi.ref": "1"})
            c = api.create_container(IMAGE, "sleep 300", name=f"dcpya-{uuid.uuid4().hex[:10]}")
            made.append(c["Id"])
            api.start(c)
            connected = api.connect_container_to_network(c, net["Id"], aliases=["a1"])
            endpoint = api.inspect_network(p + "net")["Containers"][c["Id"]]
            disconnected = api.disconnect_container_from_network(c, net["Id"])
            api.remove_container(c, force=True)
            listed = api.networks(names=[p + "net"])
            inspected = api.inspect_network(net["Id"])
            vol = api.create_volume(p + "vol", labels={"dcpyi.ref": "1"})
            vols = api.volumes(filters={"name": p + "vol"})
            tagged = api.tag(IMAGE, p + "img", "t")
            images = api.images(name=p + "img")
            quiet = api.images(name=p + "img", quiet=True)
            errors = []
            for call in (lambda: api.inspect_network(p + "none"), lambda: api.remove_network(p + "none"),
                         lambda: api.inspect_volume(p + "none"), lambda: api.remove_volume(p + "none"),
                         lambda: api.tag(p + "none:1", p + "img"),
                         lambda: api.create_network(p + "x", options=["bad"]),
                         lambda: api.create_volume(p + "x", labels=["bad"])):
                with pytest.raises(Exception) as failed:
                    call()
                errors.append((type(failed.value).__name__, getattr(failed.value, "status_code", None)))
            shapes.append((
                sorted(net), connected, disconnected, sorted(endpoint), sorted(listed[0]), sorted(inspected),
                inspected["Labels"], sorted(vol), vol["Labels"], sorted(vols), vols["Warnings"],
                [sorted(v) for v in vols["Volumes"]], tagged, [sorted(i) for i in images],
                quiet == [images[0]["Id"]], errors,
                api.prune_networks(filters={"label": "dcpyi-no-such-label"}),
                api.prune_volumes(filters={"label": "dcpyi-no-such-label"}),
                api.prune_images(filters={"label": "dcpyi-no-such-label"}),
                api.remove_network(net["Id"]), api.remove_volume(p + "vol")))
        finally:
            for n in api.networks(names=[p]):
                api.remove_network(n["Id"])
            for v in api.volumes(filters={"name": p})["Volumes"]:
                api.remove_volume(v["Name"], force=True)
            for t in [t for i in api.images(name=p + "img") for t in i["RepoTags"]]:
                api.remove_image(t, force=True)
    assert shapes[0] == shapes[1]
    assert shapes[0][-5:] == ({"NetworksDeleted": None}, {"VolumesDeleted": [], "SpaceReclaimed": 0},
                              {"ImagesDeleted": None, "SpaceReclaimed": 0}, None, None)


def _pull_shape(statuses, repo):
    """What a pull's progress says that does not vary from pull to pull (layer progress lines
    come as the engine's timing has it): the first and last status and whether the layer and
    digest lines came, with the repository written out of them."""
    path = repo.split("/", 1)[1]
    st = [s.replace(repo, "REPO").replace(path, "REPO") for s in statuses]
    return (st[:1], "Pull complete" in st, any(s.startswith("Digest: sha256:") for s in st), st[-1:])


def test_pull_gives_docker_py_s_results(both, registry):
    ours, ref, _ = both
    port, requests = registry
    shapes = []
    for api in (ours, ref):
        repo = f"127.0.0.1:{port}/dcpyi-{uuid.uuid4().hex[:10]}/ref"
        try:
            streamed = list(api.pull(repo, tag="v1", stream=True, decode=True))
            text = api.pull(repo, tag="v1")
            image = api.inspect_image(f"{repo}:v1")
            with pytest.raises(Exception) as missing:
                api.pull(repo, tag="v2")
            lines = [json.loads(line) for line in text.splitlines() if line.strip()]
            shapes.append((
                _pull_shape([i.get("status", "") for i in streamed], repo), type(text).__name__,
                _pull_shape([i.get("status", "") for i in lines], repo),
                image["RepoTags"] == [f"{repo}:v1"], image["Config"]["Labels"],
                type(missing.value).__name__, missing.value.status_code))
        finally:
            for t in (f"{repo}:v1",):
                try:
                    api.remove_image(t, force=True)
                except (docker.errors.NotFound, dockerpy.errors.NotFound):
                    pass
    assert shapes[0] == shapes[1]
    assert shapes[0][0] == (["Pulling from REPO"], True, True, ["Status: Downloaded newer image for REPO:v1"])
    assert shapes[0][2] == (["Pulling from REPO"], False, True, ["Status: Image is up to date for REPO:v1"])
    assert sum("/manifests/v1" in r for r in requests()) >= 4
