//! `cargo xtask codegen`: runs the generator and brings files on disk in line with its output.
//!
//! Only changed files are written, and generated files that are no longer produced are removed
//! (`codegen::disk`, shared with the `specgen` command line). With `--check` nothing is written: a
//! stale, missing or orphaned file is shown as a short diff, and the command fails. Nothing is
//! written either when the spec has any error, or when the folder holds a file the generator did
//! not write.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use codegen::{Config, Target};

/// The specs that feed `generated/` (the `vsphere-types` crate), relative to the workspace root.
/// Add a spec here to generate its schemas into the same crate; they share one namespace.
pub(crate) const SPECS: &[&str] = &["specs/vsphere-automation-9.1.0.0-software-ops.yaml"];

/// The schemas of `SPECS` to generate, with everything they reference. Empty: every schema.
pub(crate) const ROOTS: &[&str] = &[];

/// Where the generated crate lives, relative to the workspace root.
const GENERATED_CRATE: &str = "generated";

pub(crate) fn run(options: codegen::options::Options) -> anyhow::Result<ExitCode> {
    let (config, dir) = match (&options.out, options.specs.is_empty()) {
        (None, true) => {
            if options.any_for_standalone() {
                bail!("options other than `--check` go with `--spec … --out DIR`");
            }
            (workspace_config(), project_root().join(GENERATED_CRATE))
        }
        (Some(out), false) => (options.config().map_err(anyhow::Error::msg)?, out.clone()),
        (None, false) => bail!("`--spec` needs `--out DIR`: where to write the crate"),
        (Some(_), true) => bail!("`--out` needs at least one `--spec FILE`"),
    };
    let report = codegen::disk::generate_into(
        &config,
        &dir,
        options.check,
        &options.rerun_command("cargo xtask codegen"),
        |warning| eprintln!("warning: {warning}"),
        |path| shown(path).to_path_buf(),
    )?;
    eprint!("{}", report.text);
    Ok(if report.fresh {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// What `--diff-against` asks for.
#[derive(Debug, Default)]
pub(crate) struct DiffRequest {
    /// The git revision whose `specs/` is the old version.
    pub(crate) against: Option<String>,
    pub(crate) format: codegen::diff::Format,
    /// `--format` was given (it goes with `--diff-against` only).
    pub(crate) format_given: bool,
    pub(crate) fail_on: Option<codegen::diff::FailOn>,
}

/// `specs/` as of a git revision against `specs/` now, through the configuration that generates
/// `generated/`: the report on stdout; exit status 0, 1 when a change reaches `--fail-on`, 2 when
/// the revision or a spec cannot be read.
pub(crate) fn diff_against(request: &DiffRequest) -> ExitCode {
    let Some(revision) = &request.against else {
        return ExitCode::SUCCESS;
    };
    match report_against(&project_root(), revision) {
        Ok(report) => {
            codegen::options::print_out(&report.render(request.format));
            ExitCode::from(report.exit_status(request.fail_on))
        }
        Err(err) => {
            eprintln!("error: cargo xtask codegen --diff-against {revision} failed: {err:#}");
            ExitCode::from(codegen::diff::BAD_INPUT)
        }
    }
}

/// The report on `specs/` of `repository` at `revision` → `specs/` now.
fn report_against(repository: &Path, revision: &str) -> anyhow::Result<codegen::diff::Report> {
    let scratch = std::env::temp_dir().join(format!(
        "xtask-diff-{}-{}",
        std::process::id(),
        revision.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    ));
    let result = old_specs(repository, revision, &scratch).and_then(|()| {
        let new = workspace_config();
        // A spec that the revision does not have yet is compared as nothing: all it has is new.
        let mut old = Config {
            base_dir: scratch.clone(),
            ..workspace_config()
        };
        old.specs.retain(|spec| scratch.join(spec).exists());
        codegen::diff::compare(&old, &new, "vsphere-types").map_err(|err| anyhow::anyhow!("{err}"))
    });
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// Writes every file under `specs/` at `revision` into `into/specs/`, as git has it.
fn old_specs(repository: &Path, revision: &str, into: &Path) -> anyhow::Result<()> {
    let git = |args: &[&str]| -> anyhow::Result<Vec<u8>> {
        let output = std::process::Command::new("git")
            .args(args)
            .current_dir(repository)
            .output()
            .context("running git")?;
        if !output.status.success() {
            bail!(
                "git {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&output.stderr).trim()
            );
        }
        Ok(output.stdout)
    };
    // Paths are the folder's own (`./`), so the workspace may be a folder inside a repository.
    let listing = git(&["ls-tree", "-r", "--name-only", revision, "--", "specs/"])?;
    for file in String::from_utf8_lossy(&listing).lines() {
        let contents = git(&["show", &format!("{revision}:./{file}")])?;
        let path = into.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, contents).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// The generator's configuration for `generated/`. Paths in messages and headers read
/// `specs/…` wherever cargo was started.
pub(crate) fn workspace_config() -> Config {
    Config {
        base_dir: project_root(),
        specs: SPECS.iter().map(PathBuf::from).collect(),
        roots: ROOTS.iter().map(|r| (*r).to_owned()).collect(),
        target: Target::Module,
        customize: Default::default(),
        uri_folders: Vec::new(),
        default_schema: None,
        format_assertion: None,
        // The vSphere Automation API's conventions: optional means "missing or `null`", and
        // enums are linked from descriptions.
        vapi: true,
        keep_unknown_properties: true,
    }
}

pub(crate) fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("invariant: xtask lives one folder below the workspace root")
        .to_path_buf()
}

/// `path` relative to the current directory where it is inside it, as a user would type it.
fn shown(path: &Path) -> &Path {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cargo test` alone catches drift: the checked-in `generated/` is what the specs give.
    #[test]
    fn generated_crate_is_fresh() {
        let config = workspace_config();
        let output = codegen::generate(&config).expect("the workspace specs generate");
        let changes = codegen::disk::plan(
            &project_root().join(GENERATED_CRATE),
            &config.target,
            &output,
        )
        .expect("generated/ is readable and holds only generated files");
        assert!(
            changes.is_empty(),
            "generated/ is stale; run `cargo xtask codegen`:\n{}",
            codegen::disk::describe(&changes, Path::to_path_buf)
        );
    }

    fn git(repository: &Path, args: &[&str]) {
        let status = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(repository)
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    }

    /// `--diff-against` reads `specs/` as a revision of a repository has it: one where `specs/`
    /// is as now reports nothing, one where an enum had one more value reports it gone.
    #[test]
    fn diff_against_reads_the_old_specs_from_git() {
        let repository =
            std::env::temp_dir().join(format!("xtask-diff-repo-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&repository);
        std::fs::create_dir_all(repository.join("specs")).expect("folder");
        let spec = SPECS[0];
        let now = std::fs::read_to_string(project_root().join(spec)).expect("the spec");
        std::fs::write(repository.join(spec), &now).expect("spec written");
        git(&repository, &["init", "-q"]);
        git(&repository, &["add", "."]);
        git(&repository, &["commit", "-q", "-m", "as now"]);
        let same = report_against(&repository, "HEAD").expect("the report");
        assert!(
            same.changes.is_empty(),
            "{}",
            same.render(codegen::diff::Format::Text)
        );

        // An enum of the old version has a value the current spec does not list.
        let enum_start = "      - RUNNING\n";
        assert!(now.contains(enum_start), "the spec lists RUNNING");
        let then = now.replacen(enum_start, &format!("{enum_start}      - PAUSED\n"), 1);
        std::fs::write(repository.join(spec), then).expect("spec written");
        git(&repository, &["commit", "-q", "-am", "one more value"]);
        let report = report_against(&repository, "HEAD").expect("the report");
        let removed: Vec<&codegen::diff::Change> = report
            .changes
            .iter()
            .filter(|c| c.id.ends_with("enum-value-removed"))
            .collect();
        assert_eq!(
            removed.len(),
            1,
            "{}",
            report.render(codegen::diff::Format::Text)
        );
        assert!(removed[0].rust.breaking);
        assert!(
            removed[0]
                .old
                .as_deref()
                .is_some_and(|old| old.starts_with("specs/"))
        );
        assert!(report_against(&repository, "no-such-revision").is_err());

        // A revision without the spec: everything in it is new.
        git(&repository, &["rm", "-q", spec]);
        git(&repository, &["commit", "-q", "-m", "no spec"]);
        let report = report_against(&repository, "HEAD").expect("the report");
        assert!(!report.changes.is_empty());
        assert!(
            report
                .changes
                .iter()
                .all(|c| !c.rust.breaking && c.old.is_none())
        );
        let _ = std::fs::remove_dir_all(&repository);
    }
}
