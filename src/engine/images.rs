//! Images: only what `run` and the tests need — pull, import, inspect, exists, remove.

use super::client::{decode_json, Body, Client, Request, Timeout};
use super::containers::seg;
use super::decode::json_lines;
use super::{Error, Result};
use bytes::Bytes;
use futures_util::StreamExt;
use http_body_util::BodyExt;
use std::path::Path;

/// Split "name[:tag][@digest]" into (name, tag-or-digest) as the engine's `fromImage`/`tag`
/// want it; a port in a registry host ("localhost:5000/x") is not a tag.
pub fn split_reference(reference: &str) -> (String, Option<String>) {
    if let Some((name, digest)) = reference.split_once('@') {
        return (name.to_string(), Some(digest.to_string()));
    }
    match reference.rfind(':') {
        Some(i) if !reference[i + 1..].contains('/') => (
            reference[..i].to_string(),
            Some(reference[i + 1..].to_string()),
        ),
        _ => (reference.to_string(), None),
    }
}

/// `POST /images/create?fromImage=`: pull, handing each progress item (the engine's JSON) to
/// `progress`; a false return stops. An error item in the stream becomes `Error::Api`.
pub async fn pull(
    client: &Client,
    reference: &str,
    platform: Option<&str>,
    timeout: Timeout,
    mut progress: impl FnMut(&[u8]) -> bool,
) -> Result<()> {
    let (name, tag) = split_reference(reference);
    let tag = tag.unwrap_or_else(|| "latest".to_string());
    let req = Request::post("/images/create")
        .query("fromImage", &name)
        .query("tag", &tag)
        .query_opt("platform", platform)
        .timeout(timeout);
    let limit = match timeout {
        Timeout::Default => Some(client.call_timeout()),
        Timeout::After(d) => Some(d),
        Timeout::Never => None,
    };
    let work = async {
        let (_, body) = client.send_stream(req).await?;
        let mut items = json_lines(body, 1 << 20);
        while let Some(item) = items.next().await {
            let item = item?;
            if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&item) {
                if let Some(msg) = v.get("error").and_then(|e| e.as_str()).or_else(|| {
                    v.get("errorDetail")
                        .and_then(|d| d.get("message"))
                        .and_then(|m| m.as_str())
                }) {
                    return Err(Error::Api {
                        status: 500,
                        message: msg.to_string(),
                    });
                }
            }
            if !progress(&item) {
                return Err(Error::StoppedByCallback);
            }
        }
        Ok(())
    };
    match limit {
        Some(d) => tokio::time::timeout(d, work).await.unwrap_or_else(|_| {
            Err(Error::Timeout(format!(
                "pulling {reference}: no result within {d:?}"
            )))
        }),
        None => work.await,
    }
}

/// `POST /images/create?fromSrc=-`: import a root filesystem tar, streamed from `body`.
/// Returns the new image's id.
pub async fn import(
    client: &Client,
    body: Body,
    repository: Option<&str>,
    tag: Option<&str>,
) -> Result<String> {
    // The tag goes inside `repo`, as the docker CLI sends it: Podman ignores a separate `tag`.
    let (repo, tag) = match (repository, tag) {
        (Some(r), Some(t)) if !t.is_empty() => (Some(format!("{r}:{t}")), None),
        (r, t) => (r.map(str::to_owned), t),
    };
    let req = Request::post("/images/create")
        .query("fromSrc", "-")
        .query_opt("repo", repo)
        .query_opt("tag", tag)
        .body(body, "application/x-tar")
        .timeout(Timeout::Never);
    let (_, body) = client.send_stream(req).await?;
    let mut items = json_lines(body, 1 << 20);
    let mut id = None;
    while let Some(item) = items.next().await {
        let v: serde_json::Value = decode_json(&item?)?;
        if let Some(msg) = v.get("error").and_then(|e| e.as_str()) {
            return Err(Error::Api {
                status: 500,
                message: msg.to_string(),
            });
        }
        if let Some(s) = v.get("status").and_then(|s| s.as_str()) {
            if s.starts_with("sha256:") {
                id = Some(s.to_string());
            }
        }
    }
    id.ok_or_else(|| Error::Protocol("the engine's import answer held no image id".into()))
}

