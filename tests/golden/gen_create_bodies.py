#!/usr/bin/env python3
"""Golden create bodies from docker-py itself.

For each case, docker-py's own code (`containers.create()`'s keyword handling, then
`APIClient.create_container`) builds the Engine API create request; the request is captured
before anything is sent, so no engine is needed. The cases and docker-py's answers are written to
create_bodies.json, which tests/create_options.rs compares with the Rust translation.

    pip install docker==7.1.0 && python3 tests/golden/gen_create_bodies.py

`make check-golden` (in make test) regenerates it into build/ with the venv that
scripts/deps.d/golden.sh makes, and fails when the committed file differs.

JSON has no tuples: a port binding tuple ("127.0.0.1", 8080) is written as the object
{"HostIp": "127.0.0.1", "HostPort": 8080} (("127.0.0.1",) as {"HostIp": "127.0.0.1"}), which
docker-py is given as the tuple (see `to_python`); a JSON list stays a list, as docker-py reads
a list: one binding per item.
Cases marked "deliberate_difference" carry our own expected body: docker-py's differs on purpose
(see the top of src/engine/create_options.rs); "ours_rejects" ones are refused by us only.
"run_error" is what docker-py's run() raises for options its create() takes.
"""
import json
import os
import sys

import docker
from docker.models.containers import _create_container_args

HERE = os.path.dirname(os.path.abspath(__file__))
os.environ["DOCKER_CONFIG"] = "/nonexistent-docker-config"  # no proxy settings leak in


def port_tuple(b):
    """A binding object with "HostIp" is the JSON form of a tuple: (ip, port) or (ip,)."""
    if isinstance(b, dict) and "HostIp" in b:
        return (b["HostIp"], b["HostPort"]) if "HostPort" in b else (b["HostIp"],)
    return b


def to_python(key, value):
    """JSON → the Python value a docker-py user would pass (tuples for port bindings)."""
    if key == "ports" and isinstance(value, dict):
        return {k: [port_tuple(x) for x in v] if isinstance(v, list) else port_tuple(v)
                for k, v in value.items()}
    if key == "links" and isinstance(value, list):
        return [tuple(x) for x in value]
    return value


def docker_py_body(image, command, options, version):
    captured = {}
    api = docker.APIClient(version=version)

    def fake_post(url, data=None, params=None, **kwargs):
        captured["url"] = url
        captured["params"] = params
        captured["body"] = json.loads(data)
        raise StopIteration

    api._post = fake_post
    kwargs = {k: to_python(k, v) for k, v in options.items()}
    kwargs["image"] = image
    kwargs["command"] = command
    kwargs["version"] = version
    create_kwargs = _create_container_args(kwargs)
    try:
        api.create_container(**create_kwargs)
    except StopIteration:
        pass
    params = captured["params"] or {}
    return {"name": params.get("name"), "platform": params.get("platform"), "body": captured["body"]}


CASES = []


def case(name, options, command=None, image="busybox:latest", version="1.41", differs=None, expected=None, base=None,
         run_rejects=None, rejects=None, ours_rejects=False):
    """`base`: for a deliberate difference docker-py rejects, the options docker-py is given
    instead, to build the rest of the body; `expected` then patches in our fields.
    `run_rejects`: docker-py's run() raises this before create() (whose body is still golden);
    `rejects`: both create() and run() raise it (their signatures); `ours_rejects`: a deliberate
    difference where we refuse what docker-py sends."""
    CASES.append(dict(name=name, image=image, command=command, options=options, api_version=version,
                      differs=differs, expected=expected, base=base, run_rejects=run_rejects,
                      rejects=rejects, ours_rejects=ours_rejects))


