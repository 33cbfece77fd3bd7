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

/// A small spec of another API, for the crate that is used beside vSphere's.
const PETS: &str = r#"{
  "openapi": "3.0.3",
  "info": { "title": "Pets", "version": "1" },
  "paths": {},
  "components": { "schemas": { "Pet": {
    "type": "object",
    "required": ["name"],
    "properties": { "name": { "type": "string", "maxLength": 3 } }
  } } }
}"#;

/// The consumer's program: one function over `T: Validate`, called with a type of each crate.
const APP_MAIN: &str = r##"
fn problems<T: specgen_runtime::Validate>(value: &T, into: &mut Vec<specgen_runtime::ValidationError>) {
    if let Err(errors) = value.validate() {
        into.extend(errors);
    }
}

fn main() {
    let pet: api_b::Pet = serde_json::from_str(r#"{"name": "Rexford"}"#).unwrap();
    let status: api_a::esx::settings::clusters::software::StageStatus = serde_json::from_str(
        r#"{"status": "ASLEEP", "start_time": "2024-05-01T12:00:00.000Z",
            "end_time": "2024-05-01T12:05:00.000Z", "notifications": {}}"#,
    )
    .unwrap();
    let mut found = Vec::new();
    problems(&pet, &mut found);
    problems(&status, &mut found);
    // Both crates re-export the one runtime's items.
    let _: fn(&str) -> Result<api_b::Pet, api_a::ValidationErrors> = api_b::from_str::<api_b::Pet>;
    for error in &found {
        println!("{} {}", error.path(), error.code());
    }
}
"##;

fn app_manifest(workspace: bool) -> String {
    format!(
        "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\napi-a = {{ path = \"../api-a\" }}\napi-b = {{ path = \"../api-b\" }}\n\
         specgen-runtime = {{ path = \"../specgen-runtime\" }}\nserde_json = \"1\"\n{}",
        if workspace { "" } else { "\n[workspace]\n" }
    )
}

