//! `containers.run()`: create (pulling a missing image), attach before start so no output is
//! lost, start, wait, collect; docker-py's semantics without its races.

use super::client::{Client, Request, Timeout};
use super::containers::{self, seg};
use super::create_options::{split_run_options, translate_create, CreateRequest, RunOnlyOptions};
use super::decode::{is_multiplexed, Output, StreamKind};
use super::{images, Error, Result};
use futures_util::StreamExt;
use serde_json::{Map, Value};

/// What `run` produced.
pub struct RunResult {
    pub id: String,
    /// Non-detached: the output docker-py returns (stdout, and stderr when asked).
    pub output: Option<Vec<u8>>,
    /// Whether the container was removed afterwards (`remove`).
    pub removed: bool,
    pub warnings: Vec<String>,
    /// Detached: the inspect JSON read after create and before start, as docker-py's run
    /// returns it (status "created"; reload() gives the live state). It also cannot miss a
    /// container that exits and is auto-removed at once.
    pub created_attrs: Option<bytes::Bytes>,
}

/// The create request for `options`, with `command` taken from the argument or the options.
pub async fn build_create(
    client: &Client,
    image: &str,
    command: Option<&str>,
    mut options: Map<String, Value>,
) -> Result<CreateRequest> {
    let from_opts = options.remove("command").filter(|v| !v.is_null());
    let command = match (command, from_opts) {
        (Some(_), Some(_)) => {
            return Err(Error::invalid(
                "the command is given twice: as the argument and as the \"command\" option",
            ))
        }
        (Some(c), None) => Some(Value::String(c.to_string())),
        (None, c) => c,
    };
    let v = client.api_version().await?;
    translate_create(image, command.as_ref(), &options, (v.0, v.1))
}

fn is_missing_image(e: &Error) -> bool {
    match e {
        Error::Api {
            status: 404,
            message,
        } => {
            let m = message.to_ascii_lowercase();
            m.contains("no such image") || m.contains("not found") && m.contains("image")
        }
        _ => false,
    }
}

/// Create a container; when the engine says the image is missing and `pull` is true, pull it
/// (within the call timeout) and create again. Returns the engine's `{Id, Warnings}`.
pub async fn create_pulling(
    client: &Client,
    image: &str,
    req: &CreateRequest,
    pull: bool,
) -> Result<Value> {
    match containers::create(
        client,
        req.name.as_deref(),
        req.platform.as_deref(),
        &req.body,
    )
    .await
    {
        Err(e) if is_missing_image(&e) => {
            if !pull {
                return Err(Error::ImageNotFound {
                    status: 404,
                    message: e.to_string(),
                });
            }
            if let Err(pe) = images::pull(
                client,
                image,
                req.platform.as_deref(),
                Timeout::Default,
                |_| true,
            )
            .await
            {
                let message = format!("{image} is not present and pulling it failed: {pe}");
                return Err(Error::ImageNotFound {
                    status: pe.http_status().max(404),
                    message,
                });
            }
            containers::create(
                client,
                req.name.as_deref(),
                req.platform.as_deref(),
                &req.body,
            )
            .await
            .map_err(|e| {
                if is_missing_image(&e) {
                    Error::ImageNotFound {
                        status: 404,
                        message: e.to_string(),
                    }
                } else {
                    e
                }
            })
        }
        other => other,
    }
}

