//! `cargo xtask codegen`: runs the generator and brings files on disk in line with its output.
//!
//! Only changed files are written, and files in the generator's folders that it no longer produces
//! are removed. With `--check` nothing is written: a stale, missing or orphaned file is shown as a
//! short diff, and the command fails. Nothing is written either when the spec has any error.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use codegen::{Config, Output, Target};

/// The specs that feed `generated/` (the `vsphere-types` crate), relative to the workspace root.
/// Add a spec here to generate its schemas into the same crate; they share one namespace.
pub(crate) const SPECS: &[&str] = &["specs/vsphere-automation-9.1.0.0-stage-status.yaml"];

/// The schemas of `SPECS` to generate, with everything they reference. Empty: every schema.
pub(crate) const ROOTS: &[&str] = &[];

/// Where the generated crate lives, relative to the workspace root.
const GENERATED_CRATE: &str = "generated";

/// The command line of `cargo xtask codegen`.
#[derive(Debug, Default)]
pub(crate) struct Args {
    pub(crate) check: bool,
    pub(crate) specs: Vec<PathBuf>,
    pub(crate) roots: Vec<String>,
    pub(crate) out: Option<PathBuf>,
    pub(crate) name: Option<String>,
}

pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (config, dir) = match (&args.out, args.specs.is_empty()) {
        (None, true) => {
            if !args.roots.is_empty() || args.name.is_some() {
                bail!("`--root` and `--name` go with `--spec … --out DIR`");
            }
            (workspace_config(), project_root().join(GENERATED_CRATE))
        }
        (Some(out), false) => {
            let name = match &args.name {
                Some(name) => name.clone(),
                None => package_name(out)?,
            };
            let config = Config {
                base_dir: PathBuf::new(),
                specs: args.specs.clone(),
                roots: args.roots.clone(),
                target: Target::Crate { name },
            };
            (config, out.clone())
        }
        (None, false) => bail!("`--spec` needs `--out DIR`: where to write the crate"),
        (Some(_), true) => bail!("`--out` needs at least one `--spec FILE`"),
    };
    let output = codegen::generate(&config)?;
    for warning in &output.warnings {
        eprintln!("warning: {warning}");
    }
    let changes = plan(&dir, &config.target, &output)?;
    if args.check {
        if changes.is_empty() {
            return Ok(ExitCode::SUCCESS);
        }
        eprint!("{}", describe(&changes));
        eprintln!(
            "{} is out of date with the specs; run `cargo xtask codegen` to update it",
            dir.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    apply(&changes)?;
    for change in &changes {
        let verb = match change {
            Change::Write { old: None, .. } => "created",
            Change::Write { .. } => "updated",
            Change::Remove { .. } => "removed",
        };
        eprintln!("{verb} {}", shown(change.path()).display());
    }
    Ok(ExitCode::SUCCESS)
}

/// The generator's configuration for `generated/`. Paths in messages and headers read
/// `specs/…` wherever cargo was started.
pub(crate) fn workspace_config() -> Config {
    Config {
        base_dir: project_root(),
        specs: SPECS.iter().map(PathBuf::from).collect(),
        roots: ROOTS.iter().map(|r| (*r).to_owned()).collect(),
        target: Target::Module,
    }
}

pub(crate) fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("invariant: xtask lives one folder below the workspace root")
        .to_path_buf()
}

/// A package name from the output folder's name: `out/my-types` gives `my-types`.
fn package_name(out: &Path) -> anyhow::Result<String> {
    let base = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let name = name.trim_matches('-').to_owned();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        bail!(
            "cannot make a package name from `{}`; give one with `--name`",
            out.display()
        );
    }
    Ok(name)
}

/// `path` relative to the current directory where it is inside it, as a user would type it.
fn shown(path: &Path) -> &Path {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path)
}

