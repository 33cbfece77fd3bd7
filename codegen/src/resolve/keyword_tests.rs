//! Keyword-family unit tests with small schemas: verdicts, error paths,
//! codes and messages, OpenAPI dialect extras, URI resolution corner cases,
//! compile errors, and the program's JSON round trip.

use super::{CompileOptions, Compiler, Dialect, DocumentOptions, DocumentRoot};
use serde_json::{Value, json};
use specgen_runtime::schema::{Code, Error, NodeId, Options, Program};

const BASE: &str = "json-schema:///test/schema.json";

/// Compile one schema document and reload the program through its JSON
/// text (the way the runtime gets it).
fn compile_with(schema: Value, opts: DocumentOptions) -> (Program, NodeId) {
    let mut c = Compiler::new(CompileOptions::default());
    c.add_document_with(BASE, schema, opts).unwrap();
    let node = c.entry(BASE).unwrap();
    let program = c
        .finish()
        .unwrap_or_else(|e| panic!("compile errors: {e:?}"));
    let program = Program::from_json(&program.to_json()).unwrap();
    (program, node)
}

fn compile(schema: Value) -> (Program, NodeId) {
    compile_with(schema, DocumentOptions::new(Dialect::Draft2020_12))
}

fn errors(p: &Program, n: NodeId, v: &Value) -> Vec<Error> {
    let mut errs = Vec::new();
    let ok = p.validate(n, v, &Options::default(), &mut errs);
    assert_eq!(ok, errs.is_empty());
    assert_eq!(
        p.is_valid(n, v),
        errs.is_empty(),
        "is_valid and validate disagree on {v}: {errs:?}"
    );
    errs
}

/// (path, code, message) of every error.
fn report(p: &Program, n: NodeId, v: &Value) -> Vec<(String, &'static str, String)> {
    errors(p, n, v)
        .into_iter()
        .map(|e| (e.path, e.code.as_str(), e.message))
        .collect()
}

fn one(p: &Program, n: NodeId, v: &Value) -> (String, &'static str, String) {
    let mut r = report(p, n, v);
    assert_eq!(r.len(), 1, "expected exactly one error for {v}: {r:?}");
    r.remove(0)
}

#[test]
fn max_properties_counts_every_property() {
    let (p, n) = compile(json!({"properties": {"a": {"type": "boolean"}}, "maxProperties": 2}));
    let (path, code, msg) = one(&p, n, &json!({"a": true, "x": 1, "y": 2}));
    assert_eq!((path.as_str(), code), ("", "max_properties"));
    assert!(msg.contains("has 3 properties"), "{msg}");
    assert!(p.is_valid(n, &json!({"a": true, "x": 1})));
}

#[test]
fn const_null_and_empty_enum() {
    let (p, n) = compile(json!({"const": null}));
    assert!(p.is_valid(n, &json!(null)));
    assert!(!p.is_valid(n, &json!(0)));
    assert!(!p.is_valid(n, &json!(false)));
    assert_eq!(one(&p, n, &json!("x")).1, "const");

    let (p, n) = compile(json!({"enum": []}));
    for v in [json!(null), json!(1), json!("a"), json!({}), json!([])] {
        assert!(!p.is_valid(n, &v), "empty enum accepted {v}");
    }
}

#[test]
fn enum_and_const_use_json_equality() {
    let (p, n) = compile(json!({"enum": [1, {"a": [1, 2]}, false]}));
    assert!(p.is_valid(n, &json!(1.0)));
    assert!(p.is_valid(n, &json!({"a": [1.0, 2]})));
    assert!(!p.is_valid(n, &json!(0)), "false must not equal 0");
    let (path, code, msg) = one(&p, n, &json!("b"));
    assert_eq!((path.as_str(), code), ("", "enum"));
    assert_eq!(
        msg,
        "\"b\" is not a listed value (expected one of `1`, `{\"a\":[1,2]}`, `false`)"
    );
}

