//! IR -> tokens for the types: structs, open enums and aliases, with serde attributes and docs.
//!
//! Generated code names types by absolute path (`::std::…`, `::serde::…`, `crate::…`), so a
//! generated module called `std` or a type called `Option` cannot change what a path means. Derives
//! of std traits use their short names: they live in the macro namespace, which generated types and
//! modules never enter.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::ir::{EnumDef, Field, Shape, StructDef, TypeDef, TypeKind, TypeRef, TypeSpace};

/// The items for one type.
pub(crate) fn emit_type(space: &TypeSpace, def: &TypeDef) -> TokenStream {
    let docs = doc_attrs(&def.docs);
    let name = ident(&def.path.name);
    match &def.kind {
        TypeKind::Struct(s) => emit_struct(space, &docs, &name, s),
        TypeKind::Enum(e) => emit_enum(&docs, &name, e),
        TypeKind::Alias(shape) => {
            let ty = type_tokens(space, &shape.ty);
            quote! {
                #docs
                pub type #name = #ty;
            }
        }
    }
}

fn emit_struct(space: &TypeSpace, docs: &TokenStream, name: &Ident, s: &StructDef) -> TokenStream {
    let fields = s.fields.iter().map(|field| emit_field(space, field));
    // A struct whose fields may all be absent has an obvious empty value.
    let default = s
        .fields
        .iter()
        .all(|f| !f.required)
        .then(|| quote!(Default,));
    let deny = s
        .deny_unknown_fields
        .then(|| quote!(#[serde(deny_unknown_fields)]));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #default ::serde::Serialize, ::serde::Deserialize)]
        #deny
        pub struct #name {
            #(#fields)*
        }
    }
}

fn emit_field(space: &TypeSpace, field: &Field) -> TokenStream {
    let docs = doc_attrs(&field.docs);
    let name = ident(&field.ident);
    let mut ty = type_tokens(space, &field.shape.ty);
    if field.boxed {
        ty = quote!(::std::boxed::Box<#ty>);
    }
    let mut serde = Vec::new();
    if field.ident.trim_start_matches("r#") != field.wire_name {
        let wire = &field.wire_name;
        serde.push(quote!(rename = #wire));
    }
    if !field.required {
        ty = quote!(::std::option::Option<#ty>);
        serde.push(quote!(
            default,
            skip_serializing_if = "::std::option::Option::is_none"
        ));
    }
    let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
    quote! {
        #docs
        #serde
        pub #name: #ty,
    }
}

fn emit_enum(docs: &TokenStream, name: &Ident, e: &EnumDef) -> TokenStream {
    let idents: Vec<Ident> = e.variants.iter().map(|v| ident(&v.ident)).collect();
    let wires: Vec<&str> = e.variants.iter().map(|v| v.wire_name.as_str()).collect();
    let variant_docs = e.variants.iter().map(|v| doc_attrs(&v.docs));
    let other = ident(&e.other_ident);
    let expecting = format!("a `{name}` string");
    quote! {
        #docs
        #[derive(Debug, Clone)]
        pub enum #name {
            #( #variant_docs #idents, )*
            /// A value this version of the spec does not list, kept exactly as received.
            #other(::std::string::String),
        }

        impl #name {
            /// The values the spec lists, in its order.
            pub const VALUES: &'static [&'static str] = &[#(#wires),*];

            /// The value as it appears in JSON.
            pub fn as_str(&self) -> &str {
                match self {
                    #( Self::#idents => #wires, )*
                    Self::#other(value) => value,
                }
            }

            /// `false` for a value the spec does not list.
            pub fn is_known(&self) -> bool {
                match self {
                    Self::#other(value) => Self::from_known(value).is_some(),
                    _ => true,
                }
            }

            fn from_known(value: &str) -> ::std::option::Option<Self> {
                ::std::option::Option::Some(match value {
                    #( #wires => Self::#idents, )*
                    _ => return ::std::option::Option::None,
                })
            }
        }

        // Values compare by their wire form, so `Unknown("X")` equals the variant for `X`: a value
        // equals what it decodes to after encoding.
        impl ::std::cmp::PartialEq for #name {
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl ::std::cmp::Eq for #name {}

        impl ::std::hash::Hash for #name {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                self.as_str().hash(state);
            }
        }

        impl ::std::cmp::PartialOrd for #name {
            fn partial_cmp(&self, other: &Self) -> ::std::option::Option<::std::cmp::Ordering> {
                ::std::option::Option::Some(self.cmp(other))
            }
        }

        impl ::std::cmp::Ord for #name {
            fn cmp(&self, other: &Self) -> ::std::cmp::Ordering {
                self.as_str().cmp(other.as_str())
            }
        }

        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                Self::from_known(value).unwrap_or_else(|| Self::#other(value.to_owned()))
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                deserializer.deserialize_str(crate::runtime::OpenEnumVisitor::new(Self::from_known, Self::#other, #expecting))
            }
        }
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
        TypeRef::String => quote!(::std::string::String),
        TypeRef::DateTime => quote!(crate::DateTime),
        TypeRef::Json => quote!(::serde_json::Value),
        TypeRef::Vec(items) => {
            let items = shape_tokens(space, items);
            quote!(::std::vec::Vec<#items>)
        }
        TypeRef::Map(values) => {
            let values = shape_tokens(space, values);
            quote!(::std::collections::BTreeMap<::std::string::String, #values>)
        }
    }
}

fn shape_tokens(space: &TypeSpace, shape: &Shape) -> TokenStream {
    type_tokens(space, &shape.ty)
}

/// `#[doc = "…"]` lines; prettyplease prints them as `///`.
pub(crate) fn doc_attrs(docs: &str) -> TokenStream {
    let lines = docs.lines().map(|line| {
        // A leading space keeps `/// text` readable, as a hand-written comment would be.
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// An identifier, raw where the name is a keyword (naming already added the `r#`).
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => format_ident!("{}", name),
    }
}
