//! Staff sessions over HTTP: the session cookie, fixation, sign-out, the end
//! of sessions on disabling or a password reset, and password throttling.

mod support;

use reqwest::header::COOKIE;
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use support::{
    bare_client, client, cookie_pair, retry_after, set_cookie, spawn_app, TestApp, PASSWORD,
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

#[tokio::test]
async fn a_password_reset_ends_the_sessions_of_that_account() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in_staff("boss", &["admin"]).await;
    let (agent, agent_client) = app.signed_in_staff("agent", &["cs"]).await;

    let (status, body) = app
        .call(
            &admin,
            "reset_staff_password",
            json!({"id": agent.id, "password": "newpass123"}),
        )
        .await;

    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(app.current_user(&agent_client).await, Value::Null);
    assert_eq!(app.current_user(&admin).await["Staff"]["account"], "boss");
    let res = app.staff_login(&client(), "agent", "newpass123").await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn re_enabling_an_account_does_not_revive_its_old_sessions() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in_staff("boss", &["admin"]).await;
    let (agent, agent_client) = app.signed_in_staff("agent", &["cs"]).await;
    for disabled in [true, false] {
        let body = json!({"id": agent.id, "disabled": disabled});
        assert_eq!(
            app.call(&admin, "set_staff_disabled", body).await.0,
            StatusCode::OK
        );
    }

    let me = app.current_user(&agent_client).await;

    assert_eq!(me, Value::Null);
}
