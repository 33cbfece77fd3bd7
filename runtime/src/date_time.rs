//! `DateTime`: RFC 3339 in, vSphere's millisecond UTC form out.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};

/// A point in time, in UTC, as vSphere sends it (`format: date-time`).
///
/// Decoding accepts any RFC 3339 date-time (`T` or `t`, `Z`, `z` or a numeric offset, any number
/// of fractional digits, a leap second `:60`) and converts it to UTC. Encoding writes vSphere's
/// form: UTC, millisecond precision, `Z` (`2024-05-01T12:00:00.000Z`). A value keeps the precision
/// it was given, and a fraction below the millisecond is encoded too (`…:00.000123Z`), so the
/// same instant comes back.
///
/// It dereferences to [`chrono::DateTime<Utc>`], and converts from and into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime(chrono::DateTime<Utc>);

impl DateTime {
    /// Parses an RFC 3339 date-time, strictly: nothing before or after it, every field in range.
    pub fn parse(text: &str) -> Result<DateTime, DateTimeError> {
        parse_rfc3339(text.as_bytes())
            .map(DateTime)
            .ok_or(DateTimeError(()))
    }

    /// The same instant as a `chrono` value.
    pub fn to_chrono(self) -> chrono::DateTime<Utc> {
        self.0
    }
}

impl std::ops::Deref for DateTime {
    type Target = chrono::DateTime<Utc>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl From<chrono::DateTime<Utc>> for DateTime {
    fn from(value: chrono::DateTime<Utc>) -> Self {
        DateTime(value)
    }
}

impl From<DateTime> for chrono::DateTime<Utc> {
    fn from(value: DateTime) -> Self {
        value.0
    }
}

impl FromStr for DateTime {
    type Err = DateTimeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DateTime::parse(text)
    }
}

/// Writes vSphere's form, `2024-05-01T12:00:00.000Z`.
impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buffer = [0u8; 30];
        match self.encode(&mut buffer) {
            Some(text) => f.write_str(text),
            // Years outside 0000..=9999 have no RFC 3339 form; write them as chrono does.
            None => write!(f, "{}", self.0.format("%Y-%m-%dT%H:%M:%S%.3fZ")),
        }
    }
}

impl DateTime {
    /// The vSphere form in `buffer`, without allocating; `None` for years RFC 3339 cannot write.
    /// A time with a fraction below the millisecond keeps it (six or nine digits): the same
    /// instant comes back.
    fn encode<'b>(&self, buffer: &'b mut [u8; 30]) -> Option<&'b str> {
        let date = self.0.date_naive();
        let time = self.0.time();
        let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
        // A leap second is stored as nanoseconds past 1e9; it is written as second 60.
        let (second, nanos) = match time.nanosecond() {
            n if n >= 1_000_000_000 => (60, n - 1_000_000_000),
            n => (time.second(), n),
        };
        let fraction = match nanos {
            n if n % 1_000_000 == 0 => (3, n / 1_000_000),
            n if n % 1_000 == 0 => (6, n / 1_000),
            n => (9, n),
        };
        let fields = [
            (0, 4, year),
            (5, 2, date.month()),
            (8, 2, date.day()),
            (11, 2, time.hour()),
            (14, 2, time.minute()),
            (17, 2, second),
            (20, fraction.0, fraction.1),
        ];
        let len = 21 + fraction.0;
        buffer[..24].copy_from_slice(b"0000-00-00T00:00:00.000Z");
        buffer[len - 1] = b'Z';
        for (start, width, mut value) in fields {
            for slot in buffer[start..start + width].iter_mut().rev() {
                *slot = b'0' + (value % 10) as u8;
                value /= 10;
            }
        }
        std::str::from_utf8(&buffer[..len]).ok()
    }
}

/// The text was not an RFC 3339 date-time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTimeError(());

impl fmt::Display for DateTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an RFC 3339 date-time (expected e.g. `2024-05-01T12:00:00.000Z`)")
    }
}

impl std::error::Error for DateTimeError {}

impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buffer = [0u8; 30];
        match self.encode(&mut buffer) {
            Some(text) => serializer.serialize_str(text),
            None => serializer.collect_str(self),
        }
    }
}

impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = DateTime;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 date-time string")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<DateTime, E> {
                DateTime::parse(text).map_err(|_| {
                    E::custom(format_args!(
                        "invalid date-time `{text}`: not RFC 3339 (expected e.g. \
                         `2024-05-01T12:00:00.000Z`)"
                    ))
                })
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// RFC 3339 `date-time`: `YYYY-MM-DD` `T` `hh:mm:ss` [`.` digits] (`Z` | `+hh:mm` | `-hh:mm`),
/// with `t` and `z` allowed in lower case, and second 60 only where a leap second can be (23:59 UTC).
///
/// Written for speed as well as strictness (a document is mostly strings and date-times): the
/// fixed-width head is taken as one 19-byte array, each field is read with one subtraction per
/// digit, and a `Z` offset needs no arithmetic.
fn parse_rfc3339(s: &[u8]) -> Option<chrono::DateTime<Utc>> {
    /// The value of the digit `byte`.
    fn digit(byte: u8) -> Option<u32> {
        let value = byte.wrapping_sub(b'0');
        (value < 10).then_some(u32::from(value))
    }
    /// The two-digit number at `at` of `s`.
    fn two(s: &[u8], at: usize) -> Option<u32> {
        Some(digit(*s.get(at)?)? * 10 + digit(*s.get(at + 1)?)?)
    }
    const POWERS_OF_TEN: [u32; 10] = [
        1,
        10,
        100,
        1_000,
        10_000,
        100_000,
        1_000_000,
        10_000_000,
        100_000_000,
        1_000_000_000,
    ];
    let head: &[u8; 19] = s.get(..19)?.try_into().ok()?;
    if head[4] != b'-'
        || head[7] != b'-'
        || !head[10].eq_ignore_ascii_case(&b'T')
        || head[13] != b':'
        || head[16] != b':'
    {
        return None;
    }
    let year = two(head, 0)? * 100 + two(head, 2)?;
    let month = two(head, 5)?;
    let day = two(head, 8)?;
    let hour = two(head, 11)?;
    let minute = two(head, 14)?;
    let second = two(head, 17)?;
    let mut at = 19;
    let mut nanos = 0u32;
    if s.get(at) == Some(&b'.') {
        at += 1;
        let start = at;
        while let Some(value) = s.get(at).and_then(|b| digit(*b)) {
            // Digits past the ninth (below a nanosecond) are read and dropped.
            if at - start < 9 {
                nanos = nanos * 10 + value;
            }
            at += 1;
        }
        match at - start {
            0 => return None,
            read @ 1..9 => nanos *= POWERS_OF_TEN[9 - read],
            _ => {}
        }
    }
    let offset_minutes: i64 = match s.get(at)? {
        b'Z' | b'z' => {
            at += 1;
            0
        }
        sign @ (b'+' | b'-') => {
            if s.get(at + 3) != Some(&b':') {
                return None;
            }
            let hours = two(s, at + 1)?;
            let minutes = two(s, at + 4)?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            at += 6;
            let total = i64::from(hours * 60 + minutes);
            if *sign == b'-' { -total } else { total }
        }
        _ => return None,
    };
    if at != s.len() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    let utc_minutes = (i64::from(hour * 60 + minute) - offset_minutes).rem_euclid(24 * 60);
    let leap = second == 60;
    // A leap second exists only as the last second of a UTC day.
    if leap && utc_minutes != 23 * 60 + 59 {
        return None;
    }
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second.min(59), nanos)?;
    let local = NaiveDateTime::new(date, time);
    // `Z` is the usual offset (vSphere writes nothing else), and needs no arithmetic.
    let mut utc = match offset_minutes {
        0 => local,
        _ => local.checked_sub_signed(chrono::Duration::minutes(offset_minutes))?,
    };
    if leap {
        // chrono keeps a leap second as nanoseconds past 1e9 in second 59; its arithmetic would
        // drop them, so they are set after the offset is applied.
        utc = utc.with_nanosecond(1_000_000_000 + nanos)?;
    }
    Some(chrono::DateTime::from_naive_utc_and_offset(utc, Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(text: &str) -> Option<String> {
        DateTime::parse(text).ok().map(|t| t.to_string())
    }

    #[test]
    fn date_times_decode_rfc3339_and_encode_vsphere_form() {
        assert_eq!(
            round("2024-05-01T12:00:00Z").as_deref(),
            Some("2024-05-01T12:00:00.000Z")
        );
        // Below the millisecond, the fraction is kept: the same instant comes back.
        assert_eq!(
            round("2024-05-01t12:00:00.123456z").as_deref(),
            Some("2024-05-01T12:00:00.123456Z")
        );
        assert_eq!(
            round("2024-05-01T12:00:00.000000001Z").as_deref(),
            Some("2024-05-01T12:00:00.000000001Z")
        );
        assert_eq!(
            round("2024-05-01T12:00:00.1200Z").as_deref(),
            Some("2024-05-01T12:00:00.120Z")
        );
        assert_eq!(
            round("2024-05-01T14:30:00+02:30").as_deref(),
            Some("2024-05-01T12:00:00.000Z")
        );
        assert_eq!(
            round("2024-05-01T00:00:00-01:00").as_deref(),
            Some("2024-05-01T01:00:00.000Z")
        );
        assert_eq!(
            round("1998-12-31T23:59:60Z").as_deref(),
            Some("1998-12-31T23:59:60.000Z")
        );
        assert_eq!(
            round("1998-12-31T15:59:60.5-08:00").as_deref(),
            Some("1998-12-31T23:59:60.500Z")
        );
    }

    #[test]
    fn date_times_reject_what_rfc3339_does_not_allow() {
        for bad in [
            "",
            "2024-05-01",
            "2024-05-01T12:00:00",
            "2024-05-01 12:00:00Z",
            "2024-05-01T12:00:00Zjunk",
            "2024-02-30T12:00:00Z",
            "2024-13-01T12:00:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T12:60:00Z",
            "2024-05-01T12:00:00.Z",
            "2024-05-01T12:00:00+0200",
            "2024-05-01T12:00:00+24:00",
            "1998-12-31T23:58:60Z",
            "２024-05-01T12:00:00Z",
        ] {
            assert!(DateTime::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