# --- command, entrypoint, basics ---
case("empty", {})
case("command string", {}, command="echo hello world")
case("command quoted", {}, command="sh -c 'echo \"a b\"; exit 3'")
case("command list", {}, command=["sh", "-c", "echo hi"])
case("entrypoint string", {"entrypoint": "/bin/sh -c"})
case("entrypoint list", {"entrypoint": ["/bin/sh", "-c"]}, command="echo x")
case("name", {"name": "web"})
case("hostname domainname", {"hostname": "h1", "domainname": "example.org"})
case("user string", {"user": "nobody"})
case("user int", {"user": 1000})
case("working_dir", {"working_dir": "/tmp"})
case("tty stdin_open", {"tty": True, "stdin_open": True})
case("stdin_open detach", {"stdin_open": True, "detach": True})
case("detach", {"detach": True})
case("stop_signal", {"stop_signal": "SIGINT"})
case("network_disabled", {"network_disabled": True})
case("mac_address", {"mac_address": "02:42:ac:11:00:02"})
case("platform", {"platform": "linux/amd64"})
# --- environment and labels ---
case("environment dict", {"environment": {"A": "1", "B": "two"}})
case("environment list", {"environment": ["A=1", "B=two"]})
case("environment dict numbers", {"environment": {"N": 5, "F": 1.5, "T": True}})
case("environment dict null", {"environment": {"ONLY": None}})
case("labels dict", {"labels": {"a": "1", "com.example.b": "x"}})
case("labels list", {"labels": ["a", "b"]})
# --- ports ---
case("ports int", {"ports": {"80/tcp": 8080}})
case("ports str", {"ports": {"80/tcp": "8080"}})
case("ports no proto", {"ports": {"80": 8080}})
case("ports udp", {"ports": {"53/udp": 5353}})
case("ports none", {"ports": {"80/tcp": None}})
case("ports ip port", {"ports": {"80/tcp": {"HostIp": "127.0.0.1", "HostPort": 8080}}})
case("ports ip only", {"ports": {"80/tcp": {"HostIp": "127.0.0.1"}}})
case("ports host name tuple", {"ports": {"80/tcp": {"HostIp": "myhost", "HostPort": 8080}}})
case("ports tuple null port", {"ports": {"80/tcp": {"HostIp": "127.0.0.1", "HostPort": None}}})
case("ports port only object", {"ports": {"80/tcp": {"HostPort": 8080}}})
case("ports plain list address", {"ports": {"80/tcp": ["127.0.0.1", 8080]}})
case("ports plain list one address", {"ports": {"80/tcp": ["127.0.0.1"]}})
case("ports plain list names", {"ports": {"80/tcp": ["localhost", "8080"]}})
case("ports list", {"ports": {"80/tcp": [8080, 8081]}})
case("ports list of tuples", {"ports": {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": 8080},
                                                   {"HostIp": "0.0.0.0", "HostPort": 9090}]}})
case("ports list mixed", {"ports": {"80/tcp": [8080, {"HostIp": "127.0.0.1", "HostPort": "8081"}, None]}})
case("ports nested list", {"ports": {"80/tcp": [["127.0.0.1", 8080]]}}, ours_rejects=True,
     differs="docker-py sends the list's text as the host port (\"['127.0.0.1', 8080]\"), which the engine "
             "refuses; we refuse it first and name the object form")
