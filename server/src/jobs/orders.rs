//! The silence scan of shipments every five minutes
//! (`orders::service::scan_silent`): orders quiet past their mode's
//! threshold get an alert (异常预警) and their customer a chat notice.
//! Several instances may run it: each alert is raised once.
//!
//! And every minute, with a tracking provider configured, the numbers on
//! orders under way that it does not follow yet (送仓单号 and 转单号) are
//! subscribed to its pushes (`orders::service::follow_numbers`): a number
//! saved while the provider was down is followed once it is back.

use std::time::Duration;

use shipdesk::state::AppState;

/// How often the scan runs.
pub const EVERY_SECS: u64 = 300;
/// How often the numbers on orders are followed.
pub const FOLLOW_SECS: u64 = 60;

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

pub fn spawn_follow(app: AppState) {
    if app.tracking.is_none() {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(FOLLOW_SECS));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match shipdesk::orders::service::follow_numbers(&app).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(count = n, "tracking numbers followed"),
                Err(e) => tracing::warn!(error = %e, "following tracking numbers failed"),
            }
        }
    });
}
