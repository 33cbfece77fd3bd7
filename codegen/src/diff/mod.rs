//! What a new version of a spec does to the code generated from it: two versions are lowered to
//! the IR exactly as [`generate`](crate::generate) lowers them (same loader, configuration and
//! naming), and the two type spaces are compared. Each difference is one [`Change`], with a stable
//! id from [`IDS`], its places in both specs, the Rust items it touches, and two verdicts: `rust`
//! (does code written against the old crate still compile?) and `wire` (does a client built from
//! the old spec still read the new server's answers and send requests it accepts?).
//!
//! The verdicts follow from the shape of generated code, which is built to let specs grow:
//! structs and request structs are `#[non_exhaustive]` with a `new` taking the required fields,
//! open enums, tagged unions and response enums are `#[non_exhaustive]`. Tests in
//! `cli/tests/diff.rs` compile a user's program against the old and the new crate for every kind
//! of change and check that `rust` says `breaking` exactly when the program stops compiling.
//!
//! On the wire, clients check what they send against the spec and decode answers in the runtime's
//! forward-compatible mode: an enum value they do not know is kept, every other rule is checked.

mod compare;
mod report;

use std::collections::BTreeSet;

pub use report::Format;

use crate::{Config, Error};

/// Which changes make `specgen diff` fail (`--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// A change that breaks code compiled against the old crate.
    Rust,
    /// A change that breaks a client of the old spec talking to the new server.
    Wire,
    /// Either.
    Any,
}

impl std::str::FromStr for FailOn {
    type Err = String;

    fn from_str(text: &str) -> Result<FailOn, String> {
        match text {
            "rust" => Ok(FailOn::Rust),
            "wire" => Ok(FailOn::Wire),
            "any" => Ok(FailOn::Any),
            other => Err(format!(
                "`--fail-on {other}`: expected `rust`, `wire` or `any`"
            )),
        }
    }
}

/// A verdict: whether a change breaks, and why, in one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// `breaking` rather than `compatible`.
    pub breaking: bool,
    /// Why, in one line.
    pub reason: String,
}

impl Verdict {
    pub(crate) fn breaking(reason: impl Into<String>) -> Verdict {
        Verdict {
            breaking: true,
            reason: reason.into(),
        }
    }

    pub(crate) fn compatible(reason: impl Into<String>) -> Verdict {
        Verdict {
            breaking: false,
            reason: reason.into(),
        }
    }

    /// `breaking` or `compatible`.
    pub fn word(&self) -> &'static str {
        if self.breaking {
            "breaking"
        } else {
            "compatible"
        }
    }
}

/// One difference between the two versions, reported once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The kind of change: one of [`IDS`].
    pub id: String,
    /// Where it is in the old spec (`file#/pointer`); `None` for what the new one adds.
    pub old: Option<String>,
    /// Where it is in the new spec; `None` for what it removes.
    pub new: Option<String>,
    /// The Rust items it touches, by their full paths (`vsphere_types::esx::…::StageStatus::progress`).
    pub rust_items: Vec<String>,
    /// The type or operation it belongs to, by its Rust path: what reports group by.
    pub group: String,
    /// Does code compiled against the old crate still compile?
    pub rust: Verdict,
    /// Does a client of the old spec still work with the new server?
    pub wire: Verdict,
    /// What changed, in one line.
    pub message: String,
}

impl Change {
    /// Whether the change reaches `fail_on`.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        match fail_on {
            FailOn::Rust => self.rust.breaking,
            FailOn::Wire => self.wire.breaking,
            FailOn::Any => self.rust.breaking || self.wire.breaking,
        }
    }
}

/// Every change between two versions of a spec.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Sorted by the Rust item they touch, breaking ones first within an item.
    pub changes: Vec<Change>,
    /// The crate the Rust items are in.
    pub crate_name: String,
}

/// The exit status of a report for bad input (an option, a file, a spec): `1` says a change
/// reached `--fail-on`.
pub const BAD_INPUT: u8 = 2;

impl Report {
    /// The exit status of a report: `1` when a change reaches `fail_on`, else `0`.
    pub fn exit_status(&self, fail_on: Option<FailOn>) -> u8 {
        match fail_on {
            Some(fail_on) if self.fails(fail_on) => 1,
            _ => 0,
        }
    }

    /// Whether any change reaches `fail_on`.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        self.changes.iter().any(|change| change.fails(fail_on))
    }

    /// The report in `format`.
    pub fn render(&self, format: Format) -> String {
        report::render(self, format)
    }
}

