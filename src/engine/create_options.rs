//! docker-py's `containers.run()` / `containers.create()` keyword arguments (as a JSON object)
//! turned into the Engine API's create request, the way docker-py turns them.
//!
//! Checked against docker-py itself: `tests/golden/gen_create_bodies.py` runs docker-py's own
//! translation over many keyword combinations and `tests/create_options.rs` compares.
//!
//! `create` follows docker-py's `create()`: `network` wins over `network_mode`, and
//! `networking_config` without `network` is dropped; `run` refuses both, as docker-py's `run()`
//! does (`split_run_options`). Integer and size keys take `true`/`false` (Python bools are ints;
//! docker-py sends them on), and sizes are read as Python's `float()` reads them ("1_000k").
//!
//! Deliberate differences from docker-py 7.1 (each has golden cases marked as such):
//! - `stop_timeout` is accepted (docker-py's `ContainerConfig` knows it, but `run()`/`create()`
//!   reject it) and becomes `StopTimeout`.
//! - `network` without `networking_config` gives `NetworkingConfig.EndpointsConfig.{net: {}}`;
//!   docker-py sends the meaningless `NetworkingConfig: {net: null}`.
//! - `networking_config` endpoint entries may use docker-py's `EndpointConfig` keyword names
//!   (`aliases`, `links`, `ipv4_address`, `ipv6_address`, `link_local_ips`, `driver_opt`,
//!   `mac_address`); they are translated as `EndpointConfig` does. Engine-style entries pass.
//! - `mounts` items may be strings (`"/host:/ctr:ro"`, parsed as `Mount.parse_mount_string`) or
//!   objects with `Mount`'s keyword names (`target`, `source`, `type`, `read_only`,
//!   `propagation`, `no_copy`, `labels`, `driver_config`, `tmpfs_size`, `tmpfs_mode`,
//!   `consistency`); docker-py would send both as they are, which the engine rejects or
//!   misreads. Engine-style objects (`Target`, ...) pass through unchanged.
//! - `mac_address` on API 1.44 and newer goes to the network endpoint (`MacAddress` in
//!   `EndpointsConfig`), where the engine reads it; in `Config` it is ignored there.
//! - Healthcheck durations may also be strings such as "30s" or "1m30s" (docker-py: integers of
//!   nanoseconds only, which are accepted too).
//! - `links` items may be "name:alias" strings as well as [name, alias] pairs.
//! - `ports`: a Python tuple has no JSON form, so a binding tuple is the object
//!   `{"HostIp": ip, "HostPort": port}` (`(ip,)` is `{"HostIp": ip}`; docker-py takes the object
//!   form too). A JSON list is a list of bindings, as docker-py reads a list: `["127.0.0.1",
//!   8080]` is two host ports. A list inside that list is refused (docker-py would send its text
//!   as the host port), and so are keys other than `HostIp` and `HostPort` in a binding object.
//! - Raw Engine API fields: `Config`, `HostConfig` and `NetworkingConfig` objects are merged
//!   last, deeply, over the translated body (`Config`'s fields land at the top level). This is
//!   the escape hatch for anything docker-py does not cover.

use super::option_table;
use super::opts::{short, unknown_keys};
use super::{Error, Result};
use serde_json::{json, Map, Value};

/// The create request: query parameters and body.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateRequest {
    pub name: Option<String>,
    pub platform: Option<String>,
    pub body: Value,
}

/// `run()`'s own keywords, split off before the create translation.
#[derive(Debug, Clone, PartialEq)]
pub struct RunOnlyOptions {
    pub detach: bool,
    pub remove: bool,
    pub stdout: bool,
    pub stderr: bool,
    pub stream: bool,
    /// Pull the image when the engine says it is missing (default true).
    pub pull: bool,
}

fn bad(key: &str, expected: &str, got: &Value) -> Error {
    Error::invalid(format!("\"{key}\" must be {expected}, got {}", short(got)))
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

fn version_lt(v: (u32, u32), need: (u32, u32)) -> bool {
    v < need
}

fn need_version(key: &str, v: (u32, u32), need: (u32, u32)) -> Result<()> {
    if version_lt(v, need) {
        return Err(Error::invalid(format!(
            "\"{key}\" needs Engine API {}.{} or newer; this client uses {}.{}",
            need.0, need.1, v.0, v.1
        )));
    }
    Ok(())
}

/// A top-level key's version check, with the version from the option table (its `min_api`).
fn need_key_version(key: &str, v: (u32, u32)) -> Result<()> {
    let min = option_table::call("docker_containers_create")
        .key(key)
        .and_then(|k| k.min_api)
        .unwrap_or_else(|| panic!("option table: create key {key} has no min_api"));
    let (a, b) = min.split_once('.').expect("min_api is MAJOR.MINOR");
    need_version(key, v, (a.parse().unwrap(), b.parse().unwrap()))
}

/// Python's `str()` of a JSON scalar, as docker-py formats environment and sysctl values.
fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Null => "None".into(),
        other => other.to_string(),
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Number(n) if n.is_i64() || n.is_u64())
}

/// Python's `isinstance(v, int)`, which docker-py checks: bool is an int in Python.
fn is_py_int(v: &Value) -> bool {
    is_int(v) || v.is_boolean()
}

/// Python's `float()` of a string: surrounding whitespace and `_` between digits ("1_000")
/// allowed.
fn py_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let b = t.as_bytes();
    let digit = |i: Option<usize>| i.and_then(|i| b.get(i)).is_some_and(u8::is_ascii_digit);
    let ok = b
        .iter()
        .enumerate()
        .all(|(i, c)| *c != b'_' || (digit(i.checked_sub(1)) && digit(Some(i + 1))));
    if !ok {
        return None;
    }
    t.replace('_', "").parse().ok()
}

/// docker-py's `parse_bytes`: 1024-based "b/k/m/g" suffixes, an optional trailing "b" after a
/// unit ("512mb"), the number as Python's `float()` reads it ("1_000k"), numbers (and
/// booleans, Python ints) as they are.
pub fn parse_bytes(key: &str, v: &Value) -> Result<Value> {
    match v {
        Value::Number(_) | Value::Bool(_) => Ok(v.clone()),
        Value::String(s) => {
            if s.is_empty() {
                return Ok(json!(0));
            }
            let mut t: &str = s;
            let chars: Vec<char> = t.chars().collect();
            let n = chars.len();
            if n >= 2
                && chars[n - 2].is_alphabetic()
                && chars[n - 1].is_alphabetic()
                && matches!(chars[n - 1], 'b' | 'B')
            {
                t = &t[..t.len() - 1];
            }
            let last = t.chars().last().unwrap_or('0');
            let (digits, mult): (&str, u64) = if last.is_ascii_digit() {
                (t, 1)
            } else {
                let m = match last.to_ascii_lowercase() {
                    'b' => 1,
                    'k' => 1 << 10,
                    'm' => 1 << 20,
                    'g' => 1 << 30,
                    _ => {
                        return Err(Error::invalid(format!(
                            "\"{key}\": {s:?} needs a unit: one of b, k, m, g (as in \"512m\")"
                        )))
                    }
                };
                (&t[..t.len() - last.len_utf8()], m)
            };
            let f: f64 = py_float(digits).ok_or_else(|| {
                Error::invalid(format!(
                    "\"{key}\": {s:?} is not a size such as \"512m\" or 1048576"
                ))
            })?;
            if !f.is_finite() {
                return Err(Error::invalid(format!(
                    "\"{key}\": {s:?} is not a finite size"
                )));
            }
            Ok(json!((f * mult as f64) as i64))
        }
        other => Err(bad(
            key,
            "a size such as \"512m\" or a number of bytes",
            other,
        )),
    }
}

