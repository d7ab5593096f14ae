//! SQL of webhooks and their deliveries.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use super::model::*;
use crate::db::Db;
use crate::error::AppResult;
use crate::types::{Id, Page, PageQuery, Timestamp};

const INSERT: &str =
    "INSERT INTO webhooks (id, url, events, secret, active, created_by, created_at, envelope) \
         VALUES ($1, $2, $3, $4, 1, $5, $6, $7)";

pub async fn insert(
    ex: impl Executor<'_, Database = Any>,
    w: &Webhook,
    secret: &str,
    by: Id,
) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(w.id)
        .bind(&w.url)
        .bind(w.events.join(","))
        .bind(secret)
        .bind(by)
        .bind(w.created_at.0)
        .bind(w.envelope.as_str())
        .execute(ex)
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
            envelope: WebhookEnvelope::parse(&r.try_get::<String, _>("envelope")?)
                .map_err(|e| sqlx::Error::Decode(e.to_string().into()))?,
        },
        r.try_get("secret")?,
    ))
}

const WEBHOOK_COLS: &str =
    "SELECT id, url, events, secret, active, created_at, envelope FROM webhooks";

const ALL_WEBHOOKS: &str = formatcp!("{WEBHOOK_COLS} ORDER BY created_at DESC, id DESC");
const ACTIVE_WEBHOOKS: &str = formatcp!("{WEBHOOK_COLS} WHERE active = 1 ORDER BY id");

async fn webhooks_of(
    ex: impl Executor<'_, Database = Any>,
    sql: &'static str,
) -> AppResult<Vec<(Webhook, String)>> {
    let rows = sqlx::query(sql).fetch_all(ex).await?;
    Ok(rows
        .iter()
        .map(webhook_from_row)
        .collect::<Result<_, _>>()?)
}

