//! Volumes: the collection (docker-py's `client.volumes`: `docker_volumes_*`) and the
//! `docker_volume` handle (docker-py's `Volume` model: `docker_volume_*`).
//!
//! As with containers and networks, `create` and `get` give a handle (the name, which is the
//! volume's id, and its cached inspect JSON, tied to its client); `list` and `prune` give JSON
//! text, and `docker_volumes_get` turns any name from it into a handle.

use super::args::{arg_options, arg_out, arg_ref, arg_str, put, put_string};
use super::client::docker_client;
use super::error::{boundary, docker_error, docker_result, guard};
use super::model::{text_getter, with_model, Model};
use super::runtime::run_here;
use crate::engine::volumes;
use std::ffi::c_char;

/// A volume handle (docker-py's `Volume`): the volume's name, which is its id, and its
/// attributes as last fetched. docker_volumes_create and docker_volumes_get give one;
/// docker_volumes_list and _prune give JSON text (as for networks and containers). Safe to use
/// from many threads at once; keeps its client alive. Free with docker_volume_free (the volume
/// itself stays).
pub struct docker_volume {
    model: Model,
}

fn model(v: &docker_volume) -> &Model {
    &v.model
}

fn hand_out(
    client: &crate::engine::Client,
    body: &[u8],
    out: *mut *mut docker_volume,
) -> crate::engine::Result<()> {
    let v = docker_volume {
        model: Model::from_inspect(client.clone(), body, "Name")?,
    };
    // SAFETY: `out` was checked non-NULL by the caller.
    unsafe { put(out, Box::into_raw(Box::new(v))) };
    Ok(())
}

/// docker-py's `client.volumes.create(name=None, **kwargs)`: create a volume and give a handle
/// to it (`*out`: free with docker_volume_free). Options, docker-py's keyword arguments: `name`
/// (without one the engine makes one up), `driver`, `driver_opts` (an object, e.g. {"type":
/// "tmpfs", "device": "tmpfs"}), `labels` (an object). Creating a volume whose name exists
/// gives that volume (the engine's behaviour). Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `name` (string): Name of the volume; the engine makes one up when absent.
/// - `driver` (string): Name of the driver used to create the volume.
/// - `driver_opts` (object): Driver options as a key-value dictionary.
/// - `labels` (object): Labels to set on the volume.
#[no_mangle]
pub extern "C" fn docker_volumes_create(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut docker_volume,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let mut o = arg!(arg_options(options_json, "docker_volumes_create"))?;
        arg_out(out, "out")?;
        let body = volumes::create_body(&mut o)?;
        o.finish()?;
        let created = run_here(volumes::create(&c.inner, &body))?;
        hand_out(&c.inner, &created, out)
    })
}

/// docker-py's `client.volumes.get(volume_id)`: a handle for an existing volume, by name. A
/// missing volume gives DOCKER_ERR_NOT_FOUND. `*out`: free with docker_volume_free. Blocks the
/// calling thread.
#[no_mangle]
pub extern "C" fn docker_volumes_get(
    client: *const docker_client,
    name: *const c_char,
    out: *mut *mut docker_volume,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let name = arg!(arg_str(name, "name"))?;
        arg_out(out, "out")?;
        let body = run_here(volumes::inspect(&c.inner, name))?;
        hand_out(&c.inner, &body, out)
    })
}

/// docker-py's `client.volumes.list(filters=None)`: `*out` receives a JSON array of volumes
/// (the `Volumes` list of the engine's answer; [] when there are none; free with
/// docker_string_free). Options: `filters` (docker-py's form: {"name": "x", "label":
/// ["a=b"], "dangling": true, "driver": "local"}). Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `filters` (object): Server-side list filtering options, such as {"label": ["a=b"], "dangling": true}.
#[no_mangle]
pub extern "C" fn docker_volumes_list(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let mut o = arg!(arg_options(options_json, "docker_volumes_list"))?;
        arg_out(out, "out")?;
        let filters = volumes::list_filters(&mut o)?;
        o.finish()?;
        let json = run_here(volumes::list(&c.inner, filters.as_deref()))?;
        put_string(out, json)
    })
}

/// docker-py's `client.volumes.prune(filters=None)`: remove the volumes no container uses
/// (on Engine API 1.42 and newer only anonymous ones, unless the filter {"all": true}).
/// Options: `filters` (e.g. {"label": ["a=b"]}). `*out` receives the engine's JSON
/// {"VolumesDeleted": [...], "SpaceReclaimed": N} (an empty list, never null, when nothing
/// went; free with docker_string_free). Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `filters` (object): Filters to process on the prune list, such as {"label": ["a"], "until": "10m"}.
#[no_mangle]
pub extern "C" fn docker_volumes_prune(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let mut o = arg!(arg_options(options_json, "docker_volumes_prune"))?;
        arg_out(out, "out")?;
        let filters = volumes::list_filters(&mut o)?;
        o.finish()?;
        let body = run_here(volumes::prune(&c.inner, filters.as_deref()))?;
        put_string(out, body.to_vec())
    })
}

/// The volume's name (docker-py's `name`, which is also its `id`), NUL-terminated, borrowed:
/// valid until docker_volume_free (it never changes). NULL gives "".
#[no_mangle]
pub extern "C" fn docker_volume_name(volume: *const docker_volume) -> *const c_char {
    guard(c"".as_ptr(), || {
        // SAFETY: volume is NULL or a live handle.
        match unsafe { volume.as_ref() } {
            Some(v) => v.model.id.as_ptr(),
            None => c"".as_ptr(),
        }
    })
}

/// Free a volume handle (the volume itself stays). NULL is a no-op.
#[no_mangle]
pub extern "C" fn docker_volume_free(volume: *mut docker_volume) {
    if !volume.is_null() {
        // SAFETY: made by Box::into_raw in this library, freed once.
        guard((), || drop(unsafe { Box::from_raw(volume) }));
    }
}

/// The whole inspect JSON (docker-py's `attrs`: Name, Driver, Mountpoint, Labels, Options,
/// Scope, CreatedAt), as last fetched. No request. `*out`: free with docker_string_free.
#[no_mangle]
pub extern "C" fn docker_volume_attrs_json(
    volume: *const docker_volume,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    text_getter(volume, "volume", out, error, model, |m| {
        Ok(m.attrs().text().to_string())
    })
}

/// Fetch the attributes again (docker-py's `reload()`). Safe while other threads read them.
/// Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_volume_reload(
    volume: *const docker_volume,
    error: *mut *mut docker_error,
) -> docker_result {
    with_model(volume, "volume", error, model, |m| {
        run_here(volumes::reload(m))
    })
}

/// Remove the volume (docker-py's `remove(force=False)`); the handle stays valid to free.
/// Options: `force`. A volume a container uses gives DOCKER_ERR_CONFLICT. Blocks the calling
/// thread.
///
/// Options (option table, written by `make options`):
/// - `force` (boolean; default false): Force the action (disconnect a running container; remove a volume in use).
#[no_mangle]
pub extern "C" fn docker_volume_remove(
    volume: *const docker_volume,
    options_json: *const c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_model(volume, "volume", error, model, |m| {
        let mut o = arg!(arg_options(options_json, "docker_volume_remove"))?;
        let force = o.bool("force")?.unwrap_or(false);
        o.finish()?;
        run_here(volumes::remove(m.client(), m.id_str(), force))
    })
}
