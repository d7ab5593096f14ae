//! What partner systems read and post through the core: transcripts
//! (pages without notes, after a seq, within a window, with the quoted
//! messages and writers), notices, cs accounts and online agents.

use super::*;
use crate::chat::service::{notice, transcript::transcript};
use crate::error::AppError;
use crate::types::PageQuery;

fn page(size: u32) -> PageQuery {
    PageQuery::parse(None, Some(size)).unwrap()
}

#[tokio::test]
async fn a_transcript_leaves_notes_out_and_brings_what_its_messages_refer_to() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    send(&w, &member(&w.alice), conv.id, "m1").await;
    let note = MessageForSend {
        kind: MessageKind::Note,
        ..text(conv.id, "n1", "内部备注")
    };
    send::send_message(&w.state, &staff(&cs), &note)
        .await
        .unwrap();
    let reply = MessageForSend {
        reply_to_seq: Some(1),
        ..text(conv.id, "s1", "收到")
    };
    send::send_message(&w.state, &staff(&cs), &reply)
        .await
        .unwrap();

    let t = transcript(&w.state, &cs, conv.id, &MessageFilter::default(), page(20))
        .await
        .unwrap();
    let seqs: Vec<i64> = t.messages.iter().map(|m| m.seq).collect();
    assert_eq!(seqs, [1, 3], "the note (seq 2) stays inside");
    assert_eq!(t.quoted(1).map(|m| m.body.as_str()), Some("你好"));
    assert_eq!(t.staff(cs.id).map(|s| s.account.as_str()), Some("cs_a"));
    assert_eq!(t.desk.id, w.desk.id);
    assert_eq!(t.summary.member_phone, "139****0001", "masked for an agent");
}

#[tokio::test]
async fn a_transcript_after_a_seq_is_exactly_the_newer_messages_in_order() {
    let w = world(None).await;
    let conv = open(&w, &w.alice).await;
    for i in 0..5 {
        send(&w, &member(&w.alice), conv.id, &format!("c{i}")).await;
        w.state.clock.advance(1_000);
    }
    let after = |after_seq, from_ms, to_ms, size| {
        let f = MessageFilter {
            after_seq,
            from_ms,
            to_ms,
        };
        let state = w.state.clone();
        let admin = w.admin.clone();
        async move {
            transcript(&state, &admin, conv.id, &f, page(size))
                .await
                .unwrap()
                .messages
                .iter()
                .map(|m| m.seq)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(after(2, None, None, 20).await, [3, 4, 5]);
    assert_eq!(after(2, None, None, 2).await, [3, 4]);
    assert_eq!(after(5, None, None, 20).await, Vec::<i64>::new());
    assert_eq!(
        after(0, Some(T0 + 1_000), Some(T0 + 3_000), 20).await,
        [2, 3, 4]
    );
    let bad = MessageFilter {
        after_seq: -1,
        ..MessageFilter::default()
    };
    let e = transcript(&w.state, &w.admin, conv.id, &bad, page(20)).await;
    assert_eq!(e.unwrap_err().field(), Some("after_seq"));
}

#[tokio::test]
async fn an_agent_exports_only_conversations_they_may_read_and_members_none() {
    let w = world(None).await;
    let other = testing::desk(&w.state, &w.admin, "aftersales", None).await;
    let stranger = testing::agent(&w.state, &w.admin, "cs_b", &[other.id], 5).await;
    let conv = open(&w, &w.alice).await;
    let f = MessageFilter::default();
    let e = transcript(&w.state, &stranger, conv.id, &f, page(20)).await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
    let sales = testing::staff(&w.state, "sales_a", &["sales"]).await;
    let e = transcript(&w.state, &sales, conv.id, &f, page(20)).await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
}

#[tokio::test]
async fn a_notice_is_a_system_line_both_sides_see_and_needs_an_open_conversation() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let colleague = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    let mine = if conv.assignee_staff_id == Some(cs.id) {
        &cs
    } else {
        &colleague
    };
    let theirs = if mine.id == cs.id { &colleague } else { &cs };

    let line = notice::send_notice(&w.state, mine, conv.id, " 明天放假 ")
        .await
        .unwrap();
    assert_eq!(
        (line.kind, line.sender_kind),
        (MessageKind::System, SenderKind::System)
    );
    let body: serde_json::Value = serde_json::from_str(&line.body).unwrap();
    assert_eq!(
        (
            body["event"].as_str(),
            body["text"].as_str(),
            body["by"].as_str()
        ),
        (Some("notice"), Some("明天放假"), Some(mine.name.as_str()))
    );
    let seen = message::messages_after(&w.state, &member(&w.alice), conv.id, 0, 10)
        .await
        .unwrap();
    assert_eq!(seen.last().map(|m| m.id), Some(line.id));

    let e = notice::send_notice(&w.state, theirs, conv.id, "x").await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
    let e = notice::send_notice(&w.state, mine, conv.id, "  ").await;
    assert_eq!(e.unwrap_err().key(), crate::ErrorKey::MessageEmpty);
    agent::resolve(&w.state, mine, conv.id).await.unwrap();
    let e = notice::send_notice(&w.state, &w.admin, conv.id, "x").await;
    assert_eq!(e.unwrap_err().key(), crate::ErrorKey::ConversationResolved);
}

#[tokio::test]
async fn cs_accounts_and_online_agents_are_listed_for_chat_staff_and_added_by_admins() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let away = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 5).await;
    agent::set_agent_status(&w.state, &away, AgentStatus::Offline)
        .await
        .unwrap();
    open(&w, &w.alice).await;

    let added = admin::create_cs_account(&w.state, &w.admin, "kf_new", "客服1")
        .await
        .unwrap();
    assert_eq!(added.roles, [crate::auth::Role::Cs]);
    let accounts: Vec<String> = admin::cs_accounts(&w.state, &cs)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.account)
        .collect();
    assert_eq!(accounts.len(), 3);
    assert!(accounts.contains(&"kf_new".to_owned()));

    let online = admin::online_agents(&w.state, &cs).await.unwrap();
    assert_eq!(
        online.len(),
        1,
        "offline agents and non-agents are left out"
    );
    assert_eq!((online[0].0.id, online[0].1.open_count), (cs.id, 1));

    let e = admin::create_cs_account(&w.state, &cs, "kf_x", "x").await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
    let e = admin::create_cs_account(&w.state, &w.admin, "kf_new", "again").await;
    assert_eq!(e.unwrap_err().key(), crate::ErrorKey::AccountTaken);
    let sales = testing::staff(&w.state, "sales_a", &["sales"]).await;
    assert_eq!(
        admin::cs_accounts(&w.state, &sales).await.unwrap_err(),
        AppError::Forbidden
    );
}
