//! The engine client: one connection pool per client, API version negotiation, requests with
//! per-call timeouts, and error bodies turned into `Error::Api` with the engine's own message.

use super::host::Host;
use super::opts::Opts;
use super::ssh::{ssh_reason, SshTarget};
use super::tls::{self, Tls, TlsSettings};
use super::{Error, Result};
use bytes::Bytes;
use futures_util::Stream;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Empty, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderName, HeaderValue, CONTENT_TYPE, USER_AGENT};
use hyper::{Method, Response, StatusCode, Uri};
use hyperlocal::UnixConnector;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// The newest Engine API version this library speaks. Negotiation never goes above it.
pub const MAX_API_VERSION: ApiVersion = ApiVersion(1, 47);
/// The oldest Engine API version this library accepts (docker-py's floor).
pub const MIN_API_VERSION: ApiVersion = ApiVersion(1, 24);
/// docker-py's default per-call timeout.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Idle connections kept per client. Calls beyond it still run in parallel; the extra
/// connections are just not kept afterwards.
pub const DEFAULT_MAX_POOL_SIZE: usize = 64;
/// Time allowed to open a connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

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

/// An Engine API version such as 1.41.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ApiVersion(pub u32, pub u32);

impl ApiVersion {
    pub fn parse(s: &str) -> Result<ApiVersion> {
        let t = s.trim().trim_start_matches('v');
        let bad = || {
            Error::invalid(format!(
                "API version {s:?}: expected MAJOR.MINOR such as \"1.41\""
            ))
        };
        let (a, b) = t.split_once('.').ok_or_else(bad)?;
        Ok(ApiVersion(
            a.parse().map_err(|_| bad())?,
            b.parse().map_err(|_| bad())?,
        ))
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
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

/// Client settings: docker-py's `DockerClient` arguments.
#[derive(Debug, Clone, Default)]
pub struct ClientOptions {
    /// `unix:///path`, `tcp://host:port`, `http://host:port`. None: the default socket.
    pub base_url: Option<String>,
    /// None or "auto": negotiate. Otherwise a pinned version such as "1.41".
    pub version: Option<String>,
    /// Per-call timeout; streams get none (they have idle timeouts and cancellation).
    pub timeout: Option<Duration>,
    pub user_agent: Option<String>,
    pub max_pool_size: Option<usize>,
    /// TLS was asked for (DOCKER_TLS_VERIFY / DOCKER_CERT_PATH / `tls` / an https:// address).
    pub tls: bool,
    /// `tls_verify`: None means verify (the Docker CLI's `--tlsverify`); false only when asked.
    pub tls_verify: Option<bool>,
    /// `tls_ca_cert`, `tls_client_cert`, `tls_client_key`: PEM files. Unset: ca.pem, cert.pem,
    /// key.pem in DOCKER_CERT_PATH (or ~/.docker) when they exist.
    pub tls_ca_cert: Option<PathBuf>,
    pub tls_client_cert: Option<PathBuf>,
    pub tls_client_key: Option<PathBuf>,
    /// `tls_server_name`: the name the server certificate must carry (default: the host).
    pub tls_server_name: Option<String>,
    /// DOCKER_CERT_PATH.
    pub cert_path: Option<PathBuf>,
    /// `context`: a Docker CLI context by name (its engine address and TLS files).
    pub context: Option<String>,
    /// `ssh_options`: extra arguments for ssh (ssh:// engines), such as ["-i", "key"].
    pub ssh_options: Vec<String>,
}

impl ClientOptions {
    /// Read docker-py's `DockerClient(...)` keywords from a JSON object; unknown keys are errors.
    pub fn from_opts(mut o: Opts, allow_base_url: bool) -> Result<ClientOptions> {
        let mut c = ClientOptions::default();
        if allow_base_url {
            c.base_url = o.string("base_url")?;
        }
        c.version = o.string("version")?;
        c.timeout = o.seconds("timeout")?;
        c.user_agent = o.string("user_agent")?;
        c.max_pool_size = o.u64("max_pool_size")?.map(|n| n as usize);
        if let Some(v) = o.take("tls") {
            match v {
                serde_json::Value::Bool(b) => c.tls = b,
                _ => c.tls = true,
            }
        }
        c.tls_verify = o.bool("tls_verify")?;
        c.tls_ca_cert = o.string("tls_ca_cert")?.map(PathBuf::from);
        c.tls_client_cert = o.string("tls_client_cert")?.map(PathBuf::from);
        c.tls_client_key = o.string("tls_client_key")?.map(PathBuf::from);
        c.tls_server_name = o.string("tls_server_name")?;
        c.context = o.string("context")?;
        if let Some(v) = o.take("ssh_options") {
            let bad = || Error::invalid("ssh_options must be a list of strings");
            let list = v.as_array().ok_or_else(bad)?;
            for a in list {
                c.ssh_options.push(a.as_str().ok_or_else(bad)?.to_string());
            }
        }
        if c.context.is_some() && c.base_url.is_some() {
            return Err(Error::invalid(
                "base_url and context both name an engine: give one of them",
            ));
        }
        if c.tls_verify.is_some()
            || c.tls_ca_cert.is_some()
            || c.tls_client_cert.is_some()
            || c.tls_client_key.is_some()
            || c.tls_server_name.is_some()
        {
            c.tls = true;
        }
        o.finish()?;
        if allow_base_url {
            if let Some(name) = c.context.clone() {
                c.apply_context(&name)?;
            }
        }
        Ok(c)
    }

    /// Take the engine address and TLS files from the Docker CLI context `name`. Settings
    /// given explicitly (tls_* options) win over the context's files.
    pub fn apply_context(&mut self, name: &str) -> Result<()> {
        let ctx = super::context::load(name)?;
        self.base_url = ctx.host;
        if ctx.ca.is_some() || ctx.cert.is_some() || ctx.skip_tls_verify {
            self.tls = true;
            if self.tls_verify.is_none() && ctx.skip_tls_verify {
                self.tls_verify = Some(false);
            }
            if self.tls_ca_cert.is_none() {
                self.tls_ca_cert = ctx.ca;
            }
            if self.tls_client_cert.is_none() && self.tls_client_key.is_none() {
                self.tls_client_cert = ctx.cert;
                self.tls_client_key = ctx.key;
            }
        }
        Ok(())
    }

    /// docker-py's `from_env`: DOCKER_HOST, DOCKER_API_VERSION, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH,
    /// with `overrides` (version, timeout, user_agent, max_pool_size, tls_*, context) on top;
    /// without DOCKER_HOST, the Docker CLI's current context (DOCKER_CONTEXT, config.json).
    pub fn from_env(overrides: Opts) -> Result<ClientOptions> {
        let mut c = ClientOptions::from_opts(overrides, false)?;
        c.base_url = std::env::var("DOCKER_HOST").ok().filter(|s| !s.is_empty());
        if c.version.is_none() {
            c.version = std::env::var("DOCKER_API_VERSION")
                .ok()
                .filter(|s| !s.is_empty());
        }
        let verify = std::env::var("DOCKER_TLS_VERIFY")
            .map(|s| !s.is_empty())
            .unwrap_or(false);
        c.cert_path = std::env::var("DOCKER_CERT_PATH")
            .ok()
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        c.tls = c.tls || verify || c.cert_path.is_some();
        // The Docker CLI's order: the context option, then DOCKER_HOST, then DOCKER_CONTEXT,
        // then currentContext in config.json; "default" is the local engine.
        let name = match c.context.clone() {
            Some(n) => Some(n),
            None if c.base_url.is_some() => None,
            None => super::context::current_name()?,
        };
        if let Some(name) = name {
            c.apply_context(&name)?;
        }
        Ok(c)
    }

    /// The TLS settings, with the Docker CLI's defaults: verify unless `tls_verify` is false;
    /// files not named come from DOCKER_CERT_PATH (or ~/.docker) when they exist.
    pub fn tls_settings(&self) -> TlsSettings {
        let dir = self
            .cert_path
            .clone()
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".docker")));
        let from_dir = |f: &str| dir.as_ref().and_then(|d| tls::existing(d.join(f)));
        let (cert, key) = match (&self.tls_client_cert, &self.tls_client_key) {
            (None, None) => match (from_dir("cert.pem"), from_dir("key.pem")) {
                (Some(c), Some(k)) => (Some(c), Some(k)),
                _ => (None, None),
            },
            (c, k) => (c.clone(), k.clone()),
        };
        TlsSettings {
            verify: self.tls_verify.unwrap_or(true),
            ca_cert: self.tls_ca_cert.clone().or_else(|| from_dir("ca.pem")),
            client_cert: cert,
            client_key: key,
            server_name: self.tls_server_name.clone(),
        }
    }
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

