//! Service tests of chat against a fresh database (SQLite, or PostgreSQL with
//! SHIPDESK_TEST_PG): `routing` (caps, the queue, claims, reassignment, lists,
//! set-up), `messages` (seqs, resends, access, notes, read marks, recall,
//! reopening), `live` (hand-overs, events, one socket's session), `limits`
//! (capped resumes, send rates, presence across instances), `claims`
//! (contention for the queue), `attachments` (authorise first, quota,
//! failed uploads, sweep) and `exports` (transcripts, notices, cs accounts
//! for partner systems) `quote_cards` (saved quotes sent by number) and `order_cards` (orders
//! sent by number, embedded as they are now).
//! This file holds their fixtures.

mod attachments;
mod claims;
mod exports;
mod limits;
mod live;
mod messages;
mod order_cards;
mod outbox;
mod quote_cards;
mod routing;

use super::live::{presence, socket};
use super::service::{admin, agent, handover, list, message, send, transfer};
use super::*;
use crate::auth::{Member, Principal, Staff};
use crate::db::Clock;
use crate::state::AppState;
use crate::testing::{self, test_state};
use crate::types::Id;

pub const T0: i64 = 1_800_000_000_000;

pub struct World {
    pub state: AppState,
    pub admin: Staff,
    pub desk: Desk,
    pub alice: Member,
    pub bob: Member,
}

/// An admin, one desk (reassignment after `reassign` minutes, if any) and
/// two members of one company, on a manual clock.
pub async fn world(reassign: Option<i64>) -> World {
    let mut state = test_state().await;
    state.clock = Clock::manual(T0);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let desk = testing::desk(&state, &admin, "presales", reassign).await;
    let company = testing::company(&state, &admin, "海通跨境", None).await;
    let alice = testing::member(&state, &admin, &company, "张三", "13900000001").await;
    let bob = testing::member(&state, &admin, &company, "李四", "13900000002").await;
    World {
        state,
        admin,
        desk,
        alice,
        bob,
    }
}

pub fn text(conversation_id: Id, client_id: &str, body: &str) -> MessageForSend {
    MessageForSend {
        conversation_id,
        client_id: client_id.into(),
        kind: MessageKind::Text,
        body: body.into(),
        reply_to_seq: None,
    }
}

pub fn member(m: &Member) -> Principal {
    Principal::Member(m.clone())
}

pub fn staff(s: &Staff) -> Principal {
    Principal::Staff(s.clone())
}

pub async fn send(w: &World, who: &Principal, conv: Id, client_id: &str) -> Message {
    send::send_message(&w.state, who, &text(conv, client_id, "你好"))
        .await
        .unwrap()
        .0
}

pub async fn company_of(w: &World) -> crate::customer::Company {
    crate::customer::repo::by_id(&w.state.db, w.alice.company_id)
        .await
        .unwrap()
        .unwrap()
}

/// One more member of the world's company.
pub async fn another_member(w: &World, name: &str, phone: &str) -> Member {
    testing::member(&w.state, &w.admin, &company_of(w).await, name, phone).await
}

/// The member's conversation in the world's desk.
pub async fn open(w: &World, m: &Member) -> Conversation {
    send::open_conversation(&w.state, m, w.desk.id)
        .await
        .unwrap()
}
