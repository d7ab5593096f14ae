//! Partner apps end to end over HTTP: an admin registers an app, the app
//! signs a token request, calls server functions with `Authorization:
//! Bearer`, is refused outside its functions, companies and rate (each
//! refusal in the API's error shape and in its log), and signs a person in
//! with a one-time link.

mod support;

use reqwest::header::{AUTHORIZATION, LOCATION};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use shipdesk::partner::sign;
use support::{bare_client, client, error_of, retry_after, spawn_app, TestApp};

async fn register(app: &TestApp, admin: &Client, input: Value) -> (Value, String) {
    let (status, created) = app
        .call(admin, "create_partner_app", json!({ "input": input }))
        .await;
    assert_eq!(status, StatusCode::OK, "{created}");
    (created[0].clone(), created[1].as_str().unwrap().to_owned())
}

async fn token(app: &TestApp, partner: &Value, secret: &str, nonce: &str) -> String {
    let app_id = partner["app_id"].as_str().unwrap();
    let ts = (app.state.now() / 1000).to_string();
    let signature = sign::sign(secret, &[app_id, &ts, nonce]);
    let body = json!({"input": {"app_id": app_id, "timestamp": ts.parse::<i64>().unwrap(), "nonce": nonce, "signature": signature}});
    let (status, t) = app.call(&bare_client(), "partner_token", body).await;
    assert_eq!(status, StatusCode::OK, "{t}");
    assert_eq!(t["token_type"], "Bearer");
    t["access_token"].as_str().unwrap().to_owned()
}

async fn bearer_call(
    app: &TestApp,
    token: &str,
    endpoint: &str,
    body: Value,
) -> (StatusCode, reqwest::Response) {
    let res = bare_client()
        .post(app.url(&format!("/api/{endpoint}")))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .json(&body)
        .send()
        .await
        .unwrap();
    (res.status(), res)
}

async fn json_of(res: reqwest::Response) -> Value {
    res.json().await.unwrap_or(Value::Null)
}

