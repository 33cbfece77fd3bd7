//! What the Rust output *is*: types, fields, variants and rules, already named.
//!
//! `lower` builds a [`TypeSpace`] from the spec; `emit` turns it into tokens and never looks back
//! at the spec. Everything here is in Rust's vocabulary; the only spec words left are wire names
//! (what goes over JSON) and the locations kept for messages.

use std::collections::{BTreeMap, BTreeSet};

/// Every type to generate, by id. Ids follow the order of the spec, so iteration is deterministic.
#[derive(Debug, Default)]
pub struct TypeSpace {
    /// The types.
    pub types: BTreeMap<TypeId, TypeDef>,
    /// Docs for modules that group types, by module path (`["esx", "settings"]`).
    pub modules: BTreeMap<Vec<String>, String>,
    /// The modules that hold the types nested in a type (`["esx", "settings", "notification"]`),
    /// as opposed to those of a namespace.
    pub nested_modules: BTreeSet<Vec<String>>,
    /// A generated type is named `Option`, `String`, `Vec` or `Box`, so generated code must name
    /// the standard ones by their full paths.
    pub shadows_prelude: bool,
    /// The Rust path of the module the tree is the root of: `crate`, or `crate::api` for a tree
    /// that a user includes in a module of their crate.
    pub root: Vec<String>,
    /// The compiled validation program, as JSON text, that the tree's root module carries.
    pub program: String,
    /// The operations, by id, in the order of the spec.
    pub operations: BTreeMap<TypeId, OperationDef>,
    /// The security schemes operations may ask for.
    pub security_schemes: Vec<SecuritySchemeDef>,
    /// The servers the API is at (the first is the default).
    pub servers: Vec<ServerDef>,
    /// Spec names that stand for another schema's type: a document's root that only refers to
    /// one of its named schemas.
    pub aliases: Vec<(String, TypeId)>,
    /// String properties that vSphere's `For more information see: *X*` links to the enum `X`,
    /// and the enum's schema: (the property's place, the enum's place).
    pub enum_links: Vec<(crate::Location, crate::Location)>,
}

impl TypeSpace {
    /// The fields of a family's base that every variant's struct has alike: the family enum has
    /// an accessor of each, readable without matching.
    pub fn shared_fields<'s>(&'s self, union: &UnionDef) -> Vec<&'s Field> {
        let Some(base) = union.base else {
            return Vec::new();
        };
        let TypeKind::Struct(base) = &self.get(base).kind else {
            return Vec::new();
        };
        let structs: Vec<Option<&StructDef>> = union
            .variants
            .iter()
            .map(|v| match &v.shape.ty {
                TypeRef::Named(id) => match &self.get(*id).kind {
                    TypeKind::Struct(s) => Some(s),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        base.fields
            .iter()
            .filter(|field| {
                structs.iter().all(|s| {
                    s.is_some_and(|s| {
                        s.fields.iter().any(|f| {
                            f.wire_name == field.wire_name
                                && f.ident == field.ident
                                && f.shape == field.shape
                                && f.required == field.required
                                && f.boxed == field.boxed
                        })
                    })
                })
            })
            .collect()
    }

    /// The definition of `id`; ids come from this space, so it is always there.
    pub fn get(&self, id: TypeId) -> &TypeDef {
        self.types
            .get(&id)
            .unwrap_or_else(|| panic!("invariant: type id {id:?} was allocated by `lower`"))
    }
}

/// The identity of a generated type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub u32);

/// A module path and a type name: `esx::settings` and `Notification`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RustPath {
    /// The modules, outermost first; empty for the crate root.
    pub module: Vec<String>,
    /// The type's identifier.
    pub name: String,
}

