//! Seed 002's v2 actions: SendMsg (idempotent by `clientMsgId`, replies),
//! Takeover / Release / Activate, SendNotice, and the callbacks (Register,
//! Subscribe) whose webhook gets the v2 event format from the worker.

#[path = "support/chatmess.rs"]
mod chatmess;
#[path = "support/shape.rs"]
mod shape;
mod support;

use chatmess::*;
use serde_json::{json, Value};
use shape::assert_same_shape;
use shipdesk::chat::ConversationStatus;
use shipdesk::types::PageQuery;

fn session_shape() -> Value {
    json!({"requestId": null, "errmsg": 0, "succeed": true, "msgTime": "",
           "values": {"wechatId": 1, "fansKey": "", "state": "", "staffId": 1}, "errdesc": null})
}

#[tokio::test]
async fn a_resent_client_msg_id_answers_the_stored_message_and_sends_once() {
    let w = world().await;
    w.member_says("c1", "你好").await;
    let msg = w.chat(json!({"msgType": "1", "content": "您好，请讲", "clientMsgId": "erp-42"}));
    let first = v2(&w.app, "ChatMess/SendMsg", Some(&w.token), &msg).await;
    assert_eq!(first["errmsg"], 0, "{first}");
    let again = v2(&w.app, "ChatMess/SendMsg", Some(&w.token), &msg).await;
    assert_eq!(first["values"], again["values"]);
    let v = &first["values"];
    assert_eq!(
        (
            &v["ad_chatting_id"],
            &v["ad_chatting_sate"],
            &v["ad_staff_code"]
        ),
        (&json!(2), &json!(1), &json!("cs_a"))
    );
    assert_eq!(w.ids_after(0, json!({})).await, [1, 2]);

    // A reply needs the message it quotes; a bad client id names its field.
    let reply = w.chat(json!({"msgType": 8220, "content": "好的"}));
    let got = v2(&w.app, "ChatMess/SendMsg", Some(&w.token), &reply).await;
    assert_eq!(got["errmsg"], 40002, "{got}");
    let reply = w.chat(json!({"msgType": 8220, "content": "好的", "quoteChattingId": 99}));
    let got = v2(&w.app, "ChatMess/SendMsg", Some(&w.token), &reply).await;
    assert_eq!(got["errmsg"], 40003, "{got}");
    assert!(
        got["errdesc"].as_str().unwrap().contains("quoteChattingId"),
        "{got}"
    );
    let bad_id = w.chat(json!({"msgType": 1, "content": "x", "clientMsgId": "has space"}));
    let got = v2(&w.app, "ChatMess/SendMsg", Some(&w.token), &bad_id).await;
    assert!(
        got["errdesc"].as_str().unwrap().contains("clientMsgId"),
        "{got}"
    );

    // Another agent may not write in it.
    let colleague =
        shipdesk::testing::agent(&w.app.state, &w.admin, "cs_b", &[w.conv.desk_id], 5).await;
    let their_token = token_of(&w.app, &colleague).await;
    let got = v2(&w.app, "ChatMess/SendMsg", Some(&their_token), &msg).await;
    assert_eq!(got["errmsg"], 40300, "{got}");
}

