//! Decoding of generated structs: one shared key matcher and a macro that writes the visitor.
//!
//! serde's derive writes, for every struct, a field enum with its own visitor and a visitor for
//! both maps and sequences. JSON objects only ever arrive as maps, and the key matching is the same
//! for every struct, so generated structs use [`decode_struct!`](crate::runtime::decode_struct)
//! instead: a lean `visit_map` over [`FieldSeed`]. It decodes what the derive would, with the same
//! error messages, in much less code for rustc to check.

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

/// `impl Deserialize` for a generated struct from a JSON object.
///
/// Each field is `(ident, "json name", index, kind: Type)`, where `index` is its position and `Type` is what JSON holds and `kind`
/// says how the field is made from it:
/// - `required: T`: the field is a `T`; missing is an error;
/// - `optional: T`: the field is an `Option<T>`; missing and `null` are `None`;
/// - `required_nullable: T`: the field is an `Option<T>`; `null` is `None`, missing is an error;
/// - `optional_nullable: T`: the field is an `Option<Option<T>>`; missing is `None`, `null` is
///   `Some(None)`;
/// - `defaulted(path): T`: the field is a `T`; missing or `null` is `path()`.
///
/// `other` is `ignore`, `deny` (`additionalProperties: false`) or `keep field: Type` (the map of
/// other properties).
// A spec may have no type that needs it.
#[allow(unused_macros)]
macro_rules! decode_struct {
    (@local required $ty:ty) => { ::std::option::Option<$ty> };
    (@local optional $ty:ty) => { ::std::option::Option<::std::option::Option<$ty>> };
    (@local required_nullable $ty:ty) => { ::std::option::Option<::std::option::Option<$ty>> };
    (@local optional_nullable $ty:ty) => { ::std::option::Option<::std::option::Option<$ty>> };
    (@local defaulted($default:path) $ty:ty) => { ::std::option::Option<::std::option::Option<$ty>> };

    (@read required $ty:ty, $map:ident) => { $map.next_value::<$ty>()? };
    (@read defaulted($default:path) $ty:ty, $map:ident) => { $map.next_value::<::std::option::Option<$ty>>()? };
    (@read $kind:ident $ty:ty, $map:ident) => { $map.next_value::<::std::option::Option<$ty>>()? };

    (@finish required $local:ident, $wire:literal) => {
        $local.ok_or_else(|| ::serde::de::Error::missing_field($wire))?
    };
    (@finish optional $local:ident, $wire:literal) => { $local.flatten() };
    (@finish required_nullable $local:ident, $wire:literal) => {
        $local.ok_or_else(|| ::serde::de::Error::missing_field($wire))?
    };
    (@finish optional_nullable $local:ident, $wire:literal) => { $local };
    (@finish defaulted($default:path) $local:ident, $wire:literal) => {
        $local.flatten().unwrap_or_else($default)
    };

    (@other ignore) => { $crate::runtime::UnknownProperties::Ignore };
    (@other deny) => { $crate::runtime::UnknownProperties::Deny };
    (@other keep $extra:ident: $extra_ty:ty) => { $crate::runtime::UnknownProperties::Keep };

    (
        $ty:ident,
        [$(($field:ident, $wire:literal, $index:literal, $kind:ident $(($default:path))?: $field_ty:ty)),* $(,)?],
        other = $other:ident $($extra:ident: $extra_ty:ty)?
    ) => {
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct Fields;
                impl<'de> ::serde::de::Visitor<'de> for Fields {
                    type Value = $ty;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(::std::concat!("a `", ::std::stringify!($ty), "` object"))
                    }

                    #[allow(non_snake_case)]
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<$ty, A::Error> {
                        const FIELDS: &[&str] = &[$($wire),*];
                        $(let mut $field: $crate::runtime::decode_struct!(@local $kind $(($default))? $field_ty) = ::std::option::Option::None;)*
                        $(let mut $extra: $extra_ty = ::std::default::Default::default();)?
                        let seed = || $crate::runtime::FieldSeed {
                            fields: FIELDS,
                            unknown: $crate::runtime::decode_struct!(@other $other $($extra: $extra_ty)?),
                        };
                        while let ::std::option::Option::Some(key) = map.next_key_seed(seed())? {
                            match key {
                                $(
                                    $crate::runtime::Key::Field($index) => {
                                        if $field.is_some() {
                                            return ::std::result::Result::Err(::serde::de::Error::duplicate_field($wire));
                                        }
                                        $field = ::std::option::Option::Some(
                                            $crate::runtime::decode_struct!(@read $kind $(($default))? $field_ty, map),
                                        );
                                    }
                                )*
                                $crate::runtime::Key::Field(_) => {}
                                $crate::runtime::Key::Other(_name) => {
                                    $($extra.insert(_name, map.next_value()?);)?
                                }
                                $crate::runtime::Key::Skip => {
                                    map.next_value::<::serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        ::std::result::Result::Ok($ty {
                            $($field: $crate::runtime::decode_struct!(@finish $kind $(($default))? $field, $wire),)*
                            $($extra,)?
                        })
                    }
                }
                deserializer.deserialize_map(Fields)
            }
        }
    };
}

#[allow(unused_imports)]
pub(crate) use decode_struct;
