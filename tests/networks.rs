//! Networks through the C ABI against the real engine: create with docker-py's options and
//! IPAM, get, list with filters, connect with aliases and a fixed address (a second container
//! reaches the first by its alias), disconnect, remove, prune. Everything is named `dcnet-`.

mod common;
#[path = "common/netvol.rs"]
mod netvol;
use common::*;
use docker_containers::ffi::*;
use netvol::*;
use serde_json::Value;
use std::ptr;

#[test]
fn create_with_options_and_ipam_then_get() {
    let _g = NetVolCleanup::new("dcnet-ipam");
    let cl = client();
    let n = create_network(
        cl,
        "dcnet-ipam",
        r#"{"driver": "bridge", "labels": {"dcnet.test": "ipam"}, "attachable": true,
            "options": {"com.docker.network.driver.mtu": "1400"},
            "ipam": {"driver": "default", "pool_configs": [{"subnet": "10.213.1.0/24",
                     "iprange": "10.213.1.128/25", "gateway": "10.213.1.1"}]}}"#,
    );
    let a = network_attrs(n);
    assert_eq!(a["Name"], "dcnet-ipam");
    assert_eq!(a["Driver"], "bridge");
    assert_eq!(a["Labels"]["dcnet.test"], "ipam");
    // Podman keeps the MTU under its own option name.
    let mtu = if engine_is_podman() {
        "mtu"
    } else {
        "com.docker.network.driver.mtu"
    };
    assert_eq!(a["Options"][mtu], "1400", "{a}");
    let pool = &a["IPAM"]["Config"][0];
    assert_eq!(pool["Subnet"], "10.213.1.0/24", "{a}");
    assert_eq!(pool["Gateway"], "10.213.1.1", "{a}");
    if !engine_is_podman() {
        // Podman keeps the range as a lease range and does not show it here.
        assert_eq!(pool["IPRange"], "10.213.1.128/25", "{a}");
        assert_eq!(a["Attachable"], true);
    }
    assert_eq!(a["Internal"], false);
    // The name getter and the id agree with the attributes.
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_network_name(n, &mut out, &mut e), e);
    assert_eq!(take_string(out), "dcnet-ipam");
    let id = network_id(n);
    assert_eq!(a["Id"], id.as_str());

    // get by name gives the same network; a missing one is NOT_FOUND.
    for (key, code) in [
        ("dcnet-ipam", docker_result::DOCKER_OK),
        ("dcnet-ipam-missing", docker_result::DOCKER_ERR_NOT_FOUND),
    ] {
        let k = c(key);
        let mut h = ptr::null_mut();
        let r = docker_networks_get(cl, k.as_ptr(), ptr::null(), &mut h, &mut e);
        if code == docker_result::DOCKER_OK {
            ok(r, e);
            assert_eq!(network_id(h), id);
            docker_network_free(h);
        } else {
            expect(r, e, code);
        }
    }
    // verbose and scope are accepted, unknown keys are named.
    let (k, o) = (c("dcnet-ipam"), c(r#"{"verbose": true, "scope": "local"}"#));
    let mut h = ptr::null_mut();
    ok(
        docker_networks_get(cl, k.as_ptr(), o.as_ptr(), &mut h, &mut e),
        e,
    );
    docker_network_free(h);
    let bad = c(r#"{"verbos": true}"#);
    let msg = expect(
        docker_networks_get(cl, k.as_ptr(), bad.as_ptr(), &mut h, &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(
        msg.contains("\"verbos\"") && msg.contains("\"verbose\""),
        "{msg}"
    );

    // The same name again, with check_duplicate: a conflict.
    let (name, dup) = (c("dcnet-ipam"), c(r#"{"check_duplicate": true}"#));
    let mut h2 = ptr::null_mut();
    expect(
        docker_networks_create(cl, name.as_ptr(), dup.as_ptr(), &mut h2, &mut e),
        e,
        docker_result::DOCKER_ERR_CONFLICT,
    );
    assert!(h2.is_null());
    ok(docker_network_remove(n, &mut e), e);
    docker_network_free(n);
    docker_client_free(cl);
}

#[test]
fn create_refuses_unknown_keys_and_bad_shapes_before_sending() {
    let _g = NetVolCleanup::new("dcnet-bad");
    let cl = client();
    let name = c("dcnet-bad");
    for (opts, needle) in [
        (r#"{"drivr": "bridge"}"#, "did you mean \"driver\""),
        (r#"{"labels": ["a"]}"#, "\"labels\""),
        (
            r#"{"ipam": {"pool_configs": [{"subnett": "10.0.0.0/8"}]}}"#,
            "\"subnett\"",
        ),
        (r#"{"internal": "yes"}"#, "\"internal\""),
    ] {
        let o = c(opts);
        let mut h = ptr::null_mut();
        let mut e = ptr::null_mut();
        let msg = expect(
            docker_networks_create(cl, name.as_ptr(), o.as_ptr(), &mut h, &mut e),
            e,
            docker_result::DOCKER_ERR_INVALID_ARGUMENT,
        );
        assert!(msg.contains(needle), "{opts}: {msg}");
    }
    // Nothing was created by any of them.
    let l = list_ok(cl, docker_networks_list, r#"{"names": ["dcnet-bad"]}"#);
    assert!(l.is_empty(), "{l:?}");
    // NULL arguments are refused; NULL handles are harmless where the contract says so.
    let mut h = ptr::null_mut();
    let mut e = ptr::null_mut();
    expect(
        docker_networks_create(cl, ptr::null(), ptr::null(), &mut h, &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    expect(
        docker_network_remove(ptr::null(), &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert_eq!(
        unsafe { std::ffi::CStr::from_ptr(docker_network_id(ptr::null())) }.to_bytes(),
        b""
    );
    docker_network_free(ptr::null_mut());
    docker_client_free(cl);
}

#[test]
fn list_with_names_ids_filters_and_greedy() {
    let _g = NetVolCleanup::new("dcnet-list");
    let cl = client();
    let a = create_network(cl, "dcnet-list-a", r#"{"labels": {"dcnet.list": "a"}}"#);
    let b = create_network(
        cl,
        "dcnet-list-b",
        r#"{"labels": {"dcnet.list": "b"}, "internal": true}"#,
    );
    let names = |l: &[Value]| {
        let mut v: Vec<String> = l
            .iter()
            .map(|n| n["Name"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    let l = list_ok(cl, docker_networks_list, r#"{"names": ["dcnet-list-"]}"#);
    assert_eq!(names(&l), ["dcnet-list-a", "dcnet-list-b"]);
    let l = list_ok(
        cl,
        docker_networks_list,
        &format!(r#"{{"ids": ["{}"]}}"#, network_id(b)),
    );
    assert_eq!(names(&l), ["dcnet-list-b"]);
    let l = list_ok(
        cl,
        docker_networks_list,
        r#"{"filters": {"label": "dcnet.list=a"}}"#,
    );
    assert_eq!(names(&l), ["dcnet-list-a"]);
    // Podman 4.3 knows no "type" filter (its answer: 500, invalid filter "type").
    let filters = if engine_is_podman() {
        r#"{"names": ["dcnet-list-"], "filters": {"label": ["dcnet.list"], "driver": "bridge"}}"#
    } else {
        r#"{"names": ["dcnet-list-"], "filters": {"label": ["dcnet.list"], "driver": "bridge", "type": "custom"}}"#
    };
    let l = list_ok(cl, docker_networks_list, filters);
    assert_eq!(names(&l), ["dcnet-list-a", "dcnet-list-b"]);
    let l = list_ok(
        cl,
        docker_networks_list,
        r#"{"filters": {"label": "dcnet.list=nothing"}}"#,
    );
    assert!(l.is_empty());
    // greedy: the full inspect JSON, which has the Containers object.
    let l = list_ok(
        cl,
        docker_networks_list,
        r#"{"names": ["dcnet-list-b"], "greedy": true}"#,
    );
    assert_eq!(l.len(), 1);
    assert!(l[0]["Containers"].is_object(), "{}", l[0]);
    assert_eq!(l[0]["Internal"], true);
    let o = c(r#"{"name": ["x"]}"#);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    let msg = expect(
        docker_networks_list(cl, o.as_ptr(), &mut out, &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(
        msg.contains("\"name\"") && msg.contains("\"names\""),
        "{msg}"
    );
    docker_network_free(a);
    docker_network_free(b);
    docker_client_free(cl);
}

fn networks_of(h: *mut docker_container) -> serde_json::Map<String, Value> {
    attrs(h)["NetworkSettings"]["Networks"]
        .as_object()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn connect_with_alias_and_address_then_reach_it_by_alias_then_disconnect() {
    let _g = NetVolCleanup::new("dcnet-conn");
    let cl = client();
    let net = create_network(
        cl,
        "dcnet-conn-lan",
        r#"{"ipam": {"pool_configs": [{"subnet": "10.213.2.0/24", "gateway": "10.213.2.1"}]}}"#,
    );
    let server = run_detached(cl, "dcnet-conn-server", "sleep 300", "");
    let sid = unsafe { std::ffi::CStr::from_ptr(docker_container_id(server)) }
        .to_str()
        .unwrap()
        .to_string();
    let (sname, opts) = (
        c("dcnet-conn-server"),
        c(r#"{"aliases": ["dcnet-web"], "ipv4_address": "10.213.2.50"}"#),
    );
    let mut e = ptr::null_mut();
    ok(
        docker_network_connect(net, sname.as_ptr(), opts.as_ptr(), &mut e),
        e,
    );
    // The container's endpoint has the alias and the address; the network lists it.
    let ep = networks_of(server)["dcnet-conn-lan"].clone();
    assert_eq!(ep["IPAddress"], "10.213.2.50", "{ep}");
    assert!(
        ep["Aliases"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == "dcnet-web")),
        "{ep}"
    );
    let a = network_attrs(net);
    assert!(
        a["Containers"][&sid]["IPv4Address"]
            .as_str()
            .is_some_and(|ip| ip.starts_with("10.213.2.50/")),
        "{a}"
    );
    // A second container on the network finds the first by its alias, at that address.
    let client_c = run_detached(
        cl,
        "dcnet-conn-client",
        "sleep 300",
        r#""network": "dcnet-conn-lan""#,
    );
    let (code, out) = exec(client_c, "nslookup dcnet-web");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("10.213.2.50"), "{out}");
    let (code, out) = exec(client_c, "ping -c 1 -W 10 dcnet-web");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("10.213.2.50"), "{out}");

    // The network cannot go while containers use it (on Podman too: the library checks).
    let msg = expect(
        docker_network_remove(net, &mut e),
        e,
        docker_result::DOCKER_ERR_ENGINE,
    );
    assert!(msg.contains("active endpoints"), "{msg}");
    assert_eq!(network_attrs(net)["Name"], "dcnet-conn-lan");
    // Disconnect: the endpoint and the alias are gone.
    let no = c("{}");
    ok(
        docker_network_disconnect(net, sname.as_ptr(), no.as_ptr(), &mut e),
        e,
    );
    assert!(!networks_of(server).contains_key("dcnet-conn-lan"));
    assert!(network_attrs(net)["Containers"].get(&sid).is_none());
    // dockerd's DNS drops the alias with the endpoint. Podman 4.3's aardvark-dns sometimes
    // keeps answering for it (README, "Podman"): the endpoint is gone all the same (above).
    if !engine_is_podman() {
        let (code, _) = exec(client_c, "nslookup dcnet-web");
        assert_ne!(code, 0, "the alias still resolves after disconnect");
    }
    // Disconnecting it again is an engine error; force on the other container works.
    let r = docker_network_disconnect(net, sname.as_ptr(), ptr::null(), &mut e);
    assert_ne!(r, docker_result::DOCKER_OK);
    take_error(e);
    let (cname, force) = (c("dcnet-conn-client"), c(r#"{"force": true}"#));
    ok(
        docker_network_disconnect(net, cname.as_ptr(), force.as_ptr(), &mut e),
        e,
    );
    let bad = c(r#"{"alias": ["x"]}"#);
    let msg = expect(
        docker_network_connect(net, sname.as_ptr(), bad.as_ptr(), &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(
        msg.contains("\"alias\"") && msg.contains("\"aliases\""),
        "{msg}"
    );
    // Now it goes, and is gone.
    ok(docker_network_remove(net, &mut e), e);
    let mut h = ptr::null_mut();
    let n = c("dcnet-conn-lan");
    expect(
        docker_networks_get(cl, n.as_ptr(), ptr::null(), &mut h, &mut e),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    expect(
        docker_network_reload(net, &mut e),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    docker_network_free(net);
    docker_container_free(server);
    docker_container_free(client_c);
    docker_client_free(cl);
}

#[test]
fn prune_removes_only_unused_networks_matching_the_filter() {
    let _g = NetVolCleanup::new("dcnet-prune");
    let cl = client();
    let gone = create_network(
        cl,
        "dcnet-prune-gone",
        r#"{"labels": {"dcnet.prune": "1"}}"#,
    );
    let used = create_network(
        cl,
        "dcnet-prune-used",
        r#"{"labels": {"dcnet.prune": "1"}}"#,
    );
    let kept = create_network(
        cl,
        "dcnet-prune-kept",
        r#"{"labels": {"dcnet.other": "1"}}"#,
    );
    let user = run_detached(
        cl,
        "dcnet-prune-user",
        "sleep 300",
        r#""network": "dcnet-prune-used""#,
    );
    // Always with our label: an unfiltered prune would take other tests' networks.
    let o = c(r#"{"filters": {"label": "dcnet.prune=1"}}"#);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_networks_prune(cl, o.as_ptr(), &mut out, &mut e), e);
    let r: Value = serde_json::from_str(&take_string(out)).unwrap();
    let deleted: Vec<&str> = r["NetworksDeleted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(deleted, ["dcnet-prune-gone"], "{r}");
    let l = list_ok(cl, docker_networks_list, r#"{"names": ["dcnet-prune-"]}"#);
    let mut names: Vec<&str> = l.iter().map(|n| n["Name"].as_str().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["dcnet-prune-kept", "dcnet-prune-used"]);
    // Nothing left to prune: an empty list, never null.
    ok(docker_networks_prune(cl, o.as_ptr(), &mut out, &mut e), e);
    let r: Value = serde_json::from_str(&take_string(out)).unwrap();
    assert_eq!(r["NetworksDeleted"], serde_json::json!([]), "{r}");
    for n in [gone, used, kept] {
        docker_network_free(n);
    }
    docker_container_free(user);
    docker_client_free(cl);
}
