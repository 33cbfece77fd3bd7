//! Evaluation of a [`Program`] against a `serde_json::Value`.
//!
//! One evaluator serves both entry points: it is generic over `ALL`, false
//! for [`Program::is_valid`] (stop at the first failure, build no message)
//! and true for [`Program::validate`] (record every error). Alternatives of
//! `anyOf`/`oneOf`/`not`/`if`/`contains` are always tried with `ALL = false`,
//! which is what keeps a losing alternative's errors out of the report.
//!
//! Instance paths are a linked list on the Rust stack that becomes a JSON
//! Pointer string only when an error is recorded. The dynamic scope (for
//! `$dynamicRef`/`$recursiveRef`) is a similar stack of schema resources,
//! pushed only for resources that declare dynamic anchors. Annotations for
//! `unevaluatedProperties`/`unevaluatedItems` are collected only while a
//! node that has those keywords is being evaluated.

use crate::schema::error::{Code, Error, Options};
use crate::schema::json::{
    Num, brief, escape_token, is_integer_literal, is_integral, json_eq, json_hash, quote_str,
};
use crate::schema::keyword::{self, plural};
use crate::schema::program::*;
use serde_json::{Map, Number, Value};
use std::hash::Hasher;

/// Deepest nesting of node evaluations. Compilation rejects schemas that
/// recurse without consuming the instance, so only very deep instances (or
/// such a loop through `$dynamicRef`) reach it. serde_json refuses to parse
/// more than 128 levels; each level costs one or two nodes (a `$ref` and its
/// target), and 384 nodes fit a 2 MiB thread stack even in debug builds.
const MAX_DEPTH: u32 = 384;

#[derive(Clone, Copy)]
enum Seg<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

/// Instance location: a stack-linked list of path segments.
#[derive(Clone, Copy)]
struct Loc<'a> {
    seg: Seg<'a>,
    up: Option<&'a Loc<'a>>,
}

impl<'a> Loc<'a> {
    const ROOT: Loc<'static> = Loc {
        seg: Seg::Root,
        up: None,
    };

    fn key(&'a self, k: &'a str) -> Loc<'a> {
        Loc {
            seg: Seg::Key(k),
            up: Some(self),
        }
    }

    fn index(&'a self, i: usize) -> Loc<'a> {
        Loc {
            seg: Seg::Index(i),
            up: Some(self),
        }
    }

    fn pointer(&self) -> String {
        let mut segs = Vec::new();
        let mut cur = Some(self);
        while let Some(l) = cur {
            segs.push(l.seg);
            cur = l.up;
        }
        let mut out = String::new();
        for s in segs.iter().rev() {
            match s {
                Seg::Root => {}
                Seg::Key(k) => {
                    out.push('/');
                    escape_token(k, &mut out);
                }
                Seg::Index(i) => {
                    out.push('/');
                    out.push_str(&i.to_string());
                }
            }
        }
        out
    }
}

const NO_RESOURCE: u32 = u32::MAX;

/// Dynamic scope: the schema resources (with dynamic anchors) entered so far.
struct Scope<'a> {
    res: u32,
    up: Option<&'a Scope<'a>>,
}

/// A growable bit set that needs no allocation below 64 members.
#[derive(Default)]
struct Bits {
    w: u64,
    more: Vec<u64>,
}

impl Bits {
    fn set(&mut self, i: usize) {
        if i < 64 {
            self.w |= 1 << i;
        } else {
            let j = i / 64 - 1;
            if self.more.len() <= j {
                self.more.resize(j + 1, 0);
            }
            self.more[j] |= 1 << (i % 64);
        }
    }

    fn get(&self, i: usize) -> bool {
        if i < 64 {
            self.w & (1 << i) != 0
        } else {
            self.more
                .get(i / 64 - 1)
                .is_some_and(|w| w & (1 << (i % 64)) != 0)
        }
    }

    fn union(&mut self, o: &Bits) {
        self.w |= o.w;
        if self.more.len() < o.more.len() {
            self.more.resize(o.more.len(), 0);
        }
        for (a, b) in self.more.iter_mut().zip(&o.more) {
            *a |= b;
        }
    }
}

