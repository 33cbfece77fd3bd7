//! `specgen diff`'s `rust` verdict, proven: for every kind of change a program uses the touched
//! item as users do (builds a struct with `new`, reads fields, matches enums, calls operations);
//! it is compiled against the crate generated from the old spec, then against the crate from the
//! new one, and the report must say `rust: breaking` exactly when the program stops compiling.
//! The `wire` verdict and the id are checked against what each case means on the wire.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};

fn specgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_specgen"))
        .args(args)
        .output()
        .expect("specgen runs")
}

fn text(output: &[u8]) -> String {
    String::from_utf8_lossy(output).into_owned()
}

/// Version 1 of a small API: a request-side struct (`NewPet`), a response-side one (`Pet`), an
/// open enum, a discriminator family, an untagged union and three operations.
fn base() -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "Pets", "version": "1"},
        "paths": {
            "/pets": {
                "get": {
                    "operationId": "listPets",
                    "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "format": "int32"}}],
                    "responses": {
                        "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}}}},
                        "404": {"description": "none", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                    }
                },
                "post": {
                    "operationId": "createPet",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewPet"}}}},
                    "responses": {"201": {"description": "made", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}}
                }
            },
            "/pets/{id}": {
                "delete": {
                    "operationId": "deletePet",
                    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
                    "responses": {"204": {"description": "gone"}}
                }
            }
        },
        "components": {"schemas": {
            "NewPet": {"type": "object", "required": ["name"], "properties": {
                "name": {"type": "string", "maxLength": 64, "pattern": "^[a-z]+$"},
                "tag": {"type": "string"},
                "age": {"type": "integer", "minimum": 0},
                "color": {"type": "string", "default": "black"},
                "owner": {"$ref": "#/components/schemas/Owner"}
            }},
            "Pet": {"type": "object", "required": ["id", "name"], "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "status": {"$ref": "#/components/schemas/Status"},
                "animal": {"$ref": "#/components/schemas/Animal"},
                "shape": {"$ref": "#/components/schemas/Shape"}
            }},
            "Status": {"type": "string", "enum": ["available", "sold"]},
            "Animal": {
                "type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}},
                "discriminator": {"propertyName": "kind", "mapping": {
                    "cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"
                }}
            },
            "Cat": {"allOf": [{"$ref": "#/components/schemas/Animal"}, {"type": "object", "properties": {"meows": {"type": "boolean"}}}]},
            "Dog": {"allOf": [{"$ref": "#/components/schemas/Animal"}, {"type": "object", "properties": {"barks": {"type": "boolean"}}}]},
            "Shape": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
            "Error": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}},
            "Owner": {"type": "object", "properties": {"login": {"type": "string"}, "site": {"type": "string"}}}
        }}
    })
}

/// One kind of change: how version 2 differs, a program that uses what it touches, the id the
/// report must give it, and whether it breaks a client of version 1 on the wire.
struct Case {
    name: &'static str,
    change: fn(&mut Value),
    program: &'static str,
    id: &'static str,
    wire_breaks: bool,
}

fn schema<'a>(spec: &'a mut Value, name: &str) -> &'a mut Value {
    &mut spec["components"]["schemas"][name]
}

fn props<'a>(spec: &'a mut Value, name: &str) -> &'a mut serde_json::Map<String, Value> {
    schema(spec, name)["properties"]
        .as_object_mut()
        .expect("properties")
}

fn list_pets(spec: &mut Value) -> &mut Value {
    &mut spec["paths"]["/pets"]["get"]
}

