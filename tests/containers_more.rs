//! More container operations through the C ABI, against the real engine, beyond
//! tests/containers.rs: one handle across threads, the full list's concurrent inspects, tty
//! runs, stream selection, `stream` refused, signals by name and number, 304s, rename, restart,
//! prune's empty list, import then run. Every test names its containers `dc-t3-<test>-...` and
//! removes them (and images it made) even when it fails.

mod common;

use common::{bind_is, engine_is_podman, image_name_is};
use docker_containers::ffi::*;
use serde_json::Value;
use std::ffi::{c_char, CStr, CString};
use std::ptr;
use std::time::{Duration, Instant};

const IMAGE: &str = "dc-test/busybox:latest";

fn cs(s: &str) -> CString {
    CString::new(s).unwrap()
}

fn opt(s: Option<&str>) -> (Option<CString>, *const c_char) {
    match s {
        Some(s) => {
            let c = cs(s);
            let p = c.as_ptr();
            (Some(c), p)
        }
        None => (None, ptr::null()),
    }
}

/// A failed call's code and message (the error freed).
#[derive(Debug)]
struct Failure {
    code: docker_result,
    message: String,
    exit_status: i64,
    stderr: Vec<u8>,
}

fn check(r: docker_result, e: *mut docker_error) -> Result<(), Failure> {
    if r == docker_result::DOCKER_OK {
        assert!(e.is_null());
        return Ok(());
    }
    assert!(!e.is_null(), "a failure without an error object");
    assert_eq!(docker_error_code(e), r);
    let message = unsafe { CStr::from_ptr(docker_error_message(e)) }
        .to_string_lossy()
        .into_owned();
    let mut len = 0;
    let p = docker_error_stderr(e, &mut len);
    let stderr = if p.is_null() {
        Vec::new()
    } else {
        unsafe { std::slice::from_raw_parts(p, len) }.to_vec()
    };
    let f = Failure {
        code: r,
        message,
        exit_status: docker_error_exit_status(e),
        stderr,
    };
    docker_error_free(e);
    Err(f)
}

fn take_string(p: *mut c_char) -> String {
    assert!(!p.is_null());
    let s = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
    docker_string_free(p);
    s
}

fn take_buffer(b: *mut docker_buffer) -> Vec<u8> {
    assert!(!b.is_null());
    let v = unsafe {
        if (*b).len == 0 {
            Vec::new()
        } else {
            std::slice::from_raw_parts((*b).data, (*b).len).to_vec()
        }
    };
    docker_buffer_free(b);
    v
}

struct Client(*mut docker_client);
unsafe impl Send for Client {}
unsafe impl Sync for Client {}
impl Drop for Client {
    fn drop(&mut self) {
        docker_client_free(self.0);
    }
}

fn client() -> Client {
    let mut c = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(docker_client_from_env(ptr::null(), &mut c, &mut e), e).expect("client");
    Client(c)
}

/// A container handle, freed on drop.
struct Handle(*mut docker_container);
impl Drop for Handle {
    fn drop(&mut self) {
        docker_container_free(self.0);
    }
}

/// Force-removes the named containers when dropped (and when made, for leftovers).
struct Cleanup {
    client: *mut docker_client,
    names: Vec<String>,
    images: Vec<String>,
}

