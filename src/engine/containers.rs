//! Containers: `/containers/...` requests. Functions take the client and a container id or name.

use super::client::{Client, Request};
use super::opts::Opts;
use super::Result;
use bytes::Bytes;
use serde_json::{Map, Value};

/// Percent-encode one path segment: a container id or name, an exec id or an image name
/// coming from the caller, after checking it (see `check_ref`). `what` names it in errors.
pub fn seg(what: &str, s: &str) -> Result<String> {
    check_ref(what, s)?;
    // Ids and most names need no escaping: byte_serialize would give them back unchanged.
    if s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"*-._".contains(&b))
    {
        return Ok(s.to_owned());
    }
    Ok(form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20"))
}

/// An id or name must be something: an empty one, or a `.` or `..` part of one ("..",
/// "x/.."), makes the path name another resource, and the engine answers with a redirect
/// instead of an error. Refused before anything is sent.
pub fn check_ref(what: &str, s: &str) -> Result<()> {
    if s.trim().is_empty() {
        return Err(super::Error::invalid(format!("{what} is empty")));
    }
    if s.split('/').any(|part| part == "." || part == "..") {
        return Err(super::Error::invalid(format!(
            "{what} {s:?} has a \".\" or \"..\" part; ids and names cannot"
        )));
    }
    Ok(())
}

/// `GET /containers/{id}/json`: the inspect JSON as the engine sent it.
pub async fn inspect(client: &Client, id: &str, size: bool) -> Result<Bytes> {
    let mut req = Request::get(format!(
        "/containers/{}/json",
        seg("container id or name", id)?
    ));
    if size {
        req = req.query("size", "1");
    }
    client.call(req).await
}

/// Whether a start/stop/pause-like call changed anything: the engine answers 304 when the
/// container was already in the wanted state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    Yes,
    AlreadyThere,
}

async fn post_state(client: &Client, req: Request) -> Result<Changed> {
    let (status, _) = client.call_with_status(req.not_modified_ok()).await?;
    Ok(if status.as_u16() == 304 {
        Changed::AlreadyThere
    } else {
        Changed::Yes
    })
}

/// `POST /containers/{id}/start`. Starting a running container is not an error (304).
pub async fn start(client: &Client, id: &str) -> Result<Changed> {
    post_state(
        client,
        Request::post(format!(
            "/containers/{}/start",
            seg("container id or name", id)?
        )),
    )
    .await
}

/// `POST /containers/{id}/stop`. `timeout` None lets the container's StopTimeout apply; the HTTP
/// time limit is widened by it, as the engine may take that long. `signal` needs API >= 1.42.
pub async fn stop(
    client: &Client,
    id: &str,
    timeout: Option<i64>,
    signal: Option<&str>,
) -> Result<Changed> {
    let mut req = Request::post(format!(
        "/containers/{}/stop",
        seg("container id or name", id)?
    ));
    if let Some(t) = timeout {
        req = req.query("t", t.to_string());
    }
    if let Some(s) = signal {
        require_version(client, (1, 42), "stop signal").await?;
        req = req.query("signal", s);
    }
    post_state(client, req.timeout(widened(client, timeout))).await
}

/// `POST /containers/{id}/restart`.
pub async fn restart(
    client: &Client,
    id: &str,
    timeout: Option<i64>,
    signal: Option<&str>,
) -> Result<()> {
    let mut req = Request::post(format!(
        "/containers/{}/restart",
        seg("container id or name", id)?
    ));
    if let Some(t) = timeout {
        req = req.query("t", t.to_string());
    }
    if let Some(s) = signal {
        require_version(client, (1, 42), "restart signal").await?;
        req = req.query("signal", s);
    }
    client
        .call(req.timeout(widened(client, timeout)))
        .await
        .map(drop)
}

/// The call timeout plus the seconds the engine is allowed to wait before killing.
fn widened(client: &Client, t: Option<i64>) -> super::Timeout {
    // With no t, the container's StopTimeout applies (default 10 s; may be larger).
    let grace = t.unwrap_or(10).clamp(0, 24 * 3600) as u64;
    super::Timeout::After(client.call_timeout() + std::time::Duration::from_secs(grace))
}

/// Fail with a clear message when the negotiated API is older than `need`.
pub async fn require_version(client: &Client, need: (u32, u32), what: &str) -> Result<()> {
    let v = client.api_version().await?;
    if (v.0, v.1) < need {
        return Err(super::Error::invalid(format!(
            "{what} needs Engine API {}.{} or newer; this engine speaks {v}",
            need.0, need.1
        )));
    }
    Ok(())
}