/// A healthcheck duration: integer nanoseconds (docker-py) or a string such as "1m30s".
fn duration_ns(key: &str, v: &Value) -> Result<Value> {
    match v {
        Value::Null => Ok(Value::Null),
        Value::Number(_) => Ok(v.clone()),
        Value::String(s) => parse_go_duration(s).map(|ns| json!(ns)).ok_or_else(|| {
            Error::invalid(format!(
                "\"{key}\": {s:?} is not a duration such as \"30s\" or \"1m30s\""
            ))
        }),
        other => Err(bad(
            key,
            "nanoseconds or a duration string such as \"30s\"",
            other,
        )),
    }
}

/// "1h2m3.5s", "250ms", "10us", "5ns" to nanoseconds.
pub fn parse_go_duration(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s == "0" {
        return Some(0);
    }
    let mut rest = s;
    let mut total: f64 = 0.0;
    while !rest.is_empty() {
        let num_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if num_end == 0 {
            return None;
        }
        let num: f64 = rest[..num_end].parse().ok()?;
        rest = &rest[num_end..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let mult = match &rest[..unit_end] {
            "ns" => 1.0,
            "us" | "µs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        total += num * mult;
        rest = &rest[unit_end..];
    }
    Some(total.round() as i64)
}

/// docker-py's `split_command`: a string is split like a POSIX shell (shlex); a list passes.
pub fn command_value(key: &str, v: &Value) -> Result<Value> {
    match v {
        Value::String(s) => {
            let words = shell_words::split(s)
                .map_err(|e| Error::invalid(format!("\"{key}\": {s:?}: {e}")))?;
            Ok(json!(words))
        }
        Value::Array(a) if a.iter().all(Value::is_string) => Ok(v.clone()),
        other => Err(bad(key, "a string or a list of strings", other)),
    }
}

/// One binding as docker-py's `_convert_port_binding` reads it. A Python tuple arrives as an
/// object: (ip, port) as {"HostIp": ip, "HostPort": port}, (ip,) as {"HostIp": ip}; a bare
/// value is the host port. A JSON list is never a tuple (see `port_bindings`).
fn port_binding(key: &str, b: &Value) -> Result<Value> {
    let (ip, port): (Value, Value) = match b {
        Value::Object(o) => {
            let known = ["HostIp", "HostPort"];
            unknown_keys(
                "ports binding",
                o.keys().map(String::as_str).filter(|k| !known.contains(k)),
                &known,
            )?;
            match (o.get("HostIp"), o.get("HostPort")) {
                (ip, Some(p)) => (ip.cloned().unwrap_or(json!("")), p.clone()),
                (Some(ip), None) => (ip.clone(), Value::Null),
                (None, None) => {
                    return Err(bad(key, "a binding with \"HostIp\" or \"HostPort\"", b))
                }
            }
        }
        Value::Array(_) => {
            return Err(Error::invalid(format!(
                "\"ports\": {key:?}: a list inside the list of bindings, {}; an address and a \
                 port are one binding, written {{\"HostIp\": \"127.0.0.1\", \"HostPort\": 8080}}",
                short(b)
            )))
        }
        other => (json!(""), other.clone()),
    };
    let port = match port {
        Value::Null => String::new(),
        p => py_str(&p),
    };
    Ok(json!({"HostIp": ip, "HostPort": port}))
}

/// `ports` → HostConfig.PortBindings, with docker-py's value forms: a list is a list of
/// bindings (`["127.0.0.1", 8080]` is two host ports, as in docker-py), anything else one.
fn port_bindings(v: &Value) -> Result<Map<String, Value>> {
    let Value::Object(m) = v else {
        return Err(bad(
            "ports",
            "an object of container port to host binding",
            v,
        ));
    };
    let mut out = Map::new();
    for (k, b) in m {
        let mut key = k.clone();
        if !key.contains('/') {
            key.push_str("/tcp");
        }
        let list: Vec<Value> = match b {
            Value::Array(items) => items
                .iter()
                .map(|x| port_binding(k, x))
                .collect::<Result<_>>()?,
            other => vec![port_binding(k, other)?],
        };
        out.insert(key, Value::Array(list));
    }
    Ok(out)
}

fn volume_binds(v: &Value) -> Result<(Vec<Value>, Vec<String>)> {
    match v {
        Value::Array(a) => {
            let mut targets = Vec::new();
            for b in a {
                let Value::String(s) = b else {
                    return Err(bad("volumes", "a list of \"host:container[:mode]\"", b));
                };
                targets.push(host_volume_from_bind(s));
            }
            Ok((a.clone(), targets))
        }
        Value::Object(m) => {
            let mut binds = Vec::new();
            let mut targets = Vec::new();
            for (host, spec) in m {
                match spec {
                    Value::Object(o) => {
                        if o.contains_key("ro") && o.contains_key("mode") {
                            return Err(Error::invalid(format!(
                                "\"volumes\": the binding of {host:?} cannot have both \"ro\" and \"mode\""
                            )));
                        }
                        let bind = match o.get("bind") {
                            Some(Value::String(b)) => b.clone(),
                            _ => {
                                return Err(bad(
                                    "volumes",
                                    "{\"bind\": path, \"mode\": \"rw\"|\"ro\"}",
                                    spec,
                                ))
                            }
                        };
                        let mut mode = if let Some(ro) = o.get("ro") {
                            if truthy(ro) {
                                "ro".to_string()
                            } else {
                                "rw".to_string()
                            }
                        } else if let Some(m) = o.get("mode") {
                            py_str(m)
                        } else {
                            "rw".to_string()
                        };
                        if let Some(Value::String(p)) = o.get("propagation") {
                            if [
                                "rshared", "shared", "rslave", "slave", "rprivate", "private",
                            ]
                            .contains(&p.as_str())
                            {
                                mode = if mode.is_empty() {
                                    p.clone()
                                } else {
                                    format!("{mode},{p}")
                                };
                            }
                        }
                        binds.push(json!(format!("{host}:{bind}:{mode}")));
                        targets.push(bind);
                    }
                    Value::String(b) => {
                        // docker-py binds it but then cannot list it as a volume target.
                        return Err(Error::invalid(format!(
                            "\"volumes\": the binding of {host:?} must be an object {{\"bind\": {b:?}, \"mode\": \"rw\"}}"
                        )));
                    }
                    other => return Err(bad("volumes", "{\"bind\": path, \"mode\": ...}", other)),
                }
            }
            Ok((binds, targets))
        }
        other => Err(bad(
            "volumes",
            "an object or a list of \"host:container[:mode]\"",
            other,
        )),
    }
}

/// Python 3's `ntpath.splitdrive` (as of 3.11): a drive letter ("c:", any first character
/// followed by ':') or a UNC share ("//host/share", "\\\\?\\UNC\\host\\share") off the front.
fn split_drive(p: &str) -> (&str, &str) {
    let norm = p.replace('/', "\\");
    if norm.starts_with("\\\\") {
        let unc = "\\\\?\\UNC\\";
        let start = if norm.get(..8).is_some_and(|s| s.eq_ignore_ascii_case(unc)) {
            8
        } else {
            2
        };
        let Some(i) = norm[start..].find('\\').map(|i| i + start) else {
            return (p, "");
        };
        let Some(j) = norm[i + 1..].find('\\').map(|j| j + i + 1) else {
            return (p, "");
        };
        return p.split_at(j);
    }
    match p.chars().next() {
        Some(c) if p[c.len_utf8()..].starts_with(':') => p.split_at(c.len_utf8() + 1),
        _ => ("", p),
    }
}

/// docker-py's `_host_volume_from_bind`: the container path of a list-form volume.
fn host_volume_from_bind(bind: &str) -> String {
    let (drive, rest) = split_drive(bind);
    let bits: Vec<&str> = rest.splitn(2, ':').collect();
    if bits.len() == 1 || bits[1] == "ro" || bits[1] == "rw" {
        format!("{drive}{}", bits[0])
    } else if bits[1].ends_with(":ro") || bits[1].ends_with(":rw") {
        bits[1][..bits[1].len() - 3].to_string()
    } else {
        bits[1].to_string()
    }
}

fn devices(v: &Value) -> Result<Value> {
    let Value::Array(a) = v else {
        return Err(bad("devices", "a list of \"host[:container[:perms]]\"", v));
    };
    let mut out = Vec::new();
    for d in a {
        match d {
            Value::Object(_) => out.push(d.clone()),
            Value::String(s) => {
                let parts: Vec<&str> = s.split(':').collect();
                let host = parts[0];
                let ctr = parts.get(1).copied().unwrap_or(host);
                let perms = parts.get(2).copied().unwrap_or("rwm");
                out.push(
                    json!({"PathOnHost": host, "PathInContainer": ctr, "CgroupPermissions": perms}),
                );
            }
            other => {
                return Err(bad(
                    "devices",
                    "strings such as \"/dev/sda:/dev/xvda:rwm\"",
                    other,
                ))
            }
        }
    }
    Ok(Value::Array(out))
}

fn links(key: &str, v: &Value) -> Result<Value> {
    let mut pairs: Vec<(String, Value)> = match v {
        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        Value::Array(a) => {
            let mut out = Vec::new();
            for item in a {
                match item {
                    Value::Array(p) if p.len() == 2 && p[0].is_string() => {
                        out.push((p[0].as_str().unwrap_or_default().to_string(), p[1].clone()))
                    }
                    Value::String(s) => match s.split_once(':') {
                        Some((a, b)) => out.push((a.to_string(), json!(b))),
                        None => out.push((s.clone(), Value::Null)),
                    },
                    other => {
                        return Err(bad(
                            key,
                            "{name: alias}, [[name, alias], ...] or [\"name:alias\"]",
                            other,
                        ))
                    }
                }
            }
            out
        }
        other => return Err(bad(key, "{name: alias} or a list of [name, alias]", other)),
    };
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Value::Array(
        pairs
            .into_iter()
            .map(|(k, v)| {
                if truthy(&v) {
                    json!(format!("{k}:{}", py_str(&v)))
                } else {
                    json!(k)
                }
            })
            .collect(),
    ))
}

fn environment(v: &Value) -> Result<Value> {
    match v {
        Value::Object(m) => Ok(Value::Array(
            m.iter()
                .map(|(k, v)| {
                    if v.is_null() {
                        json!(k)
                    } else {
                        json!(format!("{k}={}", py_str(v)))
                    }
                })
                .collect(),
        )),
        Value::Array(a) if a.iter().all(Value::is_string) => Ok(v.clone()),
        other => Err(bad(
            "environment",
            "an object or a list of \"KEY=value\"",
            other,
        )),
    }
}

fn healthcheck(v: &Value, version: (u32, u32)) -> Result<Value> {
    let Value::Object(m) = v else {
        return Err(bad("healthcheck", "an object", v));
    };
    need_key_version("healthcheck", version)?;
    if m.is_empty() {
        // docker-py builds a Healthcheck only from a non-empty dict; {} is sent as it is.
        return Ok(json!({}));
    }
    let get = |a: &str, b: &str| {
        m.get(a)
            .or_else(|| m.get(b))
            .cloned()
            .unwrap_or(Value::Null)
    };
    for k in m.keys() {
        let known = [
            "test",
            "Test",
            "interval",
            "Interval",
            "timeout",
            "Timeout",
            "retries",
            "Retries",
            "start_period",
            "StartPeriod",
            "start_interval",
            "StartInterval",
        ];
        if !known.contains(&k.as_str()) {
            return unknown_keys("healthcheck", std::iter::once(k.as_str()), &known)
                .map(|_| Value::Null);
        }
    }
    let mut test = get("test", "Test");
    if let Value::String(s) = &test {
        test = json!(["CMD-SHELL", s]);
    }
    let start_period = get("start_period", "StartPeriod");
    if !start_period.is_null() {
        need_version("healthcheck start_period", version, (1, 29))?;
    }
    let mut out = json!({
        "Test": test,
        "Interval": duration_ns("healthcheck.interval", &get("interval", "Interval"))?,
        "Timeout": duration_ns("healthcheck.timeout", &get("timeout", "Timeout"))?,
        "Retries": get("retries", "Retries"),
        "StartPeriod": duration_ns("healthcheck.start_period", &start_period)?,
    });
    let start_interval = get("start_interval", "StartInterval");
    if !start_interval.is_null() {
        need_version("healthcheck start_interval", version, (1, 44))?;
        out["StartInterval"] = duration_ns("healthcheck.start_interval", &start_interval)?;
    }
    Ok(out)
}

fn ulimits(v: &Value) -> Result<Value> {
    let Value::Array(a) = v else {
        return Err(bad("ulimits", "a list of {name, soft, hard}", v));
    };
    let mut out = Vec::new();
    for u in a {
        let Value::Object(m) = u else {
            return Err(bad("ulimits", "a list of {name, soft, hard}", u));
        };
        let get = |a: &str, b: &str| {
            m.get(a)
                .or_else(|| m.get(b))
                .cloned()
                .unwrap_or(Value::Null)
        };
        let name = get("name", "Name");
        if !name.is_string() {
            return Err(bad("ulimits", "entries whose name is a string", u));
        }
        let (soft, hard) = (get("soft", "Soft"), get("hard", "Hard"));
        for (what, x) in [("soft", &soft), ("hard", &hard)] {
            if truthy(x) && !is_py_int(x) {
                return Err(Error::invalid(format!(
                    "\"ulimits\": {what} must be an integer, got {}",
                    short(x)
                )));
            }
        }
        out.push(json!({"Name": name, "Soft": soft, "Hard": hard}));
    }
    Ok(Value::Array(out))
}

fn log_config(v: &Value) -> Result<Value> {
    let Value::Object(m) = v else {
        return Err(bad("log_config", "an object {type, config}", v));
    };
    let t = m
        .get("type")
        .or_else(|| m.get("Type"))
        .cloned()
        .unwrap_or(Value::Null);
    let c = m
        .get("config")
        .or_else(|| m.get("Config"))
        .cloned()
        .unwrap_or(Value::Null);
    if truthy(&c) && !c.is_object() {
        return Err(bad("log_config.config", "an object", &c));
    }
    Ok(json!({"Type": t, "Config": if truthy(&c) { c } else { json!({}) }}))
}

fn device_requests(v: &Value) -> Result<Value> {
    let Value::Array(a) = v else {
        return Err(bad("device_requests", "a list", v));
    };
    let mut out = Vec::new();
    for r in a {
        let Value::Object(m) = r else {
            return Err(bad("device_requests", "a list of objects", r));
        };
        let get = |a: &str, b: &str| {
            m.get(a)
                .or_else(|| m.get(b))
                .cloned()
                .unwrap_or(Value::Null)
        };
        let pick = |key: &str,
                    v: Value,
                    default: Value,
                    ok: fn(&Value) -> bool,
                    what: &str|
         -> Result<Value> {
            if v.is_null() {
                Ok(default)
            } else if ok(&v) {
                Ok(v)
            } else {
                Err(Error::invalid(format!(
                    "\"device_requests\": {key} must be {what}, got {}",
                    short(&v)
                )))
            }
        };
        out.push(json!({
            "Driver": pick("driver", get("driver", "Driver"), json!(""), Value::is_string, "a string")?,
            "Count": pick("count", get("count", "Count"), json!(0), is_py_int, "an integer")?,
            "DeviceIDs": pick("device_ids", get("device_ids", "DeviceIDs"), json!([]), Value::is_array, "a list")?,
            "Capabilities": pick("capabilities", get("capabilities", "Capabilities"), json!([]), Value::is_array, "a list")?,
            "Options": pick("options", get("options", "Options"), json!({}), Value::is_object, "an object")?,
        }));
    }
    Ok(Value::Array(out))
}

fn tmpfs(v: &Value) -> Result<Value> {
    match v {
        Value::Object(_) => Ok(v.clone()),
        Value::Array(a) => {
            let mut out = Map::new();
            for m in a {
                let Value::String(s) = m else {
                    return Err(bad("tmpfs", "a list of \"/path[:options]\"", m));
                };
                let (name, opts) = s.split_once(':').unwrap_or((s, ""));
                out.insert(name.to_string(), json!(opts));
            }
            Ok(Value::Object(out))
        }
        other => Err(bad(
            "tmpfs",
            "an object or a list of \"/path[:options]\"",
            other,
        )),
    }
}

fn mount(v: &Value) -> Result<Value> {
    match v {
        Value::String(s) => {
            let parts: Vec<&str> = s.split(':').collect();
            if parts.len() > 3 {
                return Err(Error::invalid(format!(
                    "\"mounts\": invalid mount format {s:?}"
                )));
            }
            if parts.len() == 1 {
                return Ok(
                    json!({"Target": parts[0], "Source": null, "Type": "volume", "ReadOnly": false}),
                );
            }
            let ty = if parts[0].starts_with('/') {
                "bind"
            } else {
                "volume"
            };
            let ro = !(parts.len() == 2 || parts[2] == "rw");
            Ok(json!({"Target": parts[1], "Source": parts[0], "Type": ty, "ReadOnly": ro}))
        }
        Value::Object(m) if m.contains_key("target") || m.contains_key("source") => {
            let known = [
                "target",
                "source",
                "type",
                "read_only",
                "consistency",
                "propagation",
                "no_copy",
                "labels",
                "driver_config",
                "tmpfs_size",
                "tmpfs_mode",
            ];
            unknown_keys(
                "mounts",
                m.keys().map(String::as_str).filter(|k| !known.contains(k)),
                &known,
            )?;
            let g = |k: &str| m.get(k).cloned().unwrap_or(Value::Null);
            let ty = m.get("type").and_then(Value::as_str).unwrap_or("volume");
            if !["bind", "volume", "tmpfs", "npipe"].contains(&ty) {
                return Err(Error::invalid(format!(
                    "\"mounts\": unsupported mount type {ty:?}"
                )));
            }
            let mut out = json!({"Target": g("target"), "Source": g("source"), "Type": ty, "ReadOnly": truthy(&g("read_only"))});
            if truthy(&g("consistency")) {
                out["Consistency"] = g("consistency");
            }
            let any = |ks: &[&str]| ks.iter().any(|k| truthy(&g(k)));
            match ty {
                "bind" => {
                    if !g("propagation").is_null() {
                        out["BindOptions"] = json!({"Propagation": g("propagation")});
                    }
                    if any(&[
                        "labels",
                        "driver_config",
                        "no_copy",
                        "tmpfs_size",
                        "tmpfs_mode",
                    ]) {
                        return Err(Error::invalid(
                            "\"mounts\": options given that a bind mount cannot take",
                        ));
                    }
                }
                "volume" => {
                    let mut vo = Map::new();
                    if truthy(&g("no_copy")) {
                        vo.insert("NoCopy".into(), json!(true));
                    }
                    if truthy(&g("labels")) {
                        vo.insert("Labels".into(), g("labels"));
                    }
                    if truthy(&g("driver_config")) {
                        vo.insert("DriverConfig".into(), g("driver_config"));
                    }
                    if !vo.is_empty() {
                        out["VolumeOptions"] = Value::Object(vo);
                    }
                    if any(&["propagation", "tmpfs_size", "tmpfs_mode"]) {
                        return Err(Error::invalid(
                            "\"mounts\": options given that a volume mount cannot take",
                        ));
                    }
                }
                "tmpfs" => {
                    let mut to = Map::new();
                    if truthy(&g("tmpfs_mode")) {
                        if !is_int(&g("tmpfs_mode")) {
                            return Err(Error::invalid(
                                "\"mounts\": tmpfs_mode must be an integer",
                            ));
                        }
                        to.insert("Mode".into(), g("tmpfs_mode"));
                    }
                    if truthy(&g("tmpfs_size")) {
                        to.insert(
                            "SizeBytes".into(),
                            parse_bytes("mounts.tmpfs_size", &g("tmpfs_size"))?,
                        );
                    }
                    if !to.is_empty() {
                        out["TmpfsOptions"] = Value::Object(to);
                    }
                    if any(&["propagation", "labels", "driver_config", "no_copy"]) {
                        return Err(Error::invalid(
                            "\"mounts\": options given that a tmpfs mount cannot take",
                        ));
                    }
                }
                _ => {}
            }
            Ok(out)
        }
        Value::Object(_) => Ok(v.clone()),
        other => Err(bad("mounts", "strings or mount objects", other)),
    }
}

pub(crate) fn endpoint_config(net: &str, v: &Value, version: (u32, u32)) -> Result<Value> {
    let Value::Object(m) = v else {
        return if v.is_null() {
            Ok(json!({}))
        } else {
            Err(bad("networking_config", "an object per network", v))
        };
    };
    let snake = [
        "aliases",
        "links",
        "ipv4_address",
        "ipv6_address",
        "link_local_ips",
        "driver_opt",
        "mac_address",
    ];
    if !m.keys().any(|k| snake.contains(&k.as_str())) {
        return Ok(v.clone());
    }
    unknown_keys(
        "networking_config endpoint",
        m.keys().map(String::as_str).filter(|k| !snake.contains(k)),
        &snake,
    )?;
    let g = |k: &str| m.get(k).cloned().unwrap_or(Value::Null);
    let mut out = Map::new();
    if truthy(&g("aliases")) {
        out.insert("Aliases".into(), g("aliases"));
    }
    if truthy(&g("links")) {
        out.insert(
            "Links".into(),
            links("networking_config.links", &g("links"))?,
        );
    }
    let mut ipam = Map::new();
    if truthy(&g("ipv4_address")) {
        ipam.insert("IPv4Address".into(), g("ipv4_address"));
    }
    if truthy(&g("ipv6_address")) {
        ipam.insert("IPv6Address".into(), g("ipv6_address"));
    }
    if truthy(&g("mac_address")) {
        need_version("mac_address", version, (1, 25))?;
        out.insert("MacAddress".into(), g("mac_address"));
    }
    if !g("link_local_ips").is_null() {
        need_version("link_local_ips", version, (1, 24))?;
        ipam.insert("LinkLocalIPs".into(), g("link_local_ips"));
    }
    if !ipam.is_empty() {
        out.insert("IPAMConfig".into(), Value::Object(ipam));
    }
    if truthy(&g("driver_opt")) {
        need_version("driver_opt", version, (1, 32))?;
        if !g("driver_opt").is_object() {
            return Err(Error::invalid(format!(
                "networking_config[{net:?}].driver_opt must be an object"
            )));
        }
        out.insert("DriverOpts".into(), g("driver_opt"));
    }
    Ok(Value::Object(out))
}

/// Split `run()`'s own keys off; the rest goes to `translate_create`.
pub fn split_run_options(
    options: &Map<String, Value>,
) -> Result<(RunOnlyOptions, Map<String, Value>)> {
    // docker-py's run() refuses these two pairs, which its create() takes (see translate_create).
    let given = |k: &str| options.get(k).is_some_and(truthy);
    if given("network") && given("network_mode") {
        return Err(Error::invalid(
            "run options: \"network\" and \"network_mode\" cannot be used together \
             (as in docker-py's run; create takes both, and \"network\" wins)",
        ));
    }
    if given("networking_config") && !given("network") {
        return Err(Error::invalid(
            "run options: \"networking_config\" cannot be used without \"network\" \
             (as in docker-py's run; create ignores it)",
        ));
    }
    let mut rest = options.clone();
    let mut flag = |k: &str, default: bool| -> Result<bool> {
        match rest.remove(k) {
            None | Some(Value::Null) => Ok(default),
            Some(Value::Bool(b)) => Ok(b),
            Some(other) => Err(bad(k, "true or false", &other)),
        }
    };
    let run = RunOnlyOptions {
        detach: flag("detach", false)?,
        remove: flag("remove", false)?,
        stdout: flag("stdout", true)?,
        stderr: flag("stderr", false)?,
        stream: flag("stream", false)?,
        pull: flag("pull", true)?,
    };
    Ok((run, rest))
}

/// Proxy variables from the Docker CLI's config file (docker-py's `use_config_proxy`).
fn config_proxy_env() -> Vec<Value> {
    let dir = std::env::var_os("DOCKER_CONFIG")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".docker")));
    let Some(dir) = dir else { return Vec::new() };
    let Ok(text) = std::fs::read_to_string(dir.join("config.json")) else {
        return Vec::new();
    };
    let Ok(cfg) = serde_json::from_str::<Value>(&text) else {
        return Vec::new();
    };
    let p = &cfg["proxies"]["default"];
    let mut env = Vec::new();
    for (key, names) in [
        ("httpProxy", ["http_proxy", "HTTP_PROXY"]),
        ("httpsProxy", ["https_proxy", "HTTPS_PROXY"]),
        ("ftpProxy", ["ftp_proxy", "FTP_PROXY"]),
        ("noProxy", ["no_proxy", "NO_PROXY"]),
    ] {
        if let Some(v) = p.get(key).and_then(Value::as_str).filter(|s| !s.is_empty()) {
            for n in names {
                env.push(json!(format!("{n}={v}")));
            }
        }
    }
    env
}

