//! Alerts (异常预警): raised by the silence scan ([`scan_silent`]), by a
//! courier's exception event ([`on_tracking`], in the report's
//! transaction) and by ops' move into exception ([`on_exception`], in the
//! move's); each raise writes `order.alert` in its transaction, and after
//! the commit the customer is told in chat ([`tell`], best effort). Ops'
//! board and the customer read them in their scope; ops close them once.

use sqlx::AnyConnection;

use super::publish;
use super::read::scope;
use crate::auth::{repo as auth_repo, Lang, Principal, Staff};
use crate::error::{AppError, AppResult};
use crate::orders::alert::*;
use crate::orders::model::OrderStatus;
use crate::orders::policy;
use crate::orders::repo::alert::{self as repo, AlertNarrow, NewAlert};
use crate::orders::repo::order::Scope;
use crate::pricing::Mode;
use crate::state::AppState;
use crate::tracking::{Carrier, TrackEvent, TrackingNumber};
use crate::types::{Id, Page, PageQuery, Timestamp};
use crate::ErrorKey;

/// An alert just raised, and the member to tell (who booked the order).
#[derive(Debug, Clone)]
pub struct Raised {
    pub alert: OrderAlert,
    pub member_id: Option<Id>,
}

/// The sender of the platform's own chat notices: no staff account
/// (`sender_id` 0 is the system's in the messages table).
pub fn system_sender() -> Staff {
    Staff {
        id: 0,
        account: "system".into(),
        name: "系统通知".into(),
        roles: vec![],
        disabled: false,
        lang: Lang::Zh,
        created_at: Timestamp(0),
        partner: None,
    }
}

/// Raises `a` in the caller's transaction with its `order.alert` event;
/// none when it was raised before.
pub(crate) async fn raise(conn: &mut AnyConnection, a: &NewAlert<'_>) -> AppResult<Option<Raised>> {
    let Some(id) = repo::insert(&mut *conn, a).await? else {
        return Ok(None);
    };
    let (alert, member_id) = repo::with_member(&mut *conn, id)
        .await?
        .ok_or(AppError::Internal)?;
    let payload = serde_json::json!({
        "alert_id": alert.id, "kind": alert.kind, "number": alert.number,
        "order_number": alert.order_number, "company_id": alert.company_id,
        "order_status": alert.order_status, "detail": alert.detail, "since": alert.since,
    });
    publish(conn, "order.alert", alert.order_id, payload, a.now).await?;
    Ok(Some(Raised { alert, member_id }))
}

/// Tells the order's member of the alert in chat, in their language, in
/// their open conversation or a new one at the after-sales desk. Never
/// fails: a chat that cannot be written is logged.
pub async fn tell(state: &AppState, r: &Raised) {
    let Some(member) = r.member_id else { return };
    let result = async {
        let Some(m) = auth_repo::member_by_id(&state.db, member).await? else {
            return Ok(None);
        };
        let text = chat_text(&r.alert, state.now(), m.lang);
        crate::chat::service::notice::notify_member(state, &m, &system_sender(), &text).await
    }
    .await;
    match result {
        Ok(Some(_)) => {}
        Ok(None) => tracing::warn!(
            alert = r.alert.id,
            "no desk to tell the customer of an alert"
        ),
        Err(e) => {
            tracing::warn!(error = %e, alert = r.alert.id, "could not tell the customer of an alert in chat")
        }
    }
}

/// The newest exception or return among a courier's events for a number,
/// raised on the order the number is on (once per event). Call it in the
/// report's transaction; tell the customer after the commit.
pub(crate) async fn on_tracking(
    conn: &mut AnyConnection,
    carrier: Carrier,
    number: &TrackingNumber,
    events: &[TrackEvent],
    now: i64,
) -> AppResult<Option<Raised>> {
    let Some(e) = events
        .iter()
        .filter(|e| is_exception(e.status))
        .max_by_key(|e| e.time)
    else {
        return Ok(None);
    };
    let Some(on) = crate::orders::repo::parcel::by_number(&mut *conn, number.as_str()).await?
    else {
        return Ok(None);
    };
    let key = tracking_key(
        carrier.as_str(),
        number.as_str(),
        &crate::tracking::repo::event_key(e),
    );
    let context: String = e.context.trim().chars().take(300).collect();
    let detail = format!("{} {context}", number.as_str());
    let a = NewAlert {
        order_id: on.order_id,
        kind: AlertKind::TrackingException,
        dedupe_key: &key,
        detail: &detail,
        since: e.time.0,
        guard: None,
        now,
    };
    raise(conn, &a).await
}

/// Ops moved the order into exception (now at `version`, with `note`):
/// raised in the move's transaction.
pub(crate) async fn on_exception(
    conn: &mut AnyConnection,
    order_id: Id,
    version: i64,
    note: &str,
    now: i64,
) -> AppResult<Option<Raised>> {
    let key = order_key(version);
    let a = NewAlert {
        order_id,
        kind: AlertKind::OrderException,
        dedupe_key: &key,
        detail: note.trim(),
        since: now,
        guard: Some((version, OrderStatus::Exception)),
        now,
    };
    raise(conn, &a).await
}

/// The order moved from `from` to `to`: closes the open alerts the move
/// settles ([`settled_by`]), in the move's transaction, as the platform.
pub(crate) async fn on_move(
    conn: &mut AnyConnection,
    order_id: Id,
    from: OrderStatus,
    to: OrderStatus,
    now: i64,
) -> AppResult<()> {
    let by = system_sender().name;
    let note = settled_note(to);
    for kind in settled_by(from, to) {
        repo::settle(&mut *conn, order_id, *kind, &by, &note, now).await?;
    }
    Ok(())
}

