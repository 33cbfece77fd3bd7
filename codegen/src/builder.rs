//! [`Builder`]: the generator as a user's `build.rs` calls it, in the manner of prost-build.
//!
//! It writes one file into `OUT_DIR` for the crate to `include!`, tells cargo to run the build
//! script again only when a spec (or a file a `$ref` reaches) changes, and passes the generator's
//! warnings on as cargo warnings. Like the other entry points, it is the only part that writes:
//! [`generate`](crate::generate) stays pure.

use std::path::{Path, PathBuf};

use crate::{Config, Customize, Error, Target};

/// Generates types from specs in a `build.rs`.
///
/// ```no_run
/// // In build.rs's `main`:
/// codegen::Builder::new("petstore")
///     .spec("petstore.yaml")
///     .type_derive("Pet", "Eq")
///     .write()
///     .unwrap_or_else(|err| panic!("{err}"));
/// ```
///
/// ```ignore
/// // src/lib.rs: defines `pub mod petstore { … }`
/// include!(concat!(env!("OUT_DIR"), "/petstore.rs"));
/// ```
///
/// The including crate depends on `specgen-runtime`, `serde` (with `derive`) and `serde_json`,
/// and declares a `schemars` feature (`["dep:schemars", "specgen-runtime/schemars"]`) if it
/// wants `JsonSchema` for the types, which derive it behind that feature's name.
/// Included anywhere but the crate root, say where with [`parent`](Builder::parent).
#[derive(Debug, Clone)]
pub struct Builder {
    config: Config,
    out_dir: Option<PathBuf>,
}

impl Builder {
    /// Types in a module named `module`, included at the crate root. Spec paths are relative to
    /// the package (`CARGO_MANIFEST_DIR`), as cargo runs build scripts there.
    pub fn new(module: impl Into<String>) -> Builder {
        Builder {
            config: Config {
                base_dir: std::env::var_os("CARGO_MANIFEST_DIR")
                    .map(PathBuf::from)
                    .unwrap_or_default(),
                specs: Vec::new(),
                roots: Vec::new(),
                target: Target::Include {
                    module: module.into(),
                    parent: "crate".to_owned(),
                },
                customize: Customize::default(),
                uri_folders: Vec::new(),
                default_schema: None,
                format_assertion: None,
                vapi: false,
                keep_unknown_properties: true,
            },
            out_dir: None,
        }
    }

    /// A spec to generate from; several share one namespace.
    pub fn spec(mut self, path: impl Into<PathBuf>) -> Builder {
        self.config.specs.push(path.into());
        self
    }

    /// Generates only this schema and what it references (repeatable; none: every schema).
    pub fn root(mut self, schema: impl Into<String>) -> Builder {
        self.config.roots.push(schema.into());
        self
    }

    /// The Rust path of the module that includes the file (`crate::apis`); `crate` by default.
    pub fn parent(mut self, path: impl Into<String>) -> Builder {
        if let Target::Include { parent, .. } = &mut self.config.target {
            *parent = path.into();
        }
        self
    }

    /// A derive for every type that can take one (`Hash`, `my_crate::MyTrait`).
    pub fn derive(mut self, derive: impl Into<String>) -> Builder {
        self.config.customize.derives.push(derive.into());
        self
    }

    /// A derive for the type of one schema, by its spec name.
    pub fn type_derive(mut self, schema: impl Into<String>, derive: impl Into<String>) -> Builder {
        self.config
            .customize
            .type_derives
            .entry(schema.into())
            .or_default()
            .push(derive.into());
        self
    }

    /// An outer attribute for every type, as written (`#[non_exhaustive]`).
    pub fn attribute(mut self, attribute: impl Into<String>) -> Builder {
        self.config.customize.attributes.push(attribute.into());
        self
    }

    /// An outer attribute for the type of one schema, by its spec name.
    pub fn type_attribute(
        mut self,
        schema: impl Into<String>,
        attribute: impl Into<String>,
    ) -> Builder {
        self.config
            .customize
            .type_attributes
            .entry(schema.into())
            .or_default()
            .push(attribute.into());
        self
    }

