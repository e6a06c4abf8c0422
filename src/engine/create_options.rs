//! docker-py's `containers.run()` / `containers.create()` keyword arguments (as a JSON object)
//! turned into the Engine API's create request, the way docker-py turns them.
//!
//! Checked against docker-py itself: `tests/golden/gen_create_bodies.py` runs docker-py's own
//! translation over many keyword combinations and `tests/create_options.rs` compares.
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
//! - Raw Engine API fields: `Config`, `HostConfig` and `NetworkingConfig` objects are merged
//!   last, deeply, over the translated body (`Config`'s fields land at the top level). This is
//!   the escape hatch for anything docker-py does not cover.

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

/// Keys for `Config` (docker-py's RUN_CREATE_KWARGS, less image and command which are arguments).
const CREATE_KEYS: &[&str] = &[
    "detach",
    "domainname",
    "entrypoint",
    "environment",
    "healthcheck",
    "hostname",
    "labels",
    "mac_address",
    "name",
    "network_disabled",
    "platform",
    "stdin_open",
    "stop_signal",
    "tty",
    "use_config_proxy",
    "user",
    "working_dir",
    "stop_timeout",
];

/// Keys for `HostConfig` (docker-py's RUN_HOST_CONFIG_KWARGS, less `version`).
const HOST_KEYS: &[&str] = &[
    "auto_remove",
    "blkio_weight_device",
    "blkio_weight",
    "cap_add",
    "cap_drop",
    "cgroup_parent",
    "cgroupns",
    "cpu_count",
    "cpu_percent",
    "cpu_period",
    "cpu_quota",
    "cpu_shares",
    "cpuset_cpus",
    "cpuset_mems",
    "cpu_rt_period",
    "cpu_rt_runtime",
    "device_cgroup_rules",
    "device_read_bps",
    "device_read_iops",
    "device_write_bps",
    "device_write_iops",
    "devices",
    "device_requests",
    "dns_opt",
    "dns_search",
    "dns",
    "extra_hosts",
    "group_add",
    "init",
    "init_path",
    "ipc_mode",
    "isolation",
    "kernel_memory",
    "links",
    "log_config",
    "lxc_conf",
    "mem_limit",
    "mem_reservation",
    "mem_swappiness",
    "memswap_limit",
    "mounts",
    "nano_cpus",
    "network_mode",
    "oom_kill_disable",
    "oom_score_adj",
    "pid_mode",
    "pids_limit",
    "privileged",
    "publish_all_ports",
    "read_only",
    "restart_policy",
    "security_opt",
    "shm_size",
    "storage_opt",
    "sysctls",
    "tmpfs",
    "ulimits",
    "userns_mode",
    "uts_mode",
    "volume_driver",
    "volumes_from",
    "runtime",
];

const SPLIT_KEYS: &[&str] = &["ports", "volumes", "network", "networking_config"];
const RAW_KEYS: &[&str] = &["Config", "HostConfig", "NetworkingConfig"];
const RUN_KEYS: &[&str] = &["detach", "remove", "stdout", "stderr", "stream", "pull"];

/// Every key `create` accepts (for hints and documentation).
pub fn create_keys() -> Vec<&'static str> {
    CREATE_KEYS
        .iter()
        .chain(HOST_KEYS)
        .chain(SPLIT_KEYS)
        .chain(RAW_KEYS)
        .copied()
        .collect()
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

