//! Where to send someone after sign-in (`?next=`): only a path on this site.
//!
//! A value passes when it, and its percent-decoded form, start with a single
//! `/` and hold no `//`, no `\`, no control character and no whitespace.
//! Browsers drop tabs and newlines inside URLs and read `\` as `/`, so
//! `/%09/evil.example` or `/\evil.example` would resolve to another host;
//! what passes is a path-absolute reference, which always resolves to the
//! origin of the page it is used on.

/// Is `next` a path on this site (same origin wherever it is resolved)?
pub fn is_local_path(next: &str) -> bool {
    let Some(decoded) = percent_decode(next) else {
        return false;
    };
    [next, decoded.as_str()].iter().all(|s| {
        s.starts_with('/')
            && !s.contains("//")
            && !s.contains('\\')
            && !s.chars().any(|c| c.is_control() || c.is_whitespace())
    })
}

/// `next` when it is a path on this site, else `default`.
pub fn safe_next(next: Option<&str>, default: &str) -> String {
    match next {
        Some(n) if is_local_path(n) => n.to_owned(),
        _ => default.to_owned(),
    }
}

/// `s` with its `%XX` escapes decoded; None when an escape is malformed or
/// the result is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_on_this_site_are_kept() {
        for next in [
            "/admin/staff",
            "/h5/chat?c=12",
            "/portal/%E8%AE%A2%E5%8D%95",
            "/",
        ] {
            assert_eq!(safe_next(Some(next), "/admin"), next, "{next}");
        }
        assert_eq!(safe_next(None, "/h5"), "/h5");
    }

    #[test]
    fn other_sites_fall_back_to_the_default() {
        for next in [
            "//evil.example",
            "https://evil.example",
            "javascript:alert(1)",
            "evil.example",
            "",
            "/\\evil.example",
            "\\\\evil.example",
            "/%09/evil.example",
            "/\t/evil.example",
            "/%0a/evil.example",
            "/%0D%0A/evil.example",
            " //evil.example",
            "/%2F/evil.example",
            "/%5Cevil.example",
            "/%20/evil.example",
            "/a\u{3000}b",
            "/%zz",
            "/%ff",
        ] {
            assert_eq!(safe_next(Some(next), "/admin"), "/admin", "{next:?}");
        }
    }
}
