//! Signed deliveries, retries, the outbox path, and one send per delivery.

use super::receiver::{self, Received};
use super::*;
use crate::webhook::deliver::{self, signature, FIRST_RETRY_MS, MAX_ATTEMPTS};

#[tokio::test]
async fn subscribed_events_are_delivered_signed_and_retried_with_backoff() {
    let w = world().await;
    let got = Received::new();
    got.answer(500, "");
    let url = receiver::start(got.clone()).await;
    let cs = testing::staff(&w.state, "cs_x", &["cs"]).await;
    let input = WebhookForCreate {
        url: url.clone(),
        events: vec!["message.created".into()],
        ..Default::default()
    };
    assert_eq!(
        service::create(&w.state, &cs, &input).await.unwrap_err(),
        crate::AppError::Forbidden
    );
    let (hook, secret) = w.hook(&url, &["message.created"]).await;
    let conv = w.conversation().await;
    w.say(&conv, "你好").await;

    // The first attempt gets a 500: pending, retried 10 s later.
    assert_eq!(w.pump().await, 1);
    let log = w.log(hook.id).await;
    assert_eq!(log.len(), 1, "the conversation events are not subscribed");
    let d = &log[0];
    assert_eq!(
        (d.status, d.attempts, d.last_status_code),
        (DeliveryStatus::Pending, 1, Some(500))
    );
    assert_eq!(d.next_attempt_at.0, T0 + FIRST_RETRY_MS);
    assert_eq!(w.pump().await, 0, "not due yet");
    w.state.clock.advance(FIRST_RETRY_MS);
    assert_eq!(w.pump().await, 1);
    let d = &w.log(hook.id).await[0];
    assert_eq!(
        (d.status, d.attempts, d.last_status_code),
        (DeliveryStatus::Delivered, 2, Some(200))
    );

    // Both attempts carried the same event id and a valid signature.
    let calls = got.calls();
    assert_eq!(calls.len(), 2);
    for c in &calls {
        assert_eq!(c.header("x-shipdesk-event"), "message.created");
        assert_eq!(c.header("x-shipdesk-event-id"), d.event_id);
        let ts: i64 = c.header("x-shipdesk-timestamp").parse().unwrap();
        assert_eq!(
            c.header("x-shipdesk-signature"),
            signature(&secret, ts, &c.body)
        );
        assert_ne!(
            c.header("x-shipdesk-signature"),
            signature("other", ts, &c.body)
        );
        let v: serde_json::Value = serde_json::from_str(&c.body).unwrap();
        assert_eq!(v["data"]["body"], "你好");
        assert_eq!(v["event_id"], d.event_id);
    }
}

#[tokio::test]
async fn a_delivery_that_keeps_failing_is_marked_failed_after_the_last_attempt() {
    let w = world().await;
    // Nothing listens on this port.
    let (hook, _) = w
        .hook("http://127.0.0.1:9/hook", &["conversation.queued"])
        .await;
    w.conversation().await;
    for _ in 0..MAX_ATTEMPTS {
        assert_eq!(w.pump().await, 1);
        w.state.clock.advance(3_600_000);
    }
    assert_eq!(w.pump().await, 0);
    let log = w.log(hook.id).await;
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].status, log[0].attempts),
        (DeliveryStatus::Failed, MAX_ATTEMPTS)
    );
    assert!(log[0].last_error.is_some());
}

#[tokio::test]
async fn a_message_acknowledged_before_a_restart_is_delivered_after_it() {
    let w = world().await;
    let got = Received::new();
    let url = receiver::start(got.clone()).await;
    w.hook(&url, &["message.created"]).await;
    let conv = w.conversation().await;
    w.say(&conv, "重启前").await;

    // The process goes away before any worker ran; a new one starts.
    let db_url = w.state.db.connect_options().database_url.to_string();
    w.state.db.close().await;
    let mut after = AppState::new(
        crate::db::connect(&db_url).await.unwrap(),
        (*w.state.config).clone(),
    );
    after.clock = w.state.clock.clone();
    assert_eq!(service::fan_out(&after, 100).await.unwrap(), 1);
    assert_eq!(deliver::deliver_due(&after, &w.client).await.unwrap(), 1);
    let calls = got.calls();
    assert_eq!(calls.len(), 1);
    let v: serde_json::Value = serde_json::from_str(&calls[0].body).unwrap();
    assert_eq!(v["data"]["body"], "重启前");
    assert_eq!(
        service::fan_out(&after, 100).await.unwrap(),
        0,
        "handed on once"
    );
}

