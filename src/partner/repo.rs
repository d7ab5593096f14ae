//! SQL of partner apps, their companies, tokens, nonces and request log.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use super::model::*;
use crate::auth::Role;
use crate::db::Db;
use crate::error::AppResult;
use crate::types::{Id, Page, PageQuery, Timestamp};

/// An app's row as stored, with what it takes to rebuild its secret.
pub struct AppRow {
    pub app: PartnerApp,
    pub staff_id: Id,
    pub secret_salt: String,
}

const INSERT_APP: &str = "INSERT INTO partner_apps (id, app_id, name, staff_id, secret_salt, \
     functions, all_companies, login_staff, login_members, rate_per_min, enabled, created_by, \
     created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $12)";

pub async fn insert_app(
    ex: impl Executor<'_, Database = Any>,
    a: &PartnerApp,
    staff_id: Id,
    salt: &str,
    by: Id,
) -> AppResult<()> {
    sqlx::query(INSERT_APP)
        .bind(a.id)
        .bind(&a.app_id)
        .bind(&a.name)
        .bind(staff_id)
        .bind(salt)
        .bind(a.functions.join(","))
        .bind(a.all_companies as i64)
        .bind(a.login_staff.join(","))
        .bind(a.login_members as i64)
        .bind(a.rate_per_min)
        .bind(by)
        .bind(a.created_at.0)
        .execute(ex)
        .await?;
    Ok(())
}

const UPDATE_APP: &str = "UPDATE partner_apps SET name = $1, functions = $2, all_companies = $3, \
     login_staff = $4, login_members = $5, rate_per_min = $6, updated_at = $7 WHERE id = $8";

