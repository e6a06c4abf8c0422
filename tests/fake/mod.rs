//! A fake engine for the faults a real one will not produce on demand: a server on a temporary
//! unix socket that answers each request with whatever bytes its handler writes, so a test can
//! cut a connection before the headers, in a body or in a frame, stall, drip, redirect, or send
//! what is not JSON. It can also go away and come back at the same address, as an engine
//! restarting does. Plain threads and std sockets: nothing here shares the library's runtime.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// The request as the fake engine read it; `path` has the /vX.Y prefix taken off, `target`
/// is the request line's target as sent (prefix and query included).
#[derive(Debug, Clone)]
pub struct Req {
    pub method: String,
    pub path: String,
    pub query: String,
    pub target: String,
}

/// What a handler wants done with the connection after it has written its answer.
pub enum After {
    /// Read the next request on it.
    KeepAlive,
    /// Close it.
    Close,
}

pub type Handler = Arc<dyn Fn(&Req, &mut UnixStream) -> After + Send + Sync>;

pub struct FakeEngine {
    dir: tempfile::TempDir,
    handler: Handler,
    up: Option<Up>,
    /// Connections accepted, over every restart.
    accepted: Arc<AtomicUsize>,
    /// Connections the client closed (end of input where a request would start).
    hung_up: Arc<AtomicUsize>,
}

/// A listening server: its accept thread and every connection it took.
struct Up {
    stop: Arc<AtomicBool>,
    conns: Arc<Mutex<Vec<UnixStream>>>,
    accept: JoinHandle<()>,
}

impl FakeEngine {
    pub fn start(handler: impl Fn(&Req, &mut UnixStream) -> After + Send + Sync + 'static) -> Self {
        let mut f = FakeEngine {
            dir: tempfile::tempdir().unwrap(),
            handler: Arc::new(handler),
            up: None,
            accepted: Arc::new(AtomicUsize::new(0)),
            hung_up: Arc::new(AtomicUsize::new(0)),
        };
        f.restart();
        f
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("engine.sock")
    }

    /// The address to give `base_url`.
    pub fn url(&self) -> String {
        format!("unix://{}", self.path().display())
    }

    /// How many connections the engine has accepted so far.
    pub fn accepted(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }

    /// How many connections the client has closed so far.
    #[allow(dead_code)] // not every test binary that includes this module asks
    pub fn hung_up(&self) -> usize {
        self.hung_up.load(Ordering::SeqCst)
    }

    /// Go away as a killed engine does: stop listening, remove the socket, and cut every
    /// connection (the client sees its streams end mid-way).
    pub fn stop(&mut self) {
        let Some(up) = self.up.take() else { return };
        up.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = UnixStream::connect(self.path());
        up.accept.join().unwrap();
        for c in up.conns.lock().unwrap().drain(..) {
            let _ = c.shutdown(std::net::Shutdown::Both);
        }
        let _ = std::fs::remove_file(self.path());
    }

    /// Listen again at the same address.
    pub fn restart(&mut self) {
        self.stop();
        let listener = UnixListener::bind(self.path()).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let conns = Arc::new(Mutex::new(Vec::new()));
        let (stop2, conns2, handler) = (stop.clone(), conns.clone(), self.handler.clone());
        let (accepted, hung_up) = (self.accepted.clone(), self.hung_up.clone());
        let accept = std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                accepted.fetch_add(1, Ordering::SeqCst);
                conns2.lock().unwrap().push(conn.try_clone().unwrap());
                let (handler, hung_up) = (handler.clone(), hung_up.clone());
                std::thread::spawn(move || {
                    if serve(conn, handler) {
                        hung_up.fetch_add(1, Ordering::SeqCst);
                    }
                });
            }
        });
        self.up = Some(Up {
            stop,
            conns,
            accept,
        });
    }
}

