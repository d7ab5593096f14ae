//! Alerts (异常预警) and the silence thresholds: raise once (INSERT … ON
//! CONFLICT DO NOTHING, guarded by the order's status and version where the
//! alert is about them), list in a scope, close once, and the scan's query
//! for silent shipments.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use super::order::{Scope, SCOPE};
use crate::db::new_id;
use crate::error::AppResult;
use crate::orders::alert::*;
use crate::orders::model::OrderStatus;
use crate::pricing::Mode;
use crate::types::{Id, Timestamp};

/// An alert to raise on `order_id` (never on a cancelled or rejected one);
/// with `guard`, only while the order is still at that (version, status).
pub struct NewAlert<'a> {
    pub order_id: Id,
    pub kind: AlertKind,
    pub dedupe_key: &'a str,
    pub detail: &'a str,
    pub since: i64,
    pub guard: Option<(i64, OrderStatus)>,
    pub now: i64,
}

pub(crate) const INSERT: &str = "INSERT INTO order_alerts (id, order_id, company_id, kind, \
     dedupe_key, order_status, detail, since_at, status, created_at) \
     SELECT $1, o.id, o.company_id, $2, $3, o.status, $4, $5, 'open', $6 FROM orders o \
     WHERE o.id = $7 AND o.status NOT IN ('cancelled', 'rejected') AND ($8 < 0 OR (o.version = $8 AND o.status = $9)) \
     ON CONFLICT (order_id, kind, dedupe_key) DO NOTHING";

/// Raises the alert; its id, or none when it was raised before (or the
/// guarded order moved on).
pub async fn insert(
    ex: impl Executor<'_, Database = Any>,
    a: &NewAlert<'_>,
) -> AppResult<Option<Id>> {
    let id = new_id();
    let (version, status) = a.guard.map_or((-1, ""), |(v, s)| (v, s.as_str()));
    let done = sqlx::query(INSERT)
        .bind(id)
        .bind(a.kind.as_str())
        .bind(a.dedupe_key)
        .bind(a.detail)
        .bind(a.since)
        .bind(a.now)
        .bind(a.order_id)
        .bind(version)
        .bind(status)
        .execute(ex)
        .await?;
    Ok((done.rows_affected() == 1).then_some(id))
}

const SELECT: &str = "SELECT a.id, a.order_id, o.number, o.order_number, a.company_id, \
     c.name AS company_name, o.mode, a.kind, a.order_status, a.detail, a.since_at, a.status, \
     a.closed_by, a.close_note, a.closed_at, a.created_at, o.member_id \
     FROM order_alerts a JOIN orders o ON o.id = a.order_id JOIN companies c ON c.id = a.company_id";

pub(crate) const BY_ID: &str = formatcp!("{SELECT} WHERE a.id = $1");

