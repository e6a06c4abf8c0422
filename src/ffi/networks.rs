//! Networks: the collection (docker-py's `client.networks`: `docker_networks_*`) and the
//! `docker_network` handle (docker-py's `Network` model: `docker_network_*`).
//!
//! As with containers, `create` and `get` give a handle (the network's id and its cached
//! inspect JSON, tied to its client) because the model's operations need both; `list` and
//! `prune` give JSON text, since a list is read far more often than each of its items is
//! operated on, and `docker_networks_get` turns any id from it into a handle.

use super::args::{arg_options, arg_out, arg_ref, arg_str, put, put_string};
use super::client::docker_client;
use super::error::{boundary, docker_error, docker_result, guard};
use super::model::{text_getter, with_model, Model};
use super::runtime::run_here;
use crate::engine::{networks, Client, Result};
use std::ffi::c_char;

/// A network handle (docker-py's `Network`): the network's id and its attributes as last
/// fetched. docker_networks_create and docker_networks_get give one, as for containers, since
/// the model's operations need both the id and its client; docker_networks_list and _prune give
/// JSON text instead (a list is read far more often than each entry is acted on; _get makes a
/// handle from any id in it). Safe to use from many threads at once; keeps its client alive.
/// Free with docker_network_free (the network itself stays).
pub struct docker_network {
    model: Model,
}

fn model(n: &docker_network) -> &Model {
    &n.model
}

impl docker_network {
    async fn fetch(
        client: &Client,
        id: &str,
        verbose: Option<bool>,
        scope: Option<&str>,
    ) -> Result<docker_network> {
        let body = networks::inspect(client, id, verbose, scope).await?;
        Ok(docker_network {
            model: Model::from_inspect(client.clone(), &body, "Id")?,
        })
    }

    fn hand_out(self, out: *mut *mut docker_network) {
        // SAFETY: `out` was checked non-NULL by the caller.
        unsafe { put(out, Box::into_raw(Box::new(self))) }
    }
}

/// docker-py's `client.networks.create(name, ...)`: create a network and give a handle to it
/// (`*out`: free with docker_network_free). Options, docker-py's keyword arguments: `driver`,
/// `options` (driver options, an object), `ipam` (docker-py's IPAMConfig: {"driver": "default",
/// "pool_configs": [{"subnet": "10.5.0.0/16", "iprange": ..., "gateway": "10.5.0.1",
/// "aux_addresses": {...}}], "options": {...}}, or the Engine API's {"Driver", "Config",
/// "Options"}), `check_duplicate`, `internal`, `labels` (an object), `enable_ipv6`,
/// `attachable`, `scope`, `ingress`. A name in use gives DOCKER_ERR_CONFLICT. Blocks the
/// calling thread.
///
/// Options (option table, written by `make options`):
/// - `driver` (string): Name of the driver used to create the network.
/// - `options` (object): Driver options as a key-value dictionary.
/// - `ipam` (object): Optional custom IP scheme for the network: docker-py's IPAMConfig ({"driver", "pool_configs": [{"subnet", "iprange", "gateway", "aux_addresses"}], "options"}) or the Engine API's IPAM object.
/// - `check_duplicate` (boolean): Request daemon to check for networks with same name.
/// - `internal` (boolean; default false): Restrict external access to the network.
/// - `labels` (object): Map of labels to set on the network.
/// - `enable_ipv6` (boolean; default false): Enable IPv6 on the network.
/// - `attachable` (boolean): If enabled, and the network is in the global scope, non-service containers on worker nodes will be able to connect to the network.
/// - `scope` (string): Specify the network's scope (local, global or swarm).
/// - `ingress` (boolean): If set, create an ingress network which provides the routing-mesh in swarm mode.
#[no_mangle]
pub extern "C" fn docker_networks_create(
    client: *const docker_client,
    name: *const c_char,
    options_json: *const c_char,
    out: *mut *mut docker_network,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let name = arg!(arg_str(name, "name"))?;
        let mut o = arg!(arg_options(options_json, "docker_networks_create"))?;
        arg_out(out, "out")?;
        let body = networks::create_body(name, &mut o)?;
        o.finish()?;
        let n = run_here(async {
            let created = networks::create(&c.inner, &body).await?;
            let id = created.get("Id").and_then(|v| v.as_str()).ok_or_else(|| {
                crate::engine::Error::Protocol("network create answered without an Id".into())
            })?;
            docker_network::fetch(&c.inner, id, None, None).await
        })?;
        n.hand_out(out);
        Ok(())
    })
}

