//! SQL of desks and who serves which.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Executor, Row};

use crate::chat::model::Desk;
use crate::error::AppResult;
use crate::types::{Id, Timestamp};

const DESK_COLS: &str = "id, code, name_zh, name_en, reassign_after_minutes, created_at";

fn desk_from_row(r: &AnyRow) -> Result<Desk, sqlx::Error> {
    Ok(Desk {
        id: r.try_get("id")?,
        code: r.try_get("code")?,
        name_zh: r.try_get("name_zh")?,
        name_en: r.try_get("name_en")?,
        reassign_after_minutes: r.try_get("reassign_after_minutes")?,
        created_at: Timestamp(r.try_get("created_at")?),
    })
}

const INSERT: &str = formatcp!("INSERT INTO desks ({DESK_COLS}) VALUES ($1, $2, $3, $4, $5, $6)");

pub async fn insert(ex: impl Executor<'_, Database = Any>, desk: &Desk) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(desk.id)
        .bind(&desk.code)
        .bind(&desk.name_zh)
        .bind(&desk.name_en)
        .bind(desk.reassign_after_minutes)
        .bind(desk.created_at.0)
        .execute(ex)
        .await?;
    Ok(())
}

const ALL: &str = formatcp!("SELECT {DESK_COLS} FROM desks ORDER BY created_at, id");

pub async fn all(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<Desk>> {
    let rows = sqlx::query(ALL).fetch_all(ex).await?;
    Ok(rows.iter().map(desk_from_row).collect::<Result<_, _>>()?)
}

const BY_ID: &str = formatcp!("SELECT {DESK_COLS} FROM desks WHERE id = $1");

pub async fn by_id(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<Option<Desk>> {
    let row = sqlx::query(BY_ID).bind(id).fetch_optional(ex).await?;
    Ok(row.as_ref().map(desk_from_row).transpose()?)
}

const REPLACE_AGENT_DESKS: &str = "DELETE FROM agent_desks WHERE staff_id = $1";
const REPLACE_AGENT_DESKS_2: &str =
    "INSERT INTO agent_desks (staff_id, desk_id, created_at) VALUES ($1, $2, $3)";

/// Replaces the desks an agent serves.
pub async fn replace_agent_desks(
    conn: &mut AnyConnection,
    staff_id: Id,
    desk_ids: &[Id],
    now: i64,
) -> AppResult<()> {
    sqlx::query(REPLACE_AGENT_DESKS)
        .bind(staff_id)
        .execute(&mut *conn)
        .await?;
    for desk_id in desk_ids {
        sqlx::query(REPLACE_AGENT_DESKS_2)
            .bind(staff_id)
            .bind(desk_id)
            .bind(now)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

const AGENT_DESK_IDS: &str = "SELECT desk_id FROM agent_desks WHERE staff_id = $1 ORDER BY desk_id";

pub async fn agent_desk_ids(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
) -> AppResult<Vec<Id>> {
    Ok(sqlx::query_scalar(AGENT_DESK_IDS)
        .bind(staff_id)
        .fetch_all(ex)
        .await?)
}

const SERVES_DESK: &str = "SELECT COUNT(*) FROM agent_desks WHERE staff_id = $1 AND desk_id = $2";

pub async fn serves_desk(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
    desk_id: Id,
) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar(SERVES_DESK)
        .bind(staff_id)
        .bind(desk_id)
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert", INSERT),
    ("all", ALL),
    ("by_id", BY_ID),
    ("replace_agent_desks", REPLACE_AGENT_DESKS),
    ("replace_agent_desks_2", REPLACE_AGENT_DESKS_2),
    ("agent_desk_ids", AGENT_DESK_IDS),
    ("serves_desk", SERVES_DESK),
];
