//! The Rust shape of each schema.

use super::*;
use specgen_runtime::schema::format::Format;

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

impl<'a> Lowerer<'a> {
    pub(super) fn lower_enum(&mut self, schema: &SchemaObject) -> EnumDef {
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

    pub(super) fn lower_struct(&mut self, path: &RustPath, schema: &SchemaObject) -> StructDef {
        if schema.types.is_empty()
            && !schema.properties.is_empty()
            && self.references.is_openapi(&schema.location().file)
        {
            // Keywords of objects say nothing of other values, so the schema accepts them.
            self.diagnostics.warning(
                schema.location(),
                "`properties` without `type: object`: the struct holds objects only (as OpenAPI \
                 documents almost always mean), so a value of another JSON type, which the \
                 schema accepts, does not decode (validation still says it is valid)",
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
                null_as_absent: !required && self.config.vapi,
                docs: property
                    .description
                    .clone()
                    .or_else(|| property.title.clone())
                    .unwrap_or_else(|| format!("The `{wire}` property.")),
                deprecated: property.deprecated,
                location: property.location().clone(),
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
            // Property counts, `propertyNames` and the like see every property, and a document
            // should encode back whole: a typed value keeps the others too.
            None | Some(Additional::Allowed(true))
                if !deny_unknown_fields
                    && (self.config.keep_unknown_properties
                        || !object_rules(schema).is_empty()
                        || !watchers.is_empty()) =>
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
    pub(super) fn union_members<'s>(
        &mut self,
        schema: &'s SchemaObject,
    ) -> Option<Vec<&'s SchemaObject>> {
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
    pub(super) fn lower_union(
        &mut self,
        path: &RustPath,
        schema: &SchemaObject,
        members: &[&SchemaObject],
    ) -> UnionDef {
        let mut idents = Namespace::default();
        let mut variants = Vec::new();
        for (i, member) in members.iter().enumerate() {
            let wanted_type = self.alternative_name(member, schema.discriminator.as_ref(), i);
            let shape = self.lower_shape(path, &wanted_type, member);
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
            object_or_other: false,
            base: None,
        }
    }

    /// The name an alternative written inline wants: its `title`, the schema its `allOf` starts
    /// from, or the one value its tag property (the discriminator's, or any required one) may
    /// have; its position only when it has none of these, so that an alternative added before it
    /// renames nothing.
    fn alternative_name(
        &mut self,
        member: &SchemaObject,
        discriminator: Option<&crate::spec::Discriminator>,
        i: usize,
    ) -> String {
        if let Some(title) = &member.title {
            return title.clone();
        }
        if member.reference.is_none()
            && let Some(first) = member.all_of.first()
            && let Some(reference) = &first.reference
            && let Some(index) = self.resolve(reference, first.location())
            && let Some(id) = self.ids.get(&index)
        {
            return self.paths[id].0.name.clone();
        }
        let tag = member.properties.iter().find_map(|(name, property)| {
            let is_tag = match discriminator {
                Some(d) => d.property == *name,
                None => member.required.contains(name),
            };
            match property.enum_values.as_deref() {
                Some([serde_json::Value::String(value)]) if is_tag => Some(value.clone()),
                _ => None,
            }
        });
        tag.unwrap_or_else(|| format!("Variant{}", i + 1))
    }

    /// Gives each variant its discriminator values; `false` (with a warning) when the union
    /// cannot be tagged, because an alternative is not a named schema.
    pub(super) fn tag_variants(
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
    pub(super) fn lower_default(
        &mut self,
        schema: &SchemaObject,
        shape: &Shape,
    ) -> Option<Default> {
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
            let why = if shape.nullable {
                "the property is nullable, so `None` and `Some(None)` already say absent and `null`"
            } else {
                "only booleans, numbers, strings, enum values and empty collections have one"
            };
            self.diagnostics.warning(
                &schema.location().join("default"),
                format!("the default {value} has no getter ({why}); the field is an `Option`"),
            );
        }
        default
    }

    /// Whether `id` is (or will be) a string enum.
    pub(super) fn is_enum(&self, id: TypeId) -> bool {
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
    pub(super) fn gather_object<'s>(
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
    pub(super) fn lower_shape(
        &mut self,
        parent: &RustPath,
        wanted: &str,
        schema: &SchemaObject,
    ) -> Shape {
        let mut shape = self.lower_shape_of(parent, wanted, schema);
        shape.nullable |= is_nullable(schema);
        shape
    }

    pub(super) fn lower_shape_of(
        &mut self,
        parent: &RustPath,
        wanted: &str,
        schema: &SchemaObject,
    ) -> Shape {
        if let Some(reference) = &schema.reference {
            // OpenAPI 3.0 ignores the siblings of `$ref`; vmsgen files put descriptions there.
            return match self.resolve(reference, schema.location()) {
                Some(index) => {
                    let target = &self.spec.schemas[index].schema;
                    let mut shape = Shape::plain(TypeRef::Named(self.ids[&index]));
                    // A struct, an enum or a union cannot be `null`, though its schema may say
                    // `nullable: true` itself (GitHub's `nullable-simple-user`): what refers to
                    // it can. An alias of a nullable shape holds the `null` itself.
                    shape.nullable = is_nullable(target) && !is_alias(target);
                    shape
                }
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
        if schema.enum_values.as_ref().is_some_and(Vec::is_empty) {
            self.diagnostics.warning(
                &schema.location().join("enum"),
                "`enum` lists no values: no value satisfies the schema, and validation rejects every one",
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
    pub(super) fn check_integer_bounds(&mut self, schema: &SchemaObject, ty: &TypeRef) {
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
    pub(super) fn drop_unusable_patterns(&mut self, schema: &SchemaObject, rules: &mut Vec<Rule>) {
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

    pub(super) fn lower_string(&mut self, schema: &SchemaObject, rules: &mut Vec<Rule>) -> TypeRef {
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
            // Every format the evaluator knows is a typed check too, by the same function,
            // where the document's dialect makes it an assertion (else it is an annotation).
            Some(format)
                if Format::from_name(format).is_some()
                    && self.references.formats_assert(&schema.location().file) =>
            {
                rules.push(Rule::Format(format.to_owned()));
            }
            Some(format) if Format::from_name(format).is_some() => {}
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

/// Whether a named schema's type is an alias (`define` makes it one): not a struct, an open
/// enum or a union of several alternatives.
pub(super) fn is_alias(schema: &SchemaObject) -> bool {
    let enum_or_struct = is_struct(schema) || string_enum(schema) && schema.enum_values.is_some();
    let members = || schema.one_of.iter().chain(&schema.any_of);
    let union = members().filter(|member| !is_null_schema(member)).count() > 1
        && !members().all(|member| is_null_schema(member) || is_constraint_only(member));
    !enum_or_struct && !union
}

/// `nullable: true`, `type: [T, "null"]`, `null` among the `enum` values, or a `null`
/// alternative of a `oneOf`/`anyOf`.
pub(super) fn is_nullable(schema: &SchemaObject) -> bool {
    schema.nullable
        || (schema.types.contains(&InstanceType::Null) && schema.types.len() > 1)
        || schema
            .enum_values
            .as_deref()
            .is_some_and(|values| values.iter().any(Value::is_null))
        || schema
            .one_of
            .iter()
            .chain(&schema.any_of)
            .any(is_null_schema)
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
pub(super) fn string_enum(schema: &SchemaObject) -> bool {
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
pub(super) fn is_struct(schema: &SchemaObject) -> bool {
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

/// A polymorphic base: an object schema with properties of its own and a `discriminator` whose
/// `mapping` names the subtypes (vSphere's `Vapi.Std.Errors.Error`).
pub(super) fn is_family(schema: &SchemaObject) -> bool {
    schema.one_of.is_empty()
        && schema.any_of.is_empty()
        && !schema.properties.is_empty()
        && schema
            .discriminator
            .as_ref()
            .is_some_and(|d| !d.mapping.is_empty())
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
