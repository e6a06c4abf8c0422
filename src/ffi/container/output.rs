//! The container's output streams: logs, stats, attach, top. Each stream comes in the
//! callback form (blocking, callbacks on the calling thread) and the pull form (`_open`).

use super::super::args::*;
use super::super::cancel::docker_cancel;
use super::super::error::{boundary, docker_error, docker_result};
use super::super::memory::docker_buffer;
use super::super::runtime::{run, run_here};
use super::super::stream::*;
use super::{arg_container, docker_container};
use crate::engine::streams::{self, gather, AttachOptions, LogsOptions};
use crate::engine::Error;
use std::ffi::{c_char, c_void};

/// docker-py's `logs()` with a callback: each piece of output goes to `cb` with its kind
/// (stdout, stderr, or console for a tty container). Options: `stdout`, `stderr` (default
/// true), `timestamps`, `tail` ("all" or N), `since` and `until` (unix seconds with fractions,
/// RFC 3339 such as "2024-01-02T03:04:05.5Z", or a duration back from now such as "10m"; kept to
/// the nanosecond), `follow` (keep reading as the container writes), `idle_timeout` (seconds of
/// silence before DOCKER_ERR_TIMEOUT). `cancel` may be NULL. Returns when the logs end, the
/// callback returns non-zero, the token fires or the idle timeout passes. Blocks the calling
/// thread; `cb` runs on it.
///
/// Options (option table, written by `make options`):
/// - `stdout` (boolean; default true): Get STDOUT.
/// - `stderr` (boolean; default true): Get STDERR.
/// - `timestamps` (boolean; default false): Show timestamps.
/// - `tail` (string|integer; default "all"): Output specified number of lines at the end of logs: an integer or "all".
/// - `since` (string|number): Show logs since a given time: unix seconds, RFC 3339, or a duration back from now ("10m").
/// - `until` (string|number; API 1.35+): Show logs that occurred before the given time (as since).
/// - `follow` (boolean; default false): Follow log output.
/// - `idle_timeout` (number): Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
#[no_mangle]
pub extern "C" fn docker_container_logs(
    container: *const docker_container,
    options_json: *const c_char,
    cb: docker_stream_cb,
    userdata: *mut c_void,
    cancel: *const docker_cancel,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        callback_form(
            c,
            options_json,
            "docker_container_logs",
            cb,
            userdata,
            cancel,
            |c, o| {
                let lo = LogsOptions::take(o)?;
                Ok(Box::pin(async move { c.inner.logs(&lo).await }))
            },
        )
    })
}

/// The logs as a pull stream (same options as docker_container_logs, less idle_timeout: give
/// docker_stream_next a timeout instead). `*out`: free with docker_stream_free.
///
/// Options (option table, written by `make options`):
/// - `stdout` (boolean; default true): Get STDOUT.
/// - `stderr` (boolean; default true): Get STDERR.
/// - `timestamps` (boolean; default false): Show timestamps.
/// - `tail` (string|integer; default "all"): Output specified number of lines at the end of logs: an integer or "all".
/// - `since` (string|number): Show logs since a given time: unix seconds, RFC 3339, or a duration back from now ("10m").
/// - `until` (string|number; API 1.35+): Show logs that occurred before the given time (as since).
/// - `follow` (boolean; default false): Follow log output.
#[no_mangle]
pub extern "C" fn docker_container_logs_open(
    container: *const docker_container,
    options_json: *const c_char,
    out: *mut *mut docker_stream,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        pull_form(
            c,
            options_json,
            "docker_container_logs_open",
            out,
            |c, o| {
                let lo = LogsOptions::take(o)?;
                Ok(Box::pin(async move { c.inner.logs(&lo).await }))
            },
        )
    })
}

