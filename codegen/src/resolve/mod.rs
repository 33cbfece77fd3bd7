//! References and the compiled validation program: documents with their
//! base URIs → [`Program`].
//!
//! ```text
//! use crate::resolve::{CompileOptions, Compiler, Dialect};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let api = serde_json::json!({"openapi": "3.0.3", "components": {"schemas": {
//!     "Host": {"type": "object", "required": ["port"],
//!              "properties": {"port": {"type": "integer", "minimum": 1}}}}}});
//! let mut c = Compiler::new(CompileOptions::default());
//! c.add_document("json-schema:///specs/api.yaml", api, Dialect::OpenApi30)?;
//! let host = c.entry("json-schema:///specs/api.yaml#/components/schemas/Host")?;
//! // Err(Vec<CompileError>) lists every problem at once.
//! let program = c.finish().map_err(|errors| errors[0].clone())?;
//! let text = program.to_json(); // embedded in generated code
//! let runtime = specgen_runtime::schema::Program::from_json(&text)?;
//! assert!(!runtime.is_valid(host, &serde_json::json!({"port": 0})));
//! # Ok(())
//! # }
//! ```
//!
//! All URI work happens here: `$id` / `id` base changes, `$anchor`,
//! `$dynamicAnchor`, `$recursiveAnchor`, JSON Pointer fragments (also into
//! non-schema locations), `urn:` URIs, and `$schema` dialect switches
//! (including custom metaschemas with `$vocabulary`). The caller supplies
//! every document up front; nothing is fetched.

mod build;
mod index;
mod uri;

use serde_json::Value;
use specgen_runtime::schema::program::{Node, NodeId};
use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::rc::Rc;

/// The schema language of a document (or of a resource, via `$schema`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    Draft4,
    Draft6,
    Draft7,
    Draft2019_09,
    Draft2020_12,
    /// OpenAPI 3.0 schema objects: draft-4 style (boolean
    /// `exclusiveMinimum`/`exclusiveMaximum`, `$ref` siblings ignored) plus
    /// `nullable`.
    OpenApi30,
    /// OpenAPI 3.1 schema objects: JSON Schema 2020-12.
    OpenApi31,
}

impl Dialect {
    /// The dialect a standard `$schema` URI names.
    pub fn from_schema_uri(uri: &str) -> Option<Dialect> {
        let u = uri.trim_end_matches('#');
        let u = u
            .strip_prefix("https://")
            .or_else(|| u.strip_prefix("http://"))?;
        Some(match u {
            "json-schema.org/draft-04/schema" => Dialect::Draft4,
            "json-schema.org/draft-06/schema" => Dialect::Draft6,
            "json-schema.org/draft-07/schema" => Dialect::Draft7,
            "json-schema.org/draft/2019-09/schema" => Dialect::Draft2019_09,
            "json-schema.org/draft/2020-12/schema" => Dialect::Draft2020_12,
            "spec.openapis.org/oas/3.1/dialect/base" => Dialect::OpenApi31,
            _ => return None,
        })
    }

    /// Ordinal of the JSON Schema draft the dialect follows (4, 6, 7, 2019, 2020).
    pub(crate) fn level(self) -> u32 {
        match self {
            Dialect::Draft4 | Dialect::OpenApi30 => 4,
            Dialect::Draft6 => 6,
            Dialect::Draft7 => 7,
            Dialect::Draft2019_09 => 2019,
            Dialect::Draft2020_12 | Dialect::OpenApi31 => 2020,
        }
    }

    /// In drafts 4 to 7 (and OpenAPI 3.0) `$ref` hides its siblings.
    pub(crate) fn ref_overrides(self) -> bool {
        self.level() <= 7
    }

    /// The keyword that sets a base URI.
    pub(crate) fn id_keyword(self) -> Option<&'static str> {
        match self {
            Dialect::Draft4 => Some("id"),
            Dialect::OpenApi30 => None,
            _ => Some("$id"),
        }
    }

    /// Whether `format` asserts in this dialect unless a document or option says otherwise:
    /// drafts 4 to 7 and OpenAPI 3.0 yes, 2019-09, 2020-12 and OpenAPI 3.1 no.
    pub(crate) fn default_format_assertion(self) -> bool {
        self.level() <= 7
    }
}

/// Where the schemas of a document are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocumentRoot {
    /// A schema when the dialect is JSON Schema; a container when it is
    /// OpenAPI and the root has an `openapi` or `swagger` member.
    #[default]
    Auto,
    /// The root is a schema (a bare-fragment file such as `Item: {...}` is
    /// fine too: refs to `#/Item` work either way).
    Schema,
    /// The root is not a schema (an OpenAPI document): identifiers are
    /// looked for under members named `schema`, `schemas` and `definitions`.
    Container,
}

