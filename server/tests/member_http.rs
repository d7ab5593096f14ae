//! Customer sign-in over HTTP: SMS codes, their resend limit and single use,
//! and the end of a disabled member's session.

mod support;

use reqwest::StatusCode;
use serde_json::json;
use support::{client, error_of, retry_after, spawn_app, TestApp};

/// A company with a member on `phone`; the admin who made it.
async fn customer(
    app: &TestApp,
    phone: &str,
) -> (
    shipdesk::auth::Staff,
    shipdesk::customer::Company,
    shipdesk::auth::Member,
) {
    let boss = shipdesk::testing::staff(&app.state, "boss", &["admin"]).await;
    let (company, member) = app
        .company_with_member(&boss, "Acme Ltd", None, phone)
        .await;
    (boss, company, member)
}

#[tokio::test]
async fn a_customer_signs_in_with_the_texted_code_and_not_another() {
    let app = spawn_app().await;
    customer(&app, "13800138001").await;
    let c = client();
    let (status, sent) = app.request_code(&c, "13800138001").await;
    assert_eq!(status, StatusCode::OK, "{sent}");
    assert_eq!(sent["resend_after_secs"], 60);
    let code = sent["dev_code"].as_str().expect("dev code").to_owned();
    let wrong = if code == "000000" { "111111" } else { "000000" };

    let (wrong_status, wrong_body) = app
        .call(
            &c,
            "member_login",
            json!({"phone": "13800138001", "code": wrong}),
        )
        .await;
    let (right_status, member) = app
        .call(
            &c,
            "member_login",
            json!({"phone": "13800138001", "code": code}),
        )
        .await;

    assert_eq!(wrong_status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(&wrong_body), ("validation", "code"));
    assert_eq!(right_status, StatusCode::OK, "{member}");
    let me = app.current_user(&c).await;
    assert_eq!(me["Member"]["phone"], "13800138001");
    assert_eq!(me["Member"]["id"], member["id"]);
}

#[tokio::test]
async fn a_second_code_within_a_minute_is_refused_with_retry_after() {
    let app = spawn_app().await;
    customer(&app, "13800138001").await;
    let c = client();
    assert_eq!(app.request_code(&c, "13800138001").await.0, StatusCode::OK);

    let res = app
        .post(&c, "request_login_code", json!({"phone": "13800138001"}))
        .await;

    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = retry_after(&res);
    assert!((1..=60).contains(&wait), "Retry-After {wait}");
}

#[tokio::test]
async fn a_code_works_only_once() {
    let app = spawn_app().await;
    customer(&app, "13800138001").await;
    let c = client();
    let (_, sent) = app.request_code(&c, "13800138001").await;
    let login = json!({"phone": "13800138001", "code": sent["dev_code"]});
    assert_eq!(
        app.call(&c, "member_login", login.clone()).await.0,
        StatusCode::OK
    );

    let (status, body) = app.call(&client(), "member_login", login).await;

    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(&body), ("validation", "code"));
}

#[tokio::test]
async fn a_disabled_member_is_signed_out_at_their_next_request() {
    let app = spawn_app().await;
    let (_, company, member) = customer(&app, "13800138001").await;
    let customer_client = app.signed_in_member("13800138001").await;
    let (_, admin) = app.signed_in_staff("admin2", &["admin"]).await;
    let body = json!({"company_id": company.id, "member_id": member.id, "disabled": true});

    let (status, answer) = app.call(&admin, "set_member_disabled", body).await;

    assert_eq!(status, StatusCode::OK, "{answer}");
    let (status, _) = app.call(&customer_client, "my_company", json!({})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
