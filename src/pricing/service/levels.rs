//! Price levels: admins define them and give them to companies; every
//! search and save prices at the level of the company it is for, and only
//! staff see the cost beside it.

use crate::auth::{Principal, Role, Staff};
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::pricing::level::{CompanyPriceLevel, PriceLevel, PriceLevelForSave};
use crate::pricing::model::{Explanation, Plan};
use crate::pricing::policy;
use crate::pricing::quote::rank;
use crate::pricing::repo::level as repo;
use crate::pricing::Catalogue;
use crate::state::AppState;
use crate::types::Id;
use crate::ErrorKey;

/// Every level, by name, with how many companies have it (customer staff).
pub async fn list_price_levels(state: &AppState, who: &Staff) -> AppResult<Vec<PriceLevel>> {
    if !policy::may_read_channels(who) {
        return Err(AppError::Forbidden);
    }
    repo::all(&state.db).await
}

/// Creates (id 0) or changes a level (admins); made the default, it is the
/// only one. Each of its libraries must be stored (`libraries[i]` names
/// the one that is not).
pub async fn save_price_level(
    state: &AppState,
    who: &Staff,
    input: &PriceLevelForSave,
) -> AppResult<PriceLevel> {
    who.require(&[Role::Admin])?;
    input.check()?;
    let mut level = PriceLevel {
        id: input.id,
        name: input.name.trim().to_owned(),
        default_bp: input.default_bp,
        by_mode: input.by_mode.clone(),
        libraries: input.libraries.clone(),
        is_default: input.is_default,
        companies: 0,
    };
    let now = state.now();
    let mut tx = state.db.begin().await?;
    if level.id == 0 {
        level.id = new_id();
        repo::insert(&mut *tx, &level, now).await?;
    } else if !repo::update(&mut *tx, &level, now).await? {
        return Err(AppError::not_found("price_level"));
    }
    if let Some(i) = repo::set_library_uses(&mut tx, &level, now).await? {
        return Err(AppError::validation(
            &format!("libraries[{i}]"),
            ErrorKey::NotFound,
        ));
    }
    if level.is_default {
        repo::clear_default(&mut *tx, level.id).await?;
    }
    tx.commit().await?;
    Ok(level)
}

/// Deletes a level no company has and that is not the default (admins).
pub async fn delete_price_level(state: &AppState, who: &Staff, id: Id) -> AppResult<()> {
    who.require(&[Role::Admin])?;
    if repo::delete_unused(&state.db, id).await? {
        return Ok(());
    }
    match repo::exists(&state.db, id).await? {
        true => Err(AppError::conflict("id", ErrorKey::LevelInUse)),
        false => Err(AppError::not_found("price_level")),
    }
}

/// Gives a company a level, or the default again (admins).
pub async fn set_company_price_level(
    state: &AppState,
    who: &Staff,
    company: Id,
    level: Option<Id>,
) -> AppResult<()> {
    who.require(&[Role::Admin])?;
    if crate::customer::repo::by_id(&state.db, company)
        .await?
        .is_none()
    {
        return Err(AppError::not_found("company"));
    }
    if let Some(l) = level {
        if !repo::exists(&state.db, l).await? {
            return Err(AppError::validation("level_id", ErrorKey::NotFound));
        }
    }
    repo::set_company(&state.db, company, level, state.now()).await
}

/// The level a company's searches price at, and whether it is the default
/// it follows (customer staff who may see the company).
pub async fn get_company_price_level(
    state: &AppState,
    who: &Staff,
    company: Id,
) -> AppResult<CompanyPriceLevel> {
    who.require(crate::customer::CUSTOMER_ROLES)?;
    crate::customer::service::visible_company(state, who, company).await?;
    let own = repo::own_of_company(&state.db, company).await?;
    Ok(CompanyPriceLevel {
        level: repo::of_company(&state.db, company).await?,
        by_default: own.is_none(),
    })
}

/// Prices `plans` for `company` (none: the default level) and ranks them
/// again, with the cost in `cost_total_fen`. As `who` sees them: a member
/// never gets the cost.
pub async fn sell(
    state: &AppState,
    who: &Principal,
    company: Option<Id>,
    cat: &Catalogue,
    plans: &mut Vec<Plan>,
    misses: &mut Vec<Explanation>,
) -> AppResult<()> {
    price_at(state, company, cat, plans, misses).await?;
    if matches!(who, Principal::Member(_)) {
        plans.iter_mut().for_each(|p| p.cost_total_fen = None);
    }
    Ok(())
}

/// Prices `plans` at `company`'s level, the cost kept beside (a saved
/// quote's snapshot keeps both; reading it strips the cost for members),
/// and keeps only the plans and misses of the level's libraries' channels.
pub async fn price_at(
    state: &AppState,
    company: Option<Id>,
    cat: &Catalogue,
    plans: &mut Vec<Plan>,
    misses: &mut Vec<Explanation>,
) -> AppResult<()> {
    let level = match company {
        Some(c) => repo::of_company(&state.db, c).await?,
        None => repo::default(&state.db).await?,
    };
    let libraries = level.as_ref().map_or(&[][..], |l| &l.libraries[..]);
    if let Some(allowed) = super::allowed_channels(state, libraries, cat).await? {
        plans.retain(|p| allowed.contains(&p.channel.id));
        misses.retain(|m| allowed.contains(&m.channel_id));
    }
    match level {
        Some(l) => {
            plans.iter_mut().for_each(|p| l.apply(p));
            rank(plans);
        }
        None => plans
            .iter_mut()
            .for_each(|p| p.cost_total_fen = Some(p.total_fen)),
    }
    Ok(())
}
