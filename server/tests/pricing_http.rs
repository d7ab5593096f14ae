//! `parse_inquiry` over HTTP: its public shape (`{"fields": [{"name",
//! "value", "confidence", "span"}], "unread": […]}`), who may call it, and
//! bad input named by field.

mod support;

use reqwest::StatusCode;
use serde_json::{json, Value};
use support::{bare_client, error_of, spawn_app};

fn field<'a>(answer: &'a Value, name: &str) -> Option<&'a Value> {
    answer["fields"]
        .as_array()?
        .iter()
        .find(|f| f["name"] == name)
}

#[tokio::test]
async fn a_signed_in_caller_reads_a_wechat_inquiry_field_by_field() {
    let app = spawn_app().await;
    let (_, sales) = app.signed_in_staff("sam", &["sales"]).await;
    let text = "300kg 2方 深圳到美国FBA ONT8 海派 带电";
    let (status, answer) = app
        .call(&sales, "parse_inquiry", json!({"text": text}))
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    for (name, value) in [
        ("origin", "深圳"),
        ("country", "US"),
        ("fba_code", "ONT8"),
        ("mode", "sea_express"),
        ("weight_kg", "300"),
        ("volume_cbm", "2"),
        ("goods_type", "battery"),
    ] {
        let f = field(&answer, name).unwrap_or_else(|| panic!("{name} missing: {answer}"));
        assert_eq!(f["value"], value, "{name}");
        let c = f["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c), "{name}: {c}");
        let span = f["span"].as_array().unwrap();
        let (a, b) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        let read: String = text.chars().skip(a).take(b - a).collect();
        assert!(!read.is_empty(), "{name}'s span points into the text");
    }
    assert!(field(&answer, "postcode").is_none(), "absent, not guessed");
    assert!(answer["unread"].is_array());
}

#[tokio::test]
async fn an_anonymous_caller_is_refused_and_empty_or_huge_text_is_named() {
    let app = spawn_app().await;
    let (status, _) = app
        .call(&bare_client(), "parse_inquiry", json!({"text": "300kg"}))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, cs) = app.signed_in_staff("tina", &["cs"]).await;
    for text in ["   ".to_owned(), "货".repeat(2001)] {
        let (status, e) = app.call(&cs, "parse_inquiry", json!({"text": text})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error_of(&e), ("validation", "text"));
    }
}

fn ont8(weight_kg: Value) -> Value {
    json!({
        "country": "US", "fba_code": "ONT8", "origin": "深圳",
        "cargo": {"by": "cartons", "lines": [
            {"count": 5, "length_cm": 50, "width_cm": 40, "height_cm": 30, "weight_kg": weight_kg}
        ]}
    })
}

#[tokio::test]
async fn a_customer_searches_saves_and_reads_back_a_quote_in_its_public_shape() {
    let app = spawn_app().await;
    let admin = shipdesk::testing::staff(&app.state, "root", &["admin"]).await;
    let company = shipdesk::testing::company(&app.state, &admin, "深圳星辰", None).await;
    shipdesk::testing::member(&app.state, &admin, &company, "张伟", "13800138001").await;
    shipdesk::pricing::service::seed_demo_channels(&app.state)
        .await
        .unwrap();
    let alice = app.signed_in_member("13800138001").await;

    let (status, answer) = app
        .call(&alice, "search_quotes", json!({"search": ont8(json!(22))}))
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let plan = &answer["plans"][0];
    for key in ["channel", "zone", "chargeable", "lines", "departure", "eta"] {
        assert!(!plan[key].is_null(), "{key}: {plan}");
    }
    assert_eq!(plan["cheapest"], true);
    assert!(plan["total_fen"].as_i64().unwrap() > 0);
    assert_eq!(plan["chargeable"]["unit"], "kg");
    assert!(
        plan["eta"]["from"].as_str().unwrap().len() == 10,
        "YYYY-MM-DD"
    );

    let body = json!({"input": {"search": ont8(json!(22)), "channel_id": plan["channel"]["id"]}});
    let (status, saved) = app.call(&alice, "save_quote", body).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["total_fen"], plan["total_fen"]);
    let number = saved["number"].as_str().unwrap();
    assert!(number.starts_with('Q') && number.len() == 14, "{number}");

    let (status, list) = app.call(&alice, "list_quotes", json!({"filter": {}})).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["number"], number);
    assert_eq!(list["items"][0]["destination"], "ONT8");
    assert_eq!(list["items"][0]["expired"], false);
}

#[tokio::test]
async fn bad_cargo_and_destinations_are_named_by_field_and_never_a_500() {
    let app = spawn_app().await;
    shipdesk::pricing::service::seed_demo_channels(&app.state)
        .await
        .unwrap();
    let (_, sales) = app.signed_in_staff("sam", &["sales"]).await;
    let mut unknown = ont8(json!(22));
    unknown["fba_code"] = json!("ZZZ9");
    let cases = [
        (ont8(json!(0)), "cargo.lines[0].weight_kg"),
        (ont8(json!(-3)), "cargo.lines[0].weight_kg"),
        (ont8(json!(1500)), "cargo.lines[0].weight_kg"),
        (unknown, "fba_code"),
    ];
    for (search, name) in cases {
        let (status, e) = app
            .call(&sales, "search_quotes", json!({"search": search}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {e}");
        assert_eq!(error_of(&e), ("validation", name));
    }
    let (status, _) = app
        .call(
            &sales,
            "search_quotes",
            json!({"search": ont8(json!("heavy"))}),
        )
        .await;
    assert!(status.is_client_error(), "not a number: {status}");
}
