//! Over HTTP: security headers and the script nonce, the health check, 404,
//! the cross-origin write guard and the body size limit.

mod support;

use reqwest::header::{
    CONTENT_SECURITY_POLICY, CONTENT_TYPE, ORIGIN, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
};
use reqwest::StatusCode;
use serde_json::{json, Value};
use support::{bare_client, client, spawn_app};

fn nonce_of_csp(csp: &str) -> &str {
    let start = csp.find("'nonce-").expect("CSP has a nonce") + "'nonce-".len();
    let len = csp[start..].find('\'').expect("nonce is quoted");
    &csp[start..start + len]
}

#[tokio::test]
async fn pages_carry_a_csp_whose_nonce_is_on_the_scripts() {
    let app = spawn_app().await;

    let res = app.page(&client(), "/admin/login").await;

    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers().clone();
    let csp = h[CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(h[X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(h.contains_key(REFERRER_POLICY));
    let nonce = nonce_of_csp(&csp).to_owned();
    assert!(nonce.len() >= 16, "nonce too short: {nonce}");
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&format!("<script nonce=\"{nonce}\"")),
        "no script with nonce {nonce} in {html}"
    );
}

#[tokio::test]
async fn each_page_gets_its_own_nonce() {
    let app = spawn_app().await;

    let a = app.page(&client(), "/admin/login").await;
    let b = app.page(&client(), "/admin/login").await;

    let csp = |r: &reqwest::Response| {
        r.headers()[CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert_ne!(nonce_of_csp(&csp(&a)), nonce_of_csp(&csp(&b)));
}

#[tokio::test]
async fn the_health_check_reports_the_database() {
    let app = spawn_app().await;

    let res = client().get(app.url("/healthz")).send().await.unwrap();

    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["database"], "ok");
}

#[tokio::test]
async fn an_unknown_page_answers_404() {
    let app = spawn_app().await;

    let res = app.page(&client(), "/no/such/page").await;

    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_write_from_another_origin_is_refused_and_has_no_effect() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in_staff("boss", &["admin"]).await;
    let input =
        json!({"account": "mole", "name": "Mole", "password": "letters123", "roles": ["admin"]});

    let res = admin
        .post(app.url("/api/create_staff"))
        .header(ORIGIN, "http://evil.example")
        .json(&json!({ "input": input }))
        .send()
        .await
        .unwrap();

    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["kind"], "forbidden");
    let mole = shipdesk::auth::repo::staff_with_hash(&app.state.db, "mole")
        .await
        .unwrap();
    assert!(mole.is_none());
}

#[tokio::test]
async fn a_cross_site_fetch_without_origin_is_refused() {
    let app = spawn_app().await;

    let res = client()
        .post(app.url("/api/current_user"))
        .header("sec-fetch-site", "cross-site")
        .json(&json!({}))
        .send()
        .await
        .unwrap();

    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_write_from_the_same_origin_passes() {
    let app = spawn_app().await;

    let res = client()
        .post(app.url("/api/current_user"))
        .header(ORIGIN, app.base.as_str())
        .json(&json!({}))
        .send()
        .await
        .unwrap();

    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_body_over_two_mebibytes_is_refused() {
    let app = spawn_app().await;
    let huge = "x".repeat(shipdesk_server::BODY_LIMIT + 1);

    let res = bare_client()
        .post(app.url("/api/staff_login"))
        .header(CONTENT_TYPE, "application/json")
        .body(format!("{{\"account\":\"{huge}\",\"password\":\"p\"}}"))
        .send()
        .await
        .unwrap();

    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}
