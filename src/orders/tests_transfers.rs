//! Transfer numbers (转单号) on a real database (SQLite, and PostgreSQL with
//! `SHIPDESK_TEST_PG`): a sheet previews without saving and applies all or
//! nothing, replacing the numbers of the orders it names; every bad row is
//! named; a provider uploads and reads only the orders assigned to them;
//! parallel uploads of one number leave it on one order, whole.

use super::model::*;
use super::service;
use super::tests::{booking, save_quote, NOW};
use super::transfer::*;
use crate::auth::{Principal, Staff};
use crate::db::Clock;
use crate::error::AppError;
use crate::state::AppState;
use crate::testing::{self, test_state};
use crate::tracking::Carrier;
use crate::{ErrorKey, PageQuery};

struct World {
    state: AppState,
    ops: Staff,
    provider: Staff,
    other_provider: Staff,
    sales: Staff,
    alice: Principal,
    /// Confirmed, five cartons each.
    o1: Order,
    o2: Order,
    /// Booked, not confirmed.
    waiting: Order,
}

async fn world() -> World {
    let mut state = test_state().await;
    state.clock = Clock::manual(NOW);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let ops = testing::staff(&state, "ops", &["ops"]).await;
    let provider = testing::staff(&state, "prov", &["provider"]).await;
    let other_provider = testing::staff(&state, "prov_b", &["provider"]).await;
    let sales = testing::staff(&state, "sales", &["sales"]).await;
    let company = testing::company(&state, &admin, "深圳星辰", Some(&sales)).await;
    let alice =
        Principal::Member(testing::member(&state, &admin, &company, "张伟", "13800138001").await);
    crate::pricing::service::seed_demo_channels(&state)
        .await
        .unwrap();
    let quote = save_quote(&state, &alice, 22.0).await;
    let ops_p = Principal::Staff(ops.clone());
    let mut orders = vec![];
    for key in ["transfer-1", "transfer-2", "transfer-3"] {
        let o = service::book_order(&state, &alice, &booking(&quote.number, key))
            .await
            .unwrap();
        orders.push(o);
    }
    let waiting = orders.pop().unwrap();
    let mut confirmed = vec![];
    for o in orders {
        confirmed.push(
            service::confirm_order(&state, &ops_p, o.id, o.version)
                .await
                .unwrap(),
        );
    }
    let o2 = confirmed.pop().unwrap();
    let o1 = confirmed.pop().unwrap();
    World {
        state,
        ops,
        provider,
        other_provider,
        sales,
        alice,
        o1,
        o2,
        waiting,
    }
}

fn no(o: &Order) -> String {
    o.order_number.clone().unwrap_or_else(|| o.number.clone())
}

fn row(order: &str, cartons: &str, carrier: &str, number: &str) -> TransferRowInput {
    TransferRowInput {
        order_number: order.into(),
        cartons: cartons.into(),
        carrier: Some(carrier.to_owned()).filter(|c| !c.is_empty()),
        number: number.into(),
    }
}

