//! Decoding of generated structs: one shared key matcher and a macro that writes the visitor.
//!
//! serde's derive writes, for every struct, a field enum with its own visitor and a visitor for
//! both maps and sequences. JSON objects only ever arrive as maps, and the key matching is the same
//! for every struct, so generated structs have a lean `visit_map` over [`FieldSeed`] and these
//! helpers instead. They decode what the derive would, with the same error messages, in much less
//! code for rustc to check.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, Error, Visitor};

/// What a struct does with a property that is not one of its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnknownProperties {
    /// Skip it: newer servers add properties.
    Ignore,
    /// Fail (`additionalProperties: false`).
    Deny,
    /// Keep it, in the struct's map of other properties.
    Keep,
}

/// A key of a JSON object, matched against a struct's fields.
#[derive(Debug)]
pub enum Key {
    /// The field at this index.
    Field(usize),
    /// Another property, kept (with [`UnknownProperties::Keep`]).
    Other(String),
    /// Another property, skipped.
    Skip,
}

/// Reads a key and matches it against `fields` without allocating (unless it must be kept).
pub struct FieldSeed {
    /// The JSON names of the fields, in order.
    pub fields: &'static [&'static str],
    /// What to do with any other key.
    pub unknown: UnknownProperties,
}

impl<'de> DeserializeSeed<'de> for FieldSeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for FieldSeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }

    fn visit_str<E: Error>(self, key: &str) -> Result<Key, E> {
        if let Some(index) = self.fields.iter().position(|field| *field == key) {
            return Ok(Key::Field(index));
        }
        match self.unknown {
            UnknownProperties::Ignore => Ok(Key::Skip),
            UnknownProperties::Deny => Err(E::unknown_field(key, self.fields)),
            UnknownProperties::Keep => Ok(Key::Other(key.to_owned())),
        }
    }
}

impl FieldSeed {
    /// Matches keys against `fields`, doing `unknown` with any other.
    pub fn new(fields: &'static [&'static str], unknown: UnknownProperties) -> FieldSeed {
        FieldSeed { fields, unknown }
    }
}

/// Reads the value of a field into its slot; a second value for the same field is an error.
pub fn read_field<'de, T, A>(
    slot: &mut Option<T>,
    map: &mut A,
    name: &'static str,
) -> Result<(), A::Error>
where
    T: serde::Deserialize<'de>,
    A: serde::de::MapAccess<'de>,
{
    if slot.is_some() {
        return Err(A::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// The value of a required field, or serde's "missing field" error.
pub fn required<T, E: Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

/// Skips the value of a property that is not kept.
pub fn skip_value<'de, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<serde::de::IgnoredAny>().map(|_| ())
}
