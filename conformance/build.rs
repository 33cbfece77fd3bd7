//! Generates a type for every test group of the JSON-Schema-Test-Suite (draft 4 and 2020-12,
//! `optional/` included), as a user would: each group's schema is a spec of its own, generated
//! with `codegen` into a module of this crate. The suite's remote documents are served from
//! `remotes/` for the URI prefix the suite gives them (`http://localhost:1234/`), and the files
//! of `optional/format/` are generated with formats as assertions, as the suite intends.
//!
//! A group the generator refuses gets no module; the runner reports its tests as failed with the
//! generator's message.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const DRAFTS: &[(&str, &str)] = &[
    ("draft4", "http://json-schema.org/draft-04/schema#"),
    (
        "draft2020-12",
        "https://json-schema.org/draft/2020-12/schema",
    ),
];

/// The name every group's root schema is given (its `title`, or its file's stem).
const ROOT: &str = "SuiteRoot";

fn main() {
    let suite = Path::new(env!("CARGO_MANIFEST_DIR")).join("JSON-Schema-Test-Suite");
    println!("cargo:rerun-if-changed={}", suite.display());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let schemas = out.join("schemas");
    let generated = out.join("generated");
    let mut modules = String::new();
    let mut groups = String::new();
    for (draft, schema_uri) in DRAFTS {
        let draft_module = module_name(draft);
        let _ = writeln!(modules, "pub mod {draft_module} {{");
        let dir = suite.join("tests").join(draft);
        for file in json_files(&dir) {
            let relative = file
                .strip_prefix(&dir)
                .expect("found below the draft's folder")
                .to_string_lossy()
                .replace('\\', "/");
            let file_module = module_name(&relative);
            let parent = format!("crate::suite::{draft_module}::{file_module}");
            let _ = writeln!(modules, "pub mod {file_module} {{");
            let text = std::fs::read_to_string(&file).expect("a suite file");
            let cases: serde_json::Value = serde_json::from_str(&text).expect("suite JSON");
            let format_assertion = relative.starts_with("optional/format/").then_some(true);
            for (index, case) in cases
                .as_array()
                .expect("a list of groups")
                .iter()
                .enumerate()
            {
                let module = format!("g{index}");
                let mut schema = case["schema"].clone();
                if let Some(object) = schema.as_object_mut() {
                    object.insert("title".to_owned(), ROOT.into());
                }
                let spec = PathBuf::from(draft)
                    .join(&relative)
                    .join(&module)
                    .join(format!("{ROOT}.json"));
                let spec_path = schemas.join(&spec);
                std::fs::create_dir_all(spec_path.parent().expect("a parent")).expect("mkdir");
                std::fs::write(&spec_path, schema.to_string()).expect("write the schema");
                let uses_remotes = schema.to_string().contains("localhost:1234");
                let config = codegen::Config {
                    base_dir: schemas.clone(),
                    specs: vec![spec],
                    roots: Vec::new(),
                    target: codegen::Target::Include {
                        module: module.clone(),
                        parent: parent.clone(),
                    },
                    customize: Default::default(),
                    uri_folders: if uses_remotes {
                        vec![("http://localhost:1234/".to_owned(), suite.join("remotes"))]
                    } else {
                        Vec::new()
                    },
                    default_schema: Some((*schema_uri).to_owned()),
                    format_assertion,
                    vapi: false,
                    keep_unknown_properties: true,
                };
                let entry = match codegen::generate(&config) {
                    Ok(output) => {
                        let [file] = output.files.as_slice() else {
                            panic!("an include target is one file");
                        };
                        let path = generated.join(draft).join(&relative).join(&file.path);
                        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
                        std::fs::write(&path, &file.contents).expect("write the module");
                        let _ = writeln!(modules, "include!({:?});", path.display().to_string());
                        let ty = output
                            .types
                            .get(ROOT)
                            .cloned()
                            .unwrap_or_else(|| ROOT.to_owned());
                        let ty = format!("{parent}::{module}::{ty}");
                        format!(
                            "validate_value: Some(|value| ::specgen_runtime::validate_value::<{ty}>(value).is_ok()), \
                             from_str: Some(|text| ::specgen_runtime::from_str::<{ty}>(text).is_ok()), \
                             round_trip: Some(|text| ::specgen_runtime::from_str::<{ty}>(text).ok().and_then(|value| ::serde_json::to_value(&value).ok())), \
                             error: None"
                        )
                    }
                    Err(err) => format!(
                        "validate_value: None, from_str: None, round_trip: None, error: Some({:?})",
                        err.to_string()
                    ),
                };
                let _ = writeln!(
                    groups,
                    "    Group {{ draft: {draft:?}, file: {relative:?}, index: {index}, {entry} }},"
                );
            }
            let _ = writeln!(modules, "}}");
        }
        let _ = writeln!(modules, "}}");
    }
    let text = format!(
        "/// The generated modules, one per suite file and group.\n#[allow(missing_docs, dead_code, clippy::all)]\npub mod suite {{\n{modules}}}\n\n/// Every group, in suite order.\npub static GROUPS: &[Group] = &[\n{groups}];\n"
    );
    std::fs::write(out.join("suite.rs"), text).expect("write suite.rs");
}

/// `optional/format/date-time.json` gives `optional_format_date_time`.
fn module_name(path: &str) -> String {
    let stem = path.strip_suffix(".json").unwrap_or(path);
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("s_{name}")
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the suite's folder")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(json_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "json") {
            out.push(path);
        }
    }
    out
}
