//! Client settings: docker-py's `DockerClient` keywords and `from_env`, Docker CLI contexts
//! applied, and the TLS settings they imply. Nothing here touches the network.

use super::context;
use super::opts::Opts;
use super::transport::tls::{self, TlsSettings};
use super::{Error, Result};
use std::path::PathBuf;
use std::time::Duration;

/// docker-py's default per-call timeout.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Idle connections kept per client. Calls beyond it still run in parallel; the extra
/// connections are just not kept afterwards.
pub const DEFAULT_MAX_POOL_SIZE: usize = 64;

/// Client settings: docker-py's `DockerClient` arguments.
#[derive(Debug, Clone, Default)]
pub struct ClientOptions {
    /// `unix:///path`, `tcp://host:port`, `http://host:port`. None: the default socket.
    pub base_url: Option<String>,
    /// None or "auto": negotiate. Otherwise a pinned version such as "1.41".
    pub version: Option<String>,
    /// Per-call timeout; streams get none (they have idle timeouts and cancellation).
    pub timeout: Option<Duration>,
    pub user_agent: Option<String>,
    pub max_pool_size: Option<usize>,
    /// TLS was asked for (DOCKER_TLS_VERIFY / DOCKER_CERT_PATH / `tls` / an https:// address).
    pub tls: bool,
    /// `tls_verify`: None means verify (the Docker CLI's `--tlsverify`); false only when asked.
    pub tls_verify: Option<bool>,
    /// `tls_ca_cert`, `tls_client_cert`, `tls_client_key`: PEM files. Unset: ca.pem, cert.pem,
    /// key.pem in DOCKER_CERT_PATH (or ~/.docker) when they exist.
    pub tls_ca_cert: Option<PathBuf>,
    pub tls_client_cert: Option<PathBuf>,
    pub tls_client_key: Option<PathBuf>,
    /// `tls_server_name`: the name the server certificate must carry (default: the host).
    pub tls_server_name: Option<String>,
    /// DOCKER_CERT_PATH.
    pub cert_path: Option<PathBuf>,
    /// `context`: a Docker CLI context by name (its engine address and TLS files).
    pub context: Option<String>,
    /// `ssh_options`: extra arguments for ssh (ssh:// engines), such as ["-i", "key"].
    pub ssh_options: Vec<String>,
}

impl ClientOptions {
    /// Read docker-py's `DockerClient(...)` keywords from a JSON object; unknown keys are errors.
    pub fn from_opts(mut o: Opts, allow_base_url: bool) -> Result<ClientOptions> {
        let mut c = ClientOptions::default();
        if allow_base_url {
            c.base_url = o.string("base_url")?;
        }
        c.version = o.string("version")?;
        c.timeout = o.seconds("timeout")?;
        c.user_agent = o.string("user_agent")?;
        c.max_pool_size = o.u64("max_pool_size")?.map(|n| n as usize);
        if let Some(v) = o.take("tls") {
            match v {
                serde_json::Value::Bool(b) => c.tls = b,
                _ => c.tls = true,
            }
        }
        c.tls_verify = o.bool("tls_verify")?;
        c.tls_ca_cert = o.string("tls_ca_cert")?.map(PathBuf::from);
        c.tls_client_cert = o.string("tls_client_cert")?.map(PathBuf::from);
        c.tls_client_key = o.string("tls_client_key")?.map(PathBuf::from);
        c.tls_server_name = o.string("tls_server_name")?;
        c.context = o.string("context")?;
        if let Some(v) = o.take("ssh_options") {
            let bad = || Error::invalid("ssh_options must be a list of strings");
            let list = v.as_array().ok_or_else(bad)?;
            for a in list {
                c.ssh_options.push(a.as_str().ok_or_else(bad)?.to_string());
            }
        }
        if c.context.is_some() && c.base_url.is_some() {
            return Err(Error::invalid(
                "base_url and context both name an engine: give one of them",
            ));
        }
        if c.tls_verify.is_some()
            || c.tls_ca_cert.is_some()
            || c.tls_client_cert.is_some()
            || c.tls_client_key.is_some()
            || c.tls_server_name.is_some()
        {
            c.tls = true;
        }
        o.finish()?;
        if allow_base_url {
            if let Some(name) = c.context.clone() {
                c.apply_context(&name)?;
            }
        }
        Ok(c)
    }

