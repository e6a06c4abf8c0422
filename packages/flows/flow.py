"""make package-test, Python: the quickstart flow from the installed wheel, run with `python -I`
in a fresh venv outside the checkout and no DOCKER_CONTAINERS_LIB. Fails unless the package and
the library it loaded both come from the venv. Its container is dcpkg-py-<pid>, always removed."""
import os
import sys

import docker_containers as docker
from docker_containers import _native


def inside(path, root):
    return os.path.realpath(path).startswith(os.path.realpath(root) + os.sep)


assert inside(docker.__file__, sys.prefix), f"package from {docker.__file__}, not the venv {sys.prefix}"
assert inside(_native.lib._name, sys.prefix), f"library from {_native.lib._name}, not the venv"
print(f"python: docker_containers {_native.VERSION} from {os.path.dirname(docker.__file__)}, "
      f"library {os.path.relpath(_native.lib._name, sys.prefix)}")

client = docker.from_env()
assert client.ping() is True
print(f"python: engine {client.version()['Version']}")
name = f"dcpkg-py-{os.getpid()}"
c = client.containers.run("dc-test/busybox:latest", "sh -c 'echo hello from the wheel; exec sleep 60'",
                          detach=True, name=name)
try:
    r = c.exec_run("sh -c 'echo 6*7 = $((6*7)); exit 3'")
    assert (r.exit_code, r.output) == (3, b"6*7 = 42\n"), r
    first = next(c.logs(stream=True, follow=True))
    assert first == b"hello from the wheel\n", first
    c.stop(timeout=1)
    assert c.wait()["StatusCode"] in (137, 143)
    print(f"python: {name} ran, exec exit 3, logs {first!r}, stopped")
finally:
    c.remove(force=True)
    client.close()
