//! The one HTTP path to the engine: requests, kept-alive HTTP/1.1 connections driven by the
//! calling task (no thread hop per call), pooled per driving runtime and per process, streamed
//! bodies and upgraded (hijacked) connections, and statuses turned into errors.

use super::transport::{ssh::ssh_reason, tls, Io, Transport};
use super::{Error, Result};
use bytes::Bytes;
use futures_util::Stream;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Empty, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderName, HeaderValue, CONTENT_TYPE, USER_AGENT};
use hyper::{Method, Response, StatusCode, Uri};
use std::sync::Arc;
use std::time::Duration;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;
/// A request body: empty, a buffer, or a stream.
pub type Body = UnsyncBoxBody<Bytes, BoxError>;

pub fn empty_body() -> Body {
    Empty::<Bytes>::new()
        .map_err(|never| match never {})
        .boxed_unsync()
}

pub fn full_body(b: impl Into<Bytes>) -> Body {
    Full::new(b.into())
        .map_err(|never| match never {})
        .boxed_unsync()
}

/// How long a call may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timeout {
    /// The client's per-call timeout.
    Default,
    /// This much, for this call.
    After(Duration),
    /// No limit (a wait with no timeout, a stream's body).
    Never,
}

/// One request to the engine.
pub struct Request {
    pub method: Method,
    /// The path without the version prefix, e.g. "/containers/json".
    pub path: String,
    /// The encoded query string (a plain String, so that a Request is Send).
    pub query: String,
    pub body: Option<Body>,
    pub content_type: Option<&'static str>,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub timeout: Timeout,
    /// Prefix the path with /vX.Y (everything but /_ping).
    pub versioned: bool,
    /// 304 Not Modified is an answer (start and stop of a container already in that state);
    /// every other 3xx, and 304 elsewhere, is an error.
    pub not_modified_ok: bool,
}

impl Request {
    pub fn new(method: Method, path: impl Into<String>) -> Request {
        Request {
            method,
            path: path.into(),
            query: String::new(),
            body: None,
            content_type: None,
            headers: Vec::new(),
            timeout: Timeout::Default,
            versioned: true,
            not_modified_ok: false,
        }
    }
    pub fn get(path: impl Into<String>) -> Request {
        Request::new(Method::GET, path)
    }
    pub fn post(path: impl Into<String>) -> Request {
        Request::new(Method::POST, path)
    }
    pub fn delete(path: impl Into<String>) -> Request {
        Request::new(Method::DELETE, path)
    }
    pub fn query(mut self, key: &str, value: impl AsRef<str>) -> Request {
        form_urlencoded::Serializer::for_suffix(&mut self.query, 0)
            .append_pair(key, value.as_ref());
        self
    }
    /// Add `key` only when `value` is Some.
    pub fn query_opt<V: AsRef<str>>(self, key: &str, value: Option<V>) -> Request {
        match value {
            Some(v) => self.query(key, v),
            None => self,
        }
    }
    /// A boolean the engine reads as 1/0 (docker-py sends "1"/"0" or "true"/"false").
    pub fn query_bool(self, key: &str, value: bool) -> Request {
        self.query(key, if value { "1" } else { "0" })
    }
    pub fn json(mut self, v: &serde_json::Value) -> Request {
        self.body = Some(full_body(
            serde_json::to_vec(v).expect("serialising a Value cannot fail"),
        ));
        self.content_type = Some("application/json");
        self
    }
    pub fn body(mut self, body: Body, content_type: &'static str) -> Request {
        self.body = Some(body);
        self.content_type = Some(content_type);
        self
    }
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Request {
        self.headers.push((name, value));
        self
    }
    pub fn timeout(mut self, t: Timeout) -> Request {
        self.timeout = t;
        self
    }
    pub fn unversioned(mut self) -> Request {
        self.versioned = false;
        self
    }
    /// Take 304 Not Modified as an answer (see `not_modified_ok`).
    pub fn not_modified_ok(mut self) -> Request {
        self.not_modified_ok = true;
        self
    }
}

/// hyper's read buffer on a kept-alive connection: an answer whole in one read, mostly.
const CALL_READ_BUF: usize = 64 * 1024;
/// On a stream's own connection: one read takes what the engine has queued on the socket
/// (about 200 KiB on a unix socket) instead of a quarter of it, and the callback gets it as
/// one chunk; fewer reads and wake-ups per MiB, still a bounded buffer.
const STREAM_READ_BUF: usize = 256 * 1024;

