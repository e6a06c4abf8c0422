//! Shared helpers for the Rust tests that drive the C ABI against the real engine.
#![allow(dead_code)]

use docker_containers::ffi::*;
use std::ffi::{c_char, CStr, CString};
use std::ptr;

pub const IMAGE: &str = "dc-test/busybox:latest";

pub fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

/// A client from the environment; panics (failing the test loudly) when the engine is not up.
pub fn client() -> *mut docker_client {
    let mut cl = ptr::null_mut();
    let mut e = ptr::null_mut();
    let r = docker_client_from_env(ptr::null(), &mut cl, &mut e);
    assert_eq!(r, docker_result::DOCKER_OK, "{}", take_error(e));
    let r = docker_client_ping(cl, &mut e);
    assert_eq!(
        r,
        docker_result::DOCKER_OK,
        "the engine must be up: {}",
        take_error(e)
    );
    cl
}

pub fn take_error(e: *mut docker_error) -> String {
    if e.is_null() {
        return "(no error object)".into();
    }
    let s = unsafe { CStr::from_ptr(docker_error_message(e)) }
        .to_string_lossy()
        .into_owned();
    docker_error_free(e);
    s
}

pub fn take_string(p: *mut c_char) -> String {
    assert!(!p.is_null());
    let s = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
    docker_string_free(p);
    s
}

pub fn take_buffer(b: *mut docker_buffer) -> Vec<u8> {
    assert!(!b.is_null());
    let v = unsafe {
        let b = &*b;
        if b.len == 0 {
            Vec::new()
        } else {
            std::slice::from_raw_parts(b.data, b.len).to_vec()
        }
    };
    docker_buffer_free(b);
    v
}

/// Check a call: OK, or panic with the error's message.
pub fn ok(r: docker_result, e: *mut docker_error) {
    assert_eq!(r, docker_result::DOCKER_OK, "{}", take_error(e));
}

/// Expect a code; returns the message.
pub fn expect(r: docker_result, e: *mut docker_error, code: docker_result) -> String {
    assert_eq!(
        r,
        code,
        "wanted {code:?}, got {r:?}: {}",
        // After a success the slot still holds whatever it held before: never read it then.
        if e.is_null() || r == docker_result::DOCKER_OK {
            String::new()
        } else {
            unsafe { CStr::from_ptr(docker_error_message(e)) }
                .to_string_lossy()
                .into_owned()
        }
    );
    take_error(e)
}

/// Removes every container whose name starts with `prefix`, now and when dropped (also when
/// the test panics).
pub struct Cleanup {
    prefix: String,
    /// None: the engine of the environment (DOCKER_HOST).
    base_url: Option<String>,
}

impl Cleanup {
    pub fn new(prefix: &str) -> Cleanup {
        let c = Cleanup {
            prefix: prefix.to_string(),
            base_url: None,
        };
        c.sweep();
        c
    }

    /// As `new`, on the engine at `base_url`.
    pub fn at(base_url: &str, prefix: &str) -> Cleanup {
        let c = Cleanup {
            prefix: prefix.to_string(),
            base_url: Some(base_url.to_string()),
        };
        c.sweep();
        c
    }

    pub fn sweep(&self) {
        let cl = match &self.base_url {
            None => client(),
            Some(u) => {
                let o = c(&serde_json::json!({ "base_url": u }).to_string());
                let mut cl = ptr::null_mut();
                let mut e = ptr::null_mut();
                ok(docker_client_new(o.as_ptr(), &mut cl, &mut e), e);
                cl
            }
        };
        let opts = c(&format!(
            r#"{{"all": true, "sparse": true, "filters": {{"name": "{}"}}}}"#,
            self.prefix
        ));
        let mut out = ptr::null_mut();
        let mut e = ptr::null_mut();
        if docker_containers_list(cl, opts.as_ptr(), &mut out, &mut e) == docker_result::DOCKER_OK {
            let list: serde_json::Value = serde_json::from_str(&take_string(out)).unwrap();
            for item in list.as_array().unwrap() {
                let id = c(item["Id"].as_str().unwrap());
                let mut h = ptr::null_mut();
                if docker_containers_get(cl, id.as_ptr(), &mut h, ptr::null_mut())
                    == docker_result::DOCKER_OK
                {
                    let f = c(r#"{"force": true, "v": true}"#);
                    docker_container_remove(h, f.as_ptr(), ptr::null_mut());
                    docker_container_free(h);
                }
            }
        } else {
            take_error(e);
        }
        docker_client_free(cl);
    }
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        self.sweep();
    }
}

/// Run a detached container with `options` (JSON) and return its handle.
pub fn run_detached(
    cl: *mut docker_client,
    name: &str,
    command: &str,
    extra: &str,
) -> *mut docker_container {
    let opts = if extra.is_empty() {
        format!(r#"{{"detach": true, "name": "{name}"}}"#)
    } else {
        format!(r#"{{"detach": true, "name": "{name}", {extra}}}"#)
    };
    let (img, cmd, o) = (c(IMAGE), c(command), c(&opts));
    let mut h = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(
        docker_containers_run(
            cl,
            img.as_ptr(),
            cmd.as_ptr(),
            o.as_ptr(),
            &mut h,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    h
}

pub fn attrs(h: *mut docker_container) -> serde_json::Value {
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_container_reload(h, &mut e), e);
    ok(docker_container_attrs_json(h, &mut out, &mut e), e);
    serde_json::from_str(&take_string(out)).unwrap()
}

pub fn string_of(
    f: extern "C" fn(
        *const docker_container,
        *mut *mut c_char,
        *mut *mut docker_error,
    ) -> docker_result,
    h: *mut docker_container,
) -> String {
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(f(h, &mut out, &mut e), e);
    take_string(out)
}

/// True when the engine of the environment is Podman's Docker-compatible service (its /version
/// lists a "Podman Engine" component). Tests use it to assert Podman's own behaviour where it
/// differs from dockerd's (README, "Podman").
pub fn engine_is_podman() -> bool {
    static IS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *IS.get_or_init(|| {
        let cl = client();
        let mut out = ptr::null_mut();
        let mut e = ptr::null_mut();
        ok(docker_client_version(cl, &mut out, &mut e), e);
        docker_client_free(cl);
        let v: serde_json::Value = serde_json::from_str(&take_string(out)).unwrap();
        v["Components"]
            .as_array()
            .map(|cs| cs.iter().any(|c| c["Name"] == "Podman Engine"))
            .unwrap_or(false)
    })
}

/// An image name as the engine reports it: Podman qualifies short names ("localhost/x:t" for
/// local images, "docker.io/library/x:t" or "docker.io/x:t" for imported and committed ones).
pub fn image_name_is(got: &str, want: &str) -> bool {
    got == want
        || (engine_is_podman()
            && ["localhost/", "docker.io/library/", "docker.io/"]
                .iter()
                .any(|p| got.strip_prefix(p) == Some(want)))
}

/// A bind as HostConfig.Binds shows it: Podman adds the propagation it applied
/// ("src:dst:ro,rprivate,rbind").
pub fn bind_is(got: &str, want: &str) -> bool {
    got == want
        || (engine_is_podman()
            && got.starts_with(want)
            && got[want.len()..].starts_with([',', ':']))
}
