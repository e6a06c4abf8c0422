//! docker_container_wait_for against the real engine: ports and HTTP, health, logs, exec,
//! a container exiting mid-wait, 50 waits sharing one events subscription, cancellation.
//! Containers: dcevt-wf-*.

mod common;

use common::*;
use docker_containers::ffi::*;
use std::io::{Read, Write};
use std::ptr;
use std::sync::Mutex;

/// The tests read the engine's count of events listeners: one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|p| p.into_inner())
}

/// Generous: no assertion here depends on how fast the machine is.
const LONG_MS: i64 = 120_000;

struct Failure {
    code: docker_result,
    message: String,
    exit_status: i64,
    output: String,
}

fn wait_for(
    h: *mut docker_container,
    conditions: &str,
    timeout_ms: i64,
    cancel: *const docker_cancel,
) -> Result<(), Failure> {
    let cond = c(conditions);
    let mut e = ptr::null_mut();
    let r = docker_container_wait_for(h, cond.as_ptr(), timeout_ms, cancel, &mut e);
    if r == docker_result::DOCKER_OK {
        return Ok(());
    }
    assert!(!e.is_null());
    let mut len = 0usize;
    let p = docker_error_stderr(e, &mut len);
    let output = if p.is_null() {
        String::new()
    } else {
        String::from_utf8_lossy(unsafe { std::slice::from_raw_parts(p, len) }).into_owned()
    };
    let exit_status = docker_error_exit_status(e);
    assert_eq!(docker_error_code(e), r);
    Err(Failure {
        code: r,
        message: take_error(e),
        exit_status,
        output,
    })
}

fn must(r: Result<(), Failure>) {
    if let Err(f) = r {
        panic!("wait_for failed: {:?}: {}", f.code, f.message);
    }
}

fn must_fail(r: Result<(), Failure>, code: docker_result) -> Failure {
    match r {
        Ok(()) => panic!("wait_for succeeded, wanted {code:?}"),
        Err(f) => {
            assert_eq!(f.code, code, "{}", f.message);
            f
        }
    }
}

