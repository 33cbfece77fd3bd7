//! IR -> tokens. Never looks at the spec, only at the [`TypeSpace`].
//!
//! The module tree is split into files at the top level: `mod.rs` holds the root types and declares
//! one file per top-level module (`esx.rs`, `vapi.rs`, …), which holds its submodules inline.

pub(crate) mod types;
pub(crate) mod validate;

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{TypeDef, TypeSpace};
use types::{doc_attrs, ident};

/// Generated code uses the items the spec deprecates (derives, validators); users of them get
/// the warning, the generated module itself does not.
fn allow_deprecated() -> TokenStream {
    quote!(#![allow(deprecated)])
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
    let declarations = root.children.keys().map(|name| {
        let name = ident(name);
        quote!(pub mod #name;)
    });
    files.push(ModuleFile {
        name: "mod.rs".to_owned(),
        tokens: quote! {
            #root_docs
            #allow
            #(#declarations)*
            #(#root_types)*
        },
    });
    for (name, child) in &root.children {
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
    let children = tree.children.iter().map(|(name, child)| {
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
    quote! {
        #(#types)*
        #(#children)*
    }
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
