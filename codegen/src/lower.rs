//! Spec -> IR: resolve `$ref`, follow vSphere's enum links, flatten `allOf` wrappers, choose the
//! Rust shape of every schema and break cycles of types that contain each other by value.
//!
//! Problems are collected, not returned early: a spec with ten mistakes gets ten messages in one run.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use crate::Customize;
use crate::docs;
use crate::error::{Diagnostics, Location};
use crate::load::normalize;
use serde_json::Value;

use crate::ir::{
    Default, EnumDef, Field, Rule, RustPath, Shape, StructDef, Tag, TypeDef, TypeId, TypeKind,
    TypeRef, TypeSpace, UnionDef, UnionVariant, Variant,
};
use crate::naming::{self, ModuleNames, Namespace};
use crate::spec::{Additional, InstanceType, SchemaObject, Spec};

/// Formats that a Rust type enforces, or that only document intent; none needs a runtime check.
const TYPED_FORMATS: &[&str] = &[
    "date-time",
    "int32",
    "int64",
    "float",
    "double",
    "password",
    "binary",
    "byte",
];
/// Formats that the generated validators check on strings.
const CHECKED_FORMATS: &[&str] = &[
    "date", "time", "email", "uri", "uuid", "ipv4", "ipv6", "hostname",
];

/// Lowers the schemas named in `roots` (every schema when empty) and all they reference.
pub(crate) fn lower(
    spec: &Spec,
    roots: &[String],
    root: &[String],
    customize: &Customize,
    diagnostics: &mut Diagnostics,
) -> TypeSpace {
    let mut lowerer = Lowerer::new(spec, diagnostics);
    lowerer.space.root = root.to_vec();
    let reachable = lowerer.reachable(roots);
    lowerer.lower_all(&reachable);
    let Lowerer { space, .. } = lowerer;
    let mut space = space;
    apply_customizations(&mut space, customize, diagnostics);
    report_alias_cycles(spec, &space, diagnostics);
    if !diagnostics.errors.is_empty() {
        // The space may hold what only errors describe (alias cycles); nothing is emitted from it.
        return space;
    }
    box_cycles(&mut space);
    box_deep_nesting(&mut space);
    render_docs(&mut space);
    space.shadows_prelude = space
        .types
        .values()
        .any(|def| crate::naming::PRELUDE_TYPES.contains(&def.path.name.as_str()));
    space
}

struct Lowerer<'a> {
    spec: &'a Spec,
    diagnostics: &'a mut Diagnostics,
    /// Named schemas by file and JSON Pointer: what a `$ref` can point to.
    by_pointer: HashMap<(PathBuf, String), usize>,
    by_name: HashMap<&'a str, usize>,
    /// Generated types of named schemas, by schema index.
    ids: HashMap<usize, TypeId>,
    names: ModuleNames,
    /// The next id for a type defined inline; named schemas take the first ids.
    next_id: u32,
    /// Every type's path and spec name, known before its definition is lowered.
    paths: HashMap<TypeId, (RustPath, String)>,
    space: TypeSpace,
}