/// One generated type.
#[derive(Debug)]
pub struct TypeDef {
    /// Where it lives and what it is called.
    pub path: RustPath,
    /// The name the spec gives it (`Esx.Settings.Notification`), for docs and messages.
    pub spec_name: String,
    /// Markdown, ready for `///`.
    pub docs: String,
    /// Marked deprecated by the spec.
    pub deprecated: bool,
    /// Derives the user asked for (trait paths), besides the type's own.
    pub extra_derives: Vec<String>,
    /// Outer attributes the user asked for (`#[…]`, as written).
    pub extra_attributes: Vec<String>,
    /// The schema it is generated from: its file and JSON Pointer.
    pub location: crate::Location,
    /// Its node in the compiled validation program (set once the program is compiled).
    pub node: Option<u32>,
    /// Its decoding and typed checks give exactly its schema's verdict, for it and every type it
    /// holds (see `fidelity`), so `from_str` needs no second walk of a document.
    pub exact: bool,
    /// What it is.
    pub kind: TypeKind,
}

/// The Rust shape of a type.
#[derive(Debug)]
pub enum TypeKind {
    /// A struct with named fields.
    Struct(StructDef),
    /// A string enum that keeps unknown values.
    Enum(EnumDef),
    /// `pub type Name = …;`
    Alias(Shape),
    /// A `oneOf`/`anyOf`: an enum whose variants hold the alternatives.
    Union(UnionDef),
    /// A type of the user's that stands for the schema (`pub type Name = path;`): it must
    /// implement `Serialize`, `Deserialize`, `Debug`, `Clone`, `PartialEq` and the runtime's
    /// `Validate`.
    Extern(String),
}

impl TypeKind {
    /// The docs of the fields or variants, in order.
    pub fn member_docs_mut(&mut self) -> Vec<&mut String> {
        match self {
            TypeKind::Struct(s) => s.fields.iter_mut().map(|f| &mut f.docs).collect(),
            TypeKind::Enum(e) => e.variants.iter_mut().map(|v| &mut v.docs).collect(),
            TypeKind::Union(u) => u.variants.iter_mut().map(|v| &mut v.docs).collect(),
            TypeKind::Alias(_) | TypeKind::Extern(_) => Vec::new(),
        }
    }
}

/// The alternatives of a `oneOf` or `anyOf`.
#[derive(Debug)]
pub struct UnionDef {
    /// In the order of the spec.
    pub variants: Vec<UnionVariant>,
    /// The compiled node of each alternative, in order, once the program is compiled: an
    /// untagged union decodes into the first alternative the schema accepts.
    pub nodes: Vec<u32>,
    /// With a `discriminator`, the property whose value picks the variant; without, the first
    /// alternative that decodes wins.
    pub tag: Option<Tag>,
    /// Not the schema's `oneOf`/`anyOf` but an object schema without `type`: an object is the
    /// first variant's struct, any other value the second's.
    pub object_or_other: bool,
    /// A polymorphic base schema (properties and a `discriminator` whose `mapping` names its
    /// subtypes): the struct of the base's own properties, which the catch-all variant holds (a
    /// value whose tag is missing or names no subtype), so that the fields every variant shares
    /// are readable without matching.
    pub base: Option<TypeId>,
}

/// The discriminator of a tagged union.
#[derive(Debug)]
pub struct Tag {
    /// The JSON property that holds the tag.
    pub property: String,
    /// The variant that keeps a value with a tag the spec does not list.
    pub other_ident: String,
}

/// One alternative of a union.
#[derive(Debug)]
pub struct UnionVariant {
    /// The Rust identifier.
    pub ident: String,
    /// What it holds.
    pub shape: Shape,
    /// The discriminator values that select it (tagged unions only).
    pub tag_values: Vec<String>,
    /// `Box` the value: the variant closes a cycle of types that contain each other by value.
    pub boxed: bool,
    /// Markdown, ready for `///`.
    pub docs: String,
}

/// A struct: an object schema with properties.
#[derive(Debug)]
pub struct StructDef {
    /// In the order of the spec.
    pub fields: Vec<Field>,
    /// `additionalProperties: false`: unknown fields are an error, not ignored.
    pub deny_unknown_fields: bool,
    /// The map of the other properties the struct keeps (the field's identifier and the values'
    /// shape): those `additionalProperties` gives a schema, those keywords such as
    /// `patternProperties` look at, or any the spec does not name (kept as JSON, so that a
    /// document encodes back whole).
    pub additional: Option<(String, Shape)>,
    /// `minProperties` / `maxProperties`.
    pub rules: Vec<Rule>,
}

