//! Remote engines: TLS to the second dockerd started by scripts/tls-engine-up.sh, ssh through
//! the sshd of scripts/sshd-up.sh (`make remote-up`, which `make test` runs first). When they
//! are not set up the tests fail, naming the script: they are never skipped.
mod common;
use common::*;
use docker_containers::ffi::*;
use std::path::PathBuf;
use std::ptr;
use std::sync::Mutex;

/// Tests that change the process environment run one at a time.
static ENV: Mutex<()> = Mutex::new(());

fn tls_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("build/tls");
    if dir.join("host").is_file() {
        return Some(dir);
    }
    panic!("build/tls/host is missing: run scripts/tls-engine-up.sh (make remote-up)");
}

fn host(dir: &std::path::Path) -> String {
    std::fs::read_to_string(dir.join("host"))
        .unwrap()
        .trim()
        .to_string()
}

fn opts(dir: &std::path::Path, extra: serde_json::Value) -> String {
    let mut o = serde_json::json!({
        "base_url": host(dir),
        "tls_ca_cert": dir.join("ca.pem"),
        "tls_client_cert": dir.join("client-cert.pem"),
        "tls_client_key": dir.join("client-key.pem"),
        "timeout": 20,
    });
    for (k, v) in extra.as_object().unwrap() {
        if v.is_null() {
            o.as_object_mut().unwrap().remove(k);
        } else {
            o[k] = v.clone();
        }
    }
    o.to_string()
}

fn new_client(options: &str) -> Result<*mut docker_client, (docker_result, String)> {
    let o = c(options);
    let mut cl = ptr::null_mut();
    let mut e = ptr::null_mut();
    let r = docker_client_new(o.as_ptr(), &mut cl, &mut e);
    if r != docker_result::DOCKER_OK {
        return Err((r, take_error(e)));
    }
    Ok(cl)
}

/// Ping through a client made from `options`: Ok, or the error code and message.
fn ping(options: &str) -> Result<(), (docker_result, String)> {
    let cl = new_client(options)?;
    let mut e = ptr::null_mut();
    let r = docker_client_ping(cl, &mut e);
    docker_client_free(cl);
    if r != docker_result::DOCKER_OK {
        return Err((r, take_error(e)));
    }
    Ok(())
}

fn ok(r: docker_result, e: *mut docker_error) {
    assert_eq!(r, docker_result::DOCKER_OK, "{}", take_error(e));
}

