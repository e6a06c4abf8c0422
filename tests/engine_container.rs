//! The engine as a Rust API, on its own (no C ABI): the Container model (cached attributes,
//! reload, getters), list's before/since/sparse, update's and commit's translation, against
//! the real engine. Everything made here is named `dcem-...` and removed, also on failure.

use docker_containers::engine::container::Container;
use docker_containers::engine::containers::{self, CommitOptions, ListOptions};
use docker_containers::engine::opts::Opts;
use docker_containers::engine::{images, podman, run, Client, ClientOptions, Error};
use serde_json::{json, Value};
use std::sync::Mutex;

const IMAGE: &str = "dc-test/busybox:latest";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn client() -> Client {
    let o =
        ClientOptions::from_env(Opts::new("docker_client_from_env", Default::default()).unwrap())
            .unwrap();
    Client::new(o).unwrap()
}

fn name(tag: &str) -> String {
    format!("dcem-{tag}-{}", std::process::id())
}

fn map(v: Value) -> serde_json::Map<String, Value> {
    v.as_object().unwrap().clone()
}

fn opts(function: &str, v: Value) -> Opts {
    Opts::new(function, map(v)).unwrap()
}

/// Whether the engine is Podman's Docker-compatible service (its /version lists a "Podman
/// Engine" component): Podman 4.3 has no update.
async fn is_podman(cl: &Client) -> bool {
    let v: Value = serde_json::from_slice(&cl.version().await.unwrap()).unwrap();
    v["Components"]
        .as_array()
        .is_some_and(|cs| cs.iter().any(|c| c["Name"] == "Podman Engine"))
}

/// Removes, when dropped (also when a test fails), the containers and images it was told of
/// and any container whose name starts with its prefix. Dropped outside the test's runtime.
struct Cleanup {
    client: Client,
    prefix: String,
    images: Mutex<Vec<String>>,
}

impl Cleanup {
    fn new(client: &Client, prefix: String) -> Cleanup {
        let c = Cleanup {
            client: client.clone(),
            prefix,
            images: Mutex::new(Vec::new()),
        };
        c.sweep();
        c
    }

    fn image(&self, reference: &str) {
        self.images.lock().unwrap().push(reference.to_string());
    }

    fn sweep(&self) {
        let rt = runtime();
        let filters = format!(r#"{{"name": ["{}"]}}"#, self.prefix);
        let listed = rt
            .block_on(containers::list(
                &self.client,
                true,
                None,
                false,
                Some(&filters),
            ))
            .unwrap_or_default();
        let items: Vec<Value> = serde_json::from_slice(&listed).unwrap_or_default();
        for i in items {
            let named = i["Names"].as_array().into_iter().flatten().any(|n| {
                n.as_str()
                    .is_some_and(|n| n.trim_start_matches('/').starts_with(&self.prefix))
            });
            if let (true, Some(id)) = (named, i["Id"].as_str()) {
                let _ = rt.block_on(containers::remove(&self.client, id, true, false, true));
            }
        }
        for r in self.images.lock().unwrap().drain(..) {
            let _ = rt.block_on(images::remove(&self.client, &r, true, false));
        }
    }
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        self.sweep();
    }
}

#[test]
fn the_model_caches_attributes_until_reload() {
    let cl = client();
    let n = name("model");
    let _cleanup = Cleanup::new(&cl, n.clone());
    runtime().block_on(async {
        let o = json!({"detach": true, "name": n, "labels": {"dcem.role": "model"},
                       "ports": {"8080/tcp": null}});
        let r = run::run(&cl, IMAGE, Some("sleep 300"), map(o))
            .await
            .unwrap();
        // docker-py's run gives the attributes read before the start.
        let c = Container::from_inspect(cl.clone(), r.created_attrs.unwrap()).unwrap();
        assert_eq!(c.id(), r.id);
        assert_eq!(c.status().unwrap(), "created");
        let before = c.attrs();

        c.reload().await.unwrap();
        assert_eq!(c.status().unwrap(), "running");
        // A reader keeps the attributes it took; the model has the new ones.
        assert_eq!(before.value().unwrap()["State"]["Status"], "created");
        assert_eq!(c.attrs().value().unwrap()["State"]["Status"], "running");

        // Getters read the cache: stopping changes nothing until the next reload.
        containers::stop(&cl, c.id(), Some(0), None).await.unwrap();
        assert_eq!(c.status().unwrap(), "running");
        c.reload().await.unwrap();
        assert_eq!(c.status().unwrap(), "exited");

        // Gone from the engine: reload fails with the engine's 404 and keeps the cache.
        containers::remove(&cl, c.id(), false, false, true)
            .await
            .unwrap();
        let e = c.reload().await.unwrap_err();
        assert!(matches!(e, Error::Api { status: 404, .. }), "{e}");
        assert_eq!(c.status().unwrap(), "exited");
    });
}

