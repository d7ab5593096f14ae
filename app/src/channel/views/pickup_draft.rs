//! A pickup slot as typed in its form, read back into a
//! `PickupSlotForSave` with the slot's own check, so a field's error reads
//! as the server would name it.

use leptos::prelude::*;
use shipdesk::pricing::{PickupSlot, PickupSlotForSave, Weekday};
use shipdesk::{AppError, ErrorKey, Id};

#[derive(Clone, Copy)]
pub struct PickupDraft {
    pub id: Id,
    pub city: RwSignal<String>,
    pub weekdays: RwSignal<Vec<Weekday>>,
    pub start: RwSignal<String>,
    pub end: RwSignal<String>,
    pub capacity: RwSignal<String>,
    pub enabled: RwSignal<bool>,
}

impl PickupDraft {
    /// The form of `slot`, or a new one (weekdays, 09:00–12:00) for `city`.
    pub fn of(slot: Option<&PickupSlot>, city: &str) -> PickupDraft {
        use Weekday::*;
        let s = |v: &str| RwSignal::new(v.to_owned());
        match slot {
            Some(p) => PickupDraft {
                id: p.id,
                city: s(&p.city),
                weekdays: RwSignal::new(p.weekdays.clone()),
                start: s(&p.start),
                end: s(&p.end),
                capacity: s(&p.capacity.to_string()),
                enabled: RwSignal::new(p.enabled),
            },
            None => PickupDraft {
                id: 0,
                city: s(city),
                weekdays: RwSignal::new(vec![Mon, Tue, Wed, Thu, Fri]),
                start: s("09:00"),
                end: s("12:00"),
                capacity: s(""),
                enabled: RwSignal::new(true),
            },
        }
    }

    /// The slot to save; the first field that does not read is the error.
    pub fn build(&self) -> Result<PickupSlotForSave, AppError> {
        let capacity = self
            .capacity
            .get_untracked()
            .trim()
            .parse::<u32>()
            .map_err(|_| AppError::validation("capacity", ErrorKey::CargoNotANumber))?;
        let input = PickupSlotForSave {
            id: self.id,
            city: self.city.get_untracked().trim().to_owned(),
            weekdays: self.weekdays.get_untracked(),
            start: self.start.get_untracked().trim().to_owned(),
            end: self.end.get_untracked().trim().to_owned(),
            capacity,
            enabled: self.enabled.get_untracked(),
        };
        input.check()?;
        Ok(input)
    }
}