/// Removes the container (forced) when dropped, even when the test fails.
struct Cleanup(*mut docker_client, String);
impl Drop for Cleanup {
    fn drop(&mut self) {
        let mut h = ptr::null_mut();
        let mut e = ptr::null_mut();
        let n = c(&self.1);
        if docker_containers_get(self.0, n.as_ptr(), &mut h, &mut e) == docker_result::DOCKER_OK {
            let o = c(r#"{"force": true}"#);
            let _ = docker_container_remove(h, o.as_ptr(), &mut e);
            if !e.is_null() {
                docker_error_free(e);
            }
            docker_container_free(h);
        } else {
            take_error(e);
        }
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Ping, run (attach and wait over TLS), exec, logs and an interactive attach.
fn exercise(cl: *mut docker_client, prefix: &str) {
    let mut e = ptr::null_mut();
    ok(docker_client_ping(cl, &mut e), e);

    // A non-detached run: attach and wait go through the pooled client's upgrade path.
    let name = format!("{prefix}-run");
    let _g1 = Cleanup(cl, name.clone());
    let (img, cmd) = (c(IMAGE), c("echo hello over tls"));
    let o = c(&serde_json::json!({ "name": name }).to_string());
    let mut h = ptr::null_mut();
    let mut out = ptr::null_mut();
    ok(
        docker_containers_run(
            cl,
            img.as_ptr(),
            cmd.as_ptr(),
            o.as_ptr(),
            &mut h,
            &mut out,
            &mut e,
        ),
        e,
    );
    assert_eq!(text(&take_buffer(out)), "hello over tls\n");
    docker_container_free(h);

    // Detached, then exec and logs.
    let name = format!("{prefix}-sleep");
    let _g2 = Cleanup(cl, name.clone());
    let cmd = c("sh -c 'echo logline; sleep 120'");
    let o = c(&serde_json::json!({ "name": name, "detach": true }).to_string());
    let mut h = ptr::null_mut();
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
    let mut code = -1;
    let mut out = ptr::null_mut();
    let ec = c("sh -c 'echo exec-out; exit 3'");
    ok(
        docker_container_exec_run(
            h,
            ec.as_ptr(),
            ptr::null(),
            &mut code,
            &mut out,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    assert_eq!(code, 3);
    assert_eq!(text(&take_buffer(out)), "exec-out\n");
    let mut logs = String::new();
    for _ in 0..50 {
        let mut s = ptr::null_mut();
        ok(
            docker_container_logs_open(h, ptr::null(), &mut s, &mut e),
            e,
        );
        logs = text(&pull(s));
        if !logs.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(logs, "logline\n");
    docker_container_free(h);

    // Interactive attach: stdin in, output back, over the hijacked TLS connection.
    let name = format!("{prefix}-attach");
    let _g3 = Cleanup(cl, name.clone());
    let cmd = c("sh -c 'read x; echo got $x'");
    let o = c(&serde_json::json!({ "name": name, "stdin_open": true }).to_string());
    let mut h = ptr::null_mut();
    ok(
        docker_containers_create(cl, img.as_ptr(), cmd.as_ptr(), o.as_ptr(), &mut h, &mut e),
        e,
    );
    let mut s = ptr::null_mut();
    let ao = c(r#"{"stdin": true}"#);
    ok(
        docker_container_attach_open(h, ao.as_ptr(), &mut s, &mut e),
        e,
    );
    ok(docker_container_start(h, &mut e), e);
    let line = b"abc\n";
    ok(docker_stream_write(s, line.as_ptr(), line.len(), &mut e), e);
    ok(docker_stream_close_write(s, &mut e), e);
    assert_eq!(text(&pull(s)), "got abc\n");
    docker_container_free(h);
}

fn pull(s: *mut docker_stream) -> Vec<u8> {
    let mut all = Vec::new();
    let mut chunk = docker_chunk {
        kind: docker_stream_kind::DOCKER_STREAM_END,
        data: ptr::null(),
        len: 0,
    };
    loop {
        let mut e = ptr::null_mut();
        ok(docker_stream_next(s, 30_000, &mut chunk, &mut e), e);
        if chunk.kind == docker_stream_kind::DOCKER_STREAM_END {
            break;
        }
        all.extend_from_slice(unsafe { std::slice::from_raw_parts(chunk.data, chunk.len) });
    }
    docker_stream_free(s);
    all
}

#[test]
fn tls_with_good_certificates() {
    let Some(dir) = tls_dir() else { return };
    let cl = new_client(&opts(&dir, serde_json::json!({}))).unwrap();
    exercise(cl, &format!("dctr-t2tls-{}", std::process::id()));
    docker_client_free(cl);
}

#[test]
fn tls_from_env_and_https() {
    let Some(dir) = tls_dir() else { return };
    let _g = ENV.lock().unwrap_or_else(|p| p.into_inner());
    std::env::set_var("DOCKER_HOST", host(&dir));
    std::env::set_var("DOCKER_TLS_VERIFY", "1");
    std::env::set_var("DOCKER_CERT_PATH", dir.join("client"));
    let mut cl = ptr::null_mut();
    let mut e = ptr::null_mut();
    let r = docker_client_from_env(ptr::null(), &mut cl, &mut e);
    std::env::remove_var("DOCKER_HOST");
    std::env::remove_var("DOCKER_TLS_VERIFY");
    std::env::remove_var("DOCKER_CERT_PATH");
    ok(r, e);
    ok(docker_client_ping(cl, &mut e), e);
    docker_client_free(cl);

    // https:// implies TLS.
    let https = host(&dir).replace("tcp://", "https://");
    ping(&opts(&dir, serde_json::json!({ "base_url": https }))).unwrap();
}

#[test]
fn tls_failures_name_the_problem() {
    let Some(dir) = tls_dir() else { return };
    let tls = docker_result::DOCKER_ERR_TLS;

    let wrong_ca = opts(
        &dir,
        serde_json::json!({ "tls_ca_cert": dir.join("wrong-ca.pem") }),
    );
    let (code, msg) = ping(&wrong_ca).unwrap_err();
    assert_eq!(code, tls, "{msg}");
    eprintln!("wrong CA: {msg}");
    assert!(msg.contains("unknown CA"), "{msg}");

    let bad_name = opts(
        &dir,
        serde_json::json!({ "tls_server_name": "wrong.example" }),
    );
    let (code, msg) = ping(&bad_name).unwrap_err();
    assert_eq!(code, tls, "{msg}");
    eprintln!("wrong name: {msg}");
    assert!(msg.contains("name mismatch"), "{msg}");

    let no_cert = opts(
        &dir,
        serde_json::json!({ "tls_client_cert": null, "tls_client_key": null }),
    );
    let (code, msg) = ping(&no_cert).unwrap_err();
    assert_eq!(code, tls, "{msg}");
    eprintln!("no client certificate: {msg}");
    assert!(msg.contains("client certificate"), "{msg}");

    // Verification is off only when asked: then the wrong CA is accepted.
    let skip = opts(
        &dir,
        serde_json::json!({ "tls_ca_cert": dir.join("wrong-ca.pem"), "tls_verify": false }),
    );
    ping(&skip).unwrap();

    // Verifying with no CA at all is refused up front.
    let no_ca = opts(&dir, serde_json::json!({ "tls_ca_cert": null }));
    let _g = ENV.lock().unwrap_or_else(|p| p.into_inner());
    let old_home = std::env::var_os("HOME");
    std::env::set_var("HOME", "/nonexistent");
    let r = ping(&no_ca);
    if let Some(h) = old_home {
        std::env::set_var("HOME", h);
    }
    let (code, msg) = r.unwrap_err();
    assert_eq!(code, tls, "{msg}");
}

#[test]
fn plain_tcp_to_the_tls_port_fails_cleanly() {
    let Some(dir) = tls_dir() else { return };
    let started = std::time::Instant::now();
    let o = serde_json::json!({ "base_url": host(&dir), "timeout": 10 }).to_string();
    let (code, msg) = ping(&o).unwrap_err();
    assert_ne!(code, docker_result::DOCKER_OK);
    eprintln!("plain tcp: {msg}");
    assert!(!msg.is_empty());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "{msg}"
    );
}

/// Write a Docker CLI context store under `cfg` with one context, `name`, for the TLS engine.
fn write_context(cfg: &std::path::Path, dir: &std::path::Path, name: &str) {
    use sha2::Digest;
    let id: String = sha2::Sha256::digest(name.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let meta = cfg.join("contexts/meta").join(&id);
    std::fs::create_dir_all(&meta).unwrap();
    let m = serde_json::json!({
        "Name": name,
        "Metadata": {},
        "Endpoints": { "docker": { "Host": host(dir), "SkipTLSVerify": false } },
    });
    std::fs::write(meta.join("meta.json"), m.to_string()).unwrap();
    let tls = cfg.join("contexts/tls").join(&id).join("docker");
    std::fs::create_dir_all(&tls).unwrap();
    std::fs::copy(dir.join("ca.pem"), tls.join("ca.pem")).unwrap();
    std::fs::copy(dir.join("client-cert.pem"), tls.join("cert.pem")).unwrap();
    std::fs::copy(dir.join("client-key.pem"), tls.join("key.pem")).unwrap();
}

fn from_env() -> Result<*mut docker_client, (docker_result, String)> {
    let mut cl = ptr::null_mut();
    let mut e = ptr::null_mut();
    let r = docker_client_from_env(ptr::null(), &mut cl, &mut e);
    if r != docker_result::DOCKER_OK {
        return Err((r, take_error(e)));
    }
    Ok(cl)
}

fn ping_client(cl: *mut docker_client) {
    let mut e = ptr::null_mut();
    ok(docker_client_ping(cl, &mut e), e);
    docker_client_free(cl);
}

#[test]
fn contexts_select_the_engine() {
    let Some(dir) = tls_dir() else { return };
    let _g = ENV.lock().unwrap_or_else(|p| p.into_inner());
    let cfg = tempfile::tempdir().unwrap();
    write_context(cfg.path(), &dir, "dctr-remote");
    let saved: Vec<_> = [
        "DOCKER_HOST",
        "DOCKER_CONTEXT",
        "DOCKER_CONFIG",
        "DOCKER_TLS_VERIFY",
        "DOCKER_CERT_PATH",
    ]
    .iter()
    .map(|k| (*k, std::env::var_os(k)))
    .collect();
    for (k, _) in &saved {
        std::env::remove_var(k);
    }
    std::env::set_var("DOCKER_CONFIG", cfg.path());

    // DOCKER_CONTEXT.
    std::env::set_var("DOCKER_CONTEXT", "dctr-remote");
    let by_env = from_env();
    // An unknown context is a clear error.
    std::env::set_var("DOCKER_CONTEXT", "dctr-no-such-context");
    let unknown = from_env();
    std::env::remove_var("DOCKER_CONTEXT");
    // currentContext in config.json.
    std::fs::write(
        cfg.path().join("config.json"),
        r#"{"currentContext": "dctr-remote"}"#,
    )
    .unwrap();
    let by_config = from_env();
    // DOCKER_HOST wins over the current context.
    std::env::set_var("DOCKER_HOST", "tcp://127.0.0.1:1");
    let by_host = from_env();
    std::env::remove_var("DOCKER_HOST");
    // The context option of docker_client_new.
    let by_option = new_client(r#"{"context": "dctr-remote", "timeout": 20}"#);

    for (k, v) in saved {
        match v {
            Some(v) => std::env::set_var(k, v),
            None => std::env::remove_var(k),
        }
    }

    ping_client(by_env.unwrap());
    ping_client(by_config.unwrap());
    ping_client(by_option.unwrap());
    let (code, msg) = unknown.unwrap_err();
    assert_eq!(code, docker_result::DOCKER_ERR_INVALID_ARGUMENT, "{msg}");
    assert!(
        msg.contains("dctr-no-such-context") && msg.contains("not found"),
        "{msg}"
    );
    let cl = by_host.unwrap();
    let mut e = ptr::null_mut();
    assert_ne!(docker_client_ping(cl, &mut e), docker_result::DOCKER_OK);
    take_error(e);
    docker_client_free(cl);
}

fn ssh_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("build/ssh");
    if dir.join("host").is_file() {
        return Some(dir);
    }
    panic!("build/ssh/host is missing: run scripts/sshd-up.sh (make remote-up)");
}

fn ssh_opts(dir: &std::path::Path, key: &str) -> String {
    serde_json::json!({
        "base_url": host(dir),
        "timeout": 30,
        "ssh_options": [
            "-i", dir.join(key),
            "-o", format!("UserKnownHostsFile={}", dir.join("known_hosts").display()),
            "-o", "IdentitiesOnly=yes",
        ],
    })
    .to_string()
}

/// This process's ssh children.
fn ssh_children() -> usize {
    let me = std::process::id().to_string();
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|d| std::fs::read_to_string(d.ok()?.path().join("stat")).ok())
        .filter(|stat| {
            // pid (comm) state ppid ...
            let Some((comm, rest)) = stat.split_once(") ") else {
                return false;
            };
            let ppid = rest.split_whitespace().nth(1).unwrap_or("");
            comm.ends_with("(ssh") && ppid == me
        })
        .count()
}

#[test]
fn ssh_engine() {
    let Some(dir) = ssh_dir() else { return };

    // Many calls, one ssh process; dropped with the client.
    let cl = new_client(&ssh_opts(&dir, "id_test")).unwrap();
    let mut e = ptr::null_mut();
    for _ in 0..10 {
        ok(docker_client_ping(cl, &mut e), e);
    }
    assert_eq!(ssh_children(), 1, "one ssh process serves sequential calls");
    docker_client_free(cl);
    // Freeing the client kills the ssh child and reaps it before returning (no zombie left).
    assert_eq!(
        ssh_children(),
        0,
        "the ssh child is killed and reaped with its client"
    );

    // Calls from short-lived threads: the ssh process each thread's connection ran in ends
    // with the thread, so rounds of fresh threads leave only this thread's own.
    let cl = new_client(&ssh_opts(&dir, "id_test")).unwrap();
    ok(docker_client_ping(cl, &mut e), e);
    for round in 1..=3 {
        let shared = cl as usize;
        let threads: Vec<_> = (0..8)
            .map(|_| {
                std::thread::spawn(move || {
                    let mut e = ptr::null_mut();
                    ok(docker_client_ping(shared as *mut docker_client, &mut e), e);
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(
            ssh_children(),
            1,
            "after round {round} of 8 threads: only this thread's ssh process is left"
        );
    }
    docker_client_free(cl);

    let cl = new_client(&ssh_opts(&dir, "id_test")).unwrap();
    exercise(cl, &format!("dctr-t2ssh-{}", std::process::id()));
    docker_client_free(cl);

    // A key the server does not know: a connection error carrying what ssh said.
    let (code, msg) = ping(&ssh_opts(&dir, "id_wrong")).unwrap_err();
    eprintln!("bad key: {msg}");
    assert_eq!(code, docker_result::DOCKER_ERR_CONNECTION, "{msg}");
    assert!(msg.contains("Permission denied"), "{msg}");
}
