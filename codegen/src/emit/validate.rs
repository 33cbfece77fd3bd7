//! IR -> tokens for validators: the rules of each field, and the `impl Validate` of the types
//! whose validator the runtime's macros do not write.
//!
//! `serde_struct!` validates a struct's fields (and writes the whole impl unless the struct has
//! extra properties or property counts) and `open_enum!` an enum's values; what is left here is
//! the extra checks of those structs, and unions. The generated code only lists what the spec says
//! (which field, which rules); the work is done by the runtime's shared helpers. Constraints are
//! emitted as constant `Rule` slices that the typed and the raw-JSON paths share.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::Scope;
use super::syntax::ident;
use crate::ir::{Rule, Shape, StructDef, TypeDef, TypeKind, TypeRef, UnionDef};

/// The `impl Validate` of one type; aliases use the impl of the type they name.
pub(crate) fn emit_validate(scope: &Scope<'_>, def: &TypeDef) -> TokenStream {
    let name = ident(&def.path.name);
    // The raw-JSON check (`check_json`) is the trait's own: the type's compiled schema.
    let validate_at = match &def.kind {
        // `serde_struct!` implements it from the fields, or through the schema.
        TypeKind::Struct(s) if !def.exact || validated_by_fields(s) => return TokenStream::new(),
        TypeKind::Struct(s) => struct_validate_at(s),
        // `open_enum!` implements it.
        TypeKind::Enum(_) => return TokenStream::new(),
        TypeKind::Union(u) => union_validate_at(u),
        TypeKind::Alias(shape) => newtype_validate_at(shape),
        // The user's type implements it.
        TypeKind::Extern(_) => return TokenStream::new(),
    };
    // A type whose typed checks cannot say all its schema says is checked by the schema.
    let validate_at = if def.exact {
        validate_at
    } else {
        quote!(::specgen_runtime::validate_by_schema(self, at, report);)
    };
    let schema = schema_fn(scope, def);
    quote! {
                impl ::specgen_runtime::Validate for #name {
            #[inline]
            fn validate_at(&self, at: &::specgen_runtime::Path<'_>, report: &mut ::specgen_runtime::Report) {
                #validate_at
            }

            #schema
        }
    }
}

