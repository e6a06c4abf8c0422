//! `since` / `until` for logs: unix seconds (with fractions, to the nanosecond), RFC 3339 times
//! with a zone, or a duration back from now ("10m", "1h30m", "1.5s"), turned into the engine's
//! "SECONDS.NANOSECONDS" form without losing sub-second precision (docker-py floors to seconds).

use super::create_options::parse_go_duration;
use super::{Error, Result};
use serde_json::Value;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const FORMS: &str = "unix seconds (1700000000 or 1700000000.5), an RFC 3339 time \
                     (\"2024-01-02T03:04:05.123Z\") or a duration back from now (\"10m\", \"1h30m\")";

/// The engine's form of a time given as JSON.
pub fn to_engine_timestamp(v: &Value, now: SystemTime) -> Result<String> {
    match v {
        Value::Number(n) => decimal_seconds(&n.to_string()).ok_or_else(|| bad(v)),
        Value::String(s) => {
            let s = s.trim();
            if let Some(t) = decimal_seconds(s) {
                return Ok(t);
            }
            if let Some((secs, nanos)) = rfc3339(s) {
                return Ok(format!("{secs}.{nanos:09}"));
            }
            if let Some(ns) = parse_go_duration(s) {
                if ns >= 0 {
                    let t = now
                        .checked_sub(Duration::from_nanos(ns as u64))
                        .unwrap_or(UNIX_EPOCH);
                    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
                    return Ok(format!("{}.{:09}", d.as_secs(), d.subsec_nanos()));
                }
            }
            Err(bad(v))
        }
        _ => Err(bad(v)),
    }
}

fn bad(v: &Value) -> Error {
    Error::invalid(format!("time {}: expected {FORMS}", super::opts::short(v)))
}

/// "1700000000", "1700000000.123456789", "1.7e9" → "SECONDS.NANOSECONDS" (non-negative).
fn decimal_seconds(s: &str) -> Option<String> {
    if s.is_empty() || s.starts_with('-') {
        return None;
    }
    if s.contains(['e', 'E']) {
        let f: f64 = s.parse().ok()?;
        if !f.is_finite() || f < 0.0 {
            return None;
        }
        let d = Duration::from_secs_f64(f);
        return Some(format!("{}.{:09}", d.as_secs(), d.subsec_nanos()));
    }
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let secs: u64 = int.parse().ok()?;
    let mut f = frac.to_string();
    f.truncate(9);
    while f.len() < 9 {
        f.push('0');
    }
    Some(format!("{secs}.{f}"))
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// "YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)" → (unix seconds, nanoseconds).
fn rfc3339(s: &str) -> Option<(i64, u32)> {
    let b = s.as_bytes();
    if b.len() < 20 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let t = s.get(r)?;
        if t.bytes().all(|c| c.is_ascii_digit()) {
            t.parse().ok()
        } else {
            None
        }
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (hour, min, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || min > 59 || sec > 60 {
        return None;
    }
    let mut i = 19;
    let mut nanos: u32 = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        let mut f = s[start..i].to_string();
        f.truncate(9);
        while f.len() < 9 {
            f.push('0');
        }
        nanos = f.parse().ok()?;
    }
    let offset = match s.get(i..)? {
        "Z" | "z" => 0,
        z if z.len() == 6 && (z.starts_with('+') || z.starts_with('-')) && &z[3..4] == ":" => {
            let h: i64 = z[1..3].parse().ok()?;
            let m: i64 = z[4..6].parse().ok()?;
            let o = h * 3600 + m * 60;
            if z.starts_with('-') {
                -o
            } else {
                o
            }
        }
        _ => return None,
    };
    let secs = days_from_civil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec - offset;
    if secs < 0 {
        return None;
    }
    Some((secs, nanos))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn t(v: Value) -> String {
        to_engine_timestamp(&v, UNIX_EPOCH + Duration::from_secs(1_000_000)).unwrap()
    }

    #[test]
    fn forms() {
        assert_eq!(t(json!(1700000000)), "1700000000.000000000");
        assert_eq!(t(json!(1700000000.5)), "1700000000.500000000");
        assert_eq!(t(json!("1700000000.123456789")), "1700000000.123456789");
        assert_eq!(t(json!("2023-11-14T22:13:20Z")), "1700000000.000000000");
        assert_eq!(
            t(json!("2023-11-14T22:13:20.000000001Z")),
            "1700000000.000000001"
        );
        assert_eq!(
            t(json!("2023-11-15T00:13:20.25+02:00")),
            "1700000000.250000000"
        );
        assert_eq!(
            t(json!("2023-11-14T21:13:20-01:00")),
            "1700000000.000000000"
        );
        assert_eq!(t(json!("10m")), "999400.000000000");
        assert_eq!(t(json!("1.5s")), "999998.500000000");
        assert_eq!(t(json!("250ms")), "999999.750000000");
        for bad in [
            json!("yesterday"),
            json!(-5),
            json!("2023-13-01T00:00:00Z"),
            json!(true),
            json!(""),
        ] {
            let e = to_engine_timestamp(&bad, SystemTime::now())
                .unwrap_err()
                .to_string();
            assert!(e.contains("RFC 3339"), "{e}");
        }
    }
}
