//! Compilation of schema objects into program nodes: keyword by keyword,
//! per dialect and vocabulary, with every reference resolved to a node
//! index; then the check for schemas that recurse without consuming the
//! instance, and assembly of the [`Program`].

use super::index::applicators;
use super::uri::{push_token, resolve, split_fragment};
use super::*;
use serde_json::{Map, Number, Value};
use specgen_runtime::schema::format::Format;
use specgen_runtime::schema::program::*;

/// What a node is being compiled with.
struct Cx {
    doc: u32,
    ptr: String,
    base: String,
    dialect: Dialect,
    vocab: u16,
    format_assertion: bool,
}

impl Cx {
    fn has(&self, v: u16) -> bool {
        self.vocab & v != 0
    }

    fn child(&self, kw: &str) -> String {
        let mut p = self.ptr.clone();
        push_token(&mut p, kw);
        p
    }

    fn child2(&self, kw: &str, key: &str) -> String {
        let mut p = self.child(kw);
        push_token(&mut p, key);
        p
    }
}

impl Compiler {
    /// The node of a location, allocated (and queued for compilation) on
    /// first request. `true` and `false` share one node each.
    pub(crate) fn node_for(&mut self, doc: u32, ptr: String) -> NodeId {
        if let Some(&id) = self.node_of.get(&(doc, ptr.clone())) {
            return id;
        }
        let value = self.docs[doc as usize].value.clone();
        let id = match value.pointer(&ptr) {
            Some(Value::Bool(true)) => self.shared(true),
            Some(Value::Bool(false)) => self.shared(false),
            _ => {
                let id = NodeId(self.nodes.len() as u32);
                self.nodes.push(Node::default());
                self.node_loc.push((doc, ptr.clone()));
                self.queue.push_back(id);
                id
            }
        };
        self.node_of.insert((doc, ptr), id);
        id
    }

    fn shared(&mut self, b: bool) -> NodeId {
        let slot = if b { self.true_node } else { self.false_node };
        if let Some(id) = slot {
            return id;
        }
        let id = NodeId(self.nodes.len() as u32);
        let mut n = Node::default();
        if !b {
            n.any.push(AnyKw::False);
        }
        self.nodes.push(n);
        self.node_loc
            .push((u32::MAX, if b { "true" } else { "false" }.into()));
        if b {
            self.true_node = Some(id);
        } else {
            self.false_node = Some(id);
        }
        id
    }

    pub(crate) fn drain(&mut self) {
        while let Some(id) = self.queue.pop_front() {
            self.compile_node(id);
        }
    }

    fn name_index(&mut self, name: &str) -> u32 {
        if let Some(i) = self.names.iter().position(|n| n == name) {
            return i as u32;
        }
        self.names.push(name.to_string());
        (self.names.len() - 1) as u32
    }

    /// The program resource of compiler resource `r` (created with its
    /// dynamic anchors on first use), or None when it declares none.
    fn program_resource(&mut self, r: u32) -> Option<u32> {
        let res = &self.res[r as usize];
        if res.dyn_anchors.is_empty() && !res.recursive {
            return None;
        }
        if let Some(p) = res.prog_res {
            return Some(p);
        }
        let (doc, root, recursive, dyn_anchors) = (
            res.doc,
            res.ptr.clone(),
            res.recursive,
            res.dyn_anchors.clone(),
        );
        let p = self.resources.len() as u32;
        self.res[r as usize].prog_res = Some(p);
        self.resources.push(Resource::default());
        let mut anchors = Vec::new();
        for (name, ptr) in dyn_anchors {
            let n = self.name_index(&name);
            anchors.push((n, self.node_for(doc, ptr)));
        }
        if recursive {
            let n = self.name_index("");
            anchors.push((n, self.node_for(doc, root)));
        }
        self.resources[p as usize].anchors = anchors;
        Some(p)
    }