#[test]
fn integers_by_value_except_in_draft4() {
    let (p, n) = compile(json!({"type": "integer"}));
    assert!(p.is_valid(n, &json!(1.0)));
    assert!(p.is_valid(n, &json!(1e52)));
    assert!(!p.is_valid(n, &json!(1.5)));
    let (path, code, msg) = one(&p, n, &json!("1"));
    assert_eq!(
        (path.as_str(), code, msg.as_str()),
        ("", "type", "expected an integer, found the string \"1\"")
    );

    // Draft 4: an integer is a number written without fraction.
    let (p, n) = compile_with(
        json!({"type": "integer"}),
        DocumentOptions::new(Dialect::Draft4),
    );
    assert!(!p.is_valid(n, &json!(1.0)));
    assert!(p.is_valid(n, &json!(1)));
}

#[test]
fn numbers() {
    let (p, n) = compile(json!({"minimum": 1, "exclusiveMaximum": 10, "multipleOf": 0.01}));
    assert_eq!(
        one(&p, n, &json!(0)),
        (
            "".into(),
            "minimum",
            "0 is less than the minimum of 1".into()
        )
    );
    assert_eq!(one(&p, n, &json!(10)).1, "exclusive_maximum");
    assert!(p.is_valid(n, &json!(9.99)));
    assert_eq!(one(&p, n, &json!(1.001)).1, "multiple_of");

    let (p, n) = compile(json!({"multipleOf": 0.0001}));
    assert!(p.is_valid(n, &json!(0.0075)));
    assert!(!p.is_valid(n, &json!(0.00751)));
}

#[test]
fn strings_count_code_points() {
    let (p, n) = compile(json!({"maxLength": 3, "minLength": 2.0}));
    assert_eq!(
        one(&p, n, &json!("toolong")),
        (
            "".into(),
            "max_length",
            "\"toolong\" has 7 characters, more than the maximum of 3".into()
        )
    );
    assert!(
        p.is_valid(n, &json!("\u{1F600}\u{1F600}")),
        "two code points, eight bytes"
    );
    assert_eq!(one(&p, n, &json!("\u{1F600}")).1, "min_length");
}

#[test]
fn patterns_are_ecma262_unicode_and_unanchored() {
    let (p, n) = compile(json!({"pattern": "\\p{Letter}cole"}));
    assert!(p.is_valid(n, &json!("l'école")));
    let (p, n) = compile(json!({"pattern": "^\\d+$"}));
    assert!(!p.is_valid(n, &json!("\u{09EA}")), "\\d is ASCII only");
    let (p, n) = compile(json!({"pattern": "b"}));
    assert!(p.is_valid(n, &json!("abc")));
    assert_eq!(
        one(&p, n, &json!("xyz")).2,
        "\"xyz\" does not match the pattern `b`"
    );
}

#[test]
fn formats_follow_the_dialect_default() {
    // 2020-12: format is an annotation unless asked for.
    let (p, n) = compile(json!({"format": "ipv4"}));
    assert!(p.is_valid(n, &json!("not an address")));
    let mut o = DocumentOptions::new(Dialect::Draft2020_12);
    o.format_assertion = Some(true);
    let (p, n) = compile_with(json!({"format": "ipv4"}), o);
    assert_eq!(
        one(&p, n, &json!("1.2.3")),
        ("".into(), "format", "\"1.2.3\" is not a valid ipv4".into())
    );
    assert!(p.is_valid(n, &json!(12)), "formats ignore non-strings");
    // Draft 7: an assertion by default; unknown formats pass.
    let (p, n) = compile_with(
        json!({"format": "date"}),
        DocumentOptions::new(Dialect::Draft7),
    );
    assert!(!p.is_valid(n, &json!("2021-02-29")));
    let (p, n) = compile_with(
        json!({"format": "x-custom"}),
        DocumentOptions::new(Dialect::Draft7),
    );
    assert!(p.is_valid(n, &json!("anything")));
}

