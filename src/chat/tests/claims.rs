//! Claims from the queue under contention.

use super::*;
use crate::chat::*;

#[tokio::test]
async fn two_agents_claiming_one_queued_conversation_at_once_get_it_once() {
    let w = world(None).await;
    let a = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 20).await;
    let b = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 20).await;
    for s in [&a, &b] {
        agent::set_agent_status(&w.state, s, AgentStatus::Busy)
            .await
            .unwrap();
    }
    for i in 0..8 {
        let m = another_member(&w, &format!("客户{i}"), &format!("1390000{:04}", 100 + i)).await;
        let queued = open(&w, &m).await;
        assert_eq!(queued.status, ConversationStatus::Queued);
        let (sa, sb) = (w.state.clone(), w.state.clone());
        let (aa, bb) = (a.clone(), b.clone());
        let ta = tokio::spawn(async move { agent::claim(&sa, &aa, queued.id).await });
        let tb = tokio::spawn(async move { agent::claim(&sb, &bb, queued.id).await });
        let (ra, rb) = (ta.await.unwrap(), tb.await.unwrap());
        let winners: Vec<_> = [&ra, &rb]
            .into_iter()
            .filter_map(|r| r.as_ref().ok())
            .collect();
        assert_eq!(winners.len(), 1, "round {i}: {ra:?} / {rb:?}");
        let loser = if ra.is_ok() { &rb } else { &ra };
        assert_eq!(loser.as_ref().unwrap_err().key(), "conversation.not_queued");
        let now = service::existing(&w.state, queued.id).await.unwrap();
        assert_eq!(now.assignee_staff_id, winners[0].assignee_staff_id);
    }
    let loads = admin::desk_agents(&w.state, &w.admin, w.desk.id)
        .await
        .unwrap();
    assert_eq!(loads.iter().map(|l| l.open_count).sum::<i64>(), 8);
}
