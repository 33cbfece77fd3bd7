//! Golden tests: the module tree generated from each spec under `fixtures/` is checked in under
//! `golden/<fixture>/`, and every fixture's standalone crate is compiled with clippy. A fixture with
//! a `<fixture>.instances.json` also has its instances validated by the generated crate: each one
//! must give exactly the (path, code) pairs listed with it.
//!
//! Update the goldens with `UPDATE_EXPECT=1 cargo test -p codegen --test golden` and review the
//! change with `git diff`.

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::{Config, Target, generate};
use expect_test::expect_file;

/// Each fixture spec, and whether it is generated with vAPI's conventions (`--vapi`). A spec
/// generated twice has `@plain` after its name the second time.
const FIXTURES: &[&str] = &[
    "cycles.yaml",
    "naming.yaml",
    "json_schema.json",
    "keywords.yaml",
    "shapes.yaml",
    "openapi31.yaml",
    "swagger2.json",
    "draft4.json",
    "multi/main.yaml",
    "reserved_names.yaml",
    "wide.yaml",
    "defects.yaml",
    "vapi.yaml@vapi",
    "vapi.yaml@plain",
    "operations.yaml",
    "operations_swagger2.json",
];

fn here() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn config(fixture: &str, target: Target) -> Config {
    let (file, mode) = fixture.split_once('@').unwrap_or((fixture, ""));
    Config {
        base_dir: here(),
        specs: vec![PathBuf::from("fixtures").join(file)],
        roots: Vec::new(),
        target,
        customize: Default::default(),
        uri_folders: Vec::new(),
        default_schema: None,
        format_assertion: None,
        vapi: mode == "vapi",
        keep_unknown_properties: true,
    }
}

