//! `docker_client`: a connection to one engine (docker-py's `DockerClient`).

use super::args::{arg_options, arg_out, arg_ref, put, put_string};
use super::error::{boundary, docker_error, docker_result};
use super::runtime::{run, run_here};
use crate::engine::{podman, Client};
use std::ffi::c_char;

/// A client for one engine. Safe to use from many threads at once. Free with docker_client_free
/// (containers made from it keep what they need alive).
pub struct docker_client {
    pub(crate) inner: Client,
}

fn hand_out(client: Client, out: *mut *mut docker_client) {
    // SAFETY: `out` was checked non-NULL by the caller of this helper.
    unsafe {
        put(
            out,
            Box::into_raw(Box::new(docker_client { inner: client })),
        )
    };
}

/// Make a client from the environment, as the Docker CLI and docker-py's `docker.from_env()` do:
/// DOCKER_HOST (unix:///path, tcp://host:port, http://host:port, https://host:port,
/// ssh://user@host:port), else the
/// Docker CLI context named by DOCKER_CONTEXT or by `currentContext` in
/// $DOCKER_CONFIG/config.json (default ~/.docker; the "default" context and no context mean
/// unix:///var/run/docker.sock); DOCKER_API_VERSION; DOCKER_TLS_VERIFY and DOCKER_CERT_PATH
/// (TLS with ca.pem, cert.pem, key.pem from that directory, default ~/.docker).
///
/// `options_json`: NULL, "" or a JSON object with `version` ("auto" or "1.41"), `timeout`
/// (seconds per call, default 60), `user_agent`, `max_pool_size` (idle connections kept,
/// default 64), `podman` (true: ignore DOCKER_HOST and find Podman's socket, as
/// docker_client_new does), `context` (a context name; wins over DOCKER_HOST), and the TLS
/// options of docker_client_new. Nothing is sent to the engine until the first call.
/// On success `*out` receives a client to free with docker_client_free.
///
/// Options (option table, written by `make options`):
/// - `version` (string; default "auto"): The version of the API to use ("auto" or "1.41").
/// - `timeout` (number; default 60): Default timeout for API calls, in seconds.
/// - `user_agent` (string): Set a custom user agent for requests to the server.
/// - `max_pool_size` (integer; default 64): The maximum number of connections to save in the pool.
/// - `tls` (boolean|object): Use TLS (true); any tls_* key turns it on too.
/// - `tls_verify` (boolean; default true): Check the server certificate against the CA (false must be asked for).
/// - `tls_ca_cert` (string): Path to the CA certificate (PEM).
/// - `tls_client_cert` (string): Path to the client certificate (PEM).
/// - `tls_client_key` (string): Path to the client key (PEM).
/// - `tls_server_name` (string): The name the server certificate must carry (default: the host).
/// - `context` (string): A Docker CLI context by name: its engine address and TLS files.
/// - `ssh_options` (array): Extra arguments for ssh, for ssh:// engines, such as ["-i", "key"].
/// - `podman` (boolean; default false): Find Podman's Docker-compatible socket instead of a base_url.
#[no_mangle]
pub extern "C" fn docker_client_from_env(
    options_json: *const c_char,
    out: *mut *mut docker_client,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let opts = arg!(arg_options(options_json, "docker_client_from_env"))?;
        arg_out(out, "out")?;
        let co = run(podman::client_options(opts, true))?;
        let client = Client::new(co)?;
        hand_out(client, out);
        Ok(())
    })
}