/// `schema = (root::__SCHEMAS, node, exact)`, the argument of the runtime's macros that says
/// where a type's compiled schema is; nothing for a type without one.
pub(crate) fn schema_arg(scope: &Scope<'_>, def: &TypeDef) -> TokenStream {
    let Some(node) = def.node else {
        return TokenStream::new();
    };
    let schemas = schemas_path(scope);
    let node = Literal::u32_unsuffixed(node);
    let exact = def.exact;
    quote!(schema = (#schemas, #node, #exact),)
}

/// The path of the tree's compiled schemas: `__SCHEMAS` in the tree's root module, where it is
/// declared, `crate::__SCHEMAS` (or the root's path) elsewhere. No generated name has the form.
pub(crate) fn schemas_path(scope: &Scope<'_>) -> TokenStream {
    if scope.module.is_empty() {
        return quote!(__SCHEMAS);
    }
    let root = scope.space.root.iter().map(|segment| ident(segment));
    quote!(#(#root::)*__SCHEMAS)
}

fn schema_fn(scope: &Scope<'_>, def: &TypeDef) -> TokenStream {
    let Some(node) = def.node else {
        return TokenStream::new();
    };
    let schemas = schemas_path(scope);
    let node = Literal::u32_unsuffixed(node);
    let exact = def.exact;
    quote! {
        #[inline]
        fn schema() -> ::std::option::Option<::specgen_runtime::Schema> {
            ::std::option::Option::Some(::specgen_runtime::Schema { schemas: &#schemas, node: #node, exact: #exact })
        }
    }
}

/// A newtype's checks: its value's, with the rules of its schema.
fn newtype_validate_at(shape: &Shape) -> TokenStream {
    let rules = rules(shape)
        .map(|rules| quote!(::specgen_runtime::check_rules(&self.0, #rules, at, report);));
    quote! {
        ::specgen_runtime::Validate::validate_at(&self.0, at, report);
        #rules
    }
}

/// Whether `serde_struct!` writes the struct's `impl Validate` from its fields: all structs but
/// those whose other properties have checks of their own, or with property counts, whose impl is
/// written here.
pub(crate) fn validated_by_fields(s: &StructDef) -> bool {
    let others_checked = s
        .additional
        .as_ref()
        .is_some_and(|(_, shape)| contains_named(&shape.ty) || rules(shape).is_some());
    !others_checked && s.rules.is_empty()
}

/// The explicit impl, for structs with extra properties or property counts: the fields as
/// `serde_struct!` checks them (`validate_fields`), then what only this struct checks.
fn struct_validate_at(s: &StructDef) -> TokenStream {
    let mut body = vec![quote!(::specgen_runtime::validate_fields(self, at, report);)];
    if let Some((field, shape)) = &s.additional {
        let name = ident(field);
        if contains_named(&shape.ty) {
            body.push(quote!(::specgen_runtime::Validate::validate_at(&self.#name, at, report);));
        }
        if let Some(rules) = rules(shape) {
            body.push(quote!(::specgen_runtime::check_rules(&self.#name, &[::specgen_runtime::Rule::Values(#rules)], at, report);));
        }
    }
    if let Some(rules) = rules_tokens(&s.rules) {
        // Required fields are always present; optional ones count when they are `Some`.
        let required = s.fields.iter().filter(|f| f.required).count();
        let mut terms: Vec<TokenStream> = s
            .fields
            .iter()
            .filter(|f| !f.required)
            .map(|f| {
                let name = ident(&f.ident);
                quote!(usize::from(self.#name.is_some()))
            })
            .collect();
        if required > 0 || terms.is_empty() {
            terms.push(quote!(#required));
        }
        body.push(quote! {
            ::specgen_runtime::check_property_count(#(#terms)+*, #rules, at, report);
        });
    }
    quote!(#(#body)*)
}

fn union_validate_at(u: &UnionDef) -> TokenStream {
    let idents: Vec<_> = u.variants.iter().map(|v| ident(&v.ident)).collect();
    let arms = u.variants.iter().zip(&idents).map(|(variant, name)| {
        let rules = rules(&variant.shape)
            .map(|rules| quote!(::specgen_runtime::check_rules(value, #rules, at, report);));
        quote! {
            Self::#name(value) => {
                ::specgen_runtime::Validate::validate_at(value, at, report);
                #rules
            }
        }
    });
    let Some(tag) = &u.tag else {
        return quote!(match self { #(#arms)* });
    };
    let other = ident(&tag.other_ident);
    let property = &tag.property;
    let tags: Vec<&String> = u.variants.iter().flat_map(|v| &v.tag_values).collect();
    quote! {
        match self {
            #(#arms)*
            Self::#other(value) => ::specgen_runtime::unknown_tag(value, #property, &[#(#tags),*], at, report),
        }
    }
}

/// `true` when a value of this type can hold a generated type, whose validation must run.
fn contains_named(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Named(_) => true,
        TypeRef::Vec(inner) | TypeRef::Map(inner) => contains_named(&inner.ty),
        _ => false,
    }
}

/// The rules of a value, including those of its items or map values; `None` when there are none.
fn rules(shape: &Shape) -> Option<TokenStream> {
    shape_rules(shape).map(|rules| quote!(&[#(#rules),*]))
}

/// The rules of a value that its type does not check itself, or `None` when there are none.
pub(crate) fn shape_rules(shape: &Shape) -> Option<Vec<TokenStream>> {
    let rules = rule_list(shape);
    (!rules.is_empty()).then_some(rules)
}

fn rule_list(shape: &Shape) -> Vec<TokenStream> {
    let mut rules: Vec<TokenStream> = shape.rules.iter().map(rule_tokens).collect();
    match &shape.ty {
        TypeRef::Vec(items) => {
            if let Some(inner) = self::rules(items) {
                rules.push(quote!(::specgen_runtime::Rule::Items(#inner)));
            }
        }
        TypeRef::Map(values) => {
            if let Some(inner) = self::rules(values) {
                rules.push(quote!(::specgen_runtime::Rule::Values(#inner)));
            }
        }
        _ => {}
    }
    rules
}

fn rules_tokens(rules: &[Rule]) -> Option<TokenStream> {
    let rules: Vec<TokenStream> = rules.iter().map(rule_tokens).collect();
    (!rules.is_empty()).then(|| quote!(&[#(#rules),*]))
}

/// A limit as the runtime's `Num`, exact: an integer stays one (`maximum: 9223372036854775807`
/// is not rounded to 2^63), a float is written as the spec wrote it (`Float(0.5)`).
fn number(n: &serde_json::Number) -> TokenStream {
    let integer = n
        .as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from));
    match integer {
        Some(i) => {
            let i = Literal::i128_unsuffixed(i);
            quote!(::specgen_runtime::Num::Int(#i))
        }
        None => {
            let f = Literal::f64_unsuffixed(n.as_f64().unwrap_or(f64::NAN));
            quote!(::specgen_runtime::Num::Float(#f))
        }
    }
}

fn rule_tokens(check: &Rule) -> TokenStream {
    let rule = |variant: TokenStream| quote!(::specgen_runtime::Rule::#variant);
    let u = |n: &u64| Literal::u64_unsuffixed(*n);
    match check {
        Rule::Minimum(n) => {
            let n = number(n);
            rule(quote!(Minimum(#n)))
        }
        Rule::Maximum(n) => {
            let n = number(n);
            rule(quote!(Maximum(#n)))
        }
        Rule::ExclusiveMinimum(n) => {
            let n = number(n);
            rule(quote!(ExclusiveMinimum(#n)))
        }
        Rule::ExclusiveMaximum(n) => {
            let n = number(n);
            rule(quote!(ExclusiveMaximum(#n)))
        }
        Rule::MultipleOf(n) => {
            let n = number(n);
            rule(quote!(MultipleOf(#n)))
        }
        Rule::MinLength(n) => {
            let n = u(n);
            rule(quote!(MinLength(#n)))
        }
        Rule::MaxLength(n) => {
            let n = u(n);
            rule(quote!(MaxLength(#n)))
        }
        Rule::Pattern(p) => rule(quote!(Pattern(#p))),
        Rule::Format(format) => {
            let Some(known) = specgen_runtime::schema::format::Format::from_name(format) else {
                panic!("invariant: `lower` only emits formats the runtime checks, not `{format}`");
            };
            // The variant's name is its `Debug` form (`UriTemplate`).
            let variant = ident(&format!("{known:?}"));
            rule(quote!(Format(::specgen_runtime::Format::#variant)))
        }
        Rule::MinItems(n) => {
            let n = u(n);
            rule(quote!(MinItems(#n)))
        }
        Rule::MaxItems(n) => {
            let n = u(n);
            rule(quote!(MaxItems(#n)))
        }
        Rule::UniqueItems => rule(quote!(UniqueItems)),
        Rule::Enum(values) => rule(quote!(Enum(&[#(#values),*]))),
        Rule::MinProperties(n) => {
            let n = u(n);
            rule(quote!(MinProperties(#n)))
        }
        Rule::MaxProperties(n) => {
            let n = u(n);
            rule(quote!(MaxProperties(#n)))
        }
    }
}