impl Cleanup {
    fn new(client: &Client, names: &[&str]) -> Cleanup {
        let c = Cleanup {
            client: client.0,
            names: names.iter().map(|s| s.to_string()).collect(),
            images: Vec::new(),
        };
        c.sweep();
        c
    }
    fn sweep(&self) {
        for n in &self.names {
            if let Ok(h) = get(self.client, n) {
                let o = cs(r#"{"force": true, "v": true}"#);
                let mut e = ptr::null_mut();
                let _ = check(docker_container_remove(h.0, o.as_ptr(), &mut e), e);
            }
        }
        for i in &self.images {
            let n = cs(i);
            let o = cs(r#"{"force": true}"#);
            let mut e = ptr::null_mut();
            let _ = check(
                docker_images_remove(self.client, n.as_ptr(), o.as_ptr(), &mut e),
                e,
            );
        }
    }
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        self.sweep();
    }
}

fn get(client: *mut docker_client, name: &str) -> Result<Handle, Failure> {
    let n = cs(name);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(
        docker_containers_get(client, n.as_ptr(), &mut out, &mut e),
        e,
    )?;
    Ok(Handle(out))
}

/// Non-detached run: the output.
fn run_output(c: &Client, command: Option<&str>, opts: &str) -> Result<Vec<u8>, Failure> {
    let img = cs(IMAGE);
    let (_k, cmd) = opt(command);
    let o = cs(opts);
    let mut buf = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(
        docker_containers_run(
            c.0,
            img.as_ptr(),
            cmd,
            o.as_ptr(),
            ptr::null_mut(),
            &mut buf,
            &mut e,
        ),
        e,
    )?;
    Ok(take_buffer(buf))
}

/// Detached run: the handle.
fn run_detached(
    c: &Client,
    image: &str,
    command: Option<&str>,
    opts: &str,
) -> Result<Handle, Failure> {
    let img = cs(image);
    let (_k, cmd) = opt(command);
    let o = cs(opts);
    let mut h = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(
        docker_containers_run(
            c.0,
            img.as_ptr(),
            cmd,
            o.as_ptr(),
            &mut h,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    )?;
    assert!(!h.is_null());
    Ok(Handle(h))
}

type Getter = extern "C" fn(
    *const docker_container,
    *mut *mut c_char,
    *mut *mut docker_error,
) -> docker_result;

fn text(h: &Handle, f: Getter) -> String {
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(f(h.0, &mut out, &mut e), e).expect("getter");
    take_string(out)
}

fn json(h: &Handle, f: Getter) -> Value {
    serde_json::from_str(&text(h, f)).unwrap()
}

fn reload(h: &Handle) {
    let mut e = ptr::null_mut();
    check(docker_container_reload(h.0, &mut e), e).expect("reload");
}

fn status(h: &Handle) -> String {
    reload(h);
    text(h, docker_container_status)
}

fn with_opts(
    f: extern "C" fn(
        *const docker_container,
        *const c_char,
        *mut *mut docker_error,
    ) -> docker_result,
    h: &Handle,
    opts: &str,
) -> Result<(), Failure> {
    let o = cs(opts);
    let mut e = ptr::null_mut();
    check(f(h.0, o.as_ptr(), &mut e), e)
}

fn plain(
    f: extern "C" fn(*const docker_container, *mut *mut docker_error) -> docker_result,
    h: &Handle,
) -> Result<(), Failure> {
    let mut e = ptr::null_mut();
    check(f(h.0, &mut e), e)
}

fn wait(h: &Handle, opts: &str) -> Result<(i64, Value), Failure> {
    let o = cs(opts);
    let mut code = -100;
    let mut js = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(
        docker_container_wait(h.0, o.as_ptr(), &mut code, &mut js, &mut e),
        e,
    )?;
    Ok((code, serde_json::from_str(&take_string(js)).unwrap()))
}

fn list(c: &Client, opts: &str) -> Vec<Value> {
    let o = cs(opts);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(docker_containers_list(c.0, o.as_ptr(), &mut out, &mut e), e).expect("list");
    match serde_json::from_str(&take_string(out)).unwrap() {
        Value::Array(a) => a,
        other => panic!("list gave {other}"),
    }
}

#[test]
fn run_echo_with_remove_returns_output_and_leaves_nothing() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-echo"]);
    let out = run_output(
        &c,
        Some("echo hello"),
        r#"{"remove": true, "name": "dc-t3-echo"}"#,
    )
    .unwrap();
    assert_eq!(out, b"hello\n");
    assert_eq!(
        get(c.0, "dc-t3-echo").err().unwrap().code,
        docker_result::DOCKER_ERR_NOT_FOUND
    );
    // The list form of the command, stderr asked for too, with auto_remove: nothing lost.
    let out = run_output(
        &c,
        None,
        r#"{"command": ["sh", "-c", "echo out; echo err >&2"], "stderr": true, "auto_remove": true, "name": "dc-t3-echo"}"#,
    )
    .unwrap();
    let s = String::from_utf8(out).unwrap();
    assert!(s.contains("out\n") && s.contains("err\n"), "{s:?}");
}

#[test]
fn run_failure_carries_exit_status_and_stderr_and_still_removes() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-fail"]);
    let f = run_output(
        &c,
        Some("sh -c 'echo oops >&2; exit 3'"),
        r#"{"remove": true, "name": "dc-t3-fail"}"#,
    )
    .unwrap_err();
    assert_eq!(
        f.code,
        docker_result::DOCKER_ERR_CONTAINER_FAILED,
        "{}",
        f.message
    );
    assert_eq!(f.exit_status, 3);
    assert_eq!(f.stderr, b"oops\n");
    assert!(
        f.message.contains("exit status 3") && f.message.contains("oops"),
        "{}",
        f.message
    );
    assert_eq!(
        get(c.0, "dc-t3-fail").err().unwrap().code,
        docker_result::DOCKER_ERR_NOT_FOUND
    );
}

