//! Which companies a caller sees, over HTTP: customers their own, salespeople
//! the companies they own, and phones masked for those who may not see them.

mod support;

use reqwest::StatusCode;
use serde_json::{json, Value};
use support::{error_of, spawn_app};

fn list_body() -> Value {
    json!({"filter": {"q": null, "certification": null}, "page": 1, "size": 100})
}

fn ids(page: &Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .expect("a page of items")
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn a_customer_sees_their_own_company_and_no_other() {
    let app = spawn_app().await;
    let boss = shipdesk::testing::staff(&app.state, "boss", &["admin"]).await;
    let (a, _) = app
        .company_with_member(&boss, "Company A", None, "13800138001")
        .await;
    let (b, _) = app
        .company_with_member(&boss, "Company B", None, "13800138002")
        .await;
    let customer = app.signed_in_member("13800138001").await;

    let (other_status, _) = app
        .call(&customer, "get_company", json!({"id": b.id}))
        .await;
    let (own_status, own) = app.call(&customer, "my_company", json!({})).await;

    assert_eq!(other_status, StatusCode::FORBIDDEN);
    assert_eq!(own_status, StatusCode::OK, "{own}");
    assert_eq!(own["company"]["id"], a.id);
    let phones: Vec<&str> = own["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["phone"].as_str().unwrap())
        .collect();
    assert_eq!(phones, ["13800138001"]);
}

#[tokio::test]
async fn a_salesperson_cannot_open_another_salespersons_company() {
    let app = spawn_app().await;
    let boss = shipdesk::testing::staff(&app.state, "boss", &["admin"]).await;
    let (seller_a, client_a) = app.signed_in_staff("seller-a", &["sales"]).await;
    let seller_b = shipdesk::testing::staff(&app.state, "seller-b", &["sales"]).await;
    let mine = shipdesk::testing::company(&app.state, &boss, "Mine Ltd", Some(&seller_a)).await;
    let theirs = shipdesk::testing::company(&app.state, &boss, "Theirs Ltd", Some(&seller_b)).await;

    let (status, body) = app
        .call(&client_a, "get_company", json!({"id": theirs.id}))
        .await;
    let (list_status, list) = app.call(&client_a, "list_companies", list_body()).await;

    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(error_of(&body).0, "not_found");
    assert_eq!(list_status, StatusCode::OK, "{list}");
    assert_eq!(ids(&list), [mine.id]);
    assert_eq!(list["total"], 1);
}

#[tokio::test]
async fn a_salesperson_cannot_change_another_salespersons_company() {
    let app = spawn_app().await;
    let boss = shipdesk::testing::staff(&app.state, "boss", &["admin"]).await;
    let (_, client_a) = app.signed_in_staff("seller-a", &["sales"]).await;
    let seller_b = shipdesk::testing::staff(&app.state, "seller-b", &["sales"]).await;
    let theirs = shipdesk::testing::company(&app.state, &boss, "Theirs Ltd", Some(&seller_b)).await;
    let input = json!({"name": "Stolen Ltd", "phone": "13800138009"});

    let (status, _) = app
        .call(
            &client_a,
            "add_member",
            json!({"company_id": theirs.id, "input": input}),
        )
        .await;

    assert_eq!(status, StatusCode::NOT_FOUND);
    let members = shipdesk::auth::repo::members_of(&app.state.db, theirs.id)
        .await
        .unwrap();
    assert!(members.is_empty());
}

#[tokio::test]
async fn a_cs_agent_sees_member_phones_masked_and_the_owner_in_full() {
    let app = spawn_app().await;
    let boss = shipdesk::testing::staff(&app.state, "boss", &["admin"]).await;
    let (_, cs) = app.signed_in_staff("agent", &["cs"]).await;
    let (owner, owner_client) = app.signed_in_staff("seller", &["sales"]).await;
    let (company, _) = app
        .company_with_member(&boss, "Acme Ltd", Some(&owner), "17012346528")
        .await;
    let get = json!({"id": company.id});

    let (status, seen_by_cs) = app.call(&cs, "get_company", get.clone()).await;
    let (_, seen_by_owner) = app.call(&owner_client, "get_company", get).await;

    assert_eq!(status, StatusCode::OK, "{seen_by_cs}");
    assert_eq!(seen_by_cs["members"][0]["phone"], "170****6528");
    assert_eq!(seen_by_cs["can_edit"], false);
    assert_eq!(seen_by_owner["members"][0]["phone"], "17012346528");
}
