//! Containers: `/containers/...` requests. Functions take the client and a container id or name.

use super::client::{Client, Request};
use super::Result;
use bytes::Bytes;

/// Percent-encode one path segment (a container name or id coming from the caller).
pub fn seg(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// `GET /containers/{id}/json`: the inspect JSON as the engine sent it.
pub async fn inspect(client: &Client, id: &str, size: bool) -> Result<Bytes> {
    let mut req = Request::get(format!("/containers/{}/json", seg(id)));
    if size {
        req = req.query("size", "1");
    }
    client.call(req).await
}
