//! Images: pull, import, inspect, exists, remove, list, tag, prune.

use super::args::{arg_options, arg_out, arg_path, arg_ref, arg_str, put, put_string};
use super::client::docker_client;
use super::error::{boundary, docker_error, docker_result};
use super::runtime::{run, run_here};
use crate::engine::client::{full_body, Timeout};
use crate::engine::{images, Error};
use std::ffi::{c_char, c_void};

/// Called for each pull progress item: `data[0..len]` is one JSON object from the engine
/// (borrowed for the call). Return 0 to go on, non-zero to stop (the pull then fails with
/// DOCKER_ERR_STOPPED_BY_CALLBACK). Runs on the thread that called docker_images_pull.
pub type docker_progress_cb =
    Option<extern "C" fn(userdata: *mut c_void, data: *const u8, len: usize) -> i32>;

/// Pull an image ("busybox", "busybox:1.36", "registry:5000/x@sha256:..."). Options:
/// `platform`, `timeout` (seconds; default: wait as long as it takes). `progress` may be NULL.
/// Errors the registry reports come back as DOCKER_ERR_ENGINE or DOCKER_ERR_NOT_FOUND with its
/// message. Blocks the calling thread; `progress` runs on it.
///
/// Options (option table, written by `make options`):
/// - `platform` (string; API 1.32+): Platform in the format os[/arch[/variant]].
/// - `timeout` (number): Seconds the whole pull may take (default: no limit).
#[no_mangle]
pub extern "C" fn docker_images_pull(
    client: *const docker_client,
    reference: *const c_char,
    options_json: *const c_char,
    progress: docker_progress_cb,
    userdata: *mut c_void,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let reference = arg!(arg_str(reference, "reference"))?;
        let mut o = arg!(arg_options(options_json, "docker_images_pull"))?;
        let platform = o.string("platform")?;
        let timeout = o
            .seconds("timeout")?
            .map(Timeout::After)
            .unwrap_or(Timeout::Never);
        o.finish()?;
        run(images::pull(
            &c.inner,
            reference,
            platform.as_deref(),
            timeout,
            |item| match progress {
                Some(cb) => cb(userdata, item.as_ptr(), item.len()) == 0,
                None => true,
            },
        ))
    })
}

/// Import a root filesystem tar as an image (`docker import`), from the file at `tar_path`,
/// streamed (never read whole into memory). `repository` and `tag` may be NULL. `*image_id`
/// (if not NULL) receives the new image's id (free with docker_string_free). Blocks the
/// calling thread.
#[no_mangle]
pub extern "C" fn docker_images_import_file(
    client: *const docker_client,
    tar_path: *const c_char,
    repository: *const c_char,
    tag: *const c_char,
    image_id: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let path = arg!(arg_path(tar_path, "tar_path"))?;
        let repository = arg!(super::args::arg_opt_str(repository, "repository"))?;
        let tag = arg!(super::args::arg_opt_str(tag, "tag"))?;
        let id = run(async {
            let body = images::file_body(std::path::Path::new(path)).await?;
            images::import(&c.inner, body, repository, tag).await
        })?;
        if !image_id.is_null() {
            put_string(image_id, id)?;
        }
        Ok(())
    })
}

/// Import a root filesystem tar held in memory (`data[0..len]`, copied before the call
/// returns). Otherwise as docker_images_import_file.
#[no_mangle]
pub extern "C" fn docker_images_import_buffer(
    client: *const docker_client,
    data: *const u8,
    len: usize,
    repository: *const c_char,
    tag: *const c_char,
    image_id: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        if data.is_null() && len > 0 {
            return Err(Error::invalid("data is NULL"));
        }
        let bytes = if len == 0 {
            Vec::new()
        } else {
            // SAFETY: data is not NULL here (checked above) and the caller passed len readable
            // bytes at it, valid for the call; they are copied or used before it returns.
            unsafe { std::slice::from_raw_parts(data, len) }.to_vec()
        };
        let repository = arg!(super::args::arg_opt_str(repository, "repository"))?;
        let tag = arg!(super::args::arg_opt_str(tag, "tag"))?;
        let id = run(images::import(&c.inner, full_body(bytes), repository, tag))?;
        if !image_id.is_null() {
            put_string(image_id, id)?;
        }
        Ok(())
    })
}

/// The image's inspect JSON, as the engine sent it (`*out`: free with docker_string_free).
/// A missing image gives DOCKER_ERR_NOT_FOUND. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_images_inspect(
    client: *const docker_client,
    name: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let name = arg!(arg_str(name, "name"))?;
        arg_out(out, "out")?;
        let b = run_here(images::inspect(&c.inner, name))?;
        put_string(out, b.to_vec())?;
        Ok(())
    })
}

