//! Faults a real engine will not produce on demand, served by the fake engine (tests/fake):
//! connections cut before the headers, in a body and in a frame; headers that never come; a
//! stalled body; a truncated frame; malformed JSON; redirects; a 5xx that is not JSON; a body
//! dripped a byte a second; an engine that goes away mid-stream and comes back. Each call ends
//! with its documented code within its time limit, and the next call on the same client works.
//!
//! Codes: a connection that ends before the answer or stream is complete is
//! DOCKER_ERR_CONNECTION (the engine went away: reconnect and retry; what arrived before is
//! intact); DOCKER_ERR_PROTOCOL is kept for answers that cannot be read (bad JSON, a frame the
//! stream ends inside of).

mod common;
mod fake;
use common::*;
use docker_containers::ffi::*;
use docker_result::*;
use fake::{After, FakeEngine, Req};
use std::ffi::{c_void, CStr};
use std::os::unix::net::UnixStream;
use std::ptr;
use std::sync::mpsc;
use std::time::Duration;

const ID: &str = "0123456789ab0123456789ab0123456789ab0123456789ab0123456789abcdef";

/// What every fake engine answers whatever the test is about: ping, and one container.
fn common_answers(req: &Req, w: &mut UnixStream) -> Option<After> {
    match req.path.as_str() {
        "/_ping" => Some(fake::answer(w, "200 OK", "text/plain", b"OK")),
        p if p == format!("/containers/{ID}/json") || p == "/containers/dcfake-one/json" => {
            Some(fake::json(w, &fake::inspect(ID, false)))
        }
        _ => None,
    }
}

fn engine(handler: impl Fn(&Req, &mut UnixStream) -> After + Send + Sync + 'static) -> FakeEngine {
    FakeEngine::start(move |req, w| common_answers(req, w).unwrap_or_else(|| handler(req, w)))
}

/// A client of the fake engine: the version pinned (no negotiation), a short call timeout.
fn client_of(f: &FakeEngine, timeout_s: u64) -> Client {
    let o = c(&serde_json::json!({
        "base_url": f.url(), "version": "1.41", "timeout": timeout_s,
    })
    .to_string());
    let mut cl = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_client_new(o.as_ptr(), &mut cl, &mut e), e);
    Client(cl)
}

struct Client(*mut docker_client);
unsafe impl Send for Client {}
unsafe impl Sync for Client {}
impl Drop for Client {
    fn drop(&mut self) {
        docker_client_free(self.0);
    }
}

/// A failed call's code, message and HTTP status.
#[derive(Debug)]
struct Failure {
    code: docker_result,
    message: String,
    http: i32,
}

fn failure(r: docker_result, e: *mut docker_error) -> Failure {
    assert_ne!(r, DOCKER_OK, "the call should have failed");
    assert!(!e.is_null());
    let message = unsafe { CStr::from_ptr(docker_error_message(e)) }
        .to_string_lossy()
        .into_owned();
    let http = docker_error_http_status(e);
    docker_error_free(e);
    Failure {
        code: r,
        message,
        http,
    }
}

/// Run `f` on a thread of its own and wait for it: a call that never returns fails the test
/// instead of hanging the suite. The bound is for hangs only, far above every time limit here.
fn no_hang<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(120))
        .unwrap_or_else(|_| panic!("{what}: the call did not return (hung)"))
}

fn version(cl: &Client) -> Result<String, Failure> {
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    match docker_client_version(cl.0, &mut out, &mut e) {
        DOCKER_OK => Ok(take_string(out)),
        r => Err(failure(r, e)),
    }
}

fn ping_works(cl: &Client) {
    let mut e = ptr::null_mut();
    ok(docker_client_ping(cl.0, &mut e), e);
}

fn container(cl: &Client) -> *mut docker_container {
    let id = c(ID);
    let mut h = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_containers_get(cl.0, id.as_ptr(), &mut h, &mut e), e);
    h
}

