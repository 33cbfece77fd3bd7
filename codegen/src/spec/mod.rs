//! The typed view of the part of OpenAPI and JSON Schema that we support.
//!
//! `serde_json::Value` stops here: [`read_spec`] walks each document once, checks the shape of
//! every keyword we use and records its [`Location`], so that later stages can point at the exact
//! place of a problem. Keywords we do not use are ignored (vendor extensions, examples, `xml`, …).
//! Nothing here decides what Rust looks like; that is `lower`'s job.

use serde_json::{Map, Number, Value};

use crate::error::{Diagnostics, Location};
use crate::ir::Rule;
use crate::load::Document;

mod paths;

pub(crate) use paths::{Content, Operation, ParameterIn, SchemeKind, SecurityScheme, Server};

/// The schemas of every input document, in file order and then in the order the author wrote them.
#[derive(Debug, Default)]
pub(crate) struct Spec {
    pub(crate) schemas: Vec<NamedSchema>,
    /// The operations of the OpenAPI and Swagger documents the user gave, in file order and
    /// then in the order of their paths and methods.
    pub(crate) operations: Vec<Operation>,
    /// Their security schemes, by name, and servers (the first document's that has any).
    pub(crate) schemes: Vec<SecurityScheme>,
    pub(crate) servers: Vec<Server>,

    /// Per document: its file and a short description (`OpenAPI 3.0.3, "title" 1.0`).
    pub(crate) sources: Vec<Source>,
}

#[derive(Debug)]
pub(crate) struct Source {
    pub(crate) file: std::path::PathBuf,
    /// Given by the user rather than loaded for a reference.
    pub(crate) given: bool,
    pub(crate) summary: String,
    /// A digest of every value in the document, so that any edit shows in the output.
    pub(crate) digest: String,
}

/// A schema with a name of its own: a key of `components.schemas`, `definitions` or `$defs`.
#[derive(Debug)]
pub(crate) struct NamedSchema {
    pub(crate) name: String,
    pub(crate) schema: SchemaObject,
    /// From a file the user gave (not one loaded because it is referred to).
    pub(crate) given: bool,
    /// For a document's root schema (named by its `title`, else its file's stem), the file's
    /// stem: a title is prose, so its dots are no namespaces, and a long one gives way to this.
    pub(crate) root_stem: Option<String>,
}

/// JSON Schema's primitive types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum InstanceType {
    Null,
    Boolean,
    Integer,
    Number,
    String,
    Array,
    Object,
}

impl InstanceType {
    fn parse(name: &str) -> Option<InstanceType> {
        Some(match name {
            "null" => InstanceType::Null,
            "boolean" => InstanceType::Boolean,
            "integer" => InstanceType::Integer,
            "number" => InstanceType::Number,
            "string" => InstanceType::String,
            "array" => InstanceType::Array,
            "object" => InstanceType::Object,
            _ => return None,
        })
    }
}

/// `additionalProperties`.
#[derive(Debug, Clone)]
pub(crate) enum Additional {
    Allowed(bool),
    Schema(Box<SchemaObject>),
}

