//! Broken specs: each file under `errors/` gives exactly the message checked in next to it, and
//! each file under `warnings/` generates with exactly the warnings checked in next to it.
//!
//! Update with `UPDATE_EXPECT=1 cargo test -p codegen --test errors` and review with `git diff`.

use std::path::{Path, PathBuf};

use codegen::{Config, Target, generate};
use expect_test::expect_file;

#[test]
fn broken_specs_give_their_golden_messages() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(here.join("errors"))
        .expect("tests/errors exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|ext| ext != "txt"))
        .collect();
    specs.sort();
    assert!(!specs.is_empty());
    for spec in specs {
        let name = spec
            .file_name()
            .expect("a file")
            .to_string_lossy()
            .into_owned();
        let config = Config {
            base_dir: here.clone(),
            specs: vec![PathBuf::from("errors").join(&name)],
            roots: Vec::new(),
            target: Target::Module,
            customize: Default::default(),
            uri_folders: Vec::new(),
            default_schema: None,
            format_assertion: None,
            vapi: false,
            keep_unknown_properties: true,
        };
        let message = match generate(&config) {
            Ok(_) => panic!("{name} generated without errors"),
            Err(err) => format!("{err}\n"),
        };
        expect_file![spec.with_extension("txt")].assert_eq(&message);
    }
}

#[test]
fn lossy_specs_generate_with_golden_warnings() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    for spec in [
        "lossy.yaml",
        "names.yaml",
        "not_a_spec.yaml",
        "allof_conflict.yaml",
        "bad_enums.yaml",
        "enum_not_strings.yaml",
        "number_too_large.yaml",
        "ref_to_non_schema.yaml",
        "pattern_properties.yaml",
        "no_schemas.yaml",
    ] {
        let config = Config {
            base_dir: here.clone(),
            specs: vec![PathBuf::from("warnings").join(spec)],
            roots: Vec::new(),
            target: Target::Module,
            customize: Default::default(),
            uri_folders: Vec::new(),
            default_schema: None,
            format_assertion: None,
            vapi: false,
            keep_unknown_properties: true,
        };
        let output = generate(&config).expect("warnings do not stop generation");
        let text: String = output
            .warnings
            .iter()
            .map(|warning| format!("warning: {warning}\n"))
            .collect();
        expect_file![here.join("warnings").join(spec).with_extension("txt")].assert_eq(&text);
    }
}
