//! Engine events and the many-container stats through the C ABI, against the real engine:
//! filtered by container and type in both stream forms, since/until, containers joining and
//! leaving the stats stream. Containers: dcevt-ev-*.

mod common;

use common::*;
use docker_containers::ffi::*;
use serde_json::Value;
use std::ffi::c_void;
use std::ptr;
use std::time::{SystemTime, UNIX_EPOCH};

const LONG_MS: i64 = 120_000;

fn now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
}

fn id_of(h: *mut docker_container) -> String {
    unsafe { std::ffi::CStr::from_ptr(docker_container_id(h)) }
        .to_string_lossy()
        .into_owned()
}

fn wait_exit(h: *mut docker_container) {
    let mut code = -1;
    let mut e = ptr::null_mut();
    ok(
        docker_container_wait(h, ptr::null(), &mut code, ptr::null_mut(), &mut e),
        e,
    );
}

struct Items {
    items: Vec<Value>,
    kinds_ok: bool,
    stop_after: usize,
}

extern "C" fn collect(
    ud: *mut c_void,
    kind: docker_stream_kind,
    data: *const u8,
    len: usize,
) -> i32 {
    let it = unsafe { &mut *(ud as *mut Items) };
    it.kinds_ok &= kind == docker_stream_kind::DOCKER_STREAM_JSON;
    let bytes = unsafe { std::slice::from_raw_parts(data, len) };
    it.items.push(serde_json::from_slice(bytes).unwrap());
    i32::from(it.items.len() >= it.stop_after)
}

