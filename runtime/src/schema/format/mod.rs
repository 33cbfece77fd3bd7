//! The `format` keyword's validators (used when formats are assertions):
//! dates and times (RFC 3339), durations (RFC 3339 appendix A), e-mail
//! addresses (RFC 5321 / RFC 6531), host names (RFC 1123 / IDNA2008), IP
//! addresses, URIs and IRIs (RFC 3986 / RFC 3987), URI templates (RFC 6570),
//! JSON Pointers (RFC 6901 and the relative draft), ECMA-262 regexes and
//! UUIDs. Each takes a string; non-strings are never checked.

mod idna;
mod idna_tables;

use serde::{Deserialize, Serialize};

/// A format the engine knows. Unknown formats are annotations only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    DateTime,
    Date,
    Time,
    Duration,
    Email,
    IdnEmail,
    Hostname,
    IdnHostname,
    Ipv4,
    Ipv6,
    Uri,
    UriReference,
    Iri,
    IriReference,
    UriTemplate,
    JsonPointer,
    RelativeJsonPointer,
    Regex,
    Uuid,
}

impl Format {
    /// The format for a `format` keyword value, if known.
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name {
            "date-time" => Format::DateTime,
            "date" => Format::Date,
            "time" => Format::Time,
            "duration" => Format::Duration,
            "email" => Format::Email,
            "idn-email" => Format::IdnEmail,
            "hostname" => Format::Hostname,
            "idn-hostname" => Format::IdnHostname,
            "ipv4" => Format::Ipv4,
            "ipv6" => Format::Ipv6,
            "uri" => Format::Uri,
            "uri-reference" => Format::UriReference,
            "iri" => Format::Iri,
            "iri-reference" => Format::IriReference,
            "uri-template" => Format::UriTemplate,
            "json-pointer" => Format::JsonPointer,
            "relative-json-pointer" => Format::RelativeJsonPointer,
            "regex" => Format::Regex,
            "uuid" => Format::Uuid,
            _ => return None,
        })
    }

    /// The keyword spelling of the format.
    pub fn name(self) -> &'static str {
        match self {
            Format::DateTime => "date-time",
            Format::Date => "date",
            Format::Time => "time",
            Format::Duration => "duration",
            Format::Email => "email",
            Format::IdnEmail => "idn-email",
            Format::Hostname => "hostname",
            Format::IdnHostname => "idn-hostname",
            Format::Ipv4 => "ipv4",
            Format::Ipv6 => "ipv6",
            Format::Uri => "uri",
            Format::UriReference => "uri-reference",
            Format::Iri => "iri",
            Format::IriReference => "iri-reference",
            Format::UriTemplate => "uri-template",
            Format::JsonPointer => "json-pointer",
            Format::RelativeJsonPointer => "relative-json-pointer",
            Format::Regex => "regex",
            Format::Uuid => "uuid",
        }
    }

    /// Does `s` conform to the format?
    pub fn check(self, s: &str) -> bool {
        match self {
            Format::DateTime => date_time(s),
            Format::Date => date(s.as_bytes()),
            Format::Time => time(s.as_bytes()),
            Format::Duration => duration(s),
            Format::Email => email(s, false),
            Format::IdnEmail => email(s, true),
            Format::Hostname => idna::hostname(s),
            Format::IdnHostname => idna::idn_hostname(s),
            Format::Ipv4 => ipv4(s),
            Format::Ipv6 => ipv6(s),
            Format::Uri => uri(s, false, false),
            Format::UriReference => uri(s, true, false),
            Format::Iri => uri(s, false, true),
            Format::IriReference => uri(s, true, true),
            Format::UriTemplate => uri_template(s),
            Format::JsonPointer => json_pointer(s),
            Format::RelativeJsonPointer => relative_json_pointer(s),
            Format::Regex => regress::Regex::with_flags(s, "u").is_ok(),
            Format::Uuid => uuid(s),
        }
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |a, d| a * 10 + (d - b'0') as u32))
}

