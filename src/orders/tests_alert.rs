//! Alerts (异常预警) on a real database (SQLite, and PostgreSQL with
//! `SHIPDESK_TEST_PG`): the silence scan raises once per silence whatever
//! runs it and however often, by each mode's threshold; a courier's
//! exception and ops' move into exception raise and tell the customer in
//! chat; an alert closes once; each caller lists only their scope.

use super::alert::*;
use super::model::*;
use super::service;
use super::tests::{booking, save_quote, NOW};
use crate::auth::{Member, Principal, Staff};
use crate::db::Clock;
use crate::error::AppError;
use crate::pricing::{CartonInput, Mode};
use crate::state::AppState;
use crate::testing::{self, test_state};
use crate::tracking::provider::TrackReport;
use crate::tracking::{self, Carrier, TrackEvent, TrackStatus, TrackingNumber};
use crate::types::Timestamp;
use crate::{ErrorKey, PageQuery};

const HOUR: i64 = 3_600_000;

struct World {
    state: AppState,
    admin: Principal,
    ops: Principal,
    cs: Principal,
    finance: Principal,
    sales: Principal,
    other_sales: Principal,
    alice: Principal,
    bob: Principal,
    quote: String,
    bobs_quote: String,
}

fn staff(s: &Staff) -> Principal {
    Principal::Staff(s.clone())
}

async fn world() -> World {
    let mut state = test_state().await;
    state.clock = Clock::manual(NOW);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let ops = testing::staff(&state, "ops", &["ops"]).await;
    let cs = testing::staff(&state, "cs_a", &["cs"]).await;
    let finance = testing::staff(&state, "finance", &["finance"]).await;
    let sales = testing::staff(&state, "sales", &["sales"]).await;
    let other_sales = testing::staff(&state, "sales_b", &["sales"]).await;
    let company = testing::company(&state, &admin, "深圳星辰", Some(&sales)).await;
    let rival = testing::company(&state, &admin, "广州优品", Some(&other_sales)).await;
    let alice: Member = testing::member(&state, &admin, &company, "张伟", "13800138001").await;
    let bob = testing::member(&state, &admin, &rival, "刘洋", "13800138004").await;
    testing::desk(&state, &admin, "aftersales", None).await;
    crate::pricing::service::seed_demo_channels(&state)
        .await
        .unwrap();
    let (alice, bob) = (Principal::Member(alice), Principal::Member(bob));
    let quote = save_quote(&state, &alice, 22.0).await.number;
    let bobs_quote = save_quote(&state, &bob, 22.0).await.number;
    World {
        state,
        admin: staff(&admin),
        ops: staff(&ops),
        cs: staff(&cs),
        finance: staff(&finance),
        sales: staff(&sales),
        other_sales: staff(&other_sales),
        alice,
        bob,
        quote,
        bobs_quote,
    }
}

/// A confirmed order of `who`, booked from `quote` (sea express).
async fn confirmed(w: &World, who: &Principal, quote: &str, key: &str) -> Order {
    let o = service::book_order(&w.state, who, &booking(quote, key))
        .await
        .unwrap();
    assert_eq!(o.mode, Mode::SeaExpress);
    service::confirm_order(&w.state, &w.ops, o.id, o.version)
        .await
        .unwrap()
}

/// A confirmed order received as booked and departed.
async fn departed(w: &World, who: &Principal, quote: &str, key: &str) -> Order {
    let o = confirmed(w, who, quote, key).await;
    let receipt = OrderReceipt {
        id: o.id,
        cartons: vec![CartonInput {
            count: 5,
            length_cm: 50.0,
            width_cm: 40.0,
            height_cm: 30.0,
            weight_kg: 22.0,
        }],
        note: String::new(),
        version: o.version,
    };
    let o = service::receive_order(&w.state, &w.ops, &receipt)
        .await
        .unwrap();
    let m = OrderMove {
        id: o.id,
        to: OrderStatus::Departed,
        note: String::new(),
        version: o.version,
    };
    service::move_order(&w.state, &w.ops, &m).await.unwrap()
}

async fn count(state: &AppState, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&state.db).await.unwrap()
}

async fn alerts(w: &World, who: &Principal, filter: AlertFilter) -> Vec<OrderAlert> {
    service::list_alerts(&w.state, who, &filter, PageQuery::default())
        .await
        .unwrap()
        .items
}

fn all() -> AlertFilter {
    AlertFilter {
        status: AlertShow::All,
        ..AlertFilter::default()
    }
}

