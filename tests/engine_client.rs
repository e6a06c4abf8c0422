//! The engine client's own behaviour, through its Rust API (`engine::Client`), against the fake
//! engine (tests/fake): API version negotiation, connection reuse, redirects as errors, call
//! timeouts, a cut connection, the path check, and the unix:// address forms.

mod fake;
use docker_containers::engine::{Client, ClientOptions, Error, Request, Timeout};
use fake::{After, FakeEngine, Req};
use std::os::unix::net::UnixStream;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Every request the fake engine read, in order.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<Req>>>);

impl Log {
    fn push(&self, r: &Req) {
        self.0.lock().unwrap().push(r.clone());
    }
    fn targets(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap()
            .iter()
            .map(|r| r.target.clone())
            .collect()
    }
    /// How many requests went to `path` (version prefix taken off).
    fn count(&self, path: &str) -> usize {
        self.0
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path == path)
            .count()
    }
}

/// A fake engine that logs each request, then lets `handler` answer it.
fn engine(
    log: &Log,
    handler: impl Fn(&Req, &mut UnixStream) -> After + Send + Sync + 'static,
) -> FakeEngine {
    let log = log.clone();
    FakeEngine::start(move |req, w| {
        log.push(req);
        handler(req, w)
    })
}

/// An answer with a JSON body and no Api-Version header (unlike `fake::answer`).
fn plain(w: &mut UnixStream, status: &str, extra_headers: &str, body: &str) -> After {
    fake::send(
        w,
        format!(
            "HTTP/1.1 {status}\r\n{extra_headers}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    );
    After::KeepAlive
}

fn client(url: String, version: Option<&str>, timeout_s: u64) -> Client {
    Client::new(ClientOptions {
        base_url: Some(url),
        version: version.map(str::to_owned),
        timeout: Some(Duration::from_secs(timeout_s)),
        ..Default::default()
    })
    .unwrap()
}

/// An engine whose /_ping has no Api-Version header and whose /version says `api`.
fn versioned_engine(log: &Log, api: &'static str) -> FakeEngine {
    engine(log, move |req, w| match req.path.as_str() {
        "/_ping" => plain(w, "200 OK", "", "OK"),
        "/version" => plain(w, "200 OK", "", &format!("{{\"ApiVersion\":\"{api}\"}}")),
        _ => plain(w, "200 OK", "", "[]"),
    })
}

#[tokio::test]
async fn an_old_engine_gets_its_own_version_asked_once() {
    let log = Log::default();
    let f = versioned_engine(&log, "1.30");
    for version in [None, Some("auto")] {
        let cl = client(f.url(), version, 10);
        for _ in 0..3 {
            cl.call(Request::get("/containers/json")).await.unwrap();
        }
        assert_eq!(cl.api_version().await.unwrap().to_string(), "1.30");
    }
    let calls: Vec<String> = log
        .targets()
        .into_iter()
        .filter(|t| t.contains("/containers/json"))
        .collect();
    assert_eq!(calls, vec!["/v1.30/containers/json"; 6]);
    // Once per client: two clients, one /_ping and one /version each.
    assert_eq!(log.count("/_ping"), 2);
    assert_eq!(log.count("/version"), 2);
    // /version itself is asked without a version prefix.
    assert!(log.targets().iter().any(|t| t == "/version"));
}

#[tokio::test]
async fn the_ping_header_gives_the_version_capped_at_ours() {
    for (engine_says, used) in [("1.35", "1.35"), ("1.99", "1.47")] {
        let log = Log::default();
        let f = engine(&log, move |req, w| match req.path.as_str() {
            "/_ping" => plain(
                w,
                "200 OK",
                &format!("Api-Version: {engine_says}\r\n"),
                "OK",
            ),
            _ => plain(w, "200 OK", "", "[]"),
        });
        let cl = client(f.url(), None, 10);
        cl.call(Request::get("/containers/json")).await.unwrap();
        cl.call(Request::get("/images/json")).await.unwrap();
        assert_eq!(
            log.targets(),
            vec![
                "/_ping".to_string(),
                format!("/v{used}/containers/json"),
                format!("/v{used}/images/json"),
            ]
        );
        assert_eq!(log.count("/version"), 0);
    }
}

#[tokio::test]
async fn an_engine_older_than_the_floor_is_refused() {
    let log = Log::default();
    let f = versioned_engine(&log, "1.12");
    let cl = client(f.url(), None, 10);
    match cl.call(Request::get("/containers/json")).await {
        Err(Error::Api { message, .. }) => {
            assert!(
                message.contains("1.12") && message.contains("1.24"),
                "{message}"
            )
        }
        other => panic!("expected an error naming both versions, got {other:?}"),
    }
    assert_eq!(log.count("/containers/json"), 0);
}

#[tokio::test]
async fn a_pinned_version_is_used_as_is() {
    let log = Log::default();
    let f = versioned_engine(&log, "1.30");
    let cl = client(f.url(), Some("1.41"), 10);
    cl.call(Request::get("/containers/json")).await.unwrap();
    cl.call(Request::get("/_ping").unversioned()).await.unwrap();
    assert_eq!(log.targets(), vec!["/v1.41/containers/json", "/_ping"]);
    assert_eq!(cl.api_version().await.unwrap().to_string(), "1.41");
    // A pin below the floor is refused when the client is made.
    let err = Client::new(ClientOptions {
        base_url: Some(f.url()),
        version: Some("1.20".into()),
        ..Default::default()
    })
    .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidArgument(m) if m.contains("1.20")),
        "{err:?}"
    );
}