/// A tar file on disk as a streamed request body, read 256 KiB at a time (never whole).
///
/// The reads are plain blocking reads made where the body is polled: the library drives uploads
/// on the caller's own thread (see `Client::send_stream`), where a short read from the page
/// cache costs less than handing each chunk to tokio's blocking pool and back. Each chunk's
/// buffer comes back to the body when hyper has written it (`Recycled`) and is read into again:
/// a fresh 256 KiB allocation per chunk had the kernel fault in and zero new pages for every
/// read (a tenth of the upload's CPU in perf).
pub async fn file_body(path: &Path) -> Result<Body> {
    use std::io::Read;
    const CHUNK: usize = 256 * 1024;
    let mut f =
        std::fs::File::open(path).map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
    let len = f
        .metadata()
        .map_err(|e| Error::Io(format!("{}: {e}", path.display())))?
        .len();
    let spare = Spare::default();
    let mut done = false;
    let stream = futures_util::stream::poll_fn(move |_| {
        if done {
            return std::task::Poll::Ready(None);
        }
        // read_to_end fills the spare capacity as it is: no zeroing of the chunk first.
        let mut buf = spare.take().unwrap_or_else(|| Vec::with_capacity(CHUNK));
        let item = match (&mut f).take(CHUNK as u64).read_to_end(&mut buf) {
            Ok(0) => {
                done = true;
                None
            }
            Ok(_) => Some(Ok(hyper::body::Frame::data(Bytes::from_owner(Recycled {
                buf,
                spare: spare.clone(),
            })))),
            Err(e) => {
                done = true;
                Some(Err(Box::new(e) as super::client::BoxError))
            }
        };
        std::task::Poll::Ready(item)
    });
    Ok(super::client::sized_body(
        http_body_util::StreamBody::new(stream).boxed_unsync(),
        len,
    ))
}

/// Emptied chunk buffers of one upload, ready to be read into again (a few at most).
#[derive(Clone, Default)]
struct Spare(std::sync::Arc<std::sync::Mutex<Vec<Vec<u8>>>>);

impl Spare {
    fn take(&self) -> Option<Vec<u8>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).pop()
    }
}

/// One chunk of an upload as hyper holds it; its buffer goes back to `spare` when dropped.
struct Recycled {
    buf: Vec<u8>,
    spare: Spare,
}

impl AsRef<[u8]> for Recycled {
    fn as_ref(&self) -> &[u8] {
        &self.buf
    }
}

impl Drop for Recycled {
    fn drop(&mut self) {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let mut spare = self.spare.0.lock().unwrap_or_else(|p| p.into_inner());
        // Hyper writes a chunk or two at a time; more kept would only hold memory.
        if spare.len() < 4 {
            spare.push(buf);
        }
    }
}

/// `GET /images/{name}/json`, as the engine sent it.
pub async fn inspect(client: &Client, name: &str) -> Result<Bytes> {
    client
        .call(Request::get(format!(
            "/images/{}/json",
            seg("image name", name)?
        )))
        .await
}

