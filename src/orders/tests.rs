//! Orders on a real database (SQLite, and PostgreSQL with
//! `SHIPDESK_TEST_PG`): booking from a saved quote once per key, moves
//! along the timeline under races, receiving with the adjustment and the
//! chat line, lists and counts in each caller's scope, tracking numbers.

use super::model::*;
use super::service;
use crate::auth::{Principal, Staff};
use crate::db::Clock;
use crate::error::AppError;
use crate::pricing::{self, CartonInput, QuoteForSave, SavedQuote};
use crate::state::AppState;
use crate::testing::{self, test_state};
use crate::{ErrorKey, PageQuery};

/// 2026-12-02 12:00 in Shanghai.
pub(super) const NOW: i64 = 1_796_184_000_000;
const DAY: i64 = 86_400_000;

struct World {
    state: AppState,
    admin: Principal,
    ops: Principal,
    sales: Principal,
    other_sales: Principal,
    alice: Principal,
    bob: Principal,
    alice_member: crate::auth::Member,
    quote: SavedQuote,
}

fn staff(s: &Staff) -> Principal {
    Principal::Staff(s.clone())
}

async fn world() -> World {
    let mut state = test_state().await;
    state.clock = Clock::manual(NOW);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let ops = testing::staff(&state, "ops", &["ops"]).await;
    let sales = testing::staff(&state, "sales", &["sales"]).await;
    let other_sales = testing::staff(&state, "sales_b", &["sales"]).await;
    let company = testing::company(&state, &admin, "深圳星辰", Some(&sales)).await;
    let rival = testing::company(&state, &admin, "广州优品", Some(&other_sales)).await;
    let alice = testing::member(&state, &admin, &company, "张伟", "13800138001").await;
    let bob = testing::member(&state, &admin, &rival, "刘洋", "13800138004").await;
    assert!(pricing::service::seed_demo_channels(&state).await.unwrap() >= 30);
    let alice_p = Principal::Member(alice.clone());
    let quote = save_quote(&state, &alice_p, 22.0).await;
    World {
        state,
        admin: staff(&admin),
        ops: staff(&ops),
        sales: staff(&sales),
        other_sales: staff(&other_sales),
        alice: alice_p,
        bob: Principal::Member(bob),
        alice_member: alice,
        quote,
    }
}

pub(super) async fn save_quote(state: &AppState, who: &Principal, kg: f64) -> SavedQuote {
    let search = testing::ont8_search(kg);
    let answer = pricing::service::search_quotes(state, who, &search, false, None)
        .await
        .unwrap();
    let plan = answer
        .plans
        .iter()
        .find(|p| p.channel.mode == pricing::Mode::SeaExpress)
        .unwrap();
    let input = QuoteForSave {
        search,
        channel_id: plan.channel.id,
        company_id: None,
    };
    pricing::service::save_quote(state, who, &input)
        .await
        .unwrap()
}

fn carton(count: i64, kg: f64) -> CartonInput {
    CartonInput {
        count,
        length_cm: 50.0,
        width_cm: 40.0,
        height_cm: 30.0,
        weight_kg: kg,
    }
}

pub(super) use crate::testing::booking;

async fn book(w: &World, key: &str) -> Order {
    service::book_order(&w.state, &w.alice, &booking(&w.quote.number, key))
        .await
        .unwrap()
}

fn to(id: crate::Id, status: OrderStatus, note: &str, version: i64) -> OrderMove {
    OrderMove {
        id,
        to: status,
        note: note.into(),
        version,
    }
}

fn field_of(e: AppError) -> String {
    match e {
        AppError::Validation { field, .. } | AppError::Conflict { field, .. } => field,
        other => panic!("expected a field error, got {other:?}"),
    }
}

async fn count(state: &AppState, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&state.db).await.unwrap()
}

#[tokio::test]
async fn a_customer_books_a_pre_order_at_the_quotes_price_with_its_first_event() {
    let w = world().await;
    let o = book(&w, "web-key-0001").await;
    assert!(o.number.starts_with("P20261202-"), "{}", o.number);
    assert_eq!(o.status, OrderStatus::Booked);
    assert_eq!(o.total_fen, w.quote.total_fen);
    assert_eq!(o.quote_number, w.quote.number);
    assert_eq!(o.destination, "ONT8");
    assert!(o.detail.repriced.is_none());
    assert_eq!(
        o.detail.plan.cost_total_fen, None,
        "a member never sees the cost"
    );
    assert_eq!(o.events.len(), 1);
    assert_eq!(
        (o.events[0].to, o.events[0].by_name.as_str()),
        (OrderStatus::Booked, "张伟")
    );
    let staff_view = service::get_order(&w.state, &w.ops, o.id).await.unwrap();
    assert!(staff_view.detail.plan.cost_total_fen.is_some());
    let created = count(
        &w.state,
        "SELECT COUNT(*) FROM outbox_events WHERE topic = 'order.created'",
    )
    .await;
    assert_eq!(created, 1);
}