/// N sequential calls on one client go over one kept-alive connection.
async fn sequential_calls_share_one_connection() {
    let log = Log::default();
    let f = versioned_engine(&log, "1.41");
    let cl = client(f.url(), Some("1.41"), 10);
    for _ in 0..10 {
        cl.call(Request::get("/containers/json")).await.unwrap();
    }
    assert_eq!(log.count("/containers/json"), 10);
    assert_eq!(f.accepted(), 1);
}

#[tokio::test]
async fn one_connection_for_sequential_calls_current_thread() {
    sequential_calls_share_one_connection().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_connection_for_sequential_calls_multi_thread() {
    sequential_calls_share_one_connection().await;
}

/// close_idle (what docker_client_free does) closes the kept connection at once; the client
/// stays usable and opens a new one.
#[tokio::test]
async fn close_idle_closes_the_kept_connection_and_the_client_goes_on() {
    let log = Log::default();
    let f = versioned_engine(&log, "1.41");
    let cl = client(f.url(), Some("1.41"), 10);
    cl.call(Request::get("/containers/json")).await.unwrap();
    assert_eq!((f.accepted(), f.hung_up()), (1, 0));
    cl.close_idle();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while f.hung_up() == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the engine never saw the idle connection close"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    cl.call(Request::get("/containers/json")).await.unwrap();
    assert_eq!((f.accepted(), f.hung_up()), (2, 1));
}

#[tokio::test]
async fn a_connection_the_engine_closed_is_not_reused() {
    let log = Log::default();
    let f = engine(&log, |_, w| {
        plain(w, "200 OK", "Connection: close\r\n", "[]");
        After::Close
    });
    let cl = client(f.url(), Some("1.41"), 10);
    for _ in 0..3 {
        cl.call(Request::get("/containers/json")).await.unwrap();
    }
    assert_eq!(f.accepted(), 3);
}

#[tokio::test]
async fn a_redirect_is_an_error_naming_status_and_location() {
    let log = Log::default();
    let f = engine(&log, |req, w| match req.path.as_str() {
        "/containers/x/json" => plain(
            w,
            "301 Moved Permanently",
            "Location: /v1.41/containers/y/json\r\n",
            "",
        ),
        "/containers/z/json" => plain(w, "307 Temporary Redirect", "", ""),
        _ => plain(w, "200 OK", "", "{}"),
    });
    let cl = client(f.url(), Some("1.41"), 10);
    match cl.call(Request::get("/containers/x/json")).await {
        Err(Error::Api { status, message }) => {
            assert_eq!(status, 301);
            assert!(message.contains("GET /containers/x/json"), "{message}");
            assert!(message.contains("301"), "{message}");
            assert!(
                message.contains("Location: /v1.41/containers/y/json"),
                "{message}"
            );
        }
        other => panic!("expected the redirect as an error, got {other:?}"),
    }
    match cl.call(Request::get("/containers/z/json")).await {
        Err(Error::Api { status, message }) => {
            assert_eq!(status, 307);
            assert!(message.contains("no Location"), "{message}");
        }
        other => panic!("expected the redirect as an error, got {other:?}"),
    }
    // Not followed: nothing asked for y.
    assert_eq!(log.count("/containers/y/json"), 0);
    // And the client goes on working.
    cl.call(Request::get("/info")).await.unwrap();
}

/// The engine reads the request and never answers /stall.
fn stalling_engine(log: &Log) -> FakeEngine {
    engine(log, |req, w| match req.path.as_str() {
        "/stall" => fake::stall(w),
        _ => plain(w, "200 OK", "", "{}"),
    })
}

/// Guards a test against hanging if a timeout did not fire; far above the limits tested.
async fn guarded<T>(fut: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(60), fut)
        .await
        .expect("the call's own timeout should have ended it")
}

