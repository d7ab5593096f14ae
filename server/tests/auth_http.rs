//! Sign-in over HTTP: the session cookie, fixation, sign-out, disabling,
//! password throttling and SMS codes.

mod support;

use reqwest::header::{COOKIE, RETRY_AFTER};
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use support::{
    bare_client, client, cookie_pair, error_of, set_cookie, spawn_app, TestApp, PASSWORD,
};

fn session_cookie(res: &Response) -> String {
    set_cookie(res, "sd_session").expect("an sd_session cookie")
}

/// current_user as the holder of `cookie` (`sd_session=…`), from a client without a jar.
async fn who_holds(app: &TestApp, cookie: &str) -> Value {
    let res = bare_client()
        .post(app.url("/api/current_user"))
        .header(COOKIE, cookie)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

fn retry_after(res: &Response) -> u64 {
    res.headers()
        .get(RETRY_AFTER)
        .expect("a Retry-After header")
        .to_str()
        .unwrap()
        .parse()
        .expect("Retry-After in seconds")
}

#[tokio::test]
async fn signing_in_sets_an_http_only_same_site_session_cookie() {
    let app = spawn_app().await;
    shipdesk::testing::staff(&app.state, "agent", &["cs"]).await;

    let res = app.staff_login(&client(), "agent", PASSWORD).await;

    assert_eq!(res.status(), StatusCode::OK);
    let cookie = session_cookie(&res);
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
}

#[tokio::test]
async fn signing_in_again_replaces_the_session_id() {
    let app = spawn_app().await;
    shipdesk::testing::staff(&app.state, "agent", &["cs"]).await;
    let c = client();
    let first = session_cookie(&app.staff_login(&c, "agent", PASSWORD).await);

    let second = session_cookie(&app.staff_login(&c, "agent", PASSWORD).await);

    assert_ne!(cookie_pair(&first), cookie_pair(&second));
    assert_eq!(who_holds(&app, cookie_pair(&first)).await, Value::Null);
    assert_eq!(
        who_holds(&app, cookie_pair(&second)).await["Staff"]["account"],
        "agent"
    );
}

#[tokio::test]
async fn a_planted_session_id_is_not_adopted_at_sign_in() {
    let app = spawn_app().await;
    shipdesk::testing::staff(&app.state, "agent", &["cs"]).await;
    let planted = "sd_session=AAAAAAAAAAAAAAAAAAAAAA";

    let res = bare_client()
        .post(app.url("/api/staff_login"))
        .header(COOKIE, planted)
        .json(&json!({"account": "agent", "password": PASSWORD}))
        .send()
        .await
        .unwrap();

    assert_eq!(res.status(), StatusCode::OK);
    assert_ne!(cookie_pair(&session_cookie(&res)), planted);
    assert_eq!(who_holds(&app, planted).await, Value::Null);
}

#[tokio::test]
async fn after_sign_out_the_old_cookie_no_longer_authenticates() {
    let app = spawn_app().await;
    shipdesk::testing::staff(&app.state, "boss", &["admin"]).await;
    let c = client();
    let cookie = session_cookie(&app.staff_login(&c, "boss", PASSWORD).await);
    let cookie = cookie_pair(&cookie).to_owned();
    assert_eq!(who_holds(&app, &cookie).await["Staff"]["account"], "boss");

    let (status, _) = app.call(&c, "logout", json!({})).await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(who_holds(&app, &cookie).await, Value::Null);
    let replay = bare_client()
        .post(app.url("/api/list_staff"))
        .header(COOKIE, &cookie)
        .json(&json!({"filter": {"q": null, "role": null}, "page": 1, "size": 20}))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_disabled_staff_member_is_signed_out_at_their_next_request() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in_staff("boss", &["admin"]).await;
    let (agent, agent_client) = app.signed_in_staff("agent", &["cs"]).await;
    let list = json!({"filter": {"q": null, "certification": null}, "page": 1, "size": 20});
    assert_eq!(
        app.call(&agent_client, "list_companies", list.clone())
            .await
            .0,
        StatusCode::OK
    );

    let (status, _) = app
        .call(
            &admin,
            "set_staff_disabled",
            json!({"id": agent.id, "disabled": true}),
        )
        .await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(app.current_user(&agent_client).await, Value::Null);
    let (status, body) = app.call(&agent_client, "list_companies", list).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
}

#[tokio::test]
async fn ten_wrong_passwords_lock_the_account_even_against_the_right_one() {
    let app = spawn_app().await;
    shipdesk::testing::staff(&app.state, "agent", &["cs"]).await;
    let c = client();
    for attempt in 1..=10 {
        let res = app.staff_login(&c, "agent", "wrong-password1").await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "attempt {attempt}"
        );
    }

    let res = app.staff_login(&c, "agent", PASSWORD).await;

    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = retry_after(&res);
    assert!((1..=900).contains(&wait), "Retry-After {wait}");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["kind"], "rate_limited");
    assert_eq!(body["retry_after_secs"], wait);
    assert_eq!(app.current_user(&c).await, Value::Null);
}

/// A company with a member on `phone`.
async fn customer(app: &TestApp, phone: &str) {
    let boss = shipdesk::testing::staff(&app.state, "boss", &["admin"]).await;
    app.company_with_member(&boss, "Acme Ltd", None, phone)
        .await;
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
