//! Turns OpenAPI 3 and JSON Schema specs into Rust types.
//!
//! The pipeline runs in one direction: spec files are loaded (`load`), read into a typed view
//! (`spec`), lowered to an IR of Rust types (`lower`, named by `naming`), emitted as syntax trees
//! (`emit`) and printed as text (`render`). [`generate`] runs it and returns the files; it writes
//! nothing, so the caller (`xtask`) decides what to do with them.

#![deny(missing_docs)]

mod builder;
pub mod diff;
pub mod disk;
mod docs;
mod emit;
mod error;
mod fidelity;
pub mod ir;
mod load;
mod lower;
mod naming;
pub mod options;
mod parallel;
mod program;
mod render;
mod resolve;
mod spec;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use builder::{BuildError, Builder};
pub use error::{Diagnostic, Error, Location};

/// The runtime crate's sources, for the copy that a standalone crate carries next to it: the
/// files compiled and tested in `runtime/`, verbatim.
const RUNTIME_SOURCES: &[(&str, &str)] = &[
    ("lib.rs", include_str!("../../runtime/src/lib.rs")),
    (
        "additional.rs",
        include_str!("../../runtime/src/additional.rs"),
    ),
    (
        "date_time.rs",
        include_str!("../../runtime/src/date_time.rs"),
    ),
    ("decode.rs", include_str!("../../runtime/src/decode.rs")),
    ("http/mod.rs", include_str!("../../runtime/src/http/mod.rs")),
    (
        "http/client.rs",
        include_str!("../../runtime/src/http/client.rs"),
    ),
    (
        "http/params.rs",
        include_str!("../../runtime/src/http/params.rs"),
    ),
    (
        "http/reqwest_transport.rs",
        include_str!("../../runtime/src/http/reqwest_transport.rs"),
    ),
    (
        "http/tests.rs",
        include_str!("../../runtime/src/http/tests.rs"),
    ),
    (
        "http/ureq_transport.rs",
        include_str!("../../runtime/src/http/ureq_transport.rs"),
    ),
    (
        "open_enum.rs",
        include_str!("../../runtime/src/open_enum.rs"),
    ),
    (
        "schemars_impls.rs",
        include_str!("../../runtime/src/schemars_impls.rs"),
    ),
    (
        "serde_helpers.rs",
        include_str!("../../runtime/src/serde_helpers.rs"),
    ),
    ("structs.rs", include_str!("../../runtime/src/structs.rs")),
    ("validate.rs", include_str!("../../runtime/src/validate.rs")),
    ("vapi.rs", include_str!("../../runtime/src/vapi.rs")),
    (
        "schema/mod.rs",
        include_str!("../../runtime/src/schema/mod.rs"),
    ),
    (
        "schema/error.rs",
        include_str!("../../runtime/src/schema/error.rs"),
    ),
    (
        "schema/eval.rs",
        include_str!("../../runtime/src/schema/eval.rs"),
    ),
    (
        "schema/json.rs",
        include_str!("../../runtime/src/schema/json.rs"),
    ),
    (
        "schema/keyword.rs",
        include_str!("../../runtime/src/schema/keyword.rs"),
    ),
    (
        "schema/program.rs",
        include_str!("../../runtime/src/schema/program.rs"),
    ),
    (
        "schema/format/mod.rs",
        include_str!("../../runtime/src/schema/format/mod.rs"),
    ),
    (
        "schema/format/idna.rs",
        include_str!("../../runtime/src/schema/format/idna.rs"),
    ),
    (
        "schema/format/idna_tables.rs",
        include_str!("../../runtime/src/schema/format/idna_tables.rs"),
    ),
];

