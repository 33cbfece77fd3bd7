//! Host names: RFC 1123 `hostname` and IDNA2008 `idn-hostname`
//! (RFC 5890-5893): Punycode (RFC 3492), the PVALID table, the contextual
//! rules of RFC 5892 appendix A, and the Bidi rule of RFC 5893.
//!
//! Joining types (for the ZERO WIDTH NON-JOINER rule) and scripts are
//! approximated by small hand-written ranges; everything else comes from the
//! generated table.

use super::idna_tables::RANGES;

const BIDI_L: u8 = 0;
const BIDI_R: u8 = 1;
const BIDI_AL: u8 = 2;
const BIDI_AN: u8 = 3;
const BIDI_EN: u8 = 4;
const BIDI_ES: u8 = 5;
const BIDI_CS: u8 = 6;
const BIDI_ET: u8 = 7;
const BIDI_ON: u8 = 8;
const BIDI_BN: u8 = 9;
const BIDI_NSM: u8 = 10;
const MARK: u8 = 16;
const VIRAMA: u8 = 32;

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';

/// Properties of an allowed (PVALID or CONTEXTO) code point, None when the
/// code point is DISALLOWED or unassigned.
fn props(c: char) -> Option<u8> {
    let cp = c as u32;
    let i = RANGES.partition_point(|&(_, last, _)| last < cp);
    match RANGES.get(i) {
        Some(&(first, _, p)) if first <= cp => Some(p),
        _ => None,
    }
}

/// Bidi class of a code point inside a label (ZWJ/ZWNJ are BN).
fn bidi(c: char) -> u8 {
    match c {
        ZWJ | ZWNJ => BIDI_BN,
        _ => props(c).map_or(BIDI_ON, |p| p & 15),
    }
}

fn is_mark(c: char) -> bool {
    props(c).is_some_and(|p| p & MARK != 0)
}

fn is_virama(c: char) -> bool {
    props(c).is_some_and(|p| p & VIRAMA != 0)
}

fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let cp = c as u32;
    ranges.iter().any(|&(a, b)| a <= cp && cp <= b)
}

fn is_greek(c: char) -> bool {
    in_ranges(
        c,
        &[
            (0x370, 0x373),
            (0x375, 0x377),
            (0x37A, 0x37D),
            (0x37F, 0x37F),
            (0x384, 0x3E1),
            (0x3F0, 0x3FF),
            (0x1D26, 0x1D2A),
            (0x1F00, 0x1FFE),
            (0x10140, 0x1018E),
        ],
    ) && c != '\u{37E}'
        && c != '\u{387}'
}

fn is_hebrew(c: char) -> bool {
    in_ranges(
        c,
        &[
            (0x591, 0x5C7),
            (0x5D0, 0x5EA),
            (0x5EF, 0x5F4),
            (0xFB1D, 0xFB4F),
        ],
    )
}

fn is_hiragana_katakana_han(c: char) -> bool {
    c != '\u{30FB}'
        && in_ranges(
            c,
            &[
                (0x2E80, 0x2FDF),
                (0x3005, 0x3007),
                (0x3021, 0x3029),
                (0x3038, 0x303B),
                (0x3041, 0x309F),
                (0x30A0, 0x30FF),
                (0x31F0, 0x31FF),
                (0x3400, 0x4DBF),
                (0x4E00, 0x9FFF),
                (0xF900, 0xFAFF),
                (0xFF66, 0xFF9D),
                (0x1B000, 0x1B16F),
                (0x20000, 0x3FFFF),
            ],
        )
}

#[derive(PartialEq, Clone, Copy)]
enum Joining {
    Dual,
    Right,
    Left,
    Transparent,
    None,
}

/// Approximate Joining_Type (ArabicShaping.txt) for the scripts that join.
fn joining(c: char) -> Joining {
    const RIGHT: &[(u32, u32)] = &[
        (0x622, 0x625),
        (0x627, 0x627),
        (0x629, 0x629),
        (0x62F, 0x632),
        (0x648, 0x648),
        (0x671, 0x673),
        (0x675, 0x677),
        (0x688, 0x699),
        (0x6C0, 0x6C0),
        (0x6C3, 0x6CB),
        (0x6CD, 0x6CD),
        (0x6CF, 0x6CF),
        (0x6D2, 0x6D3),
        (0x6D5, 0x6D5),
        (0x6EE, 0x6EF),
        (0x710, 0x710),
        (0x715, 0x719),
        (0x71E, 0x71E),
        (0x728, 0x728),
        (0x72A, 0x72A),
        (0x72C, 0x72C),
        (0x72F, 0x72F),
        (0x74D, 0x74D),
        (0x759, 0x75B),
        (0x76B, 0x76C),
        (0x771, 0x771),
        (0x773, 0x774),
        (0x778, 0x779),
        (0x8AA, 0x8AC),
        (0x8AE, 0x8AE),
        (0x8B1, 0x8B2),
        (0x8B9, 0x8B9),
    ];
    if c == ZWJ || c == ZWNJ {
        return Joining::None;
    }
    if is_mark(c) || c == '\u{AD}' {
        return Joining::Transparent;
    }
    if in_ranges(c, RIGHT) {
        return Joining::Right;
    }
    if c == '\u{A872}' {
        return Joining::Left;
    }
    let cp = c as u32;
    let arabic_like =
        (0x620..=0x8FF).contains(&cp) && bidi(c) == BIDI_AL && c != '\u{621}' && c != '\u{674}';
    if arabic_like || (0x7CA..=0x7EA).contains(&cp) || (0x1820..=0x1878).contains(&cp) {
        return Joining::Dual;
    }
    Joining::None
}

