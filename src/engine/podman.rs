//! Podman: finding the socket of its Docker-compatible service when a client asks for
//! `"podman": true`. Everything else about Podman goes through the ordinary client.

use super::client::{Client, ClientOptions};
use super::host::Host;
use super::opts::Opts;
use super::{Error, Result};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::Duration;

/// How long one candidate may take to answer /_ping.
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

/// The addresses to try, in order: $CONTAINER_HOST (Podman's own DOCKER_HOST), then
/// $XDG_RUNTIME_DIR/podman/podman.sock, /run/podman/podman.sock (rootful) and
/// /run/user/<uid>/podman/podman.sock (rootless), without duplicates.
pub fn candidates() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(h) = env_nonempty("CONTAINER_HOST") {
        add(h);
    }
    if let Some(dir) = env_nonempty("XDG_RUNTIME_DIR") {
        add(format!(
            "unix://{}/podman/podman.sock",
            dir.trim_end_matches('/')
        ));
    }
    add("unix:///run/podman/podman.sock".into());
    if let Some(uid) = effective_uid() {
        add(format!("unix:///run/user/{uid}/podman/podman.sock"));
    }
    out
}

fn env_nonempty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|s| !s.trim().is_empty())
}

/// The process's uid, read from the owner of /proc/self (no libc in this layer).
fn effective_uid() -> Option<u32> {
    std::fs::metadata("/proc/self").ok().map(|m| m.uid())
}

/// Client options from `o` (docker_client_new's keys, or from_env's overrides when `from_env`),
/// with `"podman": true` resolved to the first Podman socket that answers. Asking for Podman
/// together with a `base_url` is an error: one or the other says where the engine is.
pub async fn client_options(mut o: Opts, from_env: bool) -> Result<ClientOptions> {
    let want = o.bool("podman")?.unwrap_or(false);
    let mut co = if from_env {
        ClientOptions::from_env(o)?
    } else {
        ClientOptions::from_opts(o, true)?
    };
    if want {
        if let (false, Some(b)) = (from_env, &co.base_url) {
            return Err(Error::invalid(format!(
                "client options: \"podman\": true looks for Podman's socket itself; \
                 drop it or drop \"base_url\" ({b})"
            )));
        }
        co.base_url = Some(find_socket().await?);
    }
    Ok(co)
}

/// The first candidate whose engine answers /_ping, as an address for `base_url`. When none
/// answers, the error lists every address tried and why it failed.
pub async fn find_socket() -> Result<String> {
    find_socket_in(&candidates()).await
}

/// As `find_socket`, over a given list of addresses.
pub async fn find_socket_in(candidates: &[String]) -> Result<String> {
    let mut tried = Vec::new();
    for addr in candidates {
        match probe(addr).await {
            Ok(()) => return Ok(addr.clone()),
            Err(reason) => tried.push(format!("{addr} ({reason})")),
        }
    }
    Err(Error::Connection {
        addr: "podman".into(),
        reason: format!(
            "no Podman service answered; tried {} (start one with `podman system service`, \
             or set CONTAINER_HOST)",
            tried.join(", ")
        ),
    })
}

async fn probe(addr: &str) -> std::result::Result<(), String> {
    let host = Host::parse(addr).map_err(|e| e.to_string())?;
    if let Host::Unix(path) = &host {
        if !Path::new(path).exists() {
            return Err("no such socket".into());
        }
    }
    let client = Client::new(ClientOptions {
        base_url: Some(addr.to_string()),
        timeout: Some(PROBE_TIMEOUT),
        max_pool_size: Some(1),
        ..Default::default()
    })
    .map_err(|e| e.to_string())?;
    match client.ping().await {
        Ok(answer) if answer.trim() == "OK" => Ok(()),
        Ok(answer) => Err(format!("/_ping answered {:?}", answer.trim())),
        Err(Error::Connection { reason, .. }) => Err(reason),
        Err(e) => Err(e.to_string()),
    }
}

/// True for the messages Podman sends with a 500 where dockerd answers 409: a name in use or a
/// container in the wrong state for the operation. Podman ends its messages with the Go error
/// that caused them, and these are its conflict errors.
pub fn is_conflict_message(message: &str) -> bool {
    const CONFLICTS: &[&str] = &[
        "container state improper",
        "that name is already in use",
        "container already exists",
        "network already exists",
    ];
    CONFLICTS.iter().any(|c| message.contains(c))
}