#[tokio::test]
async fn the_same_client_key_sent_in_parallel_books_one_order() {
    let w = world().await;
    let input = booking(&w.quote.number, "web-key-burst");
    let mut runs = tokio::task::JoinSet::new();
    for _ in 0..6 {
        let (state, who, input) = (w.state.clone(), w.alice.clone(), input.clone());
        runs.spawn(async move { service::book_order(&state, &who, &input).await });
    }
    let mut ids = std::collections::HashSet::new();
    while let Some(done) = runs.join_next().await {
        ids.insert(done.unwrap().unwrap().id);
    }
    assert_eq!(ids.len(), 1);
    assert_eq!(count(&w.state, "SELECT COUNT(*) FROM orders").await, 1);
}

#[tokio::test]
async fn another_companys_quote_cannot_be_booked() {
    let w = world().await;
    let e = service::book_order(&w.state, &w.bob, &booking(&w.quote.number, "bob-key-0001"))
        .await
        .unwrap_err();
    assert_eq!(
        e,
        AppError::validation("quote_number", ErrorKey::OrderQuoteUnknown)
    );
    let e = service::book_order(
        &w.state,
        &w.sales,
        &booking(&w.quote.number, "sales-key-01"),
    )
    .await
    .unwrap_err();
    assert_eq!(e, AppError::Forbidden);
    assert_eq!(count(&w.state, "SELECT COUNT(*) FROM orders").await, 0);
}

#[tokio::test]
async fn bad_bookings_name_the_field_and_save_nothing() {
    let w = world().await;
    let mut b = booking(&w.quote.number, "bad-key-0001");
    b.cartons = vec![carton(2, 0.0)];
    assert_eq!(
        field_of(
            service::book_order(&w.state, &w.alice, &b)
                .await
                .unwrap_err()
        ),
        "cartons[0].weight_kg"
    );
    let mut b = booking(&w.quote.number, "bad-key-0002");
    b.consignee = Consignee::Fba {
        fba_code: "LAX9".into(),
        shipment_id: "FBA17ABCD123".into(),
        reference_id: None,
    };
    assert_eq!(
        field_of(
            service::book_order(&w.state, &w.alice, &b)
                .await
                .unwrap_err()
        ),
        "consignee.fba_code"
    );
    let mut b = booking(&w.quote.number, "bad-key-0003");
    b.goods[0].hs_code = "12".into();
    assert_eq!(
        field_of(
            service::book_order(&w.state, &w.alice, &b)
                .await
                .unwrap_err()
        ),
        "goods[0].hs_code"
    );
    let b = booking(&w.quote.number, "short");
    assert_eq!(
        field_of(
            service::book_order(&w.state, &w.alice, &b)
                .await
                .unwrap_err()
        ),
        "client_key"
    );
    assert_eq!(count(&w.state, "SELECT COUNT(*) FROM orders").await, 0);
    assert_eq!(
        count(&w.state, "SELECT COUNT(*) FROM order_events").await,
        0
    );
}

#[tokio::test]
async fn an_expired_quote_is_priced_again_on_the_booking_day_with_a_notice() {
    let w = world().await;
    w.state.clock.advance(10 * DAY);
    let o = book(&w, "late-key-0001").await;
    let notice = o.detail.repriced.expect("a re-price notice");
    assert_eq!(notice.quoted_total_fen, w.quote.total_fen);
    assert_eq!(notice.total_fen, o.total_fen);
    assert_eq!(notice.quote_valid_until, w.quote.valid_until);
}