fn warnings(v: &Value) -> Vec<String> {
    v.get("Warnings")
        .and_then(|w| w.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// `client.containers.run(image, command, **options)`.
pub async fn run(
    client: &Client,
    image: &str,
    command: Option<&str>,
    options: Map<String, Value>,
) -> Result<RunResult> {
    let (run, mut rest): (RunOnlyOptions, _) = split_run_options(&options)?;
    if run.stream && !run.detach {
        // docker-py returns a log generator here; a buffer would silently ignore the key.
        return Err(Error::invalid(
            "run options: \"stream\" is not supported by run; run with \"detach\": true and \
             read the output with docker_container_logs (or docker_container_attach)",
        ));
    }
    if run.detach && run.remove {
        let v = client.api_version().await?;
        if (v.0, v.1) < (1, 25) {
            return Err(Error::invalid(
                "\"detach\" and \"remove\" together need Engine API 1.25 or newer",
            ));
        }
        rest.insert("auto_remove".into(), Value::Bool(true));
    }
    rest.insert("detach".into(), Value::Bool(run.detach));
    let command_text = command
        .map(str::to_owned)
        .or_else(|| rest.get("command").map(|c| c.to_string()))
        .unwrap_or_default();
    let req = build_create(client, image, command, rest).await?;
    let tty = req
        .body
        .get("Tty")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let created = create_pulling(client, image, &req, run.pull).await?;
    let id = created
        .get("Id")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::Protocol("create answered without an Id".into()))?
        .to_string();
    let warnings = warnings(&created);

    if run.detach {
        let attrs = containers::inspect(client, &id, false).await?;
        containers::start(client, &id).await?;
        return Ok(RunResult {
            id,
            output: None,
            removed: false,
            warnings,
            created_attrs: Some(attrs),
        });
    }

    let result = attached_run(client, &id, tty, &run).await;
    let removed = if run.remove {
        // Remove even when the run failed; a failure here does not hide the run's own result.
        let _ = containers::remove(client, &id, false, false, true).await;
        true
    } else {
        false
    };
    match result {
        Ok((0, output, _)) => Ok(RunResult {
            id,
            output: Some(output),
            removed,
            warnings,
            created_attrs: None,
        }),
        Ok((status, _, stderr)) => Err(Error::ContainerFailed {
            container_id: id,
            exit_status: status,
            command: command_text,
            image: image.to_string(),
            stderr,
        }),
        Err(e) => Err(e),
    }
}

/// Attach, register the wait, start, read to the end: (exit status, output, stderr).
async fn attached_run(
    client: &Client,
    id: &str,
    tty: bool,
    run: &RunOnlyOptions,
) -> Result<(i64, Vec<u8>, Vec<u8>)> {
    let attach = Request::post(format!(
        "/containers/{}/attach",
        seg("container id or name", id)?
    ))
    .query("stream", "1")
    .query("stdout", "1")
    .query("stderr", "1")
    .timeout(Timeout::Default);
    let (attach_headers, output) = client.send_stream(attach).await?;
    let ct = attach_headers
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let multiplexed = is_multiplexed(ct.as_deref(), tty);
    // The engine answers the wait's headers once the wait is registered, so the exit cannot be
    // missed even if the container is gone (auto_remove) before we ask.
    let wait = Request::post(format!(
        "/containers/{}/wait",
        seg("container id or name", id)?
    ))
    .query("condition", "next-exit")
    .timeout(Timeout::Default);
    let (_, wait_answer) = client.send_stream(wait).await?;
    containers::start(client, id).await?;

    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut stream = Output::new(output, !multiplexed);
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        match chunk.kind {
            StreamKind::Stderr => {
                if run.stderr {
                    out.extend_from_slice(&chunk.data);
                }
                err.extend_from_slice(&chunk.data);
            }
            _ => {
                if run.stdout {
                    out.extend_from_slice(&chunk.data);
                }
            }
        }
    }
    let body = super::client::collect(wait_answer).await?;
    let v: Value = super::client::decode_json(&body)?;
    if let Some(msg) = v
        .get("Error")
        .and_then(|e| e.get("Message"))
        .and_then(Value::as_str)
    {
        if !msg.is_empty() {
            return Err(Error::Api {
                status: 500,
                message: format!("waiting for container {id}: {msg}"),
            });
        }
    }
    let status = v.get("StatusCode").and_then(Value::as_i64).unwrap_or(-1);
    Ok((status, out, err))
}
