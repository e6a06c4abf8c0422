//! Client-wide streams: engine events (`docker_client_events*`, docker-py's `client.events()`)
//! and the stats of many containers at once (`docker_client_stats*`, as `docker stats`).
//! Each in the callback form (blocking, callbacks on the calling thread) and the pull form.

use super::args::{arg_options, arg_out, arg_ref, put};
use super::cancel::{arg_cancel, docker_cancel};
use super::client::docker_client;
use super::error::{boundary, docker_error, docker_result};
use super::runtime::{run, run_here};
use super::stream::{docker_stream, docker_stream_cb, drive_async, idle_option, ResizeTarget};
use crate::engine::events::{self, EventsOptions};
use crate::engine::opts::Opts;
use crate::engine::stats_many::{self, StatsManyOptions};
use crate::engine::streams::ChunkStream;
use crate::engine::{Client, Error, Result};
use std::ffi::{c_char, c_void};
use std::future::Future;
use std::pin::Pin;

type Open = Pin<Box<dyn Future<Output = Result<ChunkStream>> + Send>>;

/// The callback form: check the arguments, open the stream, hand each item to `cb`.
#[allow(clippy::too_many_arguments)]
fn callback_call(
    client: *const docker_client,
    options_json: *const c_char,
    function: &'static str,
    cb: docker_stream_cb,
    userdata: *mut c_void,
    cancel: *const docker_cancel,
    error: *mut *mut docker_error,
    open: fn(Client, &mut Opts) -> Result<Open>,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let mut o = arg!(arg_options(options_json, function))?;
        if cb.is_none() {
            return Err(Error::invalid("callback is NULL"));
        }
        let idle = idle_option(&mut o)?;
        let token = arg!(arg_cancel(cancel));
        let fut = open(c.inner.clone(), &mut o)?;
        o.finish()?;
        run_here(async move { drive_async(fut.await?, cb, userdata, token, idle).await })
    })
}

/// The pull form: a docker_stream into `*out`.
fn open_call(
    client: *const docker_client,
    options_json: *const c_char,
    function: &'static str,
    out: *mut *mut docker_stream,
    error: *mut *mut docker_error,
    open: fn(Client, &mut Opts) -> Result<Open>,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let mut o = arg!(arg_options(options_json, function))?;
        arg_out(out, "out")?;
        let fut = open(c.inner.clone(), &mut o)?;
        o.finish()?;
        let s = run(fut)?;
        let raw = docker_stream::new(s, None, ResizeTarget::None, None).into_raw();
        // SAFETY: `out` was checked non-NULL above.
        unsafe { put(out, raw) };
        Ok(())
    })
}

fn open_events(c: Client, o: &mut Opts) -> Result<Open> {
    let eo = EventsOptions::take(o)?;
    Ok(Box::pin(async move { events::events(&c, &eo).await }))
}

fn open_stats(c: Client, o: &mut Opts) -> Result<Open> {
    let so = StatsManyOptions::take(o)?;
    Ok(Box::pin(
        async move { stats_many::stats_many(&c, so).await },
    ))
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
    callback_call(
        client,
        options_json,
        "docker_client_events",
        cb,
        userdata,
        cancel,
        error,
        open_events,
    )
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
    open_call(
        client,
        options_json,
        "docker_client_events_open",
        out,
        error,
        open_events,
    )
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
    callback_call(
        client,
        options_json,
        "docker_client_stats",
        cb,
        userdata,
        cancel,
        error,
        open_stats,
    )
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
    open_call(
        client,
        options_json,
        "docker_client_stats_open",
        out,
        error,
        open_stats,
    )
}