    /// Take the engine address and TLS files from the Docker CLI context `name`. Settings
    /// given explicitly (tls_* options) win over the context's files.
    pub fn apply_context(&mut self, name: &str) -> Result<()> {
        let ctx = context::load(name)?;
        self.base_url = ctx.host;
        if ctx.ca.is_some() || ctx.cert.is_some() || ctx.skip_tls_verify {
            self.tls = true;
            if self.tls_verify.is_none() && ctx.skip_tls_verify {
                self.tls_verify = Some(false);
            }
            if self.tls_ca_cert.is_none() {
                self.tls_ca_cert = ctx.ca;
            }
            if self.tls_client_cert.is_none() && self.tls_client_key.is_none() {
                self.tls_client_cert = ctx.cert;
                self.tls_client_key = ctx.key;
            }
        }
        Ok(())
    }

    /// docker-py's `from_env`: DOCKER_HOST, DOCKER_API_VERSION, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH,
    /// with `overrides` (version, timeout, user_agent, max_pool_size, tls_*, context) on top;
    /// without DOCKER_HOST, the Docker CLI's current context (DOCKER_CONTEXT, config.json).
    pub fn from_env(overrides: Opts) -> Result<ClientOptions> {
        let mut c = ClientOptions::from_opts(overrides, false)?;
        c.base_url = std::env::var("DOCKER_HOST").ok().filter(|s| !s.is_empty());
        if c.version.is_none() {
            c.version = std::env::var("DOCKER_API_VERSION")
                .ok()
                .filter(|s| !s.is_empty());
        }
        let verify = std::env::var("DOCKER_TLS_VERIFY")
            .map(|s| !s.is_empty())
            .unwrap_or(false);
        c.cert_path = std::env::var("DOCKER_CERT_PATH")
            .ok()
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        c.tls = c.tls || verify || c.cert_path.is_some();
        // The Docker CLI's order: the context option, then DOCKER_HOST, then DOCKER_CONTEXT,
        // then currentContext in config.json; "default" is the local engine.
        let name = match c.context.clone() {
            Some(n) => Some(n),
            None if c.base_url.is_some() => None,
            None => context::current_name()?,
        };
        if let Some(name) = name {
            c.apply_context(&name)?;
        }
        Ok(c)
    }

    /// Whether TLS was asked for: `tls` (or what implies it), or an https:// address.
    pub fn tls_wanted(&self) -> bool {
        self.tls
            || self
                .base_url
                .as_deref()
                .unwrap_or("")
                .trim()
                .starts_with("https://")
    }

