//! Helpers shared by the integration tests: the reference page's example and test documents.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// `tests/data/…`
pub fn data_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(relative)
}

/// The "JSON Example" of a vSphere reference page (kept in `tests/data/reference/`), as written.
pub fn reference_example(page: &str) -> Value {
    let text = reference_example_text(page);
    serde_json::from_str(&text)
        .unwrap_or_else(|err| panic!("the example of {page} does not parse: {err}"))
}

/// The text of a reference page's "JSON Example", in the order the page writes its keys.
pub fn reference_example_text(page: &str) -> String {
    let path = data_path(&format!("reference/{page}.txt"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("reading {}: {err}", path.display()));
    let start = text
        .find("JSON Example")
        .and_then(|at| text[at..].find('{').map(|brace| at + brace))
        .unwrap_or_else(|| panic!("{} has no JSON Example", path.display()));
    // The example is followed by the rest of the page; read exactly one JSON value.
    let mut values = serde_json::Deserializer::from_str(&text[start..]).into_iter::<Value>();
    match values.next() {
        Some(Ok(_)) => text[start..start + values.byte_offset()].to_owned(),
        other => panic!(
            "the JSON Example of {} does not parse: {other:?}",
            path.display()
        ),
    }
}
