//! Webhooks against a real HTTP receiver on a random port: subscribed events
//! arrive signed with a unique event id; failures are retried with backoff
//! on a manual clock, then delivered; unsubscribed events are not sent.

use std::sync::{Arc, Mutex};

use super::service::{self, signature};
use super::*;
use crate::chat::{send, MessageForSend, MessageKind};
use crate::db::Clock;
use crate::testing;

const T0: i64 = 1_800_000_000_000;

#[derive(Clone, Default)]
struct Received {
    /// (headers as (name, value), body)
    calls: Arc<Mutex<Vec<(Vec<(String, String)>, String)>>>,
    /// Statuses to answer, in order; 200 once used up.
    script: Arc<Mutex<Vec<u16>>>,
}

/// A tiny HTTP/1.1 receiver: reads one request per connection, answers.
async fn receiver(r: Received) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let r = r.clone();
            tokio::spawn(async move {
                let mut buf = vec![];
                let mut chunk = [0u8; 4096];
                let (head, body) = loop {
                    let n = sock.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    let text = String::from_utf8_lossy(&buf).to_string();
                    if let Some((head, body)) = text.split_once("\r\n\r\n") {
                        let len = head
                            .lines()
                            .find_map(|l| {
                                l.to_ascii_lowercase()
                                    .strip_prefix("content-length:")
                                    .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                            })
                            .unwrap_or(0);
                        if body.len() >= len {
                            break (head.to_owned(), body[..len].to_owned());
                        }
                    }
                };
                let headers = head
                    .lines()
                    .skip(1)
                    .filter_map(|l| l.split_once(':'))
                    .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
                    .collect();
                r.calls.lock().unwrap().push((headers, body));
                let status = {
                    let mut s = r.script.lock().unwrap();
                    if s.is_empty() {
                        200
                    } else {
                        s.remove(0)
                    }
                };
                let reply = format!(
                    "HTTP/1.1 {status} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                );
                let _ = sock.write_all(reply.as_bytes()).await;
            });
        }
    });
    format!("http://{addr}/hook")
}

fn header<'a>(h: &'a [(String, String)], name: &str) -> &'a str {
    h.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

#[tokio::test]
async fn subscribed_events_are_delivered_signed_and_retried_with_backoff() {
    let mut state = testing::test_state().await;
    state.clock = Clock::manual(T0);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let role = testing::cs_role(&state, &admin, "presales", None).await;
    testing::agent(&state, &admin, "cs_a", &[role.id], 5).await;
    let company = testing::company(&state, &admin, "海通", None).await;
    let alice = testing::member(&state, &admin, &company, "张三", "13900000001").await;

    let got = Received::default();
    got.script.lock().unwrap().push(500);
    let url = receiver(got.clone()).await;
    let cs = testing::staff(&state, "cs_x", &["cs"]).await;
    let input = WebhookForCreate {
        url: url.clone(),
        events: vec!["message.created".into()],
    };
    assert_eq!(
        service::create(&state, &cs, &input).await.unwrap_err(),
        crate::AppError::Forbidden
    );
    let (hook, secret) = service::create(&state, &admin, &input).await.unwrap();
    service::start(&state);

    let conv = send::open_conversation(&state, &alice, role.id)
        .await
        .unwrap();
    let msg = MessageForSend {
        conversation_id: conv.id,
        client_id: "m1".into(),
        kind: MessageKind::Text,
        body: "你好".into(),
        reply_to_seq: None,
    };
    send::send_message(&state, &crate::auth::Principal::Member(alice.clone()), &msg)
        .await
        .unwrap();

    // The first attempt gets a 500: pending, retried 10 s later.
    let http = reqwest::Client::new();
    let mut pending = vec![];
    for _ in 0..100 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        service::deliver_due(&state, &http).await.unwrap();
        pending = service::deliveries(
            &state,
            &admin,
            hook.id,
            crate::PageQuery::parse(None, None).unwrap(),
        )
        .await
        .unwrap()
        .items;
        if pending.first().is_some_and(|d| d.attempts == 1) {
            break;
        }
    }
    assert_eq!(
        pending.len(),
        1,
        "one delivery: the conversation events are not subscribed"
    );
    let d = &pending[0];
    assert_eq!(
        (d.status, d.attempts, d.last_status_code),
        (DeliveryStatus::Pending, 1, Some(500))
    );
    assert_eq!(d.next_attempt_at.0, T0 + service::FIRST_RETRY_MS);
    assert_eq!(
        service::deliver_due(&state, &http).await.unwrap(),
        0,
        "not due yet"
    );
    state.clock.advance(service::FIRST_RETRY_MS);
    assert_eq!(service::deliver_due(&state, &http).await.unwrap(), 1);
    let d = &service::deliveries(
        &state,
        &admin,
        hook.id,
        crate::PageQuery::parse(None, None).unwrap(),
    )
    .await
    .unwrap()
    .items[0];
    assert_eq!(
        (d.status, d.attempts, d.last_status_code),
        (DeliveryStatus::Delivered, 2, Some(200))
    );

    // Both attempts carried the same event id and a valid signature.
    let calls = got.calls.lock().unwrap().clone();
    assert_eq!(calls.len(), 2);
    for (h, body) in &calls {
        assert_eq!(header(h, "x-shipdesk-event"), "message.created");
        assert_eq!(header(h, "x-shipdesk-event-id"), d.event_id);
        let ts: i64 = header(h, "x-shipdesk-timestamp").parse().unwrap();
        assert_eq!(
            header(h, "x-shipdesk-signature"),
            signature(&secret, ts, body)
        );
        assert_ne!(
            header(h, "x-shipdesk-signature"),
            signature("other", ts, body)
        );
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["data"]["body"], "你好");
    }
}

#[tokio::test]
async fn a_delivery_that_keeps_failing_is_marked_failed_after_the_last_attempt() {
    let mut state = testing::test_state().await;
    state.clock = Clock::manual(T0);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    // Nothing listens on this port.
    let url = "http://127.0.0.1:9/hook".to_owned();
    let (hook, _) = service::create(
        &state,
        &admin,
        &WebhookForCreate {
            url,
            events: vec!["conversation.queued".into()],
        },
    )
    .await
    .unwrap();
    let role = testing::cs_role(&state, &admin, "presales", None).await;
    let company = testing::company(&state, &admin, "海通", None).await;
    let alice = testing::member(&state, &admin, &company, "张三", "13900000001").await;
    let hooks = repo::all(&state.db).await.unwrap();
    let conv = send::open_conversation(&state, &alice, role.id)
        .await
        .unwrap();
    let msg = crate::chat::wire::ServerMsg::Conversation { conversation: conv };
    assert_eq!(service::enqueue(&state, &hooks, &msg).await.unwrap(), 1);
    assert_eq!(
        service::enqueue(&state, &hooks, &msg).await.unwrap(),
        1,
        "same event id: stored once"
    );
    let http = reqwest::Client::new();
    for _ in 0..service::MAX_ATTEMPTS {
        assert_eq!(service::deliver_due(&state, &http).await.unwrap(), 1);
        state.clock.advance(3_600_000);
    }
    let log = service::deliveries(
        &state,
        &admin,
        hook.id,
        crate::PageQuery::parse(None, None).unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(log.total, 1);
    assert_eq!(
        (log.items[0].status, log.items[0].attempts),
        (DeliveryStatus::Failed, service::MAX_ATTEMPTS)
    );
    assert!(log.items[0].last_error.is_some());
}
