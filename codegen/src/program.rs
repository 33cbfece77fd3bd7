//! The spec's documents → the compiled validation [`Program`] the generated crate carries, with
//! each generated type's node in it.
//!
//! Every document is added under a URI of its path (`json-schema:///specs/api.yaml`), with the
//! dialect its kind says (OpenAPI 3.0 or 3.1, Swagger 2.0 as draft 4, JSON Schema by its
//! `$schema`, else 2020-12); `resolve` does all reference work from there. Each type's entry is
//! its schema's place, so validation checks exactly what the spec says there, whatever Rust
//! shape the type has. What the program cannot compile (a reference to nothing, a keyword of the
//! wrong JSON type) is a spec error at its place.

use std::path::{Path, PathBuf};

use serde_json::Value;
use specgen_runtime::schema::Program;

use crate::error::{Diagnostics, Location};
use crate::ir::TypeSpace;
use crate::load::Document;
use crate::lower::percent_decode;
use crate::resolve::{CompileOptions, Compiler, Dialect, DocumentOptions, DocumentRoot};

/// The scheme of the URIs that local files get: hierarchical, so that relative references
/// between files resolve as paths do, and never a machine's own (`file:`) paths.
const LOCAL: &str = "json-schema:///";

/// Compiles `documents` with an entry for every type of `space`, records each type's node, and
/// returns the program (without its entry names, which hold file paths).
pub(crate) fn compile_program(
    config: &crate::Config,
    documents: Vec<Document>,
    extra: Vec<(String, Value)>,
    space: &mut TypeSpace,
    diagnostics: &mut Diagnostics,
) -> Option<Program> {
    let default = match &config.default_schema {
        Some(uri) => match Dialect::from_schema_uri(uri) {
            Some(dialect) => dialect,
            None => {
                diagnostics.config_error(format!(
                    "`{uri}` is not the `$schema` of a JSON Schema draft this generator knows (draft 4, 6, 7, 2019-09, 2020-12)"
                ));
                return None;
            }
        },
        None => Dialect::Draft2020_12,
    };
    let dialect_of = |root: &Value| dialect_of(root, default);
    let mut compiler = Compiler::new(CompileOptions {
        format_assertion: config.format_assertion,
        optional_null: config.vapi,
        ..CompileOptions::default()
    });
    // Compile errors name a document by its URI; messages name it as the user gave it.
    let mut given = std::collections::HashMap::new();
    for document in &documents {
        let uri = document_uri(&document.path);
        given.insert(remove_dot_segments(&uri), document.path.clone());
        given.insert(uri, document.path.clone());
    }
    for mut document in documents {
        apply_enum_links(&mut document, &space.enum_links);
        if let Err(err) = add_document(&mut compiler, document.root, &document.path, default) {
            diagnostics.error(&Location::new(&document.path, ""), err.message);
        }
    }
    for (uri, root) in extra {
        let (dialect, root_kind) = dialect_of(&root);
        let options = DocumentOptions {
            root: root_kind,
            ..DocumentOptions::new(dialect)
        };
        if let Err(err) = compiler.add_document_with(&uri, root, options) {
            diagnostics.config_error(format!("{uri}: {}", err.message));
        }
    }
    let mut nodes = Vec::new();
    for (id, def) in &space.types {
        let uri = format!(
            "{}#{}",
            document_uri(&def.location.file),
            fragment(&def.location.pointer)
        );
        match compiler.entry(&uri) {
            Ok(node) => nodes.push((*id, node.0)),
            Err(err) => diagnostics.error(&def.location, err.message),
        }
    }
    // Each parameter's schema, which checks its value before a request is built.
    let mut parameter_nodes = Vec::new();
    for (id, op) in &space.operations {
        for (index, parameter) in op.parameters.iter().enumerate() {
            let Some(location) = &parameter.schema_location else {
                continue;
            };
            let uri = format!(
                "{}#{}",
                document_uri(&location.file),
                fragment(&location.pointer)
            );
            match compiler.entry(&uri) {
                Ok(node) => parameter_nodes.push((*id, index, node.0)),
                Err(err) => diagnostics.error(location, err.message),
            }
        }
    }
    let mut program = match compiler.finish() {
        Ok(program) => program,
        Err(errors) => {
            for err in errors {
                // Local files are named as the user named them, not by their internal URIs.
                let mut message = err.message.clone();
                let mut uris: Vec<(&String, &PathBuf)> = given.iter().collect();
                // The longest first, so that no URI's text is replaced inside a longer one.
                uris.sort_by_key(|(uri, _)| std::cmp::Reverse(uri.len()));
                for (uri, path) in uris {
                    message = message.replace(uri.as_str(), &path.to_string_lossy());
                }
                let message = message.replace(LOCAL, "");
                diagnostics.error(&location_of(&err.uri_and_pointer, &given), message);
            }
            return None;
        }
    };
    for (id, node) in nodes {
        if let Some(def) = space.types.get_mut(&id) {
            def.node = Some(node);
            if let crate::ir::TypeKind::Union(union) = &mut def.kind
                && !union.object_or_other
            {
                union.nodes = alternatives(&program, node, union.variants.len());
            }
        }
    }
    for (id, index, node) in parameter_nodes {
        if let Some(parameter) = space
            .operations
            .get_mut(&id)
            .and_then(|op| op.parameters.get_mut(index))
        {
            parameter.node = Some(node);
        }
    }
    program.data.entries.clear();
    Some(program)
}

