#!/usr/bin/env bash
# sshd-up.sh: a private sshd for the ssh:// tests (tests/remote.rs). Idempotent.
# Debian's sshd on 127.0.0.1:$DC_SSH_PORT (default 2222) with its own host key, config, pid
# file and authorized key, all under build/ssh/; the system sshd and its config are untouched.
# The test user is root, whose `docker system dial-stdio` reaches the first engine.
# Writes build/ssh/host (the ssh:// address), build/ssh/known_hosts, and the keys id_test
# (authorized) and id_wrong (not authorized).
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${DC_SSH_PORT:-2222}
DIR=$PWD/build/ssh
mkdir -p "$DIR"
chmod 700 "$DIR"
[ -f "$DIR/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$DIR/host_ed25519"
[ -f "$DIR/id_test" ] || ssh-keygen -q -t ed25519 -N '' -f "$DIR/id_test"
[ -f "$DIR/id_wrong" ] || ssh-keygen -q -t ed25519 -N '' -f "$DIR/id_wrong"
cp "$DIR/id_test.pub" "$DIR/authorized_keys"
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$DIR/host_ed25519.pub")" >"$DIR/known_hosts"
echo "ssh://root@127.0.0.1:$PORT" >"$DIR/host"
cat >"$DIR/sshd_config" <<CONF
ListenAddress 127.0.0.1:$PORT
HostKey $DIR/host_ed25519
PidFile $DIR/sshd.pid
AuthorizedKeysFile $DIR/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
SetEnv PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CONF

up() {
  ssh -o BatchMode=yes -o UserKnownHostsFile="$DIR/known_hosts" -i "$DIR/id_test" \
    -p "$PORT" root@127.0.0.1 true >/dev/null 2>&1
}
if ! up; then
  if [ -f "$DIR/sshd.pid" ] && kill -0 "$(cat "$DIR/sshd.pid")" 2>/dev/null; then
    kill "$(cat "$DIR/sshd.pid")" || true
    sleep 0.5
  fi
  if ss -ltn "sport = :$PORT" | grep -q LISTEN; then
    echo "sshd-up: port $PORT is taken by something else; set DC_SSH_PORT" >&2
    exit 1
  fi
  mkdir -p /run/sshd
  /usr/sbin/sshd -f "$DIR/sshd_config" -E "$DIR/sshd.log"
  for _ in $(seq 1 40); do up && break; sleep 0.25; done
  if ! up; then
    echo "sshd-up: sshd does not let the test key in. Its log:" >&2
    tail -n 30 "$DIR/sshd.log" >&2 || true
    exit 1
  fi
fi
echo "sshd-up: sshd at ssh://root@127.0.0.1:$PORT (keys in $DIR)"
