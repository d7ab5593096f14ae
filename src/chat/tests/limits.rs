//! What one socket may cost the server: a resume is deduplicated and capped
//! per conversation, a gap fill reads one page at most, sends are
//! rate-limited per socket and per person.

use std::collections::HashMap;

use super::*;
use crate::chat::live::socket::{Out, SocketSession, RESUME_CAP};
use crate::chat::service::limit::{self, SEND_RATE_LIMITED};
use crate::chat::wire::{ClientMsg, Cursor, ServerMsg};
use crate::chat::*;
use crate::error::AppError;
use crate::testing;

fn frames(out: &[Out]) -> Vec<ServerMsg> {
    out.iter()
        .map(|o| match o {
            Out::Own(m) => m.clone(),
            Out::Shared(d) => d.msg.clone(),
        })
        .collect()
}

async fn frame(sock: &mut SocketSession, msg: &ClientMsg) -> Vec<ServerMsg> {
    let mut out = vec![];
    sock.on_frame(&serde_json::to_string(msg).unwrap(), &mut out)
        .await;
    frames(&out)
}

#[tokio::test]
async fn a_resume_of_duplicate_cursors_sends_each_conversation_once_and_at_most_a_page() {
    let w = world(None).await;
    testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let long = open(&w, &w.alice).await;
    testing::chat_history(&w.state, &long, &w.alice, 3000, "你好").await;
    let other_desk = testing::desk(&w.state, &w.admin, "finance", None).await;
    let short = send::open_conversation(&w.state, &w.alice, other_desk.id)
        .await
        .unwrap();
    testing::chat_history(&w.state, &short, &w.alice, 5, "账单").await;

    let mut cursors = vec![
        Cursor {
            conversation_id: long.id,
            after_seq: 0,
        };
        socket::MAX_CURSORS - 1
    ];
    cursors.insert(
        7,
        Cursor {
            conversation_id: short.id,
            after_seq: 0,
        },
    );
    let mut sock = SocketSession::new(w.state.clone(), member(&w.alice)).unwrap();
    assert!(frame(&mut sock, &ClientMsg::Resume { cursors })
        .await
        .is_empty());

    // Worked through one conversation at a time, each step holding one page.
    let mut per_conv: HashMap<Id, Vec<i64>> = HashMap::new();
    let mut synced = vec![];
    let mut steps = 0;
    while sock.resuming() {
        let mut out = vec![];
        sock.resume_next(&mut out).await;
        steps += 1;
        assert!(out.len() as i64 <= RESUME_CAP + 1, "one page per step");
        for m in frames(&out) {
            match m {
                ServerMsg::Message { message } => per_conv
                    .entry(message.conversation_id)
                    .or_default()
                    .push(message.seq),
                ServerMsg::Synced {
                    conversation_id,
                    last_seq,
                    more,
                } => synced.push((conversation_id, last_seq, more)),
                other => panic!("unexpected {other:?}"),
            }
        }
    }
    assert_eq!(steps, 2, "duplicates are one conversation");
    assert_eq!(per_conv[&long.id], (1..=RESUME_CAP).collect::<Vec<_>>());
    assert_eq!(per_conv[&short.id], vec![1, 2, 3, 4, 5]);
    assert_eq!(
        synced,
        vec![(long.id, RESUME_CAP, true), (short.id, 5, false)]
    );

    // The rest is paged over HTTP; a live message passes straight on
    // instead of filling a 2,800-message gap.
    let mut sub = w
        .state
        .hub
        .register(crate::chat::live::hub::Listener::Member(w.alice.id));
    send(&w, &member(&w.alice), long.id, "live-1").await;
    let d = sub.rx.try_recv().unwrap();
    let mut out = vec![];
    sock.on_delivery(d, &mut out).await;
    assert!(matches!(
        frames(&out).as_slice(),
        [ServerMsg::Message { message }] if message.seq == 3001
    ));
}

