//! IR -> syntax trees (`syn::File`), one piece at a time. Never looks at the spec, only at the [`TypeSpace`].
//!
//! The module tree is split into files at the top level: `mod.rs` holds the root types (and the
//! modules of their nested types) and declares one file per top-level namespace (`esx.rs`,
//! `vapi.rs`, …), which holds its submodules inline.

mod operations;
mod syntax;
pub(crate) mod types;
pub(crate) mod validate;

use std::collections::BTreeMap;

use quote::quote;
use syn::Item;

use crate::ir::{OperationDef, TypeDef, TypeKind, TypeSpace};
use syntax::{Applies, doc_attrs, ident, list_attr, module_item, parse_items};

/// Where items are being written: the types, and the module that will hold the items, so that
/// paths to other types can be as short as they are safe.
pub(crate) struct Scope<'a> {
    pub(crate) space: &'a TypeSpace,
    /// The module's path below the tree's root; empty for the root itself.
    pub(crate) module: &'a [String],
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

/// One file of the generated module tree, relative to the module's folder, as the pieces it is
/// printed from, in order.
pub(crate) struct ModuleFile<'a> {
    pub(crate) name: String,
    pub(crate) pieces: Vec<Piece<'a>>,
}

/// A top-level part of a generated file: the unit that is turned into a syntax tree and printed
/// on its own, so that no file is ever held as one syntax tree and pieces can be printed in
/// parallel.
pub(crate) enum Piece<'a> {
    /// The file's inner docs and `#![allow(deprecated)]`.
    Preamble(&'a str),
    /// `pub mod name;` for a namespace in a file of its own.
    Declaration(&'a str),
    /// The compiled schemas of every type (`__SCHEMAS`), as the program's JSON text.
    Schemas(&'a str),
    /// A type's definition and its validator.
    Type(&'a TypeDef),
    /// An operation: its request, its responses, its `Operation` impl.
    Operation(&'a OperationDef),
    /// The servers and security schemes, at the top of the operations' module.
    OperationsRoot,
    /// An inline `pub mod name { … }` with its types and submodules.
    Module {
        name: &'a str,
        path: Vec<String>,
        tree: Tree<'a>,
    },
}

#[derive(Default)]
pub(crate) struct Tree<'a> {
    types: Vec<&'a TypeDef>,
    operations: Vec<&'a OperationDef>,
    /// The operations' module at the crate root: it has the servers and schemes.
    operations_root: bool,
    children: BTreeMap<&'a str, Tree<'a>>,
}

/// The files of the module tree; `root_docs` become the inner docs of `mod.rs`. With
/// `one_file`, every module is inline in `mod.rs` (for a tree that is `include!`d, where a
/// `mod name;` would be looked for next to the including file).
pub(crate) fn plan_modules<'a>(
    space: &'a TypeSpace,
    root_docs: &'a str,
    one_file: bool,
) -> Vec<ModuleFile<'a>> {
    let mut root = Tree::default();
    for def in space.types.values() {
        let mut node = &mut root;
        for segment in &def.path.module {
            node = node.children.entry(segment.as_str()).or_default();
        }
        node.types.push(def);
    }
    for op in space.operations.values() {
        let mut node = &mut root;
        for segment in &op.path.module {
            node = node.children.entry(segment.as_str()).or_default();
        }
        node.operations.push(op);
    }
    if !space.operations.is_empty() {
        root.children
            .entry(crate::naming::OPERATIONS_MODULE)
            .or_default()
            .operations_root = true;
    }

    // A namespace gets a file of its own; the module of a type's nested types stays next to it.
    let is_namespace =
        |name: &str| !one_file && !space.nested_modules.contains(&vec![name.to_owned()]);
    let (namespaces, inline): (Vec<_>, Vec<_>) = root
        .children
        .into_iter()
        .partition(|(name, _)| is_namespace(name));

    let mut pieces = vec![Piece::Preamble(root_docs)];
    pieces.extend(namespaces.iter().map(|(name, _)| Piece::Declaration(name)));
    if !space.program.is_empty() {
        pieces.push(Piece::Schemas(&space.program));
    }
    pieces.extend(root.types.into_iter().map(Piece::Type));
    pieces.extend(root.operations.into_iter().map(Piece::Operation));
    pieces.extend(module_pieces(inline, &[]));
    let mut files = vec![ModuleFile {
        name: "mod.rs".to_owned(),
        pieces,
    }];
    for (name, child) in namespaces {
        let path = vec![name.to_owned()];
        let mut pieces = vec![Piece::Preamble(module_docs(space, &path))];
        if child.operations_root {
            pieces.push(Piece::OperationsRoot);
        }
        pieces.extend(child.types.into_iter().map(Piece::Type));
        pieces.extend(child.operations.into_iter().map(Piece::Operation));
        pieces.extend(module_pieces(child.children, &path));
        files.push(ModuleFile {
            name: format!("{}.rs", name.trim_start_matches("r#")),
            pieces,
        });
    }
    files
}

/// A [`Piece::Module`] for each child of the module at `path`.
fn module_pieces<'a>(
    children: impl IntoIterator<Item = (&'a str, Tree<'a>)>,
    path: &[String],
) -> impl Iterator<Item = Piece<'a>> {
    children.into_iter().map(move |(name, tree)| {
        let mut path = path.to_vec();
        path.push(name.to_owned());
        Piece::Module { name, path, tree }
    })
}