    /// Uses a type of the user's for a schema instead of generating one (see
    /// [`Customize::replacements`] for what it must implement).
    pub fn replace(mut self, schema: impl Into<String>, rust_path: impl Into<String>) -> Builder {
        self.config
            .customize
            .replacements
            .insert(schema.into(), rust_path.into());
        self
    }

    /// The specs follow vAPI's conventions (`--vapi`; see [`Config::vapi`]).
    pub fn vapi(mut self, vapi: bool) -> Builder {
        self.config.vapi = vapi;
        self
    }

    /// Structs skip the properties their schema does not name instead of keeping them
    /// (`--ignore-unknown-properties`; see [`Config::keep_unknown_properties`]).
    pub fn ignore_unknown_properties(mut self) -> Builder {
        self.config.keep_unknown_properties = false;
        self
    }

    /// The documents under a URI prefix are the files in `folder`, relative to the package
    /// (`--uri-folder PREFIX=DIR`): references to them resolve offline.
    pub fn uri_folder(mut self, prefix: impl Into<String>, folder: impl Into<PathBuf>) -> Builder {
        self.config.uri_folders.push((prefix.into(), folder.into()));
        self
    }

    /// Whether `format` is checked (`--format-assertion`; by default as each document's dialect
    /// says).
    pub fn format_assertion(mut self, asserts: bool) -> Builder {
        self.config.format_assertion = Some(asserts);
        self
    }

    /// Where to write; `OUT_DIR` by default.
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.out_dir = Some(dir.into());
        self
    }

    /// The configuration this builder runs [`generate`](crate::generate) with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Generates the types and writes `<module>.rs` into the output folder (only when its text
    /// changed), printing cargo's `rerun-if-changed` for every file read and a `warning` for
    /// each of the generator's warnings. Returns the file's path.
    pub fn write(&self) -> Result<PathBuf, BuildError> {
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(BuildError::NoOutDir)?,
        };
        // Cargo must watch the specs even when they are broken, so that fixing one reruns this.
        for spec in &self.config.specs {
            println!(
                "cargo:rerun-if-changed={}",
                self.config.base_dir.join(spec).display()
            );
        }
        let output = crate::generate(&self.config)?;
        for source in &output.sources {
            println!("cargo:rerun-if-changed={}", source.display());
        }
        for warning in &output.warnings {
            println!("cargo:warning={warning}");
        }
        if let Some(limit) = output.recursion_limit {
            println!(
                "cargo:warning=these types need `#![recursion_limit = \"{limit}\"]` at the crate root: rustc's drop check follows longer chains of types than its default allows"
            );
        }
        let [file] = output.files.as_slice() else {
            panic!("invariant: an include target is one file");
        };
        let path = out_dir.join(&file.path);
        write_if_changed(&path, &file.contents)?;
        Ok(path)
    }
}

fn write_if_changed(path: &Path, text: &str) -> Result<(), BuildError> {
    match std::fs::read_to_string(path) {
        Ok(old) if old == text => return Ok(()),
        // Never overwrite a file the generator did not write (`out_dir("src")` with a module
        // named `lib`, say).
        Ok(old) if !crate::disk::is_generated(&old) => {
            return Err(BuildError::Foreign {
                path: path.to_path_buf(),
            });
        }
        _ => {}
    }
    std::fs::write(path, text).map_err(|source| BuildError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Why [`Builder::write`] wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Generation failed: the specs or the configuration have problems, listed.
    #[error("generating types failed:\n{0}")]
    Generate(#[from] Error),
    /// Neither `out_dir` nor the `OUT_DIR` variable says where to write.
    #[error("`OUT_DIR` is not set: run the builder from a build script, or give `out_dir`")]
    NoOutDir,
    /// The file to write is there already, and the generator did not write it.
    #[error("`{}` exists and was not written by the generator; it is left as it is", path.display())]
    Foreign {
        /// The file.
        path: PathBuf,
    },
    /// The file could not be written.
    #[error("cannot write `{}`: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}
