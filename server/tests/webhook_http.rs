//! The webhook server functions over HTTP: the secret travels only in the
//! answers of `webhook_create` and `webhook_rotate_secret`, the list keeps
//! its shape with a hint, internal URLs are refused on `url`.

mod support;

use reqwest::StatusCode;
use serde_json::json;
use support::{error_of, spawn_app};

#[tokio::test]
async fn a_webhook_secret_is_answered_on_create_and_rotation_only() {
    let app = spawn_app().await;
    let (_, admin) = app.signed_in_staff("root", &["admin"]).await;
    let input =
        json!({"input": {"url": "https://hooks.example.com/im", "events": ["message.created"]}});
    let (status, created) = app.call(&admin, "webhook_create", input).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    let (hook, secret) = (&created[0], created[1].as_str().unwrap().to_owned());
    assert!(secret.starts_with("whsec_") && secret.len() > 40);
    for field in ["id", "url", "events", "active", "created_at"] {
        assert!(!hook[field].is_null(), "{field}");
    }

    let (status, list) = app.call(&admin, "webhook_list", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list[0][0], *hook, "same webhook fields");
    let hint = list[0][1].as_str().unwrap();
    assert!(!list.to_string().contains(&secret), "no secret in the list");
    assert!(hint.starts_with("whsec_…") && secret.ends_with(&hint["whsec_…".len()..]));

    let id = hook["id"].clone();
    let (status, rotated) = app
        .call(&admin, "webhook_rotate_secret", json!({"id": id}))
        .await;
    assert_eq!(status, StatusCode::OK, "{rotated}");
    let fresh = rotated[1].as_str().unwrap();
    assert_ne!(fresh, secret);
    let (_, list) = app.call(&admin, "webhook_list", json!({})).await;
    assert!(fresh.ends_with(&list[0][1].as_str().unwrap()["whsec_…".len()..]));
    assert!(!list.to_string().contains(fresh));

    let internal =
        json!({"input": {"url": "http://169.254.169.254/latest", "events": ["message.created"]}});
    let (status, err) = app.call(&admin, "webhook_create", internal).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(&err), ("validation", "url"));
    assert_eq!(err["key"], "webhook.url_forbidden");
}
