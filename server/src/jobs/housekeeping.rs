//! Housekeeping every ten minutes: expired sessions, ended rate-limit
//! windows, attachments no message names a day after their upload (and
//! past days' upload quota), old webhook deliveries, handed-on outbox
//! events and sent or failed WeCom robot messages.

use std::time::Duration;

use shipdesk::chat::service::attachment;
use shipdesk::state::AppState;

/// How often housekeeping runs.
pub const EVERY_SECS: u64 = 600;

pub fn spawn(app: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(EVERY_SECS));
        loop {
            tick.tick().await;
            let now = app.now();
            if let Err(e) = shipdesk::auth::session_repo::prune(&app.db, now).await {
                tracing::warn!(error = %e, "pruning sessions failed");
            }
            if let Err(e) = shipdesk::ratelimit::prune(&app.db, now).await {
                tracing::warn!(error = %e, "pruning rate-limit windows failed");
            }
            match attachment::sweep(&app).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(count = n, "unsent attachments deleted"),
                Err(e) => tracing::warn!(error = %e, "sweeping unsent attachments failed"),
            }
            if let Err(e) = shipdesk::webhook::service::prune(&app).await {
                tracing::warn!(error = %e, "pruning webhook deliveries failed");
            }
            if let Err(e) = shipdesk::events::service::prune(&app).await {
                tracing::warn!(error = %e, "pruning outbox events failed");
            }
            if let Err(e) = shipdesk::pricing::inquiry_hall::service::send::prune(&app).await {
                tracing::warn!(error = %e, "pruning WeCom robot messages failed");
            }
            if let Err(e) = shipdesk::orders::repo::act_as::prune(&app.db, now).await {
                tracing::warn!(error = %e, "pruning act-as tokens failed");
            }
            if let Err(e) = shipdesk::partner::service::prune(&app).await {
                tracing::warn!(error = %e, "pruning partner nonces, tokens and logs failed");
            }
        }
    });
}