/// The runtime crate's package name and version: generated manifests depend on exactly this.
pub(crate) const RUNTIME_PACKAGE: &str = "specgen-runtime";
const RUNTIME_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What to generate from which specs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The folder that the paths in `specs` are relative to; they are shown as given in messages
    /// and headers. An empty path is the current directory.
    pub base_dir: PathBuf,
    /// Spec files, JSON or YAML. They share one namespace: a schema name must be unique across them.
    pub specs: Vec<PathBuf>,
    /// Schemas to generate, with everything they reference. Empty means every schema.
    pub roots: Vec<String>,
    /// What to produce.
    pub target: Target,
    /// Derives, attributes and replacements the user asks for.
    pub customize: Customize,
    /// Folders that hold the documents of a URI prefix (`http://example.com/schemas/` →
    /// `schemas/`): references to such URIs are resolved from the files there, never fetched.
    pub uri_folders: Vec<(String, PathBuf)>,
    /// The `$schema` of JSON Schema documents that name none (`None`: draft 2020-12).
    pub default_schema: Option<String>,
    /// Whether `format` is an assertion (`None`: as each document's dialect says: an assertion
    /// in drafts 4 to 7 and OpenAPI 3.0, an annotation in 2019-09, 2020-12 and OpenAPI 3.1).
    pub format_assertion: Option<bool>,
    /// The specs follow vAPI's conventions (VMware's vSphere Automation API): an optional
    /// property may be `null`, which means the same as absent (in the types and in validation),
    /// and a string property whose description says `For more information see: *X*.` has the
    /// enum `X`'s type. Other specs keep JSON Schema's verdict and their descriptions are prose.
    pub vapi: bool,
    /// Structs keep the properties their schema does not name (unless it forbids them) in a map,
    /// and encode them back, so that a document decoded and encoded again loses nothing. `false`
    /// skips them while decoding, for speed, where a crate never writes back what it read.
    pub keep_unknown_properties: bool,
}

/// Every JSON or YAML file below each of `folders`, under its URI prefix.
fn load_uri_folders(
    base_dir: &Path,
    folders: &[(String, PathBuf)],
) -> Result<Vec<(String, serde_json::Value)>, Error> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|entry| entry.path());
        for entry in entries {
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                walk(&path, out)?;
            } else if path
                .extension()
                .is_some_and(|ext| ext == "json" || ext == "yaml" || ext == "yml")
            {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut documents = Vec::new();
    for (prefix, folder) in folders {
        let root = base_dir.join(folder);
        let mut files = Vec::new();
        walk(&root, &mut files).map_err(|source| Error::Read {
            path: folder.clone(),
            source,
        })?;
        for file in files {
            let relative = file.strip_prefix(&root).unwrap_or(&file);
            let shown = folder.join(relative);
            let document = load::load_document(base_dir, &shown)?;
            let uri = format!("{prefix}{}", relative.to_string_lossy().replace('\\', "/"));
            documents.push((uri, document.root));
        }
    }
    Ok(documents)
}

/// What a user adds to the generated types, by the spec names of the schemas (`Pet`,
/// `Esx.Settings.Notification`, or `Pet.status` for a type defined inline). A name that no
/// generated type has is an error.
#[derive(Debug, Clone, Default)]
pub struct Customize {
    /// Derives for every type that can take them (structs, enums, unions), as trait paths
    /// (`Hash`, `::my_crate::MyTrait`). A trait the type already has is not derived twice.
    pub derives: Vec<String>,
    /// Derives for one type each.
    pub type_derives: BTreeMap<String, Vec<String>>,
    /// Outer attributes for every type, as written: `#[non_exhaustive]`.
    pub attributes: Vec<String>,
    /// Outer attributes for one type each.
    pub type_attributes: BTreeMap<String, Vec<String>>,
    /// Schemas that are a type of the user's instead, by its Rust path
    /// (`crate::my::Timestamp`): the generated name becomes an alias of it. The type must
    /// implement `Serialize`, `Deserialize`, `Debug`, `Clone`, `PartialEq` and
    /// `specgen_runtime::Validate`.
    pub replacements: BTreeMap<String, String>,
}

