//! Reads create cases as JSON lines ({"image", "command", "options", "api_version"}) on stdin and
//! writes, per line, the translation ({"name", "platform", "body"}) or {"error": message}. Used
//! by tests/golden/measure_random.py to compare random keyword sets with docker-py; not a test.

use docker_containers::engine::create_options::translate_create;
use serde_json::{json, Value};
use std::io::{BufRead, Write};

fn main() {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let c: Value = serde_json::from_str(&line.expect("stdin")).expect("a JSON case");
        let (a, b) = c["api_version"]
            .as_str()
            .and_then(|v| v.split_once('.'))
            .expect("api_version MAJOR.MINOR");
        let version = (a.parse().expect("major"), b.parse().expect("minor"));
        let command = Some(&c["command"]).filter(|v| !v.is_null());
        let options = c["options"].as_object().expect("options object");
        let image = c["image"].as_str().unwrap_or("busybox:latest");
        let answer = match translate_create(image, command, options, version) {
            Ok(r) => json!({"name": r.name, "platform": r.platform, "body": r.body}),
            Err(e) => json!({"error": e.to_string()}),
        };
        writeln!(out, "{answer}").expect("stdout");
    }
}