    fn compile_node(&mut self, id: NodeId) {
        let (doc, ptr) = self.node_loc[id.ix()].clone();
        let r = self.ensure_indexed(doc, &ptr);
        let res = &self.res[r as usize];
        let cx = Cx {
            doc,
            ptr: ptr.clone(),
            base: res.uri.clone(),
            dialect: res.dialect,
            vocab: res.vocab,
            format_assertion: res.format_assertion,
        };
        let value = self.docs[doc as usize].value.clone();
        let Some(Value::Object(o)) = value.pointer(&ptr) else {
            self.error_at(doc, &ptr, "a schema must be an object or a boolean".into());
            return;
        };
        let mut n = Node {
            types: T_ANY,
            dres: self.program_resource(r),
            ..Node::default()
        };
        // Before `$ref` may end the node: vSphere writes optional properties as bare references
        // too.
        if self.opts.optional_null && is_optional_property(&value, &ptr) {
            n.null = true;
        }
        if cx.dialect.ref_overrides() {
            if let Some(rv) = keyword(o, "$ref") {
                if let Some(t) = self.reference(&cx, "$ref", rv) {
                    n.any.push(AnyKw::Ref(t));
                }
                self.nodes[id.ix()] = n;
                return;
            }
        }
        if cx.has(V_VALIDATION) {
            self.validation(&cx, o, &mut n);
        }
        if cx.format_assertion {
            if let Some(f) = keyword(o, "format") {
                match f {
                    Value::String(name) => {
                        if let Some(fmt) = Format::from_name(name) {
                            n.str.push(StrKw::Format(fmt));
                        } else if matches!(cx.dialect, Dialect::OpenApi30 | Dialect::OpenApi31) {
                            // OpenAPI defines the integer formats as ranges.
                            match name.as_str() {
                                "int32" => n.num.push(NumKw::Int32),
                                "int64" => n.num.push(NumKw::Int64),
                                _ => {}
                            }
                        }
                    }
                    _ => {
                        self.error_at(doc, &cx.child("format"), "`format` must be a string".into())
                    }
                }
            }
        }
        if cx.has(V_APPLICATOR) {
            self.applicator(&cx, o, &mut n);
        }
        if cx.has(V_UNEVALUATED) && cx.dialect.level() >= 2019 {
            if let Some(x) = keyword(o, "unevaluatedProperties") {
                n.uprops = Some(self.sub(&cx, "unevaluatedProperties", x));
            }
            if let Some(x) = keyword(o, "unevaluatedItems") {
                n.uitems = Some(self.sub(&cx, "unevaluatedItems", x));
            }
        }
        if cx.has(V_CORE) || cx.dialect.level() < 2019 {
            self.core(&cx, o, &mut n);
        }
        self.nodes[id.ix()] = n;
    }

    /// A sub-schema at `ptr/kw`.
    fn sub(&mut self, cx: &Cx, kw: &str, v: &Value) -> NodeId {
        if !matches!(v, Value::Object(_) | Value::Bool(_)) {
            self.error_at(
                cx.doc,
                &cx.child(kw),
                format!("`{kw}` must be a schema (an object or a boolean)"),
            );
        }
        self.node_for(cx.doc, cx.child(kw))
    }

    fn sub_list(&mut self, cx: &Cx, kw: &str, v: &Value) -> Option<Vec<NodeId>> {
        match v {
            Value::Array(a) => Some(
                (0..a.len())
                    .map(|i| {
                        if !matches!(a[i], Value::Object(_) | Value::Bool(_)) {
                            self.error_at(
                                cx.doc,
                                &cx.child2(kw, &i.to_string()),
                                "a schema must be an object or a boolean".into(),
                            );
                        }
                        self.node_for(cx.doc, cx.child2(kw, &i.to_string()))
                    })
                    .collect(),
            ),
            _ => {
                self.error_at(
                    cx.doc,
                    &cx.child(kw),
                    format!("`{kw}` must be an array of schemas"),
                );
                None
            }
        }
    }

    fn sub_map(&mut self, cx: &Cx, kw: &str, v: &Value) -> Vec<(String, NodeId)> {
        match v {
            Value::Object(m) => m
                .iter()
                .map(|(k, s)| {
                    if !matches!(s, Value::Object(_) | Value::Bool(_)) {
                        self.error_at(
                            cx.doc,
                            &cx.child2(kw, k),
                            "a schema must be an object or a boolean".into(),
                        );
                    }
                    (k.clone(), self.node_for(cx.doc, cx.child2(kw, k)))
                })
                .collect(),
            _ => {
                self.error_at(cx.doc, &cx.child(kw), format!("`{kw}` must be an object"));
                Vec::new()
            }
        }
    }

