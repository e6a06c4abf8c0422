//! Files in containers: the archive endpoints (stat, get, put), export and diff. Tar streams
//! pass through as byte streams; nothing is held whole in memory.

use super::client::{Body, Client, Request, Timeout};
use super::containers::seg;
use super::{Error, Result};
use base64::Engine as _;
use bytes::Bytes;
use futures_util::Stream;
use serde_json::Value;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

pub type ByteStream = Pin<Box<dyn Stream<Item = Result<Bytes>> + Send>>;

/// Progress of a copy: told the bytes of the tar stream so far and its size when known;
/// returning `false` stops the copy with Error::StoppedByCallback.
pub type Progress = Box<dyn FnMut(u64, Option<u64>) -> bool + Send>;

/// Bytes between two progress reports (a report comes after a chunk that reaches it).
pub const PROGRESS_STEP: u64 = 64 * 1024;

/// Counts the bytes of a tar stream as they pass and tells a Progress: after every
/// PROGRESS_STEP or more, and once at the end with the final count. It never holds the bytes.
pub struct Meter {
    progress: Progress,
    total: Option<u64>,
    done: u64,
    told: Option<u64>,
    stopped: Arc<AtomicBool>,
}

impl Meter {
    pub fn new(progress: Progress, total: Option<u64>) -> Meter {
        Meter {
            progress,
            total,
            done: 0,
            told: None,
            stopped: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Set once the Progress has asked to stop: an upload's failure is then the caller's stop,
    /// not the connection error the aborted request shows as.
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        self.stopped.clone()
    }

    fn tell(&mut self) -> Result<()> {
        self.told = Some(self.done);
        if (self.progress)(self.done, self.total) {
            Ok(())
        } else {
            self.stopped.store(true, Ordering::SeqCst);
            Err(Error::StoppedByCallback)
        }
    }

    fn add(&mut self, n: usize) -> Result<()> {
        self.done += n as u64;
        // At a known total the final report comes now: hyper stops polling a body of known
        // length once it has sent that many bytes, so its end may never be seen.
        if self.done - self.told.unwrap_or(0) >= PROGRESS_STEP
            || self.total.is_some_and(|t| self.done >= t)
        {
            return self.tell();
        }
        Ok(())
    }

    /// The final report, unless the last one already gave the final count.
    fn end(&mut self) -> Result<()> {
        if self.told == Some(self.done) {
            return Ok(());
        }
        self.tell()
    }
}

/// A download's byte stream, counted by `meter` (unchanged without one). A stop ends it with
/// Error::StoppedByCallback, which drops the connection with the stream.
pub fn metered(s: ByteStream, meter: Option<Meter>) -> ByteStream {
    match meter {
        None => s,
        Some(meter) => Box::pin(MeteredStream {
            inner: s,
            meter,
            over: false,
        }),
    }
}

struct MeteredStream {
    inner: ByteStream,
    meter: Meter,
    over: bool,
}

impl Stream for MeteredStream {
    type Item = Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Bytes>>> {
        let this = &mut *self;
        if this.over {
            return Poll::Ready(None);
        }
        match this.inner.as_mut().poll_next(cx) {
            Poll::Ready(Some(Ok(b))) => match this.meter.add(b.len()) {
                Ok(()) => Poll::Ready(Some(Ok(b))),
                Err(e) => {
                    this.over = true;
                    Poll::Ready(Some(Err(e)))
                }
            },
            Poll::Ready(Some(Err(e))) => {
                this.over = true;
                Poll::Ready(Some(Err(e)))
            }
            Poll::Ready(None) => {
                this.over = true;
                Poll::Ready(this.meter.end().err().map(Err))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

/// An upload's body, counted by `meter` as hyper takes its frames. Its length (Content-Length)
/// is kept; a stop fails the body, so hyper aborts the request and drops the connection.
fn metered_body(inner: Body, meter: Meter) -> Body {
    use http_body_util::BodyExt;
    MeteredBody {
        inner,
        meter,
        over: false,
    }
    .boxed_unsync()
}

struct MeteredBody {
    inner: Body,
    meter: Meter,
    over: bool,
}

impl hyper::body::Body for MeteredBody {
    type Data = Bytes;
    type Error = super::client::BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<std::result::Result<hyper::body::Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        if this.over {
            return Poll::Ready(None);
        }
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                let n = frame.data_ref().map_or(0, Bytes::len);
                match this.meter.add(n) {
                    Ok(()) => Poll::Ready(Some(Ok(frame))),
                    Err(e) => {
                        this.over = true;
                        Poll::Ready(Some(Err(Box::new(e))))
                    }
                }
            }
            Poll::Ready(Some(Err(e))) => {
                this.over = true;
                Poll::Ready(Some(Err(e)))
            }
            Poll::Ready(None) => {
                this.over = true;
                Poll::Ready(this.meter.end().err().map(|e| Err(Box::new(e) as _)))
            }
            Poll::Pending => Poll::Pending,
        }
    }

    // Never "ended" before the inner body says None: the final report comes from that poll.
    fn is_end_stream(&self) -> bool {
        self.over
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        self.inner.size_hint()
    }
}

/// A buffer as a body of 64 KiB frames (zero-copy slices) with its Content-Length, so that a
/// metered upload reports as it goes.
pub fn buffer_body(b: Bytes) -> Body {
    use http_body_util::BodyExt;
    let len = b.len() as u64;
    let step = PROGRESS_STEP as usize;
    let frames: Vec<_> = (0..b.len())
        .step_by(step)
        .map(|at| {
            Ok::<_, super::client::BoxError>(hyper::body::Frame::data(
                b.slice(at..(at + step).min(b.len())),
            ))
        })
        .collect();
    super::client::sized_body(
        http_body_util::StreamBody::new(futures_util::stream::iter(frames)).boxed_unsync(),
        len,
    )
}

/// A path's stat, from the engine's X-Docker-Container-Path-Stat header.
#[derive(Debug, Clone, PartialEq)]
pub struct PathStat {
    pub name: String,
    pub size: i64,
    /// Go's os.FileMode: permission bits plus type bits (dir 1<<31, symlink 1<<27, ...).
    pub mode: u32,
    pub mtime: String,
    pub link_target: String,
}

impl PathStat {
    pub fn from_header(h: &str) -> Result<PathStat> {
        let raw = base64::engine::general_purpose::STANDARD
            .decode(h.trim())
            .or_else(|_| base64::engine::general_purpose::URL_SAFE.decode(h.trim()))
            .map_err(|e| Error::Protocol(format!("path stat header is not base64: {e}")))?;
        let v: Value = serde_json::from_slice(&raw)
            .map_err(|e| Error::Protocol(format!("path stat header is not JSON: {e}")))?;
        Ok(PathStat {
            name: v["name"].as_str().unwrap_or_default().to_string(),
            size: v["size"].as_i64().unwrap_or(0),
            mode: v["mode"].as_u64().unwrap_or(0) as u32,
            mtime: v["mtime"].as_str().unwrap_or_default().to_string(),
            link_target: v["linkTarget"].as_str().unwrap_or_default().to_string(),
        })
    }

