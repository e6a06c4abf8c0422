#!/usr/bin/env bash
# deps.d/packages.sh: what make packages and make package-test need beyond the bindings' own
# toolchains: Python's venv module, and, pinned from PyPI for the python3 on PATH, build (the
# PEP 517 front end), hatchling (the wheel's build backend) and auditwheel (which checks the
# wheel's manylinux tag); binutils (strip, objcopy, readelf) for the stripped library. Quiet when
# all is there.
set -euo pipefail
BUILD_VERSION=1.6.1
HATCHLING_VERSION=1.33.0
AUDITWHEEL_VERSION=6.8.2

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
apt_need=()
command -v readelf >/dev/null 2>&1 || apt_need+=(binutils)
python3 -c 'import ensurepip, venv' 2>/dev/null || apt_need+=(python3-venv)
python3 -m pip --version >/dev/null 2>&1 || apt_need+=(python3-pip)
if [ ${#apt_need[@]} -gt 0 ]; then
  echo "deps.d/packages: installing ${apt_need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends "${apt_need[@]}" >/dev/null
fi

python3 - "$BUILD_VERSION" "$HATCHLING_VERSION" "$AUDITWHEEL_VERSION" <<'PY' && exit 0
import sys
from importlib.metadata import version, PackageNotFoundError
want = dict(zip(["build", "hatchling", "auditwheel"], sys.argv[1:]))
try:
    sys.exit(0 if all(version(n) == v for n, v in want.items()) else 1)
except PackageNotFoundError:
    sys.exit(1)
PY
pins=("build==$BUILD_VERSION" "hatchling==$HATCHLING_VERSION" "auditwheel==$AUDITWHEEL_VERSION")
echo "deps.d/packages: installing ${pins[*]}"
# Debian's own python3 is "externally managed" (PEP 668): pip then needs to be told.
python3 -m pip install -q "${pins[@]}" 2>/dev/null \
  || python3 -m pip install -q --break-system-packages "${pins[@]}"
python3 -c 'import build, hatchling, auditwheel' || { echo "deps.d/packages: build, hatchling or auditwheel still missing" >&2; exit 1; }
