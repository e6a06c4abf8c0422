//! What the network and volume handles share: the engine's model (`engine::model::Model`:
//! client, id, cached attributes) with the id as a C string, and the exports' boilerplate.

use super::args::{arg_out, put_string};
use super::error::{boundary, docker_error, docker_result};
use crate::engine::{self, Client, Error, Result};
use bytes::Bytes;
use std::ffi::{c_char, CString};

/// The engine's model and its id as a C string to lend out.
pub(crate) struct Model {
    inner: engine::model::Model,
    /// The id (networks) or name (volumes); immutable, so it can be lent out.
    pub(crate) id: CString,
}

impl Model {
    /// A model from inspect JSON whose `key` field ("Id", "Name") is the id.
    pub(crate) fn from_inspect(client: Client, body: &[u8], key: &'static str) -> Result<Model> {
        let inner = engine::model::Model::from_inspect(client, Bytes::copy_from_slice(body), key)?;
        let id =
            CString::new(inner.id()).map_err(|_| Error::Protocol(format!("{key} holds a NUL")))?;
        Ok(Model { inner, id })
    }

    pub(crate) fn id_str(&self) -> &str {
        self.inner.id()
    }
}

impl std::ops::Deref for Model {
    type Target = engine::model::Model;
    fn deref(&self) -> &engine::model::Model {
        &self.inner
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
