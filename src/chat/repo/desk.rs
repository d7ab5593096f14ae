//! SQL of CS roles and who serves which.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Executor, Row};

use crate::chat::model::CsRole;
use crate::error::AppResult;
use crate::types::{Id, Timestamp};

const ROLE_COLS: &str = "id, code, name_zh, name_en, reassign_after_minutes, created_at";

fn role_from_row(r: &AnyRow) -> Result<CsRole, sqlx::Error> {
    Ok(CsRole {
        id: r.try_get("id")?,
        code: r.try_get("code")?,
        name_zh: r.try_get("name_zh")?,
        name_en: r.try_get("name_en")?,
        reassign_after_minutes: r.try_get("reassign_after_minutes")?,
        created_at: Timestamp(r.try_get("created_at")?),
    })
}

const INSERT_ROLE: &str =
    formatcp!("INSERT INTO cs_roles ({ROLE_COLS}) VALUES ($1, $2, $3, $4, $5, $6)");

pub async fn insert_role(ex: impl Executor<'_, Database = Any>, role: &CsRole) -> AppResult<()> {
    sqlx::query(INSERT_ROLE)
        .bind(role.id)
        .bind(&role.code)
        .bind(&role.name_zh)
        .bind(&role.name_en)
        .bind(role.reassign_after_minutes)
        .bind(role.created_at.0)
        .execute(ex)
        .await?;
    Ok(())
}

const ROLES: &str = formatcp!("SELECT {ROLE_COLS} FROM cs_roles ORDER BY created_at, id");

pub async fn roles(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<CsRole>> {
    let rows = sqlx::query(ROLES).fetch_all(ex).await?;
    Ok(rows.iter().map(role_from_row).collect::<Result<_, _>>()?)
}

const ROLE_BY_ID: &str = formatcp!("SELECT {ROLE_COLS} FROM cs_roles WHERE id = $1");

pub async fn role_by_id(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
) -> AppResult<Option<CsRole>> {
    let row = sqlx::query(ROLE_BY_ID).bind(id).fetch_optional(ex).await?;
    Ok(row.as_ref().map(role_from_row).transpose()?)
}

const REPLACE_AGENT_ROLES: &str = "DELETE FROM cs_agent_roles WHERE staff_id = $1";
const REPLACE_AGENT_ROLES_2: &str =
    "INSERT INTO cs_agent_roles (staff_id, role_id, created_at) VALUES ($1, $2, $3)";

/// Replaces the roles an agent serves.
pub async fn replace_agent_roles(
    conn: &mut AnyConnection,
    staff_id: Id,
    role_ids: &[Id],
    now: i64,
) -> AppResult<()> {
    sqlx::query(REPLACE_AGENT_ROLES)
        .bind(staff_id)
        .execute(&mut *conn)
        .await?;
    for role_id in role_ids {
        sqlx::query(REPLACE_AGENT_ROLES_2)
            .bind(staff_id)
            .bind(role_id)
            .bind(now)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

const AGENT_ROLE_IDS: &str =
    "SELECT role_id FROM cs_agent_roles WHERE staff_id = $1 ORDER BY role_id";

pub async fn agent_role_ids(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
) -> AppResult<Vec<Id>> {
    Ok(sqlx::query_scalar(AGENT_ROLE_IDS)
        .bind(staff_id)
        .fetch_all(ex)
        .await?)
}

const SERVES_ROLE: &str =
    "SELECT COUNT(*) FROM cs_agent_roles WHERE staff_id = $1 AND role_id = $2";

pub async fn serves_role(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
    role_id: Id,
) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar(SERVES_ROLE)
        .bind(staff_id)
        .bind(role_id)
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert_role", INSERT_ROLE),
    ("roles", ROLES),
    ("role_by_id", ROLE_BY_ID),
    ("replace_agent_roles", REPLACE_AGENT_ROLES),
    ("replace_agent_roles_2", REPLACE_AGENT_ROLES_2),
    ("agent_role_ids", AGENT_ROLE_IDS),
    ("serves_role", SERVES_ROLE),
];
