//! Runs the official JSON-Schema-Test-Suite (draft 4 and 2020-12, optional
//! tests included) through compile → JSON → `Program::from_json` →
//! `is_valid` and `validate`, prints a per-file table and every failing
//! test, and fails when a draft passes fewer tests than its floor.
//!
//! The suite is read from the vendored `conformance/JSON-Schema-Test-Suite`
//! (override with `JSON_SCHEMA_TEST_SUITE`). `SUITE_DRAFTS=draft7,draft2019-09`
//! runs other drafts ad hoc (no floor is enforced for drafts without one).

use super::{CompileOptions, Compiler, Dialect, DocumentOptions};
use serde_json::Value;
use specgen_runtime::schema::{Options, Program};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Tests that must pass per draft (set to what the engine reaches, so that
/// any regression fails).
const FLOORS: &[(&str, usize)] = &[("draft4", 937), ("draft2020-12", 2225)];

fn suite_root() -> PathBuf {
    std::env::var_os("JSON_SCHEMA_TEST_SUITE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../conformance/JSON-Schema-Test-Suite")
        })
}

fn dialect(draft: &str) -> Dialect {
    match draft {
        "draft4" => Dialect::Draft4,
        "draft6" => Dialect::Draft6,
        "draft7" => Dialect::Draft7,
        "draft2019-09" => Dialect::Draft2019_09,
        "draft2020-12" => Dialect::Draft2020_12,
        other => panic!("unknown draft {other}"),
    }
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

fn read_json(p: &Path) -> Value {
    let text = fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", p.display()))
}

struct Outcome {
    per_file: BTreeMap<String, (usize, usize)>,
    failures: Vec<String>,
    passed: usize,
    total: usize,
}

fn compile_group(
    remotes: &[(String, Value)],
    draft: &str,
    base: &str,
    schema: &Value,
    format_assertion: Option<bool>,
) -> Result<(Program, specgen_runtime::schema::NodeId), String> {
    let d = dialect(draft);
    let mut c = Compiler::new(CompileOptions::default());
    for (uri, v) in remotes {
        c.add_document(uri, v.clone(), d)
            .map_err(|e| e.to_string())?;
    }
    let mut opts = DocumentOptions::new(d);
    opts.format_assertion = format_assertion;
    c.add_document_with(base, schema.clone(), opts)
        .map_err(|e| e.to_string())?;
    c.entry(base).map_err(|e| e.to_string())?;
    let program = c.finish().map_err(|errs| {
        errs.iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    // Evaluate the program the way the runtime gets it: through its JSON text.
    let text = program.to_json();
    let loaded = Program::from_json(&text).map_err(|e| format!("reload failed: {e}"))?;
    let node = loaded
        .entry(base)
        .ok_or("entry lost in the JSON round trip")?;
    Ok((loaded, node))
}

fn run_draft(root: &Path, draft: &str) -> Outcome {
    let mut remotes = Vec::new();
    let mut files = Vec::new();
    json_files(&root.join("remotes"), &mut files);
    for f in &files {
        let rel = f.strip_prefix(root.join("remotes")).unwrap();
        let uri = format!("http://localhost:1234/{}", rel.to_string_lossy());
        remotes.push((uri, read_json(f)));
    }
    let tests_dir = root.join("tests").join(draft);
    let mut files = Vec::new();
    json_files(&tests_dir, &mut files);
    let mut out = Outcome {
        per_file: BTreeMap::new(),
        failures: Vec::new(),
        passed: 0,
        total: 0,
    };
    for f in &files {
        let rel = f
            .strip_prefix(&tests_dir)
            .unwrap()
            .to_string_lossy()
            .to_string();
        let format_assertion = rel.starts_with("optional/format/").then_some(true);
        let groups = read_json(f);
        let entry = out.per_file.entry(rel.clone()).or_insert((0, 0));
        for (gi, group) in groups
            .as_array()
            .expect("a test file is an array")
            .iter()
            .enumerate()
        {
            let gdesc = group["description"].as_str().unwrap_or("?");
            let base = format!("json-schema:///suite/{draft}/{rel}/{gi}.json");
            let compiled =
                compile_group(&remotes, draft, &base, &group["schema"], format_assertion);
            for test in group["tests"].as_array().expect("tests is an array") {
                let tdesc = test["description"].as_str().unwrap_or("?");
                let expected = test["valid"].as_bool().expect("valid is a boolean");
                out.total += 1;
                entry.1 += 1;
                let problem = match &compiled {
                    Err(e) => Some(format!("compile error: {e}")),
                    Ok((program, node)) => {
                        let fast = program.is_valid(*node, &test["data"]);
                        let mut errors = Vec::new();
                        let full = program.validate(
                            *node,
                            &test["data"],
                            &Options::default(),
                            &mut errors,
                        );
                        if full != errors.is_empty() {
                            Some("validate's result disagrees with its errors".into())
                        } else if fast != expected || full != expected {
                            Some(format!(
                                "expected {expected}, is_valid {fast}, validate {full} {:?}",
                                errors.iter().map(|e| e.to_string()).collect::<Vec<_>>()
                            ))
                        } else {
                            None
                        }
                    }
                };
                match problem {
                    None => {
                        out.passed += 1;
                        entry.0 += 1;
                    }
                    Some(p) => out
                        .failures
                        .push(format!("{draft}/{rel} | {gdesc} | {tdesc}: {p}")),
                }
            }
        }
    }
    out
}

#[test]
fn json_schema_test_suite() {
    let root = suite_root();
    let drafts: Vec<String> = match std::env::var("SUITE_DRAFTS") {
        Ok(list) => list.split(',').map(str::to_string).collect(),
        Err(_) => FLOORS.iter().map(|(d, _)| d.to_string()).collect(),
    };
    let mut below = Vec::new();
    for draft in &drafts {
        let out = run_draft(&root, draft);
        println!("== {draft}: {} / {} passed", out.passed, out.total);
        for (file, (p, t)) in &out.per_file {
            let mark = if p == t { "" } else { "  <--" };
            println!("  {p:>4} / {t:<4} {file}{mark}");
        }
        if !out.failures.is_empty() {
            println!("  failing tests of {draft}:");
            for f in &out.failures {
                println!("    {f}");
            }
        }
        if let Some((_, floor)) = FLOORS.iter().find(|(d, _)| d == draft) {
            if out.passed < *floor {
                below.push(format!(
                    "{draft}: {} passed, floor {floor}; failing:\n  {}",
                    out.passed,
                    out.failures.join("\n  ")
                ));
            }
        }
    }
    assert!(below.is_empty(), "suite regressions:\n{}", below.join("\n"));
}