case("ports several", {"ports": {"80/tcp": 8080, "443/tcp": 8443, "53/udp": None}})
case("ports dict binding", {"ports": {"80/tcp": {"HostPort": "8080", "HostIp": "127.0.0.1"}}})
case("ports sctp", {"ports": {"9000/sctp": 9000}})
case("ports ipv6", {"ports": {"80/tcp": {"HostIp": "::1", "HostPort": 8080}}})
case("ports and publish_all", {"ports": {"80/tcp": None}, "publish_all_ports": True})
# --- volumes and mounts ---
case("volumes dict rw", {"volumes": {"/srv/data": {"bind": "/data", "mode": "rw"}}})
case("volumes dict ro mode", {"volumes": {"/srv/data": {"bind": "/data", "mode": "ro"}}})
case("volumes dict ro flag", {"volumes": {"/srv/data": {"bind": "/data", "ro": True}}})
case("volumes dict ro false", {"volumes": {"/srv/data": {"bind": "/data", "ro": False}}})
case("volumes dict no mode", {"volumes": {"/srv/data": {"bind": "/data"}}})
case("volumes dict propagation", {"volumes": {"/srv": {"bind": "/srv", "mode": "rw", "propagation": "rshared"}}})
case("volumes dict named volume", {"volumes": {"myvol": {"bind": "/var/lib/x", "mode": "rw"}}})
case("volumes dict several", {"volumes": {"/a": {"bind": "/x", "mode": "rw"}, "/b": {"bind": "/y", "mode": "ro"}}})
case("volumes list", {"volumes": ["/srv/data:/data:rw", "/etc/hosts:/h:ro"]})
case("volumes list no mode", {"volumes": ["/srv/data:/data"]})
case("volumes list named", {"volumes": ["cache:/cache"]})
case("volumes list anonymous", {"volumes": ["/anon"]})
case("volumes list windows drive", {"volumes": ["c:\\data:/data"]})
case("volumes list windows drive slash ro", {"volumes": ["C:/x:/y:ro"]})
case("volumes list windows drive only", {"volumes": ["c:\\data"]})
case("volumes list windows drive rw", {"volumes": ["c:\\data:rw"]})
case("volumes list unc", {"volumes": ["\\\\srv\\share\\x:/y", "//srv/share:ro"]})
case("volumes list one-letter volume", {"volumes": ["v:/data"]})
case("volume_driver", {"volume_driver": "local"})
case("volumes_from str", {"volumes_from": "a,b:ro"})
case("volumes_from list", {"volumes_from": ["a", "b:ro"]})
case("mounts engine form", {"mounts": [{"Target": "/m", "Source": "v1", "Type": "volume", "ReadOnly": False}]})
case("mounts string bind", {"mounts": ["/srv:/srv:ro"]}, differs="docker-py sends the string as it is; we parse it as Mount.parse_mount_string",
     expected={"HostConfig.Mounts": [{"Target": "/srv", "Source": "/srv", "Type": "bind", "ReadOnly": True}]})
case("mounts string volume", {"mounts": ["vol:/data"]}, differs="docker-py sends the string as it is; we parse it",
     expected={"HostConfig.Mounts": [{"Target": "/data", "Source": "vol", "Type": "volume", "ReadOnly": False}]})
case("mounts snake dict tmpfs", {"mounts": [{"target": "/t", "source": None, "type": "tmpfs", "tmpfs_size": "64m", "tmpfs_mode": 1777}]},
     differs="docker-py sends Mount keyword names as they are; we translate them as Mount() does",
     expected={"HostConfig.Mounts": [{"Target": "/t", "Source": None, "Type": "tmpfs", "ReadOnly": False, "TmpfsOptions": {"Mode": 1777, "SizeBytes": 67108864}}]})
