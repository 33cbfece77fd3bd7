//! The only place that turns spec names into Rust names.
//!
//! - Dotted vAPI names become module paths: the longest dotted prefix that is itself a schema is
//!   the parent type, the segments before the first type are modules in `snake_case`, and a type
//!   nested in a type lives in a module named after the parent (as prost does for nested messages).
//!   Names without dots stay at the root.
//! - Types and variants are `UpperCamelCase`, fields and modules `snake_case`; keywords get `r#`, or a
//!   trailing `_` where `r#` is not allowed; a name that starts with a digit gets a prefix.
//! - Collisions after conversion are resolved deterministically: the spec name that sorts first keeps
//!   the plain name and the others get `2`, `3`, … in sorted order.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

use crate::ir::RustPath;

/// Rust's keywords in edition 2024, strict and reserved.
const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["Self", "crate", "self", "super"];

/// What every generated crate re-exports from the runtime at its root, next to the generated
/// root types, in rustfmt's order.
/// Standalone crates re-export exactly these; `generated/src/lib.rs` does too (a test checks it).
pub(crate) const RUNTIME_EXPORTS: &[&str] = &[
    "AdditionalProperties",
    "Code",
    "DateTime",
    "DateTimeError",
    "Mode",
    "UnknownValue",
    "Validate",
    "ValidationError",
    "ValidationErrors",
    "from_slice",
    "from_slice_with",
    "from_str",
    "from_str_with",
    "from_value",
    "from_value_with",
    "validate_value",
    "validate_value_with",
];

/// The prelude types that generated code names: a generated type of one of these names would
/// shadow it.
pub(crate) const PRELUDE_TYPES: &[&str] = &["Option", "String", "Vec", "Box"];

/// The crate-root module that holds the generated tree (`mod types;`, re-exported with
/// `pub use types::*`); a spec namespace of that name gets a `_`, or `crate::types::…` would
/// name the tree instead of the namespace.
pub(crate) const TREE_MODULE: &str = "types";

/// The crate-root module that holds the operations (`ops::ListPets`); a spec namespace of that
/// name gets a `_`, as `types` does.
pub(crate) const OPERATIONS_MODULE: &str = "ops";

/// The constructor of structs and request structs (`Pet::new(name)`); a field with a default whose
/// getter would take this name has no getter.
pub(crate) const CONSTRUCTOR: &str = "new";

/// Whether a module at the crate root would take a name the generator keeps for itself.
fn reserved_root_module(name: &str) -> bool {
    name == TREE_MODULE || name == OPERATIONS_MODULE
}

/// Keeps identifiers unique within each scope (a module, a struct, an enum).
#[derive(Debug, Default)]
pub(crate) struct Namespace {
    taken: BTreeSet<String>,
}

