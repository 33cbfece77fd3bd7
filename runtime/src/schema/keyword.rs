//! The one implementation of each keyword that judges a single value by itself: bounds,
//! `multipleOf`, lengths, `pattern`, `format`, item and property counts, `enum`.
//!
//! The evaluator calls these on raw JSON, typed validation (`Rule`) on the values of generated
//! types, so the two give the same verdict and the same message for the same problem (a typed
//! float that is a whole number is shown as an integer: the typed value cannot say whether the
//! document wrote `5` or `5.0`). Each
//! returns, when the value fails, what makes the problem: the message is written only when it
//! is wanted (the evaluator tries `anyOf` alternatives without messages). The caller knows where
//! the value is.

use std::cmp::Ordering;

use regress::Regex;
use serde_json::Value;

use super::format::Format;
use super::json::{Num, brief, cmp_num, is_multiple_of_num, json_eq, quote_str};
use crate::schema::Code;

/// A problem a keyword found: its code and the message that explains it.
pub(crate) type Problem = (Code, String);

pub(crate) fn minimum(x: Num, limit: Num) -> Option<impl FnOnce() -> Problem> {
    (cmp_num(x, limit) == Ordering::Less).then_some(move || {
        (
            Code::Minimum,
            format!("{x} is less than the minimum of {limit}"),
        )
    })
}

pub(crate) fn maximum(x: Num, limit: Num) -> Option<impl FnOnce() -> Problem> {
    (cmp_num(x, limit) == Ordering::Greater).then_some(move || {
        (
            Code::Maximum,
            format!("{x} is greater than the maximum of {limit}"),
        )
    })
}

pub(crate) fn exclusive_minimum(x: Num, limit: Num) -> Option<impl FnOnce() -> Problem> {
    (cmp_num(x, limit) != Ordering::Greater).then_some(move || {
        (
            Code::ExclusiveMinimum,
            format!("{x} is not greater than the exclusive minimum of {limit}"),
        )
    })
}

pub(crate) fn exclusive_maximum(x: Num, limit: Num) -> Option<impl FnOnce() -> Problem> {
    (cmp_num(x, limit) != Ordering::Less).then_some(move || {
        (
            Code::ExclusiveMaximum,
            format!("{x} is not less than the exclusive maximum of {limit}"),
        )
    })
}

/// Exact in decimal: `0.0075` is a multiple of `0.0001` (see [`is_multiple_of_num`]).
pub(crate) fn multiple_of(x: Num, divisor: Num) -> Option<impl FnOnce() -> Problem> {
    (!is_multiple_of_num(x, divisor)).then_some(move || {
        (
            Code::MultipleOf,
            format!("{x} is not a multiple of {divisor}"),
        )
    })
}

/// Code points, as the drafts count; the byte length bounds that count from above, so most
/// strings need no counting.
pub(crate) fn min_length(s: &str, min: u64) -> Option<impl FnOnce() -> Problem> {
    let short =
        (s.len() as u64) < min || (s.len() as u64 / 4 < min && (s.chars().count() as u64) < min);
    short.then_some(move || {
        (
            Code::MinLength,
            format!(
                "{} has {}, fewer than the minimum of {min}",
                quote_str(s),
                plural(s.chars().count(), "character")
            ),
        )
    })
}

pub(crate) fn max_length(s: &str, max: u64) -> Option<impl FnOnce() -> Problem> {
    let long = (s.len() as u64) > max && (s.chars().count() as u64) > max;
    long.then_some(move || {
        (
            Code::MaxLength,
            format!(
                "{} has {}, more than the maximum of {max}",
                quote_str(s),
                plural(s.chars().count(), "character")
            ),
        )
    })
}

/// `regex` is `source` compiled as the program compiles patterns (ECMA-262, Unicode mode).
pub(crate) fn pattern(regex: &Regex, source: &str, s: &str) -> Option<impl FnOnce() -> Problem> {
    regex.find(s).is_none().then_some(move || {
        (
            Code::Pattern,
            format!("{} does not match the pattern `{source}`", quote_str(s)),
        )
    })
}