impl Customize {
    /// Every derive, attribute and replacement that is not valid Rust, in words.
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        fn per_type(map: &BTreeMap<String, Vec<String>>) -> Vec<(Option<String>, &String)> {
            map.iter()
                .flat_map(|(name, items)| items.iter().map(move |item| (Some(name.clone()), item)))
                .collect()
        }
        fn everywhere(items: &[String]) -> Vec<(Option<String>, &String)> {
            items.iter().map(|item| (None, item)).collect()
        }
        let on = |name: &Option<String>| match name {
            Some(name) => format!(" for `{name}`"),
            None => String::new(),
        };
        for (name, derive) in everywhere(&self.derives)
            .into_iter()
            .chain(per_type(&self.type_derives))
        {
            if syn::parse_str::<syn::Path>(derive).is_err() {
                problems.push(format!(
                    "the derive `{derive}`{} is not a trait path such as `Hash` or `my_crate::MyTrait`",
                    on(&name)
                ));
            }
        }
        for (name, attribute) in everywhere(&self.attributes)
            .into_iter()
            .chain(per_type(&self.type_attributes))
        {
            let parsed = syn::parse::Parser::parse_str(syn::Attribute::parse_outer, attribute);
            if !parsed.is_ok_and(|attrs| !attrs.is_empty()) {
                problems.push(format!(
                    "the attribute `{attribute}`{} is not an outer attribute such as `#[non_exhaustive]`",
                    on(&name)
                ));
            }
        }
        for (name, path) in &self.replacements {
            if syn::parse_str::<syn::TypePath>(path).is_err() {
                problems.push(format!(
                    "the replacement `{path}` for `{name}` is not a type path such as `crate::my::Type`"
                ));
            }
        }
        problems
    }
}

/// The shape of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Only the module tree, as `src/types/*.rs`, for a crate that depends on `specgen-runtime`
    /// and whose hand-written `lib.rs` declares `mod types;` and re-exports it and the runtime's
    /// user-facing items (as `vsphere-types` does).
    Module,
    /// A standalone crate: `Cargo.toml`, `src/lib.rs` and the module tree, with a copy of the
    /// runtime crate in `specgen-runtime/` or one shared with other crates.
    Crate {
        /// The package name.
        name: String,
        /// The path from the crate's folder to a runtime crate that several generated crates
        /// share (`../specgen-runtime`), written by [`runtime_files`]; `None`: the crate's own
        /// copy in `specgen-runtime/`.
        runtime: Option<String>,
        /// The crate is a member of an enclosing workspace, so its manifest has no
        /// `[workspace]` of its own.
        workspace_member: bool,
    },
    /// One file, `<module>.rs`, that holds `pub mod <module> { … }` with every type and the
    /// runtime's user-facing items, for a crate to `include!` (from `OUT_DIR`, as
    /// [`Builder`] writes it). The crate depends on `specgen-runtime`, `serde` and `serde_json`.
    Include {
        /// The module's name.
        module: String,
        /// The Rust path of the module the file is included in: `crate`, or `crate::apis`.
        parent: String,
    },
}

impl Target {
    /// The folders, relative to the crate root, whose every file the generator owns: a file there
    /// that [`generate`] did not produce is stale.
    pub fn owned_dirs(&self) -> Vec<PathBuf> {
        match self {
            Target::Module => vec![PathBuf::from("src/types")],
            Target::Crate { runtime: None, .. } => {
                vec![PathBuf::from("src"), PathBuf::from(RUNTIME_PACKAGE)]
            }
            Target::Crate { .. } => vec![PathBuf::from("src")],
            Target::Include { .. } => Vec::new(),
        }
    }

    /// The Rust path of the tree's root module, as generated code names its types.
    fn root_path(&self) -> Vec<String> {
        match self {
            Target::Module | Target::Crate { .. } => vec!["crate".to_owned()],
            Target::Include { module, parent } => parent
                .split("::")
                .map(|segment| segment.trim().to_owned())
                .chain([module.clone()])
                .collect(),
        }
    }
}

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative to the crate root, with `/` separators.
    pub path: PathBuf,
    /// The full text.
    pub contents: String,
}

