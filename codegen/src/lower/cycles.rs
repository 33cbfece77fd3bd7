//! Boxing: the fields that close cycles of by-value types, or nest too deep.

use super::*;

/// The struct or union a value holds by value, through aliases; `None` for anything on the heap.
fn by_value_target(space: &TypeSpace, shape: &Shape) -> Option<TypeId> {
    let mut ty = &shape.ty;
    loop {
        match ty {
            TypeRef::Named(id) => match &space.get(*id).kind {
                TypeKind::Struct(_) | TypeKind::Union(_) => return Some(*id),
                TypeKind::Alias(inner) => ty = &inner.ty,
                // The user's type is theirs to size.
                TypeKind::Enum(_) | TypeKind::Extern(_) => return None,
            },
            _ => return None,
        }
    }
}

/// Boxes the field (or union variant) at each `(type, slot)`.
fn mark_boxed(space: &mut TypeSpace, slots: Vec<(TypeId, usize)>) {
    for (id, slot) in slots {
        match space.types.get_mut(&id).map(|def| &mut def.kind) {
            Some(TypeKind::Struct(s)) => s.fields[slot].boxed = true,
            Some(TypeKind::Union(u)) => u.variants[slot].boxed = true,
            _ => {}
        }
    }
}

/// Marks as boxed the fields (and union variants) that close a cycle of types containing each
/// other by value.
///
/// `Vec` and maps already put their contents on the heap, so only direct fields (optional or not)
/// and variants count. A depth-first walk in id order boxes each back edge, which breaks every
/// cycle; the walk is deterministic, so the same spec always boxes the same fields.
pub(super) fn box_cycles(space: &mut TypeSpace) {
    let edges: BTreeMap<TypeId, Vec<(usize, TypeId)>> = space
        .types
        .iter()
        .map(|(id, def)| {
            let shapes: Vec<&Shape> = match &def.kind {
                TypeKind::Struct(s) => s.fields.iter().map(|f| &f.shape).collect(),
                TypeKind::Union(u) => u.variants.iter().map(|v| &v.shape).collect(),
                _ => Vec::new(),
            };
            let out = shapes
                .into_iter()
                .enumerate()
                .filter_map(|(i, shape)| by_value_target(space, shape).map(|t| (i, t)))
                .collect();
            (*id, out)
        })
        .collect();

    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnStack,
        Done,
    }
    let mut marks: BTreeMap<TypeId, Mark> = edges.keys().map(|id| (*id, Mark::New)).collect();
    let mut boxed: Vec<(TypeId, usize)> = Vec::new();
    for &start in edges.keys() {
        if marks[&start] != Mark::New {
            continue;
        }
        // An explicit stack: real specs nest deeper than the default thread stack likes.
        let mut stack: Vec<(TypeId, usize)> = vec![(start, 0)];
        marks.insert(start, Mark::OnStack);
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            let out = &edges[&node];
            if *next == out.len() {
                marks.insert(node, Mark::Done);
                stack.pop();
                continue;
            }
            let (slot, to) = out[*next];
            *next += 1;
            match marks[&to] {
                Mark::OnStack => boxed.push((node, slot)),
                Mark::New => {
                    marks.insert(to, Mark::OnStack);
                    stack.push((to, 0));
                }
                Mark::Done => {}
            }
        }
    }
    mark_boxed(space, boxed);
}

/// A chain of `$ref`s that comes back to where it started without an object in between describes
/// no value at all (`A: {$ref: B}`, `B: {$ref: A}`); Rust would reject the aliases too.
pub(super) fn report_alias_cycles(spec: &Spec, space: &TypeSpace, diagnostics: &mut Diagnostics) {
    let alias_target = |id: TypeId| match &space.types.get(&id)?.kind {
        TypeKind::Alias(Shape {
            ty: TypeRef::Named(target),
            ..
        }) => Some(*target),
        _ => None,
    };
    let mut reported = BTreeSet::new();
    for &start in space.types.keys() {
        let mut chain = vec![start];
        let mut current = start;
        while let Some(next) = alias_target(current) {
            if let Some(at) = chain.iter().position(|id| *id == next) {
                let cycle = &chain[at..];
                let first = *cycle.iter().min().expect("a cycle has a member");
                if reported.insert(first) {
                    let names: Vec<&str> = cycle
                        .iter()
                        .map(|id| space.get(*id).spec_name.as_str())
                        .collect();
                    let location = spec
                        .schemas
                        .iter()
                        .find(|s| s.name == space.get(first).spec_name)
                        .map(|s| s.schema.location().clone())
                        .unwrap_or_else(|| Location::new("", ""));
                    diagnostics.error(
                        &location,
                        format!(
                            "`$ref` cycle with no object in between ({} -> {}): such a schema has \
                             no values; make one of them an object or remove a reference",
                            names.join(" -> "),
                            names[0]
                        ),
                    );
                }
                break;
            }
            chain.push(next);
            current = next;
        }
    }
}

/// How many structs deep a value may hold others by value before a field is boxed.
const MAX_INLINE_DEPTH: usize = 12;

/// Boxes fields where structs would hold too many others by value, one inside the other.
///
/// Without cycles a chain of by-value fields still has a size: a schema whose `parent` refers to
/// the previous of 2,000 schemas makes the last struct hold all 2,000, which overflows stacks and
/// rustc's drop check. Depth is counted along unboxed struct fields (and union variants); a field
/// whose target is already `MAX_INLINE_DEPTH` deep is boxed, which no real vSphere type reaches.
pub(super) fn box_deep_nesting(space: &mut TypeSpace) {
    fn slots(def: &TypeDef) -> Vec<(usize, &Shape, bool)> {
        match &def.kind {
            TypeKind::Struct(s) => s
                .fields
                .iter()
                .enumerate()
                .map(|(i, f)| (i, &f.shape, f.boxed))
                .collect(),
            TypeKind::Union(u) => u
                .variants
                .iter()
                .enumerate()
                .map(|(i, v)| (i, &v.shape, v.boxed))
                .collect(),
            _ => Vec::new(),
        }
    }
    // After `box_cycles` the by-value graph is acyclic, so a post-order walk gives each type's
    // depth after those of everything it holds.
    let mut depth: BTreeMap<TypeId, usize> = BTreeMap::new();
    let mut boxed: Vec<(TypeId, usize)> = Vec::new();
    let ids: Vec<TypeId> = space.types.keys().copied().collect();
    for start in ids {
        let mut stack = vec![(start, false)];
        while let Some((id, expanded)) = stack.pop() {
            if depth.contains_key(&id) {
                continue;
            }
            let out: Vec<(usize, TypeId)> = slots(space.get(id))
                .into_iter()
                .filter(|(_, _, boxed)| !boxed)
                .filter_map(|(i, shape, _)| by_value_target(space, shape).map(|t| (i, t)))
                .collect();
            if !expanded {
                stack.push((id, true));
                stack.extend(
                    out.iter()
                        .map(|(_, t)| (*t, false))
                        .filter(|(t, _)| !depth.contains_key(t)),
                );
                continue;
            }
            let mut deepest = 0;
            for (slot, target) in out {
                let target_depth = depth.get(&target).copied().unwrap_or(0);
                if target_depth >= MAX_INLINE_DEPTH {
                    boxed.push((id, slot));
                } else {
                    deepest = deepest.max(target_depth);
                }
            }
            depth.insert(id, deepest + 1);
        }
    }
    mark_boxed(space, boxed);
}
