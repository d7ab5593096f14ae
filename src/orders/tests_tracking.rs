//! An order's tracking numbers and their couriers' events on a real
//! database (SQLite, and PostgreSQL with `SHIPDESK_TEST_PG`): a report for
//! a number on an order announces `tracking.updated` once, the list shows
//! each number's last state, and `track_parcel` asks the provider for a
//! stale number, in the order's readers' scope only.

use std::sync::Arc;

use super::model::*;
use super::service;
use super::tests::{booking, save_quote, NOW};
use crate::auth::Principal;
use crate::db::Clock;
use crate::error::AppError;
use crate::state::AppState;
use crate::testing::{self, test_state};
use crate::tracking::provider::demo::{report_at, DemoProvider};
use crate::tracking::{self, Carrier, TrackingNumber};
use crate::types::Timestamp;

const HOUR: i64 = 3_600_000;
/// The demo's journeys set off a day and a half before now.
const START: Timestamp = Timestamp(NOW - 36 * HOUR);

struct World {
    state: AppState,
    alice: Principal,
    bob: Principal,
    order: Order,
}

async fn world(demo: bool) -> World {
    let mut state = test_state().await;
    let clock = Clock::manual(NOW);
    state.clock = clock.clone();
    if demo {
        state.tracking = Some(Arc::new(DemoProvider::new(START, clock)));
    }
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let company = testing::company(&state, &admin, "深圳星辰", None).await;
    let rival = testing::company(&state, &admin, "广州优品", None).await;
    let alice =
        Principal::Member(testing::member(&state, &admin, &company, "张伟", "13800138001").await);
    let bob =
        Principal::Member(testing::member(&state, &admin, &rival, "刘洋", "13800138004").await);
    crate::pricing::service::seed_demo_channels(&state)
        .await
        .unwrap();
    let quote = save_quote(&state, &alice, 22.0).await;
    let order = service::book_order(&state, &alice, &booking(&quote.number, "track-key-1"))
        .await
        .unwrap();
    World {
        state,
        alice,
        bob,
        order,
    }
}

async fn add(w: &World, number: &str) -> Parcel {
    let input = ParcelForSave {
        order_id: w.order.id,
        id: None,
        number: number.into(),
        carrier: Some("sf".into()),
        cartons: "1-5".into(),
    };
    let list = service::save_parcel(&w.state, &w.alice, &input)
        .await
        .unwrap();
    list.into_iter().find(|p| p.number == number).unwrap()
}

async fn announced(state: &AppState) -> Vec<serde_json::Value> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT payload FROM outbox_events WHERE topic = 'tracking.updated' ORDER BY id",
    )
    .fetch_all(&state.db)
    .await
    .unwrap();
    rows.iter()
        .map(|p| serde_json::from_str(p).unwrap())
        .collect()
}

#[tokio::test]
async fn a_report_for_a_number_on_an_order_announces_tracking_updated_once() {
    let w = world(false).await;
    let parcel = add(&w, "SF1411620938917").await;
    assert_eq!(parcel.track_status, None, "no event yet");
    let n = TrackingNumber::parse(&parcel.number).unwrap();
    let report = report_at(Carrier::Sf, &n, START, Timestamp(NOW));
    let newest = report.events.iter().max_by_key(|e| e.time).unwrap().clone();

    let new = tracking::service::store_report(&w.state, Carrier::Sf, &n, &report, "demo", None)
        .await
        .unwrap();
    assert!(new >= 3, "{new}");
    let again = tracking::service::store_report(&w.state, Carrier::Sf, &n, &report, "demo", None)
        .await
        .unwrap();
    assert_eq!(again, 0);

    let events = announced(&w.state).await;
    assert_eq!(events.len(), 1, "a replay announces nothing: {events:?}");
    let e = &events[0];
    assert_eq!(e["order_number"], w.order.number.as_str());
    assert_eq!(e["company_id"], w.order.company_id);
    assert_eq!(e["parcel_id"], parcel.id);
    assert_eq!(e["number"], "SF1411620938917");
    assert_eq!(e["status"], newest.status.as_str());
    assert_eq!(e["new_events"], new);
    assert_eq!(e["latest"]["context"], newest.context.as_str());

    let list = service::list_parcels(&w.state, &w.alice, w.order.id)
        .await
        .unwrap();
    assert_eq!(list[0].track_status, Some(newest.status));
    assert_eq!(list[0].track_at, Some(newest.time));

    let loose = TrackingNumber::parse("SF9999999999999").unwrap();
    let other = report_at(Carrier::Sf, &loose, START, Timestamp(NOW));
    tracking::service::store_report(&w.state, Carrier::Sf, &loose, &other, "demo", None)
        .await
        .unwrap();
    assert_eq!(
        announced(&w.state).await.len(),
        1,
        "a number on no order announces nothing"
    );
}

#[tokio::test]
async fn tracking_a_parcel_asks_the_provider_and_answers_the_events_newest_first() {
    let w = world(true).await;
    let parcel = add(&w, "SF1411620938917").await;

    let t = service::track_parcel(&w.state, &w.alice, w.order.id, parcel.id)
        .await
        .unwrap();
    assert!(t.live);
    assert!(t.events.len() >= 3, "{:?}", t.events);
    assert!(t.events.windows(2).all(|e| e[0].time >= e[1].time));
    assert!(
        t.events.iter().all(|e| e.time.0 <= NOW),
        "nothing from later"
    );
    assert_eq!(t.parcel.track_status, Some(t.events[0].status));
    assert_eq!(
        announced(&w.state).await.len(),
        1,
        "the refresh announced it"
    );

    // Asked again at once: answered from what is stored.
    let again = service::track_parcel(&w.state, &w.alice, w.order.id, parcel.id)
        .await
        .unwrap();
    assert_eq!(again.events, t.events);
    assert_eq!(announced(&w.state).await.len(), 1);
}

