//! `specgen` as a user runs it: help, a crate written outside any workspace that builds offline,
//! drift, and the same messages as `cargo xtask codegen`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn specgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_specgen"))
        .args(args)
        .output()
        .expect("specgen runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn workspace_spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/vsphere-automation-9.1.0.0-stage-status.yaml")
}

/// A fresh folder outside the repository (the system's temporary folder).
fn outside(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("specgen-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

#[test]
fn help_shows_usage_and_examples() {
    let output = specgen(&["--help"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    for expected in [
        "usage:",
        "--spec FILE",
        "--check",
        "examples:",
        "specgen --spec api.yaml",
    ] {
        assert!(text.contains(expected), "`{expected}` not in:\n{text}");
    }
}

/// The crate builds offline from its folder, wherever that is: it carries its runtime.
#[test]
fn a_crate_written_outside_the_repository_builds_offline_and_checks_fresh() {
    let dir = outside("offline");
    let out = dir.join("stage-status");
    let spec = workspace_spec();
    let args = [
        "--spec",
        spec.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
    ];
    let output = specgen(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).expect("Cargo.toml");
    assert!(manifest.contains("name = \"stage-status\""), "{manifest}");
    for text in [
        &manifest,
        &std::fs::read_to_string(out.join("src/lib.rs")).expect("lib.rs"),
    ] {
        assert!(
            !text.contains(env!("CARGO_MANIFEST_DIR")),
            "no machine paths:\n{text}"
        );
    }
    // Dependencies come from the workspace's target folder's neighbours: shared, built once.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("specgen-offline");
    let build = Command::new(env!("CARGO"))
        .args(["build", "--offline", "--quiet"])
        .current_dir(&out)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo runs");
    assert!(build.status.success(), "{}", stderr(&build));

    let mut check = args.to_vec();
    check.push("--check");
    let output = specgen(&check);
    assert!(
        output.status.success(),
        "fresh after building: {}",
        stderr(&output)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn drift_and_broken_specs_are_reported_as_by_the_xtask() {
    let original = std::fs::read_to_string(workspace_spec()).expect("the workspace spec");
    let dir = outside("drift");
    let spec = dir.join("spec.yaml");
    std::fs::write(&spec, &original).expect("spec");
    let out = dir.join("out");
    let args = [
        "--spec",
        spec.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
        "--name",
        "drift",
    ];
    assert!(specgen(&args).status.success());

    std::fs::write(
        &spec,
        original.replacen("Progress of the operation.", "Progress of the job.", 1),
    )
    .expect("edit");
    let mut check = args.to_vec();
    check.push("--check");
    let output = specgen(&check);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(
        report.contains("stale:") && report.contains("Progress of the job."),
        "{report}"
    );
    assert!(report.contains("run `specgen --spec"), "{report}");

    std::fs::write(
        &spec,
        original.replacen(
            "$ref: \"#/components/schemas/Cis.Task.Progress\"",
            "$ref: \"#/components/schemas/Cis.Task.Missing\"",
            1,
        ),
    )
    .expect("break");
    let output = specgen(&args);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(
        report.starts_with("error: specgen failed: ")
            && report.contains("spec.yaml#/components/schemas/Esx.Settings.Clusters.Software.StageStatus/properties/progress/allOf/0/$ref: cannot resolve `#/components/schemas/Cis.Task.Missing`"),
        "{report}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A generated crate built against a runtime of another ABI fails with one message that says
/// so, not with errors from deep inside the runtime's macros.
#[test]
fn a_runtime_that_does_not_fit_is_named_in_one_clear_error() {
    let dir = outside("abi");
    let out = dir.join("abi-check");
    let spec = workspace_spec();
    let output = specgen(&[
        "--spec",
        spec.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let runtime = out.join("specgen-runtime/src/lib.rs");
    let text = std::fs::read_to_string(&runtime).expect("the runtime copy");
    let declared = "pub const ABI_VERSION: u32 = ";
    let version: String = text
        .split_once(declared)
        .expect("the runtime declares its ABI version")
        .1
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let changed = text.replacen(
        &format!("{declared}{version};"),
        &format!("{declared}999;"),
        1,
    );
    assert_ne!(text, changed, "the runtime declares its ABI version");
    std::fs::write(&runtime, changed).expect("edit the runtime copy");
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("specgen-abi");
    let check = Command::new(env!("CARGO"))
        .args(["check", "--offline", "--quiet"])
        .current_dir(&out)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo runs");
    assert!(
        !check.status.success(),
        "a mismatched runtime must not build"
    );
    let report = stderr(&check);
    assert!(
        report.contains(&format!(
            "this crate was generated for version {version} of the specgen-runtime ABI"
        )),
        "{report}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