pub async fn by_id(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<Option<OrderAlert>> {
    let row = sqlx::query(BY_ID).bind(id).fetch_optional(ex).await?;
    Ok(row.map(|r| alert_of(&r)).transpose()?.map(|(a, _)| a))
}

/// An alert with the member of its order.
pub async fn with_member(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
) -> AppResult<Option<(OrderAlert, Option<Id>)>> {
    let row = sqlx::query(BY_ID).bind(id).fetch_optional(ex).await?;
    row.map(|r| alert_of(&r)).transpose()
}

/// The orders' scope (`$1`…`$4`, see [`Scope`]), then the narrowing.
const WHERE: &str = formatcp!(
    "{SCOPE} AND ($5 = '' OR a.status = $5) AND ($6 = '' OR a.kind = $6) \
     AND ($7 = 0 OR a.order_id = $7)"
);

pub(crate) const LIST: &str =
    formatcp!("{SELECT}{WHERE} ORDER BY a.created_at DESC, a.id DESC LIMIT $8 OFFSET $9");
pub(crate) const COUNT: &str = formatcp!(
    "SELECT COUNT(*) FROM order_alerts a JOIN orders o ON o.id = a.order_id \
     JOIN companies c ON c.id = a.company_id{WHERE}"
);

/// The list's narrowing: status and kind ('' any), one order (0 any).
#[derive(Debug, Clone, Default)]
pub struct AlertNarrow {
    pub status: &'static str,
    pub kind: &'static str,
    pub order_id: Id,
}

/// One page of the alerts in scope, newest first, and how many there are.
pub async fn list(
    db: &crate::db::Db,
    s: &Scope,
    n: &AlertNarrow,
    limit: i64,
    offset: i64,
) -> AppResult<(Vec<OrderAlert>, i64)> {
    let bind = |sql| {
        sqlx::query(sql)
            .bind(s.company)
            .bind(s.sales)
            .bind(s.app)
            .bind(s.provider)
            .bind(n.status)
            .bind(n.kind)
            .bind(n.order_id)
    };
    let rows = bind(LIST).bind(limit).bind(offset).fetch_all(db).await?;
    let total: i64 = bind(COUNT).fetch_one(db).await?.try_get(0)?;
    let items = rows
        .iter()
        .map(|r| alert_of(r).map(|(a, _)| a))
        .collect::<AppResult<_>>()?;
    Ok((items, total))
}

pub(crate) const CLOSE: &str = "UPDATE order_alerts SET status = 'closed', closed_by = $1, \
     close_note = $2, closed_at = $3 WHERE id = $4 AND status = 'open'";

/// Closes an open alert; false when it is not open (closed before, or no
/// such alert).
pub async fn close(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    by: &str,
    note: Option<&str>,
    now: i64,
) -> AppResult<bool> {
    let done = sqlx::query(CLOSE)
        .bind(by)
        .bind(note)
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub(crate) const SETTLE: &str = "UPDATE order_alerts SET status = 'closed', closed_by = $1, \
     close_note = $2, closed_at = $3 WHERE order_id = $4 AND kind = $5 AND status = 'open'";

/// Closes the order's open alerts of `kind`; how many.
pub async fn settle(
    ex: impl Executor<'_, Database = Any>,
    order_id: Id,
    kind: AlertKind,
    by: &str,
    note: &str,
    now: i64,
) -> AppResult<u64> {
    let done = sqlx::query(SETTLE)
        .bind(by)
        .bind(note)
        .bind(now)
        .bind(order_id)
        .bind(kind.as_str())
        .execute(ex)
        .await?;
    Ok(done.rows_affected())
}

pub(crate) const THRESHOLDS: &str = "SELECT mode, hours FROM order_alert_thresholds";

/// The stored thresholds (any order).
pub async fn thresholds(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<AlertThreshold>> {
    let rows = sqlx::query(THRESHOLDS).fetch_all(ex).await?;
    rows.iter()
        .map(|r| {
            Ok(AlertThreshold {
                mode: Mode::parse(&r.try_get::<String, _>("mode")?)?,
                hours: r.try_get("hours")?,
            })
        })
        .collect()
}

pub(crate) const SAVE_THRESHOLD: &str = "INSERT INTO order_alert_thresholds (mode, hours, \
     updated_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (mode) \
     DO UPDATE SET hours = excluded.hours, updated_by = excluded.updated_by, \
     updated_at = excluded.updated_at";

pub async fn save_threshold(
    ex: impl Executor<'_, Database = Any>,
    t: &AlertThreshold,
    by: &str,
    now: i64,
) -> AppResult<()> {
    sqlx::query(SAVE_THRESHOLD)
        .bind(t.mode.as_str())
        .bind(t.hours)
        .bind(by)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

/// [`EXPECTING`] and [`EXPECTING_WITH_PARCELS`] as SQL (a test checks).
const WATCHED: &str =
    "'departed', 'arrived', 'customs_cleared', 'out_for_delivery', 'confirmed', 'picked_up'";
const WITH_PARCELS: &str = "'confirmed', 'picked_up'";

/// Orders of mode `$1` in a watched status, unchanged since `$2` and with
/// no tracking number added or reported since, that have no silent alert
/// for their status and version yet; after (`$3`, `$4`) in (updated_at,
/// id) order, `$5` at a time. Index-backed by `orders_silence`.
pub(crate) const SILENT: &str = formatcp!(
    "SELECT o.id, o.status, o.version, o.updated_at, \
     (SELECT MAX(t.last_event_at) FROM order_parcels p JOIN tracking_numbers t \
      ON t.carrier = p.carrier AND t.number = p.number WHERE p.order_id = o.id) AS tracked_at, \
     (SELECT MAX(p.updated_at) FROM order_parcels p WHERE p.order_id = o.id) AS parcel_at \
     FROM orders o WHERE o.mode = $1 AND o.status IN ({WATCHED}) AND o.updated_at < $2 \
     AND (o.status NOT IN ({WITH_PARCELS}) \
      OR EXISTS (SELECT 1 FROM order_parcels p WHERE p.order_id = o.id)) \
     AND NOT EXISTS (SELECT 1 FROM order_parcels p LEFT JOIN tracking_numbers t \
      ON t.carrier = p.carrier AND t.number = p.number \
      WHERE p.order_id = o.id AND (p.updated_at >= $2 OR t.last_event_at >= $2)) \
     AND NOT EXISTS (SELECT 1 FROM order_alerts a WHERE a.order_id = o.id AND a.kind = 'silent' \
      AND a.dedupe_key = o.status || ':' || CAST(o.version AS TEXT)) \
     AND (o.updated_at > $3 OR (o.updated_at = $3 AND o.id > $4)) \
     ORDER BY o.updated_at, o.id LIMIT $5"
);

/// A silent order the scan found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Silent {
    pub id: Id,
    pub status: OrderStatus,
    pub version: i64,
    pub updated_at: i64,
    /// The last event: the order's change, a tracking number's report or
    /// its adding, whichever is latest.
    pub last_event_at: i64,
}

/// Up to `limit` silent orders of `mode` (quiet since before `cutoff`)
/// after `after` (updated_at, id).
pub async fn silent(
    db: &crate::db::Db,
    mode: Mode,
    cutoff: i64,
    after: (i64, Id),
    limit: i64,
) -> AppResult<Vec<Silent>> {
    let rows = sqlx::query(SILENT)
        .bind(mode.as_str())
        .bind(cutoff)
        .bind(after.0)
        .bind(after.1)
        .bind(limit)
        .fetch_all(db)
        .await?;
    rows.iter()
        .map(|r| {
            let updated_at: i64 = r.try_get("updated_at")?;
            let tracked: Option<i64> = r.try_get("tracked_at")?;
            let parcel: Option<i64> = r.try_get("parcel_at")?;
            Ok(Silent {
                id: r.try_get("id")?,
                status: OrderStatus::parse(&r.try_get::<String, _>("status")?)?,
                version: r.try_get("version")?,
                updated_at,
                last_event_at: updated_at
                    .max(tracked.unwrap_or(0))
                    .max(parcel.unwrap_or(0)),
            })
        })
        .collect()
}

fn alert_of(r: &AnyRow) -> AppResult<(OrderAlert, Option<Id>)> {
    let alert = OrderAlert {
        id: r.try_get("id")?,
        order_id: r.try_get("order_id")?,
        number: r.try_get("number")?,
        order_number: r.try_get("order_number")?,
        company_id: r.try_get("company_id")?,
        company_name: r.try_get("company_name")?,
        mode: Mode::parse(&r.try_get::<String, _>("mode")?)?,
        kind: AlertKind::parse(&r.try_get::<String, _>("kind")?)?,
        order_status: OrderStatus::parse(&r.try_get::<String, _>("order_status")?)?,
        detail: r.try_get("detail")?,
        since: Timestamp(r.try_get("since_at")?),
        status: AlertStatus::parse(&r.try_get::<String, _>("status")?)?,
        closed_by: r.try_get("closed_by")?,
        close_note: r.try_get("close_note")?,
        closed_at: r.try_get::<Option<i64>, _>("closed_at")?.map(Timestamp),
        created_at: Timestamp(r.try_get("created_at")?),
    };
    Ok((alert, r.try_get("member_id")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_watches_the_statuses_the_rules_name() {
        let quoted = |s: &[OrderStatus]| {
            s.iter()
                .map(|s| format!("'{s}'"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let all: Vec<OrderStatus> = EXPECTING
            .iter()
            .chain(EXPECTING_WITH_PARCELS.iter())
            .copied()
            .collect();
        assert_eq!(WATCHED, quoted(&all));
        assert_eq!(WITH_PARCELS, quoted(&EXPECTING_WITH_PARCELS));
    }
}