/// A struct field.
#[derive(Debug)]
pub struct Field {
    /// The JSON key.
    pub wire_name: String,
    /// The Rust identifier, `r#` included where needed.
    pub ident: String,
    /// The value's type and rules.
    pub shape: Shape,
    /// `true` when the key must be present; otherwise the field is an `Option`.
    pub required: bool,
    /// `Box` the value: the field closes a cycle of types that contain each other by value.
    pub boxed: bool,
    /// The spec's default, which a getter of the same name gives when the property is missing
    /// (optional fields only; the field itself keeps "absent" apart from "the default").
    pub default: Option<Default>,
    /// `null` means the same as absent (vAPI's optional values): it decodes as `None`, and the
    /// schema accepts it.
    pub null_as_absent: bool,
    /// Markdown, ready for `///`.
    pub docs: String,
    /// Marked deprecated by the spec.
    pub deprecated: bool,
    /// The property's schema: its file and JSON Pointer.
    pub location: crate::Location,
}

impl Field {
    /// Whether the struct has a getter of the field's effective value (its default when absent):
    /// an optional field with a default, unless it is boxed, nullable or named like the
    /// constructor the runtime's `struct_new!` writes.
    pub fn has_default_getter(&self) -> bool {
        self.default.is_some()
            && !(self.boxed
                || self.shape.nullable
                || self.required
                || self.ident == crate::naming::CONSTRUCTOR)
    }
}

/// A default value that can be written as a Rust expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Default {
    /// `true` / `false`
    Bool(bool),
    /// An integer literal.
    Integer(i64),
    /// A floating-point literal.
    Number(f64),
    /// A string, for a `String` field or (through `From<&str>`) an enum field.
    String(String),
    /// `Default::default()`: an empty array or object.
    Empty,
}

impl std::fmt::Display for Default {
    /// As docs and reports show it: `true`, `3`, `"black"`, `empty`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Default::Bool(b) => write!(f, "{b}"),
            Default::Integer(i) => write!(f, "{i}"),
            Default::Number(n) => write!(f, "{n}"),
            Default::String(text) => write!(f, "{text:?}"),
            Default::Empty => f.write_str("empty"),
        }
    }
}

/// A value's type together with what the spec says about its values.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The Rust type.
    pub ty: TypeRef,
    /// Constraints that the type itself does not enforce.
    pub rules: Vec<Rule>,
    /// `null` is a value of its own (`nullable: true`, `type: [T, "null"]`): an `Option`.
    pub nullable: bool,
}

impl Shape {
    /// A shape without checks that does not allow `null`.
    pub fn plain(ty: TypeRef) -> Shape {
        Shape {
            ty,
            rules: Vec::new(),
            nullable: false,
        }
    }
}

/// A Rust type as used in a field, an item or an alias.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeRef {
    /// A generated type.
    Named(TypeId),
    /// `bool`
    Bool,
    /// `i32` (`format: int32`)
    I32,
    /// `i64` (`integer` without a narrower format)
    I64,
    /// `f32` (`format: float`)
    F32,
    /// `f64` (`number`)
    F64,
    /// `String`
    String,
    /// The runtime's `DateTime` (`format: date-time`).
    DateTime,
    /// `serde_json::Value`: a schema that allows anything.
    Json,
    /// `Vec<T>` (`array`).
    Vec(Box<Shape>),
    /// `BTreeMap<String, T>` (`additionalProperties` with a schema).
    Map(Box<Shape>),
}

/// A constraint checked by the generated validator.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// Numbers.
    Minimum(serde_json::Number),
    /// Numbers.
    Maximum(serde_json::Number),
    /// Numbers.
    ExclusiveMinimum(serde_json::Number),
    /// Numbers.
    ExclusiveMaximum(serde_json::Number),
    /// Numbers.
    MultipleOf(serde_json::Number),
    /// Strings, in code points.
    MinLength(u64),
    /// Strings, in code points.
    MaxLength(u64),
    /// Strings: an ECMA-262 regular expression that must match somewhere.
    Pattern(String),
    /// Strings with a `format` that the Rust type does not enforce (`date`, `uri`, …).
    Format(String),
    /// Arrays.
    MinItems(u64),
    /// Arrays.
    MaxItems(u64),
    /// Arrays.
    UniqueItems,
    /// Objects and maps.
    MinProperties(u64),
    /// Objects and maps.
    MaxProperties(u64),
    /// Any value: one of these JSON texts (`enum`/`const` of numbers, booleans, …).
    Enum(Vec<String>),
}