#[tokio::test]
async fn ops_confirm_a_pre_order_into_an_order_and_of_two_at_once_one_wins() {
    let w = world().await;
    let o = book(&w, "web-key-0002").await;
    let (a, b) = tokio::join!(
        service::confirm_order(&w.state, &w.ops, o.id, o.version),
        service::confirm_order(&w.state, &w.admin, o.id, o.version),
    );
    let (won, lost) = if a.is_ok() { (a, b) } else { (b, a) };
    let won = won.unwrap();
    assert_eq!(
        lost.unwrap_err(),
        AppError::conflict("version", ErrorKey::OrderChanged)
    );
    assert_eq!(won.status, OrderStatus::Confirmed);
    assert!(won
        .order_number
        .as_deref()
        .unwrap()
        .starts_with("O20261202-"));
    assert_eq!(won.events.len(), 2);
    let moved = count(
        &w.state,
        "SELECT COUNT(*) FROM outbox_events WHERE topic = 'order.status_changed'",
    )
    .await;
    assert_eq!(moved, 1);
}

#[tokio::test]
async fn the_state_machine_refuses_illegal_moves_and_moves_without_a_reason() {
    let w = world().await;
    let o = book(&w, "web-key-0003").await;
    let e = service::move_order(
        &w.state,
        &w.ops,
        &to(o.id, OrderStatus::Departed, "", o.version),
    )
    .await;
    assert_eq!(
        e.unwrap_err(),
        AppError::validation("to", ErrorKey::OrderMoveIllegal)
    );
    let e = service::reject_order(&w.state, &w.ops, o.id, o.version, " ").await;
    assert_eq!(
        e.unwrap_err(),
        AppError::validation("note", ErrorKey::OrderReasonRequired)
    );
    let e = service::confirm_order(&w.state, &w.alice, o.id, o.version).await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
    let e = service::confirm_order(&w.state, &w.sales, o.id, o.version).await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
    let rejected = service::reject_order(&w.state, &w.ops, o.id, o.version, "品名不清")
        .await
        .unwrap();
    assert_eq!(rejected.status, OrderStatus::Rejected);
    assert_eq!(rejected.events.last().unwrap().note, "品名不清");
}

#[tokio::test]
async fn a_customer_cancels_a_waiting_pre_order_but_not_a_confirmed_one() {
    let w = world().await;
    let a = book(&w, "web-key-0004").await;
    let cancelled = service::cancel_order(&w.state, &w.alice, a.id, a.version, "不发了")
        .await
        .unwrap();
    assert_eq!(cancelled.status, OrderStatus::Cancelled);
    let b = book(&w, "web-key-0005").await;
    let b = service::confirm_order(&w.state, &w.ops, b.id, b.version)
        .await
        .unwrap();
    let e = service::cancel_order(&w.state, &w.alice, b.id, b.version, "不发了").await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
    let e = service::cancel_order(&w.state, &w.bob, b.id, b.version, "x").await;
    assert_eq!(e.unwrap_err(), AppError::not_found("order"));
}

#[tokio::test]
async fn heavier_measured_cartons_show_the_adjustment_and_tell_the_customer_in_chat() {
    let w = world().await;
    let root = match &w.admin {
        Principal::Staff(s) => s.clone(),
        _ => unreachable!(),
    };
    testing::desk(&w.state, &root, "aftersales", None).await;
    let o = book(&w, "web-key-0006").await;
    let o = service::confirm_order(&w.state, &w.ops, o.id, o.version)
        .await
        .unwrap();
    let receipt = OrderReceipt {
        id: o.id,
        cartons: vec![carton(5, 30.0)],
        note: "实测".into(),
        version: o.version,
    };
    let e = service::receive_order(&w.state, &w.alice, &receipt).await;
    assert_eq!(e.unwrap_err(), AppError::Forbidden);
    let got = service::receive_order(&w.state, &w.ops, &receipt)
        .await
        .unwrap();
    assert_eq!(got.status, OrderStatus::Received);
    let m = got.measured.as_ref().unwrap();
    let a = m.adjustment.as_ref().expect("an adjustment");
    assert!(a.actual.chargeable > a.quoted.chargeable);
    assert!(a.difference_fen > 0);
    assert_eq!(
        a.lines.iter().map(|l| l.difference_fen).sum::<i64>(),
        a.difference_fen
    );
    assert_eq!(got.actual_total_fen, Some(a.actual_total_fen));
    assert_eq!(a.quoted_total_fen, o.total_fen);
    let adjusted = count(
        &w.state,
        "SELECT COUNT(*) FROM outbox_events WHERE topic = 'order.adjusted'",
    )
    .await;
    assert_eq!(adjusted, 1);
    let convs = crate::chat::service::list::member_conversations(&w.state, &w.alice_member)
        .await
        .unwrap();
    assert_eq!(
        convs.len(),
        1,
        "a conversation opened at the after-sales desk"
    );
    let body: String = sqlx::query_scalar(
        "SELECT body FROM messages WHERE kind = 'system' ORDER BY seq DESC LIMIT 1",
    )
    .fetch_one(&w.state.db)
    .await
    .unwrap();
    assert!(
        body.contains(&o.number) && body.contains("已入仓"),
        "{body}"
    );
}

