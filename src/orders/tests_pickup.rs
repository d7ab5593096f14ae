//! Pickups on a real database (SQLite, and PostgreSQL with
//! `SHIPDESK_TEST_PG`): a window's capacity holds under parallel plans,
//! one plan an order, a cancel gives the place back, and who may plan.

use super::model::*;
use super::pickup::*;
use super::service;
use crate::auth::Principal;
use crate::db::Clock;
use crate::error::AppError;
use crate::pricing::{self, PickupSlotForSave, QuoteForSave};
use crate::state::AppState;
use crate::testing::{self, test_state};
use crate::{ErrorKey, PageQuery};

/// 2026-12-02 12:00 in Shanghai (a Wednesday).
const NOW: i64 = 1_796_184_000_000;

struct World {
    state: AppState,
    ops: Principal,
    sales: Principal,
    alice: Principal,
    bob: Principal,
    quote: String,
    slot: crate::Id,
}

async fn world(capacity: u32) -> World {
    let mut state = test_state().await;
    state.clock = Clock::manual(NOW);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let ops = testing::staff(&state, "ops", &["ops"]).await;
    let sales = testing::staff(&state, "sales", &["sales"]).await;
    let company = testing::company(&state, &admin, "深圳星辰", Some(&sales)).await;
    let rival = testing::company(&state, &admin, "广州优品", None).await;
    let alice =
        Principal::Member(testing::member(&state, &admin, &company, "张伟", "13800138001").await);
    let bob =
        Principal::Member(testing::member(&state, &admin, &rival, "刘洋", "13800138004").await);
    pricing::service::seed_demo_channels(&state).await.unwrap();
    service::seed_demo_cancel_reasons(&state).await.unwrap();
    let window = PickupSlotForSave {
        city: "深圳".into(),
        start: "09:00".into(),
        end: "12:00".into(),
        capacity,
        ..Default::default()
    };
    let slot = pricing::service::save_pickup_slot(&state, &ops, &window)
        .await
        .unwrap()
        .id;
    let search = testing::ont8_search(22.0);
    let plans = pricing::service::search_quotes(&state, &alice, &search, false, None)
        .await
        .unwrap()
        .plans;
    let input = QuoteForSave {
        search,
        channel_id: plans[0].channel.id,
        company_id: None,
    };
    let quote = pricing::service::save_quote(&state, &alice, &input)
        .await
        .unwrap()
        .number;
    World {
        state,
        ops: Principal::Staff(ops),
        sales: Principal::Staff(sales),
        alice,
        bob,
        quote,
        slot,
    }
}

async fn order(w: &World, key: &str) -> Order {
    let input: OrderForBook = serde_json::from_value(serde_json::json!({
        "quote_number": w.quote, "client_key": key,
        "shipper": {"name": "张伟", "phone": "13800138001", "address": "深圳市宝安区 1 号"},
        "consignee": {"kind": "fba", "fba_code": "ONT8", "shipment_id": "FBA17ABCD123"},
        "cartons": [{"count": 5, "length_cm": 50, "width_cm": 40, "height_cm": 30, "weight_kg": 22}],
        "goods": [{"name_zh": "耳机", "name_en": "Earphones", "hs_code": "85183000",
                   "material": "塑料", "declared_value_usd": 500, "quantity": 100}],
    }))
    .unwrap();
    service::book_order(&w.state, &w.alice, &input)
        .await
        .unwrap()
}

fn plan(order_id: crate::Id, slot_id: crate::Id) -> PickupForSave {
    PickupForSave {
        order_id,
        slot_id,
        date: "2026-12-03".into(),
        address: "深圳市宝安区 1 号".into(),
        contact: "张伟".into(),
        phone: "13800138001".into(),
        vehicle: Vehicle::Van,
        pieces: 5,
        weight_kg: 110.0,
    }
}

#[tokio::test]
async fn a_check_shows_what_is_collected_and_the_open_windows() {
    let w = world(3).await;
    let o = order(&w, "pick-key-0001").await;
    let c = service::check_pickup(&w.state, &w.alice, o.id)
        .await
        .unwrap();
    assert_eq!((c.city.as_str(), c.pieces, c.weight_kg), ("深圳", 5, 110.0));
    assert!((c.volume_cbm - 0.3).abs() < 1e-9);
    assert_eq!(c.days.len() as u32, service::OFFER_DAYS);
    assert_eq!(c.days[0].slots[0].remaining, 3);
    assert!(c.scheduled.is_none());
    let e = service::check_pickup(&w.state, &w.bob, o.id)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("order"));
    let e = service::check_pickup(&w.state, &w.sales, o.id)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::Forbidden);
}

