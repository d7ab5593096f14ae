//! Seed 003's WeChat customer-service accounts: `getkflist`,
//! `getonlinekflist` and `kfaccount/add` in WeChat's shapes, refusals as
//! `{errcode, errmsg}`, the token as `?access_token=`; and the compat
//! endpoints under `SHIPDESK_COMPAT_PREFIX`.

#[path = "support/shape.rs"]
mod shape;
mod support;

use serde_json::{json, Value};
use shape::assert_same_shape;
use shipdesk::auth::{api_token, Staff};
use shipdesk::chat::service::agent;
use shipdesk::chat::AgentStatus;
use support::*;

/// Seed 003's getkflist example, its first entry without `kf_wx` (the
/// WeChat id a WeChat account is bound to; Shipdesk accounts have none,
/// and the seed lists it only "if bound", like the invite fields).
const SEED_LIST: &str = r#"{ "kf_list" : [
{
"kf_account" : "test1@test",
"kf_headimgurl" : "http://mmbiz.qpic.cn/mmbiz/4whpV1VZl2iccsvYbHvnphkyGtnvjfUS8Ym0GSaLic0FD3vN0V8PILcibEGb2fPfEOmw/0",
"kf_id" : "1001",
"kf_nick" : "ntest1"
}
]
}"#;

/// Seed 003's getonlinekflist example.
const SEED_ONLINE: &str = r#"{ "kf_online_list": [
{ "kf_account": "test1@test", "status": 1, "kf_id": "1001", "accepted_case": 1 },
{ "kf_account": "test2@test", "status": 1, "kf_id": "1002", "accepted_case": 2 }
] }"#;

async fn token_of(app: &TestApp, staff: &Staff) -> String {
    api_token::create(&app.state, staff, "wechat", None)
        .await
        .unwrap()
        .1
}

async fn get(app: &TestApp, path: &str) -> Value {
    let res = bare_client().get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), 200, "WeChat answers 200");
    res.json().await.unwrap()
}

async fn add(app: &TestApp, token: Option<&str>, body: &str) -> Value {
    let query = token
        .map(|t| format!("?access_token={t}"))
        .unwrap_or_default();
    let res = bare_client()
        .post(app.url(&format!("/customservice/kfaccount/add{query}")))
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

#[tokio::test]
async fn cs_accounts_and_online_agents_answer_in_wechats_shapes() {
    let app = spawn_app().await;
    let admin = shipdesk::testing::staff(&app.state, "root", &["admin"]).await;
    let desk = shipdesk::testing::desk(&app.state, &admin, "presales", None).await;
    let cs = shipdesk::testing::agent(&app.state, &admin, "cs_a", &[desk.id], 5).await;
    let away = shipdesk::testing::agent(&app.state, &admin, "cs_b", &[desk.id], 5).await;
    agent::set_agent_status(&app.state, &away, AgentStatus::Offline)
        .await
        .unwrap();
    let company = shipdesk::testing::company(&app.state, &admin, "海通跨境", None).await;
    let m = shipdesk::testing::member(&app.state, &admin, &company, "张三", "13900000001").await;
    shipdesk::chat::service::send::open_conversation(&app.state, &m, desk.id)
        .await
        .unwrap();
    let token = token_of(&app, &cs).await;

    let list = get(
        &app,
        &format!("/cgi-bin/customservice/getkflist?access_token={token}"),
    )
    .await;
    assert_same_shape(&serde_json::from_str(SEED_LIST).unwrap(), &list, &[]);
    let accounts: Vec<&str> = list["kf_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kf_account"].as_str().unwrap())
        .collect();
    assert_eq!(accounts, ["cs_a@shipdesk", "cs_b@shipdesk"]);
    assert_eq!(list["kf_list"][0]["kf_id"], cs.id.to_string());
    assert_eq!(list["kf_list"][0]["kf_nick"], "cs_a name");

    let online = get(
        &app,
        &format!("/cgi-bin/customservice/getonlinekflist?access_token={token}"),
    )
    .await;
    assert_same_shape(&serde_json::from_str(SEED_ONLINE).unwrap(), &online, &[]);
    assert_eq!(
        online["kf_online_list"],
        json!([{"kf_account": "cs_a@shipdesk", "status": 1, "kf_id": cs.id.to_string(), "accepted_case": 1}])
    );
}

#[tokio::test]
async fn an_admin_adds_a_cs_account_and_refusals_carry_wechats_codes() {
    let app = spawn_app().await;
    let admin = shipdesk::testing::staff(&app.state, "root", &["admin"]).await;
    let cs = shipdesk::testing::staff(&app.state, "cs_a", &["cs"]).await;
    let admin_token = token_of(&app, &admin).await;
    let cs_token = token_of(&app, &cs).await;
    let new = r#"{"kf_account": "kf_one@shipdesk", "nickname": "客服1"}"#;

    assert_eq!(
        add(&app, Some(&admin_token), new).await,
        json!({"errcode": 0, "errmsg": "ok"})
    );
    let list = get(
        &app,
        &format!("/cgi-bin/customservice/getkflist?access_token={cs_token}"),
    )
    .await;
    let nicks: Vec<&str> = list["kf_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kf_nick"].as_str().unwrap())
        .collect();
    assert!(nicks.contains(&"客服1"), "{list}");

    for (token, body, code) in [
        (None, new, 41001),
        (Some("sdk_wrong"), new, 40001),
        (
            Some(cs_token.as_str()),
            r#"{"kf_account": "kf_two@shipdesk", "nickname": "x"}"#,
            48001,
        ),
        (Some(admin_token.as_str()), new, 65406),
        (
            Some(admin_token.as_str()),
            r#"{"kf_account": "kf_two@gh_wx", "nickname": "x"}"#,
            65404,
        ),
        (
            Some(admin_token.as_str()),
            r#"{"kf_account": "k@shipdesk", "nickname": "x"}"#,
            65404,
        ),
        (
            Some(admin_token.as_str()),
            r#"{"kf_account": "kf_two@shipdesk", "nickname": " "}"#,
            65403,
        ),
        (Some(admin_token.as_str()), "", 44002),
        (Some(admin_token.as_str()), "kf_account=x", 47001),
    ] {
        let got = add(&app, token, body).await;
        assert_eq!(got["errcode"], code, "{body}: {got}");
        assert_same_shape(&json!({"errcode": 1, "errmsg": ""}), &got, &[]);
    }
    let got = get(&app, "/cgi-bin/customservice/getkflist").await;
    assert_eq!(got["errcode"], 41001, "{got}");
}

#[tokio::test]
async fn the_compat_endpoints_move_under_the_configured_prefix() {
    let config = shipdesk::state::Config {
        compat_prefix: "/legacy".into(),
        ..Default::default()
    };
    let state = shipdesk::state::AppState::new(shipdesk::testing::fresh_db().await, config);
    let app = spawn_app_with(state).await;
    let cs = shipdesk::testing::staff(&app.state, "cs_a", &["cs"]).await;
    let token = token_of(&app, &cs).await;
    let got = get(
        &app,
        &format!("/legacy/cgi-bin/customservice/getkflist?access_token={token}"),
    )
    .await;
    assert_eq!(got["kf_list"][0]["kf_account"], "cs_a@shipdesk", "{got}");
    let res = bare_client()
        .get(app.url(&format!(
            "/cgi-bin/customservice/getkflist?access_token={token}"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404, "not at the unprefixed path");
    let history = bare_client()
        .get(app.url("/legacy/plugin.yun-chat.frontend.chat.history-list?pagesize=1"))
        .header("token", &token)
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(history["result"], 1, "{history}");
}
