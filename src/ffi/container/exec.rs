//! `docker_container_exec_*`: docker-py's `exec_run` in its forms (gathered, streamed,
//! interactive, detached), each one call into `engine::exec`.

use super::super::args::*;
use super::super::cancel::{arg_cancel, docker_cancel};
use super::super::error::{boundary, docker_error, docker_result};
use super::super::memory::docker_buffer;
use super::super::runtime::{run, run_here};
use super::super::stream::*;
use super::{arg_container, docker_container};
use crate::engine::exec::{self, ExecOptions};
use crate::engine::opts::Opts;
use crate::engine::{Error, Result};
use std::ffi::{c_char, c_void};

fn exec_options(o: &mut Opts, cmd: *const c_char, stdin_default: bool) -> Result<ExecOptions> {
    let cmd = arg!(arg_opt_str(cmd, "cmd"))?;
    // "stream", "socket" and "detach" are separate calls here: the option table refuses them.
    ExecOptions::take(o, cmd, stdin_default)
}

/// docker-py's `exec_run(cmd, ...)`, gathered: `*exit_code` (if not NULL) receives the exit
/// code and `*out` the output (free with docker_buffer_free). `cmd`: a string split like a
/// shell, or NULL with `"cmd": [...]` in the options. Options: `stdout`, `stderr` (default
/// true), `tty`, `privileged`, `user`, `environment` (object or list), `workdir`, `demux` (stdout
/// to `*out`, stderr to `*out_stderr`; otherwise both to `*out` and `out_stderr` may be NULL).
/// A non-zero exit code is not an error. Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `cmd` (string|array): Command to be executed (when the cmd argument is NULL).
/// - `stdout` (boolean; default true): Attach to stdout.
/// - `stderr` (boolean; default true): Attach to stderr.
/// - `tty` (boolean; default false): Allocate a pseudo-TTY.
/// - `privileged` (boolean; default false): Run as privileged.
/// - `user` (string|integer): User to execute command as.
/// - `environment` (object|array): A dictionary or a list of strings in the format ["PASSWORD=xxx"] or {"PASSWORD": "xxx"}.
/// - `workdir` (string; API 1.35+): Path to working directory for this exec session.
/// - `detach_keys` (string): Override the key sequence for detaching a container.
/// - `stdin` (boolean; default false): Attach to stdin.
/// - `demux` (boolean; default false): Return stdout and stderr separately.
#[no_mangle]
pub extern "C" fn docker_container_exec_run(
    container: *const docker_container,
    cmd: *const c_char,
    options_json: *const c_char,
    exit_code: *mut i64,
    out: *mut *mut docker_buffer,
    out_stderr: *mut *mut docker_buffer,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let mut o = arg!(arg_options(options_json, "docker_container_exec_run"))?;
        let demux = o.bool("demux")?.unwrap_or(false);
        let eo = exec_options(&mut o, cmd, false)?;
        o.finish()?;
        if demux {
            arg_out(out_stderr, "out_stderr")?;
        }
        let r = run_here(exec::run_gathered(c.client(), c.id_str(), &eo, demux))?;
        if !exit_code.is_null() {
            // SAFETY: non-NULL, writable.
            unsafe { put(exit_code, r.exit_code) };
        }
        if !out.is_null() {
            give(out, docker_buffer::new_raw(r.output));
        }
        if demux {
            give(out_stderr, docker_buffer::new_raw(r.stderr));
        }
        Ok(())
    })
}

/// docker-py's `exec_run(stream=True)`, with what docker-py lacks: the exit code. Output goes
/// to `cb` as it comes (stdout/stderr apart, console for a tty); when it ends, `*exit_code` (if
/// not NULL) receives the exit code. Options as docker_container_exec_run (less demux) plus
/// `idle_timeout`. `cancel` may be NULL. Blocks the calling thread; `cb` runs on it.
///
/// Options (option table, written by `make options`):
/// - `cmd` (string|array): Command to be executed (when the cmd argument is NULL).
/// - `stdout` (boolean; default true): Attach to stdout.
/// - `stderr` (boolean; default true): Attach to stderr.
/// - `tty` (boolean; default false): Allocate a pseudo-TTY.
/// - `privileged` (boolean; default false): Run as privileged.
/// - `user` (string|integer): User to execute command as.
/// - `environment` (object|array): A dictionary or a list of strings in the format ["PASSWORD=xxx"] or {"PASSWORD": "xxx"}.
/// - `workdir` (string; API 1.35+): Path to working directory for this exec session.
/// - `detach_keys` (string): Override the key sequence for detaching a container.
/// - `stdin` (boolean; default false): Attach to stdin.
/// - `idle_timeout` (number): Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
#[no_mangle]
pub extern "C" fn docker_container_exec_stream(
    container: *const docker_container,
    cmd: *const c_char,
    options_json: *const c_char,
    cb: docker_stream_cb,
    userdata: *mut c_void,
    cancel: *const docker_cancel,
    exit_code: *mut i64,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let mut o = arg!(arg_options(options_json, "docker_container_exec_stream"))?;
        if cb.is_none() {
            return Err(Error::invalid("callback is NULL"));
        }
        let idle = idle_option(&mut o)?;
        let eo = exec_options(&mut o, cmd, false)?;
        o.finish()?;
        let token = arg!(arg_cancel(cancel));
        let code = run_here(async {
            let started = exec::run(c.client(), c.id_str(), &eo).await?;
            let id = started.id.clone();
            drive_async(started.output, cb, userdata, token, idle).await?;
            exec::exit_code(c.client(), &id).await
        })?;
        if !exit_code.is_null() {
            // SAFETY: non-NULL, writable.
            unsafe { put(exit_code, code) };
        }
        Ok(())
    })
}

