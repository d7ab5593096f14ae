//! The background jobs deliver webhooks end to end: a committed chat
//! message reaches a subscribed receiver through the outbox worker and the
//! sender, with nothing but `spawn_jobs` running them.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use shipdesk::auth::Principal;
use shipdesk::chat::service::send;
use shipdesk::chat::{MessageForSend, MessageKind};
use shipdesk::state::{AppState, Config};
use shipdesk::testing;
use shipdesk::webhook::{service, target::AllowList, WebhookForCreate};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Accepts connections, keeps each request's text, answers 200.
async fn receiver(seen: Arc<Mutex<Vec<String>>>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let seen = seen.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 65536];
                let mut text = String::new();
                while !text.contains("\"data\"") {
                    let n = sock.read(&mut buf).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    text.push_str(&String::from_utf8_lossy(&buf[..n]));
                }
                seen.lock().unwrap().push(text);
                let _ = sock
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                    .await;
            });
        }
    });
    format!("http://{addr}/hook")
}

#[tokio::test]
async fn a_sent_message_reaches_its_webhook_through_the_jobs() {
    let config = Config {
        webhook_allow: AllowList::parse("127.0.0.1").unwrap(),
        ..Config::default()
    };
    let state = AppState::new(testing::fresh_db().await, config);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let desk = testing::desk(&state, &admin, "presales", None).await;
    let company = testing::company(&state, &admin, "海通", None).await;
    let alice = testing::member(&state, &admin, &company, "张三", "13900000001").await;
    let seen = Arc::new(Mutex::new(vec![]));
    let url = receiver(seen.clone()).await;
    let input = WebhookForCreate {
        url,
        events: vec!["message.created".into()],
        ..Default::default()
    };
    service::create(&state, &admin, &input).await.unwrap();
    let app = support::spawn_app_with(state.clone()).await;
    shipdesk_server::spawn_jobs(app.state.clone());

    let conv = send::open_conversation(&state, &alice, desk.id)
        .await
        .unwrap();
    let msg = MessageForSend {
        conversation_id: conv.id,
        client_id: "m1".into(),
        kind: MessageKind::Text,
        body: "经由后台任务".into(),
        reply_to_seq: None,
    };
    send::send_message(&state, &Principal::Member(alice), &msg)
        .await
        .unwrap();

    for _ in 0..100 {
        if !seen.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "delivered once within 5 s");
    assert!(seen[0].contains("x-shipdesk-event: message.created"));
    assert!(seen[0].contains("经由后台任务"));
}