/// Compares what the generator makes of `old` and of `new`: their specs are lowered as
/// [`generate`](crate::generate) lowers them, and nothing is written. `crate_name` is the crate
/// the Rust items are reported in (`vsphere_types`). An error is what `generate` would report
/// for either version.
pub fn compare(old: &Config, new: &Config, crate_name: &str) -> Result<Report, Error> {
    // The two versions are independent: one each on two threads.
    let (old, new) = std::thread::scope(|scope| {
        let old = scope.spawn(|| lowered(old));
        let new = lowered(new);
        let old = old
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (old, new)
    });
    let (old, new) = (old?, new?);
    let crate_name = crate_name.replace('-', "_");
    let mut changes = compare::changes(&old, &new, &crate_name);
    changes.sort_by(|a, b| {
        fn item(c: &Change) -> &str {
            c.rust_items.first().map_or("", String::as_str)
        }
        (
            item(a),
            !a.rust.breaking,
            !a.wire.breaking,
            &a.id,
            &a.message,
        )
            .cmp(&(
                item(b),
                !b.rust.breaking,
                !b.wire.breaking,
                &b.id,
                &b.message,
            ))
    });
    changes.dedup();
    Ok(Report {
        changes,
        crate_name,
    })
}

/// One version's IR, or the errors that `generate` would give.
fn lowered(config: &Config) -> Result<crate::ir::TypeSpace, Error> {
    let mut lowered = crate::lower_config(config)?;
    if lowered.diagnostics.errors.is_empty() {
        // Compiling the validation program finds the rest of what `generate` refuses (a `$ref`
        // that resolves nowhere, a bad `pattern`); the program itself is not needed.
        let extra = crate::load_uri_folders(&config.base_dir, &config.uri_folders)?;
        crate::program::compile_program(
            config,
            lowered.documents,
            extra,
            &mut lowered.space,
            &mut lowered.diagnostics,
        );
        if !lowered.diagnostics.config.is_empty() {
            return Err(Error::Config(lowered.diagnostics.config));
        }
    }
    if !lowered.diagnostics.errors.is_empty() {
        lowered.diagnostics.errors.sort();
        lowered.diagnostics.errors.dedup();
        return Err(Error::Spec(lowered.diagnostics.errors));
    }
    Ok(lowered.space)
}

