//! Streams for C: the callback form (`drive`), the pull form (`docker_stream`), cancel tokens.
//! Both read only as fast as the caller consumes, so memory stays bounded.

use super::args::{arg_options, arg_out, arg_ref, give, put};
use super::cancel::{arg_cancel, docker_cancel};
use super::error::{boundary, docker_error, docker_result, guard};
use super::runtime::{run, run_here};
use crate::engine::decode::StreamKind;
use crate::engine::opts::Opts;
use crate::engine::streams::{ChunkStream, Stdin};
use crate::engine::{Client, Error, Result};
use bytes::Bytes;
use futures_util::StreamExt;
use std::ffi::c_void;
use std::sync::Mutex;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio_util::sync::CancellationToken;

/// What a piece of stream data is.
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum docker_stream_kind {
    /// Echoed stdin (rare).
    DOCKER_STREAM_STDIN = 0,
    /// The container's or process's stdout.
    DOCKER_STREAM_STDOUT = 1,
    /// Its stderr.
    DOCKER_STREAM_STDERR = 2,
    /// Raw terminal output (a tty: stdout and stderr are one stream).
    DOCKER_STREAM_CONSOLE = 3,
    /// One JSON document (a stats sample).
    DOCKER_STREAM_JSON = 4,
    /// docker_stream_next only: the stream has ended; there is no data.
    DOCKER_STREAM_END = 5,
    /// Archive bytes (a tar stream from get_archive or export).
    DOCKER_STREAM_DATA = 6,
}

pub(crate) fn kind_of(k: StreamKind) -> docker_stream_kind {
    match k {
        StreamKind::Stdin => docker_stream_kind::DOCKER_STREAM_STDIN,
        StreamKind::Stdout => docker_stream_kind::DOCKER_STREAM_STDOUT,
        StreamKind::Stderr => docker_stream_kind::DOCKER_STREAM_STDERR,
        StreamKind::Console => docker_stream_kind::DOCKER_STREAM_CONSOLE,
        StreamKind::Json => docker_stream_kind::DOCKER_STREAM_JSON,
        StreamKind::Data => docker_stream_kind::DOCKER_STREAM_DATA,
    }
}

/// Receives stream data: `data[0..len]` is borrowed for the duration of the call (not
/// NUL-terminated). Return 0 to go on; anything else stops the stream, and the call that runs
/// the stream returns DOCKER_ERR_STOPPED_BY_CALLBACK. Runs on the thread that called the
/// streaming function, never on a library thread.
pub type docker_stream_cb = Option<
    extern "C" fn(
        userdata: *mut c_void,
        kind: docker_stream_kind,
        data: *const u8,
        len: usize,
    ) -> i32,
>;

/// Run a stream to its end on the calling thread, handing each chunk to `cb`.
pub(crate) async fn drive_async(
    mut stream: ChunkStream,
    cb: docker_stream_cb,
    userdata: *mut c_void,
    cancel: Option<&CancellationToken>,
    idle: Option<Duration>,
) -> Result<()> {
    let cb = cb.ok_or_else(|| Error::invalid("callback is NULL"))?;
    loop {
        let next = async {
            match idle {
                Some(d) => tokio::time::timeout(d, stream.next())
                    .await
                    .map_err(|_| Error::Timeout(format!("no output for {d:?} (idle_timeout)"))),
                None => Ok(stream.next().await),
            }
        };
        let item = match cancel {
            Some(t) => tokio::select! {
                biased;
                _ = t.cancelled() => return Err(Error::Cancelled),
                r = next => r?,
            },
            None => next.await?,
        };
        match item {
            None => return Ok(()),
            Some(Err(e)) => return Err(e),
            Some(Ok(chunk)) => {
                if cb(
                    userdata,
                    kind_of(chunk.kind),
                    chunk.data.as_ptr(),
                    chunk.data.len(),
                ) != 0
                {
                    return Err(Error::StoppedByCallback);
                }
            }
        }
    }
}

