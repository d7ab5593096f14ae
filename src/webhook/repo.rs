//! SQL of webhooks and their deliveries.

use sqlx::any::AnyRow;
use sqlx::Row;

use super::model::*;
use crate::db::Db;
use crate::error::AppResult;
use crate::types::{Id, Page, PageQuery, Timestamp};

pub async fn insert(db: &Db, w: &Webhook, secret: &str, by: Id) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO webhooks (id, url, events, secret, active, created_by, created_at) \
         VALUES ($1, $2, $3, $4, 1, $5, $6)",
    )
    .bind(w.id)
    .bind(&w.url)
    .bind(w.events.join(","))
    .bind(secret)
    .bind(by)
    .bind(w.created_at.0)
    .execute(db)
    .await?;
    Ok(())
}

fn webhook_from_row(r: &AnyRow) -> Result<(Webhook, String), sqlx::Error> {
    let events: String = r.try_get("events")?;
    Ok((
        Webhook {
            id: r.try_get("id")?,
            url: r.try_get("url")?,
            events: events.split(',').map(str::to_owned).collect(),
            active: r.try_get::<i32, _>("active")? != 0,
            created_at: Timestamp(r.try_get("created_at")?),
        },
        r.try_get("secret")?,
    ))
}

/// Every webhook with its secret, newest first.
pub async fn all(db: &Db) -> AppResult<Vec<(Webhook, String)>> {
    let rows = sqlx::query(
        "SELECT id, url, events, secret, active, created_at FROM webhooks ORDER BY created_at DESC, id DESC",
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .iter()
        .map(webhook_from_row)
        .collect::<Result<_, _>>()?)
}

pub async fn set_active(db: &Db, id: Id, active: bool) -> AppResult<bool> {
    let r = sqlx::query("UPDATE webhooks SET active = $1 WHERE id = $2")
        .bind(i32::from(active))
        .bind(id)
        .execute(db)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Adds a delivery unless this webhook already has the event.
pub async fn enqueue(db: &Db, d: &Delivery) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO webhook_deliveries (id, webhook_id, event_id, event, payload, status, attempts, \
         next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6) \
         ON CONFLICT (webhook_id, event_id) DO NOTHING",
    )
    .bind(d.id)
    .bind(d.webhook_id)
    .bind(&d.event_id)
    .bind(&d.event)
    .bind(&d.payload)
    .bind(d.created_at.0)
    .execute(db)
    .await?;
    Ok(())
}

const DELIVERY_COLS: &str = "id, webhook_id, event_id, event, payload, status, attempts, \
     next_attempt_at, last_status_code, last_error, created_at, delivered_at";

fn delivery_from_row(r: &AnyRow) -> Result<Delivery, sqlx::Error> {
    Ok(Delivery {
        id: r.try_get("id")?,
        webhook_id: r.try_get("webhook_id")?,
        event_id: r.try_get("event_id")?,
        event: r.try_get("event")?,
        payload: r.try_get("payload")?,
        status: DeliveryStatus::parse(&r.try_get::<String, _>("status")?)
            .map_err(|e| sqlx::Error::Decode(e.to_string().into()))?,
        attempts: r.try_get("attempts")?,
        next_attempt_at: Timestamp(r.try_get("next_attempt_at")?),
        last_status_code: r.try_get("last_status_code")?,
        last_error: r.try_get("last_error")?,
        created_at: Timestamp(r.try_get("created_at")?),
        delivered_at: r.try_get::<Option<i64>, _>("delivered_at")?.map(Timestamp),
    })
}

/// Pending deliveries due now, oldest first.
pub async fn due(db: &Db, now: i64, limit: i64) -> AppResult<Vec<Delivery>> {
    let rows = sqlx::query(&format!(
        "SELECT {DELIVERY_COLS} FROM webhook_deliveries WHERE status = 'pending' \
         AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2"
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows
        .iter()
        .map(delivery_from_row)
        .collect::<Result<_, _>>()?)
}

/// Takes a due delivery for an attempt (pushing its time out as a lease),
/// unless another instance took it first.
pub async fn claim(db: &Db, id: Id, due_at: i64, lease_until: i64) -> AppResult<bool> {
    let r = sqlx::query(
        "UPDATE webhook_deliveries SET next_attempt_at = $1 \
         WHERE id = $2 AND status = 'pending' AND next_attempt_at = $3",
    )
    .bind(lease_until)
    .bind(id)
    .bind(due_at)
    .execute(db)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Records an attempt's outcome.
pub async fn record_attempt(
    db: &Db,
    id: Id,
    status: DeliveryStatus,
    next_attempt_at: i64,
    code: Option<i64>,
    error: Option<&str>,
    now: i64,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE webhook_deliveries SET status = $1, attempts = attempts + 1, next_attempt_at = $2, \
         last_status_code = $3, last_error = $4, \
         delivered_at = CASE WHEN $1 = 'delivered' THEN $5 ELSE delivered_at END WHERE id = $6",
    )
    .bind(status.as_str())
    .bind(next_attempt_at)
    .bind(code)
    .bind(error)
    .bind(now)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn deliveries(db: &Db, webhook_id: Id, page: PageQuery) -> AppResult<Page<Delivery>> {
    let total: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = $1")
            .bind(webhook_id)
            .fetch_one(db)
            .await?;
    let rows = sqlx::query(&format!(
        "SELECT {DELIVERY_COLS} FROM webhook_deliveries WHERE webhook_id = $1 \
         ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
    ))
    .bind(webhook_id)
    .bind(page.limit())
    .bind(page.offset())
    .fetch_all(db)
    .await?;
    let items = rows
        .iter()
        .map(delivery_from_row)
        .collect::<Result<_, _>>()?;
    Ok(Page::new(items, total, page))
}