#[tokio::test]
async fn a_supervisor_takes_over_releases_and_re_activates_through_v2() {
    let w = world().await;
    let admin_token = token_of(&w.app, &w.admin).await;
    let chat = w.chat(json!({}));
    // Agents do not take over.
    let got = v2(&w.app, "ChatMess/Takeover", Some(&w.token), &chat).await;
    assert_eq!(got["errmsg"], 40300, "{got}");
    let got = v2(&w.app, "ChatMess/Release", Some(&admin_token), &chat).await;
    assert_eq!(got["errmsg"], 40900, "nothing taken over: {got}");

    let took = v2(&w.app, "ChatMess/Takeover", Some(&admin_token), &chat).await;
    assert_same_shape(&session_shape(), &took, &[]);
    assert_eq!(
        (&took["values"]["state"], &took["values"]["staffId"]),
        (&json!("open"), &json!(w.admin.id))
    );
    let back = v2(&w.app, "ChatMess/Release", Some(&admin_token), &chat).await;
    assert_eq!(back["values"]["staffId"], w.agent.id, "{back}");

    // Activate wants a resolved conversation, and takes it.
    let got = v2(&w.app, "ChatMess/Activate", Some(&w.token), &chat).await;
    assert_eq!(got["errmsg"], 40900, "{got}");
    shipdesk::chat::service::agent::resolve(&w.app.state, &w.agent, w.conv.id)
        .await
        .unwrap();
    let notice = w.chat(json!({"content": "x"}));
    let got = v2(&w.app, "ChatMess/SendNotice", Some(&w.token), &notice).await;
    assert_eq!(
        got["errmsg"], 40900,
        "a resolved conversation takes no notice: {got}"
    );
    let again = v2(&w.app, "ChatMess/Activate", Some(&w.token), &chat).await;
    assert_eq!(
        (&again["values"]["state"], &again["values"]["staffId"]),
        (&json!("open"), &json!(w.agent.id))
    );
    let conv = shipdesk::chat::repo::conversation::by_id(&w.app.state.db, w.conv.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(conv.status, ConversationStatus::Open);
}

#[tokio::test]
async fn a_notice_is_a_system_line_in_the_conversation() {
    let w = world().await;
    let got = v2(
        &w.app,
        "ChatMess/SendNotice",
        Some(&w.token),
        &w.chat(json!({"content": "  "})),
    )
    .await;
    assert_eq!(got["errmsg"], 40002, "blank is missing: {got}");
    let got = v2(
        &w.app,
        "ChatMess/SendNotice",
        Some(&w.token),
        &w.chat(json!({"content": "系统维护通知"})),
    )
    .await;
    let v = &got["values"];
    assert_eq!(
        (
            &v["ad_chatting_sate"],
            &v["ad_chatting_content"],
            &v["ad_chatting_issend"]
        ),
        (&json!(10000), &json!("系统维护通知"), &json!(1))
    );
    // The member sees it too.
    let seen = shipdesk::chat::service::message::messages_after(
        &w.app.state,
        &shipdesk::auth::Principal::Member(w.alice.clone()),
        w.conv.id,
        0,
        10,
    )
    .await
    .unwrap();
    assert_eq!(
        seen.last().unwrap().kind,
        shipdesk::chat::MessageKind::System
    );
}

#[tokio::test]
async fn a_registered_callback_gets_events_in_the_v2_format() {
    let w = world().await;
    let admin_token = token_of(&w.app, &w.admin).await;
    let url = json!({"callbackUrl": "https://erp.example.com/im/callback"});
    let got = v2(&w.app, "Callback/Register", Some(&w.token), &url).await;
    assert_eq!(
        got["errmsg"], 40300,
        "agents do not register callbacks: {got}"
    );
    let bad = v2(
        &w.app,
        "Callback/Register",
        Some(&admin_token),
        &json!({"callbackUrl": "ftp://x"}),
    )
    .await;
    assert_eq!(bad["errmsg"], 40003, "{bad}");
    assert!(
        bad["errdesc"].as_str().unwrap().contains("callbackUrl"),
        "{bad}"
    );

    let reg = v2(&w.app, "Callback/Register", Some(&admin_token), &url).await;
    assert_eq!(reg["errmsg"], 0, "{reg}");
    let id = reg["values"]["callbackId"].as_i64().unwrap();
    assert!(reg["values"]["secret"]
        .as_str()
        .unwrap()
        .starts_with("whsec_"));
    assert_eq!(
        reg["values"]["events"].as_array().unwrap().len(),
        shipdesk::webhook::EVENTS.len()
    );

    let sub = json!({"callbackId": id.to_string(), "events": "message.created"});
    let got = v2(&w.app, "Callback/Subscribe", Some(&admin_token), &sub).await;
    assert_eq!(
        got["values"],
        json!({"callbackId": id, "events": ["message.created"]}),
        "{got}"
    );
    for (body, code) in [
        (json!({"callbackId": id, "events": ["order.paid"]}), 40003),
        (json!({"callbackId": id}), 40002),
        (
            json!({"callbackId": 1, "events": ["message.created"]}),
            40400,
        ),
    ] {
        let got = v2(&w.app, "Callback/Subscribe", Some(&admin_token), &body).await;
        assert_eq!(got["errmsg"], code, "{body}: {got}");
    }

    // The worker's fan-out writes the delivery in the v2 event format.
    w.member_says("c1", "你好").await;
    shipdesk::webhook::service::fan_out(&w.app.state, 100)
        .await
        .unwrap();
    let page = PageQuery::parse(None, None).unwrap();
    let log = shipdesk::webhook::service::deliveries(&w.app.state, &w.admin, id, page)
        .await
        .unwrap();
    assert_eq!(log.items.len(), 1, "only the subscribed event");
    let body: Value = serde_json::from_str(&log.items[0].payload).unwrap();
    assert_eq!(
        (&body["eventType"], &body["succeed"]),
        (&json!("message.created"), &json!(true))
    );
    assert_eq!(body["requestId"], log.items[0].event_id);
    assert_eq!(body["values"]["body"], "你好");
}