#[test]
fn arrays() {
    let (p, n) = compile(json!({
        "prefixItems": [{"type": "string"}],
        "items": false,
        "uniqueItems": true,
        "minItems": 1
    }));
    assert!(p.is_valid(n, &json!(["a"])));
    let (path, code, msg) = one(&p, n, &json!(["a", 1]));
    assert_eq!((path.as_str(), code), ("", "additional_items"));
    assert_eq!(msg, "array has 2 items, at most 1 allowed");
    assert_eq!(one(&p, n, &json!([1])).0, "/0");
    assert_eq!(one(&p, n, &json!([])).1, "min_items");

    let (p, n) = compile(json!({"uniqueItems": true}));
    assert_eq!(
        one(&p, n, &json!([1, "x", 1.0])).2,
        "items 0 and 2 are equal, items must be unique"
    );
    let many: Vec<Value> = (0..100)
        .map(|i| json!({"k": i}))
        .chain([json!({"k": 7.0})])
        .collect();
    assert!(
        !p.is_valid(n, &Value::Array(many)),
        "hash path must use JSON equality"
    );

    let (p, n) =
        compile(json!({"contains": {"type": "integer"}, "minContains": 0, "maxContains": 1}));
    assert!(p.is_valid(n, &json!([])));
    assert!(p.is_valid(n, &json!(["a", 1])));
    assert_eq!(one(&p, n, &json!([1, 2])).1, "max_contains");
    let (p, n) = compile(json!({"contains": {"const": 1}}));
    assert_eq!(one(&p, n, &json!([2])).1, "contains");
}

#[test]
fn objects() {
    let (p, n) = compile(json!({
        "properties": {"port": {"type": "integer"}, "host": true},
        "patternProperties": {"^x-": true},
        "additionalProperties": false,
        "required": ["port", "host"],
        "propertyNames": {"maxLength": 6},
        "dependentRequired": {"tls": ["cert"]}
    }));
    assert!(p.is_valid(n, &json!({"port": 1, "host": "h", "x-a": 1})));
    let mut r = report(&p, n, &json!({"port": "80", "tls": true, "x-long-name": 1}));
    r.sort();
    let got: Vec<(&str, &str)> = r.iter().map(|(p, c, _)| (p.as_str(), *c)).collect();
    assert_eq!(
        got,
        vec![
            ("/cert", "dependent_required"),
            ("/host", "required"),
            ("/port", "type"),
            ("/tls", "additional_properties"),
            ("/x-long-name", "property_names"),
        ]
    );
    let msgs: Vec<&str> = r.iter().map(|(_, _, m)| m.as_str()).collect();
    assert!(
        msgs.contains(&"missing required property `host`"),
        "{msgs:?}"
    );
    assert!(msgs.contains(&"unexpected property `tls`"), "{msgs:?}");
    assert!(
        msgs.contains(&"missing property `cert`, required when `tls` is present"),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.starts_with("property name `x-long-name` is invalid")),
        "{msgs:?}"
    );
}

#[test]
fn draft4_dependencies_map_to_two_codes() {
    let (p, n) = compile_with(
        json!({"dependencies": {"a": ["b"], "c": {"required": ["d"]}}}),
        DocumentOptions::new(Dialect::Draft4),
    );
    assert_eq!(one(&p, n, &json!({"a": 1})).1, "dependent_required");
    assert_eq!(one(&p, n, &json!({"c": 1})).1, "required");
}

