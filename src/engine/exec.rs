//! Exec: docker-py's `exec_run` and the `/exec` endpoints. The sequence docker-py's exec_run
//! follows (create, start, read the output, ask the exit code) is written once here, in the
//! forms the C ABI offers: gathered, streamed, interactive, detached.

use super::client::{decode_json, Client, Request};
use super::containers::seg;
use super::decode::{is_multiplexed, Output};
use super::opts::Opts;
use super::streams::{content_type, gather, split_hijacked, ChunkStream, Stdin};
use super::{Error, Result};
use bytes::Bytes;
use serde_json::{json, Value};
use std::time::Duration;

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
pub async fn create(client: &Client, id: &str, o: &ExecOptions) -> Result<String> {
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
pub async fn start_output(client: &Client, exec_id: &str, tty: bool) -> Result<ChunkStream> {
    let req = Request::post(format!("/exec/{}/start", seg("exec id", exec_id)?))
        .json(&json!({"Detach": false, "Tty": tty}));
    let (headers, body) = client.send_stream(req).await?;
    let mux = is_multiplexed(content_type(&headers).as_deref(), tty);
    Ok(Box::pin(Output::new(body, !mux)))
}

/// Start an exec with stdin: output and the stdin writer.
pub async fn start_interactive(
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
pub async fn start_detached(client: &Client, exec_id: &str, tty: bool) -> Result<()> {
    let req = Request::post(format!("/exec/{}/start", seg("exec id", exec_id)?))
        .json(&json!({"Detach": true, "Tty": tty}));
    client.call(req).await.map(drop)
}

/// `GET /exec/{id}/json`.
pub async fn inspect(client: &Client, exec_id: &str) -> Result<Bytes> {
    client
        .call(Request::get(format!(
            "/exec/{}/json",
            seg("exec id", exec_id)?
        )))
        .await
}

/// The exit code once the exec has ended (its output stream closes a moment before the engine
/// records the code, so this asks again while it still says Running).
pub async fn exit_code(client: &Client, exec_id: &str) -> Result<i64> {
    let mut delay = Duration::from_millis(1);
    for _ in 0..200 {
        let v: Value = decode_json(&inspect(client, exec_id).await?)?;
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
pub async fn resize(client: &Client, exec_id: &str, height: u32, width: u32) -> Result<()> {
    let req = Request::post(format!("/exec/{}/resize", seg("exec id", exec_id)?))
        .query("h", height.to_string())
        .query("w", width.to_string());
    client.call(req).await.map(drop)
}

/// An exec started with its output attached (no stdin): read `output` to its end, then ask
/// `exit_code`.
pub struct Started {
    pub id: String,
    pub output: ChunkStream,
}

impl Started {
    /// The exit code, once `output` has ended.
    pub async fn exit_code(&self, client: &Client) -> Result<i64> {
        exit_code(client, &self.id).await
    }
}

/// Create and start an exec in `container`, its output attached.
pub async fn run(client: &Client, container: &str, o: &ExecOptions) -> Result<Started> {
    let id = create(client, container, o).await?;
    let output = start_output(client, &id, o.tty).await?;
    Ok(Started { id, output })
}

/// What docker-py's exec_run returns, with stdout and stderr apart when `demux`.
#[derive(Debug)]
pub struct Gathered {
    pub exit_code: i64,
    /// All output, or stdout alone with `demux`.
    pub output: Vec<u8>,
    /// stderr with `demux`; empty otherwise.
    pub stderr: Vec<u8>,
}

/// docker-py's `exec_run(cmd)`: run to the end and gather the output and the exit code.
pub async fn run_gathered(
    client: &Client,
    container: &str,
    o: &ExecOptions,
    demux: bool,
) -> Result<Gathered> {
    let started = run(client, container, o).await?;
    let id = started.id.clone();
    let (output, stderr) = gather(started.output, demux).await?;
    Ok(Gathered {
        exit_code: exit_code(client, &id).await?,
        output,
        stderr,
    })
}

/// docker-py's `exec_run(socket=True)`, both ways: the exec id, its output and its stdin.
pub async fn open_interactive(
    client: &Client,
    container: &str,
    o: &ExecOptions,
) -> Result<(String, ChunkStream, Stdin)> {
    let id = create(client, container, o).await?;
    let (output, stdin) = start_interactive(client, &id, o.tty).await?;
    Ok((id, output, stdin))
}

/// docker-py's `exec_run(detach=True)`: start it in the background; the exec id.
pub async fn run_detached(client: &Client, container: &str, o: &ExecOptions) -> Result<String> {
    let id = create(client, container, o).await?;
    start_detached(client, &id, o.tty).await?;
    Ok(id)
}
