//! Engine events (`GET /events`, docker-py's `client.events()`), and the per-client hub that
//! lets many readiness waits share one events subscription.

use super::client::{decode_json, Client, Request, Timeout};
use super::decode::{json_lines, Chunk, StreamKind};
use super::opts::Opts;
use super::streams::ChunkStream;
use super::{timeparse, Error, Result};
use futures_util::StreamExt;
use serde_json::Value;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::SystemTime;
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;

/// docker-py's `events()` parameters: since, until (the forms of logs: see timeparse) and
/// filters (docker-py's dict: {"container": id, "type": "container", "event": ["start"]}).
#[derive(Debug, Clone, Default)]
pub struct EventsOptions {
    pub since: Option<String>,
    pub until: Option<String>,
    /// The engine's filters JSON, already encoded.
    pub filters: Option<String>,
}

impl EventsOptions {
    pub fn take(o: &mut Opts) -> Result<EventsOptions> {
        let now = SystemTime::now();
        let time = |v: Option<Value>| {
            v.map(|v| timeparse::to_engine_timestamp(&v, now))
                .transpose()
        };
        let since = time(o.take("since"))?;
        let until = time(o.take("until"))?;
        let filters = o
            .object("filters")?
            .map(|f| super::containers::encode_filters(&f))
            .transpose()?;
        Ok(EventsOptions {
            since,
            until,
            filters,
        })
    }
}

/// `GET /events`: each event as the engine's JSON, one `Json` chunk each. Without `until` the
/// stream runs until dropped.
pub async fn events(client: &Client, o: &EventsOptions) -> Result<ChunkStream> {
    let req = Request::get("/events")
        .query_opt("since", o.since.as_deref())
        .query_opt("until", o.until.as_deref())
        .query_opt("filters", o.filters.as_deref())
        .timeout(Timeout::Never);
    let (_, body) = client.send_stream(req).await?;
    Ok(Box::pin(json_lines(body, 1 << 20).map(|item| {
        Ok(Chunk {
            kind: StreamKind::Json,
            data: item?,
        })
    })))
}

/// What subscribers of a hub receive: an event, or the error that ended the shared stream.
pub type HubItem = std::result::Result<Arc<Value>, Error>;

/// How many events a slow subscriber may fall behind before it is told it lagged (and
/// re-reads the container's state).
const HUB_CAPACITY: usize = 1024;

/// One client's shared container-events subscription, opened by the first waiter and closed
/// when the last one goes.
#[derive(Default)]
pub struct Hub {
    live: tokio::sync::Mutex<Weak<Shared>>,
    opened: AtomicU64,
}

struct Shared {
    tx: broadcast::Sender<HubItem>,
    stop: CancellationToken,
    dead: Arc<AtomicBool>,
    /// The process whose runtime reads the stream: a forked child opens its own.
    pid: u32,
}

impl Drop for Shared {
    fn drop(&mut self) {
        self.stop.cancel();
    }
}

/// A place in the shared events stream. Events that arrive after `subscribe` returns are
/// all seen (unless the subscriber lags: then `recv` says so).
pub struct Subscription {
    rx: broadcast::Receiver<HubItem>,
    _shared: Arc<Shared>,
}

impl Subscription {
    /// The next event. `Err(None)`: this subscriber fell behind and lost events.
    pub async fn recv(&mut self) -> std::result::Result<Arc<Value>, Option<Error>> {
        match self.rx.recv().await {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => Err(Some(e)),
            Err(broadcast::error::RecvError::Lagged(_)) => Err(None),
            Err(broadcast::error::RecvError::Closed) => Err(Some(Error::Protocol(
                "the engine's events stream ended".into(),
            ))),
        }
    }
}

impl Hub {
    /// Join the client's container-events subscription, opening it when there is none. The
    /// engine has accepted the subscription when this returns. The stream is read by a task
    /// spawned on the current runtime.
    pub async fn subscribe(&self, client: &Client) -> Result<Subscription> {
        let mut live = self.live.lock().await;
        if let Some(shared) = live.upgrade() {
            if !shared.dead.load(Ordering::SeqCst) && shared.pid == std::process::id() {
                return Ok(Subscription {
                    rx: shared.tx.subscribe(),
                    _shared: shared,
                });
            }
        }
        let filters = r#"{"type":["container"]}"#.to_string();
        let mut stream = events(
            client,
            &EventsOptions {
                filters: Some(filters),
                ..Default::default()
            },
        )
        .await?;
        self.opened.fetch_add(1, Ordering::SeqCst);
        let (tx, rx) = broadcast::channel(HUB_CAPACITY);
        let shared = Arc::new(Shared {
            tx: tx.clone(),
            stop: CancellationToken::new(),
            dead: Arc::new(AtomicBool::new(false)),
            pid: std::process::id(),
        });
        let (stop, dead) = (shared.stop.clone(), shared.dead.clone());
        tokio::spawn(async move {
            loop {
                let item = tokio::select! {
                    _ = stop.cancelled() => break,
                    item = stream.next() => item,
                };
                let end = match item {
                    Some(Ok(c)) => match decode_json::<Value>(&c.data) {
                        Ok(v) => {
                            let _ = tx.send(Ok(Arc::new(v)));
                            false
                        }
                        Err(e) => {
                            let _ = tx.send(Err(e));
                            true
                        }
                    },
                    Some(Err(e)) => {
                        let _ = tx.send(Err(e));
                        true
                    }
                    None => {
                        let _ = tx.send(Err(Error::Protocol(
                            "the engine's events stream ended".into(),
                        )));
                        true
                    }
                };
                if end {
                    dead.store(true, Ordering::SeqCst);
                    break;
                }
            }
        });
        *live = Arc::downgrade(&shared);
        Ok(Subscription {
            rx,
            _shared: shared,
        })
    }

    /// How many times this hub has opened an events stream (for tests: many waits, one).
    pub fn opened(&self) -> u64 {
        self.opened.load(Ordering::SeqCst)
    }

    /// How many subscriptions share the open stream now.
    pub fn subscribers(&self) -> usize {
        match self.live.try_lock() {
            Ok(w) => w.upgrade().map_or(0, |s| s.tx.receiver_count()),
            Err(_) => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_encode_filters_and_times() {
        let mut o = Opts::parse(
            "docker_client_events",
            r#"{"since": 1700000000.5, "until": "2024-01-02T03:04:05Z",
                "filters": {"type": "container", "event": ["start", "die"]}}"#,
        )
        .unwrap();
        let e = EventsOptions::take(&mut o).unwrap();
        o.finish().unwrap();
        assert_eq!(e.since.as_deref(), Some("1700000000.500000000"));
        assert_eq!(e.until.as_deref(), Some("1704164645.000000000"));
        assert_eq!(
            e.filters.as_deref(),
            Some(r#"{"type":["container"],"event":["start","die"]}"#)
        );
    }
}
