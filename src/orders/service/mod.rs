//! Order services: booking from a saved quote, reading and listing in the
//! caller's scope, ops' moves along the timeline, receiving with the
//! measured cartons' adjustment, the delivery tracking numbers, and the
//! alerts (异常预警) raised on shipments gone silent or in exception. Each
//! checks its caller with [`super::policy`] and owns its transaction; each
//! change writes its timeline row and its outbox event in it.

pub mod alert;
mod book;
mod demo;
mod export;
mod follow;
mod moves;
mod parcels;
mod pickup;
mod quick;
mod read;
mod receive;
mod transfer;

pub use alert::{alert_settings, close_alert, list_alerts, save_alert_settings, scan_silent};
pub use book::*;
pub use demo::seed_demo_orders;
pub use export::*;
pub use follow::*;
pub use moves::*;
pub use parcels::*;
pub use pickup::*;
pub use quick::*;
pub use read::*;
pub use receive::*;
pub use transfer::*;

use super::model::{OrderEvent, OrderStatus};
use super::policy;
use super::repo::order::{self as repo, Stored};
use crate::auth::Principal;
use crate::error::{AppError, AppResult};
use crate::events::{repo as outbox, OutboxEvent};
use crate::state::AppState;
use crate::types::{Id, Timestamp};

/// The order `id` if the caller may read it; not found otherwise (another
/// company's order does not exist for them).
pub(crate) async fn readable(state: &AppState, who: &Principal, id: Id) -> AppResult<Stored> {
    let stored = repo::by_id(&state.db, id).await?;
    readable_stored(who, stored)
}

/// `stored` if the caller may read it: the check of [`readable`] on an
/// order already read (by its number).
pub(crate) fn readable_stored(who: &Principal, stored: Option<Stored>) -> AppResult<Stored> {
    if let Principal::Staff(s) = who {
        if crate::customer::policy::staff_scope(s) == crate::customer::policy::Scope::Nothing
            && policy::provider_of(s).is_none()
        {
            return Err(AppError::Forbidden);
        }
    }
    let stored = stored.ok_or_else(|| AppError::not_found("order"))?;
    if !policy::may_read(who, &stored.owner) {
        return Err(AppError::not_found("order"));
    }
    Ok(stored)
}

/// A timeline row of `who` moving an order from `from` to `to`.
pub(crate) fn event(
    who: &Principal,
    from: Option<OrderStatus>,
    to: OrderStatus,
    note: &str,
    now: i64,
) -> OrderEvent {
    let (by_kind, by_name) = match who {
        Principal::Member(m) => ("member", m.name.clone()),
        Principal::Staff(s) => ("staff", s.name.clone()),
    };
    OrderEvent {
        from,
        to,
        note: note.trim().to_owned(),
        by_kind: by_kind.into(),
        by_name,
        acting_for: None,
        at: Timestamp(now),
    }
}

/// The outbox event of a change, in its transaction: `order.created`,
/// `order.status_changed`, `order.adjusted`.
pub(crate) async fn publish(
    conn: &mut sqlx::AnyConnection,
    topic: &str,
    order_id: Id,
    payload: serde_json::Value,
    now: i64,
) -> AppResult<()> {
    outbox::insert(
        &mut *conn,
        &OutboxEvent::new(topic, "order", order_id, &payload, now),
    )
    .await
}
