//! Which types are exact: their decoding and typed checks give the schema's verdict on every
//! document, so `from_str` may decode and check the typed value without asking the compiled
//! schema (the quick path).
//!
//! A type is exact when its schema uses only keywords that its Rust shape and typed checks say
//! exactly (`type` with at most `null` besides, `properties`, `required`, `additionalProperties`,
//! `items`, string `enum`s, the bounds and lengths that become rules, `format` where a check or
//! the type itself asserts it, plain `$ref` or `allOf: [{$ref}]` wrappers), and every type it holds
//! is exact too. Anything else (`oneOf`, `not`, `patternProperties`, property counts, defaults,
//! integers where `1.0` counts as one, …) makes it inexact: its documents are checked by the
//! compiled schema, which is always right, at the cost of parsing into a `serde_json::Value` first.
//! The test is on the compiled nodes, so it sees exactly what validation would evaluate.

use std::collections::{BTreeMap, BTreeSet};

use specgen_runtime::schema::Program;
use specgen_runtime::schema::format::Format;
use specgen_runtime::schema::program::{
    AnyKw, ArrKw, Node, NodeId, NumKw, ObjKw, StrKw, T_ANY, T_ARRAY, T_BOOL, T_INT_STRICT,
    T_INTEGER, T_NULL, T_NUMBER, T_OBJECT, T_STRING,
};

use crate::ir::{Rule, Shape, TypeDef, TypeId, TypeKind, TypeRef, TypeSpace};

