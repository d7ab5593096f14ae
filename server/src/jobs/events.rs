//! The outbox worker: hands pending events on (as webhook deliveries) every
//! half second, and wakes the webhook sender when it wrote some. Several
//! instances may run it: claims give each event to one of them.

use std::sync::Arc;
use std::time::Duration;

use shipdesk::state::AppState;
use tokio::sync::Notify;

/// Events claimed per round.
const BATCH: i64 = 100;

pub fn spawn(app: AppState, wake_sender: Arc<Notify>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_millis(500));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            // Drain what is pending before waiting again.
            loop {
                match shipdesk::webhook::service::fan_out(&app, BATCH).await {
                    Ok(0) => break,
                    Ok(_) => wake_sender.notify_one(),
                    Err(e) => {
                        tracing::warn!(error = %e, "handing on outbox events failed");
                        break;
                    }
                }
            }
        }
    });
}