/// The thresholds in force: the stored ones, each mode's default where
/// none is stored.
async fn hours_by_mode(state: &AppState) -> AppResult<Vec<AlertThreshold>> {
    let stored = repo::thresholds(&state.db).await?;
    Ok(Mode::ALL
        .into_iter()
        .map(|mode| AlertThreshold {
            mode,
            hours: stored
                .iter()
                .find(|t| t.mode == mode)
                .map_or(default_hours(mode), |t| t.hours),
        })
        .collect())
}

/// Orders read by the scan at a time.
const SCAN_BATCH: i64 = 200;

/// Raises a silent alert on every order past its mode's threshold since its
/// last event (order change, tracking report or number added) in a status
/// that expects events, and tells each customer. Safe to run on several
/// instances at once: each alert is raised once. Answers how many were
/// raised.
pub async fn scan_silent(state: &AppState) -> AppResult<usize> {
    let now = state.now();
    let mut raised = 0;
    for t in hours_by_mode(state).await? {
        let cutoff = now - t.hours * HOUR_MS;
        let mut after = (i64::MIN, 0);
        loop {
            let batch = repo::silent(&state.db, t.mode, cutoff, after, SCAN_BATCH).await?;
            for s in &batch {
                let key = silent_key(s.status, s.version);
                let a = NewAlert {
                    order_id: s.id,
                    kind: AlertKind::Silent,
                    dedupe_key: &key,
                    detail: "",
                    since: s.last_event_at,
                    guard: Some((s.version, s.status)),
                    now,
                };
                let mut tx = state.db.begin().await?;
                let r = raise(&mut tx, &a).await?;
                tx.commit().await?;
                if let Some(r) = r {
                    tell(state, &r).await;
                    raised += 1;
                }
            }
            match batch.last() {
                Some(l) if batch.len() as i64 == SCAN_BATCH => after = (l.updated_at, l.id),
                _ => break,
            }
        }
    }
    Ok(raised)
}

/// The alerts `who` may read, narrowed to `company`: those of the orders
/// their scope shows, for the staff who read alerts.
fn alert_scope(who: &Principal, company: Option<Id>) -> AppResult<Scope> {
    if let Principal::Staff(s) = who {
        if !policy::may_read_alerts(s) {
            return Err(AppError::Forbidden);
        }
    }
    scope(who, company)
}

/// A page of the alerts the caller may read, newest first: ops, admins and
/// cs all; a salesperson their customers'; a member their company's.
pub async fn list_alerts(
    state: &AppState,
    who: &Principal,
    filter: &AlertFilter,
    page: PageQuery,
) -> AppResult<Page<OrderAlert>> {
    let scope = alert_scope(who, filter.company_id)?;
    let narrow = AlertNarrow {
        status: match filter.status {
            AlertShow::Open => "open",
            AlertShow::Closed => "closed",
            AlertShow::All => "",
        },
        kind: filter.kind.map_or("", AlertKind::as_str),
        order_id: filter.order_id.unwrap_or(0),
    };
    let (mut items, total) =
        repo::list(&state.db, &scope, &narrow, page.limit(), page.offset()).await?;
    if matches!(who, Principal::Member(_)) {
        items.iter_mut().for_each(|a| a.close_note = None);
    }
    Ok(Page::new(items, total, page))
}

/// Closes an open alert with an optional note (ops, admin); an alert closed
/// before is a conflict on `status`.
pub async fn close_alert(
    state: &AppState,
    who: &Principal,
    id: Id,
    note: Option<&str>,
) -> AppResult<OrderAlert> {
    let staff = who.as_staff()?;
    if !policy::may_close_alert(staff) {
        return Err(AppError::Forbidden);
    }
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > MAX_CLOSE_NOTE) {
        return Err(AppError::validation("note", ErrorKey::TextTooLong));
    }
    let found = repo::by_id(&state.db, id).await?;
    let Some(alert) = found.filter(|a| staff.sees_company(a.company_id)) else {
        return Err(AppError::not_found("alert"));
    };
    if !repo::close(&state.db, alert.id, &staff.name, note, state.now()).await? {
        return Err(AppError::conflict("status", ErrorKey::AlertClosed));
    }
    repo::by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::not_found("alert"))
}

/// The silence threshold of every mode (ops, admin).
pub async fn alert_settings(state: &AppState, who: &Principal) -> AppResult<AlertSettings> {
    if !policy::may_close_alert(who.as_staff()?) {
        return Err(AppError::Forbidden);
    }
    Ok(AlertSettings {
        thresholds: hours_by_mode(state).await?,
    })
}

/// Saves the thresholds given (1 to 720 hours, each mode once; admin) and
/// answers all of them.
pub async fn save_alert_settings(
    state: &AppState,
    who: &Principal,
    input: &AlertSettings,
) -> AppResult<AlertSettings> {
    let staff = who.as_staff()?;
    if !policy::may_edit_alert_settings(staff) {
        return Err(AppError::Forbidden);
    }
    check_settings(input)?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    for t in &input.thresholds {
        repo::save_threshold(&mut *tx, t, &staff.name, now).await?;
    }
    tx.commit().await?;
    alert_settings(state, who).await
}
