//! Hall staff's side (查询询价大厅列表, 查询询价大厅列表统计数量, 编辑询价大厅状态):
//! every inquiry in their scope with filters, counts per status, answers
//! with a saved quote, status moves. Answers and moves are UPDATEs
//! conditional on the status read, so of two at once one wins.

use super::{finish, settings_of};
use crate::auth::Staff;
use crate::error::{AppError, AppResult};
use crate::pricing::inquiry_hall::model::*;
use crate::pricing::inquiry_hall::policy::{self, HallScope};
use crate::pricing::inquiry_hall::repo::inquiry::{self as repo, HallScopeSql, StoredInquiry};
use crate::pricing::model::Date;
use crate::pricing::repo::quote as quotes;
use crate::pricing::service::today;
use crate::state::AppState;
use crate::types::{Id, Page, PageQuery};
use crate::ErrorKey;

const DAY_MS: i64 = 86_400_000;
/// China is UTC+8: its days start 8 hours before UTC's.
const CHINA_OFFSET_MS: i64 = 8 * 3_600_000;

fn day_start(d: Date) -> i64 {
    i64::from(d.days()) * DAY_MS - CHINA_OFFSET_MS
}

/// The SQL scope of `s`'s lists under `filter` (its status aside).
fn scope_of(s: &Staff, filter: &InquiryFilter) -> AppResult<HallScopeSql> {
    let scope = policy::hall_scope(s).ok_or(AppError::Forbidden)?;
    let (owner, app) = match scope {
        HallScope::All => (0, 0),
        HallScope::OwnedOrUnassigned(me) => (me, 0),
        HallScope::InApp(app) => (0, app),
    };
    let day = |field: &str, v: &Option<String>| {
        let v = v.as_deref().map(str::trim).filter(|v| !v.is_empty());
        v.map(|v| Date::parse(field, v)).transpose()
    };
    let (from, to) = (day("from", &filter.from)?, day("to", &filter.to)?);
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(AppError::validation("to", ErrorKey::DateRangeInvalid));
        }
    }
    let q = filter.q.as_deref().unwrap_or("").trim().to_lowercase();
    if q.chars().count() > 40 {
        return Err(AppError::validation("q", ErrorKey::TextTooLong));
    }
    Ok(HallScopeSql {
        company: filter.company_id.unwrap_or(0),
        owner,
        app,
        from: from.map(day_start).unwrap_or(i64::MIN),
        until: to.map(|t| day_start(t.add_days(1))).unwrap_or(i64::MAX),
        q,
    })
}

/// The inquiries in the caller's scope, newest first, with overdue marked
/// (admin, ops, cs: all; sales: their companies' and those of no company).
pub async fn list_inquiries(
    state: &AppState,
    s: &Staff,
    filter: &InquiryFilter,
    page: PageQuery,
) -> AppResult<Page<HallInquiry>> {
    let scope = scope_of(s, filter)?;
    let (rows, total) = repo::list(
        &state.db,
        &scope,
        filter.status,
        page.limit(),
        page.offset(),
    )
    .await?;
    let (sla, _) = settings_of(&state.db).await?;
    Ok(Page::new(finish(state, rows, sla), total, page))
}

/// How many inquiries of the filter (its status aside) are in each status,
/// and how many are overdue: one query.
pub async fn count_inquiries(
    state: &AppState,
    s: &Staff,
    filter: &InquiryFilter,
) -> AppResult<InquiryCounts> {
    let scope = scope_of(s, filter)?;
    let (sla, _) = settings_of(&state.db).await?;
    let before = policy::overdue_before(state.now(), sla);
    repo::counts(&state.db, &scope, before).await
}

/// An inquiry `s` may work on, else not found (Forbidden if they do not
/// work the hall at all).
async fn visible(state: &AppState, s: &Staff, id: Id) -> AppResult<StoredInquiry> {
    policy::hall_scope(s).ok_or(AppError::Forbidden)?;
    let found = repo::by_id(&state.db, id)
        .await?
        .filter(|r| policy::may_see(s, r.inquiry.company_id, r.owner_staff_id));
    found.ok_or_else(|| AppError::not_found("inquiry"))
}

async fn reread(state: &AppState, s: &Staff, id: Id) -> AppResult<HallInquiry> {
    let row = visible(state, s, id).await?;
    let (sla, _) = settings_of(&state.db).await?;
    Ok(finish(state, vec![row], sla).remove(0))
}

/// Answers a pending inquiry with a saved quote of its company (a quote of
/// no company for an inquiry of none): it becomes quoted. If another answer
/// came first, a 409 on `status`.
pub async fn answer_inquiry(
    state: &AppState,
    s: &Staff,
    id: Id,
    quote_number: &str,
) -> AppResult<HallInquiry> {
    let current = visible(state, s, id).await?.inquiry;
    let number = quote_number.trim().to_ascii_uppercase();
    let quote = quotes::by_number(&state.db, &number, today(state))
        .await?
        .ok_or_else(|| AppError::validation("quote_number", ErrorKey::InquiryQuoteUnknown))?;
    if quote.quote.company_id != current.company_id {
        return Err(AppError::validation(
            "quote_number",
            ErrorKey::InquiryQuoteOtherCompany,
        ));
    }
    let not_pending = || AppError::conflict("status", ErrorKey::InquiryNotPending);
    if current.status != InquiryStatus::Pending {
        return Err(not_pending());
    }
    if !repo::answer(&state.db, id, &number, s.id, state.now()).await? {
        return Err(not_pending());
    }
    reread(state, s, id).await
}

/// Moves an inquiry along the allowed moves (quoted → won or closed,
/// pending → closed); into quoted only by answering with a quote. A move
/// that does not exist is a validation error on `status`; a change in
/// between, a 409 on `status`.
pub async fn set_inquiry_status(
    state: &AppState,
    s: &Staff,
    id: Id,
    to: InquiryStatus,
) -> AppResult<HallInquiry> {
    let from = visible(state, s, id).await?.inquiry.status;
    if !policy::may_move(from, to) {
        return Err(AppError::validation("status", ErrorKey::InquiryStatusMove));
    }
    if to == InquiryStatus::Quoted {
        return Err(AppError::validation(
            "quote_number",
            ErrorKey::FieldRequired,
        ));
    }
    if !repo::move_status(&state.db, id, from, to, state.now()).await? {
        return Err(AppError::conflict("status", ErrorKey::InquiryChanged));
    }
    reread(state, s, id).await
}
