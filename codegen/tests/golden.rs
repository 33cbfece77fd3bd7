//! Golden tests: the module tree generated from each spec under `fixtures/` is checked in under
//! `golden/<fixture>/`, and every fixture's standalone crate is compiled with clippy.
//!
//! Update the goldens with `UPDATE_EXPECT=1 cargo test -p codegen --test golden` and review the
//! change with `git diff`.

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::{Config, Target, generate};
use expect_test::expect_file;

const FIXTURES: &[&str] = &["cycles.yaml", "naming.yaml", "json_schema.json"];

fn here() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn config(fixture: &str, target: Target) -> Config {
    Config {
        base_dir: here(),
        specs: vec![PathBuf::from("fixtures").join(fixture)],
        roots: Vec::new(),
        target,
    }
}

fn stem(fixture: &str) -> &str {
    fixture.split('.').next().unwrap_or(fixture)
}

#[test]
fn generated_modules_match_the_goldens() {
    for fixture in FIXTURES {
        let output = generate(&config(fixture, Target::Module))
            .unwrap_or_else(|err| panic!("{fixture} generates: {err}"));
        let golden_dir = here().join("golden").join(stem(fixture));
        std::fs::create_dir_all(&golden_dir).expect("the golden folder can be made");
        let mut produced = Vec::new();
        for file in &output.files {
            let relative = file
                .path
                .strip_prefix("src/types")
                .expect("module files live in src/types");
            produced.push(golden_dir.join(relative));
            expect_file![golden_dir.join(relative)].assert_eq(&file.contents);
        }
        // A golden that is no longer produced would be checked by nothing.
        if let Ok(entries) = std::fs::read_dir(&golden_dir) {
            for entry in entries.flatten() {
                assert!(
                    produced.contains(&entry.path()),
                    "{} is not generated any more; delete it",
                    entry.path().display()
                );
            }
        }
    }
}

#[test]
fn generation_is_deterministic() {
    for fixture in FIXTURES {
        let first = generate(&config(fixture, Target::Module)).expect("generates");
        let second = generate(&config(fixture, Target::Module)).expect("generates");
        assert_eq!(first.files, second.files, "{fixture}");
    }
}

/// Every fixture's standalone crate (what `cargo xtask codegen --out` writes) passes clippy with
/// warnings denied. The crates share one target folder, so dependencies build once.
#[test]
fn standalone_crates_build_without_warnings() {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("golden-crates");
    for fixture in FIXTURES {
        let name = format!("golden-{}", stem(fixture).replace('_', "-"));
        let output =
            generate(&config(fixture, Target::Crate { name: name.clone() })).expect("generates");
        let dir = scratch.join(&name);
        let _ = std::fs::remove_dir_all(dir.join("src"));
        for file in &output.files {
            let path = dir.join(&file.path);
            std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("mkdir");
            std::fs::write(&path, &file.contents).expect("write");
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let result = Command::new(cargo)
            .args(["clippy", "--quiet", "--all-targets", "--offline"])
            .args(["--", "-D", "warnings"])
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", scratch.join("target"))
            .output()
            .expect("cargo runs");
        assert!(
            result.status.success(),
            "the crate generated from {fixture} does not build cleanly:\n{}",
            String::from_utf8_lossy(&result.stderr)
        );
    }
}

/// `--root` keeps a schema and what it references, transitively, and nothing else.
#[test]
fn roots_select_their_closure() {
    let config = Config {
        base_dir: Path::new(env!("CARGO_MANIFEST_DIR")).join(".."),
        specs: vec![PathBuf::from(
            "specs/vsphere-automation-9.1.0.0-stage-status.yaml",
        )],
        roots: vec!["Cis.Task.Progress".to_owned()],
        target: Target::Module,
    };
    let output = generate(&config).expect("generates");
    let text: String = output.files.iter().map(|f| f.contents.as_str()).collect();
    for kept in [
        "pub struct Progress",
        "pub struct LocalizableMessage",
        "pub struct LocalizationParam",
        "pub struct NestedLocalizableMessage",
        "pub enum DateTimeFormat",
    ] {
        assert!(text.contains(kept), "{kept} is referenced from the root");
    }
    for dropped in [
        "StageStatus",
        "ApplyStatus",
        "Notification",
        "pub enum Status",
    ] {
        assert!(
            !text.contains(dropped),
            "{dropped} is not referenced from the root"
        );
    }

    let unknown = Config {
        roots: vec!["No.Such.Schema".to_owned()],
        ..config
    };
    let err = generate(&unknown).expect_err("an unknown root is an error");
    assert_eq!(
        err.to_string(),
        "error: specs/vsphere-automation-9.1.0.0-stage-status.yaml#: root `No.Such.Schema` is not a schema of the specs"
    );
}