/// One schema object, with the keywords we act on.
#[derive(Debug, Default, Clone)]
pub(crate) struct SchemaObject {
    pub(crate) location: Option<Location>,
    pub(crate) reference: Option<String>,
    /// `type`, as a list (OpenAPI 3.1 and JSON Schema allow several); empty when absent.
    pub(crate) types: Vec<InstanceType>,
    pub(crate) nullable: bool,
    pub(crate) format: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) properties: Vec<(String, SchemaObject)>,
    pub(crate) required: Vec<String>,
    pub(crate) additional_properties: Option<Additional>,
    pub(crate) items: Option<Box<SchemaObject>>,
    pub(crate) enum_values: Option<Vec<Value>>,
    pub(crate) all_of: Vec<SchemaObject>,
    pub(crate) one_of: Vec<SchemaObject>,
    pub(crate) any_of: Vec<SchemaObject>,
    pub(crate) deprecated: bool,
    pub(crate) default: Option<Value>,
    pub(crate) discriminator: Option<Discriminator>,
    /// The validation keywords of numbers, strings, arrays and objects, as the rules the typed
    /// checks apply: one vocabulary from here to the runtime.
    pub(crate) rules: Vec<Rule>,
    /// Keywords that judge properties besides the declared ones (`patternProperties`,
    /// `propertyNames`, `unevaluatedProperties`, `dependentRequired`, …), in the spec's order:
    /// a struct for the schema keeps its other properties, so that a typed value has what they
    /// look at.
    pub(crate) name_keywords: Vec<&'static str>,
    /// A `$ref` beside only keywords that say nothing of values (`title`, `$defs`, `$schema`,
    /// …): the schema is the one it refers to.
    pub(crate) only_reference: bool,
}

/// Keywords that say nothing of the values a schema accepts: beside a `$ref`, the schema is
/// the referenced one. (Not `$id`: a resource of its own starts a dynamic scope.)
const ANNOTATIONS: &[&str] = &[
    "$ref",
    "$schema",
    "$defs",
    "definitions",
    "$comment",
    "title",
    "description",
    "examples",
    "example",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
];

/// `discriminator`: which property tells the alternatives of a `oneOf` (or the subtypes of a base)
/// apart, and which value means which schema.
#[derive(Debug, Clone)]
pub(crate) struct Discriminator {
    pub(crate) property: String,
    /// Value -> `$ref`, in the order of the spec.
    pub(crate) mapping: Vec<(String, String)>,
}

/// See [`SchemaObject::name_keywords`].
pub(crate) const NAME_KEYWORDS: &[&str] = &[
    "patternProperties",
    "propertyNames",
    "unevaluatedProperties",
    "dependencies",
    "dependentRequired",
    "dependentSchemas",
];

/// The validation keywords of one schema while it is read: draft 4 and OpenAPI 3.0 make
/// `minimum` exclusive by a flag that may come before or after it, so the rules are made at the end.
#[derive(Default)]
struct Keywords {
    minimum: Option<Number>,
    maximum: Option<Number>,
    exclusive_minimum: Option<Number>,
    exclusive_maximum: Option<Number>,
    multiple_of: Option<Number>,
    min_length: Option<u64>,
    max_length: Option<u64>,
    pattern: Option<String>,
    min_items: Option<u64>,
    max_items: Option<u64>,
    unique_items: bool,
    min_properties: Option<u64>,
    max_properties: Option<u64>,
}

impl Keywords {
    fn into_rules(self) -> Vec<Rule> {
        let mut rules = Vec::new();
        rules.extend(self.minimum.map(Rule::Minimum));
        rules.extend(self.maximum.map(Rule::Maximum));
        rules.extend(self.exclusive_minimum.map(Rule::ExclusiveMinimum));
        rules.extend(self.exclusive_maximum.map(Rule::ExclusiveMaximum));
        rules.extend(self.multiple_of.map(Rule::MultipleOf));
        rules.extend(self.min_length.map(Rule::MinLength));
        rules.extend(self.max_length.map(Rule::MaxLength));
        rules.extend(self.pattern.map(Rule::Pattern));
        rules.extend(self.min_items.map(Rule::MinItems));
        rules.extend(self.max_items.map(Rule::MaxItems));
        if self.unique_items {
            rules.push(Rule::UniqueItems);
        }
        rules.extend(self.min_properties.map(Rule::MinProperties));
        rules.extend(self.max_properties.map(Rule::MaxProperties));
        rules
    }
}

impl SchemaObject {
    /// The location of this schema; every schema read from a document has one.
    pub(crate) fn location(&self) -> &Location {
        self.location
            .as_ref()
            .expect("invariant: every schema read by `read_spec` has a location")
    }

