//! Orders over HTTP: a customer books a saved quote through `book_order`
//! (a resend with the same key books nothing new), and the list's export
//! (`GET /orders/export.csv`, `.xlsx`) gives the caller's orders as
//! filtered, refusing whoever may not list them; the transfer-number
//! template downloads for ops and providers only. An export the page
//! follows (`progress=`) reports its rows to its caller.

mod support;

use reqwest::StatusCode;
use serde_json::{json, Value};
use support::{bare_client, spawn_app, TestApp};

fn search() -> Value {
    json!({"country": "US", "fba_code": "ONT8", "origin": "深圳", "cargo": {"by": "cartons",
        "lines": [{"count": 5, "length_cm": 50, "width_cm": 40, "height_cm": 30, "weight_kg": 22}]}})
}

fn booking(quote: &str, key: &str) -> Value {
    json!({"input": {
        "quote_number": quote, "client_key": key,
        "shipper": {"name": "张伟", "phone": "13800138001", "address": "深圳市宝安区 1 号"},
        "consignee": {"kind": "fba", "fba_code": "ONT8", "shipment_id": "FBA17ABCD123"},
        "cartons": [{"count": 5, "length_cm": 50, "width_cm": 40, "height_cm": 30, "weight_kg": 22}],
        "goods": [{"name_zh": "耳机", "name_en": "Earphones", "hs_code": "85183000",
                   "material": "塑料", "declared_value_usd": 500, "quantity": 100}]}})
}

/// A signed-in member of a new company with one saved quote.
async fn customer(app: &TestApp, phone: &str, name: &str) -> (reqwest::Client, String) {
    shipdesk::pricing::service::seed_demo_channels(&app.state)
        .await
        .unwrap();
    let admin = shipdesk::testing::staff(&app.state, &format!("adm{phone}"), &["admin"]).await;
    app.company_with_member(&admin, name, None, phone).await;
    let member = app.signed_in_member(phone).await;
    let (status, found) = app
        .call(&member, "search_quotes", json!({"search": search()}))
        .await;
    assert_eq!(status, StatusCode::OK, "{found}");
    let channel_id = found["plans"][0]["channel"]["id"].clone();
    let body = json!({"input": {"search": search(), "channel_id": channel_id}});
    let (status, quote) = app.call(&member, "save_quote", body).await;
    assert_eq!(status, StatusCode::OK, "{quote}");
    (member, quote["number"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn a_customer_books_once_per_key_and_exports_only_their_orders() {
    let app = spawn_app().await;
    let (alice, quote) = customer(&app, "13800138001", "深圳星辰").await;
    let (status, first) = app
        .call(&alice, "book_order", booking(&quote, "http-key-0001"))
        .await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let (_, again) = app
        .call(&alice, "book_order", booking(&quote, "http-key-0001"))
        .await;
    assert_eq!(
        again["id"], first["id"],
        "a resend answers with the same order"
    );
    let (status, bad) = app
        .call(
            &alice,
            "book_order",
            booking("Q20200101-0001", "http-key-0002"),
        )
        .await;
    assert_eq!(
        (status, bad["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("quote_number"))
    );

    let (bob, bob_quote) = customer(&app, "13800138004", "广州优品").await;
    let (status, _) = app
        .call(&bob, "book_order", booking(&bob_quote, "http-key-0003"))
        .await;
    assert_eq!(status, StatusCode::OK);

    let res = alice
        .get(app.url("/orders/export.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = res.text().await.unwrap();
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert!(lines[0].starts_with('\u{FEFF}'), "a BOM first");
    assert_eq!(lines.len(), 2, "the header and Alice's one order: {text}");
    assert!(lines[1].starts_with(first["number"].as_str().unwrap()));
    assert!(lines[1].contains("待处理"));

    let res = alice
        .get(app.url("/orders/export.xlsx?status=confirmed"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(&res.bytes().await.unwrap()[..2], b"PK");

    let res = alice
        .get(app.url("/orders/export.csv?from=2026-13-40"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = bare_client()
        .get(app.url("/orders/export.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // A provider exports the orders assigned to them: none here, so the
    // header only.
    let (_, provider) = app.signed_in_staff("prov1", &["provider"]).await;
    let res = provider
        .get(app.url("/orders/export.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    assert_eq!(body.lines().filter(|l| !l.trim().is_empty()).count(), 1);
    let (_, finance) = app.signed_in_staff("fin1", &["finance"]).await;
    let all = finance
        .get(app.url("/orders/export.csv"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(all.lines().count() > 1, "staff with all orders export them");
}

#[tokio::test]
async fn an_export_the_page_follows_reports_its_rows_to_its_caller_only() {
    let app = spawn_app().await;
    let (alice, quote) = customer(&app, "13800138001", "深圳星辰").await;
    for key in ["http-key-0101", "http-key-0102"] {
        let (status, _) = app.call(&alice, "book_order", booking(&quote, key)).await;
        assert_eq!(status, StatusCode::OK);
    }
    let progress = |id: &str| json!({"id": id});
    let (status, before) = app
        .call(&alice, "get_export_progress", progress("xhttp0001"))
        .await;
    assert_eq!(
        (status, before["started"].as_bool()),
        (StatusCode::OK, Some(false))
    );

    for (ext, id) in [("csv", "xhttp0001"), ("xlsx", "xhttp0002")] {
        let res = alice
            .get(app.url(&format!("/orders/export.{ext}?status=booked&progress={id}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        res.bytes().await.unwrap();
        let (_, p) = app.call(&alice, "get_export_progress", progress(id)).await;
        assert_eq!(
            (
                p["total"].as_i64(),
                p["done"].as_i64(),
                p["finished"].as_bool()
            ),
            (Some(2), Some(2), Some(true)),
            "{ext}: {p}"
        );
        assert_eq!(p["failed"], false);
    }
    let (bob, _) = customer(&app, "13800138004", "广州优品").await;
    let (_, theirs) = app
        .call(&bob, "get_export_progress", progress("xhttp0001"))
        .await;
    assert_eq!(theirs["started"], false, "not another caller's");
    let res = alice
        .get(app.url("/orders/export.csv?progress=bad"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a bad id, before any row"
    );
    let (status, bad) = app
        .call(&alice, "get_export_progress", progress("../../x"))
        .await;
    assert_eq!(
        (status, bad["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("progress"))
    );
}

#[tokio::test]
async fn the_transfer_template_downloads_for_its_uploaders_only() {
    let app = spawn_app().await;
    let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    for (account, role) in [("ops1", "ops"), ("prov1", "provider")] {
        let (_, client) = app.signed_in_staff(account, &[role]).await;
        let res = client
            .get(app.url("/orders/transfers/template.xlsx"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{role}");
        assert_eq!(res.headers()["content-type"], xlsx);
        let bytes = res.bytes().await.unwrap();
        let cells = shipdesk::orders::transfer_xlsx::read(&bytes).unwrap();
        assert_eq!(cells[0], ["订单号", "箱号", "承运商", "转单号"]);
    }
    let (_, finance) = app.signed_in_staff("fin1", &["finance"]).await;
    let res = finance
        .get(app.url("/orders/transfers/template.xlsx"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (member, _) = customer(&app, "13800138009", "深圳星辰").await;
    let res = member
        .get(app.url("/orders/transfers/template.xlsx"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = bare_client()
        .get(app.url("/orders/transfers/template.xlsx"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}