/// `POST /containers/{id}/kill`.
pub async fn kill(client: &Client, id: &str, signal: Option<&str>) -> Result<()> {
    let req = Request::post(format!(
        "/containers/{}/kill",
        seg("container id or name", id)?
    ))
    .query_opt("signal", signal);
    client.call(req).await.map(drop)
}

/// `POST /containers/{id}/pause`.
pub async fn pause(client: &Client, id: &str) -> Result<()> {
    client
        .call(Request::post(format!(
            "/containers/{}/pause",
            seg("container id or name", id)?
        )))
        .await
        .map(drop)
}

/// `POST /containers/{id}/unpause`.
pub async fn unpause(client: &Client, id: &str) -> Result<()> {
    client
        .call(Request::post(format!(
            "/containers/{}/unpause",
            seg("container id or name", id)?
        )))
        .await
        .map(drop)
}

/// `DELETE /containers/{id}` with docker-py's v, link, force.
pub async fn remove(client: &Client, id: &str, v: bool, link: bool, force: bool) -> Result<()> {
    let path = format!("/containers/{}", seg("container id or name", id)?);
    let req = || {
        Request::delete(&path)
            .query_bool("v", v)
            .query_bool("link", link)
            .query_bool("force", force)
    };
    match client.call(req()).await {
        // Podman: a forced remove racing the container's own exit fails to kill it ("could
        // not be stopped ... container state improper"); once it has stopped, a retry removes it.
        Err(e) if force && super::podman::is_kill_race(&e) => client.call(req()).await.map(drop),
        r => r.map(drop),
    }
}

/// `POST /containers/{id}/wait`: the engine's `{StatusCode, Error}` JSON. `timeout` None waits
/// for ever; when it passes, the result is `Error::Timeout`.
pub async fn wait(
    client: &Client,
    id: &str,
    condition: Option<&str>,
    timeout: Option<std::time::Duration>,
) -> Result<serde_json::Value> {
    let mut req = Request::post(format!(
        "/containers/{}/wait",
        seg("container id or name", id)?
    ));
    if let Some(c) = condition {
        if !matches!(c, "not-running" | "next-exit" | "removed") {
            return Err(super::Error::invalid(format!(
                "wait: condition {c:?} must be \"not-running\", \"next-exit\" or \"removed\""
            )));
        }
        require_version(client, (1, 30), "wait condition").await?;
        req = req.query("condition", c);
    }
    let req = req.timeout(match timeout {
        Some(d) => super::Timeout::After(d),
        None => super::Timeout::Never,
    });
    let body = client.call(req).await?;
    super::client::decode_json(&body)
}

/// `POST /containers/{id}/rename?name=`.
pub async fn rename(client: &Client, id: &str, name: &str) -> Result<()> {
    client
        .call(
            Request::post(format!(
                "/containers/{}/rename",
                seg("container id or name", id)?
            ))
            .query("name", name),
        )
        .await
        .map(drop)
}

/// `POST /containers/{id}/resize?h=&w=`.
pub async fn resize(client: &Client, id: &str, height: u32, width: u32) -> Result<()> {
    let req = Request::post(format!(
        "/containers/{}/resize",
        seg("container id or name", id)?
    ))
    .query("h", height.to_string())
    .query("w", width.to_string());
    client.call(req).await.map(drop)
}

/// `POST /containers/{id}/update` with an Engine API body; returns the engine's JSON (Warnings).
pub async fn update(client: &Client, id: &str, body: &serde_json::Value) -> Result<Bytes> {
    client
        .call(
            Request::post(format!(
                "/containers/{}/update",
                seg("container id or name", id)?
            ))
            .json(body),
        )
        .await
        .map_err(|e| super::podman::explain_missing_route(e, "POST /containers/{id}/update"))
}

/// `POST /containers/create`: returns the engine's `{Id, Warnings}` JSON.
pub async fn create(
    client: &Client,
    name: Option<&str>,
    platform: Option<&str>,
    body: &serde_json::Value,
) -> Result<serde_json::Value> {
    let mut req = Request::post("/containers/create").query_opt("name", name);
    if let Some(p) = platform {
        require_version(client, (1, 41), "platform").await?;
        req = req.query("platform", p);
    }
    let b = client.call(req.json(body)).await?;
    super::client::decode_json(&b)
}