    /// A non-negative integer limit (`2.0` is accepted as 2).
    fn limit(&mut self, cx: &Cx, kw: &str, v: &Value) -> Option<u64> {
        if let Value::Number(x) = v {
            if let Some(u) = x.as_u64() {
                return Some(u);
            }
            if let Some(f) = x.as_f64() {
                if f >= 0.0 && f.fract() == 0.0 {
                    return Some(if f > u64::MAX as f64 {
                        u64::MAX
                    } else {
                        f as u64
                    });
                }
            }
        }
        self.error_at(
            cx.doc,
            &cx.child(kw),
            format!("`{kw}` must be a non-negative integer"),
        );
        None
    }

    fn number(&mut self, cx: &Cx, kw: &str, v: &Value) -> Option<Number> {
        match v {
            Value::Number(x) => Some(x.clone()),
            _ => {
                self.error_at(cx.doc, &cx.child(kw), format!("`{kw}` must be a number"));
                None
            }
        }
    }

    fn pattern(&mut self, cx: &Cx, at: &str, p: &str) -> Option<u32> {
        if let Some(&i) = self.pattern_of.get(p) {
            return Some(i);
        }
        match compile_regex(p) {
            Ok(re) => {
                let i = self.patterns.len() as u32;
                self.patterns.push(p.to_string());
                self.regexes.push(re);
                self.pattern_of.insert(p.to_string(), i);
                Some(i)
            }
            Err(e) => {
                self.error_at(cx.doc, at, format!("invalid regular expression {p:?}: {e}"));
                None
            }
        }
    }

    fn strings(&mut self, cx: &Cx, kw: &str, v: &Value) -> Vec<String> {
        match v {
            Value::Array(a) if a.iter().all(Value::is_string) => a
                .iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect(),
            _ => {
                self.error_at(
                    cx.doc,
                    &cx.child(kw),
                    format!("`{kw}` must be an array of strings"),
                );
                Vec::new()
            }
        }
    }