fn is_leap(y: u32) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// RFC 3339 `full-date`: exactly `YYYY-MM-DD`.
fn date(b: &[u8]) -> bool {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
    else {
        return false;
    };
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// RFC 3339 `full-time`: `HH:MM:SS[.frac](Z|±HH:MM)`, with a leap second
/// allowed only at 23:59 UTC.
fn time(b: &[u8]) -> bool {
    if b.len() < 9 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    let (Some(h), Some(m), Some(s)) = (digits(&b[0..2]), digits(&b[3..5]), digits(&b[6..8])) else {
        return false;
    };
    let mut rest = &b[8..];
    if rest.first() == Some(&b'.') {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &rest[1 + n..];
    }
    let offset: i32 = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), oh1, oh2, b':', om1, om2] => {
            let (Some(oh), Some(om)) = (digits(&[*oh1, *oh2]), digits(&[*om1, *om2])) else {
                return false;
            };
            if oh > 23 || om > 59 {
                return false;
            }
            let o = (oh * 60 + om) as i32;
            if *sign == b'+' { o } else { -o }
        }
        _ => return false,
    };
    if h > 23 || m > 59 || s > 60 {
        return false;
    }
    if s == 60 {
        let utc = ((h * 60 + m) as i32 - offset).rem_euclid(24 * 60);
        return utc == 23 * 60 + 59;
    }
    true
}

fn date_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() > 11 && matches!(b[10], b'T' | b't') && date(&b[..10]) && time(&b[11..])
}

/// RFC 3339 appendix A `duration`.
fn duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('P') else {
        return false;
    };
    if rest.is_empty() {
        return false;
    }
    let (date_part, time_part) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    // Units of one part, which must be a contiguous run of `order`.
    fn units(part: &str, order: &[u8]) -> Option<usize> {
        let b = part.as_bytes();
        let mut i = 0;
        let mut next = 0; // index into order of the first unit still allowed
        let mut count = 0;
        let mut last: Option<usize> = None;
        while i < b.len() {
            let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 || i + n >= b.len() {
                return None;
            }
            let unit = b[i + n];
            let pos = order[next..].iter().position(|&u| u == unit)? + next;
            if let Some(l) = last {
                if pos != l + 1 {
                    return None;
                }
            }
            last = Some(pos);
            next = pos + 1;
            count += 1;
            i += n + 1;
        }
        Some(count)
    }
    if let Some(weeks) = date_part.strip_suffix('W') {
        return time_part.is_none()
            && !weeks.is_empty()
            && weeks.bytes().all(|c| c.is_ascii_digit());
    }
    let Some(d) = units(date_part, b"YMD") else {
        return false;
    };
    match time_part {
        None => d > 0,
        Some(t) => matches!(units(t, b"HMS"), Some(n) if n > 0),
    }
}

fn is_atext(c: char, intl: bool) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c) || (intl && !c.is_ascii())
}

/// RFC 5321 `Mailbox` (RFC 6531 when `intl`): dot-atoms or a quoted string,
/// `@`, then a host name or an address literal.
fn email(s: &str, intl: bool) -> bool {
    let (local, domain) = if let Some(q) = s.strip_prefix('"') {
        // Quoted string: qtext or quoted pairs up to the closing quote.
        let mut escaped = false;
        let mut end = None;
        for (i, c) in q.char_indices() {
            if escaped {
                if !(c == ' ' || c.is_ascii_graphic() || (intl && !c.is_ascii())) {
                    return false;
                }
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                end = Some(i);
                break;
            } else if !(c == ' ' || c == '!' || ('#'..='~').contains(&c) || (intl && !c.is_ascii()))
            {
                return false;
            }
        }
        let Some(end) = end else { return false };
        match q[end + 1..].strip_prefix('@') {
            Some(d) => (None, d),
            None => return false,
        }
    } else {
        match s.rsplit_once('@') {
            Some((l, d)) => (Some(l), d),
            None => return false,
        }
    };
    if let Some(l) = local {
        if l.is_empty()
            || l.len() > 64
            || l.split('.')
                .any(|a| a.is_empty() || !a.chars().all(|c| is_atext(c, intl)))
        {
            return false;
        }
    }
    if let Some(lit) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
        return match lit.get(..5) {
            Some(p) if p.eq_ignore_ascii_case("ipv6:") => ipv6(&lit[5..]),
            _ => ipv4(lit),
        };
    }
    if intl {
        idna::idn_hostname(domain)
    } else {
        idna::hostname(domain)
    }
}

/// Dotted-quad IPv4, decimal octets without leading zeros.
fn ipv4(s: &str) -> bool {
    let mut n = 0;
    for part in s.split('.') {
        n += 1;
        let b = part.as_bytes();
        if b.is_empty() || b.len() > 3 || (b.len() > 1 && b[0] == b'0') {
            return false;
        }
        match digits(b) {
            Some(v) if v <= 255 => {}
            _ => return false,
        }
    }
    n == 4
}

