//! `specgen`: the generator as a command of its own, for any spec outside this workspace.
//!
//! It writes a standalone crate (with a copy of the runtime crate next to it), or with `--check`
//! writes nothing and fails when the crate is out of date with its specs. Generation, the
//! messages and the rules about which files may be touched are `codegen`'s, shared with
//! `cargo xtask codegen`, so both commands behave and report alike.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};

fn usage() -> String {
    format!(
        "\
specgen: typed, validated Rust from OpenAPI and JSON Schema specs

usage:
    specgen --spec FILE [--spec FILE]... --out DIR [OPTION]...
    specgen diff --old FILE... --new FILE... [--format text|json|markdown]
                 [--fail-on rust|wire|any] [--name CRATE] [OPTION]...

options:
{}
    -h, --help           this text

examples:
    specgen --spec api.yaml --out crates/api-types
    specgen --spec api.yaml --root Pet --out pet-types --name pet-types
    specgen --spec a.yaml --out apis/a --runtime apis/specgen-runtime
    specgen --spec api.yaml --out crates/api-types --check
    specgen diff --old v1/api.yaml --new v2/api.yaml --fail-on rust

`specgen diff` compares what the generator makes of two versions of a spec (read with the same
options) and reports every change with its verdicts for Rust code and on the wire. Exit status:
0 when no change reaches --fail-on (or none is given), 1 when one does, 2 on bad input.",
        codegen::options::HELP
    )
}

/// Generation makes and drops many small token trees: mimalloc takes a third off its time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    if std::env::args_os()
        .nth(1)
        .is_some_and(|word| word == "diff")
    {
        return Ok(diff(std::env::args_os().skip(2)));
    }
    let mut parser = lexopt::Parser::from_env();
    match codegen::options::Options::parse(&mut parser) {
        Ok(codegen::options::Parsed::Run(options)) => generate(&options).context("specgen failed"),
        Ok(codegen::options::Parsed::Help) => {
            codegen::options::print_out(&format!("{}\n", usage()));
            Ok(ExitCode::SUCCESS)
        }
        Err(message) => bail!("{message}\n\n{}", usage()),
    }
}

/// `specgen diff`: its own exit statuses (2 for bad input), so it reports its errors itself.
fn diff(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    use codegen::diff::BAD_INPUT;
    let arguments = match DiffArguments::parse(args) {
        Ok(Some(arguments)) => arguments,
        Ok(None) => {
            codegen::options::print_out(&format!("{}\n", usage()));
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{}", usage());
            return ExitCode::from(BAD_INPUT);
        }
    };
    let options = &arguments.options;
    let old = options.diff_config(&arguments.old);
    let new = options.diff_config(&arguments.new);
    match codegen::diff::compare(&old, &new, &options.diff_crate_name()) {
        Ok(report) => {
            codegen::options::print_out(&report.render(arguments.format));
            ExitCode::from(report.exit_status(arguments.fail_on))
        }
        Err(err) => {
            eprintln!("error: specgen diff failed: {err}");
            ExitCode::from(BAD_INPUT)
        }
    }
}

/// What `specgen diff` was asked.
struct DiffArguments {
    old: Vec<std::path::PathBuf>,
    new: Vec<std::path::PathBuf>,
    format: codegen::diff::Format,
    fail_on: Option<codegen::diff::FailOn>,
    options: codegen::options::Options,
}

impl DiffArguments {
    /// The arguments, or `None` when help was asked for, or what is wrong.
    fn parse(
        args: impl IntoIterator<Item = std::ffi::OsString>,
    ) -> Result<Option<DiffArguments>, String> {
        use lexopt::prelude::*;
        let mut parser = lexopt::Parser::from_args(args);
        let mut arguments = DiffArguments {
            old: Vec::new(),
            new: Vec::new(),
            format: codegen::diff::Format::default(),
            fail_on: None,
            options: codegen::options::Options::default(),
        };
        let text = |value: std::ffi::OsString| {
            value
                .into_string()
                .map_err(|value| format!("`{}` is not UTF-8", value.to_string_lossy()))
        };
        while let Some(arg) = parser.next().map_err(|err| err.to_string())? {
            match arg {
                Long("help") | Short('h') => return Ok(None),
                // Each takes one file or several: `--old a.yaml b.yaml`.
                Long(side @ ("old" | "new")) => {
                    let files = if side == "old" {
                        &mut arguments.old
                    } else {
                        &mut arguments.new
                    };
                    let values = parser.values().map_err(|err| err.to_string())?;
                    files.extend(values.map(std::path::PathBuf::from));
                }
                Long("format") => {
                    arguments.format = text(parser.value().map_err(|e| e.to_string())?)?.parse()?;
                }
                Long("fail-on") => {
                    arguments.fail_on =
                        Some(text(parser.value().map_err(|e| e.to_string())?)?.parse()?);
                }
                Long(flag @ ("out" | "check" | "runtime" | "workspace-member" | "spec")) => {
                    return Err(format!(
                        "`--{flag}` is an option of generation; `specgen diff` writes nothing and reads `--old` and `--new`"
                    ));
                }
                Long(flag) => {
                    let flag = flag.to_owned();
                    let known = arguments.options.take(&flag, || {
                        parser.value().map_err(|err| err.to_string()).and_then(text)
                    })?;
                    if !known {
                        return Err(format!("invalid option '--{flag}'"));
                    }
                }
                other => return Err(other.unexpected().to_string()),
            }
        }
        if arguments.old.is_empty() || arguments.new.is_empty() {
            return Err("`--old FILE...` and `--new FILE...` are both needed".to_owned());
        }
        if let Some(name) = &arguments.options.name {
            codegen::disk::check_package_name(name)?;
        }
        Ok(Some(arguments))
    }
}

fn generate(options: &codegen::options::Options) -> anyhow::Result<ExitCode> {
    let config = options
        .config()
        .map_err(|err| anyhow::anyhow!("{err} (see `specgen --help`)"))?;
    let out = options.out.as_deref().unwrap_or(Path::new("."));
    let report = codegen::disk::generate_into(
        &config,
        out,
        options.check,
        &options.rerun_command("specgen"),
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

/// `path` relative to the current directory where it is inside it, as a user would type it.
fn shown(path: &Path) -> &Path {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path)
}
