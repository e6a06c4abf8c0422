#!/usr/bin/env python3
"""A small Docker registry for the pull tests: the distribution API v2 pull endpoints (/v2/,
manifests, blobs) over plain HTTP on 127.0.0.1, serving one image made at start (one layer
holding the --file entries, gzipped with --gzip; a config with the --label entries). No registry is reachable from
these machines, and dockerd treats 127.0.0.0/8 registries as insecure (plain HTTP), so this lets
images.pull run for real: dockerd does the pull; only the registry is ours.

  python3 scripts/test-registry.py [--repo NAME] [--tag TAG] [--file PATH=TEXT]... \
      [--label KEY=VALUE]... [--gzip] [--log FILE]

It prints "port N" on its first line once it listens, logs each request as "VERB PATH" to
--log, and exits when its standard input closes (so it never outlives the test that started
it). Without --repo every repository name is served; with it, others are 404 NAME_UNKNOWN.
Without --tag every tag but "nope" is served; with it, other tags are 404 MANIFEST_UNKNOWN.
"""
import argparse
import gzip
import hashlib
import http.server
import io
import json
import os
import secrets
import sys
import tarfile
import threading
import time


def digest(b):
    return "sha256:" + hashlib.sha256(b).hexdigest()


def layer_tar(files):
    """The layer: the files, owned by a random user name, so that each start makes a layer of
    its own and a pull downloads it even when an earlier run's layer of the same files is still
    in the engine's layer store (dockerd would say "Already exists" instead of "Pull complete")."""
    owner = secrets.token_hex(8)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for path, text in files:
            data = text.encode()
            info = tarfile.TarInfo(path)
            info.size, info.mode, info.mtime, info.uname = len(data), 0o644, int(time.time()), owner
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def pair(s, what):
    k, sep, v = s.partition("=")
    if not sep or not k:
        sys.exit(f"test-registry: {what} {s!r} is not KEY=VALUE")
    return k, v.replace("\\n", "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repo")
    ap.add_argument("--tag")
    ap.add_argument("--file", action="append", default=[])
    ap.add_argument("--label", action="append", default=[])
    ap.add_argument("--gzip", action="store_true")
    ap.add_argument("--log")
    a = ap.parse_args()
    files = [pair(f, "--file") for f in a.file] or [("registry-file.txt", "pulled\n")]
    labels = dict(pair(lb, "--label") for lb in a.label)
    tar = layer_tar(files)
    layer = gzip.compress(tar, mtime=0) if a.gzip else tar
    layer_type = "application/vnd.docker.image.rootfs.diff.tar" + (".gzip" if a.gzip else "")
    config = json.dumps({
        "architecture": "amd64", "os": "linux",
        "config": {"Cmd": ["sh"], "Labels": labels},
        "rootfs": {"type": "layers", "diff_ids": [digest(tar)]},
    }).encode()
    blobs = {digest(layer): layer, digest(config): config}
    manifest = json.dumps({
        "schemaVersion": 2,
        "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "config": {"mediaType": "application/vnd.docker.container.image.v1+json",
                   "size": len(config), "digest": digest(config)},
        "layers": [{"mediaType": layer_type, "size": len(layer), "digest": digest(layer)}],
    }).encode()
    log = open(a.log, "a", buffering=1) if a.log else None
    lock = threading.Lock()

    def error(code, message, detail=None):
        body = {"errors": [{"code": code, "message": message, "detail": detail or {}}]}
        return 404, "application/json", json.dumps(body).encode(), {}

    def route(path):
        if path in ("/v2/", "/v2"):
            return 200, "application/json", b"{}", {}
        if not path.startswith("/v2/"):
            return 404, "application/json", b"{}", {}
        rest = path[len("/v2/"):]
        for kind in ("/manifests/", "/blobs/"):
            name, sep, ref = rest.rpartition(kind)
            if sep:
                break
        else:
            return 404, "application/json", b"{}", {}
        if a.repo is not None and name != a.repo:
            return error("NAME_UNKNOWN", "repository name not known to registry", {"name": name})
        if kind == "/manifests/":
            if (a.tag is not None and ref != a.tag and ref != digest(manifest)) or ref == "nope":
                return error("MANIFEST_UNKNOWN", "manifest unknown", {"tag": ref})
            return (200, "application/vnd.docker.distribution.manifest.v2+json", manifest,
                    {"Docker-Content-Digest": digest(manifest)})
        blob = blobs.get(ref)
        if blob is None:
            return error("BLOB_UNKNOWN", "blob unknown to registry", {"digest": ref})
        return 200, "application/octet-stream", blob, {"Docker-Content-Digest": ref}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def answer(self, head_only):
            if log:
                with lock:
                    log.write(f"{self.command} {self.path}\n")
            status, ctype, body, extra = route(self.path.split("?", 1)[0])
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Docker-Distribution-API-Version", "registry/2.0")
            for k, v in extra.items():
                self.send_header(k, v)
            self.end_headers()
            if not head_only:
                self.wfile.write(body)

        def do_GET(self):
            self.answer(False)

        def do_HEAD(self):
            self.answer(True)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"port {server.server_address[1]}", flush=True)

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
