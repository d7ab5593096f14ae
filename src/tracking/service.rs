//! Tracking services: what server functions, the push route and other
//! domains call. The orders domain calls [`events`], [`summary`],
//! [`refresh`] and [`subscribe`] for the numbers of an order it has
//! already let its caller see; these take no caller.

use super::model::{
    Carrier, CourierCandidates, CourierContext, TrackEvent, TrackStatus, TrackSummary,
    TrackingNumber,
};
use super::provider::kuaidi100::push::{read_push_form, Push, PushError};
use super::provider::{ProviderError, TrackReport, TrackRequest};
use super::repo;
use crate::auth::Principal;
use crate::error::{AppError, AppResult, ErrorKey};
use crate::events::OutboxEvent;
use crate::orders::service::alert;
use crate::state::AppState;

/// The carriers that may have issued `number`, best first (any signed-in
/// caller; see [`super::courier`]).
pub fn detect_courier(
    _state: &AppState,
    _who: &Principal,
    number: &str,
    context: Option<&CourierContext>,
) -> AppResult<CourierCandidates> {
    super::courier::detect_courier(number, context)
}

/// A number's stored events, newest first.
pub async fn events(
    state: &AppState,
    carrier: Carrier,
    number: &TrackingNumber,
) -> AppResult<Vec<TrackEvent>> {
    repo::events(&state.db, carrier, number).await
}

/// A number's last known state; none if it was never followed.
pub async fn summary(
    state: &AppState,
    carrier: Carrier,
    number: &TrackingNumber,
) -> AppResult<Option<TrackSummary>> {
    repo::summary(&state.db, carrier, number).await
}

/// Stores what `source` reported for a number, in one transaction: the
/// events not stored yet (a replay stores none) and the state as of the
/// newest event, unless a newer one is stored; for a number on an order,
/// `tracking.updated` and (for a new exception or return) an alert
/// (异常预警), whose customer is told in chat after the commit. Answers how
/// many events were new.
pub async fn store_report(
    state: &AppState,
    carrier: Carrier,
    number: &TrackingNumber,
    report: &TrackReport,
    source: &str,
    push_status: Option<&str>,
) -> AppResult<u64> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    repo::touch(&mut *tx, carrier, number, push_status, now).await?;
    // Every event, not only those after the newest stored: carriers upload
    // some scans late, with their earlier time. The key skips the known.
    let mut events: Vec<&TrackEvent> = report.events.iter().collect();
    events.sort_by_key(|e| e.time);
    let new = repo::insert_events(&mut tx, carrier, number, &events, source, now).await?;
    let mut raised = None;
    if let Some(newest) = report.events.iter().max_by_key(|e| e.time) {
        let (status, raw) = match &report.state {
            Some((s, raw)) => (*s, raw.as_str()),
            None => (newest.status, newest.raw_status.as_str()),
        };
        repo::set_state(&mut *tx, carrier, number, status, raw, newest.time.0, now).await?;
        if new > 0 {
            announce(&mut tx, carrier, number, status, newest, new, now).await?;
            raised = alert::on_tracking(&mut tx, carrier, number, &report.events, now).await?;
        }
    }
    tx.commit().await?;
    if let Some(r) = raised {
        alert::tell(state, &r).await;
    }
    Ok(new)
}

/// `tracking.updated`, in the report's transaction, when the number is on
/// an order (a delivery tracking number, `kind: parcel` with its
/// `parcel_id`, or a transfer number, `kind: transfer` with its
/// `transfer_id`): the order, the number, its state and the newest event.
async fn announce(
    conn: &mut sqlx::AnyConnection,
    carrier: Carrier,
    number: &TrackingNumber,
    status: TrackStatus,
    newest: &TrackEvent,
    new: u64,
    now: i64,
) -> AppResult<()> {
    let Some(on) = crate::orders::repo::parcel::by_number(&mut *conn, number.as_str()).await?
    else {
        return Ok(());
    };
    let payload = serde_json::json!({
        "order_number": on.order_number,
        "company_id": on.company_id,
        "kind": on.kind,
        "parcel_id": (on.kind == "parcel").then_some(on.id),
        "transfer_id": (on.kind == "transfer").then_some(on.id),
        "carrier": carrier.as_str(),
        "number": number.as_str(),
        "status": status.as_str(),
        "new_events": new,
        "latest": newest,
    });
    let event = OutboxEvent::new("tracking.updated", "order", on.order_id, &payload, now);
    crate::events::repo::insert(&mut *conn, &event).await
}

