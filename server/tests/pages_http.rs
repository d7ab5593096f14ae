//! Pages over HTTP: the language cookie picks the language of the HTML, and
//! the portals send visitors who may not enter to their sign-in pages; ops'
//! board of alerts renders, and bad alert calls name their field; a
//! salesperson's quick orders are listed, counted and cancelled.

mod support;

#[path = "support/quote.rs"]
mod quote;

use reqwest::header::LOCATION;
use reqwest::StatusCode;
use serde_json::json;
use support::{bare_client, client, set_cookie, spawn_app};

#[tokio::test]
async fn choosing_english_sets_the_lang_cookie() {
    let app = spawn_app().await;

    let res = app
        .post(&client(), "set_language", json!({"lang": "en"}))
        .await;

    assert_eq!(res.status(), StatusCode::OK);
    let cookie = set_cookie(&res, "lang").expect("a lang cookie");
    assert!(cookie.starts_with("lang=en;"), "{cookie}");
}

#[tokio::test]
async fn the_lang_cookie_picks_the_page_language() {
    let app = spawn_app().await;

    let en = app.page_with_cookie("/admin/login", "lang=en").await;
    let zh = app.page(&bare_client(), "/admin/login").await;

    let en = en.text().await.unwrap();
    assert!(en.contains("<html lang=\"en\""), "{en}");
    assert!(en.contains("Staff sign-in"));
    let zh = zh.text().await.unwrap();
    assert!(zh.contains("<html lang=\"zh-CN\""), "{zh}");
    assert!(zh.contains("员工登录"));
}

fn location(res: &reqwest::Response) -> &str {
    res.headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

#[tokio::test]
async fn an_anonymous_visit_to_the_admin_redirects_to_sign_in() {
    let app = spawn_app().await;

    let res = app.page(&client(), "/admin/staff").await;

    assert_eq!(res.status(), StatusCode::FOUND);
    assert!(
        location(&res).starts_with("/admin/login?next="),
        "{}",
        location(&res)
    );
}

#[tokio::test]
async fn a_customer_visiting_the_admin_is_sent_to_staff_sign_in() {
    let app = spawn_app().await;
    let boss = shipdesk::testing::staff(&app.state, "boss", &["admin"]).await;
    app.company_with_member(&boss, "Acme Ltd", None, "13800138001")
        .await;
    let member = app.signed_in_member("13800138001").await;

    let res = app.page(&member, "/admin").await;

    assert_eq!(res.status(), StatusCode::FOUND);
    assert!(
        location(&res).starts_with("/admin/login"),
        "{}",
        location(&res)
    );
}

#[tokio::test]
async fn an_anonymous_visit_to_h5_redirects_to_its_sign_in() {
    let app = spawn_app().await;

    let res = app.page(&client(), "/h5").await;

    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(location(&res), "/h5/login?next=/h5");
}

#[tokio::test]
async fn a_page_that_cannot_load_its_data_answers_with_the_error_status() {
    let app = spawn_app().await;
    let (_admin, c) = app.signed_in_staff("root", &["admin"]).await;

    let missing = app.page(&c, "/admin/customers/999999").await;
    let list = app.page(&c, "/admin/customers").await;

    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(list.status(), StatusCode::OK);
}

#[tokio::test]
async fn ops_board_of_alerts_renders_with_its_empty_state_and_thresholds() {
    let app = spawn_app().await;
    let (_ops, c) = app.signed_in_staff("ops1", &["ops"]).await;

    let res = app.page(&c, "/admin/alerts").await;

    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("异常预警"), "the title and the menu");
    assert!(html.contains("没有预警"), "the empty state");
    assert!(html.contains("alert-settings"), "ops see the thresholds");
}

