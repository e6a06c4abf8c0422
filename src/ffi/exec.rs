//! `docker_exec_*`: an exec by id (docker-py's `exec_inspect`, `exec_resize`).

use super::args::*;
use super::client::docker_client;
use super::error::{boundary, docker_error, docker_result};
use super::runtime::run_here;
use crate::engine::exec;
use std::ffi::c_char;

/// An exec's inspect JSON (Running, ExitCode, ProcessConfig, ...), as the engine sent it.
/// `*out`: free with docker_string_free. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_exec_inspect(
    client: *const docker_client,
    exec_id: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let id = arg!(arg_str(exec_id, "exec_id"))?;
        arg_out(out, "out")?;
        let b = run_here(exec::inspect(&c.inner, id))?;
        put_string(out, b.to_vec())?;
        Ok(())
    })
}

/// Resize an exec's tty. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_exec_resize(
    client: *const docker_client,
    exec_id: *const c_char,
    height: u32,
    width: u32,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let id = arg!(arg_str(exec_id, "exec_id"))?;
        run_here(exec::resize(&c.inner, id, height, width))
    })
}
