//! Webhooks against real HTTP(S) receivers on random ports, on a manual
//! clock. No background worker runs in these tests: each one drives the
//! outbox fan-out and the sends itself, so what it counts is what it did.
//! `delivery` (signing, retries, outbox, concurrency), `dispatch` (paused
//! and slow hooks, budgets, pruning), `security` (addresses, redirects,
//! secrets), `tls` (https receivers).

mod delivery;
mod dispatch;
mod receiver;
mod security;
mod tls;

use super::client::WebhookClient;
use super::target::AllowList;
use super::*;
use crate::auth::{Member, Principal, Staff};
use crate::chat::service::send;
use crate::chat::{Conversation, Desk, MessageForSend, MessageKind};
use crate::db::Clock;
use crate::state::{AppState, Config};
use crate::testing;
use crate::types::{Id, PageQuery};

pub const T0: i64 = 1_800_000_000_000;

/// The receivers of these tests listen on loopback.
pub const TEST_ALLOW: &str = "127.0.0.1";

pub struct World {
    pub state: AppState,
    pub admin: Staff,
    pub desk: Desk,
    pub alice: Member,
    pub client: WebhookClient,
}

/// A state on a fresh database whose webhooks may reach `allow`.
pub async fn state_allowing(allow: &str) -> AppState {
    let config = Config {
        webhook_allow: AllowList::parse(allow).unwrap(),
        ..Config::default()
    };
    let mut state = AppState::new(testing::fresh_db().await, config);
    state.clock = Clock::manual(T0);
    state
}

/// An admin, a desk without agents, a member; webhooks may reach loopback.
pub async fn world() -> World {
    let state = state_allowing(TEST_ALLOW).await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let desk = testing::desk(&state, &admin, "presales", None).await;
    let company = testing::company(&state, &admin, "海通", None).await;
    let alice = testing::member(&state, &admin, &company, "张三", "13900000001").await;
    let client = WebhookClient::new(&state.config).unwrap();
    World {
        state,
        admin,
        desk,
        alice,
        client,
    }
}

impl World {
    pub async fn hook(&self, url: &str, events: &[&str]) -> (Webhook, String) {
        let input = WebhookForCreate {
            url: url.to_owned(),
            events: events.iter().map(|e| e.to_string()).collect(),
            ..Default::default()
        };
        service::create(&self.state, &self.admin, &input)
            .await
            .unwrap()
    }

    pub async fn conversation(&self) -> Conversation {
        send::open_conversation(&self.state, &self.alice, self.desk.id)
            .await
            .unwrap()
    }

    /// Alice sends `body` in `conv` (committed when this returns).
    pub async fn say(&self, conv: &Conversation, body: &str) {
        let msg = MessageForSend {
            conversation_id: conv.id,
            client_id: format!("c-{}", crate::db::new_id()),
            kind: MessageKind::Text,
            body: body.into(),
            reply_to_seq: None,
        };
        send::send_message(&self.state, &Principal::Member(self.alice.clone()), &msg)
            .await
            .unwrap();
    }

    /// Turns pending outbox events into deliveries, then sends what is due.
    pub async fn pump(&self) -> usize {
        service::fan_out(&self.state, 100).await.unwrap();
        deliver::deliver_due(&self.state, &self.client)
            .await
            .unwrap()
    }

    pub async fn log(&self, hook: Id) -> Vec<Delivery> {
        service::deliveries(
            &self.state,
            &self.admin,
            hook,
            PageQuery::parse(None, Some(100)).unwrap(),
        )
        .await
        .unwrap()
        .items
    }
}

/// A pending delivery of `hook` written directly (the fan-out's result).
pub async fn enqueue(state: &AppState, hook: Id, event_id: &str) -> Delivery {
    let now = state.now();
    let d = Delivery {
        id: crate::db::new_id(),
        webhook_id: hook,
        event_id: event_id.to_owned(),
        event: "message.created".into(),
        payload: format!("{{\"event_id\":\"{event_id}\"}}"),
        status: DeliveryStatus::Pending,
        attempts: 0,
        next_attempt_at: crate::Timestamp(now),
        last_status_code: None,
        last_error: None,
        created_at: crate::Timestamp(now),
        delivered_at: None,
    };
    let mut conn = state.db.acquire().await.unwrap();
    assert!(repo::enqueue(&mut *conn, &d).await.unwrap());
    d
}
