//! Pickups (揽收叫车): checking an order for a pickup (验证订单并查询信息),
//! saving the plan in a window of the origin city with room (保存揽收计划:
//! the place is taken by one conditional UPDATE, so parallel plans never
//! overfill a window), ops' list by day and status (查询揽收叫车), and the
//! cancel with a reason from admin's list (取消揽收计划, 查询取消原因).

use super::{publish, readable};
use crate::auth::{Principal, Role, Staff};
use crate::db::{new_id, on_unique};
use crate::error::{AppError, AppResult};
use crate::orders::model::{Order, OrderStatus};
use crate::orders::pickup::*;
use crate::orders::policy;
use crate::orders::repo::pickup as repo;
use crate::pricing::pickup::offer;
use crate::pricing::repo::pickup as slots;
use crate::pricing::service::today;
use crate::pricing::Date;
use crate::state::AppState;
use crate::types::{Id, Page, PageQuery};
use crate::ErrorKey;

/// Days of windows a check offers.
pub const OFFER_DAYS: u32 = 14;

/// The order if the caller may plan its pickup and it waits for one.
async fn plannable(state: &AppState, who: &Principal, order_id: Id) -> AppResult<Order> {
    let stored = readable(state, who, order_id).await?;
    if !policy::may_keep_parcels(who, &stored.owner) {
        return Err(AppError::Forbidden);
    }
    if !matches!(
        stored.order.status,
        OrderStatus::Booked | OrderStatus::Confirmed
    ) {
        return Err(AppError::validation(
            "order_id",
            ErrorKey::PickupOrderNotReady,
        ));
    }
    Ok(stored.order)
}

fn city_of(o: &Order) -> AppResult<String> {
    (o.detail.search.origin.clone())
        .filter(|c| !c.trim().is_empty())
        .ok_or_else(|| AppError::validation("order_id", ErrorKey::PickupSlotUnknown))
}

/// What a pickup of the order collects and the windows open for it.
pub async fn check_pickup(
    state: &AppState,
    who: &Principal,
    order_id: Id,
) -> AppResult<PickupCheck> {
    let o = plannable(state, who, order_id).await?;
    let city = city_of(&o)?;
    let day = today(state);
    let booked = repo::booked_from(&state.db, &city, day).await?;
    let days = offer(
        &slots::all(&state.db).await?,
        &booked,
        &city,
        day,
        OFFER_DAYS,
    );
    let (mut pieces, mut kg, mut cm3) = (0i64, 0f64, 0f64);
    for l in &o.detail.cartons {
        pieces += l.count;
        kg += l.count as f64 * l.weight_kg;
        cm3 += l.count as f64 * l.length_cm * l.width_cm * l.height_cm;
    }
    Ok(PickupCheck {
        order_id: o.id,
        number: o.order_number.clone().unwrap_or_else(|| o.number.clone()),
        city,
        address: o.detail.shipper.address.clone(),
        contact: o.detail.shipper.name.clone(),
        phone: o.detail.shipper.phone.clone(),
        pieces,
        weight_kg: (kg * 1000.0).round() / 1000.0,
        volume_cbm: (cm3 / 1e6 * 1000.0).round() / 1000.0,
        days,
        scheduled: repo::of_order(&state.db, o.id).await?,
    })
}

/// Saves a pickup plan in a window of the order's city that is open on
/// `date` and has room; one scheduled pickup an order.
pub async fn save_pickup(
    state: &AppState,
    who: &Principal,
    input: &PickupForSave,
) -> AppResult<Pickup> {
    let o = plannable(state, who, input.order_id).await?;
    let city = city_of(&o)?;
    let date = Date::parse("date", &input.date)?;
    let weight_g = check_load(input.pieces, input.weight_kg)?;
    let address = text("address", &input.address, 200)?;
    let contact = text("contact", &input.contact, 40)?;
    let phone = text("phone", &input.phone, 24)?;
    let day = today(state);
    if date < day || date > day.add_days(OFFER_DAYS as i32 - 1) {
        return Err(AppError::validation("date", ErrorKey::PickupSlotUnknown));
    }
    let all = slots::all(&state.db).await?;
    let open = offer(&all, &Default::default(), &city, date, 1);
    let slot = (open.first().filter(|d| d.date == date))
        .and_then(|d| d.slots.iter().find(|s| s.slot_id == input.slot_id))
        .ok_or_else(|| AppError::validation("slot_id", ErrorKey::PickupSlotUnknown))?;
    let now = state.now();
    let by = match who {
        Principal::Member(m) => m.name.clone(),
        Principal::Staff(s) => s.name.clone(),
    };
    let id = new_id();
    let mut tx = state.db.begin().await?;
    if !repo::take(&mut tx, slot.slot_id, date, now).await? {
        tx.rollback().await?;
        return Err(AppError::conflict("slot_id", ErrorKey::PickupSlotFull));
    }
    let row = repo::NewPickup {
        id,
        order_id: o.id,
        slot_id: slot.slot_id,
        day: date,
        start: &slot.start,
        end: &slot.end,
        city: &city,
        address: &address,
        contact: &contact,
        phone: &phone,
        vehicle: input.vehicle,
        pieces: input.pieces,
        weight_g,
        created_by: &by,
        now,
    };
    repo::insert(&mut *tx, &row)
        .await
        .map_err(on_unique("order", "order_id", ErrorKey::PickupExists))
        .map_err(on_unique("order_id", "order_id", ErrorKey::PickupExists))?;
    let payload = serde_json::json!({
        "order_number": o.order_number.as_deref().unwrap_or(&o.number), "company_id": o.company_id,
        "date": date.to_string(), "start": slot.start, "end": slot.end, "city": city,
    });
    publish(&mut tx, "pickup.scheduled", o.id, payload, now).await?;
    tx.commit().await?;
    repo::by_id(&state.db, id)
        .await?
        .map(|(p, _)| p)
        .ok_or(AppError::Internal)
}

