//! The hand-written runtime that generated code relies on: date-times, open enums, validation.
//!
//! These files are written by hand and compiled and tested here; `codegen` copies them verbatim
//! into every standalone crate that `cargo xtask codegen --out DIR` writes. So they depend on
//! nothing but `serde`, `serde_json`, `chrono` and `regex-lite`, and never name a generated type.
//! The module is public but hidden from the docs: generated code in any module reaches the helpers
//! at `crate::runtime::…`, and only the user-facing items are re-exported at the crate root.

mod date_time;
mod decode;
mod open_enum;
#[cfg(feature = "schemars")]
mod schema;
mod serde_helpers;
mod structs;
mod validate;

pub use date_time::{DateTime, DateTimeError};
pub use decode::{
    from_slice, from_slice_with, from_str, from_str_with, from_value, from_value_with,
    validate_value, validate_value_with,
};
pub use open_enum::{OpenEnumVisitor, UnknownValue, cmp_listed_first};
// Generated code calls these macros; a spec may have no type that needs one.
#[allow(unused_imports)]
pub(crate) use open_enum::{enum_json_schema, open_enum};
#[cfg(feature = "schemars")]
pub use schema::{enum_schema, one_of_schema};
pub use serde_helpers::{discriminator, serialize_tagged};
pub use structs::{
    Decoding, EmptySlots, FieldSeed, FieldSink, FieldVisitor, GeneratedStruct, Key, StructInfo,
    UnknownProperties, debug_fields, decode, field, read_or_null, read_some, serialize_fields,
};
#[allow(unused_imports)]
pub(crate) use structs::{empty_slots, serde_struct};
pub use validate::{
    Code, Format, Mode, NO_RULES, Path, Report, Rule, Validate, ValidationError, ValidationErrors,
    check_additional_properties, check_element, check_fields, check_object, check_property_count,
    check_rules, check_tag, deny_unknown_properties, expect_object, no_alternative, unknown_tag,
    validate_field, validate_fields,
};
