//! Parameters as OpenAPI serializes them: each `style` (`simple`, `label`, `matrix`, `form`,
//! `spaceDelimited`, `pipeDelimited`, `deepObject`, and Swagger 2.0's tab-separated
//! `collectionFormat`), exploded or not, for primitives, arrays and objects, percent-encoded by
//! RFC 3986.
//!
//! A value arrives as the JSON its type encodes to (`serde_json::Value`), so every Rust type a
//! parameter can have is serialized by one set of rules.

use serde_json::Value;

/// How a parameter is written (`style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `a,b` (path and header default).
    Simple,
    /// `.a.b`
    Label,
    /// `;name=a;name=b`
    Matrix,
    /// `name=a&name=b` (query and cookie default).
    Form,
    /// `name=a%20b`
    SpaceDelimited,
    /// `name=a|b`
    PipeDelimited,
    /// Swagger 2.0's `tsv`: `name=a%09b`.
    TabDelimited,
    /// `name[key]=value`
    DeepObject,
}

/// The characters RFC 3986 leaves unencoded anywhere: its unreserved set.
fn unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// `text` percent-encoded as RFC 3986 wants a path segment, a query name or a query value: every
/// byte but the unreserved ones (so `/`, `?`, `&`, `=`, spaces and non-ASCII text are escaped).
pub fn percent_encode(text: &str, out: &mut String) {
    for &byte in text.as_bytes() {
        if unreserved(byte) {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(
                char::from_digit(u32::from(byte >> 4), 16).map_or('0', |c| c.to_ascii_uppercase()),
            );
            out.push(
                char::from_digit(u32::from(byte & 15), 16).map_or('0', |c| c.to_ascii_uppercase()),
            );
        }
    }
}

fn encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    percent_encode(text, &mut out);
    out
}