/// Marks every type of `space` whose checks say all its schema says (`TypeDef::exact`).
pub(crate) fn mark_exact(space: &mut TypeSpace, program: &Program) {
    let by_node: BTreeMap<u32, TypeId> = space
        .types
        .iter()
        .filter_map(|(id, def)| def.node.map(|node| (node, *id)))
        .collect();
    let enums: BTreeSet<TypeId> = space
        .types
        .iter()
        .filter(|(_, def)| matches!(def.kind, TypeKind::Enum(_)))
        .map(|(id, _)| *id)
        .collect();
    // Local verdicts, and the types each one holds.
    let mut local: BTreeMap<TypeId, Option<Vec<TypeId>>> = BTreeMap::new();
    for (id, def) in &space.types {
        let mut check = Checker {
            program,
            by_node: &by_node,
            enums: &enums,
            holds: Vec::new(),
            null_as_absent: None,
        };
        let exact = check.type_def(def).then_some(check.holds);
        local.insert(*id, exact);
    }
    // The greatest fixed point: exact unless the type, or one it holds, is not.
    let mut exact: BTreeMap<TypeId, bool> =
        local.iter().map(|(id, l)| (*id, l.is_some())).collect();
    loop {
        let mut changed = false;
        for (id, holds) in &local {
            if exact[id]
                && holds.as_ref().is_some_and(|holds| {
                    holds
                        .iter()
                        .any(|held| !exact.get(held).copied().unwrap_or(false))
                })
            {
                exact.insert(*id, false);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (id, def) in space.types.iter_mut() {
        def.exact = exact[id];
    }
}

struct Checker<'a> {
    program: &'a Program,
    by_node: &'a BTreeMap<u32, TypeId>,
    /// Open enums, whose equality is their JSON value's.
    enums: &'a BTreeSet<TypeId>,
    holds: Vec<TypeId>,
    /// A property's node whose `null` its field takes as absent (vAPI), while it is checked.
    null_as_absent: Option<NodeId>,
}

impl<'a> Checker<'a> {
    fn node(&self, id: NodeId) -> &'a Node {
        let program: &'a Program = self.program;
        &program.data.nodes[id.0 as usize]
    }

    fn is_false(&self, id: NodeId) -> bool {
        self.program.data.false_node == Some(id)
    }

    fn type_def(&mut self, def: &TypeDef) -> bool {
        let Some(node) = def.node else {
            return false;
        };
        let node = self.unwrap(NodeId(node));
        match &def.kind {
            TypeKind::Struct(s) => {
                let n = self.node(node);
                if !plain(n) || n.types != T_OBJECT || !n.any.is_empty() || !s.rules.is_empty() {
                    return false;
                }
                let mut required: Vec<&str> = Vec::new();
                let mut props = None;
                for keyword in &n.obj {
                    match keyword {
                        ObjKw::Required(names) => required.extend(names.iter().map(String::as_str)),
                        ObjKw::Props(p) if props.is_none() => props = Some(p),
                        _ => return false,
                    }
                }
                let mut wanted: Vec<&str> = s
                    .fields
                    .iter()
                    .filter(|f| f.required)
                    .map(|f| f.wire_name.as_str())
                    .collect();
                wanted.sort_unstable();
                required.sort_unstable();
                required.dedup();
                if wanted != required {
                    return false;
                }
                let empty = Default::default();
                let props = props.map_or(&empty, |p| &**p);
                if !props.patterns.is_empty() || props.names.len() != s.fields.len() {
                    return false;
                }
                match (props.additional, &s.additional, s.deny_unknown_fields) {
                    (None, None, false) => {}
                    // Any other property, kept as it came.
                    (None, Some((_, kept)), false) if *kept == Shape::plain(TypeRef::Json) => {}
                    (Some(extra), None, true) if self.is_false(extra) => {}
                    (Some(extra), Some((_, shape)), false) => {
                        if !self.shape(shape, extra) {
                            return false;
                        }
                    }
                    _ => return false,
                }
                s.fields.iter().all(|field| {
                    props.find(&field.wire_name).is_some_and(|at| {
                        let node = props.nodes[at];
                        // vAPI's optional properties let `null` through, as their fields do.
                        self.null_as_absent = field.null_as_absent.then_some(node);
                        let exact = self.shape(&field.shape, node);
                        self.null_as_absent = None;
                        exact
                    })
                })
            }
            TypeKind::Enum(e) => {
                let n = self.node(node);
                let values: Vec<&str> = e.variants.iter().map(|v| v.wire_name.as_str()).collect();
                plain(n)
                    && n.types & !T_NULL == T_STRING
                    && n.str.is_empty()
                    && matches!(n.any.as_slice(), [AnyKw::Enum { values: listed, strings: true }]
                        if listed.iter().filter_map(|v| v.as_str()).eq(values.iter().copied())
                            && listed.len() == values.len())
            }
            TypeKind::Alias(shape) => self.shape(shape, node),
            // The user's type decodes and checks as it likes: the schema is asked.
            TypeKind::Union(_) | TypeKind::Extern(_) => false,
        }
    }

    /// `n`, or a copy without the `null` that vAPI's conventions add to an optional property's
    /// node when that is the node being checked: its field takes `null` as absent.
    fn without_absent_null(&self, id: NodeId, n: &'a Node) -> std::borrow::Cow<'a, Node> {
        if n.null && self.null_as_absent == Some(id) {
            let mut copy = n.clone();
            copy.null = false;
            std::borrow::Cow::Owned(copy)
        } else {
            std::borrow::Cow::Borrowed(n)
        }
    }

    /// Follows `$ref` and `allOf: [one]` wrappers that add nothing of their own.
    fn unwrap(&self, id: NodeId) -> NodeId {
        self.unwrap_within(id, 64)
    }

    fn unwrap_within(&self, id: NodeId, depth: u32) -> NodeId {
        let n = self.node(id);
        let n = &self.without_absent_null(id, n);
        let only = match n.any.as_slice() {
            [AnyKw::Ref(to)] => *to,
            [AnyKw::AllOf(members)] if members.len() == 1 => members[0],
            _ => return id,
        };
        if depth == 0
            || !plain(n)
            || !(n.num.is_empty() && n.str.is_empty() && n.arr.is_empty() && n.obj.is_empty())
        {
            return id;
        }
        let target = self.unwrap_within(only, depth - 1);
        // A `type` beside the reference that allows all the target allows adds nothing.
        let allowed = self.node(target).types;
        if n.types & allowed == allowed {
            target
        } else {
            id
        }
    }

    /// Whether a value of `shape` checks exactly what the schema at `node` says.
    fn shape(&mut self, shape: &Shape, node: NodeId) -> bool {
        let node = self.unwrap(node);
        if let TypeRef::Named(id) = &shape.ty {
            // The named type's own node, reached through wrappers only; a `null` the reference
            // allows besides is for the schema to judge.
            let held = self.by_node.get(&node.0) == Some(id);
            if held && shape.rules.is_empty() && !shape.nullable {
                self.holds.push(*id);
                return true;
            }
            return false;
        }
        let n = self.node(node);
        let n = &self.without_absent_null(node, n);
        if !plain(n) || !n.any.is_empty() {
            return false;
        }
        let null = if shape.nullable { T_NULL } else { 0 };
        let mut rules: Vec<&Rule> = shape.rules.iter().collect();
        let exact = match &shape.ty {
            TypeRef::Named(_) => unreachable!("handled above"),
            TypeRef::Bool => n.types == T_BOOL | null,
            // The Rust integer decodes the integers of its range; `1.0`, an integer from
            // draft 6 on, fails to decode and is then decoded as `1` once the schema accepts it.
            TypeRef::I32 => {
                integer_types(n.types, null)
                    && n.num.iter().any(|k| matches!(k, NumKw::Int32))
                    && numbers(&n.num, &mut rules)
            }
            TypeRef::I64 => {
                integer_types(n.types, null)
                    && n.num.iter().any(|k| matches!(k, NumKw::Int64))
                    && numbers(&n.num, &mut rules)
            }
            TypeRef::F32 => false,
            // An integer document beyond 2^53 decodes rounded into an `f64`, where the schema
            // compares it exactly: only limits that no rounded integer can cross are exact,
            // and `multipleOf` never is.
            TypeRef::F64 => {
                n.types == T_NUMBER | null
                    && n.num.iter().all(|k| match k {
                        NumKw::Minimum(x)
                        | NumKw::Maximum(x)
                        | NumKw::ExclusiveMinimum(x)
                        | NumKw::ExclusiveMaximum(x) => x
                            .as_f64()
                            .is_some_and(|f| f.abs() < 9_007_199_254_740_992.0),
                        NumKw::MultipleOf(_) => false,
                        NumKw::Int32 | NumKw::Int64 => true,
                    })
                    && numbers(&n.num, &mut rules)
            }
            TypeRef::String => {
                n.types == T_STRING | null
                    && strings(&n.str, &self.program.data.patterns, &mut rules)
            }
            TypeRef::DateTime => {
                n.types == T_STRING | null
                    && matches!(n.str.as_slice(), [StrKw::Format(Format::DateTime)])
            }
            TypeRef::Json => n.types == T_ANY && !shape.nullable && empty(n),
            TypeRef::Vec(items) => {
                if n.types != T_ARRAY | null {
                    return false;
                }
                let mut item = None;
                for keyword in &n.arr {
                    match keyword {
                        ArrKw::Items { from: 0, node } if item.is_none() => item = Some(*node),
                        ArrKw::MinItems(count) => {
                            take(&mut rules, |c| matches!(c, Rule::MinItems(x) if x == count))
                        }
                        ArrKw::MaxItems(count) => {
                            take(&mut rules, |c| matches!(c, Rule::MaxItems(x) if x == count))
                        }
                        // Typed equality is JSON equality for these items only: structs ignore
                        // unknown properties, date-times compare instants, and two integers
                        // beyond 2^53 may decode into one `f64`.
                        ArrKw::UniqueItems
                            if !items.nullable
                                && match &items.ty {
                                    TypeRef::Bool
                                    | TypeRef::I32
                                    | TypeRef::I64
                                    | TypeRef::String => true,
                                    TypeRef::Named(id) => self.enums.contains(id),
                                    _ => false,
                                } =>
                        {
                            take(&mut rules, |c| matches!(c, Rule::UniqueItems));
                        }
                        _ => return false,
                    }
                }
                let Some(item) = item else {
                    return false;
                };
                self.shape(items, item)
            }
            TypeRef::Map(values) => {
                if n.types != T_OBJECT | null {
                    return false;
                }
                // `type: object` alone: any object is a map of JSON values.
                if n.obj.is_empty() {
                    return matches!(values.ty, TypeRef::Json) && !values.nullable;
                }
                let [ObjKw::Props(props)] = n.obj.as_slice() else {
                    return false;
                };
                match props.additional {
                    Some(extra) if props.names.is_empty() && props.patterns.is_empty() => {
                        self.shape(values, extra)
                    }
                    _ => false,
                }
            }
        };
        exact && rules.is_empty()
    }
}

/// `type: integer`, of any draft (draft 4's is stricter: `1.0` is not an integer), and maybe null.
fn integer_types(types: u8, null: u8) -> bool {
    types == T_INTEGER | T_INT_STRICT | null || types == T_INTEGER | null
}

/// A node without the keywords no typed check has: `unevaluated*`, dynamic scope.
fn plain(n: &Node) -> bool {
    n.uprops.is_none() && n.uitems.is_none() && n.dres.is_none() && !n.null
}

fn empty(n: &Node) -> bool {
    n.any.is_empty() && n.num.is_empty() && n.str.is_empty() && n.arr.is_empty() && n.obj.is_empty()
}

/// Removes the check that `matches` from `checks`; none left over means the two agree.
fn take(rules: &mut Vec<&Rule>, matches: impl Fn(&Rule) -> bool) {
    match rules.iter().position(|c| matches(c)) {
        Some(at) => {
            rules.remove(at);
        }
        // A keyword without its check: make the leftover count differ.
        None => rules.push(&Rule::UniqueItems),
    }
}

/// The typed checks and the evaluator share each keyword's implementation
/// (`specgen_runtime::schema::keyword`), so a keyword and a rule with the same limit agree.
fn numbers(keywords: &[NumKw], rules: &mut Vec<&Rule>) -> bool {
    for keyword in keywords {
        match keyword {
            NumKw::Minimum(n) => take(rules, |c| matches!(c, Rule::Minimum(x) if x == n)),
            NumKw::Maximum(n) => take(rules, |c| matches!(c, Rule::Maximum(x) if x == n)),
            NumKw::ExclusiveMinimum(n) => {
                take(rules, |c| matches!(c, Rule::ExclusiveMinimum(x) if x == n))
            }
            NumKw::ExclusiveMaximum(n) => {
                take(rules, |c| matches!(c, Rule::ExclusiveMaximum(x) if x == n))
            }
            NumKw::MultipleOf(n) => take(rules, |c| matches!(c, Rule::MultipleOf(x) if x == n)),
            // The Rust integer type's range, which the caller matches.
            NumKw::Int32 | NumKw::Int64 => {}
        }
    }
    true
}

fn strings(keywords: &[StrKw], patterns: &[String], rules: &mut Vec<&Rule>) -> bool {
    for keyword in keywords {
        match keyword {
            StrKw::MinLength(n) => take(rules, |c| matches!(c, Rule::MinLength(x) if x == n)),
            StrKw::MaxLength(n) => take(rules, |c| matches!(c, Rule::MaxLength(x) if x == n)),
            StrKw::Format(format) => {
                let name = format.name();
                take(rules, |c| matches!(c, Rule::Format(x) if x == name));
            }
            // Both compile the pattern with the program's `compile_regex`.
            StrKw::Pattern(i) => match patterns.get(*i as usize) {
                Some(pattern) => take(rules, |c| matches!(c, Rule::Pattern(x) if x == pattern)),
                None => return false,
            },
        }
    }
    true
}
