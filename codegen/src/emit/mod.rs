//! IR -> tokens. Never looks at the spec, only at the [`TypeSpace`].
//!
//! The module tree is split into files at the top level: `mod.rs` holds the root types (and the
//! modules of their nested types) and declares one file per top-level namespace (`esx.rs`,
//! `vapi.rs`, …), which holds its submodules inline.

pub(crate) mod types;
pub(crate) mod validate;

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{TypeDef, TypeKind, TypeSpace};
use types::{doc_attrs, ident};

/// Generated code uses the items the spec deprecates (derives, validators); users of them get
/// the warning, the generated module itself does not.
fn allow_deprecated() -> TokenStream {
    quote!(#![allow(deprecated)])
}

/// The `recursion_limit` a crate of these types needs, when rustc's default (128) may not do.
///
/// Drop check follows every field, through `Vec`, `Box` and maps too, from one type to the next; the
/// longest such chain can be as long as there are structs and unions. Twice their number, rounded
/// up to a power of two, is a bound that holds for any shape of references.
pub(crate) fn recursion_limit(space: &TypeSpace) -> Option<usize> {
    const DEFAULT: usize = 128;
    let compound = space
        .types
        .values()
        .filter(|def| matches!(def.kind, TypeKind::Struct(_) | TypeKind::Union(_)))
        .count();
    let needed = (2 * compound).next_power_of_two();
    (needed > DEFAULT).then_some(needed)
}

/// One file of the generated module tree, relative to the module's folder.
pub(crate) struct ModuleFile {
    pub(crate) name: String,
    pub(crate) tokens: TokenStream,
}

/// A type's definition and its validator.
fn emit_type(space: &TypeSpace, def: &TypeDef) -> TokenStream {
    let ty = types::emit_type(space, def);
    let validate = validate::emit_validate(space, def);
    quote! {
        #ty
        #validate
    }
}

#[derive(Default)]
struct Tree<'a> {
    types: Vec<&'a TypeDef>,
    children: BTreeMap<&'a str, Tree<'a>>,
}

/// The files of the module tree; `root_docs` become the inner docs of `mod.rs`.
pub(crate) fn emit_modules(space: &TypeSpace, root_docs: &str) -> Vec<ModuleFile> {
    let mut root = Tree::default();
    for def in space.types.values() {
        let mut node = &mut root;
        for segment in &def.path.module {
            node = node.children.entry(segment.as_str()).or_default();
        }
        node.types.push(def);
    }

    let mut files = Vec::new();
    let root_docs = inner_docs(root_docs);
    let allow = allow_deprecated();
    let root_types = root.types.iter().map(|def| emit_type(space, def));
    // A namespace gets a file of its own; the module of a type's nested types stays next to it.
    let is_namespace = |name: &str| !space.nested_modules.contains(&vec![name.to_owned()]);
    let declarations = root
        .children
        .keys()
        .filter(|name| is_namespace(name))
        .map(|name| {
            let name = ident(name);
            quote!(pub mod #name;)
        });
    let inline_children = emit_children(
        space,
        root.children.iter().filter(|(name, _)| !is_namespace(name)),
        &[],
    );
    files.push(ModuleFile {
        name: "mod.rs".to_owned(),
        tokens: quote! {
            #root_docs
            #allow
            #(#declarations)*
            #(#root_types)*
            #inline_children
        },
    });
    for (name, child) in root.children.iter().filter(|(name, _)| is_namespace(name)) {
        let path = vec![(*name).to_owned()];
        let docs = inner_docs(module_docs(space, &path));
        let body = emit_tree(space, child, &path);
        files.push(ModuleFile {
            name: format!("{}.rs", name.trim_start_matches("r#")),
            tokens: quote! {
                #docs
                #allow
                #body
            },
        });
    }
    files
}

fn emit_tree(space: &TypeSpace, tree: &Tree<'_>, path: &[String]) -> TokenStream {
    let types = tree.types.iter().map(|def| emit_type(space, def));
    let children = emit_children(space, tree.children.iter(), path);
    quote! {
        #(#types)*
        #children
    }
}

/// Inline `pub mod name { … }` for each child of the module at `path`.
fn emit_children<'t, 'a: 't>(
    space: &TypeSpace,
    children: impl Iterator<Item = (&'t &'a str, &'t Tree<'a>)>,
    path: &[String],
) -> TokenStream {
    let children = children.map(|(name, child)| {
        let mut child_path = path.to_vec();
        child_path.push((*name).to_owned());
        let docs = doc_attrs(module_docs(space, &child_path));
        let body = emit_tree(space, child, &child_path);
        let name = ident(name);
        quote! {
            #docs
            pub mod #name {
                #body
            }
        }
    });
    quote!(#(#children)*)
}

fn module_docs<'s>(space: &'s TypeSpace, path: &[String]) -> &'s str {
    space
        .modules
        .get(path)
        .map_or("Generated types.", String::as_str)
}

fn inner_docs(docs: &str) -> TokenStream {
    let lines = docs.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#![doc = #line])
    });
    quote!(#(#lines)*)
}