#[tokio::test]
async fn each_caller_lists_and_counts_only_the_orders_in_their_scope() {
    let w = world().await;
    let a = book(&w, "web-key-0007").await;
    book(&w, "web-key-0008").await;
    service::confirm_order(&w.state, &w.ops, a.id, a.version)
        .await
        .unwrap();
    let bob_quote = save_quote(&w.state, &w.bob, 40.0).await;
    service::book_order(
        &w.state,
        &w.bob,
        &booking(&bob_quote.number, "bob-key-0002"),
    )
    .await
    .unwrap();
    let all = OrderFilter::default();
    let page = PageQuery::default();
    let total = |who: &Principal| {
        let (s, f) = (&w.state, &all);
        let who = who.clone();
        async move { service::list_orders(s, &who, f, page).await.unwrap().total }
    };
    assert_eq!(total(&w.alice).await, 2);
    assert_eq!(total(&w.bob).await, 1);
    assert_eq!(total(&w.sales).await, 2);
    assert_eq!(total(&w.other_sales).await, 1);
    assert_eq!(total(&w.ops).await, 3);
    let counts = service::count_orders(&w.state, &w.alice, None, false)
        .await
        .unwrap();
    assert_eq!((counts.total, counts.pending, counts.processed), (2, 1, 1));
    let e = service::get_order(&w.state, &w.bob, a.id)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("order"));
    let e = service::get_order(&w.state, &w.other_sales, a.id)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("order"));
}

#[tokio::test]
async fn the_list_filters_by_status_day_destination_and_number() {
    let w = world().await;
    let a = book(&w, "web-key-0009").await;
    w.state.clock.advance(DAY);
    book(&w, "web-key-0010").await;
    service::confirm_order(&w.state, &w.ops, a.id, a.version)
        .await
        .unwrap();
    let list = |f: OrderFilter| {
        let s = &w.state;
        let who = w.ops.clone();
        async move { service::list_orders(s, &who, &f, PageQuery::default()).await }
    };
    let f = OrderFilter {
        status: Some(OrderStatus::Confirmed),
        ..Default::default()
    };
    assert_eq!(list(f).await.unwrap().items[0].id, a.id);
    let f = OrderFilter {
        from: Some("2026-12-03".into()),
        ..Default::default()
    };
    assert_eq!(list(f).await.unwrap().total, 1);
    let f = OrderFilter {
        to: Some("2026-12-02".into()),
        ..Default::default()
    };
    assert_eq!(list(f).await.unwrap().items[0].id, a.id);
    let f = OrderFilter {
        destination: Some("lax9".into()),
        ..Default::default()
    };
    assert_eq!(list(f).await.unwrap().total, 0);
    let f = OrderFilter {
        q: Some(a.number.to_lowercase()),
        ..Default::default()
    };
    assert_eq!(list(f).await.unwrap().total, 1);
    let f = OrderFilter {
        from: Some("2026-12-05".into()),
        to: Some("2026-12-01".into()),
        ..Default::default()
    };
    assert_eq!(field_of(list(f).await.unwrap_err()), "to");
}

#[tokio::test]
async fn a_tracking_number_belongs_to_one_order_and_sales_only_read_them() {
    let w = world().await;
    let a = book(&w, "web-key-0011").await;
    let b = book(&w, "web-key-0012").await;
    let add = |order_id, number: &str| ParcelForSave {
        order_id,
        id: None,
        number: number.into(),
        carrier: Some("sf".into()),
        cartons: "1-5".into(),
    };
    let list = service::save_parcel(&w.state, &w.alice, &add(a.id, "sf 1234 5678 9012"))
        .await
        .unwrap();
    assert_eq!(list[0].number, "SF123456789012");
    let e = service::save_parcel(&w.state, &w.alice, &add(b.id, "SF123456789012"))
        .await
        .unwrap_err();
    assert_eq!(e, AppError::conflict("number", ErrorKey::ParcelNumberTaken));
    let e = service::save_parcel(&w.state, &w.sales, &add(a.id, "SF999956789012"))
        .await
        .unwrap_err();
    assert_eq!(e, AppError::Forbidden);
    assert_eq!(
        service::list_parcels(&w.state, &w.sales, a.id)
            .await
            .unwrap()
            .len(),
        1
    );
    let e = service::list_parcels(&w.state, &w.bob, a.id)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("order"));
    let e = service::save_parcel(&w.state, &w.alice, &add(a.id, "!!"))
        .await
        .unwrap_err();
    assert_eq!(field_of(e), "number");
    let left = service::delete_parcel(&w.state, &w.ops, a.id, list[0].id)
        .await
        .unwrap();
    assert!(left.is_empty());
}