async fn last_notice(state: &AppState) -> String {
    sqlx::query_scalar(
        "SELECT body FROM messages WHERE kind = 'system' ORDER BY created_at DESC, seq DESC LIMIT 1",
    )
    .fetch_one(&state.db)
    .await
    .unwrap()
}

async fn set_hours(w: &World, mode: Mode, hours: i64) {
    let s = AlertSettings {
        thresholds: vec![AlertThreshold { mode, hours }],
    };
    service::save_alert_settings(&w.state, &w.admin, &s)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_silent_shipment_raises_one_alert_however_often_the_scan_runs() {
    let w = world().await;
    let o = departed(&w, &w.alice, &w.quote, "silent-key-1").await;
    let threshold = default_hours(Mode::SeaExpress);

    w.state.clock.advance((threshold - 1) * HOUR);
    assert_eq!(service::scan_silent(&w.state).await.unwrap(), 0, "not yet");
    w.state.clock.advance(2 * HOUR);
    assert_eq!(service::scan_silent(&w.state).await.unwrap(), 1);
    assert_eq!(service::scan_silent(&w.state).await.unwrap(), 0, "once");

    let list = alerts(&w, &w.ops, AlertFilter::default()).await;
    assert_eq!(list.len(), 1);
    let a = &list[0];
    assert_eq!(
        (a.kind, a.order_id, a.order_status, a.status),
        (
            AlertKind::Silent,
            o.id,
            OrderStatus::Departed,
            AlertStatus::Open
        )
    );
    assert_eq!(a.since, o.updated_at, "silent since the departure");
    let outbox = count(
        &w.state,
        "SELECT COUNT(*) FROM outbox_events WHERE topic = 'order.alert'",
    )
    .await;
    assert_eq!(outbox, 1);
    let body = last_notice(&w.state).await;
    let number = o.order_number.unwrap();
    assert!(
        body.contains(&number) && body.contains("异常预警"),
        "{body}"
    );

    // A new status starts a new silence, alerted once again.
    let m = OrderMove {
        id: o.id,
        to: OrderStatus::Arrived,
        note: String::new(),
        version: o.version,
    };
    service::move_order(&w.state, &w.ops, &m).await.unwrap();
    w.state.clock.advance((threshold + 1) * HOUR);
    assert_eq!(service::scan_silent(&w.state).await.unwrap(), 1);
    assert_eq!(alerts(&w, &w.ops, all()).await.len(), 2);
}

#[tokio::test]
async fn the_threshold_of_the_orders_mode_applies_and_a_recent_event_raises_none() {
    let w = world().await;
    set_hours(&w, Mode::SeaExpress, 24).await;
    set_hours(&w, Mode::Express, 720).await;
    let quiet = departed(&w, &w.alice, &w.quote, "mode-key-01").await;
    w.state.clock.advance(20 * HOUR);
    let recent = departed(&w, &w.alice, &w.quote, "mode-key-02").await;
    w.state.clock.advance(5 * HOUR);

    assert_eq!(service::scan_silent(&w.state).await.unwrap(), 1);
    let list = alerts(&w, &w.ops, all()).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].order_id, quiet.id);
    assert_ne!(list[0].order_id, recent.id);
}

#[tokio::test]
async fn a_confirmed_order_is_watched_only_once_it_has_tracking_numbers() {
    let w = world().await;
    set_hours(&w, Mode::SeaExpress, 24).await;
    let o = confirmed(&w, &w.alice, &w.quote, "parcel-key-1").await;
    w.state.clock.advance(30 * HOUR);
    assert_eq!(service::scan_silent(&w.state).await.unwrap(), 0);

    let input = ParcelForSave {
        order_id: o.id,
        id: None,
        number: "SF1411620938917".into(),
        carrier: Some("sf".into()),
        cartons: String::new(),
    };
    service::save_parcel(&w.state, &w.alice, &input)
        .await
        .unwrap();
    w.state.clock.advance(10 * HOUR);
    assert_eq!(
        service::scan_silent(&w.state).await.unwrap(),
        0,
        "the number was added ten hours ago"
    );
    w.state.clock.advance(15 * HOUR);
    assert_eq!(service::scan_silent(&w.state).await.unwrap(), 1);
}

fn exception_report(at: i64) -> TrackReport {
    TrackReport {
        state: None,
        events: vec![
            TrackEvent {
                status: TrackStatus::InTransit,
                raw_status: "0 在途".into(),
                context: "快件已到达深圳转运中心".into(),
                place: None,
                time: Timestamp(at - 5 * HOUR),
                raw_time: String::new(),
            },
            TrackEvent {
                status: TrackStatus::Exception,
                raw_status: "2 疑难".into(),
                context: "收件地址不详，快件滞留".into(),
                place: Some("广东省,深圳市".into()),
                time: Timestamp(at),
                raw_time: String::new(),
            },
        ],
    }
}

