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

options:
{}
    -h, --help           this text

examples:
    specgen --spec api.yaml --out crates/api-types
    specgen --spec api.yaml --root Pet --out pet-types --name pet-types
    specgen --spec a.yaml --out apis/a --runtime apis/specgen-runtime
    specgen --spec api.yaml --out crates/api-types --check",
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
    let mut parser = lexopt::Parser::from_env();
    match codegen::options::Options::parse(&mut parser) {
        Ok(codegen::options::Parsed::Run(options)) => generate(&options).context("specgen failed"),
        Ok(codegen::options::Parsed::Help) => {
            println!("{}", usage());
            Ok(ExitCode::SUCCESS)
        }
        Err(message) => bail!("{message}\n\n{}", usage()),
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