#[test]
fn alternatives_do_not_leak_errors() {
    let (p, n) = compile(
        json!({"oneOf": [{"type": "string"}, {"type": "number", "minimum": 5}, {"type": "integer"}]}),
    );
    assert_eq!(
        one(&p, n, &json!(7)),
        (
            "".into(),
            "one_of",
            "matches 2 of the alternatives (1 and 2), exactly one is allowed".into()
        )
    );
    // Only one alternative takes a non-integral number: its errors explain the failure.
    assert_eq!(
        one(&p, n, &json!(1.5)),
        (
            "".into(),
            "minimum",
            "1.5 is less than the minimum of 5".into()
        )
    );
    // None takes a boolean.
    assert_eq!(one(&p, n, &json!(true)).1, "type");
    assert!(p.is_valid(n, &json!("s")));

    let (p, n) = compile(json!({"anyOf": [{"type": "string"}, {"required": ["a"]}]}));
    assert_eq!(
        one(&p, n, &json!({})),
        (
            "/a".into(),
            "required",
            "missing required property `a`".into()
        )
    );
    // Several alternatives take an object: the alternatives are reported as a whole.
    let (p, n) = compile(json!({"anyOf": [{"required": ["b"]}, {"required": ["a"]}]}));
    assert_eq!(
        one(&p, n, &json!({})),
        (
            "".into(),
            "any_of",
            "matches none of the 2 alternatives".into()
        )
    );

    let (p, n) = compile(json!({"not": {"type": "null"}}));
    assert_eq!(one(&p, n, &json!(null)).1, "not");

    // The branch that applies reports its own errors.
    let (p, n) = compile(json!({
        "if": {"properties": {"kind": {"const": "tcp"}}},
        "then": {"required": ["port"]},
        "else": {"required": ["path"]}
    }));
    assert_eq!(
        one(&p, n, &json!({"kind": "tcp"})).2,
        "missing required property `port`"
    );
    assert_eq!(
        one(&p, n, &json!({"kind": "unix"})).2,
        "missing required property `path`"
    );
}

#[test]
fn every_problem_at_once_with_paths() {
    let (p, n) = compile(json!({
        "type": "object",
        "properties": {
            "servers": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["port"],
                    "properties": {
                        "name": {"type": "string", "maxLength": 3},
                        "port": {"type": "integer", "minimum": 1},
                        "a/b": {"type": "boolean"}
                    }
                }
            }
        },
        "allOf": [{"required": ["version"]}]
    }));
    let mut r = report(
        &p,
        n,
        &json!({"servers": [{"name": "toolong", "port": 0}, {"a/b": 1}]}),
    );
    r.sort();
    assert_eq!(
        r,
        vec![
            (
                "/servers/0/name".into(),
                "max_length",
                "\"toolong\" has 7 characters, more than the maximum of 3".into()
            ),
            (
                "/servers/0/port".into(),
                "minimum",
                "0 is less than the minimum of 1".into()
            ),
            (
                "/servers/1/a~1b".into(),
                "type",
                "expected a boolean, found the number 1".into()
            ),
            (
                "/servers/1/port".into(),
                "required",
                "missing required property `port`".into()
            ),
            (
                "/version".into(),
                "required",
                "missing required property `version`".into()
            ),
        ]
    );
}

#[test]
fn unevaluated_and_false_schemas() {
    let (p, n) = compile(json!({
        "allOf": [{"properties": {"a": true}}],
        "anyOf": [{"properties": {"b": true}, "required": ["b"]}, true],
        "unevaluatedProperties": false
    }));
    assert!(p.is_valid(n, &json!({"a": 1, "b": 2})));
    assert_eq!(
        one(&p, n, &json!({"a": 1, "c": 2})),
        (
            "/c".into(),
            "unevaluated_properties",
            "unevaluated property `c` is not allowed".into()
        )
    );
    let (p, n) = compile(json!({"prefixItems": [true], "unevaluatedItems": false}));
    assert_eq!(one(&p, n, &json!([1, 2])).1, "unevaluated_items");

    let (p, n) = compile(json!(false));
    assert_eq!(one(&p, n, &json!({})).1, "false_schema");
    let (p, n) = compile(json!({"properties": {"x": false}}));
    assert_eq!(one(&p, n, &json!({"x": 1})).0, "/x");
}

#[test]
fn forward_compatible_enums() {
    let (p, n) =
        compile(json!({"properties": {"kind": {"enum": ["a", "b"]}, "level": {"enum": [1, 2]}}}));
    let v = json!({"kind": "c", "level": 3});
    assert!(!p.is_valid(n, &v), "is_valid is strict");
    let mut errs = Vec::new();
    p.validate(
        n,
        &v,
        &Options {
            forward_compatible: true,
        },
        &mut errs,
    );
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(
        (errs[0].path.as_str(), errs[0].code),
        ("/level", Code::Enum)
    );
}

