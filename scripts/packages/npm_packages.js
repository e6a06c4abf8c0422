'use strict';
// make packages, Node: turn a staging copy of bindings/node into the two packages npm pack makes,
// the napi-rs way. The per-platform package (docker-containers-linux-x64-gnu here) holds the
// stripped library under its soname and a package.json whose os/cpu/libc fields let npm skip it
// elsewhere; the main package lists it as an exact-version optionalDependency (written only into
// the staged copy, as napi-rs's prepublish step does, so the repository's lock file stays as is).
//
//   node scripts/packages/npm_packages.js STAGED_MAIN_DIR PLATFORM_DIR LIBRARY

const fs = require('fs');
const path = require('path');

const [mainDir, platformDir, library] = process.argv.slice(2);
if (!library) {
  console.error('usage: npm_packages.js STAGED_MAIN_DIR PLATFORM_DIR LIBRARY');
  process.exit(2);
}
const { SONAME } = require(path.resolve(mainDir, 'lib', 'ffi_table.js'));
const { packageName } = require(path.resolve(mainDir, 'lib', 'platform.js'));
const mainManifest = path.join(mainDir, 'package.json');
const main = JSON.parse(fs.readFileSync(mainManifest, 'utf8'));

const name = packageName();
const [, osName, cpu, libc] = name.match(/^docker-containers-([a-z0-9]+)-([a-z0-9]+)(?:-(gnu|musl))?$/);
const platform = {
  name,
  version: main.version,
  description: `The docker_containers native library (${SONAME}) for ${main.name} on ${osName}-${cpu}${libc ? `-${libc}` : ''}`,
  license: main.license,
  os: [osName],
  cpu: [cpu],
  ...(libc ? { libc: [libc === 'gnu' ? 'glibc' : 'musl'] } : {}),
  files: [SONAME, 'README.md'],
};
fs.rmSync(platformDir, { recursive: true, force: true });
fs.mkdirSync(platformDir, { recursive: true });
fs.writeFileSync(path.join(platformDir, 'package.json'), `${JSON.stringify(platform, null, 2)}\n`);
fs.copyFileSync(library, path.join(platformDir, SONAME));
fs.chmodSync(path.join(platformDir, SONAME), 0o755);
fs.writeFileSync(path.join(platformDir, 'README.md'),
  `# ${name}\n\nThe native library of [${main.name}](../${main.name}) for ${osName}-${cpu}. ` +
  `Installed by npm as an optional dependency of ${main.name}; not used on its own.\n`);

main.optionalDependencies = { ...(main.optionalDependencies || {}), [name]: main.version };
delete main.scripts;
fs.writeFileSync(mainManifest, `${JSON.stringify(main, null, 2)}\n`);
console.log(`npm_packages: ${main.name}@${main.version} with optionalDependency ${name}@${main.version} (${SONAME})`);
