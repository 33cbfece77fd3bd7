//! Open enums: listed values become variants, any other string is kept in an [`UnknownValue`].
//!
//! Generated code declares each enum and invokes [`open_enum!`](crate::open_enum) once;
//! the macro writes the impls every open enum shares, so a generated enum costs a few lines.

use std::fmt;
use std::marker::PhantomData;

/// A value that an enum of the spec does not list (a newer server may send one), kept exactly as
/// received. Only decoding (or `From<&str>`) makes one, and only for a value that no variant
/// stands for, so two enum values are equal exactly when their strings are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue(String);

impl UnknownValue {
    /// Keeps `value`; the caller has checked that no variant stands for it.
    #[doc(hidden)]
    pub fn new(value: String) -> UnknownValue {
        UnknownValue(value)
    }

    /// The value as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::ops::Deref for UnknownValue {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

/// Orders two values of an open enum: the values the enum lists (`listed`) in its order, then any
/// others by their text. The order a derived `Ord` gives, since the variants are declared in
/// the spec's order with the catch-all last.
pub fn cmp_listed_first(listed: &[&str], a: &str, b: &str) -> std::cmp::Ordering {
    let rank = |value: &str| {
        listed
            .iter()
            .position(|known| *known == value)
            .unwrap_or(listed.len())
    };
    rank(a).cmp(&rank(b)).then_with(|| a.cmp(b))
}

/// Decodes an open enum from a string without failing on values the spec does not list. A
/// borrowed string is matched without allocating.
pub struct OpenEnumVisitor<T> {
    known: fn(&str) -> Option<T>,
    other: fn(UnknownValue) -> T,
    expecting: &'static str,
    marker: PhantomData<T>,
}

impl<T> OpenEnumVisitor<T> {
    /// A visitor for the enum whose listed values `known` recognises and whose catch-all
    /// variant `other` constructs; `expecting` says what it decodes, for serde's messages.
    pub fn new(
        known: fn(&str) -> Option<T>,
        other: fn(UnknownValue) -> T,
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
        Ok((self.known)(value).unwrap_or_else(|| (self.other)(UnknownValue(value.to_owned()))))
    }

    fn visit_string<E: serde::de::Error>(self, value: String) -> Result<T, E> {
        Ok(match (self.known)(&value) {
            Some(known) => known,
            None => (self.other)(UnknownValue(value)),
        })
    }
}

/// The impls of a generated open enum: `VALUES`, `as_str`, `is_known`, `From<&str>`, `Display`,
/// `PartialEq`, `Eq`, `Hash`, `PartialOrd`, `Ord`, serde, validation and (with the `schemars`
/// feature) `JsonSchema`.
///
/// `open_enum!(Type, "Spec.Name", Other, [Variant => "WIRE", …])`: `Other` is the catch-all
/// variant. Its functions are generic or `#[inline]`, for the reason `serde_struct!` gives.
#[doc(hidden)]
#[macro_export]
macro_rules! open_enum {
    // Without a schema (the runtime's own tests): any string decodes, so only a value of another
    // JSON type fails to.
    (@check_json []) => {
        #[inline]
        fn check_json(
            value: &$crate::__private::serde_json::Value,
            _rules: &[$crate::Rule],
            at: &$crate::Path<'_>,
            report: &mut $crate::Report,
        ) {
            report.wrong_type(at, "a string", value);
        }
    };
    (@check_json [$($schemas:tt)+]) => {};
    ($ty:ident, $spec_name:literal, $other:ident, $(schema = ($schemas:path, $node:literal, $exact:literal),)? [$($variant:ident => $wire:literal),* $(,)?]) => {
        impl $ty {
            /// The values the spec lists, in its order.
            pub const VALUES: &'static [&'static str] = &[$($wire),*];

            /// The value as it appears in JSON.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)*
                    Self::$other(value) => value.as_str(),
                }
            }

