//! Deliveries over https: a receiver with a self-signed certificate gets
//! them once the client trusts it, and not before.

use super::receiver::{self, Received};
use super::*;
use crate::webhook::client::ClientOptions;

const NAME: &str = "hooks.shipdesk.test";

#[tokio::test]
async fn a_delivery_reaches_an_https_receiver_whose_certificate_is_trusted() {
    let mut w = world().await;
    let got = Received::new();
    let (port, cert) = receiver::start_tls(got.clone(), NAME).await;
    let (hook, _) = w
        .hook(&format!("https://{NAME}:{port}/hook"), &["message.created"])
        .await;
    let hosts = vec![(NAME.to_owned(), "127.0.0.1".parse().unwrap())];
    let conv = w.conversation().await;
    w.say(&conv, "加密").await;

    // Not trusted: the handshake fails, nothing is received.
    w.client = WebhookClient::with_options(
        &w.state.config,
        ClientOptions {
            hosts: hosts.clone(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(w.pump().await, 1);
    assert!(got.calls().is_empty());
    let d = &w.log(hook.id).await[0];
    assert_eq!(
        (d.status, d.last_status_code),
        (DeliveryStatus::Pending, None)
    );

    // Trusted: delivered over TLS.
    w.client = WebhookClient::with_options(
        &w.state.config,
        ClientOptions {
            hosts,
            extra_roots: vec![cert],
        },
    )
    .unwrap();
    w.state.clock.advance(deliver::FIRST_RETRY_MS);
    assert_eq!(w.pump().await, 1);
    let calls = got.calls();
    assert_eq!(calls.len(), 1);
    let v: serde_json::Value = serde_json::from_str(&calls[0].body).unwrap();
    assert_eq!(v["data"]["body"], "加密");
    let d = &w.log(hook.id).await[0];
    assert_eq!(
        (d.status, d.last_status_code),
        (DeliveryStatus::Delivered, Some(200))
    );
}