/// An `.xlsx` sheet with the template's header and these rows.
fn sheet(rows: &[[&str; 4]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

async fn transfers(w: &World, o: &Order) -> Vec<Transfer> {
    service::get_order(&w.state, &Principal::Staff(w.ops.clone()), o.id)
        .await
        .unwrap()
        .transfers
}

async fn stored(state: &AppState) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM order_transfers")
        .fetch_one(&state.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_good_sheet_previews_without_saving_then_applies_replacing_the_orders_numbers() {
    let w = world().await;
    let (n1, n2) = (no(&w.o1), no(&w.o2));
    let file = sheet(&[
        [&n1, "1-2", "", "1Z999AA10123456784"],
        [&n1, "3-5", "FedEx", "794612345678"],
        [&n2, "", "", ""],
        [&n2.to_lowercase(), "1~5", "amazon", "TBA502887274000"],
    ]);
    let preview = service::preview_transfers(&w.state, &w.ops, &file)
        .await
        .unwrap();
    assert_eq!(preview.errors, vec![]);
    assert_eq!(preview.orders, 2);
    assert_eq!(
        preview.input.len(),
        4,
        "every row is kept, to apply as read"
    );
    let rows: Vec<_> = preview
        .rows
        .iter()
        .map(|r| (r.row, r.carton_from, r.carton_to, r.carrier))
        .collect();
    assert_eq!(
        rows,
        [
            (2, 1, 2, Carrier::Ups),
            (3, 3, 5, Carrier::Fedex),
            (5, 1, 5, Carrier::Amazon)
        ]
    );
    assert_eq!(stored(&w.state).await, 0, "a preview saves nothing");

    let applied = service::apply_transfers(&w.state, &w.ops, preview.input)
        .await
        .unwrap();
    assert_eq!(
        applied,
        TransferApplied {
            orders: 2,
            numbers: 3
        }
    );
    let t1 = transfers(&w, &w.o1).await;
    assert_eq!(
        t1.iter().map(|t| t.number.as_str()).collect::<Vec<_>>(),
        ["1Z999AA10123456784", "794612345678"]
    );
    assert_eq!(t1[0].uploaded_by, "ops name");

    // A second upload for the first order replaces its numbers only.
    let again = vec![row(&n1, "1-5", "dhl", "1234567890")];
    service::apply_transfers(&w.state, &w.ops, again)
        .await
        .unwrap();
    let t1 = transfers(&w, &w.o1).await;
    assert_eq!(t1.len(), 1);
    assert_eq!((t1[0].carrier, t1[0].carton_to), (Carrier::Dhl, 5));
    assert_eq!(transfers(&w, &w.o2).await.len(), 1);
    // The customer sees them on their order.
    let mine = service::get_order(&w.state, &w.alice, w.o2.id)
        .await
        .unwrap();
    assert_eq!(mine.transfers[0].number, "TBA502887274000");
}

#[tokio::test]
async fn every_bad_row_is_named_by_row_column_and_problem_and_nothing_is_saved() {
    let w = world().await;
    let (n1, n2) = (no(&w.o1), no(&w.o2));
    service::apply_transfers(&w.state, &w.ops, vec![row(&n2, "1-5", "ups", "TAKEN00001")])
        .await
        .unwrap();
    let before = stored(&w.state).await;
    let input = vec![
        row("O20991231-9999", "1", "ups", "NUMBER0001"), // 2: unknown order
        row(&n1, "0", "ups", "NUMBER0002"),              // 3: bad cartons
        row(&n1, "1-9", "ups", "NUMBER0003"),            // 4: past 5 cartons
        row(&n1, "1-3", "ups", "NUMBER0004"),            // 5
        row(&n1, "3-4", "ups", "NUMBER0005"),            // 6: overlaps row 5
        row(&n1, "5", "ups", "12"),                      // 7: bad number
        row(&n1, "5", "pigeon", "NUMBER0006"),           // 8: unknown carrier
        row(&n1, "5", "ups", "NUMBER0004"),              // 9: twice in the rows
        row(&n1, "5", "ups", "TAKEN00001"),              // 10: on another order
        row(&no(&w.waiting), "1", "ups", "NUMBER0007"),  // 11: not confirmed
        row(&n1, "5", "", "ZZ"),                         // 12: bad number
    ];
    let preview = service::check_transfers(&w.state, &w.ops, input.clone())
        .await
        .unwrap();
    let got: Vec<_> = preview
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str(), e.problem))
        .collect();
    use TransferProblem::*;
    assert_eq!(
        got,
        [
            (2, "A", UnknownOrder),
            (3, "B", CartonsInvalid),
            (4, "B", CartonsOutOfRange),
            (6, "B", CartonsOverlap),
            (7, "D", NumberInvalid),
            (8, "C", CarrierUnknown),
            (9, "D", NumberDuplicate),
            (10, "D", NumberTaken),
            (11, "A", OrderNotOpen),
            (12, "D", NumberInvalid),
        ]
    );
    assert_eq!(preview.errors[0].field, "rows[0].order_number");
    assert!(preview.rows.is_empty());
    let e = service::apply_transfers(&w.state, &w.ops, input)
        .await
        .unwrap_err();
    assert_eq!(
        e,
        AppError::validation("rows[0].order_number", ErrorKey::TransferRowsInvalid)
    );
    assert_eq!(stored(&w.state).await, before, "a bad row saves nothing");

    // A sheet without the template's header, and one with nothing to do.
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "单号").unwrap();
    let bad_head = book.save_to_buffer().unwrap();
    let p = service::preview_transfers(&w.state, &w.ops, &bad_head)
        .await
        .unwrap();
    assert_eq!(p.errors[0].problem, BadHeader);
    let p = service::preview_transfers(&w.state, &w.ops, &sheet(&[[&n1, "1", "", ""]]))
        .await
        .unwrap();
    assert_eq!(p.errors[0].problem, NoRows);
    let e = service::preview_transfers(&w.state, &w.ops, b"not a sheet")
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("file"));
}

