//! Admins register partner apps, change them, pause them, rotate their
//! secrets and read their logs.

use crate::auth::{repo as auth_repo, Lang, Staff};
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::partner::model::*;
use crate::partner::policy::PARTNER_ADMINS;
use crate::partner::{repo, sign};
use crate::state::AppState;
use crate::types::{Id, Page, PageQuery, Timestamp};
use crate::ErrorKey;

/// The password hash of an app's own account: no password verifies
/// against it, so nobody signs in as the app.
const NO_PASSWORD: &str = "!partner-app";

fn new_salt() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}

/// The app's secret, derived from the server's key (`SHIPDESK_SECRET`).
pub(crate) fn secret_of(state: &AppState, app_id: &str, salt: &str) -> String {
    sign::app_secret(&state.config.otp_secret, app_id, salt)
}

/// The input checked field by field, into the app it describes.
async fn checked(
    state: &AppState,
    input: &PartnerAppForCreate,
    known: &[&str],
) -> AppResult<PartnerApp> {
    let mut companies = input.company_ids.clone();
    companies.sort();
    companies.dedup();
    if input.all_companies {
        companies.clear();
    }
    for c in &companies {
        if !repo::company_exists(&state.db, *c).await? {
            return Err(AppError::validation(
                "company_ids",
                ErrorKey::PartnerCompanyUnknown,
            ));
        }
    }
    let mut login_staff: Vec<String> = input
        .login_staff
        .iter()
        .map(|a| a.trim().to_owned())
        .collect();
    login_staff.retain(|a| !a.is_empty());
    login_staff.sort();
    login_staff.dedup();
    for a in &login_staff {
        let known_account = auth_repo::staff_with_hash(&state.db, a).await?;
        if known_account.is_none() || a.starts_with("app:") {
            return Err(AppError::validation(
                "login_staff",
                ErrorKey::PartnerAccountUnknown,
            ));
        }
    }
    Ok(PartnerApp {
        id: 0,
        app_id: String::new(),
        name: parse_name(&input.name)?,
        account: String::new(),
        roles: parse_roles(&input.roles)?,
        functions: parse_functions(&input.functions, known)?,
        all_companies: input.all_companies,
        company_ids: companies,
        login_staff,
        login_members: input.login_members,
        rate_per_min: parse_rate(input.rate_per_min)?,
        enabled: true,
        created_at: Timestamp(state.now()),
    })
}

/// Registers an app with its own account; returns it with its secret, the
/// only time the secret is shown. `known`: the server functions there are.
pub async fn create(
    state: &AppState,
    admin: &Staff,
    input: &PartnerAppForCreate,
    known: &[&str],
) -> AppResult<(PartnerApp, String)> {
    admin.require(PARTNER_ADMINS)?;
    let mut app = checked(state, input, known).await?;
    app.id = new_id();
    app.app_id = format!("pa_{}", hex::encode(rand::random::<[u8; 8]>()));
    app.account = format!("app:{}", app.app_id);
    let account = Staff {
        id: new_id(),
        account: app.account.clone(),
        name: app.name.clone(),
        roles: app.roles.clone(),
        disabled: false,
        lang: Lang::Zh,
        created_at: app.created_at,
        partner: None,
    };
    let salt = new_salt();
    let mut tx = state.db.begin().await?;
    auth_repo::insert_staff(&mut *tx, &account, NO_PASSWORD).await?;
    repo::insert_app(&mut *tx, &app, account.id, &salt, admin.id).await?;
    repo::set_companies(&mut tx, app.id, &app.company_ids, state.now()).await?;
    tx.commit().await?;
    let secret = secret_of(state, &app.app_id, &salt);
    Ok((app, secret))
}

async fn load(state: &AppState, id: Id) -> AppResult<repo::AppRow> {
    let mut row = repo::app_by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::not_found("partner_app"))?;
    row.app.company_ids = repo::companies_of(&state.db, id).await?;
    Ok(row)
}

/// The apps, newest first, each with its companies.
pub async fn list(state: &AppState, admin: &Staff) -> AppResult<Vec<PartnerApp>> {
    admin.require(PARTNER_ADMINS)?;
    let mut out = vec![];
    for mut row in repo::all_apps(&state.db).await? {
        row.app.company_ids = repo::companies_of(&state.db, row.app.id).await?;
        out.push(row.app);
    }
    Ok(out)
}

pub async fn get(state: &AppState, admin: &Staff, id: Id) -> AppResult<PartnerApp> {
    admin.require(PARTNER_ADMINS)?;
    Ok(load(state, id).await?.app)
}

/// New settings for an app: all of them, in one transaction (its roles
/// are its account's).
pub async fn update(
    state: &AppState,
    admin: &Staff,
    id: Id,
    input: &PartnerAppForCreate,
    known: &[&str],
) -> AppResult<PartnerApp> {
    admin.require(PARTNER_ADMINS)?;
    let row = load(state, id).await?;
    let mut app = checked(state, input, known).await?;
    app.id = id;
    app.app_id = row.app.app_id;
    app.account = row.app.account;
    app.enabled = row.app.enabled;
    app.created_at = row.app.created_at;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    repo::update_app(&mut *tx, &app, now).await?;
    auth_repo::update_staff_roles(&mut *tx, row.staff_id, &app.roles, now).await?;
    repo::set_companies(&mut tx, id, &app.company_ids, now).await?;
    tx.commit().await?;
    Ok(app)
}

/// Pauses or resumes an app: a paused app's tokens and links are refused
/// (and logged) at once.
pub async fn set_enabled(state: &AppState, admin: &Staff, id: Id, enabled: bool) -> AppResult<()> {
    admin.require(PARTNER_ADMINS)?;
    if repo::set_enabled(&state.db, id, enabled, state.now()).await? {
        Ok(())
    } else {
        Err(AppError::not_found("partner_app"))
    }
}

/// A new secret for an app, answered this once; the old one stops signing
/// and every token issued with it ends.
pub async fn rotate_secret(
    state: &AppState,
    admin: &Staff,
    id: Id,
) -> AppResult<(PartnerApp, String)> {
    admin.require(PARTNER_ADMINS)?;
    let row = load(state, id).await?;
    let salt = new_salt();
    let mut tx = state.db.begin().await?;
    repo::set_salt(&mut *tx, id, &salt, state.now()).await?;
    repo::drop_tokens(&mut *tx, id).await?;
    tx.commit().await?;
    let secret = secret_of(state, &row.app.app_id, &salt);
    Ok((row.app, secret))
}

/// An app's request log, newest first.
pub async fn requests(
    state: &AppState,
    admin: &Staff,
    id: Id,
    f: &PartnerRequestFilter,
    page: PageQuery,
) -> AppResult<Page<PartnerRequest>> {
    admin.require(PARTNER_ADMINS)?;
    load(state, id).await?;
    repo::requests(&state.db, id, f, page).await
}
