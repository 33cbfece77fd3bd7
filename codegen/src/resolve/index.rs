//! Indexing: walks each document's schema locations (only real schema
//! positions, so an `$id` inside `enum`, `const` or an unknown keyword is no
//! identifier), creates a resource per `$id`, records anchors and dynamic
//! anchors, picks each resource's dialect from `$schema` (custom
//! metaschemas' `$vocabulary` included), and resolves URIs with fragments
//! to document locations.

use super::uri::{
    normalize_absolute, parent_pointer, percent_decode, push_token, resolve, valid_pointer,
};
use super::*;
use serde_json::{Map, Value};

/// How a keyword holds sub-schemas.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    One,
    Many,
    Map,
    /// `items`: a schema or an array of schemas.
    OneOrMany,
    /// `dependencies`: a map whose values are schemas or arrays of names.
    Deps,
}

/// Keywords with sub-schemas: (name, shape, first draft, last draft).
const APPLICATORS: &[(&str, Shape, u32, u32)] = &[
    ("not", Shape::One, 4, 2020),
    ("additionalProperties", Shape::One, 4, 2020),
    ("properties", Shape::Map, 4, 2020),
    ("patternProperties", Shape::Map, 4, 2020),
    ("items", Shape::OneOrMany, 4, 2020),
    ("additionalItems", Shape::One, 4, 2019),
    ("allOf", Shape::Many, 4, 2020),
    ("anyOf", Shape::Many, 4, 2020),
    ("oneOf", Shape::Many, 4, 2020),
    ("definitions", Shape::Map, 4, 2020),
    ("dependencies", Shape::Deps, 4, 2020),
    ("contains", Shape::One, 6, 2020),
    ("propertyNames", Shape::One, 6, 2020),
    ("if", Shape::One, 7, 2020),
    ("then", Shape::One, 7, 2020),
    ("else", Shape::One, 7, 2020),
    ("$defs", Shape::Map, 2019, 2020),
    ("dependentSchemas", Shape::Map, 2019, 2020),
    ("unevaluatedProperties", Shape::One, 2019, 2020),
    ("unevaluatedItems", Shape::One, 2019, 2020),
    ("contentSchema", Shape::One, 2019, 2020),
    ("prefixItems", Shape::Many, 2020, 2020),
];