/// Whether the image is present.
pub async fn exists(client: &Client, name: &str) -> Result<bool> {
    match inspect(client, name).await {
        Ok(_) => Ok(true),
        Err(Error::Api { status: 404, .. }) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `DELETE /images/{name}`; returns the engine's JSON list of what was untagged and deleted.
pub async fn remove(client: &Client, name: &str, force: bool, noprune: bool) -> Result<Bytes> {
    let req = Request::delete(format!("/images/{}", seg("image name", name)?))
        .query_bool("force", force)
        .query_bool("noprune", noprune);
    client.call(req).await
}

/// The query of docker-py's `images(name=None, all=False, filters=None)` (what
/// `images.list` sends): `all` as 1/0, and `filters` encoded as docker-py encodes them, with
/// `name` as their `reference` (it replaces one given in `filters`, as in docker-py).
pub fn list_query(o: &mut super::opts::Opts) -> Result<(bool, Option<String>)> {
    let name = o.string("name")?;
    let all = o.bool("all")?.unwrap_or(false);
    let mut filters = o.object("filters")?.unwrap_or_default();
    if let Some(name) = name {
        if name.trim().is_empty() {
            return Err(Error::invalid("option \"name\" is empty"));
        }
        filters.insert("reference".into(), serde_json::Value::String(name));
    }
    let filters = if filters.is_empty() {
        None
    } else {
        Some(super::containers::encode_filters(&filters)?)
    };
    Ok((all, filters))
}

/// `GET /images/json`: the engine's JSON array of image summaries.
pub async fn list(client: &Client, all: bool, filters: Option<&str>) -> Result<Bytes> {
    client
        .call(
            Request::get("/images/json")
                .query_bool("all", all)
                .query_opt("filters", filters),
        )
        .await
}

/// `POST /images/{image}/tag?repo=&tag=&force=`, as docker-py's `tag(image, repository,
/// tag=None, force=False)` sends it. A blank repository or tag is refused before anything is
/// sent; a missing image is Error::ImageNotFound.
pub async fn tag(
    client: &Client,
    image: &str,
    repository: &str,
    tag: Option<&str>,
    force: bool,
) -> Result<()> {
    let path = format!("/images/{}/tag", seg("image", image)?);
    if repository.trim().is_empty() {
        return Err(Error::invalid("repository is empty"));
    }
    if tag.is_some_and(|t| t.trim().is_empty()) {
        return Err(Error::invalid("option \"tag\" is empty"));
    }
    let req = Request::post(path)
        .query("repo", repository)
        .query_opt("tag", tag)
        .query_bool("force", force);
    match client.call(req).await {
        Err(Error::Api {
            status: 404,
            message,
        }) => Err(Error::ImageNotFound {
            status: 404,
            message,
        }),
        r => r.map(drop),
    }
}

/// `POST /images/prune?filters=`: `{ImagesDeleted: [...], SpaceReclaimed: N}` (a list, never
/// null), as docker-py's `images.prune(filters=None)` gives it.
pub async fn prune(client: &Client, filters: Option<&str>) -> Result<Bytes> {
    let body = client
        .call(Request::post("/images/prune").query_opt("filters", filters))
        .await?;
    super::networks::null_list_to_empty(body, "ImagesDeleted")
}

#[cfg(test)]
mod tests {
    #[test]
    fn list_like_docker_py() {
        use crate::engine::opts::Opts;
        let opts = |v: serde_json::Value| {
            Opts::new("docker_images_list", v.as_object().unwrap().clone()).unwrap()
        };
        let mut o = opts(serde_json::json!({"name": "x/y", "all": true,
                                            "filters": {"dangling": false, "reference": "z"}}));
        let (all, f) = super::list_query(&mut o).unwrap();
        o.finish().unwrap();
        assert!(all);
        let f: serde_json::Value = serde_json::from_str(&f.unwrap()).unwrap();
        assert_eq!(
            f,
            serde_json::json!({"dangling": ["false"], "reference": ["x/y"]})
        );
        let mut o = opts(serde_json::json!({}));
        assert_eq!(super::list_query(&mut o).unwrap(), (false, None));
        let mut o = opts(serde_json::json!({"name": " "}));
        let e = super::list_query(&mut o).unwrap_err().to_string();
        assert!(e.contains("\"name\""), "{e}");
    }

    #[test]
    fn references() {
        use super::split_reference as s;
        assert_eq!(s("busybox"), ("busybox".into(), None));
        assert_eq!(s("busybox:1.36"), ("busybox".into(), Some("1.36".into())));
        assert_eq!(s("localhost:5000/x"), ("localhost:5000/x".into(), None));
        assert_eq!(
            s("localhost:5000/x:t"),
            ("localhost:5000/x".into(), Some("t".into()))
        );
        assert_eq!(s("x@sha256:ab"), ("x".into(), Some("sha256:ab".into())));
    }
}
