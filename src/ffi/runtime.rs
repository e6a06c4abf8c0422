//! The one process-wide tokio runtime: built lazily and fallibly, rebuilt in a forked child.
//! Blocking exports run their future on the caller's own thread with `block_on`, so callbacks
//! run on the calling thread.

use crate::engine::{Error, Result};
use std::future::Future;
use std::sync::Mutex;
use tokio::runtime::{Builder, Runtime};

static RUNTIME: Mutex<Option<(u32, &'static Runtime)>> = Mutex::new(None);
/// Runtimes inherited from a parent process: kept reachable, never used or dropped.
static FORKED_LEFTOVERS: Mutex<Vec<&'static Runtime>> = Mutex::new(Vec::new());

/// The runtime for this process (a child after fork() gets its own).
pub(crate) fn runtime() -> Result<&'static Runtime> {
    let pid = std::process::id();
    let mut slot = RUNTIME.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((owner, rt)) = *slot {
        if owner == pid {
            return Ok(rt);
        }
        // Forked: the parent's worker threads do not exist here. The old runtime is leaked,
        // never dropped (dropping it would wait for threads that are gone).
        FORKED_LEFTOVERS
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(rt);
    }
    let rt = Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("docker-containers")
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("cannot start the tokio runtime: {e}")))?;
    let rt: &'static Runtime = Box::leak(Box::new(rt));
    *slot = Some((pid, rt));
    Ok(rt)
}

/// Blocking calls cannot nest inside a tokio runtime (a callback of another call, or a host
/// that is itself async): an error rather than tokio's panic.
fn outside_runtime() -> Result<()> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(Error::invalid(
            "a blocking docker_* call was made from inside a tokio runtime; \
             call it from a plain thread (for example inside tokio::task::spawn_blocking)",
        ));
    }
    Ok(())
}

/// Run a future to completion on the calling thread.
pub(crate) fn block_on<F: Future>(f: F) -> Result<F::Output> {
    outside_runtime()?;
    // Boxed: the future's state lives on the heap, not on the caller's stack, which may be
    // small (a libuv or Go worker thread) while a call's state machine is large (TLS, ssh).
    Ok(runtime()?.block_on(Box::pin(f)))
}

/// `block_on` for a fallible future.
pub fn run<T, F: Future<Output = Result<T>>>(f: F) -> Result<T> {
    block_on(f)?
}

thread_local! {
    /// This thread's own current-thread runtime, with the pid it was made in.
    static HERE: std::cell::RefCell<Option<(u32, Runtime)>> = const { std::cell::RefCell::new(None) };
}

/// Runtimes a forked child inherited on its one thread: kept reachable, never used or dropped.
static FORKED_HERE: Mutex<Vec<Runtime>> = Mutex::new(Vec::new());

/// A result that needs nothing of the runtime that made it once the call has returned: plain
/// owned data (strings, bytes, JSON, numbers, the engine's plain structs) and handles that hold
/// no live connection (a `Client`, whose idle connections are kept per driving runtime and
/// thread and never reused elsewhere).
///
/// The rule it enforces: `run_here` drives a call on the calling thread's own current-thread
/// runtime, whose I/O driver runs only while that thread is inside a call. Whatever hands out
/// a stream or keeps using a connection after the call returns (an open `docker_stream`, a
/// byte stream, a hijacked attach or exec connection) would be stuck there, so it must go
/// through `run` (the shared multi-thread runtime). Such types do not implement `Settled`, and
/// `run_here` refuses them at compile time:
///
/// ```compile_fail
/// use docker_containers::engine::{client::ByteStream, Error, Result};
/// use docker_containers::ffi::runtime::run_here;
/// # fn open<T>() -> Result<T> { Err(Error::Cancelled) }
/// // A byte stream outlives the call: it must be made under `run`, not `run_here`.
/// let s = run_here(async { open::<ByteStream>() });
/// ```
///
/// The same call with a settled result compiles (and runs):
///
/// ```
/// use docker_containers::engine::{client::ByteStream, Error, Result};
/// use docker_containers::ffi::runtime::run_here;
/// # fn open<T>() -> Result<T> { Err(Error::Cancelled) }
/// let s = run_here(async { open::<Vec<u8>>() });
/// assert!(matches!(s, Err(Error::Cancelled)));
/// ```
///
/// Implement it only for a type that owns no stream, connection or task of the runtime.
pub trait Settled {}

macro_rules! settled {
    ($($t:ty),* $(,)?) => { $(impl Settled for $t {})* };
}

settled!(
    (),
    bool,
    u8,
    u16,
    u32,
    u64,
    usize,
    i8,
    i16,
    i32,
    i64,
    isize,
    f64,
    String,
    bytes::Bytes,
    serde_json::Value,
    crate::engine::Client,
    // The engine's plain answers.
    crate::engine::archive::PathStat,
    crate::engine::containers::Changed,
    crate::engine::exec::Gathered,
    // Handles: a client, an id and cached attributes.
    super::container::docker_container,
    super::networks::docker_network,
);
impl<T: Settled> Settled for Vec<T> {}
impl<T: Settled> Settled for Option<T> {}
impl<A: Settled, B: Settled> Settled for (A, B) {}
impl<A: Settled, B: Settled, C: Settled> Settled for (A, B, C) {}

/// `run`, on a current-thread runtime of the calling thread's own, for calls that open nothing
/// outliving them (whole-body calls and callback streams consumed within the call): the result
/// must be `Settled`. Its I/O driver is polled by this thread while it waits, so the socket's
/// readiness reaches the caller without waking another thread first; the engine keeps such
/// connections for reuse on this thread only.
pub fn run_here<T: Settled, F: Future<Output = Result<T>>>(f: F) -> Result<T> {
    outside_runtime()?;
    let pid = std::process::id();
    HERE.try_with(|cell| {
        let mut slot = cell.borrow_mut();
        if matches!(*slot, Some((owner, _)) if owner != pid) {
            if let Some((_, old)) = slot.take() {
                FORKED_HERE
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(old);
            }
        }
        if slot.is_none() {
            let rt = Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| Error::Internal(format!("cannot start a tokio runtime: {e}")))?;
            *slot = Some((pid, rt));
        }
        let (_, rt) = slot.as_ref().expect("set above");
        rt.block_on(Box::pin(f))
    })
    // Called from a thread-local destructor, after this thread's runtime is gone.
    .unwrap_or_else(|_| Err(Error::Internal("thread is exiting".into())))
}
