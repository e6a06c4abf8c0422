#!/usr/bin/env bash
# deps.d/ruby.sh: what the Ruby binding's tests need (bindings/ruby): Ruby, the ffi gem and
# minitest, all from Debian. Quiet when already present.
set -euo pipefail

need=()
for pkg in ruby ruby-ffi ruby-minitest; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    need+=("$pkg")
  fi
done
[ ${#need[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "deps.d/ruby: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
ruby -e 'require "ffi"; require "minitest"' || { echo "deps.d/ruby: ffi or minitest still missing" >&2; exit 1; }
