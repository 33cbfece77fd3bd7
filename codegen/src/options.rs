//! The command line's options, shared by `specgen` and `cargo xtask codegen --spec … --out DIR`:
//! one set of names, one parser, one help text, one way to a [`Config`], and the command that
//! reruns a check. [`Builder`](crate::Builder) has a method of the same name for each option
//! that a build script can use.
//!
//! The entry points read their arguments with whatever parser they like and hand each long option
//! here ([`Options::take`]); what this module does not know is theirs.

use std::path::{Path, PathBuf};

use crate::{Config, Customize, RUNTIME_PACKAGE, Target};

/// The options' help text, as both commands print it.
pub const HELP: &str = "    --spec FILE          a spec, JSON or YAML: OpenAPI 3.0/3.1, Swagger 2.0, JSON Schema draft 4
                         to 2020-12; several share one namespace
    --root NAME          generate only this schema and what it references (repeatable)
    --out DIR            the crate to write; the generator only changes files it wrote itself
    --name NAME          the package name (default: from the folder name)
    --check              write nothing; fail with a diff when DIR is out of date with the specs
    --runtime DIR        the specgen-runtime crate's folder, shared by every crate that names it
                         (default: DIR/specgen-runtime, the crate's own copy)
    --workspace-member   DIR (and a shared --runtime) are members of an enclosing cargo workspace:
                         the manifest has no [workspace] of its own
    --vapi               the specs follow vAPI's conventions (VMware vSphere): an optional property
                         may be null, and `For more information see: *X*.` links the enum X
    --ignore-unknown-properties
                         structs skip the properties their schema does not name, instead of keeping
                         them to encode back
    --uri-folder PREFIX=DIR
                         documents under a URI prefix are the files in DIR (never fetched)
    --format-assertion true|false
                         whether `format` is checked (default: as each document's dialect says)
    --derive TRAIT       a derive for every type that can take it (`Hash`)
    --type-derive SCHEMA=TRAIT
                         a derive for one schema's type, by its spec name
    --attribute ATTR     an outer attribute for every type (`#[must_use]`)
    --type-attribute SCHEMA=ATTR
                         an outer attribute for one schema's type
    --replace SCHEMA=PATH
                         a type of yours for a schema (`Tag=crate::Label`)";

/// Writes `text` to standard output, as both commands print reports and help. A reader that
/// closed the pipe (`specgen diff … | head`) has what it wanted: that is not an error, and no
/// panic, as `print!` would make it.
pub fn print_out(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Every option of the command line, as given.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--spec`
    pub specs: Vec<PathBuf>,
    /// `--root`
    pub roots: Vec<String>,
    /// `--out`
    pub out: Option<PathBuf>,
    /// `--name`
    pub name: Option<String>,
    /// `--check`
    pub check: bool,
    /// `--runtime`
    pub runtime: Option<PathBuf>,
    /// `--workspace-member`
    pub workspace_member: bool,
    /// `--vapi`
    pub vapi: bool,
    /// `--ignore-unknown-properties`
    pub ignore_unknown_properties: bool,
    /// `--uri-folder`, in order.
    pub uri_folders: Vec<(String, PathBuf)>,
    /// `--format-assertion`
    pub format_assertion: Option<bool>,
    /// `--derive`, `--type-derive`, `--attribute`, `--type-attribute`, `--replace`, in order of
    /// kind.
    pub customize: Customize,
    /// Each option as given, for the command that reruns a check.
    words: Vec<(String, Option<String>)>,
}

/// What the command line asked for.
#[derive(Debug)]
// Made once per run and matched at once: a box would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Parsed {
    /// The options.
    Run(Options),
    /// `--help` / `-h`.
    Help,
}

impl Options {
    /// Reads every option left in `parser`: the options, or that help was asked for, or what is
    /// wrong, in words.
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Parsed, String> {
        use lexopt::prelude::*;
        let mut options = Options::default();
        while let Some(arg) = parser.next().map_err(|err| err.to_string())? {
            match arg {
                Long("help") | Short('h') => return Ok(Parsed::Help),
                Long(flag) => {
                    let flag = flag.to_owned();
                    let known = options.take(&flag, || {
                        parser
                            .value()
                            .map_err(|err| err.to_string())?
                            .string()
                            .map_err(|err| err.to_string())
                    })?;
                    if !known {
                        return Err(format!("invalid option '--{flag}'"));
                    }
                }
                other => return Err(other.unexpected().to_string()),
            }
        }
        Ok(Parsed::Run(options))
    }

    /// Takes the long option `--flag` (without its dashes), reading its value from `value` when
    /// it has one. `Ok(false)`: not one of these options.
    pub fn take(
        &mut self,
        flag: &str,
        value: impl FnOnce() -> Result<String, String>,
    ) -> Result<bool, String> {
        let takes_value = match flag {
            "check" | "workspace-member" | "vapi" | "ignore-unknown-properties" => false,
            "spec" | "root" | "out" | "name" | "runtime" | "uri-folder" | "format-assertion"
            | "derive" | "type-derive" | "attribute" | "type-attribute" | "replace" => true,
            _ => return Ok(false),
        };
        let value = if takes_value { Some(value()?) } else { None };
        let text = value.clone().unwrap_or_default();
        let pair = |what: &str| -> Result<(String, String), String> {
            match text.split_once('=') {
                Some((name, item)) if !name.is_empty() && !item.is_empty() => {
                    Ok((name.to_owned(), item.to_owned()))
                }
                _ => Err(format!(
                    "`--{flag} {text}` should be `--{flag} {what}`, with a `=` between the two"
                )),
            }
        };
        match flag {
            "spec" => self.specs.push(PathBuf::from(&text)),
            "root" => self.roots.push(text.clone()),
            "out" => self.out = Some(PathBuf::from(&text)),
            "name" => self.name = Some(text.clone()),
            "check" => self.check = true,
            "runtime" => self.runtime = Some(PathBuf::from(&text)),
            "workspace-member" => self.workspace_member = true,
            "vapi" => self.vapi = true,
            "ignore-unknown-properties" => self.ignore_unknown_properties = true,
            "uri-folder" => {
                let (prefix, dir) = pair("PREFIX=DIR")?;
                self.uri_folders.push((prefix, PathBuf::from(dir)));
            }
            "format-assertion" => {
                self.format_assertion = Some(match text.as_str() {
                    "true" => true,
                    "false" => false,
                    _ => {
                        return Err(format!(
                            "`--format-assertion {text}` should be `true` or `false`"
                        ));
                    }
                })
            }
            "derive" => self.customize.derives.push(text.clone()),
            "type-derive" => {
                let (schema, derive) = pair("SCHEMA=TRAIT")?;
                self.customize
                    .type_derives
                    .entry(schema)
                    .or_default()
                    .push(derive);
            }
            "attribute" => self.customize.attributes.push(text.clone()),
            "type-attribute" => {
                let (schema, attribute) = pair("SCHEMA=ATTR")?;
                self.customize
                    .type_attributes
                    .entry(schema)
                    .or_default()
                    .push(attribute);
            }
            _ => {
                let (schema, path) = pair("SCHEMA=PATH")?;
                self.customize.replacements.insert(schema, path);
            }
        }
        self.words.push((flag.to_owned(), value));
        Ok(true)
    }

    /// Whether any option that only a standalone crate has was given (`--spec … --out DIR`).
    pub fn any_for_standalone(&self) -> bool {
        self.words.iter().any(|(flag, _)| flag != "check")
    }

    /// The configuration of the standalone crate at `--out` that these options describe: the
    /// package name given, or made from the folder's name, and checked; the runtime in the
    /// crate or shared (`--runtime`, depended on by its path from the crate).
    pub fn config(&self) -> Result<Config, String> {
        let Some(out) = &self.out else {
            return Err("`--out DIR` is needed: where to write the crate".to_owned());
        };
        if self.specs.is_empty() {
            return Err("at least one `--spec FILE` is needed".to_owned());
        }
        let name = match &self.name {
            Some(name) => name.clone(),
            None => crate::disk::package_name_for(out)?,
        };
        crate::disk::check_package_name(&name)?;
        let runtime = match &self.runtime {
            Some(dir) => Some(manifest_path(&relative_path(out, dir)?)),
            None => None,
        };
        Ok(self.config_of(
            &self.specs,
            Target::Crate {
                name,
                runtime,
                workspace_member: self.workspace_member,
            },
        ))
    }

    /// The configuration that `specgen diff` reads one version with: these options, `specs`
    /// for the spec files, and a crate named `--name` (or `api`) as the Rust items' crate.
    pub fn diff_config(&self, specs: &[PathBuf]) -> Config {
        self.config_of(
            specs,
            Target::Crate {
                name: self.diff_crate_name(),
                runtime: None,
                workspace_member: false,
            },
        )
    }

    /// These options as a configuration of `specs` for `target`.
    fn config_of(&self, specs: &[PathBuf], target: Target) -> Config {
        Config {
            base_dir: PathBuf::new(),
            specs: specs.to_vec(),
            roots: self.roots.clone(),
            target,
            customize: self.customize.clone(),
            uri_folders: self.uri_folders.clone(),
            default_schema: None,
            format_assertion: self.format_assertion,
            vapi: self.vapi,
            keep_unknown_properties: !self.ignore_unknown_properties,
        }
    }

    /// The crate `specgen diff` names Rust items in: `--name`, or `api`.
    pub fn diff_crate_name(&self) -> String {
        self.name.clone().unwrap_or_else(|| "api".to_owned())
    }

    /// The command that brings the folders up to date: `program` with the same options, without
    /// `--check`, as the user would type it again.
    pub fn rerun_command(&self, program: &str) -> String {
        // Each word quoted as a POSIX shell needs it, so that a path with spaces pastes as one.
        let quote = |word: &str| {
            shlex::try_quote(word).map_or_else(|_| word.to_owned(), |quoted| quoted.into_owned())
        };
        let mut words = vec![program.to_owned()];
        for (flag, value) in &self.words {
            if flag == "check" {
                continue;
            }
            match value {
                Some(value) => words.push(format!("--{flag} {}", quote(value))),
                None => words.push(format!("--{flag}")),
            }
        }
        words.join(" ")
    }
}

/// The runtime's folder as seen from the crate's: both as given (relative to the current
/// directory, or absolute), so the path works wherever the two folders are moved together.
fn relative_path(from: &Path, to: &Path) -> Result<PathBuf, String> {
    let absolute = |path: &Path| -> Result<PathBuf, String> {
        let path = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir()
                .map_err(|err| format!("cannot read the current directory: {err}"))?
                .join(path)
        };
        Ok(crate::load::normalize(&path))
    };
    let (from, to) = (absolute(from)?, absolute(to)?);
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if common == 0 {
        // Another drive, on Windows: only the absolute path reaches it.
        return Ok(to.iter().collect());
    }
    let mut path = PathBuf::new();
    for _ in common..from.len() {
        path.push("..");
    }
    for component in &to[common..] {
        path.push(component);
    }
    if path.as_os_str().is_empty() {
        return Err(format!(
            "`--runtime` is the crate's own folder; give the folder {RUNTIME_PACKAGE} should be in"
        ));
    }
    Ok(path)
}

/// A path as a manifest writes it: `/` between folders, whatever the system.
fn manifest_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        let mut options = Options::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let flag = arg.strip_prefix("--").expect("a long option");
            let known = options.take(flag, || {
                args.next()
                    .map(|v| (*v).to_owned())
                    .ok_or_else(|| format!("--{flag} needs a value"))
            })?;
            assert!(known, "--{flag} is an option");
        }
        Ok(options)
    }

    #[test]
    fn every_option_of_the_help_is_taken_and_given_back_in_the_rerun_command() {
        let options = parse(&[
            "--spec",
            "a b.yaml",
            "--root",
            "Pet",
            "--out",
            "out",
            "--name",
            "pets",
            "--check",
            "--runtime",
            "../rt",
            "--workspace-member",
            "--vapi",
            "--ignore-unknown-properties",
            "--uri-folder",
            "https://x.org/=schemas",
            "--format-assertion",
            "true",
            "--derive",
            "Hash",
            "--type-derive",
            "Pet=Eq",
            "--attribute",
            "#[must_use]",
            "--type-attribute",
            "Pet=#[non_exhaustive]",
            "--replace",
            "Tag=crate::Label",
        ])
        .expect("parses");
        assert_eq!(options.specs, [PathBuf::from("a b.yaml")]);
        assert_eq!(
            options.uri_folders,
            [("https://x.org/".to_owned(), PathBuf::from("schemas"))]
        );
        assert_eq!(options.format_assertion, Some(true));
        assert_eq!(options.customize.type_derives["Pet"], ["Eq"]);
        assert_eq!(options.customize.replacements["Tag"], "crate::Label");
        assert!(options.check && options.vapi && options.workspace_member);
        assert_eq!(
            options.rerun_command("specgen"),
            "specgen --spec 'a b.yaml' --root Pet --out out --name pets --runtime ../rt \
             --workspace-member --vapi --ignore-unknown-properties --uri-folder \
             'https://x.org/=schemas' --format-assertion true --derive Hash --type-derive \
             'Pet=Eq' --attribute '#[must_use]' --type-attribute 'Pet=#[non_exhaustive]' \
             --replace 'Tag=crate::Label'"
        );
        // Every option the help text names is one `take` knows.
        for line in HELP.lines() {
            if let Some(flag) = line.trim_start().strip_prefix("--") {
                let flag = flag.split_whitespace().next().expect("a name");
                let mut fresh = Options::default();
                let known = fresh.take(flag, || Ok("a=b".to_owned()));
                assert!(
                    known.is_ok_and(|known| known) || flag == "format-assertion",
                    "--{flag}"
                );
            }
        }
    }

    #[test]
    fn rerun_commands_quote_what_a_shell_would_split() {
        let options =
            parse(&["--spec", "my specs/it's.yaml", "--out", "/tmp/out dir"]).expect("parses");
        assert_eq!(
            options.rerun_command("specgen"),
            r#"specgen --spec "my specs/it's.yaml" --out '/tmp/out dir'"#
        );
    }

    #[test]
    fn a_pair_without_its_equals_sign_or_a_wrong_boolean_is_explained() {
        let err = parse(&["--type-derive", "Pet"]).expect_err("no `=`");
        assert_eq!(
            err,
            "`--type-derive Pet` should be `--type-derive SCHEMA=TRAIT`, with a `=` between the two"
        );
        let err = parse(&["--format-assertion", "yes"]).expect_err("not a boolean");
        assert_eq!(err, "`--format-assertion yes` should be `true` or `false`");
        let mut options = Options::default();
        assert_eq!(options.take("nonsense", || Ok(String::new())), Ok(false));
    }

    #[test]
    fn a_shared_runtime_is_named_by_its_path_from_the_crate() {
        let options = parse(&[
            "--spec",
            "a.yaml",
            "--out",
            "apis/a",
            "--runtime",
            "apis/rt",
        ])
        .expect("parses");
        let config = options.config().expect("a config");
        assert_eq!(
            config.target,
            Target::Crate {
                name: "a".to_owned(),
                runtime: Some("../rt".to_owned()),
                workspace_member: false,
            }
        );
        let inside = parse(&["--spec", "a.yaml", "--out", "x", "--runtime", "x"]).expect("parses");
        assert!(inside.config().is_err());
    }
}
