//! The container collection (docker-py's `client.containers`): run, create, list, prune.

use super::args::{arg_opt_str, arg_options, arg_out, arg_ref, arg_str, put, put_string};
use super::client::docker_client;
use super::container::docker_container;
use super::error::{boundary, docker_error, docker_result};
use super::memory::docker_buffer;
use super::runtime::{run, run_here};
use super::stream::{arg_cancel, cancellable, docker_cancel};
use crate::engine::containers::{self, encode_filters};
use crate::engine::run::{build_create, create_pulling};
use crate::engine::{Client, Error, Result};
use serde_json::Value;
use std::ffi::c_char;

/// docker-py's `client.containers.run(image, command, **options)`.
///
/// `command`: NULL (the image's default), or a string split into words as a POSIX shell would
/// ("sh -c 'echo hi'"). For the list form, leave `command` NULL and pass `"command": [...]` in
/// the options. `options_json`: docker-py's `run()` keywords (see README: `detach`, `remove`,
/// `stdout`, `stderr`, `name`, `environment`, `ports`, `volumes`, `mem_limit`, ... plus
/// `stop_timeout`, `pull` (default true) and the raw `Config`/`HostConfig`/`NetworkingConfig`).
///
/// With `"detach": true`: the container is started and `*out` receives its handle (free with
/// docker_container_free); `output` may be NULL. Without: the container runs to its end, and
/// `*output` receives what it wrote (stdout; stderr too with `"stderr": true`; free with
/// docker_buffer_free). A non-zero exit fails with DOCKER_ERR_CONTAINER_FAILED, carrying the
/// exit status and stderr (docker_error_exit_status, docker_error_stderr). `"remove": true`
/// removes the container afterwards, also on failure; otherwise `*out` (when not NULL) receives
/// its handle. Output is attached before the start, so none is lost with auto_remove.
/// A missing image is pulled unless `"pull": false`; when that fails:
/// DOCKER_ERR_IMAGE_NOT_FOUND. docker-py's `"stream": true` (a log generator) is refused with
/// DOCKER_ERR_INVALID_ARGUMENT rather than ignored: run detached and read docker_container_logs.
/// Blocks the calling thread (for the container's whole run when
/// not detached; the call timeout applies to each request, not to the container's run).
#[no_mangle]
pub extern "C" fn docker_containers_run(
    client: *const docker_client,
    image: *const c_char,
    command: *const c_char,
    options_json: *const c_char,
    out: *mut *mut docker_container,
    output: *mut *mut docker_buffer,
    error: *mut *mut docker_error,
) -> docker_result {
    run_impl(
        client,
        image,
        command,
        options_json,
        "docker_containers_run",
        None,
        out,
        output,
        error,
    )
}

/// docker_containers_run with a cancel token (NULL: none). Firing it from any thread ends the
/// call promptly with DOCKER_ERR_CANCELLED. A container already made is left as it is (still
/// running, when it was): find it by a name or label you gave it. For hosts that cancel from
/// elsewhere, such as Go contexts. Otherwise as docker_containers_run.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn docker_containers_run_cancel(
    client: *const docker_client,
    image: *const c_char,
    command: *const c_char,
    options_json: *const c_char,
    cancel: *const docker_cancel,
    out: *mut *mut docker_container,
    output: *mut *mut docker_buffer,
    error: *mut *mut docker_error,
) -> docker_result {
    // SAFETY: `cancel` is NULL or a live token for the call, per the contract.
    let token = unsafe { arg_cancel(cancel) };
    run_impl(
        client,
        image,
        command,
        options_json,
        "docker_containers_run_cancel",
        token,
        out,
        output,
        error,
    )
}

#[allow(clippy::too_many_arguments)]
fn run_impl(
    client: *const docker_client,
    image: *const c_char,
    command: *const c_char,
    options_json: *const c_char,
    function: &'static str,
    token: Option<&tokio_util::sync::CancellationToken>,
    out: *mut *mut docker_container,
    output: *mut *mut docker_buffer,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        // SAFETY: the pointers are NULL or valid for the call, per the contract.
        let c = unsafe { arg_ref(client, "client") }?;
        let image = unsafe { arg_str(image, "image") }?;
        let command = unsafe { arg_opt_str(command, "command") }?;
        let opts = unsafe { arg_options(options_json, function) }?;
        if image.is_empty() {
            return Err(Error::invalid("image is empty"));
        }
        let detach = opts.into_map();
        let detached = detach
            .get("detach")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if detached {
            arg_out(out, "out")?;
        }
        let client = c.inner.clone();
        let (handle, bytes) = run(cancellable(token, async {
            let r = crate::engine::run::run(&client, image, command, detach).await?;
            let handle = if r.removed || (out.is_null()) {
                None
            } else {
                Some(docker_container::fetch(&client, &r.id).await?)
            };
            Ok::<_, Error>((handle, r.output))
        }))?;
        if let Some(h) = handle {
            // SAFETY: `out` is non-NULL here (checked or tested above).
            unsafe { put(out, h.into_raw()) };
        }
        if let (Some(b), false) = (bytes, output.is_null()) {
            // SAFETY: checked non-NULL.
            unsafe { put(output, docker_buffer::new_raw(b)) };
        }
        Ok(())
    })
}