#[tokio::test]
async fn a_gap_of_more_than_a_page_is_left_to_http_paging() {
    let w = world(None).await;
    testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    let mut sock = SocketSession::new(w.state.clone(), member(&w.alice)).unwrap();
    let resume = ClientMsg::Resume {
        cursors: vec![Cursor {
            conversation_id: conv.id,
            after_seq: 0,
        }],
    };
    frame(&mut sock, &resume).await;
    let mut out = vec![];
    sock.resume_next(&mut out).await;
    // 500 messages commit whose events this socket never sees, then one it does.
    testing::chat_history(&w.state, &conv, &w.alice, 500, "丢失").await;
    let mut sub = w
        .state
        .hub
        .register(crate::chat::live::hub::Listener::Member(w.alice.id));
    send(&w, &member(&w.alice), conv.id, "after-gap").await;
    let mut out = vec![];
    sock.on_delivery(sub.rx.try_recv().unwrap(), &mut out).await;
    let got = frames(&out);
    assert_eq!(
        got.len() as i64,
        RESUME_CAP + 2,
        "a page, `synced`, the event"
    );
    assert!(matches!(
        got[RESUME_CAP as usize],
        ServerMsg::Synced {
            last_seq,
            more: true,
            ..
        } if last_seq == RESUME_CAP
    ));
    assert!(matches!(
        got.last(),
        Some(ServerMsg::Message { message }) if message.seq == 501
    ));
}

fn rate_limited(m: &ServerMsg, id: &str) -> bool {
    matches!(m, ServerMsg::Error { client_id: Some(c), key, .. }
        if c == id && *key == SEND_RATE_LIMITED)
}

#[tokio::test]
async fn a_socket_that_sends_too_fast_is_told_so_and_keeps_working() {
    let w = world(None).await;
    testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    let mut sock = SocketSession::new(w.state.clone(), member(&w.alice)).unwrap();
    for i in 0..limit::SOCKET_BURST as usize {
        let got = frame(
            &mut sock,
            &ClientMsg::Send(text(conv.id, &format!("b{i}"), "hi")),
        )
        .await;
        assert!(matches!(got.as_slice(), [ServerMsg::Ack { .. }]), "{got:?}");
    }
    let got = frame(&mut sock, &ClientMsg::Send(text(conv.id, "over", "hi"))).await;
    assert!(rate_limited(&got[0], "over"), "{got:?}");
    assert_eq!(
        service::existing(&w.state, conv.id).await.unwrap().last_seq,
        limit::SOCKET_BURST as i64,
        "the refused send stored nothing"
    );
    // Other commands still work; a second later sends do too.
    assert_eq!(
        frame(&mut sock, &ClientMsg::Ping).await,
        vec![ServerMsg::Pong]
    );
    w.state.clock.advance(1_000);
    let got = frame(&mut sock, &ClientMsg::Send(text(conv.id, "over", "hi"))).await;
    assert!(matches!(
        got.as_slice(),
        [ServerMsg::Ack { created: true, .. }]
    ));
}

#[tokio::test]
async fn a_member_is_limited_across_sockets_instances_and_the_api() {
    let w = world(None).await;
    testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    // A second instance: its own hub on the same database.
    let other = AppState {
        hub: crate::chat::live::hub::Hub::default(),
        ..w.state.clone()
    };
    let mut here = SocketSession::new(w.state.clone(), member(&w.alice)).unwrap();
    let mut there = SocketSession::new(other, member(&w.alice)).unwrap();
    for i in 0..limit::MEMBER_PER_MINUTE {
        // Slow enough for each socket's bucket, all within one minute.
        w.state.clock.advance(300);
        let sock = if i % 2 == 0 { &mut here } else { &mut there };
        let got = frame(
            sock,
            &ClientMsg::Send(text(conv.id, &format!("m{i}"), "hi")),
        )
        .await;
        assert!(
            matches!(got.as_slice(), [ServerMsg::Ack { .. }]),
            "{i}: {got:?}"
        );
    }
    let got = frame(&mut there, &ClientMsg::Send(text(conv.id, "over", "hi"))).await;
    assert!(rate_limited(&got[0], "over"), "{got:?}");
    let api =
        send::send_from_client(&w.state, &member(&w.alice), &text(conv.id, "api", "hi")).await;
    assert!(matches!(api, Err(AppError::RateLimited { retry_after_secs }) if retry_after_secs > 0));
    // Staff are not counted with the member.
    let agent = crate::auth::repo::staff_by_id(&w.state.db, conv_assignee(&w, conv.id).await)
        .await
        .unwrap()
        .unwrap();
    send::send_from_client(&w.state, &staff(&agent), &text(conv.id, "s1", "您好"))
        .await
        .unwrap();
    // The next minute starts afresh.
    w.state.clock.advance(limit::WINDOW_MS);
    let got = frame(&mut here, &ClientMsg::Send(text(conv.id, "over", "hi"))).await;
    assert!(matches!(got.as_slice(), [ServerMsg::Ack { .. }]), "{got:?}");
}

