//! `docker_container`: one container (docker-py's `Container` model): its id, its cached
//! attributes, and the operations on it.

use super::args::{arg_out, arg_ref, arg_str, put};
use super::error::{boundary, docker_error, docker_result, guard};
use super::runtime::run;
use crate::engine::{containers, Client, Error, Result};
use std::ffi::{c_char, CString};
use std::sync::{Arc, RwLock};

/// A container handle. Safe to use from many threads at once; keeps its client alive. Free with
/// docker_container_free.
pub struct docker_container {
    pub(crate) client: Client,
    /// The full id; immutable, so docker_container_id can lend it out.
    pub(crate) id: CString,
    /// The last inspect JSON (docker-py's `attrs`), replaced by reload.
    pub(crate) attrs: RwLock<Arc<serde_json::Value>>,
}

impl docker_container {
    /// Build a handle from inspect JSON.
    pub(crate) fn from_inspect(client: Client, body: &[u8]) -> Result<docker_container> {
        let attrs: serde_json::Value = crate::engine::client::decode_json(body)?;
        let id = attrs
            .get("Id")
            .and_then(|v| v.as_str())
            .ok_or_else(|| Error::Protocol("inspect JSON without an Id".into()))?;
        let id = CString::new(id)
            .map_err(|_| Error::Protocol("container id holds a NUL byte".into()))?;
        Ok(docker_container {
            client,
            id,
            attrs: RwLock::new(Arc::new(attrs)),
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

    pub(crate) fn attrs(&self) -> Arc<serde_json::Value> {
        self.attrs.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub(crate) fn set_attrs(&self, v: serde_json::Value) {
        *self.attrs.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(v);
    }

    /// Re-inspect and replace the cached attributes.
    pub(crate) async fn reload(&self) -> Result<()> {
        let body = containers::inspect(&self.client, self.id_str(), false).await?;
        self.set_attrs(crate::engine::client::decode_json(&body)?);
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

/// docker-py's `client.containers.get(id_or_name)`: a handle for an existing container (full id,
/// short id prefix or name). A missing container gives DOCKER_ERR_NOT_FOUND. `*out` receives a
/// handle to free with docker_container_free. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_containers_get(
    client: *const super::client::docker_client,
    id_or_name: *const c_char,
    out: *mut *mut docker_container,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        // SAFETY: pointers are NULL or valid for the call, as the contract says.
        let c = unsafe { arg_ref(client, "client") }?;
        let name = unsafe { arg_str(id_or_name, "id_or_name") }?;
        arg_out(out, "out")?;
        if name.is_empty() {
            return Err(Error::invalid("id_or_name is empty"));
        }
        let handle = run(docker_container::fetch(&c.inner, name))?;
        // SAFETY: checked non-NULL above.
        unsafe { put(out, handle.into_raw()) };
        Ok(())
    })
}

/// The container's full id, NUL-terminated, borrowed: valid until docker_container_free (it
/// never changes). NULL gives "".
#[no_mangle]
pub extern "C" fn docker_container_id(container: *const docker_container) -> *const c_char {
    // SAFETY: container is NULL or a live handle.
    match unsafe { container.as_ref() } {
        Some(c) => c.id.as_ptr(),
        None => b"\0".as_ptr().cast(),
    }
}

/// Free a container handle (the container itself is untouched). NULL is a no-op.
#[no_mangle]
pub extern "C" fn docker_container_free(container: *mut docker_container) {
    if !container.is_null() {
        // SAFETY: made by Box::into_raw in this library, freed once.
        guard((), || drop(unsafe { Box::from_raw(container) }));
    }
}