fn ops(s: &Staff) -> bool {
    s.has_any(&[Role::Admin, Role::Ops])
}

/// Pickups by day and status: ops and admins all, a member their company's.
pub async fn list_pickups(
    state: &AppState,
    who: &Principal,
    filter: &PickupFilter,
    page: PageQuery,
) -> AppResult<Page<Pickup>> {
    let company = match who {
        Principal::Member(m) => m.company_id,
        Principal::Staff(s) if ops(s) => 0,
        Principal::Staff(_) => return Err(AppError::Forbidden),
    };
    let day = match filter
        .date
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(d) => Date::parse("date", d)?.to_string(),
        None => String::new(),
    };
    let status = filter.status.map(|s| s.as_str()).unwrap_or("");
    let (items, total) = repo::list(
        &state.db,
        company,
        &day,
        status,
        page.limit(),
        page.offset(),
    )
    .await?;
    Ok(Page::new(items, total, page))
}

/// Cancels a scheduled pickup with one of the listed reasons; its place in
/// the window is given back.
pub async fn cancel_pickup(
    state: &AppState,
    who: &Principal,
    id: Id,
    reason_id: Id,
) -> AppResult<Pickup> {
    let (p, _) = repo::by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::not_found("pickup"))?;
    let stored = readable(state, who, p.order_id)
        .await
        .map_err(|e| match e {
            AppError::NotFound { .. } => AppError::not_found("pickup"),
            other => other,
        })?;
    if !policy::may_keep_parcels(who, &stored.owner) {
        return Err(AppError::Forbidden);
    }
    let reason = repo::reason_by_id(&state.db, reason_id)
        .await?
        .ok_or_else(|| AppError::validation("reason_id", ErrorKey::PickupReasonUnknown))?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let Some((slot, day)) = repo::cancel(&mut *tx, id, &reason.text_zh, now).await? else {
        tx.rollback().await?;
        return Err(AppError::conflict("id", ErrorKey::PickupStatusInvalid));
    };
    repo::give_back(&mut *tx, slot, day).await?;
    let payload = serde_json::json!({"order_number": p.order_number, "reason": reason.text_zh});
    publish(&mut tx, "pickup.cancelled", p.order_id, payload, now).await?;
    tx.commit().await?;
    repo::by_id(&state.db, id)
        .await?
        .map(|(p, _)| p)
        .ok_or(AppError::Internal)
}

/// The reasons a pickup may be cancelled for (any signed-in caller).
pub async fn list_cancel_reasons(state: &AppState) -> AppResult<Vec<CancelReason>> {
    repo::reasons(&state.db).await
}

/// Adds a cancel reason (admins).
pub async fn add_cancel_reason(
    state: &AppState,
    who: &Staff,
    zh: &str,
    en: &str,
) -> AppResult<CancelReason> {
    who.require(&[Role::Admin])?;
    let r = CancelReason {
        id: new_id(),
        text_zh: text("text_zh", zh, 40)?,
        text_en: text("text_en", en, 80)?,
    };
    repo::insert_reason(&state.db, &r, state.now()).await?;
    Ok(r)
}

/// The demo's reasons, when there are none.
pub async fn seed_demo_cancel_reasons(state: &AppState) -> AppResult<usize> {
    if !repo::reasons(&state.db).await?.is_empty() {
        return Ok(0);
    }
    let list = [
        ("客户改期", "The customer moved the date"),
        ("货物未备好", "The cargo is not ready"),
        ("地址错误", "Wrong address"),
        ("改为自送仓库", "The customer delivers to the warehouse"),
    ];
    for (zh, en) in list {
        let r = CancelReason {
            id: new_id(),
            text_zh: zh.into(),
            text_en: en.into(),
        };
        repo::insert_reason(&state.db, &r, state.now()).await?;
    }
    Ok(list.len())
}