/// Connections inherited from a parent process: parked, never used or dropped (dropping one
/// would touch the parent's epoll set, which the child shares).
static FORKED_DIRECT: std::sync::Mutex<Vec<DirectConn>> = std::sync::Mutex::new(Vec::new());

/// One HTTP/1.1 connection and its driver.
struct DirectConn {
    /// The engine's address, for errors.
    addr: Arc<str>,
    /// The runtime whose I/O driver the socket is registered with. A connection is reused
    /// only where that driver runs.
    driver: Driver,
    sender: hyper::client::conn::http1::SendRequest<Body>,
    /// Fused: once the connection has ended, polling it again is harmless.
    conn: FusedConn,
    /// The process that opened or took it: a call runs start to end in one process (a fork
    /// in the middle leaves the call behind in the parent), so giving it back needs no getpid.
    pid: u32,
}

type FusedConn = futures_util::future::Fuse<ConnFuture>;

/// Which runtime drives a connection: a multi-thread runtime drives its sockets whatever
/// thread uses them; a current-thread runtime only while its thread is inside it, so its
/// connections are also tied to that thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Driver {
    runtime: Option<tokio::runtime::Id>,
    thread: Option<std::thread::ThreadId>,
}

/// The driver of connections opened by the current task.
fn driver_tag() -> Driver {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current() {
        Ok(h) => Driver {
            runtime: Some(h.id()),
            thread: (h.runtime_flavor() == RuntimeFlavor::CurrentThread)
                .then(|| std::thread::current().id()),
        },
        Err(_) => Driver {
            runtime: None,
            thread: None,
        },
    }
}

/// The pools this thread left connections in for a current-thread runtime of its own. When
/// the thread exits, nothing can drive those connections any more (and over ssh each one is
/// a child process): they are closed then, so a host that makes calls from short-lived
/// threads keeps a flat count of sockets and processes.
struct KeptByThisThread {
    thread: std::thread::ThreadId,
    pools: std::cell::RefCell<Vec<std::sync::Weak<Pool>>>,
}

thread_local! {
    static KEPT_BY_THIS_THREAD: KeptByThisThread = KeptByThisThread {
        thread: std::thread::current().id(),
        pools: std::cell::RefCell::new(Vec::new()),
    };
}

impl KeptByThisThread {
    fn note(&self, pool: &Arc<Pool>) {
        let mut pools = self.pools.borrow_mut();
        pools.retain(|w| w.strong_count() > 0);
        if !pools
            .iter()
            .any(|w| std::ptr::eq(w.as_ptr(), Arc::as_ptr(pool)))
        {
            pools.push(Arc::downgrade(pool));
        }
    }
}

impl Drop for KeptByThisThread {
    fn drop(&mut self) {
        for pool in self.pools.get_mut().drain(..) {
            if let Some(pool) = pool.upgrade() {
                pool.close_thread(self.thread);
            }
        }
    }
}

/// A client's idle keep-alive connections for whole-body calls, driven by the calling task
/// while in use, with the pid they were made in.
struct Pool {
    /// Idle connections kept at most.
    max: usize,
    direct: std::sync::Mutex<(u32, Vec<DirectConn>)>,
}

impl Pool {
    /// Close the idle connections tied to `thread` (see `KeptByThisThread`).
    fn close_thread(&self, thread: std::thread::ThreadId) {
        let closed: Vec<DirectConn> = {
            let mut pool = self.direct.lock().unwrap_or_else(|p| p.into_inner());
            if pool.0 != std::process::id() {
                return;
            }
            let (gone, kept) = std::mem::take(&mut pool.1)
                .into_iter()
                .partition(|dc| dc.driver.thread == Some(thread));
            pool.1 = kept;
            gone
        };
        // Dropped outside the lock: closing an ssh connection kills its child.
        drop(closed);
    }

    /// An idle connection that still looks open, if any, for the current driver. In a forked
    /// child, the parent's connections are parked first.
    fn take_idle(&self) -> Option<DirectConn> {
        let mut pool = self.direct.lock().unwrap_or_else(|p| p.into_inner());
        if pool.0 != std::process::id() {
            let inherited = std::mem::take(&mut pool.1);
            FORKED_DIRECT
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .extend(inherited);
            pool.0 = std::process::id();
            return None;
        }
        let here = driver_tag();
        while let Some(i) = pool.1.iter().rposition(|dc| dc.driver == here) {
            let mut dc = pool.1.swap_remove(i);
            // Let the connection notice a close from the engine before we use it.
            use futures_util::future::FusedFuture;
            use futures_util::FutureExt;
            if !dc.conn.is_terminated()
                && (&mut dc.conn).now_or_never().is_none()
                && dc.sender.is_ready()
            {
                dc.pid = pool.0;
                return Some(dc);
            }
        }
        None
    }

