//! Numbers with their units: weights, volumes, carton counts and carton
//! sizes (`50*40*30cm`), each marked per carton or total when the text says.

use super::chinese::chinese;
use super::text::{chars, is_word, Scan, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Weight,
    Volume,
    Cartons,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    Plain,
    Each,
    Total,
}

/// A quantity in thousandths: grams, litres, or a count × 1000.
#[derive(Debug, Clone, Copy)]
pub(super) struct Amount {
    pub kind: Kind,
    pub milli: i64,
    pub scope: Scope,
    pub confidence: f32,
    pub span: Span,
}

/// One carton's size, and the count written with it (`50*40*30*5`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Dims {
    pub cm3: i64,
    pub count: Option<i64>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Measure {
    Amount(Amount),
    Dims(Dims),
}

/// (unit, kind, factor, confidence), longest first within a prefix.
#[rustfmt::skip]
const UNITS: &[(&str, Kind, i64, f32)] = &[
    ("kilograms", Kind::Weight, 1, 0.95), ("kilogram", Kind::Weight, 1, 0.95), ("kilos", Kind::Weight, 1, 0.95),
    ("kilo", Kind::Weight, 1, 0.95), ("kgs", Kind::Weight, 1, 0.95), ("kg", Kind::Weight, 1, 0.95),
    ("公斤", Kind::Weight, 1, 0.95), ("千克", Kind::Weight, 1, 0.95), ("㎏", Kind::Weight, 1, 0.95),
    ("tons", Kind::Weight, 1000, 0.9), ("ton", Kind::Weight, 1000, 0.9), ("吨", Kind::Weight, 1000, 0.9),
    ("t", Kind::Weight, 1000, 0.8), ("cubic meters", Kind::Volume, 1, 0.95), ("cubic meter", Kind::Volume, 1, 0.95),
    ("cubic metres", Kind::Volume, 1, 0.95), ("cubic metre", Kind::Volume, 1, 0.95), ("cbms", Kind::Volume, 1, 0.95),
    ("cbm", Kind::Volume, 1, 0.95), ("cubes", Kind::Volume, 1, 0.85), ("cube", Kind::Volume, 1, 0.85),
    ("m3", Kind::Volume, 1, 0.95), ("立方米", Kind::Volume, 1, 0.95), ("个立方", Kind::Volume, 1, 0.95),
    ("立方", Kind::Volume, 1, 0.95), ("个方", Kind::Volume, 1, 0.9), ("方", Kind::Volume, 1, 0.9),
    ("cartons", Kind::Cartons, 1, 0.95), ("carton", Kind::Cartons, 1, 0.95), ("ctns", Kind::Cartons, 1, 0.95),
    ("ctn", Kind::Cartons, 1, 0.95), ("boxes", Kind::Cartons, 1, 0.9), ("box", Kind::Cartons, 1, 0.9),
    ("箱子", Kind::Cartons, 1, 0.95), ("大箱", Kind::Cartons, 1, 0.95), ("箱", Kind::Cartons, 1, 0.95),
    ("件", Kind::Cartons, 1, 0.85), ("pieces", Kind::Cartons, 1, 0.75), ("piece", Kind::Cartons, 1, 0.75),
    ("pcs", Kind::Cartons, 1, 0.75), ("pc", Kind::Cartons, 1, 0.75), ("pkgs", Kind::Cartons, 1, 0.8),
];

#[rustfmt::skip]
const EACH_BEFORE: &[&str] = &[
    "各", "每箱", "每件", "单箱", "单件", "每个", "每一箱", "each", "per carton", "per ctn", "per box",
];
#[rustfmt::skip]
const TOTAL_BEFORE: &[&str] = &[
    "总", "共", "合计", "total", "gw", "g.w",
];
#[rustfmt::skip]
const EACH_AFTER: &[&str] = &[
    "/箱", "/ctn", "/carton", "/件", "/box", "/pc", "每箱", "一箱", "each", "per carton", "per ctn", "per box", "a carton",
];
/// Words before a number with no unit that say what it is.
#[rustfmt::skip]
const LABELS: &[(&str, Kind, Scope)] = &[
    ("总重量", Kind::Weight, Scope::Total), ("总重", Kind::Weight, Scope::Total), ("重量", Kind::Weight, Scope::Plain),
    ("毛重", Kind::Weight, Scope::Plain), ("实重", Kind::Weight, Scope::Plain), ("weight", Kind::Weight, Scope::Plain),
    ("gw", Kind::Weight, Scope::Plain), ("kgs", Kind::Weight, Scope::Plain), ("kg", Kind::Weight, Scope::Plain),
    ("总体积", Kind::Volume, Scope::Total), ("体积", Kind::Volume, Scope::Plain), ("volume", Kind::Volume, Scope::Plain),
    ("cbm", Kind::Volume, Scope::Plain), ("箱数", Kind::Cartons, Scope::Plain), ("件数", Kind::Cartons, Scope::Plain),
    ("ctns", Kind::Cartons, Scope::Plain), ("cartons", Kind::Cartons, Scope::Plain),
];

