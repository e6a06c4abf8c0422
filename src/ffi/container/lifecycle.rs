//! The container's lifecycle and changes: start, stop, restart, kill, pause, unpause, remove,
//! wait, rename, resize, update, commit.

use super::super::args::*;
use super::super::cancel::{arg_cancel, cancellable, docker_cancel};
use super::super::error::{docker_error, docker_result};
use super::super::runtime::run_here;
use super::{docker_container, with_container};
use crate::engine::{containers, Error, Result};
use std::ffi::c_char;

/// Start the container. Starting one that is already running is not an error (the engine
/// answers 304 Not Modified; this returns DOCKER_OK). Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_container_start(
    container: *const docker_container,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        run_here(containers::start(c.client(), c.id_str())).map(drop)
    })
}

fn stop_args(
    o: &mut crate::engine::opts::Opts,
    what: &str,
) -> Result<(Option<i64>, Option<String>)> {
    let timeout = o.i64("timeout")?;
    if timeout.is_some_and(|t| t < -1) {
        return Err(Error::invalid(format!(
            "{what}: \"timeout\" must be -1 (wait for ever) or more"
        )));
    }
    let signal = o
        .string("signal")?
        .map(|s| containers::normalize_signal(&s))
        .transpose()?;
    Ok((timeout, signal))
}

/// Stop the container: SIGTERM (or its StopSignal, or `signal`), then SIGKILL after `timeout`
/// seconds. Options: `timeout` (omitted: the container's own StopTimeout, default 10 s),
/// `signal` (needs Engine API 1.42). Stopping a stopped container is not an error (304).
/// The call's time limit is widened by the timeout. Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `timeout` (integer): Timeout in seconds to wait for the container to stop before sending a SIGKILL (-1: wait for ever).
/// - `signal` (string; API 1.42+): The signal to stop it with (a name such as "SIGTERM" or a number).
#[no_mangle]
pub extern "C" fn docker_container_stop(
    container: *const docker_container,
    options_json: *const c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        let mut o = arg!(arg_options(options_json, "docker_container_stop"))?;
        let (timeout, signal) = stop_args(&mut o, "stop options")?;
        o.finish()?;
        run_here(containers::stop(
            c.client(),
            c.id_str(),
            timeout,
            signal.as_deref(),
        ))
        .map(drop)
    })
}

/// Restart the container. Options: `timeout` (seconds before the kill; docker-py's default,
/// 10), `signal` (Engine API 1.42+). Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `timeout` (integer; default 10): Number of seconds to try to stop for before killing the container.
/// - `signal` (string; API 1.42+): The signal to stop it with (a name such as "SIGTERM" or a number).
#[no_mangle]
pub extern "C" fn docker_container_restart(
    container: *const docker_container,
    options_json: *const c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        let mut o = arg!(arg_options(options_json, "docker_container_restart"))?;
        let (timeout, signal) = stop_args(&mut o, "restart options")?;
        o.finish()?;
        run_here(containers::restart(
            c.client(),
            c.id_str(),
            Some(timeout.unwrap_or(10)),
            signal.as_deref(),
        ))
    })
}

/// Send a signal: NULL means SIGKILL; otherwise a name ("SIGTERM", "TERM", "sigusr1") or a
/// number ("9"). An unknown name gives DOCKER_ERR_INVALID_ARGUMENT before any request.
/// Killing a container that is not running gives DOCKER_ERR_CONFLICT. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_container_kill(
    container: *const docker_container,
    signal: *const c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        let sig = arg!(arg_opt_str(signal, "signal"))?
            .map(containers::normalize_signal)
            .transpose()?;
        run_here(containers::kill(c.client(), c.id_str(), sig.as_deref()))
    })
}

/// Pause all processes in the container. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_container_pause(
    container: *const docker_container,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        run_here(containers::pause(c.client(), c.id_str()))
    })
}

/// Unpause the container. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_container_unpause(
    container: *const docker_container,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        run_here(containers::unpause(c.client(), c.id_str()))
    })
}

