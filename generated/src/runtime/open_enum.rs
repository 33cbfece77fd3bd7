//! Decoding of generated open enums: listed values become variants, any other string is kept.

use std::fmt;
use std::marker::PhantomData;

/// Decodes a generated open enum from a string without failing on values the spec does not list.
///
/// Generated enums hand it two functions: one that recognises the listed values, and the
/// catch-all variant's constructor. A borrowed string is matched without allocating.
pub struct OpenEnumVisitor<T> {
    known: fn(&str) -> Option<T>,
    other: fn(String) -> T,
    expecting: &'static str,
    marker: PhantomData<T>,
}

impl<T> OpenEnumVisitor<T> {
    /// A visitor for the enum whose listed values `known` recognises and whose catch-all
    /// variant `other` constructs; `expecting` says what it decodes, for serde's messages.
    pub fn new(
        known: fn(&str) -> Option<T>,
        other: fn(String) -> T,
        expecting: &'static str,
    ) -> Self {
        OpenEnumVisitor {
            known,
            other,
            expecting,
            marker: PhantomData,
        }
    }
}

impl<T> serde::de::Visitor<'_> for OpenEnumVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
        Ok((self.known)(value).unwrap_or_else(|| (self.other)(value.to_owned())))
    }

    fn visit_string<E: serde::de::Error>(self, value: String) -> Result<T, E> {
        Ok(match (self.known)(&value) {
            Some(known) => known,
            None => (self.other)(value),
        })
    }
}