/// RFC 4291 text form: up to eight hex groups, one `::`, an optional
/// trailing dotted quad; no zone, no prefix length.
fn ipv6(s: &str) -> bool {
    if s.len() < 2 || !s.is_ascii() {
        return false;
    }
    let (head, tail, compressed) = match s.find("::") {
        Some(p) => (&s[..p], &s[p + 2..], true),
        None => (s, "", false),
    };
    if compressed && tail.contains("::") {
        return false;
    }
    // Count the groups of one side; a dotted quad counts as two and may
    // only end the address.
    fn groups(part: &str, may_end_v4: bool) -> Option<usize> {
        if part.is_empty() {
            return Some(0);
        }
        let pieces: Vec<&str> = part.split(':').collect();
        let mut n = 0;
        for (i, p) in pieces.iter().enumerate() {
            let last = i + 1 == pieces.len();
            if last && may_end_v4 && p.contains('.') {
                if !ipv4(p) {
                    return None;
                }
                n += 2;
            } else if (1..=4).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_hexdigit()) {
                n += 1;
            } else {
                return None;
            }
        }
        Some(n)
    }
    if compressed {
        let (Some(a), Some(b)) = (groups(head, false), groups(tail, true)) else {
            return false;
        };
        a + b <= 7
    } else {
        groups(head, true) == Some(8)
    }
}

fn uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

fn json_pointer(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    if !s.starts_with('/') {
        return false;
    }
    let b = s.as_bytes();
    b.iter()
        .enumerate()
        .all(|(i, &c)| c != b'~' || matches!(b.get(i + 1), Some(b'0' | b'1')))
}

fn relative_json_pointer(s: &str) -> bool {
    let n = s.bytes().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || (n > 1 && s.starts_with('0')) {
        return false;
    }
    let rest = &s[n..];
    rest == "#" || json_pointer(rest)
}

fn is_unreserved(c: char, iri: bool) -> bool {
    c.is_ascii_alphanumeric() || "-._~".contains(c) || (iri && is_ucschar(c))
}

/// RFC 3987 `ucschar` and `iprivate` (accepted everywhere, which is looser
/// than the RFC only in where private-use characters may appear).
fn is_ucschar(c: char) -> bool {
    let cp = c as u32;
    (0xA0..=0xD7FF).contains(&cp)
        || (0xE000..=0xFDCF).contains(&cp)
        || (0xFDF0..=0xFFEF).contains(&cp)
        || (0x10000..=0x10FFFD).contains(&cp) && (cp & 0xFFFE) != 0xFFFE
}

fn is_sub_delim(c: char) -> bool {
    "!$&'()*+,;=".contains(c)
}

/// Check a component: every char is allowed by `ok` or starts a `%XX`.
fn component(s: &str, iri: bool, extra: &str) -> bool {
    let b = s.as_bytes();
    let mut it = s.char_indices();
    while let Some((i, c)) = it.next() {
        if c == '%' {
            if !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
            {
                return false;
            }
            it.next();
            it.next();
        } else if !(is_unreserved(c, iri) || is_sub_delim(c) || extra.contains(c)) {
            return false;
        }
    }
    true
}

fn authority(a: &str, iri: bool) -> bool {
    let (userinfo, hostport) = match a.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, a),
    };
    if let Some(u) = userinfo {
        if !component(u, iri, ":") {
            return false;
        }
    }
    let (host, port) = if let Some(rest) = hostport.strip_prefix('[') {
        let Some(end) = rest.find(']') else {
            return false;
        };
        let lit = &rest[..end];
        let ok = if lit.starts_with(['v', 'V']) {
            // IPvFuture: "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            match lit[1..].split_once('.') {
                Some((ver, tail)) => {
                    !ver.is_empty()
                        && ver.bytes().all(|c| c.is_ascii_hexdigit())
                        && !tail.is_empty()
                        && tail
                            .chars()
                            .all(|c| is_unreserved(c, false) || is_sub_delim(c) || c == ':')
                }
                None => false,
            }
        } else {
            ipv6(lit)
        };
        if !ok {
            return false;
        }
        match &rest[end + 1..] {
            "" => ("", None),
            p => match p.strip_prefix(':') {
                Some(port) => ("", Some(port)),
                None => return false,
            },
        }
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        }
    };
    if let Some(p) = port {
        if !p.bytes().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    component(host, iri, "")
}

