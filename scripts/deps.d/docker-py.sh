#!/usr/bin/env bash
# deps.d/docker-py.sh: docker-py 7.1.0 from PyPI, the reference the Python binding's low-level
# client is compared with (bindings/python/tests/test_api_reference.py: its HostConfig,
# ContainerConfig, types and utils, and the containers it creates on the same engine), when
# `import docker` is missing or another version.
set -euo pipefail
DOCKER_PY_VERSION=7.1.0
have=$(python3 -c 'import docker; print(docker.__version__)' 2>/dev/null || true)
[ "$have" = "$DOCKER_PY_VERSION" ] && exit 0
echo "deps.d/docker-py: installing docker $DOCKER_PY_VERSION"
python3 -m pip install -q "docker==$DOCKER_PY_VERSION"
python3 -c 'import docker' >/dev/null