/// What [`generate`] produced.
#[derive(Debug)]
pub struct Output {
    /// The files, sorted by path.
    pub files: Vec<GeneratedFile>,
    /// Things the generator could not express exactly, sorted; the output is still usable.
    pub warnings: Vec<Diagnostic>,
    /// Every file that was read: the specs and the files their `$ref`s reach.
    pub sources: Vec<PathBuf>,
    /// The `recursion_limit` that a crate of these types needs, when rustc's default may not do
    /// (standalone crates set it themselves; a crate that includes the types must).
    pub recursion_limit: Option<usize>,
    /// Each generated type's Rust path below the tree's root (`esx::settings::Notification`),
    /// by the spec name of its schema (`Esx.Settings.Notification`).
    pub types: BTreeMap<String, String>,
}

/// The specs of a configuration, read and lowered to the IR: the half of the pipeline that
/// [`generate`] and [`diff`] share.
struct Lowered {
    documents: Vec<load::Document>,
    spec: spec::Spec,
    space: ir::TypeSpace,
    diagnostics: error::Diagnostics,
}

/// Loads `config`'s specs and lowers them; problems of the configuration are an error at once,
/// those of the specs are left in the diagnostics.
fn lower_config(config: &Config) -> Result<Lowered, Error> {
    let mut problems = config.customize.problems();
    if let Target::Include { module, parent } = &config.target {
        if syn::parse_str::<syn::Ident>(module).is_err() {
            problems.push(format!(
                "the module name `{module}` is not a Rust identifier"
            ));
        }
        if syn::parse_str::<syn::Path>(parent).is_err() {
            problems.push(format!(
                "the parent module `{parent}` is not a Rust path such as `crate` or `crate::apis`"
            ));
        }
    }
    if !problems.is_empty() {
        return Err(Error::Config(problems));
    }
    let documents = load::load_documents(&config.base_dir, &config.specs)?;
    let mut diagnostics = error::Diagnostics::default();
    let spec = spec::read_spec(&documents, &mut diagnostics);
    let space = lower::lower(
        &spec,
        program::References::new(config, &documents),
        config,
        &config.target.root_path(),
        &mut diagnostics,
    );
    if !diagnostics.config.is_empty() {
        return Err(Error::Config(diagnostics.config));
    }
    Ok(Lowered {
        documents,
        spec,
        space,
        diagnostics,
    })
}

