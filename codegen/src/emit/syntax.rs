//! The syntax tree of the items every type has, built directly rather than written with `quote!`
//! and parsed back.
//!
//! Struct and enum definitions, their docs and the calls of the runtime's macros are most of a
//! generated file. Written as tokens, each would be parsed by syn before prettyplease prints it,
//! and that parse was a third of generation (syn reads a doc line's string literal three times).
//! The trees built here are the ones syn's parser makes of the same tokens, so the printed text
//! is the same. Rarer items (unions, aliases, `impl`s, validators) stay `quote!`d and go through
//! [`parse_items`].

use proc_macro2::{Ident, Span, TokenStream};
use syn::punctuated::Punctuated;
use syn::{
    AngleBracketedGenericArguments, AttrStyle, Attribute, Expr, ExprLit, Field, FieldMutability,
    Fields, FieldsNamed, FieldsUnnamed, GenericArgument, Item, ItemEnum, ItemMacro, ItemMod,
    ItemStruct, Lit, LitStr, Macro, MacroDelimiter, Meta, MetaList, MetaNameValue, Path,
    PathArguments, PathSegment, Type, TypePath, Variant, Visibility,
};

/// An identifier, raw where the name is a keyword (naming already added the `r#`).
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// Where an attribute applies: `#[…]` to the next item, `#![…]` to the enclosing one.
#[derive(Clone, Copy)]
pub(crate) enum Applies {
    ToNext,
    ToEnclosing,
}

/// `#[doc = "…"]` lines, which prettyplease prints as `///` (`//!` for [`Applies::ToEnclosing`]).
pub(crate) fn doc_attrs(docs: &str, applies: Applies) -> Vec<Attribute> {
    docs.lines()
        .map(|line| {
            // A leading space keeps `/// text` readable, as a hand-written comment would be.
            // rustc rejects a bare carriage return in a doc comment; a spec's names and values
            // may hold one (`foo\rbar`), so it is shown as the escape a reader knows.
            let line = line.replace('\r', "\\r");
            let text = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            attribute(
                applies,
                Meta::NameValue(MetaNameValue {
                    path: word_path("doc"),
                    eq_token: Default::default(),
                    value: Expr::Lit(ExprLit {
                        attrs: Vec::new(),
                        lit: Lit::Str(LitStr::new(&text, Span::call_site())),
                    }),
                }),
            )
        })
        .collect()
}

/// `#[name(args)]`, or `#![name(args)]`.
pub(crate) fn list_attr(applies: Applies, name: &str, args: TokenStream) -> Attribute {
    attribute(
        applies,
        Meta::List(MetaList {
            path: word_path(name),
            delimiter: MacroDelimiter::Paren(Default::default()),
            tokens: args,
        }),
    )
}

/// `#[name]`.
pub(crate) fn word_attr(name: &str) -> Attribute {
    attribute(Applies::ToNext, Meta::Path(word_path(name)))
}

fn attribute(applies: Applies, meta: Meta) -> Attribute {
    Attribute {
        pound_token: Default::default(),
        style: match applies {
            Applies::ToNext => AttrStyle::Outer,
            Applies::ToEnclosing => AttrStyle::Inner(Default::default()),
        },
        bracket_token: Default::default(),
        meta,
    }
}

fn word_path(name: &str) -> Path {
    Path::from(ident(name))
}

/// A path from its segments, with `::` in front when `absolute`; `args` go on the last segment.
fn path<'a>(absolute: bool, segments: impl IntoIterator<Item = &'a str>, args: Vec<Type>) -> Path {
    let mut segments: Punctuated<PathSegment, syn::Token![::]> = segments
        .into_iter()
        .map(|segment| PathSegment::from(ident(segment)))
        .collect();
    if !args.is_empty()
        && let Some(last) = segments.last_mut()
    {
        last.arguments = PathArguments::AngleBracketed(AngleBracketedGenericArguments {
            colon2_token: None,
            lt_token: Default::default(),
            args: args.into_iter().map(GenericArgument::Type).collect(),
            gt_token: Default::default(),
        });
    }
    Path {
        leading_colon: absolute.then(Default::default),
        segments,
    }
}

