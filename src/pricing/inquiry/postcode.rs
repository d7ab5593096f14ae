//! Postcodes: after a marker (`邮编`, `zip`, `postcode`, `〒`), a UK or
//! Canadian postcode anywhere (their shape is unmistakable), or five
//! digits alone when the country writes postcodes so.

use super::text::{chars, is_word, Scan, Span};

pub(super) struct Found {
    pub value: String,
    pub country: Option<&'static str>,
    pub confidence: f32,
    pub span: Span,
}

const MARKERS: &[&str] = &[
    "邮政编码",
    "邮编",
    "postal code",
    "post code",
    "postcode",
    "zip code",
    "zipcode",
    "zip",
    "plz",
    "〒",
];
/// `a` a letter, `9` a digit, `_` an optional space.
const UK: &[&str] = &[
    "aa9a_9aa", "aa99_9aa", "aa9_9aa", "a9a_9aa", "a99_9aa", "a9_9aa",
];
const CA: &[&str] = &["a9a_9a9"];
const DIGITS: &[&str] = &["99999-9999", "99999", "999-9999", "9999999", "9999", "999"];
const FIVE_DIGIT_COUNTRIES: &[&str] = &["US", "DE", "FR", "IT", "ES", "MX"];

/// The end of `pat` read at `i`, standing as a word.
fn shape(scan: &Scan, i: usize, pat: &str) -> Option<usize> {
    if is_word(scan.before(i)) {
        return None;
    }
    let mut j = i;
    for p in pat.chars() {
        let c = scan.at(j);
        match p {
            'a' if c.is_ascii_lowercase() => j += 1,
            '9' if c.is_ascii_digit() => j += 1,
            '_' if c == ' ' => j += 1,
            '_' => {}
            '-' if c == '-' => j += 1,
            _ => return None,
        }
    }
    (!is_word(scan.at(j)) && scan.is_free((i, j))).then_some(j)
}

fn first_shape(scan: &Scan, i: usize, pats: &[&str]) -> Option<usize> {
    pats.iter().find_map(|p| shape(scan, i, p))
}

fn found(scan: &mut Scan, span: Span, country: Option<&'static str>, confidence: f32) -> Found {
    scan.take(span);
    let value = scan.written(span).to_uppercase();
    Found {
        value,
        country,
        confidence,
        span,
    }
}

/// The postcode of the text; `country` is the one read so far.
pub(super) fn find(scan: &mut Scan, country: Option<&str>) -> Option<Found> {
    for m in MARKERS {
        let Some(at) = scan.find(&chars(m), 0) else {
            continue;
        };
        let mut i = at + m.chars().count();
        while matches!(scan.at(i), ' ' | ':') {
            i += 1;
        }
        let shapes = [(UK, Some("GB")), (CA, Some("CA")), (DIGITS, None)];
        for (pats, c) in shapes {
            if let Some(end) = first_shape(scan, i, pats) {
                scan.take((at, i));
                return Some(found(scan, (i, end), c, 0.9));
            }
        }
    }
    for i in 0..scan.len() {
        for (pats, c) in [(UK, "GB"), (CA, "CA")] {
            if let Some(end) = first_shape(scan, i, pats) {
                return Some(found(scan, (i, end), Some(c), 0.8));
            }
        }
    }
    let five = country.is_some_and(|c| FIVE_DIGIT_COUNTRIES.contains(&c));
    let at = (0..scan.len())
        .filter(|_| five)
        .find_map(|i| Some((i, first_shape(scan, i, &DIGITS[..2])?)));
    at.map(|span| found(scan, span, None, 0.6))
}