/// Remove the container. Options (docker-py's): `v` (remove its anonymous volumes), `link`
/// (remove a link, not the container), `force` (kill it first if running). The handle stays
/// valid (free it as usual); further calls on it give DOCKER_ERR_NOT_FOUND. Blocks the calling
/// thread.
///
/// Options (option table, written by `make options`):
/// - `v` (boolean; default false): Remove the volumes associated with the container.
/// - `link` (boolean; default false): Remove the specified link and not the underlying container.
/// - `force` (boolean; default false): Force the removal of a running container (uses SIGKILL).
#[no_mangle]
pub extern "C" fn docker_container_remove(
    container: *const docker_container,
    options_json: *const c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        let mut o = arg!(arg_options(options_json, "docker_container_remove"))?;
        let v = o.bool("v")?.unwrap_or(false);
        let link = o.bool("link")?.unwrap_or(false);
        let force = o.bool("force")?.unwrap_or(false);
        o.finish()?;
        run_here(containers::remove(c.client(), c.id_str(), v, link, force))
    })
}

/// Wait for the container to stop (docker-py's `wait`). Options: `condition` ("not-running",
/// the default; "next-exit"; "removed"), `timeout` (seconds; when it passes:
/// DOCKER_ERR_TIMEOUT; omitted: wait for ever). On success `*status_code` (if not NULL) receives
/// the exit code and `*result_json` (if not NULL) the engine's {"StatusCode": N, "Error": ...}
/// (free with docker_string_free). Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `condition` (string; default "not-running"; API 1.30+): Wait until a container state reaches the given condition, either not-running (default), next-exit, or removed.
/// - `timeout` (number): Seconds to wait; when they pass: DOCKER_ERR_TIMEOUT (omitted: for ever).
#[no_mangle]
pub extern "C" fn docker_container_wait(
    container: *const docker_container,
    options_json: *const c_char,
    status_code: *mut i64,
    result_json: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    wait_impl(
        container,
        options_json,
        "docker_container_wait",
        None,
        status_code,
        result_json,
        error,
    )
}

/// docker_container_wait with a cancel token (NULL: none): firing it from any thread ends the
/// wait promptly with DOCKER_ERR_CANCELLED (the container is untouched). For hosts that cancel
/// from elsewhere, such as Go contexts. Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `condition` (string; default "not-running"; API 1.30+): Wait until a container state reaches the given condition, either not-running (default), next-exit, or removed.
/// - `timeout` (number): Seconds to wait; when they pass: DOCKER_ERR_TIMEOUT (omitted: for ever).
#[no_mangle]
pub extern "C" fn docker_container_wait_cancel(
    container: *const docker_container,
    options_json: *const c_char,
    cancel: *const docker_cancel,
    status_code: *mut i64,
    result_json: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    let token = arg!(arg_cancel(cancel));
    wait_impl(
        container,
        options_json,
        "docker_container_wait_cancel",
        token,
        status_code,
        result_json,
        error,
    )
}

fn wait_impl(
    container: *const docker_container,
    options_json: *const c_char,
    function: &'static str,
    token: Option<&tokio_util::sync::CancellationToken>,
    status_code: *mut i64,
    result_json: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        let mut o = arg!(arg_options(options_json, function))?;
        let condition = o.string("condition")?;
        let timeout = o.seconds("timeout")?;
        o.finish()?;
        let v = run_here(cancellable(
            token,
            containers::wait(c.client(), c.id_str(), condition.as_deref(), timeout),
        ))?;
        let code = v.get("StatusCode").and_then(|s| s.as_i64()).unwrap_or(-1);
        if !status_code.is_null() {
            // SAFETY: non-NULL, writable per the contract.
            unsafe { put(status_code, code) };
        }
        if !result_json.is_null() {
            put_string(result_json, v.to_string())?;
        }
        Ok(())
    })
}

/// Rename the container. A name in use gives DOCKER_ERR_CONFLICT. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_container_rename(
    container: *const docker_container,
    name: *const c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        let name = arg!(arg_str(name, "name"))?;
        if name.is_empty() {
            return Err(Error::invalid("name is empty"));
        }
        run_here(containers::rename(c.client(), c.id_str(), name))
    })
}

