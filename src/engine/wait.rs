//! Readiness waits (`wait_for`): until a container's status, health, log, port and exec
//! conditions all hold. Status and health come from the client's shared events subscription
//! (events.rs) after one inspect; a log condition reads the followed log once; port and exec
//! conditions retry with a short backoff.

use super::client::{decode_json, Client};
use super::decode::StreamKind;
use super::events::Subscription;
use super::exec::{self, ExecOptions};
use super::streams::{self, LogsOptions};
use super::{containers, Error, Result};
use futures_util::StreamExt;
use regex::Regex;
use serde_json::{Map, Value};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The statuses a `status` condition may name ("removed": the container is gone).
pub const STATUSES: &[&str] = &[
    "created",
    "running",
    "paused",
    "restarting",
    "removing",
    "exited",
    "dead",
    "removed",
];

/// Which output a log condition reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogSource {
    Stdout,
    Stderr,
    Both,
}

#[derive(Debug, Clone)]
pub struct LogCondition {
    pub regex: Regex,
    pub source: LogSource,
    /// The Nth match ends the wait (1: the first).
    pub times: u64,
}

#[derive(Debug, Clone)]
pub struct PortCondition {
    /// The container port as the engine names it: "80/tcp".
    pub port: String,
    /// With an HTTP check: the path and the accepted status range (inclusive).
    pub http: Option<(String, u16, u16)>,
}

/// What `wait_for` waits for: every condition given must hold at once.
#[derive(Debug, Clone, Default)]
pub struct Conditions {
    pub status: Option<String>,
    pub healthy: bool,
    pub log: Option<LogCondition>,
    pub port: Option<PortCondition>,
    pub exec: Option<Vec<String>>,
}

fn bad(key: &str, want: &str, got: &Value) -> Error {
    Error::invalid(format!(
        "wait_for conditions: \"{key}\" must be {want}, got {}",
        super::opts::short(got)
    ))
}

fn unknown(what: &str, key: &str, known: &[&str]) -> Error {
    Error::invalid(format!(
        "wait_for conditions: unknown key \"{key}\"{what} (known: {})",
        known.join(", ")
    ))
}

impl Conditions {
    /// Parse the conditions object (see docker_container_wait_for for the keys).
    pub fn parse(text: &str) -> Result<Conditions> {
        let map = super::opts::parse_object("wait_for conditions", text)?;
        let mut c = Conditions::default();
        const KEYS: &[&str] = &["status", "healthy", "log", "port", "exec"];
        for (k, v) in map {
            match (k.as_str(), v) {
                (_, Value::Null) => {}
                ("status", Value::String(s)) if STATUSES.contains(&s.as_str()) => {
                    c.status = Some(s)
                }
                ("status", v) => return Err(bad("status", &STATUSES.join(", "), &v)),
                ("healthy", Value::Bool(b)) => c.healthy = b,
                ("healthy", v) => return Err(bad("healthy", "true or false", &v)),
                ("log", v) => c.log = Some(log_condition(v)?),
                ("port", v) => c.port = Some(port_condition(v)?),
                ("exec", v) => {
                    let cmd = match super::create_options::command_value("exec", &v)? {
                        Value::Array(a) => a
                            .into_iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect::<Vec<_>>(),
                        _ => Vec::new(),
                    };
                    if cmd.is_empty() {
                        return Err(bad("exec", "a command", &Value::Array(vec![])));
                    }
                    c.exec = Some(cmd)
                }
                (k, _) => return Err(unknown("", k, KEYS)),
            }
        }
        if c.status.is_none()
            && !c.healthy
            && c.log.is_none()
            && c.port.is_none()
            && c.exec.is_none()
        {
            return Err(Error::invalid(
                "wait_for conditions: give at least one of status, healthy, log, port, exec",
            ));
        }
        Ok(c)
    }
}

