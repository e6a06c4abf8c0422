#!/usr/bin/env bash
# podman-up.sh: make sure Podman's Docker-compatible service answers on its own socket and holds
# the test image. Idempotent: a service that already answers is reused.
# - Socket: $DC_PODMAN_SOCK (default /run/dc-podman/podman.sock). Prints the DOCKER_HOST to use.
# - containers.conf (named by CONTAINERS_CONF): default_ulimits = [] (these machines refuse
#   Podman's default nofile ulimit), cgroupfs (no systemd here), netavark, k8s-file logs.
# - The test image dc-test/busybox:latest (also busybox:latest) is imported from the static
#   busybox, the same root filesystem scripts/engine-up.sh builds; no registry is needed.
# - `podman-up.sh stop` stops a service this script started.
# Fails loudly, with the service's log, when the service does not answer within 30 s.
set -euo pipefail

DIR=/run/dc-podman
SOCK=${DC_PODMAN_SOCK:-$DIR/podman.sock}
CONF=$DIR/containers.conf
PIDFILE=$DIR/service.pid
LOG=${DC_LOG_DIR:-/var/log}/dc-podman.log
IMAGE=dc-test/busybox:latest
export CONTAINERS_CONF=$CONF

ping() { curl -sf --max-time 3 --unix-socket "$SOCK" http://d/_ping 2>/dev/null | grep -q OK; }

if [ "${1:-}" = stop ]; then
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    kill "$(cat "$PIDFILE")"
    for _ in $(seq 1 50); do kill -0 "$(cat "$PIDFILE")" 2>/dev/null || break; sleep 0.1; done
    echo "podman-up: service stopped"
  fi
  rm -f "$PIDFILE"
  exit 0
fi

[ "$(id -u)" = 0 ] || { echo "podman-up: run as root (the service runs rootful)" >&2; exit 1; }
command -v podman >/dev/null || { echo "podman-up: podman is not installed (run scripts/install-deps.sh)" >&2; exit 1; }

mkdir -p "$DIR" "$(dirname "$SOCK")" "$(dirname "$LOG")"
cat >"$CONF.tmp" <<'EOF'
[containers]
default_ulimits = []
log_driver = "k8s-file"

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"

[network]
network_backend = "netavark"
EOF
mv "$CONF.tmp" "$CONF"

started=no
if ! ping; then
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    kill "$(cat "$PIDFILE")" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$SOCK"
  nohup podman system service --time=0 "unix://$SOCK" >"$LOG" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
  started=yes
  for _ in $(seq 1 60); do
    ping && break
    sleep 0.5
  done
  if ! ping; then
    echo "podman-up: podman system service did not answer /_ping on $SOCK within 30 s. Its log ($LOG):" >&2
    tail -n 60 "$LOG" >&2 || true
    exit 1
  fi
fi

built=no
if ! podman image exists "$IMAGE"; then
  bash "$(dirname "$0")/busybox-rootfs.sh" podman-up | podman import --quiet --change 'CMD ["sh"]' - "$IMAGE" >/dev/null
  built=yes
fi
# Tag explicitly: Podman resolves the short name busybox:latest to localhost/busybox:latest.
podman image exists localhost/busybox:latest || podman tag "$IMAGE" busybox:latest

ver=$(curl -sf --max-time 3 --unix-socket "$SOCK" http://d/version | python3 -c 'import json,sys; v=json.load(sys.stdin); print(v.get("Version","?"), "(API", v.get("ApiVersion","?") + ")")' 2>/dev/null || echo "?")
echo "podman-up: service $([ $started = yes ] && echo started || echo already up) at unix://$SOCK, Podman $ver; image $IMAGE $([ $built = yes ] && echo imported || echo present)"