impl<'a> Lowerer<'a> {
    fn new(spec: &'a Spec, diagnostics: &'a mut Diagnostics) -> Lowerer<'a> {
        let mut by_pointer = HashMap::new();
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        for (i, named) in spec.schemas.iter().enumerate() {
            let location = named.schema.location();
            by_pointer.insert((normalize(&location.file), location.pointer.clone()), i);
            if let Some(&first) = by_name.get(named.name.as_str()) {
                // Two files may well name their root schemas alike (by `title`): each gets a type,
                // numbered in order; `--root` and links by name mean the first.
                diagnostics.warning(
                    location,
                    format!(
                        "schema `{}` is also defined at {}; its type gets a numbered name, and \
                         `--root` or links by this name mean the first",
                        named.name,
                        spec.schemas[first].schema.location()
                    ),
                );
            } else {
                by_name.insert(&named.name, i);
            }
        }
        Lowerer {
            spec,
            diagnostics,
            by_pointer,
            by_name,
            ids: HashMap::new(),
            names: ModuleNames::default(),
            next_id: 0,
            paths: HashMap::new(),
            space: TypeSpace::default(),
        }
    }

    /// The named schema that `reference` (written at `at`) points to.
    fn resolve(&mut self, reference: &str, at: &Location) -> Option<usize> {
        let (file, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        let file = if file.is_empty() {
            normalize(&at.file)
        } else {
            normalize(&crate::load::sibling_path(&at.file, file))
        };
        let pointer = percent_decode(fragment);
        let found = self.by_pointer.get(&(file, pointer)).copied();
        if found.is_none() {
            // The compiled schema resolves it (an anchor, an `$id`, a pointer into another
            // schema, a remote document) or reports it as dangling; only the type is looser.
            self.diagnostics.warning(
                &at.join("$ref"),
                format!(
                    "`$ref` points to `{reference}`, which is not a named schema of the specs \
                     (`#/components/schemas/Name`, `#/definitions/Name` or `#/$defs/Name`): the \
                     value is a `serde_json::Value`, and validation checks it against the schema \
                     it refers to"
                ),
            );
        }
        found
    }

    /// The named enum that a vSphere string property links to in its description, if any.
    fn linked_enum(&self, schema: &SchemaObject) -> Option<usize> {
        if schema.enum_values.is_some() || schema.format.is_some() {
            return None;
        }
        let target = docs::enum_link(schema.description.as_deref()?)?;
        let &index = self.by_name.get(target)?;
        let linked = &self.spec.schemas[index].schema;
        (linked.enum_values.is_some() && string_enum(linked)).then_some(index)
    }

    /// Every named schema reachable from the roots, in spec order.
    fn reachable(&mut self, roots: &[String]) -> BTreeSet<usize> {
        let mut stack: Vec<usize> = if roots.is_empty() {
            (0..self.spec.schemas.len())
                .filter(|&i| self.spec.schemas[i].given)
                .collect()
        } else {
            roots
                .iter()
                .filter_map(|root| {
                    let found = self.by_name.get(root.as_str()).copied();
                    if found.is_none() {
                        let at = self
                            .spec
                            .sources
                            .first()
                            .map_or_else(|| Location::new("", ""), |s| Location::new(&s.file, ""));
                        self.diagnostics
                            .error(&at, format!("root `{root}` is not a schema of the specs"));
                    }
                    found
                })
                .collect()
        };
        let mut seen = BTreeSet::new();
        while let Some(index) = stack.pop() {
            if !seen.insert(index) {
                continue;
            }
            let mut referenced = Vec::new();
            self.collect_references(&self.spec.schemas[index].schema, &mut referenced);
            stack.extend(referenced);
        }
        seen
    }

    fn collect_references(&mut self, schema: &SchemaObject, out: &mut Vec<usize>) {
        if let Some(reference) = &schema.reference {
            out.extend(self.resolve(reference, schema.location()));
        }
        if schema.has_type(InstanceType::String)
            && let Some(linked) = self.linked_enum(schema)
        {
            out.push(linked);
        }
        let children = schema
            .properties
            .iter()
            .map(|(_, s)| s)
            .chain(schema.items.as_deref())
            .chain(match &schema.additional_properties {
                Some(Additional::Schema(s)) => Some(&**s),
                _ => None,
            })
            .chain(&schema.all_of)
            .chain(&schema.one_of)
            .chain(&schema.any_of);
        for child in children {
            self.collect_references(child, out);
        }
    }

    fn lower_all(&mut self, reachable: &BTreeSet<usize>) {
        let indices: Vec<usize> = reachable.iter().copied().collect();
        let names: Vec<&str> = indices
            .iter()
            .map(|&i| self.spec.schemas[i].name.as_str())
            .collect();
        let paths = self.names.schema_paths(&names);
        for (n, &index) in indices.iter().enumerate() {
            self.ids.insert(index, TypeId(n as u32));
        }
        self.next_id = indices.len() as u32;
        for (&index, (path, wanted)) in indices.iter().zip(&paths) {
            let named = &self.spec.schemas[index];
            if let Some(wanted) = wanted {
                self.diagnostics.warning(
                    named.schema.location(),
                    format!(
                        "`{}` would be `{wanted}` in Rust, a name already taken in module `{}` \
                         (by another schema, or by the runtime at the crate root); it is `{}`",
                        named.name,
                        if path.module.is_empty() {
                            "crate".to_owned()
                        } else {
                            path.module.join("::")
                        },
                        path.name
                    ),
                );
            }
            self.paths
                .insert(self.ids[&index], (path.clone(), named.name.clone()));
        }
        // Types defined inline get ids after every named schema, in the order they are met.
        for (&index, (path, _)) in indices.iter().zip(paths) {
            let named = &self.spec.schemas[index];
            let id = self.ids[&index];
            self.define(id, path, &named.name, &named.schema);
        }
        let owners: HashMap<Vec<String>, &RustPath> = self
            .space
            .types
            .values()
            .map(|def| (naming::nested_module(&def.path), &def.path))
            .collect();
        let mut modules = BTreeMap::new();
        for (module, _) in self.names_of_modules() {
            let docs = match owners.get(&module) {
                Some(owner) => format!(
                    "Types that belong to [`{}`]({}).",
                    owner.name,
                    intra_doc_path(&self.space.root, owner)
                ),
                None => format!("Types of the `{}` namespace.", module.join("::")),
            };
            modules.insert(module, docs);
        }
        self.space.modules = modules;
        self.space.nested_modules = owners.keys().cloned().collect();
    }

    fn names_of_modules(&self) -> BTreeMap<Vec<String>, ()> {
        let mut modules = BTreeMap::new();
        for def in self.space.types.values() {
            for depth in 1..=def.path.module.len() {
                modules.insert(def.path.module[..depth].to_vec(), ());
            }
        }
        modules
    }

    /// Lowers one schema with a name of its own into the type `id`.
    fn define(&mut self, id: TypeId, path: RustPath, spec_name: &str, schema: &SchemaObject) {
        let docs = schema
            .description
            .clone()
            .or_else(|| schema.title.clone())
            .unwrap_or_else(|| format!("The `{spec_name}` schema."));
        let kind = if string_enum(schema) && schema.enum_values.is_some() {
            TypeKind::Enum(self.lower_enum(schema))
        } else if is_struct(schema) {
            TypeKind::Struct(self.lower_struct(&path, schema))
        } else if let Some(members) = self.union_members(schema) {
            match members.as_slice() {
                [only] => {
                    let mut shape = self.lower_shape(&path, "Value", only);
                    shape.nullable = true;
                    TypeKind::Alias(shape)
                }
                _ => TypeKind::Union(self.lower_union(&path, schema, &members)),
            }
        } else {
            TypeKind::Alias(self.lower_shape(&path, "Value", schema))
        };
        self.space.types.insert(
            id,
            TypeDef {
                path,
                spec_name: spec_name.to_owned(),
                docs,
                deprecated: schema.deprecated,
                extra_derives: Vec::new(),
                extra_attributes: Vec::new(),
                location: schema.location().clone(),
                node: None,
                exact: false,
                kind,
            },
        );
    }

    /// A type defined inline: an object or enum that is a property's (or item's) own schema.
    fn define_nested(&mut self, parent: &RustPath, wanted: &str, schema: &SchemaObject) -> TypeId {
        let id = TypeId(self.next_id);
        self.next_id += 1;
        let path = self.names.nested_path(parent, wanted);
        let spec_name = format!("{}.{wanted}", parent.name);
        self.paths.insert(id, (path.clone(), spec_name.clone()));
        self.define(id, path, &spec_name, schema);
        if schema.description.is_none()
            && schema.title.is_none()
            && let Some(def) = self.space.types.get_mut(&id)
        {
            def.docs = format!("The value of `{wanted}` in `{}`.", parent.name);
        }
        id
    }

    fn lower_enum(&mut self, schema: &SchemaObject) -> EnumDef {
        let values = schema.enum_values.as_deref().unwrap_or_default();
        let value_docs = schema
            .description
            .as_deref()
            .map(docs::value_docs)
            .unwrap_or_default();
        let mut idents = Namespace::default();
        let mut seen = BTreeSet::new();
        let mut variants = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let Some(wire) = value.as_str() else { continue };
            if !seen.insert(wire) {
                self.diagnostics.warning(
                    &schema.location().join("enum").index(i),
                    format!("the value `{wire}` is listed twice in `enum`; it is one variant"),
                );
                continue;
            }
            variants.push(Variant {
                wire_name: wire.to_owned(),
                ident: idents.claim(&naming::variant_ident(wire)),
                docs: value_docs
                    .get(wire)
                    .cloned()
                    .unwrap_or_else(|| format!("The value `{wire}`.")),
            });
        }
        if variants.is_empty() {
            self.diagnostics.warning(
                &schema.location().join("enum"),
                "`enum` lists no values: no value satisfies the schema, and validation rejects every one",
            );
        }
        EnumDef {
            other_ident: naming::other_variant_ident(&mut idents),
            variants,
        }
    }

    fn lower_struct(&mut self, path: &RustPath, schema: &SchemaObject) -> StructDef {
        if schema.types.is_empty() && !schema.properties.is_empty() {
            // Keywords of objects say nothing of other values, so the schema accepts them.
            self.diagnostics.warning(
                schema.location(),
                "`properties` without `type: object`: the struct holds objects only, so a value \
                 of another JSON type, which the schema accepts, does not decode (validation \
                 still says it is valid)",
            );
        }
        let mut properties: Vec<(&str, &SchemaObject)> = Vec::new();
        let mut required: BTreeSet<&str> = BTreeSet::new();
        let mut deny_unknown_fields = false;
        // The schemas merged into the struct whose keywords look at the other properties.
        let mut watchers: Vec<&SchemaObject> = Vec::new();
        self.gather_object(
            schema,
            &mut properties,
            &mut required,
            &mut deny_unknown_fields,
            &mut watchers,
            0,
        );
        // `additionalProperties` judges only the properties no pattern takes, and the struct
        // cannot tell which those are: it keeps every other property, as JSON.
        let patterned = watchers
            .iter()
            .find(|w| w.name_keywords.contains(&"patternProperties"));
        if let Some(patterned) = patterned
            && (deny_unknown_fields
                || matches!(schema.additional_properties, Some(Additional::Schema(_))))
        {
            self.diagnostics.warning(
                patterned.location(),
                "`patternProperties` beside `additionalProperties`: the struct keeps the other \
                 properties as `serde_json::Value`s, and validation checks each against the \
                 schema that applies to it",
            );
            deny_unknown_fields = false;
        }

        let mut idents = Namespace::default();
        let mut fields: Vec<Field> = Vec::new();
        for (wire, property) in properties {
            if let Some(existing) = fields.iter_mut().find(|f| f.wire_name == wire) {
                // `allOf` members may repeat a property; the later one refines the earlier.
                existing.shape = self.lower_shape(path, wire, property);
                continue;
            }
            let wanted = naming::field_ident(wire);
            let ident = idents.claim(&wanted);
            if ident != wanted {
                self.diagnostics.warning(
                    property.location(),
                    format!(
                        "property `{wire}` would be field `{wanted}`, which another property of \
                         `{}` already is; it is `{ident}`",
                        path.name
                    ),
                );
            }
            let shape = self.lower_shape(path, wire, property);
            let required = required.contains(wire);
            let default = if required {
                None
            } else {
                self.lower_default(property, &shape)
            };
            fields.push(Field {
                wire_name: wire.to_owned(),
                ident,
                shape,
                required,
                boxed: false,
                default,
                docs: property
                    .description
                    .clone()
                    .or_else(|| property.title.clone())
                    .unwrap_or_else(|| format!("The `{wire}` property.")),
                deprecated: property.deprecated,
            });
        }
        for name in &required {
            if !fields.iter().any(|f| f.wire_name == *name) {
                self.diagnostics.warning(
                    &schema.location().join("required"),
                    format!("`{name}` is required but not among the properties: the type has no field for it, and validation checks that it is present"),
                );
            }
        }
        if !schema.one_of.is_empty() || !schema.any_of.is_empty() {
            self.diagnostics.warning(
                schema.location(),
                "`oneOf`/`anyOf` next to `properties`: the struct has the properties, and \
                 validation checks the alternatives too",
            );
        }
        let additional = match &schema.additional_properties {
            _ if patterned.is_some() => Some((
                idents.claim("additional_properties"),
                Shape::plain(TypeRef::Json),
            )),
            Some(Additional::Schema(values)) => {
                let shape = self.lower_shape(path, "AdditionalProperties", values);
                Some((idents.claim("additional_properties"), shape))
            }
            // Property counts, `propertyNames` and the like see every property, so a typed
            // value keeps the others too.
            None | Some(Additional::Allowed(true))
                if !object_rules(schema).is_empty() || !watchers.is_empty() =>
            {
                Some((
                    idents.claim("additional_properties"),
                    Shape::plain(TypeRef::Json),
                ))
            }
            _ => None,
        };
        StructDef {
            fields,
            deny_unknown_fields,
            additional,
            rules: object_rules(schema),
        }
    }

    /// The alternatives of a `oneOf`/`anyOf` other than `null`, when the schema is one. `null`
    /// alternatives make the value nullable; a single remaining alternative is the value's type.
    fn union_members<'s>(&mut self, schema: &'s SchemaObject) -> Option<Vec<&'s SchemaObject>> {
        let members: Vec<&SchemaObject> = schema.one_of.iter().chain(&schema.any_of).collect();
        if members.is_empty() {
            return None;
        }
        let non_null: Vec<&SchemaObject> =
            members.into_iter().filter(|m| !is_null_schema(m)).collect();
        if non_null.iter().all(|m| is_constraint_only(m)) {
            self.diagnostics.warning(
                schema.location(),
                "`oneOf`/`anyOf` of constraints only is not checked",
            );
            return None;
        }
        Some(non_null)
    }

    /// A Rust enum over the alternatives; tagged when the schema has a `discriminator` and every
    /// alternative is a named object schema.
    fn lower_union(
        &mut self,
        path: &RustPath,
        schema: &SchemaObject,
        members: &[&SchemaObject],
    ) -> UnionDef {
        let mut idents = Namespace::default();
        let mut variants = Vec::new();
        for (i, member) in members.iter().enumerate() {
            let shape = self.lower_shape(path, &format!("Variant{}", i + 1), member);
            let wanted = match (&shape.ty, &member.title) {
                (_, Some(title)) => naming::variant_ident(title),
                (TypeRef::Named(id), None) => self.paths[id].0.name.clone(),
                (ty, None) => primitive_variant_name(ty).to_owned(),
            };
            variants.push(UnionVariant {
                ident: idents.claim(&wanted),
                shape,
                tag_values: Vec::new(),
                boxed: false,
                docs: member
                    .description
                    .clone()
                    .unwrap_or_else(|| format!("Alternative {} of the spec.", i + 1)),
            });
        }
        let tag = match &schema.discriminator {
            Some(discriminator) => self
                .tag_variants(schema, discriminator, members, &mut variants)
                .then(|| Tag {
                    property: discriminator.property.clone(),
                    other_ident: naming::other_variant_ident(&mut idents),
                }),
            None => None,
        };
        UnionDef {
            variants,
            tag,
            nodes: Vec::new(),
        }
    }

    /// Gives each variant its discriminator values; `false` (with a warning) when the union
    /// cannot be tagged, because an alternative is not a named schema.
    fn tag_variants(
        &mut self,
        schema: &SchemaObject,
        discriminator: &crate::spec::Discriminator,
        members: &[&SchemaObject],
        variants: &mut [UnionVariant],
    ) -> bool {
        let at = schema.location().join("discriminator");
        if let Some(untaggable) = variants
            .iter()
            .find(|v| !matches!(v.shape.ty, TypeRef::Named(_)))
        {
            self.diagnostics.warning(
                &at,
                format!(
                    "the discriminator is not used: alternative `{}` is not a named schema, so the \
                     first alternative that decodes is taken",
                    untaggable.ident
                ),
            );
            return false;
        }
        for (value, target) in &discriminator.mapping {
            // A mapping target is a `$ref` or, in OpenAPI, a bare schema name.
            let index = if target.contains('#') || target.contains('/') {
                self.resolve(target, &at.join("mapping").join(value))
            } else {
                self.by_name.get(target.as_str()).copied()
            };
            let id = index.and_then(|i| self.ids.get(&i).copied());
            match variants
                .iter_mut()
                .find(|v| id.is_some_and(|id| v.shape.ty == TypeRef::Named(id)))
            {
                Some(variant) => variant.tag_values.push(value.clone()),
                None => self.diagnostics.warning(
                    &at.join("mapping").join(value),
                    format!(
                        "`{target}` is not one of the alternatives; the value `{value}` is ignored"
                    ),
                ),
            }
        }
        for (variant, member) in variants.iter_mut().zip(members) {
            // Without a mapping, the tag is the name of the schema a `$ref` names; an
            // alternative written inline has no name a document could carry.
            if variant.tag_values.is_empty()
                && member.reference.is_some()
                && let TypeRef::Named(id) = variant.shape.ty
            {
                let name = &self.paths[&id].1;
                variant
                    .tag_values
                    .push(name.rsplit('/').next().unwrap_or(name).to_owned());
            }
        }
        if let Some(untagged) = variants.iter().find(|v| v.tag_values.is_empty()) {
            self.diagnostics.warning(
                &at,
                format!(
                    "the discriminator is not used: alternative `{}` is written inline and no \
                     `mapping` names it, so no tag value selects it; the first alternative that \
                     decodes is taken",
                    untagged.ident
                ),
            );
            for variant in variants.iter_mut() {
                variant.tag_values.clear();
            }
            return false;
        }
        true
    }

    /// The value of `default` as a Rust expression, where the field's type can hold it.
    fn lower_default(&mut self, schema: &SchemaObject, shape: &Shape) -> Option<Default> {
        let value = schema.default.as_ref()?;
        if value.is_null() {
            return None;
        }
        let default = match (&shape.ty, value) {
            _ if shape.nullable => None,
            (TypeRef::Bool, Value::Bool(b)) => Some(Default::Bool(*b)),
            (TypeRef::I64, Value::Number(n)) => n.as_i64().map(Default::Integer),
            (TypeRef::I32, Value::Number(n)) => n
                .as_i64()
                .filter(|i| i32::try_from(*i).is_ok())
                .map(Default::Integer),
            (TypeRef::F64 | TypeRef::F32, Value::Number(n)) => n.as_f64().map(Default::Number),
            (TypeRef::String, Value::String(text)) => Some(Default::String(text.clone())),
            (TypeRef::Named(id), Value::String(text)) if self.is_enum(*id) => {
                Some(Default::String(text.clone()))
            }
            (TypeRef::Vec(_), Value::Array(items)) if items.is_empty() => Some(Default::Empty),
            (TypeRef::Map(_), Value::Object(map)) if map.is_empty() => Some(Default::Empty),
            _ => None,
        };
        if default.is_none() {
            self.diagnostics.warning(
                &schema.location().join("default"),
                format!(
                    "the default {value} is not applied on decode (only booleans, numbers, \
                     strings and empty collections are); the field stays an `Option`"
                ),
            );
        }
        default
    }

    /// Whether `id` is (or will be) a string enum.
    fn is_enum(&self, id: TypeId) -> bool {
        if let Some(def) = self.space.types.get(&id) {
            return matches!(def.kind, TypeKind::Enum(_));
        }
        self.ids
            .iter()
            .find(|(_, known)| **known == id)
            .is_some_and(|(&index, _)| {
                let schema = &self.spec.schemas[index].schema;
                schema.enum_values.is_some() && string_enum(schema)
            })
    }

    /// Collects the properties of `schema` and of the object schemas it is an `allOf` of.
    fn gather_object<'s>(
        &mut self,
        schema: &'s SchemaObject,
        properties: &mut Vec<(&'s str, &'s SchemaObject)>,
        required: &mut BTreeSet<&'s str>,
        deny_unknown: &mut bool,
        watchers: &mut Vec<&'s SchemaObject>,
        depth: usize,
    ) where
        'a: 's,
    {
        let object_like = schema.types.is_empty() || schema.has_type(InstanceType::Object);
        if !object_like {
            let types: Vec<String> = schema
                .types
                .iter()
                .map(|t| format!("{t:?}").to_lowercase())
                .collect();
            self.diagnostics.warning(
                schema.location(),
                format!(
                    "`allOf` combines an object with a schema of type `{}`: the struct has the \
                     object's fields, and validation checks every member",
                    types.join("`/`")
                ),
            );
            return;
        }
        if depth > 64 {
            self.diagnostics.error(
                schema.location(),
                "`allOf` nests or refers to itself more than 64 levels deep",
            );
            return;
        }
        if let Some(reference) = &schema.reference
            && let Some(index) = self.resolve(reference, schema.location())
        {
            let target: &'a SchemaObject = &self.spec.schemas[index].schema;
            self.gather_object(
                target,
                properties,
                required,
                deny_unknown,
                watchers,
                depth + 1,
            );
        }
        for member in &schema.all_of {
            self.gather_object(
                member,
                properties,
                required,
                deny_unknown,
                watchers,
                depth + 1,
            );
        }
        properties.extend(schema.properties.iter().map(|(n, s)| (n.as_str(), s)));
        if !schema.name_keywords.is_empty() {
            watchers.push(schema);
        }
        required.extend(schema.required.iter().map(String::as_str));
        if matches!(
            schema.additional_properties,
            Some(Additional::Allowed(false))
        ) {
            *deny_unknown = true;
        }
    }

    /// The shape of a value: a property's, an item's or a map value's. `wanted` names a type that
    /// has to be defined inline.
    fn lower_shape(&mut self, parent: &RustPath, wanted: &str, schema: &SchemaObject) -> Shape {
        let mut shape = self.lower_shape_of(parent, wanted, schema);
        shape.nullable |= is_nullable(schema);
        shape
    }

    fn lower_shape_of(&mut self, parent: &RustPath, wanted: &str, schema: &SchemaObject) -> Shape {
        if let Some(reference) = &schema.reference {
            // OpenAPI 3.0 ignores the siblings of `$ref`; vmsgen files put descriptions there.
            return match self.resolve(reference, schema.location()) {
                Some(index) => Shape::plain(TypeRef::Named(self.ids[&index])),
                None => Shape::plain(TypeRef::Json),
            };
        }
        if let [only] = schema.all_of.as_slice()
            && schema.properties.is_empty()
        {
            // `allOf: [ {$ref: X} ]` with a sibling description: a value of type X.
            return self.lower_shape(parent, wanted, only);
        }
        if schema.enum_values.is_some() && string_enum(schema) {
            return Shape::plain(TypeRef::Named(self.define_nested(parent, wanted, schema)));
        }
        if is_struct(schema) {
            return Shape::plain(TypeRef::Named(self.define_nested(parent, wanted, schema)));
        }
        if let Some(members) = self.union_members(schema) {
            if let [only] = members.as_slice() {
                let mut shape = self.lower_shape(parent, wanted, only);
                shape.nullable = true;
                return shape;
            }
            return Shape::plain(TypeRef::Named(self.define_nested(parent, wanted, schema)));
        }
        let types: Vec<InstanceType> = schema
            .types
            .iter()
            .copied()
            .filter(|t| *t != InstanceType::Null)
            .collect();
        let mut rules = Vec::new();
        let ty = match types.as_slice() {
            [InstanceType::String] => self.lower_string(schema, &mut rules),
            [InstanceType::Integer] => {
                let ty = match schema.format.as_deref() {
                    Some("int32") => TypeRef::I32,
                    _ => TypeRef::I64,
                };
                self.check_integer_bounds(schema, &ty);
                ty
            }
            [InstanceType::Number] => match schema.format.as_deref() {
                Some("float") => TypeRef::F32,
                _ => TypeRef::F64,
            },
            [InstanceType::Boolean] => TypeRef::Bool,
            [InstanceType::Array] => {
                let item_name = format!("{wanted}Item");
                let items = match &schema.items {
                    Some(items) => self.lower_shape(parent, &item_name, items),
                    None => Shape::plain(TypeRef::Json),
                };
                TypeRef::Vec(Box::new(items))
            }
            [InstanceType::Object] | [] if schema.additional_properties.is_some() => {
                let value_name = format!("{wanted}Value");
                let values = match &schema.additional_properties {
                    Some(Additional::Schema(values)) => {
                        self.lower_shape(parent, &value_name, values)
                    }
                    _ => Shape::plain(TypeRef::Json),
                };
                TypeRef::Map(Box::new(values))
            }
            [InstanceType::Object] => TypeRef::Map(Box::new(Shape::plain(TypeRef::Json))),
            [] => TypeRef::Json,
            _ => {
                self.diagnostics.warning(
                    &schema.location().join("type"),
                    "a value of several types is kept as `serde_json::Value`",
                );
                TypeRef::Json
            }
        };
        rules.extend(schema.rules.iter().cloned());
        if let Some(values) = &schema.enum_values
            && ty == TypeRef::String
            && let Some((i, value)) = values
                .iter()
                .enumerate()
                .find(|(_, v)| !v.is_string() && !v.is_null())
        {
            self.diagnostics.warning(
                &schema.location().join("enum").index(i),
                format!(
                    "the value {value} is not a string, but the schema's type is `string`: no \
                     value can be it, and validation says so"
                ),
            );
        }
        if let Some(values) = &schema.enum_values {
            // Enums of strings are types of their own; other enums (and `const`) are rules.
            let listed: Vec<String> = values
                .iter()
                .filter(|v| !v.is_null())
                .map(Value::to_string)
                .collect();
            if !listed.is_empty() {
                rules.push(Rule::Enum(listed));
            }
        }
        self.drop_unusable_patterns(schema, &mut rules);
        Shape {
            ty,
            rules,
            nullable: false,
        }
    }

    /// Bounds, defaults and enum values of an integer must fit its Rust type (`int32` is `i32`).
    fn check_integer_bounds(&mut self, schema: &SchemaObject, ty: &TypeRef) {
        let (format, low, high) = match ty {
            TypeRef::I32 => ("int32", i128::from(i32::MIN), i128::from(i32::MAX)),
            _ => ("int64", i128::from(i64::MIN), i128::from(i64::MAX)),
        };
        let mut values: Vec<(String, &serde_json::Number)> = schema
            .rules
            .iter()
            .filter_map(|rule| match rule {
                Rule::Minimum(v) => Some(("minimum", v)),
                Rule::Maximum(v) => Some(("maximum", v)),
                Rule::ExclusiveMinimum(v) => Some(("exclusiveMinimum", v)),
                Rule::ExclusiveMaximum(v) => Some(("exclusiveMaximum", v)),
                _ => None,
            })
            .map(|(key, value)| (key.to_owned(), value))
            .collect();
        if let Some(Value::Number(default)) = schema.default.as_ref() {
            values.push(("default".to_owned(), default));
        }
        for (i, value) in schema.enum_values.iter().flatten().enumerate() {
            if let Value::Number(number) = value {
                values.push((format!("enum/{i}"), number));
            }
        }
        for (key, value) in values {
            if !fits(value, low, high) {
                let mut at = schema.location().clone();
                for segment in key.split('/') {
                    at = at.join(segment);
                }
                self.diagnostics.warning(
                    &at,
                    format!(
                        "{value} does not fit `{format}` ({low} to {high}); widen the format or \
                         fix the value"
                    ),
                );
            }
        }
    }

    /// The generated crate compiles patterns as ECMA-262 regular expressions (`regress`); a pattern
    /// that is not one is reported here and left to the compiled schema to report.
    fn drop_unusable_patterns(&mut self, schema: &SchemaObject, rules: &mut Vec<Rule>) {
        rules.retain(|check| match check {
            Rule::Pattern(pattern) => {
                match specgen_runtime::schema::program::compile_regex(pattern) {
                    Ok(_) => true,
                    Err(err) => {
                        self.diagnostics.warning(
                            &schema.location().join("pattern"),
                            format!(
                                "pattern `{pattern}` is not supported ({err}); it is not checked"
                            ),
                        );
                        false
                    }
                }
            }
            _ => true,
        });
    }

    fn lower_string(&mut self, schema: &SchemaObject, rules: &mut Vec<Rule>) -> TypeRef {
        if let Some(linked) = self.linked_enum(schema) {
            // The link is part of what the spec says in vSphere's dialect: validation checks the
            // value as the enum, as the type does.
            let target = self.spec.schemas[linked].schema.location().clone();
            self.space
                .enum_links
                .push((schema.location().clone(), target));
            return TypeRef::Named(self.ids[&linked]);
        }
        match schema.format.as_deref() {
            Some("date-time") => return TypeRef::DateTime,
            Some(format) if CHECKED_FORMATS.contains(&format) => {
                rules.push(Rule::Format(format.to_owned()));
            }
            Some(format) if TYPED_FORMATS.contains(&format) => {}
            Some(format) => self.diagnostics.warning(
                &schema.location().join("format"),
                format!("unknown format `{format}` is not checked"),
            ),
            None => {}
        }
        TypeRef::String
    }
}

