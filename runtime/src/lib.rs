//! The runtime of the crates that `codegen` generates: date-times, open enums, decoding and
//! validation.
//!
//! Generated crates depend on this crate and re-export its user-facing items ([`Validate`],
//! [`ValidationErrors`], [`DateTime`], [`from_str`], …), so every generated crate shares one
//! `Validate` trait, one error type and one `DateTime`: a function generic over `T: Validate`
//! takes the types of any of them, and their errors go into one report.
//!
//! The rest of the public surface is hidden from the docs: the traits, helpers and macros that
//! generated code calls (always by the absolute path `::specgen_runtime::…`, which no schema name
//! can shadow). They are public only because generated code lives in another crate; they are not
//! for hand-written code, and change with [`ABI_VERSION`].

#![deny(missing_docs)]

/// The version of the contract between generated code and this runtime. A generated crate
/// asserts at compile time that the runtime it is built against has the version it was generated
/// for, so a mismatch is one clear error instead of macro errors from deep inside.
pub const ABI_VERSION: u32 = 4;

mod additional;
mod date_time;
mod decode;
pub mod http;
mod open_enum;
pub mod schema;
#[cfg(feature = "schemars")]
mod schemars_impls;
mod serde_helpers;
mod structs;
mod validate;
pub mod vapi;

pub use additional::AdditionalProperties;
pub use date_time::{DateTime, DateTimeError};
pub use decode::{
    from_slice, from_slice_with, from_str, from_str_with, from_value, from_value_with,
    validate_value, validate_value_with,
};
pub use open_enum::UnknownValue;
pub use validate::{Code, Mode, Validate, ValidationError, ValidationErrors};

// What generated code calls: public because it lives in other crates, hidden because it is not
// for hand-written code.
#[doc(hidden)]
pub use open_enum::{OpenEnumVisitor, cmp_listed_first};
#[cfg(feature = "schemars")]
#[doc(hidden)]
pub use schemars_impls::{enum_schema, one_of_schema};
#[doc(hidden)]
pub use serde_helpers::{discriminator, serialize_tagged};
#[doc(hidden)]
pub use structs::{
    Decoding, EmptySlots, FieldSeed, FieldSink, FieldVisitor, GeneratedStruct, Key, StructInfo,
    UnknownProperties, debug_fields, decode, field, read_null_as_absent, read_or_null, read_some,
    serialize_fields,
};
#[doc(hidden)]
pub use validate::{
    Format, NO_RULES, Num, Path, Report, Rule, Schema, check_element, check_fields, check_object,
    check_property_count, check_rules, deny_unknown_properties, expect_object, unknown_tag,
    validate_by_schema, validate_field, validate_fields,
};

/// The crates that the runtime's macros expand to, by a path that does not depend on the
/// generated crate's own dependencies.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "schemars")]
    pub use schemars;
    pub use serde;
    pub use serde_json;
}