#[tokio::test]
async fn a_couriers_exception_raises_one_alert_and_tells_the_customer_in_chat() {
    let w = world().await;
    let o = confirmed(&w, &w.alice, &w.quote, "track-key-1").await;
    let input = ParcelForSave {
        order_id: o.id,
        id: None,
        number: "SF1411620938917".into(),
        carrier: Some("sf".into()),
        cartons: String::new(),
    };
    service::save_parcel(&w.state, &w.alice, &input)
        .await
        .unwrap();
    let n = TrackingNumber::parse("SF1411620938917").unwrap();
    let report = exception_report(NOW - HOUR);

    tracking::service::store_report(&w.state, Carrier::Sf, &n, &report, "demo", None)
        .await
        .unwrap();
    tracking::service::store_report(&w.state, Carrier::Sf, &n, &report, "demo", None)
        .await
        .unwrap();

    let list = alerts(&w, &w.alice, AlertFilter::default()).await;
    assert_eq!(list.len(), 1, "a replay raises nothing: {list:?}");
    assert_eq!(list[0].kind, AlertKind::TrackingException);
    assert_eq!(list[0].since, Timestamp(NOW - HOUR));
    assert!(
        list[0].detail.contains("收件地址不详"),
        "{}",
        list[0].detail
    );
    let body = last_notice(&w.state).await;
    assert!(
        body.contains(o.order_number.as_deref().unwrap()) && body.contains("收件地址不详"),
        "{body}"
    );
    let convs = count(&w.state, "SELECT COUNT(*) FROM conversations").await;
    assert_eq!(convs, 1, "opened at the after-sales desk");
}

#[tokio::test]
async fn ops_putting_an_order_in_exception_raises_an_alert_with_their_note() {
    let w = world().await;
    let o = departed(&w, &w.alice, &w.quote, "hold-key-01").await;
    let m = OrderMove {
        id: o.id,
        to: OrderStatus::Exception,
        note: "海关查验".into(),
        version: o.version,
    };
    service::move_order(&w.state, &w.ops, &m).await.unwrap();
    let list = alerts(&w, &w.alice, AlertFilter::default()).await;
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0].kind, list[0].detail.as_str()),
        (AlertKind::OrderException, "海关查验")
    );
    assert!(last_notice(&w.state).await.contains("海关查验"));
}

async fn one_alert(w: &World) -> OrderAlert {
    let o = departed(w, &w.alice, &w.quote, "close-key-1").await;
    let m = OrderMove {
        id: o.id,
        to: OrderStatus::Exception,
        note: "破损".into(),
        version: o.version,
    };
    service::move_order(&w.state, &w.ops, &m).await.unwrap();
    alerts(w, &w.ops, AlertFilter::default()).await.remove(0)
}

#[tokio::test]
async fn an_alert_closes_once_and_the_second_close_is_a_conflict() {
    let w = world().await;
    let a = one_alert(&w).await;
    let e = service::close_alert(&w.state, &w.alice, a.id, None).await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
    let e = service::close_alert(&w.state, &w.cs, a.id, None).await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);

    let closed = service::close_alert(&w.state, &w.ops, a.id, Some(" 已联系客户 "))
        .await
        .unwrap();
    assert_eq!(closed.status, AlertStatus::Closed);
    assert_eq!(closed.close_note.as_deref(), Some("已联系客户"));
    assert_eq!(closed.closed_by.as_deref(), Some("ops name"));
    let again = service::close_alert(&w.state, &w.admin, a.id, None)
        .await
        .unwrap_err();
    assert_eq!(again, AppError::conflict("status", ErrorKey::AlertClosed));
    assert_eq!(again.status(), 409);
    let e = service::close_alert(&w.state, &w.ops, a.id + 1, None).await;
    assert_eq!(e.unwrap_err(), AppError::not_found("alert"));

    assert!(alerts(&w, &w.ops, AlertFilter::default()).await.is_empty());
    let mine = alerts(&w, &w.alice, all()).await;
    assert_eq!(mine[0].close_note, None, "the note is the staff's");
}

