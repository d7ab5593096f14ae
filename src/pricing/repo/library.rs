//! Channel libraries and the tag list.

use sqlx::{Any, Executor, Row};

use crate::error::{AppError, AppResult};
use crate::pricing::library::{ChannelLibrary, LibraryForSave};
use crate::types::Id;

pub(crate) const ALL: &str = "SELECT id, name, definition FROM channel_libraries ORDER BY name";

/// Every library, by name (channel counts are the service's).
pub async fn all(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<ChannelLibrary>> {
    let rows = sqlx::query(ALL).fetch_all(ex).await?;
    rows.iter()
        .map(|r| {
            let def: LibraryForSave = parse(&r.try_get::<String, _>("definition")?)?;
            Ok(ChannelLibrary {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                rules: def.rules,
                include: def.include,
                exclude: def.exclude,
                channels: 0,
            })
        })
        .collect()
}

pub(crate) const INSERT: &str = "INSERT INTO channel_libraries (id, name, definition, \
     created_at, updated_at) VALUES ($1, $2, $3, $4, $4)";
pub(crate) const UPDATE: &str =
    "UPDATE channel_libraries SET name = $1, definition = $2, updated_at = $3 WHERE id = $4";

/// Stores a library: a new one when `l.id` is not stored yet (`created`).
pub async fn save(
    ex: impl Executor<'_, Database = Any>,
    l: &LibraryForSave,
    created: bool,
    now: i64,
) -> AppResult<bool> {
    let def = serde_json::to_string(l).map_err(|_| AppError::Internal)?;
    let r = if created {
        sqlx::query(INSERT)
            .bind(l.id)
            .bind(l.name.trim())
            .bind(def)
            .bind(now)
            .execute(ex)
            .await?
    } else {
        sqlx::query(UPDATE)
            .bind(l.name.trim())
            .bind(def)
            .bind(now)
            .bind(l.id)
            .execute(ex)
            .await?
    };
    Ok(r.rows_affected() == 1)
}

pub(crate) const DELETE_UNUSED: &str = "DELETE FROM channel_libraries WHERE id = $1 \
     AND NOT EXISTS (SELECT 1 FROM price_level_libraries WHERE library_id = $1)";

/// Deletes a library no price level uses, in one statement; false when it
/// is in use (or absent).
pub async fn delete_unused(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<bool> {
    let r = sqlx::query(DELETE_UNUSED).bind(id).execute(ex).await?;
    Ok(r.rows_affected() == 1)
}

pub(crate) const EXISTS: &str = "SELECT COUNT(*) FROM channel_libraries WHERE id = $1";

pub async fn exists(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar(EXISTS).bind(id).fetch_one(ex).await?;
    Ok(n > 0)
}

pub(crate) const TAGS: &str = "SELECT name FROM channel_tags ORDER BY name";

pub async fn tags(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<String>> {
    Ok(sqlx::query_scalar(TAGS).fetch_all(ex).await?)
}

pub(crate) const INSERT_TAG: &str =
    "INSERT INTO channel_tags (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING";

/// Adds a tag; false when it is there already.
pub async fn insert_tag(
    ex: impl Executor<'_, Database = Any>,
    name: &str,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(INSERT_TAG)
        .bind(name)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub(crate) const DELETE_UNUSED_TAG: &str = "DELETE FROM channel_tags WHERE name = $1 \
     AND NOT EXISTS (SELECT 1 FROM channel_tag_uses WHERE tag = $1)";

/// Deletes a tag no channel carries, in one statement; false when one
/// does (or there is no such tag).
pub async fn delete_unused_tag(
    ex: impl Executor<'_, Database = Any>,
    name: &str,
) -> AppResult<bool> {
    let r = sqlx::query(DELETE_UNUSED_TAG)
        .bind(name)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub(crate) const TAG_EXISTS: &str = "SELECT COUNT(*) FROM channel_tags WHERE name = $1";

pub async fn tag_exists(ex: impl Executor<'_, Database = Any>, name: &str) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar(TAG_EXISTS)
        .bind(name)
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

fn parse<T: serde::de::DeserializeOwned>(s: &str) -> AppResult<T> {
    serde_json::from_str(s).map_err(|e| {
        tracing::error!(error = %e, "a stored library did not parse");
        AppError::Internal
    })
}