case("mounts old api", {"mounts": [{"Target": "/m", "Source": "v", "Type": "volume"}]}, version="1.29")
case("tmpfs dict", {"tmpfs": {"/run": "size=64m"}})
case("tmpfs list", {"tmpfs": ["/run:size=64m,uid=1000", "/tmp"]})
# --- memory and cpu ---
case("mem_limit str", {"mem_limit": "512m"})
case("mem_limit int", {"mem_limit": 536870912})
case("mem_limit g", {"mem_limit": "1g"})
case("mem_limit fraction", {"mem_limit": "1.5g"})
case("mem_limit kb", {"mem_limit": "64kb"})
case("mem_limit bytes str", {"mem_limit": "1048576"})
case("mem_limit b", {"mem_limit": "2048b"})
case("mem_limit upper", {"mem_limit": "2G"})
case("mem_limit bad unit", {"mem_limit": "12q"})
case("mem_limit underscores", {"mem_limit": "1_000k"})
case("mem_limit underscores no unit", {"mem_limit": "1_048_576"})
case("mem_limit underscores fraction", {"mem_limit": "1_0.5m"})
case("mem_limit exponent", {"mem_limit": "1e3k"})
case("mem_limit spaces", {"mem_limit": " 64m"})
case("mem_limit double underscore", {"mem_limit": "1__0k"})
case("mem_limit leading underscore", {"mem_limit": "_10k"})
case("mem_limit trailing underscore", {"mem_limit": "10_k"})
case("mem_limit inf", {"mem_limit": "infk"})
case("mem_limit true", {"mem_limit": True})
case("mem_limit false", {"mem_limit": False})
case("memswap_limit true", {"memswap_limit": True})
case("mem_reservation true", {"mem_reservation": True, "kernel_memory": True})
case("mem_reservation false", {"mem_reservation": False, "kernel_memory": False})
case("shm_size true", {"shm_size": True})
case("shm_size false", {"shm_size": False})
case("shm_size underscores", {"shm_size": "6_4m"})
case("memswap_limit", {"mem_limit": "256m", "memswap_limit": "1g"})
case("memswap_limit -1", {"memswap_limit": -1})
case("mem_reservation", {"mem_reservation": "128m"})
case("mem_reservation zero", {"mem_reservation": 0})
case("kernel_memory", {"kernel_memory": "64m"})
case("mem_swappiness", {"mem_swappiness": 10})
case("mem_swappiness bad", {"mem_swappiness": "10"})
case("shm_size str", {"shm_size": "256m"})
case("shm_size int", {"shm_size": 1048576})
case("cpu_shares", {"cpu_shares": 512})
case("cpu_shares zero", {"cpu_shares": 0})
case("cpu_shares bad", {"cpu_shares": "512"})
case("cpu_shares true", {"cpu_shares": True})
case("cpu_shares false", {"cpu_shares": False})
case("ints true", {"cpu_period": True, "cpu_quota": True, "blkio_weight": True, "pids_limit": True,
                   "oom_score_adj": True, "nano_cpus": True, "cpu_count": True, "cpu_percent": True,
                   "cpu_rt_period": True, "cpu_rt_runtime": True})
case("cpu_rt true old api", {"cpu_rt_period": True}, version="1.24")
case("mem_swappiness true", {"mem_swappiness": True})
case("mem_swappiness false", {"mem_swappiness": False})
case("user true", {"user": True})
case("cpu_period quota", {"cpu_period": 100000, "cpu_quota": 50000})
case("cpu_quota bad", {"cpu_quota": 1.5})
case("cpuset", {"cpuset_cpus": "0-1", "cpuset_mems": "0"})
case("cpuset_mems bad", {"cpuset_mems": 0.5})
case("cpu_rt", {"cpu_rt_period": 1000000, "cpu_rt_runtime": 950000})
case("cpu_rt old api", {"cpu_rt_period": 1000000}, version="1.24")
case("nano_cpus", {"nano_cpus": 1500000000})
case("nano_cpus bad", {"nano_cpus": "1.5"})
case("cpu_count percent", {"cpu_count": 2, "cpu_percent": 50})
case("pids_limit", {"pids_limit": 100})
case("pids_limit bad", {"pids_limit": "100"})
case("blkio_weight", {"blkio_weight": 300})
case("blkio_weight_device", {"blkio_weight_device": [{"Path": "/dev/sda", "Weight": 200}]})
case("blkio_weight_device bad", {"blkio_weight_device": {"Path": "/dev/sda"}})
case("device bps iops", {"device_read_bps": [{"Path": "/dev/sda", "Rate": 1048576}],
                         "device_write_bps": [{"Path": "/dev/sda", "Rate": 1048576}],
                         "device_read_iops": [{"Path": "/dev/sda", "Rate": 100}],
                         "device_write_iops": [{"Path": "/dev/sda", "Rate": 100}]})
