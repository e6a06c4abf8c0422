//! Volumes through the C ABI against the real engine: create with driver options and labels,
//! get, mount in containers (data written by one is read by the next), list with filters,
//! remove (refused while in use), prune. Everything is named `dcnet-`.

mod common;
#[path = "common/netvol.rs"]
mod netvol;
use common::*;
use docker_containers::ffi::*;
use netvol::*;
use serde_json::Value;
use std::ffi::CStr;
use std::ptr;

fn create_volume(cl: *mut docker_client, opts: &str) -> *mut docker_volume {
    let o = c(opts);
    let mut h = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_volumes_create(cl, o.as_ptr(), &mut h, &mut e), e);
    assert!(!h.is_null());
    h
}

fn volume_attrs(v: *mut docker_volume) -> Value {
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_volume_reload(v, &mut e), e);
    ok(docker_volume_attrs_json(v, &mut out, &mut e), e);
    serde_json::from_str(&take_string(out)).unwrap()
}

fn name_of(v: *mut docker_volume) -> String {
    unsafe { CStr::from_ptr(docker_volume_name(v)) }
        .to_str()
        .unwrap()
        .to_string()
}

fn names(l: &[Value]) -> Vec<String> {
    let mut v: Vec<String> = l
        .iter()
        .map(|n| n["Name"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn create_with_labels_and_driver_options_then_get() {
    let _g = NetVolCleanup::new("dcnet-vol-create");
    let cl = client();
    let v = create_volume(
        cl,
        r#"{"name": "dcnet-vol-create", "driver": "local", "labels": {"dcnet.vol": "create"},
            "driver_opts": {"type": "tmpfs", "device": "tmpfs", "o": "nodev,nosuid"}}"#,
    );
    assert_eq!(name_of(v), "dcnet-vol-create");
    let a = volume_attrs(v);
    assert_eq!(a["Name"], "dcnet-vol-create");
    assert_eq!(a["Driver"], "local");
    assert_eq!(a["Labels"]["dcnet.vol"], "create", "{a}");
    assert_eq!(a["Options"]["type"], "tmpfs", "{a}");
    assert_eq!(a["Options"]["o"], "nodev,nosuid", "{a}");
    // get by name; a missing one is NOT_FOUND.
    let (n, missing) = (c("dcnet-vol-create"), c("dcnet-vol-create-missing"));
    let mut h = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_volumes_get(cl, n.as_ptr(), &mut h, &mut e), e);
    assert_eq!(name_of(h), "dcnet-vol-create");
    docker_volume_free(h);
    expect(
        docker_volumes_get(cl, missing.as_ptr(), &mut h, &mut e),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    // Unknown keys and wrong shapes are refused, naming the key.
    for (opts, needle) in [
        (
            r#"{"name": "dcnet-vol-create-x", "lables": {}}"#,
            "did you mean \"labels\"",
        ),
        (
            r#"{"name": "dcnet-vol-create-x", "driver_opts": ["a"]}"#,
            "\"driver_opts\"",
        ),
    ] {
        let o = c(opts);
        let msg = expect(
            docker_volumes_create(cl, o.as_ptr(), &mut h, &mut e),
            e,
            docker_result::DOCKER_ERR_INVALID_ARGUMENT,
        );
        assert!(msg.contains(needle), "{opts}: {msg}");
    }
    assert!(list_ok(
        cl,
        docker_volumes_list,
        r#"{"filters": {"name": "dcnet-vol-create-x"}}"#
    )
    .is_empty());
    ok(docker_volume_remove(v, ptr::null(), &mut e), e);
    expect(
        docker_volume_reload(v, &mut e),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    docker_volume_free(v);
    // NULL safety.
    assert_eq!(
        unsafe { CStr::from_ptr(docker_volume_name(ptr::null())) }.to_bytes(),
        b""
    );
    docker_volume_free(ptr::null_mut());
    expect(
        docker_volumes_get(cl, ptr::null(), &mut h, &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    docker_client_free(cl);
}

#[test]
fn a_mounted_volume_keeps_data_between_containers_and_cannot_go_while_used() {
    let _g = NetVolCleanup::new("dcnet-vol-mount");
    let cl = client();
    let v = create_volume(cl, r#"{"name": "dcnet-vol-mount"}"#);
    let writer = run_detached(
        cl,
        "dcnet-vol-mount-writer",
        "sh -c 'echo kept > /data/f; sleep 300'",
        r#""volumes": {"dcnet-vol-mount": {"bind": "/data", "mode": "rw"}}"#,
    );
    let (code, out) = exec(
        writer,
        "sh -c 'while [ ! -s /data/f ]; do sleep 0.1; done; cat /data/f'",
    );
    assert_eq!((code, out.as_str()), (0, "kept\n"));
    // In use: removing it is a conflict.
    let mut e = ptr::null_mut();
    expect(
        docker_volume_remove(v, ptr::null(), &mut e),
        e,
        docker_result::DOCKER_ERR_CONFLICT,
    );
    // A second container, with the list form and read-only, reads what the first wrote.
    let (img, cmd, o) = (
        c(IMAGE),
        c("cat /in/f"),
        c(
            r#"{"remove": true, "name": "dcnet-vol-mount-reader", "volumes": ["dcnet-vol-mount:/in:ro"]}"#,
        ),
    );
    let mut output = ptr::null_mut();
    ok(
        docker_containers_run(
            cl,
            img.as_ptr(),
            cmd.as_ptr(),
            o.as_ptr(),
            ptr::null_mut(),
            &mut output,
            &mut e,
        ),
        e,
    );
    assert_eq!(take_buffer(output), b"kept\n");
    // Mountpoint and the container's mount agree.
    let a = volume_attrs(v);
    let mounts = attrs(writer)["Mounts"].clone();
    assert!(
        mounts
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["Name"] == "dcnet-vol-mount"
                && m["Destination"] == "/data"
                && m["Source"] == a["Mountpoint"]),
        "{mounts} vs {a}"
    );
    let f = c(r#"{"force": true}"#);
    ok(docker_container_remove(writer, f.as_ptr(), &mut e), e);
    ok(docker_volume_remove(v, ptr::null(), &mut e), e);
    docker_container_free(writer);
    docker_volume_free(v);
    docker_client_free(cl);
}

#[test]
fn list_with_filters() {
    let _g = NetVolCleanup::new("dcnet-vol-list");
    let cl = client();
    let a = create_volume(
        cl,
        r#"{"name": "dcnet-vol-list-a", "labels": {"dcnet.list": "a"}}"#,
    );
    let b = create_volume(
        cl,
        r#"{"name": "dcnet-vol-list-b", "labels": {"dcnet.list": "b"}}"#,
    );
    let user = run_detached(
        cl,
        "dcnet-vol-list-user",
        "sleep 300",
        r#""volumes": ["dcnet-vol-list-b:/b"]"#,
    );
    let l = list_ok(
        cl,
        docker_volumes_list,
        r#"{"filters": {"name": "dcnet-vol-list-"}}"#,
    );
    assert_eq!(names(&l), ["dcnet-vol-list-a", "dcnet-vol-list-b"]);
    let l = list_ok(
        cl,
        docker_volumes_list,
        r#"{"filters": {"label": "dcnet.list=b"}}"#,
    );
    assert_eq!(names(&l), ["dcnet-vol-list-b"]);
    // dangling: unused ones only, or used ones only. Podman 4.3 ignores the filter (README,
    // "Podman") and gives both.
    let (unused, used): (&[&str], &[&str]) = if engine_is_podman() {
        (
            &["dcnet-vol-list-a", "dcnet-vol-list-b"],
            &["dcnet-vol-list-a", "dcnet-vol-list-b"],
        )
    } else {
        (&["dcnet-vol-list-a"], &["dcnet-vol-list-b"])
    };
    let l = list_ok(
        cl,
        docker_volumes_list,
        r#"{"filters": {"label": ["dcnet.list"], "dangling": true}}"#,
    );
    // On Podman, whose filtering here is loose, only this test's own volumes are compared:
    // other tests' volumes may be listed beside them while they run.
    let own = |l: &[Value]| -> Vec<String> {
        let all = names(l);
        if engine_is_podman() {
            all.into_iter()
                .filter(|n| n.starts_with("dcnet-vol-list-"))
                .collect()
        } else {
            all
        }
    };
    assert_eq!(own(&l), unused);
    let l = list_ok(
        cl,
        docker_volumes_list,
        r#"{"filters": {"label": ["dcnet.list"], "dangling": false, "driver": "local"}}"#,
    );
    assert_eq!(own(&l), used);
    let l = list_ok(
        cl,
        docker_volumes_list,
        r#"{"filters": {"label": "dcnet.list=nothing"}}"#,
    );
    assert!(l.is_empty());
    let o = c(r#"{"filter": {}}"#);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    let msg = expect(
        docker_volumes_list(cl, o.as_ptr(), &mut out, &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(
        msg.contains("\"filter\"") && msg.contains("\"filters\""),
        "{msg}"
    );
    docker_container_free(user);
    docker_volume_free(a);
    docker_volume_free(b);
    docker_client_free(cl);
}

#[test]
fn prune_removes_only_unused_volumes_matching_the_filter() {
    let _g = NetVolCleanup::new("dcnet-vol-prune");
    let cl = client();
    let gone = create_volume(
        cl,
        r#"{"name": "dcnet-vol-prune-gone", "labels": {"dcnet.prune": "1"}}"#,
    );
    let used = create_volume(
        cl,
        r#"{"name": "dcnet-vol-prune-used", "labels": {"dcnet.prune": "1"}}"#,
    );
    let kept = create_volume(
        cl,
        r#"{"name": "dcnet-vol-prune-kept", "labels": {"dcnet.other": "1"}}"#,
    );
    let user = run_detached(
        cl,
        "dcnet-vol-prune-user",
        "sleep 300",
        r#""volumes": ["dcnet-vol-prune-used:/u"]"#,
    );
    // Always with our label: an unfiltered prune would take other tests' volumes.
    let o = c(r#"{"filters": {"label": "dcnet.prune=1"}}"#);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_volumes_prune(cl, o.as_ptr(), &mut out, &mut e), e);
    let r: Value = serde_json::from_str(&take_string(out)).unwrap();
    assert_eq!(
        r["VolumesDeleted"],
        serde_json::json!(["dcnet-vol-prune-gone"]),
        "{r}"
    );
    assert!(r["SpaceReclaimed"].is_u64(), "{r}");
    let l = list_ok(
        cl,
        docker_volumes_list,
        r#"{"filters": {"name": "dcnet-vol-prune-"}}"#,
    );
    assert_eq!(names(&l), ["dcnet-vol-prune-kept", "dcnet-vol-prune-used"]);
    ok(docker_volumes_prune(cl, o.as_ptr(), &mut out, &mut e), e);
    let r: Value = serde_json::from_str(&take_string(out)).unwrap();
    assert_eq!(r["VolumesDeleted"], serde_json::json!([]), "{r}");
    for v in [gone, used, kept] {
        docker_volume_free(v);
    }
    docker_container_free(user);
    docker_client_free(cl);
}
