//! The engine client: one connection pool per client, API version negotiation, requests with
//! per-call timeouts, and error bodies turned into `Error::Api` with the engine's own message.

use super::host::Host;
use super::opts::Opts;
use super::ssh::{ssh_reason, SshConnector, SshTarget};
use super::tls::{self, Tls, TlsSettings};
use super::{Error, Result};
use bytes::Bytes;
use futures_util::Stream;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Empty, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderName, HeaderValue, CONTENT_TYPE, USER_AGENT};
use hyper::{Method, Response, StatusCode, Uri};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::rt::TokioExecutor;
use hyperlocal::UnixConnector;
use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
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

enum Transport {
    Unix {
        client: HyperClient<UnixConnector, Body>,
        path: PathBuf,
    },
    Tcp {
        client: HyperClient<HttpConnector, Body>,
        authority: String,
    },
    Tls {
        client: HyperClient<tls::TlsConnector, Body>,
        authority: String,
    },
    Ssh {
        client: HyperClient<SshConnector, Body>,
    },
}

impl Transport {
    fn build(host: &Host, pool: usize, tls: Option<&Tls>, ssh: Option<&SshTarget>) -> Transport {
        let mut b = HyperClient::builder(TokioExecutor::new());
        b.pool_max_idle_per_host(pool)
            .pool_idle_timeout(Duration::from_secs(30));
        match host {
            Host::Unix(path) => Transport::Unix {
                client: b.build(UnixConnector),
                path: path.clone(),
            },
            Host::Ssh { .. } => Transport::Ssh {
                client: b.build(SshConnector(ssh.expect("an ssh target").clone())),
            },
            Host::Tcp { host, port } if tls.is_some() => Transport::Tls {
                client: b.build(tls::TlsConnector {
                    tls: tls.expect("checked").clone(),
                    host: host.clone(),
                    port: *port,
                }),
                authority: if host.contains(':') {
                    format!("[{host}]:{port}")
                } else {
                    format!("{host}:{port}")
                },
            },
            Host::Tcp { host, port } => {
                let mut conn = HttpConnector::new();
                conn.set_nodelay(true);
                conn.set_connect_timeout(Some(CONNECT_TIMEOUT));
                let authority = if host.contains(':') {
                    format!("[{host}]:{port}")
                } else {
                    format!("{host}:{port}")
                };
                Transport::Tcp {
                    client: b.build(conn),
                    authority,
                }
            }
        }
    }

    fn uri(&self, path_and_query: &str) -> Result<Uri> {
        match self {
            Transport::Unix { path, .. } => Ok(hyperlocal::Uri::new(path, path_and_query).into()),
            Transport::Ssh { .. } => format!("http://docker{path_and_query}")
                .parse()
                .map_err(|e| Error::invalid(format!("bad request path {path_and_query:?}: {e}"))),
            Transport::Tcp { authority, .. } | Transport::Tls { authority, .. } => {
                format!("http://{authority}{path_and_query}")
                    .parse()
                    .map_err(|e| {
                        Error::invalid(format!("bad request path {path_and_query:?}: {e}"))
                    })
            }
        }
    }

