//! The order timeline's rows.

use sqlx::{Any, Executor, Row};

use crate::db::new_id;
use crate::error::AppResult;
use crate::orders::model::{OrderEvent, OrderStatus};
use crate::types::{Id, Timestamp};

pub(crate) const INSERT: &str = "INSERT INTO order_events (id, order_id, from_status, to_status, \
     note, by_kind, by_name, acting_for, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/// Writes one change; call it in the transaction of the change.
pub async fn insert(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
    e: &OrderEvent,
) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(new_id())
        .bind(order_id)
        .bind(e.from.map(|s| s.as_str()))
        .bind(e.to.as_str())
        .bind(&e.note)
        .bind(&e.by_kind)
        .bind(&e.by_name)
        .bind(&e.acting_for)
        .bind(e.at.0)
        .execute(ex)
        .await?;
    Ok(())
}

pub(crate) const OF_ORDER: &str = "SELECT from_status, to_status, note, by_kind, by_name, \
     acting_for, created_at FROM order_events WHERE order_id = $1 ORDER BY created_at, id";

/// An order's timeline, oldest first.
pub async fn of_order(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
) -> AppResult<Vec<OrderEvent>> {
    let rows = sqlx::query(OF_ORDER).bind(order_id).fetch_all(ex).await?;
    rows.iter()
        .map(|r| {
            let from: Option<String> = r.try_get("from_status")?;
            Ok(OrderEvent {
                from: from.as_deref().map(OrderStatus::parse).transpose()?,
                to: OrderStatus::parse(&r.try_get::<String, _>("to_status")?)?,
                note: r.try_get("note")?,
                by_kind: r.try_get("by_kind")?,
                by_name: r.try_get("by_name")?,
                acting_for: r.try_get("acting_for")?,
                at: Timestamp(r.try_get("created_at")?),
            })
        })
        .collect()
}
