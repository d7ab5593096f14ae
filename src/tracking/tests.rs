//! Storing and reading tracking events on a fresh database (SQLite, or
//! PostgreSQL with `SHIPDESK_TEST_PG`): once per event, newest first, the
//! state moving only forward, and the demo provider behind `refresh`.

use std::sync::Arc;

use super::model::{Carrier, TrackEvent, TrackStatus, TrackingNumber};
use super::provider::demo::{journey, report_at, DemoProvider};
use super::provider::TrackReport;
use super::service;
use crate::db::Clock;
use crate::error::{AppError, ErrorKey};
use crate::state::AppState;
use crate::testing::test_state;
use crate::types::Timestamp;

const START: Timestamp = Timestamp(1_796_083_200_000);
const HOUR: i64 = 3600 * 1000;

fn number(n: &str) -> TrackingNumber {
    TrackingNumber::parse(n).unwrap()
}

/// The demo's report of a number `hours` after the start.
fn after(carrier: Carrier, n: &TrackingNumber, hours: i64) -> TrackReport {
    report_at(carrier, n, START, Timestamp(START.0 + hours * HOUR))
}

#[tokio::test]
async fn a_report_is_stored_once_and_read_back_newest_first() {
    let state = test_state().await;
    let n = number("SF1411620938917");
    let report = after(Carrier::Sf, &n, 12);
    assert!(report.events.len() >= 3, "{report:?}");

    let new = service::store_report(&state, Carrier::Sf, &n, &report, "demo", None)
        .await
        .unwrap();
    assert_eq!(new as usize, report.events.len());
    let again = service::store_report(&state, Carrier::Sf, &n, &report, "demo", None)
        .await
        .unwrap();
    assert_eq!(again, 0, "a replay stores nothing");

    let stored = service::events(&state, Carrier::Sf, &n).await.unwrap();
    assert_eq!(stored, report.events, "newest first, every field kept");
    assert!(stored.windows(2).all(|w| w[0].time >= w[1].time));
    let other = service::events(&state, Carrier::Zto, &n).await.unwrap();
    assert!(other.is_empty(), "keyed by carrier and number");

    let s = service::summary(&state, Carrier::Sf, &n)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.status, Some(stored[0].status));
    assert_eq!(s.last_event_at, Some(stored[0].time));
}

#[tokio::test]
async fn later_reports_add_only_their_new_events_and_a_late_one_never_rolls_back() {
    let state = test_state().await;
    let n = number("YT7412345678901");
    let early = after(Carrier::Yto, &n, 10);
    let late = after(Carrier::Yto, &n, 80);
    let all = journey(Carrier::Yto, &n, START);
    assert_eq!(late.events.len(), all.len(), "the journey is over by then");

    service::store_report(&state, Carrier::Yto, &n, &early, "demo", Some("polling"))
        .await
        .unwrap();
    let new = service::store_report(&state, Carrier::Yto, &n, &late, "demo", Some("shutdown"))
        .await
        .unwrap();
    assert_eq!(new as usize, all.len() - early.events.len());
    // The early report again, as a delayed push would bring it.
    let stale = service::store_report(&state, Carrier::Yto, &n, &early, "demo", None)
        .await
        .unwrap();
    assert_eq!(stale, 0);

    let s = service::summary(&state, Carrier::Yto, &n)
        .await
        .unwrap()
        .unwrap();
    let last = all.last().unwrap();
    assert_eq!(s.status, Some(last.status), "still the newest state");
    assert_eq!(s.last_event_at, Some(last.time));
    assert_eq!(
        s.push_status.as_deref(),
        Some("shutdown"),
        "kept when a push says nothing"
    );
    assert_eq!(
        service::events(&state, Carrier::Yto, &n)
            .await
            .unwrap()
            .len(),
        all.len()
    );
}

