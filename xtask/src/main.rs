//! The project's entry point for development tasks, run as `cargo xtask <command>`.
//!
//! - `cargo xtask codegen` regenerates `generated/` from `specs/`.
//! - `cargo xtask codegen --check` writes nothing and fails when `generated/` is stale.
//! - `cargo xtask codegen --spec FILE… [--root NAME…] --out DIR [--name NAME]` writes a standalone
//!   crate generated from any spec.
//! - `cargo xtask codegen --diff-against REV [--format text|json|markdown] [--fail-on rust|wire|any]`
//!   reports what `specs/` at `REV` → `specs/` now does to `vsphere-types` (as `specgen diff`).

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
    cargo xtask codegen --diff-against REV [--format text|json|markdown] [--fail-on rust|wire|any]
        what specs/ as of the git revision REV -> specs/ now does to vsphere-types, as
        `specgen diff` reports it (exit status 1 when a change reaches --fail-on, 2 on bad input)

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
            // The report's exit statuses: 1 says a change reached `--fail-on`, so bad input is 2.
            let reporting = std::env::args().any(|arg| arg.starts_with("--diff-against"));
            if reporting {
                ExitCode::from(::codegen::diff::BAD_INPUT)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    use lexopt::prelude::*;

    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next()? {
        Some(Value(command)) => command.string()?,
        Some(Long("help") | Short('h')) | None => {
            ::codegen::options::print_out(&format!("{}\n", usage()));
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => bail!("{}\n{}", other.unexpected(), usage()),
    };
    if command != "codegen" {
        bail!("unknown command `{command}`\n{}", usage());
    }
    let mut options = ::codegen::options::Options::default();
    let mut diff = codegen::DiffRequest::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("help") | Short('h') => {
                ::codegen::options::print_out(&format!("{}\n", usage()));
                return Ok(ExitCode::SUCCESS);
            }
            Long("diff-against") => diff.against = Some(parser.value()?.string()?),
            Long("format") => {
                diff.format_given = true;
                diff.format = parser
                    .value()?
                    .string()?
                    .parse()
                    .map_err(anyhow::Error::msg)?;
            }
            Long("fail-on") => {
                diff.fail_on = Some(
                    parser
                        .value()?
                        .string()?
                        .parse()
                        .map_err(anyhow::Error::msg)?,
                );
            }
            Long(flag) => {
                let flag = flag.to_owned();
                let known = options
                    .take(&flag, || {
                        parser
                            .value()
                            .map_err(|err| err.to_string())?
                            .string()
                            .map_err(|err| err.to_string())
                    })
                    .map_err(anyhow::Error::msg)?;
                if !known {
                    bail!("invalid option '--{flag}'\n{}", usage());
                }
            }
            other => bail!("{}\n{}", other.unexpected(), usage()),
        }
    }
    if diff.against.is_none() && (diff.format_given || diff.fail_on.is_some()) {
        bail!(
            "`--format` and `--fail-on` go with `--diff-against REV`\n{}",
            usage()
        );
    }
    if diff.against.is_some() {
        if options.any_for_standalone() || options.check {
            bail!(
                "`--diff-against` compares specs/ as they were with specs/ now: it takes no other options but `--format` and `--fail-on`"
            );
        }
        return Ok(codegen::diff_against(&diff));
    }
    codegen::run(options).context("cargo xtask codegen failed")
}
