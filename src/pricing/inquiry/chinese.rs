//! Chinese numerals as people type them in quantities: `两`, `五`, `十五`,
//! `一百二十`, `三千`.

use super::text::Scan;

const CN_DIGITS: &str = "零一二两三四五六七八九";

fn cn_value(c: char) -> Option<i64> {
    let i = CN_DIGITS.chars().position(|d| d == c)? as i64;
    Some(if i >= 3 { i - 1 } else { i })
}

/// A Chinese numeral (`两`, `十五`, `一百二十`): (thousandths, end).
pub(super) fn chinese(scan: &Scan, i: usize) -> Option<(i64, usize)> {
    let is_cn = |c: char| CN_DIGITS.contains(c) || "十百千万".contains(c);
    if !is_cn(scan.at(i)) || is_cn(scan.before(i)) {
        return None;
    }
    let (mut total, mut section, mut num, mut j) = (0i64, 0i64, 0i64, i);
    while is_cn(scan.at(j)) {
        match scan.at(j) {
            '十' => (section, num) = (section + num.max(1) * 10, 0),
            '百' => (section, num) = (section + num * 100, 0),
            '千' => (section, num) = (section + num * 1000, 0),
            '万' => (total, section, num) = (total + (section + num) * 10_000, 0, 0),
            c => num = cn_value(c).unwrap_or(0),
        }
        j += 1;
    }
    Some(((total + section + num) * 1000, j))
}
