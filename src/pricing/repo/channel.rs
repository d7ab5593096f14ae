//! Channels: the definition as JSON beside the columns lists use, and every
//! version of it.

use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Executor, Row};

use crate::error::{AppError, AppResult};
use crate::pricing::model::{Channel, ChannelVersion};
use crate::types::{Id, Timestamp};

pub(crate) const INSERT_CHANNEL: &str = "INSERT INTO channels (id, name, mode, carrier, \
     country, enabled, special, definition, table_version, updated_by, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)";

/// Stores a new channel at its `table_version` (in the caller's transaction).
pub async fn insert(
    ex: impl Executor<'_, Database = Any>,
    ch: &Channel,
    by: Option<Id>,
    now: i64,
) -> AppResult<()> {
    sqlx::query(INSERT_CHANNEL)
        .bind(ch.id)
        .bind(&ch.name)
        .bind(ch.mode.as_str())
        .bind(&ch.carrier)
        .bind(&ch.country)
        .bind(ch.enabled as i64)
        .bind(ch.special.is_some() as i64)
        .bind(definition(ch)?)
        .bind(ch.table_version as i64)
        .bind(by)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

pub(crate) const UPDATE_CHANNEL: &str = "UPDATE channels SET name = $1, mode = $2, carrier = $3, \
     country = $4, enabled = $5, special = $6, definition = $7, table_version = $8, \
     updated_by = $9, updated_at = $10 WHERE id = $11 AND table_version = $12";

/// Replaces a channel read at version `ch.table_version - 1` with `ch`;
/// false when someone changed it since (or it does not exist).
pub async fn update(
    ex: impl Executor<'_, Database = Any>,
    ch: &Channel,
    by: Id,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(UPDATE_CHANNEL)
        .bind(&ch.name)
        .bind(ch.mode.as_str())
        .bind(&ch.carrier)
        .bind(&ch.country)
        .bind(ch.enabled as i64)
        .bind(ch.special.is_some() as i64)
        .bind(definition(ch)?)
        .bind(ch.table_version as i64)
        .bind(by)
        .bind(now)
        .bind(ch.id)
        .bind(ch.table_version as i64 - 1)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub(crate) const SET_ENABLED: &str =
    "UPDATE channels SET enabled = $1, updated_by = $2, updated_at = $3 WHERE id = $4";

/// Turns a channel on or off without a new table version (the prices are
/// the same); false when there is no such channel.
pub async fn set_enabled(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    enabled: bool,
    by: Id,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(SET_ENABLED)
        .bind(enabled as i64)
        .bind(by)
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub(crate) const INSERT_VERSION: &str = "INSERT INTO channel_versions (channel_id, version, \
     definition, changed_by, created_at) VALUES ($1, $2, $3, $4, $5)";

/// Keeps `ch` as its version `ch.table_version`.
pub async fn insert_version(
    ex: impl Executor<'_, Database = Any>,
    ch: &Channel,
    by: Option<Id>,
    now: i64,
) -> AppResult<()> {
    sqlx::query(INSERT_VERSION)
        .bind(ch.id)
        .bind(ch.table_version as i64)
        .bind(definition(ch)?)
        .bind(by)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

pub(crate) const CLEAR_TAG_USES: &str = "DELETE FROM channel_tag_uses WHERE channel_id = $1";
pub(crate) const INSERT_TAG_USE: &str =
    "INSERT INTO channel_tag_uses (channel_id, tag, created_at) VALUES ($1, $2, $3)";

/// Records the tags `ch` carries now (in the transaction that stores it);
/// `Some(i)` when `ch.tags[i]` is not in the tag list (its key refuses it).
pub async fn set_tag_uses(
    conn: &mut AnyConnection,
    ch: &Channel,
    now: i64,
) -> AppResult<Option<usize>> {
    sqlx::query(CLEAR_TAG_USES)
        .bind(ch.id)
        .execute(&mut *conn)
        .await?;
    let mut seen = std::collections::HashSet::new();
    for (i, tag) in ch.tags.iter().enumerate() {
        if !seen.insert(tag) {
            continue;
        }
        let r = sqlx::query(INSERT_TAG_USE)
            .bind(ch.id)
            .bind(tag)
            .bind(now)
            .execute(&mut *conn)
            .await;
        match r {
            Err(e) if is_foreign_key_violation(&e) => return Ok(Some(i)),
            r => r?,
        };
    }
    Ok(None)
}

/// The statement named a row that is not there (a tag, a library).
pub(crate) fn is_foreign_key_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(|d| d.is_foreign_key_violation())
}

const COLUMNS: &str = "id, enabled, definition, table_version, updated_at";

pub(crate) const ALL_CHANNELS: &str = formatcp!("SELECT {COLUMNS} FROM channels ORDER BY id");

/// A stored channel and when it last changed.
pub struct ChannelRow {
    pub channel: Channel,
    pub updated_at: Timestamp,
}

/// Every channel, enabled or not, in id order (what the engine loads).
pub async fn all(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<ChannelRow>> {
    let rows = sqlx::query(ALL_CHANNELS).fetch_all(ex).await?;
    rows.iter().map(from_row).collect()
}

pub(crate) const BY_ID: &str = formatcp!("SELECT {COLUMNS} FROM channels WHERE id = $1");

pub async fn by_id(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<Option<ChannelRow>> {
    let row = sqlx::query(BY_ID).bind(id).fetch_optional(ex).await?;
    row.as_ref().map(from_row).transpose()
}

pub(crate) const COUNT: &str = "SELECT COUNT(*) FROM channels";

pub async fn count(ex: impl Executor<'_, Database = Any>) -> AppResult<i64> {
    Ok(sqlx::query_scalar(COUNT).fetch_one(ex).await?)
}

pub(crate) const VERSIONS: &str = "SELECT v.version, v.created_at, COALESCE(s.name, '') AS name \
     FROM channel_versions v LEFT JOIN staff s ON s.id = v.changed_by \
     WHERE v.channel_id = $1 ORDER BY v.version DESC";

/// A channel's versions, newest first.
pub async fn versions(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
) -> AppResult<Vec<ChannelVersion>> {
    let rows = sqlx::query(VERSIONS).bind(id).fetch_all(ex).await?;
    rows.iter()
        .map(|r| {
            Ok(ChannelVersion {
                version: r.try_get::<i64, _>("version")? as u32,
                changed_by: r.try_get("name")?,
                created_at: Timestamp(r.try_get("created_at")?),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

pub(crate) const VERSION_DEFINITION: &str =
    "SELECT definition FROM channel_versions WHERE channel_id = $1 AND version = $2";

/// The channel as it was at `version` of its table, if that version is kept.
pub async fn at_version(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    version: u32,
) -> AppResult<Option<Channel>> {
    let text: Option<String> = sqlx::query_scalar(VERSION_DEFINITION)
        .bind(id)
        .bind(version as i64)
        .fetch_optional(ex)
        .await?;
    let Some(text) = text else { return Ok(None) };
    let mut ch: Channel = serde_json::from_str(&text).map_err(|e| {
        tracing::error!(error = %e, "a stored channel version did not parse");
        AppError::Internal
    })?;
    (ch.id, ch.table_version) = (id, version);
    Ok(Some(ch))
}

fn definition(ch: &Channel) -> AppResult<String> {
    serde_json::to_string(ch).map_err(|e| {
        tracing::error!(error = %e, "a channel did not serialise");
        AppError::Internal
    })
}

/// The row's channel: the definition, with the columns' id, version and
/// enabled flag over whatever it says.
fn from_row(r: &AnyRow) -> AppResult<ChannelRow> {
    let text: String = r.try_get("definition")?;
    let mut channel: Channel = serde_json::from_str(&text).map_err(|e| {
        tracing::error!(error = %e, "a stored channel did not parse");
        AppError::Internal
    })?;
    channel.id = r.try_get("id")?;
    channel.table_version = r.try_get::<i64, _>("table_version")? as u32;
    channel.enabled = r.try_get::<i64, _>("enabled")? != 0;
    Ok(ChannelRow {
        channel,
        updated_at: Timestamp(r.try_get("updated_at")?),
    })
}

use const_format::formatcp;