/// Which members / items of the current instance have been evaluated, for
/// `unevaluatedProperties` / `unevaluatedItems`. Property indices are
/// positions in the object's iteration order.
#[derive(Default)]
struct Ann {
    props: Bits,
    all_props: bool,
    /// Items `0..items` are evaluated (tuple keywords).
    items: usize,
    all_items: bool,
    /// Items matched by 2020-12 `contains`.
    item_bits: Bits,
}

impl Ann {
    fn merge(&mut self, o: &Ann) {
        self.props.union(&o.props);
        self.all_props |= o.all_props;
        self.items = self.items.max(o.items);
        self.all_items |= o.all_items;
        self.item_bits.union(&o.item_bits);
    }
}

struct Run<'p, 'e> {
    p: &'p ProgramData,
    regexes: &'p [regress::Regex],
    fwd: bool,
    errs: &'e mut Vec<Error>,
    depth: u32,
}

/// Record a failure: in `ALL` mode push an error and go on, otherwise stop.
macro_rules! fail {
    ($self:ident, $ok:ident, $at:expr, $code:expr, $($fmt:tt)+) => {{
        if ALL {
            $self.push($at, $code, format!($($fmt)+));
            $ok = false;
        } else {
            return false;
        }
    }};
}

/// Report the problem a shared keyword check found, if any (see `keyword`).
macro_rules! check {
    ($self:ident, $ok:ident, $at:expr, $found:expr) => {{
        if let Some(problem) = $found {
            if ALL {
                let (code, message) = problem();
                $self.push($at, code, message);
                $ok = false;
            } else {
                return false;
            }
        }
    }};
}

/// Fold a sub-result into `ok` (stop at once when not in `ALL` mode).
macro_rules! sub {
    ($ok:ident, $e:expr) => {
        if !$e {
            if ALL {
                $ok = false;
            } else {
                return false;
            }
        }
    };
}

/// "0", "0 and 2", "0, 1 and 2".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

#[inline]
fn type_ok(t: u8, v: &Value) -> bool {
    match v {
        Value::Null => t & T_NULL != 0,
        Value::Bool(_) => t & T_BOOL != 0,
        Value::Object(_) => t & T_OBJECT != 0,
        Value::Array(_) => t & T_ARRAY != 0,
        Value::String(_) => t & T_STRING != 0,
        Value::Number(n) => {
            t & T_NUMBER != 0
                || (t & T_INTEGER != 0
                    && if t & T_INT_STRICT != 0 {
                        is_integer_literal(n)
                    } else {
                        is_integral(n)
                    })
        }
    }
}

impl<'p, 'e> Run<'p, 'e> {
    fn push(&mut self, at: &Loc, code: Code, message: String) {
        self.errs.push(Error {
            path: at.pointer(),
            code,
            message,
        });
    }

    fn is_false(&self, id: NodeId) -> bool {
        self.p.false_node == Some(id)
    }

    fn node<const ALL: bool>(
        &mut self,
        id: NodeId,
        v: &Value,
        at: &Loc,
        sc: &Scope,
        ann: Option<&mut Ann>,
    ) -> bool {
        let p = self.p;
        let n = &p.nodes[id.ix()];
        let pushed;
        let sc = match n.dres {
            Some(r) if r != sc.res => {
                pushed = Scope {
                    res: r,
                    up: Some(sc),
                };
                &pushed
            }
            _ => sc,
        };
        if self.depth >= MAX_DEPTH {
            if ALL {
                self.push(
                    at,
                    Code::Depth,
                    "schema evaluation nested too deeply".into(),
                );
            }
            return false;
        }
        self.depth += 1;
        let ok = self.body::<ALL>(n, v, at, sc, ann);
        self.depth -= 1;
        ok
    }

