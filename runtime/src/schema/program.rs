//! The compiled [`Program`]: a flat table of schema nodes in which every
//! reference is already a node index. It is plain data (serde), written as
//! JSON by the generator and loaded once per process by the runtime; the
//! regular expressions are compiled when it is loaded.

use crate::schema::format::Format;
use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};
use std::fmt;

/// Index of a compiled schema node in a [`Program`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NodeId(pub u32);

impl NodeId {
    pub fn ix(self) -> usize {
        self.0 as usize
    }
}

// Bits of `Node::types`.
pub const T_NULL: u8 = 1;
pub const T_BOOL: u8 = 2;
pub const T_OBJECT: u8 = 4;
pub const T_ARRAY: u8 = 8;
pub const T_NUMBER: u8 = 16;
pub const T_STRING: u8 = 32;
pub const T_INTEGER: u8 = 64;
/// Draft 4's `integer`: only numbers written without fraction or exponent.
pub const T_INT_STRICT: u8 = 128;
pub const T_ANY: u8 = 0x7f;

fn t_any() -> u8 {
    T_ANY
}
fn is_t_any(t: &u8) -> bool {
    *t == T_ANY
}

/// One schema object. Keywords are grouped by the instance type they apply
/// to, so that evaluation only looks at the group of the instance's type
/// (an object never touches `minLength`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Node {
    /// Allowed JSON types (bit set, `T_ANY` when there is no `type`).
    #[serde(default = "t_any", skip_serializing_if = "is_t_any")]
    pub types: u8,
    /// Keywords for any instance type: `enum`, `const`, `$ref`, composition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<AnyKw>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub num: Vec<NumKw>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub str: Vec<StrKw>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub arr: Vec<ArrKw>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obj: Vec<ObjKw>,
    /// `unevaluatedProperties` (evaluated after everything else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uprops: Option<NodeId>,
    /// `unevaluatedItems` (evaluated after everything else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uitems: Option<NodeId>,
    /// The schema resource this node belongs to, when that resource declares
    /// dynamic anchors: entering the node pushes it on the dynamic scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dres: Option<u32>,
    /// OpenAPI 3.0's `nullable: true`: `null` is valid, whatever else the node says.
    #[serde(default, skip_serializing_if = "is_false")]
    pub null: bool,
    /// OpenAPI's `discriminator` beside a `oneOf`/`anyOf`: which alternative a tag value names,
    /// so that a document that matches none is explained by the one its tag picks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<Box<Tag>>,
}

/// A discriminator: the property, and the alternative's node for each of its values.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Tag {
    pub property: String,
    pub values: Vec<(String, NodeId)>,
}

