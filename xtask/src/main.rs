//! The project's entry point for development tasks, run as `cargo xtask <command>`.
//!
//! - `cargo xtask codegen` regenerates `generated/` from `specs/`.
//! - `cargo xtask codegen --check` writes nothing and fails when `generated/` is stale.
//! - `cargo xtask codegen --spec FILE… [--root NAME…] --out DIR [--name NAME]` writes a standalone
//!   crate generated from any spec.

mod codegen;

use std::process::ExitCode;

use anyhow::{Context, bail};

fn usage() -> String {
    format!(
        "\
usage:
    cargo xtask codegen [--check]
        regenerate generated/ from specs/ (with --check: write nothing, fail when stale)
    cargo xtask codegen --spec FILE [--spec FILE]... --out DIR [OPTION]...
        generate a standalone crate at DIR from the given specs, as `specgen` does

options:
{}",
        ::codegen::options::HELP
    )
}

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
            println!("{}", usage());
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => bail!("{}\n{}", other.unexpected(), usage()),
    };
    if command != "codegen" {
        bail!("unknown command `{command}`\n{}", usage());
    }
    let options = match ::codegen::options::Options::parse(&mut parser) {
        Ok(::codegen::options::Parsed::Run(options)) => options,
        Ok(::codegen::options::Parsed::Help) => {
            println!("{}", usage());
            return Ok(ExitCode::SUCCESS);
        }
        Err(message) => bail!("{message}\n{}", usage()),
    };
    codegen::run(options).context("cargo xtask codegen failed")
}
