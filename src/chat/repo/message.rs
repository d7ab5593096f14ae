//! SQL of messages: storing one, finding one by seq or client id, reading
//! a page after a seq (for a client, or an export without notes), recalling.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, FromRow};

use crate::chat::model::*;
use crate::db::Flag;
use crate::error::AppResult;
use crate::types::{Id, PageQuery, Timestamp};

const MSG_COLS: &str = "id, conversation_id, seq, sender_kind, sender_id, client_id, kind, \
     body, reply_to_seq, recalled, created_at";

/// A message as `MSG_COLS` reads it.
#[derive(sqlx::FromRow)]
struct MessageRow {
    id: Id,
    conversation_id: Id,
    seq: i64,
    #[sqlx(try_from = "String")]
    sender_kind: SenderKind,
    sender_id: Id,
    client_id: String,
    #[sqlx(try_from = "String")]
    kind: MessageKind,
    body: String,
    reply_to_seq: Option<i64>,
    #[sqlx(try_from = "i64")]
    recalled: Flag,
    #[sqlx(try_from = "i64")]
    created_at: Timestamp,
}

/// A recalled message is returned without its body.
fn from_row(r: &AnyRow) -> Result<Message, sqlx::Error> {
    let r = MessageRow::from_row(r)?;
    Ok(Message {
        id: r.id,
        conversation_id: r.conversation_id,
        seq: r.seq,
        sender_kind: r.sender_kind,
        sender_id: r.sender_id,
        client_id: r.client_id,
        kind: r.kind,
        body: if r.recalled.0 { String::new() } else { r.body },
        reply_to_seq: r.reply_to_seq,
        recalled: r.recalled.0,
        created_at: r.created_at,
    })
}
const INSERT: &str = formatcp!(
    "INSERT INTO messages ({MSG_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10)"
);

pub async fn insert(ex: impl Executor<'_, Database = Any>, m: &Message) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(m.id)
        .bind(m.conversation_id)
        .bind(m.seq)
        .bind(m.sender_kind.as_str())
        .bind(m.sender_id)
        .bind(&m.client_id)
        .bind(m.kind.as_str())
        .bind(&m.body)
        .bind(m.reply_to_seq)
        .bind(m.created_at.0)
        .execute(ex)
        .await?;
    Ok(())
}

const BY_CLIENT_ID: &str = formatcp!(
    "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND sender_kind = $2 \
         AND sender_id = $3 AND client_id = $4"
);

pub async fn by_client_id<'e>(
    ex: impl Executor<'e, Database = Any>,
    conversation_id: Id,
    sender: SenderKind,
    sender_id: Id,
    client_id: &str,
) -> AppResult<Option<Message>> {
    let row = sqlx::query(BY_CLIENT_ID)
        .bind(conversation_id)
        .bind(sender.as_str())
        .bind(sender_id)
        .bind(client_id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

const BY_SEQ: &str =
    formatcp!("SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND seq = $2");

pub async fn by_seq<'e>(
    ex: impl Executor<'e, Database = Any>,
    conversation_id: Id,
    seq: i64,
) -> AppResult<Option<Message>> {
    let row = sqlx::query(BY_SEQ)
        .bind(conversation_id)
        .bind(seq)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

const AFTER: &str = formatcp!(
    "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND seq > $2 \
     ORDER BY seq LIMIT $3"
);
const AFTER_NO_NOTES: &str = formatcp!(
    "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND seq > $2 \
     AND kind <> 'note' ORDER BY seq LIMIT $3"
);

/// Messages after `after_seq` in seq order; notes only `with_notes`.
pub async fn after(
    ex: impl Executor<'_, Database = Any>,
    conversation_id: Id,
    after_seq: i64,
    limit: i64,
    with_notes: bool,
) -> AppResult<Vec<Message>> {
    let sql = if with_notes { AFTER } else { AFTER_NO_NOTES };
    let rows = sqlx::query(sql)
        .bind(conversation_id)
        .bind(after_seq)
        .bind(limit)
        .fetch_all(ex)
        .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

const EXPORT_PAGE: &str = formatcp!(
    "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND seq > $2 \
     AND created_at >= $3 AND created_at <= $4 AND kind <> 'note' \
     ORDER BY seq LIMIT $5 OFFSET $6"
);

/// One page of the messages after `after_seq` sent within `from..=to`
/// (epoch ms), notes left out, in seq order.
pub async fn export_page(
    ex: impl Executor<'_, Database = Any>,
    conversation_id: Id,
    after_seq: i64,
    (from, to): (i64, i64),
    page: PageQuery,
) -> AppResult<Vec<Message>> {
    let rows = sqlx::query(EXPORT_PAGE)
        .bind(conversation_id)
        .bind(after_seq)
        .bind(from)
        .bind(to)
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(ex)
        .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

const SET_RECALLED: &str = "UPDATE messages SET recalled = 1 WHERE id = $1 AND recalled = 0";

/// Marks a message recalled unless it already is.
pub async fn set_recalled(
    ex: impl Executor<'_, Database = Any>,
    message_id: Id,
) -> AppResult<bool> {
    let r = sqlx::query(SET_RECALLED)
        .bind(message_id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert", INSERT),
    ("by_client_id", BY_CLIENT_ID),
    ("by_seq", BY_SEQ),
    ("after", AFTER),
    ("after_no_notes", AFTER_NO_NOTES),
    ("export_page", EXPORT_PAGE),
    ("set_recalled", SET_RECALLED),
];
