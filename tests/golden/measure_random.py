#!/usr/bin/env python3
"""Random create() keyword sets through docker-py and through translate_create, bodies compared.

Not part of make test: a measurement (issue 16 "Create and run options"). Needs docker==7.1.0
(as gen_create_bodies.py does) and builds examples/translate_create.rs:

    python3 tests/golden/measure_random.py [N] [SEED]     # default 12000 sets, seed 16

Each set takes 1 to 6 keys from POOL, each with one of its values (JSON; port binding objects
with "HostIp" are docker-py tuples, see gen_create_bodies.to_python). A set counts as the same
when both give the same body, name and platform, or both refuse it; else it is listed by the
keys it holds; one whose only difference is deliberate (README, create_options.rs) is counted apart.
"""
import collections
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_create_bodies as gen  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

POOL = {
    "name": ["web", "a-b_c"],
    "hostname": ["h1"], "domainname": ["example.org"], "user": ["nobody", 1000, True],
    "working_dir": ["/tmp"], "tty": [True, False], "stdin_open": [True, False], "detach": [True, False],
    "stop_signal": ["SIGINT"], "network_disabled": [True], "entrypoint": ["/bin/sh -c", ["/bin/sh"]],
    "environment": [{"A": "1", "N": 5}, ["A=1"], {"E": None}],
    "labels": [{"a": "1"}, ["x", "y"]],
    "ports": [{"80/tcp": 8080}, {"80": None}, {"80/tcp": {"HostIp": "127.0.0.1", "HostPort": 8080}},
              {"80/tcp": {"HostIp": "myhost", "HostPort": 8080}}, {"80/tcp": ["127.0.0.1", 8080]},
              {"80/tcp": [8080, 8081]}, {"53/udp": {"HostIp": "::1"}}, {"80/tcp": {"HostPort": "9"}},
              {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": 1}, 2]}],
    "volumes": [{"/srv": {"bind": "/data", "mode": "ro"}}, ["/a:/b", "/c:/d:ro"], ["c:\\data:/data"],
                ["C:/x:/y:ro"], ["v:/data"], ["/anon"], {"/x": {"bind": "/y", "ro": True}}],
    "mem_limit": ["512m", 1048576, "1_000k", "1.5g", True, "12q", " 64m"],
    "memswap_limit": ["1g", -1, True], "mem_reservation": ["128m", 0, True], "kernel_memory": ["64m"],
    "mem_swappiness": [10, True, "10"], "shm_size": ["64m", 1024, True, "6_4m"],
    "cpu_shares": [512, 0, True, "512"], "cpu_period": [100000, True], "cpu_quota": [50000, 1.5],
    "cpuset_cpus": ["0-1"], "cpuset_mems": ["0"], "nano_cpus": [1000000000, True],
    "pids_limit": [100, True], "blkio_weight": [300], "oom_score_adj": [500, True],
    "oom_kill_disable": [True], "privileged": [True, False], "read_only": [True, False],
    "cap_add": [["NET_ADMIN"]], "cap_drop": [["ALL"]], "security_opt": [["no-new-privileges"]],
    "devices": [["/dev/fuse"], ["/dev/sda:/dev/xvda:rwm"]], "group_add": [["audio", 1000]],
    "dns": [["8.8.8.8"]], "dns_search": [["example.org"]], "dns_opt": [["ndots:2"]],
    "extra_hosts": [{"db": "10.0.0.2"}, ["db:10.0.0.2"]], "links": [{"db": "alias"}],
    "network_mode": ["host", "none", "bridge"], "network": ["n1"],
    "networking_config": [{"n1": {"Aliases": ["a"]}}, {"n2": {}}],
    "restart_policy": [{"Name": "always"}, {"Name": "on-failure", "MaximumRetryCount": 3}],
    "log_config": [{"type": "json-file", "config": {"max-size": "1m"}}],
    "ulimits": [[{"name": "nofile", "soft": 1024, "hard": 2048}]],
    "tmpfs": [{"/run": "size=64m"}, ["/tmp"]], "sysctls": [{"net.core.somaxconn": 1024}],
    "healthcheck": [{}, {"test": "true", "interval": 1000000000}, {"Test": ["NONE"]}],
    "auto_remove": [True], "init": [True], "runtime": ["runc"], "platform": ["linux/amd64"],
    "mac_address": ["02:42:ac:11:00:02"], "publish_all_ports": [True], "pid_mode": ["host"],
    "ipc_mode": ["shareable"], "userns_mode": ["host"], "uts_mode": ["host"], "cgroupns": ["private"],
    "mounts": [[{"Target": "/m", "Source": "v", "Type": "volume"}]],
    "device_requests": [[{"count": -1, "capabilities": [["gpu"]]}]],
}


def deliberate(theirs):
    """docker-py's body with the deliberate differences (README, create_options.rs) applied:
    `network` alone gives a real EndpointsConfig where docker-py sends {net: null}."""
    body = theirs.get("body", {})
    nc = body.get("NetworkingConfig")
    if isinstance(nc, dict) and "EndpointsConfig" not in nc:
        body = dict(body, NetworkingConfig={"EndpointsConfig": {k: v or {} for k, v in nc.items()}})
    return dict(theirs, body=body)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 12000
    rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 16)
    keys = sorted(POOL)
    cases = []
    for _ in range(n):
        opts = {k: rnd.choice(POOL[k]) for k in rnd.sample(keys, rnd.randint(1, 6))}
        cases.append({"image": "busybox:latest", "command": rnd.choice([None, "echo hi"]),
                      "options": opts, "api_version": "1.41"})
    subprocess.run(["cargo", "build", "-q", "--example", "translate_create"], cwd=ROOT, check=True)
    ours = subprocess.run([os.path.join(ROOT, "target/debug/examples/translate_create")],
                          input="\n".join(json.dumps(c) for c in cases) + "\n", capture_output=True,
                          text=True, check=True).stdout.splitlines()
    same, documented, other = 0, 0, collections.Counter()
    examples = {}
    for c, line in zip(cases, ours):
        got = json.loads(line)
        try:
            theirs = gen.docker_py_body(c["image"], c["command"], c["options"], c["api_version"])
        except Exception as e:  # docker-py refuses it
            theirs = {"error": f"{type(e).__name__}: {e}"}
        if ("error" in got) == ("error" in theirs) and ("error" in got or got == theirs):
            same += 1
        elif "error" not in got and "error" not in theirs and got == deliberate(theirs):
            documented += 1
        else:
            sig = ",".join(sorted(c["options"]))
            other[sig] += 1
            examples.setdefault(sig, (c["options"], theirs, got))
    print(f"{n} sets: {same} the same ({100 * same / n:.1f}%), {documented} deliberate differences "
          f"({100 * documented / n:.1f}%), {n - same - documented} other")
    for sig, count in other.most_common(10):
        o, t, g = examples[sig]
        print(f"  {count}x {sig}\n    options {json.dumps(o)}\n    docker-py {json.dumps(t)[:300]}\n"
              f"    ours      {json.dumps(g)[:300]}")


if __name__ == "__main__":
    sys.exit(main())
