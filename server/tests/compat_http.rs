//! Old clients: seed 000's `GET /im/cs/find-history-sessions` with an API
//! token in the `token` header, answered in the old envelope.

mod support;

use serde_json::{json, Value};
use support::*;

async fn get(app: &TestApp, query: &str, token: Option<&str>) -> (u16, Value) {
    let mut req = bare_client().get(app.url(&format!("/im/cs/find-history-sessions{query}")));
    if let Some(t) = token {
        req = req.header("token", t);
    }
    let res = req.send().await.unwrap();
    (res.status().as_u16(), res.json().await.unwrap())
}

#[tokio::test]
async fn history_sessions_answer_in_the_old_envelope_for_a_token() {
    let app = spawn_app().await;
    let admin = shipdesk::testing::staff(&app.state, "root", &["admin"]).await;
    let desk = shipdesk::testing::desk(&app.state, &admin, "presales", None).await;
    let agent = shipdesk::testing::agent(&app.state, &admin, "cs_a", &[desk.id], 5).await;
    let (_, alice) = app
        .company_with_member(&admin, "海通跨境", None, "17091266528")
        .await;
    let bob = shipdesk::testing::member(
        &app.state,
        &admin,
        &shipdesk::customer::repo::by_id(&app.state.db, alice.company_id)
            .await
            .unwrap()
            .unwrap(),
        "李四",
        "13686894270",
    )
    .await;
    for m in [&alice, &bob] {
        shipdesk::chat::service::send::open_conversation(&app.state, m, desk.id)
            .await
            .unwrap();
    }

    // The agent mints a token in the console (a server function)…
    let (_, client) = (agent.clone(), {
        let c = client();
        let res = app.staff_login(&c, "cs_a", PASSWORD).await;
        assert_eq!(res.status(), 200);
        c
    });
    let (status, minted) = app
        .call(&client, "create_api_token", json!({"name": "旧版客服端"}))
        .await;
    assert_eq!(status, 200, "{minted}");
    let token = minted[1].as_str().unwrap().to_owned();

    // …and the old client uses it.
    let (status, body) = get(
        &app,
        "?name=&page=1&size=10&staffSessionType=",
        Some(&token),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    for field in [
        "code",
        "success",
        "msg",
        "message",
        "timestamp",
        "data",
        "cause",
        "fail",
    ] {
        assert!(body.get(field).is_some(), "envelope field {field}: {body}");
    }
    assert_eq!(
        (
            body["code"].as_str(),
            body["success"].as_bool(),
            body["fail"].as_bool()
        ),
        (Some("200"), Some(true), Some(false))
    );
    assert!(body["timestamp"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        (
            body["data"]["current"].as_u64(),
            body["data"]["size"].as_u64(),
            body["data"]["total"].as_i64()
        ),
        (Some(1), Some(10), Some(2))
    );
    let rec = &body["data"]["records"][0];
    for field in [
        "id",
        "type",
        "fromId",
        "fromUserType",
        "fromName",
        "fromHeadIcon",
        "fromUnreadNum",
        "toId",
        "toUserType",
        "toName",
        "toHeadIcon",
        "toUnreadNum",
        "lastMessage",
        "lastMessageTime",
        "adverseReadTime",
        "fromMarkName",
        "toMarkName",
        "customerImId",
        "customerName",
        "customerMarkName",
        "fromReadTime",
        "toReadTime",
        "sessionType",
        "gmtCreate",
    ] {
        assert!(rec.get(field).is_some(), "record field {field}: {rec}");
    }
    assert_eq!(rec["type"], 3);
    assert!(rec["id"].as_str().unwrap().starts_with("0_"));
    assert!(
        rec["gmtCreate"].as_str().unwrap().len() == 19,
        "yyyy-MM-dd HH:mm:ss"
    );

    // Search by name or phone; phones masked for an agent (seed: 170****6528),
    // who finds them by the whole number only.
    let (_, partial) = get(&app, "?name=6528&page=1&size=10", Some(&token)).await;
    assert_eq!(partial["data"]["total"], 0);
    let (_, found) = get(&app, "?name=17091266528&page=1&size=10", Some(&token)).await;
    assert_eq!(found["data"]["total"], 1);
    assert_eq!(found["data"]["records"][0]["customerName"], "170****6528");
    assert_eq!(
        found["data"]["records"][0]["toName"],
        json!(format!("{} name", "cs_a"))
    );

    // Bad input and bad tokens: the envelope with fail = true and a status.
    let (status, bad) = get(&app, "?page=abc", Some(&token)).await;
    assert_eq!(
        (status, bad["fail"].as_bool(), bad["success"].as_bool()),
        (422, Some(true), Some(false))
    );
    let (status, _) = get(&app, "?size=1000", Some(&token)).await;
    assert_eq!(status, 422);
    // A NUL in the search is bad input (PostgreSQL would refuse the pattern).
    let (status, _) = get(&app, "?name=a%00b", Some(&token)).await;
    assert_eq!(status, 422);
    let (status, denied) = get(&app, "", Some("sdk_wrong")).await;
    assert_eq!((status, denied["code"].as_str()), (401, Some("401")));
    assert_eq!(get(&app, "", None).await.0, 401);

    // A revoked token stops working.
    let id = minted[0]["id"].as_i64().unwrap();
    let (status, _) = app
        .call(&client, "revoke_api_token", json!({"id": id}))
        .await;
    assert_eq!(status, 200);
    assert_eq!(get(&app, "", Some(&token)).await.0, 401);
    // Members have no tokens.
    let member = app.signed_in_member("13686894270").await;
    let (status, _) = app
        .call(&member, "create_api_token", json!({"name": "x"}))
        .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn the_token_may_also_come_as_a_bearer_token() {
    let app = spawn_app().await;
    let cs = shipdesk::testing::staff(&app.state, "cs_a", &["cs"]).await;
    let (_, token) = shipdesk::auth::api_token::create(&app.state, &cs, "old", None)
        .await
        .unwrap();
    let res = bare_client()
        .get(app.url("/im/cs/find-history-sessions?page=1&size=10"))
        .header("authorization", format!("Bearer {token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["data"]["total"], 0, "{body}");
}
