'use strict';
// client.volumes and Volume: docker-py's volumes API over docker_volumes_* and docker_volume_*.

const native = require('./native');
const { Handle } = require('./handle');
const { invalid } = require('./errors');
const { toJson, convert, str } = require('./options');
const { getEach, parse } = require('./networks');

const { call, sync } = native;

class VolumeCollection {
  constructor(client) {
    this.client = client;
  }

  /**
   * docker-py's volumes.create(name, options): {driver, driverOpts, labels}; without a name the
   * engine makes one up; an existing name gives that volume. Resolves to a Volume.
   */
  async create(name, options) {
    if (name !== undefined && name !== null && typeof name === 'object') {
      // create({name, driver, ...}), as docker-py's create(**kwargs) also allows.
      options = name;
      name = undefined;
    }
    const o = convert(options, 'volumes.create') || {};
    if (name !== undefined && name !== null) {
      str(name, 'name', 'volumes.create');
      if (o.name !== undefined && o.name !== name) throw invalid('volumes.create: name given twice');
      o.name = name;
    }
    const json = Object.keys(o).length ? JSON.stringify(o) : null;
    const ptr = await this.client._use((p) => call('docker_volumes_create', p, json));
    return Volume._make(this.client, ptr);
  }

  /** docker-py's volumes.get(name); a missing one rejects with NotFoundError. */
  async get(name) {
    str(name, 'name', 'volumes.get');
    const ptr = await this.client._use((p) => call('docker_volumes_get', p, name));
    return Volume._make(this.client, ptr);
  }

  /**
   * docker-py's volumes.list({filters}): Volume objects; with {sparse: true} the engine's list
   * entries as plain objects.
   */
  async list(options) {
    const o = convert(options, 'volumes.list') || {};
    const sparse = o.sparse === true;
    delete o.sparse;
    const json = Object.keys(o).length ? JSON.stringify(o) : null;
    const entries = parse(await this.client._use((p) => call('docker_volumes_list', p, json)));
    if (sparse) return entries;
    return getEach(
      entries.map((e) => e.Name),
      (n) => this.get(n),
    );
  }

  /** docker-py's volumes.prune({filters}): {VolumesDeleted, SpaceReclaimed}. */
  async prune(options) {
    const json = toJson(options, 'volumes.prune');
    return parse(await this.client._use((p) => call('docker_volumes_prune', p, json)));
  }
}

/** One volume (docker-py's Volume): its name (also its id), cached attributes, the calls on it. */
class Volume {
  constructor(client, handle) {
    this.client = client;
    this._h = handle;
    this.id = null;
    this.name = null;
    this.attrs = null;
  }

  static async _make(client, ptr) {
    const h = new Handle(ptr, sync.volume_free, 'volume');
    const v = new Volume(client, h);
    try {
      v.name = sync.volume_name(ptr);
      v.id = v.name;
      await v._snapshot();
    } catch (e) {
      h.close();
      throw e;
    }
    return v;
  }

  /** The first 12 characters of the name (docker-py's short_id). */
  get shortId() {
    return this.id.slice(0, 12);
  }

  async _call(fn, ...args) {
    return this._h.use((p) => call(fn, p, ...args));
  }

  async _snapshot() {
    this.attrs = parse(await this._call('docker_volume_attrs_json'));
  }

  /** Fetch the attributes again. */
  async reload() {
    await this._call('docker_volume_reload');
    await this._snapshot();
    return this;
  }

  /** Remove the volume. Options {force}; one a container uses rejects with ConflictError. */
  async remove(options) {
    return this._call('docker_volume_remove', toJson(options, 'volume.remove'));
  }

  /** Free the handle now (the volume itself is untouched); otherwise GC frees it. */
  close() {
    this._h.close();
  }
}

module.exports = { VolumeCollection, Volume };