/// The logs gathered into memory (docker-py's `logs()` without stream). Options as
/// docker_container_logs, less `follow`, plus `demux`: with it, stdout goes to `*out` and
/// stderr to `*out_stderr`; without it, both go to `*out` in order (`out_stderr` may be NULL).
/// Buffers: free with docker_buffer_free. Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `stdout` (boolean; default true): Get STDOUT.
/// - `stderr` (boolean; default true): Get STDERR.
/// - `timestamps` (boolean; default false): Show timestamps.
/// - `tail` (string|integer; default "all"): Output specified number of lines at the end of logs: an integer or "all".
/// - `since` (string|number): Show logs since a given time: unix seconds, RFC 3339, or a duration back from now ("10m").
/// - `until` (string|number; API 1.35+): Show logs that occurred before the given time (as since).
/// - `follow` (boolean; default false): Follow log output.
/// - `demux` (boolean; default false): Return stdout and stderr separately.
#[no_mangle]
pub extern "C" fn docker_container_logs_buffer(
    container: *const docker_container,
    options_json: *const c_char,
    out: *mut *mut docker_buffer,
    out_stderr: *mut *mut docker_buffer,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let mut o = arg!(arg_options(options_json, "docker_container_logs_buffer"))?;
        arg_out(out, "out")?;
        let demux = o.bool("demux")?.unwrap_or(false);
        if demux {
            arg_out(out_stderr, "out_stderr")?;
        }
        let lo = LogsOptions::take(&mut o)?;
        o.finish()?;
        if lo.follow {
            return Err(Error::invalid("logs options: \"follow\" needs a stream: use docker_container_logs or docker_container_logs_open"));
        }
        let (a, b) = run_here(async {
            let s = c.inner.logs(&lo).await?;
            gather(s, demux).await
        })?;
        give(out, docker_buffer::new_raw(a));
        if demux {
            give(out_stderr, docker_buffer::new_raw(b));
        }
        Ok(())
    })
}

/// docker-py's `stats()` as a stream: each sample goes to `cb` as kind DOCKER_STREAM_JSON, the
/// engine's JSON plus "derived": {cpu_percent, memory_usage (without page cache),
/// memory_limit, memory_percent, net_rx, net_tx, blk_read, blk_write, pids, online_cpus}.
/// cpu_percent is null in a sample without the engine's previous reading (the first one).
/// Options: `idle_timeout`. About one sample a second, until stopped. Blocks the calling
/// thread; `cb` runs on it.
///
/// Options (option table, written by `make options`):
/// - `idle_timeout` (number): Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
#[no_mangle]
pub extern "C" fn docker_container_stats(
    container: *const docker_container,
    options_json: *const c_char,
    cb: docker_stream_cb,
    userdata: *mut c_void,
    cancel: *const docker_cancel,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        callback_form(
            c,
            options_json,
            "docker_container_stats",
            cb,
            userdata,
            cancel,
            |c, _| Ok(Box::pin(c.inner.stats())),
        )
    })
}

/// The stats stream in pull form. `*out`: free with docker_stream_free.
///
/// Options (option table, written by `make options`):
/// - none (NULL, "" or {} only)
#[no_mangle]
pub extern "C" fn docker_container_stats_open(
    container: *const docker_container,
    options_json: *const c_char,
    out: *mut *mut docker_stream,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        pull_form(
            c,
            options_json,
            "docker_container_stats_open",
            out,
            |c, _| Ok(Box::pin(c.inner.stats())),
        )
    })
}

/// One stats sample as JSON (with "derived", as docker_container_stats). Options: `one_shot`
/// (default true where the engine has it, API 1.41+: the sample comes at once, but without the
/// previous CPU reading, so derived.cpu_percent is null; false: the engine waits about a second
/// for a second reading and cpu_percent is what `docker stats` shows). `*out`: free with
/// docker_string_free. Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `one_shot` (boolean; default true; API 1.41+): true: the sample at once, without the previous CPU reading; false: wait for a second reading.
#[no_mangle]
pub extern "C" fn docker_container_stats_once(
    container: *const docker_container,
    options_json: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let mut o = arg!(arg_options(options_json, "docker_container_stats_once"))?;
        arg_out(out, "out")?;
        let one_shot = o.bool("one_shot")?.unwrap_or(true);
        o.finish()?;
        let v = run_here(streams::stats_once(c.client(), c.id_str(), one_shot))?;
        put_string(out, v.to_string())?;
        Ok(())
    })
}