extern "C" fn gather(ud: *mut c_void, _k: docker_stream_kind, data: *const u8, len: usize) -> i32 {
    let v = unsafe { &mut *(ud as *mut Vec<u8>) };
    v.extend_from_slice(unsafe { std::slice::from_raw_parts(data, len) });
    0
}

/// The logs through the callback form: what arrived, and how the call ended.
fn logs(h: *mut docker_container, options: &str) -> (Vec<u8>, Result<(), Failure>) {
    let o = c(options);
    let mut got = Vec::new();
    let mut e = ptr::null_mut();
    let r = docker_container_logs(
        h,
        o.as_ptr(),
        Some(gather),
        &mut got as *mut Vec<u8> as *mut c_void,
        ptr::null(),
        &mut e,
    );
    let end = if r == DOCKER_OK {
        Ok(())
    } else {
        Err(failure(r, e))
    };
    (got, end)
}

const MUX: &str = "application/vnd.docker.multiplexed-stream";

#[test]
fn connection_cut_before_the_headers() {
    let f = engine(|_, _| After::Close);
    let cl = client_of(&f, 5);
    let (cl, err) = no_hang("version", move || {
        let e = version(&cl).unwrap_err();
        (cl, e)
    });
    assert_eq!(err.code, DOCKER_ERR_CONNECTION, "{err:?}");
    assert!(err.message.contains(&f.url()), "names the engine: {err:?}");
    ping_works(&cl);
}

#[test]
fn connection_cut_in_the_body() {
    let f = engine(|_, w| {
        fake::send(
            w,
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Version\":",
        );
        After::Close
    });
    let cl = client_of(&f, 5);
    let err = version(&cl).unwrap_err();
    assert_eq!(err.code, DOCKER_ERR_CONNECTION, "{err:?}");
    ping_works(&cl);
}

#[test]
fn connection_cut_in_a_frame_keeps_what_came_before() {
    let f = engine(|req, w| {
        assert!(req.path.ends_with("/logs"), "{req:?}");
        fake::chunked_head(w, MUX);
        fake::chunk(w, &fake::frame(1, b"hello\n"));
        fake::chunk(w, &fake::frame(2, b"world, cut short\n")[..12]);
        After::Close
    });
    let cl = client_of(&f, 5);
    let h = container(&cl);
    let (got, end) = logs(h, "");
    let err = end.unwrap_err();
    assert_eq!(err.code, DOCKER_ERR_CONNECTION, "{err:?}");
    // Frames are passed on as they arrive (a frame can be any size, and is never held whole):
    // all that came before the cut is delivered, the start of the cut frame included.
    assert_eq!(
        got, b"hello\nworl",
        "what arrived before the cut is delivered"
    );
    docker_container_free(h);
    ping_works(&cl);
}

#[test]
fn a_stream_that_ends_inside_a_frame_is_a_protocol_error() {
    let f = engine(|_, w| {
        fake::chunked_head(w, MUX);
        fake::chunk(w, &fake::frame(1, b"whole\n"));
        // A header promising 17 bytes, then 4 of them, then a proper end of the body.
        fake::chunk(w, &fake::frame(1, b"truncated frame\n!")[..12]);
        fake::last_chunk(w);
        After::KeepAlive
    });
    let cl = client_of(&f, 5);
    let h = container(&cl);
    let (got, end) = logs(h, "");
    let err = end.unwrap_err();
    assert_eq!(err.code, DOCKER_ERR_PROTOCOL, "{err:?}");
    assert_eq!(got, b"whole\ntrun", "what arrived is delivered");
    docker_container_free(h);
    ping_works(&cl);
}

#[test]
fn headers_that_never_come_time_out() {
    let f = engine(|_, w| fake::stall(w));
    let cl = client_of(&f, 1);
    let err = no_hang("version", move || {
        let e = version(&cl).unwrap_err();
        ping_works(&cl);
        e
    });
    assert_eq!(err.code, DOCKER_ERR_TIMEOUT, "{err:?}");
    assert!(
        err.message.contains("GET /version"),
        "names the call: {err:?}"
    );
}