struct Inner {
    host: Host,
    /// Set for a TLS engine.
    tls: Option<Tls>,
    /// Set for an ssh:// engine.
    ssh: Option<SshTarget>,
    pool: usize,
    pinned: Option<ApiVersion>,
    negotiated: tokio::sync::OnceCell<ApiVersion>,
    timeout: Duration,
    user_agent: HeaderValue,
    /// Idle keep-alive connections for whole-body calls, driven by the calling task while in
    /// use (no thread hop per call), with the pid they were made in.
    direct: std::sync::Mutex<(u32, Vec<DirectConn>)>,
    /// The container-events subscription readiness waits share (events.rs).
    events_hub: super::events::Hub,
}

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
    pools: std::cell::RefCell<Vec<std::sync::Weak<Inner>>>,
}

thread_local! {
    static KEPT_BY_THIS_THREAD: KeptByThisThread = KeptByThisThread {
        thread: std::thread::current().id(),
        pools: std::cell::RefCell::new(Vec::new()),
    };
}

impl KeptByThisThread {
    fn note(&self, inner: &Arc<Inner>) {
        let mut pools = self.pools.borrow_mut();
        pools.retain(|w| w.strong_count() > 0);
        if !pools
            .iter()
            .any(|w| std::ptr::eq(w.as_ptr(), Arc::as_ptr(inner)))
        {
            pools.push(Arc::downgrade(inner));
        }
    }
}

