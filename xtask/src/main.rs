//! The project's entry point for development tasks, run as `cargo xtask <command>`.
//!
//! - `cargo xtask codegen` regenerates `generated/` from `specs/`.
//! - `cargo xtask codegen --check` writes nothing and fails when `generated/` is stale.
//! - `cargo xtask codegen --spec FILE… [--root NAME…] --out DIR [--name NAME]` writes a standalone
//!   crate generated from any spec.

mod codegen;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

const USAGE: &str = "\
usage:
    cargo xtask codegen [--check]
        regenerate generated/ from specs/ (with --check: write nothing, fail when stale)
    cargo xtask codegen --spec FILE [--spec FILE]... [--root NAME]... --out DIR [--name NAME]
        generate a standalone crate at DIR from the given specs";

/// Generation makes and drops many small token trees: mimalloc takes a third off its time
/// (BENCHMARKS.md).
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
    use lexopt::prelude::*;

    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next()? {
        Some(Value(command)) => command.string()?,
        Some(Long("help") | Short('h')) | None => {
            println!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => bail!("{}\n{USAGE}", other.unexpected()),
    };
    if command != "codegen" {
        bail!("unknown command `{command}`\n{USAGE}");
    }
    let mut args = codegen::Args::default();
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
            other => bail!("{}\n{USAGE}", other.unexpected()),
        }
    }
    codegen::run(args).context("cargo xtask codegen failed")
}
