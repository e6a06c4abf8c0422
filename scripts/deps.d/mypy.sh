#!/usr/bin/env bash
# deps.d/mypy.sh: mypy for the Python binding's type check (make python-types), when
# `python3 -m mypy` is missing or older than 1.11 (typed **kwargs need it): from PyPI with the
# python3 on PATH.
set -euo pipefail
MYPY_VERSION=1.13.0
have=$(python3 -m mypy --version 2>/dev/null | awk '{print $2}' || true)
if [ -n "$have" ] && [ "$(printf '%s\n1.11\n' "$have" | sort -V | head -1)" = "1.11" ]; then exit 0; fi
echo "deps.d/mypy: installing mypy $MYPY_VERSION"
python3 -m pip install -q "mypy==$MYPY_VERSION"
python3 -m mypy --version >/dev/null