    pub(crate) fn has_type(&self, ty: InstanceType) -> bool {
        self.types.contains(&ty)
    }
}

/// Reads the schemas of every document; problems go to `problems`, and what could be read is kept.
pub(crate) fn read_spec(documents: &[Document], diagnostics: &mut Diagnostics) -> Spec {
    // A digest prints every value of its document: another thread does that meanwhile.
    std::thread::scope(|scope| {
        let digests = scope.spawn(|| documents.iter().map(|doc| digest(&doc.root)).collect());
        let (mut spec, read) = read_documents(documents, diagnostics);
        let digests: Vec<String> = digests
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        for (source, index) in spec.sources.iter_mut().zip(read) {
            source.digest.clone_from(&digests[index]);
        }
        spec
    })
}

/// The spec, with the sources' digests left empty, and the index of each source's document.
fn read_documents(documents: &[Document], diagnostics: &mut Diagnostics) -> (Spec, Vec<usize>) {
    let mut spec = Spec::default();
    let mut read = Vec::new();
    for (index, doc) in documents.iter().enumerate() {
        let mut reader = Reader { diagnostics };
        let root = Location::new(&doc.path, "");
        if let Value::Bool(_) = doc.root {
            // A boolean is a whole JSON Schema (`true`: anything; `false`: nothing).
            spec.sources.push(Source {
                file: doc.path.clone(),
                given: doc.given,
                summary: "JSON Schema (a boolean schema)".to_owned(),
                digest: String::new(),
            });
            read.push(index);
            spec.schemas.push(NamedSchema {
                name: stem_name(&doc.path),
                schema: reader.schema(&root, &doc.root),
                given: doc.given,
                root_stem: Some(stem_name(&doc.path)),
            });
            continue;
        }
        let Some(object) = doc.root.as_object() else {
            reader.problem(
                &root,
                "the document is neither an object nor a boolean; expected an OpenAPI document or a JSON Schema",
            );
            continue;
        };
        let (summary, containers) = classify(object);
        let Some(summary) = summary else {
            reader.problem(
                &root,
                "this is neither an OpenAPI 3 document, a Swagger 2.0 document nor a JSON Schema \
                 (no `openapi`, `swagger`, `$schema`, `$defs`, `definitions` or `type` at the top)",
            );
            continue;
        };
        spec.sources.push(Source {
            file: doc.path.clone(),
            given: doc.given,
            summary,
            digest: String::new(),
        });
        read.push(index);
        if doc.given && (object.contains_key("openapi") || object.contains_key("swagger")) {
            let paths = paths::read_paths(&mut reader, doc, object);
            spec.operations.extend(paths.operations);
            spec.schemes.extend(paths.schemes);
            if spec.servers.is_empty() {
                spec.servers = paths.servers;
            }
        }
        let containers_empty = containers.is_empty();
        for container in containers {
            let at = container.iter().fold(root.clone(), |at, key| at.join(key));
            let mut value = &doc.root;
            for key in &container {
                value = &value[key];
            }
            match value {
                Value::Null => {}
                Value::Object(schemas) => {
                    for (name, schema) in schemas {
                        let schema = reader.schema(&at.join(name), schema);
                        spec.schemas.push(NamedSchema {
                            name: name.clone(),
                            schema,
                            given: doc.given,
                            root_stem: None,
                        });
                    }
                }
                _ => reader.problem(&at, "expected an object of schemas by name"),
            }
        }
        // A JSON Schema document the user gave is a schema, whatever its keywords (`{"not":
        // {…}}` is one); one that is only referred to is one when it looks like one, and
        // otherwise a file of schemas by name (`Item: {…}`) that references point into.
        let json_schema = !object.contains_key("openapi") && !object.contains_key("swagger");
        if json_schema && doc.given && !is_root_schema(object) && containers_empty {
            reader.diagnostics.warning(
                &root,
                "no JSON Schema keyword at the top (`type`, `properties`, `$defs`, …): this is \
                 read as a JSON Schema whose unknown keywords say nothing, so it accepts every value",
            );
        }
        if json_schema && (doc.given || is_root_schema(object)) {
            let name = object
                .get("title")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| stem_name(&doc.path));
            let schema = reader.schema(&root, &doc.root);
            spec.schemas.push(NamedSchema {
                name,
                schema,
                given: doc.given,
                root_stem: Some(stem_name(&doc.path)),
            });
        }
    }
    (spec, read)
}

