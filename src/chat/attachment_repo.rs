//! SQL of attachments.

use sqlx::Row;

use super::attachment::Attachment;
use super::model::SenderKind;
use crate::db::Db;
use crate::error::AppResult;
use crate::types::{Id, Timestamp};

pub async fn insert(db: &Db, a: &Attachment, kind: SenderKind, uploader: Id) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO attachments (key, conversation_id, uploader_kind, uploader_id, name, mime, \
         size, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&a.key)
    .bind(a.conversation_id)
    .bind(kind.as_str())
    .bind(uploader)
    .bind(&a.name)
    .bind(&a.mime)
    .bind(a.size)
    .bind(a.created_at.0)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn by_key(db: &Db, key: &str) -> AppResult<Option<Attachment>> {
    let row = sqlx::query(
        "SELECT key, conversation_id, name, mime, size, created_at FROM attachments WHERE key = $1",
    )
    .bind(key)
    .fetch_optional(db)
    .await?;
    Ok(row
        .map(|r| {
            Ok::<_, sqlx::Error>(Attachment {
                key: r.try_get("key")?,
                conversation_id: r.try_get("conversation_id")?,
                name: r.try_get("name")?,
                mime: r.try_get("mime")?,
                size: r.try_get("size")?,
                created_at: Timestamp(r.try_get("created_at")?),
            })
        })
        .transpose()?)
}