impl Drop for KeptByThisThread {
    fn drop(&mut self) {
        for pool in self.pools.get_mut().drain(..) {
            if let Some(inner) = pool.upgrade() {
                inner.close_thread(self.thread);
            }
        }
    }
}

impl Inner {
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
}

/// A client for one engine. Cheap to clone; safe to use from many tasks and threads at once.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("host", &self.inner.host.display())
            .finish()
    }
}

impl Client {
    /// Build a client. Nothing is sent until the first call.
    pub fn new(opts: ClientOptions) -> Result<Client> {
        let url = opts.base_url.as_deref().unwrap_or("").trim();
        let wants_tls = opts.tls || url.starts_with("https://");
        // With TLS, tcp://host without a port means the TLS port, 2376, as in the Docker CLI.
        let host = match url.strip_prefix("tcp://") {
            Some(rest) if wants_tls => Host::parse(&format!("https://{rest}"))?,
            _ => Host::parse(url)?,
        };
        let tls = match &host {
            Host::Tcp { host: h, .. } if wants_tls => Some(opts.tls_settings().build(h)?),
            _ => None,
        };
        let ssh = match &host {
            Host::Ssh { user, host, port } => Some(SshTarget {
                user: user.clone(),
                host: host.clone(),
                port: *port,
                options: opts.ssh_options.clone(),
            }),
            _ => None,
        };
        let pinned = match opts.version.as_deref().map(str::trim) {
            None | Some("") | Some("auto") => None,
            Some(v) => {
                let v = ApiVersion::parse(v)?;
                if v < MIN_API_VERSION {
                    return Err(Error::invalid(format!(
                        "API version {v} is older than the oldest supported, {MIN_API_VERSION}"
                    )));
                }
                Some(v)
            }
        };
        let ua = opts
            .user_agent
            .unwrap_or_else(|| format!("docker-containers/{}", env!("CARGO_PKG_VERSION")));
        let user_agent = HeaderValue::from_str(&ua)
            .map_err(|_| Error::invalid(format!("user_agent {ua:?} is not a valid header")))?;
        let timeout = opts.timeout.unwrap_or(DEFAULT_TIMEOUT);
        let pool = opts.max_pool_size.unwrap_or(DEFAULT_MAX_POOL_SIZE);
        if pool == 0 {
            return Err(Error::invalid("max_pool_size must be at least 1"));
        }
        Ok(Client {
            inner: Arc::new(Inner {
                host,
                tls,
                ssh,
                pool,
                pinned,
                negotiated: tokio::sync::OnceCell::new(),
                timeout,
                user_agent,
                direct: std::sync::Mutex::new((std::process::id(), Vec::new())),
                events_hub: Default::default(),
            }),
        })
    }

    /// The container-events subscription this client's readiness waits share.
    pub fn events_hub(&self) -> &super::events::Hub {
        &self.inner.events_hub
    }