/// What kind of document this is, and where its named schemas live.
fn classify(object: &Map<String, Value>) -> (Option<String>, Vec<Vec<&'static str>>) {
    let info = |kind: &str, version: &Value| {
        // `Map`'s index panics on a missing key; `Value`'s gives `null`.
        let info = object.get("info").unwrap_or(&Value::Null);
        let title = info["title"].as_str().unwrap_or("untitled");
        let api_version = info["version"].as_str().unwrap_or("unversioned");
        format!(
            "{kind} {}, \"{title}\" {api_version}",
            version.as_str().unwrap_or("?")
        )
    };
    if let Some(version) = object.get("openapi") {
        return (
            Some(info("OpenAPI", version)),
            vec![vec!["components", "schemas"]],
        );
    }
    if let Some(version) = object.get("swagger") {
        return (Some(info("Swagger", version)), vec![vec!["definitions"]]);
    }
    let mut containers = Vec::new();
    for key in ["$defs", "definitions"] {
        if object.contains_key(key) {
            containers.push(vec![key]);
        }
    }
    let dialect = object
        .get("$schema")
        .and_then(Value::as_str)
        .unwrap_or("unspecified dialect");
    (Some(format!("JSON Schema (`{dialect}`)")), containers)
}

/// The name of a document's root schema when it has no `title`: its file's stem.
fn stem_name(path: &std::path::Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.is_empty())
        .unwrap_or_else(|| "Root".to_owned())
}

/// A JSON Schema document is itself a schema when it says what its instances are.
fn is_root_schema(object: &Map<String, Value>) -> bool {
    !object.contains_key("openapi")
        && !object.contains_key("swagger")
        && [
            "$schema",
            "$id",
            "type",
            "properties",
            "allOf",
            "oneOf",
            "anyOf",
            "not",
            "enum",
            "const",
            "$ref",
            "items",
            "prefixItems",
        ]
        .iter()
        .any(|key| object.contains_key(*key))
}

struct Reader<'d> {
    diagnostics: &'d mut Diagnostics,
}