impl Namespace {
    /// Takes `wanted`, or `wanted2`, `wanted3`, … when it is already taken.
    pub(crate) fn claim(&mut self, wanted: &str) -> String {
        if self.taken.insert(wanted.to_owned()) {
            return wanted.to_owned();
        }
        // A raw identifier gets its suffix after the `r#`, which then no longer needs it.
        let base = wanted.strip_prefix("r#").unwrap_or(wanted);
        // `_1` and `V1` become `_1_2` and `V1_2`, not `_12` and `V12`, which read as twelve.
        let separator = if base.ends_with(|c: char| c.is_ascii_digit()) {
            "_"
        } else {
            ""
        };
        (2..)
            .map(|n| format!("{base}{separator}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .expect("invariant: some numbered name is free")
    }
}

/// The types of every module, so that names stay unique as types are added.
#[derive(Debug)]
pub(crate) struct ModuleNames {
    modules: BTreeMap<Vec<String>, Namespace>,
}

impl Default for ModuleNames {
    fn default() -> ModuleNames {
        let mut root = Namespace::default();
        for export in RUNTIME_EXPORTS {
            root.taken.insert((*export).to_owned());
        }
        ModuleNames {
            modules: BTreeMap::from([(Vec::new(), root)]),
        }
    }
}

impl ModuleNames {
    /// Where each schema goes, in the order of `names`, with the name each wanted when it had to
    /// take another because of a collision. A dotted name (`true` beside it: a schema key) is a
    /// vAPI path of modules; any other (a document's root, see [`root_type_name`]) is one type at
    /// the root.
    pub(crate) fn schema_paths(
        &mut self,
        names: &[(&str, bool)],
    ) -> Vec<(RustPath, Option<String>)> {
        let known: HashMap<&str, usize> = names
            .iter()
            .enumerate()
            .filter(|(_, (_, dotted))| *dotted)
            .map(|(i, (n, _))| (*n, i))
            .collect();
        fn segments_of((name, dotted): (&str, bool)) -> Vec<&str> {
            if dotted {
                name.split('.').collect()
            } else {
                vec![name]
            }
        }
        let mut paths: Vec<Option<RustPath>> = vec![None; names.len()];
        let mut wanted_names: Vec<Option<String>> = vec![None; names.len()];

        // Parents have fewer segments than their children, so naming shallow names first means a
        // parent's final (deduplicated) name is known before its children need it as a module
        // name. Within one depth, sorting by spec name makes the collision winner independent of
        // the order of the files.
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by_key(|&i| (segments_of(names[i]).len(), names[i].0));
        for i in order {
            let name = names[i].0;
            let segments = segments_of(names[i]);
            let parent = (1..segments.len()).rev().find_map(|k| {
                let prefix_len = segments[..k].iter().map(|s| s.len() + 1).sum::<usize>() - 1;
                known.get(&name[..prefix_len]).map(|&p| (k, p))
            });
            let (mut module, rest) = match parent {
                Some((k, p)) => {
                    let parent_path = paths[p]
                        .as_ref()
                        .expect("invariant: parents are named before their children");
                    (nested_module(parent_path), &segments[k..])
                }
                None => (Vec::new(), &segments[..]),
            };
            let (last, inner) = rest
                .split_last()
                .expect("invariant: `split` yields at least one segment");
            module.extend(inner.iter().map(|segment| module_ident(segment)));
            if module
                .first()
                .is_some_and(|first| reserved_root_module(first))
            {
                module[0].push('_');
            }
            let wanted = type_ident(last);
            let path = self.claim(module, &wanted);
            if path.name != wanted {
                wanted_names[i] = Some(wanted);
            }
            paths[i] = Some(path);
        }
        paths
            .into_iter()
            .zip(wanted_names)
            .map(|(path, wanted)| (path.expect("invariant: every schema was named"), wanted))
            .collect()
    }

    /// Where each operation goes, in the order of `names`, below [`OPERATIONS_MODULE`]: its
    /// request struct and its response enum (`ListPets`, `ListPetsResponse`). `names` are the
    /// operations' names as [`operation_name`] makes them.
    pub(crate) fn operation_paths(
        &mut self,
        names: &[(Vec<String>, String)],
    ) -> Vec<(RustPath, String)> {
        // In sorted order, so that which of two alike names gets the number does not depend on
        // the order of the spec.
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by(|&a, &b| names[a].cmp(&names[b]));
        let mut out = vec![None; names.len()];
        for i in order {
            let (modules, name) = &names[i];
            let mut module = vec![OPERATIONS_MODULE.to_owned()];
            module.extend(modules.iter().map(|m| module_ident(m)));
            let namespace = self.modules.entry(module.clone()).or_default();
            let request = namespace.claim(&type_ident(name));
            let response = namespace.claim(&format!("{request}Response"));
            out[i] = Some((
                RustPath {
                    module,
                    name: request,
                },
                response,
            ));
        }
        out.into_iter()
            .map(|path| path.expect("invariant: every operation was named"))
            .collect()
    }

    /// A type defined inline in `parent` (a property's object or enum): `parent_module::Wanted`.
    pub(crate) fn nested_path(&mut self, parent: &RustPath, wanted: &str) -> RustPath {
        self.claim(nested_module(parent), &type_ident(wanted))
    }

    fn claim(&mut self, module: Vec<String>, wanted: &str) -> RustPath {
        let name = self
            .modules
            .entry(module.clone())
            .or_default()
            .claim(wanted);
        RustPath { module, name }
    }
}

/// The module that holds the types nested in `parent`.
pub(crate) fn nested_module(parent: &RustPath) -> Vec<String> {
    let mut module = parent.module.clone();
    let mut name = module_ident(&parent.name);
    if module.is_empty() && reserved_root_module(&name) {
        name.push('_');
    }
    module.push(name);
    module
}

/// A constant's name: `api_key_auth` is `API_KEY_AUTH`.
pub(crate) fn constant_ident(name: &str) -> String {
    let mut ident = ascii_words(name).to_shouty_snake_case();
    if ident.is_empty() || ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, 'C');
    }
    ident
}