/// `nullable: true`, `type: [T, "null"]`, or `null` among the `enum` values.
/// Whether `n` lies within `low..=high`, exactly: a float is compared with the integers as a
/// float only where floats are exact (`i64::MAX as f64` is 2^63, which does not fit).
fn fits(n: &serde_json::Number, low: i128, high: i128) -> bool {
    if let Some(i) = n
        .as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from))
    {
        return (low..=high).contains(&i);
    }
    let Some(f) = n.as_f64() else {
        return false;
    };
    // `low` is -2^31 or -2^63, exact as floats; `high + 1` is 2^31 or 2^63, exact too.
    f >= low as f64 && f < (high + 1) as f64
}

fn is_nullable(schema: &SchemaObject) -> bool {
    schema.nullable
        || (schema.types.contains(&InstanceType::Null) && schema.types.len() > 1)
        || schema
            .enum_values
            .as_deref()
            .is_some_and(|values| values.iter().any(Value::is_null))
}

/// A schema whose only value is `null`.
fn is_null_schema(schema: &SchemaObject) -> bool {
    schema.types == [InstanceType::Null]
        || schema
            .enum_values
            .as_deref()
            .is_some_and(|values| values.iter().all(Value::is_null))
}

/// A `oneOf` member that only constrains (`{required: [a]}`), describing no value of its own.
fn is_constraint_only(schema: &SchemaObject) -> bool {
    schema.types.is_empty()
        && schema.reference.is_none()
        && schema.properties.is_empty()
        && schema.items.is_none()
        && schema.enum_values.is_none()
        && schema.all_of.is_empty()
        && schema.one_of.is_empty()
        && schema.any_of.is_empty()
}