/// docker-py's `parse_bytes`: 1024-based "b/k/m/g" suffixes, an optional trailing "b" after a
/// unit ("512mb"), numbers as they are.
pub fn parse_bytes(key: &str, v: &Value) -> Result<Value> {
    match v {
        Value::Number(_) => Ok(v.clone()),
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
            let f: f64 = digits.trim().parse().map_err(|_| {
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

fn port_binding(key: &str, b: &Value) -> Result<Value> {
    let (ip, port): (Value, Value) = match b {
        // A tuple arrives as a list: [ip, port] or [ip] or [port].
        Value::Array(t) if t.len() == 2 => (t[0].clone(), t[1].clone()),
        Value::Array(t) if t.len() == 1 => {
            if t[0].is_string() {
                (t[0].clone(), Value::Null)
            } else {
                (json!(""), t[0].clone())
            }
        }
        Value::Object(o) => match o.get("HostPort") {
            Some(p) => (o.get("HostIp").cloned().unwrap_or(json!("")), p.clone()),
            None => return Err(bad(key, "a binding with \"HostPort\"", b)),
        },
        Value::Array(_) => {
            return Err(bad(
                key,
                "a host port, [ip], [ip, port] or a list of those",
                b,
            ))
        }
        other => (json!(""), other.clone()),
    };
    let port = match port {
        Value::Null => String::new(),
        p => py_str(&p),
    };
    Ok(json!({"HostIp": ip, "HostPort": port}))
}

/// `ports` → HostConfig.PortBindings, with docker-py's value forms.
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
        // A list of bindings; but a 1- or 2-element list that looks like a tuple ([ip, port],
        // [ip]) is one binding. JSON has no tuples, so: a list whose items are all scalars and
        // whose first item is a string of an address is a tuple; anything else is a list.
        let list: Vec<Value> = match b {
            Value::Array(items) if is_tuple(items) => vec![port_binding(k, b)?],
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

/// JSON form of a Python tuple binding: ["127.0.0.1", 8080] or ["127.0.0.1"].
fn is_tuple(items: &[Value]) -> bool {
    match items {
        [Value::String(ip)] => looks_like_ip(ip),
        [Value::String(ip), p] => looks_like_ip(ip) && !p.is_array() && !p.is_object(),
        _ => false,
    }
}

fn looks_like_ip(s: &str) -> bool {
    s.parse::<std::net::IpAddr>().is_ok() || s == "localhost" || s.is_empty()
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

fn host_volume_from_bind(bind: &str) -> String {
    let bits: Vec<&str> = bind.splitn(2, ':').collect();
    if bits.len() == 1 || bits[1] == "ro" || bits[1] == "rw" {
        bits[0].to_string()
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
    need_version("healthcheck", version, (1, 24))?;
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
            if truthy(x) && !is_int(x) {
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
            "Count": pick("count", get("count", "Count"), json!(0), is_int, "an integer")?,
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

/// Translate create()/run() keywords into the create request, as docker-py does.
/// `command` is the positional command (a string split like a shell, or a list).
pub fn translate_create(
    image: &str,
    command: Option<&Value>,
    options: &Map<String, Value>,
    api_version: (u32, u32),
) -> Result<CreateRequest> {
    let v = api_version;
    // Unknown keys first, with a hint.
    let all = create_keys();
    for k in options.keys() {
        if !all.contains(&k.as_str()) {
            if k == "image" || k == "command" {
                return Err(Error::invalid(format!(
                    "\"{k}\" is an argument of its own, not an option"
                )));
            }
            if RUN_KEYS.contains(&k.as_str()) {
                return Err(Error::invalid(format!(
                    "\"{k}\" is an option of run, not of create"
                )));
            }
            return unknown_keys("create options", std::iter::once(k.as_str()), &all)
                .map(|_| unreachable!());
        }
    }
    let get = |k: &str| options.get(k).filter(|v| !v.is_null());

    if get("network").is_some() && get("network_mode").is_some() {
        return Err(Error::invalid(
            "the options \"network\" and \"network_mode\" cannot be used together",
        ));
    }
    if get("networking_config").is_some() && get("network").is_none() {
        return Err(Error::invalid(
            "the option \"networking_config\" cannot be used without \"network\"",
        ));
    }

    // ---- HostConfig ----
    let mut hc = Map::new();
    let mut set = |k: &str, val: Value| {
        hc.insert(k.to_string(), val);
    };
    let int_key = |key: &str| -> Result<Option<Value>> {
        match get(key) {
            Some(x) if truthy(x) => {
                if !is_int(x) {
                    return Err(bad(key, "an integer", x));
                }
                Ok(Some(x.clone()))
            }
            _ => Ok(None),
        }
    };
    let list_key = |key: &str| -> Result<Option<Value>> {
        match get(key) {
            Some(x) if truthy(x) => {
                if !x.is_array() {
                    return Err(bad(key, "a list", x));
                }
                Ok(Some(x.clone()))
            }
            _ => Ok(None),
        }
    };

    if let Some(x) = get("mem_limit") {
        set("Memory", parse_bytes("mem_limit", x)?);
    }
    if let Some(x) = get("memswap_limit") {
        set("MemorySwap", parse_bytes("memswap_limit", x)?);
    }
    if let Some(x) = get("mem_reservation").filter(|x| truthy(x)) {
        set("MemoryReservation", parse_bytes("mem_reservation", x)?);
    }
    if let Some(x) = get("kernel_memory").filter(|x| truthy(x)) {
        set("KernelMemory", parse_bytes("kernel_memory", x)?);
    }
    if let Some(x) = get("mem_swappiness") {
        if !is_int(x) {
            return Err(bad("mem_swappiness", "an integer", x));
        }
        set("MemorySwappiness", x.clone());
    }
    if let Some(x) = get("shm_size") {
        set(
            "ShmSize",
            if x.is_string() {
                parse_bytes("shm_size", x)?
            } else {
                x.clone()
            },
        );
    }
    if let Some(x) = get("pid_mode").filter(|x| truthy(x)) {
        set("PidMode", x.clone());
    }
    if let Some(x) = get("ipc_mode").filter(|x| truthy(x)) {
        set("IpcMode", x.clone());
    }
    if let Some(x) = get("privileged").filter(|x| truthy(x)) {
        set("Privileged", x.clone());
    }
    if let Some(x) = get("oom_kill_disable").filter(|x| truthy(x)) {
        set("OomKillDisable", x.clone());
    }
    if let Some(x) = int_key("oom_score_adj")? {
        set("OomScoreAdj", x);
    }
    if let Some(x) = get("publish_all_ports").filter(|x| truthy(x)) {
        set("PublishAllPorts", x.clone());
    }
    if let Some(x) = get("read_only") {
        set("ReadonlyRootfs", x.clone());
    }
    if let Some(x) = get("dns_search").filter(|x| truthy(x)) {
        set("DnsSearch", x.clone());
    }
    let network_mode = match get("network") {
        Some(n) => Some(n.clone()),
        None => get("network_mode").filter(|x| truthy(x)).cloned(),
    };
    let port_map = match get("ports").filter(|x| truthy(x)) {
        Some(p) => Some(port_bindings(p)?),
        None => None,
    };
    if network_mode.as_ref().and_then(Value::as_str) == Some("host") && port_map.is_some() {
        return Err(Error::invalid("\"ports\" cannot be used with network_mode \"host\": the host's ports are the container's"));
    }
    set(
        "NetworkMode",
        network_mode.clone().unwrap_or_else(|| json!("default")),
    );
    if let Some(x) = get("restart_policy").filter(|x| truthy(x)) {
        if !x.is_object() {
            return Err(bad(
                "restart_policy",
                "an object such as {\"Name\": \"on-failure\", \"MaximumRetryCount\": 3}",
                x,
            ));
        }
        set("RestartPolicy", x.clone());
    }
    if let Some(x) = get("cap_add").filter(|x| truthy(x)) {
        set("CapAdd", x.clone());
    }
    if let Some(x) = get("cap_drop").filter(|x| truthy(x)) {
        set("CapDrop", x.clone());
    }
    if let Some(x) = get("devices").filter(|x| truthy(x)) {
        set("Devices", devices(x)?);
    }
    if let Some(x) = get("group_add").filter(|x| truthy(x)) {
        let Value::Array(a) = x else {
            return Err(bad("group_add", "a list", x));
        };
        set(
            "GroupAdd",
            Value::Array(a.iter().map(|g| json!(py_str(g))).collect()),
        );
    }
    if let Some(x) = get("dns") {
        set("Dns", x.clone());
    }
    if let Some(x) = get("dns_opt") {
        set("DnsOptions", x.clone());
    }
    if let Some(x) = get("security_opt") {
        if !x.is_array() {
            return Err(bad("security_opt", "a list", x));
        }
        set("SecurityOpt", x.clone());
    }
    if let Some(x) = get("sysctls").filter(|x| truthy(x)) {
        let Value::Object(m) = x else {
            return Err(bad("sysctls", "an object", x));
        };
        set(
            "Sysctls",
            Value::Object(
                m.iter()
                    .map(|(k, v)| (k.clone(), json!(py_str(v))))
                    .collect(),
            ),
        );
    }
    if let Some(x) = get("volumes_from") {
        set(
            "VolumesFrom",
            match x {
                Value::String(s) => json!(s.split(',').collect::<Vec<_>>()),
                other => other.clone(),
            },
        );
    }
    let volumes = get("volumes").filter(|x| truthy(x));
    let mut volume_targets = None;
    if let Some(x) = volumes {
        let (binds, targets) = volume_binds(x)?;
        set("Binds", Value::Array(binds));
        volume_targets = Some(targets);
    }
    if let Some(p) = &port_map {
        set("PortBindings", Value::Object(p.clone()));
    }
    if let Some(x) = get("extra_hosts") {
        set(
            "ExtraHosts",
            match x {
                Value::Object(m) => {
                    let mut pairs: Vec<_> = m.iter().collect();
                    pairs.sort_by(|a, b| a.0.cmp(b.0));
                    json!(pairs
                        .into_iter()
                        .map(|(k, v)| format!("{k}:{}", py_str(v)))
                        .collect::<Vec<_>>())
                }
                other => other.clone(),
            },
        );
    }
    if let Some(x) = get("links") {
        set("Links", links("links", x)?);
    }
    if let Some(x) = get("lxc_conf") {
        set(
            "LxcConf",
            match x {
                Value::Object(m) => json!(m
                    .iter()
                    .map(|(k, v)| json!({"Key": k, "Value": py_str(v)}))
                    .collect::<Vec<_>>()),
                other => other.clone(),
            },
        );
    }
    if let Some(x) = get("cgroup_parent") {
        set("CgroupParent", x.clone());
    }
    if let Some(x) = get("ulimits") {
        set("Ulimits", ulimits(x)?);
    }
    if let Some(x) = get("log_config") {
        set("LogConfig", log_config(x)?);
    }
    if let Some(x) = int_key("cpu_quota")? {
        set("CpuQuota", x);
    }
    if let Some(x) = int_key("cpu_period")? {
        set("CpuPeriod", x);
    }
    if let Some(x) = int_key("cpu_shares")? {
        set("CpuShares", x);
    }
    if let Some(x) = get("cpuset_cpus").filter(|x| truthy(x)) {
        set("CpusetCpus", x.clone());
    }
    if let Some(x) = get("cpuset_mems").filter(|x| truthy(x)) {
        if !x.is_string() {
            return Err(bad("cpuset_mems", "a string", x));
        }
        set("CpusetMems", x.clone());
    }
    if let Some(x) = int_key("cpu_rt_period")? {
        need_version("cpu_rt_period", v, (1, 25))?;
        set("CPURealtimePeriod", x);
    }
    if let Some(x) = int_key("cpu_rt_runtime")? {
        need_version("cpu_rt_runtime", v, (1, 25))?;
        set("CPURealtimeRuntime", x);
    }
    if let Some(x) = int_key("blkio_weight")? {
        set("BlkioWeight", x);
    }
    for (key, field) in [
        ("blkio_weight_device", "BlkioWeightDevice"),
        ("device_read_bps", "BlkioDeviceReadBps"),
        ("device_write_bps", "BlkioDeviceWriteBps"),
        ("device_read_iops", "BlkioDeviceReadIOps"),
        ("device_write_iops", "BlkioDeviceWriteIOps"),
    ] {
        if let Some(x) = list_key(key)? {
            set(field, x);
        }
    }
    if let Some(x) = get("tmpfs").filter(|x| truthy(x)) {
        set("Tmpfs", tmpfs(x)?);
    }
    if let Some(x) = get("userns_mode").filter(|x| truthy(x)) {
        if x != "host" {
            return Err(Error::invalid(format!(
                "\"userns_mode\" can only be \"host\", got {}",
                short(x)
            )));
        }
        set("UsernsMode", x.clone());
    }
    if let Some(x) = get("uts_mode").filter(|x| truthy(x)) {
        if x != "host" {
            return Err(Error::invalid(format!(
                "\"uts_mode\" can only be \"host\", got {}",
                short(x)
            )));
        }
        set("UTSMode", x.clone());
    }
    if let Some(x) = int_key("pids_limit")? {
        set("PidsLimit", x);
    }
    if let Some(x) = get("isolation").filter(|x| truthy(x)) {
        if !x.is_string() {
            return Err(bad("isolation", "a string", x));
        }
        set("Isolation", x.clone());
    }
    if let Some(x) = get("auto_remove").filter(|x| truthy(x)) {
        need_version("auto_remove", v, (1, 25))?;
        set("AutoRemove", x.clone());
    }
    if let Some(x) = get("storage_opt") {
        set("StorageOpt", x.clone());
    }
    if let Some(x) = get("init") {
        need_version("init", v, (1, 25))?;
        set("Init", x.clone());
    }
    if let Some(x) = get("init_path") {
        need_version("init_path", v, (1, 25))?;
        if !version_lt(v, (1, 29)) {
            return Err(Error::invalid(
                "\"init_path\" was removed in Engine API 1.29",
            ));
        }
        set("InitPath", x.clone());
    }
    if let Some(x) = get("volume_driver") {
        set("VolumeDriver", x.clone());
    }
    if let Some(x) = int_key("cpu_count")? {
        need_version("cpu_count", v, (1, 25))?;
        set("CpuCount", x);
    }
    if let Some(x) = int_key("cpu_percent")? {
        need_version("cpu_percent", v, (1, 25))?;
        set("CpuPercent", x);
    }
    if let Some(x) = int_key("nano_cpus")? {
        need_version("nano_cpus", v, (1, 25))?;
        set("NanoCpus", x);
    }
    if let Some(x) = get("runtime").filter(|x| truthy(x)) {
        need_version("runtime", v, (1, 25))?;
        set("Runtime", x.clone());
    }
    if let Some(x) = get("mounts") {
        need_version("mounts", v, (1, 30))?;
        let Value::Array(a) = x else {
            return Err(bad("mounts", "a list", x));
        };
        set(
            "Mounts",
            Value::Array(a.iter().map(mount).collect::<Result<_>>()?),
        );
    }
    if let Some(x) = get("device_cgroup_rules") {
        need_version("device_cgroup_rules", v, (1, 28))?;
        if !x.is_array() {
            return Err(bad("device_cgroup_rules", "a list", x));
        }
        set("DeviceCgroupRules", x.clone());
    }
    if let Some(x) = get("device_requests") {
        need_version("device_requests", v, (1, 40))?;
        set("DeviceRequests", device_requests(x)?);
    }
    if let Some(x) = get("cgroupns").filter(|x| truthy(x)) {
        set("CgroupnsMode", x.clone());
    }

    // ---- Config ----
    let detach = match get("detach") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => return Err(bad("detach", "true or false", other)),
    };
    let flag = |k: &str| -> Result<bool> {
        match get(k) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(bad(k, "true or false", other)),
        }
    };
    let tty = flag("tty")?;
    let stdin_open = flag("stdin_open")?;
    let network_disabled = flag("network_disabled")?;
    if let Some(x) = get("stop_timeout") {
        need_version("stop_timeout", v, (1, 25))?;
        if !is_int(x) {
            return Err(bad("stop_timeout", "an integer number of seconds", x));
        }
    }
    let mut env = match get("environment") {
        Some(e) => Some(environment(e)?),
        None => None,
    };
    if get("use_config_proxy").map(truthy).unwrap_or(true) {
        let proxy = config_proxy_env();
        if !proxy.is_empty() {
            let mut all = proxy;
            if let Some(Value::Array(e)) = &env {
                all.extend(e.iter().cloned());
            }
            env = Some(Value::Array(all));
        }
    }
    let labels = match get("labels") {
        Some(Value::Array(a)) => {
            let mut m = Map::new();
            for l in a {
                let Value::String(s) = l else {
                    return Err(bad("labels", "an object or a list of strings", l));
                };
                m.insert(s.clone(), json!(""));
            }
            Some(Value::Object(m))
        }
        Some(Value::Object(m)) => Some(Value::Object(m.clone())),
        Some(other) => return Err(bad("labels", "an object or a list of strings", other)),
        None => None,
    };
    let exposed = port_map.as_ref().map(|p| {
        let mut keys: Vec<&String> = p.keys().collect();
        keys.sort();
        Value::Object(keys.into_iter().map(|k| (k.clone(), json!({}))).collect())
    });
    let volumes_cfg =
        volume_targets.map(|t| Value::Object(t.into_iter().map(|k| (k, json!({}))).collect()));
    let healthcheck = match get("healthcheck") {
        Some(h) => Some(healthcheck(h, v)?),
        None => None,
    };
    let mut mac = get("mac_address").cloned();

    // ---- NetworkingConfig ----
    let mut networking = None;
    if let Some(net) = get("network") {
        let Value::String(net_name) = net else {
            return Err(bad("network", "a network name", net));
        };
        let mut endpoints = Map::new();
        match get("networking_config") {
            Some(Value::Object(cfg)) if cfg.contains_key(net_name) => {
                for (name, ep) in cfg {
                    endpoints.insert(name.clone(), endpoint_config(name, ep, v)?);
                }
            }
            Some(Value::Object(_)) | None => {
                endpoints.insert(net_name.clone(), json!({}));
            }
            Some(other) => {
                return Err(bad(
                    "networking_config",
                    "an object of network name to endpoint settings",
                    other,
                ))
            }
        }
        if !version_lt(v, (1, 44)) {
            if let Some(m) = mac.take() {
                if let Some(Value::Object(ep)) = endpoints.get_mut(net_name) {
                    ep.entry("MacAddress").or_insert(m);
                }
            }
        }
        networking = Some(json!({"EndpointsConfig": endpoints}));
    } else if !version_lt(v, (1, 44)) {
        if let Some(m) = mac.take() {
            let mode = network_mode
                .as_ref()
                .and_then(Value::as_str)
                .unwrap_or("default");
            let net = if mode == "default" { "bridge" } else { mode };
            networking = Some(json!({"EndpointsConfig": {net: {"MacAddress": m}}}));
        }
    }

    let command = match command {
        Some(c) if !c.is_null() => Some(command_value("command", c)?),
        _ => None,
    };
    let entrypoint = match get("entrypoint") {
        Some(e) => Some(command_value("entrypoint", e)?),
        None => None,
    };
    let user = get("user").map(|u| json!(py_str(u)));

    let mut body = Map::new();
    let mut put = |k: &str, val: Option<Value>| {
        if let Some(val) = val {
            if !val.is_null() {
                body.insert(k.to_string(), val);
            }
        }
    };
    put("Hostname", get("hostname").cloned());
    put("Domainname", get("domainname").cloned());
    put("ExposedPorts", exposed);
    put("User", user);
    put("Tty", Some(json!(tty)));
    put("OpenStdin", Some(json!(stdin_open)));
    put("StdinOnce", Some(json!(!detach && stdin_open)));
    put("AttachStdin", Some(json!(!detach && stdin_open)));
    put("AttachStdout", Some(json!(!detach)));
    put("AttachStderr", Some(json!(!detach)));
    put("Env", env);
    put("Cmd", command);
    put("Image", Some(json!(image)));
    put("Volumes", volumes_cfg);
    put("NetworkDisabled", Some(json!(network_disabled)));
    put("Entrypoint", entrypoint);
    put("WorkingDir", get("working_dir").cloned());
    put("HostConfig", Some(Value::Object(hc)));
    put("NetworkingConfig", networking);
    put("MacAddress", mac);
    put("Labels", labels);
    put("StopSignal", get("stop_signal").cloned());
    put("Healthcheck", healthcheck);
    put("StopTimeout", get("stop_timeout").cloned());

    let mut body = Value::Object(body);
    // The escape hatch: raw Engine API fields, merged last.
    if let Some(raw) = get("Config") {
        if !raw.is_object() {
            return Err(bad(
                "Config",
                "an object of Engine API container config fields",
                raw,
            ));
        }
        deep_merge(&mut body, raw);
    }
    if let Some(raw) = get("HostConfig") {
        if !raw.is_object() {
            return Err(bad(
                "HostConfig",
                "an object of Engine API HostConfig fields",
                raw,
            ));
        }
        deep_merge(&mut body["HostConfig"], raw);
    }
    if let Some(raw) = get("NetworkingConfig") {
        if !raw.is_object() {
            return Err(bad(
                "NetworkingConfig",
                "an object of Engine API NetworkingConfig fields",
                raw,
            ));
        }
        if body.get("NetworkingConfig").is_none() {
            body["NetworkingConfig"] = json!({});
        }
        deep_merge(&mut body["NetworkingConfig"], raw);
    }

    let name = match get("name") {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => return Err(bad("name", "a string", other)),
    };
    let platform = match get("platform") {
        None => None,
        Some(Value::String(s)) => {
            need_version("platform", v, (1, 41))?;
            Some(s.clone())
        }
        Some(other) => return Err(bad("platform", "a string such as \"linux/amd64\"", other)),
    };
    Ok(CreateRequest {
        name,
        platform,
        body,
    })
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
}