/// The type at the path of `segments` (see [`path`]), with the type arguments `args`.
pub(crate) fn type_at<'a>(
    absolute: bool,
    segments: impl IntoIterator<Item = &'a str>,
    args: Vec<Type>,
) -> Type {
    Type::Path(TypePath {
        qself: None,
        path: path(absolute, segments, args),
    })
}

/// `pub ident: ty` with its attributes.
pub(crate) fn named_field(attrs: Vec<Attribute>, ident: Ident, ty: Type) -> Field {
    Field {
        attrs,
        vis: public(),
        mutability: FieldMutability::None,
        ident: Some(ident),
        colon_token: Some(Default::default()),
        ty,
    }
}

/// `pub struct ident { fields }`.
pub(crate) fn struct_item(attrs: Vec<Attribute>, ident: Ident, fields: Vec<Field>) -> Item {
    Item::Struct(ItemStruct {
        attrs,
        vis: public(),
        struct_token: Default::default(),
        ident,
        generics: Default::default(),
        fields: Fields::Named(FieldsNamed {
            brace_token: Default::default(),
            named: terminated(fields),
        }),
        semi_token: None,
    })
}

/// `items` with a comma after each, the last too, as the emitter wrote them before it built trees
/// (prettyplease prints the same either way).
fn terminated<T>(items: Vec<T>) -> Punctuated<T, syn::Token![,]> {
    let mut list: Punctuated<T, syn::Token![,]> = items.into_iter().collect();
    if !list.empty_or_trailing() {
        list.push_punct(Default::default());
    }
    list
}

/// An enum variant: a unit variant, or one holding a value of `holds`.
pub(crate) fn variant(attrs: Vec<Attribute>, ident: Ident, holds: Option<Type>) -> Variant {
    let fields = match holds {
        None => Fields::Unit,
        Some(ty) => Fields::Unnamed(FieldsUnnamed {
            paren_token: Default::default(),
            unnamed: Punctuated::from_iter([Field {
                attrs: Vec::new(),
                vis: Visibility::Inherited,
                mutability: FieldMutability::None,
                ident: None,
                colon_token: None,
                ty,
            }]),
        }),
    };
    Variant {
        attrs,
        ident,
        fields,
        discriminant: None,
    }
}

/// `pub enum ident { variants }`.
pub(crate) fn enum_item(attrs: Vec<Attribute>, ident: Ident, variants: Vec<Variant>) -> Item {
    Item::Enum(ItemEnum {
        attrs,
        vis: public(),
        enum_token: Default::default(),
        ident,
        generics: Default::default(),
        brace_token: Default::default(),
        variants: terminated(variants),
    })
}

/// `pub mod ident { items }`, or `pub mod ident;` for a module in a file of its own.
pub(crate) fn module_item(attrs: Vec<Attribute>, ident: Ident, items: Option<Vec<Item>>) -> Item {
    let inline = items.is_some();
    Item::Mod(ItemMod {
        attrs,
        vis: public(),
        unsafety: None,
        mod_token: Default::default(),
        ident,
        content: items.map(|items| (Default::default(), items)),
        semi: (!inline).then(Default::default),
    })
}

/// A call of one of the runtime's macros as an item: `::specgen_runtime::name!(args);`.
pub(crate) fn runtime_macro(name: &str, args: TokenStream) -> Item {
    Item::Macro(ItemMacro {
        attrs: Vec::new(),
        ident: None,
        mac: Macro {
            path: path(true, [RUNTIME_CRATE, name], Vec::new()),
            bang_token: Default::default(),
            delimiter: MacroDelimiter::Paren(Default::default()),
            tokens: args,
        },
        semi_token: Some(Default::default()),
    })
}

/// The runtime crate, as generated code names it: always by the absolute path
/// `::specgen_runtime`, which no module or type of a spec can shadow.
pub(crate) const RUNTIME_CRATE: &str = "specgen_runtime";

fn public() -> Visibility {
    Visibility::Public(Default::default())
}

/// The items of `tokens` that the emitter wrote with `quote!`.
pub(crate) fn parse_items(tokens: TokenStream) -> Vec<Item> {
    if tokens.is_empty() {
        return Vec::new();
    }
    let file: syn::File = syn::parse2(tokens).unwrap_or_else(|err| {
        panic!("invariant: generated tokens parse as Rust items, but syn says: {err}")
    });
    file.items
}