/// Make a client with docker-py's `DockerClient(...)` keywords as a JSON object: `base_url`
/// (default unix:///var/run/docker.sock; the environment is not read), `version` ("auto" or
/// "1.41"), `timeout` (seconds per call, default 60), `user_agent`, `max_pool_size`,
/// `context` (a Docker CLI context name, instead of `base_url`).
/// TLS: `tls` (true: TLS), `tls_verify` (default true: check the server against the CA;
/// false skips the check and must be asked for), `tls_ca_cert`, `tls_client_cert`,
/// `tls_client_key` (PEM file paths), `tls_server_name` (the name the server certificate must
/// carry; default the host). Any tls_* key, or an https:// base_url, turns TLS on; without
/// them tcp:// is plain. A server failing the checks gives DOCKER_ERR_TLS with the reason.
/// ssh://[user@]host[:port] runs the system `ssh -o BatchMode=yes` with
/// `docker system dial-stdio` on the host, as the Docker CLI does; `ssh_options` (a list of
/// strings such as ["-i", "/path/key", "-o", "UserKnownHostsFile=..."]) are passed to ssh. One
/// ssh process per pooled connection; a failure gives DOCKER_ERR_CONNECTION with what ssh said.
/// `"podman": true` (instead of `base_url`) finds Podman's Docker-compatible socket: it tries,
/// in order, $CONTAINER_HOST, $XDG_RUNTIME_DIR/podman/podman.sock, /run/podman/podman.sock and
/// /run/user/<uid>/podman/podman.sock, and takes the first that answers /_ping (so this call
/// then blocks for up to 3 s per address); when none answers it fails with
/// DOCKER_ERR_CONNECTION and a message listing every address tried and why it failed.
/// Unknown keys are rejected. On success `*out` receives a client to free with
/// docker_client_free.
///
/// Options (option table, written by `make options`):
/// - `base_url` (string; default "unix:///var/run/docker.sock"): URL to the Docker server, for example unix:///var/run/docker.sock or tcp://127.0.0.1:1234.
/// - `version` (string; default "auto"): The version of the API to use ("auto" or "1.41").
/// - `timeout` (number; default 60): Default timeout for API calls, in seconds.
/// - `user_agent` (string): Set a custom user agent for requests to the server.
/// - `max_pool_size` (integer; default 64): The maximum number of connections to save in the pool.
/// - `tls` (boolean|object): Use TLS (true); any tls_* key turns it on too.
/// - `tls_verify` (boolean; default true): Check the server certificate against the CA (false must be asked for).
/// - `tls_ca_cert` (string): Path to the CA certificate (PEM).
/// - `tls_client_cert` (string): Path to the client certificate (PEM).
/// - `tls_client_key` (string): Path to the client key (PEM).
/// - `tls_server_name` (string): The name the server certificate must carry (default: the host).
/// - `context` (string): A Docker CLI context by name: its engine address and TLS files.
/// - `ssh_options` (array): Extra arguments for ssh, for ssh:// engines, such as ["-i", "key"].
/// - `podman` (boolean; default false): Find Podman's Docker-compatible socket instead of a base_url.
#[no_mangle]
pub extern "C" fn docker_client_new(
    options_json: *const c_char,
    out: *mut *mut docker_client,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let opts = arg!(arg_options(options_json, "docker_client_new"))?;
        arg_out(out, "out")?;
        let co = run(podman::client_options(opts, false))?;
        let client = Client::new(co)?;
        hand_out(client, out);
        Ok(())
    })
}

/// Free a client. NULL is a no-op. Its idle connections close now; containers and streams
/// made from it stay usable (a container's next call opens a connection of its own).
#[no_mangle]
pub extern "C" fn docker_client_free(client: *mut docker_client) {
    if !client.is_null() {
        // SAFETY: made by Box::into_raw in this file, freed once.
        super::error::guard((), || {
            let client = unsafe { Box::from_raw(client) };
            client.inner.close_idle();
        });
    }
}

/// Check that the engine answers (`GET /_ping`). Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_client_ping(
    client: *const docker_client,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let answer = run_here(c.inner.ping())?;
        if answer.trim() == "OK" {
            Ok(())
        } else {
            Err(crate::engine::Error::Protocol(format!(
                "/_ping answered {answer:?} instead of OK"
            )))
        }
    })
}

/// A boxed engine call giving the text a getter hands out.
type TextCall<'a> =
    std::pin::Pin<Box<dyn std::future::Future<Output = crate::engine::Result<Vec<u8>>> + 'a>>;

fn json_call(
    client: *const docker_client,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
    f: fn(&Client) -> TextCall<'_>,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        arg_out(out, "out")?;
        let body = run_here(f(&c.inner))?;
        put_string(out, body)?;
        Ok(())
    })
}

/// The engine's version (`GET /version`) as JSON, as the engine sent it. `*out` receives a
/// string to free with docker_string_free. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_client_version(
    client: *const docker_client,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    json_call(client, out, error, |c| {
        Box::pin(async move { c.version().await.map(|b| b.to_vec()) })
    })
}

/// System-wide information (`GET /info`) as JSON, as the engine sent it. `*out` receives a
/// string to free with docker_string_free. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_client_info(
    client: *const docker_client,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    json_call(client, out, error, |c| {
        Box::pin(async move { c.info().await.map(|b| b.to_vec()) })
    })
}

/// The Engine API version this client uses, such as "1.41": the pinned one, or the lower of the
/// engine's and this library's newest (asking the engine once). `*out` receives a string to
/// free with docker_string_free. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_client_api_version(
    client: *const docker_client,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    json_call(client, out, error, |c| {
        Box::pin(async move { c.api_version().await.map(|v| v.to_string().into_bytes()) })
    })
}
