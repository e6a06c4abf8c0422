//! `docker_container_*`: one container (docker-py's `Container` model). This file holds the
//! handle (a wrapper of `engine::container::Container`, which owns the cached attributes) and
//! the getters' exports; the operations are beside it, by kind:
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
use crate::engine::container::Container;
use crate::engine::{Client, Error, Result};
use std::ffi::{c_char, CString};

/// A container handle. Safe to use from many threads at once; keeps its client alive. Free with
/// docker_container_free.
pub struct docker_container {
    /// The engine's container model (id, cached attributes, getters).
    pub(crate) inner: Container,
    /// The full id; immutable, so docker_container_id can lend it out.
    pub(crate) id: CString,
}

impl docker_container {
    pub(crate) fn new(inner: Container) -> Result<docker_container> {
        let id = CString::new(inner.id())
            .map_err(|_| Error::Protocol("container id holds a NUL byte".into()))?;
        Ok(docker_container { inner, id })
    }

    /// Inspect `id_or_name` and build a handle.
    pub(crate) async fn fetch(client: &Client, id_or_name: &str) -> Result<docker_container> {
        docker_container::new(Container::get(client, id_or_name).await?)
    }

    pub(crate) fn id_str(&self) -> &str {
        self.inner.id()
    }

    /// The client the container was made from, for the exports that call the engine's
    /// functions directly (exec.rs, files.rs).
    pub(crate) fn client(&self) -> &Client {
        self.inner.client()
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
    f: fn(&Container) -> Result<String>,
) -> docker_result {
    with_container(container, error, |c| {
        arg_out(out, "out")?;
        put_string(out, f(&c.inner)?)
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
    attr_getter(container, out, error, |c| Ok(c.short_id()))
}

/// The container's name without the leading slash (docker-py's `name`), from the cached
/// attributes (docker_container_reload refreshes them). `*out`: free with docker_string_free.
#[no_mangle]
pub extern "C" fn docker_container_name(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    attr_getter(container, out, error, Container::name)
}

/// The container's labels as a JSON object (docker-py's `labels`; {} when none), from the
/// cached attributes. `*out`: free with docker_string_free.
#[no_mangle]
pub extern "C" fn docker_container_labels_json(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    attr_getter(container, out, error, |c| Ok(c.labels()?.to_string()))
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
    attr_getter(container, out, error, Container::status)
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
    attr_getter(container, out, error, Container::health)
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
    attr_getter(container, out, error, |c| Ok(c.ports()?.to_string()))
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
        put_string(out, c.inner.attrs().text().to_string())
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
    attr_getter(container, out, error, |c| Ok(c.warnings().to_string()))
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
        put_string(out, run_here(c.inner.image())?.to_string())
    })
}

/// Fetch the attributes again (docker-py's `reload()`). Safe while other threads read them.
/// Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_container_reload(
    container: *const docker_container,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| run_here(c.inner.reload()))
}
