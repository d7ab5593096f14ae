//! Delivery tracking numbers (送仓单号) per order: the company's members,
//! ops and admins add, change and delete them; whoever reads the order
//! reads them. A number is on one order only.

use super::readable;
use crate::auth::Principal;
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::orders::model::{Parcel, ParcelForSave, ParcelTrack};
use crate::orders::policy;
use crate::orders::repo::parcel as repo;
use crate::state::AppState;
use crate::tracking::{detect, Carrier, CheckedContext, TrackingNumber};
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

/// An order has at most this many tracking numbers.
pub const MAX_PARCELS: i64 = 200;

/// A tracking number as carriers print it: spaces and dashes dropped,
/// full-width folded, upper case; 6–40 letters and digits.
pub fn parse_number(s: &str) -> AppResult<String> {
    let n: String = s
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    if (6..=40).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(n)
    } else {
        Err(AppError::validation(
            "number",
            ErrorKey::ParcelNumberInvalid,
        ))
    }
}

/// The carrier given (a code of [`Carrier`]), else the best detected from
/// the number, ranked by where the cartons start (China) and the carriers
/// already on the order.
fn carrier(number: &str, given: Option<&str>, on_order: &[Parcel]) -> AppResult<String> {
    let unknown = || AppError::validation("carrier", ErrorKey::ParcelCarrierUnknown);
    if let Some(code) = given.map(str::trim).filter(|s| !s.is_empty()) {
        let c = Carrier::parse(&code.to_ascii_lowercase()).map_err(|_| unknown())?;
        return Ok(c.as_str().to_owned());
    }
    let ctx = CheckedContext {
        origin: Some("CN".into()),
        usual: on_order
            .iter()
            .filter_map(|p| Carrier::parse(&p.carrier).ok())
            .collect(),
    };
    let best = detect(number, &ctx)
        .into_iter()
        .next()
        .ok_or_else(unknown)?;
    Ok(best.carrier.as_str().to_owned())
}

/// An order's tracking numbers, oldest first.
pub async fn list_parcels(
    state: &AppState,
    who: &Principal,
    order_id: Id,
) -> AppResult<Vec<Parcel>> {
    readable(state, who, order_id).await?;
    repo::of_order(&state.db, order_id).await
}

/// Adds a tracking number to an order (no `id`) or changes one; the
/// carrier is the one given, else the best detected from the number.
pub async fn save_parcel(
    state: &AppState,
    who: &Principal,
    input: &ParcelForSave,
) -> AppResult<Vec<Parcel>> {
    let stored = readable(state, who, input.order_id).await?;
    if !policy::may_keep_parcels(who, &stored.owner) {
        return Err(AppError::Forbidden);
    }
    let number = parse_number(&input.number)?;
    let on_order = repo::of_order(&state.db, input.order_id).await?;
    let cartons = input.cartons.trim();
    if cartons.chars().count() > 40 {
        return Err(AppError::validation("cartons", ErrorKey::TextTooLong));
    }
    let now = state.now();
    let parcel = Parcel {
        id: input.id.unwrap_or_else(new_id),
        carrier: carrier(&number, input.carrier.as_deref(), &on_order)?,
        number,
        cartons: cartons.to_owned(),
        added_by: match who {
            Principal::Member(m) => m.name.clone(),
            Principal::Staff(s) => s.name.clone(),
        },
        created_at: Timestamp(now),
        track_status: None,
        track_at: None,
    };
    let done = match input.id {
        None => {
            let mut tx = state.db.begin().await?;
            if !repo::take(&mut *tx, input.order_id, MAX_PARCELS).await? {
                return Err(AppError::validation("number", ErrorKey::ParcelsTooMany));
            }
            repo::insert(&mut *tx, input.order_id, &parcel).await?;
            tx.commit().await?;
            true
        }
        Some(_) => repo::update(&state.db, input.order_id, &parcel, now).await?,
    };
    if !done {
        return Err(AppError::not_found("parcel"));
    }
    repo::of_order(&state.db, input.order_id).await
}

/// Deletes a tracking number of an order.
pub async fn delete_parcel(
    state: &AppState,
    who: &Principal,
    order_id: Id,
    id: Id,
) -> AppResult<Vec<Parcel>> {
    let stored = readable(state, who, order_id).await?;
    if !policy::may_keep_parcels(who, &stored.owner) {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    if !repo::delete(&mut *tx, order_id, id).await? {
        return Err(AppError::not_found("parcel"));
    }
    repo::give_back(&mut *tx, order_id).await?;
    tx.commit().await?;
    repo::of_order(&state.db, order_id).await
}

/// A tracking number of an order with its courier's events, newest first
/// (通过快递单号查询轨迹): whoever may read the order. A stale number is
/// asked for first (see [`super::follow::fresh_events`]).
pub async fn track_parcel(
    state: &AppState,
    who: &Principal,
    order_id: Id,
    parcel_id: Id,
) -> AppResult<ParcelTrack> {
    readable(state, who, order_id).await?;
    let find = |list: Vec<Parcel>| list.into_iter().find(|p| p.id == parcel_id);
    let parcel = find(repo::of_order(&state.db, order_id).await?)
        .ok_or_else(|| AppError::not_found("parcel"))?;
    let carrier = Carrier::parse(&parcel.carrier)?;
    let number = TrackingNumber::parse(&parcel.number)?;
    let (events, live) = super::follow::fresh_events(state, carrier, &number).await?;
    // The state as of the refresh just made.
    let parcel = find(repo::of_order(&state.db, order_id).await?).unwrap_or(parcel);
    Ok(ParcelTrack {
        parcel,
        events,
        live,
    })
}
