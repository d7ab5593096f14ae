//! Pickup time slots (查询上门揽收时间): per origin city, the windows a van
//! collects cargo in, on which weekdays, and how many pickups each takes a
//! day. Pure: the slots and what is booked in, the days to offer out.
//!
//! Invariants: a slot's window is `HH:MM`–`HH:MM` with start before end;
//! capacity is 1–1,000 a day; what is offered never shows a negative
//! remainder (bookings over capacity show as full).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::model::{Date, Weekday};
use crate::error::{AppError, AppResult};
use crate::types::Id;
use crate::ErrorKey;

/// The most pickups one slot takes a day.
pub const MAX_CAPACITY: u32 = 1_000;
/// The most days offered ahead.
pub const MAX_DAYS: u32 = 31;

/// A pickup window of one city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PickupSlot {
    pub id: Id,
    /// The origin city's Chinese name (`深圳`).
    pub city: String,
    /// The days it runs; empty: every day.
    pub weekdays: Vec<Weekday>,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
    /// Pickups a day.
    pub capacity: u32,
    pub enabled: bool,
}

/// A slot to create (id 0) or change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PickupSlotForSave {
    #[serde(default)]
    pub id: Id,
    pub city: String,
    #[serde(default)]
    pub weekdays: Vec<Weekday>,
    pub start: String,
    pub end: String,
    pub capacity: u32,
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

impl Default for PickupSlotForSave {
    /// Enabled, as a slot sent without `enabled` is.
    fn default() -> Self {
        PickupSlotForSave {
            id: 0,
            city: String::new(),
            weekdays: vec![],
            start: String::new(),
            end: String::new(),
            capacity: 0,
            enabled: true,
        }
    }
}

/// Minutes since midnight of `HH:MM` (00:00–23:59).
fn minutes(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    let ok = |x: &str| x.len() == 2 && x.bytes().all(|b| b.is_ascii_digit());
    if !ok(h) || !ok(m) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

impl PickupSlotForSave {
    /// A city of 1–20 characters, a window `HH:MM`–`HH:MM` with start
    /// before end, a capacity of 1–1,000, each weekday once.
    pub fn check(&self) -> AppResult<PickupSlot> {
        let city = self.city.trim();
        if !(1..=20).contains(&city.chars().count()) {
            return Err(AppError::validation("city", ErrorKey::FieldRequired));
        }
        let start = minutes(self.start.trim())
            .ok_or_else(|| AppError::validation("start", ErrorKey::PickupTimeInvalid))?;
        let end = minutes(self.end.trim())
            .ok_or_else(|| AppError::validation("end", ErrorKey::PickupTimeInvalid))?;
        if start >= end {
            return Err(AppError::validation("end", ErrorKey::PickupWindowInvalid));
        }
        if !(1..=MAX_CAPACITY).contains(&self.capacity) {
            return Err(AppError::validation(
                "capacity",
                ErrorKey::PickupCapacityInvalid,
            ));
        }
        let mut weekdays = self.weekdays.clone();
        weekdays.sort();
        weekdays.dedup();
        Ok(PickupSlot {
            id: self.id,
            city: city.to_owned(),
            weekdays,
            start: self.start.trim().to_owned(),
            end: self.end.trim().to_owned(),
            capacity: self.capacity,
            enabled: self.enabled,
        })
    }
}

/// One slot on one day, with what is left of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PickupTime {
    pub slot_id: Id,
    pub start: String,
    pub end: String,
    pub capacity: u32,
    pub remaining: u32,
}

/// A day and its slots, earliest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PickupDay {
    pub date: Date,
    pub slots: Vec<PickupTime>,
}

/// The enabled slots of `city` on each of `days` days from `from` (days
/// with none left out), with `booked[(slot, day)]` taken from capacity.
pub fn offer(
    slots: &[PickupSlot],
    booked: &HashMap<(Id, Date), u32>,
    city: &str,
    from: Date,
    days: u32,
) -> Vec<PickupDay> {
    let mut mine: Vec<&PickupSlot> = (slots.iter())
        .filter(|s| s.enabled && s.city == city.trim())
        .collect();
    mine.sort_by(|a, b| (&a.start, &a.end).cmp(&(&b.start, &b.end)));
    (0..days.min(MAX_DAYS) as i32)
        .map(|k| from.add_days(k))
        .filter_map(|date| {
            let slots: Vec<PickupTime> = (mine.iter())
                .filter(|s| s.weekdays.is_empty() || s.weekdays.contains(&date.weekday()))
                .map(|s| PickupTime {
                    slot_id: s.id,
                    start: s.start.clone(),
                    end: s.end.clone(),
                    capacity: s.capacity,
                    remaining: s
                        .capacity
                        .saturating_sub(booked.get(&(s.id, date)).copied().unwrap_or(0)),
                })
                .collect();
            (!slots.is_empty()).then_some(PickupDay { date, slots })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(id: Id, weekdays: &[Weekday], start: &str, capacity: u32) -> PickupSlot {
        PickupSlotForSave {
            id,
            city: "深圳".into(),
            weekdays: weekdays.to_vec(),
            start: start.into(),
            end: "18:00".into(),
            capacity,
            enabled: true,
        }
        .check()
        .unwrap()
    }

    #[test]
    fn a_week_offers_each_slot_on_its_weekdays_with_what_is_left() {
        // 2026-12-04 is a Friday.
        let fri = Date::from_ymd(2026, 12, 4).unwrap();
        let slots = vec![
            slot(1, &[], "14:00", 5),
            slot(2, &[Weekday::Sat], "09:00", 3),
            slot(3, &[Weekday::Fri], "09:00", 2),
        ];
        let booked = HashMap::from([((3, fri), 2), ((1, fri), 1), ((1, fri.add_days(1)), 9)]);

        let days = offer(&slots, &booked, "深圳", fri, 3);

        assert_eq!(days.len(), 3);
        let fri_slots: Vec<(Id, u32)> = days[0]
            .slots
            .iter()
            .map(|s| (s.slot_id, s.remaining))
            .collect();
        assert_eq!(fri_slots, [(3, 0), (1, 4)], "morning first; full shows 0");
        let sat: Vec<Id> = days[1].slots.iter().map(|s| s.slot_id).collect();
        assert_eq!(sat, [2, 1]);
        assert_eq!(days[1].slots[1].remaining, 0, "overbooked never negative");
        assert!(offer(&slots, &booked, "义乌", fri, 7).is_empty());
    }

    #[test]
    fn bad_windows_and_capacities_name_their_field() {
        let input = |start: &str, end: &str, capacity| PickupSlotForSave {
            city: "宁波".into(),
            start: start.into(),
            end: end.into(),
            capacity,
            ..Default::default()
        };
        let field = |i: PickupSlotForSave| match i.check() {
            Err(AppError::Validation { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(input("9:00", "12:00", 5)), "start");
        assert_eq!(field(input("09:00", "24:00", 5)), "end");
        assert_eq!(field(input("12:00", "09:00", 5)), "end");
        assert_eq!(field(input("09:00", "12:00", 0)), "capacity");
        assert_eq!(field(input("09:00", "12:00", 1_001)), "capacity");
        assert!(input("09:00", "12:00", 1_000).check().is_ok());
    }
}