/// `multi/main.yaml` gives `multi_main`; `vapi.yaml@plain` gives `vapi_plain`.
fn stem(fixture: &str) -> String {
    let (file, mode) = fixture.split_once('@').unwrap_or((fixture, ""));
    let stem = file.split('.').next().unwrap_or(file).replace('/', "_");
    match mode {
        "" | "vapi" => stem,
        mode => format!("{stem}_{mode}"),
    }
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
/// warnings denied, and validates its instances as listed. The crates share one target folder, so
/// dependencies build once.
#[test]
fn standalone_crates_build_and_validate_their_instances() {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("golden-crates");
    for fixture in FIXTURES {
        let name = format!("golden-{}", stem(fixture).replace('_', "-"));
        let output = generate(&config(
            fixture,
            Target::Crate {
                name: name.clone(),
                runtime: None,
                workspace_member: false,
            },
        ))
        .expect("generates");
        let dir = scratch.join(&name);
        let _ = std::fs::remove_dir_all(dir.join("src"));
        let _ = std::fs::remove_dir_all(dir.join("tests"));
        let _ = std::fs::remove_dir_all(dir.join("specgen-runtime"));
        for file in &output.files {
            write(&dir.join(&file.path), &file.contents);
        }
        let instances = here()
            .join("fixtures")
            .join(format!("{}.instances.json", stem(fixture)));
        if let Ok(text) = std::fs::read_to_string(&instances) {
            write(&dir.join("tests/instances.json"), &text);
            write(
                &dir.join("tests/instances.rs"),
                &instance_harness(&name, &text),
            );
        }
        cargo(
            &dir,
            &scratch,
            &[
                "clippy",
                "--quiet",
                "--all-targets",
                "--all-features",
                "--offline",
                "--",
                "-D",
                "warnings",
            ],
        );
        cargo(&dir, &scratch, &["test", "--quiet", "--offline"]);
    }
}

/// Whole real specs in another dialect generate crates that build cleanly too.
#[test]
fn real_vsphere_specs_build_without_warnings() {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("golden-crates");
    for spec in ["esx.json", "vcenter.json"] {
        let name = format!("real-{}", spec.trim_end_matches(".json"));
        let config = Config {
            base_dir: here(),
            specs: vec![PathBuf::from("real").join(spec)],
            roots: Vec::new(),
            target: Target::Crate {
                name: name.clone(),
                runtime: None,
                workspace_member: false,
            },
            customize: Default::default(),
            uri_folders: Vec::new(),
            default_schema: None,
            format_assertion: None,
            vapi: false,
            keep_unknown_properties: true,
        };
        let output = generate(&config).unwrap_or_else(|err| panic!("{spec} generates: {err}"));
        let dir = scratch.join(&name);
        let _ = std::fs::remove_dir_all(dir.join("src"));
        let _ = std::fs::remove_dir_all(dir.join("specgen-runtime"));
        for file in &output.files {
            write(&dir.join(&file.path), &file.contents);
        }
        cargo(
            &dir,
            &scratch,
            &["clippy", "--quiet", "--offline", "--", "-D", "warnings"],
        );
    }
}

fn write(path: &Path, contents: &str) {
    std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("mkdir");
    std::fs::write(path, contents).expect("write");
}

fn cargo(dir: &Path, scratch: &Path, args: &[&str]) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let result = Command::new(cargo)
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", scratch.join("target"))
        .output()
        .expect("cargo runs");
    assert!(
        result.status.success(),
        "`cargo {}` fails in {}:\n{}{}",
        args.join(" "),
        dir.display(),
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
}

/// A test for the generated crate: every instance, decoded and validated as its type, gives
/// exactly the listed problems; a valid one also validates as a typed value and encodes to the
/// same document (or to its `encodes_to`): nothing is lost on the way.
fn instance_harness(crate_name: &str, instances: &str) -> String {
    let cases: serde_json::Value = serde_json::from_str(instances).expect("instances are JSON");
    let mut types: Vec<&str> = cases
        .as_array()
        .expect("instances are an array")
        .iter()
        .map(|case| case["type"].as_str().expect("each instance names its type"))
        .collect();
    types.sort_unstable();
    types.dedup();
    let krate = crate_name.replace('-', "_");
    let arms: String = types
        .iter()
        .map(|ty| {
            format!("            \"{ty}\" => check::<{krate}::{ty}>(instance, encodes_to),\n")
        })
        .collect();
    format!(
        r#"//! Generated by codegen's golden test: validates `instances.json`.

// Deprecated schemas have instances too.
#![allow(deprecated)]

use std::collections::BTreeSet;

use {krate}::Validate;

type Problems = BTreeSet<(String, String)>;

fn check<T: serde::de::DeserializeOwned + serde::Serialize + Validate + PartialEq>(
    instance: &serde_json::Value,
    encodes_to: &serde_json::Value,
) -> Problems {{
    let alone = one::<T>(instance, encodes_to);
    // As the item of a list, the same problems one level down: a container is judged by its
    // items' schemas, whether or not the item type is exact. (A value the schema accepts but
    // the Rust type cannot hold is a `decode` problem at the document's root either way: the
    // decoder does not say where.)
    let listed = match {krate}::from_str::<Vec<T>>(&format!("[{{instance}}]")) {{
        Ok(_) => BTreeSet::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.path().strip_prefix("/0").unwrap_or(e.path()).to_owned(), e.code().to_string()))
            .collect(),
    }};
    assert_eq!(listed, alone, "as a list item: {{instance}}");
    alone
}}

fn one<T: serde::de::DeserializeOwned + serde::Serialize + Validate>(
    instance: &serde_json::Value,
    encodes_to: &serde_json::Value,
) -> Problems {{
    // Decoding (typed checks, where the type is exact) and the schema give the same problems,
    // messages included: each keyword has one implementation.
    let full = |result: Result<(), {krate}::ValidationErrors>| -> BTreeSet<String> {{
        result.err().into_iter().flat_map(|errors| errors.iter().map(|e| e.to_string()).collect::<Vec<_>>()).collect()
    }};
    let decoded = full({krate}::from_str::<T>(&instance.to_string()).map(|_| ()));
    let by_schema = full({krate}::validate_value::<T>(instance));
    // Except where the schema accepts what the Rust type cannot hold (`decode`, warned about).
    let cannot_hold = by_schema.is_empty() && decoded.iter().all(|e| e.ends_with("[decode]"));
    if !cannot_hold {{
        assert_eq!(decoded, by_schema, "from_str and validate_value differ on {{instance}}");
    }}
    match {krate}::from_value::<T>(instance.clone()) {{
        Ok(typed) => {{
            assert!(typed.validate().is_ok());
            let encoded = serde_json::to_value(&typed).unwrap();
            assert!(same_document(&encoded, encodes_to), "encoding {{instance}} gives {{encoded}}");
            let again: T = serde_json::from_value(encoded).unwrap();
            assert!(again.validate().is_ok());
            BTreeSet::new()
        }}
        Err(errors) => errors.iter().map(|e| (e.path().to_owned(), e.code().to_string())).collect(),
    }}
}}

/// The same JSON document: numbers compared by value (`4.0` is `4`), and two strings that are
/// date-times of the same instant alike (`…:00Z` is `…:00.000Z`).
fn same_document(a: &serde_json::Value, b: &serde_json::Value) -> bool {{
    use serde_json::Value;
    match (a, b) {{
        (Value::Number(x), Value::Number(y)) => {{
            x == y || (x.as_f64().is_some() && x.as_f64() == y.as_f64())
        }}
        (Value::String(x), Value::String(y)) => {{
            x == y || {{
                let instant = |text: &str| serde_json::from_value::<{krate}::DateTime>(Value::from(text)).ok();
                instant(x).is_some() && instant(x) == instant(y)
            }}
        }}
        (Value::Array(x), Value::Array(y)) => {{
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_document(x, y))
        }}
        (Value::Object(x), Value::Object(y)) => {{
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_document(v, w)))
        }}
        _ => a == b,
    }}
}}

