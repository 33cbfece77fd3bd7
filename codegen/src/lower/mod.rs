//! Spec -> IR: the Rust shape of every schema. Validation is not built here (the compiled
//! schema, `resolve` and `program`, gives every verdict; `fidelity` decides where the shape's
//! typed checks may stand in for it).
//!
//! - `mod.rs`: the driver: which types exist, their paths and names, each definition in turn;
//! - `refs`: which named schema a `$ref` (or a vSphere enum link) stands for, resolved as the
//!   compiled schema resolves it, and the schemas the roots reach; a reference to anything but
//!   a named schema is a `serde_json::Value`, with a warning;
//! - `shape`: a schema's shape: struct (merging `allOf`), open enum, union, newtype, primitive,
//!   list, map; defaults; the typed rules of a value;
//! - `cycles`: the fields that are boxed, because they close a cycle of by-value types or nest
//!   too deep;
//! - `finish`: the user's customisations, and rendered docs.
//!
//! Problems are collected, not returned early: a spec with ten mistakes gets ten messages in one run.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use crate::Config;
use crate::docs;
use crate::error::{Diagnostics, Location};
use crate::load::normalize;
use serde_json::Value;

use crate::ir::{
    Default, EnumDef, Field, Rule, RustPath, Shape, StructDef, Tag, TypeDef, TypeId, TypeKind,
    TypeRef, TypeSpace, UnionDef, UnionVariant, Variant,
};
use crate::naming::{self, ModuleNames, Namespace};
use crate::program::References;
use crate::spec::{Additional, InstanceType, SchemaObject, Spec};

mod cycles;
mod finish;
mod operations;
mod refs;
mod shape;

use cycles::{box_cycles, box_deep_nesting, report_alias_cycles};
use finish::{apply_customizations, intra_doc_path, render_docs};
pub(crate) use refs::percent_decode;
use shape::{is_alias, is_family, is_nullable, is_struct, string_enum};

/// Lowers the schemas named in `roots` (every schema when empty) and all they reference.
pub(crate) fn lower<'a>(
    spec: &'a Spec,
    references: References<'a>,
    config: &'a Config,
    root: &[String],
    diagnostics: &'a mut Diagnostics,
) -> TypeSpace {
    if spec.schemas.is_empty() {
        for source in spec.sources.iter().filter(|source| source.given) {
            diagnostics.warning(
                &Location::new(&source.file, ""),
                "no named schemas (`components/schemas`, `definitions`, `$defs`, or a root \
                 schema), so the crate has no types; schemas written inline in operations are \
                 not generated: name them under `components/schemas` and refer to them",
            );
        }
    }
    let mut lowerer = Lowerer::new(spec, references, config, diagnostics);
    lowerer.space.root = root.to_vec();
    let reachable = lowerer.reachable(&config.roots);
    lowerer.lower_all(&reachable);
    // `--root` asks for some schemas' types: the operations are those of the whole spec.
    if config.roots.is_empty() {
        lowerer.lower_operations();
    }
    lowerer.document_modules();
    let Lowerer { space, .. } = lowerer;
    let mut space = space;
    apply_customizations(&mut space, &config.customize, diagnostics);
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
        .map(|def| &def.path.name)
        .chain(space.operations.values().map(|op| &op.path.name))
        .chain(space.operations.values().map(|op| &op.response_name))
        .any(|name| crate::naming::PRELUDE_TYPES.contains(&name.as_str()));
    space
}

struct Lowerer<'a> {
    spec: &'a Spec,
    /// The compiled schema's resolution, for references that name no schema by their pointer.
    references: References<'a>,
    /// The conventions the specs follow, and what the user asked of the shapes.
    config: &'a Config,
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
    /// The subtypes of polymorphic base schemas, and their base's type.
    families: HashMap<TypeId, TypeId>,
    space: TypeSpace,
}

