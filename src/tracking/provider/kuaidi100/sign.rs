//! Kuaidi100's signatures: upper-case hex MD5 of strings joined.

use md5::{Digest, Md5};

/// Upper-case hex MD5 of `parts` joined without separator.
pub fn md5_upper(parts: &[&str]) -> String {
    let mut h = Md5::new();
    for p in parts {
        h.update(p.as_bytes());
    }
    hex::encode_upper(h.finalize())
}

/// A real-time query's `sign`: MD5(param + key + customer).
pub fn query_sign(param: &str, key: &str, customer: &str) -> String {
    md5_upper(&[param, key, customer])
}

/// A push's `sign`: MD5(param + salt).
pub fn push_sign(param: &str, salt: &str) -> String {
    md5_upper(&[param, salt])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md5_is_upper_case_hex_of_the_joined_parts() {
        // RFC 1321's test suite: MD5("abc").
        assert_eq!(md5_upper(&["a", "bc"]), "900150983CD24FB0D6963F7D28E17F72");
        assert_eq!(md5_upper(&[""]), "D41D8CD98F00B204E9800998ECF8427E");
        assert_eq!(query_sign("{}", "k", "c"), md5_upper(&["{}kc"]));
        assert_eq!(push_sign("{}", "s"), md5_upper(&["{}s"]));
    }
}
