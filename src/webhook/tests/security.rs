//! Webhooks reach only public addresses unless allowed (checked when
//! created, when sent, and on the address connected to), follow no
//! redirects, and show their secret once.

use super::receiver::{self, Received};
use super::*;
use crate::webhook::client::ClientOptions;
use crate::webhook::deliver::{self, signature};
use crate::ErrorKey;

fn input(url: &str) -> WebhookForCreate {
    WebhookForCreate {
        url: url.into(),
        events: vec!["message.created".into()],
        ..Default::default()
    }
}

#[tokio::test]
async fn webhooks_to_internal_addresses_are_refused_when_created() {
    let state = state_allowing("").await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    for url in [
        "http://127.0.0.1:9000/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://10.0.0.8/hook",
        "http://100.64.0.1/hook",
        "http://[fd00::1]/hook",
        "https://localhost/hook",
    ] {
        let e = service::create(&state, &admin, &input(url))
            .await
            .unwrap_err();
        assert_eq!(
            e,
            crate::AppError::validation("url", ErrorKey::WebhookUrlForbidden),
            "{url}"
        );
    }
    assert!(
        service::create(&state, &admin, &input("https://erp.example.com/hook"))
            .await
            .is_ok()
    );
}

/// A webhook to `http://hooks.example.test:<port>/hook`, a name the client
/// resolves to the loopback receiver (as DNS could, at any moment).
async fn hook_by_name(allow: &str) -> (World, Received, Webhook) {
    let mut w = world().await;
    let got = Received::new();
    let url = receiver::start(got.clone()).await;
    let port = url.rsplit(':').next().unwrap().trim_end_matches("/hook");
    let (hook, _) = w
        .hook(
            &format!("http://hooks.example.test:{port}/hook"),
            &["message.created"],
        )
        .await;
    let config = Config {
        webhook_allow: AllowList::parse(allow).unwrap(),
        ..Config::default()
    };
    w.client = WebhookClient::with_options(
        &config,
        ClientOptions {
            hosts: vec![("hooks.example.test".into(), "127.0.0.1".parse().unwrap())],
            ..Default::default()
        },
    )
    .unwrap();
    let conv = w.conversation().await;
    w.say(&conv, "hi").await;
    (w, got, hook)
}

#[tokio::test]
async fn a_name_that_resolves_to_an_internal_address_is_refused_when_connecting() {
    let (w, got, hook) = hook_by_name("").await;
    assert_eq!(w.pump().await, 1);
    assert!(
        got.calls().is_empty(),
        "nothing reached the loopback receiver"
    );
    let d = &w.log(hook.id).await[0];
    assert_eq!(d.status, DeliveryStatus::Pending);
    assert!(
        d.last_error
            .as_deref()
            .unwrap_or("")
            .contains("no public address"),
        "{:?}",
        d.last_error
    );

    // The same name, its network allowed: delivered.
    let (w, got, _) = hook_by_name(TEST_ALLOW).await;
    assert_eq!(w.pump().await, 1);
    assert_eq!(got.calls().len(), 1);
}

#[tokio::test]
async fn an_address_written_in_the_url_is_refused_when_sent() {
    // Created while loopback was allowed; the allowance is gone since.
    let mut w = world().await;
    let got = Received::new();
    let url = receiver::start(got.clone()).await;
    let (hook, _) = w.hook(&url, &["message.created"]).await;
    w.client = WebhookClient::new(&Config::default()).unwrap();
    let conv = w.conversation().await;
    w.say(&conv, "hi").await;
    assert_eq!(w.pump().await, 1);
    assert!(got.calls().is_empty());
    let d = &w.log(hook.id).await[0];
    assert!(d
        .last_error
        .as_deref()
        .unwrap_or("")
        .contains("non-public address"));
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let w = world().await;
    let target = Received::new();
    let target_url = receiver::start(target.clone()).await;
    let got = Received::new();
    got.answer(302, &format!("location: {target_url}"));
    let url = receiver::start(got.clone()).await;
    let (hook, _) = w.hook(&url, &["message.created"]).await;
    let conv = w.conversation().await;
    w.say(&conv, "hi").await;
    assert_eq!(w.pump().await, 1);
    assert_eq!(got.calls().len(), 1);
    assert!(target.calls().is_empty(), "the redirect was not followed");
    let d = &w.log(hook.id).await[0];
    assert_eq!(
        (d.status, d.last_status_code),
        (DeliveryStatus::Pending, Some(302))
    );
}

#[tokio::test]
async fn a_secret_is_shown_once_and_a_rotation_replaces_it() {
    let w = world().await;
    let got = Received::new();
    let url = receiver::start(got.clone()).await;
    let (hook, first) = w.hook(&url, &["message.created"]).await;
    let listed = service::list(&w.state, &w.admin).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].0, hook);
    let hint = &listed[0].1;
    assert!(
        !hint.contains(&first[6..14]),
        "the list shows no secret: {hint}"
    );
    assert!(hint.ends_with(&first[first.len() - 4..]));

    let cs = testing::staff(&w.state, "cs_x", &["cs"]).await;
    assert_eq!(
        service::rotate_secret(&w.state, &cs, hook.id)
            .await
            .unwrap_err(),
        crate::AppError::Forbidden
    );
    let (same, second) = service::rotate_secret(&w.state, &w.admin, hook.id)
        .await
        .unwrap();
    assert_eq!(same, hook);
    assert_ne!(second, first);
    assert!(second.starts_with("whsec_"));
    let listed = service::list(&w.state, &w.admin).await.unwrap();
    assert!(listed[0].1.ends_with(&second[second.len() - 4..]));
    assert_eq!(
        service::rotate_secret(&w.state, &w.admin, 42)
            .await
            .unwrap_err(),
        crate::AppError::not_found("webhook")
    );

    // Deliveries are signed with the new secret.
    let conv = w.conversation().await;
    w.say(&conv, "hi").await;
    assert_eq!(deliver::deliver_due(&w.state, &w.client).await.unwrap(), 0);
    assert_eq!(w.pump().await, 1);
    let c = &got.calls()[0];
    let ts: i64 = c.header("x-shipdesk-timestamp").parse().unwrap();
    assert_eq!(
        c.header("x-shipdesk-signature"),
        signature(&second, ts, &c.body)
    );
}