/// docker-py's `client.containers.create(image, command, **options)`: create without starting.
/// Same `command` and options as docker_containers_run (less run's own: detach is allowed and
/// only decides the Attach* fields, as in docker-py). A missing image is pulled unless
/// `"pull": false`. `*out` receives the handle (free with docker_container_free); the engine's
/// create warnings are kept on it (docker_container_warnings_json). Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_containers_create(
    client: *const docker_client,
    image: *const c_char,
    command: *const c_char,
    options_json: *const c_char,
    out: *mut *mut docker_container,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        // SAFETY: as above.
        let c = unsafe { arg_ref(client, "client") }?;
        let image = unsafe { arg_str(image, "image") }?;
        let command = unsafe { arg_opt_str(command, "command") }?;
        let mut opts = unsafe { arg_options(options_json, "docker_containers_create") }?;
        arg_out(out, "out")?;
        if image.is_empty() {
            return Err(Error::invalid("image is empty"));
        }
        let pull = opts.bool("pull")?.unwrap_or(true);
        let map = opts.into_map();
        let client = c.inner.clone();
        let handle = run(async {
            let req = build_create(&client, image, command, map).await?;
            let created = create_pulling(&client, image, &req, pull).await?;
            let id = created
                .get("Id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let h = docker_container::fetch(&client, &id).await?;
            h.set_warnings(created.get("Warnings").cloned().unwrap_or(Value::Null));
            Ok::<_, Error>(h)
        })?;
        // SAFETY: checked non-NULL above.
        unsafe { put(out, handle.into_raw()) };
        Ok(())
    })
}

async fn list_json(client: &Client, mut o: crate::engine::opts::Opts) -> Result<Vec<u8>> {
    let all = o.bool("all")?.unwrap_or(false);
    let before = o.string("before")?;
    let since = o.string("since")?;
    let limit = o.i64("limit")?.filter(|l| *l >= 0);
    let mut filters = o.object("filters")?.unwrap_or_default();
    let sparse = o.bool("sparse")?.unwrap_or(false);
    let ignore_removed = o.bool("ignore_removed")?.unwrap_or(true);
    o.finish()?;
    // The engine's old before/since query parameters are gone; they are filters now.
    if let Some(b) = before {
        filters.insert("before".into(), Value::String(b));
    }
    if let Some(s) = since {
        filters.insert("since".into(), Value::String(s));
    }
    let filters = if filters.is_empty() {
        None
    } else {
        Some(encode_filters(&filters)?)
    };
    let body = containers::list(client, all, limit, false, filters.as_deref()).await?;
    if sparse {
        return Ok(body.to_vec());
    }
    containers::inspect_listed(client, &body, ignore_removed).await
}

/// docker-py's `client.containers.list(...)`: `*out` receives a JSON array (free with
/// docker_string_free). Options: `all`, `before`, `since` (container ids or names; sent as the
/// engine's filters), `limit`, `filters` (docker-py's form: {"status": "exited", "label":
/// ["a=b"]}; a bool becomes "true"/"false"), `sparse` (true: the engine's list entries as they
/// are; false, the default: each container's full inspect JSON, fetched 8 at a time), and
/// `ignore_removed` (default true: a container removed between list and inspect is skipped).
/// Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_containers_list(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        // SAFETY: as above.
        let c = unsafe { arg_ref(client, "client") }?;
        let o = unsafe { arg_options(options_json, "docker_containers_list") }?;
        arg_out(out, "out")?;
        let client = c.inner.clone();
        let json = run_here(list_json(&client, o))?;
        put_string(out, json)?;
        Ok(())
    })
}

/// docker-py's `client.containers.prune(filters)`: remove stopped containers. Options:
/// `filters` (e.g. {"label": ["dc-test"], "until": "10m"}). `*out` receives the engine's JSON
/// `{"ContainersDeleted": [...], "SpaceReclaimed": N}` (an empty list, never null, when nothing
/// was removed; free with docker_string_free).
/// Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_containers_prune(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        // SAFETY: as above.
        let c = unsafe { arg_ref(client, "client") }?;
        let mut o = unsafe { arg_options(options_json, "docker_containers_prune") }?;
        arg_out(out, "out")?;
        let filters = o.object("filters")?;
        o.finish()?;
        let filters = match filters {
            Some(f) if !f.is_empty() => Some(encode_filters(&f)?),
            _ => None,
        };
        let body = run_here(containers::prune(&c.inner, filters.as_deref()))?;
        put_string(out, body.to_vec())?;
        Ok(())
    })
}