    fn validation(&mut self, cx: &Cx, o: &Map<String, Value>, n: &mut Node) {
        let level = cx.dialect.level();
        let nullable =
            cx.dialect == Dialect::OpenApi30 && keyword(o, "nullable") == Some(&Value::Bool(true));
        // `nullable: true` lets `null` through whatever else the schema says: a nullable
        // reference (`nullable` beside `allOf: [{$ref}]`) is how OpenAPI 3.0 documents write
        // one, and how the types read it. Swagger's `x-nullable` says the same.
        if nullable || keyword(o, "x-nullable") == Some(&Value::Bool(true)) {
            n.null = true;
        }
        if let Some(t) = keyword(o, "type") {
            let names: Vec<&Value> = match t {
                Value::Array(a) => a.iter().collect(),
                one => vec![one],
            };
            let mut bits = 0u8;
            // Swagger 2.0's parameters say `type: file` for an uploaded file's bytes.
            let swagger = cx.dialect == Dialect::Draft4
                && self.docs[cx.doc as usize].opts.root == DocumentRoot::Container;
            for name in names {
                bits |= match name.as_str() {
                    Some("file") if swagger => T_STRING,
                    Some("null") => T_NULL,
                    Some("boolean") => T_BOOL,
                    Some("object") => T_OBJECT,
                    Some("array") => T_ARRAY,
                    Some("number") => T_NUMBER,
                    Some("string") => T_STRING,
                    Some("integer") => T_INTEGER,
                    _ => {
                        self.error_at(cx.doc, &cx.child("type"), format!("unknown type {name}"));
                        0
                    }
                };
            }
            if nullable {
                bits |= T_NULL;
            }
            // Draft 4 and the drafts OpenAPI 3.0 builds on (Wright 00) count only numbers written
            // without a fraction as integers; draft 6 made `1.0` one.
            if matches!(cx.dialect, Dialect::Draft4 | Dialect::OpenApi30) && bits & T_INTEGER != 0 {
                bits |= T_INT_STRICT;
            }
            n.types = bits;
        }
        if let Some(e) = keyword(o, "enum") {
            match e {
                Value::Array(values) => {
                    let mut values = values.clone();
                    if nullable && !values.contains(&Value::Null) {
                        values.push(Value::Null);
                    }
                    let strings = values.iter().any(Value::is_string)
                        && values.iter().all(|v| v.is_string() || v.is_null());
                    n.any.push(AnyKw::Enum { values, strings });
                }
                _ => self.error_at(cx.doc, &cx.child("enum"), "`enum` must be an array".into()),
            }
        }
        if level >= 6 {
            if let Some(c) = keyword(o, "const") {
                n.any.push(AnyKw::Const(c.clone()));
            }
        }
        if let Some(x) = keyword(o, "multipleOf") {
            match self.number(cx, "multipleOf", x) {
                Some(d) if d.as_f64().is_some_and(|f| f > 0.0) => n.num.push(NumKw::MultipleOf(d)),
                Some(_) => self.error_at(
                    cx.doc,
                    &cx.child("multipleOf"),
                    "`multipleOf` must be greater than 0".into(),
                ),
                None => {}
            }
        }
        if level <= 4 {
            // Draft 4 / OpenAPI 3.0: boolean exclusiveMinimum/Maximum modify minimum/maximum.
            for (kw, ex, incl, excl) in [
                (
                    "minimum",
                    "exclusiveMinimum",
                    NumKw::Minimum as fn(Number) -> NumKw,
                    NumKw::ExclusiveMinimum as fn(Number) -> NumKw,
                ),
                (
                    "maximum",
                    "exclusiveMaximum",
                    NumKw::Maximum,
                    NumKw::ExclusiveMaximum,
                ),
            ] {
                let exclusive = match keyword(o, ex) {
                    None => false,
                    Some(Value::Bool(b)) => *b,
                    // The later drafts' numeric form, which real documents of this dialect
                    // also use: it can mean only one thing, the bound itself.
                    Some(Value::Number(_)) => {
                        if let Some(m) = keyword(o, ex).and_then(|x| self.number(cx, ex, x)) {
                            n.num.push(excl(m));
                        }
                        false
                    }
                    Some(_) => {
                        self.error_at(
                            cx.doc,
                            &cx.child(ex),
                            format!("`{ex}` must be a boolean or a number"),
                        );
                        false
                    }
                };
                if let Some(x) = keyword(o, kw) {
                    if let Some(m) = self.number(cx, kw, x) {
                        n.num.push(if exclusive { excl(m) } else { incl(m) });
                    }
                }
            }
        } else {
            for (kw, make) in [
                ("minimum", NumKw::Minimum as fn(Number) -> NumKw),
                ("maximum", NumKw::Maximum),
                ("exclusiveMinimum", NumKw::ExclusiveMinimum),
                ("exclusiveMaximum", NumKw::ExclusiveMaximum),
            ] {
                if let Some(x) = keyword(o, kw) {
                    if let Some(m) = self.number(cx, kw, x) {
                        n.num.push(make(m));
                    }
                }
            }
        }
        for (kw, make) in [
            ("minLength", StrKw::MinLength as fn(u64) -> StrKw),
            ("maxLength", StrKw::MaxLength),
        ] {
            if let Some(x) = keyword(o, kw) {
                if let Some(l) = self.limit(cx, kw, x) {
                    n.str.push(make(l));
                }
            }
        }
        if let Some(x) = keyword(o, "pattern") {
            match x {
                Value::String(p) => {
                    if let Some(i) = self.pattern(cx, &cx.child("pattern"), p) {
                        n.str.push(StrKw::Pattern(i));
                    }
                }
                _ => self.error_at(
                    cx.doc,
                    &cx.child("pattern"),
                    "`pattern` must be a string".into(),
                ),
            }
        }
        for (kw, make) in [
            ("minItems", ArrKw::MinItems as fn(u64) -> ArrKw),
            ("maxItems", ArrKw::MaxItems),
        ] {
            if let Some(x) = keyword(o, kw) {
                if let Some(l) = self.limit(cx, kw, x) {
                    n.arr.push(make(l));
                }
            }
        }
        match keyword(o, "uniqueItems") {
            None | Some(Value::Bool(false)) => {}
            Some(Value::Bool(true)) => n.arr.push(ArrKw::UniqueItems),
            Some(_) => self.error_at(
                cx.doc,
                &cx.child("uniqueItems"),
                "`uniqueItems` must be a boolean".into(),
            ),
        }
        for (kw, make) in [
            ("minProperties", ObjKw::MinProperties as fn(u64) -> ObjKw),
            ("maxProperties", ObjKw::MaxProperties),
        ] {
            if let Some(x) = keyword(o, kw) {
                if let Some(l) = self.limit(cx, kw, x) {
                    n.obj.push(make(l));
                }
            }
        }
        // Draft 3's boolean `required` on a property, which real documents (vSphere's among
        // them) still carry, means nothing in later drafts: the generator warns, and it is ignored.
        if let Some(x) = keyword(o, "required").filter(|x| !x.is_boolean()) {
            let names = self.strings(cx, "required", x);
            if !names.is_empty() {
                n.obj.push(ObjKw::Required(names));
            }
        }
        if level >= 2019 {
            if let Some(x) = keyword(o, "dependentRequired") {
                match x {
                    Value::Object(m) => {
                        let mut deps = Vec::new();
                        for (k, v) in m {
                            let ptr = cx.child2("dependentRequired", k);
                            match v {
                                Value::Array(a) if a.iter().all(Value::is_string) => deps.push((
                                    k.clone(),
                                    a.iter()
                                        .filter_map(|s| s.as_str().map(str::to_string))
                                        .collect(),
                                )),
                                _ => self.error_at(
                                    cx.doc,
                                    &ptr,
                                    "must be an array of strings".into(),
                                ),
                            }
                        }
                        n.obj.push(ObjKw::DependentRequired(deps));
                    }
                    _ => self.error_at(
                        cx.doc,
                        &cx.child("dependentRequired"),
                        "`dependentRequired` must be an object".into(),
                    ),
                }
            }
        }
    }

