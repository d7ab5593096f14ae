//! Seed 002's `POST /v2/ChatMess/GetChat` (读取聊天记录): the seed's 17
//! fields with its types in the v2 envelope, the incremental sync by
//! `minChattingId`, and refusals in the envelope with their codes.

#[path = "support/chatmess.rs"]
mod chatmess;
#[path = "support/shape.rs"]
mod shape;
mod support;

use chatmess::*;
use serde_json::{json, Value};
use shape::assert_same_shape;
use shipdesk::auth::Principal;
use shipdesk::chat::service::send;
use shipdesk::chat::{MessageForSend, MessageKind};
use support::*;

/// Seed 002's example answer of GetChat.
const SEED: &str = r#"{
  "requestId": null, "errmsg": 0, "succeed": true, "msgTime": "string",
  "values": [{
      "ad_chatting_id": 0, "ad_chatting_talter": "string", "ad_chatting_issend": 0,
      "ad_chatting_resvred": "string", "ad_wechat_id": 0, "merchantid": "string",
      "ad_chatting_updatetime": "string", "ad_chatting_sate": 0, "ad_sermsgid": "string",
      "ad_chatting_time": "string", "ad_chatting_content": "string", "ad_staff_code": "string",
      "ad_voice_txt": null, "ad_friend_photo": "string", "ad_friend_name": "string",
      "ad_expand": "string", "ad_wechat_nober": "string"
  }],
  "errdesc": null
}"#;
/// Fields the seed documents as "string | null".
const NULLABLE: &[&str] = &["values[].ad_chatting_resvred", "values[].ad_staff_code"];
/// A refusal: the envelope with a code, no values and a description.
fn refusal_shape() -> Value {
    json!({"requestId": null, "errmsg": 1, "succeed": false, "msgTime": "", "values": null, "errdesc": ""})
}

