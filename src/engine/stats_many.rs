//! The stats of many containers in one stream, as `docker stats` shows them: the running
//! containers (or those a filter selects) each with its own stats stream, joining on the
//! engine's `start` event and leaving on `die` or `destroy`.

use super::client::{decode_json, Client};
use super::decode::{Chunk, StreamKind};
use super::events::{events, EventsOptions};
use super::opts::Opts;
use super::streams::{stats_stream, ChunkStream};
use super::{containers, Result};
use bytes::Bytes;
use futures_util::stream::{self, BoxStream, SelectAll};
use futures_util::{StreamExt, TryStreamExt};
use serde_json::{json, Map, Value};
use std::collections::{HashMap, VecDeque};
use tokio_util::sync::CancellationToken;

/// Which containers: the filters of containers.list, or every running one.
#[derive(Debug, Clone, Default)]
pub struct StatsManyOptions {
    pub filters: Option<Map<String, Value>>,
}

impl StatsManyOptions {
    pub fn take(o: &mut Opts) -> Result<StatsManyOptions> {
        let filters = o.object("filters")?;
        if let Some(f) = &filters {
            containers::encode_filters(f)?;
        }
        Ok(StatsManyOptions { filters })
    }
}

enum Msg {
    Event(Value),
    Sample { id: String, derived: Value },
    Ended { id: String },
}

struct Member {
    name: String,
    stop: CancellationToken,
}

struct State {
    client: Client,
    filters: Option<String>,
    all: SelectAll<BoxStream<'static, Result<Msg>>>,
    members: HashMap<String, Member>,
    out: VecDeque<Value>,
}

fn item(v: Value) -> Chunk {
    Chunk {
        kind: StreamKind::Json,
        data: Bytes::from(v.to_string()),
    }
}

/// The running containers the filters select: (id, name).
async fn selected(client: &Client, filters: Option<&str>) -> Result<Vec<(String, String)>> {
    {
        let b = containers::list(client, false, None, false, filters).await?;
        let list: Vec<Value> = decode_json(&b)?;
        Ok(list
            .iter()
            .filter_map(|c| {
                let id = c["Id"].as_str()?.to_string();
                let name = c["Names"][0].as_str().unwrap_or("").trim_start_matches('/');
                Some((id, name.to_string()))
            })
            .collect())
    }
}

impl State {
    fn join(&mut self, id: String, name: String) {
        if self.members.contains_key(&id) {
            return;
        }
        let stop = CancellationToken::new();
        let (client, sid) = (self.client.clone(), id.clone());
        let open = async move { stats_stream(&client, &sid, true, false).await };
        let (id1, id2) = (id.clone(), id.clone());
        let samples = stream::once(open)
            .try_flatten()
            .map_ok(move |c| Msg::Sample {
                id: id1.clone(),
                derived: decode_json::<Value>(&c.data)
                    .map(|mut v| v["derived"].take())
                    .unwrap_or(Value::Null),
            })
            .take_until(stop.clone().cancelled_owned())
            .chain(stream::once(async move { Ok(Msg::Ended { id: id2 }) }));
        self.all.push(samples.boxed());
        self.out
            .push_back(json!({"event": "joined", "id": id, "name": name}));
        self.members.insert(id, Member { name, stop });
    }

    fn leave(&mut self, id: &str) {
        if let Some(m) = self.members.remove(id) {
            m.stop.cancel();
            self.out
                .push_back(json!({"event": "left", "id": id, "name": m.name}));
        }
    }

    async fn on_event(&mut self, ev: Value) -> Result<()> {
        let id = ev["Actor"]["ID"].as_str().unwrap_or("").to_string();
        match ev["Action"].as_str().unwrap_or("") {
            "start" if !self.members.contains_key(&id) => {
                if let Some((id, name)) = selected(&self.client, self.filters.as_deref())
                    .await?
                    .into_iter()
                    .find(|(i, _)| *i == id)
                {
                    self.join(id, name);
                }
            }
            // "remove": Podman's destroy.
            "die" | "destroy" | "remove" => self.leave(&id),
            _ => {}
        }
        Ok(())
    }

    async fn next(&mut self) -> Option<Result<Chunk>> {
        loop {
            if let Some(v) = self.out.pop_front() {
                return Some(Ok(item(v)));
            }
            match self.all.next().await? {
                Err(e) => return Some(Err(e)),
                Ok(Msg::Event(ev)) => {
                    if let Err(e) = self.on_event(ev).await {
                        return Some(Err(e));
                    }
                }
                Ok(Msg::Sample { id, derived }) => {
                    if let Some(m) = self.members.get(&id) {
                        let v =
                            json!({"event": "sample", "id": id, "name": m.name, "stats": derived});
                        return Some(Ok(item(v)));
                    }
                }
                Ok(Msg::Ended { id }) => self.leave(&id),
            }
        }
    }
}

/// Open the many-container stats stream: a "joined" item for each selected running
/// container, then "sample" items, and "joined"/"left" as containers start and stop.
pub async fn stats_many(client: &Client, o: StatsManyOptions) -> Result<ChunkStream> {
    let filters = o
        .filters
        .as_ref()
        .map(containers::encode_filters)
        .transpose()?;
    // Subscribe first, so a container that starts during the list is not missed. Actions are
    // picked here, not by an event filter: Podman's filter knows other names ("died").
    let evs = events(
        client,
        &EventsOptions {
            filters: Some(r#"{"type":["container"]}"#.to_string()),
            ..Default::default()
        },
    )
    .await?;
    let mut st = State {
        client: client.clone(),
        filters,
        all: SelectAll::new(),
        members: HashMap::new(),
        out: VecDeque::new(),
    };
    st.all.push(
        evs.map(|c| c.and_then(|c| decode_json::<Value>(&c.data).map(Msg::Event)))
            .boxed(),
    );
    for (id, name) in selected(&st.client, st.filters.as_deref()).await? {
        st.join(id, name);
    }
    Ok(Box::pin(stream::unfold(st, |mut st| async move {
        st.next().await.map(|r| (r, st))
    })))
}