#[tokio::test]
async fn of_parallel_closes_exactly_one_succeeds() {
    let w = world().await;
    let a = one_alert(&w).await;
    let mut runs = tokio::task::JoinSet::new();
    for _ in 0..100 {
        let (state, who) = (w.state.clone(), w.ops.clone());
        runs.spawn(async move { service::close_alert(&state, &who, a.id, None).await });
    }
    let (mut ok, mut conflicts) = (0, 0);
    while let Some(done) = runs.join_next().await {
        match done.unwrap() {
            Ok(_) => ok += 1,
            Err(AppError::Conflict { field, .. }) if field == "status" => conflicts += 1,
            Err(e) => panic!("{e:?}"),
        }
    }
    assert_eq!((ok, conflicts), (1, 99));
}

#[tokio::test]
async fn parallel_scans_raise_exactly_one_alert() {
    let w = world().await;
    departed(&w, &w.alice, &w.quote, "burst-key-1").await;
    w.state
        .clock
        .advance((default_hours(Mode::SeaExpress) + 1) * HOUR);
    let mut runs = tokio::task::JoinSet::new();
    for _ in 0..30 {
        let state = w.state.clone();
        runs.spawn(async move { service::scan_silent(&state).await });
    }
    let mut raised = 0;
    while let Some(done) = runs.join_next().await {
        raised += done.unwrap().unwrap();
    }
    assert_eq!(raised, 1);
    assert_eq!(
        count(&w.state, "SELECT COUNT(*) FROM order_alerts").await,
        1
    );
    let notices = count(
        &w.state,
        "SELECT COUNT(*) FROM messages WHERE kind = 'system' AND body LIKE '%异常预警%'",
    )
    .await;
    assert_eq!(notices, 1, "the customer is told once");
}

#[tokio::test]
async fn each_caller_lists_only_the_alerts_in_their_scope() {
    let w = world().await;
    set_hours(&w, Mode::SeaExpress, 24).await;
    let mine = departed(&w, &w.alice, &w.quote, "scope-key-1").await;
    let theirs = departed(&w, &w.bob, &w.bobs_quote, "scope-key-2").await;
    w.state.clock.advance(25 * HOUR);
    assert_eq!(service::scan_silent(&w.state).await.unwrap(), 2);

    let ids = |list: Vec<OrderAlert>| list.into_iter().map(|a| a.order_id).collect::<Vec<_>>();
    assert_eq!(ids(alerts(&w, &w.alice, all()).await), vec![mine.id]);
    assert_eq!(ids(alerts(&w, &w.bob, all()).await), vec![theirs.id]);
    assert_eq!(ids(alerts(&w, &w.sales, all()).await), vec![mine.id]);
    assert_eq!(
        ids(alerts(&w, &w.other_sales, all()).await),
        vec![theirs.id]
    );
    for who in [&w.ops, &w.cs, &w.admin] {
        assert_eq!(alerts(&w, who, all()).await.len(), 2);
    }
    let foreign = AlertFilter {
        company_id: Some(theirs.company_id),
        ..all()
    };
    let e = service::list_alerts(&w.state, &w.alice, &foreign, PageQuery::default()).await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
    let e = service::list_alerts(&w.state, &w.finance, &all(), PageQuery::default()).await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
    let by_order = AlertFilter {
        order_id: Some(theirs.id),
        ..all()
    };
    assert!(alerts(&w, &w.alice, by_order).await.is_empty());
    let kind = AlertFilter {
        kind: Some(AlertKind::TrackingException),
        ..all()
    };
    assert!(alerts(&w, &w.ops, kind).await.is_empty());
}

#[tokio::test]
async fn settings_are_the_admins_and_a_bad_row_is_named() {
    let w = world().await;
    let s = service::alert_settings(&w.state, &w.ops).await.unwrap();
    assert_eq!(s.thresholds.len(), Mode::ALL.len());
    assert!(s
        .thresholds
        .iter()
        .all(|t| t.hours == default_hours(t.mode)));
    let bad = AlertSettings {
        thresholds: vec![
            AlertThreshold {
                mode: Mode::Sea,
                hours: 200,
            },
            AlertThreshold {
                mode: Mode::AirExpress,
                hours: 721,
            },
        ],
    };
    let e = service::save_alert_settings(&w.state, &w.admin, &bad)
        .await
        .unwrap_err();
    assert_eq!(
        e,
        AppError::validation("thresholds[1].hours", ErrorKey::AlertHoursInvalid)
    );
    let e = service::save_alert_settings(&w.state, &w.ops, &bad).await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
    let e = service::alert_settings(&w.state, &w.alice).await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
    let after = service::alert_settings(&w.state, &w.admin).await.unwrap();
    assert_eq!(after, s, "nothing half-saved");

    set_hours(&w, Mode::Sea, 200).await;
    let after = service::alert_settings(&w.state, &w.ops).await.unwrap();
    let sea = after.thresholds.iter().find(|t| t.mode == Mode::Sea);
    assert_eq!(sea.map(|t| t.hours), Some(200));
}

