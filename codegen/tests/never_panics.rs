//! The generator never panics: arbitrary mutations of real specs give `Ok` or `Err`, and whatever
//! comes back as Rust parses with `syn`.

use std::path::{Path, PathBuf};

use codegen::{Config, Target, generate};
use proptest::prelude::*;
use serde_json::Value;

/// One edit at a place chosen by `selector`: the nth object key or array item met in a walk.
#[derive(Debug, Clone)]
enum Edit {
    Remove,
    Replace(Value),
    RenameKey(String),
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop_oneof![
            Just("object".to_owned()),
            Just("string".to_owned()),
            Just("#/components/schemas/Vapi.Std.LocalizableMessage".to_owned()),
            Just("date-time".to_owned()),
            "[a-zA-Z#/._ -]{0,12}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z$]{1,8}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn edit() -> impl Strategy<Value = (usize, Edit)> {
    (
        any::<usize>(),
        prop_oneof![
            Just(Edit::Remove),
            any_json().prop_map(Edit::Replace),
            "[a-zA-Z$._-]{0,10}".prop_map(Edit::RenameKey),
        ],
    )
}

/// Applies `edit` at the `selector`-th place (modulo the number of places) of `value`.
fn apply(value: &mut Value, selector: usize, edit: &Edit) {
    fn count(value: &Value) -> usize {
        match value {
            Value::Object(map) => map.values().map(|v| 1 + count(v)).sum(),
            Value::Array(items) => items.iter().map(|v| 1 + count(v)).sum(),
            _ => 0,
        }
    }
    fn walk(value: &mut Value, target: &mut usize, edit: &Edit) -> bool {
        match value {
            Value::Object(map) => {
                let keys: Vec<String> = map.keys().cloned().collect();
                for key in keys {
                    if *target == 0 {
                        match edit {
                            Edit::Remove => {
                                map.remove(&key);
                            }
                            Edit::Replace(new) => {
                                map.insert(key, new.clone());
                            }
                            Edit::RenameKey(name) => {
                                if let Some(old) = map.remove(&key) {
                                    map.insert(name.clone(), old);
                                }
                            }
                        }
                        return true;
                    }
                    *target -= 1;
                    if walk(map.get_mut(&key).expect("a key just listed"), target, edit) {
                        return true;
                    }
                }
                false
            }
            Value::Array(items) => {
                for i in 0..items.len() {
                    if *target == 0 {
                        match edit {
                            Edit::Remove | Edit::RenameKey(_) => {
                                items.remove(i);
                            }
                            Edit::Replace(new) => items[i] = new.clone(),
                        }
                        return true;
                    }
                    *target -= 1;
                    if walk(&mut items[i], target, edit) {
                        return true;
                    }
                }
                false
            }
            _ => false,
        }
    }
    let places = count(value);
    if places > 0 {
        let mut target = selector % places;
        walk(value, &mut target, edit);
    }
}

fn seeds() -> Vec<(String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        "../specs/vsphere-automation-9.1.0.0-stage-status.yaml",
        "tests/fixtures/shapes.yaml",
        "tests/fixtures/keywords.yaml",
    ]
    .iter()
    .map(|relative| {
        let text = std::fs::read_to_string(root.join(relative)).expect("a seed spec");
        (
            relative.to_string(),
            serde_yaml::from_str(&text).expect("the seed parses"),
        )
    })
    .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn mutated_specs_give_ok_or_err_and_parsable_rust(
        seed in 0usize..3,
        edits in proptest::collection::vec(edit(), 1..4),
        case in any::<u64>(),
    ) {
        let (name, mut spec) = seeds().swap_remove(seed);
        for (selector, edit) in &edits {
            apply(&mut spec, *selector, edit);
        }
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("never-panics");
        std::fs::create_dir_all(&dir).expect("scratch");
        let file = dir.join(format!("{case}.json"));
        std::fs::write(&file, spec.to_string()).expect("write");
        let config = Config {
            base_dir: PathBuf::new(),
            specs: vec![file.clone()],
            roots: Vec::new(),
            target: Target::Module,
            customize: Default::default(),
            uri_folders: Vec::new(),
            default_schema: None,
            format_assertion: None,
            vapi: false,
            keep_unknown_properties: true,
        };
        let result = std::panic::catch_unwind(|| generate(&config));
        let _ = std::fs::remove_file(&file);
        let result = result.map_err(|_| TestCaseError::fail(format!("generate panicked on a mutation of {name}: {edits:?}")))?;
        if let Ok(output) = result {
            for generated in output.files {
                prop_assert!(
                    syn::parse_file(&generated.contents).is_ok(),
                    "{} does not parse", generated.path.display()
                );
            }
        }
    }
}