/// The app's settings (not its roles: those are its account's).
pub async fn update_app(
    ex: impl Executor<'_, Database = Any>,
    a: &PartnerApp,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(UPDATE_APP)
        .bind(&a.name)
        .bind(a.functions.join(","))
        .bind(a.all_companies as i64)
        .bind(a.login_staff.join(","))
        .bind(a.login_members as i64)
        .bind(a.rate_per_min)
        .bind(now)
        .bind(a.id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const DELETE_COMPANIES: &str = "DELETE FROM partner_app_companies WHERE app_ref = $1";
const INSERT_COMPANY: &str =
    "INSERT INTO partner_app_companies (app_ref, company_id, created_at) VALUES ($1, $2, $3)";

/// Replaces the companies of an app (in the caller's transaction).
pub async fn set_companies(
    tx: &mut sqlx::Transaction<'_, Any>,
    app_ref: Id,
    companies: &[Id],
    now: i64,
) -> AppResult<()> {
    sqlx::query(DELETE_COMPANIES)
        .bind(app_ref)
        .execute(&mut **tx)
        .await?;
    for c in companies {
        sqlx::query(INSERT_COMPANY)
            .bind(app_ref)
            .bind(c)
            .bind(now)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

const COMPANIES_OF: &str =
    "SELECT company_id FROM partner_app_companies WHERE app_ref = $1 ORDER BY company_id";

pub async fn companies_of(
    ex: impl Executor<'_, Database = Any>,
    app_ref: Id,
) -> AppResult<Vec<Id>> {
    Ok(sqlx::query_scalar(COMPANIES_OF)
        .bind(app_ref)
        .fetch_all(ex)
        .await?)
}

const COUNT_COMPANIES: &str = "SELECT COUNT(*) FROM companies WHERE id = $1";

/// Whether a company exists.
pub async fn company_exists(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar(COUNT_COMPANIES)
        .bind(id)
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

const APP_SELECT: &str = "SELECT a.id, a.app_id, a.name, a.staff_id, a.secret_salt, a.functions, \
     a.all_companies, a.login_staff, a.login_members, a.rate_per_min, a.enabled, a.created_at, \
     s.account, s.roles FROM partner_apps a JOIN staff s ON s.id = a.staff_id";

fn split(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

fn app_from_row(r: &AnyRow) -> Result<AppRow, sqlx::Error> {
    let roles: String = r.try_get("roles")?;
    Ok(AppRow {
        app: PartnerApp {
            id: r.try_get("id")?,
            app_id: r.try_get("app_id")?,
            name: r.try_get("name")?,
            account: r.try_get("account")?,
            roles: Role::split(&roles),
            functions: split(&r.try_get::<String, _>("functions")?),
            all_companies: r.try_get::<i64, _>("all_companies")? != 0,
            company_ids: vec![],
            login_staff: split(&r.try_get::<String, _>("login_staff")?),
            login_members: r.try_get::<i64, _>("login_members")? != 0,
            rate_per_min: r.try_get("rate_per_min")?,
            enabled: r.try_get::<i64, _>("enabled")? != 0,
            created_at: Timestamp(r.try_get("created_at")?),
        },
        staff_id: r.try_get("staff_id")?,
        secret_salt: r.try_get("secret_salt")?,
    })
}

const ALL_APPS: &str = formatcp!("{APP_SELECT} ORDER BY a.created_at DESC, a.id DESC LIMIT 500");
const APP_BY_ID: &str = formatcp!("{APP_SELECT} WHERE a.id = $1");
const APP_BY_APP_ID: &str = formatcp!("{APP_SELECT} WHERE a.app_id = $1");

/// The newest 500 apps (without their companies).
pub async fn all_apps(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<AppRow>> {
    let rows = sqlx::query(ALL_APPS).fetch_all(ex).await?;
    Ok(rows.iter().map(app_from_row).collect::<Result<_, _>>()?)
}

pub async fn app_by_id(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<Option<AppRow>> {
    let row = sqlx::query(APP_BY_ID).bind(id).fetch_optional(ex).await?;
    Ok(row.as_ref().map(app_from_row).transpose()?)
}

pub async fn app_by_app_id(
    ex: impl Executor<'_, Database = Any>,
    app_id: &str,
) -> AppResult<Option<AppRow>> {
    let row = sqlx::query(APP_BY_APP_ID)
        .bind(app_id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(app_from_row).transpose()?)
}

const SET_ENABLED: &str = "UPDATE partner_apps SET enabled = $1, updated_at = $2 WHERE id = $3";

pub async fn set_enabled(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    enabled: bool,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(SET_ENABLED)
        .bind(enabled as i64)
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const SET_SALT: &str = "UPDATE partner_apps SET secret_salt = $1, updated_at = $2 WHERE id = $3";

pub async fn set_salt(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    salt: &str,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(SET_SALT)
        .bind(salt)
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const INSERT_NONCE: &str = "INSERT INTO partner_nonces (app_ref, nonce, created_at) \
     VALUES ($1, $2, $3) ON CONFLICT (app_ref, nonce) DO NOTHING";

/// Records a nonce; false when the app used it before (one statement, so
/// two requests with one nonce cannot both pass).
pub async fn use_nonce(
    ex: impl Executor<'_, Database = Any>,
    app_ref: Id,
    nonce: &str,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(INSERT_NONCE)
        .bind(app_ref)
        .bind(nonce)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const INSERT_TOKEN: &str =
    "INSERT INTO partner_tokens (token_hash, app_ref, expires_at, created_at) \
     VALUES ($1, $2, $3, $4)";

pub async fn insert_token(
    ex: impl Executor<'_, Database = Any>,
    hash: &str,
    app_ref: Id,
    expires_at: i64,
    now: i64,
) -> AppResult<()> {
    sqlx::query(INSERT_TOKEN)
        .bind(hash)
        .bind(app_ref)
        .bind(expires_at)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

const LIVE_TOKEN: &str = formatcp!(
    "{APP_SELECT} JOIN partner_tokens t ON t.app_ref = a.id \
     WHERE t.token_hash = $1 AND t.expires_at > $2"
);

/// The app of a live token (enabled or not: the caller checks, and logs).
pub async fn app_of_token(
    ex: impl Executor<'_, Database = Any>,
    hash: &str,
    now: i64,
) -> AppResult<Option<AppRow>> {
    let row = sqlx::query(LIVE_TOKEN)
        .bind(hash)
        .bind(now)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(app_from_row).transpose()?)
}

const DROP_TOKENS: &str = "DELETE FROM partner_tokens WHERE app_ref = $1";

/// Ends every token of an app (its secret changed).
pub async fn drop_tokens(ex: impl Executor<'_, Database = Any>, app_ref: Id) -> AppResult<()> {
    sqlx::query(DROP_TOKENS).bind(app_ref).execute(ex).await?;
    Ok(())
}

const INSERT_REQUEST: &str = "INSERT INTO partner_requests (id, app_ref, function, status, \
     latency_ms, error, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";

pub async fn insert_request(
    ex: impl Executor<'_, Database = Any>,
    app_ref: Id,
    r: &PartnerRequest,
) -> AppResult<()> {
    sqlx::query(INSERT_REQUEST)
        .bind(r.id)
        .bind(app_ref)
        .bind(&r.function)
        .bind(r.status)
        .bind(r.latency_ms)
        .bind(r.error.as_deref())
        .bind(r.created_at.0)
        .execute(ex)
        .await?;
    Ok(())
}

const REQUEST_FILTER: &str = "app_ref = $1 AND ($2 IS NULL OR function = $2) AND status >= $3";
const LIST_REQUESTS: &str = formatcp!(
    "SELECT id, function, status, latency_ms, error, created_at FROM partner_requests \
     WHERE {REQUEST_FILTER} ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5"
);
const COUNT_REQUESTS: &str =
    formatcp!("SELECT COUNT(*) FROM partner_requests WHERE {REQUEST_FILTER}");

/// An app's log, newest first.
pub async fn requests(
    db: &Db,
    app_ref: Id,
    f: &PartnerRequestFilter,
    page: PageQuery,
) -> AppResult<Page<PartnerRequest>> {
    let function = f.function.clone().filter(|x| !x.trim().is_empty());
    let min_status: i64 = if f.failed_only { 400 } else { 0 };
    let rows = sqlx::query(LIST_REQUESTS)
        .bind(app_ref)
        .bind(function.clone())
        .bind(min_status)
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(db)
        .await?;
    let items = rows
        .iter()
        .map(|r| {
            Ok(PartnerRequest {
                id: r.try_get("id")?,
                function: r.try_get("function")?,
                status: r.try_get("status")?,
                latency_ms: r.try_get("latency_ms")?,
                error: r.try_get("error")?,
                created_at: Timestamp(r.try_get("created_at")?),
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    crate::db::paged(items, page, async {
        Ok(sqlx::query_scalar(COUNT_REQUESTS)
            .bind(app_ref)
            .bind(function)
            .bind(min_status)
            .fetch_one(db)
            .await?)
    })
    .await
}

const PRUNE_NONCES: &str = "DELETE FROM partner_nonces WHERE created_at < $1";
const PRUNE_TOKENS: &str = "DELETE FROM partner_tokens WHERE expires_at < $1";
const PRUNE_REQUESTS: &str = "DELETE FROM partner_requests WHERE created_at < $1";

/// Drops nonces older than `nonces_before`, expired tokens and log rows
/// older than `log_before`; returns how many rows went.
pub async fn prune(db: &Db, now: i64, nonces_before: i64, log_before: i64) -> AppResult<u64> {
    let a = sqlx::query(PRUNE_NONCES)
        .bind(nonces_before)
        .execute(db)
        .await?;
    let b = sqlx::query(PRUNE_TOKENS).bind(now).execute(db).await?;
    let c = sqlx::query(PRUNE_REQUESTS)
        .bind(log_before)
        .execute(db)
        .await?;
    Ok(a.rows_affected() + b.rows_affected() + c.rows_affected())
}

/// Every statement of this file, by name, for the test that prepares them
/// all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert_app", INSERT_APP),
    ("update_app", UPDATE_APP),
    ("delete_companies", DELETE_COMPANIES),
    ("insert_company", INSERT_COMPANY),
    ("companies_of", COMPANIES_OF),
    ("count_companies", COUNT_COMPANIES),
    ("all_apps", ALL_APPS),
    ("app_by_id", APP_BY_ID),
    ("app_by_app_id", APP_BY_APP_ID),
    ("set_enabled", SET_ENABLED),
    ("set_salt", SET_SALT),
    ("insert_nonce", INSERT_NONCE),
    ("insert_token", INSERT_TOKEN),
    ("live_token", LIVE_TOKEN),
    ("drop_tokens", DROP_TOKENS),
    ("insert_request", INSERT_REQUEST),
    ("list_requests", LIST_REQUESTS),
    ("count_requests", COUNT_REQUESTS),
    ("prune_nonces", PRUNE_NONCES),
    ("prune_tokens", PRUNE_TOKENS),
    ("prune_requests", PRUNE_REQUESTS),
];
