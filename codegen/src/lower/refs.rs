//! Which named schema a `$ref` stands for.

use super::*;

impl<'a> Lowerer<'a> {
    /// The named schema that `reference` (written at `at`) points to.
    pub(super) fn resolve(&mut self, reference: &str, at: &Location) -> Option<usize> {
        let (file, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        let file = if file.is_empty() {
            normalize(&at.file)
        } else {
            normalize(&crate::load::sibling_path(&at.file, file))
        };
        let pointer = percent_decode(fragment);
        // An anchor, an `$id`, a base URI that an `$id` sets: as the compiled schema resolves
        // it. Where a file has no `$id` below its root, file and pointer say it alone (and
        // most specs never need the compiler).
        let embedded_ids = self.references.has_embedded_ids(&at.file);
        let mut by_resolve = || {
            let target = self.references.target(at, reference)?;
            self.by_pointer
                .get(&(normalize(&target.file), target.pointer))
                .copied()
        };
        let found = if embedded_ids {
            by_resolve()
        } else {
            self.by_pointer
                .get(&(file, pointer))
                .copied()
                .or_else(by_resolve)
        };
        if found.is_none() {
            // A pointer into another schema, a remote document, or nothing (which compiling
            // reports): the compiled schema checks it, only the type is looser.
            self.diagnostics.warning(
                &at.join("$ref"),
                format!(
                    "`$ref` points to `{reference}`, which is not a named schema of the specs \
                     (`#/components/schemas/Name`, `#/definitions/Name` or `#/$defs/Name`): the \
                     value is a `serde_json::Value`, and validation checks it against the schema \
                     it refers to"
                ),
            );
        }
        found
    }

    /// The named enum that a vSphere string property links to in its description, if any.
    pub(super) fn linked_enum(&self, schema: &SchemaObject) -> Option<usize> {
        // A convention of vAPI's: in any other spec a description is prose.
        if !self.config.vapi || schema.enum_values.is_some() || schema.format.is_some() {
            return None;
        }
        let target = docs::enum_link(schema.description.as_deref()?)?;
        let &index = self.by_name.get(target)?;
        let linked = &self.spec.schemas[index].schema;
        (linked.enum_values.is_some() && string_enum(linked)).then_some(index)
    }

    /// Every named schema reachable from the roots, in spec order.
    pub(super) fn reachable(&mut self, roots: &[String]) -> BTreeSet<usize> {
        let mut stack: Vec<usize> = if roots.is_empty() {
            (0..self.spec.schemas.len())
                .filter(|&i| self.spec.schemas[i].given)
                .collect()
        } else {
            roots
                .iter()
                .filter_map(|root| {
                    let found = self.by_name.get(root.as_str()).copied();
                    if found.is_none() {
                        let at = self
                            .spec
                            .sources
                            .first()
                            .map_or_else(|| Location::new("", ""), |s| Location::new(&s.file, ""));
                        self.diagnostics
                            .error(&at, format!("root `{root}` is not a schema of the specs"));
                    }
                    found
                })
                .collect()
        };
        if roots.is_empty() {
            // The operations' schemas may refer to schemas of files no schema refers to.
            let spec = self.spec;
            let mut referenced = Vec::new();
            for op in &spec.operations {
                let schemas = op
                    .parameters
                    .iter()
                    .filter_map(|p| p.schema.as_ref())
                    .chain(
                        op.body
                            .iter()
                            .flat_map(|b| b.content.iter().filter_map(|c| c.schema.as_ref())),
                    )
                    .chain(
                        op.responses
                            .iter()
                            .flat_map(|r| r.content.iter().filter_map(|c| c.schema.as_ref())),
                    );
                for schema in schemas {
                    self.collect_references(schema, &mut referenced);
                }
            }
            stack.extend(referenced);
        }
        let mut seen = BTreeSet::new();
        while let Some(index) = stack.pop() {
            if !seen.insert(index) {
                continue;
            }
            let mut referenced = Vec::new();
            self.collect_references(&self.spec.schemas[index].schema, &mut referenced);
            stack.extend(referenced);
        }
        seen
    }

    pub(super) fn collect_references(&mut self, schema: &SchemaObject, out: &mut Vec<usize>) {
        if let Some(reference) = &schema.reference {
            out.extend(self.resolve(reference, schema.location()));
        }
        if schema.has_type(InstanceType::String)
            && let Some(linked) = self.linked_enum(schema)
        {
            out.push(linked);
        }
        let children = schema
            .properties
            .iter()
            .map(|(_, s)| s)
            .chain(schema.items.as_deref())
            .chain(match &schema.additional_properties {
                Some(Additional::Schema(s)) => Some(&**s),
                _ => None,
            })
            .chain(&schema.all_of)
            .chain(&schema.one_of)
            .chain(&schema.any_of);
        for child in children {
            self.collect_references(child, out);
        }
    }
}

/// A `$ref` fragment is a URI fragment: `%7B` is `{`.
pub(crate) fn percent_decode(fragment: &str) -> String {
    let bytes = fragment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = fragment.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
