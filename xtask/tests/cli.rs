//! `cargo xtask codegen` as a user runs it: writing, checking, drift and broken specs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("xtask runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn workspace_spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/vsphere-automation-9.1.0.0-stage-status.yaml")
}

/// Generates a crate at `dir/out` from `dir/spec.yaml`; returns the args that do it.
fn generate_into(dir: &Path, spec_text: &str) -> Vec<String> {
    let spec = dir.join("spec.yaml");
    std::fs::write(&spec, spec_text).expect("write spec");
    let args: Vec<String> = [
        "codegen",
        "--spec",
        spec.to_str().expect("utf-8 path"),
        "--out",
        dir.join("out").to_str().expect("utf-8 path"),
        "--name",
        "drift",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let output = xtask(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(output.status.success(), "{}", stderr(&output));
    args
}

fn check(args: &[String]) -> Output {
    let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
    args.push("--check");
    xtask(&args)
}

#[test]
fn the_workspace_is_fresh() {
    let output = xtask(&["codegen", "--check"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn every_kind_of_spec_edit_is_drift() {
    let original = std::fs::read_to_string(workspace_spec()).expect("the workspace spec");
    let edits: &[(&str, &str, &str)] = &[
        (
            "a description",
            "Progress of the operation.",
            "Progress of the job.",
        ),
        (
            "an added enum value",
            "      - RETRY_PENDING\n    Esx.Settings.Clusters.Software.ApplyStatus:",
            "      - RETRY_PENDING\n      - PAUSED\n    Esx.Settings.Clusters.Software.ApplyStatus:",
        ),
        (
            "a newly required field",
            "      required:\n      - id\n      - message\n      - time",
            "      required:\n      - id\n      - message\n      - time\n      - originator",
        ),
        (
            "a renamed schema",
            "    Cis.Task.Status:",
            "    Cis.Task.State:",
        ),
        (
            "the API version",
            "  version: 9.1.0.0",
            "  version: 9.1.0.1",
        ),
        (
            "a format",
            "          format: int64\n        completed:",
            "          format: int32\n        completed:",
        ),
    ];
    // Deleting a whole schema: the `Cis.Task.Status` block, up to the next schema.
    let start = original
        .find("    Cis.Task.Status:\n")
        .expect("the schema exists");
    let end = original
        .find("    Cis.Task.Progress:\n")
        .expect("the next schema exists");
    let deleted_block = &original[start..end];
    let mut edits = edits.to_vec();
    edits.push(("a deleted schema", deleted_block, ""));
    for (i, (what, from, to)) in edits.iter().enumerate() {
        let dir = scratch(&format!("edit-{i}"));
        let args = generate_into(&dir, &original);
        assert!(check(&args).status.success(), "fresh after generating");
        assert!(original.contains(from), "the edit of {what} applies");
        std::fs::write(dir.join("spec.yaml"), original.replacen(from, to, 1)).expect("edit");
        let output = check(&args);
        assert_eq!(output.status.code(), Some(1), "{what} went unnoticed");
        assert!(
            stderr(&output).contains("run `cargo xtask codegen`"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn stray_missing_and_edited_files_are_drift_and_codegen_repairs_them() {
    let original = std::fs::read_to_string(workspace_spec()).expect("the workspace spec");
    let dir = scratch("repair");
    let args = generate_into(&dir, &original);
    let types = dir.join("out/src/types");
    std::fs::write(types.join("stray.rs"), "// left behind\n").expect("stray");
    std::fs::remove_file(types.join("cis.rs")).expect("remove");
    let esx = types.join("esx.rs");
    let edited = std::fs::read_to_string(&esx)
        .expect("esx.rs")
        .replace("pub struct", "struct");
    std::fs::write(&esx, edited).expect("edit");

    let output = check(&args);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    for expected in [
        "orphaned (no longer generated):",
        "stray.rs",
        "missing:",
        "cis.rs",
        "stale:",
        "esx.rs",
        "-    struct Notification",
        "+    pub struct Notification",
    ] {
        assert!(report.contains(expected), "`{expected}` not in:\n{report}");
    }
    // Checking wrote nothing.
    assert!(types.join("stray.rs").exists() && !types.join("cis.rs").exists());

    let args_ref: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = xtask(&args_ref);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!types.join("stray.rs").exists() && types.join("cis.rs").exists());
    assert!(check(&args).status.success(), "repaired");
}

#[test]
fn a_broken_spec_writes_nothing_and_says_where() {
    let original = std::fs::read_to_string(workspace_spec()).expect("the workspace spec");
    let dir = scratch("broken");
    let args = generate_into(&dir, &original);
    let before = std::fs::read_to_string(dir.join("out/src/types/esx.rs")).expect("esx.rs");
    let broken = original
        .replacen("Progress of the operation.", "Progress of the job.", 1)
        .replacen(
            "$ref: \"#/components/schemas/Cis.Task.Progress\"",
            "$ref: \"#/components/schemas/Cis.Task.Missing\"",
            1,
        );
    std::fs::write(dir.join("spec.yaml"), broken).expect("edit");
    let args_ref: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = xtask(&args_ref);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(
        report.contains("spec.yaml#/components/schemas/Esx.Settings.Clusters.Software.StageStatus/properties/progress/allOf/0/$ref: `$ref` points to `#/components/schemas/Cis.Task.Missing`"),
        "{report}"
    );
    assert!(!report.contains("panicked"), "{report}");
    let after = std::fs::read_to_string(dir.join("out/src/types/esx.rs")).expect("esx.rs");
    assert_eq!(before, after, "nothing was written");
}