#[tokio::test]
async fn stalled_headers_time_out_and_the_next_call_works() {
    let log = Log::default();
    let f = stalling_engine(&log);
    let cl = client(f.url(), Some("1.41"), 1);
    match guarded(cl.call(Request::get("/stall"))).await {
        Err(Error::Timeout(m)) => {
            assert!(m.contains("GET /stall"), "{m}");
            assert!(m.contains("within 1s"), "{m}");
            assert!(m.contains(&f.url()), "{m}");
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    // A per-call limit wins over the client's.
    let req = Request::get("/stall").timeout(Timeout::After(Duration::from_millis(300)));
    match guarded(cl.call(req)).await {
        Err(Error::Timeout(m)) => assert!(m.contains("within 300ms"), "{m}"),
        other => panic!("expected a timeout, got {other:?}"),
    }
    // A stream's headers are under the same limit.
    match guarded(cl.send_stream(Request::get("/stall"))).await {
        Err(Error::Timeout(m)) => assert!(m.contains("GET /stall"), "{m}"),
        Err(e) => panic!("expected a timeout, got {e:?}"),
        Ok(_) => panic!("expected a timeout, got a stream"),
    }
    assert_eq!(
        cl.call(Request::get("/info")).await.unwrap().as_ref(),
        b"{}"
    );
}

#[tokio::test]
async fn a_cut_connection_is_connection_lost() {
    let log = Log::default();
    let f = engine(&log, |req, w| match req.path.as_str() {
        // Cut before any answer.
        "/cut-head" => After::Close,
        // Cut inside the body: 100 bytes promised, 3 sent.
        "/cut-body" => {
            fake::send(
                w,
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[1,",
            );
            After::Close
        }
        _ => plain(w, "200 OK", "", "{}"),
    });
    let cl = client(f.url(), Some("1.41"), 10);
    for path in ["/cut-head", "/cut-body"] {
        match cl.call(Request::get(path)).await {
            Err(Error::ConnectionLost { addr, reason }) => {
                assert_eq!(addr, f.url());
                assert!(!reason.is_empty());
            }
            other => panic!("{path}: expected ConnectionLost, got {other:?}"),
        }
        cl.call(Request::get("/info")).await.unwrap();
    }
    // A streamed body cut mid-way ends with the same error.
    let (_, mut body) = cl.send_stream(Request::get("/cut-body")).await.unwrap();
    use futures_util::StreamExt;
    let mut got = Vec::new();
    let err = loop {
        match body.next().await {
            Some(Ok(b)) => got.extend_from_slice(&b),
            Some(Err(e)) => break e,
            None => panic!("the stream ended without an error"),
        }
    };
    assert_eq!(got, b"[1,");
    assert!(matches!(err, Error::ConnectionLost { .. }), "{err:?}");
}

#[tokio::test]
async fn a_path_with_an_empty_part_is_refused_before_sending() {
    let log = Log::default();
    let f = versioned_engine(&log, "1.41");
    let cl = client(f.url(), Some("1.41"), 10);
    for path in [
        "/containers//json",
        "/containers/../json",
        "/containers/%2E%2E/json",
    ] {
        match cl.call(Request::get(path)).await {
            Err(Error::InvalidArgument(m)) => assert!(m.contains(path), "{m}"),
            other => panic!("{path}: expected InvalidArgument, got {other:?}"),
        }
    }
    assert!(log.targets().is_empty());
    assert_eq!(f.accepted(), 0);
}

#[tokio::test]
async fn unix_addresses_with_two_slashes_are_absolute() {
    let log = Log::default();
    let f = versioned_engine(&log, "1.41");
    let abs = f.path();
    let abs = abs.to_str().unwrap();
    assert!(abs.starts_with('/'));
    // unix://tmp/.../engine.sock, as some users write it: still /tmp/.../engine.sock, whatever
    // the working directory (the test's is the crate's directory, not /).
    let two_slashes = format!("unix:/{abs}");
    assert!(!std::env::current_dir().unwrap().as_os_str().eq("/"));
    let cl = client(two_slashes, Some("1.41"), 10);
    assert_eq!(cl.address(), f.url());
    cl.call(Request::get("/info")).await.unwrap();
    assert_eq!(log.count("/info"), 1);
}
