//! JSON value helpers shared by both halves: JSON-Schema equality (numbers by
//! value, `1 == 1.0`), a hash consistent with it, exact number comparison,
//! an exact `multipleOf` test, and short quotations of values for messages.

use serde_json::{Number, Value};
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

/// A number as the checks see it: an exact integer when serde_json holds one (or a typed value
/// is one), otherwise the float. The limits of the typed checks (`Rule::Minimum`, …) are
/// written with it, so that `maximum: 9223372036854775807` stays exact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    /// An integer.
    Int(i128),
    /// Any other number.
    Float(f64),
}

/// As serde_json writes the number: `5`, `0.5`, `5.0`, `1e300`.
impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => match Number::from_f64(x) {
                Some(n) => write!(f, "{n}"),
                None => write!(f, "{x}"),
            },
        }
    }
}

impl Num {
    pub(crate) fn of(n: &Number) -> Num {
        if let Some(u) = n.as_u64() {
            Num::Int(u as i128)
        } else if let Some(i) = n.as_i64() {
            Num::Int(i as i128)
        } else {
            Num::Float(n.as_f64().unwrap_or(f64::NAN))
        }
    }

    /// A typed float as the checks see it: a whole number within ±2^53 as the integer it is,
    /// as the JSON it decoded from most likely wrote it (so messages show `5`, as the schema's
    /// do); any other float as itself. Comparisons are the same either way.
    pub(crate) fn from_f64(f: f64) -> Num {
        if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
            Num::Int(f as i128)
        } else {
            Num::Float(f)
        }
    }

    pub(crate) fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

/// Exact comparison of an integer with a float (no rounding of the integer
/// through f64, which would make 2^53+1 equal to 2^53).
fn cmp_int_float(i: i128, f: f64) -> Ordering {
    if f.is_nan() {
        return Ordering::Less;
    }
    // 2^126 is far beyond any integer serde_json can hold (u64/i64).
    const BIG: f64 = 85070591730234615865843651857942052864.0;
    if f >= BIG {
        return Ordering::Less;
    }
    if f <= -BIG {
        return Ordering::Greater;
    }
    let t = f.trunc();
    let ti = t as i128;
    match i.cmp(&ti) {
        Ordering::Equal => {
            let frac = f - t;
            if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        }
        o => o,
    }
}

pub(crate) fn cmp_num(a: Num, b: Num) -> Ordering {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x.cmp(&y),
        (Num::Int(x), Num::Float(y)) => cmp_int_float(x, y),
        (Num::Float(x), Num::Int(y)) => cmp_int_float(y, x).reverse(),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
    }
}

pub(crate) fn num_eq(a: &Number, b: &Number) -> bool {
    cmp_num(Num::of(a), Num::of(b)) == Ordering::Equal
}

/// True when the number has no fractional part (`1.0` and `1e52` included).
pub(crate) fn is_integral(n: &Number) -> bool {
    match Num::of(n) {
        Num::Int(_) => true,
        Num::Float(f) => f.is_finite() && f.fract() == 0.0,
    }
}

/// Draft 4's stricter notion: a number written without fraction or exponent.
/// serde_json keeps such numbers as integers unless they overflow 64 bits,
/// so a float counts only when it is too big to have been an integer
/// literal that fits (the bignum case).
pub(crate) fn is_integer_literal(n: &Number) -> bool {
    match Num::of(n) {
        Num::Int(_) => true,
        Num::Float(f) => f.is_finite() && f.fract() == 0.0 && f.abs() >= 9.2e18,
    }
}

/// JSON Schema equality: numbers by value, objects regardless of key order.
pub fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Number(x), Value::Number(y)) => num_eq(x, y),
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => false,
    }
}

/// A hash consistent with [`json_eq`]: numbers hash through their f64 value
/// (so `1` and `1.0` collide as they must), objects hash order-independently.
pub(crate) fn json_hash<H: Hasher>(v: &Value, h: &mut H) {
    match v {
        Value::Null => 0u8.hash(h),
        Value::Bool(b) => (1u8, *b).hash(h),
        Value::Number(n) => {
            let f = Num::of(n).as_f64();
            let f = if f == 0.0 { 0.0 } else { f };
            (2u8, f.to_bits()).hash(h)
        }
        Value::String(s) => (3u8, s.as_str()).hash(h),
        Value::Array(a) => {
            (4u8, a.len()).hash(h);
            for x in a {
                json_hash(x, h);
            }
        }
        Value::Object(o) => {
            (5u8, o.len()).hash(h);
            let mut acc: u64 = 0;
            for (k, x) in o {
                let mut sub = std::collections::hash_map::DefaultHasher::new();
                k.hash(&mut sub);
                json_hash(x, &mut sub);
                acc = acc.wrapping_add(sub.finish());
            }
            acc.hash(h);
        }
    }
}

