//! URI and JSON Pointer plumbing for the compiler: RFC 3986 reference
//! resolution and normalization (through `fluent-uri`), fragment splitting,
//! percent-decoding, and pointer token handling.

use fluent_uri::{Iri, IriRef};

/// Percent-encode the characters that may not appear in an IRI at all
/// (space, `"`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}`, controls), so
/// that sloppy but unambiguous references in real documents still resolve.
fn encode_illegal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_control() || " \"<>\\^`{|}".contains(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Normalize an absolute IRI without fragment (the key of every resource).
pub(crate) fn normalize_absolute(s: &str) -> Result<String, String> {
    let fixed;
    let iri = match Iri::parse(s) {
        Ok(i) => i,
        Err(_) => {
            fixed = encode_illegal(s);
            Iri::parse(fixed.as_str()).map_err(|e| format!("`{s}` is not an absolute URI: {e}"))?
        }
    };
    let n = iri.normalize();
    Ok(n.strip_fragment().as_str().to_string())
}

/// Resolve `reference` (without fragment) against the absolute `base`
/// (without fragment), RFC 3986 section 5, and normalize the result.
pub(crate) fn resolve(base: &str, reference: &str) -> Result<String, String> {
    if reference.is_empty() {
        return Ok(base.to_string());
    }
    let base_iri =
        Iri::parse(base).map_err(|e| format!("base `{base}` is not an absolute URI: {e}"))?;
    let fixed;
    let r = match IriRef::parse(reference) {
        Ok(r) => r,
        Err(_) => {
            fixed = encode_illegal(reference);
            IriRef::parse(fixed.as_str())
                .map_err(|e| format!("`{reference}` is not a URI reference: {e}"))?
        }
    };
    let joined = r
        .resolve_against(&base_iri)
        .map_err(|e| format!("cannot resolve `{reference}` against `{base}`: {e}"))?;
    Ok(joined.normalize().strip_fragment().as_str().to_string())
}

/// Split a reference at its first `#`: (URI part, fragment if any).
pub(crate) fn split_fragment(r: &str) -> (&str, Option<&str>) {
    match r.split_once('#') {
        Some((u, f)) => (u, Some(f)),
        None => (r, None),
    }
}

/// Decode `%XX` escapes (as UTF-8); malformed escapes are kept verbatim.
pub(crate) fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Append one escaped reference token to a pointer.
pub(crate) fn push_token(ptr: &mut String, token: &str) {
    ptr.push('/');
    specgen_runtime::schema::json::escape_token(token, ptr);
}

/// Is `ptr` a well-formed JSON Pointer (`~` only as `~0` / `~1`)?
pub(crate) fn valid_pointer(ptr: &str) -> bool {
    (ptr.is_empty() || ptr.starts_with('/'))
        && ptr
            .as_bytes()
            .iter()
            .enumerate()
            .all(|(i, &c)| c != b'~' || matches!(ptr.as_bytes().get(i + 1), Some(b'0' | b'1')))
}

/// The pointer of the parent location (`None` for the root).
pub(crate) fn parent_pointer(ptr: &str) -> Option<&str> {
    ptr.rfind('/').map(|p| &ptr[..p])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution() {
        assert_eq!(
            resolve("json-schema:///specs/api.yaml", "common.yaml").unwrap(),
            "json-schema:///specs/common.yaml"
        );
        assert_eq!(
            resolve("http://localhost:1234/a/b.json", "../c.json").unwrap(),
            "http://localhost:1234/c.json"
        );
        assert_eq!(
            resolve("urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed", "urn:x:y").unwrap(),
            "urn:x:y"
        );
        assert_eq!(
            normalize_absolute("HTTP://Example.com:80/a/./b").unwrap(),
            "http://example.com/a/b"
        );
        assert_eq!(percent_decode("/foo%22bar/%25"), "/foo\"bar/%");
    }
}
