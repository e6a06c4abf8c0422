#!/usr/bin/env bash
# 40-podman.sh: Podman (rootful) for the second-engine tests: podman, conmon and crun come as its
# dependencies; netavark and aardvark-dns are its network backend (no CNI, no slirp4netns as root);
# catatonit is its init for --init. Installs only what is missing, quietly.
set -euo pipefail
need=()
for p in podman netavark aardvark-dns catatonit; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