#[tokio::test]
async fn a_provider_finds_the_transfer_upload_in_their_menu_and_cs_do_not() {
    let app = spawn_app().await;
    let (_p, provider) = app.signed_in_staff("provider9", &["provider"]).await;
    let (_cs, cs) = app.signed_in_staff("cs9", &["cs"]).await;

    let res = app.page(&provider, "/admin/transfers").await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("上传转单号"), "the title");
    assert!(
        html.contains("/orders/transfers/template.xlsx"),
        "the template"
    );
    assert!(
        html.contains("模板已列出分配给您的待发订单"),
        "a provider's hint"
    );
    assert!(
        html.contains(r#"href="/admin/orders""#),
        "their orders in the menu"
    );
    assert!(!html.contains(r#"href="/admin/customers""#));

    let html = app.page(&cs, "/admin").await.text().await.unwrap();
    assert!(
        !html.contains(r#"href="/admin/transfers""#),
        "cs upload nothing"
    );
}

#[tokio::test]
async fn ops_list_the_pickups_with_their_filters_and_empty_state() {
    let app = spawn_app().await;
    let (_ops, c) = app.signed_in_staff("ops1", &["ops"]).await;
    let (_cs, cs) = app.signed_in_staff("cs9", &["cs"]).await;

    let res = app.page(&c, "/admin/pickups").await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("揽收计划"), "the title");
    assert!(html.contains(r#"href="/admin/pickups""#), "in ops' menu");
    assert!(html.contains("没有符合条件的揽收计划"), "the empty state");
    let html = app.page(&cs, "/admin").await.text().await.unwrap();
    assert!(
        !html.contains(r#"href="/admin/pickups""#),
        "not in cs' menu"
    );
}

#[tokio::test]
async fn a_salesperson_finds_quick_order_on_their_customers_quote_and_cs_do_not() {
    let app = spawn_app().await;
    let (admin, _) = app.signed_in_staff("root", &["admin"]).await;
    let (sales, c) = app.signed_in_staff("sales9", &["sales"]).await;
    let (_cs, cs) = app.signed_in_staff("cs9", &["cs"]).await;
    let (company, _) = app
        .company_with_member(&admin, "深圳快捷", Some(&sales), "13800139999")
        .await;
    let who = shipdesk::auth::Principal::Staff(sales);
    let quote = quote::saved_quote(&app.state, &who, Some(company.id)).await;
    let path = format!("/admin/quotes/{}", quote.number);

    let html = app.page(&c, &path).await.text().await.unwrap();
    let book = format!(r#"href="/admin/quotes/{}/book""#, quote.number);
    assert!(
        html.contains("quick-order") && html.contains(&book),
        "the link"
    );
    let res = app.page(&c, &format!("{path}/book")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("快捷下单"), "the form renders on the server");
    let html = app.page(&cs, &path).await.text().await.unwrap();
    assert!(!html.contains(&book), "cs book nothing");
}

#[tokio::test]
async fn a_salesperson_lists_counts_and_cancels_their_quick_orders() {
    let app = spawn_app().await;
    let (admin, _) = app.signed_in_staff("root", &["admin"]).await;
    let (sales, c) = app.signed_in_staff("sales8", &["sales"]).await;
    let (_cs, cs) = app.signed_in_staff("cs8", &["cs"]).await;
    let (company, member) = app
        .company_with_member(&admin, "深圳快捷", Some(&sales), "13800139998")
        .await;
    let who = shipdesk::auth::Principal::Staff(sales.clone());
    let quote = quote::saved_quote(&app.state, &who, Some(company.id)).await;
    let token = shipdesk::orders::service::create_act_as_token(&app.state, &sales, member.id, 10)
        .await
        .unwrap();
    let input = serde_json::from_value(json!({
        "quote_number": quote.number, "client_key": "quick-page-0001",
        "shipper": {"name": "李娜", "phone": "13800139998", "address": "深圳市宝安区 1 号"},
        "consignee": {"kind": "fba", "fba_code": "ONT8", "shipment_id": "FBA17ABCD123"},
        "cartons": [{"count": 5, "length_cm": 50, "width_cm": 40, "height_cm": 30, "weight_kg": 22}],
        "goods": [{"name_zh": "耳机", "name_en": "Earphones", "hs_code": "85183000",
                   "material": "塑料", "declared_value_usd": 500, "quantity": 100}]}))
    .unwrap();
    let order =
        shipdesk::orders::service::book_quick_order(&app.state, &sales, &token.token, &input)
            .await
            .unwrap();

    let html = app.page(&c, "/admin").await.text().await.unwrap();
    assert!(
        html.contains(r#"href="/admin/quick-orders""#),
        "in the menu"
    );
    let html = app.page(&cs, "/admin").await.text().await.unwrap();
    assert!(!html.contains(r#"href="/admin/quick-orders""#), "not cs'");
    let html = app
        .page(&c, "/admin/quick-orders")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("快捷下单列表"), "the title");
    assert!(html.contains("待处理 1 单 · 已处理 0 单"), "the counts");
    assert!(html.contains(&order.number), "the order");
    let (status, counts) = app
        .call(
            &c,
            "count_orders",
            json!({"company_id": null, "quick_only": true}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{counts}");
    assert_eq!(
        (counts["pending"].as_i64(), counts["processed"].as_i64()),
        (Some(1), Some(0))
    );

    let path = format!("/admin/orders/{}", order.id);
    let html = app.page(&c, &path).await.text().await.unwrap();
    assert!(html.contains(r#"data-to="cancelled""#), "theirs to cancel");
    let html = app.page(&cs, &path).await.text().await.unwrap();
    assert!(!html.contains(r#"data-to="cancelled""#), "cs read only");
    let body = json!({"id": order.id, "version": order.version, "reason": "客户改主意"});
    let (status, done) = app.call(&c, "cancel_order", body).await;
    assert_eq!(
        (status, done["status"].as_str()),
        (StatusCode::OK, Some("cancelled"))
    );
    let html = app
        .page(&c, "/admin/quick-orders")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("待处理 0 单 · 已处理 0 单"),
        "cancelled: neither"
    );
}

#[tokio::test]
async fn bad_alert_calls_name_their_field_or_what_is_missing() {
    let app = spawn_app().await;
    let (_admin, c) = app.signed_in_staff("root", &["admin"]).await;

    let input = json!({"input": {"thresholds": [{"mode": "sea", "hours": 0}]}});
    let (status, body) = app.call(&c, "save_alert_settings", input).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["field"], "thresholds[0].hours");
    let (status, body) = app.call(&c, "close_alert", json!({"id": 42})).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, body) = app
        .call(&c, "list_alerts", json!({"filter": {"status": "maybe"}}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}
