'use strict';
// A throwaway registry for the pull test: the few Registry API v2 routes dockerd uses to pull
// one single-layer image (a gzipped tar holding one file), on 127.0.0.1, which dockerd treats
// as an insecure (plain HTTP) registry by default. No registry is reachable from these
// machines otherwise.

const http = require('http');
const crypto = require('crypto');
const zlib = require('zlib');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { tarOf } = require('./helpers');

const sha = (b) => `sha256:${crypto.createHash('sha256').update(b).digest('hex')}`;

/** Serve repository `name` with tag `tag`; resolves to {port, close(), requests}. */
async function startRegistry(name, tag) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcnd-reg-'));
  fs.writeFileSync(path.join(dir, 'hello.txt'), 'pulled from the test registry\n');
  const tar = tarOf(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  const layer = zlib.gzipSync(tar);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { 'dcnd.from': 'registry' } },
      rootfs: { type: 'layers', diff_ids: [sha(tar)] },
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: sha(config) },
      layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.length, digest: sha(layer) }],
    }),
  );
  const blobs = { [sha(config)]: config, [sha(layer)]: layer };
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const send = (status, body, type) => {
      const headers = { 'Docker-Distribution-API-Version': 'registry/2.0' };
      if (body) {
        headers['Content-Type'] = type;
        headers['Content-Length'] = body.length;
      }
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.url === '/v2/') return send(200, Buffer.from('{}'), 'application/json');
    if (req.url === `/v2/${name}/manifests/${tag}` || req.url === `/v2/${name}/manifests/${sha(manifest)}`) {
      res.setHeader('Docker-Content-Digest', sha(manifest));
      return send(200, manifest, 'application/vnd.docker.distribution.manifest.v2+json');
    }
    const m = req.url.match(new RegExp(`^/v2/${name}/blobs/(sha256:[0-9a-f]{64})$`));
    if (m && blobs[m[1]]) return send(200, blobs[m[1]], 'application/octet-stream');
    return send(404, Buffer.from('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"unknown"}]}'), 'application/json');
  });
  // dockerd tries TLS first on an insecure registry, then plain HTTP: a TLS hello is just
  // a bad request to this server, which closes the connection.
  server.on('clientError', (err, socket) => socket.destroy());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

module.exports = { startRegistry };
