//! Output streams: logs, stats, attach, top (exec's are in exec.rs). Each stream is a `ChunkStream` of decoded
//! chunks, read only as fast as the consumer takes them (so memory stays bounded), with the
//! multiplexed/raw choice made from the engine's Content-Type or the Tty setting.

use super::client::{decode_json, Client, Request, Timeout};
use super::containers::seg;
use super::decode::{is_multiplexed, json_lines, Chunk, Output, StreamKind};
use super::opts::Opts;
use super::{stats, timeparse, Error, Result};
use bytes::Bytes;
use futures_util::{Stream, StreamExt, TryStreamExt};
use hyper::upgrade::Upgraded;
use hyper_util::rt::TokioIo;
use serde_json::Value;
use std::pin::Pin;
use std::time::{Duration, SystemTime};
use tokio::io::{ReadHalf, WriteHalf};

/// A stream of decoded output.
pub type ChunkStream = Pin<Box<dyn Stream<Item = Result<Chunk>> + Send>>;
/// The write side of a taken-over connection (stdin of an attach or interactive exec).
pub type Stdin = WriteHalf<TokioIo<Upgraded>>;

pub(crate) fn content_type(h: &hyper::HeaderMap) -> Option<String> {
    h.get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// docker-py's `logs()` parameters.
#[derive(Debug, Clone)]
pub struct LogsOptions {
    pub stdout: bool,
    pub stderr: bool,
    pub timestamps: bool,
    pub tail: String,
    pub since: Option<String>,
    pub until: Option<String>,
    pub follow: bool,
}

impl LogsOptions {
    /// Read docker-py's keywords: stdout, stderr (default true), timestamps, tail ("all" or
    /// N; like docker-py anything else means "all"), since, until (see timeparse), follow.
    pub fn take(o: &mut Opts) -> Result<LogsOptions> {
        let tail = match o.take("tail") {
            None => "all".to_string(),
            Some(Value::Number(n)) if n.as_u64().is_some() => n.to_string(),
            Some(Value::String(s)) if s.parse::<u64>().is_ok() => s,
            Some(_) => "all".to_string(),
        };
        let now = SystemTime::now();
        let since = o
            .take("since")
            .map(|v| timeparse::to_engine_timestamp(&v, now))
            .transpose()?;
        let until = o
            .take("until")
            .map(|v| timeparse::to_engine_timestamp(&v, now))
            .transpose()?;
        Ok(LogsOptions {
            stdout: o.bool("stdout")?.unwrap_or(true),
            stderr: o.bool("stderr")?.unwrap_or(true),
            timestamps: o.bool("timestamps")?.unwrap_or(false),
            tail,
            since,
            until,
            follow: o.bool("follow")?.unwrap_or(false),
        })
    }
}

/// `GET /containers/{id}/logs`. `tty`: the container's Tty setting (used when the engine's
/// Content-Type does not say).
pub async fn logs(client: &Client, id: &str, o: &LogsOptions, tty: bool) -> Result<ChunkStream> {
    if o.until.is_some() {
        super::containers::require_version(client, (1, 35), "logs until").await?;
    }
    let (client, id, o2) = (client.clone(), id.to_string(), o.clone());
    let mut open: Pin<Box<dyn std::future::Future<Output = Result<ChunkStream>> + Send>> =
        Box::pin(async move {
            let o = o2;
            let req = Request::get(format!(
                "/containers/{}/logs",
                seg("container id or name", &id)?
            ))
            .query_bool("stdout", o.stdout)
            .query_bool("stderr", o.stderr)
            .query_bool("timestamps", o.timestamps)
            .query("tail", &o.tail)
            .query_opt("since", o.since.as_deref())
            .query_opt("until", o.until.as_deref())
            .query_bool("follow", o.follow);
            let (headers, body) = client.send_stream(req).await?;
            let mux = is_multiplexed(content_type(&headers).as_deref(), tty);
            Ok(Box::pin(Output::new(body, !mux)) as ChunkStream)
        });
    if !o.follow {
        return open.await;
    }
    // Podman answers a followed log only when the container first writes: a quiet container's
    // headers may never come. Errors (no such container) arrive at once, so wait briefly for
    // them; after that, hand out a stream that finishes opening when read, so the reader's
    // idle timeout, cancel token or next() timeout also cover the wait for the headers.
    match tokio::time::timeout(FOLLOW_OPEN_GRACE, &mut open).await {
        Ok(r) => r,
        Err(_) => Ok(Box::pin(futures_util::stream::once(open).try_flatten())),
    }
}

/// How long opening a followed log waits for the engine's headers before handing out a stream
/// that keeps waiting as it is read.
const FOLLOW_OPEN_GRACE: Duration = Duration::from_millis(300);

/// `GET /containers/{id}/stats`: each item is the engine's JSON plus "derived" (see stats.rs),
/// as JSON chunks. `stream` false gives one sample; `one_shot` (API 1.41+) makes that sample
/// immediate, without the previous CPU reading.
pub async fn stats_stream(
    client: &Client,
    id: &str,
    stream: bool,
    one_shot: bool,
) -> Result<ChunkStream> {
    let mut req = Request::get(format!(
        "/containers/{}/stats",
        seg("container id or name", id)?
    ))
    .query_bool("stream", stream);
    if one_shot && !stream {
        let v = client.api_version().await?;
        if (v.0, v.1) >= (1, 41) {
            req = req.query_bool("one-shot", true);
        }
    }
    let (_, body) = client.send_stream(req).await?;
    let items = json_lines(body, 16 << 20).map(|item| {
        let item = item?;
        let v: Value = decode_json(&item)?;
        Ok(Chunk {
            kind: StreamKind::Json,
            data: Bytes::from(stats::with_derived(v).to_string()),
        })
    });
    Ok(Box::pin(items))
}

/// One stats sample with its derived fields.
pub async fn stats_once(client: &Client, id: &str, one_shot: bool) -> Result<Value> {
    let mut s = stats_stream(client, id, false, one_shot).await?;
    let v: Value = next_sample(&mut s).await?;
    if one_shot || v["precpu_stats"]["system_cpu_usage"].as_u64().unwrap_or(0) != 0 {
        return Ok(v);
    }
    // Not one-shot, yet no previous CPU reading: Podman answers stream=false at once, without
    // the second reading dockerd waits for. Take the second sample of a stream, as dockerd does.
    let mut s = stats_stream(client, id, true, false).await?;
    next_sample(&mut s).await?;
    next_sample(&mut s).await
}

async fn next_sample(s: &mut ChunkStream) -> Result<Value> {
    match s.next().await {
        Some(Ok(c)) => decode_json(&c.data),
        Some(Err(e)) => Err(e),
        None => Err(Error::Protocol("the engine sent no stats sample".into())),
    }
}

/// The read side of a taken-over connection as chunks, and its write side.
pub(crate) fn split_hijacked(io: Upgraded, multiplexed: bool) -> (ChunkStream, Stdin) {
    let (r, w): (ReadHalf<_>, WriteHalf<_>) = tokio::io::split(TokioIo::new(io));
    let bytes = tokio_util::io::ReaderStream::with_capacity(r, 64 * 1024)
        .map(|r| r.map_err(|e| Error::Protocol(format!("reading the engine's stream: {e}"))));
    (Box::pin(Output::new(bytes, !multiplexed)), w)
}

/// docker-py's `attach()` parameters (plus stdin).
#[derive(Debug, Clone)]
pub struct AttachOptions {
    pub stdout: bool,
    pub stderr: bool,
    pub stdin: bool,
    pub stream: bool,
    pub logs: bool,
    pub detach_keys: Option<String>,
}

impl AttachOptions {
    pub fn take(o: &mut Opts, stdin_default: bool) -> Result<AttachOptions> {
        Ok(AttachOptions {
            stdout: o.bool("stdout")?.unwrap_or(true),
            stderr: o.bool("stderr")?.unwrap_or(true),
            stdin: o.bool("stdin")?.unwrap_or(stdin_default),
            stream: o.bool("stream")?.unwrap_or(true),
            logs: o.bool("logs")?.unwrap_or(false),
            detach_keys: o.string("detach_keys")?,
        })
    }
}

/// `POST /containers/{id}/attach`, taking over the connection: output, and stdin when asked.
pub async fn attach(
    client: &Client,
    id: &str,
    o: &AttachOptions,
    tty: bool,
) -> Result<(ChunkStream, Stdin)> {
    let req = Request::post(format!(
        "/containers/{}/attach",
        seg("container id or name", id)?
    ))
    .query_bool("stdout", o.stdout)
    .query_bool("stderr", o.stderr)
    .query_bool("stdin", o.stdin)
    .query_bool("stream", o.stream)
    .query_bool("logs", o.logs)
    .query_opt("detachKeys", o.detach_keys.as_deref());
    let (headers, io) = client.upgrade(req).await?;
    let mux = is_multiplexed(content_type(&headers).as_deref(), tty);
    Ok(split_hijacked(io, mux))
}

/// `GET /containers/{id}/top`: {Titles, Processes}.
pub async fn top(client: &Client, id: &str, ps_args: Option<&str>) -> Result<Bytes> {
    let req = Request::get(format!(
        "/containers/{}/top",
        seg("container id or name", id)?
    ))
    .query_opt("ps_args", ps_args);
    client.call(req.timeout(Timeout::Default)).await
}

/// Read a stream to its end: all output in one buffer, or with `split` stdout and stderr apart.
pub async fn gather(mut s: ChunkStream, split: bool) -> Result<(Vec<u8>, Vec<u8>)> {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    while let Some(c) = s.next().await {
        let c = c?;
        if split && c.kind == StreamKind::Stderr {
            b.extend_from_slice(&c.data);
        } else {
            a.extend_from_slice(&c.data);
        }
    }
    Ok((a, b))
}
