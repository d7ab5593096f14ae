//! Receiving at the warehouse (入仓): ops record the measured cartons; the
//! order is priced again for them on the table version and day it was
//! priced on, and when the price differs the order shows the adjustment
//! line by line and the customer is told in chat.

use super::moves::change;
use super::readable;
use crate::auth::{repo as auth_repo, Lang, Principal};
use crate::error::{AppError, AppResult};
use crate::orders::adjust::adjustment;
use crate::orders::check;
use crate::orders::model::*;
use crate::orders::policy;
use crate::pricing::service::reprice;
use crate::pricing::{CargoInput, QuoteQuery};
use crate::state::AppState;
use crate::types::{Money, Timestamp};

/// Records the measured cartons and moves the order to received.
pub async fn receive_order(
    state: &AppState,
    who: &Principal,
    r: &OrderReceipt,
) -> AppResult<Order> {
    let Principal::Staff(staff) = who else {
        return Err(AppError::Forbidden);
    };
    if !policy::may_process(staff) {
        return Err(AppError::Forbidden);
    }
    let stored = readable(state, who, r.id).await?;
    check::cartons(&r.cartons)?;
    let order = &stored.order;
    let mut search = order.detail.search.clone();
    search.cargo = CargoInput::Cartons {
        lines: r.cartons.clone(),
    };
    let day = order.detail.priced_on;
    let q = QuoteQuery::parse(&search, day)?;
    let ch = &order.detail.plan.channel;
    let priced = reprice(
        state,
        order.company_id,
        ch.id,
        Some(ch.table_version),
        &q,
        day,
    )
    .await?;
    let (adjust, refusal) = match &priced {
        Ok(plan) => (Some(adjustment(&order.detail.plan, plan)), vec![]),
        Err(reasons) => (None, reasons.iter().map(|r| r.zh.clone()).collect()),
    };
    let measured = Measured {
        cartons: r.cartons.clone(),
        adjustment: adjust,
        refusal,
        by: staff.name.clone(),
        at: Timestamp(state.now()),
    };
    let actual = priced.as_ref().ok().map(|p| p.total_fen);
    let m = OrderMove {
        id: r.id,
        to: OrderStatus::Received,
        note: r.note.clone(),
        version: r.version,
    };
    let after = change(state, who, &m, Some((&measured, actual))).await?;
    if let (Some(a), Some(member)) = (&measured.adjustment, stored.member_id) {
        if a.difference_fen != 0 {
            tell(state, staff, member, &after, a).await;
        }
    }
    Ok(after)
}

/// The chat line that tells the customer: best effort once the receipt is
/// stored (a chat that cannot be written is logged, not a failed receipt).
async fn tell(
    state: &AppState,
    staff: &crate::auth::Staff,
    member: crate::Id,
    o: &Order,
    a: &Adjustment,
) {
    let text = |lang: Lang| {
        let unit = match a.actual.unit {
            crate::pricing::Unit::Kg => "kg",
            crate::pricing::Unit::Cbm => "CBM",
        };
        let q = format!("{} {unit}", a.quoted.chargeable.format());
        let r = format!("{} {unit}", a.actual.chargeable.format());
        let d = a.difference_fen;
        let diff = Money::from_fen(d.abs()).format_yuan();
        match lang {
            Lang::Zh => format!(
                "订单 {} 已入仓：实测计费量 {r}（报价 {q}），费用{} ¥{diff}，明细请在订单页查看。",
                o.number,
                if d > 0 { "增加" } else { "减少" }
            ),
            Lang::En => format!(
                "Order {} received: measured chargeable {r} (quoted {q}); the price {} by ¥{diff}. See the order page for each line.",
                o.number,
                if d > 0 { "rises" } else { "falls" }
            ),
        }
    };
    let result = async {
        let Some(m) = auth_repo::member_by_id(&state.db, member).await? else {
            return Ok(None);
        };
        crate::chat::service::notice::notify_member(state, &m, staff, &text(m.lang)).await
    }
    .await;
    if let Err(e) = result {
        tracing::warn!(error = %e, order = o.id, "could not tell the customer of an adjustment in chat");
    }
}