/// Built-in copies of the standard metaschemas: (URI, text).
const BUILTIN: &[(&str, &str)] = &[
    (
        "http://json-schema.org/draft-04/schema",
        include_str!("../../metaschemas/draft-04/schema.json"),
    ),
    (
        "http://json-schema.org/draft-06/schema",
        include_str!("../../metaschemas/draft-06/schema.json"),
    ),
    (
        "http://json-schema.org/draft-07/schema",
        include_str!("../../metaschemas/draft-07/schema.json"),
    ),
    (
        "https://json-schema.org/draft/2019-09/schema",
        include_str!("../../metaschemas/draft2019-09/schema.json"),
    ),
    (
        "https://json-schema.org/draft/2019-09/meta/core",
        include_str!("../../metaschemas/draft2019-09/meta/core.json"),
    ),
    (
        "https://json-schema.org/draft/2019-09/meta/applicator",
        include_str!("../../metaschemas/draft2019-09/meta/applicator.json"),
    ),
    (
        "https://json-schema.org/draft/2019-09/meta/validation",
        include_str!("../../metaschemas/draft2019-09/meta/validation.json"),
    ),
    (
        "https://json-schema.org/draft/2019-09/meta/meta-data",
        include_str!("../../metaschemas/draft2019-09/meta/meta-data.json"),
    ),
    (
        "https://json-schema.org/draft/2019-09/meta/format",
        include_str!("../../metaschemas/draft2019-09/meta/format.json"),
    ),
    (
        "https://json-schema.org/draft/2019-09/meta/content",
        include_str!("../../metaschemas/draft2019-09/meta/content.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/schema",
        include_str!("../../metaschemas/draft2020-12/schema.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/core",
        include_str!("../../metaschemas/draft2020-12/meta/core.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/applicator",
        include_str!("../../metaschemas/draft2020-12/meta/applicator.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/unevaluated",
        include_str!("../../metaschemas/draft2020-12/meta/unevaluated.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/validation",
        include_str!("../../metaschemas/draft2020-12/meta/validation.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/meta-data",
        include_str!("../../metaschemas/draft2020-12/meta/meta-data.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/format-annotation",
        include_str!("../../metaschemas/draft2020-12/meta/format-annotation.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/format-assertion",
        include_str!("../../metaschemas/draft2020-12/meta/format-assertion.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/content",
        include_str!("../../metaschemas/draft2020-12/meta/content.json"),
    ),
];

/// The vocabulary bit of a `$vocabulary` URI, if known.
fn vocabulary(uri: &str) -> Option<u16> {
    let rest = uri
        .strip_prefix("https://json-schema.org/draft/2020-12/vocab/")
        .map(|r| (r, 2020))
        .or_else(|| {
            uri.strip_prefix("https://json-schema.org/draft/2019-09/vocab/")
                .map(|r| (r, 2019))
        })?;
    Some(match rest {
        ("core", _) => V_CORE,
        // 2019-09's applicator vocabulary also holds the unevaluated keywords.
        ("applicator", 2019) => V_APPLICATOR | V_UNEVALUATED,
        ("applicator", _) => V_APPLICATOR,
        ("unevaluated", _) => V_UNEVALUATED,
        ("validation", _) => V_VALIDATION,
        ("meta-data", _) => V_META,
        ("format-annotation", _) | ("format", 2019) => V_FORMAT_ANNOTATION,
        ("format-assertion", _) => V_FORMAT_ASSERTION,
        ("content", _) => V_CONTENT,
        _ => return None,
    })
}

pub(crate) fn applicators(d: Dialect) -> impl Iterator<Item = (&'static str, Shape)> {
    let level = d.level();
    APPLICATORS
        .iter()
        .filter(move |(_, _, lo, hi)| *lo <= level && level <= *hi)
        .map(|(k, s, _, _)| (*k, *s))
}

impl Compiler {
    /// Index every document added since the last call.
    pub(crate) fn index_pending(&mut self) {
        for d in 0..self.docs.len() {
            if !self.docs[d].indexed {
                self.docs[d].indexed = true;
                self.index_doc(d as u32);
            }
        }
    }

    fn format_assertion(&self, doc: u32, dialect: Dialect, vocab: u16) -> bool {
        self.docs[doc as usize]
            .opts
            .format_assertion
            .or(self.opts.format_assertion)
            .unwrap_or(dialect.default_format_assertion() || vocab & V_FORMAT_ASSERTION != 0)
    }

    fn new_res(&mut self, uri: String, doc: u32, ptr: &str, dialect: Dialect, vocab: u16) -> u32 {
        let id = self.res.len() as u32;
        let format_assertion = self.format_assertion(doc, dialect, vocab);
        self.res.push(Res {
            uri: uri.clone(),
            doc,
            ptr: ptr.to_string(),
            dialect,
            vocab,
            format_assertion,
            anchors: HashMap::new(),
            dyn_anchors: Vec::new(),
            recursive: false,
            prog_res: None,
        });
        self.uris.entry(uri).or_insert(id);
        id
    }

    fn index_doc(&mut self, d: u32) {
        let doc = &self.docs[d as usize];
        let (uri, value, opts) = (doc.uri.clone(), doc.value.clone(), doc.opts);
        let container = match opts.root {
            DocumentRoot::Container => true,
            DocumentRoot::Schema => false,
            DocumentRoot::Auto => {
                matches!(opts.dialect, Dialect::OpenApi30 | Dialect::OpenApi31)
                    && (value.get("openapi").is_some() || value.get("swagger").is_some())
            }
        };
        let root = self.new_res(uri, d, "", opts.dialect, V_DEFAULT);
        let mut ptr = String::new();
        if container {
            self.locs.insert((d, String::new()), root);
            self.walk_container(d, &mut ptr, &value, root);
        } else {
            self.walk(d, &mut ptr, &value, root, true);
        }
    }

    fn walk_container(&mut self, d: u32, ptr: &mut String, v: &Value, res: u32) {
        match v {
            Value::Object(o) => {
                for (k, x) in o {
                    let len = ptr.len();
                    push_token(ptr, k);
                    match (k.as_str(), x) {
                        ("schema", _) => self.walk(d, ptr, x, res, false),
                        ("schemas" | "definitions", Value::Object(m)) => {
                            for (name, s) in m {
                                let l2 = ptr.len();
                                push_token(ptr, name);
                                self.walk(d, ptr, s, res, false);
                                ptr.truncate(l2);
                            }
                        }
                        _ => self.walk_container(d, ptr, x, res),
                    }
                    ptr.truncate(len);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    let len = ptr.len();
                    push_token(ptr, &i.to_string());
                    self.walk_container(d, ptr, x, res);
                    ptr.truncate(len);
                }
            }
            _ => {}
        }
    }

    /// The dialect and vocabularies named by a `$schema` value: a standard
    /// URI, or the URI of a document (a custom metaschema) whose own
    /// `$schema` and `$vocabulary` decide. `Ok(None)` when unknown.
    fn schema_dialect(&mut self, uri: &str, depth: u32) -> Result<Option<(Dialect, u16)>, String> {
        if let Some(d) = Dialect::from_schema_uri(uri) {
            return Ok(Some((d, V_DEFAULT)));
        }
        if depth > 8 {
            return Ok(None);
        }
        let Ok(abs) = normalize_absolute(super::uri::split_fragment(uri).0) else {
            return Ok(None);
        };
        let Some(doc) = self.find_root_doc(&abs) else {
            return Ok(None);
        };
        let value = self.docs[doc as usize].value.clone();
        let dialect = match value.get("$schema").and_then(Value::as_str) {
            Some(meta) if meta != uri => self.schema_dialect(meta, depth + 1)?.map(|(d, _)| d),
            _ => None,
        }
        .unwrap_or(self.docs[doc as usize].opts.dialect);
        let mut vocab = V_DEFAULT;
        if let Some(Value::Object(vs)) = value.get("$vocabulary") {
            vocab = 0;
            for (name, required) in vs {
                match vocabulary(name) {
                    Some(bit) => vocab |= bit,
                    None if required == &Value::Bool(true) => {
                        return Err(format!(
                            "the metaschema `{uri}` requires the unknown vocabulary `{name}`"
                        ));
                    }
                    None => {}
                }
            }
        }
        Ok(Some((dialect, vocab)))
    }

    /// The document whose root has URI `abs` (its base URI or root `$id`).
    fn find_root_doc(&self, abs: &str) -> Option<u32> {
        if let Some(&r) = self.uris.get(abs) {
            let res = &self.res[r as usize];
            if res.ptr.is_empty() {
                return Some(res.doc);
            }
        }
        self.docs
            .iter()
            .position(|d| {
                d.uri == abs
                    || ["$id", "id"].iter().any(|k| {
                        d.value
                            .get(*k)
                            .and_then(Value::as_str)
                            .and_then(|id| resolve(&d.uri, super::uri::split_fragment(id).0).ok())
                            .is_some_and(|u| u == abs)
                    })
            })
            .map(|i| i as u32)
    }

    /// Index one schema location and its sub-schemas.
    pub(crate) fn walk(
        &mut self,
        d: u32,
        ptr: &mut String,
        v: &Value,
        mut res: u32,
        doc_root: bool,
    ) {
        let Value::Object(o) = v else {
            self.locs.entry((d, ptr.clone())).or_insert(res);
            return;
        };
        let parent = &self.res[res as usize];
        let (mut dialect, mut vocab) = (parent.dialect, parent.vocab);
        // `$schema` counts at a resource root: the document root or beside an id.
        let declared = match keyword(o, "$schema").and_then(Value::as_str) {
            Some(s) => match self.schema_dialect(s, 0) {
                Ok(x) => x,
                Err(e) => {
                    self.error_at(d, &format!("{ptr}/$schema"), e);
                    None
                }
            },
            None => None,
        };
        let candidate = declared.map_or(dialect, |(d, _)| d);
        let id = candidate
            .id_keyword()
            .and_then(|k| keyword(o, k))
            .and_then(Value::as_str)
            .filter(|_| !(candidate.ref_overrides() && o.contains_key("$ref")));
        if id.is_some() || doc_root {
            if let Some((dd, vv)) = declared {
                dialect = dd;
                vocab = vv;
            }
        }
        if let Some(id) = id {
            let (base_part, frag) = super::uri::split_fragment(id);
            let base_uri = self.res[res as usize].uri.clone();
            match resolve(&base_uri, base_part) {
                Ok(abs) => {
                    if doc_root {
                        // The root keeps its resource: the id is a second name.
                        let r = &mut self.res[res as usize];
                        r.uri = abs.clone();
                        self.uris.entry(abs).or_insert(res);
                    } else if !base_part.is_empty() {
                        res = self.new_res(abs, d, ptr, dialect, vocab);
                    }
                    if let Some(f) = frag.filter(|f| !f.is_empty()) {
                        self.res[res as usize]
                            .anchors
                            .entry(percent_decode(f))
                            .or_insert_with(|| ptr.clone());
                    }
                }
                Err(e) => self.error_at(
                    d,
                    &format!("{ptr}/{}", candidate.id_keyword().unwrap_or("$id")),
                    e,
                ),
            }
        }
        if doc_root {
            let fa = self.format_assertion(d, dialect, vocab);
            let r = &mut self.res[res as usize];
            r.dialect = dialect;
            r.vocab = vocab;
            r.format_assertion = fa;
        }
        self.locs.entry((d, ptr.clone())).or_insert(res);
        let level = dialect.level();
        if level >= 2019 {
            if let Some(a) = keyword(o, "$anchor").and_then(Value::as_str) {
                self.res[res as usize]
                    .anchors
                    .entry(a.to_string())
                    .or_insert_with(|| ptr.clone());
            }
            if keyword(o, "$recursiveAnchor") == Some(&Value::Bool(true)) && level == 2019 {
                let r = &mut self.res[res as usize];
                if r.ptr == *ptr {
                    r.recursive = true;
                }
            }
        }
        if level >= 2020 {
            if let Some(a) = keyword(o, "$dynamicAnchor").and_then(Value::as_str) {
                let r = &mut self.res[res as usize];
                r.anchors
                    .entry(a.to_string())
                    .or_insert_with(|| ptr.clone());
                if !r.dyn_anchors.iter().any(|(n, _)| n == a) {
                    r.dyn_anchors.push((a.to_string(), ptr.clone()));
                }
            }
        }
        for (kw, shape) in applicators(dialect) {
            if let Some(x) = keyword(o, kw) {
                let len = ptr.len();
                push_token(ptr, kw);
                self.walk_shape(d, ptr, x, shape, res);
                ptr.truncate(len);
            }
        }
    }

    fn walk_shape(&mut self, d: u32, ptr: &mut String, x: &Value, shape: Shape, res: u32) {
        let each_array = |me: &mut Compiler, ptr: &mut String, a: &[Value]| {
            for (i, s) in a.iter().enumerate() {
                let len = ptr.len();
                push_token(ptr, &i.to_string());
                me.walk(d, ptr, s, res, false);
                ptr.truncate(len);
            }
        };
        let each_member =
            |me: &mut Compiler, ptr: &mut String, m: &Map<String, Value>, deps: bool| {
                for (k, s) in m {
                    if deps && s.is_array() {
                        continue;
                    }
                    let len = ptr.len();
                    push_token(ptr, k);
                    me.walk(d, ptr, s, res, false);
                    ptr.truncate(len);
                }
            };
        match (shape, x) {
            (Shape::One, _) => self.walk(d, ptr, x, res, false),
            (Shape::OneOrMany, Value::Array(a)) | (Shape::Many, Value::Array(a)) => {
                each_array(self, ptr, a)
            }
            (Shape::OneOrMany, _) => self.walk(d, ptr, x, res, false),
            (Shape::Map, Value::Object(m)) => each_member(self, ptr, m, false),
            (Shape::Deps, Value::Object(m)) => each_member(self, ptr, m, true),
            _ => {}
        }
    }

    /// Load a built-in metaschema for `abs`, if there is one.
    fn load_builtin(&mut self, abs: &str) -> bool {
        if !self.opts.builtin_metaschemas {
            return false;
        }
        let Some((uri, text)) = BUILTIN
            .iter()
            .find(|(u, _)| normalize_absolute(u).is_ok_and(|n| n == abs))
        else {
            return false;
        };
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            return false;
        };
        let dialect = value
            .get("$schema")
            .and_then(Value::as_str)
            .and_then(Dialect::from_schema_uri)
            .unwrap_or(Dialect::Draft2020_12);
        let mut opts = DocumentOptions::new(dialect);
        opts.root = DocumentRoot::Schema;
        if self.add_document_with(uri, value, opts).is_err() {
            return false;
        }
        self.index_pending();
        self.uris.contains_key(abs)
    }

    /// Resolve an absolute URI (no fragment) plus optional fragment to a
    /// document location: (document, pointer, resource named by the URI).
    pub(crate) fn locate(
        &mut self,
        abs: &str,
        frag: Option<&str>,
    ) -> Result<(u32, String, u32), String> {
        let found = self.uris.get(abs).copied();
        let r = match found {
            Some(r) => r,
            None if self.load_builtin(abs) => self.uris[abs],
            None => return Err(format!("no document has the URI `{abs}`")),
        };
        let (doc, root) = (self.res[r as usize].doc, self.res[r as usize].ptr.clone());
        let frag = frag.map(percent_decode).unwrap_or_default();
        if frag.is_empty() {
            return Ok((doc, root, r));
        }
        if frag.starts_with('/') {
            if !valid_pointer(&frag) {
                return Err(format!("`#{frag}` is not a valid JSON Pointer"));
            }
            let full = format!("{root}{frag}");
            if self.docs[doc as usize].value.pointer(&full).is_none() {
                return Err(format!("`#{frag}` points to nothing in `{abs}`"));
            }
            return Ok((doc, full, r));
        }
        match self.res[r as usize].anchors.get(&frag) {
            Some(p) => Ok((doc, p.clone(), r)),
            None => Err(format!("no anchor `{frag}` in `{abs}`")),
        }
    }

    /// The resource of a location, indexing it (and its sub-schemas) first
    /// when it is not a known schema position: a ref into
    /// `#/components/schemas/P/properties/id` or into an unknown keyword.
    pub(crate) fn ensure_indexed(&mut self, d: u32, ptr: &str) -> u32 {
        if let Some(&r) = self.locs.get(&(d, ptr.to_string())) {
            return r;
        }
        let mut up = ptr;
        let ancestor = loop {
            match parent_pointer(up) {
                Some(p) => {
                    if let Some(&r) = self.locs.get(&(d, p.to_string())) {
                        break r;
                    }
                    up = p;
                }
                None => break self.locs.get(&(d, String::new())).copied().unwrap_or(0),
            }
        };
        let value = self.docs[d as usize].value.clone();
        if let Some(v) = value.pointer(ptr) {
            let mut p = ptr.to_string();
            self.walk(d, &mut p, v, ancestor, false);
        }
        self.locs
            .get(&(d, ptr.to_string()))
            .copied()
            .unwrap_or(ancestor)
    }
}
