//! Representations shared by every domain: ids, instants, money and pages.
//! Ids are app-made i64 below 2^53 (exact in JavaScript), instants are UTC
//! epoch milliseconds, money is integer fen.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::ErrorKey;

pub type Id = i64;

/// UTC milliseconds since the Unix epoch.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl From<i64> for Timestamp {
    fn from(ms: i64) -> Timestamp {
        Timestamp(ms)
    }
}

/// China has one time zone and no daylight saving: a fixed +08:00 is exact.
const SHANGHAI_OFFSET_MS: i64 = 8 * 3600 * 1000;

impl Timestamp {
    /// `YYYY-MM-DD HH:MM:SS` in Asia/Shanghai, the zone people read times in.
    pub fn format_shanghai(self) -> String {
        let local = self.0 + SHANGHAI_OFFSET_MS;
        let days = local.div_euclid(86_400_000);
        let ms_of_day = local.rem_euclid(86_400_000);
        let (y, m, d) = civil_from_days(days);
        let secs = ms_of_day / 1000;
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

impl Timestamp {
    /// The instant of `YYYY-MM-DD HH:MM:SS` read as Asia/Shanghai time (how
    /// Chinese carriers write it); none if it is not a real date and time.
    pub fn parse_shanghai(s: &str) -> Option<Timestamp> {
        let b = s.as_bytes();
        let shaped = b.len() == 19
            && b.iter().enumerate().all(|(i, c)| match i {
                4 | 7 => *c == b'-',
                10 => *c == b' ',
                13 | 16 => *c == b':',
                _ => c.is_ascii_digit(),
            });
        if !shaped {
            return None;
        }
        let n = |r: std::ops::Range<usize>| s[r].parse::<i64>().ok();
        let (y, m, d) = (n(0..4)?, n(5..7)?, n(8..10)?);
        let (hh, mm, ss) = (n(11..13)?, n(14..16)?, n(17..19)?);
        let days = days_from_civil(y, m, d)?;
        if hh > 23 || mm > 59 || ss > 59 {
            return None;
        }
        let secs = days * 86_400 + hh * 3600 + mm * 60 + ss;
        Some(Timestamp(secs * 1000 - SHANGHAI_OFFSET_MS))
    }
}

/// Howard Hinnant's civil-to-days algorithm; none for a day the month lacks.
fn days_from_civil(y: i64, m: i64, d: i64) -> Option<i64> {
    if !(1..=12).contains(&m) || d < 1 {
        return None;
    }
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if d > month_days[(m - 1) as usize] {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Howard Hinnant's days-to-civil algorithm.
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// An amount in fen (1/100 yuan).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct Money(i64);

impl Money {
    pub fn from_fen(fen: i64) -> Self {
        Money(fen)
    }
    pub fn fen(self) -> i64 {
        self.0
    }
    /// `¥1,234.50` style, with a minus sign before the currency sign.
    pub fn format_yuan(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let yuan = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in yuan.chars().enumerate() {
            if i > 0 && (yuan.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{sign}¥{grouped}.{:02}", abs % 100)
    }
}

/// Which page of a list to return. Page numbers start at 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PageQuery {
    pub page: u32,
    pub size: u32,
}

impl Default for PageQuery {
    fn default() -> Self {
        PageQuery { page: 1, size: 20 }
    }
}

impl PageQuery {
    pub const MAX_SIZE: u32 = 100;

    pub fn parse(page: Option<u32>, size: Option<u32>) -> AppResult<Self> {
        let page = page.unwrap_or(1);
        let size = size.unwrap_or(20);
        if page == 0 {
            return Err(AppError::validation("page", ErrorKey::PageInvalid));
        }
        if size == 0 || size > Self::MAX_SIZE {
            return Err(AppError::validation("size", ErrorKey::PageSizeInvalid));
        }
        Ok(PageQuery { page, size })
    }
    pub fn offset(self) -> i64 {
        (self.page as i64 - 1) * self.size as i64
    }
    pub fn limit(self) -> i64 {
        self.size as i64
    }
}

/// One page of a list and the size of the whole list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: u32,
    pub size: u32,
    /// The list was counted up to `total` and holds more: a very long list
    /// is not counted to its end on every page (`10000 条以上`).
    #[serde(default)]
    pub capped: bool,
}

impl<T> Page<T> {
    /// One page of `total` items, as asked for by `q`.
    pub fn new(items: Vec<T>, total: i64, q: PageQuery) -> Self {
        Page {
            items,
            total,
            page: q.page,
            size: q.size,
            capped: false,
        }
    }

    /// One page of a list counted up to `total`, with more when `capped`.
    pub fn counted(items: Vec<T>, total: i64, capped: bool, q: PageQuery) -> Self {
        Page {
            capped,
            ..Page::new(items, total, q)
        }
    }

    pub fn pages(&self) -> u32 {
        if self.total <= 0 {
            1
        } else {
            ((self.total as u64).div_ceil(self.size.max(1) as u64)) as u32
        }
    }
}

/// Shows a phone number as `170****6528` to people without the right to see it.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 7 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}****{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shanghai_times_read_back_to_the_instant_they_show() {
        for ms in [0, 1_764_556_200_000, 951_782_400_000, 4_102_444_799_000] {
            let t = Timestamp(ms);
            assert_eq!(Timestamp::parse_shanghai(&t.format_shanghai()), Some(t));
        }
        assert_eq!(
            Timestamp::parse_shanghai("2026-12-01 08:00:00"),
            Some(Timestamp(1_796_083_200_000))
        );
        for bad in [
            "2026-02-29 10:00:00",
            "2026-13-01 10:00:00",
            "2026-12-01 24:00:00",
            "2026-12-01T10:00:00",
            "2026-12-1 10:00:00",
            "",
        ] {
            assert_eq!(Timestamp::parse_shanghai(bad), None, "{bad}");
        }
    }

    #[test]
    fn instants_are_shown_in_shanghai_time() {
        // 2026-11-22T00:30:00Z is 08:30 in Shanghai.
        assert_eq!(
            Timestamp(1_795_307_400_000).format_shanghai(),
            "2026-11-22 08:30:00"
        );
        assert_eq!(Timestamp(0).format_shanghai(), "1970-01-01 08:00:00");
    }

    #[test]
    fn money_is_formatted_in_yuan_with_grouping() {
        assert_eq!(Money::from_fen(123_456_789).format_yuan(), "¥1,234,567.89");
        assert_eq!(Money::from_fen(-5).format_yuan(), "-¥0.05");
        assert_eq!(Money::from_fen(100_000).format_yuan(), "¥1,000.00");
    }

    #[test]
    fn page_queries_are_bounded() {
        assert!(PageQuery::parse(Some(0), None).is_err());
        assert!(PageQuery::parse(Some(1), Some(101)).is_err());
        let q = PageQuery::parse(Some(3), Some(10)).unwrap();
        assert_eq!((q.offset(), q.limit()), (20, 10));
    }

    #[test]
    fn phones_are_masked_in_the_middle() {
        assert_eq!(mask_phone("17012346528"), "170****6528");
        assert_eq!(mask_phone("123"), "***");
    }
}
