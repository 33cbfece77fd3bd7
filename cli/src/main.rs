//! `specgen`: the generator as a command of its own, for any spec outside this workspace.
//!
//! It writes a standalone crate (with a copy of the runtime crate next to it), or with `--check`
//! writes nothing and fails when the crate is out of date with its specs. Generation, the
//! messages and the rules about which files may be touched are `codegen`'s, shared with
//! `cargo xtask codegen`, so both commands behave and report alike.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

const USAGE: &str = "\
specgen: typed, validated Rust from OpenAPI and JSON Schema specs

usage:
    specgen --spec FILE [--spec FILE]... [--root NAME]... --out DIR [--name NAME] [--check]

options:
    --spec FILE   a spec, JSON or YAML: OpenAPI 3.0/3.1, Swagger 2.0, JSON Schema draft 4 to
                  2020-12; several share one namespace
    --root NAME   generate only this schema and what it references (repeatable)
    --out DIR     the crate to write; the generator only changes files it wrote itself
    --name NAME   the package name (default: from the folder name)
    --check       write nothing; fail with a diff when DIR is out of date with the specs
    -h, --help    this text

examples:
    specgen --spec api.yaml --out crates/api-types
    specgen --spec api.yaml --root Pet --out pet-types --name pet-types
    specgen --spec api.yaml --out crates/api-types --check";

/// Generation makes and drops many small token trees: mimalloc takes a third off its time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Default)]
struct Args {
    check: bool,
    specs: Vec<PathBuf>,
    roots: Vec<String>,
    out: Option<PathBuf>,
    name: Option<String>,
}

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
    use lexopt::prelude::*;

    let mut parser = lexopt::Parser::from_env();
    let mut args = Args::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("check") => args.check = true,
            Long("spec") => args.specs.push(PathBuf::from(parser.value()?)),
            Long("root") => args.roots.push(parser.value()?.string()?),
            Long("out") => args.out = Some(PathBuf::from(parser.value()?)),
            Long("name") => args.name = Some(parser.value()?.string()?),
            Long("help") | Short('h') => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other => bail!("{}\n\n{USAGE}", other.unexpected()),
        }
    }
    generate(args).context("specgen failed")
}

fn generate(args: Args) -> anyhow::Result<ExitCode> {
    let Some(out) = &args.out else {
        bail!("`--out DIR` is needed: where to write the crate (see `specgen --help`)");
    };
    if args.specs.is_empty() {
        bail!("at least one `--spec FILE` is needed (see `specgen --help`)");
    }
    let config =
        codegen::disk::standalone_config(&args.specs, &args.roots, out, args.name.as_deref())
            .map_err(anyhow::Error::msg)?;
    let rerun = codegen::disk::rerun_command(
        "specgen",
        &args.specs,
        &args.roots,
        args.out.as_deref(),
        args.name.as_deref(),
    );
    let report = codegen::disk::generate_into(
        &config,
        out,
        args.check,
        &rerun,
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
