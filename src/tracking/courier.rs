//! Courier detection (通过快递单号查询快递公司名称): from a tracking number
//! alone, the carriers that issue numbers of its shape, best first, each
//! with a confidence in 0–1. Pure and deterministic.
//!
//! - The number is normalised first ([`normalise`]): trimmed, spaces and
//!   dashes removed, full-width characters made half-width, upper case.
//! - Each rule of [`RULES`] is a shape a carrier prints (a prefix, letters,
//!   so many digits starting so) with a confidence: distinctive prefixes
//!   (`SF`, `JT`, `1Z`, `TBA`, the UPU S10 form) near 1; bare digits, which
//!   several carriers print alike, lower, and then several candidates come
//!   back.
//! - Check digits are verified where the carrier prints one (UPS, FedEx,
//!   USPS, DHL Express, Canada Post, S10). A wrong one drops the candidate
//!   when the shape is bare digits (twelve random digits are a ZTO or SF
//!   number, not a FedEx one mistyped); where the shape is the carrier's own
//!   (`1Z…`, an S10 of a country we know) the candidate stays at
//!   [`WRONG_CHECK`] of its confidence, since a typo is then likelier than
//!   another carrier, and the user can correct it.
//! - Context ([`CheckedContext`]) re-ranks: a carrier of the origin country
//!   gains, one domestic to another country loses, worldwide ones stay; a
//!   carrier the customer usually uses gains. It never adds a candidate.
//! - Garbage (anything but letters and digits, shorter than 8, longer than
//!   40, or one digit repeated) has no candidate.

use super::check_digit as cd;
use super::model::{
    checked_number, Carrier, CheckedContext, CourierCandidate, CourierCandidates, CourierContext,
    Reach, MAX_NUMBER_CHARS,
};
use crate::AppResult;

/// What a wrong check digit leaves of a candidate whose shape is its own.
pub const WRONG_CHECK: f64 = 0.3;
/// A carrier of the origin country closes this share of its gap to 1…
const HOME_GAIN: f64 = 0.5;
/// …one domestic to another country keeps this share of its confidence…
const ABROAD_KEEP: f64 = 0.5;
/// …and one the customer usually uses closes this share of its gap to 1.
const USUAL_GAIN: f64 = 0.5;
/// The shortest number any rule reads.
const MIN_CHARS: usize = 8;

/// How a rule reads a number.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// `prefix`, then `letters` upper-case letters, then `digits` digits
    /// starting with one of `starts` (any when empty); bounds inclusive.
    Code {
        prefix: &'static str,
        letters: (usize, usize),
        digits: (usize, usize),
        starts: &'static [&'static str],
    },
    /// UPS: `1Z` and 16 letters or digits.
    Ups,
    /// UPU S10 (`EA123456785CN`) of one of `countries`; none listed: of
    /// any country not in [`S10_COUNTRIES`].
    S10 { countries: &'static [&'static str] },
}

/// What a rule does with the check digit.
#[derive(Debug, Clone, Copy)]
enum Check {
    None,
    /// A wrong one drops the candidate.
    Drop(fn(&str) -> bool),
    /// A wrong one leaves [`WRONG_CHECK`] of the confidence.
    Lower(fn(&str) -> bool),
}

/// One shape a carrier prints.
#[derive(Debug, Clone, Copy)]
struct Rule {
    carrier: Carrier,
    shape: Shape,
    confidence: f64,
    check: Check,
}

const fn code(
    carrier: Carrier,
    prefix: &'static str,
    letters: (usize, usize),
    digits: (usize, usize),
    starts: &'static [&'static str],
    confidence: f64,
) -> Rule {
    Rule {
        carrier,
        shape: Shape::Code {
            prefix,
            letters,
            digits,
            starts,
        },
        confidence,
        check: Check::None,
    }
}

/// `len` digits (a range) starting with one of `starts`.
const fn digits(
    carrier: Carrier,
    len: (usize, usize),
    starts: &'static [&'static str],
    confidence: f64,
) -> Rule {
    code(carrier, "", (0, 0), len, starts, confidence)
}

const fn s10(carrier: Carrier, countries: &'static [&'static str], confidence: f64) -> Rule {
    Rule {
        carrier,
        shape: Shape::S10 { countries },
        confidence,
        check: Check::Lower(cd::s10),
    }
}

impl Rule {
    const fn drop_if_wrong(mut self, f: fn(&str) -> bool) -> Rule {
        self.check = Check::Drop(f);
        self
    }
}

fn gs1(n: &str) -> bool {
    cd::gs1(n, 0)
}
fn gs1_after_7(n: &str) -> bool {
    cd::gs1(n, 7)
}
fn gs1_after_8(n: &str) -> bool {
    cd::gs1(n, 8)
}
fn gs1_after_12(n: &str) -> bool {
    cd::gs1(n, 12)
}

/// The countries whose S10 numbers have their own carrier here.
const S10_COUNTRIES: &[&str] = &["CN", "US", "GB", "CA", "DE"];