/// `GET /containers/json`: the engine's list JSON.
pub async fn list(
    client: &Client,
    all: bool,
    limit: Option<i64>,
    size: bool,
    filters: Option<&str>,
) -> Result<Bytes> {
    let mut req = Request::get("/containers/json");
    if all {
        req = req.query("all", "1");
    }
    if let Some(l) = limit {
        req = req.query("limit", l.to_string());
    }
    if size {
        req = req.query("size", "1");
    }
    client.call(req.query_opt("filters", filters)).await
}

/// The full inspect JSON of each container in a list answer, as a JSON array in the list's
/// order, fetched 8 at a time (docker-py inspects one after another). A container removed
/// between the list and its inspect is skipped when `ignore_removed`.
pub async fn inspect_listed(client: &Client, list: &[u8], ignore_removed: bool) -> Result<Vec<u8>> {
    use futures_util::StreamExt;
    use serde_json::Value;
    let items: Vec<Value> = super::client::decode_json(list)?;
    let ids: Vec<String> = items
        .iter()
        .filter_map(|i| i.get("Id").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let inspected: Vec<Result<Option<Value>>> = futures_util::stream::iter(ids)
        .map(|id| async move {
            match inspect(client, &id, false).await {
                Ok(b) => super::client::decode_json(&b).map(Some),
                Err(super::Error::Api { status: 404, .. }) if ignore_removed => Ok(None),
                Err(e) => Err(e),
            }
        })
        .buffered(8)
        .collect()
        .await;
    let mut out = Vec::new();
    for r in inspected {
        if let Some(v) = r? {
            out.push(v);
        }
    }
    Ok(serde_json::to_vec(&out).expect("a Value serialises"))
}

/// `POST /containers/prune`: `{ContainersDeleted, SpaceReclaimed}`.
pub async fn prune(client: &Client, filters: Option<&str>) -> Result<Bytes> {
    let body = client
        .call(Request::post("/containers/prune").query_opt("filters", filters))
        .await?;
    // The engine sends `"ContainersDeleted": null` when nothing went; callers get a list.
    let mut v: serde_json::Value = super::client::decode_json(&body)?;
    match v.get_mut("ContainersDeleted") {
        Some(d) if d.is_null() => *d = serde_json::Value::Array(Vec::new()),
        None => {
            if let Some(o) = v.as_object_mut() {
                o.insert(
                    "ContainersDeleted".into(),
                    serde_json::Value::Array(Vec::new()),
                );
            }
        }
        _ => return Ok(body),
    }
    Ok(Bytes::from(v.to_string()))
}

/// docker-py's `commit()` keywords: where the image goes and how it is made.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommitOptions {
    pub repository: Option<String>,
    pub tag: Option<String>,
    pub message: Option<String>,
    pub author: Option<String>,
    /// Dockerfile instructions ("ENV A=1"), each sent as its own `changes` parameter.
    pub changes: Vec<String>,
    /// An Engine API container config for the new image.
    pub conf: Option<serde_json::Value>,
    /// Pause the container while committing (docker-py's default: true).
    pub pause: bool,
}

impl CommitOptions {
    /// Read docker-py's keywords: `repository`, `tag`, `message`, `author`, `changes` (a
    /// string or a list of strings), `conf` (an object), `pause` (default true).
    pub fn take(o: &mut Opts) -> Result<CommitOptions> {
        let bad = || {
            super::Error::invalid(
                "commit options: \"changes\" must be a string or a list of strings",
            )
        };
        let changes = match o.take("changes") {
            None => Vec::new(),
            Some(Value::String(s)) => vec![s],
            Some(Value::Array(a)) => a
                .into_iter()
                .map(|x| match x {
                    Value::String(s) => Ok(s),
                    _ => Err(super::Error::invalid(
                        "commit options: \"changes\" must be strings",
                    )),
                })
                .collect::<Result<_>>()?,
            Some(_) => return Err(bad()),
        };
        Ok(CommitOptions {
            repository: o.string("repository")?,
            tag: o.string("tag")?,
            message: o.string("message")?,
            author: o.string("author")?,
            changes,
            conf: o.object("conf")?.map(Value::Object),
            pause: o.bool("pause")?.unwrap_or(true),
        })
    }
}