/// Adds a local document under its URI, with the dialect its kind says.
fn add_document(
    compiler: &mut Compiler,
    root: Value,
    path: &Path,
    json_schema: Dialect,
) -> Result<(), crate::resolve::CompileError> {
    let (dialect, kind) = dialect_of(&root, json_schema);
    let options = DocumentOptions {
        root: kind,
        ..DocumentOptions::new(dialect)
    };
    compiler
        .add_document_with(&document_uri(path), root, options)
        .map(|_| ())
}

/// The compiled schema's own reference resolution, for the references that `lower` cannot
/// match with a named schema by file and pointer alone: an anchor, an `$id`, a base URI that
/// an `$id` sets. Built on the first such reference (plain OpenAPI specs never need it). Also
/// what `lower` needs to know of each file as compiling sees it: its dialect's formats, and
/// whether it has `$id`s below its root.
pub(crate) struct References<'d> {
    documents: &'d [Document],
    json_schema: Dialect,
    /// Per file (normalized path): whether formats assert, whether it has embedded `$id`s,
    /// whether it is an OpenAPI (or Swagger) document.
    files: std::collections::HashMap<PathBuf, (bool, bool, bool)>,
    /// Whether formats assert in a file that is none of the documents (never, in practice).
    formats_assert_otherwise: bool,
    compiler: Option<Compiler>,
}