fn decoded(resvred: &Value) -> Value {
    let text = resvred.as_str().expect("resvred");
    let query = format!("v={text}");
    let (_, v) = form_urlencoded::parse(query.as_bytes()).next().unwrap();
    serde_json::from_str(&v).unwrap()
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-not-a-real-image";

#[tokio::test]
async fn get_chat_answers_each_message_with_the_seeds_seventeen_fields_and_types() {
    let w = world().await;
    w.member_says("c1", "你好").await;
    let reply = w.chat(json!({"msgType": 8220, "content": "收到", "quoteChattingId": 1}));
    assert_eq!(
        v2(&w.app, "ChatMess/SendMsg", Some(&w.token), &reply).await["errmsg"],
        0
    );
    let image = w
        .upload(Principal::Member(w.alice.clone()), "a.png", PNG)
        .await;
    let who = Principal::Member(w.alice.clone());
    let input = MessageForSend {
        conversation_id: w.conv.id,
        client_id: "c2".into(),
        kind: MessageKind::Image,
        body: image.clone(),
        reply_to_seq: None,
    };
    send::send_message(&w.app.state, &who, &input)
        .await
        .unwrap();
    let file = w
        .upload(Principal::Staff(w.agent.clone()), "报价.pdf", PDF)
        .await;
    let send_file = w.chat(json!({"msgType": "496", "content": file}));
    assert_eq!(
        v2(&w.app, "ChatMess/SendMsg", Some(&w.token), &send_file).await["errmsg"],
        0
    );
    let notice = w.chat(json!({"content": "明天放假"}));
    assert_eq!(
        v2(&w.app, "ChatMess/SendNotice", Some(&w.token), &notice).await["errmsg"],
        0
    );

    let body =
        w.chat(json!({"pageIndex": "1", "pageSize": "10", "startTimestamp": 0, "endTimestamp": 0}));
    let got = v2(&w.app, "ChatMess/GetChat", Some(&w.token), &body).await;
    let seed: Value = serde_json::from_str(SEED).unwrap();
    assert_same_shape(&seed, &got, NULLABLE);
    assert_eq!(
        got["msgTime"].as_str().unwrap().len(),
        19,
        "yyyy-MM-dd HH:mm:ss"
    );

    let values = got["values"].as_array().unwrap();
    let col = |f: &str| values.iter().map(|v| v[f].clone()).collect::<Vec<_>>();
    assert_eq!(
        col("ad_chatting_id"),
        json!([1, 2, 3, 4, 5]).as_array().unwrap().clone()
    );
    assert_eq!(
        col("ad_chatting_sate"),
        json!([1, 8220, 3, 496, 10000]).as_array().unwrap().clone()
    );
    assert_eq!(
        col("ad_chatting_issend"),
        json!([0, 1, 0, 1, 1]).as_array().unwrap().clone()
    );
    assert_eq!(
        col("ad_staff_code"),
        json!([null, "cs_a", null, "cs_a", "cs_a"])
            .as_array()
            .unwrap()
            .clone()
    );
    let v = &values[0];
    assert_eq!(v["ad_chatting_talter"], w.alice.id.to_string());
    assert_eq!(v["ad_wechat_id"], w.conv.id);
    assert_eq!(
        (
            v["ad_friend_name"].as_str(),
            v["ad_chatting_content"].as_str()
        ),
        (Some("张三"), Some("你好"))
    );
    assert_eq!(
        (v["ad_wechat_nober"].as_str(), v["merchantid"].as_str()),
        (Some("presales"), Some("1"))
    );
    assert!(v["ad_chatting_resvred"].is_null());
    let quote = decoded(&values[1]["ad_chatting_resvred"]);
    assert_eq!(
        (&quote["type"], &quote["content"]),
        (&json!(1), &json!("你好"))
    );
    assert_eq!(values[1]["ad_chatting_content"], "收到");
    assert_eq!(values[2]["ad_chatting_content"], format!("imgs[{image}]"));
    assert_eq!(values[3]["ad_chatting_content"], format!("file[{file}]"));
    let f = decoded(&values[3]["ad_chatting_resvred"]);
    assert_eq!(
        (&f["title"], &f["totalLen"], &f["url"]),
        (&json!("报价.pdf"), &json!(PDF.len()), &json!(""))
    );
    assert_eq!(values[4]["ad_chatting_content"], "明天放假");
}

#[tokio::test]
async fn min_chatting_id_returns_exactly_the_missing_messages_in_order() {
    let w = world().await;
    for i in 1..=3 {
        w.member_says(&format!("c{i}"), "在吗").await;
        w.app.state.clock.advance(10_000);
    }
    // A staff note takes seq 4 and is never listed.
    let note = MessageForSend {
        conversation_id: w.conv.id,
        client_id: "n1".into(),
        kind: MessageKind::Note,
        body: "VIP".into(),
        reply_to_seq: None,
    };
    send::send_message(&w.app.state, &Principal::Staff(w.agent.clone()), &note)
        .await
        .unwrap();
    for i in 5..=6 {
        w.member_says(&format!("c{i}"), "在吗").await;
        w.app.state.clock.advance(10_000);
    }
    assert_eq!(w.ids_after(0, json!({})).await, [1, 2, 3, 5, 6]);
    assert_eq!(w.ids_after(2, json!({})).await, [3, 5, 6]);
    // The client holds 6; one more arrives; it gets exactly that one.
    w.member_says("c7", "还在吗").await;
    assert_eq!(w.ids_after(6, json!({})).await, [7]);
    assert_eq!(w.ids_after(7, json!({})).await, Vec::<i64>::new());
    // Paged (sizes as strings, as the seed sends them) and within a window of seconds.
    assert_eq!(
        w.ids_after(0, json!({"pageSize": "2", "pageIndex": "2"}))
            .await,
        [3, 5]
    );
    let t0 = 1_800_000_000;
    let window = json!({"startTimestamp": t0 + 10, "endTimestamp": t0 + 30});
    assert_eq!(w.ids_after(0, window).await, [2, 3, 5]);
}

#[tokio::test]
async fn refusals_come_in_the_envelope_with_their_codes() {
    let w = world().await;
    w.member_says("c1", "你好").await;
    let read = w.chat(json!({"pageIndex": "1", "pageSize": "10"}));
    let cases: Vec<(&str, Option<String>, Value, i64)> = vec![
        ("no token", None, read.clone(), 40100),
        ("a bad token", Some("sdk_wrong".into()), read.clone(), 40100),
        (
            "another member's key",
            Some(w.token.clone()),
            json!({"wechatId": w.conv.id, "fansKey": "1"}),
            40400,
        ),
        (
            "no such conversation",
            Some(w.token.clone()),
            json!({"wechatId": 1, "fansKey": "1"}),
            40400,
        ),
        (
            "no fansKey",
            Some(w.token.clone()),
            json!({"wechatId": w.conv.id}),
            40002,
        ),
        (
            "a zero page size",
            Some(w.token.clone()),
            w.chat(json!({"pageSize": "0"})),
            40003,
        ),
        (
            "a word for a page",
            Some(w.token.clone()),
            w.chat(json!({"pageIndex": "one"})),
            40003,
        ),
    ];
    for (what, token, body, code) in cases {
        let got = v2(&w.app, "ChatMess/GetChat", token.as_deref(), &body).await;
        assert_eq!(got["errmsg"], code, "{what}: {got}");
        assert_same_shape(&refusal_shape(), &got, &[]);
    }
    // A body that is not JSON.
    let res = bare_client()
        .post(w.app.url("/v2/ChatMess/GetChat"))
        .header("authorization", format!("Bearer {}", w.token))
        .body("fansKey=1")
        .send()
        .await
        .unwrap();
    let got: Value = res.json().await.unwrap();
    assert_eq!(got["errmsg"], 40001, "{got}");

    // A cs agent of another desk may not read the conversation.
    let other = shipdesk::testing::desk(&w.app.state, &w.admin, "aftersales", None).await;
    let stranger = shipdesk::testing::agent(&w.app.state, &w.admin, "cs_b", &[other.id], 5).await;
    let stranger_token = token_of(&w.app, &stranger).await;
    let got = v2(&w.app, "ChatMess/GetChat", Some(&stranger_token), &read).await;
    assert_eq!(
        (got["errmsg"].as_i64(), got["succeed"].as_bool()),
        (Some(40300), Some(false))
    );

    // An unsupported message type is refused with its code, nothing sent.
    let voice = w.chat(json!({"msgType": 34, "content": "audio[k]"}));
    let got = v2(&w.app, "ChatMess/SendMsg", Some(&w.token), &voice).await;
    assert_eq!(got["errmsg"], 40004, "{got}");
    assert_eq!(w.ids_after(0, json!({})).await, [1]);

    // The old `token` header works too.
    let res = bare_client()
        .post(w.app.url("/v2/ChatMess/GetChat"))
        .header("token", &w.token)
        .json(&read)
        .send()
        .await
        .unwrap();
    let got: Value = res.json().await.unwrap();
    assert_eq!(got["errmsg"], 0, "{got}");
}

#[path = "support/quote.rs"]
mod quote;

#[tokio::test]
async fn get_chat_reads_a_quote_card_as_a_text_with_the_number_and_total() {
    let w = world().await;
    let agent = Principal::Staff(w.agent.clone());
    let q = quote::saved_quote(&w.app.state, &agent, Some(w.alice.company_id)).await;
    use shipdesk::chat::NumberedCard;
    let card = shipdesk::chat::QuoteCard::parse(&q.number).unwrap();
    let input = MessageForSend {
        conversation_id: w.conv.id,
        client_id: "q1".into(),
        kind: MessageKind::Card,
        body: card.body(),
        reply_to_seq: None,
    };
    send::send_message(&w.app.state, &agent, &input)
        .await
        .unwrap();

    let got = v2(
        &w.app,
        "ChatMess/GetChat",
        Some(&w.token),
        &w.chat(json!({})),
    )
    .await;

    let v = &got["values"][0];
    assert_eq!(v["ad_chatting_sate"], 1, "a text for the seed's clients");
    let total = shipdesk::Money::from_fen(q.total_fen).format_yuan();
    assert_eq!(
        v["ad_chatting_content"],
        format!("报价 {} 合计 {total}", q.number)
    );
    assert!(v["ad_chatting_resvred"].is_null());
}

#[tokio::test]
async fn get_chat_reads_an_order_card_as_a_text_with_the_number_and_its_status_now() {
    use shipdesk::chat::NumberedCard;
    let w = world().await;
    let alice = Principal::Member(w.alice.clone());
    let o = quote::booked_order(&w.app.state, &alice, "compat-order-1").await;
    let input = MessageForSend {
        conversation_id: w.conv.id,
        client_id: "o1".into(),
        kind: MessageKind::Card,
        body: shipdesk::chat::OrderCard::parse(&o.number).unwrap().body(),
        reply_to_seq: None,
    };
    send::send_message(&w.app.state, &alice, &input)
        .await
        .unwrap();
    let body = w.chat(json!({}));
    let read = || v2(&w.app, "ChatMess/GetChat", Some(&w.token), &body);
    let before = read().await;
    let admin = shipdesk::testing::staff(&w.app.state, "ops_c", &["ops"]).await;
    shipdesk::orders::service::confirm_order(
        &w.app.state,
        &Principal::Staff(admin),
        o.id,
        o.version,
    )
    .await
    .unwrap();
    let after = read().await;

    let content = |got: &Value| got["values"][0]["ad_chatting_content"].clone();
    assert_eq!(before["values"][0]["ad_chatting_sate"], 1);
    assert_eq!(content(&before), format!("订单 {} 待处理", o.number));
    assert_eq!(content(&after), format!("订单 {} 已确认", o.number));
}
