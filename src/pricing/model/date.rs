//! Calendar dates without a date crate: a [`Date`] is a day count since
//! 1970-01-01, travelling as `"YYYY-MM-DD"`. Pricing only needs whole days in
//! China's one time zone (validity, cut-off weekdays, ETAs).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::types::{civil_from_days, Timestamp};
use crate::ErrorKey;

/// A calendar day: days since 1970-01-01 (negative before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

crate::string_enum! {
    /// A day of the week, for cut-off days (截单日).
    #[derive(PartialOrd, Ord)]
    pub enum Weekday("cutoff_weekdays", WeekdayInvalid) {
        Mon = "mon",
        Tue = "tue",
        Wed = "wed",
        Thu = "thu",
        Fri = "fri",
        Sat = "sat",
        Sun = "sun",
    }
}

impl Weekday {
    /// Monday 0 … Sunday 6.
    pub fn index(self) -> u8 {
        self as u8
    }
}

impl Date {
    pub const fn from_days(days: i32) -> Date {
        Date(days)
    }

    pub fn days(self) -> i32 {
        self.0
    }

    /// The date, if `y-m-d` exists (no 2025-02-29).
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Date(days_from_civil(y as i64, m, d) as i32))
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        let (y, m, d) = civil_from_days(self.0 as i64);
        (y as i32, m, d)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(self.0 as i64 + 3).rem_euclid(7) as usize]
    }

    pub fn add_days(self, n: i32) -> Date {
        Date(self.0 + n)
    }

    /// The last day of this date's month.
    pub fn end_of_month(self) -> Date {
        let (y, m, _) = self.ymd();
        Date::from_ymd(y, m, days_in_month(y, m)).unwrap_or(self)
    }

    /// The day in Asia/Shanghai (UTC+8, no daylight saving) of an instant.
    pub fn of_timestamp(t: Timestamp) -> Date {
        Date((t.0 + 8 * 3_600_000).div_euclid(86_400_000) as i32)
    }

    /// `YYYY-MM-DD`; anything else is a validation error on `field`.
    pub fn parse(field: &str, s: &str) -> AppResult<Date> {
        Self::from_iso(s.trim()).ok_or_else(|| AppError::validation(field, ErrorKey::DateInvalid))
    }

    fn from_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
        Date::from_ymd(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }
}

pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// Howard Hinnant's civil-to-days algorithm, the inverse of `civil_from_days`.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <Cow<'de, str>>::deserialize(d)?;
        Date::from_iso(&s).ok_or_else(|| serde::de::Error::custom("expected a YYYY-MM-DD date"))
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date" })
    }
}

/// An inclusive range of days, `from` ≤ `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DateRange {
    pub from: Date,
    pub to: Date,
}

impl DateRange {
    pub fn contains(self, d: Date) -> bool {
        self.from <= d && d <= self.to
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn dates_round_trip_through_their_days() {
        assert_eq!(ymd(1970, 1, 1).days(), 0);
        for days in [-800_000, -1, 0, 1, 59, 365, 11_016, 20_000, 2_000_000] {
            let (y, m, d) = Date(days).ymd();
            assert_eq!(ymd(y, m, d).days(), days);
        }
        assert_eq!(ymd(2024, 2, 29).add_days(1), ymd(2024, 3, 1));
        assert_eq!(ymd(2025, 12, 31).add_days(1), ymd(2026, 1, 1));
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::from_ymd(2025, 2, 29).is_none());
        assert!(Date::from_ymd(1900, 2, 29).is_none());
        assert!(Date::from_ymd(2000, 2, 29).is_some());
        assert!(Date::from_ymd(2025, 13, 1).is_none());
        assert!(Date::from_ymd(2025, 4, 31).is_none());
        let e = Date::parse("wanted_date", "2025-02-30").unwrap_err();
        assert_eq!(
            (e.field(), e.key()),
            (Some("wanted_date"), ErrorKey::DateInvalid)
        );
        assert!(Date::parse("d", "2025-1-5").is_err());
    }

    #[test]
    fn weekdays_follow_the_calendar() {
        assert_eq!(ymd(1970, 1, 1).weekday(), Weekday::Thu);
        assert_eq!(ymd(2025, 12, 31).weekday(), Weekday::Wed);
        assert_eq!(ymd(2026, 1, 4).weekday(), Weekday::Sun);
        assert_eq!(ymd(1969, 12, 29).weekday(), Weekday::Mon);
    }

    #[test]
    fn a_date_travels_as_an_iso_string() {
        let d = ymd(2026, 3, 9);
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-03-09\"");
        assert_eq!(serde_json::from_str::<Date>("\"2026-03-09\"").unwrap(), d);
        assert!(serde_json::from_str::<Date>("\"2026-3-9\"").is_err());
        assert_eq!(ymd(2024, 2, 10).end_of_month(), ymd(2024, 2, 29));
    }

    #[test]
    fn the_day_of_an_instant_is_the_day_in_shanghai() {
        // 2026-11-21T16:30:00Z is 00:30 on the 22nd in Shanghai.
        assert_eq!(
            Date::of_timestamp(Timestamp(1_795_278_600_000)),
            ymd(2026, 11, 22)
        );
    }
}
