//! Routing, caps, the queue, claims, stale reassignment, lists and set-up.

use super::*;
use crate::chat::*;
use crate::error::AppError;
use crate::testing;
use crate::types::{Page, PageQuery};
use crate::ErrorKey;

#[tokio::test]
async fn new_conversations_go_to_the_least_loaded_agent_under_the_cap() {
    let w = world(None).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 1).await;
    let b = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 2).await;
    let carol = another_member(&w, "王五", "13900000003").await;
    let first = open(&w, &w.alice).await;
    let second = open(&w, &w.bob).await;
    let third = open(&w, &carol).await;
    let fourth_member = another_member(&w, "赵六", "13900000004").await;
    let fourth = open(&w, &fourth_member).await;
    let low = a.id.min(b.id);
    assert_eq!(first.assignee_staff_id, Some(low), "tie: smallest staff id");
    assert_eq!(first.status, ConversationStatus::Open);
    assert_eq!(
        second.assignee_staff_id,
        Some(if low == a.id { b.id } else { a.id })
    );
    assert_eq!(
        third.assignee_staff_id,
        Some(b.id),
        "a is at their cap of 1"
    );
    assert_eq!(
        (fourth.status, fourth.assignee_staff_id),
        (ConversationStatus::Queued, None)
    );
    let loads = admin::desk_agents(&w.state, &w.admin, w.desk.id)
        .await
        .unwrap();
    assert_eq!(loads.iter().map(|l| l.open_count).sum::<i64>(), 3);
}

#[tokio::test]
async fn opening_twice_in_a_desk_even_at_once_returns_the_same_conversation() {
    let w = world(None).await;
    let one = open(&w, &w.alice).await;
    let two = open(&w, &w.alice).await;
    assert_eq!(one.id, two.id);
    let (r1, r2) = tokio::join!(
        send::open_conversation(&w.state, &w.bob, w.desk.id),
        send::open_conversation(&w.state, &w.bob, w.desk.id),
    );
    assert_eq!(r1.unwrap().id, r2.unwrap().id, "a double tap opens one");
    assert_eq!(
        send::open_conversation(&w.state, &w.alice, 42)
            .await
            .unwrap_err(),
        AppError::not_found("cs_role")
    );
}

#[tokio::test]
async fn a_queued_conversation_is_assigned_when_an_agent_comes_online_or_frees_up() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 1).await;
    agent::set_agent_status(&w.state, &cs, AgentStatus::Offline)
        .await
        .unwrap();
    let first = open(&w, &w.alice).await;
    let second = open(&w, &w.bob).await;
    assert_eq!(first.status, ConversationStatus::Queued);
    let queue = list::desk_queue(&w.state, &cs, w.desk.id).await.unwrap();
    assert_eq!(
        queue.iter().map(|s| s.conversation.id).collect::<Vec<_>>(),
        vec![first.id, second.id]
    );

    let given = agent::set_agent_status(&w.state, &cs, AgentStatus::Online)
        .await
        .unwrap();
    assert_eq!(
        given.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![first.id],
        "oldest first, cap 1"
    );
    agent::resolve(&w.state, &cs, first.id).await.unwrap();
    let second = service::existing(&w.state, second.id).await.unwrap();
    assert_eq!(
        (second.status, second.assignee_staff_id),
        (ConversationStatus::Open, Some(cs.id))
    );
    assert!(list::desk_queue(&w.state, &cs, w.desk.id)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn claiming_from_the_queue_respects_the_cap_and_takes_each_conversation_once() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 1).await;
    agent::set_agent_status(&w.state, &cs, AgentStatus::Busy)
        .await
        .unwrap();
    let first = open(&w, &w.alice).await;
    let second = open(&w, &w.bob).await;
    let claimed = agent::claim(&w.state, &cs, first.id).await.unwrap();
    assert_eq!(claimed.assignee_staff_id, Some(cs.id));
    assert_eq!(
        agent::claim(&w.state, &cs, first.id)
            .await
            .unwrap_err()
            .key(),
        "conversation.not_queued"
    );
    assert_eq!(
        agent::claim(&w.state, &cs, second.id)
            .await
            .unwrap_err()
            .key(),
        "agent.at_capacity"
    );
    let outsider = testing::staff(&w.state, "cs_x", &["cs"]).await;
    assert_eq!(
        agent::claim(&w.state, &outsider, second.id)
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
}

#[tokio::test]
async fn an_admin_who_is_no_agent_claims_a_queued_conversation_as_a_supervisor() {
    let w = world(None).await;
    let queued = open(&w, &w.alice).await;
    assert_eq!(queued.status, ConversationStatus::Queued);
    let claimed = agent::claim(&w.state, &w.admin, queued.id).await.unwrap();
    assert_eq!(claimed.assignee_staff_id, Some(w.admin.id));
    assert_eq!(claimed.status, ConversationStatus::Open);
    assert_eq!(
        agent::claim(&w.state, &w.admin, queued.id)
            .await
            .unwrap_err()
            .key(),
        "conversation.not_queued"
    );
}

