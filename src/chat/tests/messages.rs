//! Sequence numbers, resends, access, notes, read marks, recall, reopening.

use super::*;
use crate::chat::*;
use crate::error::AppError;
use crate::testing;

#[tokio::test]
async fn sequence_numbers_run_one_two_three_across_senders() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    let m1 = send(&w, &member(&w.alice), conv.id, "c1").await;
    let m2 = send(&w, &staff(&cs), conv.id, "c1").await;
    let m3 = send(&w, &member(&w.alice), conv.id, "c2").await;
    assert_eq!((m1.seq, m2.seq, m3.seq), (1, 2, 3));
    assert_eq!(m2.sender_kind, SenderKind::Staff);
    let all = message::messages_after(&w.state, &member(&w.alice), conv.id, 0, 50)
        .await
        .unwrap();
    assert_eq!(all.iter().map(|m| m.seq).collect::<Vec<_>>(), vec![1, 2, 3]);
    let tail = message::messages_after(&w.state, &staff(&cs), conv.id, 2, 50)
        .await
        .unwrap();
    assert_eq!(tail.iter().map(|m| m.id).collect::<Vec<_>>(), vec![m3.id]);
}

#[tokio::test]
async fn a_resend_with_the_same_client_id_returns_the_stored_message_and_adds_nothing() {
    let w = world(None).await;
    let conv = open(&w, &w.alice).await;
    let input = text(conv.id, "abc-1", "第一次");
    let (first, created) = send::send_message(&w.state, &member(&w.alice), &input)
        .await
        .unwrap();
    assert!(created);
    let again = MessageForSend {
        body: "changed".into(),
        ..input
    };
    let (second, created) = send::send_message(&w.state, &member(&w.alice), &again)
        .await
        .unwrap();
    assert!(!created);
    assert_eq!(second, first);
    let conv = service::existing(&w.state, conv.id).await.unwrap();
    assert_eq!(conv.last_seq, 1);
}

#[tokio::test]
async fn concurrent_sends_get_distinct_consecutive_seqs() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    let (a, b) = (member(&w.alice), staff(&cs));
    let inputs = [
        text(conv.id, "m1", "1"),
        text(conv.id, "s1", "2"),
        text(conv.id, "m2", "3"),
        text(conv.id, "s2", "4"),
        text(conv.id, "m1", "dup"),
        text(conv.id, "m3", "5"),
    ];
    let (r1, r2, r3, r4, r5, r6) = tokio::join!(
        send::send_message(&w.state, &a, &inputs[0]),
        send::send_message(&w.state, &b, &inputs[1]),
        send::send_message(&w.state, &a, &inputs[2]),
        send::send_message(&w.state, &b, &inputs[3]),
        send::send_message(&w.state, &a, &inputs[4]),
        send::send_message(&w.state, &a, &inputs[5]),
    );
    let results: Vec<(Message, bool)> = [r1, r2, r3, r4, r5, r6]
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let mut seqs: Vec<i64> = results.iter().filter(|r| r.1).map(|r| r.0.seq).collect();
    seqs.sort();
    assert_eq!(seqs, vec![1, 2, 3, 4, 5]);
    assert_eq!(
        results[0].0, results[4].0,
        "both sends of m1 answer with one stored message"
    );
    assert_eq!(
        service::existing(&w.state, conv.id).await.unwrap().last_seq,
        5
    );
}

#[tokio::test]
async fn a_member_cannot_send_to_or_read_another_members_conversation() {
    let w = world(None).await;
    let conv = open(&w, &w.alice).await;
    send(&w, &member(&w.alice), conv.id, "c1").await;
    let bob = member(&w.bob);
    let e = send::send_message(&w.state, &bob, &text(conv.id, "x", "hi"))
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("conversation"));
    let e = message::messages_after(&w.state, &bob, conv.id, 0, 10)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("conversation"));
    assert!(message::mark_read(&w.state, &bob, conv.id, 1)
        .await
        .is_err());
    assert!(list::member_conversations(&w.state, &w.bob)
        .await
        .unwrap()
        .is_empty());
    let sales = testing::staff(&w.state, "sales_a", &["sales"]).await;
    let e = message::messages_after(&w.state, &staff(&sales), conv.id, 0, 10)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::Forbidden);
    assert_eq!(
        service::existing(&w.state, conv.id).await.unwrap().last_seq,
        1,
        "nothing stored"
    );
}

