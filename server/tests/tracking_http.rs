//! `detect_courier` over HTTP: its public shape (`{"candidates":
//! [{"carrier", "name", "confidence"}]}` best first), who may call it
//! (staff, members, partner apps; not anonymous callers), the context that
//! re-ranks, and bad input named by field.

mod support;

use reqwest::header::AUTHORIZATION;
use reqwest::StatusCode;
use serde_json::{json, Value};
use shipdesk::auth::Role;
use shipdesk::partner::{service as partner, sign, PartnerAppForCreate};
use support::{bare_client, error_of, spawn_app, TestApp};

/// The carrier codes of an answer, in order, each checked for its shape.
fn carriers(answer: &Value) -> Vec<String> {
    let list = answer["candidates"].as_array().expect("candidates");
    let mut last = f64::INFINITY;
    list.iter()
        .map(|c| {
            let confidence = c["confidence"].as_f64().expect("a number");
            assert!((0.0..=1.0).contains(&confidence), "{c}");
            assert!(confidence <= last, "best first: {answer}");
            last = confidence;
            assert!(!c["name"].as_str().unwrap_or("").is_empty(), "{c}");
            c["carrier"].as_str().expect("carrier").to_owned()
        })
        .collect()
}

#[tokio::test]
async fn staff_and_members_read_the_candidates_of_a_number_best_first() {
    let app = spawn_app().await;
    let admin = shipdesk::testing::staff(&app.state, "root", &["admin"]).await;
    app.company_with_member(&admin, "深圳星辰", None, "13800138001")
        .await;
    let (_, cs) = app.signed_in_staff("tina", &["cs"]).await;
    let member = app.signed_in_member("13800138001").await;

    let (status, answer) = app
        .call(
            &member,
            "detect_courier",
            json!({"number": "ＳＦ1411 6209-38917"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(carriers(&answer), ["sf"]);
    assert_eq!(answer["candidates"][0]["name"], "顺丰速运");
    assert_eq!(answer["candidates"][0]["confidence"], 0.98);

    let (status, answer) = app
        .call(
            &cs,
            "detect_courier",
            json!({"number": "9261292700768711948021"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(carriers(&answer), ["usps", "fedex"]);

    let (_, answer) = app
        .call(&cs, "detect_courier", json!({"number": "hello world"}))
        .await;
    assert_eq!(carriers(&answer), Vec::<String>::new(), "garbage: none");
}

#[tokio::test]
async fn the_context_reranks_shared_shapes() {
    let app = spawn_app().await;
    let (_, sales) = app.signed_in_staff("sam", &["sales"]).await;
    // 12 digits with a valid FedEx check: FedEx, or SF's old numbers.
    let plain = json!({"number": "986578788855"});
    let (_, answer) = app.call(&sales, "detect_courier", plain).await;
    assert_eq!(carriers(&answer), ["fedex", "sf"]);
    let from_china = json!({"number": "986578788855", "context": {"origin_city": "深圳"}});
    let (status, answer) = app.call(&sales, "detect_courier", from_china).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(carriers(&answer), ["sf", "fedex"]);
    let usual = json!({"number": "1012345678901",
        "context": {"origin_country": "CN", "usual_carriers": ["ems", "zjs"]}});
    let (_, answer) = app.call(&sales, "detect_courier", usual).await;
    assert_eq!(carriers(&answer), ["ems", "yunda"]);
}

#[tokio::test]
async fn anonymous_callers_are_refused_and_bad_numbers_are_named() {
    let app = spawn_app().await;
    let (status, _) = app
        .call(
            &bare_client(),
            "detect_courier",
            json!({"number": "SF1411620938917"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, ops) = app.signed_in_staff("olga", &["ops"]).await;
    for number in ["", "  - ", &"7".repeat(41)] {
        let (status, e) = app
            .call(&ops, "detect_courier", json!({ "number": number }))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{number}: {e}");
        assert_eq!(error_of(&e), ("validation", "number"));
    }
    let bad = json!({"number": "SF1411620938917", "context": {"origin_country": "China"}});
    let (status, e) = app.call(&ops, "detect_courier", bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(&e), ("validation", "context.origin_country"));
    let (status, _) = app.call(&ops, "detect_courier", json!({})).await;
    assert!(status.is_client_error(), "no number: {status}");
}

/// A partner app that may call `detect_courier`, and its bearer token.
async fn partner_token(app: &TestApp) -> String {
    let admin = shipdesk::testing::staff(&app.state, "root", &["admin"]).await;
    let input = PartnerAppForCreate {
        name: "ERP".into(),
        roles: vec![Role::Ops],
        functions: vec!["detect_courier".into()],
        all_companies: true,
        rate_per_min: 60,
        ..Default::default()
    };
    let (pa, secret) = partner::create(&app.state, &admin, &input, &["detect_courier"])
        .await
        .unwrap();
    let ts = app.state.now() / 1000;
    let signature = sign::sign(&secret, &[&pa.app_id, &ts.to_string(), "nonce-0001"]);
    let body = json!({"input": {"app_id": pa.app_id, "timestamp": ts, "nonce": "nonce-0001", "signature": signature}});
    let (status, t) = app.call(&bare_client(), "partner_token", body).await;
    assert_eq!(status, StatusCode::OK, "{t}");
    t["access_token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_partner_app_detects_with_its_bearer_token() {
    let app = spawn_app().await;
    let token = partner_token(&app).await;
    let res = bare_client()
        .post(app.url("/api/detect_courier"))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .json(&json!({"number": "1Z5R89390357567127"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let answer: Value = res.json().await.unwrap();
    assert_eq!(carriers(&answer), ["ups"]);
}
