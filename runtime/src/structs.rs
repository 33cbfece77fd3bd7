//! Generated structs: one shared key matcher, one shared `visit_map`, and a macro that writes
//! the little that differs per struct.
//!
//! serde's derive writes, for every struct, a field enum with its own visitor and a visitor for
//! both maps and sequences. JSON objects only ever arrive as maps, and the key matching is the same
//! for every struct, so generated structs implement [`GeneratedStruct`] through
//! [`serde_struct!`](crate::serde_struct) instead: a table of field names, a `match`
//! that reads one field into its slot, and a function that builds the struct from the slots. The
//! loop over the keys, duplicate detection and skipping of unknown properties are written once, in
//! [`decode`]. Decoding is the derive's, with the same error messages, in much less code for
//! rustc to check: per struct, no local of a field's type lives in a function that is generic
//! over the deserializer, which is what makes drop check expensive on large specs. The same macro
//! writes `Serialize`, `Debug` and the fields' validation, all through one
//! [`GeneratedStruct::visit`] of the fields, and the check of a property in raw JSON.

use std::fmt;

use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, Error, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use crate::{Rule, Validate};

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

/// What [`decode`], `serialize_fields`, `debug_fields` and `check_fields` need to know of a
/// struct besides its fields' values.
#[derive(Debug, Clone, Copy)]
pub struct StructInfo {
    /// The Rust name.
    pub name: &'static str,
    /// The JSON names of the fields, in order.
    pub fields: &'static [&'static str],
    /// Whether each field must be present, in the same order.
    pub required: &'static [bool],
    /// The required fields among the first 64, one bit each: what [`decode`] compares with the
    /// fields it has read. Private, so that only [`StructInfo::new`] sets it.
    required_bits: u64,
    /// What to do with a property that is not a field.
    pub unknown: UnknownProperties,
}

impl StructInfo {
    /// The info of a struct named `name` whose fields have the JSON names `fields`.
    pub const fn new(
        name: &'static str,
        fields: &'static [&'static str],
        required: &'static [bool],
        unknown: UnknownProperties,
    ) -> StructInfo {
        let mut required_bits = 0;
        let mut index = 0;
        while index < required.len() && index < 64 {
            if required[index] {
                required_bits |= 1 << index;
            }
            index += 1;
        }
        StructInfo {
            name,
            fields,
            required,
            required_bits,
            unknown,
        }
    }

    /// The JSON name of the first required field that `seen` does not hold.
    fn first_missing(&self, seen: &Seen) -> Option<&'static str> {
        if seen.first & self.required_bits == self.required_bits && self.fields.len() <= 64 {
            return None;
        }
        let index =
            (0..self.fields.len()).find(|&index| self.required[index] && !seen.contains(index))?;
        Some(self.fields[index])
    }
}

/// A generated struct, as the runtime sees it: what [`decode`] and the raw-JSON checks
/// ([`check_fields`](crate::check_fields)) need, and its fields for
/// [`serialize_fields`], [`debug_fields`] and
/// [`validate_fields`](crate::validate_fields). Written by `serde_struct!`: one impl
/// per struct (every impl and every function body is more for rustc to check).
pub trait GeneratedStruct: Sized {
    /// The struct's name, fields (JSON names, which are required) and way with other properties.
    /// (One constant rather than one each: every constant is a body for rustc to check.)
    const INFO: StructInfo;
    /// One slot per field, in a tuple.
    type Slots: EmptySlots<Self>;
    /// The map of other properties the struct keeps, or `()`.
    type Other: OtherProperties;
    /// The Rust name of the field that holds the other properties (`""` without one).
    const OTHER_FIELD: &'static str = "";

    /// Takes the value of the field at `index` from `sink`, with the field's rules: decoded
    /// into its slot, or checked as the field's type.
    fn read<'de, S: FieldSink<'de>>(
        slots: &mut Self::Slots,
        index: usize,
        sink: &mut S,
    ) -> Result<(), S::Error>;

    /// Reads the value of the other property `name`: skips it, unless the struct keeps them.
    fn keep<'de, A: MapAccess<'de>>(
        other: &mut Self::Other,
        name: String,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let _ = (other, name);
        map.next_value::<IgnoredAny>().map(drop)
    }

    /// The struct from its slots, in which every required field has been read ([`decode`]
    /// checks that first).
    ///
    /// Shaped for rustc's drop check, which walks every type a value can reach, once per type a
    /// function holds by value (the return type included): the slots are taken by reference.
    fn finish(slots: &mut Self::Slots, other: &mut Self::Other) -> Self;

