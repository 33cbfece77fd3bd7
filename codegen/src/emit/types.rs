//! IR -> tokens for the types: structs, open enums and aliases, with serde attributes and docs.
//!
//! Generated code names types by absolute path (`::std::…`, `::serde::…`, `crate::…`), so a
//! generated module called `std` or a type called `Option` cannot change what a path means. Derives
//! of std traits use their short names: they live in the macro namespace, which generated types and
//! modules never enter.

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};

use super::validate::{shape_rules, validated_by_fields};
use crate::ir::{
    Default, EnumDef, Field, Shape, StructDef, TypeDef, TypeKind, TypeRef, TypeSpace, UnionDef,
    UnionVariant,
};

/// The items for one type.
pub(crate) fn emit_type(space: &TypeSpace, def: &TypeDef) -> TokenStream {
    let mut docs = doc_attrs(&def.docs);
    if def.deprecated {
        docs.extend(quote!(#[deprecated]));
    }
    let name = ident(&def.path.name);
    match &def.kind {
        TypeKind::Struct(s) => emit_struct(space, &docs, &name, &def.spec_name, s),
        TypeKind::Enum(e) => emit_enum(&docs, &name, &def.spec_name, e),
        TypeKind::Union(u) => emit_union(space, &docs, &name, &def.spec_name, u),
        TypeKind::Alias(shape) => {
            let ty = shape_tokens(space, shape);
            quote! {
                #docs
                pub type #name = #ty;
            }
        }
    }
}

/// `JsonSchema` by derive, named as the spec names the schema, behind the `schemars` feature.
fn schemars_derive(name: &Ident, spec_name: &str) -> TokenStream {
    // schemars names a schema after the type unless told otherwise.
    if name == spec_name {
        return quote!(#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]);
    }
    quote! {
        #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema), schemars(rename = #spec_name))]
    }
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
    space: &TypeSpace,
    docs: &TokenStream,
    name: &Ident,
    spec_name: &str,
    s: &StructDef,
) -> TokenStream {
    // `serde_struct!` encodes and formats structs, except those that keep other properties:
    // serde's derive flattens that map. Without the derive, the `serde` attributes are only for
    // schemars' derive, which reads them too.
    let derive_serialize = s.additional.is_some();
    let fields = s
        .fields
        .iter()
        .map(|field| emit_field(space, name, field, derive_serialize));
    let additional = s.additional.as_ref().map(|(field, shape)| {
        let field = ident(field);
        let map = map_type(space, shape_tokens(space, shape));
        quote! {
            /// The properties that the spec does not name, by name.
            #[serde(flatten)]
            pub #field: #map,
        }
    });
    let defaulted: Vec<&Field> = s.fields.iter().filter(|f| f.default.is_some()).collect();
    // A struct whose fields may all be absent has an obvious empty value; with spec defaults it
    // is the one that decoding `{}` gives.
    let all_optional = s.fields.iter().all(|f| !f.required);
    let derive_default = (all_optional && defaulted.is_empty()).then(|| quote!(Default,));
    let deny = s
        .deny_unknown_fields
        .then(|| serde_attr(quote!(deny_unknown_fields), derive_serialize));
    let default_fns = defaulted.iter().map(|field| {
        let function = default_fn(field);
        let ty = field_type(space, field);
        let value = default_expr(space, field);
        quote!(fn #function() -> #ty { #value })
    });
    let default_impl = (!defaulted.is_empty()).then(|| {
        let fn_impl = quote! {
                        impl #name {
                #(#default_fns)*
            }
        };
        let default_trait = all_optional.then(|| {
            let inits = s.fields.iter().map(|field| {
                let field_name = ident(&field.ident);
                match field.default {
                    Some(_) => {
                        let function = default_fn(field);
                        quote!(#field_name: Self::#function(),)
                    }
                    None => quote!(#field_name: ::std::default::Default::default(),),
                }
            });
            let additional = s.additional.as_ref().map(|(field, _)| {
                let field = ident(field);
                quote!(#field: ::std::default::Default::default(),)
            });
            quote! {
                                impl ::std::default::Default for #name {
                    fn default() -> Self {
                        Self { #(#inits)* #additional }
                    }
                }
            }
        });
        quote!(#fn_impl #default_trait)
    });
    let schemars = schemars_derive(name, spec_name);
    let decode = serde_struct(space, name, s);
    let derives = if derive_serialize {
        quote!(Debug, Clone, PartialEq, #derive_default ::serde::Serialize)
    } else {
        quote!(Clone, PartialEq, #derive_default)
    };
    let body = group(Delimiter::Brace, None, fields.chain(additional));
    let mut out = quote! {
        #docs
        #[derive(#derives)]
        #schemars
        #deny
        pub struct #name #body
    };
    out.extend(default_impl);
    out.extend([decode]);
    out
}

/// The `serde_struct!` invocation that implements `Deserialize` (and `Serialize`, `Debug`, the
/// fields' validation and, for most structs, `Validate`).
fn serde_struct(space: &TypeSpace, name: &Ident, s: &StructDef) -> TokenStream {
    let fields = s.fields.iter().enumerate().map(|(index, field)| {
        let field_name = ident(&field.ident);
        let wire = &field.wire_name;
        let index = proc_macro2::Literal::usize_unsuffixed(index);
        let ty = held_type(space, &field.shape.ty, field.boxed, false);
        let kind = match (field.required, field.shape.nullable, &field.default) {
            (true, false, _) => quote!(required),
            (true, true, _) => quote!(required_nullable),
            (false, true, _) => quote!(optional_nullable),
            (false, false, Some(_)) => {
                let function = default_fn(field);
                quote!(defaulted(#name::#function))
            }
            (false, false, None) => quote!(optional),
        };
        let rules = shape_rules(&field.shape).map(|rules| quote!(, [#(#rules),*]));
        quote!((#field_name, #wire, #index, #kind: #ty #rules),)
    });
    let other = match (&s.additional, s.deny_unknown_fields) {
        (Some((field, shape)), _) => {
            let field = ident(field);
            let map = map_type(space, shape_tokens(space, shape));
            quote!(keep #field: #map)
        }
        (None, true) => quote!(deny),
        (None, false) => quote!(ignore),
    };
    let validate = if validated_by_fields(s) {
        quote!(fields)
    } else {
        quote!(custom)
    };
    // A comma after every field, the last too, as rustfmt would write the list.
    let fields = group(Delimiter::Bracket, None, fields);
    quote! {
        crate::runtime::serde_struct!(#name, other = #other, validate = #validate, #fields);
    }
}

/// The name of the function that gives a field's default value.
fn default_fn(field: &Field) -> Ident {
    format_ident!("default_{}", field.ident.trim_start_matches("r#"))
}

fn default_expr(space: &TypeSpace, field: &Field) -> TokenStream {
    match field.default.as_ref() {
        Some(Default::Bool(b)) => quote!(#b),
        Some(Default::Integer(i)) => {
            let literal = proc_macro2::Literal::i64_unsuffixed(*i);
            quote!(#literal)
        }
        Some(Default::Number(n)) => {
            let literal = proc_macro2::Literal::f64_unsuffixed(*n);
            quote!(#literal)
        }
        Some(Default::String(text)) => match &field.shape.ty {
            TypeRef::String => {
                let string = std_type(space, Std::String);
                quote!(#string::from(#text))
            }
            ty => {
                let ty = type_tokens(space, ty);
                quote!(<#ty>::from(#text))
            }
        },
        Some(Default::Empty) | None => quote!(::std::default::Default::default()),
    }
}

/// The Rust type of a field: optional, nullable, boxed and defaulted as the spec says.
///
/// | required | nullable | type | absent | `null` |
/// | --- | --- | --- | --- | --- |
/// | yes | no | `T` | error | error |
/// | yes | yes | `Option<T>` | error | `None` |
/// | no | no | `Option<T>` (`T` with a default) | `None` (the default) | `None` |
/// | no | yes | `Option<Option<T>>` | `None` | `Some(None)` |
fn field_type(space: &TypeSpace, field: &Field) -> TokenStream {
    let ty = held_type(space, &field.shape.ty, field.boxed, field.shape.nullable);
    if !field.required && field.default.is_none() {
        wrap(space, Std::Option, ty)
    } else {
        ty
    }
}

/// `ty`, in a `Box` where it closes a cycle, then in an `Option` where `null` is allowed.
fn held_type(space: &TypeSpace, ty: &TypeRef, boxed: bool, nullable: bool) -> TokenStream {
    let mut ty = type_tokens(space, ty);
    if boxed {
        ty = wrap(space, Std::Box, ty);
    }
    if nullable {
        ty = wrap(space, Std::Option, ty);
    }
    ty
}

/// `#[serde(…)]`, or only with the `schemars` feature when serde's derive is not used.
fn serde_attr(args: TokenStream, derive_serialize: bool) -> TokenStream {
    if derive_serialize {
        quote!(#[serde(#args)])
    } else {
        quote!(#[cfg_attr(feature = "schemars", serde(#args))])
    }
}

fn emit_field(
    space: &TypeSpace,
    owner: &Ident,
    field: &Field,
    derive_serialize: bool,
) -> TokenStream {
    let docs = doc_attrs(&field.docs);
    let deprecated = field.deprecated.then(|| quote!(#[deprecated]));
    let name = ident(&field.ident);
    let ty = field_type(space, field);
    let mut serde = Vec::new();
    if field.ident.trim_start_matches("r#") != field.wire_name {
        let wire = &field.wire_name;
        serde.push(quote!(rename = #wire));
    }
    // Decoding is `serde_struct!`'s; these attributes steer the `Serialize` derive where there is
    // one, and tell schemars which fields may be absent.
    match (field.required, &field.default) {
        (true, _) => {}
        (false, Some(_)) => {
            let function = format!("{owner}::{}", default_fn(field));
            serde.push(quote!(default = #function));
        }
        // schemars knows an `Option` field may be absent; serde's derive must be told to leave
        // `None` out.
        (false, None) if derive_serialize => {
            serde.push(quote!(
                default,
                skip_serializing_if = "::std::option::Option::is_none"
            ));
        }
        (false, None) => {}
    }
    let serde = (!serde.is_empty()).then(|| serde_attr(quote!(#(#serde),*), derive_serialize));
    let mut out = docs;
    out.extend(deprecated);
    out.extend(serde);
    out.extend([quote!(pub #name:), ty, quote!(,)]);
    out
}

/// The Rust type a union variant holds: boxed where it closes a cycle, an `Option` when nullable.
pub(crate) fn variant_type(space: &TypeSpace, variant: &UnionVariant) -> TokenStream {
    held_type(
        space,
        &variant.shape.ty,
        variant.boxed,
        variant.shape.nullable,
    )
}

fn emit_union(
    space: &TypeSpace,
    docs: &TokenStream,
    name: &Ident,
    spec_name: &str,
    u: &UnionDef,
) -> TokenStream {
    let idents: Vec<Ident> = u.variants.iter().map(|v| ident(&v.ident)).collect();
    let types: Vec<TokenStream> = u.variants.iter().map(|v| variant_type(space, v)).collect();
    let variant_docs: Vec<TokenStream> = u.variants.iter().map(|v| doc_attrs(&v.docs)).collect();
    let Some(tag) = &u.tag else {
        let schemars = schemars_derive(name, spec_name);
        return quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
            #schemars
            #[serde(untagged)]
            pub enum #name {
                #( #variant_docs #idents(#types), )*
            }
        };
    };
    let other = ident(&tag.other_ident);
    let property = &tag.property;
    let serialize_arms = u.variants.iter().zip(&idents).map(|(variant, variant_ident)| {
        // A variant whose struct declares the tag property writes it itself.
        let declares_tag = match &variant.shape.ty {
            TypeRef::Named(id) => match &space.get(*id).kind {
                TypeKind::Struct(s) => s.fields.iter().any(|f| f.wire_name == *property && f.required),
                _ => false,
            },
            _ => false,
        };
        let tag_value = variant.tag_values.first().cloned().unwrap_or_default();
        if declares_tag {
            quote!(Self::#variant_ident(value) => ::serde::Serialize::serialize(value, serializer),)
        } else {
            quote!(Self::#variant_ident(value) => crate::runtime::serialize_tagged(value, #property, #tag_value, serializer),)
        }
    });
    let schema = schemars_impl(
        name,
        spec_name,
        quote! {
            crate::runtime::one_of_schema(::std::vec![#(generator.subschema_for::<#types>()),*])
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
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #( #variant_docs #idents(#types), )*
            /// A value whose discriminator this version of the spec does not list, kept as received.
            #other(::serde_json::Value),
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    #(#serialize_arms)*
                    Self::#other(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let tag = crate::runtime::discriminator(&value, #property).map_err(<D::Error as ::serde::de::Error>::custom)?;
                match tag.as_str() {
                    #(#decode_arms)*
                    _ => ::std::result::Result::Ok(Self::#other(value)),
                }
                .map_err(<D::Error as ::serde::de::Error>::custom)
            }
        }

        #schema
    }
}

fn emit_enum(docs: &TokenStream, name: &Ident, spec_name: &str, e: &EnumDef) -> TokenStream {
    let idents: Vec<Ident> = e.variants.iter().map(|v| ident(&v.ident)).collect();
    let wires: Vec<&str> = e.variants.iter().map(|v| v.wire_name.as_str()).collect();
    let variant_docs = e.variants.iter().map(|v| doc_attrs(&v.docs));
    let other = ident(&e.other_ident);
    // The impls every open enum shares come from the runtime's `open_enum!`.
    quote! {
        #docs
        #[derive(Debug, Clone)]
        pub enum #name {
            #( #variant_docs #idents, )*
            /// A value this version of the spec does not list, kept exactly as received.
            #other(crate::runtime::UnknownValue),
        }

        crate::runtime::open_enum!(#name, #spec_name, #other, [#(#idents => #wires,)*]);
    }
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
/// a generated type takes that name.
pub(crate) fn std_type(space: &TypeSpace, which: Std) -> TokenStream {
    match (space.shadows_prelude, which) {
        (false, Std::Option) => quote!(Option),
        (false, Std::String) => quote!(String),
        (false, Std::Vec) => quote!(Vec),
        (false, Std::Box) => quote!(Box),
        (true, Std::Option) => quote!(::std::option::Option),
        (true, Std::String) => quote!(::std::string::String),
        (true, Std::Vec) => quote!(::std::vec::Vec),
        (true, Std::Box) => quote!(::std::boxed::Box),
    }
}

/// The Rust type of a value.
pub(crate) fn type_tokens(space: &TypeSpace, ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Named(id) => {
            let path = &space.get(*id).path;
            let modules = path.module.iter().map(|m| ident(m));
            let name = ident(&path.name);
            quote!(crate #(::#modules)* :: #name)
        }
        TypeRef::Bool => quote!(bool),
        TypeRef::I32 => quote!(i32),
        TypeRef::I64 => quote!(i64),
        TypeRef::F32 => quote!(f32),
        TypeRef::F64 => quote!(f64),
        TypeRef::String => std_type(space, Std::String),
        TypeRef::DateTime => quote!(crate::DateTime),
        TypeRef::Json => quote!(::serde_json::Value),
        TypeRef::Vec(items) => wrap(space, Std::Vec, shape_tokens(space, items)),
        TypeRef::Map(values) => map_type(space, shape_tokens(space, values)),
    }
}

/// The Rust type of an item, a map value or an alias: an `Option` when `null` is allowed.
pub(crate) fn shape_tokens(space: &TypeSpace, shape: &Shape) -> TokenStream {
    held_type(space, &shape.ty, false, shape.nullable)
}

/// `which<ty>`: a standard container of `ty`.
fn wrap(space: &TypeSpace, which: Std, ty: TokenStream) -> TokenStream {
    let mut out = std_type(space, which);
    out.extend([quote!(<), ty, quote!(>)]);
    out
}

/// A map from property names to `values`, in key order.
fn map_type(space: &TypeSpace, values: TokenStream) -> TokenStream {
    let string = std_type(space, Std::String);
    quote!(::std::collections::BTreeMap<#string, #values>)
}

/// `#[doc = "…"]` lines; prettyplease prints them as `///`.
pub(crate) fn doc_attrs(docs: &str) -> TokenStream {
    concat(doc_lines(docs).map(|line| quote!(#[doc = #line])))
}

/// The lines of `docs` as doc-attribute strings: a leading space keeps `/// text` readable, as a
/// hand-written comment would be.
pub(crate) fn doc_lines(docs: &str) -> impl Iterator<Item = String> + '_ {
    docs.lines().map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    })
}

/// An identifier, raw where the name is a keyword (naming already added the `r#`).
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => format_ident!("{}", name),
    }
}

/// Token streams one after another, moved rather than copied: `quote!` copies every stream it
/// interpolates (`#(#items)*`), and on large specs the copies were a tenth of generation.
pub(crate) fn concat(streams: impl IntoIterator<Item = TokenStream>) -> TokenStream {
    let mut out = TokenStream::new();
    out.extend(streams);
    out
}

/// `streams` inside `delimiter`, separated by `separator` if there is one. Interpolating the
/// group copies a handle, not its tokens.
pub(crate) fn group(
    delimiter: Delimiter,
    separator: Option<char>,
    streams: impl IntoIterator<Item = TokenStream>,
) -> Group {
    let mut inner = TokenStream::new();
    for (i, stream) in streams.into_iter().enumerate() {
        if let Some(separator) = separator.filter(|_| i > 0) {
            inner.extend([TokenTree::Punct(Punct::new(separator, Spacing::Alone))]);
        }
        inner.extend([stream]);
    }
    Group::new(delimiter, inner)
}
