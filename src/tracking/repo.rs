//! Tracking SQL: followed numbers with their last state, and their events.

use const_format::concatcp;
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Executor, Row};

use super::model::{Carrier, TrackEvent, TrackStatus, TrackSummary, TrackingNumber};
use crate::db::new_id;
use crate::error::AppResult;
use crate::types::Timestamp;

pub const STATEMENTS: &[(&str, &str)] = &[
    ("TOUCH", TOUCH),
    ("INSERT_EVENT", INSERT_EVENT),
    ("SET_STATE", SET_STATE),
    ("MARK_SUBSCRIBED", MARK_SUBSCRIBED),
    ("MARK_SUBSCRIBE_TRIED", MARK_SUBSCRIBE_TRIED),
    ("EVENTS", EVENTS),
    ("SUMMARY", SUMMARY),
];

const TOUCH: &str = "INSERT INTO tracking_numbers (carrier, number, push_status, created_at, \
     updated_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (carrier, number) DO UPDATE SET \
     push_status = COALESCE(excluded.push_status, tracking_numbers.push_status), \
     updated_at = excluded.updated_at";

/// Makes sure the number is followed, with the provider's word on its
/// subscription if it gives one.
pub async fn touch(
    ex: impl Executor<'_, Database = Any>,
    carrier: Carrier,
    number: &TrackingNumber,
    push_status: Option<&str>,
    now: i64,
) -> AppResult<()> {
    sqlx::query(TOUCH)
        .bind(carrier.as_str())
        .bind(number.as_str())
        .bind(push_status)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

const EVENT_COLUMNS: usize = 12;
const INSERT_EVENT_HEAD: &str = "INSERT INTO tracking_events (id, carrier, number, event_key, \
     occurred_at, raw_time, status, raw_status, context, place, source, created_at) VALUES ";
const INSERT_EVENT_TAIL: &str = " ON CONFLICT (carrier, number, event_key) DO NOTHING";
/// One row; [`insert_events`] repeats its VALUES for each event.
const INSERT_EVENT: &str = concatcp!(
    INSERT_EVENT_HEAD,
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    INSERT_EVENT_TAIL
);

/// Events in one INSERT at most (SQLite allows 32,766 parameters).
const EVENTS_PER_INSERT: usize = 200;

/// What makes an event the same one again: its time and its text.
pub fn event_key(e: &TrackEvent) -> String {
    let mut h = Sha256::new();
    h.update(e.time.0.to_be_bytes());
    h.update(e.context.as_bytes());
    hex::encode(&h.finalize()[..16])
}

/// [`INSERT_EVENT`] with `rows` rows of VALUES.
fn insert_events_sql(rows: usize) -> String {
    let mut sql = String::with_capacity(INSERT_EVENT_HEAD.len() + rows * 64);
    sql.push_str(INSERT_EVENT_HEAD);
    for i in 0..rows {
        sql.push_str(if i == 0 { "(" } else { ", (" });
        for c in 1..=EVENT_COLUMNS {
            if c > 1 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&(i * EVENT_COLUMNS + c).to_string());
        }
        sql.push(')');
    }
    sql.push_str(INSERT_EVENT_TAIL);
    sql
}

/// Stores the events not stored yet (by [`event_key`]); answers how many
/// were new.
pub async fn insert_events(
    conn: &mut AnyConnection,
    carrier: Carrier,
    number: &TrackingNumber,
    events: &[&TrackEvent],
    source: &str,
    now: i64,
) -> AppResult<u64> {
    let mut inserted = 0;
    for chunk in events.chunks(EVENTS_PER_INSERT) {
        let sql = insert_events_sql(chunk.len());
        let mut q = sqlx::query(&sql);
        for e in chunk {
            q = q
                .bind(new_id())
                .bind(carrier.as_str())
                .bind(number.as_str())
                .bind(event_key(e))
                .bind(e.time.0)
                .bind(&e.raw_time)
                .bind(e.status.as_str())
                .bind(&e.raw_status)
                .bind(&e.context)
                .bind(e.place.as_deref())
                .bind(source)
                .bind(now);
        }
        inserted += q.execute(&mut *conn).await?.rows_affected();
    }
    Ok(inserted)
}

const SET_STATE: &str = "UPDATE tracking_numbers SET status = $3, raw_state = $4, \
     last_event_at = $5, updated_at = $6 WHERE carrier = $1 AND number = $2 \
     AND (last_event_at IS NULL OR last_event_at <= $5)";

