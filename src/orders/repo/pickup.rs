//! Pickups, their windows' daily counts and the cancel reasons.

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use crate::error::AppResult;
use crate::orders::pickup::{CancelReason, Pickup, PickupStatus, Vehicle};
use crate::pricing::Date;
use crate::types::{Id, Timestamp};

pub(crate) const OPEN_DAY: &str =
    "INSERT INTO pickup_slot_days (slot_id, day, booked, created_at) \
     VALUES ($1, $2, 0, $3) ON CONFLICT (slot_id, day) DO NOTHING";
/// Takes one place of a window's day while the window has room: the check
/// and the write are this one statement.
pub(crate) const TAKE: &str = "UPDATE pickup_slot_days SET booked = booked + 1 \
     WHERE slot_id = $1 AND day = $2 \
       AND booked < (SELECT capacity FROM pickup_slots WHERE id = $1 AND enabled = 1)";
pub(crate) const GIVE_BACK: &str =
    "UPDATE pickup_slot_days SET booked = booked - 1 WHERE slot_id = $1 AND day = $2 AND booked > 0";

/// Takes a place in `slot` on `day`; false when it is full (or disabled).
pub async fn take(
    conn: &mut sqlx::AnyConnection,
    slot: Id,
    day: Date,
    now: i64,
) -> AppResult<bool> {
    let day = day.to_string();
    sqlx::query(OPEN_DAY)
        .bind(slot)
        .bind(&day)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    let done = sqlx::query(TAKE)
        .bind(slot)
        .bind(&day)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn give_back(
    ex: impl Executor<'_, Database = Any>,
    slot: Id,
    day: Date,
) -> AppResult<()> {
    sqlx::query(GIVE_BACK)
        .bind(slot)
        .bind(day.to_string())
        .execute(ex)
        .await?;
    Ok(())
}

pub(crate) const BOOKED_FROM: &str = "SELECT d.slot_id, d.day, d.booked FROM pickup_slot_days d \
     JOIN pickup_slots s ON s.id = d.slot_id WHERE s.city = $1 AND d.day >= $2";

/// Places taken per (slot, day) of `city` from `from` on.
pub async fn booked_from(
    ex: impl Executor<'_, Database = Any>,
    city: &str,
    from: Date,
) -> AppResult<std::collections::HashMap<(Id, Date), u32>> {
    let rows = sqlx::query(BOOKED_FROM)
        .bind(city)
        .bind(from.to_string())
        .fetch_all(ex)
        .await?;
    let mut out = std::collections::HashMap::new();
    for r in rows {
        let day: String = r.try_get("day")?;
        out.insert(
            (r.try_get("slot_id")?, Date::parse("day", &day)?),
            r.try_get::<i64, _>("booked")?.max(0) as u32,
        );
    }
    Ok(out)
}

pub struct NewPickup<'a> {
    pub id: Id,
    pub order_id: Id,
    pub slot_id: Id,
    pub day: Date,
    pub start: &'a str,
    pub end: &'a str,
    pub city: &'a str,
    pub address: &'a str,
    pub contact: &'a str,
    pub phone: &'a str,
    pub vehicle: Vehicle,
    pub pieces: i64,
    pub weight_g: i64,
    pub created_by: &'a str,
    pub now: i64,
}

pub(crate) const INSERT: &str = "INSERT INTO pickups (id, order_id, slot_id, day, start_time, \
     end_time, city, address, contact, phone, vehicle, pieces, weight_g, status, created_by, \
     created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, \
     'scheduled', $14, $15, $15)";

pub async fn insert(ex: impl Executor<'_, Database = Any>, p: &NewPickup<'_>) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(p.id)
        .bind(p.order_id)
        .bind(p.slot_id)
        .bind(p.day.to_string())
        .bind(p.start)
        .bind(p.end)
        .bind(p.city)
        .bind(p.address)
        .bind(p.contact)
        .bind(p.phone)
        .bind(p.vehicle.as_str())
        .bind(p.pieces)
        .bind(p.weight_g)
        .bind(p.created_by)
        .bind(p.now)
        .execute(ex)
        .await?;
    Ok(())
}

pub(crate) const CANCEL: &str = "UPDATE pickups SET status = 'cancelled', cancel_reason = $1, \
     updated_at = $2 WHERE id = $3 AND status = 'scheduled' RETURNING slot_id, day";

/// Cancels a scheduled pickup; its window and day, or None when it was not
/// scheduled (any more).
pub async fn cancel(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    reason: &str,
    now: i64,
) -> AppResult<Option<(Id, Date)>> {
    let row = sqlx::query(CANCEL)
        .bind(reason)
        .bind(now)
        .bind(id)
        .fetch_optional(ex)
        .await?;
    row.map(|r| {
        let day: String = r.try_get("day")?;
        Ok((r.try_get("slot_id")?, Date::parse("day", &day)?))
    })
    .transpose()
}

