//! The chat WebSocket end to end: real sockets against the running router.
//! Two clients see each other's messages, typing and read marks live; a
//! reconnect catches up exactly; a resend is not stored twice; strangers,
//! other sites and malformed frames are refused. On PostgreSQL, two
//! instances on one database see each other's events (LISTEN/NOTIFY).

mod support;

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use shipdesk::auth::Staff;
use shipdesk::chat::Desk;
use support::*;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::Message as Ws;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

struct Chat {
    app: TestApp,
    desk: Desk,
    agent: Staff,
    agent_cookie: String,
    member_cookie: String,
}

/// An admin, one desk, one online agent (cap 5) and one member, all signed in.
async fn chat() -> Chat {
    let app = spawn_app().await;
    chat_on(app).await
}

/// As `chat`, on an app whose configuration `set` changes.
async fn chat_with(set: impl FnOnce(&mut shipdesk::state::Config)) -> Chat {
    let mut state = shipdesk::testing::test_state().await;
    let mut config = (*state.config).clone();
    set(&mut config);
    state.config = std::sync::Arc::new(config);
    chat_on(spawn_app_with(state).await).await
}

async fn chat_on(app: TestApp) -> Chat {
    let admin = shipdesk::testing::staff(&app.state, "root", &["admin"]).await;
    let desk = shipdesk::testing::desk(&app.state, &admin, "presales", None).await;
    let agent = shipdesk::testing::agent(&app.state, &admin, "cs_a", &[desk.id], 5).await;
    app.company_with_member(&admin, "海通跨境", None, "13900000001")
        .await;
    let agent_cookie = staff_cookie(&app, "cs_a", PASSWORD).await;
    let member_cookie = member_cookie(&app, "13900000001").await;
    Chat {
        app,
        desk,
        agent,
        agent_cookie,
        member_cookie,
    }
}

fn ws_url(app: &TestApp) -> String {
    format!("{}/ws", app.base.replace("http://", "ws://"))
}

async fn try_connect(app: &TestApp, cookie: &str, origin: Option<&str>) -> Result<Socket, u16> {
    let mut req = ws_url(app).into_client_request().unwrap();
    if !cookie.is_empty() {
        req.headers_mut()
            .insert("cookie", HeaderValue::from_str(cookie).unwrap());
    }
    if let Some(o) = origin {
        req.headers_mut()
            .insert("origin", HeaderValue::from_str(o).unwrap());
    }
    match tokio_tungstenite::connect_async(req).await {
        Ok((s, _)) => Ok(s),
        Err(tokio_tungstenite::tungstenite::Error::Http(res)) => Err(res.status().as_u16()),
        Err(e) => panic!("connect: {e}"),
    }
}

/// A connected socket, past its `hello`.
async fn connect(app: &TestApp, cookie: &str) -> Socket {
    let mut s = try_connect(app, cookie, None).await.expect("socket opens");
    let hello = next(&mut s).await;
    assert_eq!(hello["type"], "hello", "{hello}");
    s
}

async fn send(s: &mut Socket, v: Value) {
    s.send(Ws::Text(v.to_string().into())).await.unwrap();
}

/// The next JSON frame (panics after 5 s).
async fn next(s: &mut Socket) -> Value {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(5), s.next())
            .await
            .expect("a frame within 5 s")
            .expect("socket open")
            .expect("frame");
        match frame {
            Ws::Text(t) => return serde_json::from_str(t.as_str()).unwrap(),
            Ws::Close(c) => panic!("closed: {c:?}"),
            _ => continue,
        }
    }
}

/// The next frame of `kind`, skipping others (presence, conversation updates).
async fn next_of(s: &mut Socket, kind: &str) -> Value {
    loop {
        let v = next(s).await;
        if v["type"] == kind {
            return v;
        }
    }
}

/// Nothing more of `kind` arrives within `ms`.
async fn quiet(s: &mut Socket, kind: &str, ms: u64) {
    let end = tokio::time::Instant::now() + Duration::from_millis(ms);
    while let Ok(Some(Ok(frame))) = tokio::time::timeout_at(end, s.next()).await {
        if let Ws::Text(t) = frame {
            let v: Value = serde_json::from_str(t.as_str()).unwrap();
            assert_ne!(v["type"], kind, "unexpected {v}");
        }
    }
}

