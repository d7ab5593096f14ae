//! The inquiry hall over HTTP: the public JSON shapes of an inquiry, a
//! list, the counts, the settings and the robot test's answer; errors by
//! field (422 on `status` for a move that does not exist, on
//! `quote_number` for an unknown quote; a delete of one's own, then 404); and the WeCom robot told of a post, on loopback.

mod support;

use std::sync::{Arc, Mutex};

use axum::{routing::post, Json, Router};
use reqwest::StatusCode;
use serde_json::{json, Value};
use shipdesk::state::{AppState, Config};
use shipdesk::webhook::target::AllowList;
use support::{error_of, spawn_app_with, TestApp};

/// A WeCom robot on 127.0.0.1: records each message, answers errcode 0.
async fn robot() -> (String, Arc<Mutex<Vec<Value>>>) {
    let got: Arc<Mutex<Vec<Value>>> = Arc::default();
    let seen = got.clone();
    let app = Router::new().route(
        "/cgi-bin/webhook/send",
        post(move |Json(body): Json<Value>| {
            let seen = seen.clone();
            async move {
                seen.lock().unwrap().push(body);
                Json(json!({"errcode": 0, "errmsg": "ok"}))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/cgi-bin/webhook/send?key=k1"), got)
}

async fn app() -> TestApp {
    let config = Config {
        webhook_allow: AllowList::parse("127.0.0.1").unwrap(),
        ..Config::default()
    };
    spawn_app_with(AppState::new(shipdesk::testing::fresh_db().await, config)).await
}

#[tokio::test]
async fn a_posted_inquiry_a_list_and_the_counts_have_their_public_shapes() {
    let app = app().await;
    let (admin, admin_c) = app.signed_in_staff("root", &["admin"]).await;
    let (_, sales_c) = app.signed_in_staff("sam", &["sales"]).await;
    app.company_with_member(&admin, "深圳星辰", None, "13800138001")
        .await;
    let member = app.signed_in_member("13800138001").await;
    let text = "300kg 2方 深圳到美国FBA ONT8 海派";

    let (status, posted) = app
        .call(&member, "post_inquiry", json!({"input": {"text": text}}))
        .await;
    let (_, mine) = app
        .call(
            &member,
            "list_my_inquiries",
            json!({"filter": {"status": "pending"}}),
        )
        .await;
    let (_, counts) = app
        .call(&admin_c, "count_inquiries", json!({"filter": {}}))
        .await;
    let (_, by_sales) = app
        .call(&sales_c, "list_inquiries", json!({"filter": {}}))
        .await;

    assert_eq!(status, StatusCode::OK, "{posted}");
    let number = posted["number"].as_str().unwrap();
    assert!(number.starts_with('I') && number.len() == "I20261202-0001".len());
    assert_eq!(posted["status"], "pending");
    assert_eq!(posted["text"], text);
    assert_eq!(posted["company_name"], "深圳星辰");
    assert_eq!(posted["overdue"], false);
    assert_eq!(posted["low_confidence"], false);
    assert_eq!(posted["quote_number"], Value::Null);
    assert!(posted["search"].is_null());
    let country = posted["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "country")
        .unwrap();
    assert_eq!(country["value"], "US");
    assert!(country["span"].is_array() && country["confidence"].is_number());
    for key in [
        "id",
        "created_at",
        "updated_at",
        "posted_by",
        "deleted_by_customer",
    ] {
        assert!(!posted[key].is_null(), "{key} in {posted}");
    }
    assert_eq!(mine["total"], 1);
    assert_eq!(mine["items"][0]["number"], number);
    assert_eq!(
        counts,
        json!({"pending": 1, "quoted": 0, "won": 0, "closed": 0, "total": 1, "overdue": 0})
    );
    assert_eq!(by_sales["total"], 0, "not a company of sam's");
}

#[tokio::test]
async fn a_move_that_does_not_exist_and_an_unknown_quote_are_422_by_field() {
    let app = app().await;
    let (admin, admin_c) = app.signed_in_staff("root", &["admin"]).await;
    app.company_with_member(&admin, "深圳星辰", None, "13800138001")
        .await;
    let member = app.signed_in_member("13800138001").await;
    let (_, posted) = app
        .call(
            &member,
            "post_inquiry",
            json!({"input": {"text": "300kg 到美国 ONT8"}}),
        )
        .await;
    let id = posted["id"].clone();

    let (won, body_won) = app
        .call(
            &admin_c,
            "set_inquiry_status",
            json!({"id": id, "status": "won"}),
        )
        .await;
    let (closed, _) = app
        .call(
            &admin_c,
            "set_inquiry_status",
            json!({"id": id, "status": "closed"}),
        )
        .await;
    let (answer, body_answer) = app
        .call(
            &admin_c,
            "answer_inquiry",
            json!({"id": id, "quote_number": "Q20990101-0001"}),
        )
        .await;
    let (bad, body_bad) = app
        .call(
            &admin_c,
            "set_inquiry_status",
            json!({"id": id, "status": "lost"}),
        )
        .await;
    let (gone, _) = app
        .call(&member, "delete_my_inquiry", json!({"id": id}))
        .await;
    let (again, _) = app
        .call(&member, "delete_my_inquiry", json!({"id": id}))
        .await;

    assert_eq!(won, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(&body_won), ("validation", "status"));
    assert_eq!(body_won["key"], "inquiry.status_move");
    assert_eq!(closed, StatusCode::OK);
    assert_eq!(answer, StatusCode::UNPROCESSABLE_ENTITY, "no such quote");
    assert_eq!(error_of(&body_answer), ("validation", "quote_number"));
    assert_eq!(bad, StatusCode::UNPROCESSABLE_ENTITY, "{body_bad}");
    assert_eq!((gone, again), (StatusCode::OK, StatusCode::NOT_FOUND));
}

#[tokio::test]
async fn the_admin_sets_the_robot_tests_it_and_a_post_reaches_it() {
    let app = app().await;
    let (admin, admin_c) = app.signed_in_staff("root", &["admin"]).await;
    app.company_with_member(&admin, "深圳星辰", None, "13800138001")
        .await;
    let member = app.signed_in_member("13800138001").await;
    let (url, got) = robot().await;

    let (saved, settings) = app
        .call(
            &admin_c,
            "save_inquiry_settings",
            json!({"input": {"sla_minutes": 20, "robot_url": url}}),
        )
        .await;
    let (_, test) = app.call(&admin_c, "send_robot_test", json!({})).await;
    let (private, refused) = app
        .call(
            &admin_c,
            "save_inquiry_settings",
            json!({"input": {"sla_minutes": 20, "robot_url": "http://192.168.1.9/cgi-bin/webhook/send?key=k"}}),
        )
        .await;
    let (_, posted) = app
        .call(
            &member,
            "post_inquiry",
            json!({"input": {"text": "帮忙报个价"}}),
        )
        .await;
    let client = shipdesk::webhook::client::WebhookClient::new(&app.state.config).unwrap();
    let sent = shipdesk::pricing::inquiry_hall::service::send::deliver_due(&app.state, &client)
        .await
        .unwrap();
    let (_, after) = app.call(&admin_c, "get_inquiry_settings", json!({})).await;

    assert_eq!(saved, StatusCode::OK, "{settings}");
    assert_eq!(settings["sla_minutes"], 20);
    assert_eq!(settings["robot_url"], url);
    assert_eq!(test, json!({"ok": true, "errcode": 0, "errmsg": "ok"}));
    assert_eq!(private, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(&refused), ("validation", "robot_url"));
    assert_eq!(sent, 1);
    let messages = got.lock().unwrap().clone();
    assert_eq!(messages.len(), 2, "the test and the post's message");
    let content = messages[1]["markdown"]["content"].as_str().unwrap();
    assert!(
        content.contains(posted["number"].as_str().unwrap()),
        "{content}"
    );
    assert_eq!(messages[1]["msgtype"], "markdown");
    let recent = &after["recent_messages"][0];
    assert_eq!(recent["status"], "sent");
    assert_eq!(recent["inquiry_id"], posted["id"]);
    assert_eq!(recent["attempts"], 1);
}
