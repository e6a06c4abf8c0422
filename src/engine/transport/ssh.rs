//! ssh:// engines, as the Docker CLI reaches them: the system `ssh` runs
//! `docker system dial-stdio` on the remote host, and the child's stdin and stdout are the
//! connection. The child is killed and reaped when the connection is dropped.

use std::io;
use std::pin::Pin;
use std::process::Stdio;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::process::{ChildStderr, ChildStdin, ChildStdout};

/// Where and how to ssh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshTarget {
    pub user: Option<String>,
    pub host: String,
    pub port: Option<u16>,
    /// Extra arguments for ssh (the `ssh_options` option), such as ["-i", "key"].
    pub options: Vec<String>,
}

/// A connection failed because ssh failed: what ssh said.
#[derive(Debug)]
pub struct SshFailed(pub String);

impl std::fmt::Display for SshFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for SshFailed {}

/// If `e` (or what it wraps) is an ssh failure, what ssh said.
pub fn ssh_reason(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(s) = err.downcast_ref::<SshFailed>() {
            return Some(s.0.clone());
        }
        if let Some(io) = err.downcast_ref::<io::Error>() {
            if let Some(s) = io.get_ref().and_then(|i| i.downcast_ref::<SshFailed>()) {
                return Some(s.0.clone());
            }
        }
        cur = err.source();
    }
    None
}

/// One ssh child; its stdout is read, its stdin written. Dropping it kills the child and
/// reaps it there and then (a killed process is gone in moments), so no zombie waits for a
/// runtime to notice.
pub struct SshStream {
    child: std::process::Child,
    stdin: ChildStdin,
    stdout: ChildStdout,
    stderr: Option<ChildStderr>,
    /// The end of what ssh wrote to stderr, for error messages.
    said: Vec<u8>,
    got_data: bool,
    dest: String,
}

const SAID_MAX: usize = 4096;

impl SshTarget {
    /// Start `ssh ... docker system dial-stdio`.
    pub fn spawn(&self) -> io::Result<SshStream> {
        let mut cmd = std::process::Command::new("ssh");
        cmd.arg("-o").arg("BatchMode=yes");
        if let Some(p) = self.port {
            cmd.arg("-p").arg(p.to_string());
        }
        if let Some(u) = &self.user {
            cmd.arg("-l").arg(u);
        }
        cmd.args(&self.options);
        cmd.arg("--").arg(&self.host);
        cmd.args(["docker", "system", "dial-stdio"]);
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd
            .spawn()
            .map_err(|e| io::Error::new(e.kind(), SshFailed(format!("starting ssh: {e}"))))?;
        let pipes = (|| {
            Ok::<_, io::Error>((
                ChildStdin::from_std(child.stdin.take().expect("piped"))?,
                ChildStdout::from_std(child.stdout.take().expect("piped"))?,
                child.stderr.take().map(ChildStderr::from_std).transpose()?,
            ))
        })();
        let (stdin, stdout, stderr) = match pipes {
            Ok(p) => p,
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(e);
            }
        };
        Ok(SshStream {
            child,
            stdin,
            stdout,
            stderr,
            said: Vec::new(),
            got_data: false,
            dest: self.display(),
        })
    }

    pub fn display(&self) -> String {
        let user = self
            .user
            .as_deref()
            .map(|u| format!("{u}@"))
            .unwrap_or_default();
        let port = self.port.map(|p| format!(":{p}")).unwrap_or_default();
        format!("ssh://{user}{}{port}", self.host)
    }
}

impl Drop for SshStream {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl SshStream {
    /// Read what stderr has now; Ready once stderr has ended.
    fn drain_stderr(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        loop {
            let Some(err) = self.stderr.as_mut() else {
                return Poll::Ready(());
            };
            let mut buf = [0u8; 1024];
            let mut rb = ReadBuf::new(&mut buf);
            match Pin::new(err).poll_read(cx, &mut rb) {
                Poll::Ready(Ok(())) if !rb.filled().is_empty() => {
                    let n = rb.filled().len();
                    self.said.extend_from_slice(&buf[..n]);
                    if self.said.len() > SAID_MAX {
                        let cut = self.said.len() - SAID_MAX;
                        self.said.drain(..cut);
                    }
                }
                Poll::Ready(_) => {
                    self.stderr = None;
                    return Poll::Ready(());
                }
                Poll::Pending => return Poll::Pending,
            }
        }
    }

    fn failure(&self) -> io::Error {
        let said = String::from_utf8_lossy(&self.said).trim().to_string();
        let said = if said.is_empty() {
            "ssh ended without saying why".to_string()
        } else {
            said
        };
        io::Error::new(
            io::ErrorKind::ConnectionAborted,
            SshFailed(format!("{}: ssh: {said}", self.dest)),
        )
    }
}

impl AsyncRead for SshStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let me = &mut *self;
        let _ = me.drain_stderr(cx);
        let before = buf.filled().len();
        match Pin::new(&mut me.stdout).poll_read(cx, buf) {
            Poll::Ready(Ok(())) if buf.filled().len() == before && !me.got_data => {
                // ssh ended before the engine said anything: report what ssh said.
                match me.drain_stderr(cx) {
                    Poll::Ready(()) => Poll::Ready(Err(me.failure())),
                    Poll::Pending => Poll::Pending,
                }
            }
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before {
                    me.got_data = true;
                }
                Poll::Ready(Ok(()))
            }
            other => other,
        }
    }
}

impl AsyncWrite for SshStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.stdin).poll_write(cx, buf) {
            Poll::Ready(Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
                let _ = self.drain_stderr(cx);
                Poll::Ready(Err(self.failure()))
            }
            other => other,
        }
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stdin).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stdin).poll_shutdown(cx)
    }
}