/// A string enum. Unknown values decode into the catch-all variant instead of failing.
#[derive(Debug)]
pub struct EnumDef {
    /// The known values, in the order of the spec.
    pub variants: Vec<Variant>,
    /// The identifier of the variant that holds any other value.
    pub other_ident: String,
}

/// A known enum value.
#[derive(Debug)]
pub struct Variant {
    /// The value on the wire.
    pub wire_name: String,
    /// The Rust identifier.
    pub ident: String,
    /// Markdown, ready for `///`.
    pub docs: String,
}

/// An operation: its request (parameters and body) and its responses, named after it.
#[derive(Debug)]
pub struct OperationDef {
    /// Where the request struct lives and what it is called (`ops::esx::…::StageTask`).
    pub path: RustPath,
    /// The response enum's name, in the same module (`StageTaskResponse`).
    pub response_name: String,
    /// The operation's name in the spec: its `operationId`, or `METHOD /path`.
    pub spec_name: String,
    /// `GET`, `POST`, …
    pub method: String,
    /// The path template, in pieces.
    pub path_parts: Vec<PathPiece>,
    /// Query pairs the path key fixes.
    pub fixed_query: Vec<(String, String)>,
    /// In the order the spec lists them.
    pub parameters: Vec<ParameterDef>,
    /// The request body, in the media type sent.
    pub body: Option<BodyDef>,
    /// One per documented status.
    pub responses: Vec<ResponseDef>,
    /// Alternatives of security requirements, each the indices of the schemes in
    /// [`TypeSpace::security_schemes`] that must all be applied.
    pub security: Vec<Vec<usize>>,
    /// Markdown, ready for `///`.
    pub docs: String,
    /// Marked deprecated by the spec.
    pub deprecated: bool,
    /// Where it is written: `file#/paths/~1pets/get`.
    pub location: crate::Location,
    /// vSphere's task operations (`vmw-task=true`, answering with a task id): the type of the
    /// task's result, when the spec's prose names it.
    pub task: Option<TaskDef>,
}

impl OperationDef {
    /// Every doc text of the operation: its own, its parameters', its body's, its responses'.
    pub fn docs_mut(&mut self) -> Vec<&mut String> {
        let mut out = vec![&mut self.docs];
        out.extend(self.parameters.iter_mut().map(|p| &mut p.docs));
        out.extend(self.body.iter_mut().map(|b| &mut b.docs));
        out.extend(self.responses.iter_mut().map(|r| &mut r.docs));
        out
    }
}

/// A piece of a path template.
#[derive(Debug, Clone, PartialEq)]
pub enum PathPiece {
    /// Text as written.
    Literal(String),
    /// The path parameter of this index in [`OperationDef::parameters`].
    Parameter(usize),
}

/// Where a parameter goes (the runtime's `Place`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParameterPlace {
    /// A `{name}` in the path.
    Path,
    /// The query string.
    Query,
    /// A header.
    Header,
    /// The `Cookie` header.
    Cookie,
    /// A field of the form body (Swagger 2.0's `formData`).
    Form,
}

/// A parameter: a field of the request struct.
#[derive(Debug)]
pub struct ParameterDef {
    /// The name on the wire.
    pub wire_name: String,
    /// The field's identifier.
    pub ident: String,
    /// Where it goes.
    pub place: ParameterPlace,
    /// The runtime's `Style` variant name (`Simple`, `Form`, `DeepObject`, …).
    pub style: &'static str,
    /// `explode`.
    pub explode: bool,
    /// Whether it must be given (path parameters always).
    pub required: bool,
    /// The value's type and rules.
    pub shape: Shape,
    /// The place of its schema, whose compiled node checks the value.
    pub schema_location: Option<crate::Location>,
    /// The compiled node, once the program is compiled.
    pub node: Option<u32>,
    /// Markdown, ready for `///`.
    pub docs: String,
    /// Marked deprecated by the spec.
    pub deprecated: bool,
}