fn deep_merge(dst: &mut Value, src: &Value) {
    match (dst, src) {
        (Value::Object(d), Value::Object(s)) => {
            for (k, v) in s {
                match d.get_mut(k) {
                    Some(existing) if existing.is_object() && v.is_object() => {
                        deep_merge(existing, v)
                    }
                    _ => {
                        d.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (d, s) => *d = s.clone(),
    }
}

/// The options, each key noted as it is read: a key the table accepts but nothing reads is a
/// bug, reported at the end rather than ignored.
struct Reader<'a> {
    options: &'a Map<String, Value>,
    read: std::cell::RefCell<std::collections::HashSet<&'a str>>,
}

impl<'a> Reader<'a> {
    /// The value of `k`, unless absent or null.
    fn get(&self, k: &str) -> Option<&'a Value> {
        let (key, v) = self.options.get_key_value(k)?;
        self.read.borrow_mut().insert(key.as_str());
        Some(v).filter(|v| !v.is_null())
    }

    /// The value of `k` when Python would find it true (docker-py's `if x:`).
    fn truthy(&self, k: &str) -> Option<&'a Value> {
        self.get(k).filter(|v| truthy(v))
    }

    /// `true`/`false` keys, false when absent.
    fn flag(&self, k: &str) -> Result<bool> {
        match self.get(k) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(bad(k, "true or false", other)),
        }
    }

    fn unread(&self) -> Option<&'a str> {
        let read = self.read.borrow();
        self.options
            .iter()
            .find(|(k, v)| !v.is_null() && !read.contains(k.as_str()))
            .map(|(k, _)| k.as_str())
    }
}