#[tokio::test]
async fn parallel_plans_never_overfill_a_window() {
    let w = world(3).await;
    let mut orders = vec![];
    for i in 0..8 {
        orders.push(order(&w, &format!("pick-key-1{i:03}")).await.id);
    }
    let mut runs = tokio::task::JoinSet::new();
    for id in orders {
        let (state, who, input) = (w.state.clone(), w.alice.clone(), plan(id, w.slot));
        runs.spawn(async move { service::save_pickup(&state, &who, &input).await });
    }
    let (mut ok, mut full) = (0, 0);
    while let Some(r) = runs.join_next().await {
        match r.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => {
                assert_eq!(e, AppError::conflict("slot_id", ErrorKey::PickupSlotFull));
                full += 1;
            }
        }
    }
    assert_eq!((ok, full), (3, 5));
    let times = pricing::service::get_pickup_times(&w.state, &w.alice, "深圳", 2)
        .await
        .unwrap();
    assert_eq!(
        times[1].slots[0].remaining, 0,
        "the quote form sees the window full"
    );
}

#[tokio::test]
async fn one_plan_an_order_and_a_cancel_gives_the_place_back() {
    let w = world(1).await;
    let a = order(&w, "pick-key-2001").await;
    let b = order(&w, "pick-key-2002").await;
    let p = service::save_pickup(&w.state, &w.alice, &plan(a.id, w.slot))
        .await
        .unwrap();
    assert_eq!(
        (p.start.as_str(), p.status),
        ("09:00", PickupStatus::Scheduled)
    );
    let e = service::save_pickup(&w.state, &w.ops, &plan(b.id, w.slot))
        .await
        .unwrap_err();
    assert_eq!(e, AppError::conflict("slot_id", ErrorKey::PickupSlotFull));
    let reason = service::list_cancel_reasons(&w.state).await.unwrap()[0].clone();
    let e = service::cancel_pickup(&w.state, &w.bob, p.id, reason.id)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("pickup"));
    let e = service::cancel_pickup(&w.state, &w.alice, p.id, 42)
        .await
        .unwrap_err();
    assert_eq!(
        e,
        AppError::validation("reason_id", ErrorKey::PickupReasonUnknown)
    );
    let cancelled = service::cancel_pickup(&w.state, &w.ops, p.id, reason.id)
        .await
        .unwrap();
    assert_eq!(
        (cancelled.status, cancelled.cancel_reason),
        (PickupStatus::Cancelled, reason.text_zh)
    );
    let e = service::cancel_pickup(&w.state, &w.ops, p.id, reason.id)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::conflict("id", ErrorKey::PickupStatusInvalid));
    service::save_pickup(&w.state, &w.ops, &plan(b.id, w.slot))
        .await
        .unwrap();
    let again = plan(b.id, w.slot);
    let e = service::save_pickup(&w.state, &w.alice, &again)
        .await
        .unwrap_err();
    assert_eq!(
        e.field(),
        Some("slot_id"),
        "full before the order's second plan"
    );
    let listed = service::list_pickups(
        &w.state,
        &w.ops,
        &PickupFilter::default(),
        PageQuery::default(),
    )
    .await
    .unwrap();
    assert_eq!(listed.total, 2);
    let mine = PickupFilter {
        status: Some(PickupStatus::Scheduled),
        ..Default::default()
    };
    let bobs = service::list_pickups(&w.state, &w.bob, &mine, PageQuery::default())
        .await
        .unwrap();
    assert_eq!(bobs.total, 0);
    let e = service::list_pickups(&w.state, &w.sales, &mine, PageQuery::default())
        .await
        .unwrap_err();
    assert_eq!(e, AppError::Forbidden);
}

#[tokio::test]
async fn a_plan_outside_the_windows_or_for_a_received_order_is_refused_by_field() {
    let w = world(2).await;
    let o = order(&w, "pick-key-3001").await;
    let bad_day = PickupForSave {
        date: "2026-11-30".into(),
        ..plan(o.id, w.slot)
    };
    let e = service::save_pickup(&w.state, &w.alice, &bad_day)
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("date"));
    let e = service::save_pickup(&w.state, &w.alice, &plan(o.id, 12345))
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("slot_id"));
    let heavy = PickupForSave {
        weight_kg: -1.0,
        ..plan(o.id, w.slot)
    };
    assert_eq!(
        service::save_pickup(&w.state, &w.alice, &heavy)
            .await
            .unwrap_err()
            .field(),
        Some("weight_kg")
    );
    let o = service::confirm_order(&w.state, &w.ops, o.id, o.version)
        .await
        .unwrap();
    let r = OrderReceipt {
        id: o.id,
        cartons: o.detail.cartons.clone(),
        note: String::new(),
        version: o.version,
    };
    service::receive_order(&w.state, &w.ops, &r).await.unwrap();
    let e = service::save_pickup(&w.state, &w.alice, &plan(o.id, w.slot))
        .await
        .unwrap_err();
    assert_eq!(
        e,
        AppError::validation("order_id", ErrorKey::PickupOrderNotReady)
    );
}