/// One difference between the output and the disk.
#[derive(Debug)]
pub(crate) enum Change {
    Write {
        path: PathBuf,
        old: Option<String>,
        new: String,
    },
    Remove {
        path: PathBuf,
        old: String,
    },
}

impl Change {
    fn path(&self) -> &Path {
        match self {
            Change::Write { path, .. } | Change::Remove { path, .. } => path,
        }
    }
}

/// What must change under `dir` so that it holds exactly `output`.
pub(crate) fn plan(dir: &Path, target: &Target, output: &Output) -> anyhow::Result<Vec<Change>> {
    let wanted: BTreeMap<PathBuf, &str> = output
        .files
        .iter()
        .map(|f| (dir.join(&f.path), f.contents.as_str()))
        .collect();
    let mut existing = BTreeSet::new();
    for owned in target.owned_dirs() {
        list_files(&dir.join(owned), &mut existing)?;
    }
    let mut changes = Vec::new();
    for (path, new) in &wanted {
        let old = match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(err) => return Err(err).with_context(|| format!("reading {}", path.display())),
        };
        if old.as_deref() != Some(*new) {
            changes.push(Change::Write {
                path: path.clone(),
                old,
                new: (*new).to_owned(),
            });
        }
    }
    for path in existing {
        if !wanted.contains_key(&path) {
            // A file that is not text is still an orphan; show it as such.
            let old = std::fs::read_to_string(&path).unwrap_or_else(|_| "(not text)\n".to_owned());
            changes.push(Change::Remove { path, old });
        }
    }
    Ok(changes)
}

fn list_files(dir: &Path, out: &mut BTreeSet<PathBuf>) -> anyhow::Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err).with_context(|| format!("listing {}", dir.display())),
    };
    for entry in entries {
        let entry = entry.with_context(|| format!("listing {}", dir.display()))?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            list_files(&path, out)?;
        } else {
            out.insert(path);
        }
    }
    Ok(())
}

fn apply(changes: &[Change]) -> anyhow::Result<()> {
    for change in changes {
        match change {
            Change::Write { path, new, .. } => {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)
                        .with_context(|| format!("creating {}", parent.display()))?;
                }
                std::fs::write(path, new).with_context(|| format!("writing {}", path.display()))?;
            }
            Change::Remove { path, .. } => std::fs::remove_file(path)
                .with_context(|| format!("removing {}", path.display()))?,
        }
    }
    Ok(())
}

/// A short unified diff per file: up to 40 lines of an edit, the start of a missing or orphaned
/// file.
pub(crate) fn describe(changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        let (kind, old, new, max_lines) = match change {
            Change::Write { old: None, new, .. } => ("missing", "", new.as_str(), 6),
            Change::Write {
                old: Some(old),
                new,
                ..
            } => ("stale", old.as_str(), new.as_str(), 40),
            Change::Remove { old, .. } => ("orphaned (no longer generated)", old.as_str(), "", 6),
        };
        let _ = writeln!(out, "{kind}: {}", shown(change.path()).display());
        let diff = similar::TextDiff::from_lines(old, new);
        let text = diff.unified_diff().context_radius(2).to_string();
        let lines: Vec<&str> = text.lines().collect();
        for line in lines.iter().take(max_lines) {
            let _ = writeln!(out, "    {line}");
        }
        if lines.len() > max_lines {
            let _ = writeln!(out, "    … {} more lines", lines.len() - max_lines);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cargo test` alone catches drift: the checked-in `generated/` is what the specs give.
    #[test]
    fn generated_crate_is_fresh() {
        let config = workspace_config();
        let output = codegen::generate(&config).expect("the workspace specs generate");
        let changes = plan(
            &project_root().join(GENERATED_CRATE),
            &config.target,
            &output,
        )
        .expect("generated/ is readable");
        assert!(
            changes.is_empty(),
            "generated/ is stale; run `cargo xtask codegen`:\n{}",
            describe(&changes)
        );
    }
}