    fn body<const ALL: bool>(
        &mut self,
        n: &'p Node,
        v: &Value,
        at: &Loc,
        sc: &Scope,
        ann: Option<&mut Ann>,
    ) -> bool {
        if n.null && v.is_null() {
            return true;
        }
        let mut ok = true;
        if n.types != T_ANY && !type_ok(n.types, v) {
            fail!(
                self,
                ok,
                at,
                Code::Type,
                "expected {}, found {}",
                expected_types(n.types),
                described(v)
            );
        }
        let container = matches!(v, Value::Object(_) | Value::Array(_));
        let tracking = container && (ann.is_some() || n.uprops.is_some() || n.uitems.is_some());
        let mut local = Ann::default();
        {
            let mut a = if tracking { Some(&mut local) } else { None };
            match v {
                Value::Number(x) => {
                    for k in &n.num {
                        sub!(ok, self.number::<ALL>(k, x, at));
                    }
                }
                Value::String(s) => {
                    for k in &n.str {
                        sub!(ok, self.string::<ALL>(k, s, at));
                    }
                }
                Value::Array(items) => {
                    for k in &n.arr {
                        sub!(ok, self.array::<ALL>(k, items, at, sc, a.as_deref_mut()));
                    }
                }
                Value::Object(obj) => {
                    for k in &n.obj {
                        sub!(ok, self.object::<ALL>(k, v, obj, at, sc, a.as_deref_mut()));
                    }
                }
                _ => {}
            }
            // Forward-compatible mode keeps a subtype the spec does not list yet (vSphere adds
            // error types): its discriminator's alternatives are not asked.
            let unknown_subtype = self.fwd && self.unknown_tag(n, v);
            for k in &n.any {
                if unknown_subtype && self.is_tagged(n, k) {
                    continue;
                }
                if ALL
                    && n.tag.is_some()
                    && matches!(k, AnyKw::OneOf(_) | AnyKw::AnyOf(_))
                    && !self.any::<false>(k, v, at, sc, None)
                    && self.explain_tag(n, v, at, sc) == Some(true)
                {
                    ok = false;
                    continue;
                }
                sub!(ok, self.any::<ALL>(k, v, at, sc, a.as_deref_mut()));
            }
        }
        if let (Some(u), Value::Object(obj)) = (n.uprops, v) {
            sub!(ok, self.uneval_props::<ALL>(u, obj, at, sc, &mut local));
        }
        if let (Some(u), Value::Array(items)) = (n.uitems, v) {
            sub!(ok, self.uneval_items::<ALL>(u, items, at, sc, &mut local));
        }
        if tracking {
            if let Some(parent) = ann {
                parent.merge(&local);
            }
        }
        ok
    }

    fn number<const ALL: bool>(&mut self, k: &NumKw, x: &Number, at: &Loc) -> bool {
        let mut ok = true;
        let xv = Num::of(x);
        match k {
            NumKw::Minimum(m) => check!(self, ok, at, keyword::minimum(xv, Num::of(m))),
            NumKw::Maximum(m) => check!(self, ok, at, keyword::maximum(xv, Num::of(m))),
            NumKw::ExclusiveMinimum(m) => {
                check!(self, ok, at, keyword::exclusive_minimum(xv, Num::of(m)))
            }
            NumKw::ExclusiveMaximum(m) => {
                check!(self, ok, at, keyword::exclusive_maximum(xv, Num::of(m)))
            }
            NumKw::MultipleOf(d) => check!(self, ok, at, keyword::multiple_of(xv, Num::of(d))),
            NumKw::Int32 => {
                let fits = x.as_i64().is_some_and(|i| i32::try_from(i).is_ok())
                    || x.as_f64().is_some_and(|f| {
                        !x.is_i64()
                            && !x.is_u64()
                            && f.fract() == 0.0
                            && (-2_147_483_648.0..=2_147_483_647.0).contains(&f)
                    });
                if !fits {
                    fail!(
                        self,
                        ok,
                        at,
                        Code::Format,
                        "{x} does not fit `int32` (-2147483648 to 2147483647)"
                    );
                }
            }
            NumKw::Int64 => {
                // Exactly: 2^63 is out of range although `i64::MAX as f64` rounds up to it.
                let fits = x.is_i64()
                    || (!x.is_u64()
                        && x.as_f64().is_some_and(|f| {
                            f.fract() == 0.0
                                && (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0)
                                    .contains(&f)
                        }));
                if !fits {
                    fail!(
                        self,
                        ok,
                        at,
                        Code::Format,
                        "{x} does not fit `int64` (-9223372036854775808 to 9223372036854775807)"
                    );
                }
            }
        }
        ok
    }