    /// OpenAPI's `discriminator` beside a `oneOf`/`anyOf`: its property must be present (the
    /// alternatives must require it), and each of its values names the alternative that a
    /// document which matches none is explained by: by `mapping`, else by the name its `$ref`
    /// ends with.
    fn discriminator(
        &mut self,
        cx: &Cx,
        o: &Map<String, Value>,
        members: &Value,
        list: &[NodeId],
        n: &mut Node,
    ) {
        if !matches!(cx.dialect, Dialect::OpenApi30 | Dialect::OpenApi31) {
            return;
        }
        let Some(Value::Object(d)) = keyword(o, "discriminator") else {
            return;
        };
        let Some(property) = d.get("propertyName").and_then(Value::as_str) else {
            return;
        };
        let refs: Vec<Option<&str>> = match members {
            Value::Array(items) => items
                .iter()
                .map(|m| m.get("$ref").and_then(Value::as_str))
                .collect(),
            _ => Vec::new(),
        };
        let last = |r: &str| r.rsplit('/').next().unwrap_or(r).to_owned();
        let mut values: Vec<(String, NodeId)> = Vec::new();
        if let Some(Value::Object(mapping)) = d.get("mapping") {
            for (value, target) in mapping {
                let Some(target) = target.as_str() else {
                    continue;
                };
                let found = refs
                    .iter()
                    .position(|r| r.is_some_and(|r| r == target || last(r) == last(target)));
                if let Some(i) = found.filter(|i| *i < list.len()) {
                    values.push((value.clone(), list[i]));
                }
            }
        }
        for (i, r) in refs.iter().enumerate() {
            if let (Some(r), Some(id)) = (r, list.get(i)) {
                let name = last(r);
                if !values.iter().any(|(v, _)| *v == name) && !values.iter().any(|(_, n)| n == id) {
                    values.push((name, *id));
                }
            }
        }
        n.obj.push(ObjKw::Required(vec![property.to_owned()]));
        // Only a tag that names every alternative can say a document's value is none of them.
        if list.iter().all(|id| values.iter().any(|(_, n)| n == id)) {
            n.tag = Some(Box::new(Tag {
                property: property.to_owned(),
                values,
            }));
        }
    }

