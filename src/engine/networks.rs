//! Networks: `/networks/...` requests, with docker-py's option translation (docker/api/network.py
//! and docker/types/networks.py): create, inspect, list, remove, prune, connect, disconnect.

use super::client::{decode_json, Client, Request};
use super::containers::{encode_filters, seg};
use super::model::Model;
use super::opts::{short, Opts};
use super::{Error, Result};
use bytes::Bytes;
use serde_json::{json, Map, Value};

/// docker-py's `create_network(name, ...)` body from its keyword arguments. As docker-py does:
/// `internal` and `enable_ipv6` are sent only when true, `attachable`, `ingress` and `scope`
/// whenever given, `labels` and `options` must be objects, and `ipam` takes docker-py's
/// `IPAMConfig` (keyword names: `driver`, `pool_configs`, `options`; pools with `subnet`,
/// `iprange`, `gateway`, `aux_addresses`) or the Engine API's own `{Driver, Config, Options}`.
pub fn create_body(name: &str, o: &mut Opts) -> Result<Value> {
    super::containers::check_ref("network name", name)?;
    let mut body = Map::new();
    body.insert("Name".into(), json!(name));
    if let Some(d) = o.string("driver")? {
        body.insert("Driver".into(), json!(d));
    }
    if let Some(opts) = o.object("options")? {
        body.insert("Options".into(), Value::Object(opts));
    }
    if let Some(ipam) = o.take("ipam") {
        body.insert("IPAM".into(), ipam_config(&ipam)?);
    }
    if let Some(c) = o.bool("check_duplicate")? {
        body.insert("CheckDuplicate".into(), json!(c));
    }
    if let Some(l) = o.object("labels")? {
        body.insert("Labels".into(), Value::Object(l));
    }
    if o.bool("enable_ipv6")? == Some(true) {
        body.insert("EnableIPv6".into(), json!(true));
    }
    if o.bool("internal")? == Some(true) {
        body.insert("Internal".into(), json!(true));
    }
    if let Some(a) = o.bool("attachable")? {
        body.insert("Attachable".into(), json!(a));
    }
    if let Some(i) = o.bool("ingress")? {
        body.insert("Ingress".into(), json!(i));
    }
    if let Some(s) = o.string("scope")? {
        body.insert("Scope".into(), json!(s));
    }
    Ok(Value::Object(body))
}

fn not_object(key: &str, v: &Value) -> Error {
    Error::invalid(format!("{key} must be an object, got {}", short(v)))
}

/// docker-py's `IPAMConfig(driver='default', pool_configs=None, options=None)` as the dict it
/// builds (`{"Driver", "Config", "Options"}`), or the Engine API's object passed as it is.
fn ipam_config(v: &Value) -> Result<Value> {
    const SNAKE: &[&str] = &["driver", "pool_configs", "options"];
    let Value::Object(m) = v else {
        return Err(not_object("network create options: \"ipam\"", v));
    };
    if !m.keys().any(|k| SNAKE.contains(&k.as_str())) {
        return engine_form(
            "network create options: ipam",
            m,
            &["Driver", "Config", "Options"],
        );
    }
    super::opts::unknown_keys(
        "network create options: ipam",
        m.keys().map(String::as_str).filter(|k| !SNAKE.contains(k)),
        SNAKE,
    )?;
    let driver = match m.get("driver") {
        None | Some(Value::Null) => json!("default"),
        Some(Value::String(s)) => json!(s),
        Some(other) => {
            return Err(Error::invalid(format!(
                "ipam.driver must be a string, got {}",
                short(other)
            )))
        }
    };
    let pools = match m.get("pool_configs") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.iter().map(ipam_pool).collect::<Result<_>>()?,
        Some(other) => {
            return Err(Error::invalid(format!(
                "ipam.pool_configs must be a list of pools, got {}",
                short(other)
            )))
        }
    };
    let mut out = Map::new();
    out.insert("Driver".into(), driver);
    out.insert("Config".into(), Value::Array(pools));
    match m.get("options") {
        None | Some(Value::Null) => {}
        Some(Value::Object(o)) if o.is_empty() => {}
        Some(Value::Object(o)) => {
            out.insert("Options".into(), Value::Object(o.clone()));
        }
        Some(other) => return Err(not_object("ipam.options", other)),
    }
    Ok(Value::Object(out))
}

