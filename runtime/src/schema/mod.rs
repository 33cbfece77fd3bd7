//! JSON Schema evaluation: the verdict of the JSON Schema standard for every keyword of drafts 4
//! to 2020-12 and OpenAPI 3.0/3.1, on raw JSON.
//!
//! The generator compiles a spec's schemas into a [`Program`] (a flat table of nodes, every
//! reference already a node index; `codegen`'s `resolve` module does all URI work) and writes it
//! into the generated crate as JSON text, which [`Schemas`] loads once per process. Every
//! generated type knows its node; [`Schemas::check`] reports every problem of a value against it
//! into the runtime's [`Report`], each with a JSON Pointer and a [`Code`].
//!
//! The node and keyword types are public for the generator, which builds programs; they are not
//! for hand-written code.

mod error;
mod eval;
#[doc(hidden)]
#[allow(missing_docs)]
pub mod format;
#[doc(hidden)]
#[allow(missing_docs)]
pub mod json;
pub(crate) mod keyword;
#[doc(hidden)]
#[allow(missing_docs)]
pub mod program;

use std::sync::OnceLock;

#[doc(hidden)]
pub use error::Error;
pub use error::{Code, Options};
#[doc(hidden)]
pub use program::{LoadError, NodeId, Program};

use crate::{Mode, Path, Report};

/// A generated crate's compiled schemas: the program's JSON text, loaded on first use.
#[doc(hidden)]
pub struct Schemas {
    text: &'static str,
    program: OnceLock<Program>,
}

impl Schemas {
    /// The schemas of `text`, a program as the generator writes it.
    pub const fn new(text: &'static str) -> Schemas {
        Schemas {
            text,
            program: OnceLock::new(),
        }
    }

    /// The program, loaded the first time it is needed.
    ///
    /// # Panics
    /// If the text is not a program this runtime reads: the generator wrote it, and the
    /// generated crate asserts the runtime's ABI version, so that is a broken invariant.
    pub fn program(&self) -> &Program {
        self.program.get_or_init(|| {
            Program::from_json(self.text).unwrap_or_else(|err| {
                panic!("invariant: the generated schema program loads: {err}")
            })
        })
    }

    /// Whether `value` is valid against `node` (strict; stops at the first problem).
    pub fn is_valid(&self, node: u32, value: &serde_json::Value) -> bool {
        self.program().is_valid(NodeId(node), value)
    }

    /// Every problem of `value` against `node`, reported below `at`.
    pub fn check(&self, node: u32, value: &serde_json::Value, at: &Path<'_>, report: &mut Report) {
        let options = Options {
            forward_compatible: report.mode() == Mode::ForwardCompatible,
        };
        let mut errors = Vec::new();
        self.program()
            .validate(NodeId(node), value, &options, &mut errors);
        if errors.is_empty() {
            return;
        }
        // A value can fail one keyword at two places of the schema (a property's `type` and
        // the `type` of the schema it refers to): say it once. And a value of the wrong type
        // is obviously none of an enum's values, nor of a format: the type is what to fix.
        let mut seen = std::collections::HashSet::new();
        let wrong_type: std::collections::HashSet<String> = errors
            .iter()
            .filter(|e| e.code == Code::Type)
            .map(|e| e.path.clone())
            .collect();
        let base = at.pointer();
        for error in errors {
            if matches!(error.code, Code::Enum | Code::Const | Code::Format)
                && wrong_type.contains(&error.path)
            {
                continue;
            }
            if !seen.insert((error.path.clone(), error.code, error.message.clone())) {
                continue;
            }
            report.push_at(format!("{base}{}", error.path), error.code, error.message);
        }
    }
}
