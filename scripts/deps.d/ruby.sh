#!/usr/bin/env bash
# deps.d/ruby.sh: what the Ruby binding's tests need (bindings/ruby): Ruby, the ffi gem and
# minitest, all from Debian. Quiet when already present.
set -euo pipefail

have_gem() { ruby -e "require '$1'" >/dev/null 2>&1; }

need=()
command -v ruby >/dev/null 2>&1 || need+=(ruby)
if command -v ruby >/dev/null 2>&1; then
  have_gem ffi || need+=(ruby-ffi)
  have_gem minitest || need+=(ruby-minitest)
else
  need+=(ruby-ffi ruby-minitest)
fi

[ ${#need[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "deps.d/ruby: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