/// An object already in the Engine API's form passes as it is, once its keys are known ones.
fn engine_form(what: &str, m: &Map<String, Value>, keys: &[&str]) -> Result<Value> {
    super::opts::unknown_keys(
        what,
        m.keys().map(String::as_str).filter(|k| !keys.contains(k)),
        keys,
    )?;
    Ok(Value::Object(m.clone()))
}

/// docker-py's `IPAMPool(subnet, iprange, gateway, aux_addresses)`: all four keys, null when
/// not given; a pool already in the Engine API's form passes as it is.
fn ipam_pool(v: &Value) -> Result<Value> {
    const SNAKE: &[(&str, &str)] = &[
        ("subnet", "Subnet"),
        ("iprange", "IPRange"),
        ("gateway", "Gateway"),
        ("aux_addresses", "AuxiliaryAddresses"),
    ];
    let Value::Object(m) = v else {
        return Err(not_object("an ipam pool", v));
    };
    if !m.keys().any(|k| SNAKE.iter().any(|(s, _)| s == k)) {
        let engine: Vec<&str> = SNAKE.iter().map(|(_, e)| *e).collect();
        return engine_form("network create options: ipam pool", m, &engine);
    }
    let names: Vec<&str> = SNAKE.iter().map(|(s, _)| *s).collect();
    super::opts::unknown_keys(
        "network create options: ipam pool",
        m.keys().map(String::as_str).filter(|k| !names.contains(k)),
        &names,
    )?;
    Ok(Value::Object(
        SNAKE
            .iter()
            .map(|(s, engine)| {
                (
                    (*engine).to_string(),
                    m.get(*s).cloned().unwrap_or(Value::Null),
                )
            })
            .collect(),
    ))
}

/// `POST /networks/create`: the engine's `{Id, Warning}` JSON.
pub async fn create(client: &Client, body: &Value) -> Result<Value> {
    let b = client
        .call(Request::post("/networks/create").json(body))
        .await?;
    decode_json(&b)
}

/// `GET /networks/{id}` with docker-py's `verbose` and `scope`: the engine's JSON as sent.
pub async fn inspect(
    client: &Client,
    id: &str,
    verbose: Option<bool>,
    scope: Option<&str>,
) -> Result<Bytes> {
    let req = Request::get(format!("/networks/{}", seg("network id or name", id)?))
        .query_opt("verbose", verbose.map(|v| v.to_string()))
        .query_opt("scope", scope);
    client.call(req).await
}

/// docker-py's `Network.reload()`: inspect the model's network again and keep the answer.
pub async fn reload(m: &Model) -> Result<()> {
    m.replace_checked(inspect(m.client(), m.id(), None, None).await?)
}

/// docker-py's `networks(names=None, ids=None, filters=None)` as the engine's filters JSON:
/// `names` becomes the `name` filter and `ids` the `id` filter, over whatever `filters` held.
pub fn list_filters(o: &mut Opts) -> Result<String> {
    let mut filters = o.object("filters")?.unwrap_or_default();
    for (key, filter) in [("names", "name"), ("ids", "id")] {
        match o.take(key) {
            None => {}
            Some(Value::Array(a)) if a.is_empty() => {}
            Some(v @ Value::Array(_)) => {
                filters.insert(filter.into(), v);
            }
            Some(Value::String(s)) => {
                filters.insert(filter.into(), json!([s]));
            }
            Some(other) => {
                return Err(Error::invalid(format!(
                    "network list options: \"{key}\" must be a list of strings, got {}",
                    short(&other)
                )))
            }
        }
    }
    encode_filters(&filters)
}

/// A `filters` option (docker-py's form) encoded for a prune or list query; None when absent
/// or empty.
pub fn optional_filters(o: &mut Opts) -> Result<Option<String>> {
    match o.object("filters")? {
        Some(f) if !f.is_empty() => Ok(Some(encode_filters(&f)?)),
        _ => Ok(None),
    }
}

/// `GET /networks?filters=`: the engine's list JSON.
pub async fn list(client: &Client, filters: &str) -> Result<Bytes> {
    client
        .call(Request::get("/networks").query("filters", filters))
        .await
}