/// Two `specgen` runs that name one runtime folder, then a crate of the user's that depends on
/// both: cargo builds it (one `specgen-runtime` package, so no collision in the lock file), and
/// one function over `T: Validate` takes the types of both. Side by side, and as members of one
/// workspace.
#[test]
fn two_generated_crates_share_one_runtime_and_build_together() {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("specgen-shared");
    for workspace in [false, true] {
        let dir = outside(if workspace { "members" } else { "side-by-side" });
        let pets = dir.join("pets.json");
        std::fs::write(&pets, PETS).expect("spec");
        let runtime = dir.join("specgen-runtime");
        let vsphere = workspace_spec();
        let member: &[&str] = if workspace {
            &["--workspace-member"]
        } else {
            &[]
        };
        for (spec, out, extra) in [
            (&vsphere, dir.join("api-a"), &["--vapi"][..]),
            (&pets, dir.join("api-b"), &[][..]),
        ] {
            let mut args = vec![
                "--spec",
                spec.to_str().expect("utf-8 path"),
                "--out",
                out.to_str().expect("utf-8 path"),
                "--runtime",
                runtime.to_str().expect("utf-8 path"),
            ];
            args.extend(extra);
            args.extend(member);
            let output = specgen(&args);
            assert!(output.status.success(), "{}", stderr(&output));
            let manifest = std::fs::read_to_string(out.join("Cargo.toml")).expect("manifest");
            assert!(
                manifest.contains("path = \"../specgen-runtime\""),
                "{manifest}"
            );
            assert!(!out.join("specgen-runtime").exists(), "no copy of its own");
            // The second run finds the shared runtime as the first wrote it.
            args.push("--check");
            let output = specgen(&args);
            assert!(output.status.success(), "{}", stderr(&output));
        }
        let app = dir.join("app");
        std::fs::create_dir_all(app.join("src")).expect("app folder");
        std::fs::write(app.join("Cargo.toml"), app_manifest(workspace)).expect("manifest");
        std::fs::write(app.join("src/main.rs"), APP_MAIN).expect("main.rs");
        let root = if workspace {
            std::fs::write(
                dir.join("Cargo.toml"),
                "[workspace]\nresolver = \"3\"\nmembers = [\"api-a\", \"api-b\", \"specgen-runtime\", \"app\"]\n",
            )
            .expect("workspace manifest");
            dir.clone()
        } else {
            app.clone()
        };
        let run = Command::new(env!("CARGO"))
            .args(["run", "--offline", "--quiet", "-p", "app"])
            .current_dir(&root)
            .env("CARGO_TARGET_DIR", &target)
            .output()
            .expect("cargo runs");
        assert!(
            run.status.success(),
            "workspace: {workspace}\n{}",
            stderr(&run)
        );
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            "/name max_length\n/status enum\n",
            "workspace: {workspace}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// The library's options are the command line's: URI folders (offline `$ref`s to another
/// site), format assertion, derives, attributes and replacements.
#[test]
fn the_command_line_has_the_librarys_options() {
    let dir = outside("options");
    let schemas = dir.join("mirror");
    std::fs::create_dir_all(&schemas).expect("mirror folder");
    std::fs::write(
        schemas.join("name.json"),
        r#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Name", "type": "string", "minLength": 1}"#,
    )
    .expect("remote schema");
    let spec = dir.join("contact.json");
    std::fs::write(
        &spec,
        r#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Contact",
            "type": "object", "required": ["name"],
            "properties": {
              "name": {"$ref": "https://schemas.example.com/name.json"},
              "email": {"type": "string", "format": "email"}
            }}"#,
    )
    .expect("spec");
    let out = dir.join("contact");
    let output = specgen(&[
        "--spec",
        spec.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
        "--uri-folder",
        &format!("https://schemas.example.com/={}", schemas.display()),
        "--format-assertion",
        "true",
        "--derive",
        "Eq",
        "--type-attribute",
        "Contact=#[must_use]",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(out.join("src/types/mod.rs")).expect("types");
    assert!(text.contains("#[must_use]"), "{text}");
    assert!(text.contains("#[derive(Eq)]"), "{text}");
    assert!(
        text.contains("Rule::Format(::specgen_runtime::Format::Email)"),
        "{text}"
    );
    // Without the folder, the reference cannot be resolved offline.
    let output = specgen(&[
        "--spec",
        spec.to_str().expect("utf-8 path"),
        "--out",
        dir.join("unresolved").to_str().expect("utf-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("https://schemas.example.com/name.json"),
        "{}",
        stderr(&output)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A spec given by absolute path is named with its leading `/`, in errors as in warnings.
#[test]
fn errors_name_a_spec_as_it_was_given() {
    let dir = outside("places");
    let spec = dir.join("bad.yaml");
    std::fs::write(
        &spec,
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: '#/components/schemas/Missing'\n",
    )
    .expect("spec");
    let output = specgen(&[
        "--spec",
        spec.to_str().expect("utf-8 path"),
        "--out",
        dir.join("out").to_str().expect("utf-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report = stderr(&output);
    assert!(
        report.contains(&format!(
            "{}#/components/schemas/A/$ref: cannot resolve",
            spec.display()
        )),
        "{report}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A shared runtime folder that holds a file the generator did not write is refused, and
/// nothing there changes.
#[test]
fn a_runtime_folder_with_files_of_yours_is_left_alone() {
    let dir = outside("runtime-foreign");
    let runtime = dir.join("shared");
    std::fs::create_dir_all(runtime.join("src")).expect("folder");
    let mine = runtime.join("src/lib.rs");
    std::fs::write(&mine, "// my own crate\n").expect("a file of the user's");
    let spec = dir.join("pets.json");
    std::fs::write(&spec, PETS).expect("spec");
    let output = specgen(&[
        "--spec",
        spec.to_str().expect("utf-8 path"),
        "--out",
        dir.join("pets").to_str().expect("utf-8 path"),
        "--runtime",
        runtime.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("holds files that the generator did not write"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&mine).expect("still there"),
        "// my own crate\n"
    );
    assert!(!dir.join("pets").exists(), "nothing is written anywhere");
    let _ = std::fs::remove_dir_all(&dir);
}