    /// Shows each field, with its rules, to `visitor`.
    fn visit<V: FieldVisitor>(&self, visitor: &mut V);

    /// The other properties the struct keeps, encoded after its fields.
    fn other(&self) -> &Self::Other;
}

/// The other properties a struct keeps (a map by name), or none (`()`): what encoding writes
/// after the fields and `Debug` shows.
pub trait OtherProperties: Default {
    /// How many there are.
    fn count(&self) -> usize;

    /// Writes each as an entry of `map`, but those named in `fields` (a declared field's value
    /// is the field's: one key, once).
    fn serialize_entries<M: SerializeMap>(
        &self,
        fields: &[&str],
        map: &mut M,
    ) -> Result<(), M::Error>;

    /// Shows them as one field named `name` of `debug`, when there are any.
    fn debug_entries(&self, name: &str, debug: &mut fmt::DebugStruct<'_, '_>);
}

impl OtherProperties for () {
    #[inline]
    fn count(&self) -> usize {
        0
    }

    #[inline]
    fn serialize_entries<M: SerializeMap>(&self, _: &[&str], _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }

    #[inline]
    fn debug_entries(&self, _: &str, _: &mut fmt::DebugStruct<'_, '_>) {}
}

impl OtherProperties for crate::AdditionalProperties {
    #[inline]
    fn count(&self) -> usize {
        self.len()
    }

    fn serialize_entries<M: SerializeMap>(
        &self,
        fields: &[&str],
        map: &mut M,
    ) -> Result<(), M::Error> {
        self.iter()
            .filter(|(name, _)| !fields.contains(&name.as_str()))
            .try_for_each(|(name, value)| map.serialize_entry(name, value))
    }

    fn debug_entries(&self, name: &str, debug: &mut fmt::DebugStruct<'_, '_>) {
        if !self.is_empty() {
            debug.field(name, self);
        }
    }
}

impl<V: Serialize + fmt::Debug> OtherProperties for std::collections::BTreeMap<String, V> {
    #[inline]
    fn count(&self) -> usize {
        self.len()
    }

    fn serialize_entries<M: SerializeMap>(
        &self,
        fields: &[&str],
        map: &mut M,
    ) -> Result<(), M::Error> {
        self.iter()
            .filter(|(name, _)| !fields.contains(&name.as_str()))
            .try_for_each(|(name, value)| map.serialize_entry(name, value))
    }

    fn debug_entries(&self, name: &str, debug: &mut fmt::DebugStruct<'_, '_>) {
        if !self.is_empty() {
            debug.field(name, self);
        }
    }
}

/// A struct's slots before any property is read: a tuple of `None`s.
///
/// Implemented here for tuples of up to 32 `Option`s, for any struct `S`: a generic impl is
/// checked once, where a constant in each struct's impl would be one more value of the slot type
/// for rustc's drop check to walk, for every struct. A wider struct's `serde_struct!` (with
/// `slots = own`) implements it for its own slot tuple, which the orphan rule allows because
/// the struct is the generated crate's.
pub trait EmptySlots<S> {
    /// All slots empty.
    const EMPTY: Self;
}

/// `impl EmptySlots` for tuples of as many `Option`s as there are parameters, and for each
/// shorter list of them.
macro_rules! empty_slots_up_to {
    () => {
        impl<S> EmptySlots<S> for () {
            const EMPTY: Self = ();
        }
    };
    ($first:ident $($rest:ident)*) => {
        impl<S, $first, $($rest),*> EmptySlots<S> for (Option<$first>, $(Option<$rest>,)*) {
            const EMPTY: Self = (None::<$first>, $(None::<$rest>,)*);
        }
        empty_slots_up_to!($($rest)*);
    };
}

// Keep in step with `codegen::emit::types::RUNTIME_SLOT_ARITIES`.
empty_slots_up_to!(
    T0 T1 T2 T3 T4 T5 T6 T7 T8 T9 T10 T11 T12 T13 T14 T15 T16 T17 T18 T19 T20 T21 T22 T23 T24 T25
    T26 T27 T28 T29 T30 T31
);

/// Decodes a generated struct from a JSON object.
pub fn decode<'de, T: GeneratedStruct, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(StructVisitor(PhantomData))
}

struct StructVisitor<T>(PhantomData<T>);