/// Options of one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocumentOptions {
    /// Dialect of resources without a (known) `$schema`.
    pub dialect: Dialect,
    /// `Some(true)`: known formats are assertions; `Some(false)`: annotations;
    /// `None`: the program option, else the dialect's default (assertion for
    /// draft 4/6/7 and OpenAPI 3.0, annotation for 2019-09, 2020-12 and
    /// OpenAPI 3.1 unless the metaschema declares the format-assertion
    /// vocabulary).
    pub format_assertion: Option<bool>,
    pub root: DocumentRoot,
}

impl DocumentOptions {
    pub fn new(dialect: Dialect) -> DocumentOptions {
        DocumentOptions {
            dialect,
            format_assertion: None,
            root: DocumentRoot::Auto,
        }
    }
}

/// Options of a whole compilation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompileOptions {
    /// Default for documents whose own `format_assertion` is `None`.
    pub format_assertion: Option<bool>,
    /// Resolve refs to the standard metaschemas (draft-04, -06, -07,
    /// 2019-09, 2020-12 and their vocabularies) from copies built into the
    /// crate, when no document with that URI was added.
    pub builtin_metaschemas: bool,
    /// vAPI's conventions: a property that its object schema does not list in `required` may
    /// also be `null`, which means absent.
    pub optional_null: bool,
}

impl Default for CompileOptions {
    fn default() -> CompileOptions {
        CompileOptions {
            format_assertion: None,
            builtin_metaschemas: true,
            optional_null: false,
        }
    }
}

/// One compilation problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// Where: the document URI and the JSON Pointer of the offending
    /// keyword, e.g. `json-schema:///specs/api.yaml#/components/schemas/P/minimum`.
    pub uri_and_pointer: String,
    pub message: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.uri_and_pointer, self.message)
    }
}

impl std::error::Error for CompileError {}

// Vocabulary bits (2019-09 and 2020-12 `$vocabulary`).
pub(crate) const V_CORE: u16 = 1;
pub(crate) const V_APPLICATOR: u16 = 2;
pub(crate) const V_UNEVALUATED: u16 = 4;
pub(crate) const V_VALIDATION: u16 = 8;
pub(crate) const V_FORMAT_ANNOTATION: u16 = 16;
pub(crate) const V_FORMAT_ASSERTION: u16 = 32;
pub(crate) const V_CONTENT: u16 = 64;
pub(crate) const V_META: u16 = 128;
pub(crate) const V_DEFAULT: u16 =
    V_CORE | V_APPLICATOR | V_UNEVALUATED | V_VALIDATION | V_FORMAT_ANNOTATION | V_CONTENT | V_META;

pub(crate) struct Doc {
    pub uri: String,
    pub value: Rc<Value>,
    pub opts: DocumentOptions,
    pub indexed: bool,
}

/// A schema resource: a document root or a subschema with an `$id`.
pub(crate) struct Res {
    /// Canonical base URI (absolute, normalized, no fragment).
    pub uri: String,
    pub doc: u32,
    /// Pointer of the resource root inside its document.
    pub ptr: String,
    pub dialect: Dialect,
    pub vocab: u16,
    pub format_assertion: bool,
    /// Plain-name fragments (`$anchor`, `$dynamicAnchor`, draft-4..7 `$id: "#x"`).
    pub anchors: HashMap<String, String>,
    /// `$dynamicAnchor`s: (name, pointer).
    pub dyn_anchors: Vec<(String, String)>,
    /// 2019-09 `$recursiveAnchor: true` at the resource root.
    pub recursive: bool,
    /// Index in the program's resource table, once a node of it is compiled.
    pub prog_res: Option<u32>,
}

/// Collects documents, resolves entries, and compiles the reachable nodes.
pub struct Compiler {
    pub(crate) opts: CompileOptions,
    pub(crate) docs: Vec<Doc>,
    /// Absolute URI → resource.
    pub(crate) uris: HashMap<String, u32>,
    pub(crate) res: Vec<Res>,
    /// Schema location (document, pointer) → resource it belongs to.
    pub(crate) locs: HashMap<(u32, String), u32>,
    pub(crate) nodes: Vec<Node>,
    pub(crate) node_loc: Vec<(u32, String)>,
    pub(crate) node_of: HashMap<(u32, String), NodeId>,
    pub(crate) queue: VecDeque<NodeId>,
    pub(crate) errors: Vec<CompileError>,
    pub(crate) patterns: Vec<String>,
    pub(crate) regexes: Vec<regress::Regex>,
    pub(crate) pattern_of: HashMap<String, u32>,
    pub(crate) names: Vec<String>,
    pub(crate) resources: Vec<specgen_runtime::schema::program::Resource>,
    pub(crate) entries: Vec<(String, NodeId)>,
    pub(crate) true_node: Option<NodeId>,
    pub(crate) false_node: Option<NodeId>,
}

