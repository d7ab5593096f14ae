//! Which deliveries go out when: paused hooks wait without holding up
//! others, a slow endpoint holds only its own places, old rows are pruned.

use std::time::Duration;

use tokio::task::JoinSet;

use super::receiver::{self, Received};
use super::*;
use crate::webhook::deliver::{self, PER_HOOK};

#[tokio::test]
async fn a_paused_hooks_backlog_does_not_starve_other_hooks() {
    let w = world().await;
    let paused_got = Received::new();
    let paused_url = receiver::start(paused_got.clone()).await;
    let (paused, _) = w.hook(&paused_url, &["message.created"]).await;
    // More than one batch of the paused hook's deliveries, all older.
    for i in 0..120 {
        enqueue(&w.state, paused.id, &format!("old-{i}")).await;
    }
    service::set_active(&w.state, &w.admin, paused.id, false)
        .await
        .unwrap();
    w.state.clock.advance(1);
    let got = Received::new();
    let url = receiver::start(got.clone()).await;
    let (live, _) = w.hook(&url, &["message.created"]).await;
    enqueue(&w.state, live.id, "new-1").await;

    assert_eq!(deliver::deliver_due(&w.state, &w.client).await.unwrap(), 1);
    assert_eq!(got.calls().len(), 1);
    assert!(paused_got.calls().is_empty());
    assert!(w
        .log(paused.id)
        .await
        .iter()
        .all(|d| d.status == DeliveryStatus::Pending && d.attempts == 0));

    // Resumed, its backlog goes out, at most PER_HOOK at a time.
    service::set_active(&w.state, &w.admin, paused.id, true)
        .await
        .unwrap();
    assert_eq!(
        deliver::deliver_due(&w.state, &w.client).await.unwrap(),
        PER_HOOK as usize
    );
}

#[tokio::test]
async fn a_slow_endpoint_holds_only_its_own_places() {
    let w = world().await;
    let slow_got = Received::held();
    let slow_url = receiver::start(slow_got.clone()).await;
    let (slow, _) = w.hook(&slow_url, &["message.created"]).await;
    let got = Received::new();
    let url = receiver::start(got.clone()).await;
    let (fast, _) = w.hook(&url, &["message.created"]).await;
    for i in 0..10 {
        enqueue(&w.state, slow.id, &format!("slow-{i}")).await;
    }
    enqueue(&w.state, fast.id, "fast-1").await;

    let mut tasks = JoinSet::new();
    let started = deliver::start_due(&w.state, &w.client, &mut tasks, 50)
        .await
        .unwrap();
    assert_eq!(
        started,
        PER_HOOK as usize + 1,
        "four slow ones and the fast one"
    );
    wait_for(|| got.calls().len() == 1).await;
    wait_for(|| slow_got.calls().len() == PER_HOOK as usize).await;

    // While the slow ones hang, new work of other hooks goes out at once…
    enqueue(&w.state, fast.id, "fast-2").await;
    let started = deliver::start_due(&w.state, &w.client, &mut tasks, 50)
        .await
        .unwrap();
    assert_eq!(
        started, 1,
        "only the fast one: the slow hook is at its budget"
    );
    wait_for(|| got.calls().len() == 2).await;
    assert_eq!(slow_got.calls().len(), PER_HOOK as usize);

    // …and the slow hook's next ones go once its places free up.
    slow_got.release(100);
    while tasks.join_next().await.is_some() {}
    assert_eq!(
        deliver::deliver_due(&w.state, &w.client).await.unwrap(),
        PER_HOOK as usize
    );
}

async fn wait_for(mut ok: impl FnMut() -> bool) {
    for _ in 0..500 {
        if ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("condition not met in 5 s");
}

#[tokio::test]
async fn finished_deliveries_and_handed_on_events_are_pruned_after_their_time() {
    let w = world().await;
    let got = Received::new();
    let url = receiver::start(got.clone()).await;
    let (hook, _) = w.hook(&url, &["message.created"]).await;
    let conv = w.conversation().await;
    w.say(&conv, "旧").await;
    assert_eq!(w.pump().await, 1);
    let paused = w.hook(&url, &["message.created"]).await.0;
    enqueue(&w.state, paused.id, "waiting").await;
    service::set_active(&w.state, &w.admin, paused.id, false)
        .await
        .unwrap();

    w.state.clock.advance(service::KEEP_DELIVERIES_MS - 1);
    assert_eq!(service::prune(&w.state).await.unwrap(), 0, "not old enough");
    w.state.clock.advance(2);
    assert_eq!(service::prune(&w.state).await.unwrap(), 1);
    assert!(w.log(hook.id).await.is_empty());
    assert_eq!(w.log(paused.id).await.len(), 1, "pending ones stay");
    // The outbox rows (queued conversation, message) were handed on a
    // month ago: pruned too.
    let pruned = crate::events::service::prune(&w.state).await.unwrap();
    assert_eq!(pruned, 2);
}
