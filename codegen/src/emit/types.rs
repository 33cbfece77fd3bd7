//! IR -> syntax trees for the types: structs, open enums and aliases, with serde attributes and
//! docs.
//!
//! Generated code names foreign types by absolute path (`::std::…`, `::serde::…`), so a generated
//! module called `std` or a type called `Option` cannot change what a path means; generated types
//! by the shortest path that cannot be shadowed (see [`rust_type`]). Derives of std traits use
//! their short names: they live in the macro namespace, which generated types and modules never
//! enter.

use proc_macro2::{Delimiter, Group, Ident, TokenStream};
use quote::quote;
use syn::{Attribute, Item, Type};

use super::Scope;
use super::syntax::{
    Applies, RUNTIME_CRATE, doc_attrs, enum_item, ident, list_attr, named_field, parse_items,
    runtime_macro, struct_item, type_at, variant, word_attr,
};
use super::validate::{schema_arg, shape_rules, validated_by_fields};
use crate::ir::{
    Default, EnumDef, Field, Shape, StructDef, TypeDef, TypeKind, TypeRef, UnionDef, UnionVariant,
};

/// The items for one type.
pub(crate) fn emit_type(scope: &Scope<'_>, def: &TypeDef) -> Vec<Item> {
    let name = ident(&def.path.name);
    // What each kind of type has already, so that a reader sees it at the definition and a
    // derive the user asks for is not written twice.
    let own: &[&str] = match &def.kind {
        TypeKind::Struct(_) => &[
            "Clone",
            "PartialEq",
            "Default",
            "Debug",
            "Serialize",
            "Deserialize",
            "Validate",
        ],
        TypeKind::Enum(_) => &[
            "Debug",
            "Clone",
            "PartialEq",
            "Eq",
            "Hash",
            "PartialOrd",
            "Ord",
            "Serialize",
            "Deserialize",
            "Validate",
        ],
        TypeKind::Union(_) | TypeKind::Alias(_) => &[
            "Debug",
            "Clone",
            "PartialEq",
            "Serialize",
            "Deserialize",
            "Validate",
        ],
        // An alias of the user's type cannot take derives; attributes it can.
        TypeKind::Extern(_) => &[],
    };
    let traits_line = match &def.kind {
        TypeKind::Struct(_) => Some(
            "Traits: `Clone` and `PartialEq` by the derive below; `Debug`, `Serialize`, \
             `Deserialize` and `Validate` by the runtime's `serde_struct!` after it.",
        ),
        TypeKind::Enum(_) => Some(
            "Traits: `Debug` and `Clone` by the derive below; `PartialEq`, `Eq`, `Hash`, \
             `PartialOrd`, `Ord` (by the JSON value), `Display`, `From<&str>`, `Serialize`, \
             `Deserialize` and `Validate` by the runtime's `open_enum!` after it.",
        ),
        _ => None,
    };
    let mut attrs = match traits_line {
        Some(line) if !def.docs.is_empty() => {
            doc_attrs(&format!("{}\n\n{line}", def.docs), Applies::ToNext)
        }
        Some(line) => doc_attrs(line, Applies::ToNext),
        None => doc_attrs(&def.docs, Applies::ToNext),
    };
    if def.deprecated {
        attrs.push(word_attr("deprecated"));
    }
    let mut items = match &def.kind {
        TypeKind::Struct(s) => emit_struct(scope, attrs, name, def, s),
        TypeKind::Enum(e) => emit_enum(attrs, name, &def.spec_name, schema_arg(scope, def), e),
        TypeKind::Union(u) => parse_items(emit_union(scope, &attrs, &name, &def.spec_name, u)),
        // A newtype rather than an alias, so that the schema's own checks (its bounds, its
        // `pattern`, …) belong to a type: `Port(i64)` with `minimum: 1` is checked wherever it
        // is used, and on its own.
        TypeKind::Alias(shape) => {
            let ty = shape_type(scope, shape);
            let schemars = schemars_derive(&name, &def.spec_name);
            parse_items(quote! {
                #(#attrs)*
                #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
                #[serde(transparent)]
                #schemars
                pub struct #name(pub #ty);
            })
        }
        TypeKind::Extern(path) => {
            let ty: Type = syn::parse_str(path).unwrap_or_else(|err| {
                panic!("invariant: replacement `{path}` was checked as a type: {err}")
            });
            parse_items(quote! {
                #(#attrs)*
                pub type #name = #ty;
            })
        }
    };
    // The user's attributes go last, next to the item, after the type's own.
    let derives: &[String] = match def.kind {
        TypeKind::Extern(_) => &[],
        _ => &def.extra_derives,
    };
    let extra = extra_attrs(derives, &def.extra_attributes, own);
    let item_attrs = match items.first_mut() {
        Some(Item::Struct(item)) => &mut item.attrs,
        Some(Item::Enum(item)) => &mut item.attrs,
        Some(Item::Type(item)) => &mut item.attrs,
        _ => panic!("invariant: a type's first item is its definition"),
    };
    // `#[non_exhaustive]` asked for where the type has it already would be written twice.
    let has = |attrs: &[Attribute], word: &str| attrs.iter().any(|a| a.path().is_ident(word));
    let extra: Vec<Attribute> = extra
        .into_iter()
        .filter(|a| !(a.path().is_ident("non_exhaustive") && has(item_attrs, "non_exhaustive")))
        .collect();
    item_attrs.extend(extra);
    items
}