impl<'de, T: GeneratedStruct> Visitor<'de> for StructVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a `{}` object", T::INFO.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut slots = <T::Slots as EmptySlots<T>>::EMPTY;
        let mut other = T::Other::default();
        let mut seen = Seen::default();
        let seed = || FieldSeed {
            fields: T::INFO.fields,
            unknown: T::INFO.unknown,
        };
        while let Some(key) = map.next_key_seed(seed())? {
            match key {
                Key::Field(index) => {
                    if !seen.insert(index) {
                        return Err(A::Error::duplicate_field(T::INFO.fields[index]));
                    }
                    T::read(&mut slots, index, &mut Decoding(&mut map))?;
                }
                Key::Other(name) => T::keep(&mut other, name, &mut map)?,
                Key::Skip => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if let Some(missing) = T::INFO.first_missing(&seen) {
            return Err(A::Error::missing_field(missing));
        }
        Ok(T::finish(&mut slots, &mut other))
    }
}

/// The indices of the fields read so far: a bit set that allocates only past 64 fields.
#[derive(Default)]
struct Seen {
    first: u64,
    rest: Vec<u64>,
}

impl Seen {
    /// The word that holds `index` (0 is `first`, n is `rest[n - 1]`) and its bit there.
    #[inline]
    fn place(index: usize) -> (usize, u64) {
        (index / 64, 1 << (index % 64))
    }

    /// Marks `index`; `false` if it was already marked.
    #[inline]
    fn insert(&mut self, index: usize) -> bool {
        let (word, bit) = Seen::place(index);
        let word = match word {
            0 => &mut self.first,
            n => {
                if self.rest.len() < n {
                    self.rest.resize(n, 0);
                }
                &mut self.rest[n - 1]
            }
        };
        let fresh = *word & bit == 0;
        *word |= bit;
        fresh
    }

    /// Whether `index` is marked.
    #[inline]
    fn contains(&self, index: usize) -> bool {
        let (word, bit) = Seen::place(index);
        let word = match word {
            0 => self.first,
            n => self.rest.get(n - 1).copied().unwrap_or(0),
        };
        word & bit != 0
    }
}

/// Where [`GeneratedStruct::read`] takes a property's value from: the decoder ([`Decoding`]:
/// the value goes into the field's slot) or a check of raw JSON (the value is checked as the
/// field's type, with its rules; the slot stays empty). One `read` per struct serves both.
pub trait FieldSink<'de> {
    /// What fails.
    type Error;

    /// The property's value as a `T`; `None` when the value is only checked.
    fn value<T: Deserialize<'de> + Validate>(
        &mut self,
        rules: &[Rule],
    ) -> Result<Option<T>, Self::Error>;
}

/// The [`FieldSink`] of decoding: the map's next value.
pub struct Decoding<'a, A>(pub &'a mut A);

impl<'de, A: MapAccess<'de>> FieldSink<'de> for Decoding<'_, A> {
    type Error = A::Error;

    #[inline]
    fn value<T: Deserialize<'de> + Validate>(&mut self, _: &[Rule]) -> Result<Option<T>, A::Error> {
        self.0.next_value().map(Some)
    }
}

/// Reads a field whose slot is `Some` once it is read (the value may be `null` only if `T` is an
/// `Option`).
#[inline]
pub fn read_some<'de, T: Deserialize<'de> + Validate, S: FieldSink<'de>>(
    slot: &mut Option<T>,
    sink: &mut S,
    rules: &[Rule],
) -> Result<(), S::Error> {
    *slot = sink.value(rules)?;
    Ok(())
}

/// Reads a field for which `null` is the same as missing.
#[inline]
pub fn read_or_null<'de, T, S>(
    slot: &mut Option<T>,
    sink: &mut S,
    rules: &[Rule],
) -> Result<(), S::Error>
where
    T: Deserialize<'de> + Validate,
    S: FieldSink<'de>,
{
    let value = sink.value::<Option<T>>(rules)?;
    // `Some(None)`: the property was there, and `null`.
    if matches!(value, Some(None)) {
        lenient_null::note();
    }
    *slot = value.flatten();
    Ok(())
}

/// Reads a field for which `null` means missing, as the spec's conventions say (vAPI's optional
/// values travel as an absent property or `null`), so the schema accepts it and nothing is noted.
#[inline]
pub fn read_null_as_absent<'de, T, S>(
    slot: &mut Option<T>,
    sink: &mut S,
    rules: &[Rule],
) -> Result<(), S::Error>
where
    T: Deserialize<'de> + Validate,
    S: FieldSink<'de>,
{
    *slot = sink.value::<Option<T>>(rules)?.flatten();
    Ok(())
}