/// A conflict as either engine reports it: dockerd's 409, or Podman's 500 with one of its
/// conflict messages (`is_conflict_message`). The status and message stay as the engine sent
/// them; this only says what they mean.
pub fn is_conflict(e: &Error) -> bool {
    match e {
        Error::Api { status: 409, .. } => true,
        Error::Api {
            status: 500,
            message,
        } => is_conflict_message(message),
        _ => false,
    }
}

/// A forced remove (or kill) that lost a race with the container's own exit, as Podman reports it.
pub fn is_kill_race(e: &Error) -> bool {
    matches!(e, Error::Api { status: 500, message }
        if message.contains("could not be stopped") && message.contains("container state improper"))
}

/// A call that walks every container (network prune) and met one another client was removing
/// at that moment, as Podman reports it ("container ... does not exist in database"): the walk
/// is worth one more try, which no longer sees the container.
pub fn is_vanished_container(e: &Error) -> bool {
    matches!(e, Error::Api { status: 500, message } if message.contains("does not exist in database"))
}

/// Podman's commit answers `{"Id": "<hex>"}` where dockerd says `"sha256:<hex>"`; give both the
/// same shape so an id from either engine can be compared and looked up alike.
pub fn qualify_image_id(v: &mut serde_json::Value) {
    if let Some(id) = v.get_mut("Id") {
        if let Some(s) = id.as_str() {
            if s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
                *id = serde_json::Value::String(format!("sha256:{s}"));
            }
        }
    }
}

/// A 404 whose message is the bare router answer "Not Found" (no JSON) means the engine has no
/// such endpoint, not that the container is missing: Podman 4.3's Docker-compatible service has
/// no update, for one. Say so, keeping the 404.
pub fn explain_missing_route(e: Error, endpoint: &str) -> Error {
    match e {
        Error::Api {
            status: 404,
            message,
        } if message.trim() == "Not Found" => Error::Api {
            status: 404,
            message: format!(
                "this engine does not implement {endpoint} (its router answered 404 Not Found; \
                 Podman 4.3's Docker-compatible service has no update)"
            ),
        },
        e => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_end_with_the_fixed_paths() {
        let c = candidates();
        assert!(c.contains(&"unix:///run/podman/podman.sock".to_string()));
        let uid = effective_uid().unwrap();
        assert_eq!(
            c.last().unwrap(),
            &format!("unix:///run/user/{uid}/podman/podman.sock")
        );
    }

    #[tokio::test]
    async fn none_answering_names_every_address() {
        let dir = std::env::temp_dir().join(format!("dcpod-none-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // A socket path that exists but is a plain file, and one that does not exist.
        let file = dir.join("not-a-socket");
        std::fs::write(&file, b"").unwrap();
        let list = vec![
            format!("unix://{}", file.display()),
            format!("unix://{}/absent.sock", dir.display()),
            "ftp://nowhere".to_string(),
        ];
        let err = find_socket_in(&list).await.unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        let msg = err.to_string();
        assert!(matches!(err, Error::Connection { .. }), "{msg}");
        for a in &list {
            assert!(msg.contains(a.as_str()), "{a} missing from: {msg}");
        }
        assert!(msg.contains("no such socket"), "{msg}");
    }

    #[test]
    fn conflicts_and_ids() {
        assert!(is_conflict_message(
            "can only kill running containers. abc is in state exited: container state improper"
        ));
        assert!(!is_conflict_message("no such container"));
        let api = |status, message: &str| Error::Api {
            status,
            message: message.into(),
        };
        assert!(is_conflict(&api(409, "anything")));
        assert!(is_conflict(&api(500, "that name is already in use")));
        assert!(!is_conflict(&api(500, "no such container")));
        assert!(!is_conflict(&api(404, "that name is already in use")));
        assert!(!is_conflict(&Error::invalid("that name is already in use")));
        let mut v = serde_json::json!({"Id": "c4b46c64b0c51ad2cec50594432a825f304536fbb8ec08f74418440f9b9632d9"});
        qualify_image_id(&mut v);
        assert_eq!(
            v["Id"],
            "sha256:c4b46c64b0c51ad2cec50594432a825f304536fbb8ec08f74418440f9b9632d9"
        );
        let mut v = serde_json::json!({"Id": "sha256:ab"});
        qualify_image_id(&mut v);
        assert_eq!(v["Id"], "sha256:ab");
    }
}