case("oom", {"oom_kill_disable": True, "oom_score_adj": 500})
case("oom_score_adj bad", {"oom_score_adj": "5"})
# --- devices, caps, security ---
case("devices full", {"devices": ["/dev/sda:/dev/xvda:rwm"]})
case("devices two", {"devices": ["/dev/sda:/dev/xvda"]})
case("devices one", {"devices": ["/dev/fuse"]})
case("devices dict", {"devices": [{"PathOnHost": "/dev/a", "PathInContainer": "/dev/b", "CgroupPermissions": "r"}]})
case("device_requests", {"device_requests": [{"driver": "nvidia", "count": -1, "capabilities": [["gpu"]]}]})
case("device_requests pascal", {"device_requests": [{"Driver": "nvidia", "DeviceIDs": ["0"], "Options": {"a": "b"}}]})
case("device_requests old api", {"device_requests": [{"count": 1}]}, version="1.39")
case("device_cgroup_rules", {"device_cgroup_rules": ["c 1:3 mr"]})
case("cap_add drop", {"cap_add": ["NET_ADMIN"], "cap_drop": ["MKNOD"]})
case("privileged", {"privileged": True})
case("privileged false", {"privileged": False})
case("security_opt", {"security_opt": ["no-new-privileges"]})
case("security_opt bad", {"security_opt": "no-new-privileges"})
case("read_only", {"read_only": True})
case("read_only false", {"read_only": False})
case("group_add", {"group_add": ["audio", 1000]})
case("userns_mode", {"userns_mode": "host"})
case("userns_mode bad", {"userns_mode": "private"})
case("uts_mode", {"uts_mode": "host"})
case("uts_mode bad", {"uts_mode": "x"})
case("pid_mode ipc_mode", {"pid_mode": "host", "ipc_mode": "shareable"})
case("cgroupns", {"cgroupns": "private"})
case("cgroup_parent", {"cgroup_parent": "/mygroup"})
case("isolation", {"isolation": "default"})
case("runtime", {"runtime": "runc"})
case("init", {"init": True})
case("init_path old", {"init_path": "/usr/bin/docker-init"}, version="1.25")
case("init_path new", {"init_path": "/usr/bin/docker-init"})
case("sysctls", {"sysctls": {"net.core.somaxconn": 1024, "net.ipv4.tcp_syncookies": "0"}})
case("sysctls bad", {"sysctls": ["a=b"]})
case("storage_opt", {"storage_opt": {"size": "10G"}})
case("lxc_conf dict", {"lxc_conf": {"lxc.utsname": "docker", "lxc.x": 5}})
case("lxc_conf list", {"lxc_conf": [{"Key": "a", "Value": "b"}]})
# --- ulimits, logs, restart ---
case("ulimits", {"ulimits": [{"name": "nofile", "soft": 1024, "hard": 2048}]})
case("ulimits pascal", {"ulimits": [{"Name": "nproc", "Soft": 10, "Hard": 20}]})
case("ulimits soft only", {"ulimits": [{"name": "core", "soft": 0}]})
case("ulimits bad", {"ulimits": {"name": "nofile"}})
case("ulimits bad soft", {"ulimits": [{"name": "nofile", "soft": "1"}]})
case("log_config", {"log_config": {"type": "json-file", "config": {"max-size": "1m"}}})
case("log_config pascal", {"log_config": {"Type": "none"}})
case("log_config bad", {"log_config": "json-file"})
case("restart always", {"restart_policy": {"Name": "always"}})
case("restart on-failure", {"restart_policy": {"Name": "on-failure", "MaximumRetryCount": 5}})
case("restart bad", {"restart_policy": "always"})
case("auto_remove", {"auto_remove": True})
case("auto_remove old api", {"auto_remove": True}, version="1.24")
# --- dns, hosts, links ---
case("dns", {"dns": ["8.8.8.8"], "dns_opt": ["ndots:2"], "dns_search": ["example.org"]})
case("extra_hosts dict", {"extra_hosts": {"db": "10.0.0.2", "api": "10.0.0.3"}})
case("extra_hosts list", {"extra_hosts": ["db:10.0.0.2"]})
case("links dict", {"links": {"db": "database", "cache": None}})
case("links pairs", {"links": [["db", "database"], ["web", "web"]]})
case("links strings", {"links": ["db:database", "cache"]}, differs="docker-py cannot take \"name:alias\" strings; we do",
     expected={"HostConfig.Links": ["cache", "db:database"]}, base={})
# --- network ---
case("network_mode host", {"network_mode": "host"})
case("network_mode none", {"network_mode": "none"})
case("network_mode container", {"network_mode": "container:abc"})
case("network_mode host with ports", {"network_mode": "host", "ports": {"80/tcp": 80}})
case("network and network_mode", {"network": "n1", "network_mode": "bridge"},
     run_rejects='RuntimeError: The options "network" and "network_mode" can not be used together.',
     differs="docker-py sends NetworkingConfig {n1: null}; we send a real EndpointsConfig",
     expected={"NetworkingConfig": {"EndpointsConfig": {"n1": {}}}})
