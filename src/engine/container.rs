//! One container: docker-py's `Container` model. Its id, its attributes as last fetched (the
//! inspect JSON, replaced by `reload`), the getters docker-py computes from them, and the
//! operations whose meaning depends on them (logs and attach read the tty flag; update keeps
//! the engine's warnings). Safe to share between threads; getters make no request.

use super::client::{decode_json, Client};
use super::containers::{self, CommitOptions};
use super::model::{Attrs, Model};
use super::opts::Opts;
use super::streams::{self, AttachOptions, ChunkStream, LogsOptions, Stdin};
use super::{create_options, images, run, Error, Result};
use bytes::Bytes;
use serde_json::{json, Map, Value};
use std::sync::{Arc, RwLock};

/// A container and its cached attributes.
#[derive(Debug)]
pub struct Container {
    model: Model,
    /// The engine's warnings from create or the last update (a JSON array of strings).
    warnings: RwLock<Value>,
}

impl Container {
    /// A container from its inspect JSON (an `Id` is required).
    pub fn from_inspect(client: Client, body: Bytes) -> Result<Container> {
        Ok(Container {
            model: Model::from_inspect(client, body, "Id")?,
            warnings: RwLock::new(Value::Array(Vec::new())),
        })
    }

    /// docker-py's `containers.get`: inspect `id_or_name` (full id, id prefix or name).
    pub async fn get(client: &Client, id_or_name: &str) -> Result<Container> {
        let body = containers::inspect(client, id_or_name, false).await?;
        Container::from_inspect(client.clone(), body)
    }

    /// docker-py's `containers.create(image, command, **options)`: create (pulling a missing
    /// image when `pull`), then inspect; the engine's create warnings are kept (`warnings`).
    /// `options` are create's keys, without `pull`.
    pub async fn create(
        client: &Client,
        image: &str,
        command: Option<&str>,
        options: Map<String, Value>,
        pull: bool,
    ) -> Result<Container> {
        let req = run::build_create(client, image, command, options).await?;
        let created = run::create_pulling(client, image, &req, pull).await?;
        let id = created
            .get("Id")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let c = Container::get(client, id).await?;
        c.set_warnings(created.get("Warnings").cloned().unwrap_or(Value::Null));
        Ok(c)
    }

    /// The container a `run` made (when it was not removed): from the attributes read after
    /// create and before the start when the run was detached, as docker-py returns them
    /// (status "created"), else inspected now.
    pub async fn from_run(client: &Client, r: &run::RunResult) -> Result<Container> {
        match &r.created_attrs {
            Some(attrs) => Container::from_inspect(client.clone(), attrs.clone()),
            None => Container::get(client, &r.id).await,
        }
    }

    pub fn client(&self) -> &Client {
        self.model.client()
    }

    /// The full id; never changes.
    pub fn id(&self) -> &str {
        self.model.id()
    }

    /// The first 12 characters of the id (docker-py's `short_id`).
    pub fn short_id(&self) -> String {
        self.id().chars().take(12).collect()
    }

    /// The inspect JSON as last fetched (docker-py's `attrs`).
    pub fn attrs(&self) -> Arc<Attrs> {
        self.model.attrs()
    }

    /// Fetch the attributes again (docker-py's `reload()`); readers on other threads keep the
    /// ones they hold.
    pub async fn reload(&self) -> Result<()> {
        let body = containers::inspect(self.client(), self.id(), false).await?;
        self.model.replace(body)
    }

    /// The name without its leading slash (docker-py's `name`).
    pub fn name(&self) -> Result<String> {
        Ok(self
            .model
            .field("Name")?
            .trim_start_matches('/')
            .to_string())
    }

    /// "created", "running", "paused", "restarting", "removing", "exited", "dead" (Podman may
    /// add its own): `State.Status`, or `State` itself where it is a string.
    pub fn status(&self) -> Result<String> {
        Ok(match self.attrs().value()?.get("State") {
            Some(Value::Object(s)) => s
                .get("Status")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        })
    }

    /// "healthy", "unhealthy", "starting", or "unknown" without a healthcheck (docker-py's
    /// `health`).
    pub fn health(&self) -> Result<String> {
        // Podman sends an empty Health object ({"Status": ""}) for no healthcheck.
        Ok(self
            .attrs()
            .value()?
            .pointer("/State/Health/Status")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .unwrap_or("unknown")
            .to_string())
    }

    /// The labels as a JSON object ({} when none).
    pub fn labels(&self) -> Result<Value> {
        self.attrs().object_at("/Config/Labels")
    }

    /// The published ports in docker-py's `ports` shape ({"80/tcp": [{"HostIp", "HostPort"}],
    /// "443/tcp": null}; {} when none).
    pub fn ports(&self) -> Result<Value> {
        self.attrs().object_at("/NetworkSettings/Ports")
    }

    /// Whether the container has a tty (`Config.Tty`): its output is then one raw stream.
    pub fn tty(&self) -> bool {
        self.attrs()
            .value()
            .ok()
            .and_then(|v| v.pointer("/Config/Tty"))
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }

    /// The engine's warnings from create or the last update, as a JSON array of strings.
    pub fn warnings(&self) -> Value {
        self.warnings
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Keep the engine's `Warnings` (anything but an array counts as none).
    pub fn set_warnings(&self, w: Value) {
        let w = if w.is_array() {
            w
        } else {
            Value::Array(Vec::new())
        };
        *self.warnings.write().unwrap_or_else(|p| p.into_inner()) = w;
    }

    /// docker-py's `image`: {"Id": "sha256:...", "RepoTags": [...]}, RepoTags [] when the image
    /// is gone or untagged. Asks the engine.
    pub async fn image(&self) -> Result<Value> {
        let id = self.model.field("Image")?;
        let tags = match images::inspect(self.client(), &id).await {
            Ok(b) => decode_json::<Value>(&b)?
                .get("RepoTags")
                .cloned()
                .filter(Value::is_array)
                .unwrap_or_else(|| json!([])),
            Err(Error::Api { status: 404, .. }) => json!([]),
            Err(e) => return Err(e),
        };
        Ok(json!({"Id": id, "RepoTags": tags}))
    }

    /// The logs as a stream of chunks (stdout/stderr apart, or console with a tty).
    pub async fn logs(&self, o: &LogsOptions) -> Result<ChunkStream> {
        streams::logs(self.client(), self.id(), o, self.tty()).await
    }

    /// The stats samples as a stream (about one a second, until dropped).
    pub async fn stats(&self) -> Result<ChunkStream> {
        streams::stats_stream(self.client(), self.id(), true, false).await
    }

    /// Attach: the output stream, and the write side for stdin.
    pub async fn attach(&self, o: &AttachOptions) -> Result<(ChunkStream, Stdin)> {
        streams::attach(self.client(), self.id(), o, self.tty()).await
    }

    /// docker-py's `update(**kwargs)`: `o` holds update's keys (checked against its option
    /// table), translated by `create_options::translate_update`. The engine's warnings are
    /// kept (`warnings`).
    pub async fn update(&self, o: Opts) -> Result<()> {
        let body = create_options::translate_update(o.into_map())?;
        let answer = containers::update(self.client(), self.id(), &body).await?;
        let v: Value = decode_json(&answer).unwrap_or_default();
        self.set_warnings(v.get("Warnings").cloned().unwrap_or_default());
        Ok(())
    }

    /// docker-py's `commit()`: the new image's id.
    pub async fn commit(&self, o: &CommitOptions) -> Result<String> {
        containers::commit(self.client(), self.id(), o).await
    }
}