/// When a simple key is sent: docker-py's `if x is not None:` or its `if x:`.
#[derive(Clone, Copy)]
enum When {
    Given,
    Truthy,
}

/// A value conversion: (key, value, API version) to the body's value.
type Conv = fn(&str, &Value, (u32, u32)) -> Result<Value>;

/// A key that becomes one field of the body, converted on its own. Its version check is the
/// option table's `min_api`, made when the key is sent.
struct Simple {
    key: &'static str,
    field: &'static str,
    when: When,
    conv: Conv,
}

const fn given(key: &'static str, field: &'static str, conv: Conv) -> Simple {
    Simple {
        key,
        field,
        when: When::Given,
        conv,
    }
}

const fn if_true(key: &'static str, field: &'static str, conv: Conv) -> Simple {
    Simple {
        key,
        field,
        when: When::Truthy,
        conv,
    }
}

fn as_is(_: &str, v: &Value, _: (u32, u32)) -> Result<Value> {
    Ok(v.clone())
}

/// docker-py's `isinstance(x, int)` check (true and false pass: Python's bools are ints).
fn int(key: &str, v: &Value, _: (u32, u32)) -> Result<Value> {
    if is_py_int(v) {
        Ok(v.clone())
    } else {
        Err(bad(key, "an integer", v))
    }
}