async fn mv(w: &World, o: &Order, to: OrderStatus, note: &str) -> Order {
    let m = OrderMove {
        id: o.id,
        to,
        note: note.into(),
        version: o.version,
    };
    service::move_order(&w.state, &w.ops, &m).await.unwrap()
}

#[tokio::test]
async fn a_move_closes_the_alerts_it_settles_as_the_platform() {
    let w = world().await;
    let o = departed(&w, &w.alice, &w.quote, "settle-key-1").await;
    w.state
        .clock
        .advance((default_hours(Mode::SeaExpress) + 1) * HOUR);
    assert_eq!(service::scan_silent(&w.state).await.unwrap(), 1);

    // Ops hold it: the silence is news no more, the hold is open.
    let o = mv(&w, &o, OrderStatus::Exception, "海关查验").await;
    let open = alerts(&w, &w.ops, AlertFilter::default()).await;
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].kind, AlertKind::OrderException);
    let silent = alerts(&w, &w.ops, all()).await;
    let silent = silent.iter().find(|a| a.kind == AlertKind::Silent).unwrap();
    assert_eq!(silent.status, AlertStatus::Closed);
    assert_eq!(silent.closed_by.as_deref(), Some("系统通知"));
    assert_eq!(silent.close_note.as_deref(), Some("订单异常"));

    // It resumes: the hold's alert closes with the status it resumed to.
    let o = mv(&w, &o, OrderStatus::Departed, "").await;
    assert!(alerts(&w, &w.ops, AlertFilter::default()).await.is_empty());
    let held = alerts(&w, &w.ops, all()).await;
    let held = held
        .iter()
        .find(|a| a.kind == AlertKind::OrderException)
        .unwrap();
    assert_eq!(held.close_note.as_deref(), Some("订单已发运"));

    // A new hold, then the order is cancelled: everything open closes.
    let o = mv(&w, &o, OrderStatus::Exception, "破损").await;
    assert_eq!(alerts(&w, &w.ops, AlertFilter::default()).await.len(), 1);
    service::cancel_order(&w.state, &w.ops, o.id, o.version, "客户要求退运")
        .await
        .unwrap();
    assert!(alerts(&w, &w.ops, AlertFilter::default()).await.is_empty());
    let closed = count(
        &w.state,
        "SELECT COUNT(*) FROM order_alerts WHERE status = 'closed' AND closed_by = '系统通知'",
    )
    .await;
    assert_eq!(closed, 3);
}

#[test]
fn a_courier_exception_stays_open_until_the_order_is_done() {
    use OrderStatus::*;
    assert!(!settled_by(Departed, Arrived).contains(&AlertKind::TrackingException));
    assert!(!settled_by(Exception, Departed).contains(&AlertKind::TrackingException));
    assert!(settled_by(Arrived, Delivered).contains(&AlertKind::TrackingException));
    assert!(settled_by(Departed, Cancelled).contains(&AlertKind::OrderException));
    assert!(!settled_by(Departed, Exception).contains(&AlertKind::OrderException));
}

#[tokio::test]
async fn a_move_reaches_the_sockets_of_the_companys_open_conversations_only() {
    use crate::chat::live::hub::Listener;
    use crate::chat::wire::ServerMsg;
    let w = world().await;
    let o = confirmed(&w, &w.alice, &w.quote, "live-key-1").await;
    // The exception's notice opens a conversation with after-sales.
    let o = mv(&w, &o, OrderStatus::Exception, "海关查验").await;
    let (Principal::Member(alice), Principal::Member(bob)) = (&w.alice, &w.bob) else {
        unreachable!()
    };
    let mut theirs = w.state.hub.register(Listener::Member(alice.id));
    let mut other = w.state.hub.register(Listener::Member(bob.id));
    let drain = |sub: &mut crate::chat::live::hub::Subscription| {
        let mut out = vec![];
        while let Ok(d) = sub.rx.try_recv() {
            out.push(d.msg.clone());
        }
        out
    };

    mv(&w, &o, OrderStatus::Confirmed, "").await;

    let got = drain(&mut theirs);
    assert!(
        got.contains(&ServerMsg::OrderChanged {
            number: o.number.clone()
        }),
        "{got:?}"
    );
    assert!(
        drain(&mut other).is_empty(),
        "another company hears nothing"
    );
}
