'use strict';
// The binding against the ABI description (api/docker_containers.api.json): every function of
// the header is declared from the generated table, every result code has an error class, and
// the soname and version agree.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const native = require('../lib/native');
const errors = require('../lib/errors');
const dc = require('../lib');

const api = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'api', 'docker_containers.api.json'), 'utf8'));

test('every function of the header is bound', () => {
  const names = api.functions.map((f) => f.name);
  assert.ok(names.length > 0);
  const missing = names.filter((n) => !(n in native.table.FUNCTIONS));
  assert.deepStrictEqual(missing, [], 'functions of the header not in the Node table');
  const extra = Object.keys(native.table.FUNCTIONS).filter((n) => !names.includes(n));
  assert.deepStrictEqual(extra, [], 'functions in the Node table the header no longer has');
  for (const n of names) assert.strictEqual(typeof native.fns[n], 'function', `${n} is not declared`);
});

test('outputs and parameter counts match the description', () => {
  for (const fn of api.functions) {
    const { proto, outs } = native.table.FUNCTIONS[fn.name];
    const outParams = fn.params.filter((p) => p.direction === 'out' && p.role !== 'error');
    if (fn.fallible) assert.strictEqual(outs.length, outParams.length, fn.name);
    else assert.strictEqual(outs, null, fn.name);
    const inside = proto.slice(proto.indexOf('(') + 1, proto.lastIndexOf(')')).trim();
    assert.strictEqual(inside === '' ? 0 : inside.split(',').length, fn.params.length, fn.name);
  }
});

test('every result code has an error class', () => {
  const result = api.enums.find((e) => e.name === 'docker_result');
  for (const v of result.values) {
    assert.strictEqual(native.table.docker_result[v.name], v.value);
    if (v.value === 0) continue;
    const e = errors.errorFor(v.value, 'm');
    assert.ok(e instanceof errors.DockerError);
    assert.strictEqual(e.code, v.name);
    assert.notStrictEqual(e.constructor, errors.DockerError, `${v.name} has no class of its own`);
  }
});

test('soname and version', () => {
  assert.strictEqual(native.table.SONAME, api.soname);
  assert.strictEqual(dc.libraryVersion(), api.version);
});