    fn string<const ALL: bool>(&mut self, k: &StrKw, s: &str, at: &Loc) -> bool {
        let mut ok = true;
        match k {
            StrKw::MinLength(m) => check!(self, ok, at, keyword::min_length(s, *m)),
            StrKw::MaxLength(m) => check!(self, ok, at, keyword::max_length(s, *m)),
            StrKw::Pattern(i) => {
                let i = *i as usize;
                check!(
                    self,
                    ok,
                    at,
                    keyword::pattern(&self.regexes[i], &self.p.patterns[i], s)
                )
            }
            StrKw::Format(f) => check!(self, ok, at, keyword::format(*f, s)),
        }
        ok
    }

    fn array<const ALL: bool>(
        &mut self,
        k: &ArrKw,
        items: &[Value],
        at: &Loc,
        sc: &Scope,
        mut ann: Option<&mut Ann>,
    ) -> bool {
        let mut ok = true;
        let len = items.len();
        match k {
            ArrKw::MinItems(m) => check!(self, ok, at, keyword::min_items(len, *m)),
            ArrKw::MaxItems(m) => check!(self, ok, at, keyword::max_items(len, *m)),
            ArrKw::UniqueItems => {
                if let Some((i, j)) = duplicate(items) {
                    check!(
                        self,
                        ok,
                        &at.index(j),
                        Some(|| keyword::repeated_item(i, j))
                    );
                }
            }
            ArrKw::Prefix(nodes) => {
                for (i, (id, item)) in nodes.iter().zip(items).enumerate() {
                    sub!(ok, self.node::<ALL>(*id, item, &at.index(i), sc, None));
                }
                if let Some(a) = ann {
                    a.items = a.items.max(nodes.len().min(len));
                }
            }
            ArrKw::Items { from, node } => {
                let from = *from as usize;
                if self.is_false(*node) {
                    if len > from {
                        fail!(
                            self,
                            ok,
                            at,
                            Code::AdditionalItems,
                            "array has {}, at most {from} allowed",
                            plural(len, "item")
                        );
                    }
                } else {
                    for (i, item) in items.iter().enumerate().skip(from) {
                        sub!(ok, self.node::<ALL>(*node, item, &at.index(i), sc, None));
                    }
                }
                if let Some(a) = ann {
                    a.all_items = true;
                }
            }
            ArrKw::Contains {
                node,
                min,
                max,
                annotate,
            } => {
                let collect = *annotate && ann.is_some();
                let mut count: u64 = 0;
                for (i, item) in items.iter().enumerate() {
                    if self.node::<false>(*node, item, &at.index(i), sc, None) {
                        count += 1;
                        if collect {
                            if let Some(a) = ann.as_deref_mut() {
                                a.item_bits.set(i);
                            }
                        } else if !ALL && max.is_none() && count >= *min {
                            break;
                        }
                    }
                }
                if count < *min {
                    if *min == 1 {
                        fail!(
                            self,
                            ok,
                            at,
                            Code::Contains,
                            "array has no item matching the `contains` schema"
                        );
                    } else {
                        fail!(
                            self,
                            ok,
                            at,
                            Code::MinContains,
                            "array has {} matching the `contains` schema, fewer than the minimum of {min}",
                            plural(count as usize, "item")
                        );
                    }
                }
                if let Some(mx) = max {
                    if count > *mx {
                        fail!(
                            self,
                            ok,
                            at,
                            Code::MaxContains,
                            "array has {} matching the `contains` schema, more than the maximum of {mx}",
                            plural(count as usize, "item")
                        );
                    }
                }
            }
        }
        ok
    }