impl Drop for FakeEngine {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Serve one connection; true when it ended because the client closed it.
fn serve(conn: UnixStream, handler: Handler) -> bool {
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut out = conn;
    loop {
        let Some(req) = read_request(&mut reader) else {
            return true;
        };
        match handler(&req, &mut out) {
            After::KeepAlive => {}
            After::Close => {
                let _ = out.shutdown(std::net::Shutdown::Both);
                return false;
            }
        }
    }
}

/// Read one request head and skip its body (Content-Length or chunked).
fn read_request(r: &mut BufReader<UnixStream>) -> Option<Req> {
    let mut line = String::new();
    if r.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let (mut length, mut chunked) = (0usize, false);
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).ok()? == 0 {
            return None;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (k, v) = h.split_once(':')?;
        match k.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = v.trim().parse().ok()?,
            "transfer-encoding" => chunked = v.trim().eq_ignore_ascii_case("chunked"),
            _ => {}
        }
    }
    if chunked {
        loop {
            let mut size = String::new();
            r.read_line(&mut size).ok()?;
            let n = usize::from_str_radix(size.trim(), 16).ok()?;
            let mut skip = vec![0u8; n + 2];
            r.read_exact(&mut skip).ok()?;
            if n == 0 {
                break;
            }
        }
    } else if length > 0 {
        let mut skip = vec![0u8; length];
        r.read_exact(&mut skip).ok()?;
    }
    let raw = target.clone();
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (target, String::new()),
    };
    // /v1.41/containers/json -> /containers/json
    let path = match path.strip_prefix("/v") {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest
            .find('/')
            .map(|i| rest[i..].to_string())
            .unwrap_or(path),
        _ => path,
    };
    Some(Req {
        method,
        path,
        query,
        target: raw,
    })
}

/// Write, ignoring a client that has gone (a test that timed out closes its end).
pub fn send(w: &mut UnixStream, bytes: &[u8]) {
    let _ = w.write_all(bytes);
    let _ = w.flush();
}

/// A whole answer with a length.
pub fn answer(w: &mut UnixStream, status: &str, content_type: &str, body: &[u8]) -> After {
    send(
        w,
        format!(
            "HTTP/1.1 {status}\r\nApi-Version: 1.41\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    );
    send(w, body);
    After::KeepAlive
}

pub fn json(w: &mut UnixStream, body: &str) -> After {
    answer(w, "200 OK", "application/json", body.as_bytes())
}

/// The head of a chunked answer; the body follows with `chunk`.
pub fn chunked_head(w: &mut UnixStream, content_type: &str) {
    send(
        w,
        format!(
            "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: {content_type}\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        .as_bytes(),
    );
}

pub fn chunk(w: &mut UnixStream, data: &[u8]) {
    let mut b = format!("{:x}\r\n", data.len()).into_bytes();
    b.extend_from_slice(data);
    b.extend_from_slice(b"\r\n");
    send(w, &b);
}

pub fn last_chunk(w: &mut UnixStream) {
    send(w, b"0\r\n\r\n");
}

/// One multiplexed-stream frame: stream 1 stdout, 2 stderr.
pub fn frame(stream: u8, data: &[u8]) -> Vec<u8> {
    let mut f = vec![stream, 0, 0, 0];
    f.extend_from_slice(&(data.len() as u32).to_be_bytes());
    f.extend_from_slice(data);
    f
}

/// Block until the client closes its end (a stalled engine, from the client's side).
pub fn stall(w: &mut UnixStream) -> After {
    let mut buf = [0u8; 256];
    while matches!(w.read(&mut buf), Ok(n) if n > 0) {}
    After::Close
}

/// The inspect answer for a container the fake engine pretends to have.
pub fn inspect(id: &str, tty: bool) -> String {
    serde_json::json!({
        "Id": id,
        "Name": "/dcfake-one",
        "Image": "sha256:0",
        "State": {"Status": "running", "Running": true},
        "Config": {"Tty": tty, "Image": "dc-test/busybox:latest", "Labels": {}},
        "NetworkSettings": {"Ports": {}},
    })
    .to_string()
}

/// Sleep in a handler without holding anything.
pub fn pause(ms: u64) {
    std::thread::sleep(Duration::from_millis(ms));
}
