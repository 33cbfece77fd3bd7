//! The comparison itself: matches the old version's types and operations with the new one's,
//! then walks each pair and says what changed, for Rust and on the wire.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Change, Verdict};
use crate::Location;
use crate::ir::{
    BodyShape, EnumDef, Field, OperationDef, ParameterDef, PathPiece, ResponseDef, Rule, Shape,
    StatusDef, StructDef, TypeDef, TypeId, TypeKind, TypeRef, TypeSpace, UnionDef,
};

/// Every change from `old` to `new`, unsorted.
pub(super) fn changes(old: &TypeSpace, new: &TypeSpace, krate: &str) -> Vec<Change> {
    let mut cx = Cx {
        old,
        new,
        old_sides: sides(old),
        new_sides: sides(new),
        to_new: HashMap::new(),
        krate,
        group: String::new(),
        out: Vec::new(),
    };
    let pairs = match_types(old, new);
    for &(o, n, _) in &pairs {
        cx.to_new.insert(o, n);
    }
    cx.types(&pairs);
    cx.operations();
    cx.out
}

/// Whether an old and a new alternative of a union are the same.
type AlternativeTest<'a> = dyn Fn(&crate::ir::UnionVariant, &crate::ir::UnionVariant) -> bool + 'a;

/// Which side of the wire a type is on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Side {
    request: bool,
    response: bool,
}

impl Side {
    const BOTH: Side = Side {
        request: true,
        response: true,
    };
    const REQUEST: Side = Side {
        request: true,
        response: false,
    };
    const RESPONSE: Side = Side {
        request: false,
        response: true,
    };

    fn union(self, other: Side) -> Side {
        Side {
            request: self.request || other.request,
            response: self.response || other.response,
        }
    }

    /// The word ids carry: `request-`, `response-`, or nothing for both.
    fn prefix(self) -> &'static str {
        match (self.request, self.response) {
            (true, false) => "request-",
            (false, true) => "response-",
            _ => "",
        }
    }

    /// The wire verdict on this side: the request's or the response's, or for both the one
    /// that breaks.
    fn wire(self, request: Verdict, response: Verdict) -> Verdict {
        match (self.request, self.response) {
            (true, false) => request,
            (false, true) => response,
            _ if request.breaking || !response.breaking => request,
            _ => response,
        }
    }
}

/// The side of every type: what requests hold is on the request side, what responses hold on the
/// response side. Without operations (a JSON Schema document), and for a type no operation
/// reaches, both.
fn sides(space: &TypeSpace) -> HashMap<TypeId, Side> {
    let mut sides: HashMap<TypeId, Side> = HashMap::new();
    if space.operations.is_empty() {
        return space.types.keys().map(|&id| (id, Side::BOTH)).collect();
    }
    let (request, response) = (Side::REQUEST, Side::RESPONSE);
    for op in space.operations.values() {
        for parameter in &op.parameters {
            mark(space, &parameter.shape.ty, request, &mut sides);
        }
        if let Some(body) = &op.body
            && let BodyShape::Typed(shape) = &body.shape
        {
            mark(space, &shape.ty, request, &mut sides);
        }
        for answer in &op.responses {
            if let Some((_, BodyShape::Typed(shape))) = &answer.body {
                mark(space, &shape.ty, response, &mut sides);
            }
        }
        if let Some(task) = &op.task {
            for ty in task.result.iter().chain(&task.error) {
                mark(space, ty, response, &mut sides);
            }
        }
    }
    for &id in space.types.keys() {
        sides.entry(id).or_insert(Side::BOTH);
    }
    sides
}

fn mark(space: &TypeSpace, ty: &TypeRef, side: Side, sides: &mut HashMap<TypeId, Side>) {
    match ty {
        TypeRef::Vec(items) | TypeRef::Map(items) => mark(space, &items.ty, side, sides),
        TypeRef::Named(id) => {
            let known = sides.entry(*id).or_default();
            if known.union(side) == *known {
                return;
            }
            *known = known.union(side);
            let mut held: Vec<&TypeRef> = Vec::new();
            match &space.get(*id).kind {
                TypeKind::Struct(s) => {
                    held.extend(s.fields.iter().map(|f| &f.shape.ty));
                    held.extend(s.additional.iter().map(|(_, shape)| &shape.ty));
                }
                TypeKind::Union(u) => held.extend(u.variants.iter().map(|v| &v.shape.ty)),
                TypeKind::Alias(shape) => held.push(&shape.ty),
                TypeKind::Enum(_) | TypeKind::Extern(_) => {}
            }
            let base = match &space.get(*id).kind {
                TypeKind::Union(u) => u.base.map(TypeRef::Named),
                _ => None,
            };
            for ty in held.into_iter().chain(base.as_ref()) {
                mark(space, ty, side, sides);
            }
        }
        _ => {}
    }
}

/// How an old type was found again in the new version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// At the same place (JSON Pointer), or at the same place inside a type found again: the
    /// schema is where it was.
    Place,
    /// By its spec name, at another place (Swagger 2.0's `definitions` became `components`).
    Name,
    /// By its spec name up to case and punctuation (`EsxSettingsNotification` is
    /// `Esx.Settings.Notification`): the spec renamed it.
    LooseName,
    /// By its contents: the only removed and the only added type with these properties or values.
    Contents,
    /// As what the same property of a struct found again holds.
    Property,
}

/// Pairs of (old, new) types that are the same schema. Each pass pairs only what is unique on
/// both sides among what earlier passes left.
fn match_types(old: &TypeSpace, new: &TypeSpace) -> Vec<(TypeId, TypeId, Found)> {
    let mut pairs: Vec<(TypeId, TypeId, Found)> = Vec::new();
    let mut left_old: Vec<TypeId> = old.types.keys().copied().collect();
    let mut left_new: HashSet<TypeId> = new.types.keys().copied().collect();
    let mut pass = |pairs: &mut Vec<(TypeId, TypeId, Found)>,
                    key_old: &dyn Fn(TypeId) -> Option<String>,
                    key_new: &dyn Fn(TypeId) -> Option<String>,
                    found: Found,
                    ordered: bool| {
        let mut old_keys: BTreeMap<String, Vec<TypeId>> = BTreeMap::new();
        for &id in &left_old {
            if let Some(k) = key_old(id) {
                old_keys.entry(k).or_default().push(id);
            }
        }
        let mut new_keys: BTreeMap<String, Vec<TypeId>> = BTreeMap::new();
        let mut ids: Vec<TypeId> = left_new.iter().copied().collect();
        ids.sort();
        for id in ids {
            if let Some(k) = key_new(id) {
                new_keys.entry(k).or_default().push(id);
            }
        }
        for (k, olds) in old_keys {
            let Some(news) = new_keys.get(&k) else {
                continue;
            };
            // Alike keys pair in order only where the passes ask for it (`Found::Place` with an
            // ordinal: one schema lowered in several places, in the same order both times).
            if olds.len() == 1 && news.len() == 1 || ordered && olds.len() == news.len() {
                for (o, n) in olds.iter().zip(news) {
                    pairs.push((*o, *n, found));
                    left_new.remove(n);
                    left_old.retain(|id| id != o);
                }
            }
        }
    };
    // Where it is and what it is called, both alike: the same schema. Then a schema of its own
    // by its name; then by its Rust path, since names of inline types follow their schema's own
    // place (a property's name, an alternative's tag) where positions shift; then by pointer.
    // A schema that several types are made of (a referenced one merged into each `allOf` that
    // names it) has one place and several types: their names tell them apart, or their order.
    let passes: [(KeyFn, Found, bool); 8] = [
        (place_and_path, Found::Place, false),
        (own_name, Found::Name, false),
        (rust_path, Found::Place, false),
        (place, Found::Place, false),
        (place_and_name, Found::Place, false),
        (place, Found::Place, true),
        (loose, Found::LooseName, false),
        (contents, Found::Contents, false),
    ];
    for (key, found, ordered) in passes {
        pass(
            &mut pairs,
            &|id| key(old, id),
            &|id| key(new, id),
            found,
            ordered,
        );
    }
    // Types written inside a schema found under another name (its properties' inline objects
    // and enums) are at the same place inside it: the deepest such schema decides.
    let renamed: Vec<(String, String)> = pairs
        .iter()
        .filter(|p| p.2 != Found::Place)
        .map(|&(o, n, _)| {
            (
                old.get(o).location.pointer.clone(),
                new.get(n).location.pointer.clone(),
            )
        })
        .collect();
    if !renamed.is_empty() {
        let moved = |id: TypeId| {
            let pointer = &old.get(id).location.pointer;
            renamed
                .iter()
                .filter(|(o, _)| pointer.starts_with(&format!("{o}/")))
                .max_by_key(|(o, _)| o.len())
                .map(|(o, n)| format!("{n}{}", &pointer[o.len()..]))
        };
        pass(
            &mut pairs,
            &moved,
            &|id| place(new, id),
            Found::Place,
            false,
        );
    }
    // What the same property of the same struct holds is the same schema, when nothing else
    // found it (vmsgen's `EsxSettings…ReportsLastCheckResultStatus` is 9.1's
    // `….CheckResult.Status`): as deep as such pairs go.
    let mut taken_old: HashSet<TypeId> = pairs.iter().map(|p| p.0).collect();
    let mut taken_new: HashSet<TypeId> = pairs.iter().map(|p| p.1).collect();
    let mut next = 0;
    while next < pairs.len() {
        let (o, n, _) = pairs[next];
        next += 1;
        let (TypeKind::Struct(a), TypeKind::Struct(b)) = (&old.get(o).kind, &new.get(n).kind)
        else {
            continue;
        };
        for f in &a.fields {
            let Some(g) = b.fields.iter().find(|g| g.wire_name == f.wire_name) else {
                continue;
            };
            if let (Some(x), Some(y)) = (innermost_named(&f.shape.ty), innermost_named(&g.shape.ty))
                && !taken_old.contains(&x)
                && !taken_new.contains(&y)
                && std::mem::discriminant(&old.get(x).kind)
                    == std::mem::discriminant(&new.get(y).kind)
            {
                taken_old.insert(x);
                taken_new.insert(y);
                pairs.push((x, y, Found::Property));
            }
        }
    }
    pairs.sort_by_key(|&(o, _, _)| o);
    pairs
}

/// The named type a shape holds, through arrays and maps.
fn innermost_named(ty: &TypeRef) -> Option<TypeId> {
    match ty {
        TypeRef::Named(id) => Some(*id),
        TypeRef::Vec(items) | TypeRef::Map(items) => innermost_named(&items.ty),
        _ => None,
    }
}

/// What a pass of [`match_types`] pairs types by.
type KeyFn = fn(&TypeSpace, TypeId) -> Option<String>;

