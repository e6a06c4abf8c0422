//! How bytes reach the engine: one transport per address kind (unix socket, tcp, TLS over tcp,
//! ssh), each connecting in its own file; `Transport::connect` is the one place a connection
//! is opened, with its time limit and its errors in the engine's terms.

pub mod ssh;
pub mod tcp;
pub mod tls;
pub mod unix;

use super::host::Host;
use super::{Error, Result};
use ssh::SshTarget;
use std::time::Duration;
use tls::{Tls, TlsSettings};

/// Time allowed to open a connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// What a connection runs over: a unix or tcp socket, a TLS stream, an ssh child's pipes.
pub trait Io: hyper::rt::Read + hyper::rt::Write + Send + Unpin {}
impl<T: hyper::rt::Read + hyper::rt::Write + Send + Unpin> Io for T {}

/// Where the engine is and how to reach it.
pub struct Transport {
    host: Host,
    /// Set for a TLS engine.
    tls: Option<Tls>,
    /// Set for an ssh:// engine.
    ssh: Option<SshTarget>,
}

impl Transport {
    /// The transport for the address `url` (empty: the default socket). `tls`: TLS was asked
    /// for, with these settings; it applies to tcp:// and https:// addresses.
    pub fn new(url: &str, tls: Option<TlsSettings>, ssh_options: &[String]) -> Result<Transport> {
        let url = url.trim();
        // With TLS, tcp://host without a port means the TLS port, 2376, as in the Docker CLI.
        let host = match url.strip_prefix("tcp://") {
            Some(rest) if tls.is_some() => Host::parse(&format!("https://{rest}"))?,
            _ => Host::parse(url)?,
        };
        let tls = match (&host, tls) {
            (Host::Tcp { host: h, .. }, Some(settings)) => Some(settings.build(h)?),
            _ => None,
        };
        let ssh = match &host {
            Host::Ssh { user, host, port } => Some(SshTarget {
                user: user.clone(),
                host: host.clone(),
                port: *port,
                options: ssh_options.to_vec(),
            }),
            _ => None,
        };
        Ok(Transport { host, tls, ssh })
    }

    pub fn host(&self) -> &Host {
        &self.host
    }

    /// The engine's address, as a user would write it.
    pub fn address(&self) -> String {
        self.host.display()
    }

    /// Open a connection, within `CONNECT_TIMEOUT` (an ssh child is started at once; its
    /// failures show on first use).
    pub async fn connect(&self) -> Result<Box<dyn Io>> {
        let connect_err = |e: std::io::Error| Error::Connection {
            addr: self.address(),
            reason: e.to_string(),
        };
        let timed_out = |_| Error::Connection {
            addr: self.address(),
            reason: "connect timed out".into(),
        };
        let io: Box<dyn Io> = match &self.host {
            Host::Unix(path) => {
                let io = tokio::time::timeout(CONNECT_TIMEOUT, unix::connect(path))
                    .await
                    .map_err(timed_out)?
                    .map_err(connect_err)?;
                // Through tokio's traits, which pass vectored writes on (hyperlocal's own
                // hyper::rt::Write does not): hyper then writes a body's chunks from where
                // they are instead of copying each one into its buffer first.
                Box::new(hyper_util::rt::TokioIo::new(io))
            }
            Host::Ssh { .. } => {
                let target = self.ssh.as_ref().expect("an ssh target");
                let io = target.spawn().map_err(connect_err)?;
                Box::new(hyper_util::rt::TokioIo::new(io))
            }
            Host::Tcp { host, port } => match &self.tls {
                Some(tls) => {
                    let io = tokio::time::timeout(CONNECT_TIMEOUT, tls::connect(tls, host, *port))
                        .await
                        .map_err(timed_out)?
                        .map_err(|e| match tls::tls_reason(&e) {
                            Some(why) => Error::Tls(format!("{}: {why}", self.address())),
                            None => connect_err(e),
                        })?;
                    Box::new(hyper_util::rt::TokioIo::new(io))
                }
                None => {
                    let io = tokio::time::timeout(CONNECT_TIMEOUT, tcp::connect(host, *port))
                        .await
                        .map_err(timed_out)?
                        .map_err(connect_err)?;
                    Box::new(hyper_util::rt::TokioIo::new(io))
                }
            },
        };
        Ok(io)
    }
}
