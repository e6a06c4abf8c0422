#!/usr/bin/env bash
# deps.d/python.sh: pytest for the Python binding's tests, when `python3 -m pytest` is missing:
# from PyPI with the python3 on PATH, else Debian's python3-pytest.
set -euo pipefail
python3 -m pytest --version >/dev/null 2>&1 && exit 0
echo "deps.d/python: installing pytest"
if ! python3 -m pip install -q pytest >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends python3-pytest >/dev/null
fi
python3 -m pytest --version >/dev/null