#[test]
fn events_filtered_by_container_and_type_between_since_and_until() {
    let _g = Cleanup::new("dcevt-ev-filter");
    let cl = client();
    let since = now() - 1.0;
    let a = run_detached(cl, "dcevt-ev-filter-a", "true", "");
    let b = run_detached(cl, "dcevt-ev-filter-b", "true", "");
    wait_exit(a);
    wait_exit(b);
    let until = now() + 1.0;
    let (ia, ib) = (id_of(a), id_of(b));
    let opts = c(&serde_json::json!({
        "since": since, "until": until,
        "filters": {"container": ia, "type": "container"}
    })
    .to_string());
    let mut it = Items {
        items: Vec::new(),
        kinds_ok: true,
        stop_after: usize::MAX,
    };
    let mut e = ptr::null_mut();
    ok(
        docker_client_events(
            cl,
            opts.as_ptr(),
            Some(collect),
            &mut it as *mut Items as *mut c_void,
            ptr::null(),
            &mut e,
        ),
        e,
    );
    assert!(it.kinds_ok);
    let actions: Vec<&str> = it
        .items
        .iter()
        .map(|v| v["Action"].as_str().unwrap())
        .collect();
    for want in ["create", "start", "die"] {
        assert!(actions.contains(&want), "{want} missing from {actions:?}");
    }
    for v in &it.items {
        assert_eq!(v["Type"], "container", "{v}");
        assert_eq!(v["Actor"]["ID"], ia.as_str(), "{v}");
    }
    assert!(!it.items.iter().any(|v| v["Actor"]["ID"] == ib.as_str()));
    // By event name too: only b's die.
    let opts = c(&serde_json::json!({
        "since": since, "until": until,
        "filters": {"container": [ib], "event": "die"}
    })
    .to_string());
    it.items.clear();
    ok(
        docker_client_events(
            cl,
            opts.as_ptr(),
            Some(collect),
            &mut it as *mut Items as *mut c_void,
            ptr::null(),
            &mut e,
        ),
        e,
    );
    assert_eq!(it.items.len(), 1, "{:?}", it.items);
    assert_eq!(it.items[0]["Action"], "die");
    assert_eq!(it.items[0]["Actor"]["Attributes"]["exitCode"], "0");
    // Unknown keys are refused by name.
    let bad = c(r#"{"filter": {}}"#);
    let r = docker_client_events(
        cl,
        bad.as_ptr(),
        Some(collect),
        &mut it as *mut Items as *mut c_void,
        ptr::null(),
        &mut e,
    );
    let m = expect(r, e, docker_result::DOCKER_ERR_INVALID_ARGUMENT);
    assert!(m.contains("\"filter\""), "{m}");
    for h in [a, b] {
        docker_container_free(h);
    }
    docker_client_free(cl);
}

fn next_json(s: *mut docker_stream) -> Value {
    let mut chunk = docker_chunk {
        kind: docker_stream_kind::DOCKER_STREAM_END,
        data: ptr::null(),
        len: 0,
    };
    let mut e = ptr::null_mut();
    ok(docker_stream_next(s, LONG_MS, &mut chunk, &mut e), e);
    assert_eq!(chunk.kind, docker_stream_kind::DOCKER_STREAM_JSON);
    serde_json::from_slice(unsafe { std::slice::from_raw_parts(chunk.data, chunk.len) }).unwrap()
}

#[test]
fn events_pull_stream_sees_a_start_as_it_happens_and_cancels() {
    let _g = Cleanup::new("dcevt-ev-pull");
    let cl = client();
    let opts =
        c(r#"{"filters": {"type": "container", "event": "start", "label": "dcevt-ev-pull"}}"#);
    let mut s = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(
        docker_client_events_open(cl, opts.as_ptr(), &mut s, &mut e),
        e,
    );
    let h = run_detached(
        cl,
        "dcevt-ev-pull",
        "sleep 300",
        r#""labels": {"dcevt-ev-pull": "1"}"#,
    );
    let v = next_json(s);
    assert_eq!(v["Action"], "start");
    assert_eq!(v["Actor"]["ID"], id_of(h).as_str());
    assert_eq!(v["Actor"]["Attributes"]["name"], "dcevt-ev-pull");
    // Nothing else comes; cancelling from another thread ends the wait for it.
    let sp = s as usize;
    let t = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        docker_stream_cancel(sp as *const docker_stream);
    });
    let mut chunk = docker_chunk {
        kind: docker_stream_kind::DOCKER_STREAM_END,
        data: ptr::null(),
        len: 0,
    };
    let r = docker_stream_next(s, -1, &mut chunk, &mut e);
    expect(r, e, docker_result::DOCKER_ERR_CANCELLED);
    t.join().unwrap();
    docker_stream_free(s);
    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn stats_for_many_containers_join_and_leave() {
    let _g = Cleanup::new("dcevt-ev-stats");
    let cl = client();
    let label = r#""labels": {"dcevt-ev-stats": "1"}"#;
    let a = run_detached(cl, "dcevt-ev-stats-a", "sleep 300", label);
    let b = run_detached(cl, "dcevt-ev-stats-b", "sleep 300", label);
    // Not in the set: no label.
    let other = run_detached(cl, "dcevt-ev-stats-other", "sleep 300", "");
    let opts = c(r#"{"filters": {"label": "dcevt-ev-stats=1"}}"#);
    let mut s = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(
        docker_client_stats_open(cl, opts.as_ptr(), &mut s, &mut e),
        e,
    );
    let (ia, ib, io) = (id_of(a), id_of(b), id_of(other));
    let mut joined = std::collections::BTreeSet::new();
    let mut sampled = std::collections::BTreeSet::new();
    let item = |s| {
        let v = next_json(s);
        assert_ne!(v["id"], io.as_str(), "{v}");
        v
    };
    while joined.len() < 2 || sampled.len() < 2 {
        let v = item(s);
        let id = v["id"].as_str().unwrap().to_string();
        match v["event"].as_str().unwrap() {
            "joined" => {
                joined.insert(id);
            }
            "sample" => {
                assert!(joined.contains(&id), "a sample before its join: {v}");
                assert!(v["stats"]["memory_usage"].as_u64().unwrap() > 0, "{v}");
                assert!(v["stats"]["pids"].as_u64().unwrap() >= 1, "{v}");
                sampled.insert(id);
            }
            other => panic!("unexpected {other}: {v}"),
        }
    }
    assert_eq!(joined, [ia.clone(), ib.clone()].into_iter().collect());
    // A third starts: it joins. One stops: it leaves.
    let d = run_detached(cl, "dcevt-ev-stats-d", "sleep 300", label);
    let id_d = id_of(d);
    loop {
        let v = item(s);
        if v["event"] == "joined" {
            assert_eq!(v["id"], id_d.as_str());
            assert_eq!(v["name"], "dcevt-ev-stats-d");
            break;
        }
    }
    let stop = c(r#"{"timeout": 0}"#);
    ok(docker_container_stop(a, stop.as_ptr(), &mut e), e);
    loop {
        let v = item(s);
        if v["event"] == "left" {
            assert_eq!(v["id"], ia.as_str());
            break;
        }
    }
    // After leaving, no more samples of a; the others go on.
    let mut seen_b = false;
    while !seen_b {
        let v = item(s);
        assert_ne!(v["id"], ia.as_str(), "{v}");
        seen_b = v["event"] == "sample" && v["id"] == ib.as_str();
    }
    docker_stream_free(s);
    // The callback form: stops cleanly when the callback says so.
    let mut it = Items {
        items: Vec::new(),
        kinds_ok: true,
        stop_after: 3,
    };
    let r = docker_client_stats(
        cl,
        opts.as_ptr(),
        Some(collect),
        &mut it as *mut Items as *mut c_void,
        ptr::null(),
        &mut e,
    );
    expect(r, e, docker_result::DOCKER_ERR_STOPPED_BY_CALLBACK);
    assert!(it.kinds_ok);
    assert_eq!(it.items.len(), 3);
    for h in [a, b, other, d] {
        docker_container_free(h);
    }
    docker_client_free(cl);
}