fn place(space: &TypeSpace, id: TypeId) -> Option<String> {
    Some(space.get(id).location.pointer.clone())
}

fn place_and_name(space: &TypeSpace, id: TypeId) -> Option<String> {
    let def = space.get(id);
    Some(format!("{} {}", def.location.pointer, def.spec_name))
}

fn place_and_path(space: &TypeSpace, id: TypeId) -> Option<String> {
    let def = space.get(id);
    Some(format!(
        "{} {}",
        def.location.pointer,
        rust_path(space, id)?
    ))
}

fn rust_path(space: &TypeSpace, id: TypeId) -> Option<String> {
    let def = space.get(id);
    Some(format!("{}::{}", def.path.module.join("::"), def.path.name))
}

/// A schema of its own (not written inside another) is what its name says.
fn own_name(space: &TypeSpace, id: TypeId) -> Option<String> {
    let def = space.get(id);
    (!space.nested_modules.contains(&def.path.module)).then(|| def.spec_name.clone())
}

fn loose(space: &TypeSpace, id: TypeId) -> Option<String> {
    Some(loose_name(&space.get(id).spec_name))
}

fn contents(space: &TypeSpace, id: TypeId) -> Option<String> {
    contents_key(space.get(id))
}

/// A name without case and punctuation.
fn loose_name(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// What a struct or enum holds, for finding a renamed one: its properties (and which are
/// required) or its values, when it has at least two.
fn contents_key(def: &TypeDef) -> Option<String> {
    let mut members: Vec<String> = match &def.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .map(|f| format!("{}{}", f.wire_name, if f.required { "!" } else { "?" }))
            .collect(),
        TypeKind::Enum(e) => e.variants.iter().map(|v| v.wire_name.clone()).collect(),
        _ => return None,
    };
    if members.len() < 2 {
        return None;
    }
    members.sort();
    let kind = if matches!(def.kind, TypeKind::Struct(_)) {
        "struct"
    } else {
        "enum"
    };
    Some(format!("{kind}:{}", members.join(",")))
}

/// A change of a constraint.
struct RuleChange {
    /// `max-length-decreased`.
    id: String,
    /// `maxLength 64 (was 128)`.
    text: String,
    effect: Effect,
}

/// What a constraint's change does to the values it lets through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    /// Fewer: some values the old one took are refused.
    Tightened,
    /// More: every value the old one took is taken.
    Loosened,
    /// Others (a `pattern` or `format` changed): some refused, some new.
    Changed,
}

/// The changes between two lists of constraints, by keyword.
fn rule_changes(old: &[Rule], new: &[Rule]) -> Vec<RuleChange> {
    let mut out = Vec::new();
    let keyed = |rules: &[Rule]| -> BTreeMap<&'static str, Rule> {
        rules
            .iter()
            .map(|rule| (rule_keyword(rule).0, rule.clone()))
            .collect()
    };
    let (old, new) = (keyed(old), keyed(new));
    let keywords: std::collections::BTreeSet<&'static str> =
        old.keys().chain(new.keys()).copied().collect();
    for keyword in keywords {
        let (o, n) = (old.get(keyword), new.get(keyword));
        if o == n {
            continue;
        }
        let fragment = rule_keyword(o.or(n).expect("invariant: one side has it")).1;
        if let (Some(Rule::Enum(o)), Some(Rule::Enum(n))) = (o, n) {
            let added: Vec<&String> = n.iter().filter(|v| !o.contains(v)).collect();
            let removed: Vec<&String> = o.iter().filter(|v| !n.contains(v)).collect();
            if !removed.is_empty() {
                out.push(RuleChange {
                    id: "enum-value-removed".to_owned(),
                    text: format!("no longer allows {}", joined(&removed)),
                    effect: Effect::Tightened,
                });
            }
            if !added.is_empty() {
                out.push(RuleChange {
                    id: "enum-value-added".to_owned(),
                    text: format!("also allows {}", joined(&added)),
                    effect: Effect::Loosened,
                });
            }
            continue;
        }
        let shown = |rule: Option<&Rule>| rule.map_or_else(|| "none".to_owned(), rule_value);
        let (direction, effect) = match (o, n) {
            (None, Some(_)) => ("added", Effect::Tightened),
            (Some(_), None) => ("removed", Effect::Loosened),
            (Some(o), Some(n)) => match (number(o), number(n)) {
                (Some(a), Some(b)) if lower_bound(o) => {
                    if b > a {
                        ("increased", Effect::Tightened)
                    } else {
                        ("decreased", Effect::Loosened)
                    }
                }
                (Some(a), Some(b)) if upper_bound(o) => {
                    if b > a {
                        ("increased", Effect::Loosened)
                    } else {
                        ("decreased", Effect::Tightened)
                    }
                }
                _ => ("changed", Effect::Changed),
            },
            (None, None) => continue,
        };
        out.push(RuleChange {
            id: format!("{fragment}-{direction}"),
            text: format!(
                "`{keyword}` {} (was {})",
                shown(n),
                shown(o).trim_start_matches("none")
            )
            .replace("(was )", "(was none)"),
            effect,
        });
    }
    out
}

fn joined(values: &[&String]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A rule's keyword and the id fragment for it.
fn rule_keyword(rule: &Rule) -> (&'static str, &'static str) {
    match rule {
        Rule::Minimum(_) => ("minimum", "min"),
        Rule::Maximum(_) => ("maximum", "max"),
        Rule::ExclusiveMinimum(_) => ("exclusiveMinimum", "exclusive-min"),
        Rule::ExclusiveMaximum(_) => ("exclusiveMaximum", "exclusive-max"),
        Rule::MultipleOf(_) => ("multipleOf", "multiple-of"),
        Rule::MinLength(_) => ("minLength", "min-length"),
        Rule::MaxLength(_) => ("maxLength", "max-length"),
        Rule::Pattern(_) => ("pattern", "pattern"),
        Rule::Format(_) => ("format", "format"),
        Rule::MinItems(_) => ("minItems", "min-items"),
        Rule::MaxItems(_) => ("maxItems", "max-items"),
        Rule::UniqueItems => ("uniqueItems", "unique-items"),
        Rule::MinProperties(_) => ("minProperties", "min-properties"),
        Rule::MaxProperties(_) => ("maxProperties", "max-properties"),
        Rule::Enum(_) => ("enum", "enum-value"),
    }
}

fn rule_value(rule: &Rule) -> String {
    match rule {
        Rule::Minimum(n)
        | Rule::Maximum(n)
        | Rule::ExclusiveMinimum(n)
        | Rule::ExclusiveMaximum(n)
        | Rule::MultipleOf(n) => n.to_string(),
        Rule::MinLength(n)
        | Rule::MaxLength(n)
        | Rule::MinItems(n)
        | Rule::MaxItems(n)
        | Rule::MinProperties(n)
        | Rule::MaxProperties(n) => n.to_string(),
        Rule::Pattern(text) | Rule::Format(text) => format!("`{text}`"),
        Rule::UniqueItems => "true".to_owned(),
        Rule::Enum(values) => values.join(", "),
    }
}

fn number(rule: &Rule) -> Option<f64> {
    match rule {
        Rule::Minimum(n)
        | Rule::Maximum(n)
        | Rule::ExclusiveMinimum(n)
        | Rule::ExclusiveMaximum(n)
        | Rule::MultipleOf(n) => n.as_f64(),
        Rule::MinLength(n)
        | Rule::MaxLength(n)
        | Rule::MinItems(n)
        | Rule::MaxItems(n)
        | Rule::MinProperties(n)
        | Rule::MaxProperties(n) => Some(*n as f64),
        _ => None,
    }
}

fn lower_bound(rule: &Rule) -> bool {
    matches!(
        rule,
        Rule::Minimum(_)
            | Rule::ExclusiveMinimum(_)
            | Rule::MinLength(_)
            | Rule::MinItems(_)
            | Rule::MinProperties(_)
    )
}

fn upper_bound(rule: &Rule) -> bool {
    matches!(
        rule,
        Rule::Maximum(_)
            | Rule::ExclusiveMaximum(_)
            | Rule::MaxLength(_)
            | Rule::MaxItems(_)
            | Rule::MaxProperties(_)
    )
}

/// How one Rust type relates to another on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    Same,
    /// Every value of the old is a value of the new (`i32` to `i64`, `integer` to `number`).
    Wider,
    /// Every value of the new is a value of the old.
    Narrower,
    Other,
}

/// The verdicts of a property, parameter or body whose type changed.
fn type_change_wire(relation: Relation, side: Side, what: &str) -> Verdict {
    let request = match relation {
        Relation::Wider => Verdict::compatible(format!(
            "what old clients send as {what} is still a value of its new type"
        )),
        _ => Verdict::breaking(format!(
            "old clients send {what} as a value of its old type"
        )),
    };
    let response = match relation {
        Relation::Narrower => Verdict::compatible(format!(
            "what the new server sends as {what} is a value of its old type too"
        )),
        _ => Verdict::breaking(format!(
            "old clients refuse {what} when it is not a value of its old type"
        )),
    };
    side.wire(request, response)
}

/// The context of a change: the places and Rust items it is reported at.
struct At<'s> {
    old: Option<&'s Location>,
    new: Option<&'s Location>,
    items: Vec<String>,
}

struct Cx<'a> {
    old: &'a TypeSpace,
    new: &'a TypeSpace,
    old_sides: HashMap<TypeId, Side>,
    new_sides: HashMap<TypeId, Side>,
    /// Old types that are in the new version, and as which type.
    to_new: HashMap<TypeId, TypeId>,
    krate: &'a str,
    /// The type or operation whose changes are being reported.
    group: String,
    out: Vec<Change>,
}

