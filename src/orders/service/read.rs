//! Reading orders: one with its timeline and tracking numbers, a page of a
//! filtered list, and the workbench's counts, each in the caller's scope.

use super::{readable, readable_stored};
use crate::auth::Principal;
use crate::customer::policy::{staff_scope, Scope as StaffScope};
use crate::error::{AppError, AppResult};
use crate::orders::model::*;
use crate::orders::repo::order::{self as repo, Narrow, Scope};
use crate::orders::repo::{event, order_list, parcel, transfer};
use crate::orders::{flow, policy};
use crate::pricing::Date;
use crate::state::AppState;
use crate::types::{Id, Page, PageQuery};
use crate::ErrorKey;

/// An order with its timeline and tracking numbers; a member never sees
/// the cost.
pub async fn get_order(state: &AppState, who: &Principal, id: Id) -> AppResult<Order> {
    let stored = readable(state, who, id).await?;
    let mut order = stored.order;
    order.events = event::of_order(&state.db, id).await?;
    order.parcels = parcel::of_order(&state.db, id).await?;
    order.transfers = transfer::of_order(&state.db, id).await?;
    order.may_cancel =
        !flow::is_final(order.status) && policy::may_cancel(who, &stored.owner, order.status);
    if !policy::sees_cost(who) {
        order.detail.plan.cost_total_fen = None;
    }
    Ok(order)
}

/// An order by its booking or order number (a card, a search box).
pub async fn find_order(state: &AppState, who: &Principal, number: &str) -> AppResult<Order> {
    let number = number.trim().to_ascii_uppercase();
    if number.is_empty() || number.len() > 24 {
        return Err(AppError::not_found("order"));
    }
    let stored = repo::by_number(&state.db, &number)
        .await?
        .ok_or_else(|| AppError::not_found("order"))?;
    get_order(state, who, stored.order.id).await
}

/// An order as a chat card shows it, by its booking or order number, if
/// the caller may read it (one row, no timeline: cards re-read it often).
pub async fn find_order_brief(
    state: &AppState,
    who: &Principal,
    number: &str,
) -> AppResult<OrderBrief> {
    let number = number.trim().to_ascii_uppercase();
    if number.is_empty() || number.len() > 24 {
        return Err(AppError::not_found("order"));
    }
    let stored = readable_stored(who, repo::by_number(&state.db, &number).await?)?;
    Ok(OrderBrief::from(&stored.order))
}

/// The caller's scope, narrowed to `company` when given (a member may only
/// name their own).
pub(super) fn scope(who: &Principal, company: Option<Id>) -> AppResult<Scope> {
    match who {
        Principal::Member(m) => match company {
            Some(c) if c != m.company_id => Err(AppError::Forbidden),
            _ => Ok(Scope {
                company: m.company_id,
                ..Scope::default()
            }),
        },
        Principal::Staff(s) => {
            let company = company.unwrap_or(0);
            match staff_scope(s) {
                StaffScope::All => Ok(Scope {
                    company,
                    ..Scope::default()
                }),
                StaffScope::OwnedBy(me) => Ok(Scope {
                    company,
                    sales: me,
                    ..Scope::default()
                }),
                StaffScope::InApp(app) => Ok(Scope {
                    company,
                    app,
                    ..Scope::default()
                }),
                StaffScope::Nothing => match policy::provider_of(s) {
                    Some(me) => Ok(Scope {
                        company,
                        provider: me,
                        ..Scope::default()
                    }),
                    None => Err(AppError::Forbidden),
                },
            }
        }
    }
}

/// Start of a China day, in ms.
fn day_start(d: Date) -> i64 {
    d.days() as i64 * 86_400_000 - 8 * 3_600_000
}

pub(super) fn narrow(f: &OrderFilter) -> AppResult<Narrow> {
    let day = |field: &str, s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Date::parse(field, s))
            .transpose()
    };
    let from = day("from", &f.from)?;
    let to = day("to", &f.to)?;
    if let (Some(a), Some(b)) = (from, to) {
        if b < a {
            return Err(AppError::validation("to", ErrorKey::DateRangeInvalid));
        }
    }
    let text = |field: &str, s: &Option<String>, max: usize| -> AppResult<String> {
        let s = s.as_deref().unwrap_or("").trim();
        if s.chars().count() > max {
            return Err(AppError::validation(field, ErrorKey::TextTooLong));
        }
        Ok(s.to_owned())
    };
    Ok(Narrow {
        status: f.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        from_ms: from.map_or(0, day_start),
        to_ms: to.map_or(i64::MAX, |d| day_start(d.add_days(1))),
        destination: text("destination", &f.destination, 12)?.to_ascii_uppercase(),
        q: text("q", &f.q, 40)?.to_lowercase(),
        quick_only: f.quick_only,
    })
}

/// A page of the orders the caller may see, newest first (工作台--预订单查询列表,
/// ops' list over all customers, 快捷下单列表 with `quick_only`).
pub async fn list_orders(
    state: &AppState,
    who: &Principal,
    filter: &OrderFilter,
    page: PageQuery,
) -> AppResult<Page<OrderSummary>> {
    let scope = scope(who, filter.company_id)?;
    let narrow = narrow(filter)?;
    let (items, total, capped) =
        order_list::list(&state.db, &scope, &narrow, page.limit(), page.offset()).await?;
    Ok(Page::counted(items, total, capped, page))
}

/// How many orders the caller may see (only quick orders, with
/// `quick_only`) are in each status: pending (待处理) and processed (已处理)
/// for the workbench and the CRM (crm预订单个数统计).
pub async fn count_orders(
    state: &AppState,
    who: &Principal,
    company: Option<Id>,
    quick_only: bool,
) -> AppResult<OrderCounts> {
    let scope = scope(who, company)?;
    let by_status = order_list::by_status(&state.db, &scope, quick_only).await?;
    let count = |pred: &dyn Fn(OrderStatus) -> bool| -> i64 {
        by_status
            .iter()
            .filter(|c| pred(c.status))
            .map(|c| c.count)
            .sum()
    };
    Ok(OrderCounts {
        total: count(&|_| true),
        pending: count(&|s| s == OrderStatus::Booked),
        processed: count(&|s| !matches!(s, OrderStatus::Booked | OrderStatus::Cancelled)),
        capped: by_status.iter().any(|c| c.capped),
        by_status,
    })
}