fn log_condition(v: Value) -> Result<LogCondition> {
    let mut m = match v {
        Value::String(s) => {
            let mut m = Map::new();
            m.insert("pattern".into(), Value::String(s));
            m
        }
        Value::Object(m) => m,
        other => return Err(bad("log", "a regular expression or an object", &other)),
    };
    let pattern = match m.remove("pattern") {
        Some(Value::String(s)) => s,
        Some(other) => return Err(bad("log.pattern", "a string", &other)),
        None => {
            return Err(Error::invalid(
                "wait_for conditions: \"log\" needs \"pattern\"",
            ))
        }
    };
    let regex = Regex::new(&pattern).map_err(|e| {
        Error::invalid(format!(
            "wait_for conditions: log pattern {pattern:?} is not a regular expression: {e}"
        ))
    })?;
    let source = match m.remove("stream") {
        None | Some(Value::Null) => LogSource::Both,
        Some(Value::String(s)) if s == "stdout" => LogSource::Stdout,
        Some(Value::String(s)) if s == "stderr" => LogSource::Stderr,
        Some(Value::String(s)) if s == "both" => LogSource::Both,
        Some(other) => {
            return Err(bad(
                "log.stream",
                "\"stdout\", \"stderr\" or \"both\"",
                &other,
            ))
        }
    };
    let times = match m.remove("times") {
        None | Some(Value::Null) => 1,
        Some(Value::Number(n)) if n.as_u64().is_some_and(|t| t >= 1) => n.as_u64().unwrap_or(1),
        Some(other) => return Err(bad("log.times", "an integer of at least 1", &other)),
    };
    if let Some(k) = m.keys().next() {
        return Err(unknown(" in \"log\"", k, &["pattern", "stream", "times"]));
    }
    Ok(LogCondition {
        regex,
        source,
        times,
    })
}

fn port_name(v: &Value) -> Result<String> {
    let s = match v {
        Value::Number(n) if n.as_u64().is_some_and(|p| (1..=65535).contains(&p)) => n.to_string(),
        Value::String(s) => s.clone(),
        other => return Err(bad("port", "a port number or \"PORT/tcp\"", other)),
    };
    let (num, proto) = s.split_once('/').unwrap_or((&s, "tcp"));
    if proto != "tcp" || !num.parse::<u16>().is_ok_and(|p| p > 0) {
        return Err(bad("port", "a TCP port number or \"PORT/tcp\"", v));
    }
    Ok(format!("{num}/tcp"))
}

fn port_condition(v: Value) -> Result<PortCondition> {
    let mut m = match v {
        Value::Object(m) => m,
        other => {
            return Ok(PortCondition {
                port: port_name(&other)?,
                http: None,
            })
        }
    };
    let port = port_name(
        &m.remove("port")
            .ok_or_else(|| Error::invalid("wait_for conditions: \"port\" needs \"port\""))?,
    )?;
    let path = match m.remove("http_path") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.starts_with('/') => Some(s),
        Some(other) => return Err(bad("port.http_path", "a path starting with /", &other)),
    };
    let range = match m.remove("http_status") {
        None | Some(Value::Null) => None,
        Some(v) => Some(status_range(&v).ok_or_else(|| {
            bad(
                "port.http_status",
                "a status (200) or an inclusive range ([200, 399])",
                &v,
            )
        })?),
    };
    if let Some(k) = m.keys().next() {
        return Err(unknown(
            " in \"port\"",
            k,
            &["port", "http_path", "http_status"],
        ));
    }
    let http = match (path, range) {
        (None, None) => None,
        (p, r) => {
            let (lo, hi) = r.unwrap_or((200, 399));
            Some((p.unwrap_or_else(|| "/".into()), lo, hi))
        }
    };
    Ok(PortCondition { port, http })
}

fn status_range(v: &Value) -> Option<(u16, u16)> {
    let one = |v: &Value| {
        v.as_u64()
            .filter(|s| (100..=599).contains(s))
            .map(|s| s as u16)
    };
    match v {
        Value::Array(a) if a.len() == 2 => {
            let (lo, hi) = (one(&a[0])?, one(&a[1])?);
            (lo <= hi).then_some((lo, hi))
        }
        v => one(v).map(|s| (s, s)),
    }
}

/// The container's state as last seen.
#[derive(Debug, Clone, Default)]
struct Seen {
    status: String,
    health: Option<String>,
    exit_code: i64,
}

impl Seen {
    fn from_inspect(v: &Value) -> Seen {
        let st = &v["State"];
        Seen {
            status: st["Status"].as_str().unwrap_or("").to_string(),
            health: st["Health"]["Status"].as_str().map(str::to_owned),
            exit_code: st["ExitCode"].as_i64().unwrap_or(-1),
        }
    }