impl<'d> References<'d> {
    pub(crate) fn new(config: &crate::Config, documents: &'d [Document]) -> References<'d> {
        // An unknown `default_schema` is reported when the program is compiled.
        let json_schema = config
            .default_schema
            .as_deref()
            .and_then(Dialect::from_schema_uri)
            .unwrap_or(Dialect::Draft2020_12);
        let files = documents
            .iter()
            .map(|document| {
                let dialect = match dialect_of(&document.root, json_schema) {
                    // A JSON Schema document says its dialect by `$schema`, as compiling reads it.
                    (dialect, DocumentRoot::Auto) => document
                        .root
                        .get("$schema")
                        .and_then(Value::as_str)
                        .and_then(Dialect::from_schema_uri)
                        .unwrap_or(dialect),
                    (dialect, _) => dialect,
                };
                let formats_assert = config
                    .format_assertion
                    .unwrap_or(dialect.default_format_assertion());
                let embedded_ids = dialect
                    .id_keyword()
                    .is_some_and(|id| has_id_below_root(&document.root, id, true));
                let openapi = !matches!(
                    dialect_of(&document.root, json_schema).1,
                    DocumentRoot::Auto
                );
                (
                    crate::load::normalize(&document.path),
                    (formats_assert, embedded_ids, openapi),
                )
            })
            .collect();
        References {
            documents,
            json_schema,
            files,
            formats_assert_otherwise: config
                .format_assertion
                .unwrap_or(json_schema.default_format_assertion()),
            compiler: None,
        }
    }

    /// Whether `format` is an assertion in the file's schemas, as the compiled schema has it
    /// (by the document's dialect, or `Config::format_assertion`); a typed format check is
    /// written only then. (A custom metaschema's vocabulary can make it one too; the types are
    /// then merely looser than the schema, which `fidelity` sees.)
    pub(crate) fn formats_assert(&self, file: &Path) -> bool {
        self.files
            .get(&crate::load::normalize(file))
            .map_or(self.formats_assert_otherwise, |(formats_assert, _, _)| {
                *formats_assert
            })
    }

    /// Whether the file has an `$id` (or draft 4's `id`) below its root, in a dialect that has
    /// them (OpenAPI 3.0 has none): then a `#/…` pointer may be relative to that resource, and
    /// only `resolve` can say where it points.
    pub(crate) fn has_embedded_ids(&self, file: &Path) -> bool {
        self.files
            .get(&crate::load::normalize(file))
            .is_some_and(|(_, embedded_ids, _)| *embedded_ids)
    }

    /// Whether the file is an OpenAPI or Swagger document (not a JSON Schema one), whose object
    /// keywords without `type` are read as meaning an object.
    pub(crate) fn is_openapi(&self, file: &Path) -> bool {
        self.files
            .get(&crate::load::normalize(file))
            .is_some_and(|(_, _, openapi)| *openapi)
    }

    /// The place `reference`, written in the schema at `at`, points to, if it is a local file's.
    pub(crate) fn target(&mut self, at: &Location, reference: &str) -> Option<Location> {
        let compiler = self.compiler.get_or_insert_with(|| {
            let mut compiler = Compiler::new(CompileOptions::default());
            for document in self.documents {
                // A document that cannot be added is reported by `compile_program`.
                let _ = add_document(
                    &mut compiler,
                    document.root.clone(),
                    &document.path,
                    self.json_schema,
                );
            }
            compiler
        });
        let (uri, pointer) = compiler.target(&document_uri(&at.file), &at.pointer, reference)?;
        let document = self
            .documents
            .iter()
            .find(|document| document_uri(&document.path) == uri)?;
        Some(Location::new(&document.path, pointer))
    }
}

/// Whether an object below the root has the id keyword with a string: any object, examples
/// included, so at worst a reference is resolved the thorough way.
fn has_id_below_root(value: &Value, key: &str, root: bool) -> bool {
    match value {
        Value::Object(object) => {
            (!root && object.get(key).is_some_and(Value::is_string))
                || object
                    .values()
                    .any(|child| has_id_below_root(child, key, false))
        }
        Value::Array(items) => items.iter().any(|item| has_id_below_root(item, key, false)),
        _ => false,
    }
}

/// Adds `allOf: [{$ref: <enum>}]` to each string property of `document` that vSphere links to an
/// enum, so that validation checks the enum's values as the property's type does.
fn apply_enum_links(document: &mut Document, links: &[(Location, Location)]) {
    for (property, target) in links {
        if crate::load::normalize(&property.file) != crate::load::normalize(&document.path) {
            continue;
        }
        let Some(Value::Object(object)) = document.root.pointer_mut(&property.pointer) else {
            continue;
        };
        let reference =
            if crate::load::normalize(&target.file) == crate::load::normalize(&property.file) {
                format!("#{}", fragment(&target.pointer))
            } else {
                format!(
                    "{}#{}",
                    document_uri(&target.file),
                    fragment(&target.pointer)
                )
            };
        let link = serde_json::json!({ "$ref": reference });
        match object.get_mut("allOf") {
            Some(Value::Array(members)) => members.push(link),
            _ => {
                object.insert("allOf".to_owned(), Value::Array(vec![link]));
            }
        }
    }
}

/// The nodes of a union's alternatives: its `oneOf` or `anyOf`, when it has as many as the
/// union has variants (a `null` alternative makes the union nullable instead, and then the
/// alternatives are not matched up).
fn alternatives(program: &Program, node: u32, count: usize) -> Vec<u32> {
    use specgen_runtime::schema::program::AnyKw;
    let mut id = node;
    for _ in 0..16 {
        let n = &program.data.nodes[id as usize];
        for keyword in &n.any {
            if let AnyKw::OneOf(list) | AnyKw::AnyOf(list) = keyword
                && list.len() == count
            {
                return list.iter().map(|node| node.0).collect();
            }
        }
        match n.any.as_slice() {
            [AnyKw::Ref(to)] => id = to.0,
            [AnyKw::AllOf(members)] if members.len() == 1 => id = members[0].0,
            _ => break,
        }
    }
    Vec::new()
}

/// The URI of a local file: `specs/api.yaml` is `json-schema:///specs/api.yaml`.
pub(crate) fn document_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut uri = String::from(LOCAL);
    for segment in text.trim_start_matches('/').split('/') {
        if !uri.ends_with('/') {
            uri.push('/');
        }
        percent_encode(segment, &mut uri, |c| c == b'/');
    }
    uri
}