    /// The engine's address, as a user would write it.
    pub fn address(&self) -> String {
        self.inner.host.display()
    }

    /// The per-call timeout.
    pub fn call_timeout(&self) -> Duration {
        self.inner.timeout
    }

    /// The API version requests use: the pinned one, or min(engine, MAX_API_VERSION), asked once.
    pub async fn api_version(&self) -> Result<ApiVersion> {
        if let Some(v) = self.inner.pinned {
            return Ok(v);
        }
        self.inner
            .negotiated
            .get_or_try_init(|| async {
                // Boxed: asking the version goes through `send`, which asks the version.
                let engine = Box::pin(self.engine_api_version()).await?;
                if engine < MIN_API_VERSION {
                    return Err(Error::Api {
                        status: 0,
                        message: format!(
                            "the engine at {} speaks API {engine}, older than the oldest this library supports ({MIN_API_VERSION})",
                            self.address()
                        ),
                    });
                }
                Ok(engine.min(MAX_API_VERSION))
            })
            .await
            .copied()
    }

    /// The engine's own newest API version, from /_ping's header (or /version).
    pub async fn engine_api_version(&self) -> Result<ApiVersion> {
        // On a direct connection, like every call.
        let req = Request::get("/_ping").unversioned();
        let (limit, what) = (self.limit(req.timeout), describe(&req));
        let (_, headers, _) = self.within(limit, what, self.call_direct(req)).await?;
        let header = headers
            .get("api-version")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        if let Some(v) = header {
            return ApiVersion::parse(&v);
        }
        let body = self.call(Request::get("/version").unversioned()).await?;
        let v: serde_json::Value = decode_json(&body)?;
        match v.get("ApiVersion").and_then(|v| v.as_str()) {
            Some(s) => ApiVersion::parse(s),
            None => Err(Error::Protocol(
                "the engine's /version has no ApiVersion".into(),
            )),
        }
    }

    fn limit(&self, t: Timeout) -> Option<Duration> {
        match t {
            Timeout::Default => Some(self.inner.timeout),
            Timeout::After(d) => Some(d),
            Timeout::Never => None,
        }
    }

    /// Run `fut` within `limit`; past it, a timeout error naming the request and the engine.
    async fn within<T>(
        &self,
        limit: Option<Duration>,
        what: String,
        fut: impl std::future::Future<Output = Result<T>>,
    ) -> Result<T> {
        match limit {
            Some(d) => tokio::time::timeout(d, fut).await.unwrap_or_else(|_| {
                Err(Error::Timeout(format!(
                    "{what}: no answer from {} within {d:?}",
                    self.address()
                )))
            }),
            None => fut.await,
        }
    }

    async fn path_and_query(&self, req: &mut Request) -> Result<String> {
        check_path(req)?;
        let mut pq = if req.versioned {
            format!("/v{}{}", self.api_version().await?, req.path)
        } else {
            req.path.clone()
        };
        let query = std::mem::take(&mut req.query);
        if !query.is_empty() {
            pq.push('?');
            pq.push_str(&query);
        }
        Ok(pq)
    }

    /// Send a streaming request on a connection of its own, driven by the task that reads the
    /// body: no hop between threads for each chunk, and no pooled connection held by a long
    /// stream. The time limit covers connecting and the response headers.
    pub async fn send_stream(&self, req: Request) -> Result<(hyper::HeaderMap, ByteStream)> {
        let (limit, what) = (self.limit(req.timeout), describe(&req));
        self.within(limit, what, self.send_stream_inner(req)).await
    }

