//! Spec descriptions become rustdoc Markdown.
//!
//! vSphere descriptions are Markdown with habits of their own: `*Esx.Settings.Notification*` names
//! another schema, `Possible values:` lists document each enum constant, and the text may contain
//! `<`, `[` or indented lines that rustdoc would read as HTML, links or doctests. This module links
//! what it can resolve, escapes what rustdoc would misread, and leaves the prose alone otherwise.

use std::collections::HashMap;

/// Makes `text` safe and useful as rustdoc. `link` resolves a `*Name*` reference to the text and
/// the intra-doc path of a generated item, or `None` to leave the emphasis as written.
pub(crate) fn rustdoc(text: &str, link: &dyn Fn(&str) -> Option<(String, String)>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_fence = false;
    let mut previous_blank = true;
    // The column where the text of the current list item starts, while in a list.
    let mut list_content: Option<usize> = None;
    for raw_line in text.replace('\t', "    ").lines() {
        let line = raw_line.trim_end();
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            // A fence without a language is a Rust doctest to rustdoc; spec examples are not Rust.
            out.push_str(if in_fence || trimmed.len() > 3 {
                trimmed
            } else {
                "```text"
            });
            out.push('\n');
            in_fence = !in_fence;
            previous_blank = false;
            continue;
        }
        if in_fence {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        // Four spaces after a blank line start an indented code block, which rustdoc would compile.
        let indent = line.len() - trimmed.len();
        let line = if previous_blank && indent >= 4 {
            trimmed
        } else {
            line
        };
        // Runs of blank lines are one paragraph break in Markdown; keep the source short too.
        if trimmed.is_empty() && previous_blank {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if let Some(marker) = list_marker(trimmed) {
            list_content = Some(indent + marker);
        } else if trimmed.is_empty() {
            list_content = None;
        } else if list_content.is_some_and(|content| indent < content) {
            // A line less indented than the item's text reads as a paragraph of its own in the
            // spec; Markdown would glue it to the item ("lazy continuation"). Say what is meant.
            out.push('\n');
            list_content = None;
        }
        escape_line(line, link, &mut out);
        out.push('\n');
        previous_blank = trimmed.is_empty();
    }
    if in_fence {
        out.push_str("```\n");
    }
    out.trim_end().to_owned()
}

/// The width of a list marker that starts `line` (`- `, `* `, `+ `, `1. `), if it is a list item.
fn list_marker(line: &str) -> Option<usize> {
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return Some(2);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && (line[digits..].starts_with(". ") || line[digits..].starts_with(") ")))
        .then_some(digits + 2)
}

/// Escapes one line outside code spans and turns resolvable `*Name*` into links.
fn escape_line(line: &str, link: &dyn Fn(&str) -> Option<(String, String)>, out: &mut String) {
    let mut rest = line;
    let mut in_code = false;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            in_code = !in_code;
            out.push(c);
            rest = &rest[1..];
            continue;
        }
        if in_code {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if c == '*'
            && let Some(end) = rest[1..].find('*')
        {
            let name = &rest[1..=end];
            if !name.is_empty()
                && !name.contains(char::is_whitespace)
                && let Some((text, path)) = link(name)
            {
                out.push_str(&format!("[`{text}`]({path})"));
                rest = &rest[end + 2..];
                continue;
            }
        }
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let end = rest
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
                .unwrap_or(rest.len());
            let url = rest[..end].trim_end_matches(['.', ',', ')', ';', ':']);
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[url.len()..];
            continue;
        }
        if matches!(c, '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    // An unpaired backtick would run the code span to the end of the paragraph; close it here.
    if in_code {
        out.push('`');
    }
}

/// The per-value docs in a vSphere enum description: lines of the form ``- `VALUE`: text``.
pub(crate) fn value_docs(description: &str) -> HashMap<String, String> {
    let mut docs = HashMap::new();
    for line in description.lines() {
        let Some(item) = line.trim_start().strip_prefix("- `") else {
            continue;
        };
        let Some((value, rest)) = item.split_once('`') else {
            continue;
        };
        let text = rest.trim_start_matches(':').trim();
        if !text.is_empty() {
            docs.insert(value.to_owned(), text.to_owned());
        }
    }
    docs
}

/// The enum that a vSphere string property takes its values from: the `X` of the sentence
/// `For more information see: *X*.` in its description.
pub(crate) fn enum_link(description: &str) -> Option<&str> {
    const MARKER: &str = "For more information see: *";
    let start = description.find(MARKER)? + MARKER.len();
    let len = description[start..].find('*')?;
    Some(&description[start..start + len])
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    fn no_links(_: &str) -> Option<(String, String)> {
        None
    }

    #[test]
    fn escapes_what_rustdoc_would_misread() {
        let text = "List<String> [see] `a<b>` *POST /x?y=z*\n\n    indented\nhttps://example.com/a.\n```\nx\n```";
        expect![[r#"
            List\<String\> \[see\] `a<b>` *POST /x?y=z*

            indented
            <https://example.com/a>.
            ```text
            x
            ```"#]]
        .assert_eq(&rustdoc(text, &no_links));
    }

    #[test]
    fn text_after_a_list_is_its_own_paragraph() {
        let text = "Examples:\n   - a\n     continued\n   - b\n  Then a sentence.\nAnd more.";
        expect![[r#"
            Examples:
               - a
                 continued
               - b

              Then a sentence.
            And more."#]]
        .assert_eq(&rustdoc(text, &no_links));
    }

    #[test]
    fn links_resolvable_names() {
        let link = |name: &str| (name == "A.B").then(|| ("B".to_owned(), "crate::a::B".to_owned()));
        expect!["See [`B`](crate::a::B) and *A.C*."]
            .assert_eq(&rustdoc("See *A.B* and *A.C*.", &link));
    }

    #[test]
    fn finds_enum_links_and_value_docs() {
        let description = "The status.\n\nPossible values:\n  - `RUNNING`: In progress.\n  - `OK`\n\nFor more information see: *A.B.Status*.\n";
        assert_eq!(enum_link(description), Some("A.B.Status"));
        assert_eq!(enum_link("no link"), None);
        let docs = value_docs(description);
        assert_eq!(
            docs.get("RUNNING").map(String::as_str),
            Some("In progress.")
        );
        assert_eq!(docs.get("OK"), None);
    }
}