#[test]
fn a_stalled_body_times_out() {
    let f = engine(|req, w| {
        if req.path.ends_with("/logs") {
            fake::chunked_head(w, MUX);
            fake::chunk(w, &fake::frame(1, b"first\n"));
            return fake::stall(w);
        }
        fake::send(
            w,
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Ver",
        );
        fake::stall(w)
    });
    let cl = client_of(&f, 1);
    let cl2 = client_of(&f, 1);
    let err = no_hang("version", move || {
        let e = version(&cl2).unwrap_err();
        ping_works(&cl2);
        e
    });
    assert_eq!(err.code, DOCKER_ERR_TIMEOUT, "whole-body call: {err:?}");
    // A stream has no call timeout; its idle timeout ends a silent one.
    let h = container(&cl) as usize;
    let (got, end) = no_hang("logs", move || {
        logs(
            h as *mut docker_container,
            r#"{"follow": true, "idle_timeout": 1}"#,
        )
    });
    let err = end.unwrap_err();
    assert_eq!(err.code, DOCKER_ERR_TIMEOUT, "stream: {err:?}");
    assert_eq!(got, b"first\n");
    docker_container_free(h as *mut docker_container);
    ping_works(&cl);
}

#[test]
fn a_body_dripped_a_byte_a_second_times_out() {
    let f = engine(|_, w| {
        let body = br#"{"Version":"20.10","ApiVersion":"1.41","Os":"linux"}"#;
        fake::send(
            w,
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )
            .as_bytes(),
        );
        for b in body {
            if std::io::Write::write_all(w, &[*b]).is_err() {
                break;
            }
            fake::pause(1000);
        }
        After::Close
    });
    let cl = client_of(&f, 2);
    let err = no_hang("version", move || {
        let e = version(&cl).unwrap_err();
        ping_works(&cl);
        e
    });
    assert_eq!(err.code, DOCKER_ERR_TIMEOUT, "{err:?}");
}