/// The variant name of an alternative that is not a named type.
fn primitive_variant_name(ty: &TypeRef) -> &'static str {
    match ty {
        TypeRef::Named(_) => "Value",
        TypeRef::Bool => "Boolean",
        TypeRef::I32 | TypeRef::I64 => "Integer",
        TypeRef::F32 | TypeRef::F64 => "Number",
        TypeRef::String => "String",
        TypeRef::DateTime => "DateTime",
        TypeRef::Json => "Value",
        TypeRef::Vec(_) => "Array",
        TypeRef::Map(_) => "Object",
    }
}

/// A string enum: every value a string, and the type (if any) `string`.
fn string_enum(schema: &SchemaObject) -> bool {
    let values = schema.enum_values.as_deref().unwrap_or_default();
    let typed_string = schema
        .types
        .iter()
        .all(|t| matches!(t, InstanceType::String | InstanceType::Null));
    typed_string
        && values.iter().any(Value::is_string)
        && values.iter().all(|v| v.is_string() || v.is_null())
}

/// An object schema with properties of its own, or an `allOf` of such: a struct.
fn is_struct(schema: &SchemaObject) -> bool {
    let object_typed = schema.types.is_empty() || schema.has_type(InstanceType::Object);
    // A member that may be an object with fields: `allOf: [{minimum: 1}, {maximum: 9}]` is
    // a number's constraints, not a struct.
    let object_like = |member: &SchemaObject| {
        !member.properties.is_empty()
            || member.has_type(InstanceType::Object)
            || member.reference.is_some()
            || !member.all_of.is_empty()
    };
    object_typed
        && schema.reference.is_none()
        && (!schema.properties.is_empty()
            || (schema.all_of.len() > 1 && schema.all_of.iter().any(object_like))
            || (schema.all_of.len() == 1 && schema.has_type(InstanceType::Object)))
}