/// Whether the image is present: `*exists` receives true or false. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_images_exists(
    client: *const docker_client,
    name: *const c_char,
    exists: *mut bool,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let name = arg!(arg_str(name, "name"))?;
        arg_out(exists, "exists")?;
        let e = run_here(images::exists(&c.inner, name))?;
        // SAFETY: checked non-NULL.
        unsafe { put(exists, e) };
        Ok(())
    })
}

/// Remove an image. Options: `force`, `noprune`. Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `force` (boolean; default false): Force removal of the image.
/// - `noprune` (boolean; default false): Do not delete untagged parents.
#[no_mangle]
pub extern "C" fn docker_images_remove(
    client: *const docker_client,
    name: *const c_char,
    options_json: *const c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let name = arg!(arg_str(name, "name"))?;
        let mut o = arg!(arg_options(options_json, "docker_images_remove"))?;
        let force = o.bool("force")?.unwrap_or(false);
        let noprune = o.bool("noprune")?.unwrap_or(false);
        o.finish()?;
        run_here(images::remove(&c.inner, name, force, noprune)).map(drop)
    })
}

/// docker-py's `client.images.list(name=None, all=False, filters=None)`: `*out` receives the
/// engine's JSON array of image summaries (`GET /images/json`: Id, RepoTags, RepoDigests,
/// Created, Size, Labels, ...; free with docker_string_free). Options: `name` (sent as the
/// `reference` filter, as docker-py does: "repo", "repo:tag", "repo/*"), `all`, `filters`
/// (docker-py's shapes: {"dangling": true, "label": ["a=b"]}). Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `name` (string): Only show images belonging to the repository name (sent as the reference filter).
/// - `all` (boolean; default false): Show intermediate image layers.
/// - `filters` (object): Filters to be processed on the image list, such as {"dangling": true, "label": ["a=b"]}.
#[no_mangle]
pub extern "C" fn docker_images_list(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let mut o = arg!(arg_options(options_json, "docker_images_list"))?;
        arg_out(out, "out")?;
        let (all, filters) = images::list_query(&mut o)?;
        o.finish()?;
        let body = run_here(images::list(&c.inner, all, filters.as_deref()))?;
        put_string(out, body.to_vec())
    })
}

/// docker-py's `Image.tag(repository, tag=None, force=False)` / `APIClient.tag`: tag `image`
/// (a name or id) as `repository` ("dcab-x/app", "localhost:5000/app"), with option `tag`
/// (default: the engine's "latest") and `force`. A blank repository or tag is
/// DOCKER_ERR_INVALID_ARGUMENT before anything is sent; a missing image gives
/// DOCKER_ERR_IMAGE_NOT_FOUND. Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `tag` (string): The tag name (the engine's default: latest).
/// - `force` (boolean; default false): Force the tag.
#[no_mangle]
pub extern "C" fn docker_images_tag(
    client: *const docker_client,
    image: *const c_char,
    repository: *const c_char,
    options_json: *const c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let image = arg!(arg_str(image, "image"))?;
        let repository = arg!(arg_str(repository, "repository"))?;
        let mut o = arg!(arg_options(options_json, "docker_images_tag"))?;
        let tag = o.string("tag")?;
        let force = o.bool("force")?.unwrap_or(false);
        o.finish()?;
        run_here(images::tag(
            &c.inner,
            image,
            repository,
            tag.as_deref(),
            force,
        ))
    })
}

/// docker-py's `client.images.prune(filters=None)`: remove unused images (by default only
/// dangling ones; `{"dangling": false}` means every image no container uses). `*out` receives
/// {"ImagesDeleted": [{"Untagged"|"Deleted": ...}], "SpaceReclaimed": N} (a list, never null;
/// free with docker_string_free). Options: `filters` ({"dangling", "until", "label"}). Blocks
/// the calling thread.
///
/// Options (option table, written by `make options`):
/// - `filters` (object): Filters to process on the prune list, such as {"label": ["a"], "until": "10m"}.
#[no_mangle]
pub extern "C" fn docker_images_prune(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let mut o = arg!(arg_options(options_json, "docker_images_prune"))?;
        arg_out(out, "out")?;
        let filters = crate::engine::networks::optional_filters(&mut o)?;
        o.finish()?;
        let body = run_here(images::prune(&c.inner, filters.as_deref()))?;
        put_string(out, body.to_vec())
    })
}