/// Read the `idle_timeout` option (seconds).
pub(crate) fn idle_option(o: &mut crate::engine::opts::Opts) -> Result<Option<Duration>> {
    o.seconds("idle_timeout")
}

/// An engine stream about to be opened: what the `open` step of a stream export gives.
pub(crate) type OpenStream<'a> =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<ChunkStream>> + 'a>>;

/// The callback form of a stream export, once its handle `h` is checked: read the options
/// (`open` takes its own keys; `idle_timeout` is taken here), open the stream and hand each
/// piece to `cb` on the calling thread until the stream ends, `cb` returns non-zero, `cancel`
/// fires or the idle timeout passes. The stream is read whole within the call, so it runs on
/// the calling thread's own runtime.
#[allow(clippy::too_many_arguments)]
pub(crate) fn callback_form<'a, H: ?Sized>(
    h: &'a H,
    options_json: *const std::ffi::c_char,
    function: &'static str,
    cb: docker_stream_cb,
    userdata: *mut c_void,
    cancel: *const docker_cancel,
    open: impl FnOnce(&'a H, &mut Opts) -> Result<OpenStream<'a>>,
) -> Result<()> {
    let mut o = arg!(arg_options(options_json, function))?;
    if cb.is_none() {
        return Err(Error::invalid("callback is NULL"));
    }
    let idle = idle_option(&mut o)?;
    let token = arg!(arg_cancel(cancel));
    let fut = open(h, &mut o)?;
    o.finish()?;
    run_here(async move { drive_async(fut.await?, cb, userdata, token, idle).await })
}

/// The pull form of the same export: the stream `open` gives, as a docker_stream in `*out`.
/// The stream outlives the call, so it is opened on the shared runtime.
pub(crate) fn pull_form<'a, H: ?Sized>(
    h: &'a H,
    options_json: *const std::ffi::c_char,
    function: &'static str,
    out: *mut *mut docker_stream,
    open: impl FnOnce(&'a H, &mut Opts) -> Result<OpenStream<'a>>,
) -> Result<()> {
    let mut o = arg!(arg_options(options_json, function))?;
    arg_out(out, "out")?;
    let fut = open(h, &mut o)?;
    o.finish()?;
    let s = run(fut)?;
    give(
        out,
        docker_stream::new(s, None, ResizeTarget::None, None).into_raw(),
    );
    Ok(())
}

/// What `docker_stream_resize` resizes.
pub(crate) enum ResizeTarget {
    None,
    Container(Client, String),
    Exec(Client, String),
}

struct PullState {
    stream: ChunkStream,
    /// The data lent out by the last docker_stream_next.
    last: Bytes,
    ended: bool,
}

/// A pull stream: take chunks with docker_stream_next; for attach and interactive exec, write
/// stdin with docker_stream_write and end it with docker_stream_close_write. Call
/// docker_stream_next from one thread at a time; docker_stream_cancel from any thread.
/// Free with docker_stream_free.
pub struct docker_stream {
    state: Mutex<PullState>,
    cancel: CancellationToken,
    stdin: tokio::sync::Mutex<Option<Stdin>>,
    resize: ResizeTarget,
    /// For exec streams: the client and exec id, to fetch the exit code at the end.
    exec: Option<(Client, String)>,
    exit_code: Mutex<Option<i64>>,
    pid: u32,
}

impl docker_stream {
    pub(crate) fn new(
        stream: ChunkStream,
        stdin: Option<Stdin>,
        resize: ResizeTarget,
        exec: Option<(Client, String)>,
    ) -> Self {
        docker_stream {
            state: Mutex::new(PullState {
                stream,
                last: Bytes::new(),
                ended: false,
            }),
            cancel: CancellationToken::new(),
            stdin: tokio::sync::Mutex::new(stdin),
            resize,
            exec,
            exit_code: Mutex::new(None),
            pid: std::process::id(),
        }
    }

    pub(crate) fn into_raw(self) -> *mut docker_stream {
        Box::into_raw(Box::new(self))
    }

