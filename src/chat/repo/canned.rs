//! SQL of canned replies.

use const_format::formatcp;
use sqlx::{Any, Executor, Row};

use crate::chat::model::CannedReply;
use crate::error::AppResult;
use crate::types::{Id, Timestamp};

const INSERT: &str =
    "INSERT INTO canned_replies (id, desk_id, title, body, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)";

pub async fn insert(
    ex: impl Executor<'_, Database = Any>,
    c: &CannedReply,
    by: Id,
) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(c.id)
        .bind(c.desk_id)
        .bind(&c.title)
        .bind(&c.body)
        .bind(by)
        .bind(c.created_at.0)
        .execute(ex)
        .await?;
    Ok(())
}

const SELECT_COLS: &str = "SELECT id, desk_id, title, body, created_at FROM canned_replies";
const ALL: &str = formatcp!("{SELECT_COLS} ORDER BY title, id");
const OF_AGENT: &str = formatcp!(
    "{SELECT_COLS} WHERE desk_id IS NULL \
     OR desk_id IN (SELECT desk_id FROM agent_desks WHERE staff_id = $1) ORDER BY title, id"
);

/// Canned replies by title: every one (`agent` None), or the shared ones and
/// those of the desks `agent` serves.
pub async fn visible_to(
    ex: impl Executor<'_, Database = Any>,
    agent: Option<Id>,
) -> AppResult<Vec<CannedReply>> {
    let q = match agent {
        None => sqlx::query(ALL),
        Some(staff_id) => sqlx::query(OF_AGENT).bind(staff_id),
    };
    let rows = q.fetch_all(ex).await?;
    Ok(rows
        .iter()
        .map(|r| {
            Ok(CannedReply {
                id: r.try_get("id")?,
                desk_id: r.try_get("desk_id")?,
                title: r.try_get("title")?,
                body: r.try_get("body")?,
                created_at: Timestamp(r.try_get("created_at")?),
            })
        })
        .collect::<Result<_, sqlx::Error>>()?)
}

const DELETE: &str = "DELETE FROM canned_replies WHERE id = $1";

pub async fn delete(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<bool> {
    let r = sqlx::query(DELETE).bind(id).execute(ex).await?;
    Ok(r.rows_affected() == 1)
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert", INSERT),
    ("all", ALL),
    ("of_agent", OF_AGENT),
    ("delete", DELETE),
];
