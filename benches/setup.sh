#!/usr/bin/env bash
# setup.sh: what `make bench` needs beyond the library, kept out of the test command: a venv
# with docker-py 7.1.0 and matplotlib under build/bench/venv, and the bollard client built into
# build/bench/bollard-target. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/bench
if [ ! -x build/bench/venv/bin/python ] || ! build/bench/venv/bin/python -c 'import docker, matplotlib' 2>/dev/null; then
  python3 -m venv build/bench/venv
  build/bench/venv/bin/pip install -q docker==7.1.0 matplotlib
fi
CARGO_TARGET_DIR="$PWD/build/bench/bollard-target" cargo build -q --release --manifest-path benches/bollard/Cargo.toml
