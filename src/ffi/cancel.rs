//! `docker_cancel_*`: cancel tokens, fired from any thread, that end waits and streams.

use super::error::guard;
use crate::engine::{Error, Result};
use tokio_util::sync::CancellationToken;

/// A cancel token: fire it from any thread to end a blocking stream call (which then returns
/// DOCKER_ERR_CANCELLED). One token may serve several calls; once fired it stays fired.
pub struct docker_cancel {
    token: CancellationToken,
}

/// A new cancel token (free with docker_cancel_free). Never NULL.
#[no_mangle]
pub extern "C" fn docker_cancel_new() -> *mut docker_cancel {
    // Only allocation failure could panic here, and that aborts; the guard keeps the rule.
    guard(std::ptr::null_mut(), || {
        Box::into_raw(Box::new(docker_cancel {
            token: CancellationToken::new(),
        }))
    })
}

/// Fire the token: every stream call using it returns promptly. Safe from any thread, any
/// number of times. NULL is a no-op.
#[no_mangle]
pub extern "C" fn docker_cancel_fire(cancel: *const docker_cancel) {
    // SAFETY: NULL or a live token.
    if let Some(c) = unsafe { cancel.as_ref() } {
        guard((), || c.token.cancel());
    }
}

/// Free a token. No call may still be using it. NULL is a no-op.
#[no_mangle]
pub extern "C" fn docker_cancel_free(cancel: *mut docker_cancel) {
    if !cancel.is_null() {
        // SAFETY: made by docker_cancel_new, freed once.
        guard((), || drop(unsafe { Box::from_raw(cancel) }));
    }
}

/// The optional cancel argument.
///
/// # Safety
/// `p` is NULL or a live token.
pub(crate) unsafe fn arg_cancel<'a>(p: *const docker_cancel) -> Option<&'a CancellationToken> {
    p.as_ref().map(|c| &c.token)
}

/// Run `f`, or give up with `Error::Cancelled` as soon as the optional token fires (the future
/// is dropped, which closes its connection).
pub(crate) async fn cancellable<T>(
    cancel: Option<&CancellationToken>,
    f: impl std::future::Future<Output = Result<T>>,
) -> Result<T> {
    match cancel {
        Some(t) => tokio::select! {
            biased;
            _ = t.cancelled() => Err(Error::Cancelled),
            r = f => r,
        },
        None => f.await,
    }
}