/// The rules that count an object's properties.
fn object_rules(schema: &SchemaObject) -> Vec<Rule> {
    schema
        .rules
        .iter()
        .filter(|rule| matches!(rule, Rule::MinProperties(_) | Rule::MaxProperties(_)))
        .cloned()
        .collect()
}

/// The struct or union a value holds by value, through aliases; `None` for anything on the heap.
fn by_value_target(space: &TypeSpace, shape: &Shape) -> Option<TypeId> {
    let mut ty = &shape.ty;
    loop {
        match ty {
            TypeRef::Named(id) => match &space.get(*id).kind {
                TypeKind::Struct(_) | TypeKind::Union(_) => return Some(*id),
                TypeKind::Alias(inner) => ty = &inner.ty,
                // The user's type is theirs to size.
                TypeKind::Enum(_) | TypeKind::Extern(_) => return None,
            },
            _ => return None,
        }
    }
}

/// Boxes the field (or union variant) at each `(type, slot)`.
fn mark_boxed(space: &mut TypeSpace, slots: Vec<(TypeId, usize)>) {
    for (id, slot) in slots {
        match space.types.get_mut(&id).map(|def| &mut def.kind) {
            Some(TypeKind::Struct(s)) => s.fields[slot].boxed = true,
            Some(TypeKind::Union(u)) => u.variants[slot].boxed = true,
            _ => {}
        }
    }
}