async fn conv_assignee(w: &World, conv: Id) -> Id {
    service::existing(&w.state, conv)
        .await
        .unwrap()
        .assignee_staff_id
        .unwrap()
}

/// A second instance on the world's database: its own hub (and instance id).
fn second_instance(w: &World) -> AppState {
    AppState {
        hub: crate::chat::live::hub::Hub::default(),
        ..w.state.clone()
    }
}

fn without_grace(w: &mut World) {
    let mut config = (*w.state.config).clone();
    config.presence_grace_secs = 0;
    w.state.config = std::sync::Arc::new(config);
}

async fn status_of(w: &World, id: Id) -> AgentStatus {
    repo::agent::agent_load(&w.state.db, id)
        .await
        .unwrap()
        .unwrap()
        .status
}

fn agent_listener(w: &World, id: Id) -> crate::chat::live::hub::Listener {
    crate::chat::live::hub::Listener::Staff {
        id,
        admin: false,
        desks: vec![w.desk.id],
    }
}

#[tokio::test]
async fn an_agent_with_a_socket_on_another_instance_stays_online_when_one_closes() {
    let mut w = world(None).await;
    without_grace(&mut w);
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let (on_a, on_b) = (w.state.clone(), second_instance(&w));
    let who = agent_listener(&w, a.id);
    let sub_a = on_a.hub.register(who.clone());
    let row_a = presence::connected(&on_a, &who).await;
    let sub_b = on_b.hub.register(who.clone());
    let row_b = presence::connected(&on_b, &who).await;
    assert!(presence::is_connected(&on_a, a.id).await.unwrap());

    // The tab on A closes; the one on B is still open.
    on_a.hub.unregister(sub_a.id);
    presence::closed(&on_a, &who, row_a).await;
    assert_eq!(status_of(&w, a.id).await, AgentStatus::Online);

    // The last one closes, on B.
    on_b.hub.unregister(sub_b.id);
    presence::closed(&on_b, &who, row_b).await;
    assert_eq!(status_of(&w, a.id).await, AgentStatus::Offline);
    assert!(!presence::is_connected(&on_a, a.id).await.unwrap());
}

#[tokio::test]
async fn the_sockets_of_an_instance_that_stopped_expire_and_their_agents_go_offline() {
    let w = world(None).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let b = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 5).await;
    let dead = second_instance(&w);
    // a's only socket is on the instance that will stop; b's is here.
    let _gone = dead.hub.register(agent_listener(&w, a.id));
    presence::connected(&dead, &agent_listener(&w, a.id)).await;
    let _here = w.state.hub.register(agent_listener(&w, b.id));
    presence::connected(&w.state, &agent_listener(&w, b.id)).await;

    assert!(presence::keep(&w.state).await.unwrap().is_empty());
    // The other instance stops renewing; this one goes on.
    w.state.clock.advance(presence::LEASE_MS / 2);
    assert!(presence::keep(&w.state).await.unwrap().is_empty());
    w.state.clock.advance(presence::LEASE_MS / 2 + 1);
    assert_eq!(presence::keep(&w.state).await.unwrap(), vec![a.id]);
    assert_eq!(status_of(&w, a.id).await, AgentStatus::Offline);
    assert_eq!(status_of(&w, b.id).await, AgentStatus::Online);
    assert!(presence::is_connected(&w.state, b.id).await.unwrap());
}