use Carrier::*;

/// Every shape, by carrier. Sources: the carriers' own label formats (UPS
/// 1Z, FedEx, USPS IMpb, UPU S10) and the prefixes and lengths Chinese
/// carriers print today (SF + 13 digits, JD + letters, YT/JT + 13, ZTO
/// 14 digits from 73–78, STO 77/43…, Yunda 13 or 15, domestic EMS 13).
const RULES: &[Rule] = &[
    code(Sf, "SF", (0, 0), (13, 13), &[], 0.98),
    code(Sf, "SF", (0, 0), (12, 12), &[], 0.9),
    // Old SF numbers were 12 bare digits.
    digits(Sf, (12, 12), &[], 0.3),
    code(Jd, "JD", (2, 2), (11, 11), &[], 0.97),
    code(Jd, "JD", (1, 1), (12, 12), &[], 0.97),
    // With a package suffix (`-1-1-`, its dashes gone), or older lengths.
    code(Jd, "JD", (1, 2), (10, 15), &[], 0.85),
    code(Jd, "JD", (0, 0), (13, 13), &[], 0.6),
    code(Yto, "YT", (0, 0), (13, 13), &[], 0.98),
    code(Yto, "YT", (0, 0), (12, 15), &[], 0.85),
    digits(Zto, (14, 14), &["73", "74", "75", "76", "78"], 0.85),
    digits(Zto, (12, 12), &["73", "75", "76", "78"], 0.35),
    digits(Sto, (14, 17), &["77"], 0.75),
    digits(Sto, (14, 17), &["43"], 0.55),
    digits(Yunda, (15, 15), &["3", "4"], 0.7),
    digits(
        Yunda,
        (13, 13),
        &["5", "43", "46", "10", "12", "19", "31"],
        0.55,
    ),
    code(Ems, "P", (1, 1), (11, 11), &[], 0.6),
    digits(Ems, (13, 13), &["1", "8", "9"], 0.55),
    s10(Ems, &["CN"], 0.97),
    code(Deppon, "DPK", (0, 0), (12, 12), &[], 0.98),
    code(Deppon, "DPK", (0, 0), (9, 14), &[], 0.85),
    code(Jtexpress, "JT", (0, 0), (13, 13), &[], 0.98),
    code(Jtexpress, "JT", (0, 0), (12, 15), &[], 0.85),
    digits(Best, (12, 14), &["50", "51", "55", "56", "57", "58"], 0.4),
    Rule {
        carrier: Ups,
        shape: Shape::Ups,
        confidence: 0.99,
        check: Check::Lower(cd::ups),
    },
    digits(Fedex, (12, 12), &[], 0.6).drop_if_wrong(cd::fedex12),
    digits(Fedex, (15, 15), &[], 0.55).drop_if_wrong(gs1),
    digits(Fedex, (20, 20), &[], 0.5).drop_if_wrong(cd::smart_post),
    digits(Fedex, (22, 22), &["92"], 0.45).drop_if_wrong(cd::smart_post),
    digits(Fedex, (22, 22), &["96"], 0.9).drop_if_wrong(gs1_after_7),
    digits(Fedex, (34, 34), &["100", "96"], 0.9).drop_if_wrong(cd::fedex34),
    digits(Dhl, (10, 11), &[], 0.6).drop_if_wrong(cd::mod7),
    code(Dhl, "JJD", (0, 0), (10, 20), &[], 0.95),
    code(Dhl, "JVGL", (0, 0), (8, 12), &[], 0.9),
    code(Dhl, "JD", (0, 0), (18, 18), &[], 0.9),
    code(Dhl, "GM", (0, 0), (16, 22), &[], 0.85),
    s10(Dhl, &["DE"], 0.9),
    digits(Usps, (20, 20), &[], 0.7).drop_if_wrong(cd::usps20),
    digits(Usps, (22, 22), &["91", "92", "93", "94", "95"], 0.95).drop_if_wrong(gs1),
    digits(Usps, (26, 26), &["91", "92", "93", "94", "95"], 0.9).drop_if_wrong(gs1),
    digits(Usps, (30, 30), &["420"], 0.95).drop_if_wrong(gs1_after_8),
    digits(Usps, (34, 34), &["420"], 0.95).drop_if_wrong(gs1_after_12),
    s10(Usps, &["US"], 0.97),
    code(Amazon, "TBA", (0, 0), (12, 12), &[], 0.98),
    code(Amazon, "TBC", (0, 0), (12, 12), &[], 0.9),
    code(Amazon, "TBM", (0, 0), (12, 12), &[], 0.9),
    s10(Royalmail, &["GB"], 0.97),
    digits(Canadapost, (16, 16), &[], 0.7).drop_if_wrong(gs1),
    s10(Canadapost, &["CA"], 0.97),
    // Mail from any other post reaches China through China Post.
    Rule {
        check: Check::Drop(cd::s10),
        ..s10(Ems, &[], 0.4)
    },
];