#[tokio::test]
async fn a_scan_uploaded_late_with_its_earlier_time_is_still_stored() {
    let state = test_state().await;
    let n = number("75423177712345");
    let all = journey(Carrier::Zto, &n, START);
    let without_second = TrackReport {
        state: None,
        events: all
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != 1)
            .map(|(_, e)| e.clone())
            .collect(),
    };
    let first = service::store_report(&state, Carrier::Zto, &n, &without_second, "kuaidi100", None)
        .await
        .unwrap();
    assert_eq!(first as usize, all.len() - 1);
    let full = TrackReport {
        state: None,
        events: all.clone(),
    };
    let late = service::store_report(&state, Carrier::Zto, &n, &full, "kuaidi100", None)
        .await
        .unwrap();
    assert_eq!(late, 1, "the back-filled scan, once");
    let stored = service::events(&state, Carrier::Zto, &n).await.unwrap();
    assert_eq!(stored.len(), all.len());
    assert_eq!(stored[stored.len() - 2], all[1]);
    let s = service::summary(&state, Carrier::Zto, &n)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        s.status,
        Some(all.last().unwrap().status),
        "the state stays the newest"
    );
}

#[tokio::test]
async fn events_at_the_same_instant_with_other_text_are_different_events() {
    let state = test_state().await;
    let n = number("JT5012345678901");
    let at = |context: &str| TrackEvent {
        status: TrackStatus::InTransit,
        raw_status: "0 在途".into(),
        context: context.into(),
        place: None,
        time: START,
        raw_time: START.format_shanghai(),
    };
    let report = TrackReport {
        state: Some((TrackStatus::InTransit, "0".into())),
        events: vec![at("到达【义乌转运中心】"), at("离开【义乌转运中心】")],
    };
    let new = service::store_report(&state, Carrier::Jtexpress, &n, &report, "kuaidi100", None)
        .await
        .unwrap();
    assert_eq!(new, 2);
    let s = service::summary(&state, Carrier::Jtexpress, &n)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.raw_state.as_deref(), Some("0"), "the provider's own word");
}

fn with_demo(mut state: AppState, clock: &Clock) -> AppState {
    state.clock = clock.clone();
    state.tracking = Some(Arc::new(DemoProvider::new(START, clock.clone())));
    state
}

#[tokio::test]
async fn refresh_stores_what_the_demo_knows_by_then() {
    let clock = Clock::manual(START.0 - HOUR);
    let state = with_demo(test_state().await, &clock);
    let n = number("DPK364012345678");

    assert_eq!(
        service::refresh(&state, Carrier::Deppon, &n).await.unwrap(),
        0,
        "not set off yet"
    );
    clock.advance(20 * HOUR);
    let first = service::refresh(&state, Carrier::Deppon, &n).await.unwrap();
    assert!(first >= 3, "{first}");
    clock.advance(60 * HOUR);
    let rest = service::refresh(&state, Carrier::Deppon, &n).await.unwrap();
    let all = journey(Carrier::Deppon, &n, START);
    assert_eq!((first + rest) as usize, all.len());
    assert_eq!(
        service::refresh(&state, Carrier::Deppon, &n).await.unwrap(),
        0
    );
    let stored = service::events(&state, Carrier::Deppon, &n).await.unwrap();
    assert!(stored.iter().all(|e| e.context.starts_with("【演示】")));

    service::subscribe(&state, Carrier::Deppon, &n, None)
        .await
        .unwrap();
    let s = service::summary(&state, Carrier::Deppon, &n)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.subscribed_at, Some(Timestamp(clock.now_ms())));
}

#[tokio::test]
async fn without_a_provider_queries_are_refused_by_name_and_nothing_is_stored() {
    let state = test_state().await;
    assert!(state.tracking.is_none(), "none unless configured");
    let n = number("SF1411620938917");
    let want = AppError::validation("provider", ErrorKey::TrackingNotConfigured);
    assert_eq!(
        service::refresh(&state, Carrier::Sf, &n).await.unwrap_err(),
        want
    );
    assert_eq!(
        service::subscribe(&state, Carrier::Sf, &n, None)
            .await
            .unwrap_err(),
        want
    );
    assert_eq!(
        service::summary(&state, Carrier::Sf, &n).await.unwrap(),
        None
    );
    let refused = service::receive_kuaidi100_push(&state, b"param=%7B%7D&sign=x").await;
    assert_eq!(refused.unwrap_err(), service::PushRefusal::NotConfigured);
}