fn size(key: &str, v: &Value, _: (u32, u32)) -> Result<Value> {
    parse_bytes(key, v)
}

fn list(key: &str, v: &Value, _: (u32, u32)) -> Result<Value> {
    if v.is_array() {
        Ok(v.clone())
    } else {
        Err(bad(key, "a list", v))
    }
}

fn string(key: &str, v: &Value, _: (u32, u32)) -> Result<Value> {
    if v.is_string() {
        Ok(v.clone())
    } else {
        Err(bad(key, "a string", v))
    }
}

fn host_only(key: &str, v: &Value, _: (u32, u32)) -> Result<Value> {
    if v == "host" {
        Ok(v.clone())
    } else {
        Err(Error::invalid(format!(
            "\"{key}\" can only be \"host\", got {}",
            short(v)
        )))
    }
}

/// HostConfig fields that one key makes on its own, in docker-py's `HostConfig` order.
const HOST_CONFIG: &[Simple] = &[
    given("mem_limit", "Memory", size),
    given("memswap_limit", "MemorySwap", size),
    if_true("mem_reservation", "MemoryReservation", size),
    if_true("kernel_memory", "KernelMemory", size),
    given("mem_swappiness", "MemorySwappiness", int),
    given("shm_size", "ShmSize", |k, v, a| {
        if v.is_string() {
            size(k, v, a)
        } else {
            Ok(v.clone())
        }
    }),
    if_true("pid_mode", "PidMode", as_is),
    if_true("ipc_mode", "IpcMode", as_is),
    if_true("privileged", "Privileged", as_is),
    if_true("oom_kill_disable", "OomKillDisable", as_is),
    if_true("oom_score_adj", "OomScoreAdj", int),
    if_true("publish_all_ports", "PublishAllPorts", as_is),
    given("read_only", "ReadonlyRootfs", as_is),
    if_true("dns_search", "DnsSearch", as_is),
    if_true("restart_policy", "RestartPolicy", |k, v, _| {
        if v.is_object() {
            Ok(v.clone())
        } else {
            Err(bad(
                k,
                "an object such as {\"Name\": \"on-failure\", \"MaximumRetryCount\": 3}",
                v,
            ))
        }
    }),
    if_true("cap_add", "CapAdd", as_is),
    if_true("cap_drop", "CapDrop", as_is),
    if_true("devices", "Devices", |_, v, _| devices(v)),
    if_true("group_add", "GroupAdd", |k, v, _| match v {
        Value::Array(a) => Ok(Value::Array(a.iter().map(|g| json!(py_str(g))).collect())),
        other => Err(bad(k, "a list", other)),
    }),
    given("dns", "Dns", as_is),
    given("dns_opt", "DnsOptions", as_is),
    given("security_opt", "SecurityOpt", list),
    if_true("sysctls", "Sysctls", |k, v, _| match v {
        Value::Object(m) => Ok(Value::Object(
            m.iter()
                .map(|(k, v)| (k.clone(), json!(py_str(v))))
                .collect(),
        )),
        other => Err(bad(k, "an object", other)),
    }),
    given("volumes_from", "VolumesFrom", |_, v, _| {
        Ok(match v {
            Value::String(s) => json!(s.split(',').collect::<Vec<_>>()),
            other => other.clone(),
        })
    }),
    given("extra_hosts", "ExtraHosts", |_, v, _| {
        Ok(match v {
            Value::Object(m) => {
                let mut pairs: Vec<_> = m.iter().collect();
                pairs.sort_by(|a, b| a.0.cmp(b.0));
                json!(pairs
                    .into_iter()
                    .map(|(k, v)| format!("{k}:{}", py_str(v)))
                    .collect::<Vec<_>>())
            }
            other => other.clone(),
        })
    }),
    given("links", "Links", |k, v, _| links(k, v)),
    given("lxc_conf", "LxcConf", |_, v, _| {
        Ok(match v {
            Value::Object(m) => json!(m
                .iter()
                .map(|(k, v)| json!({"Key": k, "Value": py_str(v)}))
                .collect::<Vec<_>>()),
            other => other.clone(),
        })
    }),
    given("cgroup_parent", "CgroupParent", as_is),
    given("ulimits", "Ulimits", |_, v, _| ulimits(v)),
    given("log_config", "LogConfig", |_, v, _| log_config(v)),
    if_true("cpu_quota", "CpuQuota", int),
    if_true("cpu_period", "CpuPeriod", int),
    if_true("cpu_shares", "CpuShares", int),
    if_true("cpuset_cpus", "CpusetCpus", as_is),
    if_true("cpuset_mems", "CpusetMems", string),
    if_true("cpu_rt_period", "CPURealtimePeriod", int),
    if_true("cpu_rt_runtime", "CPURealtimeRuntime", int),
    if_true("blkio_weight", "BlkioWeight", int),
    if_true("blkio_weight_device", "BlkioWeightDevice", list),
    if_true("device_read_bps", "BlkioDeviceReadBps", list),
    if_true("device_write_bps", "BlkioDeviceWriteBps", list),
    if_true("device_read_iops", "BlkioDeviceReadIOps", list),
    if_true("device_write_iops", "BlkioDeviceWriteIOps", list),
    if_true("tmpfs", "Tmpfs", |_, v, _| tmpfs(v)),
    if_true("userns_mode", "UsernsMode", host_only),
    if_true("uts_mode", "UTSMode", host_only),
    if_true("pids_limit", "PidsLimit", int),
    if_true("isolation", "Isolation", string),
    if_true("auto_remove", "AutoRemove", as_is),
    given("storage_opt", "StorageOpt", as_is),
    given("init", "Init", as_is),
    given("init_path", "InitPath", |_, v, api| {
        if version_lt(api, (1, 29)) {
            Ok(v.clone())
        } else {
            Err(Error::invalid(
                "\"init_path\" was removed in Engine API 1.29",
            ))
        }
    }),
    given("volume_driver", "VolumeDriver", as_is),
    if_true("cpu_count", "CpuCount", int),
    if_true("cpu_percent", "CpuPercent", int),
    if_true("nano_cpus", "NanoCpus", int),
    if_true("runtime", "Runtime", as_is),
    given("mounts", "Mounts", |k, v, _| match v {
        Value::Array(a) => Ok(Value::Array(a.iter().map(mount).collect::<Result<_>>()?)),
        other => Err(bad(k, "a list", other)),
    }),
    given("device_cgroup_rules", "DeviceCgroupRules", list),
    given("device_requests", "DeviceRequests", |_, v, _| {
        device_requests(v)
    }),
    if_true("cgroupns", "CgroupnsMode", as_is),
];