#[test]
fn forward_compatible_discriminators_keep_unknown_subtypes() {
    let doc = json!({
        "openapi": "3.0.3",
        "components": {"schemas": {
            "Pet": {
                "oneOf": [{"$ref": "#/components/schemas/Cat"}],
                "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat"}}
            },
            "Cat": {"type": "object", "required": ["kind", "lives"], "properties": {
                "kind": {"type": "string"}, "lives": {"type": "integer", "maximum": 9}
            }}
        }}
    });
    let mut c = Compiler::new(CompileOptions::default());
    c.add_document("json-schema:///api.json", doc, Dialect::OpenApi30)
        .unwrap();
    let pet = c
        .entry("json-schema:///api.json#/components/schemas/Pet")
        .unwrap();
    let p = c.finish().unwrap();
    let validate = |v: &Value, forward_compatible: bool| {
        let mut errs = Vec::new();
        p.validate(pet, v, &Options { forward_compatible }, &mut errs);
        errs.into_iter()
            .map(|e| (e.path, e.code.as_str()))
            .collect::<Vec<_>>()
    };
    let fish = json!({"kind": "fish", "fins": 2});
    assert_eq!(validate(&fish, false), [("/kind".to_owned(), "enum")]);
    assert_eq!(validate(&fish, true), [], "a newer server's subtype passes");
    // A listed subtype is checked in either mode.
    let cat = json!({"kind": "cat", "lives": 10});
    assert_eq!(validate(&cat, true), [("/lives".to_owned(), "maximum")]);
}

#[test]
fn openapi_30_dialect() {
    let doc = json!({
        "openapi": "3.0.3",
        "components": {"schemas": {
            "Port": {"type": "integer", "minimum": 1, "exclusiveMaximum": true, "maximum": 65536, "nullable": true},
            "Mode": {"type": "string", "enum": ["a", "b"], "nullable": true},
            "Host": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "port": {"$ref": "#/components/schemas/Port", "description": "siblings ignored", "maximum": 2},
                    "mode": {"$ref": "#/components/schemas/Mode"}
                }
            },
            "Strict": {"type": "object", "nullable": false},
            "Untyped": {"nullable": true, "allOf": [{"type": "object"}]}
        }}
    });
    let mut c = Compiler::new(CompileOptions::default());
    c.add_document("json-schema:///specs/api.yaml", doc, Dialect::OpenApi30)
        .unwrap();
    let host = c
        .entry("json-schema:///specs/api.yaml#/components/schemas/Host")
        .unwrap();
    let id = c
        .entry("json-schema:///specs/api.yaml#/components/schemas/Host/properties/id")
        .unwrap();
    let strict = c
        .entry("json-schema:///specs/api.yaml#/components/schemas/Strict")
        .unwrap();
    let untyped = c
        .entry("json-schema:///specs/api.yaml#/components/schemas/Untyped")
        .unwrap();
    let p = c.finish().unwrap();
    assert!(p.is_valid(host, &json!({"port": 65535, "mode": null})));
    assert!(p.is_valid(host, &json!({"port": null, "mode": "a"})));
    assert_eq!(
        one(&p, host, &json!({"port": 65536})).1,
        "exclusive_maximum"
    );
    assert_eq!(one(&p, host, &json!({"mode": "c"})).0, "/mode");
    assert!(
        !p.is_valid(id, &json!("not-a-uuid")),
        "OpenAPI 3.0 formats are assertions"
    );
    assert!(!p.is_valid(strict, &json!(null)));
    // No `type` beside `nullable`: `null` passes all the same (a nullable reference).
    assert!(p.is_valid(untyped, &json!(null)));
    assert_eq!(
        p.entry("json-schema:///specs/api.yaml#/components/schemas/Host"),
        Some(host)
    );
}

