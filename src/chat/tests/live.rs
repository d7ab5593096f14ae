//! Handing conversations over (transfer, takeover, re-activation, agent
//! start), canned replies, presence, and one socket's session: events reach
//! the right people, catch-up is exact, bad frames get errors.

use super::*;
use crate::chat::live::hub::{Listener, Subscription};
use crate::chat::live::socket::{Out, SocketSession};
use crate::chat::wire::{ClientMsg, Cursor, ServerMsg};
use crate::chat::*;
use crate::error::AppError;
use crate::testing;

fn drain(sub: &mut Subscription) -> Vec<ServerMsg> {
    let mut out = vec![];
    while let Ok(d) = sub.rx.try_recv() {
        out.push(d.msg.clone());
    }
    out
}

fn msgs(out: &[Out]) -> Vec<ServerMsg> {
    out.iter()
        .map(|o| match o {
            Out::Own(m) => m.clone(),
            Out::Shared(d) => d.msg.clone(),
        })
        .collect()
}

fn seqs(list: &[ServerMsg]) -> Vec<i64> {
    list.iter()
        .filter_map(|m| match m {
            ServerMsg::Message { message } => Some(message.seq),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn transfer_to_an_agent_or_a_desk_with_a_note_for_staff() {
    let w = world(None).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    assert_eq!(conv.assignee_staff_id, Some(a.id));
    let b = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 5).await;
    let outsider = testing::agent(&w.state, &w.admin, "cs_c", &[], 5).await;

    // b may not transfer what is not theirs; a cannot send to someone outside the desk.
    let to_b = TransferTo::Agent(b.id);
    assert_eq!(
        transfer::transfer(&w.state, &b, conv.id, &to_b, "")
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    assert_eq!(
        transfer::transfer(&w.state, &a, conv.id, &TransferTo::Agent(outsider.id), "")
            .await
            .unwrap_err()
            .key(),
        "transfer.agent_not_in_role"
    );
    let long = "长".repeat(transfer::MAX_NOTE_CHARS + 1);
    assert_eq!(
        transfer::transfer(&w.state, &a, conv.id, &to_b, &long)
            .await
            .unwrap_err()
            .field(),
        Some("note")
    );
    let moved = transfer::transfer(&w.state, &a, conv.id, &to_b, "客户问清关")
        .await
        .unwrap();
    assert_eq!(moved.assignee_staff_id, Some(b.id));
    let staff_view = message::messages_after(&w.state, &staff(&b), conv.id, 0, 50)
        .await
        .unwrap();
    assert_eq!(staff_view.len(), 1);
    assert_eq!(staff_view[0].kind, MessageKind::Note);
    assert!(staff_view[0].body.contains("客户问清关"));
    let member_view = message::messages_after(&w.state, &member(&w.alice), conv.id, 0, 50)
        .await
        .unwrap();
    assert!(member_view.is_empty(), "the member never sees the note");

    // To another desk: queued there (nobody serves it), the old desk's agents told.
    let finance = testing::desk(&w.state, &w.admin, "finance", None).await;
    let queued = transfer::transfer(&w.state, &b, conv.id, &TransferTo::Desk(finance.id), "")
        .await
        .unwrap();
    assert_eq!(
        (queued.desk_id, queued.status, queued.assignee_staff_id),
        (finance.id, ConversationStatus::Queued, None)
    );
    assert_eq!(
        transfer::transfer(
            &w.state,
            &w.admin,
            conv.id,
            &TransferTo::Desk(finance.id),
            ""
        )
        .await
        .unwrap_err()
        .key(),
        "transfer.same_role"
    );
}

#[tokio::test]
async fn a_transfer_into_a_desk_where_the_member_is_active_changes_nothing() {
    let w = world(None).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let finance = testing::desk(&w.state, &w.admin, "finance", None).await;
    let conv = open(&w, &w.alice).await;
    send::open_conversation(&w.state, &w.alice, finance.id)
        .await
        .unwrap();
    let err = transfer::transfer(&w.state, &a, conv.id, &TransferTo::Desk(finance.id), "")
        .await
        .unwrap_err();
    assert_eq!(err.key(), "conversation.other_active");
    let still = service::existing(&w.state, conv.id).await.unwrap();
    assert_eq!(
        (still.desk_id, still.assignee_staff_id),
        (w.desk.id, Some(a.id))
    );
}

#[tokio::test]
async fn a_supervisor_takes_over_and_gives_back() {
    let w = world(None).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    assert_eq!(
        handover::take_over(&w.state, &a, conv.id)
            .await
            .unwrap_err(),
        AppError::Forbidden,
        "agents do not take over"
    );
    let taken = handover::take_over(&w.state, &w.admin, conv.id)
        .await
        .unwrap();
    assert_eq!(taken.assignee_staff_id, Some(w.admin.id));
    // The agent can no longer write to it; the supervisor can.
    assert!(
        send::send_message(&w.state, &staff(&a), &text(conv.id, "x1", "hi"))
            .await
            .is_err()
    );
    send(&w, &staff(&w.admin), conv.id, "boss1").await;
    let back = handover::release(&w.state, &w.admin, conv.id)
        .await
        .unwrap();
    assert_eq!(back.assignee_staff_id, Some(a.id));
    assert_eq!(
        handover::release(&w.state, &w.admin, conv.id)
            .await
            .unwrap_err()
            .key(),
        "conversation.not_taken_over"
    );
}

#[tokio::test]
async fn a_released_takeover_is_reassigned_again_when_its_agent_goes_away() {
    let w = world(Some(5)).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    let b = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 5).await;
    handover::take_over(&w.state, &w.admin, conv.id)
        .await
        .unwrap();
    let back = handover::release(&w.state, &w.admin, conv.id)
        .await
        .unwrap();
    assert_eq!(back.assignee_staff_id, Some(a.id));
    assert_eq!(
        repo::assignment::taken_over_from(&w.state.db, conv.id)
            .await
            .unwrap(),
        None,
        "the takeover ended"
    );

    // a goes offline: the reassignment job moves the conversation to b.
    agent::set_agent_status(&w.state, &a, AgentStatus::Offline)
        .await
        .unwrap();
    let moved = agent::reassign_stale(&w.state).await.unwrap();
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(moved[0].assignee_staff_id, Some(b.id));

    // Released while its agent is away: routed on, and no takeover is left.
    handover::take_over(&w.state, &w.admin, conv.id)
        .await
        .unwrap();
    agent::set_agent_status(&w.state, &b, AgentStatus::Offline)
        .await
        .unwrap();
    let queued = handover::release(&w.state, &w.admin, conv.id)
        .await
        .unwrap();
    assert_eq!(queued.status, ConversationStatus::Queued);
    assert_eq!(
        repo::assignment::taken_over_from(&w.state.db, conv.id)
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn resolved_conversations_are_reactivated_by_an_agent_of_the_desk() {
    let w = world(None).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let b = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 5).await;
    let stranger = testing::agent(&w.state, &w.admin, "cs_x", &[], 5).await;
    let conv = open(&w, &w.alice).await;
    assert_eq!(
        handover::reactivate(&w.state, &b, conv.id)
            .await
            .unwrap_err()
            .key(),
        "conversation.not_resolved"
    );
    agent::resolve(&w.state, &a, conv.id).await.unwrap();
    assert_eq!(
        handover::reactivate(&w.state, &stranger, conv.id)
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    let again = handover::reactivate(&w.state, &b, conv.id).await.unwrap();
    assert_eq!(
        (again.status, again.assignee_staff_id),
        (ConversationStatus::Open, Some(b.id))
    );
}

#[tokio::test]
async fn an_agent_starts_a_conversation_with_a_customer() {
    let w = world(None).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 1).await;
    let b = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 1).await;
    let started = handover::start_with_member(&w.state, &a, w.alice.id, w.desk.id)
        .await
        .unwrap();
    assert_eq!(started.assignee_staff_id, Some(a.id));
    // Starting again returns it; a colleague cannot take it this way.
    let again = handover::start_with_member(&w.state, &a, w.alice.id, w.desk.id)
        .await
        .unwrap();
    assert_eq!(again.id, started.id);
    assert_eq!(
        handover::start_with_member(&w.state, &b, w.alice.id, w.desk.id)
            .await
            .unwrap_err()
            .key(),
        "conversation.assigned_elsewhere"
    );
    assert_eq!(
        handover::start_with_member(&w.state, &a, 999, w.desk.id)
            .await
            .unwrap_err(),
        AppError::not_found("member")
    );
    // The member sees it as theirs.
    let mine = list::member_conversations(&w.state, &w.alice)
        .await
        .unwrap();
    assert_eq!(mine[0].conversation.id, started.id);
}

#[tokio::test]
async fn canned_replies_by_desk_are_managed_by_admins() {
    let w = world(None).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let finance = testing::desk(&w.state, &w.admin, "finance", None).await;
    let new = |desk_id, title: &str| CannedReplyForCreate {
        desk_id,
        title: title.into(),
        body: "您好，请稍等".into(),
    };
    assert_eq!(
        admin::create_canned(&w.state, &a, &new(None, "问候"))
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    assert_eq!(
        admin::create_canned(&w.state, &w.admin, &new(None, " "))
            .await
            .unwrap_err()
            .field(),
        Some("title")
    );
    admin::create_canned(&w.state, &w.admin, &new(None, "问候"))
        .await
        .unwrap();
    admin::create_canned(&w.state, &w.admin, &new(Some(w.desk.id), "报价"))
        .await
        .unwrap();
    let other = admin::create_canned(&w.state, &w.admin, &new(Some(finance.id), "账单"))
        .await
        .unwrap();
    let mine: Vec<String> = admin::canned_replies(&w.state, &a)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.title)
        .collect();
    assert_eq!(mine.len(), 2, "shared and own desk only: {mine:?}");
    assert_eq!(
        admin::canned_replies(&w.state, &w.admin)
            .await
            .unwrap()
            .len(),
        3
    );
    admin::delete_canned(&w.state, &w.admin, other.id)
        .await
        .unwrap();
    assert_eq!(
        admin::delete_canned(&w.state, &w.admin, other.id)
            .await
            .unwrap_err(),
        AppError::not_found("canned_reply")
    );
}

#[tokio::test]
async fn events_reach_the_member_the_assignee_and_supervisors_but_notes_skip_the_member() {
    let w = world(None).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let b = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    let assignee = if conv.assignee_staff_id == Some(a.id) {
        &a
    } else {
        &b
    };
    let other = if assignee.id == a.id { &b } else { &a };
    let hub = &w.state.hub;
    let mut alice = hub.register(Listener::Member(w.alice.id));
    let mut bob = hub.register(Listener::Member(w.bob.id));
    let mut mine = hub.register(Listener::Staff {
        id: assignee.id,
        admin: false,
        desks: vec![w.desk.id],
    });
    let mut theirs = hub.register(Listener::Staff {
        id: other.id,
        admin: false,
        desks: vec![w.desk.id],
    });
    let mut boss = hub.register(Listener::Staff {
        id: w.admin.id,
        admin: true,
        desks: vec![],
    });

    send(&w, &member(&w.alice), conv.id, "m1").await;
    let note = MessageForSend {
        kind: MessageKind::Note,
        ..text(conv.id, "n1", "VIP")
    };
    send::send_message(&w.state, &staff(assignee), &note)
        .await
        .unwrap();
    assert_eq!(seqs(&drain(&mut alice)), vec![1]);
    assert!(drain(&mut bob).is_empty());
    assert_eq!(seqs(&drain(&mut mine)), vec![1, 2]);
    assert!(
        drain(&mut theirs).is_empty(),
        "colleagues do not get others' messages"
    );
    assert_eq!(seqs(&drain(&mut boss)), vec![1, 2]);

    // The member reads up to the note's seq: the assignee sees the mark.
    message::mark_read(&w.state, &member(&w.alice), conv.id, 2)
        .await
        .unwrap();
    assert!(matches!(
        drain(&mut mine).as_slice(),
        [ServerMsg::Read {
            side: SenderKind::Member,
            seq: 2,
            ..
        }]
    ));
    assert!(drain(&mut theirs).is_empty());
    drain(&mut alice);
    // Resolving tells the desk (the queue view) and the member, who also
    // gets the system line saying who ended it.
    agent::resolve(&w.state, assignee, conv.id).await.unwrap();
    match drain(&mut alice).as_slice() {
        [ServerMsg::Message { message }, ServerMsg::Conversation { .. }] => {
            assert_eq!(message.kind, MessageKind::System);
            assert!(message.body.contains(r#""event":"resolved""#));
        }
        other => panic!("expected the system line then the conversation: {other:?}"),
    }
    assert!(matches!(
        drain(&mut theirs).as_slice(),
        [ServerMsg::Conversation { .. }]
    ));
}

#[tokio::test]
async fn a_resuming_socket_gets_exactly_what_it_missed_then_live_messages_once() {
    let w = world(None).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    for i in 0..5 {
        send(&w, &member(&w.alice), conv.id, &format!("m{i}")).await;
    }
    let mut sub = w.state.hub.register(Listener::Member(w.alice.id));
    let mut sock = SocketSession::new(w.state.clone(), member(&w.alice)).unwrap();
    let mut out = vec![];
    let resume = ClientMsg::Resume {
        cursors: vec![Cursor {
            conversation_id: conv.id,
            after_seq: 2,
        }],
    };
    sock.on_frame(&serde_json::to_string(&resume).unwrap(), &mut out)
        .await;
    while sock.resuming() {
        sock.resume_next(&mut out).await;
    }
    let got = msgs(&out);
    assert_eq!(seqs(&got), vec![3, 4, 5]);
    assert!(matches!(
        got.last(),
        Some(ServerMsg::Synced { last_seq: 5, .. })
    ));

    // The agent writes 6, 7; 7's event arrives first: 6 is read from the
    // database, then 7, then the late 6 is dropped.
    send(&w, &staff(&a), conv.id, "s6").await;
    send(&w, &staff(&a), conv.id, "s7").await;
    let mut live: Vec<_> = std::iter::from_fn(|| sub.rx.try_recv().ok()).collect();
    live.reverse();
    let mut out = vec![];
    for d in live {
        sock.on_delivery(d, &mut out).await;
    }
    assert_eq!(seqs(&msgs(&out)), vec![6, 7]);

    // A resend of a client id: acknowledged with the stored message, no event.
    let again = ClientMsg::Send(text(conv.id, "m0", "你好"));
    let mut out = vec![];
    sock.on_frame(&serde_json::to_string(&again).unwrap(), &mut out)
        .await;
    assert!(matches!(
        msgs(&out).as_slice(),
        [ServerMsg::Ack { created: false, message, .. }] if message.seq == 1
    ));
    assert!(sub.rx.try_recv().is_err());
}

#[tokio::test]
async fn bad_frames_and_foreign_conversations_get_errors_and_touch_nothing() {
    let w = world(None).await;
    testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    let mut sock = SocketSession::new(w.state.clone(), member(&w.bob)).unwrap();
    let mut out = vec![];
    sock.on_frame("{not json", &mut out).await;
    sock.on_frame(r#"{"type":"send","conversation_id":1}"#, &mut out)
        .await;
    let send_other = ClientMsg::Send(text(conv.id, "evil1", "hi"));
    sock.on_frame(&serde_json::to_string(&send_other).unwrap(), &mut out)
        .await;
    let empty = ClientMsg::Send(text(conv.id, "e1", "  "));
    sock.on_frame(&serde_json::to_string(&empty).unwrap(), &mut out)
        .await;
    let typing = ClientMsg::Typing {
        conversation_id: conv.id,
    };
    sock.on_frame(&serde_json::to_string(&typing).unwrap(), &mut out)
        .await;
    let keys: Vec<(Option<String>, String)> = msgs(&out)
        .into_iter()
        .map(|m| match m {
            ServerMsg::Error { field, key, .. } => (field, key.as_str().to_owned()),
            other => panic!("expected an error, got {other:?}"),
        })
        .collect();
    assert_eq!(
        keys,
        vec![
            (None, "ws.bad_frame".into()),
            (None, "ws.bad_frame".into()),
            (None, "error.not_found".into()),
            (Some("body".into()), "message.empty".into()),
            (None, "error.not_found".into()),
        ]
    );
    let conv = service::existing(&w.state, conv.id).await.unwrap();
    assert_eq!(conv.last_seq, 0);
    // Only cs and admin staff get a socket.
    let sales = testing::staff(&w.state, "sales_x", &["sales"]).await;
    assert!(SocketSession::new(w.state.clone(), staff(&sales)).is_err());
}

#[tokio::test]
async fn a_changed_account_asks_its_sockets_to_recheck_and_is_not_passed_on() {
    let w = world(None).await;
    let mut sub = w.state.hub.register(Listener::Member(w.alice.id));
    let mut sock = SocketSession::new(w.state.clone(), member(&w.alice)).unwrap();
    assert!(!sock.take_recheck());
    crate::auth::service::signed_out(&w.state, crate::auth::SessionUser::Member(w.alice.id));
    let mut out = vec![];
    sock.on_delivery(sub.rx.try_recv().unwrap(), &mut out).await;
    assert!(out.is_empty());
    assert!(sock.take_recheck());
    assert!(!sock.take_recheck(), "asked once");
}

#[tokio::test]
async fn an_agent_whose_sockets_closed_goes_away_after_the_grace_and_comes_back() {
    let mut w = world(None).await;
    let mut config = (*w.state.config).clone();
    config.presence_grace_secs = 0;
    w.state.config = std::sync::Arc::new(config);
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let listener = Listener::Staff {
        id: a.id,
        admin: false,
        desks: vec![w.desk.id],
    };
    let sub = w.state.hub.register(listener.clone());
    let row = presence::connected(&w.state, &listener).await;
    let (who, _) = w.state.hub.unregister(sub.id).unwrap();
    presence::disconnected(&w.state, who, row);
    let mut status = AgentStatus::Online;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        status = repo::agent::agent_load(&w.state.db, a.id)
            .await
            .unwrap()
            .unwrap()
            .status;
        if status == AgentStatus::Offline {
            break;
        }
    }
    assert_eq!(status, AgentStatus::Offline);
    // A queued conversation waits; when the agent is back, it is theirs.
    let conv = open(&w, &w.alice).await;
    assert_eq!(conv.status, ConversationStatus::Queued);
    let _sub = w.state.hub.register(listener.clone());
    presence::connected(&w.state, &listener).await;
    let back = repo::agent::agent_load(&w.state.db, a.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(back.status, AgentStatus::Online);
    let conv = service::existing(&w.state, conv.id).await.unwrap();
    assert_eq!(conv.assignee_staff_id, Some(a.id));
}
