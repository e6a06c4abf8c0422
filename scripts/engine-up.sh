#!/usr/bin/env bash
# engine-up.sh: make sure a Docker engine answers and the test image exists.
# - If an engine answers /_ping at DOCKER_HOST (or /var/run/docker.sock), it is left alone.
# - Otherwise, for the default socket and as root, dockerd is started in the background and
#   waited for; after 60 s this fails loudly with dockerd's log.
# - The test image dc-test/busybox:latest is built from the static busybox (no registry needed).
set -euo pipefail

IMAGE=dc-test/busybox:latest
DEFAULT_SOCK=/var/run/docker.sock
LOGDIR=${DC_LOG_DIR:-/var/log}
DOCKERD_LOG=$LOGDIR/dc-dockerd.log

host=${DOCKER_HOST:-unix://$DEFAULT_SOCK}
ping() {
  case "$host" in
    unix://*) curl -sf --max-time 3 --unix-socket "${host#unix://}" http://localhost/_ping 2>/dev/null | grep -q OK ;;
    tcp://*|http://*) h=${host#*://}; curl -sf --max-time 3 "http://${h%/}/_ping" 2>/dev/null | grep -q OK ;;
    *) echo "engine-up: DOCKER_HOST=$host is not a unix:// or tcp:// address" >&2; return 2 ;;
  esac
}

started=no
if ! ping; then
  sock=${host#unix://}
  if [ "$host" != "unix://$DEFAULT_SOCK" ] && [ "$sock" != "$DEFAULT_SOCK" ]; then
    echo "engine-up: no engine answers at $host, and only the default socket's engine is started here" >&2
    exit 1
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "engine-up: no engine answers at $host and starting dockerd needs root" >&2
    exit 1
  fi
  command -v dockerd >/dev/null || { echo "engine-up: dockerd is not installed (run scripts/install-deps.sh)" >&2; exit 1; }
  # A dead dockerd may have left its pid file and socket behind.
  if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    rm -f /var/run/docker.pid
  fi
  if ! pgrep -x dockerd >/dev/null; then
    rm -f "$DEFAULT_SOCK"
    mkdir -p "$LOGDIR"
    # containerd comes with docker.io; dockerd starts its own when none runs.
    nohup dockerd >"$DOCKERD_LOG" 2>&1 </dev/null &
    started=yes
  fi
  for _ in $(seq 1 120); do
    ping && break
    sleep 0.5
  done
  if ! ping; then
    echo "engine-up: dockerd did not answer /_ping within 60 s. Its log ($DOCKERD_LOG):" >&2
    tail -n 100 "$DOCKERD_LOG" >&2 || true
    exit 1
  fi
fi

built=no
if ! docker image inspect "$IMAGE" >/dev/null 2>&1; then
  bash "$(dirname "$0")/busybox-rootfs.sh" engine-up | docker import --change 'CMD ["sh"]' - "$IMAGE" >/dev/null
  built=yes
fi
# docker-py's examples say busybox: offer the same name when nothing else has it.
if ! docker image inspect busybox:latest >/dev/null 2>&1; then
  docker tag "$IMAGE" busybox:latest
fi

ver=$(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})' 2>/dev/null || echo "?")
echo "engine-up: engine $([ $started = yes ] && echo started || echo already up) at $host, $ver; image $IMAGE $([ $built = yes ] && echo built || echo present)"