case("network and network_mode host with ports", {"network": "n1", "network_mode": "host", "ports": {"80/tcp": 80}},
     run_rejects='RuntimeError: The options "network" and "network_mode" can not be used together.',
     differs="docker-py sends NetworkingConfig {n1: null}; we send a real EndpointsConfig",
     expected={"NetworkingConfig": {"EndpointsConfig": {"n1": {}}}})
case("networking_config without network", {"networking_config": {"n1": {}}},
     run_rejects='RuntimeError: The option "networking_config" can not be used without "network".')
case("networking_config with network_mode", {"networking_config": {"n1": {"Aliases": ["a"]}}, "network_mode": "none"},
     run_rejects='RuntimeError: The option "networking_config" can not be used without "network".')
case("networking_config empty", {"networking_config": {}})
case("network empty string", {"network": "", "network_mode": "none", "networking_config": {}})
case("network", {"network": "n1"}, differs="docker-py sends NetworkingConfig {n1: null}; we send a real EndpointsConfig",
     expected={"NetworkingConfig": {"EndpointsConfig": {"n1": {}}}})
case("network with config", {"network": "n1", "networking_config": {"n1": {"Aliases": ["web"]}}})
case("network with config other net", {"network": "n1", "networking_config": {"n2": {"Aliases": ["x"]}}},
     differs="docker-py sends NetworkingConfig {n1: null}; we send a real EndpointsConfig",
     expected={"NetworkingConfig": {"EndpointsConfig": {"n1": {}}}})
case("network endpoint snake", {"network": "n1", "networking_config": {"n1": {"aliases": ["web"], "ipv4_address": "172.20.0.5"}}},
     differs="docker-py sends EndpointConfig keyword names as they are; we translate them as EndpointConfig() does",
     expected={"NetworkingConfig": {"EndpointsConfig": {"n1": {"Aliases": ["web"], "IPAMConfig": {"IPv4Address": "172.20.0.5"}}}}})
case("mac_address new api", {"mac_address": "02:42:ac:11:00:02"}, version="1.44",
     differs="at API 1.44+ the engine reads the MAC address from the endpoint, not Config",
     expected={"MacAddress": "__absent__", "NetworkingConfig": {"EndpointsConfig": {"bridge": {"MacAddress": "02:42:ac:11:00:02"}}}})
# --- healthcheck and stop ---
case("healthcheck str", {"healthcheck": {"test": "curl -f http://localhost/", "interval": 30000000000, "retries": 3}})
case("healthcheck list", {"healthcheck": {"test": ["CMD", "true"], "timeout": 1000000000, "start_period": 5000000000}})
case("healthcheck pascal", {"healthcheck": {"Test": ["NONE"]}})
case("healthcheck empty", {"healthcheck": {}})
case("healthcheck start_period old api", {"healthcheck": {"StartPeriod": 5}}, version="1.28")
case("healthcheck duration strings", {"healthcheck": {"test": "true", "interval": "30s", "timeout": "1m30s"}},
     differs="docker-py takes only nanoseconds; we also take duration strings",
     expected={"Healthcheck": {"Test": ["CMD-SHELL", "true"], "Interval": 30000000000, "Timeout": 90000000000, "Retries": None, "StartPeriod": None}})
case("stop_timeout", {"stop_timeout": 30}, differs="docker-py's run()/create() reject stop_timeout; we send StopTimeout",
     expected={"StopTimeout": 30}, base={})
# --- combinations ---
case("web server", {"name": "web", "detach": True, "ports": {"80/tcp": {"HostIp": "127.0.0.1", "HostPort": 8080}},
                    "environment": {"MODE": "prod"}, "labels": {"app": "web"}, "restart_policy": {"Name": "unless-stopped"},
                    "mem_limit": "256m", "cpu_shares": 256}, command="httpd -f -p 80")