#[test]
fn getters_on_a_running_container() {
    let cl = client();
    let n = name("getters");
    let _cleanup = Cleanup::new(&cl, n.clone());
    runtime().block_on(async {
        let o = json!({"detach": true, "name": n, "labels": {"dcem.a": "1", "dcem.b": ""},
                       "ports": {"8080/tcp": null}, "tty": true});
        let r = run::run(&cl, IMAGE, Some("sleep 300"), map(o))
            .await
            .unwrap();
        let c = Container::get(&cl, &n).await.unwrap();
        assert_eq!(c.id(), r.id);
        assert_eq!(c.short_id(), r.id[..12]);
        assert_eq!(c.name().unwrap(), n);
        assert_eq!(c.status().unwrap(), "running");
        assert_eq!(c.health().unwrap(), "unknown");
        assert_eq!(c.labels().unwrap(), json!({"dcem.a": "1", "dcem.b": ""}));
        assert!(c.tty());
        // A published port with an engine-chosen host port, in docker-py's shape.
        let ports = c.ports().unwrap();
        let bindings = ports["8080/tcp"].as_array().expect("8080/tcp published");
        assert!(!bindings.is_empty(), "{ports}");
        assert!(
            bindings[0]["HostPort"]
                .as_str()
                .unwrap()
                .parse::<u16>()
                .unwrap()
                > 0
        );
        let image = c.image().await.unwrap();
        assert!(
            image["Id"].as_str().unwrap().starts_with("sha256:"),
            "{image}"
        );
        let tags: Vec<&str> = image["RepoTags"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            tags.iter().any(|t| t.ends_with(IMAGE)),
            "{IMAGE} not in {tags:?}"
        );
        assert_eq!(c.warnings(), json!([]));
        // The text is the engine's JSON, whole.
        let v: Value = serde_json::from_str(c.attrs().text()).unwrap();
        assert_eq!(v["Id"], r.id);
    });
}

#[test]
fn create_keeps_warnings_and_getters_fit_a_created_container() {
    let cl = client();
    let n = name("create");
    let _cleanup = Cleanup::new(&cl, n.clone());
    runtime().block_on(async {
        let o = json!({"name": n});
        let c = Container::create(&cl, IMAGE, Some("true"), map(o), false)
            .await
            .unwrap();
        assert_eq!(c.status().unwrap(), "created");
        assert_eq!(c.labels().unwrap(), json!({}));
        assert_eq!(c.ports().unwrap(), json!({}));
        assert!(!c.tty());
        assert!(c.warnings().is_array());
        // The name is taken: a conflict, whichever way the engine says it (dockerd: 409;
        // Podman: 500 with its own message).
        let e = Container::create(&cl, IMAGE, Some("true"), map(json!({"name": n})), false)
            .await
            .unwrap_err();
        assert!(podman::is_conflict(&e), "{e}");
        // Bad input is refused before anything is sent.
        let e = Container::create(&cl, IMAGE, None, map(json!({"mem_limit": "12q"})), false)
            .await
            .unwrap_err();
        assert!(e.to_string().contains("\"mem_limit\""), "{e}");
        let e = Container::get(&cl, "").await.unwrap_err();
        assert!(matches!(e, Error::InvalidArgument(_)), "{e}");
    });
}