/// Marks as boxed the fields (and union variants) that close a cycle of types containing each
/// other by value.
///
/// `Vec` and maps already put their contents on the heap, so only direct fields (optional or not)
/// and variants count. A depth-first walk in id order boxes each back edge, which breaks every
/// cycle; the walk is deterministic, so the same spec always boxes the same fields.
fn box_cycles(space: &mut TypeSpace) {
    let edges: BTreeMap<TypeId, Vec<(usize, TypeId)>> = space
        .types
        .iter()
        .map(|(id, def)| {
            let shapes: Vec<&Shape> = match &def.kind {
                TypeKind::Struct(s) => s.fields.iter().map(|f| &f.shape).collect(),
                TypeKind::Union(u) => u.variants.iter().map(|v| &v.shape).collect(),
                _ => Vec::new(),
            };
            let out = shapes
                .into_iter()
                .enumerate()
                .filter_map(|(i, shape)| by_value_target(space, shape).map(|t| (i, t)))
                .collect();
            (*id, out)
        })
        .collect();

    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnStack,
        Done,
    }
    let mut marks: BTreeMap<TypeId, Mark> = edges.keys().map(|id| (*id, Mark::New)).collect();
    let mut boxed: Vec<(TypeId, usize)> = Vec::new();
    for &start in edges.keys() {
        if marks[&start] != Mark::New {
            continue;
        }
        // An explicit stack: real specs nest deeper than the default thread stack likes.
        let mut stack: Vec<(TypeId, usize)> = vec![(start, 0)];
        marks.insert(start, Mark::OnStack);
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            let out = &edges[&node];
            if *next == out.len() {
                marks.insert(node, Mark::Done);
                stack.pop();
                continue;
            }
            let (slot, to) = out[*next];
            *next += 1;
            match marks[&to] {
                Mark::OnStack => boxed.push((node, slot)),
                Mark::New => {
                    marks.insert(to, Mark::OnStack);
                    stack.push((to, 0));
                }
                Mark::Done => {}
            }
        }
    }
    mark_boxed(space, boxed);
}

