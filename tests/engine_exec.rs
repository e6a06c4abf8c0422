//! The engine as a Rust API, on its own (no C ABI): exec's sequence (create, start, read,
//! exit code) in each of its forms, against the real engine.

use docker_containers::engine::opts::Opts;
use docker_containers::engine::{containers, exec, run, Client, ClientOptions};
use futures_util::StreamExt;

const IMAGE: &str = "dc-test/busybox:latest";

fn block<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

fn client() -> Client {
    let o =
        ClientOptions::from_env(Opts::new("docker_client_from_env", Default::default()).unwrap())
            .unwrap();
    Client::new(o).unwrap()
}

fn exec_options(cmd: &str, extra: serde_json::Value) -> exec::ExecOptions {
    let map = extra.as_object().cloned().unwrap_or_default();
    let mut o = Opts::new("docker_container_exec_run", map).unwrap();
    exec::ExecOptions::take(&mut o, Some(cmd), false).unwrap()
}

/// Removes the container when dropped, also when the test fails.
struct Removed<'a>(&'a Client, String);
impl Drop for Removed<'_> {
    fn drop(&mut self) {
        let _ = block(containers::remove(self.0, &self.1, true, false, true));
    }
}

#[test]
fn exec_in_every_form_through_the_engine_api() {
    let cl = client();
    let name = format!("dc-teng-exec-{}", std::process::id());
    let _ = block(containers::remove(&cl, &name, true, false, true));
    let opts = serde_json::json!({"detach": true, "name": name});
    let r = block(run::run(
        &cl,
        IMAGE,
        Some("sleep 300"),
        opts.as_object().unwrap().clone(),
    ))
    .unwrap();
    let _cleanup = Removed(&cl, r.id.clone());

    // Gathered, with stdout and stderr apart, and the exit code.
    let g = block(exec::run_gathered(
        &cl,
        &r.id,
        &exec_options(
            "sh -c 'echo out; echo err >&2; exit 3'",
            serde_json::json!({}),
        ),
        true,
    ))
    .unwrap();
    assert_eq!(
        (g.exit_code, &g.output[..], &g.stderr[..]),
        (3, &b"out\n"[..], &b"err\n"[..])
    );

    // Streamed: the output as it comes, then the exit code.
    let got = block(async {
        let mut started = exec::run(&cl, &r.id, &exec_options("seq 1 3", serde_json::json!({})))
            .await
            .unwrap();
        let mut all = Vec::new();
        while let Some(c) = started.output.next().await {
            all.extend_from_slice(&c.unwrap().data);
        }
        (all, started.exit_code(&cl).await.unwrap())
    });
    assert_eq!(got, (b"1\n2\n3\n".to_vec(), 0));

    // Detached: the id, and inspect says how it ended.
    let id = block(exec::run_detached(
        &cl,
        &r.id,
        &exec_options("true", serde_json::json!({})),
    ))
    .unwrap();
    assert_eq!(block(exec::exit_code(&cl, &id)).unwrap(), 0);

    // Interactive: stdin in, output back.
    let echoed = block(async {
        use tokio::io::AsyncWriteExt;
        let o = exec_options("cat", serde_json::json!({"stdin": true}));
        let (id, mut out, mut stdin) = exec::open_interactive(&cl, &r.id, &o).await.unwrap();
        stdin.write_all(b"ping\n").await.unwrap();
        stdin.shutdown().await.unwrap();
        let mut all = Vec::new();
        while let Some(c) = out.next().await {
            all.extend_from_slice(&c.unwrap().data);
        }
        (all, exec::exit_code(&cl, &id).await.unwrap())
    });
    assert_eq!(echoed, (b"ping\n".to_vec(), 0));

    // Bad input is refused before anything is sent.
    let e = block(exec::inspect(&cl, "")).unwrap_err();
    assert!(e.to_string().contains("exec id is empty"), "{e}");
}