fn provider_of(state: &AppState) -> AppResult<&dyn super::provider::TrackingProvider> {
    state
        .tracking
        .as_deref()
        .ok_or_else(|| AppError::validation("provider", ErrorKey::TrackingNotConfigured))
}

/// What a provider's refusal means to the caller; outages and account
/// trouble are logged and internal.
fn provider_error(e: ProviderError, carrier: Carrier) -> AppError {
    match e {
        ProviderError::NumberRefused(_) | ProviderError::NoResult => {
            AppError::validation("number", ErrorKey::TrackingNumberUnknown)
        }
        ProviderError::PhoneRequired => {
            AppError::validation("phone", ErrorKey::TrackingPhoneRequired)
        }
        ProviderError::CarrierUnsupported => {
            AppError::validation("carrier", ErrorKey::CarrierInvalid)
        }
        ProviderError::Account(_) | ProviderError::Unavailable(_) => {
            tracing::error!(error = %e, carrier = %carrier, "tracking provider failed");
            AppError::Internal
        }
    }
}

/// Asks the provider for the number's events now and stores the new ones
/// (none yet is no error); answers how many were new.
pub async fn refresh(
    state: &AppState,
    carrier: Carrier,
    number: &TrackingNumber,
) -> AppResult<u64> {
    refresh_with_phone(state, carrier, number, None).await
}

/// [`refresh`] with the phone some carriers (SF) want with a query.
pub async fn refresh_with_phone(
    state: &AppState,
    carrier: Carrier,
    number: &TrackingNumber,
    phone: Option<&str>,
) -> AppResult<u64> {
    let provider = provider_of(state)?;
    let req = TrackRequest {
        carrier,
        number,
        phone,
    };
    match provider.query(req).await {
        Ok(report) => store_report(state, carrier, number, &report, provider.name(), None).await,
        Err(ProviderError::NoResult) => Ok(0),
        Err(e) => Err(provider_error(e, carrier)),
    }
}

/// Asks the provider to push the number's events from now on (again is
/// no error) and records when it accepted.
pub async fn subscribe(
    state: &AppState,
    carrier: Carrier,
    number: &TrackingNumber,
    phone: Option<&str>,
) -> AppResult<()> {
    let provider = provider_of(state)?;
    let req = TrackRequest {
        carrier,
        number,
        phone,
    };
    provider
        .subscribe(req)
        .await
        .map_err(|e| provider_error(e, carrier))?;
    repo::mark_subscribed(&state.db, carrier, number, state.now()).await
}

/// Why a Kuaidi100 push was not stored.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PushRefusal {
    /// No Kuaidi100 account is configured: no push is expected.
    #[error("kuaidi100 is not configured")]
    NotConfigured,
    #[error(transparent)]
    Push(#[from] PushError),
    #[error("storing failed")]
    Store(AppError),
}

/// A Kuaidi100 push as POSTed (a form of `param` and `sign`): verified
/// with the configured salt, then stored once (see [`store_report`]).
/// Answers the verified push and how many of its events were new.
pub async fn receive_kuaidi100_push(
    state: &AppState,
    body: &[u8],
) -> Result<(Push, u64), PushRefusal> {
    let salt = match &state.config.tracking.kuaidi100 {
        Some(k) => k.salt.as_str(),
        None => return Err(PushRefusal::NotConfigured),
    };
    let push = read_push_form(body, salt)?;
    let new = store_report(
        state,
        push.carrier,
        &push.number,
        &push.report,
        "kuaidi100",
        Some(&push.status),
    )
    .await
    .map_err(PushRefusal::Store)?;
    Ok((push, new))
}