/// Top-level (container config) fields that one key makes on its own.
const CONFIG: &[Simple] = &[
    given("hostname", "Hostname", as_is),
    given("domainname", "Domainname", as_is),
    given("user", "User", |_, v, _| Ok(json!(py_str(v)))),
    given("working_dir", "WorkingDir", as_is),
    given("entrypoint", "Entrypoint", |k, v, _| command_value(k, v)),
    given("labels", "Labels", |k, v, _| match v {
        Value::Array(a) => {
            let mut m = Map::new();
            for l in a {
                let Value::String(s) = l else {
                    return Err(bad(k, "an object or a list of strings", l));
                };
                m.insert(s.clone(), json!(""));
            }
            Ok(Value::Object(m))
        }
        Value::Object(_) => Ok(v.clone()),
        other => Err(bad(k, "an object or a list of strings", other)),
    }),
    given("stop_signal", "StopSignal", as_is),
    given("healthcheck", "Healthcheck", |_, v, api| {
        healthcheck(v, api)
    }),
    given("stop_timeout", "StopTimeout", |k, v, _| {
        if is_int(v) {
            Ok(v.clone())
        } else {
            Err(bad(k, "an integer number of seconds", v))
        }
    }),
];

/// Each simple key of `table` that is sent, converted, into `out`.
fn apply(
    table: &[Simple],
    r: &Reader,
    api: (u32, u32),
    out: &mut Map<String, Value>,
) -> Result<()> {
    for s in table {
        let value = match s.when {
            When::Given => r.get(s.key),
            When::Truthy => r.truthy(s.key),
        };
        let Some(value) = value else { continue };
        if option_table::call("docker_containers_create")
            .key(s.key)
            .is_some_and(|k| k.min_api.is_some())
        {
            need_key_version(s.key, api)?;
        }
        let converted = (s.conv)(s.key, value, api)?;
        if !converted.is_null() {
            out.insert(s.field.to_string(), converted);
        }
    }
    Ok(())
}

/// The network keys as docker-py's `create()` reads them: a (true) `network` wins over
/// `network_mode` and carries `networking_config`; without it, `networking_config` is dropped.
/// (`run()` refuses both combinations: `split_run_options`.)
struct Network<'a> {
    mode: Option<Value>,
    name: Option<&'a str>,
    config: Option<&'a Value>,
}

fn network<'a>(r: &Reader<'a>) -> Result<Network<'a>> {
    let network_mode = r.truthy("network_mode").cloned();
    let config = r.get("networking_config");
    match r.truthy("network") {
        Some(Value::String(name)) => Ok(Network {
            mode: Some(json!(name)),
            name: Some(name),
            config,
        }),
        Some(other) => Err(bad("network", "a network name", other)),
        None => Ok(Network {
            mode: network_mode,
            name: None,
            config: None,
        }),
    }
}

