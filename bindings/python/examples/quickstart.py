"""The quickstart flow with docker-py's API on docker_containers: run detached, exec, logs,
stop, remove."""
import os

import docker_containers as docker

client = docker.from_env()
name = f"dcpy-quickstart-{os.getpid()}"
c = client.containers.run("dc-test/busybox:latest", "sh -c 'echo hello from the container; sleep 60'",
                          detach=True, name=name)
try:
    c.reload()  # run() gives the attributes read before the start, as docker-py does
    print(f"started {c.name} ({c.short_id}), {c.status}")
    r = c.exec_run("echo hi from exec")
    print(f"exec: exit {r.exit_code}, {r.output!r}")
    print(f"logs: {c.logs()!r}")
    c.stop(timeout=1)
    c.reload()
    print(f"stopped: {c.status}, exit {c.wait()['StatusCode']}")
finally:
    c.remove(force=True)
    print(f"removed {name}")