    /// Apply one container event (already known to be about this container).
    fn apply(&mut self, ev: &Value) {
        let action = ev["Action"]
            .as_str()
            .or(ev["status"].as_str())
            .unwrap_or("");
        match action {
            "start" | "unpause" | "restart" => {
                self.status = "running".into();
                if self.health.is_some() && action != "unpause" {
                    self.health = Some("starting".into());
                }
            }
            "pause" => self.status = "paused".into(),
            "die" => {
                self.status = "exited".into();
                self.exit_code = ev["Actor"]["Attributes"]["exitCode"]
                    .as_str()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(-1);
            }
            // "remove" is Podman's name for it.
            "destroy" | "remove" => self.status = "removed".into(),
            // Podman names the status in an attribute instead of the action.
            "health_status" => {
                if let Some(h) = ev["Actor"]["Attributes"]["health_status"].as_str() {
                    self.health = Some(h.to_string());
                }
            }
            a => {
                if let Some(h) = a.strip_prefix("health_status:") {
                    self.health = Some(h.trim().to_string());
                }
            }
        }
    }

    fn gone(&self) -> bool {
        matches!(self.status.as_str(), "exited" | "dead" | "removed")
    }
}

/// What the log, port and exec checks last saw, for the failure message.
#[derive(Default)]
struct Progress {
    log_matches: u64,
    log_last: Option<String>,
    port: Option<String>,
    exec: Option<String>,
}

type Check = Pin<Box<dyn Future<Output = Result<bool>> + Send>>;

/// Poll an optional check; a finished or absent one never completes again.
async fn poll_check(c: &mut Option<Check>) -> Result<bool> {
    match c {
        Some(f) => {
            let r = f.await;
            *c = None;
            r
        }
        None => std::future::pending().await,
    }
}

/// Wait until every condition holds. `timeout`: None waits for ever. Fails with
/// `Error::Timeout` naming each condition that did not hold and what was last seen, and with
/// `Error::WaitFailed` when the container turns unhealthy (with a health condition), or exits
/// or is removed while a condition needs it.
pub async fn wait_for(
    client: &Client,
    id: &str,
    conds: &Conditions,
    timeout: Option<Duration>,
) -> Result<()> {
    let deadline = timeout.map(|t| tokio::time::Instant::now() + t);
    let started = std::time::Instant::now();
    // Subscribe before the inspect, so no change falls between the two.
    let mut sub = client.events_hub().subscribe(client).await?;
    let attrs = match containers::inspect(client, id, false).await {
        Ok(b) => decode_json::<Value>(&b)?,
        Err(e) if is_gone(&e) && conds.status.as_deref() == Some("removed") => return Ok(()),
        Err(e) => return Err(e),
    };
    let full_id = attrs["Id"].as_str().unwrap_or(id).to_string();
    if conds.healthy && attrs["State"]["Health"].is_null() {
        return Err(Error::invalid(format!(
            "wait_for: container {} has no healthcheck, so \"healthy\" can never hold",
            short_id(&full_id)
        )));
    }
    let mut seen = Seen::from_inspect(&attrs);
    let progress = Arc::new(Mutex::new(Progress::default()));
    let tty = attrs["Config"]["Tty"].as_bool().unwrap_or(false);
    let mut log = conds.log.clone().map(|l| {
        Box::pin(log_check(
            client.clone(),
            full_id.clone(),
            tty,
            l,
            progress.clone(),
        )) as Check
    });
    let mut port = conds.port.clone().map(|p| {
        Box::pin(port_check(
            client.clone(),
            full_id.clone(),
            p,
            progress.clone(),
        )) as Check
    });
    let mut exec = conds.exec.clone().map(|cmd| {
        Box::pin(exec_check(
            client.clone(),
            full_id.clone(),
            cmd,
            progress.clone(),
        )) as Check
    });
    let (mut log_ok, mut port_ok, mut exec_ok) = (log.is_none(), port.is_none(), exec.is_none());
    let sleep = async {
        match deadline {
            Some(d) => tokio::time::sleep_until(d).await,
            None => std::future::pending().await,
        }
    };
    tokio::pin!(sleep);
    loop {
        let status_ok = conds.status.as_ref().map_or(true, |s| *s == seen.status);
        let health_ok = !conds.healthy || seen.health.as_deref() == Some("healthy");
        if status_ok && health_ok && log_ok && port_ok && exec_ok {
            return Ok(());
        }
        if conds.healthy && seen.health.as_deref() == Some("unhealthy") {
            return Err(unhealthy(client, &full_id).await);
        }
        // Gone (exited, dead, removed) without that being the status waited for.
        if seen.gone() && (!status_ok || conds.status.is_none()) {
            // Let a pending log check read what the container wrote before it ended.
            if let Some(l) = log.take() {
                tokio::select! {
                    r = l => log_ok = r?,
                    _ = &mut sleep => {}
                }
            }
            let wanted_any_status = conds.status.is_some();
            if wanted_any_status || !(health_ok && log_ok && port_ok && exec_ok) {
                let what = pending(conds, &seen, &progress, log_ok, port_ok, exec_ok);
                return Err(exited(client, &full_id, &seen, what).await);
            }
            return Ok(());
        }
        tokio::select! {
            ev = sub.recv() => match ev {
                Ok(ev) => {
                    if ev["Actor"]["ID"].as_str() == Some(full_id.as_str())
                        || ev["id"].as_str() == Some(full_id.as_str())
                    {
                        seen.apply(&ev);
                    }
                }
                // Fell behind: read the state afresh.
                Err(None) => seen = reinspect(client, &full_id, &mut sub).await?,
                Err(Some(e)) => return Err(e),
            },
            r = poll_check(&mut log) => log_ok = r?,
            r = poll_check(&mut port) => port_ok = r?,
            r = poll_check(&mut exec) => exec_ok = r?,
            _ = &mut sleep => {
                let what = pending(conds, &seen, &progress, log_ok, port_ok, exec_ok);
                return Err(Error::Timeout(format!(
                    "wait_for: after {:.1}s, container {}: {what}",
                    started.elapsed().as_secs_f64(),
                    short_id(&full_id)
                )));
            }
        }
    }
}

