//! Amazon FBA warehouse codes and their countries: a code is three letters
//! (often an airport code) and one or two digits. The list holds the common
//! destinations of China first-leg freight; a code that is not listed but
//! shares its three letters with one that is counts, with less confidence.

use super::text::{is_word, Scan, Span};

#[rustfmt::skip]
const CODES: &[(&str, &[&str])] = &[
    ("US", &[
        "ONT2", "ONT6", "ONT8", "ONT9", "LAX9", "LGB3", "LGB4", "LGB6", "LGB7", "LGB8", "SBD1", "SBD2", "SBD3",
        "SNA4", "SMF3", "SJC7", "OAK4", "SCK4", "TCY1", "TCY2", "FAT1", "PHX3", "PHX5", "PHX6", "PHX7", "LAS1",
        "LAS2", "SLC1", "DEN2", "DEN4", "DFW6", "DFW7", "FTW1", "FTW2", "IAH3", "HOU2", "SAT1", "SAT2", "MDW2",
        "ORD2", "IND9", "IND1", "MKE1", "CMH1", "CMH2", "DET1", "PIT2", "AVP1", "ABE8", "EWR4", "TEB9", "JFK8",
        "PHL4", "PHL5", "BWI2", "BWI4", "RIC2", "CLT2", "ATL6", "MCO1", "TPA1", "JAX3", "MEM1", "BNA3", "SDF8",
        "CVG2", "RDU1", "GYR3", "GYR2", "XLX7", "FWA4", "STL4", "MQJ1", "RFD2", "BDL2", "BOS7", "HGR6", "MSP1",
        "OKC1", "ILG1",
    ]),
    ("GB", &[
        "LTN1", "LTN2", "LTN4", "LTN7", "BHX1", "BHX2", "BHX4", "BHX5", "EMA1", "EMA2", "MAN1", "MAN2", "MAN3",
        "LBA1", "LBA2", "EDI4", "GLA1", "CWL1", "BRS1", "LCY2", "LCY3", "EUK5", "DSA1", "XUKA",
    ]),
    ("DE", &[
        "FRA1", "FRA3", "FRA7", "MUC3", "DUS2", "CGN1", "DTM1", "DTM2", "HAM2", "LEJ1", "BER3", "STR1", "EDE4",
        "EDE5", "PAD1", "BRE4",
    ]),
    ("FR", &[
        "ORY1", "ORY4", "LYS1", "MRS1", "BVA1", "CDG7", "ETZ2", "LIL1",
    ]),
    ("IT", &[
        "MXP5", "MXP6", "FCO1", "BLQ1", "TRN1",
    ]),
    ("ES", &[
        "MAD4", "MAD6", "MAD9", "BCN1", "BCN2", "SVQ1",
    ]),
    ("JP", &[
        "NRT1", "NRT2", "NRT5", "HND3", "HND8", "KIX1", "KIX2", "KIX3", "KIX4", "FSZ1", "NGO2",
    ]),
    ("CA", &[
        "YYZ1", "YYZ2", "YYZ3", "YYZ4", "YYZ7", "YYZ9", "YOW1", "YOW3", "YVR2", "YVR3", "YVR4", "YYC1", "YYC4",
        "YEG1", "YUL2",
    ]),
    ("AU", &[
        "SYD8", "MEL1", "MEL5", "BNE1", "PER2",
    ]),
];

/// The country of a listed code, or of a listed code's three letters, with
/// how sure that is.
pub(super) fn country_of(code: &str) -> Option<(&'static str, f32)> {
    let exact = CODES.iter().find(|(_, codes)| codes.contains(&code));
    if let Some((country, _)) = exact {
        return Some((country, 0.95));
    }
    let prefix = code.get(..3)?;
    if !code.as_bytes().get(3)?.is_ascii_digit() {
        return None;
    }
    let near = CODES
        .iter()
        .find(|(_, codes)| codes.iter().any(|c| c.starts_with(prefix)));
    near.map(|(country, _)| (*country, 0.75))
}

/// An FBA code: its value (upper case), country, confidence and span.
pub(super) struct Found {
    pub code: String,
    pub country: Option<&'static str>,
    pub confidence: f32,
    pub span: Span,
}

/// Three or four letters then one or two digits, standing as a word
/// (`ONT8`, `lgb8`, `ONT 8`).
fn code_at(scan: &Scan, i: usize) -> Option<(String, Span)> {
    if is_word(scan.before(i)) {
        return None;
    }
    let letters = (i..)
        .take_while(|&j| scan.at(j).is_ascii_lowercase())
        .count();
    if !(3..=4).contains(&letters) {
        return None;
    }
    let mut j = i + letters;
    let spaced = scan.at(j) == ' ' || scan.at(j) == '-';
    if spaced {
        j += 1;
    }
    let digits = (j..).take_while(|&k| scan.at(k).is_ascii_digit()).count();
    let end = j + digits;
    if !(1..=2).contains(&digits) || is_word(scan.at(end)) || !scan.is_free((i, end)) {
        return None;
    }
    let head: String = scan.norm[i..i + letters].iter().collect();
    let tail: String = scan.norm[j..end].iter().collect();
    Some(((head + &tail).to_ascii_uppercase(), (i, end)))
}

/// Whether "fba" (or 仓) stands just before `i`.
fn after_fba(scan: &Scan, i: usize) -> bool {
    let mut k = i;
    while k > 0 && matches!(scan.at(k - 1), ' ' | ':' | '-') {
        k -= 1;
    }
    k >= 3 && scan.norm[k - 3..k] == ['f', 'b', 'a'] || scan.before(k) == '仓'
}

/// Every FBA code in the text; each is taken from the scan.
pub(super) fn find(scan: &mut Scan) -> Vec<Found> {
    let mut out = vec![];
    let mut i = 0;
    while i < scan.len() {
        let Some((code, span)) = code_at(scan, i) else {
            i += 1;
            continue;
        };
        let spaced = span.1 - span.0 > code.len();
        let known = country_of(&code);
        let confidence = match known {
            Some((_, c)) if !spaced => c,
            Some((_, c)) if known_exact(&code) => c - 0.15,
            _ if after_fba(scan, span.0) && !spaced => 0.6,
            _ => {
                i += 1;
                continue;
            }
        };
        scan.take(span);
        out.push(Found {
            country: known.map(|k| k.0),
            code,
            confidence,
            span,
        });
        i = span.1;
    }
    out
}

fn known_exact(code: &str) -> bool {
    country_of(code).is_some_and(|(_, c)| c > 0.9)
}
