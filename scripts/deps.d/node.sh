#!/usr/bin/env bash
# deps.d/node.sh: what the Node binding's tests need: node (18 or later) and npm from Debian
# when missing, then the binding's locked npm dependencies (koffi; typescript and @types/node
# for make node-types). Quiet when all is there.
set -euo pipefail

here="$(cd "$(dirname "$0")/../.." && pwd)"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "deps.d/node: installing nodejs npm"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends nodejs npm >/dev/null
fi

major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 18 ]; then
  echo "deps.d/node: node $(node --version) is too old: the binding needs 18 or later" >&2
  exit 1
fi

cd "$here/bindings/node"
if [ ! -d node_modules/koffi ] || [ ! -d node_modules/typescript ]; then
  echo "deps.d/node: npm ci (bindings/node)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