/// An operation's name, as modules and a name: vAPI's dotted operation ids
/// (`Esx.Settings.Clusters.Software_stage$Task`, with `vapi`) give modules and the method
/// (`esx::settings::clusters::software`, `StageTask`); any other `operationId` is the name
/// (`listPets`); an operation without one, or whose id another operation shares (OpenAPI
/// wants them unique, and real specs break that), is named from its method and path key
/// (`get /pets/{petId}` is `GetPetsPetId`), which only it has.
pub(crate) fn operation_name(
    operation_id: Option<&str>,
    unique: bool,
    method: &str,
    path_key: &str,
    vapi: bool,
) -> (Vec<String>, String) {
    match operation_id {
        Some(id) if unique => {
            if vapi
                && let Some((service, method)) = id.rsplit_once('_')
                && service.contains('.')
            {
                return (
                    service.split('.').map(str::to_owned).collect(),
                    method.to_owned(),
                );
            }
            (Vec::new(), id.to_owned())
        }
        _ => (Vec::new(), format!("{method} {path_key}")),
    }
}

/// The variant of a response enum for a status: its reason phrase (`200` is `Ok`, `404`
/// `NotFound`), `Status418` where the status has none, `Status2xx` for a range, `Default`.
pub(crate) fn status_variant(status: &str) -> String {
    if status == "default" {
        return "Default".to_owned();
    }
    if let Some(hundreds) = status
        .strip_suffix("XX")
        .or_else(|| status.strip_suffix("xx"))
    {
        return format!("Status{hundreds}xx");
    }
    status
        .parse::<u16>()
        .ok()
        .and_then(|code| http::StatusCode::from_u16(code).ok())
        .and_then(|code| code.canonical_reason())
        .map_or_else(|| format!("Status{status}"), type_ident)
}

/// The name of a document's root schema's type: its `title` when that reads as a name (one line
/// of at most three words of letters, digits, `.`, `_` and `-`: `Kustomization`, `Pipeline
/// Config`), else the file's stem (`JSON schema for NPM package.json files` is `package`'s).
/// Either way one type at the root: a title's dots are prose.
pub(crate) fn root_type_name<'a>(title: &'a str, stem: &'a str) -> &'a str {
    let words = title.split_whitespace().count();
    let name_like = title
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | ' '));
    if (1..=3).contains(&words) && name_like && !ascii_words(title).trim().is_empty() {
        title
    } else {
        stem
    }
}

/// `UpperCamelCase` for a type, from any spec name.
pub(crate) fn type_ident(name: &str) -> String {
    let mut ident = ascii_words(name).to_upper_camel_case();
    if ident.is_empty() {
        ident = "Type".to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, 'T');
    }
    if ident == "Self" {
        ident.push('_');
    }
    ident
}

/// `UpperCamelCase` for an enum variant, from a wire value.
pub(crate) fn variant_ident(value: &str) -> String {
    let mut ident = ascii_words(value).to_upper_camel_case();
    if ident.is_empty() {
        ident = "Empty".to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, 'V');
    }
    if ident == "Self" {
        ident.push('_');
    }
    ident
}