/// A chain of `$ref`s that comes back to where it started without an object in between describes
/// no value at all (`A: {$ref: B}`, `B: {$ref: A}`); Rust would reject the aliases too.
fn report_alias_cycles(spec: &Spec, space: &TypeSpace, diagnostics: &mut Diagnostics) {
    let alias_target = |id: TypeId| match &space.types.get(&id)?.kind {
        TypeKind::Alias(Shape {
            ty: TypeRef::Named(target),
            ..
        }) => Some(*target),
        _ => None,
    };
    let mut reported = BTreeSet::new();
    for &start in space.types.keys() {
        let mut chain = vec![start];
        let mut current = start;
        while let Some(next) = alias_target(current) {
            if let Some(at) = chain.iter().position(|id| *id == next) {
                let cycle = &chain[at..];
                let first = *cycle.iter().min().expect("a cycle has a member");
                if reported.insert(first) {
                    let names: Vec<&str> = cycle
                        .iter()
                        .map(|id| space.get(*id).spec_name.as_str())
                        .collect();
                    let location = spec
                        .schemas
                        .iter()
                        .find(|s| s.name == space.get(first).spec_name)
                        .map(|s| s.schema.location().clone())
                        .unwrap_or_else(|| Location::new("", ""));
                    diagnostics.error(
                        &location,
                        format!(
                            "`$ref` cycle with no object in between ({} -> {}): such a schema has \
                             no values; make one of them an object or remove a reference",
                            names.join(" -> "),
                            names[0]
                        ),
                    );
                }
                break;
            }
            chain.push(next);
            current = next;
        }
    }
}

/// How many structs deep a value may hold others by value before a field is boxed.
const MAX_INLINE_DEPTH: usize = 12;