    fn applicator(&mut self, cx: &Cx, o: &Map<String, Value>, n: &mut Node) {
        let level = cx.dialect.level();
        let known: Vec<&str> = applicators(cx.dialect).map(|(k, _)| k).collect();
        let has = |k: &str| known.contains(&k) && o.contains_key(k);
        for (kw, make) in [
            ("allOf", AnyKw::AllOf as fn(Vec<NodeId>) -> AnyKw),
            ("anyOf", AnyKw::AnyOf),
            ("oneOf", AnyKw::OneOf),
        ] {
            if let Some(x) = keyword(o, kw) {
                if let Some(list) = self.sub_list(cx, kw, x) {
                    if kw != "allOf" {
                        self.discriminator(cx, o, x, &list, n);
                    }
                    n.any.push(make(list));
                }
            }
        }
        if let Some(x) = keyword(o, "not") {
            let id = self.sub(cx, "not", x);
            n.any.push(AnyKw::Not(id));
        }
        if has("if") {
            let cond = self.sub(cx, "if", &o["if"]);
            let then = keyword(o, "then").map(|x| self.sub(cx, "then", x));
            let els = keyword(o, "else").map(|x| self.sub(cx, "else", x));
            // Kept without then/else too: `if` alone still yields annotations.
            n.any.push(AnyKw::If { cond, then, els });
        }
        // Arrays.
        let mut tuple_len: Option<usize> = None;
        if has("prefixItems") {
            if let Some(list) = self.sub_list(cx, "prefixItems", &o["prefixItems"]) {
                tuple_len = Some(list.len());
                n.arr.push(ArrKw::Prefix(list));
            }
        }
        if let Some(items) = keyword(o, "items") {
            match items {
                Value::Array(_) if level < 2020 || tuple_len.is_none() => {
                    if let Some(list) = self.sub_list(cx, "items", items) {
                        let len = list.len();
                        n.arr.push(ArrKw::Prefix(list));
                        if level < 2020 {
                            if let Some(add) = keyword(o, "additionalItems") {
                                let node = self.sub(cx, "additionalItems", add);
                                n.arr.push(ArrKw::Items {
                                    from: len as u32,
                                    node,
                                });
                            }
                        }
                    }
                }
                _ => {
                    let node = self.sub(cx, "items", items);
                    let from = if level >= 2020 {
                        tuple_len.unwrap_or(0)
                    } else {
                        0
                    };
                    n.arr.push(ArrKw::Items {
                        from: from as u32,
                        node,
                    });
                }
            }
        }
        if has("contains") {
            let node = self.sub(cx, "contains", &o["contains"]);
            let (mut min, mut max) = (1, None);
            if level >= 2019 && cx.has(V_VALIDATION) {
                if let Some(x) = keyword(o, "minContains") {
                    min = self.limit(cx, "minContains", x).unwrap_or(1);
                }
                if let Some(x) = keyword(o, "maxContains") {
                    max = self.limit(cx, "maxContains", x);
                }
            }
            n.arr.push(ArrKw::Contains {
                node,
                min,
                max,
                annotate: level >= 2020,
            });
        }
        // Objects.
        let mut props = Props::default();
        let mut any_props = false;
        if let Some(x) = keyword(o, "properties") {
            let mut list = self.sub_map(cx, "properties", x);
            list.sort_by(|a, b| a.0.cmp(&b.0));
            for (k, id) in list {
                props.names.push(k);
                props.nodes.push(id);
            }
            any_props = true;
        }
        if has("patternProperties") {
            if let Value::Object(m) = &o["patternProperties"] {
                for (p, _) in m {
                    let at = cx.child2("patternProperties", p);
                    if let Some(re) = self.pattern(cx, &at, p) {
                        let id = self.node_for(cx.doc, at);
                        props.patterns.push((re, id));
                    }
                }
            } else {
                self.error_at(
                    cx.doc,
                    &cx.child("patternProperties"),
                    "`patternProperties` must be an object".into(),
                );
            }
            any_props = true;
        }
        if let Some(x) = keyword(o, "additionalProperties") {
            props.additional = Some(self.sub(cx, "additionalProperties", x));
            any_props = true;
        }
        if any_props {
            n.obj.push(ObjKw::Props(Box::new(props)));
        }
        if has("propertyNames") {
            let id = self.sub(cx, "propertyNames", &o["propertyNames"]);
            n.obj.push(ObjKw::PropertyNames(id));
        }
        if has("dependentSchemas") {
            let deps = self.sub_map(cx, "dependentSchemas", &o["dependentSchemas"]);
            n.obj.push(ObjKw::DependentSchemas(deps));
        }
        if let Some(Value::Object(m)) = keyword(o, "dependencies") {
            let (mut req, mut schemas) = (Vec::new(), Vec::new());
            for (k, v) in m {
                match v {
                    Value::Array(_) => {
                        req.push((k.clone(), self.strings(cx, &format!("dependencies/{k}"), v)))
                    }
                    _ => {
                        let at = cx.child2("dependencies", k);
                        if !matches!(v, Value::Object(_) | Value::Bool(_)) {
                            self.error_at(
                                cx.doc,
                                &at,
                                "a dependency must be an array of names or a schema".into(),
                            );
                        }
                        schemas.push((k.clone(), self.node_for(cx.doc, at)));
                    }
                }
            }
            if !req.is_empty() {
                n.obj.push(ObjKw::DependentRequired(req));
            }
            if !schemas.is_empty() {
                n.obj.push(ObjKw::DependentSchemas(schemas));
            }
        } else if let Some(x) = keyword(o, "dependencies") {
            self.error_at(
                cx.doc,
                &cx.child("dependencies"),
                format!("`dependencies` must be an object, not {x}"),
            );
        }
    }