#[tokio::test]
async fn without_a_provider_tracking_shows_what_is_stored() {
    let w = world(false).await;
    let parcel = add(&w, "SF1411620938917").await;
    let t = service::track_parcel(&w.state, &w.alice, w.order.id, parcel.id)
        .await
        .unwrap();
    assert!(!t.live);
    assert!(t.events.is_empty());
}

#[tokio::test]
async fn another_companys_parcel_or_an_unknown_one_cannot_be_tracked() {
    let w = world(true).await;
    let parcel = add(&w, "SF1411620938917").await;
    let e = service::track_parcel(&w.state, &w.bob, w.order.id, parcel.id)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("order"));
    let e = service::track_parcel(&w.state, &w.alice, w.order.id, parcel.id + 1)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("parcel"));
}

/// The world's order confirmed by ops, with a UPS transfer number on its
/// five cartons.
async fn with_transfer(w: &World) -> (Order, super::transfer::Transfer) {
    let ops = testing::staff(&w.state, "ops", &["ops"]).await;
    let o = service::confirm_order(
        &w.state,
        &Principal::Staff(ops.clone()),
        w.order.id,
        w.order.version,
    )
    .await
    .unwrap();
    let row = super::transfer::TransferRowInput {
        order_number: o.order_number.clone().unwrap(),
        cartons: "1-5".into(),
        carrier: Some("ups".into()),
        number: "1Z999AA10123456784".into(),
    };
    service::apply_transfers(&w.state, &ops, vec![row])
        .await
        .unwrap();
    let read = service::get_order(&w.state, &w.alice, o.id).await.unwrap();
    let x = read.transfers[0].clone();
    (read, x)
}

#[tokio::test]
async fn a_transfer_numbers_events_show_on_its_order_and_announce_tracking_updated() {
    let w = world(true).await;
    let (o, x) = with_transfer(&w).await;
    assert_eq!(x.track_status, None, "not tracked before anyone looks");

    let t = service::track_transfer(&w.state, &w.alice, o.id, x.id)
        .await
        .unwrap();
    assert!(t.live);
    assert!(!t.events.is_empty());
    assert!(t.events.windows(2).all(|e| e[0].time >= e[1].time));
    assert_eq!(t.transfer.track_status, Some(t.events[0].status));
    let read = service::get_order(&w.state, &w.alice, o.id).await.unwrap();
    assert_eq!(read.transfers[0].track_status, Some(t.events[0].status));
    let sent = announced(&w.state).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["kind"], "transfer");
    assert_eq!(sent[0]["transfer_id"], x.id);
    assert_eq!(sent[0]["parcel_id"], serde_json::Value::Null);
    assert_eq!(sent[0]["order_number"], o.number);

    let e = service::track_transfer(&w.state, &w.bob, o.id, x.id)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("order"));
    let e = service::track_transfer(&w.state, &w.alice, o.id, x.id + 1)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("transfer"));
}

#[tokio::test]
async fn the_numbers_of_orders_under_way_are_followed_once_and_finished_orders_not() {
    let w = world(true).await;
    let parcel = add(&w, "SF1411620938917").await;
    let (_, x) = with_transfer(&w).await;
    // A cancelled order's number is not followed.
    let quote = save_quote(&w.state, &w.alice, 22.0).await;
    let gone = service::book_order(&w.state, &w.alice, &booking(&quote.number, "track-key-2"))
        .await
        .unwrap();
    let input = ParcelForSave {
        order_id: gone.id,
        id: None,
        number: "YT7511390172311".into(),
        carrier: Some("yto".into()),
        cartons: String::new(),
    };
    service::save_parcel(&w.state, &w.alice, &input)
        .await
        .unwrap();
    service::cancel_order(&w.state, &w.alice, gone.id, gone.version, "不发了")
        .await
        .unwrap();

    assert_eq!(service::follow_numbers(&w.state).await.unwrap(), 2);
    assert_eq!(
        service::follow_numbers(&w.state).await.unwrap(),
        0,
        "followed once"
    );
    for (carrier, number) in [
        (Carrier::Sf, parcel.number.as_str()),
        (Carrier::Ups, x.number.as_str()),
    ] {
        let n = TrackingNumber::parse(number).unwrap();
        let s = tracking::service::summary(&w.state, carrier, &n)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(s.subscribed_at, Some(Timestamp(NOW)), "{number}");
    }
    let n = TrackingNumber::parse("YT7511390172311").unwrap();
    let s = tracking::service::summary(&w.state, Carrier::Yto, &n)
        .await
        .unwrap();
    assert!(s.is_none(), "the cancelled order's number is not followed");

    let quiet = world(false).await;
    add(&quiet, "SF1411620938917").await;
    assert_eq!(
        service::follow_numbers(&quiet.state).await.unwrap(),
        0,
        "no provider, nothing to follow with"
    );
}
