//! Price levels and which company has which.

use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Executor, Row};

use crate::error::{AppError, AppResult};
use crate::pricing::level::{ModeAdjustment, PriceLevel};
use crate::types::Id;

const COLUMNS: &str = "l.id, l.name, l.default_bp, l.by_mode, l.libraries, l.is_default, \
     (SELECT COUNT(*) FROM company_price_levels c WHERE c.level_id = l.id) AS companies";

pub(crate) const ALL: &str = formatcp!("SELECT {COLUMNS} FROM price_levels l ORDER BY l.name");

pub async fn all(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<PriceLevel>> {
    let rows = sqlx::query(ALL).fetch_all(ex).await?;
    rows.iter().map(from_row).collect()
}

pub(crate) const OF_COMPANY: &str = formatcp!(
    "SELECT {COLUMNS} FROM price_levels l WHERE l.id = \
     COALESCE((SELECT level_id FROM company_price_levels WHERE company_id = $1), \
     (SELECT id FROM price_levels WHERE is_default = 1))"
);

/// The company's level, else the default one, else none (table prices).
pub async fn of_company(
    ex: impl Executor<'_, Database = Any>,
    company: Id,
) -> AppResult<Option<PriceLevel>> {
    let row = sqlx::query(OF_COMPANY)
        .bind(company)
        .fetch_optional(ex)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub(crate) const OWN_LEVEL: &str =
    "SELECT level_id FROM company_price_levels WHERE company_id = $1";

/// The level given to the company itself, if any.
pub async fn own_of_company(
    ex: impl Executor<'_, Database = Any>,
    company: Id,
) -> AppResult<Option<Id>> {
    let id = sqlx::query_scalar(OWN_LEVEL)
        .bind(company)
        .fetch_optional(ex)
        .await?;
    Ok(id)
}

pub(crate) const DEFAULT: &str =
    formatcp!("SELECT {COLUMNS} FROM price_levels l WHERE l.is_default = 1");

pub async fn default(ex: impl Executor<'_, Database = Any>) -> AppResult<Option<PriceLevel>> {
    let row = sqlx::query(DEFAULT).fetch_optional(ex).await?;
    row.as_ref().map(from_row).transpose()
}

pub(crate) const INSERT: &str = "INSERT INTO price_levels (id, name, default_bp, by_mode, \
     is_default, libraries, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $7, $6, $6)";

pub async fn insert(
    ex: impl Executor<'_, Database = Any>,
    l: &PriceLevel,
    now: i64,
) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(l.id)
        .bind(&l.name)
        .bind(l.default_bp as i64)
        .bind(by_mode(&l.by_mode)?)
        .bind(l.is_default as i64)
        .bind(now)
        .bind(ids(&l.libraries)?)
        .execute(ex)
        .await?;
    Ok(())
}

pub(crate) const UPDATE: &str = "UPDATE price_levels SET name = $1, default_bp = $2, \
     by_mode = $3, is_default = $4, updated_at = $5, libraries = $7 WHERE id = $6";

pub async fn update(
    ex: impl Executor<'_, Database = Any>,
    l: &PriceLevel,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(UPDATE)
        .bind(&l.name)
        .bind(l.default_bp as i64)
        .bind(by_mode(&l.by_mode)?)
        .bind(l.is_default as i64)
        .bind(now)
        .bind(l.id)
        .bind(ids(&l.libraries)?)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub(crate) const CLEAR_LIBRARIES: &str = "DELETE FROM price_level_libraries WHERE level_id = $1";
pub(crate) const INSERT_LIBRARY: &str =
    "INSERT INTO price_level_libraries (level_id, library_id, created_at) VALUES ($1, $2, $3)";

/// Records the libraries `l` uses now (in the transaction that stores it);
/// `Some(i)` when `l.libraries[i]` is no stored library.
pub async fn set_library_uses(
    conn: &mut AnyConnection,
    l: &PriceLevel,
    now: i64,
) -> AppResult<Option<usize>> {
    sqlx::query(CLEAR_LIBRARIES)
        .bind(l.id)
        .execute(&mut *conn)
        .await?;
    let mut seen = std::collections::HashSet::new();
    for (i, lib) in l.libraries.iter().enumerate() {
        if !seen.insert(lib) {
            continue;
        }
        let r = sqlx::query(INSERT_LIBRARY)
            .bind(l.id)
            .bind(lib)
            .bind(now)
            .execute(&mut *conn)
            .await;
        match r {
            Err(e) if super::channel::is_foreign_key_violation(&e) => return Ok(Some(i)),
            r => r?,
        };
    }
    Ok(None)
}

pub(crate) const CLEAR_DEFAULT: &str =
    "UPDATE price_levels SET is_default = 0 WHERE is_default = 1 AND id <> $1";

/// Leaves `keep` the only default.
pub async fn clear_default(ex: impl Executor<'_, Database = Any>, keep: Id) -> AppResult<()> {
    sqlx::query(CLEAR_DEFAULT).bind(keep).execute(ex).await?;
    Ok(())
}

pub(crate) const DELETE_UNUSED: &str = "DELETE FROM price_levels WHERE id = $1 AND is_default = 0 \
     AND NOT EXISTS (SELECT 1 FROM company_price_levels WHERE level_id = $1)";

/// Deletes a level no company has and that is not the default, in one
/// statement; false when it is in use (or absent).
pub async fn delete_unused(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<bool> {
    let r = sqlx::query(DELETE_UNUSED).bind(id).execute(ex).await?;
    Ok(r.rows_affected() == 1)
}

pub(crate) const EXISTS: &str = "SELECT COUNT(*) FROM price_levels WHERE id = $1";

pub async fn exists(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar(EXISTS).bind(id).fetch_one(ex).await?;
    Ok(n > 0)
}

pub(crate) const SET_COMPANY: &str = "INSERT INTO company_price_levels (company_id, level_id, \
     created_at) VALUES ($1, $2, $3) ON CONFLICT (company_id) DO UPDATE SET level_id = $2";
pub(crate) const CLEAR_COMPANY: &str = "DELETE FROM company_price_levels WHERE company_id = $1";

/// Gives a company a level, or (None) the default again.
pub async fn set_company(
    ex: impl Executor<'_, Database = Any>,
    company: Id,
    level: Option<Id>,
    now: i64,
) -> AppResult<()> {
    match level {
        Some(l) => {
            sqlx::query(SET_COMPANY)
                .bind(company)
                .bind(l)
                .bind(now)
                .execute(ex)
                .await?
        }
        None => sqlx::query(CLEAR_COMPANY).bind(company).execute(ex).await?,
    };
    Ok(())
}

fn ids(v: &[Id]) -> AppResult<String> {
    serde_json::to_string(v).map_err(|_| AppError::Internal)
}

fn by_mode(v: &[ModeAdjustment]) -> AppResult<String> {
    serde_json::to_string(v).map_err(|_| AppError::Internal)
}

fn from_row(r: &AnyRow) -> AppResult<PriceLevel> {
    let modes: String = r.try_get("by_mode")?;
    let libraries: String = r.try_get("libraries")?;
    Ok(PriceLevel {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        default_bp: r.try_get::<i64, _>("default_bp")? as i32,
        by_mode: serde_json::from_str(&modes).map_err(|e| {
            tracing::error!(error = %e, "a stored price level did not parse");
            AppError::Internal
        })?,
        libraries: serde_json::from_str(&libraries).map_err(|_| AppError::Internal)?,
        is_default: r.try_get::<i64, _>("is_default")? != 0,
        companies: r.try_get("companies")?,
    })
}

use const_format::formatcp;
