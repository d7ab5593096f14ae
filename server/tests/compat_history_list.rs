//! Seed 001's `GET /plugin.yun-chat.frontend.chat.history-list`: a Laravel
//! page of history conversations in `{result, msg, data}`, errors as
//! `{"result": 0, "msg": …, "data": []}`.

#[path = "support/shape.rs"]
mod shape;
mod support;

use serde_json::{json, Value};
use shape::assert_same_shape;
use shipdesk::auth::{api_token, Staff};
use support::*;

const PATH: &str = "/plugin.yun-chat.frontend.chat.history-list";

/// Seed 001's example answer, as the document shows it.
const SEED: &str = r#"{
"result": 1,
"msg": "成功",
"data": {
"total": 3, "per_page": 10, "current_page": 1, "last_page": 1,
"next_page_url": null, "prev_page_url": null, "from": 1, "to": 3,
"data": [{
"id": 4, "uniacid": 2, "uid": 2669, "employee_id": 2, "last_updated_at": "",
"has_one_employee": {"id": 2, "uid": 2669, "uniacid": 2, "nickname": "客服0002",
 "avatar": "https:\/\/localhost:82\/attachment\/images\/2\/2019\/09\/b771aSob37tASStS8k7TSFfRo8fcKZ.jpg"},
"has_one_user": {"uid": 2669, "uniacid": 2, "nickname": "15000000002",
 "avatar": "\/addons\/yun_shop\/static\/images\/photo-mr.jpg", "mobile": "15000000002",
 "avatar_image": "http:\/\/localhost:82\/addons\/yun_shop\/static\/images\/photo-mr.jpg",
 "username": "15000000002"}
}]
}
}"#;

pub async fn token_of(app: &TestApp, staff: &Staff) -> String {
    api_token::create(&app.state, staff, "old client", None)
        .await
        .unwrap()
        .1
}

async fn get(app: &TestApp, query: &str, token: Option<&str>) -> Value {
    let mut req = bare_client().get(app.url(&format!("{PATH}{query}")));
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), 200, "every answer is 200, as the old API's");
    res.json().await.unwrap()
}

struct World {
    app: TestApp,
    admin: Staff,
    agent: Staff,
}

/// An agent of one desk with two customers' conversations assigned to them.
async fn world() -> World {
    let app = spawn_app().await;
    let admin = shipdesk::testing::staff(&app.state, "root", &["admin"]).await;
    let desk = shipdesk::testing::desk(&app.state, &admin, "presales", None).await;
    let agent = shipdesk::testing::agent(&app.state, &admin, "cs_a", &[desk.id], 5).await;
    let company = shipdesk::testing::company(&app.state, &admin, "海通跨境", None).await;
    for (name, phone) in [("张三", "13900000001"), ("李四", "13900000002")] {
        let m = shipdesk::testing::member(&app.state, &admin, &company, name, phone).await;
        let c = shipdesk::chat::service::send::open_conversation(&app.state, &m, desk.id)
            .await
            .unwrap();
        let hello = shipdesk::chat::MessageForSend {
            conversation_id: c.id,
            client_id: "c1".into(),
            kind: shipdesk::chat::MessageKind::Text,
            body: "你好".into(),
            reply_to_seq: None,
        };
        let who = shipdesk::auth::Principal::Member(m);
        shipdesk::chat::service::send::send_message(&app.state, &who, &hello)
            .await
            .unwrap();
    }
    World { app, admin, agent }
}