#[test]
fn openapi_31_is_2020_12_with_format_annotations() {
    let doc = json!({"openapi": "3.1.0", "components": {"schemas": {
        "A": {"$id": "https://example.com/a", "type": ["string", "null"], "format": "email"},
        "B": {"$ref": "https://example.com/a", "maxLength": 3}
    }}});
    let mut c = Compiler::new(CompileOptions::default());
    c.add_document("json-schema:///api.json", doc, Dialect::OpenApi31)
        .unwrap();
    let b = c
        .entry("json-schema:///api.json#/components/schemas/B")
        .unwrap();
    let p = c.finish().unwrap();
    assert!(p.is_valid(b, &json!("x")), "format is an annotation in 3.1");
    assert!(p.is_valid(b, &json!(null)));
    assert_eq!(
        one(&p, b, &json!("long")).1,
        "max_length",
        "$ref siblings apply in 3.1"
    );
}

#[test]
fn references_across_documents_and_odd_locations() {
    let mut c = Compiler::new(CompileOptions::default());
    // A bare-fragment file: the root is just named schemas.
    c.add_document("json-schema:///specs/items.yaml", json!({"Item": {"type": "integer"}, "Pair": {"type": "array", "items": {"$ref": "#/Item"}}}), Dialect::Draft7).unwrap();
    c.add_document(
        "json-schema:///specs/main.json",
        json!({
            "definitions": {"Pets": {"Cat": {"const": "cat"}}, "a%b": {"type": "string"}, "c/d": {"type": "boolean"}},
            "properties": {
                "pair": {"$ref": "items.yaml#/Pair"},
                "cat": {"$ref": "#/definitions/Pets/Cat"},
                "urn": {"$ref": "urn:example:thing"},
                "pct": {"$ref": "#/definitions/a%25b"},
                "esc": {"$ref": "#/definitions/c~1d"}
            }
        }),
        Dialect::Draft7,
    )
    .unwrap();
    c.add_document(
        "urn:example:thing",
        json!({"type": "null"}),
        Dialect::Draft7,
    )
    .unwrap();
    let n = c.entry("json-schema:///specs/main.json").unwrap();
    let p = c.finish().unwrap_or_else(|e| panic!("{e:?}"));
    assert!(p.is_valid(n, &json!({"pair": [1, 2], "cat": "cat", "urn": null})));
    assert_eq!(one(&p, n, &json!({"pair": [1, "x"]})).0, "/pair/1");
    assert_eq!(one(&p, n, &json!({"cat": "dog"})).1, "const");
    assert_eq!(one(&p, n, &json!({"urn": 0})).1, "type");
    assert!(!p.is_valid(n, &json!({"pct": 1})));
    assert!(!p.is_valid(n, &json!({"esc": 1})));
}

#[test]
fn pointer_refs_into_allof_members_resolve_after_escaping() {
    let (p, n) = compile(json!({
        "$defs": {"a%b": {"type": "string"}, "c/d": {"type": "boolean"}},
        "properties": {"x": {"$ref": "#/$defs/a%25b"}, "y": {"$ref": "#/$defs/c~1d"}}
    }));
    assert!(p.is_valid(n, &json!({"x": "s", "y": true})));
    assert!(!p.is_valid(n, &json!({"x": 1})));
    assert!(!p.is_valid(n, &json!({"y": 1})));
}

#[test]
fn recursion_and_dynamic_refs() {
    let (p, n) = compile(json!({
        "$id": "https://example.com/tree",
        "$dynamicAnchor": "node",
        "type": "object",
        "properties": {"children": {"type": "array", "items": {"$dynamicRef": "#node"}}, "v": {"type": "integer"}}
    }));
    assert!(p.is_valid(n, &json!({"children": [{"children": [{"v": 1}]}]})));
    assert_eq!(
        one(&p, n, &json!({"children": [{"children": [{"v": "x"}]}]})).0,
        "/children/0/children/0/v"
    );
}