/// Digits at `i` with thousands commas and decimals: (thousandths, end).
pub(super) fn digits(scan: &Scan, i: usize) -> Option<(i64, usize)> {
    let mut j = i;
    let mut whole: i64 = 0;
    while let Some(d) = scan.at(j).to_digit(10) {
        whole = (whole * 10 + d as i64).min(1_000_000_000_000);
        j += 1;
    }
    if j == i {
        return None;
    }
    let grouped = |j: usize| {
        (1..=3).all(|k| scan.at(j + k).is_ascii_digit()) && !scan.at(j + 4).is_ascii_digit()
    };
    while j - i <= 7 && scan.at(j) == ',' && grouped(j) {
        (1..=3).for_each(|k| whole = whole * 10 + scan.at(j + k).to_digit(10).unwrap_or(0) as i64);
        j += 4;
    }
    let mut milli = whole * 1000;
    if scan.at(j) == '.' && scan.at(j + 1).is_ascii_digit() {
        let mut scale = 100;
        j += 1;
        while let Some(d) = scan.at(j).to_digit(10) {
            milli += d as i64 * scale;
            scale /= 10;
            j += 1;
        }
    }
    Some((milli, j))
}

/// The unit at `j` (after spaces): (kind, factor, confidence, end).
pub(super) fn unit(scan: &Scan, j: usize) -> Option<(Kind, i64, f32, usize)> {
    let j = scan.skip_spaces(j);
    UNITS.iter().find_map(|&(u, kind, factor, conf)| {
        let u = chars(u);
        let end = j + u.len();
        let ok = scan.reads(j, &u)
            && !(u.last().is_some_and(|c| c.is_ascii_alphabetic())
                && scan.at(end).is_ascii_alphabetic())
            && !(u == ['方'] && "案便向式法面".contains(scan.at(end)));
        ok.then_some((kind, factor, conf, end))
    })
}

/// The nearest per-carton or total word before `i` in its clause.
fn scope_before(scan: &Scan, i: usize) -> Scope {
    let from = scan.clause_start(i);
    let last = |words: &[&str]| {
        (words.iter())
            .filter_map(|w| {
                let w = chars(w);
                (from..i)
                    .rev()
                    .find(|&k| k + w.len() <= i && scan.reads(k, &w))
            })
            .max()
    };
    match (last(EACH_BEFORE), last(TOTAL_BEFORE)) {
        (Some(e), t) if t.is_none_or(|t| e > t) => Scope::Each,
        (_, Some(_)) => Scope::Total,
        _ => Scope::Plain,
    }
}

/// A per-carton word after a unit: its end.
fn each_after(scan: &Scan, j: usize) -> Option<usize> {
    let k = scan.skip_spaces(j);
    EACH_AFTER.iter().find_map(|w| {
        let w = chars(w);
        let end = k + w.len();
        // `5箱 每箱 50*40*30`: a 每箱 before a number is that number's.
        let leads = w[0] != '/' && scan.at(scan.skip_spaces(end)).is_ascii_digit();
        (scan.reads_word(k, &w) && scan.is_free((k, end)) && !leads).then_some(end)
    })
}

fn number(scan: &Scan, i: usize) -> Option<(i64, usize)> {
    let prev = scan.before(i);
    if is_word(prev) || prev == '.' {
        return None;
    }
    digits(scan, i).or_else(|| chinese(scan, i))
}

/// A number with a unit at `i`, or a number after a label (`毛重: 300`).
fn amount(scan: &Scan, i: usize) -> Option<Amount> {
    let (value, end) = number(scan, i)?;
    if let Some((kind, factor, confidence, end)) = unit(scan, end) {
        let (scope, end) = match (kind, each_after(scan, end)) {
            (Kind::Cartons, _) => match scope_before(scan, i) {
                Scope::Total => (Scope::Total, end),
                _ => (Scope::Plain, end),
            },
            (_, Some(after)) => (Scope::Each, after),
            _ => (scope_before(scan, i), end),
        };
        let milli = value * factor;
        return Some(Amount {
            kind,
            milli,
            scope,
            confidence,
            span: (i, end),
        });
    }
    if !scan.at(i).is_ascii_digit() || is_word(scan.at(end)) {
        return None;
    }
    let (kind, scope) = label_before(scan, i)?;
    Some(Amount {
        kind,
        milli: value,
        scope,
        confidence: 0.75,
        span: (i, end),
    })
}

fn label_before(scan: &Scan, i: usize) -> Option<(Kind, Scope)> {
    let mut k = i;
    while k > 0 && matches!(scan.at(k - 1), ' ' | ':' | '=' | '-') {
        k -= 1;
    }
    LABELS.iter().find_map(|&(w, kind, scope)| {
        let w = chars(w);
        (k >= w.len() && scan.reads_word(k - w.len(), &w)).then_some((kind, scope))
    })
}

/// Every weight, volume, count and carton size, in text order; each is
/// taken from the scan.
pub(super) fn measures(scan: &mut Scan) -> Vec<Measure> {
    let mut out = vec![];
    let mut i = 0;
    while i < scan.len() {
        if scan.is_used(i) {
            i += 1;
            continue;
        }
        let found = super::dims::dims_at(scan, i)
            .map(Measure::Dims)
            .or_else(|| amount(scan, i).map(Measure::Amount));
        let span = match &found {
            Some(Measure::Dims(d)) => d.span,
            Some(Measure::Amount(a)) => a.span,
            None => (i, i + 1),
        };
        if let Some(m) = found.filter(|_| scan.is_free(span)) {
            scan.take(span);
            out.push(m);
        }
        i = span.1.max(i + 1);
    }
    out
}
