#!/usr/bin/env bash
# busybox-rootfs.sh WHO: write the test image's root filesystem, as a tar, to standard output:
# the static busybox with its applets as symlinks, /etc/passwd and /etc/group with root and
# nobody. No registry needed. engine-up.sh and podman-up.sh import it; WHO names the caller in
# messages.
set -euo pipefail
who=${1:-busybox-rootfs}
bb=/bin/busybox
if [ ! -x "$bb" ] || readelf -l "$bb" 2>/dev/null | grep -q INTERP; then
  echo "$who: $bb must be the static busybox (apt-get install busybox-static)" >&2
  exit 1
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root" "$root/proc" "$root/sys" "$root/dev" "$root/var/www"
chmod 1777 "$root/tmp"
cp "$bb" "$root/bin/busybox"
for applet in $("$bb" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done
ln -s bin "$root/sbin"
mkdir -p "$root/usr"
ln -s ../bin "$root/usr/bin"
ln -s ../bin "$root/usr/sbin"
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
tar -C "$root" -c .
