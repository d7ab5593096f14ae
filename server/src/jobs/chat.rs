//! The chat job, every `EVERY_SECS`: conversations of absent or silent
//! agents move on (desks with automatic reassignment), queues are drained
//! (a safety net: routing happens when things change), and this instance's
//! presence leases are renewed (expired ones of stopped instances end).

use std::time::Duration;

use shipdesk::chat::live::presence;
use shipdesk::chat::service::agent;
use shipdesk::state::AppState;

/// How often the job runs.
pub const EVERY_SECS: u64 = 20;
// The job renews presence leases, so it must run often enough.
const _: () = assert!(EVERY_SECS as i64 * 1000 <= presence::RENEW_EVERY_MS);

pub fn spawn(app: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(EVERY_SECS));
        loop {
            tick.tick().await;
            if let Err(e) = agent::reassign_stale(&app).await {
                tracing::warn!(error = %e, "chat reassignment failed");
            }
            if let Err(e) = agent::drain_all(&app).await {
                tracing::warn!(error = %e, "draining chat queues failed");
            }
            if let Err(e) = presence::keep(&app).await {
                tracing::warn!(error = %e, "renewing chat presence failed");
            }
        }
    });
}
