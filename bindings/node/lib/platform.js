'use strict';
// The per-platform package that carries the native library (the napi-rs and esbuild pattern):
// docker-containers-<platform>-<arch>, with -gnu or -musl on Linux, is an optionalDependency of
// the published main package (make packages adds it), so npm installs only the one that fits
// this machine. Its package.json sits beside the library, named by the soname.

const path = require('path');

function libcSuffix() {
  if (process.platform !== 'linux') return '';
  const report = process.report && process.report.getReport();
  return report && report.header && report.header.glibcVersionRuntime ? '-gnu' : '-musl';
}

/** The platform package's name for this machine, such as docker-containers-linux-x64-gnu. */
function packageName() {
  return `docker-containers-${process.platform}-${process.arch}${libcSuffix()}`;
}

/** The library the platform package carries, or null when that package is not installed. */
function bundledLibrary(soname) {
  let manifest;
  try {
    manifest = require.resolve(`${packageName()}/package.json`);
  } catch (e) {
    if (e.code === 'MODULE_NOT_FOUND') return null;
    throw e;
  }
  return path.join(path.dirname(manifest), soname);
}

module.exports = { packageName, bundledLibrary };
