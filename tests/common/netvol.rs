//! Helpers for the network and volume tests: a guard that removes the containers, networks and
//! volumes whose names start with a prefix, now and when dropped (also when the test panics),
//! and small wrappers over the network and volume calls. Included with
//! `#[path = "common/netvol.rs"] mod netvol;` beside `mod common;`.
#![allow(dead_code)]

use super::common::*;
use docker_containers::ffi::*;
use serde_json::Value;
use std::ptr;

/// Removes containers, then networks, then volumes named `prefix*`, now and on drop.
pub struct NetVolCleanup {
    prefix: String,
    _containers: Cleanup,
}

impl NetVolCleanup {
    pub fn new(prefix: &str) -> NetVolCleanup {
        let g = NetVolCleanup {
            prefix: prefix.to_string(),
            _containers: Cleanup::new(prefix),
        };
        g.sweep();
        g
    }

    fn sweep(&self) {
        // Containers first: a network or volume in use cannot go.
        self._containers.sweep();
        let cl = client();
        let f = c(&serde_json::json!({"filters": {"name": [self.prefix]}}).to_string());
        for n in list(cl, docker_networks_list, &f) {
            let name = n["Name"].as_str().unwrap_or_default();
            if name.starts_with(&self.prefix) {
                let id = c(n["Id"].as_str().unwrap());
                let mut h = ptr::null_mut();
                if docker_networks_get(cl, id.as_ptr(), ptr::null(), &mut h, ptr::null_mut())
                    == docker_result::DOCKER_OK
                {
                    docker_network_remove(h, ptr::null_mut());
                    docker_network_free(h);
                }
            }
        }
        for v in list(cl, docker_volumes_list, &f) {
            let name = v["Name"].as_str().unwrap_or_default();
            if name.starts_with(&self.prefix) {
                let n = c(name);
                let mut h = ptr::null_mut();
                if docker_volumes_get(cl, n.as_ptr(), &mut h, ptr::null_mut())
                    == docker_result::DOCKER_OK
                {
                    let force = c(r#"{"force": true}"#);
                    docker_volume_remove(h, force.as_ptr(), ptr::null_mut());
                    docker_volume_free(h);
                }
            }
        }
        docker_client_free(cl);
    }
}

impl Drop for NetVolCleanup {
    fn drop(&mut self) {
        self.sweep();
    }
}

type ListFn = extern "C" fn(
    *const docker_client,
    *const std::ffi::c_char,
    *mut *mut std::ffi::c_char,
    *mut *mut docker_error,
) -> docker_result;

/// A list call's JSON array (empty when the call fails: the cleanup must not panic).
fn list(cl: *mut docker_client, f: ListFn, opts: &std::ffi::CString) -> Vec<Value> {
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    if f(cl, opts.as_ptr(), &mut out, &mut e) != docker_result::DOCKER_OK {
        take_error(e);
        return Vec::new();
    }
    match serde_json::from_str(&take_string(out)) {
        Ok(Value::Array(a)) => a,
        _ => Vec::new(),
    }
}

/// A list call that must succeed, with its options.
pub fn list_ok(cl: *mut docker_client, f: ListFn, opts: &str) -> Vec<Value> {
    let o = c(opts);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(f(cl, o.as_ptr(), &mut out, &mut e), e);
    serde_json::from_str::<Value>(&take_string(out))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// A network handle's attributes (after a reload) as JSON.
pub fn network_attrs(n: *mut docker_network) -> Value {
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_network_reload(n, &mut e), e);
    ok(docker_network_attrs_json(n, &mut out, &mut e), e);
    serde_json::from_str(&take_string(out)).unwrap()
}

pub fn create_network(cl: *mut docker_client, name: &str, opts: &str) -> *mut docker_network {
    let (n, o) = (c(name), c(opts));
    let mut h = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(
        docker_networks_create(cl, n.as_ptr(), o.as_ptr(), &mut h, &mut e),
        e,
    );
    assert!(!h.is_null());
    h
}

pub fn network_id(n: *mut docker_network) -> String {
    unsafe { std::ffi::CStr::from_ptr(docker_network_id(n)) }
        .to_str()
        .unwrap()
        .to_string()
}

/// Run a command in a container: (exit code, stdout and stderr together).
pub fn exec(h: *mut docker_container, cmd: &str) -> (i64, String) {
    let cmd = c(cmd);
    let mut code = -1i64;
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(
        docker_container_exec_run(
            h,
            cmd.as_ptr(),
            ptr::null(),
            &mut code,
            &mut out,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    (
        code,
        String::from_utf8_lossy(&take_buffer(out)).into_owned(),
    )
}