async fn reinspect(client: &Client, id: &str, _sub: &mut Subscription) -> Result<Seen> {
    match containers::inspect(client, id, false).await {
        Ok(b) => Ok(Seen::from_inspect(&decode_json::<Value>(&b)?)),
        Err(e) if is_gone(&e) => Ok(Seen {
            status: "removed".into(),
            health: None,
            exit_code: -1,
        }),
        Err(e) => Err(e),
    }
}

/// No such container: a 404, or Podman's 500 for a container removed a moment ago.
fn is_gone(e: &Error) -> bool {
    e.is_not_found()
        || matches!(e, Error::Api { status: 500, message } if message.contains("no such container"))
}

fn short_id(id: &str) -> &str {
    &id[..id.len().min(12)]
}

/// Each condition that does not hold, with what was last seen.
fn pending(
    conds: &Conditions,
    seen: &Seen,
    progress: &Mutex<Progress>,
    log_ok: bool,
    port_ok: bool,
    exec_ok: bool,
) -> String {
    let p = progress.lock().unwrap_or_else(|p| p.into_inner());
    let mut out = Vec::new();
    if let Some(s) = conds.status.as_ref().filter(|s| **s != seen.status) {
        out.push(format!("status: wanted {s}, last seen {}", seen.status));
    }
    if conds.healthy && seen.health.as_deref() != Some("healthy") {
        out.push(format!(
            "healthy: last health status {}",
            seen.health.as_deref().unwrap_or("none")
        ));
    }
    if let (Some(l), false) = (&conds.log, log_ok) {
        out.push(format!(
            "log /{}/: {} of {} matches, last line {}",
            l.regex.as_str(),
            p.log_matches,
            l.times,
            p.log_last
                .as_ref()
                .map_or("(none)".to_string(), |s| format!("{s:?}"))
        ));
    }
    if let (Some(pc), false) = (&conds.port, port_ok) {
        out.push(format!(
            "port {}: {}",
            pc.port,
            p.port.as_deref().unwrap_or("not tried yet")
        ));
    }
    if let (Some(cmd), false) = (&conds.exec, exec_ok) {
        out.push(format!(
            "exec {:?}: {}",
            cmd.join(" "),
            p.exec.as_deref().unwrap_or("not tried yet")
        ));
    }
    out.join("; ")
}

/// The last lines of the container's output (both streams), for a failure's message.
async fn last_output(client: &Client, id: &str) -> Vec<u8> {
    let o = LogsOptions {
        stdout: true,
        stderr: true,
        timestamps: false,
        tail: "20".into(),
        since: None,
        until: None,
        follow: false,
    };
    let mut out = Vec::new();
    if let Ok(mut s) = streams::logs(client, id, &o, false).await {
        while let Some(Ok(c)) = s.next().await {
            out.extend_from_slice(&c.data);
        }
    }
    out
}