#[cfg(test)]
mod tests {
    use proc_macro2::TokenStream;
    use quote::{ToTokens, quote};
    use syn::{Attribute, Item, Type};

    use super::*;

    /// Built trees are the ones syn parses from the code the emitter used to write: the same
    /// tokens, and prettyplease prints the same text.
    fn check(attrs: Vec<Attribute>, items: Vec<Item>, written: TokenStream) {
        let print = |file: syn::File| {
            (
                file.to_token_stream().to_string(),
                prettyplease::unparse(&file),
            )
        };
        let built = syn::File {
            shebang: None,
            attrs,
            items,
        };
        let parsed: syn::File = syn::parse2(written).expect("the written code parses");
        assert_eq!(print(built), print(parsed));
    }

    fn named(segments: &[&str]) -> Type {
        type_at(false, segments.iter().copied(), Vec::new())
    }

    #[test]
    fn docs_and_attributes() {
        let mut attrs = doc_attrs(
            "Line one.\n\nLine \"three\" with a \\ and `code`.",
            Applies::ToNext,
        );
        attrs.push(list_attr(
            Applies::ToNext,
            "derive",
            quote!(Clone, PartialEq),
        ));
        attrs.push(list_attr(
            Applies::ToNext,
            "cfg_attr",
            quote!(feature = "schemars", derive(::schemars::JsonSchema)),
        ));
        attrs.push(word_attr("deprecated"));
        let mut inner = doc_attrs("Module docs.", Applies::ToEnclosing);
        inner.push(list_attr(Applies::ToEnclosing, "allow", quote!(deprecated)));
        check(
            inner,
            vec![struct_item(attrs, ident("S"), Vec::new())],
            quote! {
                #![doc = " Module docs."]
                #![allow(deprecated)]
                #[doc = " Line one."]
                #[doc = ""]
                #[doc = " Line \"three\" with a \\ and `code`."]
                #[derive(Clone, PartialEq)]
                #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
                #[deprecated]
                pub struct S {}
            },
        );
    }

    #[test]
    fn types_and_fields() {
        let option = || named(&["crate", "r#type", "B"]);
        let map = type_at(
            true,
            ["std", "collections", "BTreeMap"],
            vec![
                named(&["String"]),
                type_at(true, ["std", "option", "Option"], vec![option()]),
            ],
        );
        let fields = vec![
            named_field(
                doc_attrs("The b.", Applies::ToNext),
                ident("r#type"),
                option(),
            ),
            named_field(Vec::new(), ident("map"), map),
            named_field(
                Vec::new(),
                ident("value"),
                type_at(true, ["serde_json", "Value"], Vec::new()),
            ),
        ];
        check(
            Vec::new(),
            vec![struct_item(Vec::new(), ident("S"), fields)],
            quote! {
                pub struct S {
                    #[doc = " The b."]
                    pub r#type: crate::r#type::B,
                    pub map: ::std::collections::BTreeMap<String, ::std::option::Option<crate::r#type::B>>,
                    pub value: ::serde_json::Value,
                }
            },
        );
    }

    #[test]
    fn enums_modules_and_macro_calls() {
        let variants = vec![
            variant(
                doc_attrs("The value `a`.", Applies::ToNext),
                ident("A"),
                None,
            ),
            variant(
                Vec::new(),
                ident("Other"),
                Some(type_at(true, [RUNTIME_CRATE, "UnknownValue"], Vec::new())),
            ),
        ];
        let inline = vec![
            enum_item(Vec::new(), ident("E"), variants),
            runtime_macro("open_enum", quote!(E, "E", Other, [A => "a",])),
        ];
        check(
            Vec::new(),
            vec![
                module_item(
                    doc_attrs("Types of `m`.", Applies::ToNext),
                    ident("m"),
                    Some(inline),
                ),
                module_item(Vec::new(), ident("r#type"), None),
            ],
            quote! {
                #[doc = " Types of `m`."]
                pub mod m {
                    pub enum E {
                        #[doc = " The value `a`."]
                        A,
                        Other(::specgen_runtime::UnknownValue),
                    }
                    ::specgen_runtime::open_enum!(E, "E", Other, [A => "a",]);
                }
                pub mod r#type;
            },
        );
        assert!(parse_items(quote!()).is_empty());
    }
}