/// NetworkingConfig: the endpoints of `network` (with `mac_address` on API 1.44+, where the
/// engine reads it from the endpoint; `mac` is then taken).
fn networking_config(
    net: &Network,
    mac: &mut Option<Value>,
    v: (u32, u32),
) -> Result<Option<Value>> {
    let new_mac = !version_lt(v, (1, 44));
    let Some(net_name) = net.name else {
        let Some(m) = mac.take_if(|_| new_mac) else {
            return Ok(None);
        };
        let mode = net
            .mode
            .as_ref()
            .and_then(Value::as_str)
            .unwrap_or("default");
        let name = if mode == "default" { "bridge" } else { mode };
        return Ok(Some(json!({"EndpointsConfig": {name: {"MacAddress": m}}})));
    };
    let mut endpoints = Map::new();
    match net.config {
        Some(Value::Object(cfg)) if cfg.contains_key(net_name) => {
            for (name, ep) in cfg {
                endpoints.insert(name.clone(), endpoint_config(name, ep, v)?);
            }
        }
        Some(Value::Object(_)) | None => {
            endpoints.insert(net_name.to_string(), json!({}));
        }
        Some(other) => {
            return Err(bad(
                "networking_config",
                "an object of network name to endpoint settings",
                other,
            ))
        }
    }
    if let Some(m) = mac.take_if(|_| new_mac) {
        if let Some(Value::Object(ep)) = endpoints.get_mut(net_name) {
            ep.entry("MacAddress").or_insert(m);
        }
    }
    Ok(Some(json!({"EndpointsConfig": endpoints})))
}

/// HostConfig, and the config fields of the keys split over both (`ports`, `volumes`).
struct HostConfigParts {
    host_config: Map<String, Value>,
    exposed_ports: Option<Value>,
    volumes: Option<Value>,
}

fn host_config(r: &Reader, net: &Network, v: (u32, u32)) -> Result<HostConfigParts> {
    let mut hc = Map::new();
    apply(HOST_CONFIG, r, v, &mut hc)?;
    let port_map = r.truthy("ports").map(port_bindings).transpose()?;
    if net.mode.as_ref().and_then(Value::as_str) == Some("host") && port_map.is_some() {
        return Err(Error::invalid("\"ports\" cannot be used with network_mode \"host\": the host's ports are the container's"));
    }
    hc.insert(
        "NetworkMode".into(),
        net.mode.clone().unwrap_or_else(|| json!("default")),
    );
    let mut volumes = None;
    if let Some(x) = r.truthy("volumes") {
        let (binds, targets) = volume_binds(x)?;
        hc.insert("Binds".into(), Value::Array(binds));
        volumes = Some(Value::Object(
            targets.into_iter().map(|k| (k, json!({}))).collect(),
        ));
    }
    let exposed = port_map.map(|p| {
        let mut keys: Vec<&String> = p.keys().collect();
        keys.sort();
        let exposed = Value::Object(keys.into_iter().map(|k| (k.clone(), json!({}))).collect());
        hc.insert("PortBindings".into(), Value::Object(p.clone()));
        exposed
    });
    Ok(HostConfigParts {
        host_config: hc,
        exposed_ports: exposed,
        volumes,
    })
}

/// `environment`, after the proxy variables of the CLI's config (docker-py's
/// `use_config_proxy`, default true).
fn environment_with_proxy(r: &Reader) -> Result<Option<Value>> {
    let mut env = r.get("environment").map(environment).transpose()?;
    if r.get("use_config_proxy").map(truthy).unwrap_or(true) {
        let mut all = config_proxy_env();
        if !all.is_empty() {
            if let Some(Value::Array(e)) = &env {
                all.extend(e.iter().cloned());
            }
            env = Some(Value::Array(all));
        }
    }
    Ok(env)
}

/// The escape hatch: raw Engine API `Config`, `HostConfig` and `NetworkingConfig`, merged last.
fn merge_raw(r: &Reader, body: &mut Value) -> Result<()> {
    for (key, what) in [
        ("Config", "an object of Engine API container config fields"),
        ("HostConfig", "an object of Engine API HostConfig fields"),
        (
            "NetworkingConfig",
            "an object of Engine API NetworkingConfig fields",
        ),
    ] {
        let Some(raw) = r.get(key) else { continue };
        if !raw.is_object() {
            return Err(bad(key, what, raw));
        }
        let target = if key == "Config" {
            &mut *body
        } else {
            body.as_object_mut()
                .expect("the body is an object")
                .entry(key)
                .or_insert_with(|| json!({}))
        };
        deep_merge(target, raw);
    }
    Ok(())
}

/// The query parameters: `name` and `platform`.
fn query(r: &Reader, v: (u32, u32)) -> Result<(Option<String>, Option<String>)> {
    let name = match r.get("name") {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => return Err(bad("name", "a string", other)),
    };
    let platform = match r.get("platform") {
        None => None,
        Some(Value::String(s)) => {
            need_key_version("platform", v)?;
            Some(s.clone())
        }
        Some(other) => return Err(bad("platform", "a string such as \"linux/amd64\"", other)),
    };
    Ok((name, platform))
}

/// Translate create()/run() keywords into the create request, as docker-py's `create()` does.
/// `command` is the positional command (a string split like a shell, or a list).
pub fn translate_create(
    image: &str,
    command: Option<&Value>,
    options: &Map<String, Value>,
    api_version: (u32, u32),
) -> Result<CreateRequest> {
    let v = api_version;
    // Unknown keys and wrong JSON types first, from the option table, with a hint.
    for k in options.keys() {
        if k == "image" || k == "command" {
            return Err(Error::invalid(format!(
                "\"{k}\" is an argument of its own, not an option"
            )));
        }
        if k == "pull" {
            return Err(Error::invalid(
                "\"pull\" is read by run and create before the translation",
            ));
        }
    }
    option_table::call("docker_containers_create").validate(options)?;
    let r = Reader {
        options,
        read: Default::default(),
    };
    let net = network(&r)?;
    let hc = host_config(&r, &net, v)?;

    let detach = r.flag("detach")?;
    let tty = r.flag("tty")?;
    let stdin_open = r.flag("stdin_open")?;
    let network_disabled = r.flag("network_disabled")?;
    let env = environment_with_proxy(&r)?;
    let mut mac = r.get("mac_address").cloned();
    let networking = networking_config(&net, &mut mac, v)?;
    let command = match command {
        Some(c) if !c.is_null() => Some(command_value("command", c)?),
        _ => None,
    };

    let mut body = Map::new();
    let mut put = |k: &str, val: Option<Value>| {
        if let Some(val) = val.filter(|v| !v.is_null()) {
            body.insert(k.to_string(), val);
        }
    };
    put("ExposedPorts", hc.exposed_ports);
    put("Tty", Some(json!(tty)));
    put("OpenStdin", Some(json!(stdin_open)));
    put("StdinOnce", Some(json!(!detach && stdin_open)));
    put("AttachStdin", Some(json!(!detach && stdin_open)));
    put("AttachStdout", Some(json!(!detach)));
    put("AttachStderr", Some(json!(!detach)));
    put("Env", env);
    put("Cmd", command);
    put("Image", Some(json!(image)));
    put("Volumes", hc.volumes);
    put("NetworkDisabled", Some(json!(network_disabled)));
    put("HostConfig", Some(Value::Object(hc.host_config)));
    put("NetworkingConfig", networking);
    put("MacAddress", mac);
    apply(CONFIG, &r, v, &mut body)?;

    let mut body = Value::Object(body);
    merge_raw(&r, &mut body)?;
    let (name, platform) = query(&r, v)?;
    if let Some(k) = r.unread() {
        return Err(Error::invalid(format!(
            "create options: \"{k}\" is in the option table but not translated \
             (a bug in docker_containers)"
        )));
    }
    Ok(CreateRequest {
        name,
        platform,
        body,
    })
}

