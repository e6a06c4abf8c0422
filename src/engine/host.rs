//! Where the engine is: DOCKER_HOST-style addresses, parsed the way the Docker CLI and docker-py
//! read them.

use super::{Error, Result};
use std::path::PathBuf;

/// The default engine address on Linux.
pub const DEFAULT_UNIX_SOCKET: &str = "/var/run/docker.sock";

/// A parsed engine address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    /// A unix socket path.
    Unix(PathBuf),
    /// Plain HTTP over TCP (or TLS, when the client is set up for it).
    Tcp { host: String, port: u16 },
    /// `ssh://[user@]host[:port]`: `docker system dial-stdio` over the system ssh.
    Ssh {
        user: Option<String>,
        host: String,
        port: Option<u16>,
    },
}

impl Host {
    /// Parse `unix:///path` (`unix://path` is the same absolute path), `tcp://host[:port]`, `http://host[:port]`, `https://host[:port]`
    /// (TLS, default port 2376), or a bare `/path`. An empty string means the default unix
    /// socket. `ssh://` and `npipe://` are recognised and refused.
    pub fn parse(s: &str) -> Result<Host> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(Host::Unix(PathBuf::from(DEFAULT_UNIX_SOCKET)));
        }
        if let Some(path) = s.strip_prefix("unix://") {
            if path.is_empty() {
                return Ok(Host::Unix(PathBuf::from(DEFAULT_UNIX_SOCKET)));
            }
            // unix://var/run/docker.sock (two slashes) is /var/run/docker.sock, as docker-py
            // reads it (its unix adapter adds the leading slash): never relative to the working
            // directory.
            if !path.starts_with('/') {
                return Ok(Host::Unix(PathBuf::from(format!("/{path}"))));
            }
            return Ok(Host::Unix(PathBuf::from(path)));
        }
        if s.starts_with('/') {
            return Ok(Host::Unix(PathBuf::from(s)));
        }
        if let Some(rest) = s
            .strip_prefix("tcp://")
            .or_else(|| s.strip_prefix("http://"))
        {
            return parse_tcp(s, rest, 2375);
        }
        if let Some(rest) = s.strip_prefix("https://") {
            // TLS is implied; the client turns it on for an https:// address.
            return parse_tcp(s, rest, 2376);
        }
        if let Some(rest) = s.strip_prefix("ssh://") {
            return parse_ssh(s, rest);
        }
        if s.starts_with("npipe://") {
            return Err(Error::invalid(format!(
                "engine address {s}: named pipes exist only on Windows"
            )));
        }
        Err(Error::invalid(format!(
            "engine address {s:?}: expected unix:///path, tcp://host:port or http://host:port"
        )))
    }

    /// The address as a user would write it, for messages.
    pub fn display(&self) -> String {
        match self {
            Host::Unix(p) => format!("unix://{}", p.display()),
            Host::Tcp { host, port } => format!("tcp://{host}:{port}"),
            Host::Ssh { user, host, port } => {
                let user = user.as_deref().map(|u| format!("{u}@")).unwrap_or_default();
                let port = port.map(|p| format!(":{p}")).unwrap_or_default();
                format!("ssh://{user}{host}{port}")
            }
        }
    }

    pub fn is_tcp(&self) -> bool {
        matches!(self, Host::Tcp { .. })
    }
}

fn parse_ssh(whole: &str, rest: &str) -> Result<Host> {
    let (authority, path) = match rest.split_once('/') {
        Some((a, p)) => (a, p),
        None => (rest, ""),
    };
    if !path.is_empty() {
        return Err(Error::invalid(format!(
            "engine address {whole:?}: an ssh:// address takes no path"
        )));
    }
    let (user, hostport) = match authority.rsplit_once('@') {
        Some((u, h)) => (Some(u.to_string()), h),
        None => (None, authority),
    };
    match parse_tcp(whole, hostport, 0)? {
        Host::Tcp { host, port } => Ok(Host::Ssh {
            user,
            host,
            port: (port != 0).then_some(port),
        }),
        _ => unreachable!("parse_tcp gives Tcp"),
    }
}

fn parse_tcp(whole: &str, rest: &str, default_port: u16) -> Result<Host> {
    // Drop any path part: docker-py allows tcp://host:port/ with a trailing slash.
    let authority = rest.split('/').next().unwrap_or("");
    if authority.is_empty() {
        return Err(Error::invalid(format!("engine address {whole:?}: no host")));
    }
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let end = v6
            .find(']')
            .ok_or_else(|| Error::invalid(format!("engine address {whole:?}: unclosed '['")))?;
        let host = &v6[..end];
        let after = &v6[end + 1..];
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p),
            None if after.is_empty() => None,
            None => {
                return Err(Error::invalid(format!(
                    "engine address {whole:?}: junk after ']'"
                )))
            }
        };
        (host.to_string(), port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (authority.to_string(), None),
        }
    };
    let port = match port {
        None | Some("") => default_port,
        Some(p) => p
            .parse::<u16>()
            .map_err(|_| Error::invalid(format!("engine address {whole:?}: bad port {p:?}")))?,
    };
    if host.is_empty() {
        return Err(Error::invalid(format!("engine address {whole:?}: no host")));
    }
    Ok(Host::Tcp { host, port })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_docker_host_forms() {
        assert_eq!(
            Host::parse("").unwrap(),
            Host::Unix(DEFAULT_UNIX_SOCKET.into())
        );
        assert_eq!(
            Host::parse("unix:///tmp/d.sock").unwrap(),
            Host::Unix("/tmp/d.sock".into())
        );
        // Two slashes: still the absolute path, as in docker-py.
        assert_eq!(
            Host::parse("unix://var/run/docker.sock").unwrap(),
            Host::Unix("/var/run/docker.sock".into())
        );
        assert_eq!(
            Host::parse("unix://tmp/d.sock").unwrap(),
            Host::Unix("/tmp/d.sock".into())
        );
        assert_eq!(
            Host::parse("/tmp/d.sock").unwrap(),
            Host::Unix("/tmp/d.sock".into())
        );
        assert_eq!(
            Host::parse("tcp://127.0.0.1:2375").unwrap(),
            Host::Tcp {
                host: "127.0.0.1".into(),
                port: 2375
            }
        );
        assert_eq!(
            Host::parse("http://example:99/").unwrap(),
            Host::Tcp {
                host: "example".into(),
                port: 99
            }
        );
        assert_eq!(
            Host::parse("tcp://h").unwrap(),
            Host::Tcp {
                host: "h".into(),
                port: 2375
            }
        );
        assert_eq!(
            Host::parse("tcp://[::1]:5").unwrap(),
            Host::Tcp {
                host: "::1".into(),
                port: 5
            }
        );
        assert_eq!(
            Host::parse("https://h").unwrap(),
            Host::Tcp {
                host: "h".into(),
                port: 2376
            }
        );
        assert_eq!(
            Host::parse("ssh://u@h:2222").unwrap(),
            Host::Ssh {
                user: Some("u".into()),
                host: "h".into(),
                port: Some(2222)
            }
        );
        assert_eq!(
            Host::parse("ssh://h").unwrap(),
            Host::Ssh {
                user: None,
                host: "h".into(),
                port: None
            }
        );
        assert!(matches!(
            Host::parse("tcp://h:notaport"),
            Err(Error::InvalidArgument(_))
        ));
        assert!(matches!(
            Host::parse("ftp://h"),
            Err(Error::InvalidArgument(_))
        ));
    }
}
