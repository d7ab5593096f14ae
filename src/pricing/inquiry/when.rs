//! The wanted arrival date: `2026-03-15`, `2026年3月15日`, `3月15号`, `3/15`,
//! `March 15`, `15 Mar`, `月底`, `下周五`, `10天内`, `within 20 days`.
//! A date without a year is the next such day on or after today. A date
//! that reads as a shipping day (`3月5号出货`, `ready on 3/5`) is not one.

use super::numbers::unit;
use super::relative::relative;
use super::text::{chars, is_word, Scan, Span};
use crate::pricing::model::Date;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const SHIP_AFTER: &[&str] = &[
    "出货", "发货", "提货", "走货", "交货", "入仓", "装柜", "开船", "ready", "pickup", "pick up",
];
const SHIP_BEFORE: &[&str] = &[
    "ready", "出货", "发货", "提货", "pickup", "pick up", "ship on", "ships on", "装柜",
];
const WANTED_NEAR: &[&str] = &[
    "前", "到", "之前", "以前", "到达", "送达", "到仓", "上架", "before", "by", "arrive", "eta",
    "deliver",
];

pub(super) struct Found {
    pub date: Date,
    pub confidence: f32,
    pub span: Span,
    /// A shipping day, not the wanted one.
    pub shipping: bool,
}

/// A whole number of at most `max_len` digits at `i` (no decimals).
pub(super) fn int(scan: &Scan, i: usize, max_len: usize) -> Option<(u32, usize)> {
    let len = (i..).take_while(|&k| scan.at(k).is_ascii_digit()).count();
    if len == 0 || len > max_len {
        return None;
    }
    let n = scan.norm[i..i + len]
        .iter()
        .fold(0, |n, c| n * 10 + c.to_digit(10).unwrap_or(0));
    Some((n, i + len))
}

/// The next `m`/`d` on or after `today`.
fn next_md(today: Date, m: u32, d: u32) -> Option<Date> {
    let y = today.ymd().0;
    let this = Date::from_ymd(y, m, d)?;
    if this >= today {
        Some(this)
    } else {
        Date::from_ymd(y + 1, m, d)
    }
}

/// Day `d` of this month, or of the next when it has passed.
fn next_day(today: Date, d: u32) -> Option<Date> {
    let (y, m, _) = today.ymd();
    let this = Date::from_ymd(y, m, d).filter(|&t| t >= today);
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    this.or_else(|| Date::from_ymd(ny, nm, d))
}

/// `2026-03-15`, `2026/3/15`, `2026.3.15`, `2026年3月15日`.
fn full(scan: &Scan, i: usize) -> Option<(Date, usize)> {
    let (y, j) = int(scan, i, 4).filter(|(y, j)| *j - i == 4 && (2000..2100).contains(y))?;
    let sep = scan.at(j);
    if !matches!(sep, '-' | '/' | '.' | '年') {
        return None;
    }
    let (m, j) = int(scan, j + 1, 2)?;
    let sep2 = match sep {
        '年' => '月',
        s => s,
    };
    if scan.at(j) != sep2 {
        return None;
    }
    let (d, j) = int(scan, j + 1, 2)?;
    let j = if matches!(scan.at(j), '日' | '号') {
        j + 1
    } else {
        j
    };
    Some((Date::from_ymd(y as i32, m, d)?, j))
}

/// `3月15日`, `3月15号`, `15号`, `3/15` (or `15/3` when the first is over
/// 12), `3.15前`.
fn month_day(scan: &Scan, i: usize, today: Date) -> Option<(Date, usize)> {
    let (a, j) = int(scan, i, 2)?;
    if scan.at(j) == '月' {
        let (d, k) = int(scan, j + 1, 2)?;
        let k = if matches!(scan.at(k), '日' | '号') {
            k + 1
        } else {
            k
        };
        return Some((next_md(today, a, d)?, k));
    }
    if matches!(scan.at(j), '号' | '日') && !"仓线楼".contains(scan.at(j + 1)) {
        return Some((next_day(today, a)?, j + 1));
    }
    if scan.at(j) != '/' && scan.at(j) != '.' {
        return None;
    }
    let (b, k) = int(scan, j + 1, 2)?;
    if scan.at(k) == '/' || is_word(scan.at(k)) || unit(scan, k).is_some() {
        return None;
    }
    let dated = ["前", "之前", "以前", "到", "号", "日"]
        .iter()
        .any(|w| scan.reads(k, &chars(w)));
    if scan.at(j) == '.' && !dated {
        return None;
    }
    let k = if matches!(scan.at(k), '日' | '号') {
        k + 1
    } else {
        k
    };
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    Some((next_md(today, m, d)?, k))
}

fn month_name(scan: &Scan, i: usize) -> Option<(u32, usize)> {
    if is_word(scan.before(i)) {
        return None;
    }
    let mut j = i;
    while scan.at(j).is_ascii_alphabetic() {
        j += 1;
    }
    let word: String = scan.norm[i..j].iter().collect();
    let m = MONTHS
        .iter()
        .position(|m| word.len() >= 3 && m.starts_with(&word))?;
    if scan.at(j) == '.' {
        j += 1;
    }
    Some((m as u32 + 1, j))
}

fn ordinal_end(scan: &Scan, j: usize) -> usize {
    let suffix = ["st", "nd", "rd", "th"]
        .iter()
        .find(|s| scan.reads(j, &chars(s)));
    suffix.map_or(j, |s| j + s.len())
}

/// `March 15`, `Mar. 15th`, `15 March`, `15th of Mar`.
fn english(scan: &Scan, i: usize, today: Date) -> Option<(Date, usize)> {
    if let Some((m, j)) = month_name(scan, i) {
        let (d, k) = int(scan, scan.skip_spaces(j), 2)?;
        return Some((next_md(today, m, d)?, ordinal_end(scan, k)));
    }
    let (d, j) = int(scan, i, 2)?;
    let mut k = scan.skip_spaces(ordinal_end(scan, j));
    if scan.reads(k, &chars("of ")) {
        k += 3;
    }
    let (m, end) = month_name(scan, k)?;
    Some((next_md(today, m, d)?, end))
}

fn near(scan: &Scan, words: &[&str], (s, e): Span) -> bool {
    words.iter().any(|w| {
        let w = chars(w);
        let after = (e..=(e + 2).min(scan.len())).any(|k| scan.reads(k, &w));
        let before =
            (s.saturating_sub(w.len() + 5)..s).any(|k| k + w.len() <= s && scan.reads(k, &w));
        after || before
    })
}

/// The dates of the text, in order; each is taken from the scan.
pub(super) fn find(scan: &mut Scan, today: Date) -> Vec<Found> {
    let mut out = vec![];
    let mut i = 0;
    while i < scan.len() {
        let prev = scan.before(i);
        let starts = !(prev.is_ascii_digit() || prev == '.' || prev == '/');
        let hit = starts
            .then(|| {
                full(scan, i)
                    .or_else(|| month_day(scan, i, today))
                    .or_else(|| english(scan, i, today))
            })
            .flatten()
            .or_else(|| relative(scan, i, today));
        let Some((date, end)) = hit.filter(|&(_, end)| scan.is_free((i, end))) else {
            i += 1;
            continue;
        };
        let span = (i, end);
        let shipping = near(scan, SHIP_AFTER, span) || near(scan, SHIP_BEFORE, span);
        let confidence = if date < today {
            0.5
        } else if near(scan, WANTED_NEAR, span) {
            0.9
        } else {
            0.7
        };
        scan.take(span);
        out.push(Found {
            date,
            confidence,
            span,
            shipping,
        });
        i = end;
    }
    out
}