/// The full inspect JSON of each network of a list answer, in order (docker-py's `greedy`).
/// A network removed between the list and its inspect is skipped.
pub async fn inspect_listed(client: &Client, list: &[u8]) -> Result<Vec<u8>> {
    let items: Vec<Value> = decode_json(list)?;
    let mut out = Vec::with_capacity(items.len());
    for id in items
        .iter()
        .filter_map(|i| i.get("Id").and_then(Value::as_str))
    {
        match inspect(client, id, None, None).await {
            Ok(b) => out.push(decode_json::<Value>(&b)?),
            Err(Error::Api { status: 404, .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(serde_json::to_vec(&out).expect("a Value serialises"))
}

/// `DELETE /networks/{id}`, refused as dockerd refuses it (403, "has active endpoints") while
/// containers use the network. The check is made here first because Podman 4.3, given an id,
/// removes a network its running containers are still on.
pub async fn remove(client: &Client, id: &str) -> Result<()> {
    let path = format!("/networks/{}", seg("network id or name", id)?);
    let attrs: Value = decode_json(&client.call(Request::get(&path)).await?)?;
    if attrs
        .get("Containers")
        .and_then(Value::as_object)
        .is_some_and(|c| !c.is_empty())
    {
        let s = |k: &str| {
            attrs
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        return Err(Error::Api {
            status: 403,
            message: format!(
                "error while removing network: network {} id {} has active endpoints",
                s("Name"),
                s("Id")
            ),
        });
    }
    client.call(Request::delete(path)).await.map(drop)
}

/// `POST /networks/prune`: `{NetworksDeleted: [...]}` (a list, never null).
pub async fn prune(client: &Client, filters: Option<&str>) -> Result<Bytes> {
    let req = || Request::post("/networks/prune").query_opt("filters", filters);
    let mut tries = 0;
    let body = loop {
        match client.call(req()).await {
            // Podman: a container removed while the prune looked at it (podman::is_vanished_container).
            Err(e) if tries < 3 && super::podman::is_vanished_container(&e) => tries += 1,
            r => break r?,
        }
    };
    null_list_to_empty(body, "NetworksDeleted")
}

/// The engine sends `"XDeleted": null` (or leaves it out) when nothing went; callers get [].
pub fn null_list_to_empty(body: Bytes, key: &str) -> Result<Bytes> {
    let mut v: Value = decode_json(&body)?;
    let Some(o) = v.as_object_mut() else {
        return Ok(body);
    };
    match o.get(key) {
        Some(Value::Array(_)) => Ok(body),
        _ => {
            o.insert(key.into(), Value::Array(Vec::new()));
            Ok(Bytes::from(v.to_string()))
        }
    }
}

/// docker-py's connect body: `{"Container": ..., "EndpointConfig": EndpointConfig(...)}`,
/// the endpoint translated as for create's `networking_config`.
pub fn connect_body(container: &str, o: &mut Opts, version: super::ApiVersion) -> Result<Value> {
    super::containers::check_ref("container id or name", container)?;
    let mut endpoint = Map::new();
    // docker-py's connect_container_to_network keywords, as the option table lists them.
    for key in super::option_table::call("docker_network_connect").keys() {
        if let Some(v) = o.take(key.name) {
            endpoint.insert(key.name.to_string(), v);
        }
    }
    let endpoint = if endpoint.is_empty() {
        json!({})
    } else {
        super::create_options::endpoint_config(
            "connect",
            &Value::Object(endpoint),
            (version.0, version.1),
        )?
    };
    Ok(json!({"Container": container, "EndpointConfig": endpoint}))
}

/// `POST /networks/{id}/connect` with a body from `connect_body`.
pub async fn connect(client: &Client, network: &str, body: &Value) -> Result<()> {
    client
        .call(
            Request::post(format!(
                "/networks/{}/connect",
                seg("network id or name", network)?
            ))
            .json(body),
        )
        .await
        .map(drop)
}

/// `POST /networks/{id}/disconnect`: `{"Container"}`, plus `"Force": true` when forced (as
/// docker-py sends it).
pub async fn disconnect(
    client: &Client,
    network: &str,
    container: &str,
    force: bool,
) -> Result<()> {
    super::containers::check_ref("container id or name", container)?;
    let mut body = json!({ "Container": container });
    if force {
        body["Force"] = json!(true);
    }
    client
        .call(
            Request::post(format!(
                "/networks/{}/disconnect",
                seg("network id or name", network)?
            ))
            .json(&body),
        )
        .await
        .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(name: &str, opts: Value) -> Result<Value> {
        let mut o = Opts::new("docker_networks_create", opts.as_object().unwrap().clone())?;
        let b = create_body(name, &mut o)?;
        o.finish()?;
        Ok(b)
    }

    #[test]
    fn create_like_docker_py() {
        // docker-py: create_network("n", driver="bridge", internal=False, enable_ipv6=False,
        // attachable=False, labels={"a": "b"}, ipam=IPAMConfig(pool_configs=[IPAMPool(
        // subnet="10.5.0.0/16", gateway="10.5.0.1")]))
        let b = body(
            "n",
            json!({"driver": "bridge", "internal": false, "enable_ipv6": false,
                   "attachable": false, "labels": {"a": "b"},
                   "ipam": {"pool_configs": [{"subnet": "10.5.0.0/16", "gateway": "10.5.0.1"}]}}),
        )
        .unwrap();
        assert_eq!(
            b,
            json!({"Name": "n", "Driver": "bridge", "Labels": {"a": "b"}, "Attachable": false,
                   "IPAM": {"Driver": "default", "Config": [{"Subnet": "10.5.0.0/16",
                   "IPRange": null, "Gateway": "10.5.0.1", "AuxiliaryAddresses": null}]}})
        );
        assert_eq!(
            body(
                "n",
                json!({"internal": true, "enable_ipv6": true, "scope": "local"})
            )
            .unwrap(),
            json!({"Name": "n", "Internal": true, "EnableIPv6": true, "Scope": "local"})
        );
        // The Engine API's own IPAM object passes unchanged.
        let raw = json!({"Driver": "default", "Config": [{"Subnet": "10.9.0.0/24"}]});
        assert_eq!(
            body("n", json!({"ipam": raw.clone()})).unwrap()["IPAM"],
            raw
        );
    }

    #[test]
    fn create_rejects_what_docker_py_rejects() {
        let e = body("n", json!({"drivr": "bridge"}))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("\"drivr\"") && e.contains("did you mean \"driver\""),
            "{e}"
        );
        let e = body("n", json!({"labels": ["a"]})).unwrap_err().to_string();
        assert!(e.contains("\"labels\""), "{e}");
        let e = body("n", json!({"ipam": {"pool_configs": [{"subnett": "x"}]}}))
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"subnett\""), "{e}");
        assert!(body("", json!({})).is_err());
    }

    #[test]
    fn list_filters_like_docker_py() {
        let mut o = Opts::new(
            "docker_networks_list",
            json!({"names": ["a"], "ids": ["i"], "filters": {"driver": "bridge"}})
                .as_object()
                .unwrap()
                .clone(),
        )
        .unwrap();
        let f: Value = serde_json::from_str(&list_filters(&mut o).unwrap()).unwrap();
        assert_eq!(f, json!({"name": ["a"], "id": ["i"], "driver": ["bridge"]}));
    }

    #[test]
    fn connect_like_docker_py() {
        let mut o = Opts::new(
            "docker_network_connect",
            json!({"aliases": ["web"], "ipv4_address": "10.5.0.9", "links": {"db": "d"}})
                .as_object()
                .unwrap()
                .clone(),
        )
        .unwrap();
        let b = connect_body("c1", &mut o, super::super::ApiVersion(1, 41)).unwrap();
        assert_eq!(
            b,
            json!({"Container": "c1", "EndpointConfig": {"Aliases": ["web"], "Links": ["db:d"],
                   "IPAMConfig": {"IPv4Address": "10.5.0.9"}}})
        );
        let mut none = Opts::new("docker_network_connect", Map::new()).unwrap();
        assert_eq!(
            connect_body("c1", &mut none, super::super::ApiVersion(1, 41)).unwrap(),
            json!({"Container": "c1", "EndpointConfig": {}})
        );
    }
}