    fn object<const ALL: bool>(
        &mut self,
        k: &ObjKw,
        v: &Value,
        obj: &Map<String, Value>,
        at: &Loc,
        sc: &Scope,
        mut ann: Option<&mut Ann>,
    ) -> bool {
        let mut ok = true;
        match k {
            ObjKw::MinProperties(m) => check!(self, ok, at, keyword::min_properties(obj.len(), *m)),
            ObjKw::MaxProperties(m) => check!(self, ok, at, keyword::max_properties(obj.len(), *m)),
            ObjKw::Required(names) => {
                for name in names {
                    if !obj.contains_key(name) {
                        fail!(
                            self,
                            ok,
                            &at.key(name),
                            Code::Required,
                            "missing required property `{name}`"
                        );
                    }
                }
            }
            ObjKw::Props(p) => {
                for (i, (key, val)) in obj.iter().enumerate() {
                    let mut matched = false;
                    if let Some(j) = p.find(key) {
                        matched = true;
                        sub!(
                            ok,
                            self.node::<ALL>(p.nodes[j], val, &at.key(key), sc, None)
                        );
                    }
                    for (re, id) in &p.patterns {
                        if self.regexes[*re as usize].find(key).is_some() {
                            matched = true;
                            sub!(ok, self.node::<ALL>(*id, val, &at.key(key), sc, None));
                        }
                    }
                    if !matched {
                        if let Some(add) = p.additional {
                            matched = true;
                            if self.is_false(add) {
                                fail!(
                                    self,
                                    ok,
                                    &at.key(key),
                                    Code::AdditionalProperties,
                                    "unexpected property `{key}`"
                                );
                            } else {
                                sub!(ok, self.node::<ALL>(add, val, &at.key(key), sc, None));
                            }
                        }
                    }
                    if matched {
                        if let Some(a) = ann.as_deref_mut() {
                            a.props.set(i);
                        }
                    }
                }
            }
            ObjKw::PropertyNames(id) => {
                for key in obj.keys() {
                    let name = Value::String(key.clone());
                    if !self.node::<false>(*id, &name, at, sc, None) {
                        if ALL {
                            let why = self.first_error(*id, &name, at, sc);
                            self.push(
                                &at.key(key),
                                Code::PropertyNames,
                                format!("property name `{key}` is invalid: {why}"),
                            );
                            ok = false;
                        } else {
                            return false;
                        }
                    }
                }
            }
            ObjKw::DependentRequired(deps) => {
                for (key, reqs) in deps {
                    if obj.contains_key(key) {
                        for r in reqs {
                            if !obj.contains_key(r) {
                                fail!(
                                    self,
                                    ok,
                                    &at.key(r),
                                    Code::DependentRequired,
                                    "missing property `{r}`, required when `{key}` is present"
                                );
                            }
                        }
                    }
                }
            }
            ObjKw::DependentSchemas(deps) => {
                for (key, id) in deps {
                    if obj.contains_key(key) {
                        sub!(ok, self.node::<ALL>(*id, v, at, sc, ann.as_deref_mut()));
                    }
                }
            }
        }
        ok
    }

    /// The message of the first error `id` reports for `v` (for quoting a
    /// sub-schema's reason inside another error).
    fn first_error(&mut self, id: NodeId, v: &Value, at: &Loc, sc: &Scope) -> String {
        let mut tmp = Vec::new();
        std::mem::swap(self.errs, &mut tmp);
        self.node::<true>(id, v, at, sc, None);
        std::mem::swap(self.errs, &mut tmp);
        tmp.into_iter()
            .next()
            .map(|e| e.message)
            .unwrap_or_else(|| "rejected by the schema".into())
    }

    /// Explains why `v` matches none of the alternatives `list`, by the errors of the one it was
    /// meant for: the one whose JSON type it has, when only one has it. Returns whether it did
    /// (the caller reports the alternatives as a whole otherwise).
    fn explain(&mut self, list: &[NodeId], v: &Value, at: &Loc, sc: &Scope) -> bool {
        let mut candidates = list.iter().filter(|id| self.admits(**id, v, 16));
        let (first, second) = (candidates.next(), candidates.next());
        let only = match (first, second) {
            (Some(only), None) => only,
            (None, _) => {
                self.push(
                    at,
                    Code::Type,
                    format!(
                        "{} has none of the JSON types the alternatives allow",
                        brief(v)
                    ),
                );
                return true;
            }
            _ => return false,
        };
        let only = *only;
        let before = self.errs.len();
        self.node::<true>(only, v, at, sc, None);
        self.errs.len() > before
    }

