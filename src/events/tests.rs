//! The outbox on a fresh database (SQLite, or PostgreSQL with
//! SHIPDESK_TEST_PG): events exist only with their change, and a claim
//! gives each event to one worker.

use std::collections::HashSet;

use super::*;
use crate::db::Clock;
use crate::state::AppState;
use crate::testing;

const T0: i64 = 1_800_000_000_000;

async fn state() -> AppState {
    let mut s = testing::test_state().await;
    s.clock = Clock::manual(T0);
    s
}

async fn publish(state: &AppState, n: usize) -> Vec<OutboxEvent> {
    let mut tx = state.db.begin().await.unwrap();
    let mut out = vec![];
    for i in 0..n {
        let e = OutboxEvent::new(
            "order.paid",
            "order",
            i as i64,
            &serde_json::json!({"i": i}),
            T0,
        );
        repo::insert(&mut *tx, &e).await.unwrap();
        out.push(e);
    }
    tx.commit().await.unwrap();
    out
}

#[tokio::test]
async fn an_event_exists_only_if_its_transaction_commits() {
    let state = state().await;
    let mut tx = state.db.begin().await.unwrap();
    let e = OutboxEvent::new(
        "order.paid",
        "order",
        7,
        &serde_json::json!({"fen": 100}),
        T0,
    );
    repo::insert(&mut *tx, &e).await.unwrap();
    tx.rollback().await.unwrap();
    assert_eq!(repo::pending_count(&state.db).await.unwrap(), 0);

    let published = publish(&state, 1).await;
    let claimed = service::claim(&state, 10).await.unwrap();
    assert_eq!(claimed.events, published);
    assert_eq!(claimed.events[0].payload, r#"{"i":0}"#);
}

#[tokio::test]
async fn concurrent_claimers_never_hold_one_event() {
    let state = state().await;
    let published = publish(&state, 40).await;
    // A second instance on the same database.
    let url = state.db.connect_options().database_url.to_string();
    let mut other = AppState::new(
        crate::db::connect(&url).await.unwrap(),
        (*state.config).clone(),
    );
    other.clock = state.clock.clone();

    let mut seen = HashSet::new();
    for _ in 0..10 {
        let (a, b, c, d) = tokio::join!(
            service::claim(&state, 7),
            service::claim(&other, 7),
            service::claim(&state, 7),
            service::claim(&other, 7),
        );
        for claimed in [a, b, c, d] {
            for e in claimed.unwrap().events {
                assert!(seen.insert(e.id), "event {} claimed twice", e.id);
            }
        }
    }
    assert_eq!(seen.len(), published.len(), "every event claimed");
}

#[tokio::test]
async fn a_lapsed_claim_is_taken_again_and_the_late_worker_completes_nothing() {
    let state = state().await;
    let published = publish(&state, 1).await;
    let first = service::claim(&state, 10).await.unwrap();
    assert_eq!(first.events.len(), 1);
    assert!(
        service::claim(&state, 10).await.unwrap().events.is_empty(),
        "held"
    );

    state.clock.advance(service::LEASE_MS);
    let second = service::claim(&state, 10).await.unwrap();
    assert_eq!(second.events, published, "the lease ran out");
    let id = published[0].id;
    let mut tx = state.db.begin().await.unwrap();
    assert!(!repo::complete(&mut *tx, id, first.token, state.now())
        .await
        .unwrap());
    assert!(repo::complete(&mut *tx, id, second.token, state.now())
        .await
        .unwrap());
    tx.commit().await.unwrap();
    assert_eq!(repo::pending_count(&state.db).await.unwrap(), 0);
    state.clock.advance(service::LEASE_MS);
    assert!(
        service::claim(&state, 10).await.unwrap().events.is_empty(),
        "done"
    );
}

#[tokio::test]
async fn handed_on_events_are_pruned_after_a_week_and_pending_ones_never() {
    let state = state().await;
    publish(&state, 2).await;
    let claimed = service::claim(&state, 1).await.unwrap();
    let mut tx = state.db.begin().await.unwrap();
    repo::complete(&mut *tx, claimed.events[0].id, claimed.token, T0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    state.clock.advance(service::KEEP_PROCESSED_MS);
    assert_eq!(service::prune(&state).await.unwrap(), 0);
    state.clock.advance(1);
    assert_eq!(service::prune(&state).await.unwrap(), 1);
    assert_eq!(repo::pending_count(&state.db).await.unwrap(), 1);
}