/// RFC 3986 `URI` / `URI-reference` (RFC 3987 IRI forms when `iri`).
fn uri(s: &str, reference: bool, iri: bool) -> bool {
    let (rest, fragment) = match s.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (s, None),
    };
    if let Some(f) = fragment {
        if !component(f, iri, ":@/?") {
            return false;
        }
    }
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    if let Some(q) = query {
        if !component(q, iri, ":@/?") {
            return false;
        }
    }
    // A scheme is ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) before the first ':'
    // that precedes any '/'.
    let scheme_end = rest.find(':').filter(|&p| !rest[..p].contains('/'));
    let hier = match scheme_end {
        Some(p) => {
            let scheme = &rest[..p];
            let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
            if !valid {
                return false;
            }
            &rest[p + 1..]
        }
        None if reference => {
            // path-noscheme: the first segment must not contain ':' (already
            // guaranteed, as a ':' before any '/' would be a scheme).
            rest
        }
        None => return false,
    };
    let path = if let Some(after) = hier.strip_prefix("//") {
        let end = after.find('/').unwrap_or(after.len());
        if !authority(&after[..end], iri) {
            return false;
        }
        &after[end..]
    } else {
        hier
    };
    path.split('/').all(|seg| component(seg, iri, ":@"))
}

/// RFC 6570 URI Template syntax (levels 1 to 4).
fn uri_template(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or('\0');
        match c {
            '{' => {
                let Some(len) = s[i + 1..].find('}') else {
                    return false;
                };
                if !expression(&s[i + 1..i + 1 + len]) {
                    return false;
                }
                i += len + 2;
                continue;
            }
            '%' => {
                if !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
                {
                    return false;
                }
                i += 3;
                continue;
            }
            '}' | ' ' | '"' | '<' | '>' | '\\' | '^' | '`' | '|' => return false,
            c if c.is_ascii_control() => return false,
            c if !c.is_ascii() && !is_ucschar(c) => return false,
            _ => {}
        }
        i += c.len_utf8();
    }
    true
}

fn expression(e: &str) -> bool {
    let e = e
        .strip_prefix(['+', '#', '.', '/', ';', '?', '&'])
        .unwrap_or(e);
    if e.is_empty() {
        return false;
    }
    e.split(',').all(|spec| {
        let (name, modifier) = match spec.find([':', '*']) {
            Some(p) => (&spec[..p], &spec[p..]),
            None => (spec, ""),
        };
        let modifier_ok = match modifier {
            "" | "*" => true,
            m => {
                let n = &m[1..];
                m.starts_with(':')
                    && (1..=4).contains(&n.len())
                    && !n.starts_with('0')
                    && n.bytes().all(|c| c.is_ascii_digit())
            }
        };
        modifier_ok && varname(name)
    })
}

fn varname(n: &str) -> bool {
    if n.is_empty() || n.starts_with('.') || n.ends_with('.') || n.contains("..") {
        return false;
    }
    let b = n.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                if !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
                {
                    return false;
                }
                i += 3;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' => i += 1,
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert!(date_time("1998-12-31T15:59:60.123-08:00"));
        assert!(!date_time("1998-12-31T23:58:60Z"));
        assert!(time("01:29:60+01:30".as_bytes()));
        assert!(!date("2021-02-29".as_bytes()));
        assert!(duration("P1Y2M3DT4H5M6S"));
        assert!(!duration("P1Y2D"));
        assert!(!duration("PT1H2S"));
        assert!(duration("P2W"));
    }

    #[test]
    fn addresses() {
        assert!(ipv6("1::d6:192.168.0.1"));
        assert!(!ipv6("1:2:3:4:5:6:7"));
        assert!(ipv6("::"));
        assert!(!ipv4("127.0"));
        assert!(email("\"joe@bloggs\"@example.com", false));
        assert!(email("joe.bloggs@[IPv6:::1]", false));
        assert!(!email("te..st@example.com", false));
    }

    #[test]
    fn uris() {
        assert!(uri(
            "http://-.~_!$&'()*+,;=:%40:80%2f::::::@example.com",
            false,
            false
        ));
        assert!(!uri("http:// shouldfail.com", false, false));
        assert!(uri("./this:that", true, false));
        assert!(!uri("1:b", true, false));
        assert!(uri_template(
            "http://example.com/dictionary/{term:1}/{term}"
        ));
        assert!(!uri_template("{v:01}"));
    }
}
