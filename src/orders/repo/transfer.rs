//! Transfer numbers (转单号) and the provider an order is assigned to. An
//! upload replaces each named order's numbers in one transaction, after
//! locking the order's row; a number is on one order only (the column is
//! unique).

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use super::parse;
use crate::db::on_unique;
use crate::error::{AppError, AppResult};
use crate::orders::model::{Measured, OrderDetail, OrderStatus};
use crate::orders::transfer::Transfer;
use crate::tracking::{Carrier, TrackStatus};
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

pub(crate) const OF_ORDER: &str = "SELECT x.id, x.carton_from, x.carton_to, x.carrier, \
     x.number, x.uploaded_by, x.created_at, t.status AS track_status, t.last_event_at \
     FROM order_transfers x \
     LEFT JOIN tracking_numbers t ON t.carrier = x.carrier AND t.number = x.number \
     WHERE x.order_id = $1 ORDER BY x.carton_from, x.id";

/// An order's transfer numbers, by carton.
pub async fn of_order(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
) -> AppResult<Vec<Transfer>> {
    let rows = sqlx::query(OF_ORDER).bind(order_id).fetch_all(ex).await?;
    rows.iter()
        .map(|r| {
            Ok(Transfer {
                id: r.try_get("id")?,
                carton_from: r.try_get::<i64, _>("carton_from")? as u32,
                carton_to: r.try_get::<i64, _>("carton_to")? as u32,
                carrier: Carrier::parse(&r.try_get::<String, _>("carrier")?)?,
                number: r.try_get("number")?,
                uploaded_by: r.try_get("uploaded_by")?,
                created_at: Timestamp(r.try_get("created_at")?),
                track_status: r
                    .try_get::<Option<String>, _>("track_status")?
                    .and_then(|s| TrackStatus::parse(&s).ok()),
                track_at: r.try_get::<Option<i64>, _>("last_event_at")?.map(Timestamp),
            })
        })
        .collect()
}

/// What an upload needs to know of an order it names.
pub struct Target {
    pub id: Id,
    pub order_number: String,
    pub status: OrderStatus,
    pub provider: Option<Id>,
    pub country: String,
    /// How many cartons the order has: the measured ones once received,
    /// else the booked ones.
    pub cartons: u32,
}

/// How many cartons an order row has: the measured ones once received,
/// else the booked ones.
fn cartons_of(r: &AnyRow) -> AppResult<u32> {
    let measured: Option<String> = r.try_get("measured")?;
    let cartons = match measured.as_deref().map(parse::<Measured>).transpose()? {
        Some(m) => m.cartons,
        None => parse::<OrderDetail>(&r.try_get::<String, _>("detail")?)?.cartons,
    };
    Ok(cartons
        .iter()
        .map(|c| c.count.max(0))
        .sum::<i64>()
        .min(u32::MAX as i64) as u32)
}

pub(crate) const TARGET: &str = "SELECT id, number, order_number, status, provider_id, country, \
     detail, measured FROM orders WHERE number = $1 OR order_number = $1";

/// The order with this booking or order number.
pub async fn target(
    ex: impl Executor<'_, Database = Any>,
    number: &str,
) -> AppResult<Option<Target>> {
    let Some(r) = sqlx::query(TARGET).bind(number).fetch_optional(ex).await? else {
        return Ok(None);
    };
    let cartons = cartons_of(&r)?;
    let order_number: Option<String> = r.try_get("order_number")?;
    Ok(Some(Target {
        id: r.try_get("id")?,
        order_number: order_number.unwrap_or(r.try_get("number")?),
        status: OrderStatus::parse(&r.try_get::<String, _>("status")?)?,
        provider: r.try_get("provider_id")?,
        country: r.try_get("country")?,
        cartons,
    }))
}

pub(crate) const HOLDER: &str = "SELECT order_id FROM order_transfers WHERE number = $1";

/// The order a transfer number is on, if any.
pub async fn holder(ex: impl Executor<'_, Database = Any>, number: &str) -> AppResult<Option<Id>> {
    let row = sqlx::query(HOLDER).bind(number).fetch_optional(ex).await?;
    Ok(row.map(|r| r.try_get(0)).transpose()?)
}

pub(crate) const LOCK: &str = "UPDATE orders SET updated_at = $1 WHERE id = $2";

/// Locks an order's row for the rest of the transaction (PostgreSQL waits
/// for another upload of the same order to end; SQLite has one writer).
pub async fn lock(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
    now: i64,
) -> AppResult<bool> {
    let done = sqlx::query(LOCK)
        .bind(now)
        .bind(order_id)
        .execute(ex)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub(crate) const CLEAR: &str = "DELETE FROM order_transfers WHERE order_id = $1";

/// Removes an order's transfer numbers (before an upload's rows replace
/// them, in its transaction).
pub async fn clear(ex: impl Executor<'_, Database = Any>, order_id: Id) -> AppResult<()> {
    sqlx::query(CLEAR).bind(order_id).execute(ex).await?;
    Ok(())
}

pub(crate) const INSERT: &str = "INSERT INTO order_transfers (id, order_id, carton_from, \
     carton_to, carrier, number, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

/// Adds a transfer number; conflict on `rows` when another order took the
/// number meanwhile.
pub async fn insert(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
    t: &Transfer,
) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(t.id)
        .bind(order_id)
        .bind(t.carton_from as i64)
        .bind(t.carton_to as i64)
        .bind(t.carrier.as_str())
        .bind(&t.number)
        .bind(&t.uploaded_by)
        .bind(t.created_at.0)
        .execute(ex)
        .await
        .map_err(AppError::from)
        .map_err(on_unique("number", "rows", ErrorKey::TransferNumberTaken))?;
    Ok(())
}

pub(crate) const ASSIGN: &str = "UPDATE orders SET provider_id = $1, updated_at = $2 WHERE id = $3";

/// Assigns an order to a provider (none: unassigned).
pub async fn assign(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
    provider: Option<Id>,
    now: i64,
) -> AppResult<bool> {
    let done = sqlx::query(ASSIGN)
        .bind(provider)
        .bind(now)
        .bind(order_id)
        .execute(ex)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub(crate) const ASSIGNED: &str = "SELECT o.number, o.order_number, o.detail, o.measured \
     FROM orders o WHERE o.provider_id = $1 AND o.status NOT IN ('booked', 'rejected', \
     'cancelled', 'delivered') ORDER BY o.created_at DESC, o.id DESC LIMIT $2";

/// A provider's open orders (for the template): order number and cartons.
pub async fn assigned(
    ex: impl Executor<'_, Database = Any>,
    provider: Id,
    limit: i64,
) -> AppResult<Vec<(String, u32)>> {
    let rows = sqlx::query(ASSIGNED)
        .bind(provider)
        .bind(limit)
        .fetch_all(ex)
        .await?;
    rows.iter()
        .map(|r| {
            let cartons = cartons_of(r)?;
            let number: Option<String> = r.try_get("order_number")?;
            Ok((number.unwrap_or(r.try_get("number")?), cartons))
        })
        .collect()
}