/// docker-py's `client.networks.get(network_id, verbose=None, scope=None)`: a handle for an
/// existing network (id, id prefix or name). Options: `verbose` (true: also the services of a
/// swarm network), `scope` ("local", "swarm", "global"). A missing network gives
/// DOCKER_ERR_NOT_FOUND. `*out`: free with docker_network_free. Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `verbose` (boolean): Retrieve the service details across the cluster in swarm mode.
/// - `scope` (string): Filter the network by scope (swarm, global or local).
#[no_mangle]
pub extern "C" fn docker_networks_get(
    client: *const docker_client,
    network_id: *const c_char,
    options_json: *const c_char,
    out: *mut *mut docker_network,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let id = arg!(arg_str(network_id, "network_id"))?;
        let mut o = arg!(arg_options(options_json, "docker_networks_get"))?;
        arg_out(out, "out")?;
        let verbose = o.bool("verbose")?;
        let scope = o.string("scope")?;
        o.finish()?;
        let n = run_here(docker_network::fetch(
            &c.inner,
            id,
            verbose,
            scope.as_deref(),
        ))?;
        n.hand_out(out);
        Ok(())
    })
}

/// docker-py's `client.networks.list(names=None, ids=None, filters=None, greedy=False)`:
/// `*out` receives a JSON array of the engine's list entries (free with docker_string_free).
/// Options: `names` and `ids` (lists of strings, sent as the `name` and `id` filters),
/// `filters` (docker-py's form: {"driver": "bridge", "label": ["a=b"], "type": "custom"}; a
/// bool becomes "true"/"false"), `greedy` (true: each network's full inspect JSON instead,
/// which also lists its containers). Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `names` (array): List of names to filter by.
/// - `ids` (array): List of ids to filter by.
/// - `filters` (object): Filters to be processed on the network list, such as {"driver": "bridge", "label": ["a=b"]}.
/// - `greedy` (boolean; default false): Fetch more details for each network individually (the engine's inspect of each).
#[no_mangle]
pub extern "C" fn docker_networks_list(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let mut o = arg!(arg_options(options_json, "docker_networks_list"))?;
        arg_out(out, "out")?;
        let filters = networks::list_filters(&mut o)?;
        let greedy = o.bool("greedy")?.unwrap_or(false);
        o.finish()?;
        let json = run_here(async {
            let body = networks::list(&c.inner, &filters).await?;
            if greedy {
                networks::inspect_listed(&c.inner, &body).await
            } else {
                Ok(body.to_vec())
            }
        })?;
        put_string(out, json)
    })
}

/// docker-py's `client.networks.prune(filters=None)`: remove the networks no container uses.
/// Options: `filters` (e.g. {"label": ["a=b"], "until": "10m"}). `*out` receives the engine's
/// JSON {"NetworksDeleted": [...]} (an empty list, never null, when nothing went; free with
/// docker_string_free). Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `filters` (object): Filters to process on the prune list, such as {"label": ["a"], "until": "10m"}.
#[no_mangle]
pub extern "C" fn docker_networks_prune(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let mut o = arg!(arg_options(options_json, "docker_networks_prune"))?;
        arg_out(out, "out")?;
        let filters = networks::optional_filters(&mut o)?;
        o.finish()?;
        let body = run_here(networks::prune(&c.inner, filters.as_deref()))?;
        put_string(out, body.to_vec())
    })
}

/// The network's full id, NUL-terminated, borrowed: valid until docker_network_free (it never
/// changes). NULL gives "".
#[no_mangle]
pub extern "C" fn docker_network_id(network: *const docker_network) -> *const c_char {
    guard(c"".as_ptr(), || {
        // SAFETY: network is NULL or a live handle.
        match unsafe { network.as_ref() } {
            Some(n) => n.model.id.as_ptr(),
            None => c"".as_ptr(),
        }
    })
}

