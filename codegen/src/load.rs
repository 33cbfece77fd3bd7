//! Reads spec files into JSON values, keeping the path for error messages.
//!
//! This is the only module that knows about file formats: YAML and JSON both become a
//! `serde_json::Value` (in the author's key order), so swapping the YAML parser touches nothing else.
//! It does not interpret the document; `spec` does.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::Error;

/// One parsed spec file.
#[derive(Debug)]
pub(crate) struct Document {
    /// The path as the user gave it; every error about this document starts with it.
    pub(crate) path: PathBuf,
    pub(crate) root: Value,
}

/// Reads and parses `base_dir/path` as JSON (`.json`) or YAML (anything else; YAML is a superset
/// of JSON). Messages name `path` as given.
pub(crate) fn load_document(base_dir: &Path, path: &Path) -> Result<Document, Error> {
    let text = std::fs::read_to_string(base_dir.join(path)).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    let root = parse_document(path, &text)?;
    Ok(Document {
        path: path.to_owned(),
        root,
    })
}

/// Parses `text`, which was read from `path`.
pub(crate) fn parse_document(path: &Path, text: &str) -> Result<Value, Error> {
    let is_json = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"));
    let syntax = |line, column, message: String| Error::Syntax {
        path: path.to_owned(),
        line,
        column,
        message,
    };
    if is_json {
        serde_json::from_str(text).map_err(|err| {
            let message = strip_position(&err.to_string());
            syntax(err.line(), err.column(), message)
        })
    } else {
        serde_yaml::from_str(text).map_err(|err| {
            let (line, column) = err
                .location()
                .map_or((0, 0), |loc| (loc.line(), loc.column()));
            syntax(line, column, strip_position(&err.to_string()))
        })
    }
}

/// Both parsers append " at line L column C" to their messages; we print the position ourselves.
fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// A path relative to the directory of `base`, as `$ref` between files is written.
pub(crate) fn sibling_path(base: &Path, relative: &str) -> PathBuf {
    base.parent().unwrap_or(Path::new("")).join(relative)
}