/// A local document's URI with its `.` and `..` segments resolved, as RFC 3986 resolution
/// leaves it (a `..` above the root is dropped).
fn remove_dot_segments(uri: &str) -> String {
    let Some(path) = uri.strip_prefix(LOCAL) else {
        return uri.to_owned();
    };
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    format!("{LOCAL}{}", segments.join("/"))
}

/// A JSON Pointer as a URI fragment.
fn fragment(pointer: &str) -> String {
    let mut out = String::new();
    percent_encode(pointer, &mut out, |c| c == b'/');
    out
}

fn percent_encode(text: &str, out: &mut String, keep: impl Fn(u8) -> bool) {
    for &byte in text.as_bytes() {
        let plain =
            byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&byte) || keep(byte);
        if plain {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
}

/// A compile error's place: a local file (as the user gave it, where it is one of `given`) and
/// a JSON Pointer.
fn location_of(
    uri_and_pointer: &str,
    given: &std::collections::HashMap<String, PathBuf>,
) -> Location {
    let (uri, pointer) = uri_and_pointer
        .split_once('#')
        .unwrap_or((uri_and_pointer, ""));
    if let Some(path) = given
        .get(uri)
        .or_else(|| given.get(&remove_dot_segments(uri)))
    {
        return Location::new(path.clone(), percent_decode(pointer));
    }
    match uri.strip_prefix(LOCAL) {
        Some(path) => Location::new(PathBuf::from(percent_decode(path)), percent_decode(pointer)),
        None => Location::new(PathBuf::from(uri), percent_decode(pointer)),
    }
}

/// The dialect of a document's schemas, by what kind of document it is, and where they are.
fn dialect_of(root: &Value, json_schema: Dialect) -> (Dialect, DocumentRoot) {
    if let Some(version) = root.get("openapi").and_then(Value::as_str) {
        let dialect = if version.starts_with("3.0") {
            Dialect::OpenApi30
        } else {
            Dialect::OpenApi31
        };
        return (dialect, DocumentRoot::Container);
    }
    if root.get("swagger").is_some() {
        // Swagger 2.0's schema objects are a subset of draft 4.
        return (Dialect::Draft4, DocumentRoot::Container);
    }
    (json_schema, DocumentRoot::Auto)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_uris_and_fragments_are_percent_encoded_and_come_back() {
        assert_eq!(
            document_uri(Path::new("specs/my api.yaml")),
            "json-schema:///specs/my%20api.yaml"
        );
        assert_eq!(
            fragment("/components/schemas/A B/x~1y"),
            "/components/schemas/A%20B/x~1y"
        );
        let none = std::collections::HashMap::new();
        let back = location_of(
            "json-schema:///specs/my%20api.yaml#/components/schemas/A%20B",
            &none,
        );
        assert_eq!(back.file, PathBuf::from("specs/my api.yaml"));
        assert_eq!(back.pointer, "/components/schemas/A B");
    }

    /// An absolute path keeps its leading `/`, and `../` its dots: places are named as given.
    #[test]
    fn documents_are_named_as_the_user_gave_them() {
        let mut given = std::collections::HashMap::new();
        for path in ["/tmp/api/bad.yaml", "../x/spec.yaml"] {
            let uri = document_uri(Path::new(path));
            given.insert(remove_dot_segments(&uri), PathBuf::from(path));
            given.insert(uri, PathBuf::from(path));
        }
        let absolute = location_of("json-schema:///tmp/api/bad.yaml#/components", &given);
        assert_eq!(absolute.to_string(), "/tmp/api/bad.yaml#/components");
        let parent = location_of("json-schema:///x/spec.yaml#/a", &given);
        assert_eq!(parent.to_string(), "../x/spec.yaml#/a");
    }
}