/// Decoding takes `null` for a property the schema does not let be `null` (an optional field:
/// "missing or `null`" is vSphere's reading) as missing, but the schema's verdict is that the
/// document is invalid. Decoding notes it here, and `from_str` then asks the schema, so that
/// both agree without a second walk of every document.
pub(crate) mod lenient_null {
    use std::cell::Cell;

    thread_local! {
        static SEEN: Cell<bool> = const { Cell::new(false) };
    }

    pub(crate) fn note() {
        SEEN.with(|seen| seen.set(true));
    }

    /// Whether a `null` was taken as missing since the last call (and forgets it).
    pub(crate) fn take() -> bool {
        SEEN.with(|seen| seen.replace(false))
    }
}

/// What [`GeneratedStruct::visit`] shows each field to: `name` is the Rust name, `wire` the
/// JSON name, `rules` the spec's constraints that the field's type does not check itself.
pub trait FieldVisitor {
    /// A field that is always encoded.
    fn field<T: Serialize + fmt::Debug + Validate + ?Sized>(
        &mut self,
        name: &'static str,
        wire: &'static str,
        value: &T,
        rules: &[Rule],
    );

    /// A field that is left out of JSON when it is `None`.
    fn optional<T: Serialize + fmt::Debug + Validate>(
        &mut self,
        name: &'static str,
        wire: &'static str,
        value: &Option<T>,
        rules: &[Rule],
    );
}

/// Encodes a generated struct: the fields that are present, in order, then the other
/// properties it keeps. (A map rather than a struct, since the other properties' names are not
/// known when the crate is compiled; JSON writes both alike.)
pub fn serialize_fields<T: GeneratedStruct, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut count = CountFields(0);
    value.visit(&mut count);
    let other = value.other();
    // The length is a hint; an other property named like a field is left out, so none then.
    let len = (other.count() == 0).then_some(count.0);
    let mut fields = SerializeFields {
        state: serializer.serialize_map(len)?,
        error: None,
    };
    value.visit(&mut fields);
    if let Some(error) = fields.error {
        return Err(error);
    }
    other.serialize_entries(T::INFO.fields, &mut fields.state)?;
    fields.state.end()
}

/// Formats a generated struct as `#[derive(Debug)]` would (the other properties it keeps, as
/// one field, when there are any).
pub fn debug_fields<T: GeneratedStruct>(value: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut debug = DebugFields(f.debug_struct(T::INFO.name));
    value.visit(&mut debug);
    value
        .other()
        .debug_entries(T::OTHER_FIELD.trim_start_matches("r#"), &mut debug.0);
    debug.0.finish()
}

struct CountFields(usize);

impl FieldVisitor for CountFields {
    fn field<T: Serialize + fmt::Debug + Validate + ?Sized>(
        &mut self,
        _: &'static str,
        _: &'static str,
        _: &T,
        _: &[Rule],
    ) {
        self.0 += 1;
    }

    fn optional<T: Serialize + fmt::Debug + Validate>(
        &mut self,
        _: &'static str,
        _: &'static str,
        value: &Option<T>,
        _: &[Rule],
    ) {
        self.0 += usize::from(value.is_some());
    }
}

struct SerializeFields<S: SerializeMap> {
    state: S,
    error: Option<S::Error>,
}

impl<S: SerializeMap> FieldVisitor for SerializeFields<S> {
    fn field<T: Serialize + fmt::Debug + Validate + ?Sized>(
        &mut self,
        _: &'static str,
        wire: &'static str,
        value: &T,
        _: &[Rule],
    ) {
        if self.error.is_none() {
            self.error = self.state.serialize_entry(wire, value).err();
        }
    }

    fn optional<T: Serialize + fmt::Debug + Validate>(
        &mut self,
        name: &'static str,
        wire: &'static str,
        value: &Option<T>,
        rules: &[Rule],
    ) {
        if let Some(value) = value {
            self.field(name, wire, value, rules);
        }
    }
}

struct DebugFields<'a, 'b>(fmt::DebugStruct<'a, 'b>);

impl FieldVisitor for DebugFields<'_, '_> {
    fn field<T: Serialize + fmt::Debug + Validate + ?Sized>(
        &mut self,
        name: &'static str,
        _: &'static str,
        value: &T,
        _: &[Rule],
    ) {
        self.0.field(name.trim_start_matches("r#"), &value);
    }

    fn optional<T: Serialize + fmt::Debug + Validate>(
        &mut self,
        name: &'static str,
        wire: &'static str,
        value: &Option<T>,
        rules: &[Rule],
    ) {
        self.field(name, wire, value, rules);
    }
}

