//! The engine layer's one error type: what went wrong, with the engine's own status and message
//! kept intact. The FFI layer maps it to a handful of stable codes.

use std::fmt;

/// Every failure the engine layer reports.
#[derive(Debug, Clone)]
pub enum Error {
    /// The caller passed something unusable; the message names what.
    InvalidArgument(String),
    /// The engine answered with an error status. `message` is the engine's own `message` field
    /// (or its body, when that is not JSON).
    Api { status: u16, message: String },
    /// The image named in a create/run is not present and could not be pulled.
    ImageNotFound { status: u16, message: String },
    /// A non-detached `run` whose container exited non-zero (docker-py's ContainerError).
    ContainerFailed {
        container_id: String,
        exit_status: i64,
        command: String,
        image: String,
        stderr: Vec<u8>,
    },
    /// A readiness wait (wait.rs) ended because the container exited, was removed or turned
    /// unhealthy: the same code as `ContainerFailed` at the C ABI; `output` holds the last
    /// lines of its output (or its last health-check outputs).
    WaitFailed {
        container_id: String,
        exit_status: i64,
        message: String,
        output: Vec<u8>,
    },
    /// The engine could not be reached at `addr`.
    Connection { addr: String, reason: String },
    /// The connection to the engine at `addr` ended before the answer or stream was complete
    /// (the engine stopped or restarted, a proxy cut it): the same code as `Connection` at the
    /// C ABI, since the remedy is the same (reconnect, retry); what arrived before is intact.
    ConnectionLost { addr: String, reason: String },
    /// A call or stream ran past its time limit.
    Timeout(String),
    /// A cancel token fired or the stream was cancelled.
    Cancelled,
    /// A stream callback asked to stop.
    StoppedByCallback,
    /// A TLS problem (or TLS asked for where it is not available).
    Tls(String),
    /// A handle or stream made before fork() was used in the child.
    Forked(String),
    /// The engine sent something we could not decode, or a stream broke mid-way.
    Protocol(String),
    /// A local I/O failure (files on the host side of a copy).
    Io(String),
    /// A bug: should not happen.
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn invalid(msg: impl Into<String>) -> Self {
        Error::InvalidArgument(msg.into())
    }

    /// The HTTP status the engine answered with, if this error came from one.
    pub fn http_status(&self) -> u16 {
        match self {
            Error::Api { status, .. } | Error::ImageNotFound { status, .. } => *status,
            _ => 0,
        }
    }

    /// True for an engine 404.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            Error::Api { status: 404, .. } | Error::ImageNotFound { .. }
        )
    }

    /// True for a conflict as either engine reports it: dockerd's 409, or Podman's 500 with
    /// one of its conflict messages (a name in use, a container in the wrong state). The
    /// status and message stay as the engine sent them.
    pub fn is_conflict(&self) -> bool {
        super::podman::is_conflict(self)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidArgument(m) => write!(f, "invalid argument: {m}"),
            Error::Api { status, message } => write!(f, "engine error {status}: {message}"),
            Error::ImageNotFound { message, .. } => write!(f, "image not found: {message}"),
            Error::ContainerFailed {
                container_id,
                exit_status,
                command,
                image,
                stderr,
            } => {
                let short = &container_id[..container_id.len().min(12)];
                write!(
                    f,
                    "command '{command}' in image '{image}' (container {short}) returned non-zero exit status {exit_status}"
                )?;
                if !stderr.is_empty() {
                    write!(f, ": {}", String::from_utf8_lossy(stderr).trim_end())?;
                }
                Ok(())
            }
            Error::WaitFailed { message, .. } => write!(f, "wait_for: {message}"),
            Error::Connection { addr, reason } => {
                write!(f, "cannot connect to the engine at {addr}: {reason}")
            }
            Error::ConnectionLost { addr, reason } => {
                write!(f, "lost the connection to the engine at {addr}: {reason}")
            }
            Error::Timeout(m) => write!(f, "timed out: {m}"),
            Error::Cancelled => write!(f, "cancelled"),
            Error::StoppedByCallback => write!(f, "stopped by callback"),
            Error::Tls(m) => write!(f, "TLS: {m}"),
            Error::Forked(m) => write!(f, "used after fork(): {m}"),
            Error::Protocol(m) => write!(f, "protocol error: {m}"),
            Error::Io(m) => write!(f, "I/O error: {m}"),
            Error::Internal(m) => write!(f, "internal error: {m}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e.to_string())
    }
}
