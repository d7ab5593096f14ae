//! A v2 caller's world for the seed 002 tests: an agent with the one
//! conversation of member alice and the agent's API token, and a helper per
//! call.

#![allow(dead_code)]

use serde_json::{json, Value};
use shipdesk::auth::{api_token, Member, Principal, Staff};
use shipdesk::chat::service::{attachment, send};
use shipdesk::chat::{Conversation, MessageForSend, MessageKind};

use crate::support::*;

pub struct World {
    pub app: TestApp,
    pub admin: Staff,
    pub agent: Staff,
    pub alice: Member,
    pub conv: Conversation,
    pub token: String,
}

/// An agent with the one conversation of member alice, and the agent's token.
pub async fn world() -> World {
    let mut state = shipdesk::testing::test_state().await;
    state.clock = shipdesk::db::Clock::manual(1_800_000_000_000);
    let app = spawn_app_with(state).await;
    let admin = shipdesk::testing::staff(&app.state, "root", &["admin"]).await;
    let desk = shipdesk::testing::desk(&app.state, &admin, "presales", None).await;
    let agent = shipdesk::testing::agent(&app.state, &admin, "cs_a", &[desk.id], 5).await;
    let company = shipdesk::testing::company(&app.state, &admin, "海通跨境", None).await;
    let alice =
        shipdesk::testing::member(&app.state, &admin, &company, "张三", "13900000001").await;
    let conv = send::open_conversation(&app.state, &alice, desk.id)
        .await
        .unwrap();
    assert_eq!(conv.assignee_staff_id, Some(agent.id));
    let token = token_of(&app, &agent).await;
    World {
        app,
        admin,
        agent,
        alice,
        conv,
        token,
    }
}

pub async fn token_of(app: &TestApp, staff: &Staff) -> String {
    api_token::create(&app.state, staff, "partner", None)
        .await
        .unwrap()
        .1
}

/// POSTs `body` to `/v2/<path>` with a bearer token; the envelope.
pub async fn v2(app: &TestApp, path: &str, token: Option<&str>, body: &Value) -> Value {
    let mut req = bare_client()
        .post(app.url(&format!("/v2/{path}")))
        .json(body);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), 200, "every v2 answer is 200");
    res.json().await.unwrap()
}

impl World {
    pub fn chat(&self, extra: Value) -> Value {
        let mut body = json!({"wechatId": self.conv.id, "fansKey": self.alice.id.to_string()});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        body
    }

    pub async fn member_says(&self, client_id: &str, body: &str) {
        let input = MessageForSend {
            conversation_id: self.conv.id,
            client_id: client_id.into(),
            kind: MessageKind::Text,
            body: body.into(),
            reply_to_seq: None,
        };
        let who = Principal::Member(self.alice.clone());
        send::send_message(&self.app.state, &who, &input)
            .await
            .unwrap();
    }

    /// Uploads `bytes` as `who`; the attachment's key.
    pub async fn upload(&self, who: Principal, name: &str, bytes: &'static [u8]) -> String {
        let len = Some(bytes.len() as u64);
        attachment::upload(&self.app.state, &who, self.conv.id, name, len, bytes)
            .await
            .unwrap()
            .key
    }

    pub async fn ids_after(&self, after: i64, extra: Value) -> Vec<i64> {
        let mut body =
            self.chat(json!({"minChattingId": after, "pageIndex": "1", "pageSize": "50"}));
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let got = v2(&self.app, "ChatMess/GetChat", Some(&self.token), &body).await;
        assert_eq!(got["errmsg"], 0, "{got}");
        got["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["ad_chatting_id"].as_i64().unwrap())
            .collect()
    }
}