/// What differs between the kinds of field `serde_struct!` knows: one module per kind, named as
/// the macro names the kind, so that the macro reaches the right helpers by the kind's name
/// instead of by a macro rule per field. `T` is the type the macro is given.
///
/// | kind | field | slot | absent | `null` |
/// | --- | --- | --- | --- | --- |
/// | `required` | `T` | `Option<T>` | error | error, unless `T` holds `null` (an `Option`) |
/// | `optional` | `Option<T>` | `Option<T>` | `None` | `None`, noted: the schema does not allow it |
/// | `optional_or_null` | `Option<T>` | `Option<T>` | `None` | `None` (vAPI: `null` means absent) |
/// | `optional_nullable` | `Option<T>`, `T` holds `null` | `Option<T>` | `None` | `Some(null)` |
///
/// Each module has `Slot<T>` (the type above), `REQUIRED`, `read` (the property's value into
/// the slot, or checked, from a [`FieldSink`]), `finish` (the field from its slot) and `visit`
/// (the field, shown to a [`FieldVisitor`]).
pub mod field {
    /// A field that must be present.
    pub mod required {
        use std::fmt::Debug;

        use serde::Serialize;

        pub use crate::read_some as read;
        use crate::{FieldVisitor, Rule, Validate};

        /// The slot's type.
        pub type Slot<T> = Option<T>;
        /// Whether the property must be present.
        pub const REQUIRED: bool = true;

        /// The field from its slot, which `decode` has checked is filled.
        pub fn finish<T>(slot: Option<T>) -> T {
            match slot {
                Some(value) => value,
                None => unreachable!("decode checks that required fields are present"),
            }
        }

        /// Shows the field to `visitor`.
        pub fn visit<V: FieldVisitor, T: Serialize + Debug + Validate + ?Sized>(
            visitor: &mut V,
            name: &'static str,
            wire: &'static str,
            value: &T,
            rules: &[Rule],
        ) {
            visitor.field(name, wire, value, rules);
        }
    }

    /// A field that may be absent; `null`, which the schema does not allow, is taken as absent
    /// and noted, so that `from_str` asks the schema.
    pub mod optional {
        use std::fmt::Debug;

        use serde::Serialize;

        pub use crate::read_or_null as read;
        use crate::{FieldVisitor, Rule, Validate};

        /// The slot's type.
        pub type Slot<T> = Option<T>;
        /// Whether the property must be present.
        pub const REQUIRED: bool = false;

        /// The field from its slot.
        pub fn finish<T>(slot: Option<T>) -> Option<T> {
            slot
        }

        /// Shows the field to `visitor`: left out of JSON when `None`.
        pub fn visit<V: FieldVisitor, T: Serialize + Debug + Validate>(
            visitor: &mut V,
            name: &'static str,
            wire: &'static str,
            value: &Option<T>,
            rules: &[Rule],
        ) {
            visitor.optional(name, wire, value, rules);
        }
    }

    /// A field that may be absent or `null`, which mean the same (vAPI's optional values).
    pub mod optional_or_null {
        pub use super::optional::{REQUIRED, Slot, finish, visit};
        pub use crate::read_null_as_absent as read;
    }

    /// A field that may be absent (`None`) or hold `null` (`Some` of `T`'s `null`): `T` is an
    /// `Option`, a `serde_json::Value` or a type that holds one, so `null` is kept.
    pub mod optional_nullable {
        pub use super::optional::{REQUIRED, Slot, finish, visit};
        pub use crate::read_some as read;
    }
}

