//! The API reference: `/api/openapi.json` documents every registered server
//! function (a new one missing from `app/src/openapi.rs` fails here), and
//! `/api/docs` is the renderer's page under the site's CSP.

mod support;

use std::collections::BTreeSet;

use reqwest::header::{CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use support::*;

#[tokio::test]
async fn the_document_names_every_registered_server_function() {
    let app = spawn_app().await;
    let r = bare_client()
        .get(format!("{}/api/openapi.json", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()[CONTENT_TYPE].to_str().unwrap().contains("json"));
    let doc: serde_json::Value = r.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();

    let registered: BTreeSet<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(p, _)| p)
        .collect();
    assert!(registered.len() >= 56, "{registered:?}");
    let missing: Vec<_> = registered
        .iter()
        .filter(|p| !paths.contains_key(**p))
        .collect();
    assert!(missing.is_empty(), "not in /api/openapi.json: {missing:?}");

    // Each operation says what it does and who may call it, with its errors.
    let login = &paths["/api/staff_login"]["post"];
    assert!(!login["summary"].as_str().unwrap().is_empty());
    assert!(login["x-callers"].is_string());
    assert!(
        login["responses"]["422"]["content"]["application/json"]["schema"]["$ref"]
            .as_str()
            .unwrap()
            .ends_with("/AppError")
    );
    let send = &paths["/api/chat_send"]["post"];
    assert!(send["requestBody"]["content"]["application/json"]["schema"]["$ref"].is_string());
    // The routes that are not server functions, and the webhooks.
    for p in [
        "/ws",
        "/chat/upload",
        "/chat/files/{key}",
        "/im/cs/find-history-sessions",
        "/plugin.yun-chat.frontend.chat.history-list",
        "/v2/ChatMess/GetChat",
        "/v2/ChatMess/SendMsg",
        "/v2/ChatMess/Takeover",
        "/v2/ChatMess/Release",
        "/v2/ChatMess/Activate",
        "/v2/ChatMess/SendNotice",
        "/v2/Callback/Register",
        "/v2/Callback/Subscribe",
        "/cgi-bin/customservice/getkflist",
        "/cgi-bin/customservice/getonlinekflist",
        "/customservice/kfaccount/add",
    ] {
        assert!(paths.contains_key(p), "{p} is not documented");
    }
    let hooks = doc["webhooks"].as_object().unwrap();
    for e in shipdesk::webhook::EVENTS {
        assert!(
            hooks.contains_key(*e),
            "webhook event {e} is not documented"
        );
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in [
        "AppError",
        "ErrorKey",
        "Message",
        "ConversationSummary",
        "ClientMsg",
        "ServerMsg",
    ] {
        assert!(schemas.contains_key(s), "schema {s} missing");
    }
}

#[tokio::test]
async fn the_reference_page_loads_its_renderer_from_the_site_under_the_csp() {
    let app = spawn_app().await;
    let r = bare_client()
        .get(format!("{}/api/docs", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let csp = r.headers()[CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.starts_with("default-src 'self';"), "{csp}");
    assert!(!csp.contains("unsafe"), "{csp}");
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"<script src="/api-docs/swagger-ui-bundle.js">"#));
    assert!(html.contains(r#"<script src="/api-docs/init.js">"#));
    assert!(!html.contains("<script>"), "no inline script");
}