#[test]
fn run_of_an_absent_image_is_image_not_found_quickly() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-absent"]);
    let t = Instant::now();
    let img = cs("dc-t3-absent/nothing:latest");
    let o = cs(r#"{"name": "dc-t3-absent"}"#);
    let mut buf = ptr::null_mut();
    let mut e = ptr::null_mut();
    let f = check(
        docker_containers_run(
            c.0,
            img.as_ptr(),
            ptr::null(),
            o.as_ptr(),
            ptr::null_mut(),
            &mut buf,
            &mut e,
        ),
        e,
    )
    .unwrap_err();
    assert_eq!(
        f.code,
        docker_result::DOCKER_ERR_IMAGE_NOT_FOUND,
        "{}",
        f.message
    );
    assert!(buf.is_null());
    assert!(t.elapsed() < Duration::from_secs(60), "{:?}", t.elapsed());
    // Without pull: the same code, and no pull attempt in the message.
    let o = cs(r#"{"pull": false}"#);
    let mut e = ptr::null_mut();
    let f = check(
        docker_containers_run(
            c.0,
            img.as_ptr(),
            ptr::null(),
            o.as_ptr(),
            ptr::null_mut(),
            &mut buf,
            &mut e,
        ),
        e,
    )
    .unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_IMAGE_NOT_FOUND);
    assert!(!f.message.contains("pulling"), "{}", f.message);
    // Pull on its own fails without a registry, and says why.
    let r = cs("dc-t3-absent/nothing");
    let mut e = ptr::null_mut();
    let f = check(
        docker_images_pull(c.0, r.as_ptr(), ptr::null(), None, ptr::null_mut(), &mut e),
        e,
    )
    .unwrap_err();
    assert_ne!(f.code, docker_result::DOCKER_OK);
    assert!(!f.message.is_empty());
}

