"""docker_containers.types and .utils: the dict shapes and conversions docker-py documents, and the
import paths docker-py programs use (no engine needed here; test_api_client.py sends them)."""
import pytest

import docker_containers as docker
from docker_containers import errors
from docker_containers.types import (DeviceRequest, EndpointConfig, Healthcheck, HostConfig,
                                     LogConfig, Mount, RestartPolicy, Ulimit)
from docker_containers.utils import (convert_port_bindings, convert_tmpfs_mounts,
                                     convert_volume_binds, format_environment, kwargs_from_env,
                                     normalize_links, parse_bytes, parse_devices,
                                     parse_repository_tag)


def test_import_paths():
    from docker_containers.errors import APIError, NotFound  # noqa: F401
    from docker_containers.models.containers import Container, ContainerCollection, ExecResult
    from docker_containers.models.images import Image
    assert Container is docker.Container and ContainerCollection is docker.ContainerCollection
    assert ExecResult is docker.ExecResult and Image is docker.Image
    assert docker.types.Mount is Mount and docker.utils.parse_bytes is parse_bytes


def test_parse_repository_tag():
    assert parse_repository_tag("busybox") == ("busybox", None)
    assert parse_repository_tag("busybox:1.36") == ("busybox", "1.36")
    assert parse_repository_tag("localhost:5000/a/b") == ("localhost:5000/a/b", None)
    assert parse_repository_tag("localhost:5000/a/b:t") == ("localhost:5000/a/b", "t")
    assert parse_repository_tag("x@sha256:abc") == ("x", "sha256:abc")


def test_parse_bytes():
    assert [parse_bytes(v) for v in (512, "512", "1k", "1.5k", "10m", "2g", "4gb", "3B", "")] == [
        512, 512, 1024, 1536, 10 * 1024 ** 2, 2 * 1024 ** 3, 4 * 1024 ** 3, 3, 0]
    with pytest.raises(errors.DockerException):
        parse_bytes("10x")
    with pytest.raises(errors.DockerException):
        parse_bytes("a1k")


def test_port_and_volume_conversions():
    assert convert_port_bindings({80: 8080, "53/udp": ("127.0.0.1", 53), 22: [1111, ("0.0.0.0", 2222)],
                                  443: ("10.0.0.1",), 9000: None, 7000: {"HostPort": 7001}}) == {
        "80/tcp": [{"HostIp": "", "HostPort": "8080"}],
        "53/udp": [{"HostIp": "127.0.0.1", "HostPort": "53"}],
        "22/tcp": [{"HostIp": "", "HostPort": "1111"}, {"HostIp": "0.0.0.0", "HostPort": "2222"}],
        "443/tcp": [{"HostIp": "10.0.0.1", "HostPort": ""}],
        "9000/tcp": [{"HostIp": "", "HostPort": ""}],
        "7000/tcp": [{"HostIp": "", "HostPort": "7001"}]}
    assert convert_volume_binds({"/a": {"bind": "/b", "mode": "ro"}, "/c": "/d",
                                 "/e": {"bind": "/f", "ro": True, "propagation": "rslave"},
                                 b"/g": {"bind": "/h"}}) == [
        "/a:/b:ro", "/c:/d:rw", "/e:/f:ro,rslave", "/g:/h:rw"]
    assert convert_volume_binds(["/x:/y:ro"]) == ["/x:/y:ro"]
    with pytest.raises(ValueError):
        convert_volume_binds({"/a": {"bind": "/b", "ro": True, "mode": "rw"}})
    assert convert_tmpfs_mounts(["/run", "/tmp:size=1m,mode=1777"]) == {"/run": "", "/tmp": "size=1m,mode=1777"}
    assert parse_devices(["/dev/fuse", "/dev/a:/dev/b", "/dev/c:/dev/d:r"]) == [
        {"PathOnHost": "/dev/fuse", "PathInContainer": "/dev/fuse", "CgroupPermissions": "rwm"},
        {"PathOnHost": "/dev/a", "PathInContainer": "/dev/b", "CgroupPermissions": "rwm"},
        {"PathOnHost": "/dev/c", "PathInContainer": "/dev/d", "CgroupPermissions": "r"}]
    assert format_environment({"A": "1", "B": None, "C": b"x"}) == ["A=1", "B", "C=x"]
    assert normalize_links({"db": "database", "cache": None}) == ["cache", "db:database"]


def test_kwargs_from_env():
    assert kwargs_from_env(environment={}) == {}
    assert kwargs_from_env(environment={"DOCKER_HOST": "tcp://h:2375"}) == {"base_url": "tcp://h:2375"}
    tls = kwargs_from_env(environment={"DOCKER_HOST": "tcp://h:2376", "DOCKER_TLS_VERIFY": "1",
                                       "DOCKER_CERT_PATH": "/certs"})
    assert tls == {"base_url": "tcp://h:2376", "tls": True, "tls_verify": True,
                   "tls_ca_cert": "/certs/ca.pem", "tls_client_cert": "/certs/cert.pem",
                   "tls_client_key": "/certs/key.pem"}


