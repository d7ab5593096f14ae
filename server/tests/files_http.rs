//! Chat attachments over HTTP: the caller is refused before the body is
//! sent, bodies are counted as they stream (413 past the limit, nothing
//! left behind), the daily quota answers 429 under parallel uploads, and
//! downloads stream under a name whose extension comes from the type.

mod support;

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use serde_json::Value;
use support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-not-a-real-image";

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
    let desk = shipdesk::testing::desk(&app.state, &admin, "presales", None).await;
    shipdesk::testing::agent(&app.state, &admin, "cs_a", &[desk.id], 5).await;
    let (_, member) = app
        .company_with_member(&admin, "海通跨境", None, "13900000001")
        .await;
    let conv = shipdesk::chat::service::send::open_conversation(&app.state, &member, desk.id)
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

    /// Sends an upload's head and `first` bytes of its body by hand, then
    /// the status of the answer (None when none came within 5 s).
    async fn raw_upload(&self, cookie: &str, head: &str, body: &[u8]) -> Option<u16> {
        let addr = self.app.base.trim_start_matches("http://");
        let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
        let req = format!(
            "POST /chat/upload?conversation_id={}&name=a.png HTTP/1.1\r\nHost: {addr}\r\n\
             Cookie: {cookie}\r\n{head}\r\n",
            self.conv
        );
        tcp.write_all(req.as_bytes()).await.unwrap();
        tcp.write_all(body).await.unwrap();
        let mut answer = Vec::new();
        let read = async {
            let mut buf = [0u8; 1024];
            while !answer.windows(2).any(|w| w == b"\r\n") {
                let n = tcp.read(&mut buf).await.unwrap();
                if n == 0 {
                    break;
                }
                answer.extend_from_slice(&buf[..n]);
            }
        };
        tokio::time::timeout(Duration::from_secs(5), read)
            .await
            .ok()?;
        let line = String::from_utf8_lossy(&answer);
        line.split(' ').nth(1)?.parse().ok()
    }

    /// Files in the upload folder.
    fn stored(&self) -> usize {
        std::fs::read_dir(&self.app.state.config.upload_dir)
            .map(|d| d.count())
            .unwrap_or(0)
    }
}

#[tokio::test]
async fn an_upload_of_someone_who_may_not_write_is_refused_before_its_body_is_sent() {
    let f = files_app(|_| {}).await;
    let admin = shipdesk::testing::staff(&f.app.state, "root2", &["admin"]).await;
    f.app
        .company_with_member(&admin, "别家公司", None, "13900000009")
        .await;
    let other = member_cookie(&f.app, "13900000009").await;
    // 5 MB announced, a few bytes sent: the answer comes without the rest.
    let head = "Content-Length: 5242880\r\n";
    assert_eq!(f.raw_upload(&other, head, PNG).await, Some(404));
    assert_eq!(f.raw_upload("sd_session=none", head, PNG).await, Some(401));
    assert_eq!(f.stored(), 0);
}

#[tokio::test]
async fn a_streamed_body_past_the_limit_is_cut_off_with_413_and_nothing_kept() {
    let f = files_app(|c| c.upload_max_bytes = 1024).await;
    let mut chunked = Vec::new();
    for _ in 0..4 {
        chunked.extend_from_slice(b"200\r\n");
        chunked.extend_from_slice(&[b'x'; 0x200]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let mut body = format!("{:x}\r\n", PNG.len()).into_bytes();
    body.extend_from_slice(PNG);
    body.extend_from_slice(b"\r\n");
    body.extend_from_slice(&chunked);
    let head = "Transfer-Encoding: chunked\r\n";
    assert_eq!(f.raw_upload(&f.member_cookie, head, &body).await, Some(413));
    assert_eq!(f.stored(), 0, "the partial file is deleted");
    let res = f.upload(&f.member_cookie, "ok.png", PNG).await;
    assert_eq!(res.status(), 200);
    assert_eq!(f.stored(), 1);
}

#[tokio::test]
async fn parallel_uploads_past_the_daily_quota_answer_429() {
    let f = Arc::new(files_app(|c| c.upload_daily_bytes = 2 * PNG.len() as u64).await);
    let tries = (0..6).map(|i| {
        let f = f.clone();
        tokio::spawn(async move {
            let res = f.upload(&f.member_cookie, &format!("{i}.png"), PNG).await;
            (
                res.status().as_u16(),
                res.headers().get("retry-after").cloned(),
            )
        })
    });
    let mut statuses = Vec::new();
    for t in tries {
        let (status, retry_after) = t.await.unwrap();
        if status == 429 {
            assert!(retry_after.is_some(), "429 says when to retry");
        }
        statuses.push(status);
    }
    statuses.sort();
    assert_eq!(statuses, vec![200, 200, 429, 429, 429, 429]);
    assert_eq!(f.stored(), 2);
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