/// Boxes fields where structs would hold too many others by value, one inside the other.
///
/// Without cycles a chain of by-value fields still has a size: a schema whose `parent` refers to
/// the previous of 2,000 schemas makes the last struct hold all 2,000, which overflows stacks and
/// rustc's drop check. Depth is counted along unboxed struct fields (and union variants); a field
/// whose target is already `MAX_INLINE_DEPTH` deep is boxed, which no real vSphere type reaches.
fn box_deep_nesting(space: &mut TypeSpace) {
    fn slots(def: &TypeDef) -> Vec<(usize, &Shape, bool)> {
        match &def.kind {
            TypeKind::Struct(s) => s
                .fields
                .iter()
                .enumerate()
                .map(|(i, f)| (i, &f.shape, f.boxed))
                .collect(),
            TypeKind::Union(u) => u
                .variants
                .iter()
                .enumerate()
                .map(|(i, v)| (i, &v.shape, v.boxed))
                .collect(),
            _ => Vec::new(),
        }
    }
    // After `box_cycles` the by-value graph is acyclic, so a post-order walk gives each type's
    // depth after those of everything it holds.
    let mut depth: BTreeMap<TypeId, usize> = BTreeMap::new();
    let mut boxed: Vec<(TypeId, usize)> = Vec::new();
    let ids: Vec<TypeId> = space.types.keys().copied().collect();
    for start in ids {
        let mut stack = vec![(start, false)];
        while let Some((id, expanded)) = stack.pop() {
            if depth.contains_key(&id) {
                continue;
            }
            let out: Vec<(usize, TypeId)> = slots(space.get(id))
                .into_iter()
                .filter(|(_, _, boxed)| !boxed)
                .filter_map(|(i, shape, _)| by_value_target(space, shape).map(|t| (i, t)))
                .collect();
            if !expanded {
                stack.push((id, true));
                stack.extend(
                    out.iter()
                        .map(|(_, t)| (*t, false))
                        .filter(|(t, _)| !depth.contains_key(t)),
                );
                continue;
            }
            let mut deepest = 0;
            for (slot, target) in out {
                let target_depth = depth.get(&target).copied().unwrap_or(0);
                if target_depth >= MAX_INLINE_DEPTH {
                    boxed.push((id, slot));
                } else {
                    deepest = deepest.max(target_depth);
                }
            }
            depth.insert(id, deepest + 1);
        }
    }
    mark_boxed(space, boxed);
}

/// Below this many types, starting a thread to render docs costs more than it saves.
const DOCS_PER_THREAD: usize = 256;

/// The user's derives, attributes and replacements, by the spec names of the types they are for.
/// A name no generated type has is an error: a typo would otherwise be silently ignored.
fn apply_customizations(
    space: &mut TypeSpace,
    customize: &Customize,
    diagnostics: &mut Diagnostics,
) {
    let mut unknown: BTreeSet<&str> = customize
        .type_derives
        .keys()
        .chain(customize.type_attributes.keys())
        .chain(customize.replacements.keys())
        .map(String::as_str)
        .collect();
    for def in space.types.values_mut() {
        let name = def.spec_name.as_str();
        unknown.remove(name);
        def.extra_derives.extend(customize.derives.iter().cloned());
        def.extra_derives.extend(
            customize
                .type_derives
                .get(name)
                .into_iter()
                .flatten()
                .cloned(),
        );
        def.extra_attributes
            .extend(customize.attributes.iter().cloned());
        def.extra_attributes.extend(
            customize
                .type_attributes
                .get(name)
                .into_iter()
                .flatten()
                .cloned(),
        );
        if let Some(path) = customize.replacements.get(name) {
            def.kind = TypeKind::Extern(path.clone());
        }
    }
    for name in unknown {
        diagnostics.config_error(format!(
            "no generated type has the spec name `{name}`, which the configuration customizes"
        ));
    }
}

/// Turns every description into rustdoc, linking `*Name*` to the generated item it names.
fn render_docs(space: &mut TypeSpace) {
    // The spec's text comes out of the space, so that links can look the space up meanwhile.
    let texts: Vec<(String, Vec<String>)> = space
        .types
        .values_mut()
        .map(|def| {
            let members = def.kind.member_docs_mut().into_iter().map(std::mem::take);
            (std::mem::take(&mut def.docs), members.collect())
        })
        .collect();
    // Link targets by spec name; the link text is made only for the few names docs mention.
    let by_spec_name: HashMap<&str, &TypeDef> = space
        .types
        .values()
        .map(|def| (def.spec_name.as_str(), def))
        .collect();
    let link = |name: &str| -> Option<(String, String)> {
        if let Some(def) = by_spec_name.get(name) {
            return Some((
                def.path.name.clone(),
                intra_doc_path(&space.root, &def.path),
            ));
        }
        // `Type.field`: a property of a struct. Type names and property names may both hold dots.
        name.match_indices('.').find_map(|(dot, _)| {
            let def = by_spec_name.get(&name[..dot])?;
            let TypeKind::Struct(s) = &def.kind else {
                return None;
            };
            let field = s.fields.iter().find(|f| f.wire_name == name[dot + 1..])?;
            let path = intra_doc_path(&space.root, &def.path);
            // rustdoc does not resolve raw identifiers in links; those link to the type.
            Some(if field.ident.starts_with("r#") {
                (def.path.name.clone(), path)
            } else {
                (
                    format!("{}::{}", def.path.name, field.ident),
                    format!("{path}::{}", field.ident),
                )
            })
        })
    };
    let rendered = crate::parallel::map(&texts, DOCS_PER_THREAD, |(docs, members)| {
        let members = members.iter().map(|text| docs::rustdoc(text, &link));
        (docs::rustdoc(docs, &link), members.collect::<Vec<_>>())
    });
    for (def, (docs, members)) in space.types.values_mut().zip(rendered) {
        def.docs = docs;
        for (target, text) in def.kind.member_docs_mut().into_iter().zip(members) {
            *target = text;
        }
    }
}

fn intra_doc_path(root: &[String], path: &RustPath) -> String {
    let mut out = root.join("::");
    for segment in &path.module {
        out.push_str("::");
        out.push_str(segment);
    }
    out.push_str("::");
    out.push_str(&path.name);
    out
}

/// A `$ref` fragment is a URI fragment: `%7B` is `{`.
pub(crate) fn percent_decode(fragment: &str) -> String {
    let bytes = fragment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = fragment.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