def test_small_types():
    lc = LogConfig(type=LogConfig.types.SYSLOG, config={"tag": "x"})
    assert lc == {"Type": "syslog", "Config": {"tag": "x"}} and lc.type == "syslog"
    lc.set_config_value("a", "b")
    lc.unset_config("tag")
    assert lc.config == {"a": "b"}
    with pytest.raises(ValueError):
        LogConfig(type="json-file", config="bad")
    assert Ulimit(name="nproc", soft=10) == {"Name": "nproc", "Soft": 10, "Hard": None}
    with pytest.raises(ValueError):
        Ulimit(name=1)
    assert Healthcheck(test="curl x", retries=3) == {"Test": ["CMD-SHELL", "curl x"], "Interval": None,
                                                     "Timeout": None, "Retries": 3, "StartPeriod": None}
    assert Healthcheck(Test=["CMD", "true"]).test == ["CMD", "true"]
    assert DeviceRequest(count=-1, capabilities=[["gpu"]]) == {
        "Driver": "", "Count": -1, "DeviceIDs": [], "Capabilities": [["gpu"]], "Options": {}}
    with pytest.raises(ValueError):
        DeviceRequest(count="all")
    assert RestartPolicy(condition="on-failure", max_attempts=3) == {
        "Condition": "on-failure", "Delay": 0, "MaxAttempts": 3, "Window": 0}
    with pytest.raises(TypeError):
        RestartPolicy(condition="sometimes")
    assert EndpointConfig("1.41", aliases=["a"], ipv4_address="10.0.0.2", links={"x": "y"}) == {
        "Aliases": ["a"], "Links": ["x:y"], "IPAMConfig": {"IPv4Address": "10.0.0.2"}}
    with pytest.raises(errors.InvalidVersion):
        EndpointConfig("1.20")


def test_mount():
    assert Mount("/data", "vol") == {"Target": "/data", "Source": "vol", "Type": "volume", "ReadOnly": False}
    assert Mount("/d", "/h", type="bind", propagation="rshared", read_only=True) == {
        "Target": "/d", "Source": "/h", "Type": "bind", "ReadOnly": True,
        "BindOptions": {"Propagation": "rshared"}}
    assert Mount("/t", None, type="tmpfs", tmpfs_size="1m", tmpfs_mode=0o1777)["TmpfsOptions"] == {
        "Mode": 0o1777, "SizeBytes": 1024 * 1024}
    with pytest.raises(errors.InvalidArgument):
        Mount("/d", "/h", type="bind", no_copy=True)
    with pytest.raises(errors.InvalidArgument):
        Mount("/d", "/h", type="weird")
    assert Mount.parse_mount_string("/h:/c:ro") == {"Target": "/c", "Source": "/h", "Type": "bind", "ReadOnly": True}
    assert Mount.parse_mount_string("v:/c")["Type"] == "volume"


def test_host_config():
    hc = HostConfig("1.41", binds=["/a:/b"], port_bindings={80: 8080}, privileged=True,
                    restart_policy={"Name": "always"}, mem_limit="1g", sysctls={"net.x": 1},
                    volumes_from="a,b", group_add=[100], cap_add=["NET_ADMIN"],
                    ulimits=[{"name": "nofile", "soft": 1, "hard": 2}], read_only=False,
                    publish_all_ports=False, device_requests=[{"count": 1}])
    assert hc == {"Binds": ["/a:/b"], "PortBindings": {"80/tcp": [{"HostIp": "", "HostPort": "8080"}]},
                  "Privileged": True, "NetworkMode": "default", "RestartPolicy": {"Name": "always"},
                  "Memory": 1024 ** 3, "Sysctls": {"net.x": "1"}, "VolumesFrom": ["a", "b"],
                  "GroupAdd": ["100"], "CapAdd": ["NET_ADMIN"],
                  "Ulimits": [{"Name": "nofile", "Soft": 1, "Hard": 2}], "ReadonlyRootfs": False,
                  "DeviceRequests": [{"Driver": "", "Count": 1, "DeviceIDs": [], "Capabilities": [],
                                      "Options": {}}]}
    assert HostConfig("1.41") == {"NetworkMode": "default"}
    with pytest.raises(TypeError):
        HostConfig("1.41", bindz=[])
    with pytest.raises(TypeError):
        HostConfig("1.41", cpu_shares="10")
    with pytest.raises(TypeError):
        HostConfig("1.41", restart_policy="always")
    with pytest.raises(errors.InvalidArgument):
        HostConfig("1.41", network_mode="host", port_bindings={80: 80})
    with pytest.raises(errors.InvalidVersion):
        HostConfig("1.24", auto_remove=True)
    with pytest.raises(ValueError):
        HostConfig("1.41", userns_mode="private")
