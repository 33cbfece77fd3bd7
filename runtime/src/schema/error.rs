//! Validation errors: the [`Error`] record, its stable [`Code`], and the
//! evaluation [`Options`].

use std::fmt;

/// What kind of problem a validation [`Error`] reports.
///
/// The snake_case string of [`Code::as_str`] is stable: generated code and
/// API clients may match on it. New codes may be added (hence
/// `#[non_exhaustive]`); existing spellings never change.
///
/// | code | raised by |
/// | --- | --- |
/// | `syntax` | not raised by the engine; the runtime uses it for text that is not JSON |
/// | `decode` | not raised by the engine; the runtime uses it for JSON that does not decode into the Rust type |
/// | `type` | `type` (and OpenAPI 3.0 `nullable: false`, the default) |
/// | `enum` | `enum` |
/// | `const` | `const` |
/// | `format` | `format`, when formats are assertions |
/// | `minimum` / `maximum` | `minimum` / `maximum` |
/// | `exclusive_minimum` / `exclusive_maximum` | `exclusiveMinimum` / `exclusiveMaximum`, numeric or draft-4 boolean form |
/// | `multiple_of` | `multipleOf` |
/// | `min_length` / `max_length` | `minLength` / `maxLength` (counted in code points) |
/// | `pattern` | `pattern` |
/// | `min_items` / `max_items` | `minItems` / `maxItems` |
/// | `unique_items` | `uniqueItems`, at the path of the first item that repeats an earlier one |
/// | `additional_items` | `additionalItems: false`, or 2020-12 `items: false`, when the array is longer than the tuple |
/// | `contains` | `contains` with no matching item (and no `minContains`) |
/// | `min_contains` / `max_contains` | `minContains` / `maxContains` |
/// | `min_properties` / `max_properties` | `minProperties` / `maxProperties` (every property counts) |
/// | `required` | `required`, at the path the missing property would have |
/// | `additional_properties` | `additionalProperties: false`, one error per unexpected property, at the property's path |
/// | `property_names` | `propertyNames`, one error per rejected name, at that property's path |
/// | `dependent_required` | `dependentRequired`, draft-4..7 `dependencies` with an array, at the missing property's path |
/// | `dependent_schemas` | reserved: `dependentSchemas` (and `dependencies` with a schema) report the sub-schema's own errors |
/// | `unevaluated_properties` | `unevaluatedProperties: false`, one error per property, at the property's path |
/// | `unevaluated_items` | `unevaluatedItems: false`, one error per item, at the item's path |
/// | `one_of` | `oneOf`: none or several alternatives match (one error, alternatives' errors are not reported) |
/// | `any_of` | `anyOf`: no alternative matches (one error) |
/// | `not` | `not`: the instance matches the negated schema |
/// | `false_schema` | the `false` schema (any value is rejected) |
/// | `depth` | evaluation nested deeper than the engine's limit (a schema recursing without consuming the instance) |
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// `syntax`
    Syntax,
    /// `decode`
    Decode,
    /// `type`
    Type,
    /// `enum`
    Enum,
    /// `const`
    Const,
    /// `format`
    Format,
    /// `minimum`
    Minimum,
    /// `maximum`
    Maximum,
    /// `exclusive_minimum`
    ExclusiveMinimum,
    /// `exclusive_maximum`
    ExclusiveMaximum,
    /// `multiple_of`
    MultipleOf,
    /// `min_length`
    MinLength,
    /// `max_length`
    MaxLength,
    /// `pattern`
    Pattern,
    /// `min_items`
    MinItems,
    /// `max_items`
    MaxItems,
    /// `unique_items`
    UniqueItems,
    /// `additional_items`
    AdditionalItems,
    /// `contains`
    Contains,
    /// `min_contains`
    MinContains,
    /// `max_contains`
    MaxContains,
    /// `min_properties`
    MinProperties,
    /// `max_properties`
    MaxProperties,
    /// `required`
    Required,
    /// `additional_properties`
    AdditionalProperties,
    /// `property_names`
    PropertyNames,
    /// `dependent_required`
    DependentRequired,
    /// `dependent_schemas`
    DependentSchemas,
    /// `unevaluated_properties`
    UnevaluatedProperties,
    /// `unevaluated_items`
    UnevaluatedItems,
    /// `one_of`
    OneOf,
    /// `any_of`
    AnyOf,
    /// `not`
    Not,
    /// `false_schema`
    FalseSchema,
    /// `depth`
    Depth,
}

impl Code {
    /// The stable snake_case spelling of the code.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::Decode => "decode",
            Code::Type => "type",
            Code::Enum => "enum",
            Code::Const => "const",
            Code::Format => "format",
            Code::Minimum => "minimum",
            Code::Maximum => "maximum",
            Code::ExclusiveMinimum => "exclusive_minimum",
            Code::ExclusiveMaximum => "exclusive_maximum",
            Code::MultipleOf => "multiple_of",
            Code::MinLength => "min_length",
            Code::MaxLength => "max_length",
            Code::Pattern => "pattern",
            Code::MinItems => "min_items",
            Code::MaxItems => "max_items",
            Code::UniqueItems => "unique_items",
            Code::AdditionalItems => "additional_items",
            Code::Contains => "contains",
            Code::MinContains => "min_contains",
            Code::MaxContains => "max_contains",
            Code::MinProperties => "min_properties",
            Code::MaxProperties => "max_properties",
            Code::Required => "required",
            Code::AdditionalProperties => "additional_properties",
            Code::PropertyNames => "property_names",
            Code::DependentRequired => "dependent_required",
            Code::DependentSchemas => "dependent_schemas",
            Code::UnevaluatedProperties => "unevaluated_properties",
            Code::UnevaluatedItems => "unevaluated_items",
            Code::OneOf => "one_of",
            Code::AnyOf => "any_of",
            Code::Not => "not",
            Code::FalseSchema => "false_schema",
            Code::Depth => "depth",
        }
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One validation problem, as the evaluator finds it (the runtime turns it into a
/// [`ValidationError`](crate::ValidationError)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// RFC 6901 JSON Pointer of the instance location; `""` is the root.
    pub path: String,
    /// What kind of problem it is.
    pub code: Code,
    /// Plain lowercase words, quoting the offending value briefly.
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{} ({})", self.message, self.code)
        } else {
            write!(f, "{}: {} ({})", self.path, self.message, self.code)
        }
    }
}

impl std::error::Error for Error {}

/// Options of [`Program::validate`](crate::schema::Program::validate).
/// [`Program::is_valid`](crate::schema::Program::is_valid) always uses the defaults
/// (strict).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// When true, an `enum` whose values are all strings (or `null`) accepts
    /// any string: servers add enum values over time, and an older client
    /// should not reject them. Everything else is still checked.
    pub forward_compatible: bool,
}