/// A finite float as (decimal digits, exponent): value = digits × 10^exp,
/// using the shortest representation that round-trips (what the author
/// wrote, for any literal with up to 17 significant digits).
fn decimal(f: f64) -> (Vec<u8>, i32) {
    let s = format!("{:e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits = Vec::with_capacity(mant.len());
    let mut frac_len = 0i32;
    let mut seen_dot = false;
    for c in mant.bytes() {
        if c == b'.' {
            seen_dot = true;
        } else {
            digits.push(c - b'0');
            if seen_dot {
                frac_len += 1;
            }
        }
    }
    (digits, exp - frac_len)
}

/// Is `value` an integer multiple of `divisor`? Exact in decimal: `0.0075`
/// is a multiple of `0.0001` although the float division is not integral,
/// and `1e308` is not a multiple of `0.123456789` although the float
/// division overflows.
pub fn is_multiple_of(value: &Number, divisor: &Number) -> bool {
    is_multiple_of_num(Num::of(value), Num::of(divisor))
}

/// [`is_multiple_of`] of the checks' numbers.
pub(crate) fn is_multiple_of_num(v: Num, d: Num) -> bool {
    if let (Num::Int(a), Num::Int(b)) = (v, d) {
        return b != 0 && a % b == 0;
    }
    let (vf, df) = (v.as_f64(), d.as_f64());
    if df == 0.0 || !df.is_finite() || !vf.is_finite() {
        return false;
    }
    if vf == 0.0 {
        return true;
    }
    let (vd, ve) = decimal(vf);
    let (dd, de) = decimal(df);
    // Scale both to the smaller exponent: V = vd·10^(ve-e), D = dd·10^(de-e).
    let e = ve.min(de);
    let mut dnum: u128 = 0;
    for &x in &dd {
        dnum = match dnum.checked_mul(10).and_then(|n| n.checked_add(x as u128)) {
            Some(n) => n,
            None => return float_multiple(vf, df),
        };
    }
    for _ in 0..(de - e) {
        dnum = match dnum.checked_mul(10) {
            Some(n) => n,
            None => return float_multiple(vf, df),
        };
    }
    // rem·10 + 9 must not overflow while streaming V's digits.
    if dnum == 0 || dnum > u128::MAX / 16 {
        return float_multiple(vf, df);
    }
    let mut rem: u128 = 0;
    for &x in &vd {
        rem = (rem * 10 + x as u128) % dnum;
    }
    for _ in 0..(ve - e) {
        rem = (rem * 10) % dnum;
    }
    rem == 0
}

fn float_multiple(v: f64, d: f64) -> bool {
    let q = v / d;
    q.is_finite() && q.fract() == 0.0
}

/// A short quotation of a value for an error message: scalars as JSON
/// (strings cut to 40 characters), containers by kind.
pub(crate) fn brief(v: &Value) -> String {
    match v {
        Value::String(s) => quote_str(s),
        Value::Array(a) if a.is_empty() => "[]".into(),
        Value::Array(_) => "array".into(),
        Value::Object(o) if o.is_empty() => "{}".into(),
        Value::Object(_) => "object".into(),
        other => other.to_string(),
    }
}

pub(crate) fn quote_str(s: &str) -> String {
    const MAX: usize = 40;
    let cut: String;
    let shown = if s.chars().count() > MAX {
        cut = s.chars().take(MAX).collect::<String>();
        &cut
    } else {
        s
    };
    let mut q = Value::String(shown.to_string()).to_string();
    if shown.len() < s.len() {
        q.insert_str(q.len() - 1, "...");
    }
    q
}

/// Escape one reference token for a JSON Pointer (`~` → `~0`, `/` → `~1`).
pub fn escape_token(token: &str, out: &mut String) {
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn n(v: Value) -> Number {
        match v {
            Value::Number(n) => n,
            _ => unreachable!(),
        }
    }

    #[test]
    fn multiples() {
        assert!(is_multiple_of(&n(json!(0.0075)), &n(json!(0.0001))));
        assert!(!is_multiple_of(&n(json!(0.00751)), &n(json!(0.0001))));
        assert!(is_multiple_of(&n(json!(4.5)), &n(json!(1.5))));
        assert!(!is_multiple_of(&n(json!(35)), &n(json!(1.5))));
        assert!(is_multiple_of(&n(json!(0.3)), &n(json!(0.1))));
        assert!(is_multiple_of(&n(json!(19.99)), &n(json!(0.01))));
        assert!(!is_multiple_of(&n(json!(1e308)), &n(json!(0.123456789))));
        assert!(is_multiple_of(&n(json!(1e308)), &n(json!(0.5))));
        assert!(is_multiple_of(&n(json!(12391239123u64)), &n(json!(1e-8))));
        assert!(!is_multiple_of(&n(json!(7)), &n(json!(2))));
    }

    #[test]
    fn equality() {
        assert!(json_eq(&json!(1), &json!(1.0)));
        assert!(!json_eq(&json!(false), &json!(0)));
        assert!(json_eq(
            &json!({"a": 1, "b": [2]}),
            &json!({"b": [2.0], "a": 1})
        ));
        assert_eq!(
            cmp_num(Num::Int(1 << 53 | 1), Num::Float(9007199254740992.0)),
            Ordering::Greater
        );
    }

    #[test]
    fn quoting() {
        assert_eq!(brief(&json!("toolong")), "\"toolong\"");
        assert_eq!(
            quote_str(&"x".repeat(50)),
            format!("\"{}...\"", "x".repeat(40))
        );
    }
}
