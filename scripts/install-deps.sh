#!/usr/bin/env bash
# install-deps.sh: install what building and testing docker_containers needs, when missing.
# Idempotent and quiet when everything is there. Debian, as root (or with sudo).
set -euo pipefail

CBINDGEN_VERSION=0.29.0
export PATH="$HOME/.cargo/bin:$PATH"

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null && SUDO="sudo" || { echo "install-deps: run as root (or install sudo)" >&2; exit 1; }
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() {
  if ! "$@" >"$log" 2>&1; then
    echo "install-deps: failed: $*" >&2
    tail -n 50 "$log" >&2
    exit 1
  fi
}

# Debian packages: command (or file) -> package.
need=()
check() { if ! command -v "$1" >/dev/null 2>&1 && [ ! -e "$1" ]; then need+=("$2"); fi; }
check dockerd docker.io
check docker docker.io
check /bin/busybox busybox-static
check valgrind valgrind
check cc gcc
check c++ g++
check make make
check pkg-config pkg-config
check curl curl
check python3 python3
check nm binutils
[ -e /etc/ssl/certs/ca-certificates.crt ] || need+=(ca-certificates)
# busybox-static, not the dynamic busybox: the test image has no libc.
if [ -e /bin/busybox ] && LC_ALL=C readelf -l /bin/busybox 2>/dev/null | grep -q 'INTERP'; then
  need+=(busybox-static)
fi

if [ ${#need[@]} -gt 0 ]; then
  mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
  echo "install-deps: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  run $SUDO apt-get update -q
  run $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "install-deps: cargo not found: this project needs a Rust toolchain (rustup) on PATH" >&2
  exit 1
fi

for tool in fmt clippy; do
  if ! cargo "$tool" --version >/dev/null 2>&1; then
    echo "install-deps: cargo $tool not found: make lint needs the toolchain's rustfmt and clippy components" >&2
    exit 1
  fi
done

if [ "$(cbindgen --version 2>/dev/null || true)" != "cbindgen $CBINDGEN_VERSION" ]; then
  echo "install-deps: installing cbindgen $CBINDGEN_VERSION"
  run cargo install cbindgen --version "$CBINDGEN_VERSION" --locked --force
fi
# What each binding or test suite needs beyond this (toolchains, language packages, servers):
# scripts/deps.d/*.sh, each idempotent, run in name order.
for f in "$(dirname "$0")"/deps.d/*.sh; do
  [ -e "$f" ] || continue
  run bash "$f"
done
echo "install-deps: ok"