    /// Whether `v` has a JSON type the node allows, looking through `$ref` and `allOf`.
    fn admits(&self, id: NodeId, v: &Value, depth: u32) -> bool {
        let n = &self.p.nodes[id.ix()];
        if n.null && v.is_null() {
            return true;
        }
        if n.types != T_ANY && !type_ok(n.types, v) {
            return false;
        }
        if depth == 0 {
            return true;
        }
        n.any.iter().all(|k| match k {
            AnyKw::Ref(to) => self.admits(*to, v, depth - 1),
            AnyKw::AllOf(members) => members.iter().all(|m| self.admits(*m, v, depth - 1)),
            AnyKw::False => false,
            _ => true,
        })
    }

    /// Whether `k` is the `oneOf`/`anyOf` that the node's discriminator picks from.
    fn is_tagged(&self, n: &Node, k: &AnyKw) -> bool {
        let (Some(tag), AnyKw::OneOf(list) | AnyKw::AnyOf(list)) = (n.tag.as_deref(), k) else {
            return false;
        };
        tag.values.iter().any(|(_, node)| list.contains(node))
    }

    /// Whether `v` names, by the node's discriminator, an alternative the node does not list.
    fn unknown_tag(&self, n: &Node, v: &Value) -> bool {
        let Some(tag) = n.tag.as_deref() else {
            return false;
        };
        v.get(&tag.property)
            .and_then(Value::as_str)
            .is_some_and(|value| tag.values.iter().all(|(name, _)| name != value))
    }

    /// A tagged alternative's own errors, when the node has a discriminator and `v` names one
    /// of its alternatives (or a tag it does not list).
    fn explain_tag(&mut self, n: &Node, v: &Value, at: &Loc, sc: &Scope) -> Option<bool> {
        let tag = n.tag.as_deref()?;
        let found = v.get(&tag.property)?;
        let Some(value) = found.as_str() else {
            self.push(
                &at.key(&tag.property),
                Code::Type,
                format!(
                    "the discriminator `{}` must be a string, found {}",
                    tag.property,
                    brief(found)
                ),
            );
            return Some(true);
        };
        match tag.values.iter().find(|(name, _)| name == value) {
            Some((_, id)) => {
                let before = self.errs.len();
                self.node::<true>(*id, v, at, sc, None);
                Some(self.errs.len() > before)
            }
            None => {
                let (code, message) = keyword::unknown_discriminator(
                    value,
                    &tag.property,
                    tag.values.iter().map(|(name, _)| name.as_str()),
                );
                self.push(&at.key(&tag.property), code, message);
                Some(true)
            }
        }
    }