#[tokio::test]
async fn an_unanswered_or_abandoned_conversation_moves_to_another_agent_or_the_queue() {
    let w = world(Some(5)).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    assert_eq!(conv.assignee_staff_id, Some(a.id));
    send(&w, &member(&w.alice), conv.id, "c1").await;
    w.state.clock.advance(4 * 60_000);
    assert!(
        agent::reassign_stale(&w.state).await.unwrap().is_empty(),
        "not yet"
    );
    let b = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 5).await;
    w.state.clock.advance(60_000);
    let moved = agent::reassign_stale(&w.state).await.unwrap();
    assert_eq!(
        moved
            .iter()
            .map(|c| (c.id, c.assignee_staff_id))
            .collect::<Vec<_>>(),
        vec![(conv.id, Some(b.id))]
    );
    assert!(
        agent::reassign_stale(&w.state).await.unwrap().is_empty(),
        "b gets the full 5 minutes"
    );

    agent::set_agent_status(&w.state, &a, AgentStatus::Offline)
        .await
        .unwrap();
    agent::set_agent_status(&w.state, &b, AgentStatus::Offline)
        .await
        .unwrap();
    let queued = agent::reassign_stale(&w.state).await.unwrap();
    assert_eq!(
        (queued[0].status, queued[0].assignee_staff_id),
        (ConversationStatus::Queued, None)
    );
}

#[tokio::test]
async fn desks_without_reassignment_keep_their_conversations() {
    let w = world(None).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    send(&w, &member(&w.alice), conv.id, "c1").await;
    agent::set_agent_status(&w.state, &a, AgentStatus::Offline)
        .await
        .unwrap();
    w.state.clock.advance(24 * 3600 * 1000);
    assert!(agent::reassign_stale(&w.state).await.unwrap().is_empty());
}

#[tokio::test]
async fn history_is_searched_by_name_or_phone_and_paged() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let one = open(&w, &w.alice).await;
    w.state.clock.advance(1000);
    let two = open(&w, &w.bob).await;
    let all = list::history(
        &w.state,
        &cs,
        &HistoryFilter::default(),
        PageQuery { page: 1, size: 1 },
    )
    .await
    .unwrap();
    assert_eq!((all.total, all.items[0].conversation.id), (2, two.id));
    let ids = |p: Page<ConversationSummary>| {
        p.items
            .iter()
            .map(|s| s.conversation.id)
            .collect::<Vec<_>>()
    };
    let search = |who: &Staff, q: &str| {
        let (state, who) = (w.state.clone(), who.clone());
        let f = HistoryFilter { q: Some(q.into()) };
        async move {
            list::history(&state, &who, &f, PageQuery::default())
                .await
                .unwrap()
        }
    };
    // Admins see phones in full and find them by a part; an agent sees them
    // masked and finds only the whole number.
    assert_eq!(ids(search(&w.admin, "0001").await), vec![one.id]);
    assert!(ids(search(&cs, "0001").await).is_empty());
    assert!(ids(search(&cs, "139").await).is_empty());
    assert_eq!(ids(search(&cs, "13900000001").await), vec![one.id]);
    let by_name = HistoryFilter {
        q: Some("李".into()),
    };
    let found = list::history(&w.state, &w.admin, &by_name, PageQuery::default())
        .await
        .unwrap();
    assert_eq!(
        (found.total, found.items[0].member_phone.as_str()),
        (1, "13900000002")
    );
    let stranger = testing::staff(&w.state, "cs_x", &["cs"]).await;
    let none = list::history(
        &w.state,
        &stranger,
        &HistoryFilter::default(),
        PageQuery::default(),
    )
    .await
    .unwrap();
    assert_eq!(none.total, 0);
}

#[tokio::test]
async fn only_admins_set_up_desks_and_agents_and_inputs_are_checked() {
    let w = world(None).await;
    let cs = testing::staff(&w.state, "cs_a", &["cs"]).await;
    let input = DeskForCreate {
        code: "aftersales".into(),
        name_zh: "售后".into(),
        name_en: "After-sales".into(),
        reassign_after_minutes: None,
    };
    assert_eq!(
        admin::create_desk(&w.state, &cs, &input).await.unwrap_err(),
        AppError::Forbidden
    );
    let dup = DeskForCreate {
        code: "PRESALES".into(),
        ..input.clone()
    };
    assert_eq!(
        admin::create_desk(&w.state, &w.admin, &dup)
            .await
            .unwrap_err(),
        AppError::conflict("code", ErrorKey::DeskCodeTaken)
    );
    admin::create_desk(&w.state, &w.admin, &input)
        .await
        .unwrap();
    assert_eq!(admin::list_desks(&w.state).await.unwrap().len(), 2);
    let e = admin::set_agent_desks(&w.state, &w.admin, cs.id, &[w.desk.id], 0)
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("max_concurrent"));
    let e = admin::set_agent_desks(&w.state, &w.admin, cs.id, &[7], 3)
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("desk_ids"));
    let e = admin::set_agent_desks(&w.state, &w.admin, w.admin.id, &[w.desk.id], 3)
        .await
        .unwrap_err();
    assert_eq!(e.key(), "agent.not_cs");
}

#[tokio::test]
async fn concurrent_opens_never_push_an_agent_over_the_cap() {
    let w = world(None).await;
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 1).await;
    let carol = another_member(&w, "王五", "13900000003").await;
    let (r1, r2, r3) = tokio::join!(
        send::open_conversation(&w.state, &w.alice, w.desk.id),
        send::open_conversation(&w.state, &w.bob, w.desk.id),
        send::open_conversation(&w.state, &carol, w.desk.id),
    );
    let assigned = [r1, r2, r3]
        .into_iter()
        .filter(|r| r.as_ref().unwrap().assignee_staff_id == Some(cs.id))
        .count();
    assert_eq!(assigned, 1);
    assert_eq!(
        list::desk_queue(&w.state, &cs, w.desk.id)
            .await
            .unwrap()
            .len(),
        2
    );
}