#[tokio::test]
async fn an_export_walks_the_filtered_list_in_the_callers_scope_and_reads_back_as_a_sheet() {
    use crate::auth::Lang;
    use crate::orders::export::{cells, csv_line, XlsxExport};
    let w = world().await;
    let a = book(&w, "web-key-0013").await;
    book(&w, "web-key-0014").await;
    service::confirm_order(&w.state, &w.ops, a.id, a.version)
        .await
        .unwrap();
    let mut rows = vec![];
    let mut sheet = XlsxExport::new(Lang::Zh).unwrap();
    let n = service::export_orders(&w.state, &w.alice, &OrderFilter::default(), |chunk| {
        rows.extend(chunk.iter().map(|o| csv_line(&cells(o, Lang::Zh))));
        sheet.push(chunk)
    })
    .await
    .unwrap();
    assert_eq!(n, 2);
    assert!(rows[1].starts_with(&a.number), "newest first: {rows:?}");
    assert!(rows[1].contains("已确认"));
    let bytes = sheet.finish().unwrap();
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(range.height(), 3);
    assert_eq!(range.get((0, 0)).unwrap().to_string(), "预订单号");
    let confirmed = OrderFilter {
        status: Some(OrderStatus::Confirmed),
        ..Default::default()
    };
    let n = service::export_orders(&w.state, &w.bob, &confirmed, |_| Ok(()))
        .await
        .unwrap();
    assert_eq!(n, 0, "another company's orders are not exported");
}

#[tokio::test]
async fn a_followed_export_records_its_progress_for_its_caller_only() {
    let w = world().await;
    for key in ["web-key-0021", "web-key-0022", "web-key-0023"] {
        book(&w, key).await;
    }
    let id = "x19ab3c4d5e6f";
    let before = service::get_export_progress(&w.state, &w.alice, id)
        .await
        .unwrap();
    assert!(!before.started, "not started before the download arrives");

    let mut cursor = service::export_cursor(&w.alice, &OrderFilter::default()).unwrap();
    cursor.track(&w.state, &w.alice, id).await.unwrap();
    let at_start = service::get_export_progress(&w.state, &w.alice, id)
        .await
        .unwrap();
    assert_eq!(
        (
            at_start.started,
            at_start.total,
            at_start.done,
            at_start.finished
        ),
        (true, 3, 0, false)
    );
    while cursor.next(&w.state).await.unwrap().is_some() {}
    let written = service::get_export_progress(&w.state, &w.alice, id)
        .await
        .unwrap();
    assert_eq!(
        (written.done, written.finished),
        (3, false),
        "written, not complete"
    );
    cursor.finish(&w.state, false).await;
    let done = service::get_export_progress(&w.state, &w.alice, id)
        .await
        .unwrap();
    assert!(done.finished && !done.failed);

    let theirs = service::get_export_progress(&w.state, &w.bob, id)
        .await
        .unwrap();
    assert!(
        !theirs.started,
        "another caller's export is not theirs to read"
    );
    let e = service::get_export_progress(&w.state, &w.alice, "../x")
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("progress"));
    let mut again = service::export_cursor(&w.alice, &OrderFilter::default()).unwrap();
    let e = again.track(&w.state, &w.alice, "short").await.unwrap_err();
    assert_eq!(e.field(), Some("progress"));
}