#[tokio::test]
async fn a_provider_uploads_and_reads_only_the_orders_assigned_to_them() {
    let w = world().await;
    let (n1, n2) = (no(&w.o1), no(&w.o2));
    let prov = Principal::Staff(w.provider.clone());
    // Before any assignment the provider sees nothing.
    let e = service::get_order(&w.state, &prov, w.o1.id)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::not_found("order"));
    let assigned = service::assign_provider(&w.state, &w.ops, w.o1.id, Some(w.provider.id))
        .await
        .unwrap();
    assert_eq!(assigned.provider_name.as_deref(), Some("prov name"));
    assert_eq!(
        service::list_providers(&w.state, &w.ops)
            .await
            .unwrap()
            .len(),
        2
    );

    let seen = service::get_order(&w.state, &prov, w.o1.id).await.unwrap();
    assert_eq!(
        seen.detail.plan.cost_total_fen, None,
        "a provider never sees the cost"
    );
    assert_eq!(
        service::get_order(&w.state, &prov, w.o2.id)
            .await
            .unwrap_err(),
        AppError::not_found("order")
    );
    let list = service::list_orders(
        &w.state,
        &prov,
        &OrderFilter::default(),
        PageQuery::default(),
    )
    .await
    .unwrap();
    assert_eq!(
        list.items.iter().map(|o| o.id).collect::<Vec<_>>(),
        [w.o1.id]
    );
    let other = Principal::Staff(w.other_provider.clone());
    let none = service::list_orders(
        &w.state,
        &other,
        &OrderFilter::default(),
        PageQuery::default(),
    )
    .await
    .unwrap();
    assert_eq!(none.total, 0);

    let template = service::transfer_template(&w.state, &w.provider)
        .await
        .unwrap();
    let cells = super::transfer_xlsx::read(&template.bytes).unwrap();
    assert_eq!(cells[1][..2], [n1.clone(), "1-5".to_owned()]);
    assert_eq!(cells.len(), 2, "only the provider's own orders");

    let rows = vec![
        row(&n1, "1-5", "ups", "PROV000001"),
        row(&n2, "1-5", "ups", "PROV000002"),
    ];
    let p = service::check_transfers(&w.state, &w.provider, rows)
        .await
        .unwrap();
    assert_eq!(
        p.errors
            .iter()
            .map(|e| (e.row, e.problem))
            .collect::<Vec<_>>(),
        [(3, TransferProblem::NotAssigned)]
    );
    service::apply_transfers(
        &w.state,
        &w.provider,
        vec![row(&n1, "1-5", "ups", "PROV000001")],
    )
    .await
    .unwrap();
    assert_eq!(transfers(&w, &w.o1).await[0].uploaded_by, "prov name");

    // Providers, sales and customers do not assign; only providers are assigned.
    for who in [&w.provider, &w.sales] {
        assert_eq!(
            service::assign_provider(&w.state, who, w.o2.id, Some(w.provider.id))
                .await
                .unwrap_err(),
            AppError::Forbidden
        );
    }
    assert_eq!(
        service::assign_provider(&w.state, &w.ops, w.o2.id, Some(w.sales.id))
            .await
            .unwrap_err(),
        AppError::validation("provider_id", ErrorKey::ProviderUnknown)
    );
    assert_eq!(
        service::check_transfers(&w.state, &w.sales, vec![])
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    // Unassigned again, the order is out of the provider's reach.
    service::assign_provider(&w.state, &w.ops, w.o1.id, None)
        .await
        .unwrap();
    assert_eq!(
        service::get_order(&w.state, &prov, w.o1.id)
            .await
            .unwrap_err(),
        AppError::not_found("order")
    );
}

#[tokio::test]
async fn parallel_uploads_of_one_number_leave_it_on_one_order_with_its_whole_upload() {
    let w = world().await;
    let (n1, n2) = (no(&w.o1), no(&w.o2));
    let mut runs = tokio::task::JoinSet::new();
    for i in 0..100 {
        let (state, ops) = (w.state.clone(), w.ops.clone());
        let target = if i % 2 == 0 { n1.clone() } else { n2.clone() };
        let rows = vec![
            row(&target, "1", "ups", "SHARED0001"),
            row(&target, "2-5", "ups", &format!("OWN{i:07}")),
        ];
        runs.spawn(async move { service::apply_transfers(&state, &ops, rows).await });
    }
    while let Some(r) = runs.join_next().await {
        match r.unwrap() {
            Ok(a) => assert_eq!(a.numbers, 2),
            Err(AppError::Conflict { field, .. }) => assert_eq!(field, "rows"),
            Err(AppError::Validation { field, key }) => {
                assert_eq!(
                    (field.as_str(), key),
                    ("rows[0].number", ErrorKey::TransferRowsInvalid)
                )
            }
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
    let holders: Vec<i64> =
        sqlx::query_scalar("SELECT order_id FROM order_transfers WHERE number = 'SHARED0001'")
            .fetch_all(&w.state.db)
            .await
            .unwrap();
    assert_eq!(holders.len(), 1);
    let (a, b) = (transfers(&w, &w.o1).await, transfers(&w, &w.o2).await);
    // The order holding it has its whole upload; the other has none.
    let (holder, other) = if holders[0] == w.o1.id {
        (a, b)
    } else {
        (b, a)
    };
    assert_eq!(holder.len(), 2);
    assert!(other.is_empty());
}
