#!/usr/bin/env bash
# tls-engine-up.sh: a second dockerd that only speaks TLS, for tests/remote.rs. Idempotent.
# - Certificates under build/tls/ (made once with openssl): a CA, a server certificate for
#   localhost and 127.0.0.1, a client certificate, and a second, unrelated CA ("wrong CA").
# - dockerd on tcp://127.0.0.1:$DC_TLS_PORT (default 2376) with --tlsverify, its own data root,
#   exec root, pid file and bridge (dctls0), iptables off. The first engine is not touched.
# - The test image is copied in from the first engine.
# Writes build/tls/host (the engine address) for the tests.
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${DC_TLS_PORT:-2376}
IMAGE=dc-test/busybox:latest
DIR=$PWD/build/tls
STATE=/var/lib/dc-tls-engine
RUN=/var/run/dc-tls-engine
PIDFILE=$RUN/dockerd.pid
LOG=${DC_LOG_DIR:-/var/log}/dc-tls-dockerd.log
BRIDGE=dctls0
mkdir -p "$DIR" "$STATE" "$RUN"

# --- certificates -----------------------------------------------------------------------------
ca() { # name subject
  [ -f "$DIR/$1.pem" ] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=$2" \
    -keyout "$DIR/$1-key.pem" -out "$DIR/$1.pem" 2>/dev/null
}
leaf() { # name ca subject extfile-text
  [ -f "$DIR/$1-cert.pem" ] && return 0
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$3" -keyout "$DIR/$1-key.pem" \
    -out "$DIR/$1.csr" 2>/dev/null
  printf '%s\n' "$4" >"$DIR/$1.ext"
  openssl x509 -req -days 3650 -in "$DIR/$1.csr" -CA "$DIR/$2.pem" -CAkey "$DIR/$2-key.pem" \
    -CAcreateserial -extfile "$DIR/$1.ext" -out "$DIR/$1-cert.pem" 2>/dev/null
  rm -f "$DIR/$1.csr"
}
ca ca "dc-test CA"
ca wrong-ca "dc-test wrong CA"
leaf server ca localhost "subjectAltName=DNS:localhost,IP:127.0.0.1
extendedKeyUsage=serverAuth"
leaf client ca dc-test-client "extendedKeyUsage=clientAuth"
chmod 600 "$DIR"/*-key.pem
# A DOCKER_CERT_PATH-shaped directory.
mkdir -p "$DIR/client"
cp "$DIR/ca.pem" "$DIR/client/ca.pem"
cp "$DIR/client-cert.pem" "$DIR/client/cert.pem"
cp "$DIR/client-key.pem" "$DIR/client/key.pem"
echo "tcp://127.0.0.1:$PORT" >"$DIR/host"

dk() { docker -H "tcp://127.0.0.1:$PORT" --tlsverify --tlscacert "$DIR/ca.pem" \
  --tlscert "$DIR/client-cert.pem" --tlskey "$DIR/client-key.pem" "$@"; }
ping() { dk version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# --- the engine -------------------------------------------------------------------------------
if ! ping; then
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    # Ours, but started with other certificates (another checkout's build/tls): restart it.
    old="$(cat "$PIDFILE")"
    echo "tls-engine-up: our dockerd (pid $old) does not answer with these certificates; restarting it" >&2
    kill "$old" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$old" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$old" 2>/dev/null || true
    sleep 1
  fi
  if ss -ltn "sport = :$PORT" | grep -q LISTEN; then
    echo "tls-engine-up: port $PORT is taken by something else; set DC_TLS_PORT" >&2
    exit 1
  else
    rm -f "$PIDFILE"
    if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
      ip link add "$BRIDGE" type bridge
      ip addr add 10.99.0.1/24 dev "$BRIDGE"
    fi
    ip link set "$BRIDGE" up
    nohup dockerd --data-root "$STATE" --exec-root "$RUN/exec" -p "$PIDFILE" \
      --iptables=false --ip-masq=false --bridge "$BRIDGE" \
      -H "tcp://127.0.0.1:$PORT" --tlsverify --tlscacert "$DIR/ca.pem" \
      --tlscert "$DIR/server-cert.pem" --tlskey "$DIR/server-key.pem" \
      >"$LOG" 2>&1 </dev/null &
  fi
  for _ in $(seq 1 120); do ping && break; sleep 0.5; done
  if ! ping; then
    echo "tls-engine-up: the TLS dockerd did not answer within 60 s. Its log ($LOG):" >&2
    tail -n 50 "$LOG" >&2 || true
    exit 1
  fi
fi

if ! dk image inspect "$IMAGE" >/dev/null 2>&1; then
  bash scripts/engine-up.sh >/dev/null
  docker save "$IMAGE" | dk load >/dev/null
fi
echo "tls-engine-up: TLS engine at tcp://127.0.0.1:$PORT (certificates in $DIR)"
