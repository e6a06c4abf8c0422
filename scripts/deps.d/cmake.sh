#!/usr/bin/env bash
# deps.d/cmake.sh: CMake for the C++ example and tests built against an install prefix
# (make cmake-test), from Debian, when `cmake` is missing.
set -euo pipefail
command -v cmake >/dev/null 2>&1 && exit 0
echo "deps.d/cmake: installing cmake"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends cmake >/dev/null
cmake --version >/dev/null
