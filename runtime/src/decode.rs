//! Decode and validate in one call: `from_str`, `from_slice`, `from_value`.
//!
//! The verdict is always the schema's (the compiled program in `schema`): `validate_value` and
//! `from_value` ask it directly. For a type whose decoding and typed checks the generator proved
//! to give exactly that verdict (`Schema::exact`), `from_str` and `from_slice` take the quick
//! path: serde's own decoding, then the typed checks; the input is parsed once, and only a
//! document that fails to decode (or had a `null` that decoding took for missing) is parsed into
//! a `serde_json::Value` and asked of the schema, to find every problem rather than the first
//! one serde met. Any other generated type is parsed into a `Value`, checked, then decoded.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::structs::lenient_null;
use super::validate::{Code, Mode, Path, Report, Validate, ValidationErrors, check_element};

/// Decodes and validates a JSON document in [`Mode::Strict`], reporting every problem at once.
///
/// Strict mode reports enum values that the spec does not list: it answers "does this document
/// conform to the spec as written?". A client reading a newer server's responses uses
/// [`from_str_with`] and [`Mode::ForwardCompatible`].
pub fn from_str<T: DeserializeOwned + Validate>(json: &str) -> Result<T, ValidationErrors> {
    from_str_with(json, Mode::Strict)
}

/// [`from_str`] in the given mode.
pub fn from_str_with<T: DeserializeOwned + Validate>(
    json: &str,
    mode: Mode,
) -> Result<T, ValidationErrors> {
    decode_text(
        || serde_json::from_str(json),
        || serde_json::from_str(json),
        mode,
    )
}

/// Decodes and validates JSON bytes in [`Mode::Strict`], reporting every problem at once.
pub fn from_slice<T: DeserializeOwned + Validate>(json: &[u8]) -> Result<T, ValidationErrors> {
    from_slice_with(json, Mode::Strict)
}

/// [`from_slice`] in the given mode.
pub fn from_slice_with<T: DeserializeOwned + Validate>(
    json: &[u8],
    mode: Mode,
) -> Result<T, ValidationErrors> {
    decode_text(
        || serde_json::from_slice(json),
        || serde_json::from_slice(json),
        mode,
    )
}

/// `from_str` and `from_slice`: the quick path for exact types (decode, note a `null` taken for
/// missing, typed checks), the schema first for the others.
fn decode_text<T: DeserializeOwned + Validate>(
    decode: impl FnOnce() -> serde_json::Result<T>,
    parse: impl Fn() -> serde_json::Result<Value>,
    mode: Mode,
) -> Result<T, ValidationErrors> {
    if !T::exact() {
        let value = parse().map_err(|err| syntax(&err))?;
        return from_value_with(value, mode);
    }
    // Saved and restored: a `from_str` may run inside another's decoding (a user's type).
    let outer = lenient_null::take();
    let decoded = decode();
    let lenient = lenient_null::take();
    if outer {
        lenient_null::note();
    }
    match decoded {
        Ok(value) => {
            if lenient {
                ask_schema::<T>(&parse, mode)?;
            }
            value.validate_with(mode).map(|()| value)
        }
        Err(err) => explain::<T>(err, parse, mode),
    }
}

/// Decodes and validates a JSON value in [`Mode::Strict`], reporting every problem at once.
pub fn from_value<T: DeserializeOwned + Validate>(value: Value) -> Result<T, ValidationErrors> {
    from_value_with(value, Mode::Strict)
}

/// [`from_value`] in the given mode.
pub fn from_value_with<T: DeserializeOwned + Validate>(
    value: Value,
    mode: Mode,
) -> Result<T, ValidationErrors> {
    if !T::by_schema() {
        return match T::deserialize(&value) {
            Ok(typed) => typed.validate_with(mode).map(|()| typed),
            Err(err) => Err(check_value::<T>(&value, mode, &err.to_string())),
        };
    }
    let mut report = Report::new(mode);
    T::check_json(&value, &[], &Path::ROOT, &mut report);
    report.finish()?;
    match T::deserialize(&value) {
        Ok(typed) => Ok(typed),
        Err(err) => decode_accepted(value, err),
    }
}

/// A document the schema accepts that did not decode as `T`. A number written with a zero
/// fraction (`1.0`) is an integer to JSON Schema, not to serde's integer types: written as
/// integers, such numbers decode (a float field takes an integer as well, and a
/// `serde_json::Value` field then holds `2` for `2.0`, the same JSON number). Whatever still
/// does not decode is beyond the Rust type (a bignum, a struct for a schema that also accepts
/// non-objects), which the generator warned of; the decoder's last word says what.
fn decode_accepted<T: DeserializeOwned>(
    mut value: Value,
    err: serde_json::Error,
) -> Result<T, ValidationErrors> {
    let err = if integral_floats_as_integers(&mut value) {
        match T::deserialize(&value) {
            Ok(typed) => return Ok(typed),
            Err(again) => again,
        }
    } else {
        err
    };
    Err(ValidationErrors::single(
        String::new(),
        Code::Decode,
        format!("the document is valid, but does not decode as its Rust type: {err}"),
    ))
}