/// A primitive's text: a string as it is, a number or boolean as JSON writes it, `null` empty.
fn scalar(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// What a parameter's value is, for the style rules.
enum Shape<'v> {
    Scalar(&'v Value),
    Array(&'v [Value]),
    Object(&'v serde_json::Map<String, Value>),
}

fn shape(value: &Value) -> Shape<'_> {
    match value {
        Value::Array(items) => Shape::Array(items),
        Value::Object(map) => Shape::Object(map),
        other => Shape::Scalar(other),
    }
}

/// A path parameter's text, encoded, to put in place of `{name}`.
pub fn path_value(name: &str, style: Style, explode: bool, value: &Value) -> String {
    let (prefix, separator) = match style {
        Style::Label => (".".to_owned(), if explode { "." } else { "," }),
        Style::Matrix => (format!(";{}", encoded(name)), ""),
        _ => (String::new(), ","),
    };
    match (style, shape(value)) {
        (Style::Matrix, Shape::Scalar(v)) => format!("{prefix}={}", encoded(&scalar(v))),
        (Style::Matrix, Shape::Array(items)) if explode => items
            .iter()
            .map(|v| format!(";{}={}", encoded(name), encoded(&scalar(v))))
            .collect(),
        (Style::Matrix, Shape::Array(items)) => format!(
            "{prefix}={}",
            items
                .iter()
                .map(|v| encoded(&scalar(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
        (Style::Matrix, Shape::Object(map)) if explode => map
            .iter()
            .map(|(k, v)| format!(";{}={}", encoded(k), encoded(&scalar(v))))
            .collect(),
        (Style::Matrix, Shape::Object(map)) => format!(
            "{prefix}={}",
            map.iter()
                .flat_map(|(k, v)| [encoded(k), encoded(&scalar(v))])
                .collect::<Vec<_>>()
                .join(",")
        ),
        (_, Shape::Scalar(v)) => format!("{prefix}{}", encoded(&scalar(v))),
        (_, Shape::Array(items)) => format!(
            "{prefix}{}",
            items
                .iter()
                .map(|v| encoded(&scalar(v)))
                .collect::<Vec<_>>()
                .join(separator)
        ),
        (_, Shape::Object(map)) if explode => format!(
            "{prefix}{}",
            map.iter()
                .map(|(k, v)| format!("{}={}", encoded(k), encoded(&scalar(v))))
                .collect::<Vec<_>>()
                .join(separator)
        ),
        (_, Shape::Object(map)) => format!(
            "{prefix}{}",
            map.iter()
                .flat_map(|(k, v)| [encoded(k), encoded(&scalar(v))])
                .collect::<Vec<_>>()
                .join(separator)
        ),
    }
}

/// A query parameter's `name=value` pairs, encoded (joined with `&` by the caller).
pub fn query_pairs(name: &str, style: Style, explode: bool, value: &Value) -> Vec<String> {
    let pair = |key: &str, text: &str| format!("{}={}", encoded(key), text);
    match (style, shape(value)) {
        (Style::DeepObject, _) => {
            let mut pairs = Vec::new();
            deep_pairs(name, value, &mut |key, text| {
                pairs.push(pair(key, &encoded(text)))
            });
            pairs
        }
        (_, Shape::Scalar(v)) => vec![pair(name, &encoded(&scalar(v)))],
        (
            Style::SpaceDelimited | Style::PipeDelimited | Style::TabDelimited,
            Shape::Array(items),
        ) => {
            let separator = match style {
                Style::SpaceDelimited => "%20",
                Style::PipeDelimited => "%7C",
                _ => "%09",
            };
            let joined: Vec<String> = items.iter().map(|v| encoded(&scalar(v))).collect();
            vec![pair(name, &joined.join(separator))]
        }
        (_, Shape::Array(items)) if explode => items
            .iter()
            .map(|v| pair(name, &encoded(&scalar(v))))
            .collect(),
        (_, Shape::Array(items)) => {
            let joined: Vec<String> = items.iter().map(|v| encoded(&scalar(v))).collect();
            vec![pair(name, &joined.join(","))]
        }
        (_, Shape::Object(map)) if explode => map
            .iter()
            .map(|(k, v)| pair(k, &encoded(&scalar(v))))
            .collect(),
        (_, Shape::Object(map)) => {
            let joined: Vec<String> = map
                .iter()
                .flat_map(|(k, v)| [encoded(k), encoded(&scalar(v))])
                .collect();
            vec![pair(name, &joined.join(","))]
        }
    }
}

/// A header's value: `simple`, not percent-encoded (a header is not a URI), but a value that is
/// not a valid header value is refused by the caller.
pub fn header_value(explode: bool, value: &Value) -> String {
    match shape(value) {
        Shape::Scalar(v) => scalar(v),
        Shape::Array(items) => items.iter().map(scalar).collect::<Vec<_>>().join(","),
        Shape::Object(map) if explode => map
            .iter()
            .map(|(k, v)| format!("{k}={}", scalar(v)))
            .collect::<Vec<_>>()
            .join(","),
        Shape::Object(map) => map
            .iter()
            .flat_map(|(k, v)| [k.clone(), scalar(v)])
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// A cookie's `name=value`, the value percent-encoded.
pub fn cookie_pair(name: &str, explode: bool, value: &Value) -> String {
    let text = match shape(value) {
        Shape::Scalar(v) => encoded(&scalar(v)),
        _ => header_value(explode, value)
            .split(',')
            .map(encoded)
            .collect::<Vec<_>>()
            .join(","),
    };
    format!("{name}={text}")
}

/// The bracketed pairs of a nested value: `card[number]=4242`, `items[0][price]=p`, as
/// `deepObject` and form bodies (Stripe's whole API) write objects and arrays.
pub fn deep_pairs(prefix: &str, value: &Value, out: &mut impl FnMut(&str, &str)) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                deep_pairs(&format!("{prefix}[{key}]"), item, out);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                deep_pairs(&format!("{prefix}[{index}]"), item, out);
            }
        }
        other => out(prefix, &scalar(other)),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The examples of the OpenAPI 3.1 specification's style table (§4.8.12.4), for
    /// `color = "blue"`, `["blue","black","brown"]` and `{"B":150,"G":200,"R":100}` (an
    /// object's properties come in the order its JSON has them; these are sorted either way).
    #[test]
    fn path_styles_follow_the_openapi_table() {
        let string = json!("blue");
        let array = json!(["blue", "black", "brown"]);
        let object = json!({"B": 150, "G": 200, "R": 100});
        let cases: &[(Style, bool, &Value, &str)] = &[
            (Style::Simple, false, &string, "blue"),
            (Style::Simple, false, &array, "blue,black,brown"),
            (Style::Simple, false, &object, "B,150,G,200,R,100"),
            (Style::Simple, true, &object, "B=150,G=200,R=100"),
            (Style::Label, false, &string, ".blue"),
            (Style::Label, false, &array, ".blue,black,brown"),
            (Style::Label, true, &array, ".blue.black.brown"),
            (Style::Label, true, &object, ".B=150.G=200.R=100"),
            (Style::Matrix, false, &string, ";color=blue"),
            (Style::Matrix, false, &array, ";color=blue,black,brown"),
            (
                Style::Matrix,
                true,
                &array,
                ";color=blue;color=black;color=brown",
            ),
            (Style::Matrix, false, &object, ";color=B,150,G,200,R,100"),
            (Style::Matrix, true, &object, ";B=150;G=200;R=100"),
        ];
        for (style, explode, value, want) in cases {
            assert_eq!(
                path_value("color", *style, *explode, value),
                *want,
                "{style:?} explode={explode} {value}"
            );
        }
    }

    #[test]
    fn query_styles_follow_the_openapi_table() {
        let array = json!(["blue", "black", "brown"]);
        let object = json!({"G": 200, "R": 100});
        let cases: &[(Style, bool, &Value, &[&str])] = &[
            (Style::Form, true, &json!("blue"), &["color=blue"]),
            (Style::Form, false, &array, &["color=blue,black,brown"]),
            (
                Style::Form,
                true,
                &array,
                &["color=blue", "color=black", "color=brown"],
            ),
            (Style::Form, false, &object, &["color=G,200,R,100"]),
            (Style::Form, true, &object, &["G=200", "R=100"]),
            (
                Style::SpaceDelimited,
                false,
                &array,
                &["color=blue%20black%20brown"],
            ),
            (
                Style::PipeDelimited,
                false,
                &array,
                &["color=blue%7Cblack%7Cbrown"],
            ),
            (
                Style::DeepObject,
                true,
                &object,
                &["color%5BG%5D=200", "color%5BR%5D=100"],
            ),
        ];
        for (style, explode, value, want) in cases {
            assert_eq!(
                query_pairs("color", *style, *explode, value),
                *want,
                "{style:?} explode={explode} {value}"
            );
        }
    }

    #[test]
    fn values_are_percent_encoded_by_rfc_3986() {
        assert_eq!(
            path_value("id", Style::Simple, false, &json!("a/b c?d&é")),
            "a%2Fb%20c%3Fd%26%C3%A9"
        );
        assert_eq!(
            query_pairs("q", Style::Form, true, &json!("x=1&y")),
            ["q=x%3D1%26y"]
        );
        assert_eq!(path_value("n", Style::Simple, false, &json!(42)), "42");
        assert_eq!(path_value("b", Style::Simple, false, &json!(true)), "true");
        assert_eq!(
            cookie_pair("session", false, &json!("a b")),
            "session=a%20b"
        );
        assert_eq!(header_value(false, &json!([1, 2])), "1,2");
    }

    #[test]
    fn nested_values_are_bracketed_as_forms_write_them() {
        let mut pairs = Vec::new();
        deep_pairs(
            "card",
            &json!({"items": [{"price": "p1"}, {"price": "p2"}], "number": "4242"}),
            &mut |key, value| pairs.push(format!("{key}={value}")),
        );
        assert_eq!(
            pairs,
            [
                "card[items][0][price]=p1",
                "card[items][1][price]=p2",
                "card[number]=4242"
            ]
        );
    }
}