            /// `false` for a value the spec does not list.
            #[inline]
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::$other(_))
            }

            #[inline]
            fn from_known(value: &str) -> ::std::option::Option<Self> {
                ::std::option::Option::Some(match value {
                    $($wire => Self::$variant,)*
                    _ => return ::std::option::Option::None,
                })
            }
        }

        impl ::std::convert::From<&str> for $ty {
            #[inline]
            fn from(value: &str) -> Self {
                Self::from_known(value).unwrap_or_else(|| {
                    Self::$other($crate::UnknownValue::new(value.to_owned()))
                })
            }
        }

        // Equality, hashing and order by the value as it appears in JSON (order: the spec's,
        // then values it does not list, by their text), as derives would give, in bodies much
        // smaller for rustc to check. (Not derived, so a constant of the enum cannot be a match
        // pattern; its variants can.)
        impl ::std::cmp::PartialEq for $ty {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl ::std::cmp::Eq for $ty {}

        impl ::std::hash::Hash for $ty {
            fn hash<__H: ::std::hash::Hasher>(&self, state: &mut __H) {
                ::std::hash::Hash::hash(self.as_str(), state);
            }
        }

        impl ::std::cmp::PartialOrd for $ty {
            #[inline]
            fn partial_cmp(&self, other: &Self) -> ::std::option::Option<::std::cmp::Ordering> {
                ::std::option::Option::Some(::std::cmp::Ord::cmp(self, other))
            }
        }

        impl ::std::cmp::Ord for $ty {
            #[inline]
            fn cmp(&self, other: &Self) -> ::std::cmp::Ordering {
                $crate::cmp_listed_first(Self::VALUES, self.as_str(), other.as_str())
            }
        }

        impl ::std::fmt::Display for $ty {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<__S: $crate::__private::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<__D: $crate::__private::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                deserializer.deserialize_str($crate::OpenEnumVisitor::new(
                    Self::from_known,
                    Self::$other,
                    ::std::concat!("a `", $spec_name, "` string"),
                ))
            }
        }

        impl $crate::Validate for $ty {
            #[inline]
            fn validate_at(&self, at: &$crate::Path<'_>, report: &mut $crate::Report) {
                // An enum whose schema says more than its values is checked by the schema.
                $(
                    if !$exact {
                        return $crate::validate_by_schema(self, at, report);
                    }
                )?
                if let Self::$other(value) = self {
                    report.unknown_enum_value(at, value.as_str(), Self::VALUES);
                }
            }

            $crate::open_enum!(@check_json [$($schemas)?]);

            $crate::serde_struct!(@schema_fn $($schemas, $node, $exact)?);
        }

        $crate::enum_json_schema!($ty, $spec_name);
    };
}

/// `JsonSchema` for an open enum: the values the spec lists.
#[cfg(feature = "schemars")]
#[doc(hidden)]
#[macro_export]
macro_rules! enum_json_schema {
    ($ty:ident, $spec_name:literal) => {
        impl $crate::__private::schemars::JsonSchema for $ty {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed($spec_name)
            }

            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(::std::concat!(
                    ::std::module_path!(),
                    "::",
                    $spec_name
                ))
            }

            fn json_schema(
                _: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                $crate::enum_schema(Self::VALUES)
            }
        }
    };
}

#[cfg(not(feature = "schemars"))]
#[doc(hidden)]
#[macro_export]
macro_rules! enum_json_schema {
    ($ty:ident, $spec_name:literal) => {};
}

#[cfg(test)]
mod tests {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};

    /// An enum as the generator writes it.
    #[derive(Debug, Clone)]
    enum Size {
        Small,
        Large,
        Unknown(crate::UnknownValue),
    }

    crate::open_enum!(Size, "Size", Unknown, [Small => "SMALL", Large => "LARGE"]);

    fn hash(value: &Size) -> u64 {
        let mut hasher = DefaultHasher::new();
        value.hash(&mut hasher);
        hasher.finish()
    }

    #[test]
    fn values_order_as_listed_then_unlisted_by_text() {
        let mut values: Vec<Size> = ["zeta", "LARGE", "alpha", "SMALL"]
            .into_iter()
            .map(Size::from)
            .collect();
        values.sort();
        let texts: Vec<&str> = values.iter().map(Size::as_str).collect();
        assert_eq!(texts, ["SMALL", "LARGE", "alpha", "zeta"]);
        assert!(matches!(values[0], Size::Small) && matches!(values[1], Size::Large));
        assert_eq!(
            Size::Small.partial_cmp(&Size::Large),
            Some(std::cmp::Ordering::Less)
        );
    }

    #[test]
    fn equal_exactly_when_the_texts_are_and_hashed_alike() {
        assert_eq!(Size::from("SMALL"), Size::Small);
        assert_ne!(Size::Small, Size::Large);
        assert_eq!(Size::from("other"), Size::from("other"));
        assert_ne!(Size::from("other"), Size::from("OTHER"));
        assert_eq!(hash(&Size::from("SMALL")), hash(&Size::Small));
        assert_eq!(hash(&Size::from("x")), hash(&Size::from("x")));
        assert!(Size::Small.is_known() && !Size::from("x").is_known());
    }
}
