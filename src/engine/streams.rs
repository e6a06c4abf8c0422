//! Output streams: logs, stats, attach, exec, top. Each stream is a `ChunkStream` of decoded
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
use serde_json::{json, Value};
use std::pin::Pin;
use std::time::{Duration, SystemTime};
use tokio::io::{ReadHalf, WriteHalf};

/// A stream of decoded output.
pub type ChunkStream = Pin<Box<dyn Stream<Item = Result<Chunk>> + Send>>;
/// The write side of a taken-over connection (stdin of an attach or interactive exec).
pub type Stdin = WriteHalf<TokioIo<Upgraded>>;

fn content_type(h: &hyper::HeaderMap) -> Option<String> {
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
fn split_hijacked(io: Upgraded, multiplexed: bool) -> (ChunkStream, Stdin) {
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

/// docker-py's `exec_run()` parameters.
#[derive(Debug, Clone)]
pub struct ExecOptions {
    pub cmd: Vec<String>,
    pub stdout: bool,
    pub stderr: bool,
    pub stdin: bool,
    pub tty: bool,
    pub privileged: bool,
    pub user: String,
    pub environment: Option<Vec<String>>,
    pub workdir: Option<String>,
    pub detach_keys: Option<String>,
}

impl ExecOptions {
    /// `cmd`: a shell-style string (split like a shell) or, when NULL at the C level, the
    /// "cmd" option as a list or string.
    pub fn take(o: &mut Opts, cmd: Option<&str>, stdin_default: bool) -> Result<ExecOptions> {
        let from_opts = o.take("cmd");
        let cmd_value = match (cmd, from_opts) {
            (Some(_), Some(_)) => {
                return Err(Error::invalid(
                    "the command is given twice: as the argument and as the \"cmd\" option",
                ))
            }
            (Some(c), None) => Value::String(c.to_string()),
            (None, Some(v)) => v,
            (None, None) => {
                return Err(Error::invalid(
                    "exec needs a command: the cmd argument or the \"cmd\" option",
                ))
            }
        };
        let cmd = match super::create_options::command_value("cmd", &cmd_value)? {
            Value::Array(a) => a
                .into_iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect::<Vec<_>>(),
            _ => unreachable!("command_value gives a list"),
        };
        if cmd.is_empty() {
            return Err(Error::invalid("exec: the command is empty"));
        }
        let environment = match o.take("environment") {
            None => None,
            Some(Value::Object(m)) => Some(
                m.into_iter()
                    .map(|(k, v)| match v {
                        Value::Null => k,
                        Value::String(s) => format!("{k}={s}"),
                        other => format!("{k}={other}"),
                    })
                    .collect(),
            ),
            Some(Value::Array(a)) => Some(
                a.into_iter()
                    .map(|v| {
                        v.as_str().map(str::to_owned).ok_or_else(|| {
                            Error::invalid("exec: \"environment\" items must be strings")
                        })
                    })
                    .collect::<Result<_>>()?,
            ),
            Some(other) => {
                return Err(Error::invalid(format!(
                    "exec: \"environment\" must be an object or a list, got {}",
                    super::opts::short(&other)
                )))
            }
        };
        Ok(ExecOptions {
            cmd,
            stdout: o.bool("stdout")?.unwrap_or(true),
            stderr: o.bool("stderr")?.unwrap_or(true),
            stdin: o.bool("stdin")?.unwrap_or(stdin_default),
            tty: o.bool("tty")?.unwrap_or(false),
            privileged: o.bool("privileged")?.unwrap_or(false),
            user: match o.take("user") {
                None => String::new(),
                Some(Value::String(s)) => s,
                Some(Value::Number(n)) => n.to_string(),
                Some(other) => {
                    return Err(Error::invalid(format!(
                        "exec: \"user\" must be a string, got {}",
                        super::opts::short(&other)
                    )))
                }
            },
            environment,
            workdir: o.string("workdir")?,
            detach_keys: o.string("detach_keys")?,
        })
    }
}

/// `POST /containers/{id}/exec`: returns the exec id.
pub async fn exec_create(client: &Client, id: &str, o: &ExecOptions) -> Result<String> {
    let mut body = json!({
        "AttachStdin": o.stdin,
        "AttachStdout": o.stdout,
        "AttachStderr": o.stderr,
        "Tty": o.tty,
        "Cmd": o.cmd,
        "Privileged": o.privileged,
        "User": o.user,
    });
    if let Some(env) = &o.environment {
        body["Env"] = json!(env);
    }
    if let Some(w) = &o.workdir {
        super::containers::require_version(client, (1, 35), "exec workdir").await?;
        body["WorkingDir"] = json!(w);
    }
    if let Some(k) = &o.detach_keys {
        body["DetachKeys"] = json!(k);
    }
    let b = client
        .call(
            Request::post(format!(
                "/containers/{}/exec",
                seg("container id or name", id)?
            ))
            .json(&body),
        )
        .await?;
    let v: Value = decode_json(&b)?;
    v.get("Id")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| Error::Protocol("exec create answered without an Id".into()))
}

/// Start an exec and read its output (no stdin): the engine takes over the connection and
/// streams until the process ends.
pub async fn exec_start_output(client: &Client, exec_id: &str, tty: bool) -> Result<ChunkStream> {
    let req = Request::post(format!("/exec/{}/start", seg("exec id", exec_id)?))
        .json(&json!({"Detach": false, "Tty": tty}));
    let (headers, body) = client.send_stream(req).await?;
    let mux = is_multiplexed(content_type(&headers).as_deref(), tty);
    Ok(Box::pin(Output::new(body, !mux)))
}

/// Start an exec with stdin: output and the stdin writer.
pub async fn exec_start_interactive(
    client: &Client,
    exec_id: &str,
    tty: bool,
) -> Result<(ChunkStream, Stdin)> {
    let req = Request::post(format!("/exec/{}/start", seg("exec id", exec_id)?))
        .json(&json!({"Detach": false, "Tty": tty}));
    let (headers, io) = client.upgrade(req).await?;
    let mux = is_multiplexed(content_type(&headers).as_deref(), tty);
    Ok(split_hijacked(io, mux))
}

/// Start an exec in the background.
pub async fn exec_start_detached(client: &Client, exec_id: &str, tty: bool) -> Result<()> {
    let req = Request::post(format!("/exec/{}/start", seg("exec id", exec_id)?))
        .json(&json!({"Detach": true, "Tty": tty}));
    client.call(req).await.map(drop)
}

/// `GET /exec/{id}/json`.
pub async fn exec_inspect(client: &Client, exec_id: &str) -> Result<Bytes> {
    client
        .call(Request::get(format!(
            "/exec/{}/json",
            seg("exec id", exec_id)?
        )))
        .await
}

/// The exit code once the exec has ended (its output stream closes a moment before the engine
/// records the code, so this asks again while it still says Running).
pub async fn exec_exit_code(client: &Client, exec_id: &str) -> Result<i64> {
    let mut delay = Duration::from_millis(1);
    for _ in 0..200 {
        let v: Value = decode_json(&exec_inspect(client, exec_id).await?)?;
        if !v.get("Running").and_then(Value::as_bool).unwrap_or(false) {
            if let Some(code) = v.get("ExitCode").and_then(Value::as_i64) {
                return Ok(code);
            }
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_millis(50));
    }
    Err(Error::Timeout(format!(
        "exec {exec_id} still running after its output ended"
    )))
}

/// `POST /exec/{id}/resize`.
pub async fn exec_resize(client: &Client, exec_id: &str, height: u32, width: u32) -> Result<()> {
    let req = Request::post(format!("/exec/{}/resize", seg("exec id", exec_id)?))
        .query("h", height.to_string())
        .query("w", width.to_string());
    client.call(req).await.map(drop)
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