#[tokio::test]
async fn notes_are_hidden_from_members_and_only_staff_write_them() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    send(&w, &member(&w.alice), conv.id, "c1").await;
    let note = MessageForSend {
        kind: MessageKind::Note,
        ..text(conv.id, "n1", "大客户，优先处理")
    };
    let (stored, _) = send::send_message(&w.state, &staff(&cs), &note)
        .await
        .unwrap();
    send(&w, &staff(&cs), conv.id, "c2").await;
    let seen = message::messages_after(&w.state, &member(&w.alice), conv.id, 0, 10)
        .await
        .unwrap();
    assert_eq!(seen.iter().map(|m| m.seq).collect::<Vec<_>>(), vec![1, 3]);
    let staff_seen = message::messages_after(&w.state, &staff(&cs), conv.id, 0, 10)
        .await
        .unwrap();
    assert_eq!(staff_seen.len(), 3);
    let e = send::send_message(
        &w.state,
        &member(&w.alice),
        &MessageForSend {
            client_id: "n2".into(),
            ..note
        },
    )
    .await
    .unwrap_err();
    assert_eq!(e.key(), "message.kind_not_allowed");
    let reply = MessageForSend {
        reply_to_seq: Some(stored.seq),
        ..text(conv.id, "c3", "?")
    };
    let e = send::send_message(&w.state, &member(&w.alice), &reply)
        .await
        .unwrap_err();
    assert_eq!(
        e.field(),
        Some("reply_to_seq"),
        "members cannot quote a note"
    );
    let list = list::member_conversations(&w.state, &w.alice)
        .await
        .unwrap();
    assert_eq!(list[0].unread, 1, "the note does not count for the member");
}

#[tokio::test]
async fn read_marks_only_move_forward_and_never_past_the_last_message() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    for id in ["s1", "s2", "s3"] {
        send(&w, &staff(&cs), conv.id, id).await;
    }
    let alice = member(&w.alice);
    assert_eq!(
        list::member_conversations(&w.state, &w.alice)
            .await
            .unwrap()[0]
            .unread,
        3
    );
    assert_eq!(
        message::mark_read(&w.state, &alice, conv.id, 2)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        message::mark_read(&w.state, &alice, conv.id, 1)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        message::mark_read(&w.state, &alice, conv.id, 99)
            .await
            .unwrap(),
        3
    );
    assert_eq!(
        list::member_conversations(&w.state, &w.alice)
            .await
            .unwrap()[0]
            .unread,
        0
    );
    send(&w, &alice, conv.id, "m1").await;
    let mine = list::agent_conversations(&w.state, &cs).await.unwrap();
    assert_eq!(
        (mine[0].unread, mine[0].member_phone.as_str()),
        (1, "139****0001")
    );
    assert_eq!(list::unreplied(&w.state, &cs).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_message_can_be_recalled_by_its_sender_within_two_minutes_only() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    let alice = member(&w.alice);
    let m1 = send(&w, &alice, conv.id, "c1").await;
    let m2 = send(&w, &alice, conv.id, "c2").await;
    assert_eq!(
        message::recall(&w.state, &staff(&cs), conv.id, m1.seq)
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    w.state.clock.advance(message::RECALL_WINDOW_MS);
    let recalled = message::recall(&w.state, &alice, conv.id, m1.seq)
        .await
        .unwrap();
    assert!(recalled.recalled && recalled.body.is_empty());
    w.state.clock.advance(1);
    let e = message::recall(&w.state, &alice, conv.id, m2.seq)
        .await
        .unwrap_err();
    assert_eq!(e.key(), "message.recall_expired");
    let seen = message::messages_after(&w.state, &staff(&cs), conv.id, 0, 10)
        .await
        .unwrap();
    assert_eq!((seen[0].recalled, seen[1].recalled), (true, false));
}

#[tokio::test]
async fn a_member_writing_to_a_resolved_conversation_reopens_it() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    send(&w, &member(&w.alice), conv.id, "c1").await;
    let done = agent::resolve(&w.state, &cs, conv.id).await.unwrap();
    assert_eq!(done.status, ConversationStatus::Resolved);
    let e = send::send_message(&w.state, &staff(&cs), &text(conv.id, "s9", "late"))
        .await
        .unwrap_err();
    assert_eq!(e.key(), "conversation.resolved");
    let m = send(&w, &member(&w.alice), conv.id, "c2").await;
    assert_eq!(
        m.seq, 3,
        "after the system line that records the resolution"
    );
    let again = service::existing(&w.state, conv.id).await.unwrap();
    assert_eq!(
        (again.status, again.assignee_staff_id, again.resolved_at),
        (ConversationStatus::Open, Some(cs.id), None)
    );
}

