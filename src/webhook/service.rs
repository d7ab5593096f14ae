//! Webhook set-up (admins), and turning outbox events into deliveries.
//! Sending them is `deliver`.

use super::envelope;
use super::model::*;
use super::policy::WEBHOOK_ADMINS;
use super::repo;
use super::target::check_url;
use crate::auth::Staff;
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::events::{self, OutboxEvent};
use crate::state::AppState;
use crate::types::{Id, Page, PageQuery, Timestamp};

/// Delivered and failed deliveries are kept this long (30 days), then pruned.
pub const KEEP_DELIVERIES_MS: i64 = 30 * 24 * 3600 * 1000;

fn new_secret() -> String {
    format!("whsec_{}", hex::encode(rand::random::<[u8; 24]>()))
}

/// What the list shows of a secret: enough to tell two apart, not to sign.
pub fn secret_hint(secret: &str) -> String {
    let tail: String = secret
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("whsec_…{tail}")
}

/// Registers a webhook; returns it with its signing secret, the only time
/// the secret is shown. The URL must name a public host (or an allowed one).
pub async fn create(
    state: &AppState,
    admin: &Staff,
    input: &WebhookForCreate,
) -> AppResult<(Webhook, String)> {
    admin.require(WEBHOOK_ADMINS)?;
    let url = parse_url(&input.url)?;
    check_url(&url, &state.config.webhook_allow)?;
    let w = Webhook {
        id: new_id(),
        url,
        events: parse_events(&input.events)?,
        active: true,
        created_at: Timestamp(state.now()),
        envelope: input.envelope,
    };
    let secret = new_secret();
    repo::insert(&state.db, &w, &secret, admin.id).await?;
    Ok((w, secret))
}

/// The webhooks, each with a hint of its secret (`whsec_…1a2b`), never
/// the secret itself.
pub async fn list(state: &AppState, admin: &Staff) -> AppResult<Vec<(Webhook, String)>> {
    admin.require(WEBHOOK_ADMINS)?;
    Ok(repo::all(&state.db)
        .await?
        .into_iter()
        .map(|(w, s)| (w, secret_hint(&s)))
        .collect())
}

/// Gives a webhook a new secret and returns it, shown this once. The old
/// one stops at once: every attempt from now on is signed with the new one.
pub async fn rotate_secret(
    state: &AppState,
    admin: &Staff,
    id: Id,
) -> AppResult<(Webhook, String)> {
    admin.require(WEBHOOK_ADMINS)?;
    let secret = new_secret();
    let w = repo::set_secret(&state.db, id, &secret)
        .await?
        .ok_or_else(|| AppError::not_found("webhook"))?;
    Ok((w, secret))
}

pub async fn set_active(state: &AppState, admin: &Staff, id: Id, active: bool) -> AppResult<()> {
    admin.require(WEBHOOK_ADMINS)?;
    if repo::set_active(&state.db, id, active).await? {
        Ok(())
    } else {
        Err(AppError::not_found("webhook"))
    }
}

/// The delivery log of a webhook, newest first.
pub async fn deliveries(
    state: &AppState,
    admin: &Staff,
    webhook_id: Id,
    page: PageQuery,
) -> AppResult<Page<Delivery>> {
    admin.require(WEBHOOK_ADMINS)?;
    repo::deliveries(&state.db, webhook_id, page).await
}

/// Replaces the events a webhook is subscribed to (seed 002 订阅事件).
pub async fn set_events(
    state: &AppState,
    admin: &Staff,
    id: Id,
    events: &[String],
) -> AppResult<Webhook> {
    admin.require(WEBHOOK_ADMINS)?;
    let events = parse_events(events)?;
    repo::set_events(&state.db, id, &events)
        .await?
        .ok_or_else(|| AppError::not_found("webhook"))
}

/// The delivery of an event to `w`, its body in the webhook's envelope
/// (`envelope::body`); the event id is the outbox row's, the same on every
/// retry.
fn delivery_of(w: &Webhook, e: &OutboxEvent, now: i64) -> Delivery {
    Delivery {
        id: new_id(),
        webhook_id: w.id,
        event_id: envelope::event_id(e),
        event: e.topic.clone(),
        payload: envelope::body(w.envelope, e),
        status: DeliveryStatus::Pending,
        attempts: 0,
        next_attempt_at: Timestamp(now),
        last_status_code: None,
        last_error: None,
        created_at: Timestamp(now),
        delivered_at: None,
    }
}

/// Claims up to `limit` outbox events and writes one delivery per active
/// webhook subscribed to each, in the transaction that marks the event
/// handled. Returns the number of deliveries written.
pub async fn fan_out(state: &AppState, limit: i64) -> AppResult<usize> {
    let claimed = events::service::claim(state, limit).await?;
    if claimed.events.is_empty() {
        return Ok(0);
    }
    let hooks = repo::active(&state.db).await?;
    let mut written = 0;
    for e in &claimed.events {
        let now = state.now();
        let mut tx = state.db.begin().await?;
        let mut here = 0;
        for (w, _) in hooks.iter().filter(|(w, _)| w.events.contains(&e.topic)) {
            here += usize::from(repo::enqueue(&mut *tx, &delivery_of(w, e, now)).await?);
        }
        if events::repo::complete(&mut *tx, e.id, claimed.token, now).await? {
            tx.commit().await?;
            written += here;
        } else {
            // The lease ran out and another worker has it: it writes them.
            tx.rollback().await?;
        }
    }
    Ok(written)
}

/// Deletes delivered and failed deliveries older than `KEEP_DELIVERIES_MS`.
pub async fn prune(state: &AppState) -> AppResult<u64> {
    repo::prune(&state.db, state.now() - KEEP_DELIVERIES_MS).await
}