const READ_PET: &str = "pub fn f(pet: &api::Pet) -> (i64, String) { (pet.id, pet.name.clone()) }";

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "type_added",
            change: |s| {
                schema(s, "Toy").clone_from(
                    &json!({"type": "object", "properties": {"squeaks": {"type": "boolean"}}}),
                );
            },
            program: READ_PET,
            id: "api-schema-added",
            wire_breaks: false,
        },
        Case {
            name: "type_removed",
            change: |s| {
                s["components"]["schemas"]
                    .as_object_mut()
                    .expect("schemas")
                    .remove("Owner");
                props(s, "NewPet").remove("owner");
            },
            program: "pub fn f() -> Option<String> { api::Owner::new().login }",
            id: "api-schema-removed",
            wire_breaks: false,
        },
        Case {
            name: "type_renamed",
            change: |s| {
                let owner = s["components"]["schemas"]
                    .as_object_mut()
                    .expect("schemas")
                    .remove("Owner")
                    .expect("Owner");
                schema(s, "Keeper").clone_from(&owner);
                props(s, "NewPet").insert(
                    "owner".into(),
                    json!({"$ref": "#/components/schemas/Keeper"}),
                );
            },
            program: "pub fn f() -> Option<String> { api::Owner::new().login }",
            id: "api-schema-renamed",
            wire_breaks: false,
        },
        Case {
            name: "request_optional_property_added",
            change: |s| {
                props(s, "NewPet").insert("nickname".into(), json!({"type": "string"}));
            },
            program: "pub fn f() -> api::NewPet { let mut pet = api::NewPet::new(\"rex\".into()); pet.tag = Some(\"good\".into()); pet }",
            id: "new-optional-request-property",
            wire_breaks: false,
        },
        Case {
            name: "request_required_property_added",
            change: |s| {
                props(s, "NewPet").insert("species".into(), json!({"type": "string"}));
                schema(s, "NewPet")["required"] = json!(["name", "species"]);
            },
            program: "pub fn f() -> api::NewPet { api::NewPet::new(\"rex\".into()) }",
            id: "new-required-request-property",
            wire_breaks: true,
        },
        Case {
            name: "response_optional_property_added",
            change: |s| {
                props(s, "Pet").insert("nickname".into(), json!({"type": "string"}));
            },
            program: READ_PET,
            id: "response-optional-property-added",
            wire_breaks: false,
        },
        Case {
            name: "response_required_property_added",
            change: |s| {
                props(s, "Pet").insert("born".into(), json!({"type": "string"}));
                schema(s, "Pet")["required"] = json!(["id", "name", "born"]);
            },
            // Tests build the answers they mock with `new`.
            program: "pub fn f() -> i64 { let pet = api::Pet::new(1, \"rex\".into()); pet.id }",
            id: "response-required-property-added",
            wire_breaks: false,
        },
        Case {
            name: "property_removed",
            change: |s| {
                props(s, "NewPet").remove("tag");
            },
            program: "pub fn f() -> api::NewPet { let mut pet = api::NewPet::new(\"rex\".into()); pet.tag = Some(\"good\".into()); pet }",
            id: "request-property-removed",
            wire_breaks: false,
        },
        Case {
            name: "property_type_changed",
            change: |s| {
                props(s, "Pet").insert("name".into(), json!({"type": "integer"}));
            },
            program: READ_PET,
            id: "response-property-type-changed",
            wire_breaks: true,
        },
        Case {
            name: "property_became_required",
            change: |s| {
                schema(s, "NewPet")["required"] = json!(["name", "tag"]);
            },
            program: "pub fn f() -> api::NewPet { let mut pet = api::NewPet::new(\"rex\".into()); pet.tag = Some(\"good\".into()); pet }",
            id: "request-property-became-required",
            wire_breaks: true,
        },
        Case {
            name: "property_became_optional",
            change: |s| {
                schema(s, "Pet")["required"] = json!(["id"]);
            },
            program: READ_PET,
            id: "response-property-became-optional",
            wire_breaks: true,
        },
        Case {
            name: "property_became_nullable",
            change: |s| {
                props(s, "Pet").insert("id".into(), json!({"type": "integer", "nullable": true}));
            },
            program: READ_PET,
            id: "response-property-became-nullable",
            wire_breaks: true,
        },
        Case {
            name: "enum_value_added",
            change: |s| {
                schema(s, "Status")["enum"] = json!(["available", "sold", "pending"]);
            },
            program: "pub fn f(status: &api::Status) -> u8 { match status { api::Status::Available => 1, api::Status::Sold => 2, _ => 0 } }",
            id: "response-property-enum-value-added",
            wire_breaks: false,
        },
        Case {
            name: "enum_value_removed",
            change: |s| {
                schema(s, "Status")["enum"] = json!(["available"]);
            },
            program: "pub fn f(status: &api::Status) -> u8 { match status { api::Status::Available => 1, api::Status::Sold => 2, _ => 0 } }",
            id: "response-property-enum-value-removed",
            wire_breaks: false,
        },
        Case {
            name: "max_length_tightened",
            change: |s| {
                props(s, "NewPet")["name"]["maxLength"] = json!(32);
            },
            program: "pub fn f() -> api::NewPet { api::NewPet::new(\"rex\".into()) }",
            id: "request-property-max-length-decreased",
            wire_breaks: true,
        },
        Case {
            name: "max_length_loosened",
            change: |s| {
                props(s, "NewPet")["name"]["maxLength"] = json!(128);
            },
            program: "pub fn f() -> api::NewPet { api::NewPet::new(\"rex\".into()) }",
            id: "request-property-max-length-increased",
            wire_breaks: false,
        },
        Case {
            name: "pattern_changed",
            change: |s| {
                props(s, "NewPet")["name"]["pattern"] = json!("^[a-z][a-z0-9]*$");
            },
            program: "pub fn f() -> api::NewPet { api::NewPet::new(\"rex\".into()) }",
            id: "request-property-pattern-changed",
            wire_breaks: true,
        },
        Case {
            name: "pattern_removed",
            change: |s| {
                props(s, "NewPet")["name"]
                    .as_object_mut()
                    .expect("name")
                    .remove("pattern");
            },
            program: "pub fn f() -> api::NewPet { api::NewPet::new(\"rex\".into()) }",
            id: "request-property-pattern-removed",
            wire_breaks: false,
        },
        Case {
            name: "minimum_tightened",
            change: |s| {
                props(s, "NewPet")["age"]["minimum"] = json!(1);
            },
            program: "pub fn f() -> api::NewPet { let mut pet = api::NewPet::new(\"rex\".into()); pet.age = Some(3); pet }",
            id: "request-property-min-increased",
            wire_breaks: true,
        },
        Case {
            name: "minimum_loosened",
            change: |s| {
                props(s, "NewPet")["age"]["minimum"] = json!(-10);
            },
            program: "pub fn f() -> api::NewPet { let mut pet = api::NewPet::new(\"rex\".into()); pet.age = Some(3); pet }",
            id: "request-property-min-decreased",
            wire_breaks: false,
        },
        Case {
            name: "discriminator_subtype_added",
            change: |s| {
                schema(s, "Bird").clone_from(&json!({"allOf": [{"$ref": "#/components/schemas/Animal"}, {"type": "object", "properties": {"sings": {"type": "boolean"}}}]}));
                schema(s, "Animal")["discriminator"]["mapping"]["bird"] =
                    json!("#/components/schemas/Bird");
            },
            program: "pub fn f(animal: &api::Animal) -> bool { match animal { api::Animal::Cat(cat) => cat.meows.unwrap_or(false), api::Animal::Dog(_) => true, _ => false } }",
            id: "response-property-one-of-added",
            wire_breaks: false,
        },
        Case {
            name: "untagged_alternative_added",
            change: |s| {
                schema(s, "Shape")["oneOf"]
                    .as_array_mut()
                    .expect("oneOf")
                    .push(json!({"type": "boolean"}));
            },
            // An untagged union is closed: users match it exhaustively.
            program: "pub fn f(shape: &api::Shape) -> String { match shape { api::Shape::String(s) => s.clone(), api::Shape::Integer(i) => i.to_string() } }",
            id: "response-property-one-of-added",
            wire_breaks: true,
        },
        Case {
            name: "default_changed",
            change: |s| {
                props(s, "NewPet")["color"]["default"] = json!("white");
            },
            program: "pub fn f(pet: &api::NewPet) -> String { pet.color().to_owned() }",
            id: "request-property-default-value-changed",
            wire_breaks: true,
        },
        Case {
            name: "operation_added",
            change: |s| {
                s["paths"]["/toys"] = json!({"get": {"operationId": "listToys", "responses": {"200": {"description": "ok"}}}});
            },
            program: "pub fn f() -> api::ops::ListPets { api::ops::ListPets::new() }",
            id: "endpoint-added",
            wire_breaks: false,
        },
        Case {
            name: "operation_removed",
            change: |s| {
                s["paths"]
                    .as_object_mut()
                    .expect("paths")
                    .remove("/pets/{id}");
            },
            program: "pub fn f() -> api::ops::DeletePet { api::ops::DeletePet::new(7) }",
            id: "api-removed-without-deprecation",
            wire_breaks: true,
        },
        Case {
            name: "required_parameter_added",
            change: |s| {
                list_pets(s)["parameters"].as_array_mut().expect("parameters").push(json!({"name": "owner", "in": "query", "required": true, "schema": {"type": "string"}}));
            },
            program: "pub fn f() -> api::ops::ListPets { let mut op = api::ops::ListPets::new(); op.limit = Some(10); op }",
            id: "new-required-request-parameter",
            wire_breaks: true,
        },
        Case {
            name: "optional_parameter_added",
            change: |s| {
                list_pets(s)["parameters"]
                    .as_array_mut()
                    .expect("parameters")
                    .push(json!({"name": "offset", "in": "query", "schema": {"type": "integer"}}));
            },
            program: "pub fn f() -> api::ops::ListPets { let mut op = api::ops::ListPets::new(); op.limit = Some(10); op }",
            id: "new-optional-request-parameter",
            wire_breaks: false,
        },
        Case {
            name: "status_added",
            change: |s| {
                list_pets(s)["responses"]["500"] = json!({"description": "broken"});
            },
            program: "pub fn f(answer: &api::ops::ListPetsResponse) -> usize { match answer { api::ops::ListPetsResponse::Ok(pets) => pets.len(), api::ops::ListPetsResponse::NotFound(_) => 0, _ => 0 } }",
            id: "response-non-success-status-added",
            wire_breaks: false,
        },
        Case {
            name: "error_bodies_differ",
            change: |s| {
                list_pets(s)["responses"]["500"] = json!({"description": "broken", "content": {"application/json": {"schema": {"type": "object", "properties": {"code": {"type": "integer"}}}}}});
            },
            // `error()` exists while every error status has one body type.
            program: "pub fn f(answer: &api::ops::ListPetsResponse) -> Option<String> { answer.error().map(|e| e.message.clone()) }",
            id: "rust-accessor-changed",
            wire_breaks: false,
        },
        Case {
            name: "required_properties_reordered",
            change: |s| {
                let pet = schema(s, "Pet")["properties"]
                    .as_object_mut()
                    .expect("properties");
                let id = pet.shift_remove("id").expect("id");
                pet.insert("id".into(), id);
            },
            program: "pub fn f() -> api::Pet { api::Pet::new(1, \"rex\".into()) }",
            id: "rust-constructor-arguments-reordered",
            wire_breaks: false,
        },
        Case {
            name: "status_removed",
            change: |s| {
                list_pets(s)["responses"]
                    .as_object_mut()
                    .expect("responses")
                    .remove("404");
            },
            program: "pub fn f(answer: &api::ops::ListPetsResponse) -> usize { match answer { api::ops::ListPetsResponse::Ok(pets) => pets.len(), api::ops::ListPetsResponse::NotFound(_) => 0, _ => 0 } }",
            id: "response-non-success-status-removed",
            wire_breaks: false,
        },
    ]
}