/// Records the state as of the event at `event_at`, unless a newer event
/// is stored already (one statement: a late push never wins).
pub async fn set_state(
    ex: impl Executor<'_, Database = Any>,
    carrier: Carrier,
    number: &TrackingNumber,
    status: TrackStatus,
    raw_state: &str,
    event_at: i64,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(SET_STATE)
        .bind(carrier.as_str())
        .bind(number.as_str())
        .bind(status.as_str())
        .bind(raw_state)
        .bind(event_at)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const MARK_SUBSCRIBED: &str = "INSERT INTO tracking_numbers (carrier, number, subscribed_at, \
     created_at, updated_at) VALUES ($1, $2, $3, $3, $3) ON CONFLICT (carrier, number) \
     DO UPDATE SET subscribed_at = excluded.subscribed_at, updated_at = excluded.updated_at";

pub async fn mark_subscribed(
    ex: impl Executor<'_, Database = Any>,
    carrier: Carrier,
    number: &TrackingNumber,
    now: i64,
) -> AppResult<()> {
    sqlx::query(MARK_SUBSCRIBED)
        .bind(carrier.as_str())
        .bind(number.as_str())
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

const MARK_SUBSCRIBE_TRIED: &str = "INSERT INTO tracking_numbers (carrier, number, \
     subscribe_tried_at, created_at, updated_at) VALUES ($1, $2, $3, $3, $3) \
     ON CONFLICT (carrier, number) DO UPDATE SET \
     subscribe_tried_at = excluded.subscribe_tried_at";

/// Records that the provider refused to follow the number at `now` (it is
/// asked again later).
pub async fn mark_subscribe_tried(
    ex: impl Executor<'_, Database = Any>,
    carrier: Carrier,
    number: &TrackingNumber,
    now: i64,
) -> AppResult<()> {
    sqlx::query(MARK_SUBSCRIBE_TRIED)
        .bind(carrier.as_str())
        .bind(number.as_str())
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

const EVENTS: &str = "SELECT occurred_at, raw_time, status, raw_status, context, place \
     FROM tracking_events WHERE carrier = $1 AND number = $2 \
     ORDER BY occurred_at DESC, id DESC";

/// A number's stored events, newest first.
pub async fn events(
    ex: impl Executor<'_, Database = Any>,
    carrier: Carrier,
    number: &TrackingNumber,
) -> AppResult<Vec<TrackEvent>> {
    let rows = sqlx::query(EVENTS)
        .bind(carrier.as_str())
        .bind(number.as_str())
        .fetch_all(ex)
        .await?;
    rows.iter().map(event_of).collect()
}

fn event_of(r: &AnyRow) -> AppResult<TrackEvent> {
    Ok(TrackEvent {
        status: TrackStatus::parse(&r.try_get::<String, _>("status")?)?,
        raw_status: r.try_get("raw_status")?,
        context: r.try_get("context")?,
        place: r.try_get("place")?,
        time: Timestamp(r.try_get("occurred_at")?),
        raw_time: r.try_get("raw_time")?,
    })
}

const SUMMARY: &str = "SELECT status, raw_state, last_event_at, subscribed_at, push_status, \
     updated_at FROM tracking_numbers WHERE carrier = $1 AND number = $2";

/// A number's last state and how it is followed; none if never seen.
pub async fn summary(
    ex: impl Executor<'_, Database = Any>,
    carrier: Carrier,
    number: &TrackingNumber,
) -> AppResult<Option<TrackSummary>> {
    let row = sqlx::query(SUMMARY)
        .bind(carrier.as_str())
        .bind(number.as_str())
        .fetch_optional(ex)
        .await?;
    let Some(r) = row else { return Ok(None) };
    let status: Option<String> = r.try_get("status")?;
    Ok(Some(TrackSummary {
        carrier,
        number: number.clone(),
        status: status.as_deref().map(TrackStatus::parse).transpose()?,
        raw_state: r.try_get("raw_state")?,
        last_event_at: r.try_get::<Option<i64>, _>("last_event_at")?.map(Timestamp),
        subscribed_at: r.try_get::<Option<i64>, _>("subscribed_at")?.map(Timestamp),
        push_status: r.try_get("push_status")?,
        updated_at: Timestamp(r.try_get("updated_at")?),
    }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_many_row_insert_is_the_listed_one_repeated() {
        assert_eq!(super::insert_events_sql(1), super::INSERT_EVENT);
        let two = super::insert_events_sql(2);
        assert!(
            two.contains("$12), ($13, $14,")
                && two.ends_with("$24) ON CONFLICT (carrier, number, event_key) DO NOTHING"),
            "{two}"
        );
    }
}
