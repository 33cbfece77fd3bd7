//! Serde glue for discriminated unions, whose tag may come anywhere in the object.

use serde::ser::{Error as _, Serialize, Serializer};
use serde_json::Value;

/// The discriminator of a tagged union's JSON value, or why there is none.
pub fn discriminator(value: &Value, property: &str) -> Result<String, String> {
    match value.get(property) {
        Some(Value::String(tag)) => Ok(tag.clone()),
        Some(other) => Err(format!(
            "the discriminator `{property}` must be a string, found {other}"
        )),
        None if value.is_object() => Err(format!("missing discriminator property `{property}`")),
        None => Err(format!(
            "expected an object with a `{property}` property, found {value}"
        )),
    }
}

/// Encodes a union variant whose type does not declare the discriminator property itself, adding
/// `property: tag` so that the value decodes back to the same variant.
pub fn serialize_tagged<T, S>(
    value: &T,
    property: &str,
    tag: &str,
    serializer: S,
) -> Result<S::Ok, S::Error>
where
    T: Serialize,
    S: Serializer,
{
    let mut json = serde_json::to_value(value).map_err(S::Error::custom)?;
    if let Value::Object(object) = &mut json {
        object
            .entry(property.to_owned())
            .or_insert_with(|| Value::String(tag.to_owned()));
    }
    json.serialize(serializer)
}