fn write(path: &Path, contents: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(path, contents).expect("file written");
}

fn generate(spec: &Path, out: &Path, name: &str, runtime: &Path) {
    let output = specgen(&[
        "--spec",
        spec.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
        "--name",
        name,
        "--runtime",
        runtime.to_str().expect("utf-8"),
        "--workspace-member",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
}

/// The usage crate of each case against the crate it depends on now.
fn point_usage(dir: &Path, case: &str, dependency: &str) {
    write(
        &dir.join(format!("use-{case}/Cargo.toml")),
        &format!(
            "[package]\nname = \"use-{case}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{dependency}\n"
        ),
    );
}

/// `cargo check` of the whole workspace, every crate as far as it goes: the usage crates that
/// do not compile.
fn failing(dir: &Path, cases: &[Case]) -> Vec<&'static str> {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("specgen-diff-proof");
    let check = Command::new(env!("CARGO"))
        .args([
            "check",
            "--offline",
            "--workspace",
            "--keep-going",
            "--message-format=short",
        ])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo runs");
    let stderr = text(&check.stderr);
    let failed: Vec<&'static str> = cases
        .iter()
        .map(|case| case.name)
        .filter(|name| {
            stderr.contains(&format!(
                "could not compile `use-{}`",
                name.replace('_', "-")
            ))
        })
        .collect();
    // Anything else that fails is the generator's fault.
    for line in stderr.lines().filter(|l| l.contains("could not compile")) {
        assert!(
            line.contains("`use-"),
            "a generated crate does not compile:\n{stderr}"
        );
    }
    failed
}

#[test]
fn rust_verdicts_are_what_the_compiler_says() {
    let dir = std::env::temp_dir().join(format!("specgen-diff-proof-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let runtime = dir.join("specgen-runtime");
    let old_spec = dir.join("v1.json");
    write(
        &old_spec,
        &serde_json::to_string_pretty(&base()).expect("json"),
    );
    generate(&old_spec, &dir.join("v1"), "api", &runtime);
    let cases = cases();
    let mut members = vec!["\"specgen-runtime\"".to_owned(), "\"v1\"".to_owned()];
    let mut reports = Vec::new();
    for case in &cases {
        let slug = case.name.replace('_', "-");
        let mut spec = base();
        (case.change)(&mut spec);
        let new_spec = dir.join(format!("v2-{slug}.json"));
        write(
            &new_spec,
            &serde_json::to_string_pretty(&spec).expect("json"),
        );
        generate(
            &new_spec,
            &dir.join(format!("v2-{slug}")),
            &format!("api-{slug}"),
            &runtime,
        );
        write(
            &dir.join(format!("use-{slug}/src/lib.rs")),
            &format!("{}\n", case.program),
        );
        point_usage(&dir, &slug, "api = { path = \"../v1\" }");
        members.push(format!("\"v2-{slug}\""));
        members.push(format!("\"use-{slug}\""));
        let diff = specgen(&[
            "diff",
            "--old",
            old_spec.to_str().expect("utf-8"),
            "--new",
            new_spec.to_str().expect("utf-8"),
            "--name",
            "api",
            "--format",
            "json",
        ]);
        assert_eq!(
            diff.status.code(),
            Some(0),
            "{}: {}",
            case.name,
            text(&diff.stderr)
        );
        let report: Vec<Value> = serde_json::from_slice(&diff.stdout).expect("the report is JSON");
        documented(&report);
        reports.push(report);
    }
    write(
        &dir.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    );
    let before = failing(&dir, &cases);
    assert!(
        before.is_empty(),
        "programs that do not compile against v1: {before:?}"
    );
    for case in &cases {
        let slug = case.name.replace('_', "-");
        point_usage(
            &dir,
            &slug,
            &format!("api = {{ path = \"../v2-{slug}\", package = \"api-{slug}\" }}"),
        );
    }
    let after = failing(&dir, &cases);
    let mut wrong = Vec::new();
    for (case, report) in cases.iter().zip(&reports) {
        let verdict = |change: &Value, side: &str| change[side]["verdict"] == "breaking";
        let rust = report.iter().any(|change| verdict(change, "rust"));
        let broke = after.contains(&case.name);
        if rust != broke {
            wrong.push(format!(
                "{}: the report says rust breaking = {rust}, the compiler {broke}",
                case.name
            ));
        }
        match report.iter().find(|change| change["id"] == case.id) {
            Some(change) => {
                if verdict(change, "wire") != case.wire_breaks {
                    wrong.push(format!(
                        "{}: wire {} ({})",
                        case.name, change["wire"]["verdict"], change["wire"]["reason"]
                    ));
                }
                for key in ["rust_items", "message"] {
                    assert!(!change[key].is_null(), "{}: `{key}` in {change}", case.name);
                }
                assert!(
                    change["old"].is_string() || change["new"].is_string(),
                    "{}: a place in {change}",
                    case.name
                );
            }
            None => wrong.push(format!("{}: no `{}` in {report:#?}", case.name, case.id)),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Exit statuses: 0 without `--fail-on` or when nothing reaches it, 1 when something does, 2 on
/// bad input; the text report groups by Rust item and puts breaking changes first.
#[test]
fn exit_statuses_and_the_text_report() {
    let dir = std::env::temp_dir().join(format!("specgen-diff-exit-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let old = dir.join("v1.json");
    let new = dir.join("v2.json");
    write(&old, &base().to_string());
    let mut spec = base();
    schema(&mut spec, "Status")["enum"] = json!(["available", "sold", "pending"]);
    write(&new, &spec.to_string());
    let run = |extra: &[&str]| {
        let mut args = vec![
            "diff",
            "--old",
            old.to_str().expect("utf-8"),
            "--new",
            new.to_str().expect("utf-8"),
        ];
        args.extend(extra);
        specgen(&args)
    };
    // An enum value added breaks neither Rust code (the enum is non-exhaustive) nor the wire.
    let plain = run(&[]);
    assert_eq!(plain.status.code(), Some(0));
    let report = text(&plain.stdout);
    assert!(
        report.starts_with("1 change: 0 break Rust code, 0 break the wire."),
        "{report}"
    );
    assert!(report.contains("\napi::Status\n  response-property-enum-value-added [rust: compatible, wire: compatible]"), "{report}");
    assert_eq!(run(&["--fail-on", "any"]).status.code(), Some(0));

    // The enum value removed: breaking for Rust (a variant is gone), not for responses.
    schema(&mut spec, "Status")["enum"] = json!(["available"]);
    write(&new, &spec.to_string());
    assert_eq!(run(&["--fail-on", "rust"]).status.code(), Some(1));
    assert_eq!(run(&["--fail-on", "wire"]).status.code(), Some(0));
    let markdown = text(&run(&["--format", "markdown"]).stdout);
    assert!(markdown.contains("#### `api::Status`"), "{markdown}");
    assert!(markdown.contains("**rust: breaking**"), "{markdown}");

    // Bad input: an option, a file, a spec.
    assert_eq!(run(&["--fail-on", "sometimes"]).status.code(), Some(2));
    assert_eq!(
        specgen(&[
            "diff",
            "--old",
            "missing.json",
            "--new",
            new.to_str().expect("utf-8")
        ])
        .status
        .code(),
        Some(2)
    );
    write(&new, "{\"openapi\": \"3.0.3\", \"paths\": [\n");
    let broken = run(&[]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        text(&broken.stderr).contains("v2.json:"),
        "{}",
        text(&broken.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The ids the report gives are the ones the README documents.
#[test]
fn the_readme_lists_every_id() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .expect("README");
    for (id, _) in codegen::diff::IDS {
        assert!(
            readme.contains(&format!("`{id}`")),
            "README.md does not list `{id}`"
        );
    }
}

fn diff_json(dir: &Path, old: &Value, new: &Value) -> Vec<Value> {
    let (old_path, new_path) = (dir.join("old.json"), dir.join("new.json"));
    write(&old_path, &old.to_string());
    write(&new_path, &new.to_string());
    let diff = specgen(&[
        "diff",
        "--old",
        old_path.to_str().expect("utf-8"),
        "--new",
        new_path.to_str().expect("utf-8"),
        "--format",
        "json",
    ]);
    assert_eq!(diff.status.code(), Some(0), "{}", text(&diff.stderr));
    let report: Vec<Value> = serde_json::from_slice(&diff.stdout).expect("the report is JSON");
    documented(&report);
    report
}

/// Every id a report gives is one the README documents (`codegen::diff::IDS`, spelt out).
fn documented(report: &[Value]) {
    let ids = codegen::diff::all_ids();
    for change in report {
        let id = change["id"].as_str().expect("an id");
        assert!(ids.contains(id), "`{id}` is not a documented id: {change}");
    }
}

fn real(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
        .to_str()
        .expect("utf-8")
        .to_owned()
}

/// vSphere 7.0.3's `esx.json` (VMware's older generator: CamelCase schema names, `/api/…` paths,
/// an error schema per status) against the 9.1 excerpt: the same types and operations are found
/// under their new names, and what changed besides is said of them.
#[test]
fn vsphere_7_against_9_finds_what_only_moved() {
    let diff = specgen(&[
        "diff",
        "--old",
        &real("codegen/tests/real/esx.json"),
        "--new",
        &real("specs/vsphere-automation-9.1.0.0-software-ops.yaml"),
        "--vapi",
        "--name",
        "vsphere-types",
        "--format",
        "json",
    ]);
    assert_eq!(diff.status.code(), Some(0), "{}", text(&diff.stderr));
    let report: Vec<Value> = serde_json::from_slice(&diff.stdout).expect("the report is JSON");
    documented(&report);
    let find = |id: &str, message: &str| {
        report
            .iter()
            .find(|c| c["id"] == id && c["message"].as_str().is_some_and(|m| m.contains(message)))
            .unwrap_or_else(|| panic!("no `{id}` saying `{message}` in {report:#?}"))
    };
    let renamed = find(
        "api-schema-renamed",
        "`EsxSettingsSoftwareInfo` is `Esx.Settings.SoftwareInfo`",
    );
    assert_eq!(
        renamed["rust_items"],
        json!([
            "vsphere_types::EsxSettingsSoftwareInfo",
            "vsphere_types::esx::settings::SoftwareInfo"
        ])
    );
    // A property whose type was only renamed holds the same type: the rename is reported once,
    // at the type.
    let add_on = json!(["vsphere_types::esx::settings::SoftwareInfo::add_on"]);
    assert!(
        report.iter().all(|c| c["rust_items"] != add_on),
        "{report:#?}"
    );
    // Its contents are compared too: 9.1 added properties.
    find(
        "response-optional-property-added",
        "`Esx.Settings.SoftwareInfo.alternative_images`",
    );
    // `GET /api/esx/settings/clusters/{cluster}/software` is 9.1's `…/software` below `/api`.
    let renamed_op = find(
        "api-operation-id-updated",
        "is `Esx.Settings.Clusters.Software_get` now",
    );
    assert_eq!(renamed_op["rust"]["verdict"], "breaking");
    assert!(
        report.iter().all(|c| c["id"] != "api-path-changed"),
        "paths are found below the server's"
    );
}

fn schemas(schemas: Value) -> Value {
    json!({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": schemas}})
}

/// Names depend on the schema's own place: an inline alternative is named by its tag (or title,
/// or the schema its `allOf` starts from), not by its position, so one inserted before it renames
/// nothing; what still shifts (a collision suffix) is reported as `rust-name-shifted`.
#[test]
fn names_stay_and_what_shifts_is_reported() {
    let dir = std::env::temp_dir().join(format!("specgen-diff-names-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let shape = |kind: &str| {
        json!({"type": "object", "required": ["kind"], "properties": {
            "kind": {"type": "string", "enum": [kind]}, "size": {"type": "number"}
        }})
    };
    let old = schemas(json!({"Shape": {"oneOf": [shape("circle"), shape("square")]}}));
    let new =
        schemas(json!({"Shape": {"oneOf": [shape("triangle"), shape("circle"), shape("square")]}}));
    let report = diff_json(&dir, &old, &new);
    let ids: Vec<&str> = report
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["property-one-of-added"], "{report:#?}");
    assert_eq!(report[0]["rust_items"], json!(["api::Shape::Triangle"]));

    // `COLOR` and `color` are both `Color`: the name that sorts first keeps it, `color` is
    // `Color2`. A `Color` that sorts between them moves `color` to `Color3`, and the report says so.
    let object = json!({"type": "object", "properties": {"a": {"type": "string"}}});
    let old = schemas(json!({"COLOR": object, "color": object}));
    let new = schemas(json!({"COLOR": object, "Color": object, "color": object}));
    let report = diff_json(&dir, &old, &new);
    let shifted: Vec<&Value> = report
        .iter()
        .filter(|c| c["id"] == "rust-name-shifted")
        .collect();
    assert_eq!(shifted.len(), 1, "{report:#?}");
    assert_eq!(
        shifted[0]["rust_items"],
        json!(["api::Color2", "api::Color3"])
    );
    assert_eq!(shifted[0]["rust"]["verdict"], "breaking");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A vSphere task's result type comes from prose (a schema's description naming the operation):
/// when the prose stops naming it, the task's result is any JSON, and the report says what that
/// does to `TaskOperation::Result`.
#[test]
fn a_task_result_that_changes_is_reported() {
    let dir = std::env::temp_dir().join(format!("specgen-diff-task-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let spec = real("specs/vsphere-automation-9.1.0.0-software-ops.yaml");
    let text_now = std::fs::read_to_string(&spec).expect("the spec");
    let sentence = "describe the result of a *POST /esx/settings/clusters/{cluster}/software?action=stage* operation";
    assert!(
        text_now.contains(sentence),
        "the spec names the stage task's result"
    );
    let new = dir.join("new.yaml");
    write(&new, &text_now.replace(sentence, "describe a result"));
    let diff = specgen(&[
        "diff",
        "--old",
        &spec,
        "--new",
        new.to_str().expect("utf-8"),
        "--vapi",
        "--format",
        "json",
    ]);
    assert_eq!(diff.status.code(), Some(0), "{}", text(&diff.stderr));
    let report: Vec<Value> = serde_json::from_slice(&diff.stdout).expect("the report is JSON");
    documented(&report);
    let change = report
        .iter()
        .find(|c| c["id"] == "response-body-type-changed")
        .unwrap_or_else(|| panic!("{report:#?}"));
    assert!(
        change["message"].as_str().is_some_and(|m| m.contains("result of the task `Esx.Settings.Clusters.Software_stage$Task` is `serde_json::Value` now (was `StageResult`)")),
        "{change}"
    );
    assert_eq!(change["rust"]["verdict"], "breaking");
    let _ = std::fs::remove_dir_all(&dir);
}