    /// Keep a connection whose answer was read whole, if it is still open and there is room.
    fn give_back(self: &Arc<Self>, mut dc: DirectConn) {
        use futures_util::future::FusedFuture;
        use futures_util::FutureExt;
        if dc.conn.is_terminated()
            || (&mut dc.conn).now_or_never().is_some()
            || !dc.sender.is_ready()
        {
            return;
        }
        let mut pool = self.direct.lock().unwrap_or_else(|p| p.into_inner());
        if pool.0 != dc.pid {
            return;
        }
        if pool.1.len() >= self.max {
            // Full: make room by closing one kept for another driver (perhaps a thread that
            // has exited), else drop this one.
            match pool.1.iter().position(|d| d.driver != dc.driver) {
                Some(i) => drop(pool.1.swap_remove(i)),
                None => return,
            }
        }
        let tied_to_thread = dc.driver.thread.is_some();
        pool.1.push(dc);
        drop(pool);
        if tied_to_thread {
            // Fails only while this thread is exiting, when its connections close anyway.
            let _ = KEPT_BY_THIS_THREAD.try_with(|k| k.note(self));
        }
    }
}

/// One engine's HTTP side: its transport, the user agent, the idle connections.
pub struct Http {
    transport: Transport,
    user_agent: HeaderValue,
    pool: Arc<Pool>,
}

impl Http {
    /// `max_idle`: idle connections kept (at least 1).
    pub fn new(transport: Transport, user_agent: HeaderValue, max_idle: usize) -> Http {
        Http {
            transport,
            user_agent,
            pool: Arc::new(Pool {
                max: max_idle,
                direct: std::sync::Mutex::new((std::process::id(), Vec::new())),
            }),
        }
    }

    /// The engine's address, as a user would write it.
    pub fn address(&self) -> String {
        self.transport.address()
    }

    /// Close the idle kept-alive connections now; later calls open new ones. Connections in
    /// use (a call in flight, an open stream) are not touched.
    pub fn close_idle(&self) {
        let closed = {
            let mut pool = self.pool.direct.lock().unwrap_or_else(|p| p.into_inner());
            if pool.0 != std::process::id() {
                // A forked child's inherited connections belong to the parent: leave them.
                return;
            }
            std::mem::take(&mut pool.1)
        };
        // Dropped outside the lock: closing an ssh connection kills its child.
        drop(closed);
    }

    /// A whole-body call on a kept-alive connection driven right here. `pq`: the path (with
    /// its version prefix) and query to send.
    pub async fn call(
        &self,
        mut req: Request,
        pq: &str,
    ) -> Result<(StatusCode, hyper::HeaderMap, Bytes)> {
        let (what, not_modified_ok) = (describe(&req), req.not_modified_ok);
        let request = self.request_of(&mut req, pq)?;
        let mut dc = match self.pool.take_idle() {
            Some(dc) => dc,
            None => self.open(false, CALL_READ_BUF).await?,
        };
        let response = roundtrip(&mut dc, request).await?;
        let status = response.status();
        let (parts, body) = response.into_parts();
        let body = read_whole(&mut dc, body).await?;
        self.pool.give_back(dc);
        check_status(status, &parts.headers, &body, &what, not_modified_ok)?;
        Ok((status, parts.headers, body))
    }

    /// A streaming request on a connection of its own, driven by the task that reads the
    /// body: no hop between threads for each chunk, and no pooled connection held by a long
    /// stream.
    pub async fn stream(
        &self,
        mut req: Request,
        pq: &str,
    ) -> Result<(hyper::HeaderMap, ByteStream)> {
        let what = describe(&req);
        let request = self.request_of(&mut req, pq)?;
        let mut dc = self.open(false, STREAM_READ_BUF).await?;
        let response = roundtrip(&mut dc, request).await?;
        let status = response.status();
        let headers = response.headers().clone();
        let body: ByteStream = Box::pin(DirectBody {
            addr: dc.addr.clone(),
            body: response.into_body(),
            conn: Some(dc.conn),
            _sender: dc.sender,
        });
        if status.is_redirection() {
            check_status(status, &headers, b"", &what, req.not_modified_ok)?;
        }
        if status.as_u16() >= 400 {
            return Err(api_error(status, &error_text(body).await));
        }
        Ok((headers, body))
    }

