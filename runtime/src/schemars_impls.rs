//! `schemars::JsonSchema` for the runtime's types and helpers for generated impls (feature
//! `schemars`).

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::DateTime;

impl JsonSchema for DateTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateTime".into()
    }

    fn json_schema(_generator: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date-time" })
    }

    fn inline_schema() -> bool {
        true
    }
}

impl JsonSchema for crate::AdditionalProperties {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AdditionalProperties".into()
    }

    fn json_schema(_generator: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "object" })
    }

    fn inline_schema() -> bool {
        true
    }
}

/// The schema of an open enum: the values the spec lists.
pub fn enum_schema(values: &[&str]) -> Schema {
    json_schema!({ "type": "string", "enum": values })
}

/// The schema of a union: one of its alternatives.
pub fn one_of_schema(alternatives: Vec<Schema>) -> Schema {
    json_schema!({ "oneOf": alternatives })
}
