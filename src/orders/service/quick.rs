//! Quick orders (快捷下单): a salesperson mints a short-lived act-as token
//! for one member of a company they own (生成用户临时的token), then books
//! with it as that member; the order and its timeline name both. The token
//! allows booking only, lasts minutes, and only its salesperson may use it.

use sha2::{Digest, Sha256};

use super::book::book;
use crate::auth::{repo as auth_repo, Principal, Role, Staff};
use crate::customer::repo as companies;
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::orders::model::{ActAsToken, Order, OrderForBook};
use crate::orders::repo::act_as as repo;
use crate::state::AppState;
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

/// The longest a token lasts.
pub const MAX_MINUTES: i64 = 30;

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Mints a token to book for `member_id` for `minutes` (1–30): a
/// salesperson for a member of a company they own (else not found).
pub async fn create_act_as_token(
    state: &AppState,
    who: &Staff,
    member_id: Id,
    minutes: i64,
) -> AppResult<ActAsToken> {
    who.require(&[Role::Sales])?;
    if !(1..=MAX_MINUTES).contains(&minutes) {
        return Err(AppError::validation(
            "minutes",
            ErrorKey::ActAsMinutesInvalid,
        ));
    }
    let member = auth_repo::member_by_id(&state.db, member_id)
        .await?
        .filter(|m| !m.disabled)
        .ok_or_else(|| AppError::not_found("member"))?;
    let company = companies::by_id(&state.db, member.company_id)
        .await?
        .ok_or_else(|| AppError::not_found("member"))?;
    if company.owner_staff_id != Some(who.id) || who.company_limited_app().is_some() {
        return Err(AppError::not_found("member"));
    }
    let token = format!("sda_{}", hex::encode(rand::random::<[u8; 32]>()));
    let now = state.now();
    let expires_at = now + minutes * 60_000;
    repo::insert(
        &state.db,
        new_id(),
        &hash(&token),
        who.id,
        member.id,
        expires_at,
        now,
    )
    .await?;
    Ok(ActAsToken {
        token,
        member_id: member.id,
        member_name: member.name,
        company_id: member.company_id,
        expires_at: Timestamp(expires_at),
    })
}

/// Books a quick order with a live token of the caller's: as the token's
/// member, recorded as booked by the salesperson for them.
pub async fn book_quick_order(
    state: &AppState,
    who: &Staff,
    token: &str,
    input: &OrderForBook,
) -> AppResult<Order> {
    who.require(&[Role::Sales])?;
    let invalid = || AppError::validation("token", ErrorKey::ActAsTokenInvalid);
    if !token.starts_with("sda_") || token.len() != 68 {
        return Err(invalid());
    }
    let member_id = repo::live(&state.db, &hash(token), who.id, state.now())
        .await?
        .ok_or_else(invalid)?;
    let member = auth_repo::member_by_id(&state.db, member_id)
        .await?
        .filter(|m| !m.disabled)
        .ok_or_else(invalid)?;
    book(
        state,
        &Principal::Staff(who.clone()),
        &member,
        Some(who),
        input,
    )
    .await
}
