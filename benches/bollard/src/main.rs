//! bollard's side of the benchmark: one row per run, printing one JSON object, as
//! benches/rows.c does for docker_containers and the raw floor. Rows and environment as there;
//! `serve` answers "ROW N" batches read on stdin, one JSON line each, as rows.c's serve does.

use bollard::exec::{CreateExecOptions, StartExecResults};
use bollard::models::ContainerCreateBody;
use bollard::query_parameters::{
    DownloadFromContainerOptionsBuilder, LogsOptionsBuilder, StatsOptionsBuilder,
    UploadToContainerOptionsBuilder,
};
use bollard::Docker;
use futures_util::StreamExt;
use std::time::Instant;

fn env(k: &str) -> String {
    std::env::var(k).unwrap_or_else(|_| panic!("{k} is not set"))
}

fn quick() -> bool {
    std::env::var_os("BENCH_QUICK").is_some()
}

fn median(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn status_kib(field: &str) -> i64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    s.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(-1)
}

async fn inspect(d: &Docker, id: &str) {
    d.inspect_container(id, None).await.expect("inspect");
}

async fn exec_true(d: &Docker, id: &str) {
    let ex = d
        .create_exec(
            id,
            CreateExecOptions::<String> {
                attach_stdout: Some(true),
                attach_stderr: Some(true),
                cmd: Some(vec!["true".into()]),
                ..Default::default()
            },
        )
        .await
        .expect("create_exec");
    if let StartExecResults::Attached { mut output, .. } = d.start_exec(&ex.id, None).await.expect("start_exec") {
        while let Some(o) = output.next().await {
            o.expect("exec output");
        }
    }
    let code = d.inspect_exec(&ex.id).await.expect("inspect_exec").exit_code;
    assert_eq!(code, Some(0));
}

async fn cycle(d: &Docker, image: &str) {
    let c = d
        .create_container(
            None,
            ContainerCreateBody {
                image: Some(image.into()),
                cmd: Some(vec!["true".into()]),
                ..Default::default()
            },
        )
        .await
        .expect("create");
    d.start_container(&c.id, None).await.expect("start");
    let mut w = d.wait_container(&c.id, None);
    while let Some(r) = w.next().await {
        assert_eq!(r.expect("wait").status_code, 0);
    }
    d.remove_container(&c.id, None).await.expect("remove");
}

#[tokio::main]
async fn main() {
    let row = std::env::args().nth(1).expect("usage: bollard-bench ROW");
    let d = Docker::connect_with_unix_defaults().expect("connect");
    let idle = env("BENCH_IDLE_ID");
    let image = env("BENCH_IMAGE");
    match row.as_str() {
        "serve" => serve(&d, &idle, &image).await,
        "inspect_seq" => {
            let n = if quick() { 500 } else { 2000 };
            let mut lat = Vec::with_capacity(n);
            for _ in 0..n {
                let t = Instant::now();
                inspect(&d, &idle).await;
                lat.push(t.elapsed().as_secs_f64());
            }
            let p50 = median(&mut lat, 0.5) * 1e3;
            let p99 = median(&mut lat, 0.99) * 1e3;
            println!("{{\"ms\": {p50:.4}, \"p99_ms\": {p99:.4}, \"per_s\": {:.1}}}", 1e3 / p50);
        }
        "inspect_par" => {
            let n = if quick() { 500 } else { 2000 };
            let t = Instant::now();
            let mut tasks = Vec::new();
            for _ in 0..8 {
                let (d, idle) = (d.clone(), idle.clone());
                tasks.push(tokio::spawn(async move {
                    for _ in 0..n / 8 {
                        inspect(&d, &idle).await;
                    }
                }));
            }
            for t in tasks {
                t.await.unwrap();
            }
            println!("{{\"per_s\": {:.1}}}", (n / 8 * 8) as f64 / t.elapsed().as_secs_f64());
        }
        "exec" => {
            let n = if quick() { 5 } else { 20 };
            let mut lat = Vec::new();
            for _ in 0..n {
                let t = Instant::now();
                exec_true(&d, &idle).await;
                lat.push(t.elapsed().as_secs_f64());
            }
            println!("{{\"ms\": {:.3}}}", median(&mut lat, 0.5) * 1e3);
        }
        "lifecycle_seq" => {
            let n = if quick() { 3 } else { 10 };
            let mut lat = Vec::new();
            for _ in 0..n {
                let t = Instant::now();
                cycle(&d, &image).await;
                lat.push(t.elapsed().as_secs_f64());
            }
            println!("{{\"ms\": {:.2}}}", median(&mut lat, 0.5) * 1e3);
        }
        "lifecycle_par" => {
            let each = if quick() { 1 } else { 5 };
            let t = Instant::now();
            let mut tasks = Vec::new();
            for _ in 0..4 {
                let (d, image) = (d.clone(), image.clone());
                tasks.push(tokio::spawn(async move {
                    for _ in 0..each {
                        cycle(&d, &image).await;
                    }
                }));
            }
            for t in tasks {
                t.await.unwrap();
            }
            println!("{{\"per_s\": {:.3}}}", (4 * each) as f64 / t.elapsed().as_secs_f64());
        }
        "logs" | "logs_pull" | "get_archive" | "put_archive" => {
            let before = status_kib("VmRSS:");
            let t = Instant::now();
            let bytes: u64 = match row.as_str() {
                "get_archive" => {
                    let o = DownloadFromContainerOptionsBuilder::new().path("/big").build();
                    let mut s = d.download_from_container(&env("BENCH_FILES_ID"), Some(o));
                    let mut n = 0u64;
                    while let Some(c) = s.next().await {
                        n += c.expect("download").len() as u64;
                    }
                    n
                }
                "put_archive" => {
                    let path = env("BENCH_TAR");
                    let size = std::fs::metadata(&path).unwrap().len();
                    let f = tokio::fs::File::open(&path).await.unwrap();
                    let s = file_chunks(f);
                    let o = UploadToContainerOptionsBuilder::new().path("/tmp").build();
                    d.upload_to_container(&env("BENCH_FILES_ID"), Some(o), bollard::body_stream(s))
                        .await
                        .expect("upload");
                    size
                }
                _ => {
                    let o = LogsOptionsBuilder::new().stdout(true).stderr(true).build();
                    let mut s = d.logs(&env("BENCH_LOGS_ID"), Some(o));
                    let mut n = 0u64;
                    while let Some(c) = s.next().await {
                        n += c.expect("logs").into_bytes().len() as u64;
                    }
                    n
                }
            };
            let dt = t.elapsed().as_secs_f64();
            let growth = status_kib("VmHWM:") - before;
            println!(
                "{{\"mb_s\": {:.2}, \"bytes\": {bytes}, \"rss_growth_kib\": {growth}}}",
                bytes as f64 / dt / 1e6
            );
        }
        "stats" => {
            let n = if quick() { 2 } else { 4 };
            let mut lat = Vec::new();
            for _ in 0..n {
                tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
                let t = Instant::now();
                let o = StatsOptionsBuilder::new().stream(false).one_shot(true).build();
                let mut s = d.stats(&idle, Some(o));
                s.next().await.expect("a sample").expect("stats");
                lat.push(t.elapsed().as_secs_f64());
            }
            println!("{{\"ms\": {:.3}}}", median(&mut lat, 0.5) * 1e3);
        }
        other => panic!("unknown row {other}"),
    }
}

