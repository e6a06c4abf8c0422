//! What every model shares (docker-py's `Model`): the client, an id that never changes and the
//! last inspect JSON (`attrs`), replaced by reload while other threads read it. Containers,
//! networks and volumes are built on it.

use super::client::Client;
use super::{Error, Result};
use bytes::Bytes;
use serde_json::Value;
use std::sync::{Arc, OnceLock, RwLock};

/// Inspect JSON as the engine sent it, parsed only when a getter first needs a field. A
/// container's reload keeps the bytes after a cheap check (UTF-8, an object's braces), so it
/// costs about what the request costs: building the whole tree took two thirds of a reload's
/// time.
#[derive(Debug)]
pub struct Attrs {
    raw: Bytes,
    parsed: OnceLock<std::result::Result<Value, String>>,
}

impl Attrs {
    /// The engine's answer, after the cheap check (UTF-8, starts with '{' and ends with '}').
    pub fn checked(raw: Bytes) -> Result<Attrs> {
        let text = std::str::from_utf8(&raw)
            .map_err(|e| Error::Protocol(format!("the engine's inspect answer is not UTF-8: {e}")))?
            .trim();
        if !(text.starts_with('{') && text.ends_with('}')) {
            return Err(Error::Protocol(
                "the engine's inspect answer is not a JSON object".into(),
            ));
        }
        Ok(Attrs {
            raw,
            parsed: OnceLock::new(),
        })
    }

    /// The parsed tree, built on first use.
    pub fn value(&self) -> Result<&Value> {
        self.parsed
            .get_or_init(|| serde_json::from_slice(&self.raw).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| Error::Protocol(format!("the engine's inspect answer is not JSON: {e}")))
    }

    /// The JSON text as the engine sent it (without surrounding white space).
    pub fn text(&self) -> &str {
        // Checked to be UTF-8 in `checked`.
        std::str::from_utf8(&self.raw).unwrap_or_default().trim()
    }

    /// A top-level string field ("" when absent or not a string).
    pub fn str_field(&self, key: &str) -> Result<String> {
        Ok(self
            .value()?
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string())
    }

    /// The value at a JSON pointer ("/Config/Labels") when it is an object, else {}.
    pub fn object_at(&self, pointer: &str) -> Result<Value> {
        Ok(match self.value()?.pointer(pointer) {
            Some(v) if v.is_object() => v.clone(),
            _ => Value::Object(Default::default()),
        })
    }

    /// Parsed now, with `key` a string field: its value.
    fn key_field(&self, key: &str) -> Result<String> {
        self.value()?
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| Error::Protocol(format!("the engine's inspect answer has no {key}")))
    }
}

/// A client, an immutable id and the attributes as last fetched. Safe to share between threads:
/// a reader gets the attributes that were current when it asked (an `Arc`), never a torn mix.
#[derive(Debug)]
pub struct Model {
    client: Client,
    /// The inspect field the id comes from: "Id" (containers, networks) or "Name" (volumes).
    key: &'static str,
    id: String,
    attrs: RwLock<Arc<Attrs>>,
}

impl Model {
    /// A model from inspect JSON whose `key` field ("Id", "Name") is the id; the JSON is parsed
    /// here, once, to read it.
    pub fn from_inspect(client: Client, body: Bytes, key: &'static str) -> Result<Model> {
        let attrs = Attrs::checked(body)?;
        let id = attrs.key_field(key)?;
        if id.contains('\0') {
            return Err(Error::Protocol(format!("{key} holds a NUL byte")));
        }
        Ok(Model {
            client,
            key,
            id,
            attrs: RwLock::new(Arc::new(attrs)),
        })
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The id (or a volume's name); never changes.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The attributes as last fetched (no request).
    pub fn attrs(&self) -> Arc<Attrs> {
        self.attrs.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Replace the attributes after the cheap check only (fields are parsed when first read).
    pub fn replace(&self, body: Bytes) -> Result<()> {
        self.store(Attrs::checked(body)?);
        Ok(())
    }

    /// Replace the attributes after parsing them and finding the id field.
    pub fn replace_checked(&self, body: Bytes) -> Result<()> {
        let attrs = Attrs::checked(body)?;
        attrs.key_field(self.key)?;
        self.store(attrs);
        Ok(())
    }

    fn store(&self, a: Attrs) {
        *self.attrs.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(a);
    }

    /// One top-level string field of the attributes ("" when absent or not a string).
    pub fn field(&self, key: &str) -> Result<String> {
        self.attrs().str_field(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attrs_are_checked_cheaply_and_parsed_on_demand() {
        assert!(Attrs::checked(Bytes::from_static(b"[1]")).is_err());
        assert!(Attrs::checked(Bytes::from_static(b"\xff{}")).is_err());
        let a = Attrs::checked(Bytes::from_static(b" {\"Id\": 1 \n")).unwrap_err();
        assert!(a.to_string().contains("not a JSON object"), "{a}");
        // Braces but not JSON: accepted by the cheap check, refused when read.
        let a = Attrs::checked(Bytes::from_static(b"{oops}")).unwrap();
        assert!(matches!(a.value(), Err(Error::Protocol(_))));
        let a = Attrs::checked(Bytes::from_static(
            b"\n{\"Name\": \"/x\", \"Config\": {\"Labels\": {\"a\": \"b\"}}, \"N\": 3}\n",
        ))
        .unwrap();
        assert_eq!(a.str_field("Name").unwrap(), "/x");
        assert_eq!(a.str_field("N").unwrap(), "");
        assert_eq!(a.object_at("/Config/Labels").unwrap()["a"], "b");
        assert_eq!(a.object_at("/Nope").unwrap(), serde_json::json!({}));
        assert!(a.text().starts_with('{') && a.text().ends_with('}'));
    }
}
