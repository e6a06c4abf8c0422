//! Podman as an engine of its own, through the C ABI: finding its socket with `"podman": true`,
//! and one client per engine (dockerd and Podman) used from many threads at once.
//! Needs both engines up: scripts/engine-up.sh and scripts/podman-up.sh (make test runs them).
//! The Podman service is found at $DC_PODMAN_HOST (default unix:///run/dc-podman/podman.sock),
//! dockerd at $DC_DOCKER_HOST (default unix:///var/run/docker.sock).
//! The other engine tests run against Podman too: `make podman-test`.

mod common;

use common::*;
use docker_containers::ffi::*;
use std::ptr;
use std::sync::{Arc, Barrier};

fn podman_host() -> String {
    std::env::var("DC_PODMAN_HOST").unwrap_or_else(|_| "unix:///run/dc-podman/podman.sock".into())
}

fn docker_host() -> String {
    std::env::var("DC_DOCKER_HOST").unwrap_or_else(|_| "unix:///var/run/docker.sock".into())
}

fn client_at(base_url: &str) -> *mut docker_client {
    let o = c(&serde_json::json!({ "base_url": base_url }).to_string());
    let mut cl = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_client_new(o.as_ptr(), &mut cl, &mut e), e);
    let r = docker_client_ping(cl, &mut e);
    assert_eq!(
        r,
        docker_result::DOCKER_OK,
        "the engine at {base_url} must be up: {}",
        take_error(e)
    );
    cl
}

fn version_json(cl: *mut docker_client) -> serde_json::Value {
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_client_version(cl, &mut out, &mut e), e);
    serde_json::from_str(&take_string(out)).unwrap()
}

fn is_podman(v: &serde_json::Value) -> bool {
    v["Components"]
        .as_array()
        .map(|cs| cs.iter().any(|c| c["Name"] == "Podman Engine"))
        .unwrap_or(false)
}

fn new_with(options: &str) -> (docker_result, *mut docker_client, *mut docker_error) {
    let o = c(options);
    let mut cl = ptr::null_mut();
    let mut e = ptr::null_mut();
    let r = docker_client_new(o.as_ptr(), &mut cl, &mut e);
    (r, cl, e)
}

