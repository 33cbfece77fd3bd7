//! What follows the shapes: the user's customisations, and docs.

use super::*;
use crate::Customize;

/// Below this many types, starting a thread to render docs costs more than it saves.
const DOCS_PER_THREAD: usize = 256;

/// The user's derives, attributes and replacements, by the spec names of the types they are for.
/// A name no generated type has is an error: a typo would otherwise be silently ignored.
pub(super) fn apply_customizations(
    space: &mut TypeSpace,
    customize: &Customize,
    diagnostics: &mut Diagnostics,
) {
    let mut unknown: BTreeSet<&str> = customize
        .type_derives
        .keys()
        .chain(customize.type_attributes.keys())
        .chain(customize.replacements.keys())
        .map(String::as_str)
        .collect();
    for def in space.types.values_mut() {
        let name = def.spec_name.as_str();
        unknown.remove(name);
        def.extra_derives.extend(customize.derives.iter().cloned());
        def.extra_derives.extend(
            customize
                .type_derives
                .get(name)
                .into_iter()
                .flatten()
                .cloned(),
        );
        def.extra_attributes
            .extend(customize.attributes.iter().cloned());
        def.extra_attributes.extend(
            customize
                .type_attributes
                .get(name)
                .into_iter()
                .flatten()
                .cloned(),
        );
        if let Some(path) = customize.replacements.get(name) {
            def.kind = TypeKind::Extern(path.clone());
        }
    }
    for name in unknown {
        diagnostics.config_error(format!(
            "no generated type has the spec name `{name}`, which the configuration customizes"
        ));
    }
}

/// Turns every description into rustdoc, linking `*Name*` to the generated item it names.
pub(super) fn render_docs(space: &mut TypeSpace) {
    // The spec's text comes out of the space, so that links can look the space up meanwhile.
    let texts: Vec<(String, Vec<String>)> = space
        .types
        .values_mut()
        .map(|def| {
            let members = def.kind.member_docs_mut().into_iter().map(std::mem::take);
            (std::mem::take(&mut def.docs), members.collect())
        })
        .collect();
    // An operation's docs: its own, its parameters', its body's and its responses'.
    let operation_texts: Vec<Vec<String>> = space
        .operations
        .values_mut()
        .map(|op| op.docs_mut().into_iter().map(std::mem::take).collect())
        .collect();
    // Link targets by spec name; the link text is made only for the few names docs mention.
    let by_spec_name: HashMap<&str, &TypeDef> = space
        .types
        .values()
        .map(|def| (def.spec_name.as_str(), def))
        .collect();
    let link = |name: &str| -> Option<(String, String)> {
        if let Some(def) = by_spec_name.get(name) {
            return Some((
                def.path.name.clone(),
                intra_doc_path(&space.root, &def.path),
            ));
        }
        // `Type.field`: a property of a struct. Type names and property names may both hold dots.
        name.match_indices('.').find_map(|(dot, _)| {
            let def = by_spec_name.get(&name[..dot])?;
            let TypeKind::Struct(s) = &def.kind else {
                return None;
            };
            let field = s.fields.iter().find(|f| f.wire_name == name[dot + 1..])?;
            let path = intra_doc_path(&space.root, &def.path);
            // rustdoc does not resolve raw identifiers in links; those link to the type.
            Some(if field.ident.starts_with("r#") {
                (def.path.name.clone(), path)
            } else {
                (
                    format!("{}::{}", def.path.name, field.ident),
                    format!("{path}::{}", field.ident),
                )
            })
        })
    };
    let rendered = crate::parallel::map(&texts, DOCS_PER_THREAD, |(docs, members)| {
        let members = members.iter().map(|text| docs::rustdoc(text, &link));
        (docs::rustdoc(docs, &link), members.collect::<Vec<_>>())
    });
    let operations_rendered: Vec<Vec<String>> = operation_texts
        .iter()
        .map(|texts| {
            texts
                .iter()
                .map(|text| docs::rustdoc(text, &link))
                .collect()
        })
        .collect();
    for (op, texts) in space.operations.values_mut().zip(operations_rendered) {
        for (target, text) in op.docs_mut().into_iter().zip(texts) {
            *target = text;
        }
    }
    for (def, (docs, members)) in space.types.values_mut().zip(rendered) {
        def.docs = docs;
        for (target, text) in def.kind.member_docs_mut().into_iter().zip(members) {
            *target = text;
        }
    }
}

pub(super) fn intra_doc_path(root: &[String], path: &RustPath) -> String {
    let mut out = root.join("::");
    for segment in &path.module {
        out.push_str("::");
        out.push_str(segment);
    }
    out.push_str("::");
    out.push_str(&path.name);
    out
}
