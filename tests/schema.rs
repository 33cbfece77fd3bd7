//! The schema round trip: the JSON Schema that `schemars` derives from the generated types agrees
//! with the input spec on what matters, for every schema of the StageStatus closure: property
//! names, the required set, JSON types, formats, enum values, and item and map value types.
//!
//! The generated side is read from the Rust types alone (derives and `JsonSchema` impls), so this
//! closes the loop: spec → types → schema → compare with the spec.

use std::collections::{BTreeMap, BTreeSet};

use schemars::{JsonSchema, SchemaGenerator};
use serde_json::Value;
use vsphere_types::cis::task;
use vsphere_types::esx::settings::clusters::software::{apply_status, stage_status};
use vsphere_types::esx::settings::{self, notification};
use vsphere_types::vapi::std as vapi_std;

/// What a schema says about its values, in a form both sides can be brought to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    /// Another schema, by its spec name.
    Ref(String),
    /// A primitive JSON type and its format.
    Primitive(String, Option<String>),
    Array(Box<Shape>),
    Map(Box<Shape>),
    Enum(BTreeSet<String>),
    Object {
        properties: BTreeMap<String, Shape>,
        required: BTreeSet<String>,
    },
}

/// The spec's view. vSphere links enum-typed strings to their enum only in prose:
/// `For more information see: *X*.` where X is an enum schema.
fn spec_shape(schema: &Value, enums: &BTreeSet<String>) -> Shape {
    if let Some(reference) = schema["$ref"].as_str() {
        return Shape::Ref(reference.rsplit('/').next().unwrap_or_default().to_owned());
    }
    if let Some([only]) = schema["allOf"].as_array().map(Vec::as_slice) {
        return spec_shape(only, enums);
    }
    if let Some(values) = schema["enum"].as_array() {
        return Shape::Enum(
            values
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
        );
    }
    match schema["type"].as_str() {
        Some("array") => Shape::Array(Box::new(spec_shape(&schema["items"], enums))),
        Some("object") if schema.get("properties").is_none() => {
            Shape::Map(Box::new(spec_shape(&schema["additionalProperties"], enums)))
        }
        Some("object") => Shape::Object {
            properties: schema["properties"]
                .as_object()
                .expect("properties")
                .iter()
                .map(|(name, property)| (name.clone(), spec_shape(property, enums)))
                .collect(),
            required: strings(&schema["required"]),
        },
        Some("string") => {
            let description = schema["description"].as_str().unwrap_or_default();
            let linked = description
                .split("For more information see: *")
                .nth(1)
                .and_then(|rest| rest.split('*').next())
                .filter(|name| enums.contains(*name));
            match linked {
                Some(name) => Shape::Ref(name.to_owned()),
                None => primitive(schema),
            }
        }
        _ => primitive(schema),
    }
}

/// The generated side, with `null` removed (optionality is checked through `required`).
fn generated_shape(schema: &Value) -> Shape {
    if let Some(reference) = schema["$ref"].as_str() {
        return Shape::Ref(reference.rsplit('/').next().unwrap_or_default().to_owned());
    }
    if let Some(alternatives) = schema["anyOf"].as_array().or(schema["oneOf"].as_array()) {
        let non_null: Vec<&Value> = alternatives
            .iter()
            .filter(|a| a["type"] != "null")
            .collect();
        if let [only] = non_null.as_slice() {
            return generated_shape(only);
        }
    }
    if let Some(values) = schema["enum"].as_array() {
        return Shape::Enum(
            values
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
        );
    }
    let ty = match &schema["type"] {
        Value::Array(types) => types
            .iter()
            .find(|t| *t != "null")
            .cloned()
            .unwrap_or_default(),
        other => other.clone(),
    };
    match ty.as_str() {
        Some("array") => Shape::Array(Box::new(generated_shape(&schema["items"]))),
        Some("object") if schema.get("properties").is_none() => {
            Shape::Map(Box::new(generated_shape(&schema["additionalProperties"])))
        }
        Some("object") => Shape::Object {
            properties: schema["properties"]
                .as_object()
                .expect("properties")
                .iter()
                .map(|(name, property)| (name.clone(), generated_shape(property)))
                .collect(),
            required: strings(&schema["required"]),
        },
        Some(name) => Shape::Primitive(
            name.to_owned(),
            schema["format"].as_str().map(str::to_owned),
        ),
        None => panic!("no type in {schema}"),
    }
}

fn primitive(schema: &Value) -> Shape {
    let ty = schema["type"]
        .as_str()
        .unwrap_or_else(|| panic!("no type in {schema}"));
    Shape::Primitive(ty.to_owned(), schema["format"].as_str().map(str::to_owned))
}

fn strings(value: &Value) -> BTreeSet<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_types_imply_the_spec_schemas() {
    let spec: Value = serde_yaml::from_str(include_str!(
        "../specs/vsphere-automation-9.1.0.0-stage-status.yaml"
    ))
    .expect("the spec parses");
    let schemas = spec["components"]["schemas"].as_object().expect("schemas");
    let enums: BTreeSet<String> = schemas
        .iter()
        .filter(|(_, s)| s.get("enum").is_some())
        .map(|(name, _)| name.clone())
        .collect();

    let mut generator = SchemaGenerator::default();
    let mut names = Vec::new();
    // Every type of the closure, asked for by its Rust path.
    macro_rules! ask {
        ($($ty:ty),* $(,)?) => {$(
            generator.subschema_for::<$ty>();
            names.push(<$ty as JsonSchema>::schema_name().into_owned());
        )*};
    }
    ask!(
        vsphere_types::esx::settings::clusters::software::StageStatus,
        stage_status::Status,
        vsphere_types::esx::settings::clusters::software::ApplyStatus,
        apply_status::Status,
        settings::Notification,
        notification::Type,
        settings::Notifications,
        task::Status,
        task::Progress,
        vapi_std::LocalizableMessage,
        vapi_std::LocalizationParam,
        vapi_std::localization_param::DateTimeFormat,
        vapi_std::NestedLocalizableMessage,
    );
    let definitions = generator.take_definitions(true);

    let asked: BTreeSet<&String> = names.iter().collect();
    let in_spec: BTreeSet<&String> = schemas.keys().collect();
    assert_eq!(
        asked, in_spec,
        "every schema of the spec has a type, named as the spec names it"
    );

    for (name, spec_schema) in schemas {
        let generated = definitions
            .get(name)
            .unwrap_or_else(|| panic!("schemars has no definition named {name}"));
        assert_eq!(
            generated_shape(generated),
            spec_shape(spec_schema, &enums),
            "{name}: the types say something else than the spec\ngenerated: {generated:#}"
        );
    }
}
