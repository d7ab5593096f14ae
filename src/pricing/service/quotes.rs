//! Saved quotes: priced again on save (the client's figures are never
//! trusted), numbered, kept as immutable snapshots, and read by whoever the
//! policy lets see them.

use super::today;
use crate::auth::Principal;
use crate::customer::repo as companies;
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::pricing::model::*;
use crate::pricing::policy::{self, QuoteOwner};
use crate::pricing::quote::search;
use crate::pricing::repo::quote::{self as repo, ListScope, QuoteRow};
use crate::state::AppState;
use crate::types::{Page, PageQuery};
use crate::ErrorKey;

/// A saved quote holds for this many days at most (less when the channel's
/// price ends sooner).
pub const QUOTE_VALID_DAYS: i32 = 7;

/// Prices the search again, takes the plan of `channel_id` and saves it
/// under a new number (`Q20261202-0007`). A member saves for their company;
/// staff for nobody or for a company in their scope.
pub async fn save_quote(
    state: &AppState,
    who: &Principal,
    input: &QuoteForSave,
) -> AppResult<SavedQuote> {
    if !policy::may_search(who) {
        return Err(AppError::Forbidden);
    }
    let (company_id, member_id, staff_id) = owner_of(state, who, input.company_id).await?;
    let day = today(state);
    let q = QuoteQuery::parse(&input.search, day)?;
    let cat = super::catalogue(state).await?;
    cat.check_destination(&q)?;
    // At the customer's price and among their libraries' channels; the
    // snapshot keeps the cost for staff.
    let mut plans = search(&cat, &q, day);
    super::price_at(state, company_id, &cat, &mut plans, &mut vec![]).await?;
    let mut plan = plans
        .into_iter()
        .find(|p| p.channel.id == input.channel_id)
        .ok_or_else(|| AppError::validation("channel_id", ErrorKey::ChannelNoPlan))?;
    // Marks of one search, not of the snapshot.
    (plan.cheapest, plan.fastest) = (false, false);
    let valid_until = plan
        .channel
        .valid_until
        .min(day.add_days(QUOTE_VALID_DAYS - 1));
    let mut tx = state.db.begin().await?;
    let number = crate::db::next_number(&mut *tx, "Q", day.ymd(), state.now()).await?;
    let destination = q
        .fba_code
        .clone()
        .or(q.postcode.clone())
        .unwrap_or_default();
    let row = QuoteRow {
        id: new_id(),
        number: &number,
        company_id,
        member_id,
        staff_id,
        search: &input.search,
        plan: &plan,
        valid_until,
        summary: format!("{number} {} {destination}", plan.channel.name).to_lowercase(),
        now: state.now(),
    };
    repo::insert(&mut *tx, &row).await?;
    tx.commit().await?;
    get_quote(state, who, &number).await
}

/// (company, member, staff) of a quote `who` saves or searches for,
/// checked: a member's own company (another is Forbidden); staff: a
/// company in their scope (else not found) or none.
pub(super) async fn owner_of(
    state: &AppState,
    who: &Principal,
    company: Option<crate::types::Id>,
) -> AppResult<(Option<i64>, Option<i64>, Option<i64>)> {
    match who {
        Principal::Member(m) => match company {
            Some(c) if c != m.company_id => Err(AppError::Forbidden),
            _ => Ok((Some(m.company_id), Some(m.id), None)),
        },
        Principal::Staff(s) => {
            let Some(id) = company else {
                return Ok((None, None, Some(s.id)));
            };
            let c = companies::by_id(&state.db, id)
                .await?
                .ok_or_else(|| AppError::not_found("company"))?;
            if !policy::may_quote_for(s, c.owner_staff_id, id) {
                return Err(AppError::not_found("company"));
            }
            Ok((Some(id), None, Some(s.id)))
        }
    }
}

/// A saved quote by its number; not found unless the caller may read it.
pub async fn get_quote(state: &AppState, who: &Principal, number: &str) -> AppResult<SavedQuote> {
    if !policy::may_search(who) {
        return Err(AppError::Forbidden);
    }
    let number = number.trim().to_ascii_uppercase();
    let stored = repo::by_number(&state.db, &number, today(state))
        .await?
        .ok_or_else(|| AppError::not_found("quote"))?;
    let owner = QuoteOwner {
        company: stored.quote.company_id,
        staff: stored.staff_id,
        company_owner: stored.owner_staff_id,
    };
    if !policy::may_read_quote(who, &owner) {
        return Err(AppError::not_found("quote"));
    }
    let mut quote = stored.quote;
    if matches!(who, Principal::Member(_)) {
        quote.plan.cost_total_fen = None;
    }
    Ok(quote)
}

/// Saved quotes the caller may read, newest first: a member's company's;
/// staff by their customer scope (sales: saved by them or for their
/// companies), narrowed by `filter`.
pub async fn list_quotes(
    state: &AppState,
    who: &Principal,
    filter: &QuoteFilter,
    page: PageQuery,
) -> AppResult<Page<QuoteSummary>> {
    let q = filter.q.as_deref().unwrap_or("").trim().to_lowercase();
    if q.chars().count() > 40 {
        return Err(AppError::validation("q", ErrorKey::TextTooLong));
    }
    let scope = match who {
        Principal::Member(m) => match filter.company_id {
            Some(c) if c != m.company_id => return Err(AppError::Forbidden),
            _ => ListScope {
                company: m.company_id,
                staff_or_owner: 0,
                app: 0,
                q,
            },
        },
        Principal::Staff(s) => {
            use crate::customer::policy::{staff_scope, Scope};
            let (staff_or_owner, app) = match staff_scope(s) {
                Scope::All => (0, 0),
                Scope::OwnedBy(me) => (me, 0),
                Scope::InApp(app) => (0, app),
                Scope::Nothing => return Err(AppError::Forbidden),
            };
            ListScope {
                company: filter.company_id.unwrap_or(0),
                staff_or_owner,
                app,
                q,
            }
        }
    };
    let (items, total) = repo::list(
        &state.db,
        &scope,
        page.size as i64,
        page.offset(),
        today(state),
    )
    .await?;
    Ok(Page::new(items, total, page))
}
