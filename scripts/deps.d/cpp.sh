#!/usr/bin/env bash
# deps.d/cpp.sh: CMake for the C++ tests and example built against an install prefix
# (make cmake-test), and gdb, which install-test uses to check that the installed library's
# separate debug file is found. From Debian, when missing.
set -euo pipefail
need=()
command -v cmake >/dev/null 2>&1 || need+=(cmake)
command -v gdb >/dev/null 2>&1 || need+=(gdb)
[ ${#need[@]} -eq 0 ] && exit 0
echo "deps.d/cpp: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
cmake --version >/dev/null
gdb --version >/dev/null