/// The syntax tree of one piece.
pub(crate) fn emit_piece(space: &TypeSpace, piece: &Piece<'_>) -> syn::File {
    let (attrs, items) = match piece {
        Piece::Preamble(docs) => {
            let mut attrs = doc_attrs(docs, Applies::ToEnclosing);
            // Generated code uses the items the spec deprecates (derives, validators); users of
            // them get the warning, the generated module itself does not. Doc links name their
            // targets by full path, so that they resolve wherever the docs are shown; where the
            // label alone would resolve too, rustdoc calls the path redundant.
            attrs.push(list_attr(
                Applies::ToEnclosing,
                "allow",
                quote!(deprecated, rustdoc::redundant_explicit_links),
            ));
            (attrs, Vec::new())
        }
        Piece::Declaration(name) => (Vec::new(), vec![module_item(Vec::new(), ident(name), None)]),
        Piece::Schemas(program) => (
            Vec::new(),
            parse_items(quote! {
                /// The compiled schemas of every type here: their validation, as the spec says it.
                #[doc(hidden)]
                pub static __SCHEMAS: ::specgen_runtime::schema::Schemas = ::specgen_runtime::schema::Schemas::new(#program);
            }),
        ),
        Piece::Type(def) => (Vec::new(), emit_type(space, def)),
        Piece::Operation(op) => {
            let scope = Scope {
                space,
                module: &op.path.module,
            };
            (Vec::new(), operations::emit_operation(&scope, op))
        }
        Piece::OperationsRoot => (Vec::new(), operations::emit_operations_root(space)),
        Piece::Module { name, path, tree } => {
            (Vec::new(), vec![emit_module(space, name, path, tree)])
        }
    };
    syn::File {
        shebang: None,
        attrs,
        items,
    }
}

/// A type's definition and its validator.
fn emit_type(space: &TypeSpace, def: &TypeDef) -> Vec<Item> {
    let scope = Scope {
        space,
        module: &def.path.module,
    };
    let mut items = types::emit_type(&scope, def);
    items.extend(parse_items(validate::emit_validate(&scope, def)));
    items
}

fn emit_module(space: &TypeSpace, name: &str, path: &[String], tree: &Tree<'_>) -> Item {
    let docs = doc_attrs(module_docs(space, path), Applies::ToNext);
    let mut items: Vec<Item> = Vec::new();
    if tree.operations_root {
        items.extend(operations::emit_operations_root(space));
    }
    items.extend(tree.types.iter().flat_map(|def| emit_type(space, def)));
    items.extend(tree.operations.iter().flat_map(|op| {
        let scope = Scope {
            space,
            module: &op.path.module,
        };
        operations::emit_operation(&scope, op)
    }));
    items.extend(tree.children.iter().map(|(child, tree)| {
        let mut path = path.to_vec();
        path.push((*child).to_owned());
        emit_module(space, child, &path, tree)
    }));
    module_item(docs, ident(name), Some(items))
}

fn module_docs<'s>(space: &'s TypeSpace, path: &[String]) -> &'s str {
    space
        .modules
        .get(path)
        .map_or("Generated types.", String::as_str)
}