    /// A request that takes over the connection (attach, interactive exec): sent with
    /// `Upgrade: tcp` (the caller's headers), expects 101, and returns the raw two-way
    /// connection with the response headers. The connection is one of its own, driven by
    /// whoever reads and writes it.
    pub async fn upgrade(
        &self,
        mut req: Request,
        pq: &str,
    ) -> Result<(hyper::HeaderMap, hyper::upgrade::Upgraded)> {
        let what = describe(&req);
        let request = self.request_of(&mut req, pq)?;
        let mut dc = self.open(true, CALL_READ_BUF).await?;
        let response = roundtrip(&mut dc, request).await?;
        let status = response.status();
        if status != StatusCode::SWITCHING_PROTOCOLS {
            let headers = response.headers().clone();
            let body = read_whole(&mut dc, response.into_body()).await?;
            check_status(status, &headers, &body, &what, false)?;
            return Err(Error::Protocol(format!(
                "{what}: the engine answered {status} instead of switching protocols"
            )));
        }
        let headers = response.headers().clone();
        // The connection hands its socket over once it has seen the 101 through.
        let io = drive(&mut dc.conn, &dc.addr, hyper::upgrade::on(response))
            .await?
            .map_err(|e| Error::Protocol(format!("{what}: taking over the connection: {e}")))?;
        Ok((headers, io))
    }

    /// A new connection to the engine. `upgrades`: it may be taken over after a 101 answer
    /// (attach, interactive exec), so it is never given back to the pool. `read_buf`: the size
    /// of hyper's read buffer.
    async fn open(&self, upgrades: bool, read_buf: usize) -> Result<DirectConn> {
        let io: Box<dyn Io> = self.transport.connect().await?;
        let mut builder = hyper::client::conn::http1::Builder::new();
        builder.read_buf_exact_size(Some(read_buf));
        let (sender, conn) = builder
            .handshake::<_, Body>(io)
            .await
            .map_err(|e| Error::Protocol(format!("talking to the engine: {e}")))?;
        let conn: ConnFuture = if upgrades {
            Box::pin(conn.with_upgrades())
        } else {
            Box::pin(conn)
        };
        Ok(DirectConn {
            addr: self.address().into(),
            driver: driver_tag(),
            sender,
            conn: futures_util::FutureExt::fuse(conn),
            pid: std::process::id(),
        })
    }

    /// The hyper request for `req` at `pq` on a direct connection: path-only URI, a Host
    /// header, method, user agent, content type, extra headers, body (taken out of `req`).
    fn request_of(&self, req: &mut Request, pq: &str) -> Result<hyper::Request<Body>> {
        let uri = pq
            .parse::<Uri>()
            .map_err(|e| Error::invalid(format!("bad request path {pq:?}: {e}")))?;
        let mut builder = hyper::Request::builder()
            .method(req.method.clone())
            .uri(uri)
            .header(USER_AGENT, self.user_agent.clone());
        if let Some(ct) = req.content_type {
            builder = builder.header(CONTENT_TYPE, ct);
        }
        for (k, v) in req.headers.drain(..) {
            builder = builder.header(k, v);
        }
        let body = req.body.take().unwrap_or_else(empty_body);
        let mut request = builder
            .body(body)
            .map_err(|e| Error::Internal(format!("building request: {e}")))?;
        request
            .headers_mut()
            .insert(hyper::header::HOST, HeaderValue::from_static("docker"));
        Ok(request)
    }
}

