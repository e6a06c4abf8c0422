#!/usr/bin/env bash
# deps.d/api.sh: pycparser, pinned, for scripts/api/gen_api.py (make api, make check-api), from
# PyPI with the python3 on PATH. Quiet when the pinned version is already there.
set -euo pipefail
PYCPARSER_VERSION=3.0

have=$(python3 -c 'import pycparser; print(pycparser.__version__)' 2>/dev/null || true)
# pycparser spells 3.0 as "3.00" in __version__; compare as numbers.
python3 - "$have" "$PYCPARSER_VERSION" <<'PY' && exit 0
import sys
have, want = sys.argv[1:]
sys.exit(0 if have and float(have) == float(want) else 1)
PY
echo "deps.d/api: installing pycparser $PYCPARSER_VERSION"
if ! python3 -m pip --version >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends python3-pip >/dev/null
fi
# Debian's own python3 is "externally managed" (PEP 668): pip then needs to be told.
python3 -m pip install -q "pycparser==$PYCPARSER_VERSION" 2>/dev/null \
  || python3 -m pip install -q --break-system-packages "pycparser==$PYCPARSER_VERSION"
python3 -c 'import pycparser' || { echo "deps.d/api: pycparser still missing" >&2; exit 1; }
