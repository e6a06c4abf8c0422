//! Docker CLI contexts: which engine a context names, and its TLS files, read from the CLI's
//! own store ($DOCKER_CONFIG, default ~/.docker).

use super::{Error, Result};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// What a context says about its engine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// Endpoints.docker.Host; None for the default context (the local socket).
    pub host: Option<String>,
    /// Endpoints.docker.SkipTLSVerify.
    pub skip_tls_verify: bool,
    /// contexts/tls/<id>/docker/{ca,cert,key}.pem, those that exist.
    pub ca: Option<PathBuf>,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
}

/// The CLI's configuration directory: $DOCKER_CONFIG, else ~/.docker.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("DOCKER_CONFIG").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".docker"))
}

/// The context the CLI would use when no DOCKER_HOST is set: DOCKER_CONTEXT, then
/// `currentContext` in config.json. None means the default context.
pub fn current_name() -> Result<Option<String>> {
    if let Ok(n) = std::env::var("DOCKER_CONTEXT") {
        if !n.is_empty() {
            return Ok(Some(n));
        }
    }
    let Some(dir) = config_dir() else {
        return Ok(None);
    };
    let path = dir.join("config.json");
    let text = match std::fs::read(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::invalid(format!("reading {}: {e}", path.display()))),
    };
    let v: serde_json::Value = serde_json::from_slice(&text)
        .map_err(|e| Error::invalid(format!("{} is not valid JSON: {e}", path.display())))?;
    Ok(v.get("currentContext")
        .and_then(|c| c.as_str())
        .filter(|s| !s.is_empty())
        .map(str::to_owned))
}

/// Load the context `name` from the store. "default" is the local engine.
pub fn load(name: &str) -> Result<Context> {
    if name == "default" {
        return Ok(Context::default());
    }
    let dir = config_dir()
        .ok_or_else(|| Error::invalid(format!("context {name:?}: no DOCKER_CONFIG and no HOME")))?;
    let id = hex(&Sha256::digest(name.as_bytes()));
    let meta = dir.join("contexts/meta").join(&id).join("meta.json");
    let text = std::fs::read(&meta).map_err(|e| {
        Error::invalid(format!(
            "context {name:?} not found ({}: {e}); `docker context ls` lists the contexts",
            meta.display()
        ))
    })?;
    let v: serde_json::Value = serde_json::from_slice(&text)
        .map_err(|e| Error::invalid(format!("context {name:?}: {}: {e}", meta.display())))?;
    let ep = v.pointer("/Endpoints/docker");
    let host = ep
        .and_then(|e| e.get("Host"))
        .and_then(|h| h.as_str())
        .filter(|h| !h.is_empty())
        .map(str::to_owned);
    let skip_tls_verify = ep
        .and_then(|e| e.get("SkipTLSVerify"))
        .and_then(|b| b.as_bool())
        .unwrap_or(false);
    let tls = dir.join("contexts/tls").join(&id).join("docker");
    let file = |f: &str| Some(tls.join(f)).filter(|p| p.is_file());
    Ok(Context {
        host,
        skip_tls_verify,
        ca: file("ca.pem"),
        cert: file("cert.pem"),
        key: file("key.pem"),
    })
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