#[test]
fn list_with_before_since_limit_and_sparse() {
    let cl = client();
    let prefix = name("list");
    let _cleanup = Cleanup::new(&cl, prefix.clone());
    runtime().block_on(async {
        let mut ids = Vec::new();
        for i in 0..3 {
            let o = json!({"name": format!("{prefix}-{i}"), "labels": {"dcem.list": prefix}});
            let c = Container::create(&cl, IMAGE, Some("true"), map(o), false)
                .await
                .unwrap();
            ids.push(c.id().to_string());
        }
        let listed = |o: ListOptions| {
            let cl = cl.clone();
            async move {
                let v: Vec<Value> =
                    serde_json::from_slice(&containers::list_json(&cl, &o).await.unwrap())
                        .unwrap();
                v
            }
        };
        let ids_of = |v: &[Value]| -> Vec<String> {
            let mut out: Vec<String> = v
                .iter()
                .map(|x| x["Id"].as_str().unwrap().to_string())
                .collect();
            out.sort();
            out
        };
        let sorted = |mut v: Vec<String>| {
            v.sort();
            v
        };
        let mine = || ListOptions {
            all: true,
            filters: map(json!({"label": format!("dcem.list={prefix}")})),
            ..Default::default()
        };

        // Not running: only with all.
        let running = listed(ListOptions {
            all: false,
            ..mine()
        })
        .await;
        assert!(running.is_empty(), "{running:?}");

        // Full inspect JSON by default (a "Name", a "State" object) ...
        let full = listed(mine()).await;
        assert_eq!(ids_of(&full), sorted(ids.clone()));
        assert!(full.iter().all(|x| x["Name"].is_string() && x["State"].is_object()));
        // ... and the engine's list entries with sparse ("Names", a "State" string).
        let sparse = listed(ListOptions {
            sparse: true,
            ..mine()
        })
        .await;
        assert_eq!(ids_of(&sparse), sorted(ids.clone()));
        assert!(sparse
            .iter()
            .all(|x| x["Names"].is_array() && x["State"].is_string()));

        // before and since, by id or by name, become the engine's filters.
        let since = listed(ListOptions {
            since: Some(ids[0].clone()),
            ..mine()
        })
        .await;
        assert_eq!(ids_of(&since), sorted(ids[1..].to_vec()));
        let before = listed(ListOptions {
            before: Some(format!("{prefix}-2")),
            ..mine()
        })
        .await;
        assert_eq!(ids_of(&before), sorted(ids[..2].to_vec()));
        let between = listed(ListOptions {
            since: Some(ids[0].clone()),
            before: Some(ids[2].clone()),
            ..mine()
        })
        .await;
        assert_eq!(ids_of(&between), vec![ids[1].clone()]);

        // limit: the newest ones.
        let limited = listed(ListOptions {
            limit: Some(1),
            ..mine()
        })
        .await;
        assert_eq!(ids_of(&limited), vec![ids[2].clone()]);

        // From options, as the C call reads them; an unknown key is named.
        let mut o = opts(
            "docker_containers_list",
            json!({"all": true, "since": ids[1], "filters": {"label": [format!("dcem.list={prefix}")]}}),
        );
        let lo = ListOptions::take(&mut o).unwrap();
        o.finish().unwrap();
        assert_eq!(ids_of(&listed(lo).await), vec![ids[2].clone()]);
        let e = Opts::new("docker_containers_list", map(json!({"sinse": "x"})))
            .err()
            .unwrap();
        assert!(e.to_string().contains("\"sinse\""), "{e}");
    });
}

