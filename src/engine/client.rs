//! The engine client: its settings put together (transport, HTTP path, API version), and
//! each call within its time limit. The pieces live beside it: config.rs (options), version.rs
//! (negotiation), transport/ (connecting), http.rs (requests and kept-alive connections).

use super::http::{check_path, describe, Http};
use super::version::{self, Negotiation};
use super::{Error, Result};
use bytes::Bytes;
use hyper::header::HeaderValue;
use hyper::StatusCode;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

// The paths callers know (`engine::client::X`).
pub use super::config::{ClientOptions, DEFAULT_MAX_POOL_SIZE, DEFAULT_TIMEOUT};
pub use super::http::{
    collect, decode_json, empty_body, full_body, sized_body, Body, BoxError, ByteStream, Request,
    Timeout,
};
pub use super::transport::CONNECT_TIMEOUT;
pub use super::version::{ApiVersion, MAX_API_VERSION, MIN_API_VERSION};

struct Inner {
    http: Http,
    version: Negotiation,
    timeout: Duration,
    /// The container-events subscription readiness waits share (events.rs).
    events_hub: super::events::Hub,
}

/// A client for one engine. Cheap to clone; safe to use from many tasks and threads at once.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("host", &self.address())
            .finish()
    }
}

impl Client {
    /// Build a client. Nothing is sent until the first call.
    pub fn new(opts: ClientOptions) -> Result<Client> {
        let url = opts.base_url.as_deref().unwrap_or("");
        let tls = opts.tls_wanted().then(|| opts.tls_settings());
        let transport = super::transport::Transport::new(url, tls, &opts.ssh_options)?;
        let version = Negotiation::new(opts.version.as_deref())?;
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
                http: Http::new(transport, user_agent, pool),
                version,
                timeout,
                events_hub: Default::default(),
            }),
        })
    }

    /// The container-events subscription this client's readiness waits share.
    pub fn events_hub(&self) -> &super::events::Hub {
        &self.inner.events_hub
    }

    /// Close this client's idle kept-alive connections (docker-py's `close`). The client and
    /// its clones stay usable: the next call opens a connection again.
    pub fn close_idle(&self) {
        self.inner.http.close_idle()
    }

    /// The engine's address, as a user would write it.
    pub fn address(&self) -> String {
        self.inner.http.address()
    }

    /// The per-call timeout.
    pub fn call_timeout(&self) -> Duration {
        self.inner.timeout
    }

    /// The API version requests use: the pinned one, or min(engine, MAX_API_VERSION), asked once.
    pub async fn api_version(&self) -> Result<ApiVersion> {
        if let Some(v) = self.inner.version.settled() {
            return Ok(v);
        }
        let addr = self.address();
        self.inner
            .version
            // Boxed: asking the version goes through `send`, which asks the version.
            .get(&addr, || Box::pin(self.engine_api_version()))
            .await
    }

    /// The engine's own newest API version, from /_ping's header (or /version).
    pub async fn engine_api_version(&self) -> Result<ApiVersion> {
        // On a direct connection, like every call.
        let req = Request::get("/_ping").unversioned();
        let (limit, what) = (self.limit(req.timeout), describe(&req));
        let (_, headers, _) = self.within(limit, what, self.call_direct(req)).await?;
        if let Some(v) = version::from_ping_headers(&headers) {
            return v;
        }
        let body = self.call(Request::get("/version").unversioned()).await?;
        version::from_version_body(&body)
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

    /// The checked path with its /vX.Y prefix, and the query (taken out of `req`).
    async fn path_and_query(&self, req: &mut Request) -> Result<String> {
        check_path(req)?;
        let query = std::mem::take(&mut req.query);
        let mut pq = String::with_capacity(8 + req.path.len() + 1 + query.len());
        if req.versioned {
            let ApiVersion(major, minor) = self.api_version().await?;
            use std::fmt::Write as _;
            let _ = write!(pq, "/v{major}.{minor}");
        }
        pq.push_str(&req.path);
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
        self.within(limit, what, async {
            let mut req = req;
            let pq = self.path_and_query(&mut req).await?;
            self.inner.http.stream(req, &pq).await
        })
        .await
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
        let pq = self.path_and_query(&mut req).await?;
        self.inner.http.call(req, &pq).await
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
        self.within(limit, what, async {
            let mut req = req
                .header(
                    hyper::header::CONNECTION,
                    HeaderValue::from_static("Upgrade"),
                )
                .header(hyper::header::UPGRADE, HeaderValue::from_static("tcp"));
            let pq = self.path_and_query(&mut req).await?;
            self.inner.http.upgrade(req, &pq).await
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