/// docker-py's `attach()` with a callback: the container's output as it comes. Options:
/// `stdout`, `stderr` (default true), `stream` (default true), `logs` (replay earlier output
/// first), `detach_keys`, `idle_timeout`. Blocks until the container's output ends, the callback
/// stops it, the token fires or the idle timeout passes; `cb` runs on the calling thread.
///
/// Options (option table, written by `make options`):
/// - `stdout` (boolean; default true): Include stdout.
/// - `stderr` (boolean; default true): Include stderr.
/// - `stream` (boolean; default true): Return container output progressively.
/// - `logs` (boolean; default false): Include the container's previous output.
/// - `detach_keys` (string): Override the key sequence for detaching a container.
/// - `stdin` (boolean; default false): Attach to stdin.
/// - `idle_timeout` (number): Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
#[no_mangle]
pub extern "C" fn docker_container_attach(
    container: *const docker_container,
    options_json: *const c_char,
    cb: docker_stream_cb,
    userdata: *mut c_void,
    cancel: *const docker_cancel,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        callback_form(
            c,
            options_json,
            "docker_container_attach",
            cb,
            userdata,
            cancel,
            |c, o| {
                let ao = AttachOptions::take(o, false)?;
                Ok(Box::pin(async move {
                    c.inner.attach(&ao).await.map(|(s, _)| s)
                }))
            },
        )
    })
}

/// docker-py's `attach_socket()`: both directions as a pull stream. Options as
/// docker_container_attach, with `stdin` defaulting to true: write with docker_stream_write,
/// end stdin with docker_stream_close_write (the container needs `stdin_open`), resize its tty
/// with docker_stream_resize. `*out`: free with docker_stream_free.
///
/// Options (option table, written by `make options`):
/// - `stdout` (boolean; default true): Include stdout.
/// - `stderr` (boolean; default true): Include stderr.
/// - `stream` (boolean; default true): Return container output progressively.
/// - `logs` (boolean; default false): Include the container's previous output.
/// - `detach_keys` (string): Override the key sequence for detaching a container.
/// - `stdin` (boolean; default true): Attach to stdin.
#[no_mangle]
pub extern "C" fn docker_container_attach_open(
    container: *const docker_container,
    options_json: *const c_char,
    out: *mut *mut docker_stream,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let mut o = arg!(arg_options(options_json, "docker_container_attach_open"))?;
        arg_out(out, "out")?;
        let ao = AttachOptions::take(&mut o, true)?;
        o.finish()?;
        let (s, w) = run(c.inner.attach(&ao))?;
        let resize = ResizeTarget::Container(c.client().clone(), c.id_str().to_string());
        give(
            out,
            docker_stream::new(s, if ao.stdin { Some(w) } else { None }, resize, None).into_raw(),
        );
        Ok(())
    })
}

/// docker-py's `top(ps_args)`: the processes as JSON {"Titles": [...], "Processes": [[...]]}.
/// Options: `ps_args` (e.g. "aux"). `*out`: free with docker_string_free. Blocks the calling
/// thread.
///
/// Options (option table, written by `make options`):
/// - `ps_args` (string): An optional arguments passed to ps (for example, aux).
#[no_mangle]
pub extern "C" fn docker_container_top(
    container: *const docker_container,
    options_json: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let mut o = arg!(arg_options(options_json, "docker_container_top"))?;
        arg_out(out, "out")?;
        let ps_args = o.string("ps_args")?;
        o.finish()?;
        let b = run_here(streams::top(c.client(), c.id_str(), ps_args.as_deref()))?;
        put_string(out, b.to_vec())?;
        Ok(())
    })
}