/// Every id a change can have, with what it means. A `{side}` is `request-`, `response-` or
/// nothing: the side of the wire the type is on (a type that both requests and responses use, or
/// any type of a spec without operations, has none). A `{rule}` is one of `min`, `max`,
/// `exclusive-min`, `exclusive-max`, `multiple-of`, `min-length`, `max-length`, `pattern`,
/// `format`, `min-items`, `max-items`, `unique-items`, `min-properties`, `max-properties`,
/// `enum-value` (an `enum` of other than strings); a `{direction}` is `increased`, `decreased`,
/// `added`, `removed` or `changed`. Ids follow oasdiff's where one fits; [`all_ids`] spells every
/// one out.
pub const IDS: &[(&str, &str)] = &[
    ("api-schema-added", "a schema, and its type, is new"),
    ("api-schema-removed", "a schema, and its type, is gone"),
    (
        "api-schema-renamed",
        "a schema has another name (its contents, or its name up to case and punctuation, are the same): its type has another Rust path",
    ),
    (
        "rust-name-shifted",
        "a schema, property or operation kept its name in the spec but its Rust name changed (a collision suffix moved)",
    ),
    (
        "api-schema-type-changed",
        "a schema became another kind of type (a struct, an enum, a union, a newtype), or a newtype holds another type",
    ),
    (
        "new-required-{side}property",
        "a required property was added (`response-required-property-added` on the response side)",
    ),
    (
        "new-optional-{side}property",
        "an optional property was added (`response-optional-property-added` on the response side)",
    ),
    (
        "{side}property-removed",
        "a property was removed (`response-required-property-removed` / `response-optional-property-removed` on the response side)",
    ),
    (
        "{side}property-type-changed",
        "a property holds another type",
    ),
    (
        "{side}property-became-required",
        "an optional property became required",
    ),
    (
        "{side}property-became-optional",
        "a required property became optional",
    ),
    (
        "{side}property-became-nullable",
        "a property now allows `null`",
    ),
    (
        "{side}property-became-not-nullable",
        "a property no longer allows `null`",
    ),
    ("{side}property-enum-value-added", "an enum gained a value"),
    ("{side}property-enum-value-removed", "an enum lost a value"),
    (
        "{side}property-one-of-added",
        "a union (`oneOf`/`anyOf`, or a discriminator's mapping) gained an alternative",
    ),
    (
        "{side}property-one-of-removed",
        "a union lost an alternative",
    ),
    (
        "{side}property-{rule}-{direction}",
        "a constraint of a property, or of the items of its arrays and maps, changed",
    ),
    (
        "{side}schema-{rule}-{direction}",
        "a constraint of a newtype (a schema of a string, a number, an array) changed",
    ),
    (
        "{side}property-discriminator-mapping-changed",
        "which discriminator values select an alternative, or which property holds them, changed; or a union gained or lost its discriminator",
    ),
    (
        "rust-accessor-changed",
        "a generated accessor or impl is gone or returns another type: a response enum's `error()` (its error statuses no longer share one body type), a family's shared field (a subtype no longer has it alike), an operation's `TaskOperation` (it is no longer a vSphere task)",
    ),
    (
        "rust-constructor-arguments-reordered",
        "`new` takes the same arguments in another order (the spec reordered required properties or parameters)",
    ),
    (
        "{side}property-default-value-{direction}",
        "a property's default was added, removed or changed",
    ),
    (
        "{side}property-additional-properties-changed",
        "what an object keeps besides its properties changed (`additionalProperties`)",
    ),
    ("endpoint-added", "an operation is new"),
    (
        "api-removed-without-deprecation",
        "an operation is gone without having been deprecated",
    ),
    (
        "api-removed-with-deprecation",
        "an operation that was deprecated is gone",
    ),
    (
        "api-operation-id-updated",
        "an operation (same method and path) has another `operationId`, so another Rust name",
    ),
    (
        "api-path-changed",
        "an operation (same `operationId`) has another method or path",
    ),
    (
        "new-required-request-parameter",
        "a required parameter was added",
    ),
    (
        "new-optional-request-parameter",
        "an optional parameter was added",
    ),
    ("request-parameter-removed", "a parameter was removed"),
    (
        "request-parameter-became-required",
        "an optional parameter became required",
    ),
    (
        "request-parameter-became-optional",
        "a required parameter became optional",
    ),
    (
        "request-parameter-type-changed",
        "a parameter holds another type",
    ),
    (
        "request-parameter-location-changed",
        "a parameter moved (from the query to a header, say)",
    ),
    (
        "request-parameter-style-changed",
        "a parameter is written another way (`style`, `explode`)",
    ),
    (
        "request-parameter-{rule}-{direction}",
        "a constraint of a parameter changed",
    ),
    ("request-body-added", "an operation takes a body it did not"),
    (
        "request-body-removed",
        "an operation no longer takes a body",
    ),
    (
        "request-body-became-required",
        "a request body became required",
    ),
    (
        "request-body-became-optional",
        "a request body became optional",
    ),
    (
        "request-body-type-changed",
        "a request body holds another type",
    ),
    (
        "request-body-media-type-changed",
        "a request body is sent as another media type",
    ),
    (
        "response-success-status-added",
        "a 1XX–3XX status was documented",
    ),
    (
        "response-non-success-status-added",
        "an error status was documented",
    ),
    (
        "response-success-status-removed",
        "a 1XX–3XX status is no longer documented",
    ),
    (
        "response-non-success-status-removed",
        "an error status is no longer documented",
    ),
    (
        "response-body-type-changed",
        "a response body holds another type",
    ),
    (
        "response-media-type-changed",
        "a response body comes as another media type",
    ),
    (
        "api-security-changed",
        "the security an operation asks for changed",
    ),
];

/// What `{side}`, `{rule}` and `{direction}` in [`IDS`] stand for.
const PLACEHOLDERS: &[(&str, &[&str])] = &[
    ("{side}", &["request-", "response-", ""]),
    (
        "{rule}",
        &[
            "min",
            "max",
            "exclusive-min",
            "exclusive-max",
            "multiple-of",
            "min-length",
            "max-length",
            "pattern",
            "format",
            "min-items",
            "max-items",
            "unique-items",
            "min-properties",
            "max-properties",
            "enum-value",
        ],
    ),
    (
        "{direction}",
        &["increased", "decreased", "added", "removed", "changed"],
    ),
];

/// Every id a change can have: [`IDS`] with their placeholders spelt out.
pub fn all_ids() -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for (template, _) in IDS {
        let mut expanded = vec![(*template).to_owned()];
        for (placeholder, values) in PLACEHOLDERS {
            expanded = expanded
                .into_iter()
                .flat_map(|id| {
                    if id.contains(placeholder) {
                        values.iter().map(|v| id.replace(placeholder, v)).collect()
                    } else {
                        vec![id]
                    }
                })
                .collect();
        }
        ids.extend(expanded);
    }
    // The response side names its property additions and removals as oasdiff does.
    ids.extend(
        [
            "response-required-property-added",
            "response-optional-property-added",
            "response-required-property-removed",
            "response-optional-property-removed",
        ]
        .map(str::to_owned),
    );
    ids
}