impl Cx<'_> {
    fn push(
        &mut self,
        id: impl Into<String>,
        at: &At<'_>,
        rust: Verdict,
        wire: Verdict,
        message: String,
    ) {
        self.out.push(Change {
            id: id.into(),
            old: at.old.map(ToString::to_string),
            new: at.new.map(ToString::to_string),
            rust_items: at.items.clone(),
            group: if self.group.is_empty() {
                at.items.first().cloned().unwrap_or_default()
            } else {
                self.group.clone()
            },
            rust,
            wire,
            message,
        });
    }

    /// A type's full Rust path.
    fn item(&self, space: &TypeSpace, id: TypeId) -> String {
        self.path(&space.get(id).path.module, &space.get(id).path.name)
    }

    fn path(&self, module: &[String], name: &str) -> String {
        let mut parts = vec![self.krate.to_owned()];
        parts.extend(module.iter().filter(|m| *m != "crate").cloned());
        parts.push(name.to_owned());
        parts.join("::")
    }

    fn side(&self, o: TypeId, n: TypeId) -> Side {
        let old = self.old_sides.get(&o).copied().unwrap_or(Side::BOTH);
        let new = self.new_sides.get(&n).copied().unwrap_or(Side::BOTH);
        old.union(new)
    }

    /// Whether two types are the same Rust type (a named type is the same when it is the new
    /// version of the old one).
    fn relation(&self, o: &TypeRef, n: &TypeRef) -> Relation {
        use TypeRef as T;
        match (o, n) {
            (T::Named(a), T::Named(b)) if self.to_new.get(a) == Some(b) => Relation::Same,
            (T::Vec(a), T::Vec(b)) | (T::Map(a), T::Map(b)) => self.shape_relation(a, b),
            // Any JSON value takes every value of another type.
            (T::Json, T::Json) => Relation::Same,
            (_, T::Json) => Relation::Wider,
            (T::Json, _) => Relation::Narrower,
            (T::Named(_), _) | (_, T::Named(_)) | (T::Vec(_), _) | (T::Map(_), _) => {
                Relation::Other
            }
            (a, b) if a == b => Relation::Same,
            (T::I32, T::I64 | T::F64) | (T::I64 | T::F32, T::F64) => Relation::Wider,
            (T::I64 | T::F64, T::I32) | (T::F64, T::I64 | T::F32) => Relation::Narrower,
            // A date-time is a string with a format.
            (T::DateTime, T::String) => Relation::Wider,
            (T::String, T::DateTime) => Relation::Narrower,
            _ => Relation::Other,
        }
    }

    /// How two shapes relate, `null` included: a shape that comes to allow `null` is wider.
    fn shape_relation(&self, a: &Shape, b: &Shape) -> Relation {
        match (a.nullable, b.nullable, self.relation(&a.ty, &b.ty)) {
            (x, y, relation) if x == y => relation,
            (false, true, Relation::Same | Relation::Wider) => Relation::Wider,
            (true, false, Relation::Same | Relation::Narrower) => Relation::Narrower,
            _ => Relation::Other,
        }
    }

    fn types(&mut self, pairs: &[(TypeId, TypeId, Found)]) {
        let (old, new) = (self.old, self.new);
        let matched_old: HashSet<TypeId> = pairs.iter().map(|p| p.0).collect();
        let matched_new: HashSet<TypeId> = pairs.iter().map(|p| p.1).collect();
        for &(o, n, found) in pairs {
            let (od, nd) = (old.get(o), new.get(n));
            let at = At {
                old: Some(&od.location),
                new: Some(&nd.location),
                items: vec![self.item(old, o)],
            };
            let (old_item, new_item) = (self.item(old, o), self.item(new, n));
            self.group = new_item.clone();
            if matches!(found, Found::LooseName | Found::Contents | Found::Property) {
                let rust = if old_item == new_item {
                    Verdict::compatible("the Rust path is the same")
                } else {
                    Verdict::breaking(format!("the type is `{new_item}` now"))
                };
                let how = match found {
                    Found::Contents => "same properties or values",
                    Found::Property => "what the same property holds",
                    _ => "same name up to case and punctuation",
                };
                self.push(
                    "api-schema-renamed",
                    &At {
                        items: vec![old_item.clone(), new_item.clone()],
                        ..at
                    },
                    rust,
                    Verdict::compatible("schema names are not sent"),
                    format!("`{}` is `{}` now ({how})", od.spec_name, nd.spec_name),
                );
            } else if old_item != new_item
                // A type written inside another moves with it: that one reports the move.
                && (own_schema(new, n) || od.path.module == nd.path.module)
            {
                self.push(
                    "rust-name-shifted",
                    &At {
                        items: vec![old_item.clone(), new_item.clone()],
                        ..at
                    },
                    Verdict::breaking(format!("the type is `{new_item}` now")),
                    Verdict::compatible("Rust names are not sent"),
                    format!(
                        "`{}` kept its name, but its type moved from `{old_item}` to `{new_item}`",
                        od.spec_name
                    ),
                );
            }
            let side = self.side(o, n);
            self.type_pair(od, nd, side, &at);
        }
        self.group.clear();
        // A type inside a removed or added one (an inline object of its property) goes with it.
        let inside = |space: &TypeSpace, ids: &HashSet<TypeId>, id: TypeId| {
            let loc = &space.get(id).location;
            ids.iter().any(|&other| {
                let parent = &space.get(other).location;
                other != id
                    && parent.file == loc.file
                    && loc.pointer.starts_with(&format!("{}/", parent.pointer))
            })
        };
        let removed: HashSet<TypeId> = old
            .types
            .keys()
            .copied()
            .filter(|id| !matched_old.contains(id))
            .collect();
        let added: HashSet<TypeId> = new
            .types
            .keys()
            .copied()
            .filter(|id| !matched_new.contains(id))
            .collect();
        let mut removed_sorted: Vec<TypeId> = removed.iter().copied().collect();
        removed_sorted.sort();
        for id in removed_sorted {
            if !own_schema(old, id) || inside(old, &removed, id) || self.in_operation(old, id, true)
            {
                continue;
            }
            let def = old.get(id);
            let item = self.item(old, id);
            self.push(
                "api-schema-removed",
                &At {
                    old: Some(&def.location),
                    new: None,
                    items: vec![item.clone()],
                },
                Verdict::breaking(format!("`{item}` is gone")),
                Verdict::compatible(
                    "schema names are not sent; what used it reports its own change",
                ),
                format!("`{}` was removed", def.spec_name),
            );
        }
        let mut added_sorted: Vec<TypeId> = added.iter().copied().collect();
        added_sorted.sort();
        for id in added_sorted {
            if !own_schema(new, id) || inside(new, &added, id) || self.in_operation(new, id, false)
            {
                continue;
            }
            let def = new.get(id);
            self.push(
                "api-schema-added",
                &At {
                    old: None,
                    new: Some(&def.location),
                    items: vec![self.item(new, id)],
                },
                Verdict::compatible("a new type breaks no code"),
                Verdict::compatible("nothing old clients send or read changes"),
                format!("`{}` was added", def.spec_name),
            );
        }
    }

    /// Whether a type is written inline in an operation that only one version has: the
    /// operation's own change covers it.
    fn in_operation(&self, space: &TypeSpace, id: TypeId, old_side: bool) -> bool {
        let other = if old_side { self.new } else { self.old };
        let loc = &space.get(id).location;
        space.operations.values().any(|op| {
            loc.file == op.location.file
                && loc
                    .pointer
                    .starts_with(&format!("{}/", op.location.pointer))
                && !other
                    .operations
                    .values()
                    .any(|o| op_key(other, o) == op_key(space, op) || o.spec_name == op.spec_name)
        })
    }

    fn type_pair(&mut self, od: &TypeDef, nd: &TypeDef, side: Side, at: &At<'_>) {
        match (&od.kind, &nd.kind) {
            (TypeKind::Struct(a), TypeKind::Struct(b)) => self.structs(od, nd, a, b, side),
            (TypeKind::Enum(a), TypeKind::Enum(b)) => self.enums(od, nd, a, b, side),
            (TypeKind::Union(a), TypeKind::Union(b)) => self.unions(od, nd, a, b, side),
            (TypeKind::Alias(a), TypeKind::Alias(b)) => {
                let relation = self.shape_relation(a, b);
                if relation != Relation::Same {
                    let (was, now) = (self.shape_text(self.old, a), self.shape_text(self.new, b));
                    self.push(
                        "api-schema-type-changed",
                        at,
                        Verdict::breaking(format!(
                            "`{}` holds `{now}` now (was `{was}`)",
                            nd.path.name
                        )),
                        type_change_wire(relation, side, &format!("`{}`", nd.spec_name)),
                        format!("`{}` is `{now}` now (was `{was}`)", nd.spec_name),
                    );
                }
                self.shape_rules(
                    &format!("{}schema", side.prefix()),
                    a,
                    b,
                    side,
                    at,
                    &format!("`{}`", nd.spec_name),
                );
            }
            (TypeKind::Extern(a), TypeKind::Extern(b)) if a == b => {}
            _ => {
                let kind = |k: &TypeKind| match k {
                    TypeKind::Struct(_) => "a struct",
                    TypeKind::Enum(_) => "an enum",
                    TypeKind::Union(_) => "a union",
                    TypeKind::Alias(_) => "a newtype",
                    TypeKind::Extern(_) => "a type of the user's",
                };
                self.push(
                    "api-schema-type-changed",
                    at,
                    Verdict::breaking(format!(
                        "`{}` is {} now (was {})",
                        nd.path.name,
                        kind(&nd.kind),
                        kind(&od.kind)
                    )),
                    Verdict::breaking("values of the old schema are not values of the new one"),
                    format!(
                        "`{}` is {} now (was {})",
                        nd.spec_name,
                        kind(&nd.kind),
                        kind(&od.kind)
                    ),
                );
            }
        }
    }

    /// The constraint changes from `old` to `new`, as `{prefix}-{rule}-{direction}` changes.
    fn rules(
        &mut self,
        prefix: &str,
        old: &[Rule],
        new: &[Rule],
        side: Side,
        at: &At<'_>,
        what: &str,
    ) {
        for change in rule_changes(old, new) {
            let refuses = || {
                Verdict::breaking(format!(
                    "old clients may send {what} values the new server refuses"
                ))
            };
            let checks = || {
                Verdict::breaking(format!(
                    "old clients check answers and refuse {what} values the new server may send"
                ))
            };
            let wire = match change.effect {
                Effect::Tightened => side.wire(
                    refuses(),
                    Verdict::compatible("what the new server sends old clients accept"),
                ),
                Effect::Loosened => side.wire(
                    Verdict::compatible("what old clients send the new server accepts"),
                    checks(),
                ),
                Effect::Changed => side.wire(refuses(), checks()),
            };
            self.push(
                format!("{prefix}-{}", change.id),
                at,
                Verdict::compatible("constraints are checked at run time; the Rust types stay"),
                wire,
                format!("{what}: {}", change.text),
            );
        }
    }

    fn shape_text(&self, space: &TypeSpace, shape: &Shape) -> String {
        let text = ty_text(space, &shape.ty);
        if shape.nullable {
            format!("Option<{text}>")
        } else {
            text
        }
    }

    fn field_text(&self, space: &TypeSpace, field: &Field) -> String {
        let mut text = ty_text(space, &field.shape.ty);
        if field.boxed {
            text = format!("Box<{text}>");
        }
        if field.shape.nullable {
            text = format!("Option<{text}>");
        }
        if field.required {
            text
        } else {
            format!("Option<{text}>")
        }
    }

    fn structs(&mut self, od: &TypeDef, nd: &TypeDef, a: &StructDef, b: &StructDef, side: Side) {
        let (old, new) = (self.old, self.new);
        let type_item = self.type_item_of(nd);
        let name = &nd.path.name;
        let prefix = side.prefix();
        for f in &a.fields {
            if b.fields.iter().any(|g| g.wire_name == f.wire_name) {
                continue;
            }
            let at = At {
                old: Some(&f.location),
                new: Some(&nd.location),
                items: vec![format!("{type_item}::{}", bare(&f.ident))],
            };
            let id = match (side.request, side.response, f.required) {
                (false, true, true) => "response-required-property-removed".to_owned(),
                (false, true, false) => "response-optional-property-removed".to_owned(),
                _ => format!("{prefix}property-removed"),
            };
            let request = if b.deny_unknown_fields {
                Verdict::breaking(format!(
                    "old clients send `{}`, and the new server refuses properties it does not list",
                    f.wire_name
                ))
            } else {
                Verdict::compatible(format!(
                    "old clients may still send `{}`; the new spec does not read it",
                    f.wire_name
                ))
            };
            let response = if f.required {
                Verdict::breaking(format!(
                    "old clients require `{}`, which the new server does not send",
                    f.wire_name
                ))
            } else {
                Verdict::compatible(format!(
                    "old clients read a missing `{}` as `None`",
                    f.wire_name
                ))
            };
            self.push(
                id,
                &at,
                Verdict::breaking(format!("the field `{name}::{}` is gone", bare(&f.ident))),
                side.wire(request, response),
                format!("`{}.{}` was removed", nd.spec_name, f.wire_name),
            );
        }
        for g in &b.fields {
            let Some(f) = a.fields.iter().find(|f| f.wire_name == g.wire_name) else {
                let at = At {
                    old: Some(&od.location),
                    new: Some(&g.location),
                    items: vec![format!("{type_item}::{}", bare(&g.ident))],
                };
                let id = match (side.request, side.response, g.required) {
                    (false, true, true) => "response-required-property-added".to_owned(),
                    (false, true, false) => "response-optional-property-added".to_owned(),
                    (_, _, true) => format!("new-required-{prefix}property"),
                    (_, _, false) => format!("new-optional-{prefix}property"),
                };
                let rust = if g.required {
                    Verdict::breaking(format!("`{name}::new` takes `{}` now", bare(&g.ident)))
                } else {
                    Verdict::compatible(format!(
                        "`{name}` is `#[non_exhaustive]` and built by `new`, which stays"
                    ))
                };
                let request = if g.required {
                    Verdict::breaking(format!(
                        "old clients do not send `{}`, which the new server requires",
                        g.wire_name
                    ))
                } else {
                    Verdict::compatible(format!(
                        "old clients leave out `{}`, which is optional",
                        g.wire_name
                    ))
                };
                let response = if a.deny_unknown_fields {
                    Verdict::breaking(format!(
                        "old clients refuse `{}`: their spec allows no other properties",
                        g.wire_name
                    ))
                } else if a.additional.is_some() {
                    Verdict::compatible(format!(
                        "old clients keep `{}` among the additional properties",
                        g.wire_name
                    ))
                } else {
                    Verdict::compatible(format!("old clients skip `{}`", g.wire_name))
                };
                self.push(
                    id,
                    &at,
                    rust,
                    side.wire(request, response),
                    format!(
                        "`{}.{}` was added ({})",
                        nd.spec_name,
                        g.wire_name,
                        if g.required { "required" } else { "optional" }
                    ),
                );
                continue;
            };
            self.field_pair(nd, &type_item, f, g, side);
        }
        let at = At {
            old: Some(&od.location),
            new: Some(&nd.location),
            items: vec![type_item.clone()],
        };
        if let (Some((x, _)), Some((y, _))) = (&a.additional, &b.additional)
            && x != y
        {
            self.push(
                "rust-name-shifted",
                &at,
                Verdict::breaking(format!("the field `{name}::{x}` is `{y}` now")),
                Verdict::compatible("Rust names are not sent"),
                format!(
                    "the other properties of `{}` are in `{y}` now (was `{x}`)",
                    nd.spec_name
                ),
            );
        }
        let required = |s: &StructDef| -> Vec<String> {
            s.fields
                .iter()
                .filter(|f| f.required)
                .map(|f| f.wire_name.clone())
                .collect()
        };
        self.arguments_reordered(required(a), required(b), &at, &format!("`{name}::new`"));
        match (&a.additional, &b.additional) {
            (Some((_, x)), Some((field, y))) if self.relation(&x.ty, &y.ty) != Relation::Same => {
                let (was, now) = (ty_text(old, &x.ty), ty_text(new, &y.ty));
                self.push(
                    format!("{prefix}property-additional-properties-changed"),
                    &at,
                    Verdict::breaking(format!(
                        "`{name}::{field}` holds `{now}` values now (was `{was}`)"
                    )),
                    type_change_wire(self.relation(&x.ty, &y.ty), side, "the other properties"),
                    format!(
                        "the other properties of `{}` are `{now}` now (was `{was}`)",
                        nd.spec_name
                    ),
                );
            }
            (Some((field, _)), None) => self.push(
                format!("{prefix}property-additional-properties-changed"),
                &at,
                Verdict::breaking(format!("the field `{name}::{field}` is gone")),
                side.wire(
                    Verdict::breaking("old clients may send properties the new server refuses"),
                    Verdict::compatible("the new server sends no other properties"),
                ),
                format!("`{}` allows no other properties now", nd.spec_name),
            ),
            (None, Some((field, _))) => self.push(
                format!("{prefix}property-additional-properties-changed"),
                &at,
                Verdict::compatible(format!(
                    "`{name}` gains the field `{field}`; it is `#[non_exhaustive]`"
                )),
                side.wire(
                    Verdict::compatible("the new server accepts more"),
                    if a.deny_unknown_fields {
                        Verdict::breaking("old clients refuse properties their spec does not list")
                    } else {
                        Verdict::compatible(
                            "old clients keep or skip properties their spec does not list",
                        )
                    },
                ),
                format!("`{}` allows other properties now", nd.spec_name),
            ),
            _ => {}
        }
        self.rules(
            &format!("{prefix}property"),
            &a.rules,
            &b.rules,
            side,
            &at,
            &format!("`{}`", nd.spec_name),
        );
    }

    fn field_pair(&mut self, nd: &TypeDef, type_item: &str, f: &Field, g: &Field, side: Side) {
        let (old, new) = (self.old, self.new);
        let name = &nd.path.name;
        let prefix = side.prefix();
        let at = At {
            old: Some(&f.location),
            new: Some(&g.location),
            items: vec![format!("{type_item}::{}", bare(&g.ident))],
        };
        let what = format!("`{}.{}`", nd.spec_name, g.wire_name);
        let field = format!("`{name}::{}`", bare(&g.ident));
        if f.ident != g.ident {
            self.push(
                "rust-name-shifted",
                &At {
                    items: vec![
                        format!("{type_item}::{}", bare(&f.ident)),
                        format!("{type_item}::{}", bare(&g.ident)),
                    ],
                    ..at
                },
                Verdict::breaking(format!(
                    "the field is `{}` now (was `{}`)",
                    bare(&g.ident),
                    bare(&f.ident)
                )),
                Verdict::compatible("Rust names are not sent"),
                format!(
                    "{what} kept its name, but its field is `{}` now (was `{}`)",
                    bare(&g.ident),
                    bare(&f.ident)
                ),
            );
        }
        let (was, now) = (self.field_text(old, f), self.field_text(new, g));
        let rust_type = |changed: bool| {
            if changed {
                Verdict::breaking(format!("{field} is `{now}` now (was `{was}`)"))
            } else {
                Verdict::compatible(format!("{field} stays `{now}`"))
            }
        };
        let relation = self.relation(&f.shape.ty, &g.shape.ty);
        if relation != Relation::Same {
            self.push(
                format!("{prefix}property-type-changed"),
                &at,
                rust_type(true),
                type_change_wire(relation, side, &what),
                {
                    let (was, now) = two_texts(old, &f.shape.ty, new, &g.shape.ty);
                    format!("{what} is `{now}` now (was `{was}`)")
                },
            );
        } else if f.required != g.required {
            if g.required {
                self.push(
                    format!("{prefix}property-became-required"),
                    &at,
                    Verdict::breaking(format!(
                        "{field} is `{now}` now (was `{was}`), and `{name}::new` takes it"
                    )),
                    side.wire(
                        Verdict::breaking(format!(
                            "old clients may leave out {what}, which the new server requires"
                        )),
                        Verdict::compatible(format!("the new server always sends {what}")),
                    ),
                    format!("{what} became required"),
                );
            } else {
                self.push(
                    format!("{prefix}property-became-optional"),
                    &at,
                    Verdict::breaking(format!(
                        "{field} is `{now}` now (was `{was}`), and `{name}::new` no longer takes it"
                    )),
                    side.wire(
                        Verdict::compatible(format!("old clients always send {what}")),
                        Verdict::breaking(format!(
                            "old clients require {what}, which the new server may leave out"
                        )),
                    ),
                    format!("{what} became optional"),
                );
            }
        } else if f.shape.nullable != g.shape.nullable {
            let changed = was != now;
            if g.shape.nullable {
                let response = if f.null_as_absent {
                    Verdict::compatible(format!(
                        "old clients already read a `null` {what} as absent"
                    ))
                } else {
                    Verdict::breaking(format!("old clients refuse a `null` {what}"))
                };
                self.push(
                    format!("{prefix}property-became-nullable"),
                    &at,
                    rust_type(changed),
                    side.wire(
                        Verdict::compatible("old clients never send `null`"),
                        response,
                    ),
                    format!("{what} may be `null` now"),
                );
            } else {
                let request = if g.null_as_absent {
                    Verdict::compatible(format!("the new server reads a `null` {what} as absent"))
                } else {
                    Verdict::breaking(format!(
                        "old clients may send a `null` {what}, which the new server refuses"
                    ))
                };
                self.push(
                    format!("{prefix}property-became-not-nullable"),
                    &at,
                    rust_type(changed),
                    side.wire(
                        request,
                        Verdict::compatible("the new server never sends `null`"),
                    ),
                    format!("{what} may no longer be `null`"),
                );
            }
        } else if f.boxed != g.boxed {
            // The same values, another Rust type: a field that closes a cycle is boxed.
            self.push(
                format!("{prefix}property-type-changed"),
                &at,
                rust_type(true),
                Verdict::compatible("boxing is Rust's, not the wire's"),
                format!("{field} is `{now}` now (was `{was}`)"),
            );
        }
        self.shape_rules(
            &format!("{prefix}property"),
            &f.shape,
            &g.shape,
            side,
            &at,
            &what,
        );
        self.default_change(f, g, side, &at, &what, &field);
    }

    /// The constraints of a shape and of the items of its arrays and maps.
    fn shape_rules(
        &mut self,
        prefix: &str,
        a: &Shape,
        b: &Shape,
        side: Side,
        at: &At<'_>,
        what: &str,
    ) {
        self.rules(prefix, &a.rules, &b.rules, side, at, what);
        if let (TypeRef::Vec(x), TypeRef::Vec(y)) | (TypeRef::Map(x), TypeRef::Map(y)) =
            (&a.ty, &b.ty)
        {
            self.shape_rules(prefix, x, y, side, at, &format!("the items of {what}"));
        }
    }

    /// `new` takes the same arguments in another order: where two have one type, code that still
    /// compiles passes each where the other belongs.
    fn arguments_reordered(
        &mut self,
        old: Vec<String>,
        new: Vec<String>,
        at: &At<'_>,
        function: &str,
    ) {
        let mut sorted = (old.clone(), new.clone());
        sorted.0.sort();
        sorted.1.sort();
        if old != new && sorted.0 == sorted.1 {
            self.push(
                "rust-constructor-arguments-reordered",
                at,
                Verdict::breaking(format!(
                    "{function} takes ({}) now (was ({}))",
                    new.join(", "),
                    old.join(", ")
                )),
                Verdict::compatible("the order of properties is not sent"),
                format!(
                    "{function}'s arguments are ({}) now (was ({}))",
                    new.join(", "),
                    old.join(", ")
                ),
            );
        }
    }

    /// A default added, removed or changed, and the getter that comes or goes with it.
    fn default_change(
        &mut self,
        f: &Field,
        g: &Field,
        side: Side,
        at: &At<'_>,
        what: &str,
        field: &str,
    ) {
        let getter = match (f.has_default_getter(), g.has_default_getter()) {
            (true, false) => Verdict::breaking(format!("the getter of {field} is gone")),
            (false, true) => {
                Verdict::compatible(format!("{field} gains a getter of its effective value"))
            }
            (true, true) => Verdict::compatible(format!(
                "the getter of {field} returns another value, of the same type"
            )),
            (false, false) => Verdict::compatible(format!("{field} has no getter either way")),
        };
        let prefix = side.prefix();
        match (&f.default, &g.default) {
            (Some(x), Some(y)) if x != y => self.push(
                format!("{prefix}property-default-value-changed"),
                at,
                getter,
                side.wire(
                    Verdict::breaking(format!("a request without {what} means {y} now, not {x}")),
                    Verdict::breaking(format!(
                        "old clients read a missing {what} as {x}, the new server means {y}"
                    )),
                ),
                format!("{what} defaults to {y} now (was {x})"),
            ),
            (None, Some(y)) => self.push(
                format!("{prefix}property-default-value-added"),
                at,
                getter,
                Verdict::compatible("a default documents what a missing value means"),
                format!("{what} defaults to {y} now"),
            ),
            (Some(x), None) => self.push(
                format!("{prefix}property-default-value-removed"),
                at,
                getter,
                Verdict::compatible(format!("a missing {what} no longer means {x}")),
                format!("{what} has no default now (was {x})"),
            ),
            _ => {}
        }
    }

    fn enums(&mut self, od: &TypeDef, nd: &TypeDef, a: &EnumDef, b: &EnumDef, side: Side) {
        let type_item = self.type_item_of(nd);
        let name = &nd.path.name;
        let prefix = side.prefix();
        if a.other_ident != b.other_ident {
            // A value named like the catch-all (`unknown`) takes its name.
            self.push(
                "rust-name-shifted",
                &At {
                    old: Some(&od.location),
                    new: Some(&nd.location),
                    items: vec![format!("{type_item}::{}", b.other_ident)],
                },
                Verdict::breaking(format!(
                    "the catch-all variant is `{name}::{}` now (was `{}`)",
                    b.other_ident, a.other_ident
                )),
                Verdict::compatible("Rust names are not sent"),
                format!(
                    "the catch-all variant of `{}` is `{}` now",
                    nd.spec_name, b.other_ident
                ),
            );
        }
        for v in &a.variants {
            let at = At {
                old: Some(&od.location),
                new: Some(&nd.location),
                items: vec![format!("{type_item}::{}", v.ident)],
            };
            match b.variants.iter().find(|w| w.wire_name == v.wire_name) {
                Some(w) if w.ident != v.ident => self.push(
                    "rust-name-shifted",
                    &At {
                        items: vec![
                            format!("{type_item}::{}", v.ident),
                            format!("{type_item}::{}", w.ident),
                        ],
                        ..at
                    },
                    Verdict::breaking(format!("the variant is `{name}::{}` now", w.ident)),
                    Verdict::compatible("Rust names are not sent"),
                    format!(
                        "`{}` of `{}` is the variant `{}` now (was `{}`)",
                        v.wire_name, nd.spec_name, w.ident, v.ident
                    ),
                ),
                Some(_) => {}
                None => self.push(
                    format!("{prefix}property-enum-value-removed"),
                    &at,
                    Verdict::breaking(format!("the variant `{name}::{}` is gone", v.ident)),
                    side.wire(
                        Verdict::breaking(format!(
                            "old clients may send `{}`, which the new server refuses",
                            v.wire_name
                        )),
                        Verdict::compatible(format!(
                            "the new server no longer sends `{}`",
                            v.wire_name
                        )),
                    ),
                    format!("`{}` lost the value `{}`", nd.spec_name, v.wire_name),
                ),
            }
        }
        for w in &b.variants {
            if a.variants.iter().any(|v| v.wire_name == w.wire_name) {
                continue;
            }
            self.push(
                format!("{prefix}property-enum-value-added"),
                &At {
                    old: Some(&od.location),
                    new: Some(&nd.location),
                    items: vec![format!("{type_item}::{}", w.ident)],
                },
                Verdict::compatible(format!(
                    "`{name}` is `#[non_exhaustive]`: a `match` over it has a wildcard arm"
                )),
                side.wire(
                    Verdict::compatible(format!("old clients do not send `{}`", w.wire_name)),
                    Verdict::compatible(format!(
                        "old clients read `{}` as `{name}::{}`",
                        w.wire_name, a.other_ident
                    )),
                ),
                format!("`{}` gained the value `{}`", nd.spec_name, w.wire_name),
            );
        }
    }

    fn type_item_of(&self, nd: &TypeDef) -> String {
        self.path(&nd.path.module, &nd.path.name)
    }

    fn unions(&mut self, od: &TypeDef, nd: &TypeDef, a: &UnionDef, b: &UnionDef, side: Side) {
        let type_item = self.type_item_of(nd);
        let name = &nd.path.name;
        let prefix = side.prefix();
        let at_variant = |ident: &str| At {
            old: Some(&od.location),
            new: Some(&nd.location),
            items: vec![format!("{type_item}::{ident}")],
        };
        // An alternative is the same when it holds the same type, else when it has the same
        // name, else when the same discriminator values select it.
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut taken = vec![false; b.variants.len()];
        let same_type = |v: &crate::ir::UnionVariant, w: &crate::ir::UnionVariant| {
            matches!(v.shape.ty, TypeRef::Named(_))
                && self.relation(&v.shape.ty, &w.shape.ty) == Relation::Same
        };
        let same_name =
            |v: &crate::ir::UnionVariant, w: &crate::ir::UnionVariant| v.ident == w.ident;
        let same_tags = |v: &crate::ir::UnionVariant, w: &crate::ir::UnionVariant| {
            !v.tag_values.is_empty() && v.tag_values == w.tag_values
        };
        let tests: [&AlternativeTest<'_>; 3] = [&same_type, &same_name, &same_tags];
        for test in tests {
            for (i, v) in a.variants.iter().enumerate() {
                if pairs.iter().any(|&(x, _)| x == i) {
                    continue;
                }
                if let Some(j) =
                    (0..b.variants.len()).find(|&j| !taken[j] && test(v, &b.variants[j]))
                {
                    taken[j] = true;
                    pairs.push((i, j));
                }
            }
        }
        let shown = |v: &crate::ir::UnionVariant| {
            if v.tag_values.is_empty() {
                v.ident.clone()
            } else {
                v.tag_values.join(", ")
            }
        };
        for (i, v) in a.variants.iter().enumerate() {
            let Some(&(_, j)) = pairs.iter().find(|&&(x, _)| x == i) else {
                self.push(
                    format!("{prefix}property-one-of-removed"),
                    &at_variant(&v.ident),
                    Verdict::breaking(format!("the variant `{name}::{}` is gone", v.ident)),
                    side.wire(
                        Verdict::breaking("old clients may send values of the removed alternative"),
                        Verdict::compatible("the new server no longer sends it"),
                    ),
                    format!("`{}` lost the alternative `{}`", nd.spec_name, shown(v)),
                );
                continue;
            };
            let w = &b.variants[j];
            if w.ident != v.ident {
                self.push(
                    "rust-name-shifted",
                    &at_variant(&w.ident),
                    Verdict::breaking(format!(
                        "the variant is `{name}::{}` now (was `{}`)",
                        w.ident, v.ident
                    )),
                    Verdict::compatible("Rust names are not sent"),
                    format!(
                        "an alternative of `{}` is the variant `{}` now (was `{}`)",
                        nd.spec_name, w.ident, v.ident
                    ),
                );
            }
            let relation = self.shape_relation(&v.shape, &w.shape);
            let held = |space: &TypeSpace, v: &crate::ir::UnionVariant| {
                let text = self.shape_text(space, &v.shape);
                if v.boxed {
                    format!("Box<{text}>")
                } else {
                    text
                }
            };
            let (was, now) = (held(self.old, v), held(self.new, w));
            if relation != Relation::Same || v.boxed != w.boxed {
                let wire = if relation == Relation::Same {
                    Verdict::compatible("boxing is Rust's, not the wire's")
                } else {
                    type_change_wire(relation, side, &format!("the alternative `{}`", w.ident))
                };
                self.push(
                    format!("{prefix}property-type-changed"),
                    &at_variant(&w.ident),
                    Verdict::breaking(format!(
                        "`{name}::{}` holds `{now}` now (was `{was}`)",
                        w.ident
                    )),
                    wire,
                    format!(
                        "an alternative of `{}` is `{now}` now (was `{was}`)",
                        nd.spec_name
                    ),
                );
            }
            if !v.tag_values.is_empty() && v.tag_values != w.tag_values {
                self.push(
                    format!("{prefix}property-discriminator-mapping-changed"),
                    &at_variant(&w.ident),
                    Verdict::compatible("the variant is the same"),
                    Verdict::breaking(format!(
                        "old clients send and expect `{}` for `{}`",
                        v.tag_values.join(", "),
                        w.ident
                    )),
                    format!(
                        "`{}` of `{}` is selected by `{}` now (was `{}`)",
                        w.ident,
                        nd.spec_name,
                        w.tag_values.join(", "),
                        v.tag_values.join(", ")
                    ),
                );
            }
        }
        let at = At {
            old: Some(&od.location),
            new: Some(&nd.location),
            items: vec![type_item.clone()],
        };
        match (&a.tag, &b.tag) {
            (Some(x), Some(y)) if x.property != y.property => self.push(
                format!("{prefix}property-discriminator-mapping-changed"),
                &at,
                Verdict::compatible("the variants are the same"),
                Verdict::breaking(format!("old clients tell the alternatives apart by `{}`", x.property)),
                format!("`{}` is told apart by `{}` now (was `{}`)", nd.spec_name, y.property, x.property),
            ),
            (Some(x), Some(y)) if x.other_ident != y.other_ident => self.push(
                "rust-name-shifted",
                &at,
                Verdict::breaking(format!("the catch-all variant is `{name}::{}` now (was `{}`)", y.other_ident, x.other_ident)),
                Verdict::compatible("Rust names are not sent"),
                format!("the catch-all variant of `{}` is `{}` now", nd.spec_name, y.other_ident),
            ),
            (Some(x), None) => self.push(
                format!("{prefix}property-discriminator-mapping-changed"),
                &at,
                Verdict::breaking(format!("`{name}` is exhaustive now: `{name}::{}` is gone", x.other_ident)),
                Verdict::breaking("old clients read values whose tag they do not know; the new schema refuses them"),
                format!("`{}` has no discriminator now", nd.spec_name),
            ),
            (None, Some(_)) => self.push(
                format!("{prefix}property-discriminator-mapping-changed"),
                &at,
                Verdict::breaking(format!("`{name}` is `#[non_exhaustive]` now: a `match` over it needs a wildcard arm")),
                Verdict::compatible("the alternatives are the same values"),
                format!("`{}` has a discriminator now", nd.spec_name),
            ),
            _ => {}
        }
        // A family's accessors exist for the base's fields every subtype shares.
        let shared = |space: &TypeSpace, u: &UnionDef| -> Vec<String> {
            space
                .shared_fields(u)
                .iter()
                .map(|f| f.ident.clone())
                .collect()
        };
        let now = shared(self.new, b);
        for accessor in shared(self.old, a).iter().filter(|f| !now.contains(f)) {
            self.push(
                "rust-accessor-changed",
                &At {
                    old: Some(&od.location),
                    new: Some(&nd.location),
                    items: vec![format!("{type_item}::{}", bare(accessor))],
                },
                Verdict::breaking(format!(
                    "`{name}::{}()` is gone: not every subtype has the field alike now",
                    bare(accessor)
                )),
                Verdict::compatible("accessors are Rust's, not the wire's"),
                format!(
                    "the subtypes of `{}` no longer all have `{}` alike",
                    nd.spec_name,
                    bare(accessor)
                ),
            );
        }
        for (j, w) in b.variants.iter().enumerate() {
            if taken[j] {
                continue;
            }
            let rust = if a.tag.is_some() {
                Verdict::compatible(format!(
                    "`{name}` is `#[non_exhaustive]`: a `match` over it has a wildcard arm"
                ))
            } else {
                Verdict::breaking(format!(
                    "a `match` over `{name}` without a wildcard misses `{}`",
                    w.ident
                ))
            };
            let response = match &a.tag {
                Some(tag) => Verdict::compatible(format!(
                    "old clients read a tag they do not know as `{name}::{}`",
                    tag.other_ident
                )),
                None => Verdict::breaking("old clients refuse values of the new alternative"),
            };
            self.push(
                format!("{prefix}property-one-of-added"),
                &at_variant(&w.ident),
                rust,
                side.wire(Verdict::compatible("old clients do not send it"), response),
                format!("`{}` gained the alternative `{}`", nd.spec_name, shown(w)),
            );
        }
    }

    fn op_item(&self, op: &OperationDef) -> String {
        self.path(&op.path.module, &op.path.name)
    }

    fn operations(&mut self) {
        let (old, new) = (self.old, self.new);
        let mut pairs: Vec<(&OperationDef, &OperationDef)> = Vec::new();
        let mut left_new: Vec<&OperationDef> = new.operations.values().collect();
        let mut left_old: Vec<&OperationDef> = Vec::new();
        for op in old.operations.values() {
            match left_new
                .iter()
                .position(|n| op_key(new, n) == op_key(old, op))
            {
                Some(i) => pairs.push((op, left_new.remove(i))),
                None => left_old.push(op),
            }
        }
        self.group.clear();
        left_old.retain(
            |op| match left_new.iter().position(|n| n.spec_name == op.spec_name) {
                Some(i) => {
                    let n = left_new.remove(i);
                    self.push(
                        "api-path-changed",
                        &At {
                            old: Some(&op.location),
                            new: Some(&n.location),
                            items: vec![self.op_item(n)],
                        },
                        // A new Rust name, if any, is a change of its own.
                        Verdict::compatible("the method and path are not in the Rust API"),
                        Verdict::breaking(
                            "old clients send the request to the old method and path",
                        ),
                        format!(
                            "`{}` is `{}` now (was `{}`)",
                            op.spec_name,
                            op_key(new, n),
                            op_key(old, op)
                        ),
                    );
                    pairs.push((op, n));
                    false
                }
                None => true,
            },
        );
        for op in left_old {
            let id = if op.deprecated {
                "api-removed-with-deprecation"
            } else {
                "api-removed-without-deprecation"
            };
            let item = self.op_item(op);
            self.push(
                id,
                &At {
                    old: Some(&op.location),
                    new: None,
                    items: vec![item.clone()],
                },
                Verdict::breaking(format!("`{item}` is gone")),
                Verdict::breaking("the new server no longer has the operation"),
                format!("`{}` ({}) was removed", op.spec_name, op_key(old, op)),
            );
        }
        for op in left_new {
            self.push(
                "endpoint-added",
                &At {
                    old: None,
                    new: Some(&op.location),
                    items: vec![self.op_item(op)],
                },
                Verdict::compatible("a new operation breaks no code"),
                Verdict::compatible("old clients do not call it"),
                format!("`{}` ({}) was added", op.spec_name, op_key(new, op)),
            );
        }
        for (o, n) in pairs {
            self.group = self.op_item(n);
            self.operation_pair(o, n);
        }
        self.group.clear();
    }

    /// An operation found again: its Rust name, then each part of it.
    fn operation_pair(&mut self, o: &OperationDef, n: &OperationDef) {
        let item = self.op_item(n);
        let at = At {
            old: Some(&o.location),
            new: Some(&n.location),
            items: vec![item.clone()],
        };
        if self.op_item(o) != item {
            let id = if o.spec_name != n.spec_name {
                "api-operation-id-updated"
            } else {
                "rust-name-shifted"
            };
            self.push(
                id,
                &At {
                    items: vec![self.op_item(o), item.clone()],
                    ..at
                },
                Verdict::breaking(format!(
                    "the request is `{item}` now (was `{}`)",
                    self.op_item(o)
                )),
                Verdict::compatible("operation ids are not sent"),
                format!("`{}` is `{}` now", o.spec_name, n.spec_name),
            );
        }
        self.parameters(o, n, &at);
        self.bodies(o, n, &at);
        self.responses(o, n, &at);
        self.security(o, n, &at);
        self.tasks(o, n, &at);
    }

    /// vSphere's task operations: whether the request is one (`TaskOperation`), and the types of
    /// its result and error.
    fn tasks(&mut self, o: &OperationDef, n: &OperationDef, at: &At<'_>) {
        let (old, new) = (self.old, self.new);
        let name = &n.path.name;
        let text = |space: &TypeSpace, ty: &Option<TypeRef>| {
            ty.as_ref()
                .map_or_else(|| "serde_json::Value".to_owned(), |ty| ty_text(space, ty))
        };
        match (&o.task, &n.task) {
            (Some(_), None) => self.push(
                "rust-accessor-changed",
                at,
                Verdict::breaking(format!("`{name}` is no longer a `TaskOperation`")),
                Verdict::breaking("the new server answers without a task id"),
                format!("`{}` is not a task operation now", n.spec_name),
            ),
            (Some(a), Some(b)) => {
                for (what, x, y) in [
                    ("result", &a.result, &b.result),
                    ("error", &a.error, &b.error),
                ] {
                    let same = match (x, y) {
                        (Some(x), Some(y)) => self.relation(x, y) == Relation::Same,
                        (None, None) => true,
                        _ => false,
                    };
                    if !same {
                        let (was, now) = (text(old, x), text(new, y));
                        self.push(
                            "response-body-type-changed",
                            at,
                            Verdict::breaking(format!(
                                "the task's {what} (`TaskOperation` of `{name}`) is `{now}` now (was `{was}`)"
                            )),
                            Verdict::breaking(format!(
                                "old clients read the task's {what} as `{was}`"
                            )),
                            format!("the {what} of the task `{}` is `{now}` now (was `{was}`)", n.spec_name),
                        );
                    }
                }
            }
            _ => {}
        }
    }

    /// The parameters: found again by name and place, or by name where they moved.
    fn parameters(&mut self, o: &OperationDef, n: &OperationDef, at: &At<'_>) {
        let (old, new) = (self.old, self.new);
        let item = self.op_item(n);
        let name = &n.path.name;
        let at = At {
            items: at.items.clone(),
            ..*at
        };
        // A parameter is the same when it has the same name in the same place, else the same
        // name (it moved, from the query to a header, say).
        let mut partner: Vec<Option<usize>> = vec![None; n.parameters.len()];
        for same_place in [true, false] {
            for (j, q) in n.parameters.iter().enumerate() {
                if partner[j].is_some() {
                    continue;
                }
                partner[j] = o.parameters.iter().enumerate().position(|(i, p)| {
                    p.wire_name == q.wire_name
                        && (!same_place || p.place == q.place)
                        && !partner.contains(&Some(i))
                });
            }
        }
        let arguments = |op: &OperationDef| -> Vec<String> {
            op.parameters
                .iter()
                .filter(|p| p.required)
                .map(|p| p.wire_name.clone())
                .chain(
                    op.body
                        .iter()
                        .filter(|b| b.required)
                        .map(|_| "body".to_owned()),
                )
                .collect()
        };
        self.arguments_reordered(arguments(o), arguments(n), &at, &format!("`{name}::new`"));
        for (i, p) in o.parameters.iter().enumerate() {
            if !partner.contains(&Some(i)) {
                self.push(
                    "request-parameter-removed",
                    &At {
                        items: vec![format!("{item}::{}", bare(&p.ident))],
                        ..at
                    },
                    Verdict::breaking(format!("the field `{name}::{}` is gone", bare(&p.ident))),
                    Verdict::compatible(format!(
                        "old clients may still send `{}`; the new spec does not read it",
                        p.wire_name
                    )),
                    format!("`{}` no longer takes `{}`", n.spec_name, p.wire_name),
                );
            }
        }
        for (j, q) in n.parameters.iter().enumerate() {
            let at = At {
                items: vec![format!("{item}::{}", bare(&q.ident))],
                old: Some(&o.location),
                new: Some(&n.location),
            };
            let what = format!("the parameter `{}`", q.wire_name);
            let Some(p) = partner[j].map(|i| &o.parameters[i]) else {
                if q.required {
                    self.push(
                        "new-required-request-parameter",
                        &at,
                        Verdict::breaking(format!("`{name}::new` takes `{}` now", bare(&q.ident))),
                        Verdict::breaking(format!(
                            "old clients do not send {what}, which the new server requires"
                        )),
                        format!("`{}` takes {what} (required)", n.spec_name),
                    );
                } else {
                    self.push(
                        "new-optional-request-parameter",
                        &at,
                        Verdict::compatible(format!(
                            "`{name}` is `#[non_exhaustive]` and built by `new`, which stays"
                        )),
                        Verdict::compatible(format!(
                            "old clients leave out {what}, which is optional"
                        )),
                        format!("`{}` takes {what} (optional)", n.spec_name),
                    );
                }
                continue;
            };
            let text = |space: &TypeSpace, p: &ParameterDef| {
                let text = self.shape_text(space, &p.shape);
                if p.required {
                    text
                } else {
                    format!("Option<{text}>")
                }
            };
            let (was, now) = (text(old, p), text(new, q));
            if p.place != q.place {
                self.push(
                    "request-parameter-location-changed",
                    &at,
                    Verdict::compatible(format!("`{name}::{}` stays", bare(&q.ident))),
                    Verdict::breaking(format!(
                        "old clients send {what} in the {}, the new server reads the {}",
                        place_text(p.place),
                        place_text(q.place)
                    )),
                    format!(
                        "{what} of `{}` is in the {} now (was the {})",
                        n.spec_name,
                        place_text(q.place),
                        place_text(p.place)
                    ),
                );
            } else if (p.style, p.explode) != (q.style, q.explode) {
                self.push(
                    "request-parameter-style-changed",
                    &at,
                    Verdict::compatible("the style is the operation's, not the user's"),
                    Verdict::breaking(format!("old clients write {what} another way")),
                    format!(
                        "{what} of `{}` is written {} now (was {})",
                        n.spec_name,
                        style_text(q),
                        style_text(p)
                    ),
                );
            }
            let relation = self.shape_relation(&p.shape, &q.shape);
            if relation != Relation::Same {
                self.push(
                    "request-parameter-type-changed",
                    &at,
                    Verdict::breaking(format!(
                        "`{name}::{}` is `{now}` now (was `{was}`)",
                        bare(&q.ident)
                    )),
                    type_change_wire(relation, Side::REQUEST, &what),
                    format!(
                        "{what} of `{}` is `{}` now (was `{}`)",
                        n.spec_name,
                        ty_text(new, &q.shape.ty),
                        ty_text(old, &p.shape.ty)
                    ),
                );
            } else if p.required != q.required {
                let (id, rust, wire) = if q.required {
                    (
                        "request-parameter-became-required",
                        Verdict::breaking(format!(
                            "`{name}::{}` is `{now}` now (was `{was}`), and `{name}::new` takes it",
                            bare(&q.ident)
                        )),
                        Verdict::breaking(format!(
                            "old clients may leave out {what}, which the new server requires"
                        )),
                    )
                } else {
                    (
                        "request-parameter-became-optional",
                        Verdict::breaking(format!(
                            "`{name}::{}` is `{now}` now (was `{was}`)",
                            bare(&q.ident)
                        )),
                        Verdict::compatible(format!("old clients always send {what}")),
                    )
                };
                self.push(
                    id,
                    &at,
                    rust,
                    wire,
                    format!(
                        "{what} of `{}` became {}",
                        n.spec_name,
                        if q.required { "required" } else { "optional" }
                    ),
                );
            }
            if p.ident != q.ident && relation == Relation::Same {
                self.push(
                    "rust-name-shifted",
                    &at,
                    Verdict::breaking(format!(
                        "the field is `{}` now (was `{}`)",
                        bare(&q.ident),
                        bare(&p.ident)
                    )),
                    Verdict::compatible("Rust names are not sent"),
                    format!(
                        "{what} of `{}` is the field `{}` now",
                        n.spec_name,
                        bare(&q.ident)
                    ),
                );
            }
            self.shape_rules(
                "request-parameter",
                &p.shape,
                &q.shape,
                Side::REQUEST,
                &at,
                &what,
            );
        }
    }

    /// The documented statuses, their bodies, and what `error()` gives.
    fn responses(&mut self, o: &OperationDef, n: &OperationDef, at: &At<'_>) {
        let (old, new) = (self.old, self.new);
        let at = At {
            items: at.items.clone(),
            ..*at
        };
        let covered = |op: &OperationDef, status: u16| {
            op.responses.iter().any(|r| match r.status {
                StatusDef::Code(code) => code == status,
                StatusDef::Range(hundreds) => status / 100 == hundreds,
                StatusDef::Default => true,
            })
        };
        let success = |status: StatusDef| !status.is_error();
        let response_enum = self.path(&n.path.module, &n.response_name);
        // `error()` exists while every error status has one body type.
        let accessor = At {
            items: vec![format!("{response_enum}::error")],
            ..at
        };
        match (o.error_body(), n.error_body()) {
            (Some(x), None) => self.push(
                "rust-accessor-changed",
                &accessor,
                Verdict::breaking(format!(
                    "`{}::error()` is gone: the error statuses hold different types now",
                    n.response_name
                )),
                Verdict::compatible("accessors are Rust's, not the wire's"),
                format!(
                    "the errors of `{}` are no longer all `{}`",
                    n.spec_name,
                    self.shape_text(old, x)
                ),
            ),
            (Some(x), Some(y)) if self.shape_relation(x, y) != Relation::Same => self.push(
                "rust-accessor-changed",
                &accessor,
                Verdict::breaking(format!(
                    "`{}::error()` returns `{}` now (was `{}`)",
                    n.response_name,
                    self.shape_text(new, y),
                    self.shape_text(old, x)
                )),
                Verdict::compatible("the bodies report their own change"),
                format!(
                    "the errors of `{}` are `{}` now",
                    n.spec_name,
                    self.shape_text(new, y)
                ),
            ),
            _ => {}
        }
        for r in &o.responses {
            if n.responses.iter().any(|s| s.status == r.status) {
                continue;
            }
            let id = if success(r.status) {
                "response-success-status-removed"
            } else {
                "response-non-success-status-removed"
            };
            self.push(
                id,
                &At {
                    items: vec![format!(
                        "{}::{}",
                        self.path(&o.path.module, &o.response_name),
                        r.ident
                    )],
                    ..at
                },
                Verdict::breaking(format!(
                    "the variant `{}::{}` is gone",
                    o.response_name, r.ident
                )),
                Verdict::compatible(format!(
                    "the new server no longer answers {}",
                    status_text(r.status)
                )),
                format!(
                    "`{}` no longer documents {}",
                    n.spec_name,
                    status_text(r.status)
                ),
            );
        }
        for s in &n.responses {
            let at = At {
                items: vec![format!("{response_enum}::{}", s.ident)],
                ..at
            };
            let Some(r) = o.responses.iter().find(|r| r.status == s.status) else {
                let (id, wire) = match s.status {
                    StatusDef::Code(code) if covered(o, code) => (
                        if success(s.status) {
                            "response-success-status-added"
                        } else {
                            "response-non-success-status-added"
                        },
                        Verdict::compatible(format!(
                            "old clients read {} as the answer that covered it",
                            status_text(s.status)
                        )),
                    ),
                    _ if success(s.status) => (
                        "response-success-status-added",
                        Verdict::breaking(format!(
                            "old clients take {}, a success, for an unexpected answer",
                            status_text(s.status)
                        )),
                    ),
                    _ => (
                        "response-non-success-status-added",
                        Verdict::compatible(format!(
                            "old clients report {} as an unexpected answer, an error either way",
                            status_text(s.status)
                        )),
                    ),
                };
                self.push(
                    id,
                    &at,
                    Verdict::compatible(format!(
                        "`{}` is `#[non_exhaustive]`: a `match` over it has a wildcard arm",
                        n.response_name
                    )),
                    wire,
                    format!("`{}` documents {}", n.spec_name, status_text(s.status)),
                );
                continue;
            };
            if r.ident != s.ident {
                self.push(
                    "rust-name-shifted",
                    &at,
                    Verdict::breaking(format!(
                        "the variant is `{}::{}` now (was `{}`)",
                        n.response_name, s.ident, r.ident
                    )),
                    Verdict::compatible("Rust names are not sent"),
                    format!(
                        "{} of `{}` is the variant `{}` now",
                        status_text(s.status),
                        n.spec_name,
                        s.ident
                    ),
                );
            }
            self.response_bodies(n, r, s, &at, Side::RESPONSE);
        }
    }

    /// The security schemes an operation asks for.
    fn security(&mut self, o: &OperationDef, n: &OperationDef, at: &At<'_>) {
        let (old, new) = (self.old, self.new);
        let at = At {
            items: at.items.clone(),
            ..*at
        };
        let schemes = |space: &TypeSpace, op: &OperationDef| -> Vec<Vec<String>> {
            let mut alternatives: Vec<Vec<String>> = op
                .security
                .iter()
                .map(|alt| {
                    let mut names: Vec<String> = alt
                        .iter()
                        .map(|&i| space.security_schemes[i].name.clone())
                        .collect();
                    names.sort();
                    names
                })
                .collect();
            alternatives.sort();
            alternatives
        };
        let (was, now) = (schemes(old, o), schemes(new, n));
        if was != now {
            let show = |alts: &[Vec<String>]| {
                if alts.is_empty() {
                    "none".to_owned()
                } else {
                    alts.iter()
                        .map(|a| {
                            if a.is_empty() {
                                "anonymous".to_owned()
                            } else {
                                a.join(" + ")
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" or ")
                }
            };
            // Old clients offer what the old spec asked for: fine if the new spec accepts one of
            // those alternatives.
            let still = now.is_empty() || was.iter().any(|w| now.contains(w));
            self.push(
                "api-security-changed",
                &at,
                Verdict::compatible("credentials are given to the client, not to the request"),
                if still {
                    Verdict::compatible("the new server accepts what old clients send")
                } else {
                    Verdict::breaking("the new server asks for credentials old clients do not send")
                },
                format!(
                    "`{}` asks for {} now (was {})",
                    n.spec_name,
                    show(&now),
                    show(&was)
                ),
            );
        }
    }

    fn bodies(&mut self, o: &OperationDef, n: &OperationDef, at: &At<'_>) {
        let (old, new) = (self.old, self.new);
        let name = &n.path.name;
        let item = self.op_item(n);
        let at = At {
            items: vec![format!("{item}::body")],
            old: at.old,
            new: at.new,
        };
        match (&o.body, &n.body) {
            (None, Some(b)) => self.push(
                "request-body-added",
                &at,
                if b.required {
                    Verdict::breaking(format!("`{name}::new` takes the body now"))
                } else {
                    Verdict::compatible(format!(
                        "`{name}` is `#[non_exhaustive]` and built by `new`, which stays"
                    ))
                },
                if b.required {
                    Verdict::breaking("old clients send no body, and the new server requires one")
                } else {
                    Verdict::compatible("old clients send no body, which is optional")
                },
                format!("`{}` takes a body ({})", n.spec_name, b.content_type),
            ),
            (Some(_), None) => self.push(
                "request-body-removed",
                &at,
                Verdict::breaking(format!("the field `{name}::body` is gone")),
                Verdict::compatible("old clients send a body the new spec does not read"),
                format!("`{}` takes no body now", n.spec_name),
            ),
            (Some(a), Some(b)) => {
                let relation = match (&a.shape, &b.shape) {
                    (BodyShape::Typed(x), BodyShape::Typed(y)) if x.nullable == y.nullable => {
                        self.relation(&x.ty, &y.ty)
                    }
                    (BodyShape::Text, BodyShape::Text)
                    | (BodyShape::Bytes, BodyShape::Bytes)
                    | (BodyShape::FormParameters, BodyShape::FormParameters) => Relation::Same,
                    _ => Relation::Other,
                };
                let (was, now) = (body_text(old, &a.shape), body_text(new, &b.shape));
                if relation != Relation::Same {
                    self.push(
                        "request-body-type-changed",
                        &at,
                        Verdict::breaking(format!("`{name}::body` is `{now}` now (was `{was}`)")),
                        type_change_wire(relation, Side::REQUEST, "the body"),
                        format!("the body of `{}` is `{now}` now (was `{was}`)", n.spec_name),
                    );
                } else if a.required != b.required {
                    self.push(
                        if b.required { "request-body-became-required" } else { "request-body-became-optional" },
                        &at,
                        if b.required {
                            Verdict::breaking(format!("`{name}::body` is `{now}` now (was `Option<{was}>`), and `{name}::new` takes it"))
                        } else {
                            Verdict::breaking(format!("`{name}::body` is `Option<{now}>` now (was `{was}`)"))
                        },
                        if b.required {
                            Verdict::breaking("old clients may send no body, and the new server requires one")
                        } else {
                            Verdict::compatible("old clients always send one")
                        },
                        format!("the body of `{}` became {}", n.spec_name, if b.required { "required" } else { "optional" }),
                    );
                }
                if a.content_type != b.content_type {
                    self.push(
                        "request-body-media-type-changed",
                        &at,
                        Verdict::compatible("the media type is the operation's, not the user's"),
                        Verdict::breaking(format!(
                            "old clients send `{}`, the new server reads `{}`",
                            a.content_type, b.content_type
                        )),
                        format!(
                            "the body of `{}` is sent as `{}` now (was `{}`)",
                            n.spec_name, b.content_type, a.content_type
                        ),
                    );
                }
            }
            (None, None) => {}
        }
    }

    fn response_bodies(
        &mut self,
        n: &OperationDef,
        r: &ResponseDef,
        s: &ResponseDef,
        at: &At<'_>,
        side: Side,
    ) {
        let (old, new) = (self.old, self.new);
        let (a, b) = (
            r.body.as_ref().map(|(_, shape)| shape),
            s.body.as_ref().map(|(_, shape)| shape),
        );
        let relation = match (a, b) {
            (Some(BodyShape::Typed(x)), Some(BodyShape::Typed(y))) if x.nullable == y.nullable => {
                self.relation(&x.ty, &y.ty)
            }
            (Some(BodyShape::Text), Some(BodyShape::Text))
            | (Some(BodyShape::Bytes), Some(BodyShape::Bytes))
            | (None, None) => Relation::Same,
            _ => Relation::Other,
        };
        let text = |space: &TypeSpace, body: Option<&BodyShape>| {
            body.map_or_else(|| "no body".to_owned(), |b| body_text(space, b))
        };
        let (was, now) = (text(old, a), text(new, b));
        if relation != Relation::Same {
            let wire = match (a, b) {
                (Some(_), None) => Verdict::compatible("old clients read no body as they did"),
                (None, Some(_)) => Verdict::compatible("old clients do not read the body"),
                _ => type_change_wire(relation, side, "the body"),
            };
            self.push(
                "response-body-type-changed",
                at,
                Verdict::breaking(format!(
                    "`{}::{}` holds `{now}` now (was `{was}`)",
                    n.response_name, s.ident
                )),
                wire,
                format!(
                    "{} of `{}` is `{now}` now (was `{was}`)",
                    status_text(s.status),
                    n.spec_name
                ),
            );
        }
        if let (Some((x, _)), Some((y, _))) = (&r.body, &s.body)
            && x != y
        {
            self.push(
                "response-media-type-changed",
                at,
                Verdict::compatible("the media type is the operation's, not the user's"),
                Verdict::breaking(format!(
                    "old clients read {x:?}, the new server sends {y:?}"
                )),
                format!(
                    "{} of `{}` comes as {y:?} now (was {x:?})",
                    status_text(s.status),
                    n.spec_name
                ),
            );
        }
    }
}

/// Whether a type is a schema of its own rather than one written inside another schema or an
/// operation: those come and go with what holds them, which reports the change.
fn own_schema(space: &TypeSpace, id: TypeId) -> bool {
    let module = &space.get(id).path.module;
    let first = module.iter().find(|m| *m != "crate");
    !space.nested_modules.contains(module)
        && first.is_none_or(|m| m != crate::naming::OPERATIONS_MODULE)
}

fn place_text(place: crate::ir::ParameterPlace) -> &'static str {
    use crate::ir::ParameterPlace as P;
    match place {
        P::Path => "path",
        P::Query => "query",
        P::Header => "headers",
        P::Cookie => "cookies",
        P::Form => "form",
    }
}

fn style_text(parameter: &ParameterDef) -> String {
    let explode = if parameter.explode { ", exploded" } else { "" };
    format!("`{}`{explode}", parameter.style)
}

/// A field's name without `r#`, as a path names it in messages.
fn bare(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// `GET /api/pets/{}?action=x`: what an operation answers to, whatever its parameters are
/// called, below the path of its spec's first server (vSphere 7's specs write `/api/esx/…`, 9's
/// `/esx/…` on the server `https://{host}/api`).
fn op_key(space: &TypeSpace, op: &OperationDef) -> String {
    let mut key = format!("{} ", op.method.to_uppercase());
    if let Some(server) = space.servers.first() {
        let url = server.url.as_str();
        let path = match url.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
            None => url,
        };
        key.push_str(path.trim_end_matches('/'));
    }
    for piece in &op.path_parts {
        match piece {
            PathPiece::Literal(text) => key.push_str(text),
            PathPiece::Parameter(_) => key.push_str("{}"),
        }
    }
    let mut query: Vec<String> = op
        .fixed_query
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    query.sort();
    if !query.is_empty() {
        key.push('?');
        key.push_str(&query.join("&"));
    }
    key
}

fn status_text(status: StatusDef) -> String {
    match status {
        StatusDef::Code(code) => format!("status {code}"),
        StatusDef::Range(hundreds) => format!("status {hundreds}XX"),
        StatusDef::Default => "the default answer".to_owned(),
    }
}

fn body_text(space: &TypeSpace, body: &BodyShape) -> String {
    match body {
        BodyShape::Typed(shape) => {
            let text = ty_text(space, &shape.ty);
            if shape.nullable {
                format!("Option<{text}>")
            } else {
                text
            }
        }
        BodyShape::Text => "String".to_owned(),
        BodyShape::Bytes => "Vec<u8>".to_owned(),
        BodyShape::FormParameters => "form parameters".to_owned(),
    }
}

/// A type as a reader names it: `Vec<Notification>`, `Option<i64>`.
fn ty_text(space: &TypeSpace, ty: &TypeRef) -> String {
    ty_text_with(space, ty, false)
}

/// Two types as a reader tells them apart: by their paths where their names are alike.
fn two_texts(old: &TypeSpace, a: &TypeRef, new: &TypeSpace, b: &TypeRef) -> (String, String) {
    let (x, y) = (ty_text(old, a), ty_text(new, b));
    if x == y {
        (ty_text_with(old, a, true), ty_text_with(new, b, true))
    } else {
        (x, y)
    }
}

fn ty_text_with(space: &TypeSpace, ty: &TypeRef, qualified: bool) -> String {
    let inner = |shape: &Shape| {
        let text = ty_text_with(space, &shape.ty, qualified);
        if shape.nullable {
            format!("Option<{text}>")
        } else {
            text
        }
    };
    match ty {
        TypeRef::Named(id) if qualified => {
            let path = &space.get(*id).path;
            let mut parts: Vec<&str> = path
                .module
                .iter()
                .map(String::as_str)
                .filter(|m| *m != "crate")
                .collect();
            parts.push(&path.name);
            parts.join("::")
        }
        TypeRef::Named(id) => space.get(*id).path.name.clone(),
        TypeRef::Bool => "bool".to_owned(),
        TypeRef::I32 => "i32".to_owned(),
        TypeRef::I64 => "i64".to_owned(),
        TypeRef::F32 => "f32".to_owned(),
        TypeRef::F64 => "f64".to_owned(),
        TypeRef::String => "String".to_owned(),
        TypeRef::DateTime => "DateTime".to_owned(),
        TypeRef::Json => "serde_json::Value".to_owned(),
        TypeRef::Vec(items) => format!("Vec<{}>", inner(items)),
        TypeRef::Map(values) => format!("BTreeMap<String, {}>", inner(values)),
    }
}