#[test]
fn detached_run_with_a_published_port_answers_on_the_host() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-port"]);
    let h = run_detached(
        &c,
        IMAGE,
        Some("nc -ll -p 80 -e echo hi"),
        r#"{"detach": true, "name": "dc-t3-port", "ports": {"80/tcp": null}}"#,
    )
    .unwrap();
    assert_eq!(text(&h, docker_container_name), "dc-t3-port");
    assert_eq!(text(&h, docker_container_short_id).len(), 12);
    assert_eq!(status(&h), "running");
    let ports = json(&h, docker_container_ports_json);
    let host_port: u16 = ports["80/tcp"][0]["HostPort"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let got = loop {
        use std::io::Read;
        let mut s = String::new();
        if let Ok(mut conn) = std::net::TcpStream::connect(("127.0.0.1", host_port)) {
            conn.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
            let _ = conn.read_to_string(&mut s);
        }
        if s == "hi\n" || Instant::now() > deadline {
            break s;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(got, "hi\n");
    let image = json(&h, docker_container_image);
    assert!(image["Id"].as_str().unwrap().starts_with("sha256:"));
    assert!(
        image["RepoTags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| image_name_is(t.as_str().unwrap(), IMAGE)),
        "{image}"
    );
    assert_eq!(text(&h, docker_container_health), "unknown");
    with_opts(docker_container_remove, &h, r#"{"force": true}"#).unwrap();
    assert_eq!(
        get(c.0, "dc-t3-port").err().unwrap().code,
        docker_result::DOCKER_ERR_NOT_FOUND
    );
}

#[test]
fn create_options_show_in_attrs() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-attrs"]);
    let dir = tempfile::tempdir().unwrap();
    let opts = serde_json::json!({
        "name": "dc-t3-attrs",
        "environment": {"GREETING": "hi"},
        "volumes": {dir.path().to_str().unwrap(): {"bind": "/data", "mode": "ro"}},
        "mem_limit": "64m",
        "cpu_shares": 512,
        "restart_policy": {"Name": "on-failure", "MaximumRetryCount": 2},
        "labels": {"dc-t3": "attrs"},
    })
    .to_string();
    let img = cs(IMAGE);
    let cmd = cs("sleep 30");
    let o = cs(&opts);
    let mut h = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(
        docker_containers_create(c.0, img.as_ptr(), cmd.as_ptr(), o.as_ptr(), &mut h, &mut e),
        e,
    )
    .unwrap();
    let h = Handle(h);
    let a = json(&h, docker_container_attrs_json);
    assert!(
        a["Config"]["Env"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v == "GREETING=hi"),
        "{}",
        a["Config"]["Env"]
    );
    let binds = a["HostConfig"]["Binds"].as_array().unwrap();
    let bind = binds[0].as_str().unwrap();
    assert!(
        bind_is(bind, &format!("{}:/data:ro", dir.path().display())),
        "{bind}"
    );
    assert_eq!(a["HostConfig"]["Memory"], 64 << 20);
    assert_eq!(a["HostConfig"]["CpuShares"], 512);
    assert_eq!(a["HostConfig"]["RestartPolicy"]["Name"], "on-failure");
    assert_eq!(a["HostConfig"]["RestartPolicy"]["MaximumRetryCount"], 2);
    assert_eq!(
        json(&h, docker_container_labels_json),
        serde_json::json!({"dc-t3": "attrs"})
    );
    assert_eq!(text(&h, docker_container_status), "created");
    assert!(json(&h, docker_container_warnings_json).is_array());
    // The same name again: conflict.
    let mut h2 = ptr::null_mut();
    let mut e = ptr::null_mut();
    let f = check(
        docker_containers_create(c.0, img.as_ptr(), cmd.as_ptr(), o.as_ptr(), &mut h2, &mut e),
        e,
    )
    .unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_CONFLICT, "{}", f.message);
    assert!(h2.is_null());
    // An unknown option is named.
    let bad = cs(r#"{"nmae": "x"}"#);
    let mut e = ptr::null_mut();
    let f = check(
        docker_containers_create(
            c.0,
            img.as_ptr(),
            cmd.as_ptr(),
            bad.as_ptr(),
            &mut h2,
            &mut e,
        ),
        e,
    )
    .unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
    assert!(f.message.contains("nmae"), "{}", f.message);
}

#[test]
fn lifecycle_pause_unpause_stop_wait_restart_rename_kill() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-life", "dc-t3-life2"]);
    let h = run_detached(
        &c,
        IMAGE,
        Some("sleep 300"),
        r#"{"detach": true, "name": "dc-t3-life"}"#,
    )
    .unwrap();
    assert_eq!(status(&h), "running");
    // Starting a running container is fine (304).
    plain(docker_container_start, &h).unwrap();
    plain(docker_container_pause, &h).unwrap();
    assert_eq!(status(&h), "paused");
    plain(docker_container_unpause, &h).unwrap();
    assert_eq!(status(&h), "running");
    // A wait with a short timeout times out.
    let f = wait(&h, r#"{"timeout": 0.3}"#).unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_TIMEOUT, "{}", f.message);
    // sleep ignores SIGTERM as PID 1: stop with timeout 1 kills it after a second.
    let t = Instant::now();
    with_opts(docker_container_stop, &h, r#"{"timeout": 1}"#).unwrap();
    assert!(t.elapsed() < Duration::from_secs(8), "{:?}", t.elapsed());
    assert_eq!(status(&h), "exited");
    let (code, v) = wait(&h, "").unwrap();
    assert_eq!(code, 137);
    assert_eq!(v["StatusCode"], 137);
    // Stopping a stopped container is fine (304).
    with_opts(docker_container_stop, &h, "").unwrap();
    // stop's signal needs API 1.42: on this 1.41 engine, an error naming the version.
    if text_api(&c) < (1, 42) {
        let f = with_opts(docker_container_stop, &h, r#"{"signal": "SIGINT"}"#).unwrap_err();
        assert_eq!(f.code, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
        assert!(f.message.contains("1.42"), "{}", f.message);
    }
    with_opts(docker_container_restart, &h, r#"{"timeout": 1}"#).unwrap();
    assert_eq!(status(&h), "running");
    // kill by name and by number.
    let sig = cs("TERM");
    let mut e = ptr::null_mut();
    check(docker_container_kill(h.0, sig.as_ptr(), &mut e), e).unwrap();
    let sig = cs("9");
    let mut e = ptr::null_mut();
    check(docker_container_kill(h.0, sig.as_ptr(), &mut e), e).unwrap();
    let (code, _) = wait(&h, r#"{"condition": "not-running", "timeout": 10}"#).unwrap();
    assert_eq!(code, 137);
    // kill of a stopped container: conflict.
    let mut e = ptr::null_mut();
    let f = check(docker_container_kill(h.0, ptr::null(), &mut e), e).unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_CONFLICT, "{}", f.message);
    // rename, then the handle still works (it holds the id).
    let n = cs("dc-t3-life2");
    let mut e = ptr::null_mut();
    check(docker_container_rename(h.0, n.as_ptr(), &mut e), e).unwrap();
    reload(&h);
    assert_eq!(text(&h, docker_container_name), "dc-t3-life2");
    with_opts(docker_container_remove, &h, "").unwrap();
}

fn text_api(c: &Client) -> (u32, u32) {
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(docker_client_api_version(c.0, &mut out, &mut e), e).unwrap();
    let s = take_string(out);
    let (a, b) = s.split_once('.').unwrap();
    (a.parse().unwrap(), b.parse().unwrap())
}

#[test]
fn wait_gives_the_exit_code() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-wait"]);
    let h = run_detached(
        &c,
        IMAGE,
        Some("sh -c 'exit 7'"),
        r#"{"detach": true, "name": "dc-t3-wait"}"#,
    )
    .unwrap();
    let (code, v) = wait(&h, r#"{"timeout": 20}"#).unwrap();
    assert_eq!(code, 7);
    assert_eq!(v["StatusCode"], 7);
    let f = wait(&h, r#"{"condition": "sometime"}"#).unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
    // A running container without force: conflict; with force: gone.
    plain(docker_container_start, &h).unwrap();
    with_opts(docker_container_remove, &h, r#"{"force": true}"#).unwrap();
}

#[test]
fn missing_containers_are_not_found_and_bad_signals_never_reach_the_engine() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-missing"]);
    assert_eq!(
        get(c.0, "dc-t3-missing").err().unwrap().code,
        docker_result::DOCKER_ERR_NOT_FOUND
    );
    let h = run_detached(
        &c,
        IMAGE,
        Some("sleep 300"),
        r#"{"detach": true, "name": "dc-t3-missing"}"#,
    )
    .unwrap();
    with_opts(docker_container_remove, &h, r#"{"force": true}"#).unwrap();
    // The handle outlives the container.
    let f = with_opts(docker_container_stop, &h, "").unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_NOT_FOUND, "{}", f.message);
    let f = with_opts(docker_container_remove, &h, "").unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_NOT_FOUND);
    let mut e = ptr::null_mut();
    let f = check(docker_container_reload(h.0, &mut e), e).unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_NOT_FOUND);
    // A bad signal name is rejected before any request (a request would give NOT_FOUND).
    let sig = cs("SIGNOPE");
    let mut e = ptr::null_mut();
    let f = check(docker_container_kill(h.0, sig.as_ptr(), &mut e), e).unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
    assert!(f.message.contains("SIGNOPE"), "{}", f.message);
    // Unknown option keys are named.
    let f = with_opts(docker_container_stop, &h, r#"{"timout": 1}"#).unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
    assert!(
        f.message.contains("timout") && f.message.contains("timeout"),
        "{}",
        f.message
    );
}

#[test]
fn update_sets_zero_cpu_shares_and_memory() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-update"]);
    let h = run_detached(
        &c,
        IMAGE,
        Some("sleep 300"),
        r#"{"detach": true, "name": "dc-t3-update", "cpu_shares": 512}"#,
    )
    .unwrap();
    let o = cs(
        r#"{"cpu_shares": 0, "mem_limit": "96m", "memswap_limit": -1, "PidsLimit": 50,
                 "restart_policy": {"Name": "unless-stopped"}}"#,
    );
    let mut e = ptr::null_mut();
    if engine_is_podman() {
        // Podman 4.3's Docker-compatible service has no update endpoint (README, "Podman").
        let f = check(docker_container_update(h.0, o.as_ptr(), &mut e), e).unwrap_err();
        assert_eq!(f.code, docker_result::DOCKER_ERR_NOT_FOUND);
        assert!(f.message.contains("does not implement"), "{}", f.message);
        return;
    }
    check(docker_container_update(h.0, o.as_ptr(), &mut e), e).unwrap();
    reload(&h);
    let a = json(&h, docker_container_attrs_json);
    assert_eq!(a["HostConfig"]["Memory"], 96 << 20);
    assert_eq!(a["HostConfig"]["PidsLimit"], 50);
    assert_eq!(a["HostConfig"]["RestartPolicy"]["Name"], "unless-stopped");
    // cpu_shares 0 was sent (docker-py drops zeros), but this engine reads a zero CpuShares as
    // "leave it": the value stays. A zero the engine does honour: PidsLimit back to unlimited.
    assert_eq!(a["HostConfig"]["CpuShares"], 512);
    let o = cs(r#"{"pids_limit": 0}"#);
    let mut e = ptr::null_mut();
    check(docker_container_update(h.0, o.as_ptr(), &mut e), e).unwrap();
    reload(&h);
    let a = json(&h, docker_container_attrs_json);
    assert!(
        matches!(a["HostConfig"]["PidsLimit"].as_i64(), None | Some(0)),
        "{}",
        a["HostConfig"]["PidsLimit"]
    );
    let bad = cs(r#"{"cpu_sharez": 1}"#);
    let mut e = ptr::null_mut();
    let f = check(docker_container_update(h.0, bad.as_ptr(), &mut e), e).unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
    assert!(
        f.message.contains("cpu_sharez") && f.message.contains("cpu_shares"),
        "{}",
        f.message
    );
}

#[test]
fn list_filters_sparse_and_full() {
    let c = client();
    let names = ["dc-t3-list-a", "dc-t3-list-b", "dc-t3-list-c"];
    let _g = Cleanup::new(&c, &names);
    for (i, n) in names.iter().enumerate() {
        let opts = format!(
            r#"{{"detach": true, "name": "{n}", "labels": {{"dc-t3-list": "{}"}}}}"#,
            i % 2
        );
        let cmd = if i == 2 { "true" } else { "sleep 300" };
        let h = run_detached(&c, IMAGE, Some(cmd), &opts).unwrap();
        if i == 2 {
            wait(&h, r#"{"timeout": 20}"#).unwrap();
        }
    }
    let names_of = |v: &[Value], key: &str| -> Vec<String> {
        let mut n: Vec<String> = v
            .iter()
            .map(|x| match &x[key] {
                Value::Array(a) => a[0].as_str().unwrap().trim_start_matches('/').to_owned(),
                Value::String(s) => s.trim_start_matches('/').to_owned(),
                o => panic!("{o}"),
            })
            .collect();
        n.sort();
        n
    };
    // Sparse: the engine's summaries (Names is a list).
    let running = list(
        &c,
        r#"{"sparse": true, "filters": {"label": "dc-t3-list"}}"#,
    );
    assert_eq!(
        names_of(&running, "Names"),
        ["dc-t3-list-a", "dc-t3-list-b"]
    );
    let all = list(
        &c,
        r#"{"all": true, "sparse": true, "filters": {"label": "dc-t3-list"}}"#,
    );
    assert_eq!(all.len(), 3);
    // Full: inspect JSON (Name is a string), label value and status filters.
    let zero = list(
        &c,
        r#"{"all": true, "filters": {"label": ["dc-t3-list=0"]}}"#,
    );
    assert_eq!(names_of(&zero, "Name"), ["dc-t3-list-a", "dc-t3-list-c"]);
    assert!(zero[0]["State"].is_object());
    let exited = list(
        &c,
        r#"{"all": true, "filters": {"label": "dc-t3-list", "status": "exited"}}"#,
    );
    assert_eq!(names_of(&exited, "Name"), ["dc-t3-list-c"]);
    let by_name = list(&c, r#"{"all": true, "filters": {"name": "dc-t3-list-b"}}"#);
    assert_eq!(names_of(&by_name, "Name"), ["dc-t3-list-b"]);
    let limited = list(
        &c,
        r#"{"all": true, "limit": 1, "sparse": true, "filters": {"label": "dc-t3-list"}}"#,
    );
    assert_eq!(limited.len(), 1);
    let o = cs(r#"{"sparce": true}"#);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    let f = check(docker_containers_list(c.0, o.as_ptr(), &mut out, &mut e), e).unwrap_err();
    assert!(
        f.message.contains("sparce") && f.message.contains("sparse"),
        "{}",
        f.message
    );
}

#[test]
fn prune_returns_the_deleted_ids() {
    let c = client();
    let names = ["dc-t3-prune-a", "dc-t3-prune-b"];
    let _g = Cleanup::new(&c, &names);
    let mut ids = Vec::new();
    for n in names {
        let opts =
            format!(r#"{{"detach": true, "name": "{n}", "labels": {{"dc-t3-prune": "yes"}}}}"#);
        let h = run_detached(&c, IMAGE, Some("true"), &opts).unwrap();
        wait(&h, r#"{"timeout": 20}"#).unwrap();
        ids.push(
            unsafe { CStr::from_ptr(docker_container_id(h.0)) }
                .to_str()
                .unwrap()
                .to_owned(),
        );
    }
    // Only ours: the label filter keeps other users' stopped containers alive.
    let o = cs(r#"{"filters": {"label": "dc-t3-prune=yes"}}"#);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(
        docker_containers_prune(c.0, o.as_ptr(), &mut out, &mut e),
        e,
    )
    .unwrap();
    let v: Value = serde_json::from_str(&take_string(out)).unwrap();
    let mut got: Vec<String> = v["ContainersDeleted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect();
    got.sort();
    ids.sort();
    assert_eq!(got, ids);
    assert!(v["SpaceReclaimed"].is_u64());
    // Nothing left: an empty list, not null.
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(
        docker_containers_prune(c.0, o.as_ptr(), &mut out, &mut e),
        e,
    )
    .unwrap();
    let v: Value = serde_json::from_str(&take_string(out)).unwrap();
    assert_eq!(v["ContainersDeleted"], serde_json::json!([]));
}

#[test]
fn commit_makes_an_image_that_inspect_finds() {
    let c = client();
    let mut g = Cleanup::new(&c, &["dc-t3-commit"]);
    g.images.push("dc-t3/committed:v1".into());
    let h = run_detached(
        &c,
        IMAGE,
        Some("sh -c 'echo made > /made; sleep 300'"),
        r#"{"detach": true, "name": "dc-t3-commit"}"#,
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let o = cs(
        r#"{"repository": "dc-t3/committed", "tag": "v1", "message": "from a test",
                 "author": "dc-t3", "changes": ["ENV COMMITTED=1"], "conf": {"Labels": {"dc-t3": "commit"}}}"#,
    );
    let mut id = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(docker_container_commit(h.0, o.as_ptr(), &mut id, &mut e), e).unwrap();
    let id = take_string(id);
    assert!(id.starts_with("sha256:"), "{id}");
    let n = cs(&id);
    let mut js = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(docker_images_inspect(c.0, n.as_ptr(), &mut js, &mut e), e).unwrap();
    let img: Value = serde_json::from_str(&take_string(js)).unwrap();
    assert_eq!(img["Id"], id.as_str());
    assert_eq!(img["Author"], "dc-t3");
    assert_eq!(img["Comment"], "from a test");
    assert!(img["RepoTags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| image_name_is(t.as_str().unwrap(), "dc-t3/committed:v1")));
    assert!(img["Config"]["Env"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t == "COMMITTED=1"));
    // The committed image holds the file.
    let img = cs("dc-t3/committed:v1");
    let cmd = cs("cat /made");
    let ro = cs(r#"{"remove": true}"#);
    let mut buf = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(
        docker_containers_run(
            c.0,
            img.as_ptr(),
            cmd.as_ptr(),
            ro.as_ptr(),
            ptr::null_mut(),
            &mut buf,
            &mut e,
        ),
        e,
    )
    .unwrap();
    assert_eq!(take_buffer(buf), b"made\n");
    with_opts(docker_container_remove, &h, r#"{"force": true}"#).unwrap();
    let tag = cs("dc-t3/committed:v1");
    let mut e = ptr::null_mut();
    check(
        docker_images_remove(c.0, tag.as_ptr(), ptr::null(), &mut e),
        e,
    )
    .unwrap();
    let mut there = true;
    let mut e = ptr::null_mut();
    check(docker_images_exists(c.0, n.as_ptr(), &mut there, &mut e), e).unwrap();
    assert!(!there);
}

#[test]
fn import_streams_a_tar_file_into_an_image() {
    let c = client();
    let mut g = Cleanup::new(&c, &["dc-t3-import"]);
    g.images.push("dc-t3/imported:v1".into());
    // A root filesystem of one static busybox.
    let dir = tempfile::tempdir().unwrap();
    let tar_path = dir.path().join("rootfs.tar");
    {
        let f = std::fs::File::create(&tar_path).unwrap();
        let mut b = tar::Builder::new(f);
        b.append_path_with_name("/bin/busybox", "bin/busybox")
            .unwrap();
        b.finish().unwrap();
    }
    let p = cs(tar_path.to_str().unwrap());
    let repo = cs("dc-t3/imported");
    let tag = cs("v1");
    let mut id = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(
        docker_images_import_file(
            c.0,
            p.as_ptr(),
            repo.as_ptr(),
            tag.as_ptr(),
            &mut id,
            &mut e,
        ),
        e,
    )
    .unwrap();
    let id = take_string(id);
    assert!(id.starts_with("sha256:"), "{id}");
    let img = cs("dc-t3/imported:v1");
    let mut buf = ptr::null_mut();
    let mut e = ptr::null_mut();
    let ro = cs(r#"{"remove": true, "name": "dc-t3-import"}"#);
    let icmd = cs("/bin/busybox echo imported");
    check(
        docker_containers_run(
            c.0,
            img.as_ptr(),
            icmd.as_ptr(),
            ro.as_ptr(),
            ptr::null_mut(),
            &mut buf,
            &mut e,
        ),
        e,
    )
    .unwrap();
    assert_eq!(take_buffer(buf), b"imported\n");
    // A missing file: an I/O error.
    let p = cs("/nonexistent/dc-t3.tar");
    let mut id = ptr::null_mut();
    let mut e = ptr::null_mut();
    let f = check(
        docker_images_import_file(
            c.0,
            p.as_ptr(),
            repo.as_ptr(),
            tag.as_ptr(),
            &mut id,
            &mut e,
        ),
        e,
    )
    .unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_IO);
}

#[test]
fn non_detached_run_with_tty_and_a_handle() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-tty"]);
    let img = cs(IMAGE);
    let cmd = cs("echo tty");
    let o = cs(r#"{"tty": true, "name": "dc-t3-tty"}"#);
    let mut h = ptr::null_mut();
    let mut buf = ptr::null_mut();
    let mut e = ptr::null_mut();
    check(
        docker_containers_run(
            c.0,
            img.as_ptr(),
            cmd.as_ptr(),
            o.as_ptr(),
            &mut h,
            &mut buf,
            &mut e,
        ),
        e,
    )
    .unwrap();
    assert_eq!(take_buffer(buf), b"tty\r\n");
    let h = Handle(h);
    assert!(!h.0.is_null());
    assert_eq!(status(&h), "exited");
    with_opts(docker_container_remove, &h, "").unwrap();
}

#[test]
fn run_stream_selection_and_detach_with_remove() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-sel", "dc-t3-sel-auto"]);
    let cmd = Some("sh -c 'echo out; echo err >&2'");
    let only_err = run_output(
        &c,
        cmd,
        r#"{"stdout": false, "stderr": true, "remove": true, "name": "dc-t3-sel"}"#,
    )
    .unwrap();
    assert_eq!(only_err, b"err\n");
    let only_out = run_output(&c, cmd, r#"{"remove": true, "name": "dc-t3-sel"}"#).unwrap();
    assert_eq!(only_out, b"out\n");
    // "stream" belongs to the streaming API.
    let f = run_output(&c, cmd, r#"{"stream": true}"#).unwrap_err();
    assert_eq!(f.code, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
    // detach + remove = auto_remove: the engine removes it once it exits.
    let h = run_detached(
        &c,
        IMAGE,
        Some("true"),
        r#"{"detach": true, "remove": true, "name": "dc-t3-sel-auto"}"#,
    )
    .unwrap();
    let a = json(&h, docker_container_attrs_json);
    assert_eq!(a["HostConfig"]["AutoRemove"], true);
    let _ = wait(&h, r#"{"condition": "removed", "timeout": 20}"#);
    assert_eq!(
        get(c.0, "dc-t3-sel-auto").err().unwrap().code,
        docker_result::DOCKER_ERR_NOT_FOUND
    );
}

#[test]
fn one_handle_many_threads_reloading_and_reading() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-threads"]);
    let h = run_detached(
        &c,
        IMAGE,
        Some("sleep 300"),
        r#"{"detach": true, "name": "dc-t3-threads"}"#,
    )
    .unwrap();
    reload(&h);
    struct P(*mut docker_container);
    unsafe impl Send for P {}
    unsafe impl Sync for P {}
    let p = P(h.0);
    let p = &p;
    std::thread::scope(|s| {
        for i in 0..8 {
            s.spawn(move || {
                for _ in 0..25 {
                    let mut e = ptr::null_mut();
                    if i % 2 == 0 {
                        check(docker_container_reload(p.0, &mut e), e).unwrap();
                    }
                    let mut out = ptr::null_mut();
                    let mut e = ptr::null_mut();
                    check(docker_container_status(p.0, &mut out, &mut e), e).unwrap();
                    assert_eq!(take_string(out), "running");
                }
            });
        }
    });
    with_opts(docker_container_remove, &h, r#"{"force": true}"#).unwrap();
}

#[test]
fn full_list_inspects_concurrently() {
    let c = client();
    let names: Vec<String> = (0..16).map(|i| format!("dc-t3-many-{i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let _g = Cleanup::new(&c, &refs);
    for n in &names {
        let img = cs(IMAGE);
        let o = cs(&format!(
            r#"{{"name": "{n}", "labels": {{"dc-t3-many": "1"}}}}"#
        ));
        let mut h = ptr::null_mut();
        let mut e = ptr::null_mut();
        check(
            docker_containers_create(c.0, img.as_ptr(), ptr::null(), o.as_ptr(), &mut h, &mut e),
            e,
        )
        .unwrap();
        docker_container_free(h);
    }
    let opts = r#"{"all": true, "filters": {"label": "dc-t3-many"}}"#;
    let t = Instant::now();
    let full = list(&c, opts);
    let full_time = t.elapsed();
    let t = Instant::now();
    let sparse = list(
        &c,
        r#"{"all": true, "sparse": true, "filters": {"label": "dc-t3-many"}}"#,
    );
    let sparse_time = t.elapsed();
    eprintln!("list of 16: full (inspect, 8 at once) {full_time:?}, sparse {sparse_time:?}");
    assert_eq!(full.len(), 16);
    assert_eq!(sparse.len(), 16);
    // Same order, full entries are inspect JSON.
    for (f, s) in full.iter().zip(&sparse) {
        assert_eq!(f["Id"], s["Id"]);
        assert!(f["HostConfig"].is_object());
    }
}

#[test]
fn health_goes_from_starting_to_healthy_or_unhealthy() {
    let c = client();
    let _g = Cleanup::new(&c, &["dc-t3-health-ok", "dc-t3-health-bad"]);
    let wait_for = |h: &Handle, want: &str| {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            reload(h);
            let got = text(h, docker_container_health);
            if got == want || Instant::now() > deadline {
                return got;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    // Intervals in nanoseconds, as docker-py takes them.
    let ok = run_detached(
        &c,
        IMAGE,
        Some("sleep 300"),
        r#"{"detach": true, "name": "dc-t3-health-ok",
            "healthcheck": {"test": ["CMD", "true"], "interval": 200000000, "retries": 1}}"#,
    )
    .unwrap();
    let bad = run_detached(
        &c,
        IMAGE,
        Some("sleep 300"),
        r#"{"detach": true, "name": "dc-t3-health-bad",
            "healthcheck": {"test": "exit 1", "interval": 200000000, "retries": 1}}"#,
    )
    .unwrap();
    // The attributes from run are those after create, as docker-py's: no health yet.
    assert_eq!(text(&ok, docker_container_health), "unknown");
    reload(&ok);
    let first = text(&ok, docker_container_health);
    assert!(first == "starting" || first == "healthy", "{first}");
    if engine_is_podman() {
        // Podman runs healthchecks from systemd timers; without systemd (these machines) none
        // runs, and both stay "starting" (README, "Podman").
        std::thread::sleep(Duration::from_secs(1));
        for h in [&ok, &bad] {
            reload(h);
            assert_eq!(text(h, docker_container_health), "starting");
            with_opts(docker_container_remove, h, r#"{"force": true}"#).unwrap();
        }
        return;
    }
    assert_eq!(wait_for(&ok, "healthy"), "healthy");
    assert_eq!(wait_for(&bad, "unhealthy"), "unhealthy");
    for h in [&ok, &bad] {
        with_opts(docker_container_remove, h, r#"{"force": true}"#).unwrap();
    }
}