/// How a body is written or read (the runtime's `Media`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    /// JSON.
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `multipart/form-data`.
    Multipart,
    /// Text.
    Text,
    /// Bytes as they are.
    Bytes,
}

/// The request body.
#[derive(Debug)]
pub struct BodyDef {
    /// The `Content-Type` it is sent with.
    pub content_type: String,
    /// How it is written.
    pub media: MediaKind,
    /// Whether the operation requires one.
    pub required: bool,
    /// The value's type: a schema's, or `String` / `Vec<u8>` for text and bytes.
    pub shape: BodyShape,
    /// Markdown, ready for `///`.
    pub docs: String,
}

/// What a body holds.
#[derive(Debug)]
pub enum BodyShape {
    /// A value of the schema, encoded as the media type says.
    Typed(Shape),
    /// Text, sent or read as it is.
    Text,
    /// Bytes, sent or read as they are.
    Bytes,
    /// No value of its own: Swagger 2.0's form parameters fill the form.
    FormParameters,
}

/// Which statuses a response covers (the runtime's `StatusMatch`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusDef {
    /// One status.
    Code(u16),
    /// `2XX` is `Range(2)`.
    Range(u16),
    /// `default`.
    Default,
}

impl StatusDef {
    /// 4XX, 5XX and `default`: the answers the response enum's `error()` gives.
    pub fn is_error(self) -> bool {
        match self {
            StatusDef::Code(code) => code >= 400,
            StatusDef::Range(hundreds) => hundreds >= 4,
            StatusDef::Default => true,
        }
    }
}

impl OperationDef {
    /// The body type that every error status has, when they all have one: what the response
    /// enum's `error()` returns.
    pub fn error_body(&self) -> Option<&Shape> {
        let mut bodies = self
            .responses
            .iter()
            .filter(|r| r.status.is_error())
            .filter_map(|r| match &r.body {
                Some((_, BodyShape::Typed(shape))) => Some(shape),
                _ => None,
            });
        let first = bodies.next()?;
        bodies.all(|shape| shape == first).then_some(first)
    }
}

/// A documented response: a variant of the response enum.
#[derive(Debug)]
pub struct ResponseDef {
    /// The statuses it covers.
    pub status: StatusDef,
    /// The variant's identifier (`Ok`, `NotFound`, `Status2xx`, `Default`).
    pub ident: String,
    /// The body's media, and its type; `None`: no body.
    pub body: Option<(MediaKind, BodyShape)>,
    /// Markdown, ready for `///`.
    pub docs: String,
}

/// A security scheme.
#[derive(Debug, Clone)]
pub struct SecuritySchemeDef {
    /// Its name in the spec: what credentials are given by.
    pub name: String,
    /// How it is applied.
    pub kind: SchemeKindDef,
}

/// How a scheme is applied (the runtime's `SchemeKind`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemeKindDef {
    /// `Authorization: Basic …`.
    Basic,
    /// `Authorization: Bearer …`.
    Bearer,
    /// A key in the header of this name.
    ApiKeyHeader(String),
    /// A key in the query parameter of this name.
    ApiKeyQuery(String),
    /// A key in the cookie of this name.
    ApiKeyCookie(String),
    /// The `Authorization` header's whole value (OAuth 2, OpenID Connect, …).
    Authorization,
}

/// A server: its URL template and its variables' defaults.
#[derive(Debug, Clone)]
pub struct ServerDef {
    /// `https://{host}/api`.
    pub url: String,
    /// Each variable and its default.
    pub variables: Vec<(String, String)>,
}

/// A vSphere task operation: how its answer gives the task id, and its result's type.
#[derive(Debug)]
pub struct TaskDef {
    /// The response variant that holds the task id (the `202`'s string).
    pub accepted: String,
    /// The type of the task's `result`, when a schema's description names the operation;
    /// `serde_json::Value` otherwise.
    pub result: Option<TypeRef>,
    /// The type of a failed task's `error`: the error family the operation's error responses
    /// have, if they have one.
    pub error: Option<TypeRef>,
}