fn text(conv: i64, client_id: &str, body: &str) -> Value {
    json!({"type": "send", "conversation_id": conv, "client_id": client_id,
           "kind": "text", "body": body, "reply_to_seq": null})
}

/// The member opens a conversation in the desk (assigned to the agent).
async fn open(c: &Chat) -> i64 {
    let client = bare_client();
    let res = client
        .post(c.app.url("/api/chat_open"))
        .header("cookie", &c.member_cookie)
        // `role_id`: the name older clients send.
        .json(&json!({"role_id": c.desk.id}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let conv: Value = res.json().await.unwrap();
    assert_eq!(conv["assignee_staff_id"], json!(c.agent.id));
    conv["id"].as_i64().unwrap()
}

#[tokio::test]
async fn a_member_and_an_agent_see_messages_typing_and_read_marks_live() {
    let c = chat().await;
    let conv = open(&c).await;
    let mut member = connect(&c.app, &c.member_cookie).await;
    let mut agent = connect(&c.app, &c.agent_cookie).await;

    send(
        &mut member,
        json!({"type": "typing", "conversation_id": conv}),
    )
    .await;
    let typing = next_of(&mut agent, "typing").await;
    assert_eq!(typing["side"], "member");

    send(&mut member, text(conv, "m-1", "你好，我想问一下运费")).await;
    let ack = next_of(&mut member, "ack").await;
    assert_eq!(
        (ack["client_id"].as_str(), ack["created"].as_bool()),
        (Some("m-1"), Some(true))
    );
    assert_eq!(ack["message"]["seq"], 1);
    let got = next_of(&mut agent, "message").await;
    assert_eq!(got["message"]["body"], "你好，我想问一下运费");
    assert_eq!(got["message"]["seq"], 1);

    send(
        &mut agent,
        json!({"type": "read", "conversation_id": conv, "seq": 1}),
    )
    .await;
    let read = next_of(&mut member, "read").await;
    assert_eq!(
        (read["side"].as_str(), read["seq"].as_i64()),
        (Some("staff"), Some(1))
    );

    send(&mut agent, text(conv, "a-1", "您好，请问发往哪个仓库？")).await;
    let reply = next_of(&mut member, "message").await;
    assert_eq!(reply["message"]["seq"], 2);
    assert_eq!(reply["message"]["sender_kind"], "staff");
    // The member does not get their own typing back.
    quiet(&mut member, "typing", 200).await;
}

#[tokio::test]
async fn a_reconnecting_client_gets_exactly_what_it_missed_in_order() {
    let c = chat().await;
    let conv = open(&c).await;
    let mut member = connect(&c.app, &c.member_cookie).await;
    let mut agent = connect(&c.app, &c.agent_cookie).await;
    send(&mut member, text(conv, "m-1", "one")).await;
    next_of(&mut member, "ack").await;
    next_of(&mut agent, "message").await;
    member.close(None).await.unwrap();
    drop(member);

    // While the member is away: four replies and a staff-only note.
    for i in 2..=5 {
        send(
            &mut agent,
            text(conv, &format!("a-{i}"), &format!("reply {i}")),
        )
        .await;
        next_of(&mut agent, "ack").await;
    }
    let note = json!({"type": "send", "conversation_id": conv, "client_id": "n-1",
                      "kind": "note", "body": "VIP 客户", "reply_to_seq": null});
    send(&mut agent, note).await;
    next_of(&mut agent, "ack").await;

    let mut member = connect(&c.app, &c.member_cookie).await;
    send(
        &mut member,
        json!({"type": "resume", "cursors": [{"conversation_id": conv, "after_seq": 1}]}),
    )
    .await;
    let mut seqs = vec![];
    loop {
        let v = next(&mut member).await;
        match v["type"].as_str() {
            Some("message") => seqs.push(v["message"]["seq"].as_i64().unwrap()),
            Some("synced") => break,
            _ => {}
        }
    }
    assert_eq!(seqs, vec![2, 3, 4, 5], "no gaps, no duplicates, no note");

    // Live again: the next reply arrives once.
    send(&mut agent, text(conv, "a-7", "still there?")).await;
    let live = next_of(&mut member, "message").await;
    assert_eq!(live["message"]["seq"], 7);
    quiet(&mut member, "message", 200).await;
}

#[tokio::test]
async fn a_resend_of_a_client_id_returns_the_stored_message_once() {
    let c = chat().await;
    let conv = open(&c).await;
    let mut member = connect(&c.app, &c.member_cookie).await;
    let mut agent = connect(&c.app, &c.agent_cookie).await;
    send(&mut member, text(conv, "dup-1", "hello")).await;
    let first = next_of(&mut member, "ack").await;
    send(&mut member, text(conv, "dup-1", "hello")).await;
    let again = next_of(&mut member, "ack").await;
    assert_eq!(again["created"], false);
    assert_eq!(again["message"]["id"], first["message"]["id"]);
    next_of(&mut agent, "message").await;
    quiet(&mut agent, "message", 300).await;
}

#[tokio::test]
async fn bad_frames_get_errors_and_the_socket_stays_up() {
    let c = chat().await;
    let conv = open(&c).await;
    let mut member = connect(&c.app, &c.member_cookie).await;
    member
        .send(Ws::Text("{oops".to_string().into()))
        .await
        .unwrap();
    let e = next_of(&mut member, "error").await;
    assert_eq!(e["key"], "ws.bad_frame");
    send(&mut member, text(conv, "long-1", &"长".repeat(5001))).await;
    let e = next_of(&mut member, "error").await;
    assert_eq!(
        (
            e["client_id"].as_str(),
            e["field"].as_str(),
            e["key"].as_str()
        ),
        (Some("long-1"), Some("body"), Some("message.too_long"))
    );
    send(&mut member, text(conv + 1, "x-1", "hi")).await;
    let e = next_of(&mut member, "error").await;
    assert_eq!(e["key"], "error.not_found");
    send(&mut member, json!({"type": "ping"})).await;
    next_of(&mut member, "pong").await;
}

#[tokio::test]
async fn a_member_cannot_touch_another_members_conversation_over_the_socket() {
    let c = chat().await;
    let conv = open(&c).await;
    let admin = shipdesk::testing::staff(&c.app.state, "root2", &["admin"]).await;
    c.app
        .company_with_member(&admin, "别家公司", None, "13900000009")
        .await;
    let other_cookie = member_cookie(&c.app, "13900000009").await;
    let mut other = connect(&c.app, &other_cookie).await;
    let mut owner = connect(&c.app, &c.member_cookie).await;
    send(&mut owner, text(conv, "m-1", "private")).await;
    next_of(&mut owner, "ack").await;
    for cmd in [
        text(conv, "evil-1", "hi"),
        json!({"type": "read", "conversation_id": conv, "seq": 1}),
        json!({"type": "recall", "conversation_id": conv, "seq": 1}),
        json!({"type": "typing", "conversation_id": conv}),
        json!({"type": "resume", "cursors": [{"conversation_id": conv, "after_seq": 0}]}),
        json!({"type": "status", "status": "online"}),
    ] {
        send(&mut other, cmd.clone()).await;
        let e = next_of(&mut other, "error").await;
        assert!(
            e["key"] == "error.not_found" || e["key"] == "error.forbidden",
            "{cmd} answered {e}"
        );
    }
    quiet(&mut other, "message", 200).await;
    let conv_now = shipdesk::chat::service::message::messages_after(
        &c.app.state,
        &shipdesk::auth::Principal::Staff(c.agent.clone()),
        conv,
        0,
        10,
    )
    .await
    .unwrap();
    assert_eq!(conv_now.len(), 1);
    assert!(!conv_now[0].recalled);
}

#[tokio::test]
async fn strangers_other_sites_and_non_chat_staff_get_no_socket() {
    let c = chat().await;
    assert_eq!(try_connect(&c.app, "", None).await.err(), Some(401));
    assert_eq!(
        try_connect(&c.app, "sd_session=forged", None).await.err(),
        Some(401)
    );
    assert_eq!(
        try_connect(&c.app, &c.member_cookie, Some("https://evil.example"))
            .await
            .err(),
        Some(403)
    );
    shipdesk::testing::staff(&c.app.state, "sales_x", &["sales"]).await;
    let sales = staff_cookie(&c.app, "sales_x", PASSWORD).await;
    assert_eq!(try_connect(&c.app, &sales, None).await.err(), Some(403));
    // A page of this host may.
    let origin = c.app.base.clone();
    assert!(try_connect(&c.app, &c.member_cookie, Some(&origin))
        .await
        .is_ok());
}

#[tokio::test]
async fn a_signed_out_session_cannot_open_a_socket() {
    let c = chat().await;
    let client = bare_client();
    let res = client
        .post(c.app.url("/api/logout"))
        .header("cookie", &c.member_cookie)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "logout: {}", res.status());
    assert_eq!(
        try_connect(&c.app, &c.member_cookie, None).await.err(),
        Some(401)
    );
}

/// Two instances on one PostgreSQL database: a message sent through A
/// reaches a socket on B, and B's reply reaches A.
#[tokio::test]
async fn on_postgres_a_message_through_one_instance_reaches_a_socket_on_another() {
    if std::env::var("SHIPDESK_TEST_PG").map_or(true, |v| v.is_empty()) {
        eprintln!("skipped: SHIPDESK_TEST_PG is not set (the PostgreSQL run covers it)");
        return;
    }
    let c = chat().await;
    let b = spawn_sibling(&c.app).await;
    let conv = open(&c).await;
    let mut member_on_a = connect(&c.app, &c.member_cookie).await;
    let mut agent_on_b = connect(&b, &c.agent_cookie).await;
    send(&mut member_on_a, text(conv, "m-1", "from A")).await;
    next_of(&mut member_on_a, "ack").await;
    let got = next_of(&mut agent_on_b, "message").await;
    assert_eq!(got["message"]["body"], "from A");
    send(&mut agent_on_b, text(conv, "a-1", "from B")).await;
    let back = next_of(&mut member_on_a, "message").await;
    assert_eq!(back["message"]["body"], "from B");
    assert_eq!(back["message"]["seq"], 2);
    // Typing crosses too.
    send(
        &mut member_on_a,
        json!({"type": "typing", "conversation_id": conv}),
    )
    .await;
    next_of(&mut agent_on_b, "typing").await;
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-not-a-real-image";

async fn upload(c: &Chat, cookie: &str, conv: i64, name: &str, bytes: &[u8]) -> (u16, Value) {
    let res = bare_client()
        .post(
            c.app
                .url(&format!("/chat/upload?conversation_id={conv}&name={name}")),
        )
        .header("cookie", cookie)
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn images_are_uploaded_sent_and_served_only_to_the_conversations_people() {
    let c = chat().await;
    let conv = open(&c).await;
    let (status, att) = upload(&c, &c.member_cookie, conv, "报关单.png", PNG).await;
    assert_eq!(status, 200, "{att}");
    assert_eq!(att["mime"], "image/png");
    assert_eq!(att["name"], "报关单.png");
    let key = att["key"].as_str().unwrap().to_owned();

    let mut member = connect(&c.app, &c.member_cookie).await;
    let mut agent = connect(&c.app, &c.agent_cookie).await;
    let image = json!({"type": "send", "conversation_id": conv, "client_id": "img-1",
                       "kind": "image", "body": key, "reply_to_seq": null});
    send(&mut member, image).await;
    next_of(&mut member, "ack").await;
    let got = next_of(&mut agent, "message").await;
    assert_eq!(got["message"]["kind"], "image");
    let body: Value = serde_json::from_str(got["message"]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["key"], json!(key));

    // The agent may fetch it; another customer and strangers may not.
    let fetch = |cookie: String| {
        let url = c.app.url(&format!("/chat/files/{key}"));
        async move {
            let mut req = bare_client().get(url);
            if !cookie.is_empty() {
                req = req.header("cookie", cookie);
            }
            req.send().await.unwrap()
        }
    };
    let res = fetch(c.agent_cookie.clone()).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.bytes().await.unwrap().as_ref(), PNG);
    let admin = shipdesk::testing::staff(&c.app.state, "root2", &["admin"]).await;
    c.app
        .company_with_member(&admin, "别家公司", None, "13900000009")
        .await;
    let other = member_cookie(&c.app, "13900000009").await;
    assert_eq!(fetch(other.clone()).await.status(), 404);
    assert_eq!(fetch(String::new()).await.status(), 401);

    // The other customer cannot upload into it either, nor send the key.
    let (status, _) = upload(&c, &other, conv, "x.png", PNG).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn refused_types_oversized_files_and_foreign_keys_are_named_errors() {
    let c = chat_with(|config| config.upload_max_bytes = 1024).await;
    let conv = open(&c).await;
    let (status, e) = upload(&c, &c.member_cookie, conv, "setup.exe", b"MZ\x90\x00rest").await;
    assert_eq!(
        (status, e["field"].as_str(), e["key"].as_str()),
        (422, Some("file"), Some("attachment.type_refused"))
    );
    let big = [PNG, &vec![0u8; 2048]].concat();
    let (status, e) = upload(&c, &c.member_cookie, conv, "big.png", &big).await;
    assert_eq!(
        (status, e["key"].as_str()),
        (413, Some("attachment.too_large"))
    );
    let (status, _) = upload(&c, &c.member_cookie, conv, "a.png", &vec![0u8; 200_000]).await;
    assert_eq!(
        status, 413,
        "far over the limit: refused before reading it all"
    );
    // A pdf is a file, not an image; an unknown key is refused.
    let (_, pdf) = upload(&c, &c.member_cookie, conv, "invoice.pdf", b"%PDF-1.4 x").await;
    let mut member = connect(&c.app, &c.member_cookie).await;
    for (kind, body, key) in [
        (
            "image",
            pdf["key"].as_str().unwrap(),
            "attachment.not_image",
        ),
        (
            "file",
            "0123456789abcdef0123456789abcdef",
            "attachment.unknown",
        ),
    ] {
        send(
            &mut member,
            json!({"type": "send", "conversation_id": conv, "client_id": format!("f-{kind}"),
            "kind": kind, "body": body, "reply_to_seq": null}),
        )
        .await;
        let err = next_of(&mut member, "error").await;
        assert_eq!(err["key"], key);
    }
    send(
        &mut member,
        json!({"type": "send", "conversation_id": conv, "client_id": "f-ok",
        "kind": "file", "body": pdf["key"], "reply_to_seq": null}),
    )
    .await;
    let ack = next_of(&mut member, "ack").await;
    assert_eq!(ack["message"]["seq"], 1);
}

#[tokio::test]
async fn signing_out_elsewhere_closes_an_open_socket() {
    let c = chat_with(|config| config.socket_recheck_secs = 1).await;
    let mut member = connect(&c.app, &c.member_cookie).await;
    sign_out(&c.app, &c.member_cookie).await;
    assert_eq!(close_code(&mut member, 5).await, Some(4401));
}

/// Signs the session of `cookie` out over HTTP.
async fn sign_out(app: &TestApp, cookie: &str) {
    let res = bare_client()
        .post(app.url("/api/logout"))
        .header("cookie", cookie)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
}

/// The code the server closes `s` with, within `secs` seconds.
async fn close_code(s: &mut Socket, secs: u64) -> Option<u16> {
    tokio::time::timeout(Duration::from_secs(secs), async {
        loop {
            match s.next().await {
                Some(Ok(Ws::Close(frame))) => return frame.map(|f| u16::from(f.code)),
                None | Some(Err(_)) => return None,
                _ => {}
            }
        }
    })
    .await
    .expect("the socket closes in time")
}

/// With the periodic re-check a minute away, a sign-out and a change of
/// roles still end the person's sockets at once.
#[tokio::test]
async fn a_sign_out_or_a_role_change_closes_sockets_without_waiting_for_the_recheck() {
    let c = chat().await;
    assert_eq!(c.app.state.config.socket_recheck_secs, 60);
    let mut member = connect(&c.app, &c.member_cookie).await;
    let mut agent = connect(&c.app, &c.agent_cookie).await;
    sign_out(&c.app, &c.member_cookie).await;
    assert_eq!(close_code(&mut member, 5).await, Some(4401));

    let admin = shipdesk::testing::staff(&c.app.state, "root2", &["admin"]).await;
    shipdesk::auth::service::set_staff_roles(&c.app.state, &admin, c.agent.id, &["sales".into()])
        .await
        .unwrap();
    assert_eq!(close_code(&mut agent, 5).await, Some(4401));
}

/// The member of `chat()`.
async fn the_member(c: &Chat) -> shipdesk::auth::Member {
    shipdesk::auth::repo::member_by_phone(&c.app.state.db, "13900000001")
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn a_resume_of_500_cursors_over_a_long_history_sends_one_page_then_http_pages_the_rest() {
    let c = chat().await;
    let conv = open(&c).await;
    let member = the_member(&c).await;
    let stored = shipdesk::chat::repo::conversation::by_id(&c.app.state.db, conv)
        .await
        .unwrap()
        .unwrap();
    shipdesk::testing::chat_history(&c.app.state, &stored, &member, 3000, "你好").await;

    let mut socket = connect(&c.app, &c.member_cookie).await;
    let cursors: Vec<Value> = (0..500)
        .map(|_| json!({"conversation_id": conv, "after_seq": 0}))
        .collect();
    send(&mut socket, json!({"type": "resume", "cursors": cursors})).await;
    let mut seqs = vec![];
    let synced = loop {
        let v = next(&mut socket).await;
        match v["type"].as_str() {
            Some("message") => seqs.push(v["message"]["seq"].as_i64().unwrap()),
            Some("synced") => break v,
            _ => {}
        }
    };
    assert_eq!(seqs, (1..=200).collect::<Vec<i64>>());
    assert_eq!(
        (synced["last_seq"].as_i64(), synced["more"].as_bool()),
        (Some(200), Some(true))
    );
    quiet(&mut socket, "message", 300).await;

    // The client pages the rest over HTTP.
    let res = bare_client()
        .post(c.app.url("/api/chat_messages"))
        .header("cookie", &c.member_cookie)
        .json(&json!({"conversation_id": conv, "after_seq": 200, "limit": 200}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let page: Vec<Value> = res.json().await.unwrap();
    assert_eq!(page.len(), 200);
    assert_eq!(page[0]["seq"], 201);
}

#[tokio::test]
async fn a_socket_sending_too_fast_gets_rate_limit_errors_and_stays_up() {
    let c = chat().await;
    let conv = open(&c).await;
    let mut member = connect(&c.app, &c.member_cookie).await;
    for i in 0..30 {
        send(&mut member, text(conv, &format!("f-{i}"), "快")).await;
    }
    let (mut acks, mut limited) = (0, vec![]);
    while acks + limited.len() < 30 {
        let v = next(&mut member).await;
        match v["type"].as_str() {
            Some("ack") => acks += 1,
            Some("error") => {
                assert_eq!(v["key"], "send.rate_limited", "{v}");
                limited.push(v["client_id"].as_str().unwrap().to_owned());
            }
            _ => {}
        }
    }
    assert!(acks >= 20, "the burst goes through ({acks})");
    assert!(!limited.is_empty(), "30 at once are too many");
    send(&mut member, json!({"type": "ping"})).await;
    next_of(&mut member, "pong").await;
}

async fn agent_status(app: &TestApp, id: i64) -> shipdesk::chat::AgentStatus {
    shipdesk::chat::repo::agent::agent_load(&app.state.db, id)
        .await
        .unwrap()
        .unwrap()
        .status
}

/// Two instances on one database (SQLite or PostgreSQL): an agent with a
/// tab on each stays online when one closes, and goes offline after the
/// grace period once the last one, on the other instance, closes.
#[tokio::test]
async fn an_agent_with_tabs_on_two_instances_stays_online_until_the_last_closes() {
    let c = chat_with(|config| config.presence_grace_secs = 0).await;
    let b = spawn_sibling(&c.app).await;
    let mut on_a = connect(&c.app, &c.agent_cookie).await;
    let mut on_b = connect(&b, &c.agent_cookie).await;
    on_a.close(None).await.unwrap();
    drop(on_a);
    // A's grace (0 s) runs out with the tab on B still open.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        agent_status(&c.app, c.agent.id).await,
        shipdesk::chat::AgentStatus::Online
    );
    send(&mut on_b, json!({"type": "ping"})).await;
    next_of(&mut on_b, "pong").await;

    on_b.close(None).await.unwrap();
    drop(on_b);
    let mut status = shipdesk::chat::AgentStatus::Online;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        status = agent_status(&c.app, c.agent.id).await;
        if status == shipdesk::chat::AgentStatus::Offline {
            break;
        }
    }
    assert_eq!(status, shipdesk::chat::AgentStatus::Offline);
}

#[path = "support/quote.rs"]
mod quote;

fn quote_card(conv: i64, client_id: &str, number: &str) -> Value {
    json!({"type": "send", "conversation_id": conv, "client_id": client_id, "kind": "card",
           "body": json!({"type": "quote", "number": number}).to_string(), "reply_to_seq": null})
}

#[tokio::test]
async fn an_agents_quote_card_reaches_the_member_live_and_another_companys_is_refused() {
    let c = chat().await;
    let conv = open(&c).await;
    let alice = the_member(&c).await;
    let agent = shipdesk::auth::Principal::Staff(c.agent.clone());
    let admin = shipdesk::testing::staff(&c.app.state, "root2", &["admin"]).await;
    let rival = shipdesk::testing::company(&c.app.state, &admin, "广州优品", None).await;
    let ours = quote::saved_quote(&c.app.state, &agent, Some(alice.company_id)).await;
    let theirs = quote::saved_quote(&c.app.state, &agent, Some(rival.id)).await;
    let mut member = connect(&c.app, &c.member_cookie).await;
    let mut socket = connect(&c.app, &c.agent_cookie).await;

    send(&mut socket, quote_card(conv, "q-1", &ours.number)).await;
    let got = next_of(&mut member, "message").await;
    send(&mut socket, quote_card(conv, "q-2", &theirs.number)).await;
    let refused = next_of(&mut socket, "error").await;

    assert_eq!(got["message"]["kind"], "card");
    let body: Value = serde_json::from_str(got["message"]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body, json!({"type": "quote", "number": ours.number}));
    assert_eq!(
        (refused["client_id"].as_str(), refused["field"].as_str()),
        (Some("q-2"), Some("quote"))
    );
    assert_eq!(refused["key"], "message.quote_other_company");
    // The member reads the quote the card names over HTTP, at her price.
    let res = bare_client()
        .post(c.app.url("/api/get_quote"))
        .header("cookie", &c.member_cookie)
        .json(&json!({"number": ours.number}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let q: Value = res.json().await.unwrap();
    assert_eq!(q["total_fen"], json!(ours.total_fen));
    assert!(q["plan"]["cost_total_fen"].is_null());
}

fn order_card(conv: i64, client_id: &str, number: &str) -> Value {
    json!({"type": "send", "conversation_id": conv, "client_id": client_id, "kind": "card",
           "body": json!({"type": "order", "number": number}).to_string(), "reply_to_seq": null})
}

#[tokio::test]
async fn a_members_order_card_reaches_the_agent_who_reads_its_status_now() {
    let c = chat().await;
    let conv = open(&c).await;
    let alice = shipdesk::auth::Principal::Member(the_member(&c).await);
    let admin = shipdesk::testing::staff(&c.app.state, "root2", &["admin"]).await;
    let rival = shipdesk::testing::company(&c.app.state, &admin, "广州优品", None).await;
    let carol =
        shipdesk::testing::member(&c.app.state, &admin, &rival, "刘洋", "13900000009").await;
    let ours = quote::booked_order(&c.app.state, &alice, "chat-ws-order-1").await;
    let carol = shipdesk::auth::Principal::Member(carol);
    let theirs = quote::booked_order(&c.app.state, &carol, "chat-ws-order-2").await;
    let mut member = connect(&c.app, &c.member_cookie).await;
    let mut socket = connect(&c.app, &c.agent_cookie).await;

    send(&mut member, order_card(conv, "o-1", &ours.number)).await;
    let got = next_of(&mut socket, "message").await;
    send(&mut member, order_card(conv, "o-2", &theirs.number)).await;
    let refused = next_of(&mut member, "error").await;
    let ops = shipdesk::auth::Principal::Staff(admin);
    shipdesk::orders::service::confirm_order(&c.app.state, &ops, ours.id, ours.version)
        .await
        .unwrap();

    let body: Value = serde_json::from_str(got["message"]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body, json!({"type": "order", "number": ours.number}));
    assert_eq!(
        (refused["client_id"].as_str(), refused["field"].as_str()),
        (Some("o-2"), Some("order"))
    );
    assert_eq!(refused["key"], "message.order_unknown");
    // The agent's card reads the order as it is now.
    let res = bare_client()
        .post(c.app.url("/api/get_order_brief"))
        .header("cookie", &c.agent_cookie)
        .json(&json!({"number": ours.number}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let o: Value = res.json().await.unwrap();
    assert_eq!(o["status"], "confirmed");
    assert_eq!(o["cartons"], 5);
}
