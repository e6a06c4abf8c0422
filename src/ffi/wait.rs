//! `docker_container_wait_for`: the readiness wait (engine/wait.rs) for C.

use super::args::arg_str;
use super::cancel::{arg_cancel, cancellable, docker_cancel};
use super::container::{arg_container, docker_container};
use super::error::{boundary, docker_error, docker_result};
use super::runtime::run;
use crate::engine::wait::{self, Conditions};
use std::ffi::c_char;
use std::time::Duration;

/// Wait until the container is ready: every condition of `conditions_json` holds at once.
/// Returns DOCKER_OK then; otherwise:
/// - DOCKER_ERR_TIMEOUT when `timeout_ms` milliseconds pass (negative: no limit); the message
///   names each condition that did not hold and what was last seen (the status, the health,
///   the log's last line and match count, the port's last answer, the command's exit code);
/// - DOCKER_ERR_CONTAINER_FAILED when the container exits or is removed while a condition
///   still needs it (docker_error_exit_status gives its exit status, docker_error_stderr its
///   last 20 lines of output), or turns unhealthy under a `healthy` condition (the last
///   health-check outputs);
/// - DOCKER_ERR_CANCELLED when `cancel` (may be NULL) fires, from any thread;
/// - DOCKER_ERR_NOT_FOUND when there is no such container (unless waiting for "removed");
/// - DOCKER_ERR_INVALID_ARGUMENT for a condition it does not know (the message names it).
///
/// Conditions, one JSON object; give any of:
/// - `status`: "created", "running", "paused", "restarting", "removing", "exited", "dead" or
///   "removed";
/// - `healthy`: true: the container's healthcheck passes;
/// - `log`: a regular expression (Rust regex syntax) matched by a line of the container's
///   output, lines written before the wait started included; or {"pattern": "...", "stream":
///   "stdout" | "stderr" | "both" (default), "times": N (the Nth matching line; default 1)};
/// - `port`: a published container port (80 or "80/tcp") that accepts a TCP connection on its
///   host address (and is not refused on the container's own address, where that is
///   reachable: the engine's proxy accepts on the host before the service listens); or
///   {"port": 80, "http_path": "/health", "http_status": 200 or [200, 399]}: a GET of the
///   path answers with a status in the range (default [200, 399]);
/// - `exec`: a command (a string split like a shell, or a list) that exits 0 in the container.
///
/// Status and health come from the engine's events after one inspect (one events
/// subscription per client, however many waits run at once); a log condition reads the
/// followed log once; port and exec conditions retry from 100 ms, doubling to 1 s. Blocks the
/// calling thread.
#[no_mangle]
pub extern "C" fn docker_container_wait_for(
    container: *const docker_container,
    conditions_json: *const c_char,
    timeout_ms: i64,
    cancel: *const docker_cancel,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        // cancel NULL or a live token: the contract of every export.
        let c = arg!(arg_container(container))?;
        let text = arg!(arg_str(conditions_json, "conditions_json"))?;
        let token = arg!(arg_cancel(cancel));
        let conds = Conditions::parse(text)?;
        let timeout = u64::try_from(timeout_ms).ok().map(Duration::from_millis);
        // On the shared runtime: the events subscription outlives this call's thread.
        run(cancellable(
            token,
            wait::wait_for(c.client(), c.id_str(), &conds, timeout),
        ))
    })
}

/// For tests: how many events streams the client's readiness waits have opened, and how many
/// waits share the open one now. Built only with the `test-panic` feature.
#[cfg(feature = "test-panic")]
#[no_mangle]
pub extern "C" fn docker_test_events_hub(
    client: *const super::client::docker_client,
    opened: *mut u64,
    subscribers: *mut u64,
) {
    super::error::guard((), || {
        // SAFETY: test code passes a live client and writable slots.
        if let Some(c) = unsafe { client.as_ref() } {
            let hub = c.inner.events_hub();
            unsafe {
                opened.write(hub.opened());
                subscribers.write(hub.subscribers() as u64);
            }
        }
    })
}