/// Rewrites every float with a zero fraction that fits `i64` or `u64` as that integer; whether
/// there was one.
fn integral_floats_as_integers(value: &mut Value) -> bool {
    match value {
        Value::Number(n) if n.is_f64() => {
            let Some(f) = n.as_f64().filter(|f| f.fract() == 0.0) else {
                return false;
            };
            // The bounds are powers of two, exact as floats: -2^63 ≤ f < 2^63, 2^63 ≤ f < 2^64.
            let integer =
                if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&f) {
                    serde_json::Number::from(f as i64)
                } else if (0.0..18_446_744_073_709_551_616.0).contains(&f) {
                    serde_json::Number::from(f as u64)
                } else {
                    return false;
                };
            *n = integer;
            true
        }
        Value::Array(items) => items.iter_mut().fold(false, |changed, item| {
            integral_floats_as_integers(item) | changed
        }),
        Value::Object(object) => object.values_mut().fold(false, |changed, item| {
            integral_floats_as_integers(item) | changed
        }),
        _ => false,
    }
}

/// Validates a JSON value as a `T` in [`Mode::Strict`], without keeping the decoded value.
pub fn validate_value<T: DeserializeOwned + Validate>(
    value: &Value,
) -> Result<(), ValidationErrors> {
    validate_value_with::<T>(value, Mode::Strict)
}

/// [`validate_value`] in the given mode.
pub fn validate_value_with<T: DeserializeOwned + Validate>(
    value: &Value,
    mode: Mode,
) -> Result<(), ValidationErrors> {
    let mut report = Report::new(mode);
    check_element::<T>(value, &[], &Path::ROOT, &mut report);
    report.finish()
}

/// The schema's verdict on a document that decoded, when decoding may have been more lenient
/// than the schema (it took a `null` for missing).
fn ask_schema<T: Validate>(
    reparse: impl FnOnce() -> serde_json::Result<Value>,
    mode: Mode,
) -> Result<(), ValidationErrors> {
    if !T::by_schema() {
        return Ok(());
    }
    let value = reparse().map_err(|err| syntax(&err))?;
    let mut report = Report::new(mode);
    T::check_json(&value, &[], &Path::ROOT, &mut report);
    report.finish()
}

/// Every problem behind a failed decode. A document that is not JSON is one `syntax` problem;
/// one that its schema accepts is decoded as [`from_value`] decodes it.
fn explain<T: DeserializeOwned + Validate>(
    err: serde_json::Error,
    reparse: impl FnOnce() -> serde_json::Result<Value>,
    mode: Mode,
) -> Result<T, ValidationErrors> {
    if !err.is_data() {
        return Err(syntax(&err));
    }
    let value = reparse().map_err(|syntax_err| syntax(&syntax_err))?;
    if !T::by_schema() {
        return Err(check_value::<T>(&value, mode, &err.to_string()));
    }
    let mut report = Report::new(mode);
    T::check_json(&value, &[], &Path::ROOT, &mut report);
    report.finish()?;
    decode_accepted(value, err)
}

fn syntax(err: &serde_json::Error) -> ValidationErrors {
    let message = err.to_string();
    // serde_json ends its messages with " at line L column C"; keep one place for the position.
    let reason = message
        .find(" at line ")
        .map_or(message.as_str(), |at| &message[..at]);
    ValidationErrors::single(
        String::new(),
        Code::Syntax,
        format!(
            "not valid JSON at line {} column {}: {reason}",
            err.line(),
            err.column()
        ),
    )
}

/// Checks a value that failed to decode; the decoder's message is the last resort.
fn check_value<T: DeserializeOwned + Validate>(
    value: &Value,
    mode: Mode,
    decode_message: &str,
) -> ValidationErrors {
    let mut report = Report::new(mode);
    T::check_json(value, &[], &Path::ROOT, &mut report);
    if report.len() == 0 {
        report.push(&Path::ROOT, Code::Decode, decode_message.to_owned());
    }
    // The value failed to decode, so the report is not empty.
    match report.finish() {
        Err(errors) => errors,
        Ok(()) => ValidationErrors::single(String::new(), Code::Decode, decode_message.to_owned()),
    }
}
