#!/usr/bin/env bash
# The Go binding's toolchain: Debian's golang-go (1.19 on bookworm; the binding needs 1.19+
# for generics and runtime/cgo.Handle). Quiet and quick when it is already there.
set -euo pipefail
if command -v go >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "install-deps: installing golang-go"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends golang-go
