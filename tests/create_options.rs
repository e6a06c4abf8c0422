//! The create-options translation against docker-py's own answers (tests/golden/), case by case.

use docker_containers::engine::create_options::{split_run_options, translate_create};
use serde_json::Value;

fn version(s: &str) -> (u32, u32) {
    let (a, b) = s.split_once('.').unwrap();
    (a.parse().unwrap(), b.parse().unwrap())
}

#[test]
fn matches_docker_py_golden_bodies() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/create_bodies.json"
    ))
    .unwrap();
    let golden: Value = serde_json::from_str(&text).unwrap();
    let cases = golden["cases"].as_array().unwrap();
    assert!(cases.len() >= 200, "only {} golden cases", cases.len());
    let mut failures = Vec::new();
    let (mut same, mut different, mut errors, mut run_errors) = (0, 0, 0, 0);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let opts = c["options"].as_object().unwrap();
        let command = if c["command"].is_null() {
            None
        } else {
            Some(&c["command"])
        };
        // docker-py's run() refuses a few option pairs its create() takes; ours does the same.
        let run = split_run_options(opts);
        match (c.get("run_error"), &run) {
            (Some(e), Ok(_)) => failures.push(format!(
                "{name}: docker-py's run rejects it ({e}), ours took it"
            )),
            (None, Err(e)) if c.get("expected_error").is_none() => {
                failures.push(format!("{name}: our run rejected it: {e}"))
            }
            _ => {}
        }
        if c.get("run_error").is_some() {
            run_errors += 1;
        }
        let got = translate_create(
            c["image"].as_str().unwrap(),
            command,
            opts,
            version(c["api_version"].as_str().unwrap()),
        );
        if c.get("expected_error").is_some() {
            errors += 1;
            match got {
                Err(e) => assert!(!e.to_string().is_empty()),
                Ok(r) => failures.push(format!(
                    "{name}: docker-py rejects it ({}), we built {}",
                    c["docker_py_error"], r.body
                )),
            }
            continue;
        }
        let exp = &c["expected"];
        match got {
            Err(e) => failures.push(format!("{name}: we rejected it: {e}")),
            Ok(r) => {
                let mut bad = Vec::new();
                if r.body != exp["body"] {
                    bad.push(format!(
                        "body\n   ours:      {}\n   expected:  {}",
                        r.body, exp["body"]
                    ));
                }
                if r.name.as_deref() != exp["name"].as_str() {
                    bad.push(format!("name {:?} vs {}", r.name, exp["name"]));
                }
                if r.platform.as_deref() != exp["platform"].as_str() {
                    bad.push(format!("platform {:?} vs {}", r.platform, exp["platform"]));
                }
                if bad.is_empty() {
                    if c.get("deliberate_difference").is_some() {
                        different += 1;
                    } else {
                        same += 1;
                    }
                } else {
                    failures.push(format!("{name}: {}", bad.join("; ")));
                }
            }
        }
    }
    println!(
        "{same} cases as docker-py, {different} documented differences, {errors} rejections, \
         {run_errors} refused by run only"
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