/// Resize the container's tty to `height` rows and `width` columns. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_container_resize(
    container: *const docker_container,
    height: u32,
    width: u32,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        run_here(containers::resize(c.client(), c.id_str(), height, width))
    })
}

/// Change the container's resources (docker-py's `update`). Options: docker-py's names —
/// `blkio_weight`, `cpu_period`, `cpu_quota`, `cpu_shares`, `cpuset_cpus`, `cpuset_mems`,
/// `mem_limit`, `mem_reservation`, `memswap_limit`, `kernel_memory` (sizes as "512m" or bytes),
/// `restart_policy` — plus `nano_cpus`, `cpus` (1.5 → NanoCpus), `pids_limit`,
/// `cpu_rt_period`, `cpu_rt_runtime`, `oom_kill_disable`, and any Engine API Resources field
/// by its own name ("BlkioWeightDevice", ...). Unlike docker-py, zero is sent (so pids_limit 0
/// lifts a limit); the engine itself reads 0 as "unchanged" for some fields (CpuShares,
/// CpuQuota, ...). Warnings go to docker_container_warnings_json. Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `blkio_weight` (integer): Block IO (relative weight), between 10 and 1000.
/// - `cpu_period` (integer): Limit CPU CFS (Completely Fair Scheduler) period.
/// - `cpu_quota` (integer): Limit CPU CFS (Completely Fair Scheduler) quota.
/// - `cpu_shares` (integer): CPU shares (relative weight).
/// - `cpuset_cpus` (string): CPUs in which to allow execution.
/// - `cpuset_mems` (string): MEMs in which to allow execution.
/// - `mem_limit` (integer|string): Memory limit ("512m" or bytes).
/// - `mem_reservation` (integer|string): Memory soft limit.
/// - `memswap_limit` (integer|string): Total memory (memory + swap), -1 to disable swap.
/// - `kernel_memory` (integer|string): Kernel memory limit.
/// - `restart_policy` (object): Restart policy dictionary.
/// - `nano_cpus` (integer): CPU quota in units of 1e-9 CPUs.
/// - `cpus` (number): CPUs as a number (1.5), sent as NanoCpus.
/// - `pids_limit` (integer): Tune a container's pids limit (0 lifts the limit).
/// - `cpu_rt_period` (integer): Limit CPU real-time period in microseconds.
/// - `cpu_rt_runtime` (integer): Limit CPU real-time runtime in microseconds.
/// - `oom_kill_disable` (boolean): Whether to disable OOM killer.
#[no_mangle]
pub extern "C" fn docker_container_update(
    container: *const docker_container,
    options_json: *const c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        let o = arg!(arg_options(options_json, "docker_container_update"))?;
        run_here(c.inner.update(o))
    })
}

/// Make an image from the container (docker-py's `commit`). Options: `repository`, `tag`,
/// `message`, `author`, `changes` (a Dockerfile instruction string or a list of them), `conf`
/// (an Engine API container config object), `pause` (default true). `*image_id` receives the
/// new image's id (free with docker_string_free). Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `repository` (string): The repository to push the image to.
/// - `tag` (string): The tag to push.
/// - `message` (string): A commit message.
/// - `author` (string): The name of the author.
/// - `changes` (string|array): Dockerfile instructions to apply while committing.
/// - `conf` (object): The configuration for the container.
/// - `pause` (boolean; default true): Whether to pause the container before committing.
#[no_mangle]
pub extern "C" fn docker_container_commit(
    container: *const docker_container,
    options_json: *const c_char,
    image_id: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    with_container(container, error, |c| {
        let mut o = arg!(arg_options(options_json, "docker_container_commit"))?;
        arg_out(image_id, "image_id")?;
        let co = containers::CommitOptions::take(&mut o)?;
        o.finish()?;
        put_string(image_id, run_here(c.inner.commit(&co))?)
    })
}
