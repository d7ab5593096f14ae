//! The silence scan of shipments every five minutes
//! (`orders::service::scan_silent`): orders quiet past their mode's
//! threshold get an alert (异常预警) and their customer a chat notice.
//! Several instances may run it: each alert is raised once.

use std::time::Duration;

use shipdesk::state::AppState;

/// How often the scan runs.
pub const EVERY_SECS: u64 = 300;

pub fn spawn(app: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(EVERY_SECS));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match shipdesk::orders::service::scan_silent(&app).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(count = n, "silent shipments alerted"),
                Err(e) => tracing::warn!(error = %e, "scanning for silent shipments failed"),
            }
        }
    });
}