pub(crate) fn format(format: Format, s: &str) -> Option<impl FnOnce() -> Problem> {
    (!format.check(s)).then_some(move || {
        let example = match format {
            Format::DateTime => " (expected RFC 3339, e.g. \"2024-05-01T12:00:00.000Z\")",
            Format::Date => " (expected RFC 3339's full-date, e.g. \"2024-05-01\")",
            Format::Time => " (expected RFC 3339's full-time, e.g. \"12:00:00Z\")",
            _ => "",
        };
        (
            Code::Format,
            format!("{} is not a valid {}{example}", quote_str(s), format.name()),
        )
    })
}

pub(crate) fn min_items(length: usize, min: u64) -> Option<impl FnOnce() -> Problem> {
    ((length as u64) < min).then_some(move || {
        (
            Code::MinItems,
            format!(
                "array has {}, fewer than the minimum of {min}",
                plural(length, "item")
            ),
        )
    })
}

pub(crate) fn max_items(length: usize, max: u64) -> Option<impl FnOnce() -> Problem> {
    ((length as u64) > max).then_some(move || {
        (
            Code::MaxItems,
            format!(
                "array has {}, more than the maximum of {max}",
                plural(length, "item")
            ),
        )
    })
}

/// `uniqueItems`: item `later` equals item `earlier`; the problem is at `later`.
pub(crate) fn repeated_item(earlier: usize, later: usize) -> Problem {
    (
        Code::UniqueItems,
        format!("items {earlier} and {later} are equal, items must be unique"),
    )
}

/// Every property of the object counts, declared or not.
pub(crate) fn min_properties(count: usize, min: u64) -> Option<impl FnOnce() -> Problem> {
    ((count as u64) < min).then_some(move || {
        (
            Code::MinProperties,
            format!(
                "object has {}, fewer than the minimum of {min}",
                plural(count, "property")
            ),
        )
    })
}

pub(crate) fn max_properties(count: usize, max: u64) -> Option<impl FnOnce() -> Problem> {
    ((count as u64) > max).then_some(move || {
        (
            Code::MaxProperties,
            format!(
                "object has {}, more than the maximum of {max}",
                plural(count, "property")
            ),
        )
    })
}

/// `enum`: `v` must equal one of `values` by JSON equality (`1 == 1.0`, key order irrelevant).
pub(crate) fn listed<'a>(v: &'a Value, values: &'a [Value]) -> Option<impl FnOnce() -> Problem> {
    (!values.iter().any(|allowed| json_eq(allowed, v))).then_some(move || {
        let shown = values.iter().map(|v| match v {
            Value::String(s) => format!("`{s}`"),
            other => format!("`{other}`"),
        });
        unlisted(brief(v), shown)
    })
}

/// A string that an enum of strings (an open enum's known values) does not list: the message
/// [`listed`] gives for it.
pub(crate) fn unlisted_string(value: &str, values: &[&str]) -> Problem {
    unlisted(quote_str(value), values.iter().map(|v| format!("`{v}`")))
}

/// OpenAPI's `discriminator`: `value` names none of the alternatives.
pub(crate) fn unknown_discriminator<'a>(
    value: &str,
    property: &str,
    values: impl Iterator<Item = &'a str>,
) -> Problem {
    let listed: Vec<String> = values.map(|name| format!("`{name}`")).collect();
    (
        Code::Enum,
        format!(
            "{} is not a value of the discriminator `{property}` (expected one of {})",
            quote_str(value),
            listed.join(", ")
        ),
    )
}

fn unlisted(value: String, listed: impl ExactSizeIterator<Item = String>) -> Problem {
    const SHOWN: usize = 24;
    let count = listed.len();
    let mut parts: Vec<String> = listed.take(SHOWN).collect();
    if count > SHOWN {
        parts.push(format!("… ({count} values in all)"));
    }
    let expected = match parts.as_slice() {
        [] => "no value at all: the list is empty".into(),
        [one] => one.clone(),
        _ => format!("one of {}", parts.join(", ")),
    };
    (
        Code::Enum,
        format!("{value} is not a listed value (expected {expected})"),
    )
}

pub(crate) fn constant(v: &Value, c: &Value) -> Option<impl FnOnce() -> Problem> {
    (!json_eq(c, v)).then_some(move || {
        (
            Code::Const,
            format!("{} is not the required value {}", brief(v), brief(c)),
        )
    })
}

/// "1 item", "2 items", "3 properties".
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else if let Some(stem) = word.strip_suffix('y') {
        format!("{n} {stem}ies")
    } else {
        format!("{n} {word}s")
    }
}