/// Free a network handle (the network itself stays). NULL is a no-op.
#[no_mangle]
pub extern "C" fn docker_network_free(network: *mut docker_network) {
    if !network.is_null() {
        // SAFETY: made by Box::into_raw in this library, freed once.
        guard((), || drop(unsafe { Box::from_raw(network) }));
    }
}

/// The network's name (docker-py's `name`), from the cached attributes (no request).
/// `*out`: free with docker_string_free.
#[no_mangle]
pub extern "C" fn docker_network_name(
    network: *const docker_network,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    text_getter(network, "network", out, error, model, |m| m.field("Name"))
}

/// The whole inspect JSON (docker-py's `attrs`), as last fetched; its "Containers" object
/// (container id to endpoint) is docker-py's `containers`. No request. `*out`: free with
/// docker_string_free.
#[no_mangle]
pub extern "C" fn docker_network_attrs_json(
    network: *const docker_network,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    text_getter(network, "network", out, error, model, |m| {
        Ok(m.attrs().text().to_string())
    })
}

/// Fetch the attributes again (docker-py's `reload()`). Safe while other threads read them.
/// Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_network_reload(
    network: *const docker_network,
    error: *mut *mut docker_error,
) -> docker_result {
    with_model(network, "network", error, model, |m| {
        run_here(networks::reload(m))
    })
}

/// Remove the network (docker-py's `remove()`); the handle stays valid to free. A network that
/// containers still use gives DOCKER_ERR_CONFLICT (dockerd) or DOCKER_ERR_ENGINE. Blocks the
/// calling thread.
#[no_mangle]
pub extern "C" fn docker_network_remove(
    network: *const docker_network,
    error: *mut *mut docker_error,
) -> docker_result {
    with_model(network, "network", error, model, |m| {
        run_here(networks::remove(m.client(), m.id_str()))
    })
}

/// Connect a container (id or name) to the network (docker-py's `connect(container, ...)`).
/// Options, docker-py's keyword arguments: `aliases` (list of names the container has on this
/// network), `links` ({"name": "alias"} or ["name:alias"]), `ipv4_address`, `ipv6_address`
/// (a fixed address: the network needs a subnet from `ipam`), `link_local_ips` (list),
/// `driver_opt` (object), `mac_address`. Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `aliases` (array): A list of aliases for this endpoint. Names in that list can be used within the network to reach the container.
/// - `links` (array|object): A list of links for this endpoint. Containers declared in this list will be linked to this container.
/// - `ipv4_address` (string): The IP address of this container on the network, using the IPv4 protocol.
/// - `ipv6_address` (string): The IP address of this container on the network, using the IPv6 protocol.
/// - `link_local_ips` (array): A list of link-local (IPv4/IPv6) addresses.
/// - `driver_opt` (object): A dictionary of options to provide to the network driver.
/// - `mac_address` (string; API 1.44+): The MAC address of this container on the network.
#[no_mangle]
pub extern "C" fn docker_network_connect(
    network: *const docker_network,
    container: *const c_char,
    options_json: *const c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_model(network, "network", error, model, |m| {
        let container = arg!(arg_str(container, "container"))?;
        let mut o = arg!(arg_options(options_json, "docker_network_connect"))?;
        run_here(async {
            let version = m.client().api_version().await?;
            let body = networks::connect_body(container, &mut o, version)?;
            o.finish()?;
            networks::connect(m.client(), m.id_str(), &body).await
        })
    })
}

/// Disconnect a container (id or name) from the network (docker-py's `disconnect(container,
/// force=False)`). Options: `force`. Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `force` (boolean; default false): Force the action (disconnect a running container; remove a volume in use).
#[no_mangle]
pub extern "C" fn docker_network_disconnect(
    network: *const docker_network,
    container: *const c_char,
    options_json: *const c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_model(network, "network", error, model, |m| {
        let container = arg!(arg_str(container, "container"))?;
        let mut o = arg!(arg_options(options_json, "docker_network_disconnect"))?;
        let force = o.bool("force")?.unwrap_or(false);
        o.finish()?;
        run_here(networks::disconnect(
            m.client(),
            m.id_str(),
            container,
            force,
        ))
    })
}
