//! Engine API versions: parsing, the supported range, and negotiation (a pinned version, or
//! the engine's own newest capped at ours, asked once per client).

use super::{Error, Result};
use std::fmt;

/// The newest Engine API version this library speaks. Negotiation never goes above it.
pub const MAX_API_VERSION: ApiVersion = ApiVersion(1, 47);
/// The oldest Engine API version this library accepts (docker-py's floor).
pub const MIN_API_VERSION: ApiVersion = ApiVersion(1, 24);

/// An Engine API version such as 1.41.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ApiVersion(pub u32, pub u32);

impl ApiVersion {
    pub fn parse(s: &str) -> Result<ApiVersion> {
        let t = s.trim().trim_start_matches('v');
        let bad = || {
            Error::invalid(format!(
                "API version {s:?}: expected MAJOR.MINOR such as \"1.41\""
            ))
        };
        let (a, b) = t.split_once('.').ok_or_else(bad)?;
        Ok(ApiVersion(
            a.parse().map_err(|_| bad())?,
            b.parse().map_err(|_| bad())?,
        ))
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
}

/// Which version a client's requests use: pinned, or negotiated on first use.
#[derive(Debug)]
pub struct Negotiation {
    pinned: Option<ApiVersion>,
    negotiated: tokio::sync::OnceCell<ApiVersion>,
}

impl Negotiation {
    /// From the `version` option: None, "" or "auto" negotiate; anything else is pinned and
    /// must be at least `MIN_API_VERSION`.
    pub fn new(version: Option<&str>) -> Result<Negotiation> {
        let pinned = match version.map(str::trim) {
            None | Some("") | Some("auto") => None,
            Some(v) => {
                let v = ApiVersion::parse(v)?;
                if v < MIN_API_VERSION {
                    return Err(Error::invalid(format!(
                        "API version {v} is older than the oldest supported, {MIN_API_VERSION}"
                    )));
                }
                Some(v)
            }
        };
        Ok(Negotiation {
            pinned,
            negotiated: tokio::sync::OnceCell::new(),
        })
    }

    /// The version already settled (pinned, or negotiated), if any: no address to name, no
    /// engine to ask. The path of every call after the first.
    pub fn settled(&self) -> Option<ApiVersion> {
        self.pinned.or_else(|| self.negotiated.get().copied())
    }

    /// The version to use: the pinned one, or min(engine, MAX_API_VERSION) where `ask` gives
    /// the engine's own; `ask` runs once per client (until it succeeds). `addr` names the
    /// engine in the error for one older than `MIN_API_VERSION`.
    pub async fn get<F>(&self, addr: &str, ask: impl FnOnce() -> F) -> Result<ApiVersion>
    where
        F: std::future::Future<Output = Result<ApiVersion>>,
    {
        if let Some(v) = self.pinned {
            return Ok(v);
        }
        self.negotiated
            .get_or_try_init(|| async {
                let engine = ask().await?;
                if engine < MIN_API_VERSION {
                    return Err(Error::Api {
                        status: 0,
                        message: format!(
                            "the engine at {addr} speaks API {engine}, older than the oldest this library supports ({MIN_API_VERSION})"
                        ),
                    });
                }
                Ok(engine.min(MAX_API_VERSION))
            })
            .await
            .copied()
    }
}

/// The engine's version from /_ping's `Api-Version` header, if it sent one.
pub fn from_ping_headers(headers: &hyper::HeaderMap) -> Option<Result<ApiVersion>> {
    headers
        .get("api-version")
        .and_then(|v| v.to_str().ok())
        .map(ApiVersion::parse)
}

/// The engine's version from the body of `GET /version`.
pub fn from_version_body(body: &[u8]) -> Result<ApiVersion> {
    let v: serde_json::Value = super::http::decode_json(body)?;
    match v.get("ApiVersion").and_then(|v| v.as_str()) {
        Some(s) => ApiVersion::parse(s),
        None => Err(Error::Protocol(
            "the engine's /version has no ApiVersion".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_versions() {
        assert_eq!(ApiVersion::parse("1.41").unwrap(), ApiVersion(1, 41));
        assert_eq!(ApiVersion::parse(" v1.24 ").unwrap(), ApiVersion(1, 24));
        assert!(ApiVersion(1, 9) < ApiVersion(1, 10));
        for bad in ["", "1", "1.x", "one.two", "1.41.0"] {
            assert!(
                matches!(ApiVersion::parse(bad), Err(Error::InvalidArgument(m)) if m.contains("MAJOR.MINOR")),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn pins_or_negotiates() {
        for auto in [None, Some(""), Some("auto"), Some(" auto ")] {
            assert!(Negotiation::new(auto).unwrap().pinned.is_none(), "{auto:?}");
        }
        assert_eq!(
            Negotiation::new(Some("1.41")).unwrap().pinned,
            Some(ApiVersion(1, 41))
        );
        assert!(matches!(
            Negotiation::new(Some("1.23")),
            Err(Error::InvalidArgument(m)) if m.contains("1.23") && m.contains("1.24")
        ));
    }

    #[test]
    fn reads_the_engines_version() {
        let mut h = hyper::HeaderMap::new();
        assert!(from_ping_headers(&h).is_none());
        h.insert("Api-Version", "1.43".parse().unwrap());
        assert_eq!(from_ping_headers(&h).unwrap().unwrap(), ApiVersion(1, 43));
        assert_eq!(
            from_version_body(br#"{"ApiVersion":"1.30","Version":"x"}"#).unwrap(),
            ApiVersion(1, 30)
        );
        assert!(matches!(from_version_body(b"{}"), Err(Error::Protocol(_))));
        assert!(matches!(
            from_version_body(b"nope"),
            Err(Error::Protocol(_))
        ));
    }
}