/// Everything a generated struct needs besides its declaration: `impl GeneratedStruct`,
/// `Deserialize`, `Serialize` and `Debug` (the other properties it keeps after the fields);
/// with `validate = fields`, `impl Validate` from the fields alone
/// (with `validate = custom` the generator writes `Validate` itself, calling
/// [`validate_fields`](crate::validate_fields) and adding its checks of extra properties
/// and property counts).
///
/// Each field is `(ident, "json name", index, kind: Type)` or `(ident, "json name", index, kind:
/// Type, [rules])`: `index` is its position, `kind` one of the modules of [`field`], `Type` what
/// JSON holds, and `[rules]` the spec's constraints that `Type` does not check itself.
///
/// `other` is `ignore`, `deny` (`additionalProperties: false`) or `keep field: Type` (the map of
/// other properties). `slots = own,` (for structs of more fields than the runtime's
/// [`EmptySlots`] impls cover) writes the struct's own.
///
/// ```text
/// serde_struct!(Progress, other = ignore, validate = fields, [
///     (total, "total", 0, required: i64, [Rule::Minimum(Num::Int(0))]),
///     (message, "message", 1, optional: Message),
/// ]);
/// ```
///
/// Every function the macro writes is generic or `#[inline]`, as serde's derives are generic: a
/// release build of a generated crate then compiles almost none of them, and a user's crate
/// compiles those it calls. Without the attributes, `Debug` and `Validate` of every type, and all
/// the runtime's generic code they reach, were compiled into every generated crate.
#[doc(hidden)]
#[macro_export]
macro_rules! serde_struct {
    (@other ignore) => { $crate::UnknownProperties::Ignore };
    (@other deny) => { $crate::UnknownProperties::Deny };
    (@other keep $extra:ident: $extra_ty:ty) => { $crate::UnknownProperties::Keep };

    (@none $index:tt) => { ::std::option::Option::None };

    (@other_fn) => {
        #[inline]
        fn other(&self) -> &Self::Other {
            &()
        }
    };
    (@other_fn $extra:ident) => {
        const OTHER_FIELD: &'static str = ::std::stringify!($extra);

        #[inline]
        fn other(&self) -> &Self::Other {
            &self.$extra
        }
    };

    (@slots [], $ty:ident, [$($slot:ty => $index:tt),*]) => {};
    (@slots [own], $ty:ident, [$($slot:ty => $index:tt),*]) => {
        impl $crate::EmptySlots<$ty> for ($($slot,)*) {
            const EMPTY: Self = ($($crate::serde_struct!(@none $index),)*);
        }
    };

    (@extra_ty) => { () };
    (@extra_ty $extra_ty:ty) => { $extra_ty };

    (@encode $ty:ident) => {
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<__S: $crate::__private::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                $crate::serialize_fields(self, serializer)
            }
        }

        impl ::std::fmt::Debug for $ty {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::debug_fields(self, f)
            }
        }
    };

    (@schema_fn) => {};
    (@schema_fn $schemas:path, $node:literal, $exact:literal) => {
        #[inline]
        fn schema() -> ::std::option::Option<$crate::Schema> {
            ::std::option::Option::Some($crate::Schema { schemas: &$schemas, node: $node, exact: $exact })
        }
    };

    // Without a schema (the runtime's own tests), the struct's raw JSON is checked field by field.
    (@check_json []) => {
        #[inline]
        fn check_json(
            value: &$crate::__private::serde_json::Value,
            _rules: &[$crate::Rule],
            at: &$crate::Path<'_>,
            report: &mut $crate::Report,
        ) {
            $crate::check_object::<Self>(value, at, report);
        }
    };
    (@check_json [$($schema:tt)+]) => {};

    (@validate custom, $ty:ident, [$($schema:tt)*]) => {};
    (@validate schema, $ty:ident, [$($schema:tt)*]) => {
        impl $crate::Validate for $ty {
            #[inline]
            fn validate_at(&self, at: &$crate::Path<'_>, report: &mut $crate::Report) {
                $crate::validate_by_schema(self, at, report);
            }

            $crate::serde_struct!(@check_json [$($schema)*]);

            $crate::serde_struct!(@schema_fn $($schema)*);
        }
    };
    (@validate fields, $ty:ident, [$($schema:tt)*]) => {
        impl $crate::Validate for $ty {
            #[inline]
            fn validate_at(&self, at: &$crate::Path<'_>, report: &mut $crate::Report) {
                $crate::validate_fields(self, at, report);
            }

            $crate::serde_struct!(@schema_fn $($schema)*);

            $crate::serde_struct!(@check_json [$($schema)*]);
        }
    };

    (
        $ty:ident, other = $other:ident $($extra:ident: $extra_ty:ty)?, validate = $validate:ident,
        $(schema = ($schemas:path, $node:literal, $exact:literal),)?
        $(slots = $slots:ident,)?
        [$(($field:ident, $wire:literal, $index:tt, $kind:ident: $field_ty:ty $(, [$($rule:expr),*])?)),* $(,)?]
    ) => {
        impl $crate::GeneratedStruct for $ty {
            const INFO: $crate::StructInfo = $crate::StructInfo::new(
                ::std::stringify!($ty),
                &[$($wire),*],
                &[$($crate::field::$kind::REQUIRED),*],
                $crate::serde_struct!(@other $other $($extra: $extra_ty)?),
            );
            type Slots = ($($crate::field::$kind::Slot<$field_ty>,)*);
            type Other = $crate::serde_struct!(@extra_ty $($extra_ty)?);

            // A field's rules: `{ NO_RULES }`, or `{ NO_RULES; &[rules] }` (the list). Fields
            // without rules share one constant; a `&[]` in place is a promoted constant, a body
            // of its own for rustc to check, for every field.
            #[allow(path_statements)]
            fn read<'de, __S: $crate::FieldSink<'de>>(
                slots: &mut Self::Slots,
                index: usize,
                sink: &mut __S,
            ) -> ::std::result::Result<(), __S::Error> {
                let _ = (&slots, &sink);
                match index {
                    $($index => $crate::field::$kind::read(&mut slots.$index, sink, { $crate::NO_RULES $(; &[$($rule),*])? }),)*
                    _ => ::std::result::Result::Ok(()),
                }
            }

            $(
                fn keep<'de, __A: $crate::__private::serde::de::MapAccess<'de>>(
                    other: &mut Self::Other,
                    name: ::std::string::String,
                    map: &mut __A,
                ) -> ::std::result::Result<(), __A::Error> {
                    let _: ::std::marker::PhantomData<$extra_ty>;
                    other.insert(name, map.next_value()?);
                    ::std::result::Result::Ok(())
                }
            )?

            #[inline]
            #[allow(unused_variables)]
            fn finish(slots: &mut Self::Slots, other: &mut Self::Other) -> Self {
                $ty {
                    $($field: $crate::field::$kind::finish(slots.$index.take()),)*
                    $($extra: ::std::mem::take(other),)?
                }
            }

            #[allow(path_statements)]
            fn visit<__V: $crate::FieldVisitor>(&self, visitor: &mut __V) {
                let _ = &visitor;
                $($crate::field::$kind::visit(visitor, ::std::stringify!($field), $wire, &self.$field, { $crate::NO_RULES $(; &[$($rule),*])? });)*
            }

            $crate::serde_struct!(@other_fn $($extra)?);
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<__D: $crate::__private::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                $crate::decode(deserializer)
            }
        }

        $crate::serde_struct!(@slots [$($slots)?], $ty, [$($crate::field::$kind::Slot<$field_ty> => $index),*]);
        $crate::serde_struct!(@encode $ty);
        $crate::serde_struct!(@validate $validate, $ty, [$($schemas, $node, $exact)?]);
    };
}