async fn log(app: &TestApp, admin: &Client, partner: &Value) -> Vec<Value> {
    let body = json!({"app_id": partner["id"], "filter": {}, "page": 1, "size": 50});
    let (status, page) = app.call(admin, "list_partner_requests", body).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    page["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_partner_app_authenticates_and_calls_its_functions_and_only_those() {
    let app = spawn_app().await;
    let (root, admin) = app.signed_in_staff("root", &["admin"]).await;
    let (mine, _) = app
        .company_with_member(&root, "深圳甲公司", None, "13800000001")
        .await;
    app.company_with_member(&root, "义乌乙公司", None, "13800000002")
        .await;
    let input = json!({"name": "ERP", "roles": ["cs"], "functions": ["current_user", "list_companies"],
        "all_companies": false, "company_ids": [mine.id], "rate_per_min": 60});
    let (partner, secret) = register(&app, &admin, input).await;
    let t = token(&app, &partner, &secret, "nonce-0001").await;

    let (status, res) = bearer_call(&app, &t, "current_user", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let me = json_of(res).await;
    assert_eq!(me["Staff"]["account"], partner["account"], "{me}");

    let (status, res) = bearer_call(&app, &t, "list_companies", json!({"filter": {}})).await;
    assert_eq!(status, StatusCode::OK);
    let page = json_of(res).await;
    let names: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["深圳甲公司"], "only its companies");

    let (status, res) = bearer_call(&app, &t, "list_staff", json!({"filter": {}})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(error_of(&json_of(res).await).0, "forbidden");

    let (status, res) = bearer_call(&app, "spt_not-a-token", "current_user", json!({})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_of(&json_of(res).await).0, "unauthorized");

    let lines = log(&app, &admin, &partner).await;
    let seen: Vec<(String, i64)> = lines
        .iter()
        .map(|l| {
            (
                l["function"].as_str().unwrap().to_owned(),
                l["status"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            ("list_staff".into(), 403),
            ("list_companies".into(), 200),
            ("current_user".into(), 200),
            ("partner_token".into(), 200)
        ]
    );
    assert_eq!(lines[0]["error"], "error.forbidden");

    // A paused app's token stops at once.
    let (status, _) = app
        .call(
            &admin,
            "set_partner_app_enabled",
            json!({"id": partner["id"], "enabled": false}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = bearer_call(&app, &t, "current_user", json!({})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        log(&app, &admin, &partner).await[0]["error"],
        "partner.disabled"
    );
}

#[tokio::test]
async fn past_its_rate_an_app_is_answered_429_with_retry_after() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in_staff("root", &["admin"]).await;
    let input = json!({"name": "Bot", "roles": ["cs"], "functions": ["current_user"], "all_companies": true, "rate_per_min": 3});
    let (partner, secret) = register(&app, &admin, input).await;
    let t = token(&app, &partner, &secret, "nonce-0001").await;
    for _ in 0..3 {
        assert_eq!(
            bearer_call(&app, &t, "current_user", json!({})).await.0,
            StatusCode::OK
        );
    }
    let (status, res) = bearer_call(&app, &t, "current_user", json!({})).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after(&res) >= 1);
    assert_eq!(error_of(&json_of(res).await).0, "rate_limited");
    assert_eq!(log(&app, &admin, &partner).await[0]["status"], 429);
}

#[tokio::test]
async fn nobody_but_admins_manage_apps() {
    let app = spawn_app().await;
    let (_, cs) = app.signed_in_staff("tina", &["cs"]).await;
    let input = json!({"input": {"name": "X", "roles": ["cs"], "functions": ["current_user"], "rate_per_min": 5}});
    let (status, _) = app.call(&cs, "create_partner_app", input).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .call(&bare_client(), "list_partner_apps", json!({}))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_signed_login_link_opens_a_session_once() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in_staff("root", &["admin"]).await;
    shipdesk::testing::staff(&app.state, "cs1", &["cs"]).await;
    let input = json!({"name": "OA", "roles": ["cs"], "functions": ["current_user"], "all_companies": true,
        "login_staff": ["cs1"], "rate_per_min": 60});
    let (partner, secret) = register(&app, &admin, input).await;
    let app_id = partner["app_id"].as_str().unwrap();
    let ts = (app.state.now() / 1000).to_string();
    let next = "/admin/chat";
    let sig = sign::sign(&secret, &[app_id, "staff", "cs1", &ts, "link-0001", next]);
    let url = app.url(&format!(
        "/partner/login?app_id={app_id}&kind=staff&user=cs1&timestamp={ts}&nonce=link-0001&next=%2Fadmin%2Fchat&signature={sig}"
    ));
    let browser = client();
    let res = browser.get(&url).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[LOCATION], next);
    assert_eq!(app.current_user(&browser).await["Staff"]["account"], "cs1");
    let again = client().get(&url).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::CONFLICT, "single use");
    assert!(again.text().await.unwrap().contains("nonce 已使用过"));
}

#[tokio::test]
async fn a_partner_token_calls_the_older_apis_it_was_given_in_their_own_formats() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in_staff("root", &["admin"]).await;
    let input = json!({"name": "WeChat bridge", "roles": ["cs"], "functions": ["kf_list"], "all_companies": true, "rate_per_min": 60});
    let (partner, secret) = register(&app, &admin, input).await;
    let t = token(&app, &partner, &secret, "nonce-0001").await;
    let get = |path: &str| {
        bare_client()
            .get(app.url(&format!("{path}?access_token={t}")))
            .send()
    };
    let list: Value = get("/cgi-bin/customservice/getkflist")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(list["kf_list"].is_array(), "{list}");
    let refused: Value = get("/cgi-bin/customservice/getonlinekflist")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(refused["errcode"], 0, "{refused}");
    assert!(refused.get("kf_online_list").is_none());
    let seen: Vec<String> = log(&app, &admin, &partner)
        .await
        .iter()
        .map(|l| format!("{} {}", l["function"].as_str().unwrap(), l["status"]))
        .collect();
    assert_eq!(
        seen[..2],
        ["kf_online_list 403".to_owned(), "kf_list 200".to_owned()]
    );
}
