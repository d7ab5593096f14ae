//! Moves along the timeline: ops confirm (the order gets its number),
//! reject, move and raise exceptions; a customer cancels a waiting
//! pre-order, a salesperson their waiting quick order. A move into
//! exception raises an alert (异常预警) in its transaction. Each move is one
//! UPDATE conditional on the version and status read, so of two moves at
//! once one wins and the other gets a conflict on `version`.

use super::{alert, event, get_order, publish, readable};
use crate::auth::Principal;
use crate::error::{AppError, AppResult};
use crate::orders::flow::{self, Refusal};
use crate::orders::model::*;
use crate::orders::policy;
use crate::orders::repo::event as events;
use crate::orders::repo::order::{self as repo, Move};
use crate::pricing::service::today;
use crate::state::AppState;
use crate::types::Id;
use crate::ErrorKey;

pub const MAX_NOTE: usize = 500;

/// Moves an order as `m` says, if the caller may and the state machine
/// lets it (receiving goes through [`receive_order`](super::receive_order)).
pub async fn move_order(state: &AppState, who: &Principal, m: &OrderMove) -> AppResult<Order> {
    if m.to == OrderStatus::Received {
        return Err(AppError::validation("to", ErrorKey::OrderUseReceive));
    }
    change(state, who, m, None).await
}

/// Ops confirm a waiting pre-order into an order (待处理 → 已处理).
pub async fn confirm_order(
    state: &AppState,
    who: &Principal,
    id: Id,
    version: i64,
) -> AppResult<Order> {
    let m = OrderMove {
        id,
        to: OrderStatus::Confirmed,
        note: String::new(),
        version,
    };
    move_order(state, who, &m).await
}

/// Ops reject a waiting pre-order, saying why.
pub async fn reject_order(
    state: &AppState,
    who: &Principal,
    id: Id,
    version: i64,
    reason: &str,
) -> AppResult<Order> {
    let m = OrderMove {
        id,
        to: OrderStatus::Rejected,
        note: reason.into(),
        version,
    };
    move_order(state, who, &m).await
}

/// Cancels an order, saying why (直客端取消预订单, crm取消快捷订单).
pub async fn cancel_order(
    state: &AppState,
    who: &Principal,
    id: Id,
    version: i64,
    reason: &str,
) -> AppResult<Order> {
    let m = OrderMove {
        id,
        to: OrderStatus::Cancelled,
        note: reason.into(),
        version,
    };
    move_order(state, who, &m).await
}

/// Checks and applies a move; `measured` with the received cartons and
/// their price.
pub(super) async fn change(
    state: &AppState,
    who: &Principal,
    m: &OrderMove,
    measured: Option<(&Measured, Option<i64>)>,
) -> AppResult<Order> {
    let stored = readable(state, who, m.id).await?;
    let order = &stored.order;
    let allowed = match (who, m.to) {
        (_, OrderStatus::Cancelled) => policy::may_cancel(who, &stored.owner, order.status),
        (Principal::Staff(s), _) => policy::may_process(s),
        (Principal::Member(_), _) => false,
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    if m.note.chars().count() > MAX_NOTE {
        return Err(AppError::validation("note", ErrorKey::TextTooLong));
    }
    if order.version != m.version {
        return Err(AppError::conflict("version", ErrorKey::OrderChanged));
    }
    match flow::check(order.status, order.held_status, m.to, &m.note) {
        Ok(()) => {}
        Err(Refusal::Illegal) => {
            return Err(AppError::validation("to", ErrorKey::OrderMoveIllegal))
        }
        Err(Refusal::ReasonRequired) => {
            return Err(AppError::validation("note", ErrorKey::OrderReasonRequired))
        }
    }
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let order_number = match m.to {
        OrderStatus::Confirmed => {
            Some(crate::db::next_number(&mut *tx, "O", today(state).ymd(), now).await?)
        }
        _ => None,
    };
    let mv = Move {
        id: order.id,
        from: order.status,
        version: m.version,
        to: m.to,
        held: flow::held_after(order.status, order.held_status, m.to),
        order_number: order_number.as_deref(),
        measured,
        now,
    };
    if !repo::apply(&mut *tx, &mv).await? {
        tx.rollback().await?;
        return Err(AppError::conflict("version", ErrorKey::OrderChanged));
    }
    events::insert(
        &mut *tx,
        order.id,
        &event(who, Some(order.status), m.to, &m.note, now),
    )
    .await?;
    let payload = serde_json::json!({
        "number": order.number, "order_number": order_number.as_deref().or(order.order_number.as_deref()),
        "company_id": order.company_id, "from": order.status, "to": m.to, "note": m.note.trim(),
    });
    publish(&mut tx, "order.status_changed", order.id, payload, now).await?;
    if let Some(a) = measured.and_then(|(x, _)| x.adjustment.as_ref()) {
        if a.difference_fen != 0 {
            let payload = serde_json::json!({
                "number": order.number, "company_id": order.company_id,
                "quoted_total_fen": a.quoted_total_fen, "actual_total_fen": a.actual_total_fen,
                "difference_fen": a.difference_fen,
            });
            publish(&mut tx, "order.adjusted", order.id, payload, now).await?;
        }
    }
    alert::on_move(&mut tx, order.id, order.status, m.to, now).await?;
    let raised = match m.to {
        OrderStatus::Exception => {
            alert::on_exception(&mut tx, order.id, m.version + 1, &m.note, now).await?
        }
        _ => None,
    };
    tx.commit().await?;
    crate::chat::live::events::order_changed(state, order.company_id, &order.number).await;
    if let Some(r) = raised {
        alert::tell(state, &r).await;
    }
    get_order(state, who, order.id).await
}