#[tokio::test]
async fn resolving_writes_a_system_line_naming_who_ended_it_that_staff_have_read() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    send(&w, &member(&w.alice), conv.id, "c1").await;

    agent::resolve(&w.state, &cs, conv.id).await.unwrap();

    let seen = service::message::messages_after(&w.state, &member(&w.alice), conv.id, 0, 100)
        .await
        .unwrap();
    let line = seen.last().unwrap();
    assert_eq!(
        (line.seq, line.kind, line.sender_kind),
        (2, MessageKind::System, SenderKind::System)
    );
    let body: serde_json::Value = serde_json::from_str(&line.body).unwrap();
    assert_eq!(body["event"], "resolved");
    assert_eq!(body["by"], cs.name.as_str());
    let after = service::existing(&w.state, conv.id).await.unwrap();
    assert_eq!(
        (after.last_seq, after.staff_read_seq),
        (2, 0),
        "the customer's unread message stays unread"
    );
    let mine = list::member_conversations(&w.state, &w.alice)
        .await
        .unwrap();
    assert_eq!(mine[0].unread, 1, "the member is told");
    // Read up to date, the system line counts as read by staff (they caused it).
    let other = open(&w, &w.bob).await;
    send(&w, &member(&w.bob), other.id, "b1").await;
    service::message::mark_read(&w.state, &staff(&cs), other.id, 1)
        .await
        .unwrap();
    agent::resolve(&w.state, &cs, other.id).await.unwrap();
    let read = service::existing(&w.state, other.id).await.unwrap();
    assert_eq!((read.last_seq, read.staff_read_seq), (2, 2));
    // Resolving again changes nothing and writes no second line.
    agent::resolve(&w.state, &cs, conv.id).await.unwrap();
    let again = service::existing(&w.state, conv.id).await.unwrap();
    assert_eq!(again.last_seq, 2);
}

#[tokio::test]
async fn a_members_list_shows_the_last_message_they_see_and_their_place_in_the_queue() {
    let w = world(None).await;
    // No agent: both wait, alice first.
    let first = open(&w, &w.alice).await;
    let second = open(&w, &w.bob).await;
    let queued = list::member_conversations(&w.state, &w.bob).await.unwrap();
    assert_eq!(queued[0].conversation.id, second.id);
    assert_eq!(queued[0].queue_ahead, Some(1));
    assert_eq!(queued[0].last_message, None, "nothing written yet");
    let mine = list::member_conversations(&w.state, &w.alice)
        .await
        .unwrap();
    assert_eq!(mine[0].queue_ahead, Some(0));

    // An agent with room for one takes the oldest: alice's.
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 1).await;
    send::send_message(
        &w.state,
        &member(&w.alice),
        &text(first.id, "c1", "请问运费"),
    )
    .await
    .unwrap();
    let note = MessageForSend {
        kind: MessageKind::Note,
        ..text(first.id, "n1", "内部备注")
    };
    send::send_message(&w.state, &staff(&cs), &note)
        .await
        .unwrap();

    let mine = list::member_conversations(&w.state, &w.alice)
        .await
        .unwrap();
    assert_eq!(mine[0].queue_ahead, None, "open, not queued");
    let last = mine[0].last_message.as_ref().unwrap();
    assert_eq!(
        (last.seq, last.body.as_str()),
        (1, "请问运费"),
        "the note is not theirs"
    );
    assert_eq!(last.sender_kind, SenderKind::Member);
    let bob = list::member_conversations(&w.state, &w.bob).await.unwrap();
    assert_eq!(bob[0].queue_ahead, Some(0), "alice left the queue");
}