    fn any<const ALL: bool>(
        &mut self,
        k: &AnyKw,
        v: &Value,
        at: &Loc,
        sc: &Scope,
        mut ann: Option<&mut Ann>,
    ) -> bool {
        let mut ok = true;
        match k {
            AnyKw::False => {
                fail!(
                    self,
                    ok,
                    at,
                    Code::FalseSchema,
                    "{} is not allowed here",
                    brief(v)
                );
            }
            AnyKw::Enum { values, strings } => {
                // Forward-compatible mode accepts strings the spec does not list yet.
                if !(self.fwd && *strings && v.is_string()) {
                    check!(self, ok, at, keyword::listed(v, values));
                }
            }
            AnyKw::Const(c) => check!(self, ok, at, keyword::constant(v, c)),
            AnyKw::Ref(t) => {
                sub!(ok, self.node::<ALL>(*t, v, at, sc, ann));
            }
            AnyKw::DynRef { target, name } => {
                let t = self.dynamic_target(*target, *name, sc);
                sub!(ok, self.node::<ALL>(t, v, at, sc, ann));
            }
            AnyKw::AllOf(list) => {
                for id in list {
                    sub!(ok, self.node::<ALL>(*id, v, at, sc, ann.as_deref_mut()));
                }
            }
            AnyKw::AnyOf(list) => {
                let mut any = false;
                for id in list {
                    match ann.as_deref_mut() {
                        // Annotations of every passing alternative count, so
                        // all of them are evaluated.
                        Some(a) => {
                            let mut t = Ann::default();
                            if self.node::<false>(*id, v, at, sc, Some(&mut t)) {
                                any = true;
                                a.merge(&t);
                            }
                        }
                        None => {
                            if self.node::<false>(*id, v, at, sc, None) {
                                any = true;
                                break;
                            }
                        }
                    }
                }
                if !any {
                    if ALL && self.explain(list, v, at, sc) {
                        ok = false;
                    } else {
                        fail!(
                            self,
                            ok,
                            at,
                            Code::AnyOf,
                            "matches none of the {}",
                            plural(list.len(), "alternative")
                        );
                    }
                }
            }
            AnyKw::OneOf(list) => {
                // Indices of the passing alternatives are only kept for the
                // message (ALL mode); the fast path just counts.
                let mut count = 0usize;
                let mut matched: Vec<usize> = Vec::new();
                let mut first_ann: Option<Ann> = None;
                let want = ann.is_some();
                for (i, id) in list.iter().enumerate() {
                    let mut t = Ann::default();
                    if self.node::<false>(*id, v, at, sc, if want { Some(&mut t) } else { None }) {
                        if count == 0 && want {
                            first_ann = Some(t);
                        }
                        count += 1;
                        if ALL {
                            matched.push(i);
                        } else if count > 1 {
                            return false;
                        }
                    }
                }
                match count {
                    1 => {
                        if let (Some(a), Some(t)) = (ann, first_ann) {
                            a.merge(&t);
                        }
                    }
                    0 if ALL && self.explain(list, v, at, sc) => ok = false,
                    0 => fail!(
                        self,
                        ok,
                        at,
                        Code::OneOf,
                        "matches none of the {}",
                        plural(list.len(), "alternative")
                    ),
                    m => {
                        let idx: Vec<String> = matched.iter().map(|i| i.to_string()).collect();
                        fail!(
                            self,
                            ok,
                            at,
                            Code::OneOf,
                            "matches {m} of the alternatives ({}), exactly one is allowed",
                            and_list(&idx)
                        )
                    }
                }
            }
            AnyKw::Not(id) => {
                if self.node::<false>(*id, v, at, sc, None) {
                    fail!(
                        self,
                        ok,
                        at,
                        Code::Not,
                        "{} matches the schema of `not`",
                        brief(v)
                    );
                }
            }
            AnyKw::If { cond, then, els } => {
                if then.is_none() && els.is_none() && ann.is_none() {
                    // Only annotations could come of it.
                    return true;
                }
                let mut t = Ann::default();
                let want = ann.is_some();
                let holds =
                    self.node::<false>(*cond, v, at, sc, if want { Some(&mut t) } else { None });
                if holds {
                    if let Some(a) = ann.as_deref_mut() {
                        a.merge(&t);
                    }
                    if let Some(th) = then {
                        sub!(ok, self.node::<ALL>(*th, v, at, sc, ann));
                    }
                } else if let Some(e) = els {
                    sub!(ok, self.node::<ALL>(*e, v, at, sc, ann));
                }
            }
        }
        ok
    }

    /// The outermost resource of the dynamic scope that declares the anchor
    /// wins; without one, the statically resolved target.
    fn dynamic_target(&self, target: NodeId, name: u32, sc: &Scope) -> NodeId {
        let mut found = None;
        let mut cur = Some(sc);
        while let Some(s) = cur {
            if s.res != NO_RESOURCE {
                if let Some((_, id)) = self.p.resources[s.res as usize]
                    .anchors
                    .iter()
                    .find(|(n, _)| *n == name)
                {
                    found = Some(*id);
                }
            }
            cur = s.up;
        }
        found.unwrap_or(target)
    }

    fn uneval_props<const ALL: bool>(
        &mut self,
        u: NodeId,
        obj: &Map<String, Value>,
        at: &Loc,
        sc: &Scope,
        local: &mut Ann,
    ) -> bool {
        let mut ok = true;
        if !local.all_props {
            let forbidden = self.is_false(u);
            for (i, (key, val)) in obj.iter().enumerate() {
                if local.props.get(i) {
                    continue;
                }
                if forbidden {
                    fail!(
                        self,
                        ok,
                        &at.key(key),
                        Code::UnevaluatedProperties,
                        "unevaluated property `{key}` is not allowed"
                    );
                } else {
                    sub!(ok, self.node::<ALL>(u, val, &at.key(key), sc, None));
                }
            }
        }
        local.all_props = true;
        ok
    }