/// The user's derives and attributes for a type, after its own: derives of traits the type has
/// already (by its own derive or the runtime's macros) are left out, since a second impl would
/// not compile.
fn extra_attrs(derives: &[String], attributes: &[String], own: &[&str]) -> Vec<Attribute> {
    let mut attrs = Vec::new();
    let derives: Vec<syn::Path> = derives
        .iter()
        .map(|text| {
            syn::parse_str(text).unwrap_or_else(|err| {
                panic!("invariant: derive `{text}` was checked as a path: {err}")
            })
        })
        .filter(|path: &syn::Path| {
            path.segments
                .last()
                .is_none_or(|last| !own.contains(&last.ident.to_string().as_str()))
        })
        .collect();
    if !derives.is_empty() {
        attrs.push(list_attr(Applies::ToNext, "derive", quote!(#(#derives),*)));
    }
    for text in attributes {
        let parsed = syn::parse::Parser::parse_str(syn::Attribute::parse_outer, text)
            .unwrap_or_else(|err| {
                panic!("invariant: attribute `{text}` was checked as outer attributes: {err}")
            });
        attrs.extend(parsed);
    }
    attrs
}

/// `JsonSchema` by derive, named as the spec names the schema, behind the `schemars` feature.
fn schemars_derive(name: &Ident, spec_name: &str) -> Attribute {
    // schemars names a schema after the type unless told otherwise.
    let args = if name == spec_name {
        quote!(feature = "schemars", derive(::schemars::JsonSchema))
    } else {
        quote!(feature = "schemars", derive(::schemars::JsonSchema), schemars(rename = #spec_name))
    };
    list_attr(Applies::ToNext, "cfg_attr", args)
}

/// A hand-written `JsonSchema`, for types whose serde impls are hand-written too.
fn schemars_impl(name: &Ident, spec_name: &str, body: TokenStream) -> TokenStream {
    quote! {
        #[cfg(feature = "schemars")]
        impl ::schemars::JsonSchema for #name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#spec_name)
            }

            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(::std::concat!(::std::module_path!(), "::", #spec_name))
            }

            fn json_schema(generator: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                #body
            }
        }
    }
}

fn emit_struct(
    scope: &Scope<'_>,
    mut attrs: Vec<Attribute>,
    name: Ident,
    def: &TypeDef,
    s: &StructDef,
) -> Vec<Item> {
    let spec_name = def.spec_name.as_str();
    let mut fields: Vec<syn::Field> = s.fields.iter().map(|f| emit_field(scope, f)).collect();
    if let Some((field, shape)) = &s.additional {
        let mut attrs = doc_attrs(
            "The properties that the spec does not name, by name, encoded after the others.",
            Applies::ToNext,
        );
        attrs.push(serde_attr(quote!(flatten)));
        fields.push(named_field(attrs, ident(field), others_type(scope, shape)));
    }
    // A struct whose fields may all be absent has an obvious empty value: the one `{}` gives.
    let derive_default = s
        .fields
        .iter()
        .all(|f| !f.required)
        .then(|| quote!(Default,));
    attrs.push(list_attr(
        Applies::ToNext,
        "derive",
        quote!(Clone, PartialEq, #derive_default),
    ));
    attrs.push(schemars_derive(&name, spec_name));
    if s.deny_unknown_fields {
        attrs.push(serde_attr(quote!(deny_unknown_fields)));
    }
    // Specs grow by optional properties: outside the crate a value is built by `new` (or
    // `Default`) and its fields set, never by a literal that a new field would break.
    attrs.push(word_attr("non_exhaustive"));
    let decode = serde_struct(scope, &name, def, s);
    let mut items = vec![struct_item(attrs, name.clone(), fields)];
    let getters: Vec<TokenStream> = s
        .fields
        .iter()
        .filter_map(|f| default_getter(scope, f))
        .collect();
    items.push(constructor(scope, &name, s));
    if !getters.is_empty() {
        items.extend(parse_items(quote! {
            impl #name {
                #(#getters)*
            }
        }));
    }
    items.push(decode);
    items
}

/// The runtime's `struct_new!` call that writes `new`: the required fields as arguments in the
/// spec's order (each as the field holds it), the optional ones absent. The constructor is what
/// code outside the crate builds a (`#[non_exhaustive]`) struct with, so a new optional property
/// leaves it as it was.
fn constructor(scope: &Scope<'_>, name: &Ident, s: &StructDef) -> Item {
    let required = s.fields.iter().filter(|f| f.required).map(|f| {
        let field = ident(&f.ident);
        let ty = held_type(scope, &f.shape.ty, f.boxed, f.shape.nullable);
        quote!(#field: #ty)
    });
    let optional = s
        .fields
        .iter()
        .filter(|f| !f.required)
        .map(|f| ident(&f.ident));
    let other = s.additional.as_ref().map(|(field, _)| {
        let field = ident(field);
        quote!(, #field)
    });
    runtime_macro(
        "struct_new",
        quote!(#name, [#(#required),*], [#(#optional),*] #other),
    )
}

/// The `serde_struct!` invocation that implements `Deserialize`, `Serialize`, `Debug`, the
/// fields' validation and, for most structs, `Validate`.
fn serde_struct(scope: &Scope<'_>, name: &Ident, def: &TypeDef, s: &StructDef) -> Item {
    let fields = s.fields.iter().enumerate().map(|(index, field)| {
        let field_name = ident(&field.ident);
        let wire = &field.wire_name;
        let index = proc_macro2::Literal::usize_unsuffixed(index);
        let ty = held_type(scope, &field.shape.ty, field.boxed, field.shape.nullable);
        let kind = if field.required {
            quote!(required)
        } else if field.shape.nullable || holds_null(scope.space, &field.shape.ty) {
            quote!(optional_nullable)
        } else if field.null_as_absent {
            quote!(optional_or_null)
        } else {
            quote!(optional)
        };
        let rules = shape_rules(&field.shape).map(|rules| quote!(, [#(#rules),*]));
        quote!((#field_name, #wire, #index, #kind: #ty #rules),)
    });
    let other = match (&s.additional, s.deny_unknown_fields) {
        (Some((field, shape)), _) => {
            let field = ident(field);
            let map = others_type(scope, shape);
            quote!(keep #field: #map)
        }
        (None, true) => quote!(deny),
        (None, false) => quote!(ignore),
    };
    let validate = if !def.exact {
        quote!(schema)
    } else if validated_by_fields(s) {
        quote!(fields)
    } else {
        quote!(custom)
    };
    let schema = schema_arg(scope, def);
    // The runtime has the empty slots of structs up to this many fields; wider ones their own.
    let slots = (s.fields.len() > RUNTIME_SLOT_ARITIES).then(|| quote!(slots = own,));
    // A comma after every field, the last too, as rustfmt would write the list.
    let fields = bracketed(fields);
    runtime_macro(
        "serde_struct",
        quote!(#name, other = #other, validate = #validate, #schema #slots #fields),
    )
}

/// Whether a value of `ty` can itself be `null`: JSON, or a newtype of a nullable value. An
/// optional field of such a type keeps a `null` apart from a missing property.
pub(crate) fn holds_null(space: &crate::ir::TypeSpace, ty: &TypeRef) -> bool {
    let mut ty = ty;
    // Newtypes of newtypes end; a cycle of them is a spec error reported before emission.
    for _ in 0..64 {
        match ty {
            TypeRef::Json => return true,
            TypeRef::Named(id) => match &space.get(*id).kind {
                TypeKind::Alias(shape) if shape.nullable => return true,
                TypeKind::Alias(shape) => ty = &shape.ty,
                _ => return false,
            },
            _ => return false,
        }
    }
    false
}

/// The runtime implements `EmptySlots` for structs of up to this many fields
/// (`empty_slots_up_to!` in `runtime/src/structs.rs`).
const RUNTIME_SLOT_ARITIES: usize = 32;

/// A getter named after an optional field with a default, as prost writes for proto2 fields: the
/// value, or the spec's default when the property is absent. The field keeps the difference.
fn default_getter(scope: &Scope<'_>, field: &Field) -> Option<TokenStream> {
    if !field.has_default_getter() {
        return None;
    }
    let default = field.default.as_ref()?;
    let name = ident(&field.ident);
    let wire = &field.wire_name;
    let (ty, body) = match (default, &field.shape.ty) {
        (Default::Bool(b), ty) => (rust_type(scope, ty), quote!(self.#name.unwrap_or(#b))),
        (Default::Integer(i), ty) => {
            let literal = proc_macro2::Literal::i64_unsuffixed(*i);
            (rust_type(scope, ty), quote!(self.#name.unwrap_or(#literal)))
        }
        (Default::Number(n), ty) => {
            let literal = proc_macro2::Literal::f64_unsuffixed(*n);
            (rust_type(scope, ty), quote!(self.#name.unwrap_or(#literal)))
        }
        (Default::String(text), TypeRef::String) => (
            syn::parse_quote!(&str),
            quote!(self.#name.as_deref().unwrap_or(#text)),
        ),
        (Default::String(text), ty) => {
            let ty = rust_type(scope, ty);
            let body = quote!(self.#name.clone().unwrap_or_else(|| <#ty>::from(#text)));
            (ty, body)
        }
        (Default::Empty, TypeRef::Vec(items)) => {
            let item = shape_type(scope, items);
            (
                syn::parse_quote!(&[#item]),
                quote!(self.#name.as_deref().unwrap_or(&[])),
            )
        }
        (Default::Empty, ty) => {
            let ty = rust_type(scope, ty);
            (
                syn::parse_quote!(&#ty),
                quote! {
                    const EMPTY: &#ty = &<#ty>::new();
                    self.#name.as_ref().unwrap_or(EMPTY)
                },
            )
        }
    };
    let shown = default.to_string();
    let doc = format!(
        " `{wire}`, or the spec's default ({shown}) when it is absent. The field keeps whether it was there."
    );
    Some(quote! {
        #[doc = #doc]
        #[inline]
        pub fn #name(&self) -> #ty {
            #body
        }
    })
}

/// The Rust type of a field: optional, nullable and boxed as the spec says.
///
/// | required | nullable | type | absent | `null` |
/// | --- | --- | --- | --- | --- |
/// | yes | no | `T` | error | error |
/// | yes | yes | `Option<T>` | error | `None` |
/// | no | no | `Option<T>` | `None` | `None` (reported, unless vAPI's conventions allow it) |
/// | no | yes | `Option<Option<T>>` | `None` | `Some(None)` |
fn field_type(scope: &Scope<'_>, field: &Field) -> Type {
    let ty = held_type(scope, &field.shape.ty, field.boxed, field.shape.nullable);
    if field.required {
        ty
    } else {
        std_type(scope, Std::Option, vec![ty])
    }
}

/// `ty`, in a `Box` where it closes a cycle, then in an `Option` where `null` is allowed.
fn held_type(scope: &Scope<'_>, ty: &TypeRef, boxed: bool, nullable: bool) -> Type {
    let mut ty = rust_type(scope, ty);
    if boxed {
        ty = std_type(scope, Std::Box, vec![ty]);
    }
    if nullable {
        ty = std_type(scope, Std::Option, vec![ty]);
    }
    ty
}

/// `#[serde(…)]` for schemars' derive, which reads serde's attributes (the runtime's
/// `serde_struct!` encodes and decodes without them).
fn serde_attr(args: TokenStream) -> Attribute {
    list_attr(
        Applies::ToNext,
        "cfg_attr",
        quote!(feature = "schemars", serde(#args)),
    )
}

fn emit_field(scope: &Scope<'_>, field: &Field) -> syn::Field {
    let mut attrs = doc_attrs(&field.docs, Applies::ToNext);
    if field.deprecated {
        attrs.push(word_attr("deprecated"));
    }
    // For schemars, which reads serde's attributes; schemars knows an `Option` may be absent.
    if field.ident.trim_start_matches("r#") != field.wire_name {
        let wire = &field.wire_name;
        attrs.push(serde_attr(quote!(rename = #wire)));
    }
    named_field(attrs, ident(&field.ident), field_type(scope, field))
}

/// The Rust type a union variant holds: boxed where it closes a cycle, an `Option` when nullable.
fn variant_type(scope: &Scope<'_>, variant: &UnionVariant) -> Type {
    held_type(
        scope,
        &variant.shape.ty,
        variant.boxed,
        variant.shape.nullable,
    )
}

fn emit_union(
    scope: &Scope<'_>,
    docs: &[Attribute],
    name: &Ident,
    spec_name: &str,
    u: &UnionDef,
) -> TokenStream {
    let idents: Vec<Ident> = u.variants.iter().map(|v| ident(&v.ident)).collect();
    let types: Vec<Type> = u.variants.iter().map(|v| variant_type(scope, v)).collect();
    let variant_docs: Vec<Vec<Attribute>> = u
        .variants
        .iter()
        .map(|v| doc_attrs(&v.docs, Applies::ToNext))
        .collect();
    let Some(tag) = &u.tag else {
        let schemars = schemars_derive(name, spec_name);
        if !u.nodes.is_empty() {
            // The first alternative that the schema accepts and that decodes; then, as serde's
            // untagged enums do, the first that decodes.
            let schemas = super::validate::schemas_path(scope);
            let nodes = u
                .nodes
                .iter()
                .map(|n| proc_macro2::Literal::u32_unsuffixed(*n));
            let expected = format!("a value of one of the alternatives of `{spec_name}`");
            return quote! {
                #(#docs)*
                #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
                #schemars
                #[serde(untagged)]
                pub enum #name {
                    #( #(#variant_docs)* #idents(#types), )*
                }

                impl<'de> ::serde::Deserialize<'de> for #name {
                    fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                        let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                        #(
                            if #schemas.is_valid(#nodes, &value)
                                && let ::std::result::Result::Ok(decoded) = <#types as ::serde::Deserialize>::deserialize(&value)
                            {
                                return ::std::result::Result::Ok(Self::#idents(decoded));
                            }
                        )*
                        #(
                            if let ::std::result::Result::Ok(decoded) = <#types as ::serde::Deserialize>::deserialize(&value) {
                                return ::std::result::Result::Ok(Self::#idents(decoded));
                            }
                        )*
                        ::std::result::Result::Err(<__D::Error as ::serde::de::Error>::custom(#expected))
                    }
                }
            };
        }
        return quote! {
            #(#docs)*
            #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
            #schemars
            #[serde(untagged)]
            pub enum #name {
                #( #(#variant_docs)* #idents(#types), )*
            }
        };
    };
    let other = ident(&tag.other_ident);
    let property = &tag.property;
    let serialize_arms = u.variants.iter().zip(&idents).map(|(variant, variant_ident)| {
        // A variant whose struct declares the tag property writes it itself.
        let declares_tag = match &variant.shape.ty {
            TypeRef::Named(id) => match &scope.space.get(*id).kind {
                TypeKind::Struct(s) => s.fields.iter().any(|f| f.wire_name == *property && f.required),
                _ => false,
            },
            _ => false,
        };
        let tag_value = variant.tag_values.first().cloned().unwrap_or_default();
        if declares_tag {
            quote!(Self::#variant_ident(value) => ::serde::Serialize::serialize(value, serializer),)
        } else {
            quote!(Self::#variant_ident(value) => ::specgen_runtime::serialize_tagged(value, #property, #tag_value, serializer),)
        }
    });
    let schema = schemars_impl(
        name,
        spec_name,
        quote! {
            ::specgen_runtime::one_of_schema(::std::vec![#(generator.subschema_for::<#types>()),*])
        },
    );
    let decode_arms = u
        .variants
        .iter()
        .zip(&idents)
        .map(|(variant, variant_ident)| {
            let values = &variant.tag_values;
            quote!(#(#values)|* => ::serde_json::from_value(value).map(Self::#variant_ident),)
        });
    if let Some(base) = u.base {
        return emit_family(scope, docs, name, u, tag, base, schema);
    }
    quote! {
        #(#docs)*
        #[derive(Debug, Clone, PartialEq)]
        // A tag the spec does not list decodes into the catch-all variant; a new subtype is a
        // new variant that must not break a `match`.
        #[non_exhaustive]
        pub enum #name {
            #( #(#variant_docs)* #idents(#types), )*
            /// A value whose discriminator this version of the spec does not list, kept as received.
            #other(::serde_json::Value),
        }

        impl ::serde::Serialize for #name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                match self {
                    #(#serialize_arms)*
                    Self::#other(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let tag = ::specgen_runtime::discriminator(&value, #property).map_err(<__D::Error as ::serde::de::Error>::custom)?;
                match tag.as_str() {
                    #(#decode_arms)*
                    _ => ::std::result::Result::Ok(Self::#other(value)),
                }
                .map_err(<__D::Error as ::serde::de::Error>::custom)
            }
        }

        #schema
    }
}

/// A polymorphic base schema's enum: a variant per subtype its discriminator maps, and the
/// base's struct for its own tag and for a tag that is missing or names no subtype (kept whole:
/// the struct keeps the properties it does not name). The fields every variant has in common are
/// readable without matching, by a method of each name.
#[allow(clippy::too_many_arguments)]
fn emit_family(
    scope: &Scope<'_>,
    docs: &[Attribute],
    name: &Ident,
    u: &UnionDef,
    tag: &crate::ir::Tag,
    base: crate::ir::TypeId,
    schema: TokenStream,
) -> TokenStream {
    let idents: Vec<Ident> = u.variants.iter().map(|v| ident(&v.ident)).collect();
    let types: Vec<Type> = u.variants.iter().map(|v| variant_type(scope, v)).collect();
    let variant_docs: Vec<Vec<Attribute>> = u
        .variants
        .iter()
        .map(|v| doc_attrs(&v.docs, Applies::ToNext))
        .collect();
    let other = ident(&tag.other_ident);
    let property = &tag.property;
    let base_type = rust_type(scope, &TypeRef::Named(base));
    let decode_arms = u.variants.iter().zip(&idents).map(|(variant, variant_ident)| {
        let values = &variant.tag_values;
        quote!(::std::result::Result::Ok(#(#values)|*) => ::serde_json::from_value(value).map(Self::#variant_ident),)
    });
    let accessors = scope.space.shared_fields(u).into_iter().map(|field| {
        let field_ident = ident(&field.ident);
        let held = held_type(scope, &field.shape.ty, field.boxed, field.shape.nullable);
        let doc = format!(" `{}`, whichever variant this is.", field.wire_name);
        let (ty, read) = if field.required {
            (quote!(&#held), quote!(&value.#field_ident))
        } else {
            (
                quote!(::std::option::Option<&#held>),
                quote!(value.#field_ident.as_ref()),
            )
        };
        quote! {
            #[doc = #doc]
            #[inline]
            pub fn #field_ident(&self) -> #ty {
                match self {
                    #(Self::#idents(value) => #read,)*
                    Self::#other(value) => #read,
                }
            }
        }
    });
    quote! {
        #(#docs)*
        #[derive(Debug, Clone, PartialEq)]
        // A tag the spec does not list decodes into the catch-all variant; a new subtype is a
        // new variant that must not break a `match`.
        #[non_exhaustive]
        pub enum #name {
            #( #(#variant_docs)* #idents(#types), )*
            /// A value whose discriminator is missing or names no subtype this version of the spec
            /// lists (a newer server's), with the base's properties and every other one kept.
            #other(#base_type),
        }

        impl #name {
            #(#accessors)*
        }

        impl ::serde::Serialize for #name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                match self {
                    #(Self::#idents(value) => ::serde::Serialize::serialize(value, serializer),)*
                    Self::#other(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                match ::specgen_runtime::discriminator(&value, #property).as_deref() {
                    #(#decode_arms)*
                    _ => ::serde_json::from_value(value).map(Self::#other),
                }
                .map_err(<__D::Error as ::serde::de::Error>::custom)
            }
        }

        #schema
    }
}

fn emit_enum(
    mut attrs: Vec<Attribute>,
    name: Ident,
    spec_name: &str,
    schema: TokenStream,
    e: &EnumDef,
) -> Vec<Item> {
    let idents: Vec<Ident> = e.variants.iter().map(|v| ident(&v.ident)).collect();
    let wires: Vec<&str> = e.variants.iter().map(|v| v.wire_name.as_str()).collect();
    let other = ident(&e.other_ident);
    let mut variants: Vec<syn::Variant> = e
        .variants
        .iter()
        .zip(&idents)
        .map(|(v, ident)| variant(doc_attrs(&v.docs, Applies::ToNext), ident.clone(), None))
        .collect();
    variants.push(variant(
        doc_attrs(
            "A value this version of the spec does not list, kept exactly as received.",
            Applies::ToNext,
        ),
        other.clone(),
        Some(type_at(true, [RUNTIME_CRATE, "UnknownValue"], Vec::new())),
    ));
    attrs.push(list_attr(Applies::ToNext, "derive", quote!(Debug, Clone)));
    // Enums grow between releases and an unknown value decodes into the catch-all variant, so a
    // value the spec adds must not break a user's `match`.
    attrs.push(word_attr("non_exhaustive"));
    // The impls every open enum shares come from the runtime's `open_enum!`.
    let impls = runtime_macro(
        "open_enum",
        quote!(#name, #spec_name, #other, #schema [#(#idents => #wires,)*]),
    );
    vec![enum_item(attrs, name, variants), impls]
}

/// The standard types that fields are made of.
#[derive(Clone, Copy)]
pub(crate) enum Std {
    Option,
    String,
    Vec,
    Box,
}

/// A standard type by its prelude name, as hand-written code names it, or by its full path when
/// a generated type takes that name; `args` are its type parameters.
pub(crate) fn std_type(scope: &Scope<'_>, which: Std, args: Vec<Type>) -> Type {
    let segments: &[&str] = match (scope.space.shadows_prelude, which) {
        (false, Std::Option) => &["Option"],
        (false, Std::String) => &["String"],
        (false, Std::Vec) => &["Vec"],
        (false, Std::Box) => &["Box"],
        (true, Std::Option) => &["std", "option", "Option"],
        (true, Std::String) => &["std", "string", "String"],
        (true, Std::Vec) => &["std", "vec", "Vec"],
        (true, Std::Box) => &["std", "boxed", "Box"],
    };
    type_at(scope.space.shadows_prelude, segments.iter().copied(), args)
}

/// The Rust type of a value.
pub(crate) fn rust_type(scope: &Scope<'_>, ty: &TypeRef) -> Type {
    match ty {
        TypeRef::Named(id) => {
            let at = &scope.space.get(*id).path;
            // A type in this module or below it is named from here: a path that starts at a
            // module or type declared in this module cannot be shadowed (type names are
            // `UpperCamelCase`, never a module's `snake_case`, and generated generic
            // parameters start with `__`). Anywhere else the path starts at the root.
            match at.module.strip_prefix(scope.module) {
                Some(below) => type_at(
                    false,
                    below.iter().map(String::as_str).chain([at.name.as_str()]),
                    Vec::new(),
                ),
                None => type_at(
                    false,
                    scope
                        .space
                        .root
                        .iter()
                        .chain(&at.module)
                        .map(String::as_str)
                        .chain([at.name.as_str()]),
                    Vec::new(),
                ),
            }
        }
        TypeRef::Bool => type_at(false, ["bool"], Vec::new()),
        TypeRef::I32 => type_at(false, ["i32"], Vec::new()),
        TypeRef::I64 => type_at(false, ["i64"], Vec::new()),
        TypeRef::F32 => type_at(false, ["f32"], Vec::new()),
        TypeRef::F64 => type_at(false, ["f64"], Vec::new()),
        TypeRef::String => std_type(scope, Std::String, Vec::new()),
        TypeRef::DateTime => type_at(true, [RUNTIME_CRATE, "DateTime"], Vec::new()),
        TypeRef::Json => type_at(true, ["serde_json", "Value"], Vec::new()),
        TypeRef::Vec(items) => std_type(scope, Std::Vec, vec![shape_type(scope, items)]),
        TypeRef::Map(values) => map_type(scope, shape_type(scope, values)),
    }
}

/// The Rust type of an item, a map value or an alias: an `Option` when `null` is allowed.
pub(crate) fn shape_type(scope: &Scope<'_>, shape: &Shape) -> Type {
    held_type(scope, &shape.ty, false, shape.nullable)
}

/// The type of the map of a struct's other properties: the runtime's `AdditionalProperties` for
/// any JSON (nothing allocated while empty), a `BTreeMap` of the values' type where the spec
/// gives them a schema.
fn others_type(scope: &Scope<'_>, values: &Shape) -> Type {
    if *values == Shape::plain(TypeRef::Json) {
        type_at(true, [RUNTIME_CRATE, "AdditionalProperties"], Vec::new())
    } else {
        map_type(scope, shape_type(scope, values))
    }
}

/// A map from property names to `values`, in key order.
fn map_type(scope: &Scope<'_>, values: Type) -> Type {
    let key = std_type(scope, Std::String, Vec::new());
    type_at(true, ["std", "collections", "BTreeMap"], vec![key, values])
}

/// `[…]` around `streams`, moved rather than copied: `quote!` copies every stream it interpolates
/// (`#(#items)*`), and on large specs the copies were a tenth of generation. Interpolating the
/// group copies a handle, not its tokens.
fn bracketed(streams: impl IntoIterator<Item = TokenStream>) -> Group {
    let mut inner = TokenStream::new();
    inner.extend(streams);
    Group::new(Delimiter::Bracket, inner)
}