    /// The TLS settings, with the Docker CLI's defaults: verify unless `tls_verify` is false;
    /// files not named come from DOCKER_CERT_PATH (or ~/.docker) when they exist.
    pub fn tls_settings(&self) -> TlsSettings {
        let dir = self
            .cert_path
            .clone()
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".docker")));
        let from_dir = |f: &str| dir.as_ref().and_then(|d| tls::existing(d.join(f)));
        let (cert, key) = match (&self.tls_client_cert, &self.tls_client_key) {
            (None, None) => match (from_dir("cert.pem"), from_dir("key.pem")) {
                (Some(c), Some(k)) => (Some(c), Some(k)),
                _ => (None, None),
            },
            (c, k) => (c.clone(), k.clone()),
        };
        TlsSettings {
            verify: self.tls_verify.unwrap_or(true),
            ca_cert: self.tls_ca_cert.clone().or_else(|| from_dir("ca.pem")),
            client_cert: cert,
            client_key: key,
            server_name: self.tls_server_name.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_opts(json: &str) -> Result<ClientOptions> {
        ClientOptions::from_opts(Opts::parse("docker_client_new", json)?, true)
    }

    #[test]
    fn reads_docker_py_keywords() {
        let c = new_opts(
            r#"{"base_url": "tcp://h:1", "version": "1.41", "timeout": 2.5,
                "user_agent": "me", "max_pool_size": 3, "ssh_options": ["-i", "k"]}"#,
        )
        .unwrap();
        assert_eq!(c.base_url.as_deref(), Some("tcp://h:1"));
        assert_eq!(c.version.as_deref(), Some("1.41"));
        assert_eq!(c.timeout, Some(Duration::from_millis(2500)));
        assert_eq!(c.user_agent.as_deref(), Some("me"));
        assert_eq!(c.max_pool_size, Some(3));
        assert_eq!(c.ssh_options, ["-i", "k"]);
        assert!(!c.tls && !c.tls_wanted());
        let empty = new_opts("").unwrap();
        assert!(empty.base_url.is_none() && empty.version.is_none() && !empty.tls);
    }

    #[test]
    fn tls_is_implied_by_its_keys_and_by_https() {
        // `tls` as docker-py's TLSConfig-ish object still means "TLS on".
        assert!(new_opts(r#"{"tls": {}}"#).unwrap().tls);
        assert!(!new_opts(r#"{"tls": false}"#).unwrap().tls);
        for key in [
            r#""tls_verify": false"#,
            r#""tls_ca_cert": "/ca.pem""#,
            r#""tls_client_cert": "/c.pem""#,
            r#""tls_client_key": "/k.pem""#,
            r#""tls_server_name": "engine""#,
        ] {
            let c = new_opts(&format!("{{{key}}}")).unwrap();
            assert!(c.tls && c.tls_wanted(), "{key}");
        }
        let c = new_opts(r#"{"base_url": " https://h:2376"}"#).unwrap();
        assert!(!c.tls && c.tls_wanted());
    }

    #[test]
    fn refuses_what_it_cannot_use() {
        let err = |json: &str| match new_opts(json) {
            Err(Error::InvalidArgument(m)) => m,
            other => panic!("{json}: expected InvalidArgument, got {other:?}"),
        };
        assert!(err(r#"{"base_urll": "x"}"#).contains("base_urll"));
        assert!(err(r#"{"ssh_options": "-i k"}"#).contains("ssh_options"));
        assert!(err(r#"{"ssh_options": ["-i", 3]}"#).contains("ssh_options"));
        let m = err(r#"{"base_url": "unix:///x", "context": "c"}"#);
        assert!(m.contains("base_url") && m.contains("context"), "{m}");
        assert!(err(r#"{"timeout": -1}"#).contains("timeout"));
        // from_env's options take no base_url: DOCKER_HOST gives it.
        let opts = Opts::parse("docker_client_from_env", r#"{"base_url": "x"}"#);
        assert!(matches!(opts, Err(Error::InvalidArgument(m)) if m.contains("base_url")));
    }

    #[test]
    fn tls_settings_default_to_verify_and_the_cert_dir() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["ca.pem", "cert.pem", "key.pem"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let mut c = ClientOptions {
            cert_path: Some(dir.path().to_path_buf()),
            ..Default::default()
        };
        let s = c.tls_settings();
        assert!(s.verify);
        assert_eq!(s.ca_cert, Some(dir.path().join("ca.pem")));
        assert_eq!(s.client_cert, Some(dir.path().join("cert.pem")));
        assert_eq!(s.client_key, Some(dir.path().join("key.pem")));
        // Named files win; a certificate named without its key is passed on as given (the
        // TLS layer reports the missing half).
        c.tls_verify = Some(false);
        c.tls_ca_cert = Some("/elsewhere/ca.pem".into());
        c.tls_client_cert = Some("/elsewhere/cert.pem".into());
        let s = c.tls_settings();
        assert!(!s.verify);
        assert_eq!(s.ca_cert, Some(PathBuf::from("/elsewhere/ca.pem")));
        assert_eq!(s.client_cert, Some(PathBuf::from("/elsewhere/cert.pem")));
        assert_eq!(s.client_key, None);
        // A directory with only one of the pair gives no client certificate.
        std::fs::remove_file(dir.path().join("key.pem")).unwrap();
        let c = ClientOptions {
            cert_path: Some(dir.path().to_path_buf()),
            ..Default::default()
        };
        let s = c.tls_settings();
        assert_eq!((s.client_cert, s.client_key), (None, None));
    }
}
