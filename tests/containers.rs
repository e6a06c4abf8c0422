//! Containers through the C ABI against the real engine: run, create, get, list, prune, the
//! model's properties, the lifecycle, update, commit; docker-py's own examples and error paths.

mod common;
use common::*;
use docker_containers::ffi::*;
use std::ptr;

#[test]
fn run_echo_with_remove_returns_its_output() {
    let _g = Cleanup::new("dc-t3-echo");
    let cl = client();
    let (img, cmd, o) = (
        c(IMAGE),
        c("echo hello world"),
        c(r#"{"remove": true, "name": "dc-t3-echo"}"#),
    );
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(
        docker_containers_run(
            cl,
            img.as_ptr(),
            cmd.as_ptr(),
            o.as_ptr(),
            ptr::null_mut(),
            &mut out,
            &mut e,
        ),
        e,
    );
    assert_eq!(take_buffer(out), b"hello world\n");
    // It was removed.
    let name = c("dc-t3-echo");
    let mut h = ptr::null_mut();
    expect(
        docker_containers_get(cl, name.as_ptr(), &mut h, &mut e),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    docker_client_free(cl);
}

#[test]
fn run_output_streams_stdout_and_stderr_as_asked() {
    let _g = Cleanup::new("dc-t3-streams");
    let cl = client();
    let img = c(IMAGE);
    let cmd = c("sh -c 'echo out; echo err >&2'");
    for (opts, want) in [
        (
            r#"{"remove": true, "name": "dc-t3-streams"}"#,
            &b"out\n"[..],
        ),
        (
            r#"{"remove": true, "name": "dc-t3-streams", "stdout": false, "stderr": true}"#,
            &b"err\n"[..],
        ),
    ] {
        let o = c(opts);
        let mut out = ptr::null_mut();
        let mut e = ptr::null_mut();
        ok(
            docker_containers_run(
                cl,
                img.as_ptr(),
                cmd.as_ptr(),
                o.as_ptr(),
                ptr::null_mut(),
                &mut out,
                &mut e,
            ),
            e,
        );
        assert_eq!(take_buffer(out), want);
    }
    // The list form of the command, through the options; and a tty run comes back raw.
    let o = c(
        r#"{"remove": true, "name": "dc-t3-streams", "command": ["sh", "-c", "printf 'a b'"], "tty": true}"#,
    );
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(
        docker_containers_run(
            cl,
            img.as_ptr(),
            ptr::null(),
            o.as_ptr(),
            ptr::null_mut(),
            &mut out,
            &mut e,
        ),
        e,
    );
    assert_eq!(take_buffer(out), b"a b");
    docker_client_free(cl);
}

#[test]
fn run_with_auto_remove_loses_no_output() {
    let _g = Cleanup::new("dc-t3-autorm");
    let cl = client();
    let (img, cmd) = (c(IMAGE), c("sh -c 'seq 1 2000'"));
    let o = c(r#"{"auto_remove": true, "name": "dc-t3-autorm"}"#);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(
        docker_containers_run(
            cl,
            img.as_ptr(),
            cmd.as_ptr(),
            o.as_ptr(),
            ptr::null_mut(),
            &mut out,
            &mut e,
        ),
        e,
    );
    let text = String::from_utf8(take_buffer(out)).unwrap();
    assert_eq!(text.lines().count(), 2000);
    assert_eq!(text.lines().last(), Some("2000"));
    docker_client_free(cl);
}

#[test]
fn a_failing_run_carries_exit_status_and_stderr() {
    let _g = Cleanup::new("dc-t3-fail");
    let cl = client();
    let (img, cmd, o) = (
        c(IMAGE),
        c("sh -c 'echo oops >&2; exit 3'"),
        c(r#"{"remove": true, "name": "dc-t3-fail"}"#),
    );
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    let r = docker_containers_run(
        cl,
        img.as_ptr(),
        cmd.as_ptr(),
        o.as_ptr(),
        ptr::null_mut(),
        &mut out,
        &mut e,
    );
    assert_eq!(r, docker_result::DOCKER_ERR_CONTAINER_FAILED);
    assert!(out.is_null(), "no output on failure");
    assert_eq!(docker_error_exit_status(e), 3);
    let mut len = 0usize;
    let p = docker_error_stderr(e, &mut len);
    assert_eq!(unsafe { std::slice::from_raw_parts(p, len) }, b"oops\n");
    let msg = take_error(e);
    assert!(
        msg.contains("exit status 3") && msg.contains("oops"),
        "{msg}"
    );
    docker_client_free(cl);
}

#[test]
fn run_of_a_missing_image_gives_image_not_found_in_time() {
    let cl = client();
    let (img, cmd) = (c("dc-no-such-image/nothing:here"), c("true"));
    let started = std::time::Instant::now();
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    let r = docker_containers_run(
        cl,
        img.as_ptr(),
        cmd.as_ptr(),
        ptr::null(),
        ptr::null_mut(),
        &mut out,
        &mut e,
    );
    let msg = expect(r, e, docker_result::DOCKER_ERR_IMAGE_NOT_FOUND);
    assert!(msg.contains("dc-no-such-image"), "{msg}");
    assert!(started.elapsed() < std::time::Duration::from_secs(65));
    // With pull disabled, no pull is tried.
    let o = c(r#"{"pull": false}"#);
    let r = docker_containers_run(
        cl,
        img.as_ptr(),
        cmd.as_ptr(),
        o.as_ptr(),
        ptr::null_mut(),
        &mut out,
        &mut e,
    );
    expect(r, e, docker_result::DOCKER_ERR_IMAGE_NOT_FOUND);
    docker_client_free(cl);
}

#[test]
fn detached_with_a_published_port_answers_on_the_host() {
    let _g = Cleanup::new("dc-t3-port");
    let cl = client();
    let h = run_detached(
        cl,
        "dc-t3-port",
        "sh -c 'mkdir -p /www && echo hi-from-container > /www/index.html && httpd -f -p 80 -h /www'",
        r#""ports": {"80/tcp": {"HostIp": "127.0.0.1", "HostPort": null}}"#,
    );
    let ports: serde_json::Value =
        serde_json::from_str(&string_of(docker_container_ports_json, h)).unwrap();
    // Ports appear once the container runs; reload until they do.
    let mut port = String::new();
    for _ in 0..50 {
        let a = attrs(h);
        if let Some(p) = a
            .pointer("/NetworkSettings/Ports/80~1tcp/0/HostPort")
            .and_then(|v| v.as_str())
        {
            port = p.to_string();
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(!port.is_empty(), "no published port in {ports}");
    let ports: serde_json::Value =
        serde_json::from_str(&string_of(docker_container_ports_json, h)).unwrap();
    assert_eq!(ports["80/tcp"][0]["HostIp"], "127.0.0.1");
    let mut body = String::new();
    for _ in 0..50 {
        if let Ok(mut s) = std::net::TcpStream::connect(format!("127.0.0.1:{port}")) {
            use std::io::{Read, Write};
            s.write_all(b"GET /index.html HTTP/1.0\r\n\r\n").unwrap();
            let _ = s.read_to_string(&mut body);
            if body.contains("hi-from-container") {
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(body.contains("hi-from-container"), "got {body:?}");
    let f = c(r#"{"force": true}"#);
    let mut e = ptr::null_mut();
    ok(docker_container_remove(h, f.as_ptr(), &mut e), e);
    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn options_land_in_the_inspect_json() {
    let _g = Cleanup::new("dc-t3-opts");
    let cl = client();
    let dir = tempfile::tempdir().unwrap();
    let extra = format!(
        r#""environment": {{"GREETING": "hi"}}, "volumes": {{"{}": {{"bind": "/data", "mode": "ro"}}}},
            "mem_limit": "64m", "cpu_shares": 512, "restart_policy": {{"Name": "on-failure", "MaximumRetryCount": 2}},
            "labels": {{"dc.test": "yes"}}, "stop_timeout": 7"#,
        dir.path().display()
    );
    let h = run_detached(cl, "dc-t3-opts", "sleep 60", &extra);
    let a = attrs(h);
    assert!(a["Config"]["Env"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v == "GREETING=hi"));
    let bind = a["HostConfig"]["Binds"][0].as_str().unwrap();
    assert!(
        bind_is(bind, &format!("{}:/data:ro", dir.path().display())),
        "{bind}"
    );
    assert_eq!(a["HostConfig"]["Memory"], 64 * 1024 * 1024);
    assert_eq!(a["HostConfig"]["CpuShares"], 512);
    assert_eq!(a["HostConfig"]["RestartPolicy"]["Name"], "on-failure");
    assert_eq!(a["HostConfig"]["RestartPolicy"]["MaximumRetryCount"], 2);
    assert_eq!(a["Config"]["StopTimeout"], 7);
    assert_eq!(
        string_of(docker_container_labels_json, h),
        r#"{"dc.test":"yes"}"#
    );
    assert_eq!(string_of(docker_container_name, h), "dc-t3-opts");
    let id = unsafe { std::ffi::CStr::from_ptr(docker_container_id(h)) }
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(id.len(), 64);
    assert_eq!(string_of(docker_container_short_id, h), id[..12]);
    assert_eq!(string_of(docker_container_health, h), "unknown");
    let image: serde_json::Value =
        serde_json::from_str(&string_of(docker_container_image, h)).unwrap();
    assert!(
        image["RepoTags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| image_name_is(t.as_str().unwrap(), IMAGE)),
        "{image}"
    );
    let mut e = ptr::null_mut();
    let f = c(r#"{"force": true}"#);
    ok(docker_container_remove(h, f.as_ptr(), &mut e), e);
    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn lifecycle_status_pause_stop_wait_restart_kill_rename_remove() {
    let _g = Cleanup::new("dc-t3-life");
    let cl = client();
    let h = run_detached(
        cl,
        "dc-t3-life",
        "sh -c 'trap \"exit 0\" TERM; while :; do sleep 0.1; done'",
        "",
    );
    let mut e = ptr::null_mut();
    // As docker-py's run(detach=True): the attributes read after create, before the start.
    assert_eq!(string_of(docker_container_status, h), "created");
    ok(docker_container_reload(h, &mut e), e);
    assert_eq!(string_of(docker_container_status, h), "running");
    // Start on a running container is not an error (304).
    ok(docker_container_start(h, &mut e), e);
    ok(docker_container_pause(h, &mut e), e);
    ok(docker_container_reload(h, &mut e), e);
    assert_eq!(string_of(docker_container_status, h), "paused");
    ok(docker_container_unpause(h, &mut e), e);
    ok(docker_container_reload(h, &mut e), e);
    assert_eq!(string_of(docker_container_status, h), "running");
    let t = c(r#"{"timeout": 5}"#);
    ok(docker_container_stop(h, t.as_ptr(), &mut e), e);
    ok(docker_container_reload(h, &mut e), e);
    assert_eq!(string_of(docker_container_status, h), "exited");
    // Stop on a stopped container is not an error either.
    ok(docker_container_stop(h, t.as_ptr(), &mut e), e);
    let mut code = -1i64;
    let mut json = ptr::null_mut();
    ok(
        docker_container_wait(h, ptr::null(), &mut code, &mut json, &mut e),
        e,
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&take_string(json)).unwrap();
    assert_eq!(v["StatusCode"], 0);
    ok(docker_container_restart(h, t.as_ptr(), &mut e), e);
    ok(docker_container_reload(h, &mut e), e);
    assert_eq!(string_of(docker_container_status, h), "running");
    // Kill: bad names are refused before any request; good ones by name or number.
    let bad = c("SIGNOPE");
    let msg = expect(
        docker_container_kill(h, bad.as_ptr(), &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(msg.contains("SIGNOPE"));
    let kill = c("KILL");
    ok(docker_container_kill(h, kill.as_ptr(), &mut e), e);
    ok(
        docker_container_wait(h, ptr::null(), &mut code, ptr::null_mut(), &mut e),
        e,
    );
    assert_eq!(code, 137);
    // Killing a stopped container: conflict.
    let nine = c("9");
    expect(
        docker_container_kill(h, nine.as_ptr(), &mut e),
        e,
        docker_result::DOCKER_ERR_CONFLICT,
    );
    let newname = c("dc-t3-life-renamed");
    ok(docker_container_rename(h, newname.as_ptr(), &mut e), e);
    ok(docker_container_reload(h, &mut e), e);
    assert_eq!(string_of(docker_container_name, h), "dc-t3-life-renamed");
    ok(docker_container_remove(h, ptr::null(), &mut e), e);
    expect(
        docker_container_reload(h, &mut e),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn wait_conditions_timeout_and_exit_code() {
    let _g = Cleanup::new("dc-t3-wait");
    let cl = client();
    let h = run_detached(cl, "dc-t3-wait", "sh -c 'sleep 1; exit 42'", "");
    let mut e = ptr::null_mut();
    let mut code = 0i64;
    let quick = c(r#"{"timeout": 0.2}"#);
    expect(
        docker_container_wait(h, quick.as_ptr(), &mut code, ptr::null_mut(), &mut e),
        e,
        docker_result::DOCKER_ERR_TIMEOUT,
    );
    let o = c(r#"{"condition": "not-running", "timeout": 30}"#);
    ok(
        docker_container_wait(h, o.as_ptr(), &mut code, ptr::null_mut(), &mut e),
        e,
    );
    assert_eq!(code, 42);
    let bad = c(r#"{"condition": "whenever"}"#);
    expect(
        docker_container_wait(h, bad.as_ptr(), &mut code, ptr::null_mut(), &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    let f = c(r#"{"force": true}"#);
    ok(docker_container_remove(h, f.as_ptr(), &mut e), e);
    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn missing_containers_and_name_conflicts() {
    let _g = Cleanup::new("dc-t3-err");
    let cl = client();
    let mut e = ptr::null_mut();
    let mut h = ptr::null_mut();
    let missing = c("dc-t3-err-does-not-exist");
    let msg = expect(
        docker_containers_get(cl, missing.as_ptr(), &mut h, &mut e),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    assert!(msg.contains("dc-t3-err-does-not-exist"), "{msg}");
    let first = run_detached(cl, "dc-t3-err", "sleep 30", "");
    // The same name again: conflict.
    let (img, cmd, o) = (
        c(IMAGE),
        c("sleep 30"),
        c(r#"{"detach": true, "name": "dc-t3-err"}"#),
    );
    let r = docker_containers_run(
        cl,
        img.as_ptr(),
        cmd.as_ptr(),
        o.as_ptr(),
        &mut h,
        ptr::null_mut(),
        &mut e,
    );
    expect(r, e, docker_result::DOCKER_ERR_CONFLICT);
    // Removing a running container without force: conflict; with force: gone; then not found.
    expect(
        docker_container_remove(first, ptr::null(), &mut e),
        e,
        docker_result::DOCKER_ERR_CONFLICT,
    );
    let f = c(r#"{"force": true}"#);
    ok(docker_container_remove(first, f.as_ptr(), &mut e), e);
    expect(
        docker_container_remove(first, f.as_ptr(), &mut e),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    expect(
        docker_container_stop(first, ptr::null(), &mut e),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    docker_container_free(first);
    // Bad options are named.
    let bad = c(r#"{"detach": true, "enviroment": {}}"#);
    let msg = expect(
        docker_containers_run(
            cl,
            img.as_ptr(),
            cmd.as_ptr(),
            bad.as_ptr(),
            &mut h,
            ptr::null_mut(),
            &mut e,
        ),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(msg.contains("\"enviroment\""), "{msg}");
    let msg = expect(
        docker_containers_run(
            cl,
            ptr::null(),
            cmd.as_ptr(),
            ptr::null(),
            &mut h,
            ptr::null_mut(),
            &mut e,
        ),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(msg.contains("image is NULL"));
    docker_client_free(cl);
}

#[test]
fn create_then_start_list_filters_and_prune() {
    let _g = Cleanup::new("dc-t3-list");
    let cl = client();
    let mut e = ptr::null_mut();
    let (img, cmd) = (c(IMAGE), c("sleep 60"));
    let mut hs = Vec::new();
    for (name, label) in [("dc-t3-list-a", "one"), ("dc-t3-list-b", "two")] {
        let o = c(&format!(
            r#"{{"name": "{name}", "labels": {{"dc.t3": "{label}"}}}}"#
        ));
        let mut h = ptr::null_mut();
        ok(
            docker_containers_create(cl, img.as_ptr(), cmd.as_ptr(), o.as_ptr(), &mut h, &mut e),
            e,
        );
        assert_eq!(string_of(docker_container_status, h), "created");
        hs.push(h);
    }
    ok(docker_container_start(hs[0], &mut e), e);
    let list = |opts: &str| -> serde_json::Value {
        let o = c(opts);
        let mut out = ptr::null_mut();
        let mut e = ptr::null_mut();
        ok(docker_containers_list(cl, o.as_ptr(), &mut out, &mut e), e);
        serde_json::from_str(&take_string(out)).unwrap()
    };
    let running = list(r#"{"filters": {"name": "dc-t3-list"}}"#);
    assert_eq!(running.as_array().unwrap().len(), 1);
    assert_eq!(
        running[0]["Name"], "/dc-t3-list-a",
        "non-sparse gives inspect JSON"
    );
    let all = list(r#"{"all": true, "sparse": true, "filters": {"label": "dc.t3"}}"#);
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert!(
        all[0].get("Names").is_some(),
        "sparse gives the engine's list entries"
    );
    let two = list(r#"{"all": true, "filters": {"label": ["dc.t3=two"], "status": "created"}}"#);
    assert_eq!(two.as_array().unwrap().len(), 1);
    assert_eq!(two[0]["Name"], "/dc-t3-list-b");
    let limited = list(r#"{"all": true, "limit": 1, "filters": {"name": "dc-t3-list"}}"#);
    assert_eq!(limited.as_array().unwrap().len(), 1);
    let bad = c(r#"{"al": true}"#);
    let mut out = ptr::null_mut();
    expect(
        docker_containers_list(cl, bad.as_ptr(), &mut out, &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    // Prune removes the stopped one (b was never started), with a label filter.
    let o = c(r#"{"filters": {"label": "dc.t3"}}"#);
    ok(docker_containers_prune(cl, o.as_ptr(), &mut out, &mut e), e);
    let pruned: serde_json::Value = serde_json::from_str(&take_string(out)).unwrap();
    let b_id = unsafe { std::ffi::CStr::from_ptr(docker_container_id(hs[1])) }
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        pruned["ContainersDeleted"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i == b_id.as_str()),
        "{pruned}"
    );
    assert!(pruned["SpaceReclaimed"].is_u64());
    expect(
        docker_container_reload(hs[1], &mut e),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    for h in hs {
        docker_container_free(h);
    }
    docker_client_free(cl);
}

#[test]
fn update_can_set_zero_and_commit_makes_an_image() {
    let _g = Cleanup::new("dc-t3-upd");
    let cl = client();
    let mut e = ptr::null_mut();
    let h = run_detached(
        cl,
        "dc-t3-upd",
        "sh -c 'echo data > /made-here; sleep 60'",
        r#""cpu_shares": 512, "pids_limit": 50"#,
    );
    // Zero is sent (docker-py drops it): pids_limit 0 lifts the limit. (For fields such as
    // CpuShares the engine itself reads 0 as "unchanged".)
    let o = c(
        r#"{"pids_limit": 0, "cpu_shares": 256, "mem_limit": "96m", "memswap_limit": -1, "restart_policy": {"Name": "unless-stopped"}}"#,
    );
    if engine_is_podman() {
        // Podman 4.3's Docker-compatible service has no update endpoint (README, "Podman").
        let msg = expect(
            docker_container_update(h, o.as_ptr(), &mut e),
            e,
            docker_result::DOCKER_ERR_NOT_FOUND,
        );
        assert!(msg.contains("does not implement"), "{msg}");
    } else {
        ok(docker_container_update(h, o.as_ptr(), &mut e), e);
        let a = attrs(h);
        assert_eq!(a["HostConfig"]["CpuShares"], 256);
        assert!(
            a["HostConfig"]["PidsLimit"] == 0 || a["HostConfig"]["PidsLimit"].is_null(),
            "{}",
            a["HostConfig"]["PidsLimit"]
        );
        let o = c(r#"{"PidsLimit": 50}"#);
        ok(docker_container_update(h, o.as_ptr(), &mut e), e);
        let a = attrs(h);
        assert_eq!(a["HostConfig"]["Memory"], 96 * 1024 * 1024);
        assert_eq!(a["HostConfig"]["RestartPolicy"]["Name"], "unless-stopped");
        assert_eq!(a["HostConfig"]["PidsLimit"], 50);
    }
    let bad = c(r#"{"cpu_sharez": 1}"#);
    let msg = expect(
        docker_container_update(h, bad.as_ptr(), &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(
        msg.contains("cpu_sharez") && msg.contains("cpu_shares"),
        "{msg}"
    );
    // Without a tty there is nothing to resize; dockerd and Podman both accept it.
    ok(docker_container_resize(h, 24, 80, &mut e), e);
    let o = c(
        r#"{"repository": "dc-t3-commit", "tag": "v1", "message": "from a test", "author": "tests", "changes": ["ENV COMMITTED=1"]}"#,
    );
    let mut id = ptr::null_mut();
    ok(docker_container_commit(h, o.as_ptr(), &mut id, &mut e), e);
    let id = take_string(id);
    assert!(id.starts_with("sha256:"), "{id}");
    let name = c("dc-t3-commit:v1");
    let mut out = ptr::null_mut();
    ok(
        docker_images_inspect(cl, name.as_ptr(), &mut out, &mut e),
        e,
    );
    let img: serde_json::Value = serde_json::from_str(&take_string(out)).unwrap();
    assert_eq!(img["Id"], id.as_str());
    assert_eq!(img["Comment"], "from a test");
    assert!(img["Config"]["Env"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v == "COMMITTED=1"));
    // The committed file is in the image.
    let (cmd, ro) = (
        c("cat /made-here"),
        c(r#"{"remove": true, "name": "dc-t3-upd-check"}"#),
    );
    let mut buf = ptr::null_mut();
    ok(
        docker_containers_run(
            cl,
            name.as_ptr(),
            cmd.as_ptr(),
            ro.as_ptr(),
            ptr::null_mut(),
            &mut buf,
            &mut e,
        ),
        e,
    );
    assert_eq!(take_buffer(buf), b"data\n");
    let f = c(r#"{"force": true}"#);
    ok(docker_container_remove(h, f.as_ptr(), &mut e), e);
    ok(
        docker_images_remove(cl, name.as_ptr(), f.as_ptr(), &mut e),
        e,
    );
    let mut exists = true;
    ok(
        docker_images_exists(cl, name.as_ptr(), &mut exists, &mut e),
        e,
    );
    assert!(!exists);
    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn import_an_image_from_a_tar_file_and_a_buffer() {
    let cl = client();
    let mut e = ptr::null_mut();
    // A one-file root filesystem with the static busybox.
    let dir = tempfile::tempdir().unwrap();
    let tar_path = dir.path().join("rootfs.tar");
    {
        let mut b = tar::Builder::new(std::fs::File::create(&tar_path).unwrap());
        b.append_path_with_name("/bin/busybox", "bin/busybox")
            .unwrap();
        b.finish().unwrap();
    }
    let (p, repo, tag) = (c(tar_path.to_str().unwrap()), c("dc-t3-import"), c("file"));
    let mut id = ptr::null_mut();
    ok(
        docker_images_import_file(cl, p.as_ptr(), repo.as_ptr(), tag.as_ptr(), &mut id, &mut e),
        e,
    );
    assert!(take_string(id).starts_with("sha256:"));
    let bytes = std::fs::read(&tar_path).unwrap();
    let tag2 = c("buffer");
    ok(
        docker_images_import_buffer(
            cl,
            bytes.as_ptr(),
            bytes.len(),
            repo.as_ptr(),
            tag2.as_ptr(),
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    for t in ["dc-t3-import:file", "dc-t3-import:buffer"] {
        let n = c(t);
        let mut exists = false;
        ok(docker_images_exists(cl, n.as_ptr(), &mut exists, &mut e), e);
        assert!(exists, "{t}");
        ok(docker_images_remove(cl, n.as_ptr(), ptr::null(), &mut e), e);
    }
    let missing = c("/nonexistent/rootfs.tar");
    expect(
        docker_images_import_file(
            cl,
            missing.as_ptr(),
            repo.as_ptr(),
            tag.as_ptr(),
            ptr::null_mut(),
            &mut e,
        ),
        e,
        docker_result::DOCKER_ERR_IO,
    );
    docker_client_free(cl);
}

#[test]
fn wait_and_run_end_when_their_cancel_token_fires() {
    let _g = Cleanup::new("dc-t3-cancel");
    let cl = client();
    let h = run_detached(cl, "dc-t3-cancel-wait", "sleep 300", "");
    let mut e = ptr::null_mut();
    // Fired from another thread while the wait blocks.
    let tok = docker_cancel_new();
    let tok_addr = tok as usize;
    let fire = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        docker_cancel_fire(tok_addr as *const docker_cancel);
    });
    let start = std::time::Instant::now();
    let mut code = 0i64;
    expect(
        docker_container_wait_cancel(h, ptr::null(), tok, &mut code, ptr::null_mut(), &mut e),
        e,
        docker_result::DOCKER_ERR_CANCELLED,
    );
    fire.join().unwrap();
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    // A NULL token is docker_container_wait; a fired one stays fired.
    let quick = c(r#"{"timeout": 0.2}"#);
    expect(
        docker_container_wait_cancel(
            h,
            quick.as_ptr(),
            ptr::null(),
            &mut code,
            ptr::null_mut(),
            &mut e,
        ),
        e,
        docker_result::DOCKER_ERR_TIMEOUT,
    );
    expect(
        docker_container_wait_cancel(h, ptr::null(), tok, &mut code, ptr::null_mut(), &mut e),
        e,
        docker_result::DOCKER_ERR_CANCELLED,
    );
    docker_cancel_free(tok);

    // A non-detached run, cancelled: the call returns; the container is left running.
    let run_tok = docker_cancel_new();
    let run_addr = run_tok as usize;
    let fire = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(500));
        docker_cancel_fire(run_addr as *const docker_cancel);
    });
    let (img, cmd, o) = (
        c(IMAGE),
        c("sleep 300"),
        c(r#"{"name": "dc-t3-cancel-run"}"#),
    );
    let mut out = ptr::null_mut();
    let start = std::time::Instant::now();
    expect(
        docker_containers_run_cancel(
            cl,
            img.as_ptr(),
            cmd.as_ptr(),
            o.as_ptr(),
            run_tok,
            ptr::null_mut(),
            &mut out,
            &mut e,
        ),
        e,
        docker_result::DOCKER_ERR_CANCELLED,
    );
    fire.join().unwrap();
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    assert!(out.is_null());
    docker_cancel_free(run_tok);
    let name = c("dc-t3-cancel-run");
    let mut r = ptr::null_mut();
    ok(docker_containers_get(cl, name.as_ptr(), &mut r, &mut e), e);
    assert_eq!(attrs(r)["State"]["Status"], "running");
    let f = c(r#"{"force": true}"#);
    ok(docker_container_remove(r, f.as_ptr(), &mut e), e);
    ok(docker_container_remove(h, f.as_ptr(), &mut e), e);
    docker_container_free(r);
    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn resize_sets_the_tty_size_the_container_sees() {
    let _g = Cleanup::new("dc-t3-resize");
    let cl = client();
    let mut e = ptr::null_mut();
    let h = run_detached(
        cl,
        "dc-t3-resize",
        "sh -c 'while :; do stty size; sleep 0.2; done'",
        r#""tty": true"#,
    );
    ok(docker_container_resize(h, 37, 101, &mut e), e);
    // The loop prints the size it sees; the new one shows within a few turns.
    let mut seen = String::new();
    for _ in 0..150 {
        let mut out = ptr::null_mut();
        ok(
            docker_container_logs_buffer(h, ptr::null(), &mut out, ptr::null_mut(), &mut e),
            e,
        );
        seen = String::from_utf8_lossy(&take_buffer(out)).into_owned();
        if seen.lines().any(|l| l.trim() == "37 101") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(
        seen.lines().any(|l| l.trim() == "37 101"),
        "the container never saw 37 rows and 101 columns: {seen:?}"
    );
    let f = c(r#"{"force": true}"#);
    ok(docker_container_remove(h, f.as_ptr(), &mut e), e);
    docker_container_free(h);
    docker_client_free(cl);
}
