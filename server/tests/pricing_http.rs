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