    fn core(&mut self, cx: &Cx, o: &Map<String, Value>, n: &mut Node) {
        let level = cx.dialect.level();
        if let Some(rv) = keyword(o, "$ref") {
            if let Some(t) = self.reference(cx, "$ref", rv) {
                n.any.push(AnyKw::Ref(t));
            }
        }
        if level == 2019 {
            if let Some(rv) = keyword(o, "$recursiveRef") {
                if let Some(t) = self.reference(cx, "$recursiveRef", rv) {
                    // Dynamic only when the static target sets $recursiveAnchor.
                    let (tdoc, tptr) = self.node_loc[t.ix()].clone();
                    // Shared true/false nodes have no location (doc u32::MAX).
                    let target_res = (tdoc != u32::MAX).then(|| self.ensure_indexed(tdoc, &tptr));
                    let recursive = target_res.is_some_and(|r| {
                        let res = &self.res[r as usize];
                        res.recursive && res.ptr == tptr && res.doc == tdoc
                    });
                    if let (true, Some(target_res)) = (recursive, target_res) {
                        let name = self.name_index("");
                        self.program_resource(target_res);
                        n.any.push(AnyKw::DynRef { target: t, name });
                    } else {
                        n.any.push(AnyKw::Ref(t));
                    }
                }
            }
        }
        if level >= 2020 {
            if let Some(rv) = keyword(o, "$dynamicRef") {
                let Some(r) = rv.as_str() else {
                    self.error_at(
                        cx.doc,
                        &cx.child("$dynamicRef"),
                        "`$dynamicRef` must be a string".into(),
                    );
                    return;
                };
                let (u, frag) = split_fragment(r);
                let located = resolve(&cx.base, u).and_then(|abs| self.locate(&abs, frag));
                match located {
                    Ok((doc, ptr, res)) => {
                        let t = self.node_for(doc, ptr.clone());
                        let anchor = frag
                            .map(super::uri::percent_decode)
                            .filter(|f| !f.is_empty() && !f.starts_with('/'));
                        let dynamic = anchor.as_ref().is_some_and(|a| {
                            self.res[res as usize]
                                .dyn_anchors
                                .iter()
                                .any(|(nm, p)| nm == a && *p == ptr)
                        });
                        match anchor {
                            Some(a) if dynamic => {
                                let name = self.name_index(&a);
                                self.program_resource(res);
                                n.any.push(AnyKw::DynRef { target: t, name });
                            }
                            _ => n.any.push(AnyKw::Ref(t)),
                        }
                    }
                    Err(e) => self.error_at(cx.doc, &cx.child("$dynamicRef"), e),
                }
            }
        }
    }

