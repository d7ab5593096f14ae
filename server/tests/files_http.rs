//! Chat attachments over HTTP: downloads are served under a name whose
//! extension comes from the type.

mod support;

use std::sync::Arc;

use reqwest::header::{CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use serde_json::Value;
use support::*;

struct Files {
    app: TestApp,
    conv: i64,
    member_cookie: String,
    agent_cookie: String,
}

/// One member with an open conversation served by one agent, both signed
/// in, on an app with its own upload folder and the configuration `set` gives.
async fn files_app(set: impl FnOnce(&mut shipdesk::state::Config)) -> Files {
    let mut state = shipdesk::testing::test_state().await;
    let mut config = (*state.config).clone();
    config.upload_dir = std::env::temp_dir().join(format!("sd-files-{}", shipdesk::db::new_id()));
    set(&mut config);
    state.config = Arc::new(config);
    let app = spawn_app_with(state).await;
    let admin = shipdesk::testing::staff(&app.state, "root", &["admin"]).await;
    let role = shipdesk::testing::cs_role(&app.state, &admin, "presales", None).await;
    shipdesk::testing::agent(&app.state, &admin, "cs_a", &[role.id], 5).await;
    let (_, member) = app
        .company_with_member(&admin, "海通跨境", None, "13900000001")
        .await;
    let conv = shipdesk::chat::send::open_conversation(&app.state, &member, role.id)
        .await
        .unwrap();
    Files {
        member_cookie: member_cookie(&app, "13900000001").await,
        agent_cookie: staff_cookie(&app, "cs_a", PASSWORD).await,
        conv: conv.id,
        app,
    }
}

impl Files {
    async fn upload(&self, cookie: &str, name: &str, bytes: &[u8]) -> reqwest::Response {
        bare_client()
            .post(self.app.url("/chat/upload"))
            .query(&[
                ("conversation_id", self.conv.to_string()),
                ("name", name.into()),
            ])
            .header("cookie", cookie)
            .body(bytes.to_vec())
            .send()
            .await
            .unwrap()
    }

    async fn download(&self, cookie: &str, key: &str) -> reqwest::Response {
        bare_client()
            .get(self.app.url(&format!("/chat/files/{key}")))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn a_pdf_named_hta_downloads_as_pdf_without_format_characters() {
    let f = files_app(|_| {}).await;
    let polyglot = b"%PDF-1.4\n<html><script>alert(1)</script></html>";
    for (name, served) in [
        ("x.hta", "x.pdf"),
        ("invoice\u{202E}fdp.exe", "invoicefdp.pdf"),
    ] {
        let res = f.upload(&f.member_cookie, name, polyglot).await;
        assert_eq!(res.status(), 200);
        let att: Value = res.json().await.unwrap();
        assert_eq!(att["name"], served);

        let res = f
            .download(&f.agent_cookie, att["key"].as_str().unwrap())
            .await;
        assert_eq!(res.status(), 200);
        let h = res.headers().clone();
        assert_eq!(h[CONTENT_TYPE], "application/pdf");
        assert_eq!(h[X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(h[CONTENT_LENGTH], polyglot.len().to_string().as_str());
        assert_eq!(
            h[CONTENT_DISPOSITION],
            format!("attachment; filename=\"file.pdf\"; filename*=UTF-8''{served}").as_str()
        );
        assert_eq!(res.bytes().await.unwrap().as_ref(), polyglot);
    }
}
