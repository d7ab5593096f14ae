//! Pickup slots: ops and admins set each city's windows and capacity;
//! whoever may search sees the days and windows a city offers.

use super::today;
use crate::auth::{Principal, Staff};
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::pricing::pickup::{offer, PickupDay, PickupSlot, PickupSlotForSave, MAX_DAYS};
use crate::pricing::policy;
use crate::pricing::repo::pickup as repo;
use crate::state::AppState;
use crate::types::Id;
use crate::ErrorKey;

/// Every slot, by city and time (customer staff).
pub async fn list_pickup_slots(state: &AppState, who: &Staff) -> AppResult<Vec<PickupSlot>> {
    policy::may_read_channels(who)
        .then_some(())
        .ok_or(AppError::Forbidden)?;
    repo::all(&state.db).await
}

/// Creates (id 0) or changes a slot (ops, admin).
pub async fn save_pickup_slot(
    state: &AppState,
    who: &Staff,
    input: &PickupSlotForSave,
) -> AppResult<PickupSlot> {
    policy::may_edit_channels(who)
        .then_some(())
        .ok_or(AppError::Forbidden)?;
    let mut slot = input.check()?;
    let created = slot.id == 0;
    if created {
        slot.id = new_id();
    }
    if !repo::save(&state.db, &slot, created, state.now()).await? {
        return Err(AppError::not_found("pickup_slot"));
    }
    Ok(slot)
}

/// Deletes a slot (ops, admin).
pub async fn delete_pickup_slot(state: &AppState, who: &Staff, id: Id) -> AppResult<()> {
    policy::may_edit_channels(who)
        .then_some(())
        .ok_or(AppError::Forbidden)?;
    match repo::delete(&state.db, id).await? {
        true => Ok(()),
        false => Err(AppError::not_found("pickup_slot")),
    }
}

/// The windows `city` offers on each of the next `days` days (1–31, from
/// today in China), earliest first; days without any left out.
pub async fn get_pickup_times(
    state: &AppState,
    who: &Principal,
    city: &str,
    days: u32,
) -> AppResult<Vec<PickupDay>> {
    policy::may_search(who)
        .then_some(())
        .ok_or(AppError::Forbidden)?;
    if city.trim().is_empty() || city.chars().count() > 20 {
        return Err(AppError::validation("city", ErrorKey::FieldRequired));
    }
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(AppError::validation("days", ErrorKey::PickupDaysInvalid));
    }
    let slots = repo::all(&state.db).await?;
    let day = today(state);
    let booked = crate::orders::repo::pickup::booked_from(&state.db, city.trim(), day).await?;
    Ok(offer(&slots, &booked, city, day, days))
}

/// The demo's windows: every origin city, a morning and an afternoon on
/// weekdays, a Saturday morning. Only when there are none.
pub async fn seed_demo_pickup_slots(state: &AppState) -> AppResult<usize> {
    use crate::pricing::model::Weekday::*;
    if !repo::all(&state.db).await?.is_empty() {
        return Ok(0);
    }
    let mut n = 0;
    for city in ["深圳", "广州", "义乌", "宁波", "上海", "厦门"] {
        let slots = [
            (vec![Mon, Tue, Wed, Thu, Fri], "09:00", "12:00", 8),
            (vec![Mon, Tue, Wed, Thu, Fri], "14:00", "18:00", 10),
            (vec![Sat], "09:00", "12:00", 4),
        ];
        for (weekdays, start, end, capacity) in slots {
            let input = PickupSlotForSave {
                id: 0,
                city: city.into(),
                weekdays,
                start: start.into(),
                end: end.into(),
                capacity,
                enabled: true,
            };
            let slot = PickupSlot {
                id: new_id(),
                ..input.check()?
            };
            repo::save(&state.db, &slot, true, state.now()).await?;
            n += 1;
        }
    }
    Ok(n)
}
