//! Reading a JSON options object key by key: each known key is taken with its expected shape,
//! and whatever is left at the end is an unknown key, reported by name. Which keys a call takes,
//! and their JSON types, come from the option table (`option_table`), checked when the object
//! is made.

use super::option_table::{self, CallOptions};
use super::{Error, Result};
use serde_json::{Map, Value};
use std::time::Duration;

/// An options object being consumed, for the C function whose table entry is `call`.
pub struct Opts {
    what: &'static str,
    call: &'static CallOptions,
    map: Map<String, Value>,
}

impl Opts {
    /// The options of C function `function`: every key must be in its table with its type.
    pub fn new(function: &str, map: Map<String, Value>) -> Result<Self> {
        let call = option_table::call(function);
        call.validate(&map)?;
        Ok(Opts {
            what: call.what,
            call,
            map,
        })
    }

    /// Parse an options string: empty means no options; anything else must be a JSON object.
    pub fn parse(function: &str, text: &str) -> Result<Self> {
        let call = option_table::call(function);
        Opts::new(function, parse_object(call.what, text)?)
    }

    /// The table entry these options were checked against.
    pub fn call(&self) -> &'static CallOptions {
        self.call
    }

    /// Remove a key; JSON null counts as absent.
    pub fn take(&mut self, key: &str) -> Option<Value> {
        match self.map.remove(key) {
            Some(Value::Null) | None => None,
            Some(v) => Some(v),
        }
    }

    fn wrong(&self, key: &str, expected: &str, got: &Value) -> Error {
        Error::invalid(format!(
            "{}: \"{key}\" must be {expected}, got {}",
            self.what,
            short(got)
        ))
    }

    pub fn bool(&mut self, key: &str) -> Result<Option<bool>> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(b)),
            Some(v) => Err(self.wrong(key, "true or false", &v)),
        }
    }

    pub fn string(&mut self, key: &str) -> Result<Option<String>> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(v) => Err(self.wrong(key, "a string", &v)),
        }
    }

    pub fn i64(&mut self, key: &str) -> Result<Option<i64>> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::Number(n)) if n.is_i64() => Ok(n.as_i64()),
            Some(v) => Err(self.wrong(key, "an integer", &v)),
        }
    }

    pub fn u64(&mut self, key: &str) -> Result<Option<u64>> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::Number(n)) if n.is_u64() => Ok(n.as_u64()),
            Some(v) => Err(self.wrong(key, "a non-negative integer", &v)),
        }
    }

    /// Seconds as a number (fractions allowed), non-negative.
    pub fn seconds(&mut self, key: &str) -> Result<Option<Duration>> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::Number(n)) => match n.as_f64() {
                Some(f) if f >= 0.0 && f.is_finite() && f < 1e12 => {
                    Ok(Some(Duration::from_secs_f64(f)))
                }
                _ => Err(Error::invalid(format!(
                    "{}: \"{key}\" must be a non-negative number of seconds, got {n}",
                    self.what
                ))),
            },
            Some(v) => Err(self.wrong(key, "a number of seconds", &v)),
        }
    }

    /// Any JSON object.
    pub fn object(&mut self, key: &str) -> Result<Option<Map<String, Value>>> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::Object(m)) => Ok(Some(m)),
            Some(v) => Err(self.wrong(key, "an object", &v)),
        }
    }

    /// Fail on whatever was not taken. Unknown keys were refused by `new`, so a key left here
    /// is in the table but read by no code: a bug of this library, reported, never ignored.
    pub fn finish(self) -> Result<()> {
        match self.map.keys().next() {
            None => Ok(()),
            Some(k) => Err(Error::invalid(format!(
                "{}: option \"{k}\" is in {}'s option table but was not read \
                 (a bug in docker_containers)",
                self.what, self.call.function
            ))),
        }
    }

    pub fn into_map(self) -> Map<String, Value> {
        self.map
    }
}

/// Parse an options string into an object (empty string: empty object).
pub fn parse_object(what: &str, text: &str) -> Result<Map<String, Value>> {
    if text.trim().is_empty() {
        return Ok(Map::new());
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(Value::Null) => Ok(Map::new()),
        Ok(other) => Err(Error::invalid(format!(
            "{what}: expected a JSON object, got {}",
            short(&other)
        ))),
        Err(e) => Err(Error::invalid(format!("{what}: invalid JSON: {e}"))),
    }
}

/// Error naming the first unknown key, with a suggestion from `accepted` when one is close.
pub fn unknown_keys<'a>(
    what: &str,
    mut keys: impl Iterator<Item = &'a str>,
    accepted: &[&str],
) -> Result<()> {
    let Some(key) = keys.next() else {
        return Ok(());
    };
    let hint = accepted
        .iter()
        .map(|a| (edit_distance(key, a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 4))
        .min()
        .map(|(_, a)| format!(" (did you mean \"{a}\"?)"))
        .unwrap_or_default();
    Err(Error::invalid(format!(
        "{what}: unknown option \"{key}\"{hint}"
    )))
}

pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A value shortened for an error message.
pub fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.len() > 60 {
        let mut end = 57;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}...", &s[..end])
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_named_with_hint() {
        let e = Opts::parse("docker_client_new", r#"{"version": "1.41", "timout": 5}"#)
            .err()
            .unwrap()
            .to_string();
        assert!(
            e.contains("\"timout\"") && e.contains("did you mean \"timeout\""),
            "{e}"
        );
    }

    #[test]
    fn wrong_type_is_named() {
        let e = Opts::parse("docker_client_new", r#"{"timeout": "five"}"#)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("\"timeout\"") && e.contains("\"five\""), "{e}");
    }

    #[test]
    fn a_table_key_nobody_reads_is_reported() {
        let mut o =
            Opts::parse("docker_container_remove", r#"{"v": true, "force": true}"#).unwrap();
        assert_eq!(o.bool("v").unwrap(), Some(true));
        let e = o.finish().unwrap_err().to_string();
        assert!(e.contains("\"force\"") && e.contains("not read"), "{e}");
    }

    #[test]
    fn empty_and_bad_json() {
        assert!(parse_object("x", "").unwrap().is_empty());
        assert!(parse_object("x", "{")
            .unwrap_err()
            .to_string()
            .contains("invalid JSON"));
        assert!(parse_object("x", "[1]")
            .unwrap_err()
            .to_string()
            .contains("expected a JSON object"));
    }
}