#[test]
fn compile_errors_are_all_reported() {
    let mut c = Compiler::new(CompileOptions::default());
    c.add_document(
        BASE,
        json!({
            "properties": {
                "a": {"minLength": "3"},
                "b": {"pattern": "(unclosed"},
                "c": {"$ref": "other.json#/x"},
                "d": {"$ref": "#/definitions/missing"},
                "e": {"type": "strin"}
            }
        }),
        Dialect::Draft7,
    )
    .unwrap();
    c.entry(BASE).unwrap();
    let errs = c.finish().unwrap_err();
    assert_eq!(errs.len(), 5, "{errs:#?}");
    let all = errs
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        all.contains("json-schema:///test/schema.json#/properties/a/minLength"),
        "{all}"
    );
    assert!(
        all.contains("no document has the URI `json-schema:///test/other.json`"),
        "{all}"
    );
    assert!(
        all.contains("`#/definitions/missing` points to nothing"),
        "{all}"
    );
    assert!(all.contains("invalid regular expression"), "{all}");

    let mut c = Compiler::new(CompileOptions::default());
    c.add_document(BASE, json!({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}), Dialect::Draft2020_12).unwrap();
    c.entry(BASE).unwrap();
    let errs = c.finish().unwrap_err();
    assert!(errs[0].message.contains("without end"), "{errs:?}");

    let mut c = Compiler::new(CompileOptions::default());
    assert!(
        c.add_document("relative/path.json", json!({}), Dialect::Draft7)
            .is_err()
    );
    c.add_document(BASE, json!({}), Dialect::Draft7).unwrap();
    assert!(c.entry("json-schema:///test/none.json").is_err());
    assert!(c.entry("json-schema:///test/schema.json#nope").is_err());
}

#[test]
fn refs_to_builtin_metaschemas() {
    let (p, n) = compile(json!({"$ref": "https://json-schema.org/draft/2020-12/schema"}));
    assert!(p.is_valid(n, &json!({"type": "string", "minLength": 1})));
    assert!(!p.is_valid(n, &json!({"minLength": -1})));
    let (p, n) = compile_with(
        json!({"$ref": "http://json-schema.org/draft-04/schema#"}),
        DocumentOptions::new(Dialect::Draft4),
    );
    assert!(!p.is_valid(n, &json!({"type": 12})));
}

#[test]
fn explicit_container_documents_index_ids_under_schemas() {
    let mut o = DocumentOptions::new(Dialect::Draft2020_12);
    o.root = DocumentRoot::Container;
    let mut c = Compiler::new(CompileOptions::default());
    c.add_document_with(
        "json-schema:///bundle.json",
        json!({"things": {"schemas": {"T": {"$id": "https://example.com/t", "type": "boolean"}}}}),
        o,
    )
    .unwrap();
    let t = c.entry("https://example.com/t").unwrap();
    let p = c.finish().unwrap();
    assert!(p.is_valid(t, &json!(true)));
    assert!(!p.is_valid(t, &json!(1)));
}

#[test]
fn deep_instances_fail_cleanly() {
    let (p, n) = compile(
        json!({"$defs": {"n": {"type": "array", "items": {"$ref": "#/$defs/n"}}}, "$ref": "#/$defs/n"}),
    );
    let mut v = json!([]);
    for _ in 0..100 {
        v = json!([v]);
    }
    assert!(p.is_valid(n, &v));
    let mut v = json!([]);
    for _ in 0..5000 {
        v = Value::Array(vec![v]);
    }
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20) // the default size of a spawned thread
        .spawn(move || {
            let mut errs = Vec::new();
            let r = p.is_valid(n, &v) || p.validate(n, &v, &Options::default(), &mut errs);
            assert_eq!(errs.len(), 1);
            assert_eq!(errs[0].code, Code::Depth);
            std::mem::forget(v); // dropping a 5000-deep value recursively is not what is tested
            r
        })
        .unwrap();
    assert!(
        !handle.join().unwrap(),
        "the depth limit rejects instead of overflowing the stack"
    );
}

#[test]
fn programs_are_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Program>();
}
