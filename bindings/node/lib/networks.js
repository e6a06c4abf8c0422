'use strict';
// client.networks and Network: docker-py's networks API over docker_networks_* and
// docker_network_*. Options use docker-py's keyword names (camelCase accepted) and value
// shapes; the library translates them as docker-py does and rejects unknown keys.

const native = require('./native');
const { Handle } = require('./handle');
const { NotFoundError, invalid } = require('./errors');
const { toJson, convert, str } = require('./options');

const { call, sync } = native;

function parse(json) {
  return json === null || json === undefined ? null : JSON.parse(json);
}

/** A container argument: a Container (its id), or an id or name. */
function containerRef(container, what) {
  if (container && typeof container === 'object' && typeof container.id === 'string') return container.id;
  if (typeof container !== 'string' || container.length === 0) {
    throw invalid(`${what}: container must be a Container, an id or a name`);
  }
  return container;
}

/** Resolve each list entry to a model with `get`, leaving out those removed meanwhile. */
async function getEach(ids, get) {
  const got = await Promise.all(
    ids.map((id) =>
      get(id).catch((err) => {
        if (err instanceof NotFoundError) return null;
        throw err;
      }),
    ),
  );
  return got.filter((x) => x !== null);
}

class NetworkCollection {
  constructor(client) {
    this.client = client;
  }

  /**
   * docker-py's networks.create(name, options): {driver, options, ipam, checkDuplicate,
   * internal, labels, enableIpv6, attachable, scope, ingress}. A name in use rejects with
   * ConflictError. Resolves to a Network.
   */
  async create(name, options) {
    str(name, 'name', 'networks.create');
    const json = toJson(options, 'networks.create');
    const ptr = await this.client._use((p) => call('docker_networks_create', p, name, json));
    return Network._make(this.client, ptr);
  }

  /** docker-py's networks.get(idOrName, {verbose, scope}); a missing one rejects with NotFoundError. */
  async get(idOrName, options) {
    str(idOrName, 'id or name', 'networks.get');
    const json = toJson(options, 'networks.get');
    const ptr = await this.client._use((p) => call('docker_networks_get', p, idOrName, json));
    return Network._make(this.client, ptr);
  }

  /**
   * docker-py's networks.list({names, ids, filters, greedy}): Network objects (each fetched, so
   * their attrs list their containers); with {sparse: true} the engine's list entries as
   * plain objects.
   */
  async list(options) {
    const o = convert(options, 'networks.list') || {};
    const sparse = o.sparse === true;
    delete o.sparse;
    const json = Object.keys(o).length ? JSON.stringify(o) : null;
    const entries = parse(await this.client._use((p) => call('docker_networks_list', p, json)));
    if (sparse) return entries;
    return getEach(
      entries.map((e) => e.Id),
      (id) => this.get(id),
    );
  }

  /** docker-py's networks.prune({filters}): {NetworksDeleted}. */
  async prune(options) {
    const json = toJson(options, 'networks.prune');
    return parse(await this.client._use((p) => call('docker_networks_prune', p, json)));
  }
}

/** One network (docker-py's Network): cached attributes and the calls on it. */
class Network {
  constructor(client, handle) {
    this.client = client;
    this._h = handle;
    this.id = null;
    this.shortId = null;
    this.attrs = null;
  }

  static async _make(client, ptr) {
    const h = new Handle(ptr, sync.network_free, 'network');
    const n = new Network(client, h);
    try {
      n.id = sync.network_id(ptr);
      n.shortId = n.id.slice(0, 12);
      await n._snapshot();
    } catch (e) {
      h.close();
      throw e;
    }
    return n;
  }

  async _call(fn, ...args) {
    return this._h.use((p) => call(fn, p, ...args));
  }

  async _snapshot() {
    this.attrs = parse(await this._call('docker_network_attrs_json'));
  }

  /** The name, as last fetched. */
  get name() {
    return this.attrs.Name;
  }

  /** Fetch the attributes again. */
  async reload() {
    await this._call('docker_network_reload');
    await this._snapshot();
    return this;
  }

  /**
   * docker-py's containers: the Containers attached as of the last reload() (asks the engine
   * for each; those removed since are left out).
   */
  async containers() {
    return getEach(Object.keys((this.attrs && this.attrs.Containers) || {}), (id) => this.client.containers.get(id));
  }

  /**
   * Connect a container (a Container, an id or a name). Options {aliases, links, ipv4Address,
   * ipv6Address, linkLocalIps, driverOpt, macAddress}.
   */
  async connect(container, options) {
    const ref = containerRef(container, 'connect');
    return this._call('docker_network_connect', ref, toJson(options, 'connect'));
  }

  /** Disconnect a container (a Container, an id or a name). Options {force}. */
  async disconnect(container, options) {
    const ref = containerRef(container, 'disconnect');
    return this._call('docker_network_disconnect', ref, toJson(options, 'disconnect'));
  }

  /** Remove the network; one that containers use rejects (ConflictError or APIError). */
  async remove() {
    return this._call('docker_network_remove');
  }

  /** Free the handle now (the network itself is untouched); otherwise GC frees it. */
  close() {
    this._h.close();
  }
}

module.exports = { NetworkCollection, Network, getEach, parse };