/// Generates Rust for `config`. Reads the spec files; writes nothing.
///
/// Every problem in the specs is reported at once, sorted by location, and no file is produced
/// unless there are none.
pub fn generate(config: &Config) -> Result<Output, Error> {
    let Lowered {
        documents,
        spec,
        mut space,
        mut diagnostics,
    } = lower_config(config)?;
    let sources: Vec<PathBuf> = documents
        .iter()
        .map(|doc| config.base_dir.join(&doc.path))
        .collect();
    if diagnostics.errors.is_empty() {
        let extra = load_uri_folders(&config.base_dir, &config.uri_folders)?;
        if let Some(program) =
            program::compile_program(config, documents, extra, &mut space, &mut diagnostics)
        {
            fidelity::mark_exact(&mut space, &program);
            space.program = program.to_json();
        }
    }
    if !diagnostics.config.is_empty() {
        return Err(Error::Config(diagnostics.config));
    }
    if !diagnostics.errors.is_empty() {
        diagnostics.errors.sort();
        diagnostics.errors.dedup();
        return Err(Error::Spec(diagnostics.errors));
    }
    // The generator's name rather than the entry point's: the same text comes from the xtask, the
    // command line and build scripts.
    let header = format!(
        "// @generated by specgen from {}. Do not edit by hand.",
        spec.sources
            .iter()
            .filter(|s| s.given)
            .map(|s| display_path(&s.file))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let root_docs = source_docs(&spec);
    drop(spec);
    let one_file = matches!(config.target, Target::Include { .. });
    let modules = emit::plan_modules(&space, &root_docs, one_file);
    let pieces: Vec<&emit::Piece<'_>> = modules.iter().flat_map(|file| &file.pieces).collect();
    let mut texts =
        render::render_pieces(&pieces, |piece| emit::emit_piece(&space, piece)).into_iter();
    let mut files: Vec<GeneratedFile> = modules
        .iter()
        .map(|file| GeneratedFile {
            path: PathBuf::from("src/types").join(&file.name),
            contents: render::join_file(&header, texts.by_ref().take(file.pieces.len())),
        })
        .collect();
    match &config.target {
        Target::Module => {}
        Target::Crate {
            name,
            runtime,
            workspace_member,
        } => files.extend(crate_files(
            name,
            runtime.as_deref(),
            *workspace_member,
            &header,
            &root_docs,
            &space,
        )),
        Target::Include { module, .. } => {
            let tree = files
                .pop()
                .expect("invariant: one file holds the whole tree");
            let body = tree
                .contents
                .strip_prefix(&header)
                .unwrap_or(&tree.contents)
                .trim_start();
            files = vec![GeneratedFile {
                path: PathBuf::from(format!("{module}.rs")),
                contents: format!(
                    "{header}\npub mod {module} {{\n{body}\n{}}}\n",
                    runtime_items()
                ),
            }];
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    diagnostics.warnings.sort();
    diagnostics.warnings.dedup();
    let path_of = |def: &ir::TypeDef| {
        let mut path = def.path.module.clone();
        path.push(def.path.name.clone());
        path.join("::")
    };
    let types = space
        .types
        .values()
        .map(|def| (def.spec_name.clone(), path_of(def)))
        .chain(
            space
                .aliases
                .iter()
                .map(|(name, id)| (name.clone(), path_of(space.get(*id)))),
        )
        .collect();
    Ok(Output {
        files,
        warnings: diagnostics.warnings,
        sources,
        recursion_limit: emit::recursion_limit(&space),
        types,
    })
}

/// The ABI version of the runtime that this generator's output is written for: generated crates
/// assert at compile time that their runtime has it (`specgen_runtime::ABI_VERSION`).
const RUNTIME_ABI: u32 = 4;

/// The items a generated crate's `lib.rs` opens with: the check that the runtime fits, and the
/// re-exports of its user-facing items. `vsphere-types` writes the same by hand (a test checks),
/// so the text is laid out as rustfmt lays it out.
fn runtime_items() -> String {
    let mut exports = String::new();
    let mut line = String::from("   ");
    for name in naming::RUNTIME_EXPORTS {
        if line.len() + 1 + name.len() + 1 > 100 {
            exports.push_str(&line);
            exports.push('\n');
            line = String::from("   ");
        }
        line.push(' ');
        line.push_str(name);
        line.push(',');
    }
    exports.push_str(&line);
    format!(
        "const _: () = assert!(\n    ::specgen_runtime::ABI_VERSION == {RUNTIME_ABI},\n    \"this crate was generated for version {RUNTIME_ABI} of the specgen-runtime ABI, and the specgen-runtime it is built against has another: regenerate it, or depend on the specgen-runtime of the generator that wrote it\"\n);\n\npub use ::specgen_runtime::{{\n{exports}\n}};\n"
    )
}

/// `Cargo.toml` and `src/lib.rs` of a standalone crate, and the copy of the runtime crate it
/// depends on by path (`specgen-runtime/`, unless it names a shared one), so that the crate
/// builds offline wherever it is.
fn crate_files(
    name: &str,
    shared_runtime: Option<&str>,
    workspace_member: bool,
    header: &str,
    docs: &str,
    space: &ir::TypeSpace,
) -> Vec<GeneratedFile> {
    let toml_header = header.replacen("//", "#", 1);
    let runtime_path = shared_runtime.unwrap_or(RUNTIME_PACKAGE);
    let runtime_note = match shared_runtime {
        Some(_) => {
            "# The runtime is shared with the other crates generated beside this one (`--runtime`),\n\
                    # so that they have one `Validate`; once it is on crates.io, the `path` can go."
        }
        None => {
            "# The runtime is a copy, next to this crate; once it is on crates.io, the `path` can go."
        }
    };
    let workspace = if workspace_member {
        String::new()
    } else if shared_runtime.is_some() {
        "\n# A workspace of its own, even when written inside another.\n[workspace]\n".to_owned()
    } else {
        "\n# A workspace of its own (with the runtime as a member), even when written inside another.\n[workspace]\n"
            .to_owned()
    };
    let manifest = format!(
        r#"{toml_header}
[package]
name = "{name}"
version = "0.1.0"
edition = "2024"
rust-version = "1.85"
publish = false

[dependencies]
{runtime_note}
{RUNTIME_PACKAGE} = {{ path = "{runtime_path}", version = "={RUNTIME_VERSION}" }}
schemars = {{ version = "1", optional = true }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = {{ version = "1", features = ["float_roundtrip"] }}

[features]
# `schemars::JsonSchema` for every generated type: the schema the types imply. Off by default:
# it doubles the time rustc takes to check a large crate of types.
schemars = ["dep:schemars", "{RUNTIME_PACKAGE}/schemars"]
# A transport to send the operations with: blocking (`ureq`) or async (`reqwest`). Without
# either, the crate builds requests and reads responses, and no HTTP client is a dependency.
blocking = ["{RUNTIME_PACKAGE}/blocking"]
async = ["{RUNTIME_PACKAGE}/async"]
{workspace}"#
    );
    let doc_lines: String = docs.lines().map(|line| format!("//! {line}\n")).collect();
    let attributes = match emit::recursion_limit(space) {
        Some(limit) => format!(
            "// rustc's drop check walks every type a value can reach; this many types can form a\n\
             // longer chain than its default limit allows.\n#![recursion_limit = \"{limit}\"]\n"
        ),
        None => String::new(),
    };
    let runtime_items = runtime_items();
    let lib = format!(
        "{header}\n{doc_lines}{attributes}\n{runtime_items}\n#[rustfmt::skip]\nmod types;\npub use types::*;\n"
    );
    let mut files = vec![
        GeneratedFile {
            path: PathBuf::from("Cargo.toml"),
            contents: manifest,
        },
        GeneratedFile {
            path: PathBuf::from("src/lib.rs"),
            contents: lib,
        },
    ];
    if shared_runtime.is_none() {
        files.extend(runtime_files(false).into_iter().map(|mut file| {
            file.path = PathBuf::from(RUNTIME_PACKAGE).join(file.path);
            file
        }));
    }
    files
}

/// The runtime crate, as the folder that holds it: its manifest and sources, each under a
/// header that names no spec, so that every generated crate that shares one writes the same
/// text. `workspace`: the manifest says `[workspace]`, for a shared runtime that is in no
/// workspace of the user's.
pub fn runtime_files(workspace: bool) -> Vec<GeneratedFile> {
    let header = format!(
        "// @generated by specgen: the {RUNTIME_PACKAGE} crate, version {RUNTIME_VERSION}. Do not edit by hand."
    );
    let toml_header = header.replacen("//", "#", 1);
    let workspace = if workspace {
        "\n# Shared by the crates generated beside it, in no workspace of theirs.\n[workspace]\n"
    } else {
        ""
    };
    let manifest = format!(
        r#"{toml_header}
[package]
name = "{RUNTIME_PACKAGE}"
version = "{RUNTIME_VERSION}"
description = "The runtime of generated schema types: date-times, open enums, decoding and validation"
edition = "2024"
rust-version = "1.85"
license = "MIT OR Apache-2.0"
publish = false

[lib]
name = "specgen_runtime"

[dependencies]
base64 = "0.22"
chrono = {{ version = "0.4.40", default-features = false, features = ["std"] }}
http = "1"
regress = {{ version = "0.10", default-features = false, features = ["std"] }}
reqwest = {{ version = "0.12", default-features = false, features = ["rustls-tls"], optional = true }}
schemars = {{ version = "1", optional = true }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = {{ version = "1", features = ["float_roundtrip"] }}
tokio = {{ version = "1", default-features = false, features = ["time"], optional = true }}
ureq = {{ version = "3", default-features = false, features = ["rustls"], optional = true }}

[features]
schemars = ["dep:schemars"]
blocking = ["dep:ureq"]
async = ["dep:reqwest", "dep:tokio"]
{workspace}"#
    );
    let mut files = vec![GeneratedFile {
        path: PathBuf::from("Cargo.toml"),
        contents: manifest,
    }];
    files.extend(RUNTIME_SOURCES.iter().map(|(name, text)| GeneratedFile {
        path: PathBuf::from("src").join(name),
        contents: format!("{header}\n{text}"),
    }));
    files
}

/// What the output was generated from; a changed spec value changes this text.
fn source_docs(spec: &spec::Spec) -> String {
    let mut docs = String::from("Types generated from:\n");
    for source in &spec.sources {
        docs.push_str(&format!(
            "- `{}`: {} (digest `{}`)\n",
            display_path(&source.file),
            source.summary,
            source.digest
        ));
    }
    docs
}

/// A path for the header: as given when relative, only the file name when absolute, so that no
/// machine's folders end up in checked-in text.
fn display_path(path: &Path) -> String {
    let shown = if path.is_absolute() {
        path.file_name().unwrap_or(path.as_os_str())
    } else {
        path.as_os_str()
    };
    shown.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// Standalone crates get every file of the runtime.
    #[test]
    fn every_runtime_file_is_embedded() {
        fn walk(dir: &std::path::Path, prefix: &str, out: &mut BTreeSet<String>) {
            for entry in std::fs::read_dir(dir).expect("the runtime folder") {
                let entry = entry.expect("entry");
                let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
                if entry.file_type().expect("file type").is_dir() {
                    walk(&entry.path(), &format!("{name}/"), out);
                } else {
                    out.insert(name);
                }
            }
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/src");
        let mut on_disk = BTreeSet::new();
        walk(&dir, "", &mut on_disk);
        let embedded: BTreeSet<String> = super::RUNTIME_SOURCES
            .iter()
            .map(|(name, _)| (*name).to_owned())
            .collect();
        assert_eq!(on_disk, embedded);
    }

    /// The generator and the runtime agree on the ABI and on the version that generated
    /// manifests ask for.
    #[test]
    fn generator_and_runtime_agree_on_versions() {
        let lib = include_str!("../../runtime/src/lib.rs");
        assert!(
            lib.contains(&format!(
                "pub const ABI_VERSION: u32 = {};",
                super::RUNTIME_ABI
            )),
            "runtime/src/lib.rs has another ABI_VERSION than codegen's RUNTIME_ABI"
        );
        let manifest = include_str!("../../runtime/Cargo.toml");
        assert!(
            manifest.contains(&format!("\nversion = \"{}\"\n", super::RUNTIME_VERSION)),
            "runtime/Cargo.toml has another version than codegen's"
        );
    }

    /// `vsphere-types` opens its hand-written `lib.rs` as generated crates do.
    #[test]
    fn vsphere_types_reexports_the_runtime_as_generated_crates_do() {
        let lib = include_str!("../../generated/src/lib.rs");
        assert!(
            lib.contains(&super::runtime_items()),
            "generated/src/lib.rs should contain:\n{}",
            super::runtime_items()
        );
    }

    /// The names reserved at the crate root are exactly what `vsphere-types` re-exports from its
    /// runtime, so a schema can never take one of them.
    #[test]
    fn reserved_root_names_are_the_runtime_exports() {
        let lib = include_str!("../../generated/src/lib.rs");
        let start = lib
            .find("pub use ::specgen_runtime::{")
            .expect("lib.rs re-exports the runtime")
            + "pub use ::specgen_runtime::{".len();
        let end = start + lib[start..].find('}').expect("the list closes");
        let exported: BTreeSet<&str> = lib[start..end]
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .collect();
        let reserved: BTreeSet<&str> = crate::naming::RUNTIME_EXPORTS.iter().copied().collect();
        assert_eq!(exported, reserved);
    }
}