/// The variant that keeps values the spec does not list: `Unknown`, unless a known value took it.
pub(crate) fn other_variant_ident(variants: &mut Namespace) -> String {
    let free = ["Unknown", "UnknownValue", "Other"]
        .into_iter()
        .find(|candidate| !variants.taken.contains(*candidate));
    variants.claim(free.unwrap_or("UnknownValue"))
}

/// `snake_case` for a struct field, from a property name.
pub(crate) fn field_ident(name: &str) -> String {
    snake_ident(name, "field")
}

/// `snake_case` for a module, from a dotted-name segment or a type name.
pub(crate) fn module_ident(name: &str) -> String {
    snake_ident(name, "module")
}

fn snake_ident(name: &str, fallback: &str) -> String {
    if is_snake_case(name) {
        // Most property names already are; case conversion would give them back unchanged.
        return escape_keyword(name.to_owned());
    }
    let mut ident = ascii_words(name).to_snake_case();
    if ident.is_empty() {
        ident = fallback.to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, '_');
    }
    escape_keyword(ident)
}

/// Lowercase ASCII words of letters and digits joined by single underscores, the first word
/// starting with a letter.
fn is_snake_case(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.split('_').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn escape_keyword(ident: String) -> String {
    if NOT_RAW.contains(&ident.as_str()) {
        format!("{ident}_")
    } else if KEYWORDS.contains(&ident.as_str()) {
        format!("r#{ident}")
    } else {
        ident
    }
}

/// Replaces what cannot be part of an ASCII identifier with word breaks, so that case conversion
/// sees `@odata.type` as the words `odata` and `type`. Non-ASCII letters are spelled out as their
/// code point (`é` becomes `u00e9`) so that distinct names stay distinct.
fn ascii_words(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    // A sign before a number is a word: `+1` and `-1` (GitHub's reactions) are `plus_1` and
    // `minus_1`, not two `_1`s.
    let mut chars = name.chars().peekable();
    if let Some(sign @ ('+' | '-')) = chars.peek().copied()
        && name[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        out.push_str(if sign == '+' { "plus " } else { "minus " });
        chars.next();
    }
    for c in chars {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c.is_alphanumeric() {
            out.push_str(&format!(" u{:04x} ", c as u32));
        } else {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn check_paths(names: &[&str], expect: Expect) {
        let dotted: Vec<(&str, bool)> = names.iter().map(|name| (*name, true)).collect();
        let paths = ModuleNames::default().schema_paths(&dotted);
        let rendered: Vec<String> = names
            .iter()
            .zip(paths)
            .map(|(name, (path, _))| {
                let mut full = path.module.clone();
                full.push(path.name);
                format!("{name} -> {}", full.join("::"))
            })
            .collect();
        expect.assert_eq(&rendered.join("\n"));
    }

    #[test]
    fn dotted_names_become_modules_and_nested_types() {
        check_paths(
            &[
                "Esx.Settings.Clusters.Software.StageStatus",
                "Esx.Settings.Clusters.Software.StageStatus.Status",
                "Esx.Settings.Notification",
                "Esx.Settings.Notification.Type",
                "Vapi.Std.LocalizableMessage",
                "Cis.Task.Progress",
                "A.B.C.D",
                "A.B",
                "VapiStdErrorsError",
            ],
            expect![[r#"
                Esx.Settings.Clusters.Software.StageStatus -> esx::settings::clusters::software::StageStatus
                Esx.Settings.Clusters.Software.StageStatus.Status -> esx::settings::clusters::software::stage_status::Status
                Esx.Settings.Notification -> esx::settings::Notification
                Esx.Settings.Notification.Type -> esx::settings::notification::Type
                Vapi.Std.LocalizableMessage -> vapi::std::LocalizableMessage
                Cis.Task.Progress -> cis::task::Progress
                A.B.C.D -> a::b::c::D
                A.B -> a::B
                VapiStdErrorsError -> VapiStdErrorsError"#]],
        );
    }

    #[test]
    fn collisions_are_numbered_in_sorted_order_of_spec_names() {
        check_paths(
            &[
                "foo_bar",
                "FooBar",
                "Foo-Bar",
                "X.Self",
                "X.self",
                "DateTime",
                "Runtime.X",
                "Types.X",
            ],
            expect![[r#"
                foo_bar -> FooBar3
                FooBar -> FooBar2
                Foo-Bar -> FooBar
                X.Self -> x::Self_
                X.self -> x::Self_2
                DateTime -> DateTime2
                Runtime.X -> runtime::X
                Types.X -> types_::X"#]],
        );
    }

    #[test]
    fn a_renamed_parent_names_the_module_of_its_children() {
        check_paths(
            &["A.foo", "A.Foo", "A.foo.Inner"],
            expect![[r#"
                A.foo -> a::Foo2
                A.Foo -> a::Foo
                A.foo.Inner -> a::foo2::Inner"#]],
        );
    }

    #[test]
    fn identifiers() {
        let cases = [
            "type",
            "self",
            "Self",
            "crate",
            "1st",
            "@odata.type",
            "default_message",
            "EULA",
            "Master_DNS_names",
            "",
            "café",
            "gen",
            "+1",
            "-1",
            "-x",
        ];
        let rendered: Vec<String> = cases
            .iter()
            .map(|c| {
                format!(
                    "{c:?}: field {} variant {}",
                    field_ident(c),
                    variant_ident(c)
                )
            })
            .collect();
        expect![[r#"
            "type": field r#type variant Type
            "self": field self_ variant Self_
            "Self": field self_ variant Self_
            "crate": field crate_ variant Crate
            "1st": field _1st variant V1st
            "@odata.type": field odata_type variant OdataType
            "default_message": field default_message variant DefaultMessage
            "EULA": field eula variant Eula
            "Master_DNS_names": field master_dns_names variant MasterDnsNames
            "": field field variant Empty
            "café": field caf_u00e9 variant CafU00e9
            "gen": field r#gen variant Gen
            "+1": field plus_1 variant Plus1
            "-1": field minus_1 variant Minus1
            "-x": field x variant X"#]]
        .assert_eq(&rendered.join("\n"));
    }

    proptest::proptest! {
        /// The shortcut for names already in `snake_case` gives what case conversion gives.
        #[test]
        fn snake_case_names_are_kept_as_case_conversion_keeps_them(
            name in "[a-z][a-z0-9]{0,5}(_[a-z0-9]{1,4}){0,3}",
        ) {
            proptest::prop_assert!(is_snake_case(&name));
            proptest::prop_assert_eq!(ascii_words(&name).to_snake_case(), name);
        }

        #[test]
        fn any_name_the_shortcut_takes_converts_to_itself(name in "[a-zA-Z0-9_]{0,8}") {
            let converted = ascii_words(&name).to_snake_case();
            if is_snake_case(&name) {
                proptest::prop_assert_eq!(converted, name);
            }
        }
    }

    #[test]
    fn a_number_is_not_extended_by_its_collision_suffix() {
        let mut names = Namespace::default();
        assert_eq!(names.claim("_1"), "_1");
        assert_eq!(names.claim("_1"), "_1_2");
        assert_eq!(names.claim("V1"), "V1");
        assert_eq!(names.claim("V1"), "V1_2");
        assert_eq!(names.claim("Foo"), "Foo");
        assert_eq!(names.claim("Foo"), "Foo2");
    }

    #[test]
    fn the_catch_all_variant_avoids_known_values() {
        let mut plain = Namespace::default();
        plain.claim("Running");
        assert_eq!(other_variant_ident(&mut plain), "Unknown");
        let mut taken = Namespace::default();
        taken.claim("Unknown");
        assert_eq!(other_variant_ident(&mut taken), "UnknownValue");
    }
}
