//! [`AdditionalProperties`]: the properties of an object that its schema does not name.

use std::collections::BTreeMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, DerefMut};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// The properties of an object that its schema does not name (a newer server's, say), kept as
/// JSON so that the object encodes back whole.
///
/// A map: it dereferences to `BTreeMap<String, serde_json::Value>`, so `props["name"]`,
/// `props.get("name")`, `props.insert(…)` and iteration work as on one. While empty, which is
/// what almost every document gives, it is one null pointer: nothing is allocated, moved or
/// dropped for it.
#[derive(Clone, Default)]
// Boxed: an empty map is one null pointer instead of a `BTreeMap`'s three words, which every
// generated struct would carry, move and drop.
#[allow(clippy::box_collection)]
pub struct AdditionalProperties(Option<Box<BTreeMap<String, Value>>>);

/// What an empty [`AdditionalProperties`] dereferences to.
static EMPTY: BTreeMap<String, Value> = BTreeMap::new();

impl AdditionalProperties {
    /// No properties.
    pub const fn new() -> AdditionalProperties {
        AdditionalProperties(None)
    }

    /// The map, taken out.
    pub fn into_map(self) -> BTreeMap<String, Value> {
        self.0.map(|map| *map).unwrap_or_default()
    }
}

impl Deref for AdditionalProperties {
    type Target = BTreeMap<String, Value>;

    #[inline]
    fn deref(&self) -> &BTreeMap<String, Value> {
        self.0.as_deref().unwrap_or(&EMPTY)
    }
}

impl DerefMut for AdditionalProperties {
    fn deref_mut(&mut self) -> &mut BTreeMap<String, Value> {
        self.0.get_or_insert_with(Box::default)
    }
}

impl From<BTreeMap<String, Value>> for AdditionalProperties {
    fn from(map: BTreeMap<String, Value>) -> AdditionalProperties {
        AdditionalProperties((!map.is_empty()).then(|| Box::new(map)))
    }
}

impl FromIterator<(String, Value)> for AdditionalProperties {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(items: I) -> AdditionalProperties {
        AdditionalProperties::from(items.into_iter().collect::<BTreeMap<_, _>>())
    }
}

impl<'a> IntoIterator for &'a AdditionalProperties {
    type Item = (&'a String, &'a Value);
    type IntoIter = std::collections::btree_map::Iter<'a, String, Value>;

    fn into_iter(self) -> Self::IntoIter {
        self.deref().iter()
    }
}

/// Equal when they hold the same properties (an emptied map equals a never-filled one).
impl PartialEq for AdditionalProperties {
    fn eq(&self, other: &AdditionalProperties) -> bool {
        **self == **other
    }
}

impl Eq for AdditionalProperties {}

impl Hash for AdditionalProperties {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.deref().hash(state);
    }
}

impl fmt::Debug for AdditionalProperties {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.deref().fmt(f)
    }
}

impl Serialize for AdditionalProperties {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.deref().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for AdditionalProperties {
    fn deserialize<D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<AdditionalProperties, D::Error> {
        BTreeMap::deserialize(deserializer).map(AdditionalProperties::from)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::AdditionalProperties;

    #[test]
    fn an_empty_map_allocates_nothing_and_equals_an_emptied_one() {
        let mut props = AdditionalProperties::new();
        assert!(props.is_empty());
        assert_eq!(
            std::mem::size_of::<AdditionalProperties>(),
            std::mem::size_of::<usize>()
        );
        props.insert("x".to_owned(), json!(1));
        assert_eq!(props["x"], json!(1));
        assert_ne!(props, AdditionalProperties::default());
        props.remove("x");
        assert_eq!(props, AdditionalProperties::default());
        let collected: AdditionalProperties = [("a".to_owned(), json!(null))].into_iter().collect();
        assert_eq!(
            serde_json::to_value(&collected).expect("encodes"),
            json!({"a": null})
        );
        assert_eq!(format!("{collected:?}"), r#"{"a": Null}"#);
    }
}
