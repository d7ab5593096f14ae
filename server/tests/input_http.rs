//! Bad input over HTTP: invalid fields are named, malformed bodies and
//! oversized pages are the client's fault.

mod support;

use reqwest::header::CONTENT_TYPE;
use reqwest::StatusCode;
use serde_json::{json, Value};
use support::{bare_client, error_of, spawn_app};

#[tokio::test]
async fn bad_staff_input_names_the_field() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in_staff("boss", &["admin"]).await;
    let good =
        json!({"account": "newbie", "name": "New", "password": "letters123", "roles": ["cs"]});
    let cases = [
        ("account with a space", "account", "a b"),
        ("short password", "password", "short1"),
        ("letters-only password", "password", "onlyletters"),
    ];

    for (what, field, value) in cases {
        let mut input = good.clone();
        input[field] = json!(value);
        let (status, body) = app
            .call(&admin, "create_staff", json!({ "input": input }))
            .await;

        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{what}: {body}");
        assert_eq!(error_of(&body), ("validation", field), "{what}");
    }
}

#[tokio::test]
async fn a_bad_member_phone_names_the_field() {
    let app = spawn_app().await;
    let (boss, admin) = app.signed_in_staff("boss", &["admin"]).await;
    let company = shipdesk::testing::company(&app.state, &boss, "Acme Ltd", None).await;
    let input = json!({"name": "Zhang", "phone": "12345"});

    let (status, body) = app
        .call(
            &admin,
            "add_member",
            json!({"company_id": company.id, "input": input}),
        )
        .await;

    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(error_of(&body), ("validation", "phone"));
}

#[tokio::test]
async fn a_malformed_body_is_a_client_error() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in_staff("boss", &["admin"]).await;

    let res = admin
        .post(app.url("/api/list_staff"))
        .header(CONTENT_TYPE, "application/json")
        .body("{\"filter\": ")
        .send()
        .await
        .unwrap();

    // Decoding fails before the function body runs; the `api_error_status`
    // layer gives the error the status of its kind.
    let status = res.status();
    let body: Value = res.json().await.unwrap_or(Value::Null);
    assert_eq!(error_of(&body), ("validation", "request"), "{body}");
    assert!(status.is_client_error(), "{status} {body}");
}

#[tokio::test]
async fn a_page_size_over_the_limit_is_refused() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in_staff("boss", &["admin"]).await;
    let body = json!({"filter": {"q": null, "role": null}, "page": 1, "size": 1000});

    let (status, body) = app.call(&admin, "list_staff", body).await;

    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(&body), ("validation", "size"));
}

#[tokio::test]
async fn a_nul_character_in_any_text_is_refused_as_bad_input_on_both_databases() {
    let app = spawn_app().await;
    let r = bare_client()
        .post(format!("{}/api/staff_login", app.base))
        .header("content-type", "application/json")
        .body(r#"{"account":"ad\u0000min","password":"x"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let e: serde_json::Value = r.json().await.unwrap();
    assert_eq!(
        (e["kind"].as_str(), e["field"].as_str()),
        (Some("validation"), Some("request"))
    );
}
