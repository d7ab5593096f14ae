//! A channel's price table over HTTP: the `.xlsx` download
//! (`GET /pricing/channels/{id}/table.xlsx`) for staff who read channels,
//! and `read_channel_table` for editors: the exported file reads back with
//! no errors, a bad one gives its cells, and reading saves nothing.

mod support;

use base64::Engine;
use reqwest::StatusCode;
use serde_json::{json, Value};
use support::{bare_client, error_of, spawn_app};

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

async fn first_channel(app: &support::TestApp) -> (i64, Value) {
    shipdesk::pricing::service::seed_demo_channels(&app.state)
        .await
        .unwrap();
    let (_, ops) = app.signed_in_staff("opsone", &["ops"]).await;
    let (status, page) = app
        .call(&ops, "list_channels", json!({"filter": {"q": "正班"}}))
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let id = page["items"][0]["id"].as_i64().unwrap();
    (id, page["items"][0].clone())
}

#[tokio::test]
async fn sales_download_a_table_that_ops_read_back_unchanged() {
    let app = spawn_app().await;
    let (id, summary) = first_channel(&app).await;
    let (_, sales) = app.signed_in_staff("salesone", &["sales"]).await;
    let res = sales
        .get(app.url(&format!("/pricing/channels/{id}/table.xlsx")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("spreadsheetml"));
    let disposition = res.headers()["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    let bytes = res.bytes().await.unwrap();
    assert_eq!(&bytes[..2], b"PK");

    let file = json!({"id": id, "file_base64": b64(&bytes)});
    let (status, e) = app.call(&sales, "read_channel_table", file.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{e}");
    let (_, ops) = app.signed_in_staff("opstwo", &["ops"]).await;
    let (status, imp) = app.call(&ops, "read_channel_table", file).await;
    assert_eq!(status, StatusCode::OK, "{imp}");
    assert_eq!(imp["errors"], json!([]));
    let rows = imp["sheet"]["rows"].as_array().unwrap();
    assert_eq!(rows.len() as u64, summary["zones"].as_u64().unwrap());
    assert_eq!(imp["sheet"]["breaks"][1], 21000, "21 kg in grams");
}

#[tokio::test]
async fn a_bad_file_is_named_by_field_and_anonymous_callers_are_refused() {
    let app = spawn_app().await;
    let (id, _) = first_channel(&app).await;
    let res = bare_client()
        .get(app.url(&format!("/pricing/channels/{id}/table.xlsx")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let (_, ops) = app.signed_in_staff("opsone2", &["ops"]).await;
    for body in [b64(b"not a spreadsheet"), "%%%".to_owned()] {
        let (status, e) = app
            .call(
                &ops,
                "read_channel_table",
                json!({"id": id, "file_base64": body}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
        assert_eq!(error_of(&e), ("validation", "file"));
    }
    let res = ops
        .get(app.url("/pricing/channels/12345/table.xlsx"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
