//! How the parser's tests state what a message says.

use super::{parse_inquiry, FieldName, Inquiry};
use crate::pricing::model::Date;

/// A Monday.
pub fn today() -> Date {
    Date::from_ymd(2026, 3, 2).unwrap()
}

/// Asserts that `text` gives exactly these (name, value) fields, no more.
pub fn reads(text: &str, expected: &[(&str, &str)]) -> Inquiry {
    let got = parse_inquiry(text, today());
    let mut want: Vec<(String, String)> = expected
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    want.sort_by_key(|(n, _)| FieldName::parse(n).map(|f| f as u8).unwrap_or(99));
    let seen: Vec<(String, String)> = got
        .fields
        .iter()
        .map(|f| (f.name.to_string(), f.value.clone()))
        .collect();
    assert_eq!(seen, want, "fields of {text:?} (unread {:?})", got.unread);
    for f in &got.fields {
        assert!(
            (0.0..=1.0).contains(&f.confidence) && f.span[0] < f.span[1],
            "{f:?} in {text:?}"
        );
    }
    got
}