impl Reader<'_> {
    fn problem(&mut self, at: &Location, message: impl Into<String>) {
        self.diagnostics.error(at, message);
    }

    fn schema(&mut self, at: &Location, value: &Value) -> SchemaObject {
        let mut schema = SchemaObject {
            location: Some(at.clone()),
            ..SchemaObject::default()
        };
        let object = match value {
            Value::Object(object) => object,
            // `true` and `false` are schemas too (JSON Schema 6+): anything, and nothing; the
            // compiled schema says which.
            Value::Bool(_) => return schema,
            _ => {
                self.problem(at, "expected a schema object");
                return schema;
            }
        };
        let mut keywords = Keywords::default();
        for (key, value) in object {
            let here = at.join(key);
            match key.as_str() {
                "$ref" => schema.reference = self.string(&here, value),
                "type" => schema.types = self.types(&here, value),
                "nullable" | "x-nullable" => schema.nullable |= self.boolean(&here, value),
                "default" => schema.default = Some(value.clone()),
                "discriminator" => schema.discriminator = self.discriminator(&here, value),
                "format" => schema.format = self.string(&here, value),
                "title" => schema.title = self.string(&here, value),
                "description" => schema.description = self.string(&here, value),
                "properties" => {
                    if let Some(properties) = self.object(&here, value) {
                        schema.properties = properties
                            .iter()
                            .map(|(name, value)| {
                                (name.clone(), self.schema(&here.join(name), value))
                            })
                            .collect();
                    }
                }
                // Swagger 2.0 habits survive in real OpenAPI 3 files: `required: false` on a
                // property means nothing more than "optional", so it is worth a warning only.
                "required" if value.is_boolean() => self.diagnostics.warning(
                    &here,
                    "`required` must be a list of property names; this boolean is ignored",
                ),
                "required" => schema.required = self.strings(&here, value),
                "additionalProperties" => {
                    schema.additional_properties = Some(match value {
                        Value::Bool(allowed) => Additional::Allowed(*allowed),
                        _ => Additional::Schema(Box::new(self.schema(&here, value))),
                    })
                }
                "items" => match value {
                    // Rust has no type for a list whose items differ by position.
                    Value::Array(_) => self.diagnostics.warning(
                        &here,
                        "tuple `items` (an array of schemas): the items are `serde_json::Value`s, \
                         and validation checks each against its schema",
                    ),
                    _ => schema.items = Some(Box::new(self.schema(&here, value))),
                },
                "enum" => match value {
                    Value::Array(values) => schema.enum_values = Some(values.clone()),
                    _ => self.problem(&here, "`enum` must be an array of values"),
                },
                "const" => schema.enum_values = Some(vec![value.clone()]),
                "allOf" => schema.all_of = self.schemas(&here, value),
                "oneOf" => schema.one_of = self.schemas(&here, value),
                "anyOf" => schema.any_of = self.schemas(&here, value),
                "deprecated" | "x-vmw-deprecated" => {
                    schema.deprecated |= value.as_bool().unwrap_or(false)
                }
                _ => {
                    if let Some(name) = NAME_KEYWORDS.iter().find(|name| **name == key) {
                        schema.name_keywords.push(name);
                    }
                    self.keyword(&mut keywords, key, &here, value)
                }
            }
        }
        schema.rules = keywords.into_rules();
        schema.only_reference = schema.reference.is_some()
            && object
                .keys()
                .all(|key| ANNOTATIONS.contains(&key.as_str()) || key.starts_with("x-"));
        schema
    }

    fn discriminator(&mut self, at: &Location, value: &Value) -> Option<Discriminator> {
        // Swagger 2.0 writes the property name alone.
        if let Some(property) = value.as_str() {
            return Some(Discriminator {
                property: property.to_owned(),
                mapping: Vec::new(),
            });
        }
        let object = self.object(at, value)?;
        let Some(property) = object.get("propertyName").and_then(Value::as_str) else {
            self.problem(at, "`discriminator` needs a `propertyName` string");
            return None;
        };
        let mut mapping = Vec::new();
        if let Some(entries) = object.get("mapping") {
            let here = at.join("mapping");
            for (tag, target) in self.object(&here, entries).into_iter().flatten() {
                if let Some(target) = self.string(&here.join(tag), target) {
                    mapping.push((tag.clone(), target));
                }
            }
        }
        Some(Discriminator {
            property: property.to_owned(),
            mapping,
        })
    }

    fn keyword(&mut self, c: &mut Keywords, key: &str, here: &Location, value: &Value) {
        match key {
            "minimum" => c.minimum = self.number(here, value),
            "maximum" => c.maximum = self.number(here, value),
            // Draft 4 and OpenAPI 3.0 write exclusiveness as a flag on minimum/maximum.
            "exclusiveMinimum" | "exclusiveMaximum" => {
                let is_min = key == "exclusiveMinimum";
                match value {
                    Value::Bool(flag) => {
                        let slot = if is_min {
                            &mut c.minimum
                        } else {
                            &mut c.maximum
                        };
                        if *flag {
                            let bound = slot.take();
                            if is_min {
                                c.exclusive_minimum = bound;
                            } else {
                                c.exclusive_maximum = bound;
                            }
                        }
                    }
                    _ => {
                        let bound = self.number(here, value);
                        if is_min {
                            c.exclusive_minimum = bound;
                        } else {
                            c.exclusive_maximum = bound;
                        }
                    }
                }
            }
            "multipleOf" => c.multiple_of = self.number(here, value),
            "minLength" => c.min_length = self.count(here, value),
            "maxLength" => c.max_length = self.count(here, value),
            "pattern" => c.pattern = self.string(here, value),
            "minItems" => c.min_items = self.count(here, value),
            "maxItems" => c.max_items = self.count(here, value),
            "uniqueItems" => c.unique_items = self.boolean(here, value),
            "minProperties" => c.min_properties = self.count(here, value),
            "maxProperties" => c.max_properties = self.count(here, value),
            _ => {}
        }
    }

    fn schemas(&mut self, at: &Location, value: &Value) -> Vec<SchemaObject> {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| self.schema(&at.index(i), item))
                .collect(),
            _ => {
                self.problem(at, "expected an array of schemas");
                Vec::new()
            }
        }
    }

    fn types(&mut self, at: &Location, value: &Value) -> Vec<InstanceType> {
        let names: Vec<(Location, &Value)> = match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (at.index(i), v))
                .collect(),
            _ => vec![(at.clone(), value)],
        };
        let mut types = Vec::new();
        for (here, name) in names {
            match name.as_str().and_then(InstanceType::parse) {
                Some(ty) => types.push(ty),
                None => self.problem(
                    &here,
                    format!(
                        "unknown type {name}; expected one of `null`, `boolean`, `integer`, \
                         `number`, `string`, `array`, `object`"
                    ),
                ),
            }
        }
        types
    }

    fn object<'v>(&mut self, at: &Location, value: &'v Value) -> Option<&'v Map<String, Value>> {
        let object = value.as_object();
        if object.is_none() {
            self.problem(at, "expected an object");
        }
        object
    }

    fn string(&mut self, at: &Location, value: &Value) -> Option<String> {
        let string = value.as_str().map(str::to_owned);
        if string.is_none() {
            self.problem(at, format!("expected a string, found {value}"));
        }
        string
    }

    fn strings(&mut self, at: &Location, value: &Value) -> Vec<String> {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| self.string(&at.index(i), item))
                .collect(),
            _ => {
                self.problem(at, "expected an array of strings");
                Vec::new()
            }
        }
    }

    fn boolean(&mut self, at: &Location, value: &Value) -> bool {
        value.as_bool().unwrap_or_else(|| {
            self.problem(at, format!("expected `true` or `false`, found {value}"));
            false
        })
    }

    fn number(&mut self, at: &Location, value: &Value) -> Option<Number> {
        let number = value.as_number().cloned();
        if number.is_none() {
            self.problem(at, format!("expected a number, found {value}"));
        }
        number
    }

    fn count(&mut self, at: &Location, value: &Value) -> Option<u64> {
        // A count may be written `2.0`: it is the integer 2.
        let count = value.as_u64().or_else(|| {
            value
                .as_f64()
                .filter(|f| *f >= 0.0 && f.fract() == 0.0 && *f < u64::MAX as f64)
                .map(|f| f as u64)
        });
        if count.is_none() {
            self.problem(
                at,
                format!("expected a non-negative integer, found {value}"),
            );
        }
        count
    }
}

/// FNV-1a (64 bits) of the document's compact JSON: stable across machines and releases, and
/// blind to formatting and comments, which are not values.
fn digest(root: &Value) -> String {
    let mut hash = Fnv1a(0xcbf2_9ce4_8422_2325);
    serde_json::to_writer(&mut hash, root)
        .unwrap_or_else(|err| unreachable!("a `Value` prints into a hash, but: {err}"));
    format!("fnv1a64:{:016x}", hash.0)
}

/// FNV-1a over the bytes written to it.
struct Fnv1a(u64);

impl std::io::Write for Fnv1a {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
