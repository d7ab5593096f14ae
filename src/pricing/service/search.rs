//! The quote search and its form's choices.

use std::collections::BTreeSet;

use super::today;
use crate::auth::Principal;
use crate::error::{AppError, AppResult};
use crate::pricing::model::*;
use crate::pricing::policy;
use crate::pricing::quote::{explain, search};
use crate::state::AppState;
use crate::types::Id;

fn check(who: &Principal) -> AppResult<()> {
    if policy::may_search(who) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The search form's choices from the enabled channels: countries they
/// reach (获取可以到达的目的国家), origins, modes (渠道类型), goods types
/// (货物类型) and tags (查询线路标签下拉).
pub async fn quote_form(state: &AppState, who: &Principal) -> AppResult<QuoteForm> {
    check(who)?;
    let cat = super::catalogue(state).await?;
    let (mut origins, mut modes, mut tags) = (BTreeSet::new(), Vec::new(), BTreeSet::new());
    for ch in cat.channels().filter(|c| c.enabled) {
        origins.extend(ch.origins.iter().cloned());
        modes.push(ch.mode);
        tags.extend(ch.tags.iter().cloned());
    }
    Ok(QuoteForm {
        countries: cat.countries().iter().map(|c| Country::of(c)).collect(),
        origins: origins.into_iter().collect(),
        modes: Mode::ALL
            .iter()
            .filter(|m| modes.contains(m))
            .map(|&m| ModeOption::of(m))
            .collect(),
        goods_types: goods_type_options(),
        tags: tags.into_iter().collect(),
        today: today(state),
    })
}

/// Every plan for the search at the price of `company`'s level (a member:
/// their own company; staff: a company in their scope, or none for the
/// default level, with the cost beside it), cheapest first, the cheapest
/// and the fastest marked; with `explain`, why each other channel to the
/// country gives none. An FBA code no channel knows is an error on
/// `fba_code`.
pub async fn search_quotes(
    state: &AppState,
    who: &Principal,
    input: &QuoteForSearch,
    with_reasons: bool,
    company: Option<Id>,
) -> AppResult<QuoteAnswer> {
    check(who)?;
    let (company, _, _) = super::quotes::owner_of(state, who, company).await?;
    let day = today(state);
    let q = QuoteQuery::parse(input, day)?;
    let cat = super::catalogue(state).await?;
    cat.check_destination(&q)?;
    let mut plans = search(&cat, &q, day);
    let mut misses = if with_reasons {
        explain(&cat, &q, day)
    } else {
        vec![]
    };
    super::sell(state, who, company, &cat, &mut plans, &mut misses).await?;
    Ok(QuoteAnswer {
        plans,
        misses,
        priced_on: day,
    })
}