#[test]
fn update_translates_docker_py_keys_and_keeps_warnings() {
    let cl = client();
    let n = name("update");
    let _cleanup = Cleanup::new(&cl, n.clone());
    runtime().block_on(async {
        let o = json!({"detach": true, "name": n});
        run::run(&cl, IMAGE, Some("sleep 300"), map(o))
            .await
            .unwrap();
        let c = Container::get(&cl, &n).await.unwrap();
        // Bad input is refused by name before anything is sent (so on any engine).
        let e = c
            .update(opts("docker_container_update", json!({"mem_limit": "12q"})))
            .await
            .unwrap_err();
        assert!(
            matches!(&e, Error::InvalidArgument(m) if m.contains("\"mem_limit\"")),
            "{e}"
        );
        if is_podman(&cl).await {
            let e = c
                .update(opts("docker_container_update", json!({"cpu_shares": 512})))
                .await
                .unwrap_err();
            assert!(
                matches!(&e, Error::Api { status: 404, message } if message.contains("does not implement")),
                "{e}"
            );
            return;
        }
        let o = opts(
            "docker_container_update",
            json!({"mem_limit": "64m", "memswap_limit": "128m", "cpu_shares": 512,
                   "pids_limit": 100, "cpus": 0.5,
                   "restart_policy": {"Name": "on-failure", "MaximumRetryCount": 2}}),
        );
        c.update(o).await.unwrap();
        assert!(c.warnings().is_array());
        // The cache is the old one until reload.
        assert_eq!(c.attrs().value().unwrap()["HostConfig"]["Memory"], 0);
        c.reload().await.unwrap();
        let hc = c.attrs().value().unwrap()["HostConfig"].clone();
        assert_eq!(hc["Memory"], 64 * 1024 * 1024, "{hc}");
        if c.warnings() == json!([]) {
            // (Where the kernel has no swap accounting, the engine says so and drops it.)
            assert_eq!(hc["MemorySwap"], 128 * 1024 * 1024, "{hc}");
        }
        assert_eq!(hc["CpuShares"], 512, "{hc}");
        assert_eq!(hc["PidsLimit"], 100, "{hc}");
        assert_eq!(hc["NanoCpus"], 500_000_000, "{hc}");
        assert_eq!(hc["RestartPolicy"]["Name"], "on-failure", "{hc}");
        assert_eq!(hc["RestartPolicy"]["MaximumRetryCount"], 2, "{hc}");

        // Zero is sent: pids_limit 0 lifts the limit.
        c.update(opts("docker_container_update", json!({"pids_limit": 0})))
            .await
            .unwrap();
        c.reload().await.unwrap();
        let pids = c.attrs().value().unwrap()["HostConfig"]["PidsLimit"].clone();
        assert!(pids.is_null() || pids == 0 || pids == -1, "{pids}");

        // A bad size changes nothing.
        let e = c
            .update(opts("docker_container_update", json!({"mem_limit": "1x", "cpu_shares": 9})))
            .await
            .unwrap_err();
        assert!(matches!(&e, Error::InvalidArgument(_)), "{e}");
        c.reload().await.unwrap();
        assert_eq!(c.attrs().value().unwrap()["HostConfig"]["CpuShares"], 512);
        assert_eq!(
            c.attrs().value().unwrap()["HostConfig"]["Memory"],
            64 * 1024 * 1024
        );
    });
}

#[test]
fn commit_makes_an_image_with_changes_and_a_message() {
    let cl = client();
    let n = name("commit");
    let cleanup = Cleanup::new(&cl, n.clone());
    let repository = format!("dcem-commit-{}", std::process::id());
    cleanup.image(&format!("{repository}:t1"));
    runtime().block_on(async {
        let o = json!({"detach": true, "name": n});
        run::run(
            &cl,
            IMAGE,
            Some("sh -c 'echo made > /dcem-file; sleep 300'"),
            map(o),
        )
        .await
        .unwrap();
        let c = Container::get(&cl, &n).await.unwrap();
        let mut o = opts(
            "docker_container_commit",
            json!({"repository": repository, "tag": "t1", "message": "dcem message",
                   "author": "dcem author", "changes": ["ENV DCEM=1", "LABEL dcem.commit=yes"]}),
        );
        let co = CommitOptions::take(&mut o).unwrap();
        o.finish().unwrap();
        let id = c.commit(&co).await.unwrap();
        assert!(id.starts_with("sha256:"), "{id}");
        let v: Value = serde_json::from_slice(
            &images::inspect(&cl, &format!("{repository}:t1"))
                .await
                .unwrap(),
        )
        .unwrap();
        assert_eq!(v["Id"], id);
        assert_eq!(v["Comment"], "dcem message");
        assert_eq!(v["Author"], "dcem author");
        assert_eq!(v["Config"]["Labels"]["dcem.commit"], "yes");
        assert!(
            v["Config"]["Env"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e == "DCEM=1"),
            "{}",
            v["Config"]["Env"]
        );
        // The paused container went on running.
        c.reload().await.unwrap();
        assert_eq!(c.status().unwrap(), "running");
    });
}