    async fn send_stream_inner(&self, mut req: Request) -> Result<(hyper::HeaderMap, ByteStream)> {
        let what = describe(&req);
        let request = self.direct_request_of(&mut req).await?;
        let mut dc = self.open_direct(false).await?;
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
            use futures_util::StreamExt;
            let mut body = body;
            let mut text = Vec::new();
            let read = async {
                while let Some(Ok(b)) = body.next().await {
                    if text.len() < 64 * 1024 {
                        text.extend_from_slice(&b);
                    }
                }
            };
            let _ = tokio::time::timeout(Duration::from_secs(10), read).await;
            return Err(api_error(status, &text));
        }
        Ok((headers, body))
    }

    /// Send a request and read the whole body, all within the call's time limit.
    pub async fn call(&self, req: Request) -> Result<Bytes> {
        self.call_with_status(req).await.map(|(_, b)| b)
    }

    /// Like `call`, also returning the status (to tell 204 from 304, say).
    pub async fn call_with_status(&self, req: Request) -> Result<(StatusCode, Bytes)> {
        let (limit, what) = (self.limit(req.timeout), describe(&req));
        let (status, _, body) = self.within(limit, what, self.call_direct(req)).await?;
        Ok((status, body))
    }

    /// Like `call_with_status`, also returning the answer's headers.
    pub async fn call_with_headers(
        &self,
        req: Request,
    ) -> Result<(StatusCode, hyper::HeaderMap, Bytes)> {
        let (limit, what) = (self.limit(req.timeout), describe(&req));
        self.within(limit, what, self.call_direct(req)).await
    }

    /// A whole-body call on a kept-alive connection driven right here.
    async fn call_direct(&self, mut req: Request) -> Result<(StatusCode, hyper::HeaderMap, Bytes)> {
        let (what, not_modified_ok) = (describe(&req), req.not_modified_ok);
        let request = self.direct_request_of(&mut req).await?;
        let mut dc = match self.take_idle() {
            Some(dc) => dc,
            None => self.open_direct(false).await?,
        };
        let response = roundtrip(&mut dc, request).await?;
        let status = response.status();
        let (parts, body) = response.into_parts();
        let body = read_whole(&mut dc, body).await?;
        self.give_back(dc);
        check_status(status, &parts.headers, &body, &what, not_modified_ok)?;
        Ok((status, parts.headers, body))
    }

    /// An idle connection that still looks open, if any.
    fn take_idle(&self) -> Option<DirectConn> {
        let mut pool = self.inner.direct.lock().unwrap_or_else(|p| p.into_inner());
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
                return Some(dc);
            }
        }
        None
    }

    fn give_back(&self, mut dc: DirectConn) {
        use futures_util::future::FusedFuture;
        use futures_util::FutureExt;
        if dc.conn.is_terminated()
            || (&mut dc.conn).now_or_never().is_some()
            || !dc.sender.is_ready()
        {
            return;
        }
        let mut pool = self.inner.direct.lock().unwrap_or_else(|p| p.into_inner());
        if pool.0 != std::process::id() {
            return;
        }
        if pool.1.len() >= self.inner.pool {
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
            let _ = KEPT_BY_THIS_THREAD.try_with(|k| k.note(&self.inner));
        }
    }

    /// A new connection to the engine. `upgrades`: it may be taken over after a 101 answer
    /// (attach, interactive exec), so it is never given back to the pool.
    async fn open_direct(&self, upgrades: bool) -> Result<DirectConn> {
        let connect_err = |e: std::io::Error| Error::Connection {
            addr: self.address(),
            reason: e.to_string(),
        };
        let timed_out = || Error::Connection {
            addr: self.address(),
            reason: "connect timed out".into(),
        };
        let io: Box<dyn Io> = match &self.inner.host {
            Host::Unix(path) => {
                // hyperlocal's connector: the unix-socket transport the design names.
                use tower_service::Service;
                let uri: Uri = hyperlocal::Uri::new(path, "/").into();
                let io = tokio::time::timeout(CONNECT_TIMEOUT, UnixConnector.call(uri))
                    .await
                    .map_err(|_| timed_out())?
                    .map_err(connect_err)?;
                Box::new(io)
            }
            Host::Ssh { .. } => {
                let target = self.inner.ssh.as_ref().expect("an ssh target");
                let io = target.spawn().map_err(|e| Error::Connection {
                    addr: self.address(),
                    reason: e.to_string(),
                })?;
                Box::new(hyper_util::rt::TokioIo::new(io))
            }
            Host::Tcp { host, port } if self.inner.tls.is_some() => {
                let tls = self.inner.tls.as_ref().expect("checked");
                let io = tokio::time::timeout(CONNECT_TIMEOUT, tls::connect(tls, host, *port))
                    .await
                    .map_err(|_| timed_out())?
                    .map_err(|e| match tls::tls_reason(&e) {
                        Some(why) => Error::Tls(format!("{}: {why}", self.address())),
                        None => connect_err(e),
                    })?;
                Box::new(hyper_util::rt::TokioIo::new(io))
            }
            Host::Tcp { host, port } => {
                let io = tokio::time::timeout(
                    CONNECT_TIMEOUT,
                    tokio::net::TcpStream::connect((host.as_str(), *port)),
                )
                .await
                .map_err(|_| timed_out())?
                .map_err(connect_err)?;
                let _ = io.set_nodelay(true);
                Box::new(hyper_util::rt::TokioIo::new(io))
            }
        };
        let mut builder = hyper::client::conn::http1::Builder::new();
        builder.read_buf_exact_size(Some(64 * 1024));
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
        })
    }

    /// The hyper request for a direct connection: path-only URI and a Host header.
    async fn direct_request_of(&self, req: &mut Request) -> Result<hyper::Request<Body>> {
        let pq = self.path_and_query(req).await?;
        let uri = pq
            .parse::<Uri>()
            .map_err(|e| Error::invalid(format!("bad request path {pq:?}: {e}")))?;
        let mut request = self.build(req, uri)?;
        request
            .headers_mut()
            .insert(hyper::header::HOST, HeaderValue::from_static("docker"));
        Ok(request)
    }

    /// The hyper request for `req` at `uri`: method, user agent, content type, extra headers,
    /// body (taken out of `req`).
    fn build(&self, req: &mut Request, uri: Uri) -> Result<hyper::Request<Body>> {
        let mut builder = hyper::Request::builder()
            .method(req.method.clone())
            .uri(uri)
            .header(USER_AGENT, self.inner.user_agent.clone());
        if let Some(ct) = req.content_type {
            builder = builder.header(CONTENT_TYPE, ct);
        }
        for (k, v) in req.headers.drain(..) {
            builder = builder.header(k, v);
        }
        let body = req.body.take().unwrap_or_else(empty_body);
        builder
            .body(body)
            .map_err(|e| Error::Internal(format!("building request: {e}")))
    }

    /// Send a request that takes over the connection (attach, interactive exec): asks for
    /// `Upgrade: tcp`, expects 101, and returns the raw two-way connection with the response
    /// headers. The time limit covers connecting and getting the 101. The connection is one of
    /// its own, driven by whoever reads and writes it.
    pub async fn upgrade(
        &self,
        req: Request,
    ) -> Result<(hyper::HeaderMap, hyper::upgrade::Upgraded)> {
        let (limit, what) = (self.limit(req.timeout), describe(&req));
        self.within(limit, what.clone(), async {
            let mut req = req
                .header(
                    hyper::header::CONNECTION,
                    HeaderValue::from_static("Upgrade"),
                )
                .header(hyper::header::UPGRADE, HeaderValue::from_static("tcp"));
            let request = self.direct_request_of(&mut req).await?;
            let mut dc = self.open_direct(true).await?;
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
        })
        .await
    }

    /// `GET /_ping`: "OK" when the engine is up.
    pub async fn ping(&self) -> Result<String> {
        let b = self.call(Request::get("/_ping").unversioned()).await?;
        Ok(String::from_utf8_lossy(&b).into_owned())
    }

    /// `GET /version`, the engine's JSON as it comes.
    pub async fn version(&self) -> Result<Bytes> {
        self.call(Request::get("/version")).await
    }

    /// `GET /info`, the engine's JSON as it comes.
    pub async fn info(&self) -> Result<Bytes> {
        self.call(Request::get("/info")).await
    }
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
fn describe(req: &Request) -> String {
    format!("{} {}", req.method, req.path)
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
fn check_path(req: &Request) -> Result<()> {
    let bad = req
        .path
        .strip_prefix('/')
        .unwrap_or(&req.path)
        .split('/')
        .any(|raw| {
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

/// What a connection runs over: a unix or tcp socket, a TLS stream, an ssh child's pipes.
trait Io: hyper::rt::Read + hyper::rt::Write + Send + Unpin {}
impl<T: hyper::rt::Read + hyper::rt::Write + Send + Unpin> Io for T {}

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
    tokio::pin!(fut);
    if conn.is_terminated() {
        return Ok(fut.await);
    }
    tokio::select! {
        biased;
        r = &mut fut => Ok(r),
        c = &mut *conn => {
            // The connection ended; the answer may still be complete in its buffers.
            match futures_util::FutureExt::now_or_never(&mut fut) {
                Some(r) => Ok(r),
                None => Err(match c {
                    Err(e) => conn_error(e, addr),
                    Ok(()) => Error::ConnectionLost {
                        addr: addr.to_string(),
                        reason: "the engine closed the connection before answering".into(),
                    },
                }),
            }
        }
    }
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
