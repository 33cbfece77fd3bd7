//! The syntax tree of the items every type has, built directly rather than written with `quote!`
//! and parsed back.
//!
//! Struct and enum definitions, their docs and the calls of the runtime's macros are most of a
//! generated file. Written as tokens, each would be parsed by syn before prettyplease prints it,
//! and parsing was the largest part of generation (syn reads a doc line's string literal three
//! times). The trees built here are the ones syn's parser makes of the same tokens, so the printed
//! text is the same. Code that is written once per kind of type (impls, unions) stays `quote!`d
//! and is parsed by [`parse_items`].

use proc_macro2::{Ident, Span, TokenStream};
use syn::punctuated::Punctuated;
use syn::{
    AttrStyle, Attribute, Expr, ExprLit, Field, FieldMutability, Fields, FieldsNamed,
    FieldsUnnamed, GenericArgument, Item, ItemEnum, ItemMacro, ItemMod, ItemStruct, Lit, LitStr,
    MacroDelimiter, Meta, MetaList, MetaNameValue, Path, PathArguments, PathSegment, Type,
    TypePath, Variant, Visibility,
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
pub(crate) fn path<'a>(
    absolute: bool,
    segments: impl IntoIterator<Item = &'a str>,
    args: Vec<Type>,
) -> Path {
    let mut segments: Punctuated<PathSegment, syn::Token![::]> = segments
        .into_iter()
        .map(|segment| PathSegment::from(ident(segment)))
        .collect();
    if !args.is_empty()
        && let Some(last) = segments.last_mut()
    {
        last.arguments = PathArguments::AngleBracketed(syn::AngleBracketedGenericArguments {
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

/// The type at `path`.
pub(crate) fn path_type(path: Path) -> Type {
    Type::Path(TypePath { qself: None, path })
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
            named: fields.into_iter().collect(),
        }),
        semi_token: None,
    })
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
        variants: variants.into_iter().collect(),
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

/// A call of one of the runtime's macros as an item: `crate::runtime::name!(args);`.
pub(crate) fn runtime_macro(name: &str, args: TokenStream) -> Item {
    Item::Macro(ItemMacro {
        attrs: Vec::new(),
        ident: None,
        mac: syn::Macro {
            path: path(false, ["crate", "runtime", name], Vec::new()),
            bang_token: Default::default(),
            delimiter: MacroDelimiter::Paren(Default::default()),
            tokens: args,
        },
        semi_token: Some(Default::default()),
    })
}

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
    use quote::{ToTokens, quote};

    /// The trees built here are the ones syn parses from the same code: same tokens, so the
    /// same printed text.
    #[test]
    fn built_trees_match_parsed_ones() {
        use super::*;
        let option = || {
            path_type(path(
                false,
                ["Option"],
                vec![path_type(path(false, ["crate", "a", "B"], Vec::new()))],
            ))
        };
        let mut attrs = doc_attrs("Line one.\n\nLine \"three\".", Applies::ToNext);
        attrs.push(list_attr(
            Applies::ToNext,
            "derive",
            quote!(Clone, PartialEq),
        ));
        attrs.push(word_attr("deprecated"));
        let built = vec![
            struct_item(
                attrs,
                ident("S"),
                vec![named_field(Vec::new(), ident("r#type"), option())],
            ),
            enum_item(
                Vec::new(),
                ident("E"),
                vec![
                    variant(Vec::new(), ident("A"), None),
                    variant(Vec::new(), ident("B"), Some(option())),
                ],
            ),
            module_item(Vec::new(), ident("m"), Some(Vec::new())),
            module_item(Vec::new(), ident("n"), None),
            runtime_macro("open_enum", quote!(E, [A => "a"])),
        ];
        let written = parse_items(quote! {
            #[doc = " Line one."]
            #[doc = ""]
            #[doc = " Line \"three\"."]
            #[derive(Clone, PartialEq)]
            #[deprecated]
            pub struct S {
                pub r#type: Option<crate::a::B>
            }
            pub enum E {
                A,
                B(Option<crate::a::B>)
            }
            pub mod m {}
            pub mod n;
            crate::runtime::open_enum!(E, [A => "a"]);
        });
        let print = |items: Vec<syn::Item>| {
            let file = syn::File {
                shebang: None,
                attrs: Vec::new(),
                items,
            };
            (
                file.to_token_stream().to_string(),
                prettyplease::unparse(&file),
            )
        };
        assert_eq!(print(built), print(written));
        let inner = doc_attrs("Module.", Applies::ToEnclosing);
        let parsed: syn::File = syn::parse_quote!(#![doc = " Module."]);
        let parsed = parsed.attrs;
        assert_eq!(
            quote!(#(#inner)*).to_string(),
            quote!(#(#parsed)*).to_string()
        );
        let absolute = path(true, ["serde_json", "Value"], Vec::new());
        let parsed: syn::Path = syn::parse_quote!(::serde_json::Value);
        assert_eq!(
            absolute.to_token_stream().to_string(),
            parsed.to_token_stream().to_string()
        );
        assert!(parse_items(quote!()).is_empty());
    }
}
