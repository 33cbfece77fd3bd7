//! Runs every test of the JSON-Schema-Test-Suite (draft 4 and 2020-12, `optional/` included)
//! against the generated type of its group, through `validate_value` and through `from_str`
//! (and a valid document, decoded and encoded again, must be the same document: `round_trip`),
//! and compares the failures with `expected-failures.txt`: a test that stops passing fails the
//! run, and so does a listed test that passes (the list must stay exact).
//!
//! `cargo test -p conformance -- --nocapture` prints the per-file table of CONFORMANCE.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use conformance::GROUPS;
use serde_json::Value;

/// At least this share of each draft's tests passes, on both paths.
const TARGET: f64 = 0.97;

/// One failing check: draft, file, group description, test description, path.
type Failure = (String, String, String, String, String);

fn suite() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/JSON-Schema-Test-Suite/tests"
    ))
}

fn expected_failures() -> BTreeMap<Failure, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("expected-failures.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut out = BTreeMap::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.split(" | ").collect();
        let [draft, file, group, test, path, reason] = parts.as_slice() else {
            panic!(
                "{}: `{line}` is not `draft | file | group | test | path | reason`",
                path.display()
            );
        };
        out.insert(
            (
                (*draft).to_owned(),
                (*file).to_owned(),
                (*group).to_owned(),
                (*test).to_owned(),
                (*path).to_owned(),
            ),
            (*reason).to_owned(),
        );
    }
    out
}

/// The same JSON document: numbers compared by value (`1.0` is `1`).
fn same_document(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_document(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_document(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn the_suite_is_answered_by_the_generated_validators() {
    let mut failures: BTreeSet<Failure> = BTreeSet::new();
    let mut reasons: BTreeMap<Failure, String> = BTreeMap::new();
    // Per draft and file: (tests, passed on both paths).
    let mut table: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut round_trips = 0;
    for group in GROUPS {
        let file = suite().join(group.draft).join(group.file);
        let text = std::fs::read_to_string(&file).expect("the suite file");
        let cases: Value = serde_json::from_str(&text).expect("suite JSON");
        let case = &cases[group.index];
        let description = case["description"].as_str().unwrap_or_default().to_owned();
        for test in case["tests"].as_array().expect("tests") {
            let name = test["description"].as_str().unwrap_or_default().to_owned();
            let valid = test["valid"].as_bool().expect("`valid`");
            let data = &test["data"];
            let text = serde_json::to_string(data).expect("encodes");
            let key = |path: &str| {
                (
                    group.draft.to_owned(),
                    group.file.to_owned(),
                    description.clone(),
                    name.clone(),
                    path.to_owned(),
                )
            };
            let entry = table
                .entry((group.draft.to_owned(), group.file.to_owned()))
                .or_default();
            entry.0 += 1;
            let mut both = true;
            for (path, verdict) in [
                ("validate_value", group.validate_value.map(|f| f(data))),
                ("from_str", group.from_str.map(|f| f(&text))),
            ] {
                if verdict != Some(valid) {
                    both = false;
                    failures.insert(key(path));
                    reasons.insert(
                        key(path),
                        match group.error {
                            Some(error) => format!("not generated: {error}"),
                            None => format!("says {}", if valid { "invalid" } else { "valid" }),
                        },
                    );
                }
            }
            // A valid document decoded and encoded again is the same document.
            if valid && let Some(Some(encoded)) = group.round_trip.map(|f| f(&text)) {
                round_trips += 1;
                if !same_document(&encoded, data) {
                    both = false;
                    failures.insert(key("round_trip"));
                    reasons.insert(key("round_trip"), format!("encodes as {encoded}"));
                }
            }
            if both {
                entry.1 += 1;
            }
        }
    }

    println!("| draft | file | passed | tests |\n| --- | --- | --- | --- |");
    let mut per_draft: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for ((draft, file), (tests, passed)) in &table {
        println!("| {draft} | {file} | {passed} | {tests} |");
        let d = per_draft.entry(draft).or_default();
        d.0 += tests;
        d.1 += passed;
    }
    for (draft, (tests, passed)) in &per_draft {
        println!(
            "| {draft} | **all** | **{passed}** | **{tests}** ({:.1} %) |",
            100.0 * *passed as f64 / *tests as f64
        );
    }

    println!("\n{round_trips} valid documents decoded and encoded back to themselves");
    // Every valid test but those whose Rust type cannot hold the document.
    assert!(round_trips > 1700, "only {round_trips} round trips");
    let expected = expected_failures();
    let unexpected: Vec<String> = failures
        .iter()
        .filter(|f| !expected.contains_key(*f))
        .map(|f| {
            format!(
                "{} | {} | {} | {} | {} | {}",
                f.0, f.1, f.2, f.3, f.4, reasons[f]
            )
        })
        .collect();
    let fixed: Vec<String> = expected
        .keys()
        .filter(|f| !failures.contains(*f))
        .map(|f| format!("{} | {} | {} | {} | {}", f.0, f.1, f.2, f.3, f.4))
        .collect();
    assert!(
        unexpected.is_empty() && fixed.is_empty(),
        "failing but not in expected-failures.txt:\n{}\n\nlisted but passing (remove them):\n{}",
        unexpected.join("\n"),
        fixed.join("\n")
    );
    for (draft, (tests, passed)) in &per_draft {
        let share = *passed as f64 / *tests as f64;
        assert!(
            share >= TARGET,
            "{draft}: {passed} of {tests} pass, below {TARGET}"
        );
    }
}
