#!/usr/bin/env bash
# deps.d/30-remote.sh: what the remote-engine tests need (tests/remote.rs): openssl for the
# test certificates, openssh client and server for ssh:// engines, iproute2 (ip, ss) for the
# TLS engine's bridge. Quiet when present.
set -euo pipefail

need=()
for pkg in openssl openssh-client openssh-server iproute2; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    need+=("$pkg")
  fi
done
[ ${#need[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "deps.d/30-remote: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
