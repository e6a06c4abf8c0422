//! `docker_container_*`: one container (docker-py's `Container` model). This file holds the
//! handle, its cached attributes and their getters; the operations are beside it, by kind:
//! `lifecycle` (start ... commit), `output` (logs, stats, attach, top), `exec`
//! (`docker_container_exec_*`) and `files` (archives, export, diff, copy).

mod exec;
mod files;
mod lifecycle;
mod output;

pub use exec::*;
pub use files::*;
pub use lifecycle::*;
pub use output::*;

use super::args::{arg_out, arg_ref, put_string};
use super::error::{boundary, docker_error, docker_result, guard};
use super::runtime::run_here;
use crate::engine::{containers, Client, Error, Result};
use bytes::Bytes;
use std::ffi::{c_char, CString};
use std::sync::{Arc, OnceLock, RwLock};

/// Inspect JSON as the engine sent it, parsed only when a getter first needs a field. Reload
/// keeps the bytes after a cheap check (UTF-8, an object's braces), so it costs about what the
/// request costs: building the whole tree took two thirds of a reload's time.
pub(crate) struct Attrs {
    raw: Bytes,
    parsed: OnceLock<std::result::Result<serde_json::Value, String>>,
}

impl Attrs {
    fn checked(raw: Bytes) -> Result<Attrs> {
        let text = std::str::from_utf8(&raw)
            .map_err(|e| Error::Protocol(format!("the engine's inspect answer is not UTF-8: {e}")))?
            .trim();
        if !(text.starts_with('{') && text.ends_with('}')) {
            return Err(Error::Protocol(
                "the engine's inspect answer is not a JSON object".into(),
            ));
        }
        Ok(Attrs {
            raw,
            parsed: OnceLock::new(),
        })
    }

    /// The parsed tree, built on first use.
    pub(crate) fn value(&self) -> Result<&serde_json::Value> {
        self.parsed
            .get_or_init(|| serde_json::from_slice(&self.raw).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| Error::Protocol(format!("the engine's inspect answer is not JSON: {e}")))
    }

    /// The JSON text as the engine sent it.
    pub(crate) fn text(&self) -> &str {
        // Checked to be UTF-8 in `checked`.
        std::str::from_utf8(&self.raw).unwrap_or_default().trim()
    }
}

/// A container handle. Safe to use from many threads at once; keeps its client alive. Free with
/// docker_container_free.
pub struct docker_container {
    pub(crate) client: Client,
    /// The full id; immutable, so docker_container_id can lend it out.
    pub(crate) id: CString,
    /// The last inspect JSON (docker-py's `attrs`), replaced by reload.
    pub(crate) attrs: RwLock<Arc<Attrs>>,
    /// The engine's warnings from create or update.
    pub(crate) warnings: RwLock<serde_json::Value>,
}

impl docker_container {
    /// Build a handle from inspect JSON.
    pub(crate) fn from_inspect(client: Client, body: &[u8]) -> Result<docker_container> {
        let attrs = Attrs::checked(Bytes::copy_from_slice(body))?;
        let id = attrs
            .value()?
            .get("Id")
            .and_then(|v| v.as_str())
            .ok_or_else(|| Error::Protocol("inspect JSON without an Id".into()))?;
        let id = CString::new(id)
            .map_err(|_| Error::Protocol("container id holds a NUL byte".into()))?;
        Ok(docker_container {
            client,
            id,
            attrs: RwLock::new(Arc::new(attrs)),
            warnings: RwLock::new(serde_json::Value::Array(Vec::new())),
        })
    }

    /// Inspect `id_or_name` and build a handle.
    pub(crate) async fn fetch(client: &Client, id_or_name: &str) -> Result<docker_container> {
        let body = containers::inspect(client, id_or_name, false).await?;
        docker_container::from_inspect(client.clone(), &body)
    }

    pub(crate) fn id_str(&self) -> &str {
        self.id.to_str().unwrap_or_default()
    }

    pub(crate) fn attrs(&self) -> Arc<Attrs> {
        self.attrs.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn set_attrs(&self, a: Attrs) {
        *self.attrs.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(a);
    }

    pub(crate) fn set_warnings(&self, w: serde_json::Value) {
        let w = if w.is_array() {
            w
        } else {
            serde_json::Value::Array(Vec::new())
        };
        *self.warnings.write().unwrap_or_else(|p| p.into_inner()) = w;
    }

    /// Re-inspect and replace the cached attributes.
    pub(crate) async fn reload(&self) -> Result<()> {
        let body = containers::inspect(&self.client, self.id_str(), false).await?;
        self.set_attrs(Attrs::checked(body)?);
        Ok(())
    }

    pub(crate) fn into_raw(self) -> *mut docker_container {
        Box::into_raw(Box::new(self))
    }
}

/// The handle argument, checked.
///
/// # Safety
/// `p` is NULL or a live docker_container.
pub(crate) unsafe fn arg_container<'a>(p: *const docker_container) -> Result<&'a docker_container> {
    arg_ref(p, "container")
}

/// The container's full id, NUL-terminated, borrowed: valid until docker_container_free (it
/// never changes). NULL gives "".
#[no_mangle]
pub extern "C" fn docker_container_id(container: *const docker_container) -> *const c_char {
    // SAFETY: container is NULL or a live handle.
    guard(c"".as_ptr(), || match unsafe { container.as_ref() } {
        Some(c) => c.id.as_ptr(),
        None => c"".as_ptr(),
    })
}

/// Free a container handle (the container itself is untouched). NULL is a no-op.
#[no_mangle]
pub extern "C" fn docker_container_free(container: *mut docker_container) {
    if !container.is_null() {
        // SAFETY: made by Box::into_raw in this library, freed once.
        guard((), || drop(unsafe { Box::from_raw(container) }));
    }
}

/// Run an export's body with the container argument checked.
fn with_container(
    container: *const docker_container,
    error: *mut *mut docker_error,
    f: impl FnOnce(&docker_container) -> Result<()>,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        f(c)
    })
}