    fn uneval_items<const ALL: bool>(
        &mut self,
        u: NodeId,
        items: &[Value],
        at: &Loc,
        sc: &Scope,
        local: &mut Ann,
    ) -> bool {
        let mut ok = true;
        if !local.all_items {
            let forbidden = self.is_false(u);
            for (i, item) in items.iter().enumerate().skip(local.items) {
                if local.item_bits.get(i) {
                    continue;
                }
                if forbidden {
                    fail!(
                        self,
                        ok,
                        &at.index(i),
                        Code::UnevaluatedItems,
                        "unevaluated item {i} is not allowed"
                    );
                } else {
                    sub!(ok, self.node::<ALL>(u, item, &at.index(i), sc, None));
                }
            }
        }
        local.all_items = true;
        ok
    }
}

/// The types a node allows, as a reader would say them: `an object`, `a string or null`.
fn expected_types(t: u8) -> String {
    let mut names = Vec::new();
    for (bit, name) in [
        (T_OBJECT, "an object"),
        (T_ARRAY, "an array"),
        (T_STRING, "a string"),
        (T_INTEGER, "an integer"),
        (T_NUMBER, "a number"),
        (T_BOOL, "a boolean"),
        (T_NULL, "null"),
    ] {
        // `number` includes the integers.
        if t & bit != 0 && !(bit == T_INTEGER && t & T_NUMBER != 0) {
            names.push(name);
        }
    }
    match names.as_slice() {
        [] => "nothing".into(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// A value as an error message shows it: `the string "abc"`, `an object with 2 properties`.
fn described(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {}", quote_str(s)),
        Value::Array(items) => format!("an array of {} items", items.len()),
        Value::Object(object) => format!("an object with {} properties", object.len()),
    }
}

/// First pair of equal items: pairwise for short arrays, hashing beyond.
fn duplicate(items: &[Value]) -> Option<(usize, usize)> {
    if items.len() <= 24 {
        for j in 1..items.len() {
            for i in 0..j {
                if json_eq(&items[i], &items[j]) {
                    return Some((i, j));
                }
            }
        }
        return None;
    }
    let mut seen: std::collections::HashMap<u64, Vec<usize>> = std::collections::HashMap::new();
    for (j, item) in items.iter().enumerate() {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        json_hash(item, &mut h);
        let bucket = seen.entry(h.finish()).or_default();
        if let Some(&i) = bucket.iter().find(|&&i| json_eq(&items[i], item)) {
            return Some((i, j));
        }
        bucket.push(j);
    }
    None
}

impl Program {
    /// True when `instance` is valid against node `node` (strict options).
    /// Stops at the first failure and builds no message.
    ///
    /// # Panics
    /// If `node` is not a node of this program.
    pub fn is_valid(&self, node: NodeId, instance: &Value) -> bool {
        let mut none = Vec::new();
        let mut run = Run {
            p: &self.data,
            regexes: &self.regexes,
            fwd: false,
            errs: &mut none,
            depth: 0,
        };
        run.node::<false>(
            node,
            instance,
            &Loc::ROOT,
            &Scope {
                res: NO_RESOURCE,
                up: None,
            },
            None,
        )
    }

    /// Validate `instance` against node `node`, appending every problem to
    /// `errors`. Returns true when it added none.
    ///
    /// # Panics
    /// If `node` is not a node of this program.
    pub fn validate(
        &self,
        node: NodeId,
        instance: &Value,
        options: &Options,
        errors: &mut Vec<Error>,
    ) -> bool {
        let before = errors.len();
        let mut run = Run {
            p: &self.data,
            regexes: &self.regexes,
            fwd: options.forward_compatible,
            errs: errors,
            depth: 0,
        };
        run.node::<true>(
            node,
            instance,
            &Loc::ROOT,
            &Scope {
                res: NO_RESOURCE,
                up: None,
            },
            None,
        );
        errors.len() == before
    }
}