#[tokio::test]
async fn every_subscribed_chat_event_is_delivered_and_notes_never_leave() {
    let w = world().await;
    let got = Received::new();
    let url = receiver::start(got.clone()).await;
    w.hook(&url, EVENTS).await;
    let last_event = || {
        let calls = got.calls();
        calls
            .last()
            .map(|c| c.header("x-shipdesk-event").to_owned())
            .unwrap_or_default()
    };

    let conv = w.conversation().await;
    w.pump().await;
    assert_eq!(last_event(), "conversation.queued");
    let agent = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    w.pump().await;
    assert_eq!(last_event(), "conversation.assigned");
    w.say(&conv, "在吗").await;
    w.pump().await;
    assert_eq!(last_event(), "message.created");
    let note = MessageForSend {
        conversation_id: conv.id,
        client_id: "n1".into(),
        kind: MessageKind::Note,
        body: "内部备注".into(),
        reply_to_seq: None,
    };
    send::send_message(&w.state, &Principal::Staff(agent.clone()), &note)
        .await
        .unwrap();
    assert_eq!(w.pump().await, 0, "notes stay inside");
    crate::chat::service::message::recall(
        &w.state,
        &Principal::Member(w.alice.clone()),
        conv.id,
        1,
    )
    .await
    .unwrap();
    w.pump().await;
    assert_eq!(last_event(), "message.recalled");
    crate::chat::service::agent::resolve(&w.state, &agent, conv.id)
        .await
        .unwrap();
    w.pump().await;
    assert_eq!(last_event(), "conversation.resolved");
    assert_eq!(
        got.calls().len(),
        6,
        "with the system line's message.created"
    );
    assert!(got.calls().iter().all(|c| !c.body.contains("内部备注")));
}

#[tokio::test]
async fn two_concurrent_runs_send_one_delivery_once() {
    let w = world().await;
    let got = Received::held();
    let url = receiver::start(got.clone()).await;
    let (hook, _) = w.hook(&url, &["message.created"]).await;
    let conv = w.conversation().await;
    w.say(&conv, "一次").await;
    assert_eq!(service::fan_out(&w.state, 100).await.unwrap(), 1);
    // A second instance on the same database.
    let db_url = w.state.db.connect_options().database_url.to_string();
    let mut other = AppState::new(
        crate::db::connect(&db_url).await.unwrap(),
        (*w.state.config).clone(),
    );
    other.clock = w.state.clock.clone();

    let release = async {
        while got.calls().is_empty() {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        // Give the other run every chance to send it too.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        got.release(10);
    };
    let (a, b, ()) = tokio::time::timeout(std::time::Duration::from_secs(20), async {
        tokio::join!(
            deliver::deliver_due(&w.state, &w.client),
            deliver::deliver_due(&other, &w.client),
            release
        )
    })
    .await
    .expect("neither run sent the delivery");
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    assert_eq!(got.calls().len(), 1, "one POST");
    let log = w.log(hook.id).await;
    assert_eq!(
        (log[0].status, log[0].attempts),
        (DeliveryStatus::Delivered, 1)
    );
}

#[tokio::test]
async fn a_chatmess_webhook_gets_the_v2_event_format_signed_like_any_other() {
    let w = world().await;
    let got = Received::new();
    let url = receiver::start(got.clone()).await;
    let input = WebhookForCreate {
        url,
        events: vec!["conversation.queued".into()],
        envelope: WebhookEnvelope::ChatMess,
    };
    let (hook, secret) = service::create(&w.state, &w.admin, &input).await.unwrap();
    assert_eq!(hook.envelope, WebhookEnvelope::ChatMess);
    // Subscribing to more events takes effect for the next ones.
    let events = vec!["conversation.queued".into(), "message.created".into()];
    let hook = service::set_events(&w.state, &w.admin, hook.id, &events)
        .await
        .unwrap();
    assert_eq!(hook.events, events);
    let conv = w.conversation().await;
    w.say(&conv, "你好").await;

    assert_eq!(w.pump().await, 2);
    let calls = got.calls();
    assert_eq!(calls.len(), 2);
    let mut types = vec![];
    for c in &calls {
        let ts: i64 = c.header("x-shipdesk-timestamp").parse().unwrap();
        assert_eq!(
            c.header("x-shipdesk-signature"),
            signature(&secret, ts, &c.body)
        );
        let v: serde_json::Value = serde_json::from_str(&c.body).unwrap();
        assert_eq!(
            (&v["errmsg"], &v["succeed"], &v["errdesc"]),
            (
                &serde_json::json!(0),
                &serde_json::json!(true),
                &serde_json::Value::Null
            )
        );
        assert_eq!(v["requestId"], c.header("x-shipdesk-event-id"));
        assert_eq!(
            v["msgTime"].as_str().unwrap().len(),
            19,
            "yyyy-MM-dd HH:mm:ss"
        );
        types.push(v["eventType"].as_str().unwrap().to_owned());
        if v["eventType"] == "message.created" {
            assert_eq!(v["values"]["body"], "你好");
        }
    }
    types.sort();
    assert_eq!(types, ["conversation.queued", "message.created"]);
    // Subscribing to nothing, or to a stranger's id, is refused.
    let none = service::set_events(&w.state, &w.admin, hook.id, &[]).await;
    assert_eq!(none.unwrap_err().field(), Some("events"));
    let missing = service::set_events(&w.state, &w.admin, 1, &events).await;
    assert_eq!(missing.unwrap_err(), crate::AppError::not_found("webhook"));
}
