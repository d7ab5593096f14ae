//! The WeCom robot sender: every second, sends the inquiry hall's due
//! robot messages (`pricing::inquiry_hall::service::send`). Several
//! instances may run it: a lease gives each message to one of them.

use std::time::Duration;

use shipdesk::pricing::inquiry_hall::service::send;
use shipdesk::state::AppState;
use shipdesk::webhook::client::WebhookClient;

pub fn spawn(app: AppState) {
    let client = match WebhookClient::new(&app.config) {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "WeCom robot sender not started");
            return;
        }
    };
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = send::deliver_due(&app, &client).await {
                tracing::warn!(error = %e, "sending WeCom robot messages failed");
            }
        }
    });
}