    async fn send(
        &self,
        req: hyper::Request<Body>,
    ) -> std::result::Result<Response<Incoming>, hyper_util::client::legacy::Error> {
        match self {
            Transport::Unix { client, .. } => client.request(req).await,
            Transport::Tcp { client, .. } => client.request(req).await,
            Transport::Tls { client, .. } => client.request(req).await,
            Transport::Ssh { client } => client.request(req).await,
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
}

/// Pools inherited from a parent process, parked (never used, never dropped) after fork().
static FORKED_LEFTOVERS: std::sync::Mutex<Vec<Arc<Transport>>> = std::sync::Mutex::new(Vec::new());

struct Inner {
    host: Host,
    /// Set for a TLS engine.
    tls: Option<Tls>,
    /// Set for an ssh:// engine.
    ssh: Option<SshTarget>,
    pool: usize,
    /// The pool, with the pid it was made in: a forked child builds its own.
    transport: RwLock<(u32, Arc<Transport>)>,
    pinned: Option<ApiVersion>,
    negotiated: tokio::sync::OnceCell<ApiVersion>,
    timeout: Duration,
    user_agent: HeaderValue,
    /// Idle keep-alive connections for whole-body calls, driven by the calling task while in
    /// use (no thread hop per call), with the pid they were made in.
    direct: std::sync::Mutex<(u32, Vec<DirectConn>)>,
}

/// Connections inherited from a parent process: parked, never used or dropped (dropping one
/// would touch the parent's epoll set, which the child shares).
static FORKED_DIRECT: std::sync::Mutex<Vec<DirectConn>> = std::sync::Mutex::new(Vec::new());

/// One HTTP/1.1 connection and its driver.
struct DirectConn {
    /// The runtime whose I/O driver the socket is registered with: `None` for a multi-thread
    /// runtime, or the thread of a current-thread runtime (which only drives I/O while that
    /// thread is inside it). A connection is reused only where its driver runs.
    driver: Option<std::thread::ThreadId>,
    sender: hyper::client::conn::http1::SendRequest<Body>,
    /// Fused: once the connection has ended, polling it again is harmless.
    conn: FusedConn,
}

type FusedConn = futures_util::future::Fuse<ConnFuture>;

/// The driver tag for connections opened by the current task (see `DirectConn::driver`).
fn driver_tag() -> Option<std::thread::ThreadId> {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current() {
        Ok(h) if h.runtime_flavor() == RuntimeFlavor::CurrentThread => {
            Some(std::thread::current().id())
        }
        _ => None,
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
        let transport = Transport::build(&host, pool, tls.as_ref(), ssh.as_ref());
        Ok(Client {
            inner: Arc::new(Inner {
                host,
                tls,
                ssh,
                pool,
                transport: RwLock::new((std::process::id(), Arc::new(transport))),
                pinned,
                negotiated: tokio::sync::OnceCell::new(),
                timeout,
                user_agent,
                direct: std::sync::Mutex::new((std::process::id(), Vec::new())),
            }),
        })
    }

    /// The engine's address, as a user would write it.
    pub fn address(&self) -> String {
        self.inner.host.display()
    }

    /// The per-call timeout.
    pub fn call_timeout(&self) -> Duration {
        self.inner.timeout
    }

    fn transport(&self) -> Arc<Transport> {
        let pid = std::process::id();
        {
            let t = self
                .inner
                .transport
                .read()
                .unwrap_or_else(|p| p.into_inner());
            if t.0 == pid {
                return t.1.clone();
            }
        }
        // A forked child: the parent's connections are not ours to use. Start a new pool.
        let mut t = self
            .inner
            .transport
            .write()
            .unwrap_or_else(|p| p.into_inner());
        if t.0 != pid {
            let old = std::mem::replace(
                &mut t.1,
                Arc::new(Transport::build(
                    &self.inner.host,
                    self.inner.pool,
                    self.inner.tls.as_ref(),
                    self.inner.ssh.as_ref(),
                )),
            );
            // Its connections belong to the parent's runtime: never drop them here. Kept
            // reachable rather than forgotten, so leak checkers in the child stay quiet.
            FORKED_LEFTOVERS
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(old);
            t.0 = pid;
        }
        t.1.clone()
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
        // On a direct connection, like every whole-body call: the legacy pool's connections
        // belong to whichever runtime made them, and this may run on a caller's own runtime.
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

    /// Send a request and return the response once its headers arrive. The time limit covers
    /// connecting and waiting for the headers; reading the body is the caller's business.
    /// Statuses >= 400 become `Error::Api` carrying the engine's message.
    pub async fn send(&self, req: Request) -> Result<Response<Incoming>> {
        let (limit, what) = (self.limit(req.timeout), describe(&req));
        self.within(limit, what, self.send_inner(req)).await
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
        let request = self.direct_request_of(&mut req).await?;
        let mut dc = self.open_direct().await?;
        let response = roundtrip(&mut dc, request).await?;
        let status = response.status();
        let headers = response.headers().clone();
        let body: ByteStream = Box::pin(DirectBody {
            body: response.into_body(),
            conn: Some(dc.conn),
            _sender: dc.sender,
        });
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

    async fn send_inner(&self, mut req: Request) -> Result<Response<Incoming>> {
        let pq = self.path_and_query(&mut req).await?;
        let transport = self.transport();
        let request = self.build(&mut req, transport.uri(&pq)?)?;
        let resp = transport
            .send(request)
            .await
            .map_err(|e| self.transport_error(&req.method, &req.path, e))?;
        if resp.status().as_u16() >= 400 {
            return Err(error_from_response(resp).await);
        }
        Ok(resp)
    }

    fn transport_error(
        &self,
        method: &Method,
        path: &str,
        e: hyper_util::client::legacy::Error,
    ) -> Error {
        let mut reason = e.to_string();
        let mut src = std::error::Error::source(&e);
        while let Some(s) = src {
            reason.push_str(": ");
            reason.push_str(&s.to_string());
            src = s.source();
        }
        if let Some(why) = tls::tls_reason(&e) {
            return Error::Tls(format!("{}: {why}", self.address()));
        }
        if let Some(said) = ssh_reason(&e) {
            return Error::Connection {
                addr: self.address(),
                reason: said,
            };
        }
        if e.is_connect() {
            Error::Connection {
                addr: self.address(),
                reason,
            }
        } else {
            Error::Connection {
                addr: self.address(),
                reason: format!("{method} {path}: {reason}"),
            }
        }
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
        let request = self.direct_request_of(&mut req).await?;
        let mut dc = match self.take_idle() {
            Some(dc) => dc,
            None => self.open_direct().await?,
        };
        let response = roundtrip(&mut dc, request).await?;
        let status = response.status();
        let (parts, mut body) = response.into_parts();
        let mut buf = bytes::BytesMut::new();
        loop {
            let frame = drive(
                &mut dc.conn,
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
                Some(Err(e)) => {
                    return Err(Error::Protocol(format!("reading the engine's answer: {e}")))
                }
                None => break,
            }
        }
        let body = buf.freeze();
        self.give_back(dc);
        if status.as_u16() >= 400 {
            return Err(api_error(status, &body));
        }
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
        pool.1.push(dc);
    }

    async fn open_direct(&self) -> Result<DirectConn> {
        let connect_err = |e: std::io::Error| Error::Connection {
            addr: self.address(),
            reason: e.to_string(),
        };
        let proto = |e: hyper::Error| Error::Protocol(format!("talking to the engine: {e}"));
        let builder = {
            let mut b = hyper::client::conn::http1::Builder::new();
            b.read_buf_exact_size(Some(64 * 1024));
            b
        };
        let (sender, conn): (_, ConnFuture) = match &self.inner.host {
            Host::Unix(path) => {
                let io = tokio::net::UnixStream::connect(path)
                    .await
                    .map_err(connect_err)?;
                let (s, c) = builder
                    .handshake::<_, Body>(hyper_util::rt::TokioIo::new(io))
                    .await
                    .map_err(proto)?;
                (s, Box::pin(c) as ConnFuture)
            }
            Host::Ssh { .. } => {
                let target = self.inner.ssh.as_ref().expect("an ssh target");
                let io = target.spawn().map_err(|e| Error::Connection {
                    addr: self.address(),
                    reason: e.to_string(),
                })?;
                let (s, c) = builder
                    .handshake::<_, Body>(hyper_util::rt::TokioIo::new(io))
                    .await
                    .map_err(proto)?;
                (s, Box::pin(c))
            }
            Host::Tcp { host, port } if self.inner.tls.is_some() => {
                let tls = self.inner.tls.as_ref().expect("checked");
                let io = tokio::time::timeout(CONNECT_TIMEOUT, tls::connect(tls, host, *port))
                    .await
                    .map_err(|_| Error::Connection {
                        addr: self.address(),
                        reason: "connect timed out".into(),
                    })?
                    .map_err(|e| match tls::tls_reason(&e) {
                        Some(why) => Error::Tls(format!("{}: {why}", self.address())),
                        None => connect_err(e),
                    })?;
                let (s, c) = builder
                    .handshake::<_, Body>(hyper_util::rt::TokioIo::new(io))
                    .await
                    .map_err(proto)?;
                (s, Box::pin(c))
            }
            Host::Tcp { host, port } => {
                let io = tokio::time::timeout(
                    CONNECT_TIMEOUT,
                    tokio::net::TcpStream::connect((host.as_str(), *port)),
                )
                .await
                .map_err(|_| Error::Connection {
                    addr: self.address(),
                    reason: "connect timed out".into(),
                })?
                .map_err(connect_err)?;
                let _ = io.set_nodelay(true);
                let (s, c) = builder
                    .handshake::<_, Body>(hyper_util::rt::TokioIo::new(io))
                    .await
                    .map_err(proto)?;
                (s, Box::pin(c))
            }
        };
        Ok(DirectConn {
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
    /// headers. The time limit covers getting the 101.
    pub async fn upgrade(
        &self,
        req: Request,
    ) -> Result<(hyper::HeaderMap, hyper::upgrade::Upgraded)> {
        let what = describe(&req);
        let req = req
            .header(
                hyper::header::CONNECTION,
                HeaderValue::from_static("Upgrade"),
            )
            .header(hyper::header::UPGRADE, HeaderValue::from_static("tcp"));
        let resp = self.send(req).await?;
        if resp.status() != StatusCode::SWITCHING_PROTOCOLS {
            return Err(Error::Protocol(format!(
                "{what}: the engine answered {} instead of switching protocols",
                resp.status()
            )));
        }
        let headers = resp.headers().clone();
        let io = hyper::upgrade::on(resp)
            .await
            .map_err(|e| Error::Protocol(format!("{what}: taking over the connection: {e}")))?;
        Ok((headers, io))
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

/// Read a whole response body.
pub async fn read_body(body: Incoming) -> Result<Bytes> {
    body.collect()
        .await
        .map(|c| c.to_bytes())
        .map_err(|e| Error::Protocol(format!("reading the engine's answer: {e}")))
}

/// A response body as a stream of byte chunks, as they come off the socket.
pub fn body_stream(body: Incoming) -> impl Stream<Item = Result<Bytes>> + Send + Unpin + 'static {
    use futures_util::StreamExt;
    http_body_util::BodyDataStream::new(body)
        .map(|r| r.map_err(|e| Error::Protocol(format!("reading the engine's stream: {e}"))))
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

/// Turn an error response into `Error::Api` with the engine's own message.
pub async fn error_from_response(resp: Response<Incoming>) -> Error {
    let status = resp.status();
    let body =
        match tokio::time::timeout(Duration::from_secs(10), read_body(resp.into_body())).await {
            Ok(Ok(b)) => b,
            _ => Bytes::new(),
        };
    api_error(status, &body)
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

/// Send a request on a direct connection, driving the connection until the answer's headers.
async fn roundtrip(
    dc: &mut DirectConn,
    request: hyper::Request<Body>,
) -> Result<Response<Incoming>> {
    let send = dc.sender.send_request(request);
    drive(&mut dc.conn, send).await?.map_err(conn_error)
}

/// A failed exchange on a connection: a TLS failure (a client certificate the server turned
/// down shows only now with TLS 1.3) or a protocol error.
fn conn_error(e: hyper::Error) -> Error {
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
    Error::Protocol(format!("talking to the engine: {e}"))
}

/// Await `fut` while driving the connection; an error if the connection ends first.
async fn drive<F: std::future::Future>(conn: &mut FusedConn, fut: F) -> Result<F::Output> {
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
                    Err(e) => conn_error(e),
                    Ok(()) => Error::Protocol("the engine closed the connection before answering".into()),
                }),
            }
        }
    }
}

/// A response body read on the same task that drives its connection.
struct DirectBody {
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
                        return Poll::Ready(Some(Err(Error::Protocol(format!(
                            "reading the engine's stream: {e}"
                        )))));
                    }
                }
            }
            return match std::pin::Pin::new(&mut this.body).poll_frame(cx) {
                Poll::Ready(Some(Ok(frame))) => match frame.into_data() {
                    Ok(d) if !d.is_empty() => Poll::Ready(Some(Ok(d))),
                    _ => continue,
                },
                Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(Error::Protocol(format!(
                    "reading the engine's stream: {e}"
                ))))),
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