impl Default for Node {
    /// The node that accepts everything (the `true` schema).
    fn default() -> Node {
        Node {
            types: T_ANY,
            any: Vec::new(),
            num: Vec::new(),
            str: Vec::new(),
            arr: Vec::new(),
            obj: Vec::new(),
            uprops: None,
            uitems: None,
            dres: None,
            null: false,
            tag: None,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnyKw {
    /// The `false` schema.
    False,
    /// `enum`; `strings` is true when every value is a string or null
    /// (forward-compatible mode accepts unknown strings).
    Enum {
        values: Vec<Value>,
        strings: bool,
    },
    Const(Value),
    Ref(NodeId),
    /// `$dynamicRef` / `$recursiveRef` whose static target carries the
    /// dynamic anchor `name` (index into `Program::names`).
    DynRef {
        target: NodeId,
        name: u32,
    },
    AllOf(Vec<NodeId>),
    AnyOf(Vec<NodeId>),
    OneOf(Vec<NodeId>),
    Not(NodeId),
    If {
        cond: NodeId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        then: Option<NodeId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        els: Option<NodeId>,
    },
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumKw {
    Minimum(#[serde(with = "exact")] Number),
    Maximum(#[serde(with = "exact")] Number),
    ExclusiveMinimum(#[serde(with = "exact")] Number),
    ExclusiveMaximum(#[serde(with = "exact")] Number),
    MultipleOf(#[serde(with = "exact")] Number),
    /// OpenAPI's `format: int32`: a number within a signed 32-bit integer's range.
    Int32,
    /// OpenAPI's `format: int64`: a number within a signed 64-bit integer's range.
    Int64,
}

/// Numeric limits keep their exact f64 through the program's JSON text.
/// serde_json's default float parser is not correctly rounded for long
/// literals, so the shortest representation of a float does not always
/// read back as the same float; such floats are written as `{"bits": N}`.
mod exact {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Number;

    #[derive(Serialize, Deserialize)]
    #[serde(untagged)]
    enum Repr {
        Plain(Number),
        Bits { bits: u64 },
    }

    pub fn serialize<S: Serializer>(n: &Number, s: S) -> Result<S::Ok, S::Error> {
        if n.is_f64() {
            if let Some(f) = n.as_f64() {
                let text = serde_json::to_string(&f).unwrap_or_default();
                if serde_json::from_str::<f64>(&text).ok() != Some(f) {
                    return Repr::Bits { bits: f.to_bits() }.serialize(s);
                }
            }
        }
        Repr::Plain(n.clone()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Number, D::Error> {
        match Repr::deserialize(d)? {
            Repr::Plain(n) => Ok(n),
            Repr::Bits { bits } => Number::from_f64(f64::from_bits(bits))
                .ok_or_else(|| serde::de::Error::custom("a limit must be finite")),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StrKw {
    MinLength(u64),
    MaxLength(u64),
    /// Index into `Program::patterns`.
    Pattern(u32),
    Format(Format),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArrKw {
    MinItems(u64),
    MaxItems(u64),
    UniqueItems,
    /// Tuple validation: `prefixItems`, or `items` in array form.
    Prefix(Vec<NodeId>),
    /// Every item from index `from` on: `items` (schema form, after the
    /// tuple in 2020-12) or `additionalItems`.
    Items {
        from: u32,
        node: NodeId,
    },
    Contains {
        node: NodeId,
        min: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u64>,
        /// 2020-12: matched items count as evaluated for `unevaluatedItems`.
        #[serde(default, skip_serializing_if = "is_false")]
        annotate: bool,
    },
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjKw {
    MinProperties(u64),
    MaxProperties(u64),
    Required(Vec<String>),
    Props(Box<Props>),
    PropertyNames(NodeId),
    DependentRequired(Vec<(String, Vec<String>)>),
    DependentSchemas(Vec<(String, NodeId)>),
}

/// `properties`, `patternProperties` and `additionalProperties` in one pass
/// over the instance's members.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Props {
    /// Sorted property names, parallel to `nodes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<NodeId>,
    /// (pattern index, node).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patterns: Vec<(u32, NodeId)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional: Option<NodeId>,
}

impl Props {
    /// Position of `key` in `names`: a linear scan for the small lists most
    /// schemas have, a binary search beyond.
    #[inline]
    pub fn find(&self, key: &str) -> Option<usize> {
        if self.names.len() <= 8 {
            self.names.iter().position(|n| n == key)
        } else {
            self.names.binary_search_by(|n| n.as_str().cmp(key)).ok()
        }
    }
}

/// The dynamic anchors of one schema resource: (name index, node).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Resource {
    pub anchors: Vec<(u32, NodeId)>,
}

/// The serialized form of a [`Program`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ProgramData {
    /// Format version of this table.
    pub v: u32,
    pub nodes: Vec<Node>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patterns: Vec<String>,
    /// Dynamic anchor names (`""` stands for 2019-09 `$recursiveAnchor`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
    /// The shared `false` node, if any (lets `additionalProperties: false`
    /// report one error instead of one per sub-schema).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub false_node: Option<NodeId>,
    /// Entry points requested at compile time: (URI with fragment, node).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<(String, NodeId)>,
}

pub const PROGRAM_VERSION: u32 = 1;

/// A compiled set of schemas, ready to evaluate instances.
///
/// Build one with the `compile` feature's `Compiler`, write it with
/// [`Program::to_json`], and load it back with [`Program::from_json`].
#[derive(Clone, Deserialize)]
#[serde(try_from = "ProgramData")]
pub struct Program {
    pub data: ProgramData,
    pub regexes: Vec<regress::Regex>,
}

impl fmt::Debug for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Program")
            .field("nodes", &self.data.nodes.len())
            .field("patterns", &self.data.patterns)
            .field("entries", &self.data.entries)
            .finish()
    }
}

impl Serialize for Program {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.data.serialize(s)
    }
}

/// Why a serialized program could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(pub String);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot load schema program: {}", self.0)
    }
}

impl std::error::Error for LoadError {}

/// Compile an ECMA-262 pattern the way the engine evaluates `pattern`:
/// Unicode mode (so `\p{Letter}` works and `\d`/`\w` stay ASCII), falling
/// back to legacy mode for patterns that only that mode accepts (such as
/// `\-` outside a class, common in real API documents).
pub fn compile_regex(pattern: &str) -> Result<regress::Regex, String> {
    match regress::Regex::with_flags(pattern, "u") {
        Ok(r) => Ok(r),
        Err(e) => regress::Regex::with_flags(pattern, "").map_err(|_| e.to_string()),
    }
}

impl TryFrom<ProgramData> for Program {
    type Error = LoadError;

    fn try_from(data: ProgramData) -> Result<Program, LoadError> {
        if data.v != PROGRAM_VERSION {
            return Err(LoadError(format!(
                "format version {} (this engine reads version {PROGRAM_VERSION})",
                data.v
            )));
        }
        let regexes = data
            .patterns
            .iter()
            .map(|p| compile_regex(p).map_err(|e| LoadError(format!("pattern {p:?}: {e}"))))
            .collect::<Result<Vec<_>, _>>()?;
        let program = Program { data, regexes };
        program.check()?;
        Ok(program)
    }
}

impl Program {
    /// Load a program from the JSON text written by [`Program::to_json`].
    pub fn from_json(text: &str) -> Result<Program, LoadError> {
        serde_json::from_str(text).map_err(|e| LoadError(e.to_string()))
    }

    /// The compact JSON text of this program.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.data).expect("a program always serializes")
    }

    /// The node compiled for an entry URI given to the compiler (exactly as
    /// it was given).
    pub fn entry(&self, uri: &str) -> Option<NodeId> {
        self.data
            .entries
            .iter()
            .find(|(u, _)| u == uri)
            .map(|(_, n)| *n)
    }

    /// Every entry requested at compile time, as (URI, node).
    pub fn entries(&self) -> impl Iterator<Item = (&str, NodeId)> {
        self.data.entries.iter().map(|(u, n)| (u.as_str(), *n))
    }

    /// Number of nodes in the table.
    pub fn len(&self) -> usize {
        self.data.nodes.len()
    }

    /// True for a program without nodes.
    pub fn is_empty(&self) -> bool {
        self.data.nodes.is_empty()
    }

    /// Every index in the table must point inside it, so that evaluation can
    /// index without checks failing at run time on a corrupted program.
    fn check(&self) -> Result<(), LoadError> {
        let d = &self.data;
        let n = d.nodes.len() as u32;
        let bad = |what: &str| Err(LoadError(format!("{what} out of range")));
        let node_ok = |id: &NodeId| id.0 < n;
        for node in &d.nodes {
            let mut ids: Vec<NodeId> = Vec::new();
            for k in &node.any {
                match k {
                    AnyKw::Ref(t) | AnyKw::Not(t) => ids.push(*t),
                    AnyKw::DynRef { target, name } => {
                        ids.push(*target);
                        if *name as usize >= d.names.len() {
                            return bad("dynamic anchor name");
                        }
                    }
                    AnyKw::AllOf(v) | AnyKw::AnyOf(v) | AnyKw::OneOf(v) => ids.extend(v),
                    AnyKw::If { cond, then, els } => {
                        ids.push(*cond);
                        ids.extend(then.iter().chain(els));
                    }
                    AnyKw::False | AnyKw::Enum { .. } | AnyKw::Const(_) => {}
                }
            }
            for k in &node.str {
                if let StrKw::Pattern(p) = k {
                    if *p as usize >= d.patterns.len() {
                        return bad("pattern");
                    }
                }
            }
            for k in &node.arr {
                match k {
                    ArrKw::Prefix(v) => ids.extend(v),
                    ArrKw::Items { node, .. } | ArrKw::Contains { node, .. } => ids.push(*node),
                    _ => {}
                }
            }
            for k in &node.obj {
                match k {
                    ObjKw::Props(p) => {
                        if p.names.len() != p.nodes.len() {
                            return bad("property table");
                        }
                        ids.extend(&p.nodes);
                        ids.extend(p.additional);
                        for (re, id) in &p.patterns {
                            if *re as usize >= d.patterns.len() {
                                return bad("pattern");
                            }
                            ids.push(*id);
                        }
                    }
                    ObjKw::PropertyNames(id) => ids.push(*id),
                    ObjKw::DependentSchemas(v) => ids.extend(v.iter().map(|(_, id)| *id)),
                    _ => {}
                }
            }
            ids.extend(node.uprops.iter().chain(&node.uitems));
            if let Some(tag) = &node.tag {
                ids.extend(tag.values.iter().map(|(_, id)| *id));
            }
            if !ids.iter().all(node_ok) {
                return bad("node index");
            }
            if let Some(r) = node.dres {
                if r as usize >= d.resources.len() {
                    return bad("resource index");
                }
            }
        }
        for r in &d.resources {
            for (name, id) in &r.anchors {
                if *name as usize >= d.names.len() || !node_ok(id) {
                    return bad("dynamic anchor");
                }
            }
        }
        if d.false_node.is_some_and(|f| !node_ok(&f))
            || !d.entries.iter().all(|(_, id)| node_ok(id))
        {
            return bad("node index");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_tag_to(node: u32) -> ProgramData {
        ProgramData {
            v: PROGRAM_VERSION,
            nodes: vec![Node {
                tag: Some(Box::new(Tag {
                    property: "kind".to_owned(),
                    values: vec![("a".to_owned(), NodeId(node))],
                })),
                ..Node::default()
            }],
            ..ProgramData::default()
        }
    }

    /// A discriminator's alternatives are node indices like any other: a program whose tag
    /// points outside the table does not load, so evaluation never indexes out of it.
    #[test]
    fn tags_are_checked_like_every_node_index() {
        assert!(Program::try_from(with_tag_to(0)).is_ok());
        let err = Program::try_from(with_tag_to(7)).expect_err("out of range");
        assert_eq!(err, LoadError("node index out of range".to_owned()));
    }
}