/// An interactive exec (docker-py's `exec_run(socket=True)`, both ways): a pull stream with
/// stdin (docker_stream_write, docker_stream_close_write), docker_stream_resize for a tty, and
/// docker_stream_exit_code once docker_stream_next has given DOCKER_STREAM_END. Options as
/// docker_container_exec_run, with `stdin` defaulting to true. `*out`: free with
/// docker_stream_free. Blocks until the exec has started.
///
/// Options (option table, written by `make options`):
/// - `cmd` (string|array): Command to be executed (when the cmd argument is NULL).
/// - `stdout` (boolean; default true): Attach to stdout.
/// - `stderr` (boolean; default true): Attach to stderr.
/// - `tty` (boolean; default false): Allocate a pseudo-TTY.
/// - `privileged` (boolean; default false): Run as privileged.
/// - `user` (string|integer): User to execute command as.
/// - `environment` (object|array): A dictionary or a list of strings in the format ["PASSWORD=xxx"] or {"PASSWORD": "xxx"}.
/// - `workdir` (string; API 1.35+): Path to working directory for this exec session.
/// - `detach_keys` (string): Override the key sequence for detaching a container.
/// - `stdin` (boolean; default true): Attach to stdin.
#[no_mangle]
pub extern "C" fn docker_container_exec_open(
    container: *const docker_container,
    cmd: *const c_char,
    options_json: *const c_char,
    out: *mut *mut docker_stream,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let mut o = arg!(arg_options(options_json, "docker_container_exec_open"))?;
        arg_out(out, "out")?;
        let eo = exec_options(&mut o, cmd, true)?;
        o.finish()?;
        let (id, s, w) = run(exec::open_interactive(c.client(), c.id_str(), &eo))?;
        let resize = ResizeTarget::Exec(c.client().clone(), id.clone());
        let stdin = if eo.stdin { Some(w) } else { None };
        give(
            out,
            docker_stream::new(s, stdin, resize, Some((c.client().clone(), id))).into_raw(),
        );
        Ok(())
    })
}

/// docker-py's `exec_run(detach=True)`, keeping what docker-py drops: `*exec_id` receives the
/// exec's id (free with docker_string_free) for docker_exec_inspect. Options as
/// docker_container_exec_run. Returns once the process has started.
///
/// Options (option table, written by `make options`):
/// - `cmd` (string|array): Command to be executed (when the cmd argument is NULL).
/// - `stdout` (boolean; default true): Attach to stdout.
/// - `stderr` (boolean; default true): Attach to stderr.
/// - `tty` (boolean; default false): Allocate a pseudo-TTY.
/// - `privileged` (boolean; default false): Run as privileged.
/// - `user` (string|integer): User to execute command as.
/// - `environment` (object|array): A dictionary or a list of strings in the format ["PASSWORD=xxx"] or {"PASSWORD": "xxx"}.
/// - `workdir` (string; API 1.35+): Path to working directory for this exec session.
/// - `detach_keys` (string): Override the key sequence for detaching a container.
/// - `stdin` (boolean; default false): Attach to stdin.
#[no_mangle]
pub extern "C" fn docker_container_exec_detached(
    container: *const docker_container,
    cmd: *const c_char,
    options_json: *const c_char,
    exec_id: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let mut o = arg!(arg_options(options_json, "docker_container_exec_detached"))?;
        arg_out(exec_id, "exec_id")?;
        let eo = exec_options(&mut o, cmd, false)?;
        o.finish()?;
        let id = run_here(exec::run_detached(c.client(), c.id_str(), &eo))?;
        put_string(exec_id, id)?;
        Ok(())
    })
}
