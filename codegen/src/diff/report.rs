//! The report for people (text, markdown) and for programs (JSON).

use super::{Change, Report};

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// For a terminal: grouped by Rust item, breaking first.
    #[default]
    Text,
    /// One JSON array of changes.
    Json,
    /// For a pull request: grouped as the text is.
    Markdown,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Format, String> {
        match text {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "markdown" => Ok(Format::Markdown),
            other => Err(format!(
                "`--format {other}`: expected `text`, `json` or `markdown`"
            )),
        }
    }
}

pub(super) fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Json => json(report),
        Format::Text => people(report, false),
        Format::Markdown => people(report, true),
    }
}

fn json(report: &Report) -> String {
    let verdict =
        |v: &super::Verdict| serde_json::json!({ "verdict": v.word(), "reason": v.reason });
    let changes: Vec<serde_json::Value> = report
        .changes
        .iter()
        .map(|c| {
            serde_json::json!({
                "id": c.id,
                "old": c.old,
                "new": c.new,
                "rust_items": c.rust_items,
                "rust": verdict(&c.rust),
                "wire": verdict(&c.wire),
                "message": c.message,
                "group": c.group,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&changes).expect("invariant: JSON values encode");
    text.push('\n');
    text
}

/// The changes by group: groups with a breaking change first, and breaking changes first in each.
fn groups(report: &Report) -> Vec<(&str, Vec<&Change>)> {
    let mut groups: Vec<(&str, Vec<&Change>)> = Vec::new();
    for change in &report.changes {
        match groups.iter_mut().find(|(name, _)| *name == change.group) {
            Some((_, changes)) => changes.push(change),
            None => groups.push((&change.group, vec![change])),
        }
    }
    let breaks = |c: &Change| (!c.rust.breaking, !c.wire.breaking);
    for (_, changes) in &mut groups {
        changes.sort_by_key(|c| breaks(c));
    }
    groups.sort_by_key(|(name, changes)| {
        let worst = changes.iter().map(|c| breaks(c)).min();
        (worst, name.to_string())
    });
    groups
}

fn people(report: &Report, markdown: bool) -> String {
    let total = report.changes.len();
    let rust = report.changes.iter().filter(|c| c.rust.breaking).count();
    let wire = report.changes.iter().filter(|c| c.wire.breaking).count();
    let mut out = String::new();
    let summary = if total == 0 {
        "no changes that reach the generated code".to_owned()
    } else {
        format!(
            "{total} change{}: {rust} break{} Rust code, {wire} break{} the wire",
            if total == 1 { "" } else { "s" },
            if rust == 1 { "s" } else { "" },
            if wire == 1 { "s" } else { "" },
        )
    };
    if markdown {
        out.push_str(&format!(
            "### What the spec change does to `{}`\n\n{summary}.\n",
            report.crate_name
        ));
    } else {
        out.push_str(&format!("{summary}.\n"));
    }
    for (group, changes) in groups(report) {
        if markdown {
            out.push_str(&format!("\n#### `{group}`\n\n"));
        } else {
            out.push_str(&format!("\n{group}\n"));
        }
        for c in changes {
            let mark = |v: &super::Verdict, what: &str| {
                if v.breaking {
                    if markdown {
                        format!("**{what}: breaking**")
                    } else {
                        format!("{what}: BREAKING")
                    }
                } else {
                    format!("{what}: compatible")
                }
            };
            let verdicts = format!("{}, {}", mark(&c.rust, "rust"), mark(&c.wire, "wire"));
            let reasons: Vec<String> = [("rust", &c.rust), ("wire", &c.wire)]
                .into_iter()
                .filter(|(_, v)| v.breaking)
                .map(|(what, v)| format!("{what}: {}", v.reason))
                .collect();
            if markdown {
                out.push_str(&format!("- {verdicts} · `{}`: {}", c.id, c.message));
                if !reasons.is_empty() {
                    out.push_str(&format!(" — _{}_", reasons.join("; ")));
                }
                out.push('\n');
            } else {
                out.push_str(&format!("  {} [{verdicts}]\n    {}\n", c.id, c.message));
                for reason in reasons {
                    out.push_str(&format!("    {reason}\n"));
                }
            }
        }
    }
    out
}
