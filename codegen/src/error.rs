//! What can go wrong, in words a spec author can act on.
//!
//! Every problem that a spec can cause carries a [`Location`]: the file as the user named it and the
//! JSON Pointer of the offending value. Lowering collects problems instead of stopping at the first,
//! so one run reports them all, sorted by location.

use std::fmt;
use std::path::PathBuf;

/// A place in a spec: `specs/x.yaml#/components/schemas/X/properties/y`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file, as the user gave it.
    pub file: PathBuf,
    /// An RFC 6901 JSON Pointer into the file; `""` is the whole document.
    pub pointer: String,
}

impl Location {
    pub(crate) fn new(file: impl Into<PathBuf>, pointer: impl Into<String>) -> Location {
        Location {
            file: file.into(),
            pointer: pointer.into(),
        }
    }

    /// The location of `key` inside this one.
    pub(crate) fn join(&self, key: &str) -> Location {
        let mut pointer = String::with_capacity(self.pointer.len() + key.len() + 1);
        pointer.push_str(&self.pointer);
        pointer.push('/');
        for c in key.chars() {
            match c {
                '~' => pointer.push_str("~0"),
                '/' => pointer.push_str("~1"),
                c => pointer.push(c),
            }
        }
        Location {
            file: self.file.clone(),
            pointer,
        }
    }

    pub(crate) fn index(&self, i: usize) -> Location {
        self.join(&i.to_string())
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.file.display(), self.pointer)
    }
}

/// One problem (or warning) found in a spec.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Where it is.
    pub location: Location,
    /// What is wrong, lowercase, without a trailing period.
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn new(location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            location,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Problems and warnings, collected while reading and lowering a spec.
#[derive(Debug, Default)]
pub(crate) struct Diagnostics {
    pub(crate) errors: Vec<Diagnostic>,
    pub(crate) warnings: Vec<Diagnostic>,
    /// Problems of the configuration (not of a spec): they have no place in a spec file.
    pub(crate) config: Vec<String>,
}

impl Diagnostics {
    pub(crate) fn config_error(&mut self, message: impl Into<String>) {
        self.config.push(message.into());
    }

    pub(crate) fn error(&mut self, at: &Location, message: impl Into<String>) {
        self.errors.push(Diagnostic::new(at.clone(), message));
    }

    pub(crate) fn warning(&mut self, at: &Location, message: impl Into<String>) {
        self.warnings.push(Diagnostic::new(at.clone(), message));
    }
}

/// Why [`generate`](crate::generate) produced nothing.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A spec file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A spec file is not valid JSON or YAML.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem (0 when the parser gave none).
        line: usize,
        /// 1-based column of the problem (0 when the parser gave none).
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// The specs parsed but describe something we cannot generate; every problem is listed, sorted.
    #[error("{}", DisplayList(.0))]
    Spec(Vec<Diagnostic>),
    /// The configuration (derives, attributes, replacements, roots) asks for something that
    /// cannot be; every problem is listed.
    #[error("{}", .0.iter().map(|p| format!("error: {p}")).collect::<Vec<_>>().join("\n"))]
    Config(Vec<String>),
}

struct DisplayList<'a>(&'a [Diagnostic]);

impl fmt::Display for DisplayList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "error: {problem}")?;
        }
        Ok(())
    }
}
