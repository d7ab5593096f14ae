//! Delivery tracking numbers (送仓单号): a number belongs to one order (the
//! column is unique), and each change names the order it is on.

use sqlx::{Any, Executor, Row};

use crate::db::on_unique;
use crate::error::AppResult;
use crate::orders::model::Parcel;
use crate::tracking::TrackStatus;
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

pub(crate) const TAKE: &str =
    "UPDATE orders SET parcels = parcels + 1 WHERE id = $1 AND parcels < $2";
pub(crate) const GIVE_BACK: &str =
    "UPDATE orders SET parcels = parcels - 1 WHERE id = $1 AND parcels > 0";

/// Takes a place among the order's `cap` numbers; false at the cap. The
/// check and the write are this one statement.
pub async fn take(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
    cap: i64,
) -> AppResult<bool> {
    let done = sqlx::query(TAKE)
        .bind(order_id)
        .bind(cap)
        .execute(ex)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn give_back(ex: impl Executor<'_, Database = Any>, order_id: Id) -> AppResult<()> {
    sqlx::query(GIVE_BACK).bind(order_id).execute(ex).await?;
    Ok(())
}

pub(crate) const INSERT: &str = "INSERT INTO order_parcels (id, order_id, number, carrier, \
     cartons, added_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)";

/// Adds a number (after [`take`], in its transaction). Conflict on
/// `number` when any order has it already.
pub async fn insert(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
    p: &Parcel,
) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(p.id)
        .bind(order_id)
        .bind(&p.number)
        .bind(&p.carrier)
        .bind(&p.cartons)
        .bind(&p.added_by)
        .bind(p.created_at.0)
        .execute(ex)
        .await
        .map_err(crate::error::AppError::from)
        .map_err(on_unique("number", "number", ErrorKey::ParcelNumberTaken))?;
    Ok(())
}

pub(crate) const UPDATE: &str =
    "UPDATE order_parcels SET number = $1, carrier = $2, cartons = $3, \
     updated_at = $4 WHERE id = $5 AND order_id = $6";

/// Changes a number of this order; false when it has no such number.
pub async fn update(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
    p: &Parcel,
    now: i64,
) -> AppResult<bool> {
    let done = sqlx::query(UPDATE)
        .bind(&p.number)
        .bind(&p.carrier)
        .bind(&p.cartons)
        .bind(now)
        .bind(p.id)
        .bind(order_id)
        .execute(ex)
        .await
        .map_err(crate::error::AppError::from)
        .map_err(on_unique("number", "number", ErrorKey::ParcelNumberTaken))?;
    Ok(done.rows_affected() == 1)
}

pub(crate) const DELETE: &str = "DELETE FROM order_parcels WHERE id = $1 AND order_id = $2";

pub async fn delete(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
    id: Id,
) -> AppResult<bool> {
    let done = sqlx::query(DELETE)
        .bind(id)
        .bind(order_id)
        .execute(ex)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub(crate) const OF_ORDER: &str = "SELECT p.id, p.number, p.carrier, p.cartons, p.added_by, \
     p.created_at, t.status AS track_status, t.last_event_at FROM order_parcels p \
     LEFT JOIN tracking_numbers t ON t.carrier = p.carrier AND t.number = p.number \
     WHERE p.order_id = $1 ORDER BY p.created_at, p.id";

pub async fn of_order(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
) -> AppResult<Vec<Parcel>> {
    let rows = sqlx::query(OF_ORDER).bind(order_id).fetch_all(ex).await?;
    rows.iter()
        .map(|r| {
            Ok(Parcel {
                id: r.try_get("id")?,
                number: r.try_get("number")?,
                carrier: r.try_get("carrier")?,
                cartons: r.try_get("cartons")?,
                added_by: r.try_get("added_by")?,
                created_at: Timestamp(r.try_get("created_at")?),
                track_status: r
                    .try_get::<Option<String>, _>("track_status")?
                    .and_then(|s| TrackStatus::parse(&s).ok()),
                track_at: r.try_get::<Option<i64>, _>("last_event_at")?.map(Timestamp),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

pub(crate) const BY_NUMBER: &str = "SELECT p.id, p.order_id, o.number AS order_number, \
     o.company_id, 'parcel' AS kind FROM order_parcels p JOIN orders o ON o.id = p.order_id \
     WHERE p.number = $1 \
     UNION ALL SELECT x.id, x.order_id, o.number AS order_number, o.company_id, \
     'transfer' AS kind FROM order_transfers x JOIN orders o ON o.id = x.order_id \
     WHERE x.number = $1";

/// The order a tracking number is on: as a delivery tracking number
/// (送仓单号) or a transfer number (转单号). A number is on one order at
/// most in each; a number in both is taken as the delivery one.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OnOrder {
    /// The parcel's or the transfer's id.
    pub id: Id,
    pub order_id: Id,
    pub order_number: String,
    pub company_id: Id,
    /// `parcel` or `transfer`.
    pub kind: String,
}

pub async fn by_number(
    ex: impl Executor<'_, Database = Any>,
    number: &str,
) -> AppResult<Option<OnOrder>> {
    let mut found: Vec<OnOrder> = sqlx::query_as(BY_NUMBER).bind(number).fetch_all(ex).await?;
    found.sort_by_key(|o| o.kind != "parcel");
    Ok(found.into_iter().next())
}