async fn exited(client: &Client, id: &str, seen: &Seen, what: String) -> Error {
    let output = if seen.status == "removed" {
        Vec::new()
    } else {
        last_output(client, id).await
    };
    Error::WaitFailed {
        container_id: id.to_string(),
        exit_status: seen.exit_code,
        message: format!(
            "container {} {} (exit status {}) before the wait ended: {what}",
            short_id(id),
            if seen.status == "removed" {
                "was removed"
            } else {
                "exited"
            },
            seen.exit_code
        ),
        output,
    }
}

async fn unhealthy(client: &Client, id: &str) -> Error {
    let outputs = match containers::inspect(client, id, false).await {
        Ok(b) => decode_json::<Value>(&b)
            .ok()
            .and_then(|v| v["State"]["Health"]["Log"].as_array().cloned())
            .unwrap_or_default()
            .iter()
            .map(|l| {
                format!(
                    "exit {}: {}",
                    l["ExitCode"].as_i64().unwrap_or(-1),
                    l["Output"].as_str().unwrap_or("").trim_end()
                )
            })
            .collect::<Vec<_>>(),
        Err(_) => Vec::new(),
    };
    let text = outputs.join("\n");
    Error::WaitFailed {
        container_id: id.to_string(),
        exit_status: -1,
        message: format!(
            "container {} is unhealthy; last health checks: {}",
            short_id(id),
            outputs.join(" | ")
        ),
        output: text.into_bytes(),
    }
}