/// RFC 5892 appendix A, rules A.1 (ZWNJ) and A.2 (ZWJ).
fn context_j(label: &[char], i: usize) -> bool {
    if i > 0 && is_virama(label[i - 1]) {
        return true;
    }
    if label[i] != ZWNJ {
        return false;
    }
    let before = label[..i]
        .iter()
        .rev()
        .find(|&&c| joining(c) != Joining::Transparent);
    let after = label[i + 1..]
        .iter()
        .find(|&&c| joining(c) != Joining::Transparent);
    matches!(
        before.map(|&c| joining(c)),
        Some(Joining::Left | Joining::Dual)
    ) && matches!(
        after.map(|&c| joining(c)),
        Some(Joining::Right | Joining::Dual)
    )
}

/// RFC 5892 appendix A, rules A.3 to A.9.
fn context_o(label: &[char], i: usize) -> bool {
    let c = label[i];
    match c {
        '\u{B7}' => i > 0 && label[i - 1] == 'l' && label.get(i + 1) == Some(&'l'),
        '\u{375}' => label.get(i + 1).is_some_and(|&n| is_greek(n)),
        '\u{5F3}' | '\u{5F4}' => i > 0 && is_hebrew(label[i - 1]),
        '\u{30FB}' => label.iter().any(|&x| is_hiragana_katakana_han(x)),
        '\u{660}'..='\u{669}' => !label.iter().any(|x| ('\u{6F0}'..='\u{6F9}').contains(x)),
        '\u{6F0}'..='\u{6F9}' => !label.iter().any(|x| ('\u{660}'..='\u{669}').contains(x)),
        _ => true,
    }
}

fn is_context_o(c: char) -> bool {
    matches!(c, '\u{B7}' | '\u{375}' | '\u{5F3}' | '\u{5F4}' | '\u{30FB}' | '\u{660}'..='\u{669}' | '\u{6F0}'..='\u{6F9}')
}

/// RFC 5891 section 5.4 checks of one U-label (except the Bidi rule, which
/// depends on the whole name).
fn u_label_ok(label: &[char]) -> bool {
    if label.is_empty() {
        return false;
    }
    if label.len() >= 4 && label[2] == '-' && label[3] == '-' {
        return false;
    }
    if label[0] == '-' || label[label.len() - 1] == '-' {
        return false;
    }
    if is_mark(label[0]) {
        return false;
    }
    for (i, &c) in label.iter().enumerate() {
        let ok = if c == ZWJ || c == ZWNJ {
            context_j(label, i)
        } else {
            props(c).is_some() && (!is_context_o(c) || context_o(label, i))
        };
        if !ok {
            return false;
        }
    }
    true
}

/// The Bidi rule (RFC 5893 section 2) for one label of a Bidi domain name.
fn bidi_ok(label: &[char]) -> bool {
    let classes: Vec<u8> = label.iter().map(|&c| bidi(c)).collect();
    let last_strong = classes.iter().rev().find(|&&b| b != BIDI_NSM).copied();
    match classes.first() {
        Some(&BIDI_L) => {
            classes.iter().all(|&b| {
                matches!(
                    b,
                    BIDI_L | BIDI_EN | BIDI_ES | BIDI_CS | BIDI_ET | BIDI_ON | BIDI_BN | BIDI_NSM
                )
            }) && matches!(last_strong, Some(BIDI_L | BIDI_EN))
        }
        Some(&(BIDI_R | BIDI_AL)) => {
            classes.iter().all(|&b| {
                matches!(
                    b,
                    BIDI_R
                        | BIDI_AL
                        | BIDI_AN
                        | BIDI_EN
                        | BIDI_ES
                        | BIDI_CS
                        | BIDI_ET
                        | BIDI_ON
                        | BIDI_BN
                        | BIDI_NSM
                )
            }) && matches!(last_strong, Some(BIDI_R | BIDI_AL | BIDI_EN | BIDI_AN))
                && !(classes.contains(&BIDI_EN) && classes.contains(&BIDI_AN))
        }
        _ => false,
    }
}

fn is_rtl_label(label: &[char]) -> bool {
    label
        .iter()
        .any(|&c| matches!(bidi(c), BIDI_R | BIDI_AL | BIDI_AN))
}

// Punycode parameters (RFC 3492 section 5).
const BASE: u32 = 36;
const TMIN: u32 = 1;
const TMAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
    delta /= if first { DAMP } else { 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    k + (BASE - TMIN + 1) * delta / (delta + SKEW)
}

