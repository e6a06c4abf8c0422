//! The client through the C ABI, from Rust, against the real engine: threads, the runtime guard,
//! the panic boundary, version negotiation, bad input.

use docker_containers::ffi::*;
use std::ffi::{c_char, CStr, CString};
use std::ptr;

fn new_client(opts: &str) -> *mut docker_client {
    let o = CString::new(opts).unwrap();
    let mut c = ptr::null_mut();
    let mut e = ptr::null_mut();
    let r = docker_client_from_env(o.as_ptr(), &mut c, &mut e);
    assert_eq!(r, docker_result::DOCKER_OK, "{}", msg(e));
    c
}

fn msg(e: *mut docker_error) -> String {
    let s = unsafe { CStr::from_ptr(docker_error_message(e)) }
        .to_string_lossy()
        .into_owned();
    docker_error_free(e);
    s
}

fn take_string(p: *mut c_char) -> String {
    let s = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
    docker_string_free(p);
    s
}

struct SendPtr(*mut docker_client);
unsafe impl Send for SendPtr {}
unsafe impl Sync for SendPtr {}

#[test]
fn sixteen_threads_share_one_client() {
    let c = SendPtr(new_client(""));
    let c = &c;
    std::thread::scope(|s| {
        for _ in 0..16 {
            s.spawn(move || {
                for _ in 0..500 {
                    let mut e = ptr::null_mut();
                    let r = docker_client_ping(c.0, &mut e);
                    assert_eq!(r, docker_result::DOCKER_OK, "{}", msg(e));
                }
            });
        }
    });
    docker_client_free(c.0);
}

#[test]
fn negotiated_version_is_not_newer_than_the_engines() {
    let c = new_client("");
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    assert_eq!(
        docker_client_api_version(c, &mut out, &mut e),
        docker_result::DOCKER_OK
    );
    let ours = take_string(out);
    assert_eq!(
        docker_client_version(c, &mut out, &mut e),
        docker_result::DOCKER_OK
    );
    let v: serde_json::Value = serde_json::from_str(&take_string(out)).unwrap();
    let engine = v["ApiVersion"].as_str().unwrap().to_owned();
    let parse = |s: &str| -> (u32, u32) {
        let (a, b) = s.split_once('.').unwrap();
        (a.parse().unwrap(), b.parse().unwrap())
    };
    assert!(
        parse(&ours) <= parse(&engine),
        "negotiated {ours} is newer than the engine's {engine}"
    );
    assert!(parse(&ours) <= (1, 47));
    docker_client_free(c);
}

#[test]
fn pinned_version_from_options_and_env_is_used() {
    let c = new_client(r#"{"version": "1.35"}"#);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    assert_eq!(
        docker_client_api_version(c, &mut out, &mut e),
        docker_result::DOCKER_OK
    );
    assert_eq!(take_string(out), "1.35");
    // The engine accepts requests at the pinned version.
    assert_eq!(
        docker_client_version(c, &mut out, &mut e),
        docker_result::DOCKER_OK,
        "{}",
        msg(e)
    );
    docker_string_free(out);
    docker_client_free(c);
}

#[test]
fn a_call_inside_a_tokio_runtime_is_an_error_not_a_panic() {
    let c = SendPtr(new_client(""));
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (code, text) = rt.block_on(async {
        let mut e = ptr::null_mut();
        let r = docker_client_ping(c.0, &mut e);
        (r, msg(e))
    });
    assert_eq!(code, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
    assert!(text.contains("inside a tokio runtime"), "{text}");
    docker_client_free(c.0);
}

#[test]
fn a_panic_comes_back_as_an_internal_error_with_its_text() {
    let mut e = ptr::null_mut();
    assert_eq!(
        docker_test_panic(&mut e),
        docker_result::DOCKER_ERR_INTERNAL
    );
    assert_eq!(docker_error_code(e), docker_result::DOCKER_ERR_INTERNAL);
    let text = msg(e);
    assert!(text.contains("deliberate test panic"), "{text}");
    // The library still works afterwards.
    let c = new_client("");
    assert_eq!(
        docker_client_ping(c, ptr::null_mut()),
        docker_result::DOCKER_OK
    );
    docker_client_free(c);
}

#[test]
fn bad_input_gets_invalid_argument_with_a_message() {
    let mut c = ptr::null_mut();
    let mut e = ptr::null_mut();
    let bad_utf8 = b"{\"version\":\"\xff\"}\0";
    let r = docker_client_new(bad_utf8.as_ptr().cast(), &mut c, &mut e);
    assert_eq!(r, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
    assert!(msg(e).contains("UTF-8"));
    for (opts, needle) in [
        (r#"{"max_pool_size": -1}"#, "max_pool_size"),
        (r#"{"max_pool_size": 0}"#, "max_pool_size"),
        (r#"{"user_agent": 5}"#, "user_agent"),
        (r#"{"versoin": "1.41"}"#, "did you mean \"version\""),
        (r#"{"base_url": "ssh://u@h/x"}"#, "takes no path"),
        (r#"{"ssh_options": "-v"}"#, "ssh_options"),
        (r#"{"base_url": "tcp://h", "context": "c"}"#, "one of them"),
        ("null x", "invalid JSON"),
    ] {
        let o = CString::new(opts).unwrap();
        let mut e = ptr::null_mut();
        let r = docker_client_new(o.as_ptr(), &mut c, &mut e);
        assert_eq!(r, docker_result::DOCKER_ERR_INVALID_ARGUMENT, "{opts}");
        let text = msg(e);
        assert!(text.contains(needle), "{opts}: {text}");
    }
    assert!(c.is_null(), "no output is written on failure");
}

#[test]
fn an_unreachable_engine_fails_fast_naming_the_address() {
    for (url, needle) in [
        ("unix:///nonexistent/d.sock", "/nonexistent/d.sock"),
        ("tcp://127.0.0.1:1", "127.0.0.1:1"),
    ] {
        let o = CString::new(format!(r#"{{"base_url": "{url}"}}"#)).unwrap();
        let mut c = ptr::null_mut();
        let mut e = ptr::null_mut();
        assert_eq!(
            docker_client_new(o.as_ptr(), &mut c, &mut e),
            docker_result::DOCKER_OK
        );
        let t = std::time::Instant::now();
        assert_eq!(
            docker_client_ping(c, &mut e),
            docker_result::DOCKER_ERR_CONNECTION
        );
        assert!(t.elapsed() < std::time::Duration::from_secs(5));
        let text = msg(e);
        assert!(text.contains(needle), "{text}");
        docker_client_free(c);
    }
}