/// Every webhook with its secret, newest first.
pub async fn all(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<(Webhook, String)>> {
    webhooks_of(ex, ALL_WEBHOOKS).await
}

/// The active webhooks (with their secrets).
pub async fn active(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<(Webhook, String)>> {
    webhooks_of(ex, ACTIVE_WEBHOOKS).await
}

const SET_SECRET: &str = "UPDATE webhooks SET secret = $1 WHERE id = $2 \
         RETURNING id, url, events, secret, active, created_at, envelope";

/// Replaces a webhook's secret; the webhook, or None if there is no such webhook.
pub async fn set_secret(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    secret: &str,
) -> AppResult<Option<Webhook>> {
    let row = sqlx::query(SET_SECRET)
        .bind(secret)
        .bind(id)
        .fetch_optional(ex)
        .await?;
    Ok(row
        .as_ref()
        .map(webhook_from_row)
        .transpose()?
        .map(|(w, _)| w))
}

const SET_EVENTS: &str = "UPDATE webhooks SET events = $1 WHERE id = $2 \
         RETURNING id, url, events, secret, active, created_at, envelope";

/// Replaces the events a webhook is subscribed to; the webhook, or None if
/// there is no such webhook.
pub async fn set_events(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    events: &[String],
) -> AppResult<Option<Webhook>> {
    let row = sqlx::query(SET_EVENTS)
        .bind(events.join(","))
        .bind(id)
        .fetch_optional(ex)
        .await?;
    Ok(row
        .as_ref()
        .map(webhook_from_row)
        .transpose()?
        .map(|(w, _)| w))
}

const SET_ACTIVE: &str = "UPDATE webhooks SET active = $1 WHERE id = $2";

pub async fn set_active(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    active: bool,
) -> AppResult<bool> {
    let r = sqlx::query(SET_ACTIVE)
        .bind(i32::from(active))
        .bind(id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const ENQUEUE: &str =
    "INSERT INTO webhook_deliveries (id, webhook_id, event_id, event, payload, status, attempts, \
         next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6) \
         ON CONFLICT (webhook_id, event_id) DO NOTHING";

/// Adds a delivery unless this webhook already has the event; true if added.
pub async fn enqueue(ex: impl Executor<'_, Database = Any>, d: &Delivery) -> AppResult<bool> {
    let r = sqlx::query(ENQUEUE)
        .bind(d.id)
        .bind(d.webhook_id)
        .bind(&d.event_id)
        .bind(&d.event)
        .bind(&d.payload)
        .bind(d.created_at.0)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
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

const CLAIM_DUE: &str = formatcp!("UPDATE webhook_deliveries SET leased_until = $1 \
         WHERE id IN ( \
             SELECT id FROM ( \
                 SELECT d.id, d.next_attempt_at, \
                        ROW_NUMBER() OVER (PARTITION BY d.webhook_id ORDER BY d.next_attempt_at, d.id) AS pos, \
                        (SELECT COUNT(*) FROM webhook_deliveries f WHERE f.webhook_id = d.webhook_id \
                           AND f.status = 'pending' AND f.leased_until > $2) AS busy \
                 FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id \
                 WHERE d.status = 'pending' AND d.next_attempt_at <= $2 \
                   AND (d.leased_until IS NULL OR d.leased_until <= $2) AND w.active = 1 \
             ) due WHERE pos + busy <= $3 ORDER BY next_attempt_at, id LIMIT $4 \
         ) \
         AND status = 'pending' AND next_attempt_at <= $2 \
         AND (leased_until IS NULL OR leased_until <= $2) \
         RETURNING {DELIVERY_COLS}");

/// Takes up to `limit` due deliveries of active webhooks for an attempt,
/// oldest first, leasing them until `lease_until`; a webhook gets at most
/// `per_hook` attempts in flight (those already leased count). One
/// statement: the lease is set only where none holds, so a delivery goes to
/// one claimer however many run.
pub async fn claim_due(
    ex: impl Executor<'_, Database = Any>,
    now: i64,
    lease_until: i64,
    per_hook: i64,
    limit: i64,
) -> AppResult<Vec<Delivery>> {
    let rows = sqlx::query(CLAIM_DUE)
        .bind(lease_until)
        .bind(now)
        .bind(per_hook)
        .bind(limit)
        .fetch_all(ex)
        .await?;
    let mut due = rows
        .iter()
        .map(delivery_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    due.sort_by_key(|d| (d.next_attempt_at.0, d.id));
    Ok(due)
}

const RELEASE: &str = "UPDATE webhook_deliveries SET leased_until = NULL WHERE id = $1";

/// Gives a leased delivery back untried (its webhook was paused meanwhile).
pub async fn release(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<()> {
    sqlx::query(RELEASE).bind(id).execute(ex).await?;
    Ok(())
}

const RECORD_ATTEMPT: &str =
    "UPDATE webhook_deliveries SET status = $1, attempts = attempts + 1, next_attempt_at = $2, \
         last_status_code = $3, last_error = $4, leased_until = NULL, \
         delivered_at = CASE WHEN $1 = 'delivered' THEN $5 ELSE delivered_at END WHERE id = $6";

/// Records an attempt's outcome.
pub async fn record_attempt(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    status: DeliveryStatus,
    next_attempt_at: i64,
    code: Option<i64>,
    error: Option<&str>,
    now: i64,
) -> AppResult<()> {
    sqlx::query(RECORD_ATTEMPT)
        .bind(status.as_str())
        .bind(next_attempt_at)
        .bind(code)
        .bind(error)
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(())
}

const DELIVERIES: &str = "SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = $1";
const DELIVERIES_2: &str = formatcp!(
    "SELECT {DELIVERY_COLS} FROM webhook_deliveries WHERE webhook_id = $1 \
         ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
);

pub async fn deliveries(db: &Db, webhook_id: Id, page: PageQuery) -> AppResult<Page<Delivery>> {
    let total: i64 = sqlx::query_scalar(DELIVERIES)
        .bind(webhook_id)
        .fetch_one(db)
        .await?;
    let rows = sqlx::query(DELIVERIES_2)
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

const PRUNE: &str = "DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < $1";

/// Deletes delivered and failed deliveries created before `before`.
pub async fn prune(ex: impl Executor<'_, Database = Any>, before: i64) -> AppResult<u64> {
    Ok(sqlx::query(PRUNE)
        .bind(before)
        .execute(ex)
        .await?
        .rows_affected())
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert", INSERT),
    ("all_webhooks", ALL_WEBHOOKS),
    ("active_webhooks", ACTIVE_WEBHOOKS),
    ("set_secret", SET_SECRET),
    ("set_events", SET_EVENTS),
    ("set_active", SET_ACTIVE),
    ("enqueue", ENQUEUE),
    ("claim_due", CLAIM_DUE),
    ("release", RELEASE),
    ("record_attempt", RECORD_ATTEMPT),
    ("deliveries", DELIVERIES),
    ("deliveries_2", DELIVERIES_2),
    ("prune", PRUNE),
];