impl Compiler {
    pub fn new(options: CompileOptions) -> Compiler {
        Compiler {
            opts: options,
            docs: Vec::new(),
            uris: HashMap::new(),
            res: Vec::new(),
            locs: HashMap::new(),
            nodes: Vec::new(),
            node_loc: Vec::new(),
            node_of: HashMap::new(),
            queue: VecDeque::new(),
            errors: Vec::new(),
            patterns: Vec::new(),
            regexes: Vec::new(),
            pattern_of: HashMap::new(),
            names: Vec::new(),
            resources: Vec::new(),
            entries: Vec::new(),
            true_node: None,
            false_node: None,
        }
    }

    #[cfg(test)]
    /// Add a document under an absolute base URI (its own root `$id`, if
    /// any, becomes a second name for it).
    pub fn add_document(
        &mut self,
        base_uri: &str,
        value: Value,
        default_dialect: Dialect,
    ) -> Result<&mut Compiler, CompileError> {
        self.add_document_with(base_uri, value, DocumentOptions::new(default_dialect))
    }

    /// [`Compiler::add_document`] with every document option.
    pub fn add_document_with(
        &mut self,
        base_uri: &str,
        value: Value,
        options: DocumentOptions,
    ) -> Result<&mut Compiler, CompileError> {
        let fail = |message: String| CompileError {
            uri_and_pointer: base_uri.to_string(),
            message,
        };
        let (without_fragment, fragment) = uri::split_fragment(base_uri);
        if fragment.is_some_and(|f| !f.is_empty()) {
            return Err(fail("a document URI must not have a fragment".into()));
        }
        let uri = uri::normalize_absolute(without_fragment).map_err(fail)?;
        if self.docs.iter().any(|d| d.uri == uri) {
            return Err(fail(format!(
                "a document with the URI `{uri}` was already added"
            )));
        }
        self.docs.push(Doc {
            uri,
            value: Rc::new(value),
            opts: options,
            indexed: false,
        });
        Ok(self)
    }

    /// The node for a URI with optional fragment (a JSON Pointer or an
    /// anchor), e.g. `json-schema:///specs/api.yaml#/components/schemas/Host`.
    /// Compiles nothing yet; [`Compiler::finish`] does.
    pub fn entry(&mut self, uri_with_fragment: &str) -> Result<NodeId, CompileError> {
        self.index_pending();
        let (u, frag) = uri::split_fragment(uri_with_fragment);
        let fail = |message: String| CompileError {
            uri_and_pointer: uri_with_fragment.to_string(),
            message,
        };
        let abs = uri::normalize_absolute(u).map_err(fail)?;
        let (doc, ptr, _) = self.locate(&abs, frag).map_err(fail)?;
        let id = self.node_for(doc, ptr);
        self.entries.push((uri_with_fragment.to_string(), id));
        Ok(id)
    }

    /// Where `reference`, written in the schema at `pointer` of the document `document_uri`,
    /// points, as the compiled schema resolves it (against the base URI that `$id`s set there,
    /// to an anchor, an `$id`, a JSON Pointer): the target's document URI and pointer. `None`
    /// when it points to nothing; compiling reports that.
    pub(crate) fn target(
        &mut self,
        document_uri: &str,
        pointer: &str,
        reference: &str,
    ) -> Option<(String, String)> {
        self.index_pending();
        let uri = uri::normalize_absolute(document_uri).ok()?;
        let doc = self.docs.iter().position(|d| d.uri == uri)?;
        let resource = self.ensure_indexed(u32::try_from(doc).ok()?, pointer);
        let base = self.res[resource as usize].uri.clone();
        let (relative, fragment) = uri::split_fragment(reference);
        let absolute = uri::resolve(&base, relative).ok()?;
        let (doc, pointer, _) = self.locate(&absolute, fragment).ok()?;
        Some((self.docs[doc as usize].uri.clone(), pointer))
    }

    /// Compile every node reachable from the entries. Returns every problem
    /// found, not just the first.
    pub fn finish(mut self) -> Result<specgen_runtime::schema::Program, Vec<CompileError>> {
        self.index_pending();
        self.drain();
        self.check_cycles();
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        Ok(self.into_program())
    }

    pub(crate) fn error_at(&mut self, doc: u32, ptr: &str, message: String) {
        let uri = &self.docs[doc as usize].uri;
        self.errors.push(CompileError {
            uri_and_pointer: format!("{uri}#{ptr}"),
            message,
        });
    }
}

/// A keyword of a schema object. Most schemas have a handful of keys, and comparing them is
/// several times cheaper than hashing the name as the map's `get` does (serde_json's ordered map
/// hashes with SipHash): compiling asks each object for some forty keywords.
#[inline]
fn keyword<'a>(object: &'a serde_json::Map<String, Value>, name: &str) -> Option<&'a Value> {
    if object.len() <= 8 {
        object
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
    } else {
        object.get(name)
    }
}

#[cfg(test)]
mod keyword_tests;
#[cfg(test)]
mod suite_tests;
