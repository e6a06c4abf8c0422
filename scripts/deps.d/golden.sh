#!/usr/bin/env bash
# deps.d/golden.sh: docker-py 7.1.0 in its own venv (DC_GOLDEN_VENV, default /opt/dc-golden-venv)
# for `make check-golden`, which regenerates tests/golden/create_bodies.json from docker-py and
# compares. A venv, so that docker-py's `docker` package never shadows anything system-wide.
set -euo pipefail
VENV=${DC_GOLDEN_VENV:-/opt/dc-golden-venv}
DOCKER_PY_VERSION=7.1.0
if [ -x "$VENV/bin/python" ] && \
   [ "$("$VENV/bin/python" -c 'import docker; print(docker.__version__)' 2>/dev/null)" = "$DOCKER_PY_VERSION" ]; then
  exit 0
fi
echo "deps.d/golden: docker-py $DOCKER_PY_VERSION in $VENV"
python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q "docker==$DOCKER_PY_VERSION"