#[test]
fn malformed_json_is_a_protocol_error() {
    let f = engine(|req, w| {
        if req.path == "/containers/dcfake-bad/json" {
            return fake::json(w, r#"{"Id": "abc", "State": {"#);
        }
        After::Close
    });
    let cl = client_of(&f, 5);
    let name = c("dcfake-bad");
    let mut h = ptr::null_mut();
    let mut e = ptr::null_mut();
    let err = failure(
        docker_containers_get(cl.0, name.as_ptr(), &mut h, &mut e),
        e,
    );
    assert_eq!(err.code, DOCKER_ERR_PROTOCOL, "{err:?}");
    assert!(h.is_null(), "no handle on failure");
    ping_works(&cl);
}

#[test]
fn redirects_are_errors_naming_the_status_and_location() {
    let f = engine(|req, w| match (req.method.as_str(), req.path.as_str()) {
        ("POST", p) if p.ends_with("/start") || p.ends_with("/stop") => {
            fake::answer(w, "304 Not Modified", "text/plain", b"")
        }
        ("POST", p) if p.ends_with("/pause") => {
            fake::answer(w, "304 Not Modified", "text/plain", b"")
        }
        _ => {
            fake::send(
                w,
                b"HTTP/1.1 301 Moved Permanently\r\nLocation: /v1.41/elsewhere\r\nContent-Length: 0\r\n\r\n",
            );
            After::KeepAlive
        }
    });
    let cl = client_of(&f, 5);
    let err = version(&cl).unwrap_err();
    assert_eq!(err.code, DOCKER_ERR_ENGINE, "{err:?}");
    assert_eq!(err.http, 301);
    assert!(
        err.message.contains("301") && err.message.contains("Location: /v1.41/elsewhere"),
        "{err:?}"
    );
    // On a stream too.
    let h = container(&cl);
    let (got, end) = logs(h, "");
    let err = end.unwrap_err();
    assert_eq!((err.code, err.http), (DOCKER_ERR_ENGINE, 301), "{err:?}");
    assert!(got.is_empty());
    // 304 is an answer where the Engine API documents it (start and stop of a container
    // already there), and an error elsewhere.
    let mut e = ptr::null_mut();
    ok(docker_container_start(h, &mut e), e);
    ok(docker_container_stop(h, ptr::null(), &mut e), e);
    let err = failure(docker_container_pause(h, &mut e), e);
    assert_eq!((err.code, err.http), (DOCKER_ERR_ENGINE, 304), "{err:?}");
    docker_container_free(h);
    ping_works(&cl);
}

#[test]
fn a_server_error_that_is_not_json_keeps_its_text() {
    let f = engine(|_, w| {
        fake::answer(
            w,
            "500 Internal Server Error",
            "text/plain",
            b"the storage driver is on fire\n",
        )
    });
    let cl = client_of(&f, 5);
    let err = version(&cl).unwrap_err();
    assert_eq!((err.code, err.http), (DOCKER_ERR_ENGINE, 500), "{err:?}");
    assert!(
        err.message.contains("the storage driver is on fire"),
        "{err:?}"
    );
    ping_works(&cl);
}

/// The engine goes away in the middle of a followed log, calls fail fast while it is down, and
/// the same client and container handle work once it is back.
#[test]
fn the_engine_restarting_mid_stream() {
    let (tx, rx) = mpsc::channel::<()>();
    let tx = std::sync::Mutex::new(tx);
    let mut f = engine(move |req, w| {
        if req.query.contains("follow=1") {
            fake::chunked_head(w, MUX);
            fake::chunk(w, &fake::frame(1, b"before the restart\n"));
            let _ = tx.lock().unwrap().send(());
            return fake::stall(w);
        }
        fake::chunked_head(w, MUX);
        fake::chunk(w, &fake::frame(1, b"after the restart\n"));
        fake::last_chunk(w);
        After::KeepAlive
    });
    let cl = client_of(&f, 5);
    let h = container(&cl);
    let o = c(r#"{"follow": true}"#);
    let mut s = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_container_logs_open(h, o.as_ptr(), &mut s, &mut e), e);
    let mut chunk = docker_chunk {
        kind: docker_stream_kind::DOCKER_STREAM_END,
        data: ptr::null(),
        len: 0,
    };
    ok(docker_stream_next(s, 30_000, &mut chunk, &mut e), e);
    let first = unsafe { std::slice::from_raw_parts(chunk.data, chunk.len) };
    assert_eq!(first, b"before the restart\n");
    rx.recv_timeout(Duration::from_secs(30)).unwrap();

    f.stop();
    let err = failure(docker_stream_next(s, 30_000, &mut chunk, &mut e), e);
    assert_eq!(err.code, DOCKER_ERR_CONNECTION, "{err:?}");
    docker_stream_free(s);
    // Down: every call fails at once with a connection error naming the address.
    let err = failure(docker_client_ping(cl.0, &mut e), e);
    assert_eq!(err.code, DOCKER_ERR_CONNECTION, "{err:?}");
    assert!(err.message.contains(&f.url()), "{err:?}");
    let err = failure(docker_container_reload(h, &mut e), e);
    assert_eq!(err.code, DOCKER_ERR_CONNECTION, "{err:?}");

    f.restart();
    ping_works(&cl);
    ok(docker_container_reload(h, &mut e), e);
    let (got, end) = logs(h, "");
    end.unwrap();
    assert_eq!(got, b"after the restart\n");
    docker_container_free(h);
}

/// Empty paths, empty ids and names, and `.`/`..` parts are refused before anything is read or
/// sent: the fake engine sees no request, and the message names the argument.
#[test]
fn bad_paths_and_ids_are_refused_before_anything_is_sent() {
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let log = seen.clone();
    let f = FakeEngine::start(move |req, w| {
        if let Some(a) = common_answers(req, w) {
            return a;
        }
        log.lock()
            .unwrap()
            .push(format!("{} {}", req.method, req.path));
        fake::answer(
            w,
            "500 Internal Server Error",
            "text/plain",
            b"should not be asked",
        )
    });
    let cl = client_of(&f, 5);
    let h = container(&cl);
    let dir = tempfile::tempdir().unwrap();
    let host_file = c(dir.path().join("x.tar").to_str().unwrap());
    let (empty, blank, dotdot, updir, good) = (c(""), c("  \t"), c(".."), c("x/.."), c("/etc"));
    let mut e = ptr::null_mut();
    type Case<'a> = (
        &'a str,
        &'a str,
        Box<dyn Fn(&mut *mut docker_error) -> docker_result + 'a>,
    );
    let cases: Vec<Case> = vec![
        (
            "copy_to, empty host path",
            "host_path is empty",
            Box::new(|e| {
                docker_container_copy_to(
                    h,
                    empty.as_ptr(),
                    good.as_ptr(),
                    ptr::null(),
                    None,
                    ptr::null_mut(),
                    e,
                )
            }),
        ),
        (
            "copy_to, blank host path",
            "host_path is empty",
            Box::new(|e| {
                docker_container_copy_to(
                    h,
                    blank.as_ptr(),
                    good.as_ptr(),
                    ptr::null(),
                    None,
                    ptr::null_mut(),
                    e,
                )
            }),
        ),
        (
            "copy_to, empty container path",
            "container_path is empty",
            Box::new(|e| {
                docker_container_copy_to(
                    h,
                    host_file.as_ptr(),
                    empty.as_ptr(),
                    ptr::null(),
                    None,
                    ptr::null_mut(),
                    e,
                )
            }),
        ),
        (
            "copy_from, empty host path",
            "host_path is empty",
            Box::new(|e| {
                docker_container_copy_from(
                    h,
                    good.as_ptr(),
                    empty.as_ptr(),
                    ptr::null(),
                    None,
                    ptr::null_mut(),
                    e,
                )
            }),
        ),
        (
            "copy_from, empty container path",
            "container_path is empty",
            Box::new(|e| {
                docker_container_copy_from(
                    h,
                    blank.as_ptr(),
                    host_file.as_ptr(),
                    ptr::null(),
                    None,
                    ptr::null_mut(),
                    e,
                )
            }),
        ),
        (
            "stat_path",
            "path is empty",
            Box::new(|e| docker_container_stat_path(h, empty.as_ptr(), &mut ptr::null_mut(), e)),
        ),
        (
            "get_archive",
            "path is empty",
            Box::new(|e| {
                docker_container_get_archive(
                    h,
                    empty.as_ptr(),
                    ptr::null(),
                    Some(gather),
                    ptr::null_mut(),
                    ptr::null(),
                    None,
                    ptr::null_mut(),
                    ptr::null_mut(),
                    e,
                )
            }),
        ),
        (
            "get_archive_to_file",
            "file_path is empty",
            Box::new(|e| {
                docker_container_get_archive_to_file(
                    h,
                    good.as_ptr(),
                    empty.as_ptr(),
                    None,
                    ptr::null_mut(),
                    ptr::null_mut(),
                    e,
                )
            }),
        ),
        (
            "put_archive",
            "path is empty",
            Box::new(|e| {
                docker_container_put_archive(
                    h,
                    blank.as_ptr(),
                    b"".as_ptr(),
                    0,
                    ptr::null(),
                    None,
                    ptr::null_mut(),
                    e,
                )
            }),
        ),
        (
            "put_archive_file",
            "tar_path is empty",
            Box::new(|e| {
                docker_container_put_archive_file(
                    h,
                    good.as_ptr(),
                    empty.as_ptr(),
                    ptr::null(),
                    None,
                    ptr::null_mut(),
                    e,
                )
            }),
        ),
        (
            "export_to_file",
            "file_path is empty",
            Box::new(|e| {
                docker_container_export_to_file(h, empty.as_ptr(), None, ptr::null_mut(), e)
            }),
        ),
        (
            "images_exists ..",
            "image name \"..\"",
            Box::new(|e| docker_images_exists(cl.0, dotdot.as_ptr(), &mut false, e)),
        ),
        (
            "images_inspect ..",
            "image name \"..\"",
            Box::new(|e| docker_images_inspect(cl.0, dotdot.as_ptr(), &mut ptr::null_mut(), e)),
        ),
        (
            "images_remove x/..",
            "image name \"x/..\"",
            Box::new(|e| docker_images_remove(cl.0, updir.as_ptr(), ptr::null(), e)),
        ),
        (
            "images_tag empty image",
            "image is empty",
            Box::new(|e| docker_images_tag(cl.0, empty.as_ptr(), good.as_ptr(), ptr::null(), e)),
        ),
        (
            "images_tag blank repository",
            "repository is empty",
            Box::new(|e| docker_images_tag(cl.0, good.as_ptr(), blank.as_ptr(), ptr::null(), e)),
        ),
        (
            "images_tag blank tag",
            "\"tag\" is empty",
            Box::new(|e| {
                let o = c(r#"{"tag": " "}"#);
                docker_images_tag(cl.0, good.as_ptr(), good.as_ptr(), o.as_ptr(), e)
            }),
        ),
        (
            "images_tag unknown option",
            "\"tags\"",
            Box::new(|e| {
                let o = c(r#"{"tags": "x"}"#);
                docker_images_tag(cl.0, good.as_ptr(), good.as_ptr(), o.as_ptr(), e)
            }),
        ),
        (
            "images_list empty name",
            "\"name\" is empty",
            Box::new(|e| {
                let o = c(r#"{"name": ""}"#);
                docker_images_list(cl.0, o.as_ptr(), &mut ptr::null_mut(), e)
            }),
        ),
        (
            "images_list filters not an object",
            "\"filters\"",
            Box::new(|e| {
                let o = c(r#"{"filters": "dangling"}"#);
                docker_images_list(cl.0, o.as_ptr(), &mut ptr::null_mut(), e)
            }),
        ),
        (
            "images_prune unknown option",
            "\"filter\"",
            Box::new(|e| {
                let o = c(r#"{"filter": {}}"#);
                docker_images_prune(cl.0, o.as_ptr(), &mut ptr::null_mut(), e)
            }),
        ),
        (
            "exec_inspect empty",
            "exec id is empty",
            Box::new(|e| docker_exec_inspect(cl.0, empty.as_ptr(), &mut ptr::null_mut(), e)),
        ),
        (
            "exec_inspect ..",
            "exec id \"..\"",
            Box::new(|e| docker_exec_inspect(cl.0, dotdot.as_ptr(), &mut ptr::null_mut(), e)),
        ),
        (
            "exec_resize empty",
            "exec id is empty",
            Box::new(|e| docker_exec_resize(cl.0, empty.as_ptr(), 24, 80, e)),
        ),
        (
            "containers_get empty",
            "id_or_name is empty",
            Box::new(|e| {
                let mut h2 = ptr::null_mut();
                docker_containers_get(cl.0, empty.as_ptr(), &mut h2, e)
            }),
        ),
        (
            "containers_get ..",
            "container id or name \"..\"",
            Box::new(|e| {
                let mut h2 = ptr::null_mut();
                docker_containers_get(cl.0, dotdot.as_ptr(), &mut h2, e)
            }),
        ),
    ];
    for (what, names, call) in &cases {
        let err = failure(call(&mut e), e);
        assert_eq!(err.code, DOCKER_ERR_INVALID_ARGUMENT, "{what}: {err:?}");
        assert!(
            err.message.contains(names),
            "{what}: {err:?} should name {names:?}"
        );
    }
    assert!(
        seen.lock().unwrap().is_empty(),
        "nothing may reach the engine: {:?}",
        seen.lock().unwrap()
    );
    assert!(
        !host_file.to_bytes().is_empty() && std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "nothing written on the host"
    );
    docker_container_free(h);
    ping_works(&cl);
}