    fn check_fork(&self) -> Result<()> {
        if self.pid != std::process::id() {
            return Err(Error::Forked(
                "this stream was opened in the parent process".into(),
            ));
        }
        Ok(())
    }
}

/// A chunk handed out by docker_stream_next. `data` is borrowed: valid until the next call on
/// the same stream, or its free.
#[repr(C)]
pub struct docker_chunk {
    pub kind: docker_stream_kind,
    pub data: *const u8,
    pub len: usize,
}

/// Wait up to `timeout_ms` milliseconds (negative: for ever; 0: only what is ready) for the next
/// chunk. On DOCKER_OK, `*chunk` holds data, or kind DOCKER_STREAM_END once the stream has
/// ended (for an exec stream the exit code is then available from docker_stream_exit_code).
/// DOCKER_ERR_TIMEOUT means nothing arrived in time: nothing is lost, call again.
/// DOCKER_ERR_CANCELLED after docker_stream_cancel. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_stream_next(
    stream: *mut docker_stream,
    timeout_ms: i64,
    chunk: *mut docker_chunk,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let s = arg!(arg_ref(stream as *const docker_stream, "stream"))?;
        arg_out(chunk, "chunk")?;
        s.check_fork()?;
        let mut st = s
            .state
            .try_lock()
            .map_err(|_| Error::invalid("docker_stream_next called from two threads at once"))?;
        st.last = Bytes::new();
        if st.ended {
            // SAFETY: checked non-NULL.
            unsafe {
                put(
                    chunk,
                    docker_chunk {
                        kind: docker_stream_kind::DOCKER_STREAM_END,
                        data: std::ptr::null(),
                        len: 0,
                    },
                )
            };
            return Ok(());
        }
        let cancel = s.cancel.clone();
        let item = run(async {
            let next = st.stream.next();
            let timed = async {
                if timeout_ms < 0 {
                    Ok(next.await)
                } else {
                    tokio::time::timeout(Duration::from_millis(timeout_ms as u64), next)
                        .await
                        .map_err(|_| Error::Timeout(format!("no data within {timeout_ms} ms")))
                }
            };
            tokio::select! {
                biased;
                _ = cancel.cancelled() => Err(Error::Cancelled),
                r = timed => r,
            }
        })?;
        match item {
            Some(Ok(c)) => {
                st.last = c.data;
                // SAFETY: checked non-NULL; the data lives in `st.last` until the next call.
                unsafe {
                    put(
                        chunk,
                        docker_chunk {
                            kind: kind_of(c.kind),
                            data: st.last.as_ptr(),
                            len: st.last.len(),
                        },
                    )
                };
                Ok(())
            }
            Some(Err(e)) => {
                st.ended = true;
                Err(e)
            }
            None => {
                st.ended = true;
                if let Some((client, id)) = &s.exec {
                    let code = run(crate::engine::exec::exit_code(client, id))?;
                    *s.exit_code.lock().unwrap_or_else(|p| p.into_inner()) = Some(code);
                }
                // SAFETY: checked non-NULL.
                unsafe {
                    put(
                        chunk,
                        docker_chunk {
                            kind: docker_stream_kind::DOCKER_STREAM_END,
                            data: std::ptr::null(),
                            len: 0,
                        },
                    )
                };
                Ok(())
            }
        }
    })
}

/// Write `data[0..len]` to the stream's stdin (attach with stdin, interactive exec). Blocks
/// until written. A stream without stdin gives DOCKER_ERR_INVALID_ARGUMENT.
#[no_mangle]
pub extern "C" fn docker_stream_write(
    stream: *mut docker_stream,
    data: *const u8,
    len: usize,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let s = arg!(arg_ref(stream as *const docker_stream, "stream"))?;
        if data.is_null() && len > 0 {
            return Err(Error::invalid("data is NULL"));
        }
        s.check_fork()?;
        let bytes: &[u8] = if len == 0 {
            &[]
        } else {
            // SAFETY: data is not NULL here (checked above) and the caller passed len readable
            // bytes at it, valid for the call; they are copied or used before it returns.
            unsafe { std::slice::from_raw_parts(data, len) }
        };
        run(async {
            let mut w = s.stdin.lock().await;
            let w = w
                .as_mut()
                .ok_or_else(|| Error::invalid("this stream has no stdin (or it was closed)"))?;
            w.write_all(bytes).await.map_err(|e| Error::Connection {
                addr: "stdin".into(),
                reason: e.to_string(),
            })?;
            w.flush().await.map_err(|e| Error::Connection {
                addr: "stdin".into(),
                reason: e.to_string(),
            })
        })
    })
}