#[test]
fn instances() {{
    let cases: Vec<serde_json::Value> = serde_json::from_str(include_str!("instances.json")).unwrap();
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {{
        let instance = &case["instance"];
        // A valid instance encodes back to itself unless the case says what it becomes.
        let encodes_to = case.get("encodes_to").unwrap_or(instance);
        let got = match case["type"].as_str().unwrap() {{
{arms}            other => panic!("no type {{other}}"),
        }};
        let want: Problems = case["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|pair| (pair[0].as_str().unwrap().to_owned(), pair[1].as_str().unwrap().to_owned()))
            .collect();
        if got != want {{
            failures.push(format!("instance {{i}} ({{}}): got {{got:?}}, want {{want:?}}", case["type"]));
        }}
    }}
    assert!(failures.is_empty(), "{{}}", failures.join("\n"));
}}
"#
    )
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
        customize: Default::default(),
        uri_folders: Vec::new(),
        default_schema: None,
        format_assertion: None,
        vapi: true,
        keep_unknown_properties: true,
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

/// Two JSON Schema files whose roots share a `title` (and say only `prefixItems` and only `not`)
/// each get a type, numbered deterministically, and a warning; nothing is refused or dropped.
#[test]
fn roots_that_share_a_title_are_both_generated() {
    let config = Config {
        base_dir: here(),
        specs: vec![
            PathBuf::from("fixtures/titles/first.json"),
            PathBuf::from("fixtures/titles/second.json"),
        ],
        roots: Vec::new(),
        target: Target::Module,
        customize: Default::default(),
        uri_folders: Vec::new(),
        default_schema: None,
        format_assertion: None,
        vapi: false,
        keep_unknown_properties: true,
    };
    let first = generate(&config).expect("generates");
    let second = generate(&config).expect("generates");
    assert_eq!(first.files, second.files, "deterministic");
    let text: String = first.files.iter().map(|f| f.contents.as_str()).collect();
    assert!(
        text.contains("pub struct Thing(") && text.contains("pub struct Thing2("),
        "{text}"
    );
    assert!(
        first
            .warnings
            .iter()
            .any(|w| w.message.contains("schema `Thing` is also defined at")),
        "{:?}",
        first.warnings
    );
}

/// A JSON Schema document's root is one type at the crate's root: its `title` when that reads
/// as a name, else its file's stem (titles are prose: their dots are no modules); a root that
/// only refers to one of its definitions is that definition's type, not a second one.
#[test]
fn root_types_are_named_by_short_titles_or_by_their_files() {
    for (file, title_or_stem, path) in [
        (
            "package.json",
            "JSON schema for NPM package.json files",
            "Package",
        ),
        (
            "appsettings.json",
            "ASP.NET Core's appsettings.json",
            "Appsettings",
        ),
        (
            "pdm.json",
            "PDM project settings.\nSee https://pdm-project.org/latest/reference/configuration/",
            "Pdm",
        ),
        ("pipeline.json", "Pipeline Config", "PipelineConfig"),
        ("kustomization.json", "kustomization", "Kustomization"),
    ] {
        let config = Config {
            specs: vec![PathBuf::from("fixtures/titles").join(file)],
            ..config("titles/first.json", Target::Module)
        };
        let output = generate(&config).unwrap_or_else(|err| panic!("{file}: {err}"));
        assert_eq!(
            output.types.get(title_or_stem).map(String::as_str),
            Some(path),
            "{file}: {:?}",
            output.types
        );
        let text: String = output.files.iter().map(|f| f.contents.as_str()).collect();
        assert!(
            !text.contains("pub mod "),
            "{file}: no modules from a title:\n{text}"
        );
        assert!(
            !text.contains(&format!("{path}2")),
            "{file}: one type:\n{text}"
        );
        assert!(output.warnings.is_empty(), "{file}: {:?}", output.warnings);
    }
}

/// Two specs that define a security scheme of one name give one scheme (the first's), one
/// constant, and a warning where they define it otherwise.
#[test]
fn a_security_scheme_two_specs_define_is_one() {
    let config = Config {
        specs: vec![
            PathBuf::from("fixtures/operations.yaml"),
            PathBuf::from("fixtures/operations_more.yaml"),
        ],
        ..config("operations.yaml", Target::Module)
    };
    let output = generate(&config).expect("generates");
    let text: String = output.files.iter().map(|f| f.contents.as_str()).collect();
    assert_eq!(
        text.matches("pub const BEARER_AUTH: &str").count(),
        1,
        "{text}"
    );
    assert!(text.contains("pub struct ListOwners"), "{text}");
    assert!(
        output.warnings.iter().any(|w| w
            .to_string()
            .contains("the security scheme `bearer_auth` is also defined")),
        "{:?}",
        output.warnings
    );
}