/// Batches of small calls on demand (the driver alternates clients batch by batch).
async fn serve(d: &Docker, idle: &str, image: &str) {
    use std::io::BufRead;
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        let mut it = line.split_whitespace();
        let (row, n) = (it.next().expect("row"), it.next().expect("n").parse::<usize>().expect("n"));
        let t = Instant::now();
        if row == "inspect_par" || row == "lifecycle_par" {
            let (tasks, each) = if row == "inspect_par" { (8, n / 8) } else { (4, n) };
            let mut hs = Vec::new();
            for _ in 0..tasks {
                let (d, idle, image, par) = (d.clone(), idle.to_string(), image.to_string(), row == "inspect_par");
                hs.push(tokio::spawn(async move {
                    for _ in 0..each {
                        if par {
                            inspect(&d, &idle).await
                        } else {
                            cycle(&d, &image).await
                        }
                    }
                }));
            }
            for h in hs {
                h.await.unwrap();
            }
            let dt = t.elapsed().as_secs_f64();
            println!("{{\"s\": {dt:.6}, \"per_s\": {:.3}}}", (tasks * each) as f64 / dt);
        } else {
            let mut lat = Vec::with_capacity(n);
            for _ in 0..n {
                let t = Instant::now();
                match row {
                    "inspect_seq" => inspect(d, idle).await,
                    "exec" => exec_true(d, idle).await,
                    "lifecycle_seq" => cycle(d, image).await,
                    "stats" => {
                        let o = StatsOptionsBuilder::new().stream(false).one_shot(true).build();
                        let mut s = d.stats(idle, Some(o));
                        s.next().await.expect("a sample").expect("stats");
                    }
                    other => panic!("unknown row {other}"),
                }
                lat.push(format!("{:.1}", t.elapsed().as_secs_f64() * 1e6));
            }
            println!("{{\"s\": {:.6}, \"lat_us\": [{}]}}", t.elapsed().as_secs_f64(), lat.join(","));
        }
    }
}

/// A file as a stream of 64 KiB chunks (bollard takes a Stream of Bytes for uploads).
fn file_chunks(f: tokio::fs::File) -> impl futures_util::Stream<Item = bytes::Bytes> + Send + 'static {
    use tokio::io::AsyncReadExt;
    futures_util::stream::unfold(f, |mut f| async move {
        let mut buf = vec![0u8; 64 * 1024];
        let n = f.read(&mut buf).await.expect("read tar");
        if n == 0 {
            None
        } else {
            buf.truncate(n);
            Some((bytes::Bytes::from(buf), f))
        }
    })
}
