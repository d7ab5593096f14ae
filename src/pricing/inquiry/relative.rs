//! Dates said relative to today: `月底`, `下月底`, `下周五`, `这周五`,
//! `10天内`, `两周内`, `within 20 days`, `end of the month`.

use super::text::{chars, Scan};
use super::when::int;
use crate::pricing::model::Date;

const WEEKDAYS_ZH: &str = "一二三四五六日天";

/// `月底`, `下月底`, `下周五`, `这周五`, `10天内`, `两周内`, `within 20 days`.
pub(super) fn relative(scan: &Scan, i: usize, today: Date) -> Option<(Date, usize)> {
    let at = |s: &str| scan.reads(i, &chars(s));
    if at("下个月底") || at("下月底") {
        let next = today.end_of_month().add_days(1).end_of_month();
        return Some((next, i + if at("下个月底") { 4 } else { 3 }));
    }
    if at("月底") || at("end of month") || at("end of the month") {
        let len = ["月底", "end of month", "end of the month"]
            .iter()
            .find(|s| at(s))
            .map_or(2, |s| s.chars().count());
        return Some((today.end_of_month(), i + len));
    }
    for (prefix, week) in [
        ("下周", 1),
        ("下星期", 1),
        ("这周", 0),
        ("本周", 0),
        ("周", 0),
        ("星期", 0),
    ] {
        let p: Vec<char> = prefix.chars().collect();
        let Some(k) = WEEKDAYS_ZH
            .chars()
            .position(|c| scan.reads(i, &p) && scan.at(i + p.len()) == c)
        else {
            continue;
        };
        let wd = k.min(6) as i32;
        let monday = today.add_days(-(today.weekday().index() as i32));
        let mut day = monday.add_days(7 * week + wd);
        if day < today {
            day = day.add_days(7);
        }
        return Some((day, i + p.len() + 1));
    }
    within(scan, i, today)
}

fn within(scan: &Scan, i: usize, today: Date) -> Option<(Date, usize)> {
    let (lead, start) = match ["within ", "in "].iter().find(|s| scan.reads(i, &chars(s))) {
        Some(s) => (true, scan.skip_spaces(i + s.len())),
        None => (false, i),
    };
    let (n, j) = int(scan, start, 3).or_else(|| cn_small(scan, start))?;
    let j = scan.skip_spaces(j);
    let (days, k) = if scan.reads(j, &['天']) || scan.reads(j, &chars("days")) {
        (n, j + if scan.at(j) == '天' { 1 } else { 4 })
    } else if scan.reads(j, &['周']) || scan.reads(j, &chars("weeks")) {
        (n * 7, j + if scan.at(j) == '周' { 1 } else { 5 })
    } else {
        return None;
    };
    let inner = ["内", "之内", "以内"]
        .iter()
        .find(|s| scan.reads(k, &chars(s)));
    match (lead, inner) {
        (true, _) => Some((today.add_days(days as i32), k)),
        (false, Some(s)) => Some((today.add_days(days as i32), k + s.chars().count())),
        (false, None) => None,
    }
}

fn cn_small(scan: &Scan, i: usize) -> Option<(u32, usize)> {
    let n = "一两三四五六七八九十"
        .chars()
        .position(|c| scan.at(i) == c)? as u32;
    Some((n + 1, i + 1))
}