/// End the stream's stdin: a real half-close, so the process in the container reads end of
/// file while its output keeps coming. Closing twice is not an error.
#[no_mangle]
pub extern "C" fn docker_stream_close_write(
    stream: *mut docker_stream,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let s = arg!(arg_ref(stream as *const docker_stream, "stream"))?;
        s.check_fork()?;
        run(async {
            let mut w = s.stdin.lock().await;
            if let Some(mut half) = w.take() {
                half.shutdown().await.map_err(|e| Error::Connection {
                    addr: "stdin".into(),
                    reason: e.to_string(),
                })?;
                // Keep the write half alive (dropping it does not close the socket, but keeps
                // ownership simple); it is freed with the stream.
                drop(half);
            }
            Ok(())
        })
    })
}

/// Resize the tty behind the stream (attach: the container's; interactive exec: the exec's).
#[no_mangle]
pub extern "C" fn docker_stream_resize(
    stream: *mut docker_stream,
    height: u32,
    width: u32,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let s = arg!(arg_ref(stream as *const docker_stream, "stream"))?;
        match &s.resize {
            ResizeTarget::Container(c, id) => {
                run(crate::engine::containers::resize(c, id, height, width))
            }
            ResizeTarget::Exec(c, id) => run(crate::engine::exec::resize(c, id, height, width)),
            ResizeTarget::None => Err(Error::invalid("this stream has no tty to resize")),
        }
    })
}

/// Cancel the stream from any thread: a docker_stream_next blocked on it returns
/// DOCKER_ERR_CANCELLED promptly, and so does every later one. NULL is a no-op.
#[no_mangle]
pub extern "C" fn docker_stream_cancel(stream: *const docker_stream) {
    // SAFETY: NULL or live.
    if let Some(s) = unsafe { stream.as_ref() } {
        guard((), || s.cancel.cancel());
    }
}

/// For an exec stream that has ended (docker_stream_next gave DOCKER_STREAM_END): its exit
/// code into `*exit_code`. Before the end, or for other streams: DOCKER_ERR_INVALID_ARGUMENT.
#[no_mangle]
pub extern "C" fn docker_stream_exit_code(
    stream: *const docker_stream,
    exit_code: *mut i64,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let s = arg!(arg_ref(stream, "stream"))?;
        arg_out(exit_code, "exit_code")?;
        let code = s
            .exit_code
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .ok_or_else(|| {
                Error::invalid(if s.exec.is_some() {
                    "the exec has not ended yet: read the stream to DOCKER_STREAM_END first"
                } else {
                    "only exec streams have an exit code"
                })
            })?;
        // SAFETY: checked non-NULL.
        unsafe { put(exit_code, code) };
        Ok(())
    })
}

/// Free a stream, closing its connection. NULL is a no-op. No other call may be using it.
#[no_mangle]
pub extern "C" fn docker_stream_free(stream: *mut docker_stream) {
    if stream.is_null() {
        return;
    }
    guard((), || {
        // SAFETY: made by docker_stream::into_raw, freed once.
        let s = unsafe { Box::from_raw(stream) };
        if s.pid != std::process::id() {
            // Forked child: the connection belongs to the parent's runtime. Do not touch it.
            std::mem::forget(s);
            return;
        }
        // Dropping hyper/tokio I/O needs the runtime's context.
        match super::runtime::runtime() {
            Ok(rt) => {
                let _g = rt.enter();
                drop(s);
            }
            Err(_) => std::mem::forget(s),
        }
    });
}