/// The host port a container port is published on.
fn host_port(h: *mut docker_container, port: &str) -> u16 {
    let a = attrs(h);
    a["NetworkSettings"]["Ports"][port][0]["HostPort"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

fn http_get(port: u16, path: &str) -> String {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn httpd_waited_on_by_port_and_http_status() {
    let _s = serial();
    let _g = Cleanup::new("dcevt-wf-httpd");
    let cl = client();
    // The server starts two seconds after the container: a wait that returned on the
    // connection the engine's proxy accepts at once would fail the GET below.
    let h = run_detached(
        cl,
        "dcevt-wf-httpd",
        "sh -c 'mkdir -p /www && echo hello-from-httpd > /www/index.html && sleep 2 && exec httpd -f -p 80 -h /www'",
        r#""ports": {"80/tcp": null}"#,
    );
    must(wait_for(h, r#"{"port": 80}"#, LONG_MS, ptr::null()));
    let port = host_port(h, "80/tcp");
    let got = http_get(port, "/index.html");
    assert!(got.starts_with("HTTP/1.") && got.contains(" 200 "), "{got}");
    assert!(got.contains("hello-from-httpd"), "{got}");
    must(wait_for(
        h,
        r#"{"status": "running", "port": {"port": "80/tcp", "http_path": "/index.html", "http_status": 200}}"#,
        LONG_MS,
        ptr::null(),
    ));
    // A status range that the server never answers with: the wait times out and says what
    // it last saw.
    let f = must_fail(
        wait_for(
            h,
            r#"{"port": {"port": 80, "http_path": "/missing", "http_status": [200, 299]}}"#,
            3000,
            ptr::null(),
        ),
        docker_result::DOCKER_ERR_TIMEOUT,
    );
    assert!(f.message.contains("port 80/tcp"), "{}", f.message);
    assert!(f.message.contains("HTTP 404"), "{}", f.message);
    // A port that is not published.
    let f = must_fail(
        wait_for(h, r#"{"port": 81}"#, 2000, ptr::null()),
        docker_result::DOCKER_ERR_TIMEOUT,
    );
    assert!(f.message.contains("not published"), "{}", f.message);
    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn healthcheck_turns_healthy_or_unhealthy() {
    let _s = serial();
    let _g = Cleanup::new("dcevt-wf-health");
    let cl = client();
    let ok_h = run_detached(
        cl,
        "dcevt-wf-health-ok",
        "sh -c 'sleep 2; touch /tmp/ok; sleep 300'",
        r#""healthcheck": {"test": ["CMD-SHELL", "test -f /tmp/ok"], "interval": 500000000, "retries": 100}"#,
    );
    let bad_h = run_detached(
        cl,
        "dcevt-wf-health-bad",
        "sleep 300",
        r#""healthcheck": {"test": ["CMD-SHELL", "echo probe-said-no; exit 1"], "interval": 500000000, "retries": 2}"#,
    );
    must(wait_for(
        ok_h,
        r#"{"healthy": true, "status": "running"}"#,
        LONG_MS,
        ptr::null(),
    ));
    assert_eq!(attrs(ok_h)["State"]["Health"]["Status"], "healthy");
    let f = must_fail(
        wait_for(bad_h, r#"{"healthy": true}"#, LONG_MS, ptr::null()),
        docker_result::DOCKER_ERR_CONTAINER_FAILED,
    );
    assert!(f.message.contains("unhealthy"), "{}", f.message);
    assert!(f.message.contains("probe-said-no"), "{}", f.message);
    assert!(f.output.contains("probe-said-no"), "{}", f.output);
    assert_eq!(attrs(bad_h)["State"]["Health"]["Status"], "unhealthy");
    // No healthcheck at all: refused at once rather than waiting for ever.
    let plain = run_detached(cl, "dcevt-wf-health-none", "sleep 300", "");
    let f = must_fail(
        wait_for(plain, r#"{"healthy": true}"#, LONG_MS, ptr::null()),
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(f.message.contains("no healthcheck"), "{}", f.message);
    for h in [ok_h, bad_h, plain] {
        docker_container_free(h);
    }
    docker_client_free(cl);
}

fn exec_ok(h: *mut docker_container, cmd: &str) {
    let cmd = c(cmd);
    let mut code = -1;
    let mut e = ptr::null_mut();
    ok(
        docker_container_exec_run(
            h,
            cmd.as_ptr(),
            ptr::null(),
            &mut code,
            ptr::null_mut(),
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    assert_eq!(code, 0);
}

#[test]
fn log_lines_before_and_after_the_wait_and_exec() {
    let _s = serial();
    let _g = Cleanup::new("dcevt-wf-log");
    let cl = client();
    let h = run_detached(
        cl,
        "dcevt-wf-log",
        "sh -c 'echo before; echo err-before >&2; while [ ! -f /tmp/go ]; do sleep 0.1; done; echo after; echo after; touch /tmp/up; sleep 300'",
        "",
    );
    // "before" is in the log before the wait starts: it counts.
    must(wait_for(
        h,
        r#"{"log": "^before$", "status": "running"}"#,
        LONG_MS,
        ptr::null(),
    ));
    must(wait_for(
        h,
        r#"{"log": {"pattern": "^err-", "stream": "stderr"}}"#,
        LONG_MS,
        ptr::null(),
    ));
    // Only stderr is read: "before" is on stdout.
    let f = must_fail(
        wait_for(
            h,
            r#"{"log": {"pattern": "^before$", "stream": "stderr"}}"#,
            2000,
            ptr::null(),
        ),
        docker_result::DOCKER_ERR_TIMEOUT,
    );
    assert!(f.message.contains("0 of 1 matches"), "{}", f.message);
    assert!(f.message.contains("err-before"), "{}", f.message);
    // "after" comes once the wait is running: the second one ends it; the exec condition
    // retries until /tmp/up exists.
    let hp = h as usize;
    let waiter = std::thread::spawn(move || {
        wait_for(
            hp as *mut docker_container,
            r#"{"log": {"pattern": "^after$", "times": 2}, "exec": "test -f /tmp/up"}"#,
            LONG_MS,
            ptr::null(),
        )
        .map_err(|f| format!("{:?}: {}", f.code, f.message))
    });
    exec_ok(h, "touch /tmp/go");
    waiter.join().unwrap().unwrap();
    // A third "after" never comes.
    let f = must_fail(
        wait_for(
            h,
            r#"{"log": {"pattern": "^after$", "times": 3}}"#,
            2000,
            ptr::null(),
        ),
        docker_result::DOCKER_ERR_TIMEOUT,
    );
    assert!(f.message.contains("2 of 3 matches"), "{}", f.message);
    // An exec condition that never holds says what the command last did.
    let f = must_fail(
        wait_for(
            h,
            r#"{"exec": ["sh", "-c", "echo not-yet; exit 4"]}"#,
            2000,
            ptr::null(),
        ),
        docker_result::DOCKER_ERR_TIMEOUT,
    );
    assert!(
        f.message.contains("exit code 4") && f.message.contains("not-yet"),
        "{}",
        f.message
    );
    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn a_container_that_exits_during_the_wait_ends_it() {
    let _s = serial();
    let _g = Cleanup::new("dcevt-wf-exit");
    let cl = client();
    let h = run_detached(
        cl,
        "dcevt-wf-exit",
        "sh -c 'echo going; sleep 2; echo last-words >&2; exit 3'",
        "",
    );
    let f = must_fail(
        wait_for(h, r#"{"log": "never-printed"}"#, LONG_MS, ptr::null()),
        docker_result::DOCKER_ERR_CONTAINER_FAILED,
    );
    assert_eq!(f.exit_status, 3, "{}", f.message);
    assert!(
        f.message.contains("exited (exit status 3)"),
        "{}",
        f.message
    );
    assert!(f.message.contains("log /never-printed/"), "{}", f.message);
    assert!(
        f.output.contains("going") && f.output.contains("last-words"),
        "{}",
        f.output
    );
    // Waiting for the exit itself succeeds, also once it has happened.
    must(wait_for(h, r#"{"status": "exited"}"#, LONG_MS, ptr::null()));
    let f = must_fail(
        wait_for(h, r#"{"status": "running"}"#, LONG_MS, ptr::null()),
        docker_result::DOCKER_ERR_CONTAINER_FAILED,
    );
    assert!(
        f.message
            .contains("status: wanted running, last seen exited"),
        "{}",
        f.message
    );
    // Removed while waited on: the wait for "removed" ends, and a missing container is
    // not found.
    let hp = h as usize;
    let waiter = std::thread::spawn(move || {
        wait_for(
            hp as *mut docker_container,
            r#"{"status": "removed"}"#,
            LONG_MS,
            ptr::null(),
        )
        .map_err(|f| format!("{:?}: {}", f.code, f.message))
    });
    let mut e = ptr::null_mut();
    ok(docker_container_remove(h, ptr::null(), &mut e), e);
    waiter.join().unwrap().unwrap();
    must_fail(
        wait_for(h, r#"{"status": "running"}"#, LONG_MS, ptr::null()),
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    docker_container_free(h);
    docker_client_free(cl);
}

fn events_listeners(cl: *mut docker_client) -> i64 {
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_client_info(cl, &mut out, &mut e), e);
    let v: serde_json::Value = serde_json::from_str(&take_string(out)).unwrap();
    v["NEventsListener"].as_i64().unwrap()
}

fn hub(cl: *mut docker_client) -> (u64, u64) {
    let (mut opened, mut subscribers) = (0, 0);
    docker_test_events_hub(cl, &mut opened, &mut subscribers);
    (opened, subscribers)
}

#[test]
fn fifty_waits_share_one_events_subscription() {
    let _s = serial();
    let _g = Cleanup::new("dcevt-wf-fifty");
    let cl = client();
    let (img, cmd, o) = (c(IMAGE), c("sleep 300"), c(r#"{"name": "dcevt-wf-fifty"}"#));
    let mut h = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(
        docker_containers_create(cl, img.as_ptr(), cmd.as_ptr(), o.as_ptr(), &mut h, &mut e),
        e,
    );
    let before = events_listeners(cl);
    assert_eq!(hub(cl), (0, 0));
    let hp = h as usize;
    let waiters: Vec<_> = (0..50)
        .map(|_| {
            std::thread::spawn(move || {
                wait_for(
                    hp as *mut docker_container,
                    r#"{"status": "running"}"#,
                    LONG_MS,
                    ptr::null(),
                )
                .map_err(|f| format!("{:?}: {}", f.code, f.message))
            })
        })
        .collect();
    // Every wait is subscribed (the container is only created: none can end yet).
    while hub(cl).1 < 50 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(hub(cl), (1, 50));
    assert_eq!(
        events_listeners(cl),
        before + 1,
        "one events connection for 50 waits"
    );
    let mut e = ptr::null_mut();
    ok(docker_container_start(h, &mut e), e);
    for w in waiters {
        w.join().unwrap().unwrap();
    }
    assert_eq!(hub(cl).0, 1, "the 50 waits opened one events stream");
    // The last wait closed it.
    assert_eq!(hub(cl).1, 0);
    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn cancelled_from_another_thread_and_timeouts_say_what_was_seen() {
    let _s = serial();
    let _g = Cleanup::new("dcevt-wf-cancel");
    let cl = client();
    let h = run_detached(cl, "dcevt-wf-cancel", "sleep 300", "");
    let token = docker_cancel_new();
    let tp = token as usize;
    let firer = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(500));
        docker_cancel_fire(tp as *const docker_cancel);
    });
    must_fail(
        wait_for(h, r#"{"status": "exited", "log": "never"}"#, -1, token),
        docker_result::DOCKER_ERR_CANCELLED,
    );
    firer.join().unwrap();
    docker_cancel_free(token);
    let f = must_fail(
        wait_for(h, r#"{"status": "paused"}"#, 1000, ptr::null()),
        docker_result::DOCKER_ERR_TIMEOUT,
    );
    assert!(
        f.message
            .contains("status: wanted paused, last seen running"),
        "{}",
        f.message
    );
    // Paused from elsewhere while waited on.
    let hp = h as usize;
    let waiter = std::thread::spawn(move || {
        wait_for(
            hp as *mut docker_container,
            r#"{"status": "paused"}"#,
            LONG_MS,
            ptr::null(),
        )
        .map_err(|f| format!("{:?}: {}", f.code, f.message))
    });
    let mut e = ptr::null_mut();
    ok(docker_container_pause(h, &mut e), e);
    waiter.join().unwrap().unwrap();
    ok(docker_container_unpause(h, &mut e), e);
    must(wait_for(
        h,
        r#"{"status": "running"}"#,
        LONG_MS,
        ptr::null(),
    ));
    // Unknown conditions are refused by name; NULL is refused.
    let f = must_fail(
        wait_for(h, r#"{"stauts": "running"}"#, LONG_MS, ptr::null()),
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(f.message.contains("\"stauts\""), "{}", f.message);
    let mut e = ptr::null_mut();
    let r = docker_container_wait_for(h, ptr::null(), 1, ptr::null(), &mut e);
    let m = expect(r, e, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
    assert!(m.contains("conditions_json is NULL"), "{m}");
    docker_container_free(h);
    docker_client_free(cl);
}