/// Read the followed log until the Nth matching line. Ok(false) when the log ends first.
async fn log_check(
    client: Client,
    id: String,
    tty: bool,
    l: LogCondition,
    progress: Arc<Mutex<Progress>>,
) -> Result<bool> {
    let o = LogsOptions {
        stdout: l.source != LogSource::Stderr,
        stderr: l.source != LogSource::Stdout,
        timestamps: false,
        tail: "all".into(),
        since: None,
        until: None,
        follow: true,
    };
    let mut s = streams::logs(&client, &id, &o, tty).await?;
    let (mut out, mut err) = (Vec::<u8>::new(), Vec::<u8>::new());
    let line = |text: &[u8]| -> bool {
        let text = String::from_utf8_lossy(text);
        let text = text.trim_end_matches(['\n', '\r']);
        let mut p = progress.lock().unwrap_or_else(|p| p.into_inner());
        p.log_last = Some(text.to_string());
        if l.regex.is_match(text) {
            p.log_matches += 1;
        }
        p.log_matches >= l.times
    };
    while let Some(c) = s.next().await {
        let c = c?;
        let buf = if c.kind == StreamKind::Stderr {
            &mut err
        } else {
            &mut out
        };
        buf.extend_from_slice(&c.data);
        while let Some(i) = buf.iter().position(|&b| b == b'\n') {
            let rest = buf.split_off(i + 1);
            let done = line(buf);
            *buf = rest;
            if done {
                return Ok(true);
            }
        }
    }
    // The last line of each stream may lack its newline.
    for b in [out, err] {
        if !b.is_empty() && line(&b) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Backoff between port and exec attempts: 100 ms, doubling to 1 s.
struct Backoff(Duration);

impl Backoff {
    fn new() -> Self {
        Backoff(Duration::from_millis(100))
    }
    async fn sleep(&mut self) {
        tokio::time::sleep(self.0).await;
        self.0 = (self.0 * 2).min(Duration::from_secs(1));
    }
}

fn note(progress: &Mutex<Progress>, f: impl FnOnce(&mut Progress)) {
    f(&mut progress.lock().unwrap_or_else(|p| p.into_inner()));
}

/// Retry until the published port answers (and, with an HTTP check, answers in range).
async fn port_check(
    client: Client,
    id: String,
    p: PortCondition,
    progress: Arc<Mutex<Progress>>,
) -> Result<bool> {
    let mut backoff = Backoff::new();
    loop {
        let seen = match port_once(&client, &id, &p).await {
            Ok(()) => return Ok(true),
            Err(why) => why,
        };
        note(&progress, |pr| pr.port = Some(seen));
        backoff.sleep().await;
    }
}

/// The host address a container port is published on, and the container's own address for
/// it (on its first network with one).
async fn published(
    client: &Client,
    id: &str,
    port: &str,
) -> std::result::Result<(String, Option<String>), String> {
    let b = containers::inspect(client, id, false)
        .await
        .map_err(|e| e.to_string())?;
    let v: Value = decode_json(&b).map_err(|e| e.to_string())?;
    let bindings = v["NetworkSettings"]["Ports"][port]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let b = bindings
        .iter()
        .find(|b| b["HostPort"].as_str().is_some_and(|p| !p.is_empty()))
        .ok_or_else(|| {
            format!(
                "not published on the host (status {})",
                v["State"]["Status"].as_str().unwrap_or("?")
            )
        })?;
    let host_port = b["HostPort"].as_str().unwrap_or("");
    let ip = match b["HostIp"].as_str().unwrap_or("") {
        "" | "0.0.0.0" => "127.0.0.1",
        "::" => "::1",
        ip => ip,
    };
    let host = if ip.contains(':') {
        format!("[{ip}]:{host_port}")
    } else {
        format!("{ip}:{host_port}")
    };
    let num = port.split('/').next().unwrap_or(port);
    let inside = v["NetworkSettings"]["Networks"]
        .as_object()
        .and_then(|n| {
            n.values()
                .filter_map(|n| n["IPAddress"].as_str())
                .find(|a| !a.is_empty())
        })
        .map(|a| format!("{a}:{num}"));
    Ok((host, inside))
}

/// One attempt: Ok, or what was seen.
async fn port_once(
    client: &Client,
    id: &str,
    p: &PortCondition,
) -> std::result::Result<(), String> {
    let (addr, inside) = published(client, id, &p.port).await?;
    let attempt = Duration::from_secs(5);
    // Where the container's own address is reachable (a local engine), a refused connection
    // there means nothing listens yet, whatever the engine's proxy on the host port does.
    if let Some(a) = inside {
        if let Ok(Err(e)) = tokio::time::timeout(attempt, tokio::net::TcpStream::connect(&a)).await
        {
            if e.kind() == std::io::ErrorKind::ConnectionRefused {
                return Err(format!("{a} (the container's address): {e}"));
            }
        }
    }
    let tcp = tokio::time::timeout(attempt, tokio::net::TcpStream::connect(&addr))
        .await
        .map_err(|_| format!("{addr}: no answer to connect"))?
        .map_err(|e| format!("{addr}: {e}"))?;
    let Some((path, lo, hi)) = &p.http else {
        return tcp_accepted(tcp, &addr).await;
    };
    let io = hyper_util::rt::TokioIo::new(tcp);
    let (mut send, conn) = hyper::client::conn::http1::handshake(io)
        .await
        .map_err(|e| format!("{addr}: {e}"))?;
    let driver = tokio::spawn(async move {
        let _ = conn.await;
    });
    let req = hyper::Request::get(path.as_str())
        .header(hyper::header::HOST, addr.as_str())
        .body(http_body_util::Empty::<bytes::Bytes>::new())
        .map_err(|e| e.to_string())?;
    let r = tokio::time::timeout(attempt, send.send_request(req)).await;
    driver.abort();
    let status = r
        .map_err(|_| format!("{addr}: no HTTP answer"))?
        .map_err(|e| format!("{addr}: {e}"))?
        .status()
        .as_u16();
    if (*lo..=*hi).contains(&status) {
        Ok(())
    } else {
        Err(format!(
            "GET {path} answered HTTP {status}, wanted {lo}-{hi}"
        ))
    }
}

/// A connection to a published port is accepted by the engine's userland proxy even while
/// nothing listens in the container; the proxy then closes it at once. So a connection counts
/// only when it is not closed straight away.
async fn tcp_accepted(tcp: tokio::net::TcpStream, addr: &str) -> std::result::Result<(), String> {
    let mut buf = [0u8; 1];
    match tokio::time::timeout(Duration::from_millis(500), tcp.peek(&mut buf)).await {
        Err(_) => Ok(()),
        Ok(Ok(n)) if n > 0 => Ok(()),
        Ok(Ok(_)) => Err(format!(
            "{addr}: connected, then closed at once (nothing listening behind the proxy)"
        )),
        Ok(Err(e)) => Err(format!("{addr}: {e}")),
    }
}

/// Retry the command in the container until it exits 0.
async fn exec_check(
    client: Client,
    id: String,
    cmd: Vec<String>,
    progress: Arc<Mutex<Progress>>,
) -> Result<bool> {
    let mut backoff = Backoff::new();
    loop {
        let seen = match exec_once(&client, &id, &cmd).await {
            Ok((0, _)) => return Ok(true),
            Ok((code, out)) => {
                let out = String::from_utf8_lossy(&out);
                let out = out.trim_end();
                let tail = &out[out.len().saturating_sub(200)..].trim_start();
                format!("exit code {code}: {tail:?}")
            }
            Err(e) => e.to_string(),
        };
        note(&progress, |p| p.exec = Some(seen));
        backoff.sleep().await;
    }
}

async fn exec_once(client: &Client, id: &str, cmd: &[String]) -> Result<(i64, Vec<u8>)> {
    let o = ExecOptions {
        cmd: cmd.to_vec(),
        stdout: true,
        stderr: true,
        stdin: false,
        tty: false,
        privileged: false,
        user: String::new(),
        environment: None,
        workdir: None,
        detach_keys: None,
    };
    let started = exec::run(client, id, &o).await?;
    let exec_id = started.id.clone();
    let mut s = started.output;
    let mut out = Vec::new();
    while let Some(c) = s.next().await {
        let c = c?;
        out.extend_from_slice(&c.data);
        if out.len() > 4096 {
            out.drain(..out.len() - 4096);
        }
    }
    Ok((exec::exit_code(client, &exec_id).await?, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_condition() {
        let c = Conditions::parse(
            r#"{"status": "running", "healthy": true,
                "log": {"pattern": "^ready$", "stream": "stderr", "times": 2},
                "port": {"port": 80, "http_path": "/health", "http_status": [200, 204]},
                "exec": "test -f /tmp/up"}"#,
        )
        .unwrap();
        assert_eq!(c.status.as_deref(), Some("running"));
        assert!(c.healthy);
        let l = c.log.unwrap();
        assert_eq!((l.source, l.times), (LogSource::Stderr, 2));
        assert!(l.regex.is_match("ready"));
        let p = c.port.unwrap();
        assert_eq!(p.port, "80/tcp");
        assert_eq!(p.http, Some(("/health".into(), 200, 204)));
        assert_eq!(c.exec.unwrap(), vec!["test", "-f", "/tmp/up"]);
        let p = Conditions::parse(r#"{"port": "8080/tcp"}"#)
            .unwrap()
            .port
            .unwrap();
        assert_eq!((p.port.as_str(), p.http), ("8080/tcp", None));
        let p = Conditions::parse(r#"{"port": {"port": 80, "http_status": 200}}"#)
            .unwrap()
            .port
            .unwrap();
        assert_eq!(p.http, Some(("/".into(), 200, 200)));
    }

    #[test]
    fn refuses_bad_conditions_by_name() {
        for (text, want) in [
            (r#"{}"#, "at least one"),
            (r#"{"stauts": "running"}"#, "\"stauts\""),
            (r#"{"status": "up"}"#, "\"status\""),
            (r#"{"log": "("}"#, "not a regular expression"),
            (r#"{"log": {"pattern": "x", "tims": 2}}"#, "\"tims\""),
            (r#"{"log": {"pattern": "x", "times": 0}}"#, "log.times"),
            (r#"{"port": "80/udp"}"#, "\"port\""),
            (
                r#"{"port": {"port": 80, "http_status": [300, 200]}}"#,
                "http_status",
            ),
            (r#"{"exec": []}"#, "\"exec\""),
            (r#"[1]"#, "object"),
        ] {
            let e = Conditions::parse(text).unwrap_err();
            assert!(matches!(e, Error::InvalidArgument(_)), "{text}: {e}");
            assert!(e.to_string().contains(want), "{text}: {e}");
        }
    }

    #[test]
    fn events_move_the_state() {
        let mut s = Seen {
            status: "created".into(),
            health: Some("starting".into()),
            exit_code: 0,
        };
        s.apply(&serde_json::json!({"Action": "start"}));
        assert_eq!(s.status, "running");
        s.apply(&serde_json::json!({"Action": "health_status: healthy"}));
        assert_eq!(s.health.as_deref(), Some("healthy"));
        s.apply(&serde_json::json!({"Action": "die", "Actor": {"Attributes": {"exitCode": "3"}}}));
        assert_eq!((s.status.as_str(), s.exit_code), ("exited", 3));
        assert!(s.gone());
        s.apply(&serde_json::json!({"Action": "destroy"}));
        assert_eq!(s.status, "removed");
    }
}