/// A getter over the cached attributes (no request): the computed text into `*out`.
fn attr_getter(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
    f: fn(&docker_container, &serde_json::Value) -> String,
) -> docker_result {
    with_container(container, error, |c| {
        arg_out(out, "out")?;
        let attrs = c.attrs();
        put_string(out, f(c, attrs.value()?))
    })
}

/// The first 12 characters of the id (docker-py's `short_id`). `*out`: free with
/// docker_string_free. No request is made.
#[no_mangle]
pub extern "C" fn docker_container_short_id(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    attr_getter(container, out, error, |c, _| {
        c.id_str().chars().take(12).collect()
    })
}

/// The container's name without the leading slash (docker-py's `name`), from the cached
/// attributes (docker_container_reload refreshes them). `*out`: free with docker_string_free.
#[no_mangle]
pub extern "C" fn docker_container_name(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    attr_getter(container, out, error, |_, a| {
        a.get("Name")
            .and_then(|n| n.as_str())
            .unwrap_or_default()
            .trim_start_matches('/')
            .to_string()
    })
}

/// The container's labels as a JSON object (docker-py's `labels`; {} when none), from the
/// cached attributes. `*out`: free with docker_string_free.
#[no_mangle]
pub extern "C" fn docker_container_labels_json(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    attr_getter(container, out, error, |_, a| {
        match a.pointer("/Config/Labels") {
            Some(l) if l.is_object() => l.to_string(),
            _ => "{}".to_string(),
        }
    })
}

/// The container's status ("created", "running", "paused", "restarting", "removing",
/// "exited", "dead"; Podman may add its own), from the cached attributes: call
/// docker_container_reload first for a fresh one. `*out`: free with docker_string_free.
#[no_mangle]
pub extern "C" fn docker_container_status(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    attr_getter(container, out, error, |_, a| match a.get("State") {
        Some(serde_json::Value::Object(s)) => s
            .get("Status")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string(),
        Some(serde_json::Value::String(s)) => s.clone(),
        _ => String::new(),
    })
}

/// The health status: "healthy", "unhealthy", "starting", or "unknown" when the container has
/// no healthcheck (docker-py's `health`), from the cached attributes. `*out`: free with
/// docker_string_free.
#[no_mangle]
pub extern "C" fn docker_container_health(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    attr_getter(container, out, error, |_, a| {
        // Podman sends an empty Health object ({"Status": ""}) for no healthcheck.
        a.pointer("/State/Health/Status")
            .and_then(|v| v.as_str())
            .filter(|s| !s.is_empty())
            .unwrap_or("unknown")
            .to_string()
    })
}

/// The published ports as JSON, docker-py's `ports` shape: {"80/tcp": [{"HostIp": "0.0.0.0",
/// "HostPort": "8080"}], "443/tcp": null}; {} when none. From the cached attributes.
/// `*out`: free with docker_string_free.
#[no_mangle]
pub extern "C" fn docker_container_ports_json(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    attr_getter(container, out, error, |_, a| {
        match a.pointer("/NetworkSettings/Ports") {
            Some(p) if p.is_object() => p.to_string(),
            _ => "{}".to_string(),
        }
    })
}

/// The whole inspect JSON (docker-py's `attrs`), as last fetched. `*out`: free with
/// docker_string_free.
#[no_mangle]
pub extern "C" fn docker_container_attrs_json(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        arg_out(out, "out")?;
        put_string(out, c.attrs().text().to_string())
    })
}

/// The engine's warnings from create or the last update, as a JSON array of strings.
/// `*out`: free with docker_string_free.
#[no_mangle]
pub extern "C" fn docker_container_warnings_json(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    attr_getter(container, out, error, |c, _| {
        c.warnings
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .to_string()
    })
}

/// The container's image (docker-py's `image`) as JSON {"Id": "sha256:...", "RepoTags": [...]};
/// RepoTags is [] when the image is gone or untagged. Asks the engine. `*out`: free with
/// docker_string_free. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_container_image(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        arg_out(out, "out")?;
        let id = c
            .attrs()
            .value()?
            .get("Image")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        let tags = match run_here(crate::engine::images::inspect(&c.client, &id)) {
            Ok(b) => {
                let v: serde_json::Value = crate::engine::client::decode_json(&b)?;
                v.get("RepoTags")
                    .cloned()
                    .filter(|t| t.is_array())
                    .unwrap_or_else(|| serde_json::json!([]))
            }
            Err(Error::Api { status: 404, .. }) => serde_json::json!([]),
            Err(e) => return Err(e),
        };
        put_string(
            out,
            serde_json::json!({"Id": id, "RepoTags": tags}).to_string(),
        )
    })
}

/// Fetch the attributes again (docker-py's `reload()`). Safe while other threads read them.
/// Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_container_reload(
    container: *const docker_container,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| run_here(c.reload()))
}