/// Sets environment variables for the test and puts the old values back when dropped.
struct Env(Vec<(&'static str, Option<String>)>);

impl Env {
    fn set(&mut self, k: &'static str, v: Option<&str>) {
        if !self.0.iter().any(|(n, _)| *n == k) {
            self.0.push((k, std::env::var(k).ok()));
        }
        match v {
            Some(v) => std::env::set_var(k, v),
            None => std::env::remove_var(k),
        }
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        for (k, v) in self.0.drain(..) {
            match v {
                Some(v) => std::env::set_var(k, v),
                None => std::env::remove_var(k),
            }
        }
    }
}

// One test, because it changes the process environment: the steps run in order.
#[test]
fn podman_option_finds_the_socket_in_order_and_names_what_it_tried() {
    let sock = podman_host()
        .strip_prefix("unix://")
        .expect("DC_PODMAN_HOST must be a unix:// address")
        .to_string();
    let dir = tempfile::Builder::new()
        .prefix("dcpod-xdg")
        .tempdir()
        .unwrap();
    let empty = tempfile::Builder::new()
        .prefix("dcpod-empty")
        .tempdir()
        .unwrap();
    std::fs::create_dir(dir.path().join("podman")).unwrap();
    std::os::unix::fs::symlink(&sock, dir.path().join("podman/podman.sock")).unwrap();
    let mut env = Env(Vec::new());

    // XDG_RUNTIME_DIR: found through the symlink; the client then talks to Podman.
    env.set("CONTAINER_HOST", None);
    env.set("XDG_RUNTIME_DIR", Some(dir.path().to_str().unwrap()));
    let (r, cl, e) = new_with(r#"{"podman": true}"#);
    ok(r, e);
    let v = version_json(cl);
    assert!(is_podman(&v), "not Podman: {v}");
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_client_api_version(cl, &mut out, &mut e), e);
    assert_eq!(take_string(out), v["ApiVersion"].as_str().unwrap());
    docker_client_free(cl);

    // docker_client_from_env with podman: true ignores DOCKER_HOST.
    env.set("DOCKER_HOST", Some("unix:///nonexistent/docker.sock"));
    let o = c(r#"{"podman": true}"#);
    let mut cl = ptr::null_mut();
    ok(docker_client_from_env(o.as_ptr(), &mut cl, &mut e), e);
    assert!(is_podman(&version_json(cl)));
    docker_client_free(cl);

    // CONTAINER_HOST is tried first (XDG_RUNTIME_DIR now holds no socket).
    env.set("CONTAINER_HOST", Some(&format!("unix://{sock}")));
    env.set("XDG_RUNTIME_DIR", Some(empty.path().to_str().unwrap()));
    let (r, cl, e) = new_with(r#"{"podman": true}"#);
    ok(r, e);
    assert!(is_podman(&version_json(cl)));
    docker_client_free(cl);

    // Nothing answers: the error lists every address tried, with the reason. (On a machine
    // whose own Podman listens at /run/podman/podman.sock this step would find that one.)
    env.set("CONTAINER_HOST", Some("unix:///nonexistent/dcpod.sock"));
    let (r, cl, e) = new_with(r#"{"podman": true}"#);
    assert!(cl.is_null());
    let msg = expect(r, e, docker_result::DOCKER_ERR_CONNECTION);
    for tried in [
        "unix:///nonexistent/dcpod.sock".to_string(),
        format!("unix://{}/podman/podman.sock", empty.path().display()),
        "unix:///run/podman/podman.sock".to_string(),
        "/podman/podman.sock".to_string(),
    ] {
        assert!(msg.contains(&tried), "{tried} missing from: {msg}");
    }
    assert!(msg.contains("no such socket"), "{msg}");

    // A socket path that exists but where nothing listens says so.
    let dead = empty.path().join("dead.sock");
    drop(std::os::unix::net::UnixListener::bind(&dead).unwrap());
    env.set(
        "CONTAINER_HOST",
        Some(&format!("unix://{}", dead.display())),
    );
    let (r, _, e) = new_with(r#"{"podman": true}"#);
    let msg = expect(r, e, docker_result::DOCKER_ERR_CONNECTION);
    assert!(msg.contains(&dead.display().to_string()), "{msg}");

    // Wrong shapes and combinations are refused by name.
    let (r, _, e) = new_with(r#"{"podman": "yes"}"#);
    let msg = expect(r, e, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
    assert!(msg.contains("podman"), "{msg}");
    let (r, _, e) = new_with(r#"{"podman": true, "base_url": "unix:///x.sock"}"#);
    let msg = expect(r, e, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
    assert!(msg.contains("base_url"), "{msg}");
    drop(env);
}

/// Raw handles crossing threads: docker_client is documented as safe to share.
#[derive(Clone, Copy)]
struct Shared(*mut docker_client);
unsafe impl Send for Shared {}
unsafe impl Sync for Shared {}

const THREADS_PER_ENGINE: usize = 4;

/// From one thread: run a container, exec in it, read its logs, remove it. Returns what it saw.
fn round_trip(cl: Shared, name: &str) -> (String, String, i64) {
    let cl = cl.0;
    let (img, cmd) = (c(IMAGE), c("sh -c 'echo started; sleep 60'"));
    let o = c(&format!(r#"{{"detach": true, "name": "{name}"}}"#));
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
    let x = c(&format!("sh -c 'echo {name}; exit 3'"));
    let mut code = -1i64;
    let mut out = ptr::null_mut();
    ok(
        docker_container_exec_run(
            h,
            x.as_ptr(),
            ptr::null(),
            &mut code,
            &mut out,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    let exec_out = String::from_utf8(take_buffer(out)).unwrap();
    let mut logs = ptr::null_mut();
    ok(
        docker_container_logs_buffer(h, ptr::null(), &mut logs, ptr::null_mut(), &mut e),
        e,
    );
    let logs = String::from_utf8(take_buffer(logs)).unwrap();
    let f = c(r#"{"force": true}"#);
    ok(docker_container_remove(h, f.as_ptr(), &mut e), e);
    docker_container_free(h);
    (exec_out, logs, code)
}

#[test]
fn one_client_per_engine_used_from_many_threads_at_once() {
    let engines = [("docker", docker_host()), ("podman", podman_host())];
    let _cleanups: Vec<Cleanup> = engines
        .iter()
        .map(|(_, url)| Cleanup::at(url, "dcpod-mt-"))
        .collect();
    let clients: Vec<Shared> = engines.iter().map(|(_, u)| Shared(client_at(u))).collect();
    let versions: Vec<bool> = clients
        .iter()
        .map(|c| is_podman(&version_json(c.0)))
        .collect();
    assert_eq!(versions, vec![false, true], "dockerd first, then Podman");

    let barrier = Arc::new(Barrier::new(engines.len() * THREADS_PER_ENGINE));
    let mut threads = Vec::new();
    for (k, (engine, _)) in engines.iter().enumerate() {
        for i in 0..THREADS_PER_ENGINE {
            let (cl, b) = (clients[k], barrier.clone());
            let name = format!("dcpod-mt-{engine}-{i}");
            threads.push(std::thread::spawn(move || {
                b.wait();
                let seen = round_trip(cl, &name);
                (name, seen)
            }));
        }
    }
    let results: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert_eq!(results.len(), 2 * THREADS_PER_ENGINE);
    for (name, (exec_out, logs, code)) in &results {
        assert_eq!(exec_out, &format!("{name}\n"), "{name}");
        assert_eq!(logs, "started\n", "{name}");
        assert_eq!(*code, 3, "{name}");
    }
    // Each container ran on its own engine: none is left on either.
    for (k, (engine, _)) in engines.iter().enumerate() {
        let o = c(r#"{"all": true, "filters": {"name": "dcpod-mt-"}}"#);
        let mut out = ptr::null_mut();
        let mut e = ptr::null_mut();
        ok(
            docker_containers_list(clients[k].0, o.as_ptr(), &mut out, &mut e),
            e,
        );
        assert_eq!(take_string(out), "[]", "{engine}");
    }
    for cl in clients {
        docker_client_free(cl.0);
    }
}