impl<'a> Lowerer<'a> {
    fn new(
        spec: &'a Spec,
        references: References<'a>,
        config: &'a Config,
        diagnostics: &'a mut Diagnostics,
    ) -> Lowerer<'a> {
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
            references,
            config,
            diagnostics,
            by_pointer,
            by_name,
            ids: HashMap::new(),
            names: ModuleNames::default(),
            next_id: 0,
            paths: HashMap::new(),
            families: HashMap::new(),
            space: TypeSpace::default(),
        }
    }

    fn lower_all(&mut self, reachable: &BTreeSet<usize>) {
        // A document's root that only refers to one of its named schemas
        // (`{$ref: "#/definitions/Kustomization"}`) is that schema's type, not another of the
        // same name.
        let same_as: Vec<(usize, usize)> = reachable
            .iter()
            .filter_map(|&i| Some((i, self.root_reference(i)?)))
            .filter(|(_, target)| reachable.contains(target))
            .collect();
        let indices: Vec<usize> = reachable
            .iter()
            .copied()
            .filter(|i| !same_as.iter().any(|(root, _)| root == i))
            .collect();
        let names: Vec<(&str, bool)> = indices
            .iter()
            .map(|&i| {
                let named = &self.spec.schemas[i];
                match &named.root_stem {
                    Some(stem) => (naming::root_type_name(&named.name, stem), false),
                    None => (named.name.as_str(), true),
                }
            })
            .collect();
        let paths = self.names.schema_paths(&names);
        for (n, &index) in indices.iter().enumerate() {
            self.ids.insert(index, TypeId(n as u32));
        }
        for (root, target) in same_as {
            let id = self.ids[&target];
            self.ids.insert(root, id);
            self.space
                .aliases
                .push((self.spec.schemas[root].name.clone(), id));
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
            if is_nullable(&named.schema) && !is_alias(&named.schema) {
                self.diagnostics.warning(
                    named.schema.location(),
                    "a nullable schema whose type is a struct, an enum or a union, which cannot \
                     be `null`: what refers to it is an `Option`, and a document that is only \
                     `null` (valid) does not decode as the type itself",
                );
            }
            self.define(id, path, &named.name, &named.schema);
        }
    }

    /// Docs for every module the types and operations are in.
    fn document_modules(&mut self) {
        let owners: HashMap<Vec<String>, &RustPath> = self
            .space
            .types
            .values()
            .map(|def| &def.path)
            .chain(self.space.operations.values().map(|op| &op.path))
            .map(|path| (naming::nested_module(path), path))
            .collect();
        let mut modules = BTreeMap::new();
        for module in self.names_of_modules() {
            let docs = match owners.get(&module) {
                Some(owner) => format!(
                    "Types that belong to [`{}`]({}).",
                    owner.name,
                    intra_doc_path(&self.space.root, owner)
                ),
                None if module.first().map(String::as_str) == Some(naming::OPERATIONS_MODULE) => {
                    match &module[1..] {
                        [] => "The operations of the API: for each, a request (its parameters and \
                               body) and its responses, which a `specgen_runtime::http::Client` \
                               sends and reads."
                            .to_owned(),
                        rest => format!("The operations of the `{}` namespace.", rest.join("::")),
                    }
                }
                None => format!("Types of the `{}` namespace.", module.join("::")),
            };
            modules.insert(module, docs);
        }
        self.space.modules = modules;
        self.space.nested_modules = owners.keys().cloned().collect();
    }

    /// The named schema that the document root `index` is only a reference to, if it is one.
    fn root_reference(&mut self, index: usize) -> Option<usize> {
        let named = &self.spec.schemas[index];
        named.root_stem.as_ref()?;
        let schema = &named.schema;
        if !schema.only_reference {
            return None;
        }
        let reference = schema.reference.as_ref()?;
        let location = schema.location().clone();
        let target = self.resolve(reference, &location)?;
        (target != index && self.spec.schemas[target].root_stem.is_none()).then_some(target)
    }

    fn names_of_modules(&self) -> BTreeSet<Vec<String>> {
        let mut modules = BTreeSet::new();
        let paths = self
            .space
            .types
            .values()
            .map(|def| &def.path)
            .chain(self.space.operations.values().map(|op| &op.path));
        for path in paths {
            for depth in 1..=path.module.len() {
                modules.insert(path.module[..depth].to_vec());
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
        } else if is_struct(schema) && is_family(schema) {
            TypeKind::Union(self.lower_family(id, &path, spec_name, schema))
        } else if is_struct(schema) && self.accepts_more_than_objects(schema) {
            TypeKind::Union(self.lower_loose_object(&path, spec_name, schema))
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

    /// A polymorphic base schema: an enum of its subtypes (as its discriminator's `mapping`
    /// names them), each holding its own struct, and of the base's struct, for the base's own
    /// tag and for a tag that is missing or names no subtype (vSphere adds error types), so that
    /// nothing a newer server sends is refused or lost.
    fn lower_family(
        &mut self,
        id: TypeId,
        path: &RustPath,
        spec_name: &str,
        schema: &SchemaObject,
    ) -> UnionDef {
        let base_id = self.define_nested_struct(
            path,
            spec_name,
            "Base",
            format!(
                "The properties every [`{0}`]({0}) has: the value of a tag that no subtype has, or of none.",
                path.name
            ),
            schema,
        );
        let Some(discriminator) = &schema.discriminator else {
            unreachable!("invariant: `is_family` checked the discriminator")
        };
        let at = schema.location().join("discriminator").join("mapping");
        let mut idents = Namespace::default();
        let mut variants: Vec<UnionVariant> = Vec::new();
        for (value, target) in &discriminator.mapping {
            let index = if target.contains('#') || target.contains('/') {
                self.resolve(target, &at.join(value))
            } else {
                self.by_name.get(target.as_str()).copied()
            };
            let Some(target_id) = index.and_then(|i| self.ids.get(&i).copied()) else {
                self.diagnostics.warning(
                    &at.join(value),
                    format!("`{target}` is not a generated schema: the value `{value}` is read as the base"),
                );
                continue;
            };
            // The base's own tag is the base struct.
            let held = if target_id == id { base_id } else { target_id };
            if let Some(variant) = variants
                .iter_mut()
                .find(|v| v.shape.ty == TypeRef::Named(held))
            {
                variant.tag_values.push(value.clone());
                continue;
            }
            if held != base_id {
                self.families.insert(held, id);
            }
            let name = if held == base_id {
                path.name.clone()
            } else {
                self.paths[&held].0.name.clone()
            };
            variants.push(UnionVariant {
                ident: idents.claim(&name),
                shape: Shape::plain(TypeRef::Named(held)),
                tag_values: vec![value.clone()],
                boxed: false,
                docs: format!("`{}: {value}`.", discriminator.property),
            });
        }
        UnionDef {
            variants,
            nodes: Vec::new(),
            tag: Some(Tag {
                property: discriminator.property.clone(),
                other_ident: naming::other_variant_ident(&mut idents),
            }),
            object_or_other: false,
            base: Some(base_id),
        }
    }

    /// The struct of `schema`'s properties as a type of its own in `parent`'s module (`wanted`),
    /// for the enums whose variants hold it; its spec name is the parent's, `.wanted`.
    fn define_nested_struct(
        &mut self,
        parent: &RustPath,
        parent_spec_name: &str,
        wanted: &str,
        docs: String,
        schema: &SchemaObject,
    ) -> TypeId {
        let id = TypeId(self.next_id);
        self.next_id += 1;
        let path = self.names.nested_path(parent, wanted);
        let spec_name = format!("{parent_spec_name}.{wanted}");
        self.paths.insert(id, (path.clone(), spec_name.clone()));
        let def = self.lower_struct(&path, schema);
        self.space.types.insert(
            id,
            TypeDef {
                path,
                spec_name,
                docs,
                deprecated: schema.deprecated,
                extra_derives: Vec::new(),
                extra_attributes: Vec::new(),
                location: schema.location().clone(),
                node: None,
                exact: false,
                kind: TypeKind::Struct(def),
            },
        );
        id
    }

    /// A JSON Schema object schema without `type`: its keywords say nothing of other values, so
    /// it accepts them too (JSON-e's schema takes an array at its root). In OpenAPI, where
    /// `properties` without `type` almost always means an object, it is a struct (with a
    /// warning).
    fn accepts_more_than_objects(&self, schema: &SchemaObject) -> bool {
        schema.types.is_empty() && !self.references.is_openapi(&schema.location().file)
    }

    /// The type of a JSON Schema object schema that accepts other values too: an enum of the
    /// struct (`Object`) and any other value (`Other`), which keeps what the schema accepts.
    fn lower_loose_object(
        &mut self,
        path: &RustPath,
        spec_name: &str,
        schema: &SchemaObject,
    ) -> UnionDef {
        let id = self.define_nested_struct(
            path,
            spec_name,
            "Object",
            format!("[`{0}`]({0}) when the value is an object.", path.name),
            schema,
        );
        let mut idents = Namespace::default();
        UnionDef {
            variants: vec![
                UnionVariant {
                    ident: idents.claim("Object"),
                    shape: Shape::plain(TypeRef::Named(id)),
                    tag_values: Vec::new(),
                    boxed: false,
                    docs: "An object, with the properties the schema describes.".to_owned(),
                },
                UnionVariant {
                    ident: idents.claim("Other"),
                    shape: Shape::plain(TypeRef::Json),
                    tag_values: Vec::new(),
                    boxed: false,
                    docs: "Any other value: the schema's object keywords say nothing of it."
                        .to_owned(),
                },
            ],
            nodes: Vec::new(),
            tag: None,
            object_or_other: true,
            base: None,
        }
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
}
