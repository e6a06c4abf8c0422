//! What the network and volume handles share (docker-py's `Model`): the client, an id that
//! never changes, and the last inspect JSON, replaced by reload.

use super::args::{arg_out, put_string};
use super::error::{boundary, docker_error, docker_result};
use crate::engine::{Client, Error, Result};
use serde_json::Value;
use std::ffi::{c_char, CString};
use std::sync::{Arc, RwLock};

pub(crate) struct Model {
    pub(crate) client: Client,
    /// The id (networks) or name (volumes); immutable, so it can be lent out.
    pub(crate) id: CString,
    /// The inspect JSON as the engine sent it.
    attrs: RwLock<Arc<String>>,
}

/// Check that an answer is a JSON object and read its `key` field.
fn checked(body: &[u8], key: &str) -> Result<(String, String)> {
    let text = std::str::from_utf8(body)
        .map_err(|e| Error::Protocol(format!("the engine's answer is not UTF-8: {e}")))?;
    let v: Value = serde_json::from_str(text)
        .map_err(|e| Error::Protocol(format!("the engine's answer is not JSON: {e}")))?;
    let id = v
        .get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| Error::Protocol(format!("the engine's answer has no {key}")))?;
    Ok((id.to_string(), text.trim().to_string()))
}

impl Model {
    /// A model from inspect JSON whose `key` field ("Id", "Name") is the id.
    pub(crate) fn from_inspect(client: Client, body: &[u8], key: &str) -> Result<Model> {
        let (id, text) = checked(body, key)?;
        let id = CString::new(id).map_err(|_| Error::Protocol(format!("{key} holds a NUL")))?;
        Ok(Model {
            client,
            id,
            attrs: RwLock::new(Arc::new(text)),
        })
    }

    pub(crate) fn id_str(&self) -> &str {
        self.id.to_str().unwrap_or_default()
    }

    pub(crate) fn attrs(&self) -> Arc<String> {
        self.attrs.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Replace the attributes with a fresh inspect answer (same `key` check).
    pub(crate) fn set_attrs(&self, body: &[u8], key: &str) -> Result<()> {
        let (_, text) = checked(body, key)?;
        *self.attrs.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(text);
        Ok(())
    }

    /// One field of the attributes as text ("" when absent or not a string).
    pub(crate) fn field(&self, key: &str) -> Result<String> {
        let v: Value = serde_json::from_str(&self.attrs())
            .map_err(|e| Error::Protocol(format!("cached attributes are not JSON: {e}")))?;
        Ok(v.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string())
    }
}

/// An export's body over a handle holding a model: the handle checked, then `f`.
pub(crate) fn with_model<T>(
    handle: *const T,
    what: &str,
    error: *mut *mut docker_error,
    model: fn(&T) -> &Model,
    f: impl FnOnce(&Model) -> Result<()>,
) -> docker_result {
    boundary(error, || {
        // SAFETY: handle is NULL or a live handle of this library, as the contract says.
        let h = unsafe { super::args::arg_ref(handle, what) }?;
        f(model(h))
    })
}

/// A getter writing text computed from the model into `*out`.
pub(crate) fn text_getter<T>(
    handle: *const T,
    what: &str,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
    model: fn(&T) -> &Model,
    f: fn(&Model) -> Result<String>,
) -> docker_result {
    with_model(handle, what, error, model, |m| {
        arg_out(out, "out")?;
        put_string(out, f(m)?)
    })
}
