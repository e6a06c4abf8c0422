//! Client-wide streams: engine events (`docker_client_events*`, docker-py's `client.events()`)
//! and the stats of many containers at once (`docker_client_stats*`, as `docker stats`).
//! Each in the callback form (blocking, callbacks on the calling thread) and the pull form.

use super::args::arg_ref;
use super::cancel::docker_cancel;
use super::client::docker_client;
use super::error::{boundary, docker_error, docker_result};
use super::stream::{callback_form, docker_stream, docker_stream_cb, pull_form, OpenStream};
use crate::engine::events::{self, EventsOptions};
use crate::engine::opts::Opts;
use crate::engine::stats_many::{self, StatsManyOptions};
use crate::engine::Result;
use std::ffi::{c_char, c_void};

fn open_events<'a>(c: &'a docker_client, o: &mut Opts) -> Result<OpenStream<'a>> {
    let eo = EventsOptions::take(o)?;
    Ok(Box::pin(async move { events::events(&c.inner, &eo).await }))
}

fn open_stats<'a>(c: &'a docker_client, o: &mut Opts) -> Result<OpenStream<'a>> {
    let so = StatsManyOptions::take(o)?;
    Ok(Box::pin(stats_many::stats_many(&c.inner, so)))
}

/// docker-py's `client.events()` with a callback: each engine event goes to `cb` as kind
/// DOCKER_STREAM_JSON, one JSON object per call, as the engine sent it (Type, Action, Actor
/// {ID, Attributes}, time, timeNano, ...). Options: `since`, `until` (unix seconds with
/// fractions, RFC 3339, or a duration back from now such as "10m", as for logs; with `until`
/// the stream ends there, without it it runs until stopped), `filters` (docker-py's dict:
/// {"type": "container", "container": "ID or name", "event": ["start", "die"], "label":
/// "k=v"}), `idle_timeout`. `cancel` may be NULL. Returns when the stream ends, the callback
/// returns non-zero, the token fires or the idle timeout passes. Blocks the calling thread;
/// `cb` runs on it.
///
/// Options (option table, written by `make options`):
/// - `since` (string|number): Get events from this time: unix seconds, RFC 3339, or a duration back from now ("10m").
/// - `until` (string|number): Get events until this time (as since); without it the stream runs until stopped.
/// - `filters` (object): Filters: type, event, container, image, label, network, volume, daemon, ... (docker-py's dict).
/// - `idle_timeout` (number): Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
#[no_mangle]
pub extern "C" fn docker_client_events(
    client: *const docker_client,
    options_json: *const c_char,
    cb: docker_stream_cb,
    userdata: *mut c_void,
    cancel: *const docker_cancel,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        callback_form(
            c,
            options_json,
            "docker_client_events",
            cb,
            userdata,
            cancel,
            open_events,
        )
    })
}

/// The engine's events as a pull stream (options as docker_client_events, less idle_timeout:
/// give docker_stream_next a timeout instead). Each chunk is one event, kind
/// DOCKER_STREAM_JSON. `*out`: free with docker_stream_free.
///
/// Options (option table, written by `make options`):
/// - `since` (string|number): Get events from this time: unix seconds, RFC 3339, or a duration back from now ("10m").
/// - `until` (string|number): Get events until this time (as since); without it the stream runs until stopped.
/// - `filters` (object): Filters: type, event, container, image, label, network, volume, daemon, ... (docker-py's dict).
#[no_mangle]
pub extern "C" fn docker_client_events_open(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut docker_stream,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        pull_form(
            c,
            options_json,
            "docker_client_events_open",
            out,
            open_events,
        )
    })
}

/// The stats of many containers in one stream, as `docker stats` shows them: every running
/// container, or the running ones `filters` selects (the filters of
/// docker_containers_list), joining as they start and leaving as they stop or are removed. Each item goes to
/// `cb` as kind DOCKER_STREAM_JSON: {"event": "sample", "id", "name", "stats": {cpu_percent,
/// memory_usage, memory_limit, memory_percent, net_rx, net_tx, blk_read, blk_write, pids,
/// online_cpus}} about once a second per container (cpu_percent is null in a container's
/// first sample), {"event": "joined", "id", "name"} when a container enters the set and
/// {"event": "left", "id", "name"} when it stops or is removed. Options: `filters`,
/// `idle_timeout`. Runs until the callback returns non-zero, the token fires or the idle
/// timeout passes. Blocks the calling thread; `cb` runs on it.
///
/// Options (option table, written by `make options`):
/// - `filters` (object): Which containers: the filters of containers.list (name, label, id, ...).
/// - `idle_timeout` (number): Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
#[no_mangle]
pub extern "C" fn docker_client_stats(
    client: *const docker_client,
    options_json: *const c_char,
    cb: docker_stream_cb,
    userdata: *mut c_void,
    cancel: *const docker_cancel,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        callback_form(
            c,
            options_json,
            "docker_client_stats",
            cb,
            userdata,
            cancel,
            open_stats,
        )
    })
}

/// The many-container stats (as docker_client_stats) as a pull stream. `*out`: free with
/// docker_stream_free.
///
/// Options (option table, written by `make options`):
/// - `filters` (object): Which containers: the filters of containers.list (name, label, id, ...).
#[no_mangle]
pub extern "C" fn docker_client_stats_open(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut docker_stream,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        pull_form(c, options_json, "docker_client_stats_open", out, open_stats)
    })
}