    pub fn is_dir(&self) -> bool {
        self.mode & (1 << 31) != 0
    }

    pub fn is_symlink(&self) -> bool {
        self.mode & (1 << 27) != 0
    }

    /// JSON for callers: the engine's stat as it sent it (name, size, mode, mtime, linkTarget:
    /// what docker-py's get_archive returns), and beside it mode_bits (the unix permissions),
    /// link_target (linkTarget again), is_dir, is_symlink.
    pub fn to_json(&self) -> Value {
        serde_json::json!({
            "name": self.name,
            "size": self.size,
            "mode": self.mode,
            "mtime": self.mtime,
            "linkTarget": self.link_target,
            "mode_bits": self.mode & 0o7777,
            "link_target": self.link_target,
            "is_dir": self.is_dir(),
            "is_symlink": self.is_symlink(),
        })
    }
}

fn stat_of(h: &hyper::HeaderMap) -> Result<PathStat> {
    let v = h
        .get("x-docker-container-path-stat")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| {
            Error::Protocol("the engine sent no X-Docker-Container-Path-Stat header".into())
        })?;
    PathStat::from_header(v)
}

/// A path argument must name something: an empty or blank one is refused before anything is
/// read or sent (an empty host path would otherwise mean the host's root directory to a copy,
/// and an empty container path is the engine's "/" to some calls and an error to others).
pub fn require_path(what: &str, s: &str) -> Result<()> {
    if s.trim().is_empty() {
        return Err(Error::invalid(format!("{what} is empty")));
    }
    Ok(())
}

fn archive_path(id: &str) -> Result<String> {
    Ok(format!(
        "/containers/{}/archive",
        seg("container id or name", id)?
    ))
}

/// `HEAD /containers/{id}/archive?path=`: the stat alone (404: no such container or path).
pub async fn stat_path(client: &Client, id: &str, path: &str) -> Result<PathStat> {
    require_path("path", path)?;
    let req = Request::new(hyper::Method::HEAD, archive_path(id)?).query("path", path);
    match client.call_with_headers(req).await {
        Ok((_, headers, _)) => stat_of(&headers),
        // A HEAD error has no body, so name what was missing ourselves.
        Err(Error::Api {
            status: 404,
            message,
        }) => Err(Error::Api {
            status: 404,
            message: if message == "Not Found" {
                format!("no such container or path: {id}:{path}")
            } else {
                message
            },
        }),
        Err(e) => Err(e),
    }
}

/// `GET /containers/{id}/archive?path=`: the stat and a tar stream of the path.
pub async fn get_archive(client: &Client, id: &str, path: &str) -> Result<(PathStat, ByteStream)> {
    require_path("path", path)?;
    let (headers, body) = client
        .send_stream(Request::get(archive_path(id)?).query("path", path))
        .await?;
    let stat = stat_of(&headers)?;
    Ok((stat, body))
}

/// `PUT /containers/{id}/archive?path=`: extract a tar (streamed from `body`, counted by
/// `meter` if given) into the existing directory `path`. If the upload breaks off (the engine
/// refused early and closed the connection), the destination is checked so that a missing path
/// is reported as not found, not as a connection error; a stop asked by the meter's Progress
/// is Error::StoppedByCallback.
pub async fn put_archive(
    client: &Client,
    id: &str,
    path: &str,
    body: Body,
    meter: Option<Meter>,
    no_overwrite_dir_non_dir: bool,
    copy_uid_gid: bool,
) -> Result<()> {
    require_path("path", path)?;
    let stopped = meter.as_ref().map(Meter::stop_flag);
    let body = match meter {
        Some(m) => metered_body(body, m),
        None => body,
    };
    let mut req = Request::new(hyper::Method::PUT, archive_path(id)?)
        .query("path", path)
        .body(body, "application/x-tar")
        .timeout(Timeout::Never);
    if no_overwrite_dir_non_dir {
        req = req.query("noOverwriteDirNonDir", "true");
    }
    if copy_uid_gid {
        super::containers::require_version(client, (1, 30), "copyUIDGID").await?;
        req = req.query("copyUIDGID", "true");
    }
    // On a connection of its own, driven here: the upload's chunks do not hop between threads.
    let upload = async {
        use futures_util::StreamExt;
        let (_, mut answer) = client.send_stream(req).await?;
        while let Some(chunk) = answer.next().await {
            chunk?;
        }
        Ok::<(), Error>(())
    };
    let result = upload.await;
    if stopped.is_some_and(|s| s.load(Ordering::SeqCst)) {
        return Err(Error::StoppedByCallback);
    }
    match result {
        Ok(()) => Ok(()),
        Err(e @ Error::Connection { .. })
        | Err(e @ Error::ConnectionLost { .. })
        | Err(e @ Error::Protocol(_)) => match stat_path(client, id, path).await {
            Err(nf @ Error::Api { status: 404, .. }) => Err(nf),
            _ => Err(e),
        },
        Err(e) => Err(e),
    }
}

/// `GET /containers/{id}/export`: the container's whole filesystem as a tar stream.
pub async fn export(client: &Client, id: &str) -> Result<ByteStream> {
    let (_, body) = client
        .send_stream(Request::get(format!(
            "/containers/{}/export",
            seg("container id or name", id)?
        )))
        .await?;
    Ok(body)
}

/// `GET /containers/{id}/changes`: [{Path, Kind}] with Kind 0 modified, 1 added, 2 deleted
/// ([] rather than the engine's null when nothing changed).
pub async fn diff(client: &Client, id: &str) -> Result<Bytes> {
    let b = client
        .call(Request::get(format!(
            "/containers/{}/changes",
            seg("container id or name", id)?
        )))
        .await?;
    if b.as_ref() == b"null" || b.as_ref() == b"null\n" {
        return Ok(Bytes::from_static(b"[]"));
    }
    Ok(b)
}

/// Archive bytes as chunks of kind Data.
pub fn data_chunks(s: ByteStream) -> super::streams::ChunkStream {
    use futures_util::StreamExt;
    Box::pin(s.map(|r| {
        r.map(|data| super::decode::Chunk {
            kind: super::decode::StreamKind::Data,
            data,
        })
    }))
}

/// A byte stream as a request body.
pub fn stream_body(s: ByteStream) -> Body {
    use futures_util::StreamExt;
    use http_body_util::BodyExt;
    let frames = s.map(|r| {
        r.map(hyper::body::Frame::data)
            .map_err(|e| Box::new(e) as super::client::BoxError)
    });
    http_body_util::StreamBody::new(frames).boxed_unsync()
}

/// Write a byte stream to a new or truncated file, chunk by chunk.
pub async fn stream_to_file(mut s: ByteStream, path: &std::path::Path) -> Result<u64> {
    require_path("file_path", &path.to_string_lossy())?;
    use futures_util::StreamExt;
    use tokio::io::AsyncWriteExt;
    let mut f = tokio::fs::File::create(path)
        .await
        .map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
    let mut n = 0u64;
    while let Some(chunk) = s.next().await {
        let chunk = chunk?;
        n += chunk.len() as u64;
        f.write_all(&chunk)
            .await
            .map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
    }
    f.flush()
        .await
        .map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
    Ok(n)
}

/// `docker cp HOST CTR`: copy a host file or directory into the container with the Docker CLI's
/// rules, streamed; `meter` counts the tar stream sent.
pub async fn copy_to(
    client: &Client,
    id: &str,
    host_path: &str,
    container_path: &str,
    meter: Option<Meter>,
    follow_link: bool,
    copy_uid_gid: bool,
) -> Result<()> {
    require_path("host_path", host_path)?;
    require_path("container_path", container_path)?;
    let (host_src, ctr_dst) = (host_path, container_path);
    let src_path = std::path::PathBuf::from(host_src.trim_end_matches("/.").trim_end_matches('/'));
    let src_path = if src_path.as_os_str().is_empty() {
        std::path::PathBuf::from("/")
    } else {
        src_path
    };
    let meta = if follow_link {
        std::fs::metadata(&src_path)
    } else {
        std::fs::symlink_metadata(&src_path)
    }
    .map_err(|e| Error::Io(format!("{}: {e}", src_path.display())))?;
    let mut dst = ctr_dst.to_string();
    let dst_stat = match stat_path(client, id, &dst).await {
        Ok(st) if st.is_symlink() && !st.link_target.is_empty() => {
            // Copy to where the link points, as the Docker CLI does.
            dst = st.link_target.clone();
            match stat_path(client, id, &dst).await {
                Ok(t) => Some(t),
                Err(Error::Api { status: 404, .. }) => None,
                Err(e) => return Err(e),
            }
        }
        Ok(st) => Some(st),
        Err(Error::Api { status: 404, .. }) => None,
        Err(e) => return Err(e),
    };
    let plan = super::copy::plan_copy_to(host_src, meta.is_dir(), &dst, dst_stat.as_ref())?;
    if dst_stat.is_none() {
        // The parent must exist (and the container too): ask, to report which is missing.
        stat_path(client, id, &plan.extract_dir).await?;
    }
    let stream = super::copy::tar_stream(src_path, plan.root_name, follow_link);
    put_archive(
        client,
        id,
        &plan.extract_dir,
        stream_body(stream),
        meter,
        true,
        copy_uid_gid,
    )
    .await
}

/// `docker cp CTR HOST`: copy a container path to the host with the Docker CLI's rules,
/// streamed, never writing outside the destination; `meter` counts the tar stream received.
pub async fn copy_from(
    client: &Client,
    id: &str,
    container_path: &str,
    host_path: &str,
    meter: Option<Meter>,
    follow_link: bool,
    preserve_owner: bool,
) -> Result<super::copy::ExtractSummary> {
    require_path("container_path", container_path)?;
    require_path("host_path", host_path)?;
    let (ctr_src, host_dst) = (container_path, host_path);
    let mut src = ctr_src.to_string();
    let mut rename_to_link_name = None;
    if follow_link {
        let st = stat_path(client, id, &src).await?;
        if st.is_symlink() && !st.link_target.is_empty() {
            rename_to_link_name = Some(st.name.clone());
            src = st.link_target.clone();
        }
    }
    let (stat, stream) = get_archive(client, id, &src).await?;
    let stream = metered(stream, meter);
    let mut plan = super::copy::plan_copy_from(ctr_src, &stat, std::path::Path::new(host_dst))?;
    if let Some(name) = rename_to_link_name {
        if plan.to == plan.from {
            plan.to = name;
        }
    }
    let opts = super::copy::ExtractOptions {
        rename: Some((plan.from, plan.to)),
        preserve_owner,
    };
    super::copy::extract_stream(stream, plan.extract_dir, opts).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_header() {
        let h = base64::engine::general_purpose::STANDARD
            .encode(r#"{"name":"etc","size":4096,"mode":2147484141,"mtime":"2024-01-01T00:00:00Z","linkTarget":""}"#);
        let s = PathStat::from_header(&h).unwrap();
        assert!(s.is_dir() && !s.is_symlink());
        assert_eq!(s.mode & 0o777, 0o755);
        assert!(PathStat::from_header("!!").is_err());
    }
}