const SELECT: &str = "SELECT p.id, p.order_id, COALESCE(o.order_number, o.number) AS order_number, \
     c.name AS company_name, p.day, p.start_time, p.end_time, p.city, p.address, p.contact, \
     p.phone, p.vehicle, p.pieces, p.weight_g, p.status, p.cancel_reason, p.created_by, p.created_at, \
     o.company_id FROM pickups p JOIN orders o ON o.id = p.order_id JOIN companies c ON c.id = o.company_id";

pub(crate) const BY_ID: &str = const_format::formatcp!("{SELECT} WHERE p.id = $1");
pub(crate) const OF_ORDER: &str =
    const_format::formatcp!("{SELECT} WHERE p.order_id = $1 AND p.status = 'scheduled'");
pub(crate) const LIST: &str = const_format::formatcp!(
    "{SELECT} WHERE ($1 = 0 OR o.company_id = $1) AND ($2 = '' OR p.day = $2) \
     AND ($3 = '' OR p.status = $3) ORDER BY p.day, p.start_time, p.id LIMIT $4 OFFSET $5"
);
pub(crate) const COUNT: &str = "SELECT COUNT(*) FROM pickups p JOIN orders o ON o.id = p.order_id \
     WHERE ($1 = 0 OR o.company_id = $1) AND ($2 = '' OR p.day = $2) AND ($3 = '' OR p.status = $3)";

/// A pickup and the company of its order.
pub async fn by_id(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
) -> AppResult<Option<(Pickup, Id)>> {
    let row = sqlx::query(BY_ID).bind(id).fetch_optional(ex).await?;
    row.map(|r| Ok((from_row(&r)?, r.try_get("company_id")?)))
        .transpose()
}

pub async fn of_order(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
) -> AppResult<Option<Pickup>> {
    let row = sqlx::query(OF_ORDER)
        .bind(order_id)
        .fetch_optional(ex)
        .await?;
    row.map(|r| from_row(&r)).transpose()
}

/// A page of pickups (of `company`, 0: all) by day and window; and the count.
pub async fn list(
    db: &crate::db::Db,
    company: Id,
    day: &str,
    status: &str,
    limit: i64,
    offset: i64,
) -> AppResult<(Vec<Pickup>, i64)> {
    let rows = sqlx::query(LIST)
        .bind(company)
        .bind(day)
        .bind(status)
        .bind(limit)
        .bind(offset)
        .fetch_all(db)
        .await?;
    let total: i64 = sqlx::query_scalar(COUNT)
        .bind(company)
        .bind(day)
        .bind(status)
        .fetch_one(db)
        .await?;
    Ok((rows.iter().map(from_row).collect::<AppResult<_>>()?, total))
}

fn from_row(r: &AnyRow) -> AppResult<Pickup> {
    let day: String = r.try_get("day")?;
    Ok(Pickup {
        id: r.try_get("id")?,
        order_id: r.try_get("order_id")?,
        order_number: r.try_get("order_number")?,
        company_name: r.try_get("company_name")?,
        date: Date::parse("day", &day)?,
        start: r.try_get("start_time")?,
        end: r.try_get("end_time")?,
        city: r.try_get("city")?,
        address: r.try_get("address")?,
        contact: r.try_get("contact")?,
        phone: r.try_get("phone")?,
        vehicle: Vehicle::parse(&r.try_get::<String, _>("vehicle")?)?,
        pieces: r.try_get("pieces")?,
        weight_kg: r.try_get::<i64, _>("weight_g")? as f64 / 1000.0,
        status: PickupStatus::parse(&r.try_get::<String, _>("status")?)?,
        cancel_reason: r.try_get("cancel_reason")?,
        created_by: r.try_get("created_by")?,
        created_at: Timestamp(r.try_get("created_at")?),
    })
}

pub(crate) const REASONS: &str =
    "SELECT id, text_zh, text_en FROM pickup_cancel_reasons ORDER BY created_at, id";
pub(crate) const INSERT_REASON: &str =
    "INSERT INTO pickup_cancel_reasons (id, text_zh, text_en, created_at) VALUES ($1, $2, $3, $4)";
pub(crate) const REASON_BY_ID: &str =
    "SELECT id, text_zh, text_en FROM pickup_cancel_reasons WHERE id = $1";

fn reason(r: &AnyRow) -> Result<CancelReason, sqlx::Error> {
    Ok(CancelReason {
        id: r.try_get("id")?,
        text_zh: r.try_get("text_zh")?,
        text_en: r.try_get("text_en")?,
    })
}

pub async fn reasons(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<CancelReason>> {
    let rows = sqlx::query(REASONS).fetch_all(ex).await?;
    Ok(rows.iter().map(reason).collect::<Result<_, _>>()?)
}

pub async fn reason_by_id(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
) -> AppResult<Option<CancelReason>> {
    let row = sqlx::query(REASON_BY_ID)
        .bind(id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(reason).transpose()?)
}

pub async fn insert_reason(
    ex: impl Executor<'_, Database = Any>,
    r: &CancelReason,
    now: i64,
) -> AppResult<()> {
    sqlx::query(INSERT_REASON)
        .bind(r.id)
        .bind(&r.text_zh)
        .bind(&r.text_en)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}
