//! Volumes: `/volumes/...` requests, with docker-py's option translation (docker/api/volume.py):
//! create, inspect, list, remove, prune.

use super::client::{decode_json, Client, Request};
use super::containers::seg;
use super::model::Model;
use super::opts::Opts;
use super::Result;
use bytes::Bytes;
use serde_json::{json, Map, Value};

/// docker-py's `create_volume(name=None, driver=None, driver_opts=None, labels=None)` body:
/// what was given, under the Engine API's names; `driver_opts` and `labels` must be objects.
/// Without a name the engine makes one up.
pub fn create_body(o: &mut Opts) -> Result<Value> {
    let mut body = Map::new();
    if let Some(n) = o.string("name")? {
        super::containers::check_ref("volume name", &n)?;
        body.insert("Name".into(), json!(n));
    }
    if let Some(d) = o.string("driver")? {
        body.insert("Driver".into(), json!(d));
    }
    if let Some(d) = o.object("driver_opts")? {
        body.insert("DriverOpts".into(), Value::Object(d));
    }
    if let Some(l) = o.object("labels")? {
        body.insert("Labels".into(), Value::Object(l));
    }
    Ok(Value::Object(body))
}

/// `POST /volumes/create`: the new volume's JSON, as the engine sent it.
pub async fn create(client: &Client, body: &Value) -> Result<Bytes> {
    client
        .call(Request::post("/volumes/create").json(body))
        .await
}

/// `GET /volumes/{name}`: the engine's JSON as sent.
pub async fn inspect(client: &Client, name: &str) -> Result<Bytes> {
    client
        .call(Request::get(format!(
            "/volumes/{}",
            seg("volume name", name)?
        )))
        .await
}

/// docker-py's `Volume.reload()`: inspect the model's volume again and keep the answer.
pub async fn reload(m: &Model) -> Result<()> {
    m.replace_checked(inspect(m.client(), m.id()).await?)
}

/// The filters of docker-py's `volumes(filters=None)`, encoded as docker-py encodes them.
pub fn list_filters(o: &mut Opts) -> Result<Option<String>> {
    super::networks::optional_filters(o)
}

/// `GET /volumes`: the `Volumes` list of the engine's answer as a JSON array ([] when the
/// engine sends null, as docker-py's `volumes.list()` gives []).
pub async fn list(client: &Client, filters: Option<&str>) -> Result<Vec<u8>> {
    let body = client
        .call(Request::get("/volumes").query_opt("filters", filters))
        .await?;
    let mut v: Value = decode_json(&body)?;
    let vols = match v.get_mut("Volumes").map(Value::take) {
        Some(Value::Array(a)) => a,
        _ => Vec::new(),
    };
    Ok(serde_json::to_vec(&vols).expect("a Value serialises"))
}

/// `DELETE /volumes/{name}`, with `force=1` when forced (as docker-py sends it: only then).
pub async fn remove(client: &Client, name: &str, force: bool) -> Result<()> {
    let mut req = Request::delete(format!("/volumes/{}", seg("volume name", name)?));
    if force {
        req = req.query("force", "1");
    }
    client.call(req).await.map(drop)
}

/// `POST /volumes/prune`: `{VolumesDeleted: [...], SpaceReclaimed: N}` (a list, never null).
pub async fn prune(client: &Client, filters: Option<&str>) -> Result<Bytes> {
    let body = client
        .call(Request::post("/volumes/prune").query_opt("filters", filters))
        .await?;
    super::networks::null_list_to_empty(body, "VolumesDeleted")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_like_docker_py() {
        let opts = |v: Value| Opts::new("docker_volumes_create", v.as_object().unwrap().clone());
        let mut o = opts(
            json!({"name": "v", "driver": "local", "driver_opts": {"type": "tmpfs"},
                                "labels": {"a": "b"}}),
        )
        .unwrap();
        assert_eq!(
            create_body(&mut o).unwrap(),
            json!({"Name": "v", "Driver": "local", "DriverOpts": {"type": "tmpfs"},
                   "Labels": {"a": "b"}})
        );
        o.finish().unwrap();
        // The option table refuses a wrong type and an unknown key before anything is built.
        let e = opts(json!({"driver_opts": "x"})).err().unwrap().to_string();
        assert!(e.contains("\"driver_opts\""), "{e}");
        let e = opts(json!({"lables": {}})).err().unwrap().to_string();
        assert!(e.contains("did you mean \"labels\""), "{e}");
    }
}
