'use strict';
// Options objects -> the library's JSON: docker-py's keyword names, camelCase accepted.

const { invalid } = require('./errors');

/** memLimit -> mem_limit; keys starting upper-case (HostConfig) or already snake stay as they are. */
function snakeKey(key) {
  if (!/^[a-z][A-Za-z0-9]*$/.test(key) || !/[A-Z]/.test(key)) return key;
  return key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

/**
 * Convert an options object's top-level keys to snake_case (values are left alone: they are
 * docker-py's value shapes, Engine API objects or user data such as labels). Returns the
 * object to send, or null for none.
 */
function convert(options, what, drop = []) {
  if (options === undefined || options === null) return null;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw invalid(`${what}: options must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}`);
  }
  const out = {};
  const from = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const k = snakeKey(key);
    if (drop.includes(k)) continue;
    if (k in out) throw invalid(`${what}: option "${key}" given twice (as "${from[k]}" and "${key}")`);
    out[k] = value;
    from[k] = key;
  }
  return out;
}

/** The JSON string for the library (null when there is nothing to send). */
function toJson(options, what, drop) {
  const o = convert(options, what, drop);
  if (o === null || Object.keys(o).length === 0) return null;
  return JSON.stringify(o);
}

/** A command given as a string stays a string; a list goes into the options under `key`. */
function command(cmd, opts, key, what) {
  if (cmd === undefined || cmd === null) return [null, opts];
  if (typeof cmd === 'string') return [cmd, opts];
  if (Array.isArray(cmd) && cmd.every((s) => typeof s === 'string')) {
    return [null, { ...(opts || {}), [key]: cmd }];
  }
  throw invalid(`${what}: command must be a string or an array of strings`);
}

function str(value, name, what) {
  if (typeof value !== 'string' || value.length === 0) {
    throw invalid(`${what}: ${name} must be a non-empty string`);
  }
  return value;
}

module.exports = { snakeKey, convert, toJson, command, str };