    /// Resolve a `$ref`-like keyword to its target node.
    fn reference(&mut self, cx: &Cx, kw: &str, rv: &Value) -> Option<NodeId> {
        let Some(r) = rv.as_str() else {
            self.error_at(cx.doc, &cx.child(kw), format!("`{kw}` must be a string"));
            return None;
        };
        let (u, frag) = split_fragment(r);
        match resolve(&cx.base, u).and_then(|abs| self.locate(&abs, frag)) {
            Ok((doc, ptr, _)) => Some(self.node_for(doc, ptr)),
            Err(e) => {
                self.error_at(cx.doc, &cx.child(kw), format!("cannot resolve `{r}`: {e}"));
                None
            }
        }
    }

    /// Reject schemas that apply themselves to the same instance without
    /// end (`{"$ref": "#"}`, or `allOf` cycles): evaluation would not stop.
    pub(crate) fn check_cycles(&mut self) {
        let count = self.nodes.len();
        let mut edges: Vec<Vec<usize>> = vec![Vec::new(); count];
        for (i, n) in self.nodes.iter().enumerate() {
            for k in &n.any {
                match k {
                    AnyKw::Ref(t) | AnyKw::Not(t) => edges[i].push(t.ix()),
                    AnyKw::DynRef { target, name } => {
                        edges[i].push(target.ix());
                        for r in &self.resources {
                            edges[i].extend(
                                r.anchors
                                    .iter()
                                    .filter(|(nm, _)| nm == name)
                                    .map(|(_, id)| id.ix()),
                            );
                        }
                    }
                    AnyKw::AllOf(v) | AnyKw::AnyOf(v) | AnyKw::OneOf(v) => {
                        edges[i].extend(v.iter().map(|t| t.ix()))
                    }
                    AnyKw::If { cond, then, els } => {
                        edges[i].push(cond.ix());
                        edges[i].extend(then.iter().chain(els).map(|t| t.ix()));
                    }
                    _ => {}
                }
            }
            for k in &n.obj {
                if let ObjKw::DependentSchemas(d) = k {
                    edges[i].extend(d.iter().map(|(_, t)| t.ix()));
                }
            }
        }
        // Iterative depth-first search; colour 1 = on the stack, 2 = done.
        let mut colour = vec![0u8; count];
        let mut reported = vec![false; count];
        for start in 0..count {
            if colour[start] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            colour[start] = 1;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if *next < edges[node].len() {
                    let t = edges[node][*next];
                    *next += 1;
                    match colour[t] {
                        0 => {
                            colour[t] = 1;
                            stack.push((t, 0));
                        }
                        1 if !reported[t] => {
                            reported[t] = true;
                            let (doc, ptr) = self.node_loc[t].clone();
                            if doc != u32::MAX {
                                self.error_at(
                                    doc,
                                    &ptr,
                                    "the schema applies itself to the same instance without end (a reference cycle that consumes nothing)".into(),
                                );
                            }
                        }
                        _ => {}
                    }
                } else {
                    colour[node] = 2;
                    stack.pop();
                }
            }
        }
    }

    pub(crate) fn into_program(self) -> specgen_runtime::schema::Program {
        specgen_runtime::schema::Program {
            data: ProgramData {
                v: PROGRAM_VERSION,
                nodes: self.nodes,
                patterns: self.patterns,
                names: self.names,
                resources: self.resources,
                false_node: self.false_node,
                entries: self.entries,
            },
            regexes: self.regexes,
        }
    }
}

/// Whether `ptr` is a property's schema (`…/properties/name`) that its object schema does not
/// list in `required`.
fn is_optional_property(root: &Value, ptr: &str) -> bool {
    let Some((rest, token)) = ptr.rsplit_once('/') else {
        return false;
    };
    let Some((parent, "properties")) = rest.rsplit_once('/') else {
        return false;
    };
    let Some(Value::Object(object)) = root.pointer(parent) else {
        return false;
    };
    let name = token.replace("~1", "/").replace("~0", "~");
    let declared = object
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|properties| properties.contains_key(&name));
    let required = object
        .get("required")
        .and_then(Value::as_array)
        .is_some_and(|names| names.iter().any(|n| n.as_str() == Some(name.as_str())));
    declared && !required
}