#[tokio::test]
async fn a_salesperson_books_a_quick_order_with_an_act_as_token_for_their_own_customer() {
    let w = world().await;
    let Principal::Staff(sales) = &w.sales else {
        unreachable!()
    };
    let Principal::Staff(other) = &w.other_sales else {
        unreachable!()
    };
    let e = service::create_act_as_token(&w.state, other, w.alice_member.id, 10)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("member"), "not their customer");
    let e = service::create_act_as_token(&w.state, sales, w.alice_member.id, 90)
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("minutes"));
    let t = service::create_act_as_token(&w.state, sales, w.alice_member.id, 10)
        .await
        .unwrap();
    assert!(t.token.starts_with("sda_") && t.token.len() == 68);
    let input = QuoteForSave {
        search: testing::ont8_search(22.0),
        channel_id: w.quote.plan.channel.id,
        company_id: Some(t.company_id),
    };
    let quote = pricing::service::save_quote(&w.state, &w.sales, &input)
        .await
        .unwrap();
    let e = service::book_quick_order(
        &w.state,
        other,
        &t.token,
        &booking(&quote.number, "quick-key-0001"),
    )
    .await;
    assert_eq!(
        e.unwrap_err().field(),
        Some("token"),
        "only its salesperson uses it"
    );
    let o = service::book_quick_order(
        &w.state,
        sales,
        &t.token,
        &booking(&quote.number, "quick-key-0001"),
    )
    .await
    .unwrap();
    assert!(o.quick);
    assert_eq!(o.booked_by, format!("{} → 张伟", sales.name));
    assert_eq!(o.events[0].acting_for.as_deref(), Some("张伟"));
    let quick = OrderFilter {
        quick_only: true,
        ..Default::default()
    };
    let mine = service::list_orders(&w.state, &w.sales, &quick, PageQuery::default())
        .await
        .unwrap();
    assert_eq!(
        mine.items.iter().map(|o| o.id).collect::<Vec<_>>(),
        vec![o.id]
    );
    book(&w, "quick-plain-01").await;
    let counts = service::count_orders(&w.state, &w.sales, None, true)
        .await
        .unwrap();
    assert_eq!((counts.total, counts.pending, counts.processed), (1, 1, 0));
    let all = service::count_orders(&w.state, &w.alice, None, false)
        .await
        .unwrap();
    assert_eq!(all.total, 2, "the customer's own order counts too");
    let theirs = service::count_orders(&w.state, &w.alice, None, true)
        .await
        .unwrap();
    assert_eq!(theirs.total, 1, "of the customer's, the quick one");
    let seen = service::get_order(&w.state, &w.alice, o.id).await.unwrap();
    assert_eq!(
        seen.company_id, t.company_id,
        "the customer sees it as theirs"
    );
    let mine = service::get_order(&w.state, &w.sales, o.id).await.unwrap();
    assert!(
        mine.may_cancel,
        "its salesperson may cancel it while it waits"
    );
    let cancelled = service::cancel_order(&w.state, &w.sales, o.id, o.version, "客户改主意")
        .await
        .unwrap();
    assert_eq!(cancelled.status, OrderStatus::Cancelled);
    let gone = service::get_order(&w.state, &w.sales, o.id).await.unwrap();
    assert!(!gone.may_cancel, "not once cancelled");
    let counts = service::count_orders(&w.state, &w.sales, None, true)
        .await
        .unwrap();
    assert_eq!(
        (counts.total, counts.pending, counts.processed),
        (1, 0, 0),
        "a cancelled one is neither"
    );
    w.state.clock.advance(11 * 60_000);
    let e = service::book_quick_order(
        &w.state,
        sales,
        &t.token,
        &booking(&quote.number, "quick-key-0002"),
    )
    .await;
    assert_eq!(e.unwrap_err().field(), Some("token"), "expired");
}

#[tokio::test]
async fn parallel_tracking_numbers_never_pass_the_orders_cap() {
    let w = world().await;
    let o = book(&w, "web-key-0015").await;
    let cap = service::MAX_PARCELS as usize;
    let mut runs = tokio::task::JoinSet::new();
    for i in 0..cap + 40 {
        let (state, who) = (w.state.clone(), w.alice.clone());
        let input = ParcelForSave {
            order_id: o.id,
            id: None,
            number: format!("SF{:012}", 100_000 + i),
            carrier: Some("sf".into()),
            cartons: String::new(),
        };
        runs.spawn(async move { service::save_parcel(&state, &who, &input).await });
    }
    let (mut ok, mut refused) = (0, 0);
    while let Some(r) = runs.join_next().await {
        match r.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => {
                assert_eq!(e, AppError::validation("number", ErrorKey::ParcelsTooMany));
                refused += 1;
            }
        }
    }
    assert_eq!((ok, refused), (cap, 40));
    assert_eq!(
        service::list_parcels(&w.state, &w.alice, o.id)
            .await
            .unwrap()
            .len(),
        cap
    );
}
