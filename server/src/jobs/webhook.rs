//! The webhook sender: keeps up to `IN_FLIGHT` attempts running and claims
//! more as soon as one ends (or every second, or when the outbox worker
//! wrote deliveries), so a slow endpoint never holds up the others; each
//! webhook has at most `deliver::PER_HOOK` attempts in flight.

use std::sync::Arc;
use std::time::Duration;

use shipdesk::state::AppState;
use shipdesk::webhook::client::WebhookClient;
use shipdesk::webhook::deliver;
use tokio::sync::Notify;
use tokio::task::JoinSet;

/// Attempts this instance runs at once.
pub const IN_FLIGHT: usize = 32;

pub fn spawn(app: AppState, wake: Arc<Notify>) {
    let client = match WebhookClient::new(&app.config) {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "webhook sender not started");
            return;
        }
    };
    tokio::spawn(async move {
        let mut tasks = JoinSet::new();
        loop {
            let room = IN_FLIGHT.saturating_sub(tasks.len());
            if let Err(e) = deliver::start_due(&app, &client, &mut tasks, room).await {
                tracing::warn!(error = %e, "claiming webhook deliveries failed");
            }
            tokio::select! {
                Some(done) = tasks.join_next(), if !tasks.is_empty() => {
                    if let Err(e) = done {
                        tracing::error!(error = %e, "a webhook attempt panicked");
                    }
                }
                _ = wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            }
        }
    });
}