/// `new` for a generated struct: the required fields as arguments, in the spec's order, the
/// optional ones absent, the other properties (if the struct keeps them) empty. Structs are
/// `#[non_exhaustive]`, so this is how code outside their crate builds one, and a property a new
/// version of the spec adds as optional leaves it as it was.
///
/// ```text
/// struct_new!(Progress, [total: i64, message: Message], [detail], additional_properties);
/// ```
///
/// A macro rather than the generator's own text: the call is a tenth of the impl's length, which
/// generation would print and rustc parse for every struct.
#[doc(hidden)]
#[macro_export]
macro_rules! struct_new {
    ($name:ident, [$($required:ident: $ty:ty),* $(,)?], [$($optional:ident),* $(,)?] $(, $other:ident)?) => {
        impl $name {
            /// A value with the required properties given and the optional ones absent.
            #[allow(clippy::too_many_arguments, clippy::new_without_default)]
            #[inline]
            pub fn new($($required: $ty),*) -> Self {
                Self {
                    $($required,)*
                    $($optional: ::core::option::Option::None,)*
                    $($other: ::core::default::Default::default(),)?
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Seen, StructInfo, UnknownProperties};
    use crate::{Code, validate_value};

    /// Structs as the generator writes them: one with an optional field and no other
    /// properties allowed, one with no fields at all, one that keeps the other properties.
    #[derive(Clone, PartialEq)]
    struct Retry {
        retries: Option<i64>,
        name: String,
    }

    crate::serde_struct!(Retry, other = deny, validate = fields, [
        (retries, "retries", 0, optional: i64),
        (name, "name", 1, required: String),
    ]);

    #[derive(Clone, PartialEq)]
    struct Open {
        name: Option<String>,
        note: Option<Option<String>>,
        extra: std::collections::BTreeMap<String, serde_json::Value>,
    }

    crate::serde_struct!(Open, other = keep extra: std::collections::BTreeMap<String, serde_json::Value>, validate = fields, [
        (name, "name", 0, optional: String),
        (note, "note", 1, optional_nullable: Option<String>),
    ]);

    #[derive(Clone, PartialEq)]
    struct Nothing {}

    crate::serde_struct!(Nothing, other = ignore, validate = fields, []);

    /// (path, code) of every problem `validate_value` finds in `value`.
    fn problems<T>(value: serde_json::Value) -> Vec<(String, Code)>
    where
        T: serde::de::DeserializeOwned + crate::Validate,
    {
        validate_value::<T>(&value).map_or_else(
            |errors| {
                errors
                    .iter()
                    .map(|e| (e.path().to_owned(), e.code()))
                    .collect()
            },
            |()| Vec::new(),
        )
    }

    #[test]
    fn other_properties_and_nulls_are_kept_and_encoded_after_the_fields() {
        let document = json!({"name": "a", "note": null, "zeta": [1], "alpha": {"b": null}});
        let decoded: Open = serde_json::from_value(document.clone()).expect("decodes");
        assert_eq!(decoded.note, Some(None));
        assert_eq!(decoded.extra.len(), 2);
        assert_eq!(serde_json::to_value(&decoded).expect("encodes"), document);
        let text = serde_json::to_string(&decoded).expect("encodes");
        assert!(text.starts_with(r#"{"name":"a","note":null,"#), "{text}");
        assert_eq!(
            format!("{decoded:?}"),
            r#"Open { name: Some("a"), note: Some(None), extra: {"alpha": Object {"b": Null}, "zeta": Array [Number(1)]} }"#
        );
        // An other property named like a field is the field's: one key, once.
        let mut doubled = decoded.clone();
        doubled.extra.insert("name".to_owned(), json!("shadow"));
        assert_eq!(
            serde_json::to_value(&doubled).expect("encodes")["name"],
            json!("a")
        );
        assert_eq!(
            serde_json::to_string(&doubled)
                .expect("encodes")
                .matches("\"name\"")
                .count(),
            1
        );
        let bare: Open = serde_json::from_value(json!({})).expect("decodes");
        assert_eq!(format!("{bare:?}"), "Open { name: None, note: None }");
        assert_eq!(serde_json::to_value(&bare).expect("encodes"), json!({}));
    }

    #[test]
    fn null_is_absent_for_an_optional_field() {
        let decoded: Retry =
            serde_json::from_value(json!({"retries": null, "name": "a"})).expect("null is absent");
        assert_eq!((decoded.retries, decoded.name.as_str()), (None, "a"));
        assert_eq!(
            problems::<Retry>(json!({"retries": null, "name": 5, "extra": 1})),
            [
                ("/name".to_owned(), Code::Type),
                ("/extra".to_owned(), Code::AdditionalProperties)
            ]
        );
        assert_eq!(
            problems::<Retry>(json!({})),
            [("/name".to_owned(), Code::Required)]
        );
    }

    #[test]
    fn a_struct_without_fields_decodes_any_object() {
        assert!(serde_json::from_value::<Nothing>(json!({"a": 1})).is_ok());
        assert_eq!(
            problems::<Nothing>(json!([])),
            [(String::new(), Code::Type)]
        );
    }

    #[test]
    fn the_first_missing_required_field_is_named_past_64_fields_too() {
        let fields: Vec<&'static str> = (0..70)
            .map(|i| &*Box::leak(format!("f{i}").into_boxed_str()))
            .collect();
        let fields: &'static [&'static str] = Vec::leak(fields);
        let required: &'static [bool] = Vec::leak((0..70).map(|i| i == 3 || i == 66).collect());
        let info = StructInfo::new("Many", fields, required, UnknownProperties::Ignore);
        let mut seen = Seen::default();
        assert_eq!(info.first_missing(&seen), Some("f3"));
        seen.insert(3);
        assert_eq!(info.first_missing(&seen), Some("f66"));
        seen.insert(66);
        assert_eq!(info.first_missing(&seen), None);
        assert!(seen.contains(66) && !seen.contains(65) && !seen.contains(200));
    }

    #[test]
    fn decoding_names_the_first_missing_required_field() {
        let err = serde_json::from_value::<Retry>(json!({"retries": 1})).expect_err("no name");
        assert!(err.to_string().contains("missing field `name`"), "{err}");
    }

    #[test]
    fn seen_marks_each_index_once_past_64() {
        let mut seen = Seen::default();
        for index in [0, 63, 64, 127, 128, 300] {
            assert!(seen.insert(index), "{index} is new");
            assert!(!seen.insert(index), "{index} is seen");
        }
        assert!(seen.insert(1) && seen.insert(65) && seen.insert(299));
    }
}