/// `POST /commit?container=...`: the new image's id ("sha256:..." from either engine).
pub async fn commit(client: &Client, id: &str, o: &CommitOptions) -> Result<String> {
    let mut req = Request::post("/commit")
        .query("container", id)
        .query_opt("repo", o.repository.as_deref())
        .query_opt("tag", o.tag.as_deref())
        .query_opt("comment", o.message.as_deref())
        .query_opt("author", o.author.as_deref())
        .query_bool("pause", o.pause);
    for c in &o.changes {
        req = req.query("changes", c);
    }
    let req = match &o.conf {
        Some(c) => req.json(c),
        None => req.json(&serde_json::json!({})),
    };
    let b = client.call(req).await?;
    let mut v: Value = super::client::decode_json(&b)?;
    super::podman::qualify_image_id(&mut v);
    v.get("Id")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| super::Error::Protocol("commit answered without an Id".into()))
}

/// docker-py's `containers.list()` keywords.
#[derive(Debug, Clone, PartialEq)]
pub struct ListOptions {
    pub all: bool,
    /// A container id or name; sent as the engine's `before` filter.
    pub before: Option<String>,
    /// A container id or name; sent as the engine's `since` filter.
    pub since: Option<String>,
    /// The N last created containers (negative: no limit).
    pub limit: Option<i64>,
    /// docker-py's form: {"status": "exited", "label": ["a=b"]}.
    pub filters: Map<String, Value>,
    /// The engine's list entries as they are, without inspecting each container.
    pub sparse: bool,
    /// Skip a container removed between the list and its inspect (default true).
    pub ignore_removed: bool,
}

impl Default for ListOptions {
    fn default() -> Self {
        ListOptions {
            all: false,
            before: None,
            since: None,
            limit: None,
            filters: Map::new(),
            sparse: false,
            ignore_removed: true,
        }
    }
}

impl ListOptions {
    /// Read docker-py's keywords: `all`, `before`, `since`, `limit`, `filters`, `sparse`,
    /// `ignore_removed`.
    pub fn take(o: &mut Opts) -> Result<ListOptions> {
        Ok(ListOptions {
            all: o.bool("all")?.unwrap_or(false),
            before: o.string("before")?,
            since: o.string("since")?,
            limit: o.i64("limit")?.filter(|l| *l >= 0),
            filters: o.object("filters")?.unwrap_or_default(),
            sparse: o.bool("sparse")?.unwrap_or(false),
            ignore_removed: o.bool("ignore_removed")?.unwrap_or(true),
        })
    }

    /// The `filters` query parameter: docker-py's filters plus `before` and `since` (the
    /// engine's old query parameters of those names are gone; they are filters now).
    pub fn encoded_filters(&self) -> Result<Option<String>> {
        let mut filters = self.filters.clone();
        if let Some(b) = &self.before {
            filters.insert("before".into(), Value::String(b.clone()));
        }
        if let Some(s) = &self.since {
            filters.insert("since".into(), Value::String(s.clone()));
        }
        if filters.is_empty() {
            Ok(None)
        } else {
            encode_filters(&filters).map(Some)
        }
    }
}

/// docker-py's `containers.list()`: a JSON array, either the engine's list entries (`sparse`)
/// or each container's full inspect JSON (`inspect_listed`).
pub async fn list_json(client: &Client, o: &ListOptions) -> Result<Vec<u8>> {
    let filters = o.encoded_filters()?;
    let body = list(client, o.all, o.limit, false, filters.as_deref()).await?;
    if o.sparse {
        return Ok(body.to_vec());
    }
    inspect_listed(client, &body, o.ignore_removed).await
}

/// Encode list filters as docker-py does: a bool becomes "true"/"false", a scalar becomes a
/// one-element list, a list stays a list of strings; the whole is JSON.
pub fn encode_filters(filters: &serde_json::Map<String, serde_json::Value>) -> Result<String> {
    use serde_json::Value;
    let mut out = serde_json::Map::new();
    for (k, v) in filters {
        let list: Vec<Value> = match v {
            Value::Bool(b) => vec![Value::String(b.to_string())],
            Value::String(s) => vec![Value::String(s.clone())],
            Value::Number(n) => vec![Value::String(n.to_string())],
            Value::Array(a) => a
                .iter()
                .map(|x| match x {
                    Value::String(s) => Ok(Value::String(s.clone())),
                    Value::Number(n) => Ok(Value::String(n.to_string())),
                    Value::Bool(b) => Ok(Value::String(b.to_string())),
                    other => Err(super::Error::invalid(format!(
                        "filters: \"{k}\" holds {}, expected strings",
                        super::opts::short(other)
                    ))),
                })
                .collect::<Result<_>>()?,
            Value::Null => continue,
            // The engine's own map form ({"label": {"a=b": true}}) passes through.
            Value::Object(_) => {
                out.insert(k.clone(), v.clone());
                continue;
            }
        };
        out.insert(k.clone(), Value::Array(list));
    }
    Ok(Value::Object(out).to_string())
}

