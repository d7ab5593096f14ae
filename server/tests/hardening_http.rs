//! Production mode, the SMS provider, proxies and the database in use, over
//! HTTP as clients see them.

mod support;

use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode as AxStatus};
use axum::routing::post;
use axum::Router;
use reqwest::StatusCode;
use serde_json::{json, Value};
use shipdesk::auth::sms::{signature, HttpSmsSender};
use shipdesk::net::IpNet;
use shipdesk::state::{AppState, Config};
use support::{client, set_cookie, spawn_app, spawn_app_with};

const SMS_KEY: &str = "provider-key-0123456789";

/// What the SMS receiver accepted: (phone, code) of every correctly signed request.
type Inbox = Arc<Mutex<Vec<(String, String)>>>;

async fn receive(State(inbox): State<Inbox>, headers: HeaderMap, body: Bytes) -> AxStatus {
    let h = |n: &str| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let expected = format!(
        "sha256={}",
        signature(
            SMS_KEY.as_bytes(),
            &h("x-shipdesk-timestamp"),
            &h("x-shipdesk-nonce"),
            &body
        )
    );
    if h("x-shipdesk-signature") != expected {
        return AxStatus::UNAUTHORIZED;
    }
    let v: Value = serde_json::from_slice(&body).unwrap_or_default();
    assert_eq!(v["template"], "login_code");
    inbox.lock().unwrap().push((
        v["phone"].as_str().unwrap_or("").into(),
        v["params"]["code"].as_str().unwrap_or("").into(),
    ));
    AxStatus::OK
}

/// A local SMS provider: its URL and what it received.
async fn sms_provider() -> (String, Inbox) {
    let inbox = Inbox::default();
    let app = Router::new()
        .route("/send", post(receive))
        .with_state(inbox.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/send", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, inbox)
}

async fn production_state() -> AppState {
    let db = shipdesk::testing::fresh_db().await;
    let config = Config {
        dev_mode: false,
        otp_secret: b"0123456789abcdef0123456789abcdef".to_vec(),
        ..Config::default()
    };
    AppState::new(db, config)
}

#[tokio::test]
async fn production_texts_the_code_through_the_signed_provider_and_never_shows_it() {
    let (url, inbox) = sms_provider().await;
    let mut state = production_state().await;
    state.sms = Arc::new(HttpSmsSender::new(&url, SMS_KEY, "login_code").unwrap());
    let app = spawn_app_with(state).await;
    let boss = shipdesk::testing::staff(&app.state, "boss", &["admin"]).await;
    app.company_with_member(&boss, "Prod Ltd", None, "13800138077")
        .await;

    let c = client();
    let (status, sent) = app.request_code(&c, "13800138077").await;
    assert_eq!(status, StatusCode::OK, "{sent}");
    assert_eq!(sent["dev_code"], Value::Null, "no code in the answer");
    let mut texted = Vec::new();
    for _ in 0..100 {
        texted = inbox.lock().unwrap().clone();
        if !texted.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(
        inbox.lock().unwrap().len(),
        1,
        "one signed request reached the provider"
    );
    assert_eq!(texted[0].0, "13800138077");

    let res = app
        .post(
            &c,
            "member_login",
            json!({"phone": "13800138077", "code": texted[0].1}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = set_cookie(&res, "sd_session").expect("session cookie");
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    let hsts = res
        .headers()
        .get("strict-transport-security")
        .expect("HSTS outside dev");
    assert!(hsts.to_str().unwrap().starts_with("max-age="));
}

#[tokio::test]
async fn dev_mode_sends_no_hsts() {
    let app = spawn_app().await;
    let res = app.page(&client(), "/h5/login").await;
    assert!(res.headers().get("strict-transport-security").is_none());
}

/// Asks for a code for an unknown phone (cheap: nothing is sent) as `xff`.
async fn ask(app: &support::TestApp, n: u32, xff: &str) -> StatusCode {
    client()
        .post(app.url("/api/request_login_code"))
        .header("x-forwarded-for", xff)
        .json(&json!({ "phone": format!("1390000{n:04}") }))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_address_limit() {
    let mut state = shipdesk::testing::test_state().await;
    let mut config = (*state.config).clone();
    config.trusted_proxies = IpNet::parse_list("127.0.0.0/8").unwrap();
    state.config = Arc::new(config);
    let app = spawn_app_with(state).await;
    for n in 0..shipdesk::auth::otp::DAILY_PER_IP as u32 {
        assert_eq!(ask(&app, n, "203.0.113.7").await, StatusCode::OK);
    }
    assert_eq!(
        ask(&app, 100, "198.51.100.1, 203.0.113.7").await,
        StatusCode::TOO_MANY_REQUESTS,
        "a forged left-most hop does not escape the limit"
    );
    assert_eq!(
        ask(&app, 101, "203.0.113.8").await,
        StatusCode::OK,
        "another client behind the same proxy is not limited"
    );
}

#[tokio::test]
async fn without_trusted_proxies_a_forwarded_header_is_ignored() {
    let app = spawn_app().await;
    for n in 0..shipdesk::auth::otp::DAILY_PER_IP as u32 {
        assert_eq!(
            ask(&app, n, &format!("203.0.113.{n}")).await,
            StatusCode::OK
        );
    }
    assert_eq!(
        ask(&app, 100, "198.51.100.1").await,
        StatusCode::TOO_MANY_REQUESTS,
        "the peer's limit, whatever the header says"
    );
}

#[tokio::test]
async fn health_reports_the_database_the_suite_runs_on() {
    let app = spawn_app().await;
    let res = client().get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    let expected = if std::env::var("SHIPDESK_TEST_PG").is_ok_and(|v| !v.is_empty()) {
        "postgres"
    } else {
        "sqlite"
    };
    assert_eq!(body["backend"], expected, "{body}");
}