#[tokio::test]
async fn the_history_list_answers_in_the_seeds_shape_and_types() {
    let w = world().await;
    let token = token_of(&w.app, &w.agent).await;
    let body = get(&w.app, "?page=1&pagesize=10&user_name=", Some(&token)).await;

    let seed: Value = serde_json::from_str(SEED).unwrap();
    assert_same_shape(&seed, &body, &[]);
    assert_eq!(
        (body["result"].as_i64(), body["msg"].as_str()),
        (Some(1), Some("成功"))
    );
    let data = &body["data"];
    assert_eq!(
        (
            &data["total"],
            &data["per_page"],
            &data["current_page"],
            &data["last_page"]
        ),
        (&json!(2), &json!(10), &json!(1), &json!(1))
    );
    assert_eq!((&data["from"], &data["to"]), (&json!(1), &json!(2)));
    let row = &data["data"][0];
    assert_eq!(row["employee_id"], w.agent.id);
    assert_eq!(row["has_one_employee"]["nickname"], "cs_a name");
    assert_eq!(
        row["has_one_user"]["nickname"], "李四",
        "latest activity first"
    );
    assert_eq!(
        row["has_one_user"]["mobile"], "139****0002",
        "masked for an agent"
    );
    assert_eq!(row["last_updated_at"].as_str().unwrap().len(), 19);

    // An admin sees the whole number, and finds by part of it.
    let admin_token = token_of(&w.app, &w.admin).await;
    let found = get(&w.app, "?user_name=0001", Some(&admin_token)).await;
    assert_eq!(found["data"]["total"], 1);
    assert_eq!(
        found["data"]["data"][0]["has_one_user"]["mobile"],
        "13900000001"
    );
    // An agent finds by name or the whole number.
    let by_name = get(&w.app, "?user_name=%E5%BC%A0%E4%B8%89", Some(&token)).await;
    assert_eq!(by_name["data"]["total"], 1);
    let by_phone = get(&w.app, "?user_name=13900000002", Some(&token)).await;
    assert_eq!(
        by_phone["data"]["data"][0]["has_one_user"]["nickname"],
        "李四"
    );
}

#[tokio::test]
async fn pages_link_to_their_neighbours_and_an_empty_page_has_no_bounds() {
    let w = world().await;
    let token = token_of(&w.app, &w.agent).await;
    let first = get(&w.app, "?page=1&pagesize=1", Some(&token)).await;
    let d = &first["data"];
    assert_eq!(
        (&d["last_page"], &d["from"], &d["to"]),
        (&json!(2), &json!(1), &json!(1))
    );
    assert_eq!(d["next_page_url"], format!("{PATH}?page=2&pagesize=1"));
    assert!(d["prev_page_url"].is_null());
    let second = get(&w.app, "?page=2&pagesize=1", Some(&token)).await;
    assert_eq!(
        second["data"]["prev_page_url"],
        format!("{PATH}?page=1&pagesize=1")
    );
    assert!(second["data"]["next_page_url"].is_null());
    let none = get(&w.app, "?user_name=nobody", Some(&token)).await;
    let d = &none["data"];
    assert_eq!((&d["total"], &d["last_page"]), (&json!(0), &json!(1)));
    assert!(d["from"].is_null() && d["to"].is_null());
    assert_eq!(d["data"], json!([]));
}

#[tokio::test]
async fn refusals_answer_result_zero_with_a_message_and_empty_data() {
    let w = world().await;
    let token = token_of(&w.app, &w.agent).await;
    let sales = shipdesk::testing::staff(&w.app.state, "sales_a", &["sales"]).await;
    let sales_token = token_of(&w.app, &sales).await;
    for (query, token) in [
        ("", None),
        ("", Some("sdk_wrong")),
        ("", Some(sales_token.as_str())),
        ("?page=abc", Some(token.as_str())),
        ("?pagesize=1000", Some(token.as_str())),
        ("?user_name=a%00b", Some(token.as_str())),
    ] {
        let body = get(&w.app, query, token).await;
        assert_eq!(body["result"], 0, "{query} {token:?}: {body}");
        assert_eq!(body["data"], json!([]));
        assert!(!body["msg"].as_str().unwrap().is_empty());
        assert_same_shape(&json!({"result": 0, "msg": "", "data": []}), &body, &[]);
    }
    let bad_size = get(&w.app, "?pagesize=1000", Some(&token)).await;
    assert!(
        bad_size["msg"].as_str().unwrap().contains("pagesize"),
        "{bad_size}"
    );
}