/// Signal names the engine knows (Linux), for checking before any request.
pub const SIGNALS: &[&str] = &[
    "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "IOT", "BUS", "FPE", "KILL", "USR1", "SEGV",
    "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CLD", "CONT", "STOP", "TSTP", "TTIN",
    "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "POLL", "PWR", "SYS", "UNUSED",
];

/// Check and normalise a signal: "SIGTERM", "TERM", "sigterm", "15", "SIGRTMIN+3".
pub fn normalize_signal(s: &str) -> Result<String> {
    let t = s.trim();
    if let Ok(n) = t.parse::<u32>() {
        if (1..=64).contains(&n) {
            return Ok(n.to_string());
        }
        return Err(super::Error::invalid(format!(
            "signal {s:?}: numbers go from 1 to 64"
        )));
    }
    let up = t.to_ascii_uppercase();
    let name = up.strip_prefix("SIG").unwrap_or(&up);
    let ok = SIGNALS.contains(&name)
        || name
            .strip_prefix("RTMIN")
            .is_some_and(|r| r.is_empty() || rt_offset_ok(r))
        || name
            .strip_prefix("RTMAX")
            .is_some_and(|r| r.is_empty() || rt_offset_ok(r));
    if ok {
        Ok(format!("SIG{name}"))
    } else {
        Err(super::Error::invalid(format!(
            "signal {s:?} is not a signal name (such as \"SIGTERM\" or \"KILL\") or number"
        )))
    }
}

fn rt_offset_ok(r: &str) -> bool {
    let digits = r.strip_prefix('+').or_else(|| r.strip_prefix('-'));
    digits
        .and_then(|d| d.parse::<u32>().ok())
        .is_some_and(|n| n <= 30)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals() {
        assert_eq!(normalize_signal("SIGTERM").unwrap(), "SIGTERM");
        assert_eq!(normalize_signal("term").unwrap(), "SIGTERM");
        assert_eq!(normalize_signal("9").unwrap(), "9");
        assert_eq!(normalize_signal("SIGRTMIN+3").unwrap(), "SIGRTMIN+3");
        assert!(normalize_signal("SIGNOPE").is_err());
        assert!(normalize_signal("0").is_err());
        assert!(normalize_signal("").is_err());
    }

    #[test]
    fn filters_like_docker_py() {
        let f =
            serde_json::json!({"label": "a=b", "dangling": true, "name": ["x", "y"], "exited": 0});
        let s = encode_filters(f.as_object().unwrap()).unwrap();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"label": ["a=b"], "dangling": ["true"], "name": ["x", "y"], "exited": ["0"]})
        );
    }

    fn opts(function: &str, v: serde_json::Value) -> Opts {
        Opts::new(function, v.as_object().unwrap().clone()).unwrap()
    }

    #[test]
    fn list_options_make_before_and_since_filters() {
        let mut o = opts(
            "docker_containers_list",
            serde_json::json!({"all": true, "before": "b1", "since": "s1", "limit": -1,
                               "filters": {"status": "exited"}, "sparse": true}),
        );
        let l = ListOptions::take(&mut o).unwrap();
        o.finish().unwrap();
        assert!(l.all && l.sparse && l.ignore_removed);
        assert_eq!(l.limit, None);
        let f: serde_json::Value =
            serde_json::from_str(&l.encoded_filters().unwrap().unwrap()).unwrap();
        assert_eq!(
            f,
            serde_json::json!({"status": ["exited"], "before": ["b1"], "since": ["s1"]})
        );
        assert_eq!(ListOptions::default().encoded_filters().unwrap(), None);
    }

    #[test]
    fn commit_options_take_one_change_or_many() {
        let mut o = opts(
            "docker_container_commit",
            serde_json::json!({"repository": "r", "changes": "ENV A=1"}),
        );
        let c = CommitOptions::take(&mut o).unwrap();
        assert_eq!(c.changes, vec!["ENV A=1".to_string()]);
        assert!(c.pause);
        assert_eq!(c.repository.as_deref(), Some("r"));
        let mut o = opts(
            "docker_container_commit",
            serde_json::json!({"changes": ["ENV A=1", 3], "pause": false}),
        );
        let e = CommitOptions::take(&mut o).unwrap_err();
        assert!(e.to_string().contains("\"changes\""), "{e}");
    }
}
