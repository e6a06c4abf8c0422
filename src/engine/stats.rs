//! What `docker stats` shows, computed from the engine's stats JSON: CPU %, memory used without
//! the page cache, memory %, network and block I/O, pids. Right for cgroup v1 and v2; the first
//! sample (no previous CPU reading) gives cpu_percent null, never 0 or NaN.

use serde_json::{json, Value};

fn u(v: &Value, ptr: &str) -> u64 {
    v.pointer(ptr).and_then(Value::as_u64).unwrap_or(0)
}

/// The derived fields for one sample.
pub fn derive(s: &Value) -> Value {
    // CPU, as the Docker CLI computes it on Linux.
    let total = u(s, "/cpu_stats/cpu_usage/total_usage");
    let pre_total = u(s, "/precpu_stats/cpu_usage/total_usage");
    let system = u(s, "/cpu_stats/system_cpu_usage");
    let pre_system = u(s, "/precpu_stats/system_cpu_usage");
    let mut cpus = u(s, "/cpu_stats/online_cpus");
    if cpus == 0 {
        cpus = s
            .pointer("/cpu_stats/cpu_usage/percpu_usage")
            .and_then(Value::as_array)
            .map_or(0, |a| a.len() as u64);
    }
    let cpu_delta = total.saturating_sub(pre_total) as f64;
    let system_delta = system.saturating_sub(pre_system) as f64;
    // A sample without the engine's previous reading (the first of a stream, or one-shot)
    // has no CPU figure: null, never a misleading 0.
    let cpu_percent = if pre_system == 0 || system_delta <= 0.0 {
        Value::Null
    } else {
        json!(cpu_delta / system_delta * cpus.max(1) as f64 * 100.0)
    };

    // Memory without the page cache: v1 subtracts total_inactive_file, v2 inactive_file.
    let usage = u(s, "/memory_stats/usage");
    let stats = s.pointer("/memory_stats/stats");
    let cache = stats
        .and_then(|st| {
            st.get("total_inactive_file")
                .or_else(|| st.get("inactive_file"))
        })
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let used = if cache < usage { usage - cache } else { usage };
    let limit = u(s, "/memory_stats/limit");
    let memory_percent = if limit > 0 {
        used as f64 / limit as f64 * 100.0
    } else {
        0.0
    };

    let (mut rx, mut tx) = (0u64, 0u64);
    if let Some(nets) = s.get("networks").and_then(Value::as_object) {
        for n in nets.values() {
            rx += n.get("rx_bytes").and_then(Value::as_u64).unwrap_or(0);
            tx += n.get("tx_bytes").and_then(Value::as_u64).unwrap_or(0);
        }
    }

    let (mut read, mut write) = (0u64, 0u64);
    if let Some(entries) = s
        .pointer("/blkio_stats/io_service_bytes_recursive")
        .and_then(Value::as_array)
    {
        for e in entries {
            let v = e.get("value").and_then(Value::as_u64).unwrap_or(0);
            match e
                .get("op")
                .and_then(Value::as_str)
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("read") => read += v,
                Some("write") => write += v,
                _ => {}
            }
        }
    }

    json!({
        "cpu_percent": cpu_percent,
        "online_cpus": cpus,
        "memory_usage": used,
        "memory_limit": limit,
        "memory_percent": memory_percent,
        "net_rx": rx,
        "net_tx": tx,
        "blk_read": read,
        "blk_write": write,
        "pids": u(s, "/pids_stats/current"),
    })
}

/// The sample with its derived fields added under "derived"; the engine's fields are unchanged.
pub fn with_derived(mut sample: Value) -> Value {
    let d = derive(&sample);
    if let Value::Object(m) = &mut sample {
        m.insert("derived".into(), d);
    }
    sample
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cgroup_v1_sample() {
        let s = json!({
            "cpu_stats": {"cpu_usage": {"total_usage": 300, "percpu_usage": [150, 150]}, "system_cpu_usage": 2000},
            "precpu_stats": {"cpu_usage": {"total_usage": 100}, "system_cpu_usage": 1000},
            "memory_stats": {"usage": 1000, "limit": 4000, "stats": {"total_inactive_file": 200}},
            "networks": {"eth0": {"rx_bytes": 10, "tx_bytes": 20}, "eth1": {"rx_bytes": 1, "tx_bytes": 2}},
            "blkio_stats": {"io_service_bytes_recursive": [{"op": "Read", "value": 5}, {"op": "Write", "value": 7}, {"op": "Total", "value": 12}]},
            "pids_stats": {"current": 3}
        });
        let d = derive(&s);
        assert_eq!(d["cpu_percent"], 40.0);
        assert_eq!(d["memory_usage"], 800);
        assert_eq!(d["memory_percent"], 20.0);
        assert_eq!(
            (d["net_rx"].as_u64(), d["net_tx"].as_u64()),
            (Some(11), Some(22))
        );
        assert_eq!(
            (d["blk_read"].as_u64(), d["blk_write"].as_u64()),
            (Some(5), Some(7))
        );
        assert_eq!(d["pids"], 3);
    }

    #[test]
    fn cgroup_v2_and_first_sample() {
        let s = json!({
            "cpu_stats": {"cpu_usage": {"total_usage": 300}, "system_cpu_usage": 2000, "online_cpus": 4},
            "precpu_stats": {"cpu_usage": {"total_usage": 0}},
            "memory_stats": {"usage": 1000, "limit": 0, "stats": {"inactive_file": 1500}},
            "blkio_stats": {"io_service_bytes_recursive": [{"op": "read", "value": 5}, {"op": "write", "value": 7}]}
        });
        let d = derive(&s);
        assert_eq!(
            d["cpu_percent"],
            Value::Null,
            "no previous sample: null, not 0, NaN or garbage"
        );
        assert_eq!(
            d["memory_usage"], 1000,
            "cache larger than usage is ignored"
        );
        assert_eq!(d["memory_percent"], 0.0);
        assert_eq!(
            (d["blk_read"].as_u64(), d["blk_write"].as_u64()),
            (Some(5), Some(7))
        );
        assert!(with_derived(s)["derived"].is_object());
    }
}