case("batch job", {"working_dir": "/work", "volumes": {"/srv/in": {"bind": "/in", "mode": "ro"}},
                   "user": "nobody", "auto_remove": True, "network_disabled": True}, command=["sh", "-c", "wc -l /in/*"])
case("hardened", {"read_only": True, "cap_drop": ["ALL"], "security_opt": ["no-new-privileges"],
                  "pids_limit": 64, "tmpfs": {"/tmp": "size=16m"}, "ulimits": [{"name": "nofile", "soft": 64, "hard": 64}]})
case("interactive", {"tty": True, "stdin_open": True, "entrypoint": "/bin/sh"})
case("everything network", {"network": "n1", "networking_config": {"n1": {"Aliases": ["a"], "Links": ["x:y"]}},
                            "dns": ["1.1.1.1"], "extra_hosts": {"h": "1.2.3.4"}, "hostname": "box"})
case("ports and volumes", {"ports": {"22/tcp": 2222, "80/tcp": None}, "volumes": ["/a:/a", "/b:/b:ro"]})
case("api 1.30 full", {"mounts": [{"Target": "/m", "Type": "volume"}], "init": True, "auto_remove": True}, version="1.30")
case("api 1.24 basics", {"environment": ["A=B"], "mem_limit": "64m", "cpu_shares": 2}, version="1.24")
# --- raw escape hatch ---
case("raw HostConfig", {"mem_limit": "64m", "HostConfig": {"Memory": 1, "OomScoreAdj": 7}},
     differs="raw Engine API fields are our escape hatch; docker-py has none",
     expected={"HostConfig.Memory": 1, "HostConfig.OomScoreAdj": 7}, base={"mem_limit": "64m"})
case("raw Config", {"Config": {"StopTimeout": 5, "ArgsEscaped": False}},
     differs="raw Engine API fields are our escape hatch; docker-py has none",
     expected={"StopTimeout": 5, "ArgsEscaped": False}, base={})
# --- rejected by both ---
case("unknown key", {"enviroment": {}})
case("image as option", {"image": "x"}, rejects="TypeError: got multiple values for argument 'image'")


def apply_expected(body, patch):
    """Our expected body: docker-py's, with the listed fields set (dotted paths)."""
    out = json.loads(json.dumps(body))
    for path, value in patch.items():
        node = out
        parts = path.split(".")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        if value == "__absent__":
            node.pop(parts[-1], None)
        else:
            node[parts[-1]] = value
    return out


def main():
    out = []
    for c in CASES:
        entry = {k: c[k] for k in ("name", "image", "command", "options", "api_version")}
        try:
            got = docker_py_body(c["image"], c["command"], c["options"], c["api_version"])
            entry["docker_py"] = got
        except Exception as e:  # docker-py rejects it
            got = None
            entry["docker_py_error"] = f"{type(e).__name__}: {e}"
        if c["rejects"]:
            # create() and run() reject these by their signatures, before the translation.
            got = None
            entry.pop("docker_py", None)
            entry["docker_py_error"] = c["rejects"]
        if c["run_rejects"]:
            # docker-py's run() rejects these before create() sees them; create() takes them.
            entry["run_error"] = c["run_rejects"]
        if c["ours_rejects"]:
            entry["deliberate_difference"] = c["differs"]
            entry["expected_error"] = True
        elif c["differs"]:
            entry["deliberate_difference"] = c["differs"]
            if got is None:
                got = docker_py_body(c["image"], c["command"], c["base"], c["api_version"])
            entry["expected"] = dict(got, body=apply_expected(got["body"], c["expected"]))
        elif got is not None:
            entry["expected"] = got
        else:
            entry["expected_error"] = True
        out.append(entry)
    # --out FILE writes elsewhere (make check-golden compares that with the committed file).
    path = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else os.path.join(HERE, "create_bodies.json")
    with open(path, "w") as f:
        json.dump({"generator": "tests/golden/gen_create_bodies.py", "docker_py_version": docker.__version__,
                   "cases": out}, f, indent=1, sort_keys=False)
        f.write("\n")
    print(f"{len(out)} cases written to {path} (docker-py {docker.__version__})")


if __name__ == "__main__":
    sys.exit(main())
