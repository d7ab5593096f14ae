//! Carton sizes: three numbers joined by `*` or `x` (`50*40*30cm`,
//! `50x40x30`, `500mm*400mm*300mm`, `1.2*1*1m`), in cm unless written
//! otherwise, and a fourth number for the count (`50*40*30*5箱`).

use super::numbers::{digits, unit, Dims, Kind};
use super::text::{is_word, Scan};

/// Micrometres per thousandth of the unit written.
const CM: i64 = 10;
const MM: i64 = 1;
const M: i64 = 1_000;
/// A side longer than 10 m is not a carton.
const MAX_SIDE_UM: i64 = 10_000_000;

fn side_unit(scan: &Scan, j: usize) -> (Option<i64>, usize) {
    let k = scan.skip_spaces(j);
    let units: [(&[char], i64); 6] = [
        (&['c', 'm'], CM),
        (&['m', 'm'], MM),
        (&['厘', '米'], CM),
        (&['毫', '米'], MM),
        (&['米'], M),
        (&['m'], M),
    ];
    for (u, f) in units {
        let end = k + u.len();
        if scan.reads(k, u) && !is_word(scan.at(end)) {
            return (Some(f), end);
        }
    }
    (None, j)
}

/// After a side: spaces, `*` or `x`, spaces, then a digit.
fn sep(scan: &Scan, j: usize) -> Option<usize> {
    let k = scan.skip_spaces(j);
    if !matches!(scan.at(k), '*' | 'x') {
        return None;
    }
    let k = scan.skip_spaces(k + 1);
    scan.at(k).is_ascii_digit().then_some(k)
}

/// The carton size written at `i`, if one is.
pub(super) fn dims_at(scan: &Scan, i: usize) -> Option<Dims> {
    if is_word(scan.before(i)) || scan.before(i) == '.' {
        return None;
    }
    let mut sides = [(0i64, None); 3];
    let mut j = i;
    for (k, side) in sides.iter_mut().enumerate() {
        if k > 0 {
            j = sep(scan, j)?;
        }
        let (v, end) = digits(scan, j)?;
        let (u, end) = side_unit(scan, end);
        (*side, j) = ((v, u), end);
    }
    let default = sides[2].1.unwrap_or(CM);
    let um = sides.map(|(v, u)| v * u.unwrap_or(default));
    if um.iter().any(|&s| s <= 0 || s > MAX_SIDE_UM) {
        return None;
    }
    let cm3 = (um.iter().map(|&s| s as i128).product::<i128>() / 1_000_000_000_000) as i64;
    let (count, end) = count_after(scan, j).map_or((None, j), |(n, e)| (Some(n), e));
    Some(Dims {
        cm3: cm3.max(1),
        count,
        span: (i, end),
    })
}

/// `*5`, `x 5箱`, `*5ctns`: a whole count after the size.
fn count_after(scan: &Scan, j: usize) -> Option<(i64, usize)> {
    let k = sep(scan, j)?;
    let (milli, end) = digits(scan, k)?;
    if milli % 1000 != 0 || milli == 0 {
        return None;
    }
    match unit(scan, end) {
        Some((Kind::Cartons, _, _, after)) => Some((milli / 1000, after)),
        Some(_) => None,
        None if !is_word(scan.at(end)) => Some((milli / 1000, end)),
        None => None,
    }
}