/// docker-py's `update()` keywords turned into the update request's body (the Engine API's
/// Resources fields and RestartPolicy), with create's key knowledge: each keyword that create
/// also takes (`mem_limit`, `cpu_shares`, `restart_policy`, ...) becomes the same HostConfig
/// field with the same conversion (sizes as "512m" or bytes, ...). Update's own: `cpus` (1.5 →
/// NanoCpus), and any Engine API field by its own (upper-case) name. Unlike create (and
/// docker-py's update), a zero or false value is sent, so `pids_limit: 0` lifts a limit; JSON
/// null means "not given". The keys are expected to have passed update's option table.
pub fn translate_update(options: Map<String, Value>) -> Result<Value> {
    // No conversion of an update key depends on the API version (only init_path's does, and
    // update has none), so this needs no request and refuses bad input before any is sent.
    const ANY_API: (u32, u32) = (u32::MAX, u32::MAX);
    let mut body = Map::new();
    for (k, v) in options {
        if v.is_null() {
            continue;
        }
        if let Some(s) = HOST_CONFIG.iter().find(|s| s.key == k) {
            let converted = (s.conv)(&k, &v, ANY_API)?;
            if !converted.is_null() {
                body.insert(s.field.to_string(), converted);
            }
        } else if k == "cpus" {
            let f = v.as_f64().filter(|f| *f >= 0.0).ok_or_else(|| {
                Error::invalid("update options: \"cpus\" must be a non-negative number")
            })?;
            body.insert("NanoCpus".into(), Value::from((f * 1e9).round() as i64));
        } else if k.starts_with(|c: char| c.is_ascii_uppercase()) {
            body.insert(k, v);
        } else {
            // The option table let it through: a table entry without a translation.
            return Err(Error::invalid(format!(
                "update options: \"{k}\" is in the option table but not translated \
                 (a bug in docker_containers)"
            )));
        }
    }
    Ok(Value::Object(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn unknown_key_is_named_with_a_hint() {
        let e = translate_create("i", None, &opts(json!({"enviroment": {}})), (1, 41))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("\"enviroment\"") && e.contains("did you mean \"environment\""),
            "{e}"
        );
    }

    #[test]
    fn every_table_key_is_translated() {
        // Each create key of the option table, alone, with a value of its first JSON type: the
        // translation may refuse the value, but it must read the key.
        let call = option_table::call("docker_containers_create");
        let mut n = 0;
        for k in call
            .keys()
            .filter(|k| k.name != "pull" && k.name != "command")
        {
            let sample = match k.ty.split('|').next().unwrap() {
                "string" => json!("x"),
                "integer" | "number" => json!(1),
                "boolean" => json!(true),
                "object" => json!({}),
                _ => json!([]),
            };
            let mut o = Map::new();
            o.insert(k.name.to_string(), sample);
            if let Err(e) = translate_create("i", None, &o, (1, 44)) {
                assert!(!e.to_string().contains("not translated"), "{e}");
            }
            n += 1;
        }
        assert!(n >= 80, "{n} keys");
    }

    #[test]
    fn version_checks_come_from_the_table() {
        let e = translate_create(
            "i",
            None,
            &opts(json!({"platform": "linux/amd64"})),
            (1, 40),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("needs Engine API 1.41"), "{e}");
        let e = translate_create("i", None, &opts(json!({"mounts": ["/a:/b"]})), (1, 29))
            .unwrap_err()
            .to_string();
        assert!(e.contains("needs Engine API 1.30"), "{e}");
    }

    #[test]
    fn wrong_types_are_named() {
        let e = translate_create("i", None, &opts(json!({"cpu_shares": "x"})), (1, 41))
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"cpu_shares\""), "{e}");
        let e = translate_create("i", None, &opts(json!({"mem_limit": "12q"})), (1, 41))
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"mem_limit\""), "{e}");
    }

    #[test]
    fn drives_underscores_and_tuple_objects() {
        assert_eq!(split_drive("c:\\data:/data"), ("c:", "\\data:/data"));
        assert_eq!(split_drive("//srv/share/x:/y"), ("//srv/share", "/x:/y"));
        assert_eq!(split_drive("//srv:/y"), ("//srv:/y", ""));
        assert_eq!(split_drive("/srv:/d"), ("", "/srv:/d"));
        assert_eq!(host_volume_from_bind("C:/x:/y:ro"), "/y");
        assert_eq!(host_volume_from_bind("c:\\data"), "c:\\data");
        assert_eq!(py_float("1_000"), Some(1000.0));
        assert_eq!(py_float(" 1_0.5 "), Some(10.5));
        assert_eq!(py_float("1__0"), None);
        assert_eq!(py_float("_1"), None);
        assert_eq!(py_float("1_"), None);
        let e = translate_create(
            "i",
            None,
            &opts(json!({"ports": {"80": [["127.0.0.1", 8080]]}})),
            (1, 41),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("\"HostIp\": \"127.0.0.1\""), "{e}");
        let e = translate_create(
            "i",
            None,
            &opts(json!({"ports": {"80": {"HostIP": "::1", "HostPort": 1}}})),
            (1, 41),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("\"HostIP\"") && e.contains("did you mean \"HostIp\""),
            "{e}"
        );
    }

    #[test]
    fn sizes_and_durations() {
        assert_eq!(
            parse_bytes("x", &json!("512m")).unwrap(),
            json!(512 * 1024 * 1024)
        );
        assert_eq!(parse_bytes("x", &json!("1.5g")).unwrap(), json!(1610612736));
        assert_eq!(parse_bytes("x", &json!("64kb")).unwrap(), json!(65536));
        assert_eq!(parse_bytes("x", &json!("100")).unwrap(), json!(100));
        assert_eq!(parse_go_duration("1m30s"), Some(90_000_000_000));
        assert_eq!(parse_go_duration("250ms"), Some(250_000_000));
        assert_eq!(parse_go_duration("x"), None);
    }
    #[test]
    fn update_shares_create_s_fields_and_sends_zero() {
        let body = translate_update(opts(json!({
            "mem_limit": "512m", "memswap_limit": -1, "kernel_memory": 0,
            "cpu_shares": 0, "pids_limit": 0, "cpuset_cpus": "0",
            "restart_policy": {"Name": "on-failure", "MaximumRetryCount": 2},
            "oom_kill_disable": false, "cpus": 1.5, "cpu_rt_period": 1000,
            "BlkioWeightDevice": [], "blkio_weight": null
        })))
        .unwrap();
        assert_eq!(
            body,
            json!({
                "Memory": 536870912, "MemorySwap": -1, "KernelMemory": 0, "CpuShares": 0,
                "PidsLimit": 0, "CpusetCpus": "0",
                "RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 2},
                "OomKillDisable": false, "NanoCpus": 1500000000_i64,
                "CPURealtimePeriod": 1000, "BlkioWeightDevice": []
            })
        );
        // The same key gives the same field and value in create.
        let created =
            translate_create("i", None, &opts(json!({"mem_limit": "512m"})), (1, 41)).unwrap();
        assert_eq!(created.body["HostConfig"]["Memory"], body["Memory"]);
    }

    #[test]
    fn update_refuses_bad_values_by_name() {
        let e = translate_update(opts(json!({"mem_limit": "12q"}))).unwrap_err();
        assert!(e.to_string().contains("\"mem_limit\""), "{e}");
        let e = translate_update(opts(json!({"cpus": -1}))).unwrap_err();
        assert!(e.to_string().contains("\"cpus\""), "{e}");
        let e = translate_update(opts(json!({"no_such": 1}))).unwrap_err();
        assert!(e.to_string().contains("\"no_such\""), "{e}");
    }
}