/// The start of an error answer's body (64 KiB at most, 10 seconds at most), for its message.
async fn error_text(mut body: ByteStream) -> Vec<u8> {
    use futures_util::StreamExt;
    let mut text = Vec::new();
    let read = async {
        while let Some(Ok(b)) = body.next().await {
            if text.len() < 64 * 1024 {
                text.extend_from_slice(&b);
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(10), read).await;
    text
}

/// A whole streamed body, gathered.
pub async fn collect(mut s: ByteStream) -> Result<Bytes> {
    use futures_util::StreamExt;
    let mut buf = bytes::BytesMut::new();
    while let Some(chunk) = s.next().await {
        buf.extend_from_slice(&chunk?);
    }
    Ok(buf.freeze())
}

/// Decode JSON from the engine, with a message that says what failed.
pub fn decode_json<T: serde::de::DeserializeOwned>(b: &[u8]) -> Result<T> {
    serde_json::from_slice(b)
        .map_err(|e| Error::Protocol(format!("the engine sent JSON we could not read: {e}")))
}

/// "METHOD /path", for messages.
pub fn describe(req: &Request) -> String {
    // Made for every call, used only in messages: plain pushes cost a fraction of format!.
    let method = req.method.as_str();
    let mut s = String::with_capacity(method.len() + 1 + req.path.len());
    s.push_str(method);
    s.push(' ');
    s.push_str(&req.path);
    s
}

/// A status the call cannot take as its answer: >= 400 (with the engine's own message), or a
/// redirect. The Engine API documents no redirect as a result; the engine sends one (301) for
/// a path that cleans to another one, and following it would act on a resource nobody named.
/// 304 is an answer only where the request says so (start, stop).
fn check_status(
    status: StatusCode,
    headers: &hyper::HeaderMap,
    body: &[u8],
    what: &str,
    not_modified_ok: bool,
) -> Result<()> {
    if status.is_redirection() && !(status == StatusCode::NOT_MODIFIED && not_modified_ok) {
        let location = headers
            .get(hyper::header::LOCATION)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        return Err(Error::Api {
            status: status.as_u16(),
            message: match location {
                Some(l) => format!("{what}: the engine answered {status}, Location: {l}"),
                None => format!("{what}: the engine answered {status}, with no Location"),
            },
        });
    }
    if status.as_u16() >= 400 {
        return Err(api_error(status, body));
    }
    Ok(())
}

/// Every request path is checked before it is sent: an empty segment or a `.`/`..` one (also
/// inside a percent-encoded segment) means an id or name was empty or not a name at all, and
/// the engine would redirect to another path. The callers check their own arguments first,
/// with the argument's name; this keeps any path that escaped them from being sent.
pub fn check_path(req: &Request) -> Result<()> {
    let bad = req
        .path
        .strip_prefix('/')
        .unwrap_or(&req.path)
        .split('/')
        .any(|raw| {
            if raw.is_empty() || raw == "." || raw == ".." {
                return true;
            }
            if !raw.contains('%') {
                // Nothing to decode but '+' (to ' '): no '/' or '.' can appear.
                return false;
            }
            let decoded: String = form_urlencoded::parse(format!("x={raw}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default();
            raw.is_empty() || decoded.split('/').any(|p| p == "." || p == "..")
        });
    if bad {
        return Err(Error::invalid(format!(
            "{}: the request path has an empty, \".\" or \"..\" part (an empty id or name?)",
            describe(req)
        )));
    }
    Ok(())
}

/// `Error::Api` from an error status and body, with the engine's own message.
fn api_error(status: StatusCode, body: &[u8]) -> Error {
    let message = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("message").and_then(|m| m.as_str()).map(str::to_owned))
        .unwrap_or_else(|| String::from_utf8_lossy(body).trim().to_owned());
    let message = if message.is_empty() {
        status.canonical_reason().unwrap_or("error").to_owned()
    } else {
        message
    };
    Error::Api {
        status: status.as_u16(),
        message,
    }
}

/// A byte stream from the engine.
pub type ByteStream = std::pin::Pin<Box<dyn Stream<Item = Result<Bytes>> + Send>>;

type ConnFuture = std::pin::Pin<Box<dyn std::future::Future<Output = hyper::Result<()>> + Send>>;

/// Read a whole answer body, driving its connection.
async fn read_whole(dc: &mut DirectConn, mut body: Incoming) -> Result<Bytes> {
    let mut buf = bytes::BytesMut::new();
    loop {
        let frame = drive(
            &mut dc.conn,
            &dc.addr,
            std::future::poll_fn(|cx| {
                use hyper::body::Body as _;
                std::pin::Pin::new(&mut body).poll_frame(cx)
            }),
        )
        .await?;
        match frame {
            Some(Ok(f)) => {
                if let Ok(d) = f.into_data() {
                    buf.extend_from_slice(&d);
                }
            }
            Some(Err(e)) => return Err(conn_error(e, &dc.addr)),
            None => return Ok(buf.freeze()),
        }
    }
}

/// Send a request on a direct connection, driving the connection until the answer's headers.
async fn roundtrip(
    dc: &mut DirectConn,
    request: hyper::Request<Body>,
) -> Result<Response<Incoming>> {
    let send = dc.sender.send_request(request);
    drive(&mut dc.conn, &dc.addr, send)
        .await?
        .map_err(|e| conn_error(e, &dc.addr))
}

/// A failed exchange on a connection: a TLS failure (a client certificate the server turned
/// down shows only now with TLS 1.3), the connection lost before the answer was complete, or
/// a protocol error (what the engine sent cannot be read).
fn conn_error(e: hyper::Error, addr: &str) -> Error {
    if let Some(why) = tls::tls_reason(&e) {
        return Error::Tls(why);
    }
    if let Some(said) = ssh_reason(&e) {
        // The message starts with the ssh:// address.
        let (addr, reason) = said.split_once(": ").unwrap_or(("ssh", &said));
        return Error::Connection {
            addr: addr.to_string(),
            reason: reason.to_string(),
        };
    }
    if connection_lost(&e) {
        return Error::ConnectionLost {
            addr: addr.to_string(),
            reason: e.to_string(),
        };
    }
    Error::Protocol(format!("talking to the engine: {e}"))
}

/// The connection ended under the answer: end of input in the middle of a message, or the
/// socket reset or broken. Anything else hyper reports is a malformed answer.
fn connection_lost(e: &hyper::Error) -> bool {
    use std::io::ErrorKind::*;
    if e.is_incomplete_message() {
        return true;
    }
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return matches!(
                io.kind(),
                ConnectionReset | ConnectionAborted | BrokenPipe | UnexpectedEof | NotConnected
            );
        }
        src = s.source();
    }
    false
}

/// Await `fut` while driving the connection; an error if the connection ends first.
async fn drive<F: std::future::Future>(
    conn: &mut FusedConn,
    addr: &str,
    fut: F,
) -> Result<F::Output> {
    use futures_util::future::FusedFuture;
    use std::future::Future as _;
    use std::task::Poll;
    tokio::pin!(fut);
    if conn.is_terminated() {
        return Ok(fut.await);
    }
    std::future::poll_fn(|cx| {
        if let Poll::Ready(r) = fut.as_mut().poll(cx) {
            return Poll::Ready(Ok(r));
        }
        let ended = std::pin::Pin::new(&mut *conn).poll(cx);
        // What the connection just did (read a response head, passed a body frame on) is
        // mostly what `fut` waits for: look again now. Left to the waker, it costs a trip
        // through the runtime and an extra poll of its event queue (strace: two epoll_wait
        // calls per inspect). When the connection ended, the answer may still be complete in
        // its buffers.
        if let Poll::Ready(r) = fut.as_mut().poll(cx) {
            return Poll::Ready(Ok(r));
        }
        match ended {
            Poll::Pending => Poll::Pending,
            Poll::Ready(c) => Poll::Ready(Err(match c {
                Err(e) => conn_error(e, addr),
                Ok(()) => Error::ConnectionLost {
                    addr: addr.to_string(),
                    reason: "the engine closed the connection before answering".into(),
                },
            })),
        }
    })
    .await
}

/// A response body read on the same task that drives its connection.
struct DirectBody {
    addr: Arc<str>,
    body: Incoming,
    conn: Option<FusedConn>,
    _sender: hyper::client::conn::http1::SendRequest<Body>,
}

impl Stream for DirectBody {
    type Item = Result<Bytes>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        use hyper::body::Body as _;
        use std::task::Poll;
        let this = &mut *self;
        loop {
            if let Some(c) = this.conn.as_mut() {
                if let Poll::Ready(r) = std::future::Future::poll(std::pin::Pin::new(c), cx) {
                    this.conn = None;
                    if let Err(e) = r {
                        return Poll::Ready(Some(Err(conn_error(e, &this.addr))));
                    }
                }
            }
            return match std::pin::Pin::new(&mut this.body).poll_frame(cx) {
                Poll::Ready(Some(Ok(frame))) => match frame.into_data() {
                    Ok(d) if !d.is_empty() => Poll::Ready(Some(Ok(d))),
                    _ => continue,
                },
                Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(conn_error(e, &this.addr)))),
                Poll::Ready(None) => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            };
        }
    }
}

/// A streamed body whose length is known, so it is sent with Content-Length rather than
/// chunked (the engine reads it faster).
pub fn sized_body(inner: Body, len: u64) -> Body {
    SizedBody { inner, len }.boxed_unsync()
}

struct SizedBody {
    inner: Body,
    len: u64,
}

impl hyper::body::Body for SizedBody {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<std::result::Result<hyper::body::Frame<Bytes>, BoxError>>> {
        std::pin::Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        hyper::body::SizeHint::with_exact(self.len)
    }
}