fn digit_value(b: u8) -> Option<u32> {
    match b {
        b'a'..=b'z' => Some((b - b'a') as u32),
        b'A'..=b'Z' => Some((b - b'A') as u32),
        b'0'..=b'9' => Some((b - b'0') as u32 + 26),
        _ => None,
    }
}

fn digit_char(d: u32) -> char {
    if d < 26 {
        (b'a' + d as u8) as char
    } else {
        (b'0' + (d - 26) as u8) as char
    }
}

/// Decode the part after `xn--`.
fn punycode_decode(input: &str) -> Option<Vec<char>> {
    let (basic, ext) = match input.rfind('-') {
        Some(p) => (&input[..p], &input[p + 1..]),
        None => ("", input),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut out: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    let bytes = ext.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let d = digit_value(*bytes.get(pos)?)?;
            pos += 1;
            i = i.checked_add(d.checked_mul(w)?)?;
            let t = if k <= bias {
                TMIN
            } else if k >= bias + TMAX {
                TMAX
            } else {
                k - bias
            };
            if d < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = out.len() as u32 + 1;
        bias = adapt(i - old_i, len, old_i == 0);
        n = n.checked_add(i / len)?;
        i %= len;
        out.insert(i as usize, char::from_u32(n)?);
        i += 1;
    }
    Some(out)
}

/// Encode a label to Punycode (without the `xn--` prefix).
fn punycode_encode(input: &[char]) -> Option<String> {
    let mut out: String = input.iter().filter(|c| c.is_ascii()).collect();
    let basic = out.len() as u32;
    let mut h = basic;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    let total = input.len() as u32;
    while h < total {
        let m = input.iter().map(|&c| c as u32).filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(h + 1)?)?;
        n = m;
        for &c in input {
            let c = c as u32;
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        TMIN
                    } else if k >= bias + TMAX {
                        TMAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit_char(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit_char(q));
                bias = adapt(delta, h + 1, h == basic);
                delta = 0;
                h += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Some(out)
}

fn ldh_ok(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// A label as U-label code points plus the length of its ASCII form, or
/// None when it is invalid on its own.
fn label(raw: &str, allow_unicode: bool) -> Option<(Vec<char>, usize)> {
    if raw.is_ascii() {
        if raw.len() >= 4 && raw[..4].eq_ignore_ascii_case("xn--") {
            if raw.len() > 63 {
                return None;
            }
            let u = punycode_decode(&raw[4..])?;
            // An A-label must decode to something non-ASCII and re-encode to itself.
            if u.iter().all(|c| c.is_ascii()) || !u_label_ok(&u) {
                return None;
            }
            if !punycode_encode(&u)?.eq_ignore_ascii_case(&raw[4..]) {
                return None;
            }
            return Some((u, raw.len()));
        }
        if !ldh_ok(raw) {
            return None;
        }
        return Some((raw.chars().collect(), raw.len()));
    }
    if !allow_unicode {
        return None;
    }
    let u: Vec<char> = raw.chars().collect();
    if !u_label_ok(&u) {
        return None;
    }
    let ascii_len = 4 + punycode_encode(&u)?.len();
    if ascii_len > 63 {
        return None;
    }
    Some((u, ascii_len))
}

fn host(s: &str, allow_unicode: bool) -> bool {
    if s.is_empty() {
        return false;
    }
    let parts: Vec<&str> = if allow_unicode {
        s.split(['.', '\u{3002}', '\u{FF0E}', '\u{FF61}']).collect()
    } else {
        s.split('.').collect()
    };
    let mut labels = Vec::with_capacity(parts.len());
    let mut total = parts.len() - 1;
    for p in parts {
        match label(p, allow_unicode) {
            Some((u, n)) => {
                total += n;
                labels.push(u);
            }
            None => return false,
        }
    }
    if total > 253 {
        return false;
    }
    if labels.iter().any(|l| is_rtl_label(l)) {
        return labels.iter().all(|l| bidi_ok(l));
    }
    true
}

/// `hostname`: RFC 1123 names; `xn--` labels must be valid A-labels.
pub(crate) fn hostname(s: &str) -> bool {
    host(s, false)
}

/// `idn-hostname`: IDNA2008 names with U-labels or A-labels.
pub(crate) fn idn_hostname(s: &str) -> bool {
    host(s, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punycode_round_trip() {
        let u: Vec<char> = "실례".chars().collect();
        let a = punycode_encode(&u).unwrap();
        assert_eq!(a, "9n2bp8q");
        assert_eq!(punycode_decode(&a).unwrap(), u);
    }

    #[test]
    fn names() {
        assert!(hostname("xn--9n2bp8q.xn--9t4b11yi5a"));
        assert!(!hostname("xn--X"));
        assert!(idn_hostname("실례.테스트"));
        assert!(!idn_hostname("\u{302E}실례.테스트"));
        assert!(idn_hostname("l\u{B7}l"));
        assert!(!idn_hostname("a\u{B7}l"));
        assert!(idn_hostname("\u{915}\u{94D}\u{200D}\u{937}"));
        assert!(idn_hostname("\u{628}\u{64A}\u{200C}\u{628}\u{64A}"));
        assert!(!idn_hostname("0a.\u{5D0}"));
    }
}