/// The number as carriers print it: trimmed, without spaces or dashes,
/// full-width characters made half-width, upper case.
pub fn normalise(raw: &str) -> String {
    raw.chars()
        .map(half_width)
        .filter(|&c| !c.is_whitespace() && !is_dash(c))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}')
}

/// `detect_courier`'s contract: `number` must not be empty nor over 40
/// characters once normalised (a validation error on `number`); a bad
/// context names its field; garbage answers no candidate.
pub fn detect_courier(
    number: &str,
    context: Option<&CourierContext>,
) -> AppResult<CourierCandidates> {
    let n = checked_number(number)?;
    let ctx = context
        .map(CourierContext::check)
        .transpose()?
        .unwrap_or_default();
    Ok(CourierCandidates {
        candidates: detect(&n, &ctx),
    })
}

/// The carriers that may have issued `raw`, best first (none for garbage).
pub fn detect(raw: &str, ctx: &CheckedContext) -> Vec<CourierCandidate> {
    let n = normalise(raw);
    if !plausible(&n) {
        return vec![];
    }
    let mut found: Vec<(Carrier, f64)> = Vec::new();
    for rule in RULES {
        let Some(c) = rule.score(&n) else { continue };
        match found
            .iter_mut()
            .find(|(carrier, _)| *carrier == rule.carrier)
        {
            Some((_, best)) => *best = best.max(c),
            None => found.push((rule.carrier, c)),
        }
    }
    let mut out: Vec<CourierCandidate> = found
        .into_iter()
        .map(|(carrier, c)| CourierCandidate {
            carrier,
            name: carrier.name().to_owned(),
            confidence: round(rerank(carrier, c, ctx)),
        })
        .collect();
    // Stable: equal confidences keep the order of the rules.
    out.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    out
}

/// Letters and digits only, of a length some carrier prints, and not one
/// digit over and over (`000000000000` passes some check digits).
fn plausible(n: &str) -> bool {
    let b = n.as_bytes();
    if !(MIN_CHARS..=MAX_NUMBER_CHARS).contains(&b.len())
        || !b.iter().all(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    let mut ds = b.iter().filter(|c| c.is_ascii_digit());
    match ds.next() {
        Some(first) => !ds.all(|d| d == first),
        None => false,
    }
}

impl Rule {
    /// The rule's confidence for `n`, if `n` has its shape.
    fn score(&self, n: &str) -> Option<f64> {
        if !self.shape.fits(n) {
            return None;
        }
        match self.check {
            Check::None => Some(self.confidence),
            Check::Drop(ok) => ok(n).then_some(self.confidence),
            Check::Lower(ok) if ok(n) => Some(self.confidence),
            Check::Lower(_) => Some(self.confidence * WRONG_CHECK),
        }
    }
}

impl Shape {
    fn fits(&self, n: &str) -> bool {
        let b = n.as_bytes();
        match *self {
            Shape::Code {
                prefix,
                letters,
                digits,
                starts,
            } => {
                let Some(rest) = b.strip_prefix(prefix.as_bytes()) else {
                    return false;
                };
                let l = rest.iter().take_while(|c| c.is_ascii_uppercase()).count();
                let ds = &rest[l..];
                (letters.0..=letters.1).contains(&l)
                    && (digits.0..=digits.1).contains(&ds.len())
                    && ds.iter().all(u8::is_ascii_digit)
                    && (starts.is_empty() || starts.iter().any(|s| ds.starts_with(s.as_bytes())))
            }
            Shape::Ups => b.len() == 18 && n.starts_with("1Z"),
            Shape::S10 { countries } => {
                let shaped = b.len() == 13
                    && b[..2].iter().all(u8::is_ascii_uppercase)
                    && b[2..11].iter().all(u8::is_ascii_digit)
                    && b[11..].iter().all(u8::is_ascii_uppercase);
                let country = &n[n.len().saturating_sub(2)..];
                shaped
                    && if countries.is_empty() {
                        !S10_COUNTRIES.contains(&country)
                    } else {
                        countries.contains(&country)
                    }
            }
        }
    }
}

/// `c` moved by what the context says of `carrier`, within 0–1.
fn rerank(carrier: Carrier, c: f64, ctx: &CheckedContext) -> f64 {
    let mut c = c;
    if let Some(origin) = ctx.origin.as_deref() {
        match carrier.reach() {
            Reach::Domestic(home) if home == origin => c += (1.0 - c) * HOME_GAIN,
            Reach::Domestic(_) => c *= ABROAD_KEEP,
            Reach::Worldwide => {}
        }
    }
    if ctx.usual.contains(&carrier) {
        c += (1.0 - c) * USUAL_GAIN;
    }
    c.clamp(0.0, 1.0)
}

/// Two decimals: what a person compares.
fn round(c: f64) -> f64 {
    (c * 100.0).round() / 100.0
}
