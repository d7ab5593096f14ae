//! SQL of conversations and messages. Functions that must run together take
//! a connection (`&mut *tx`); the services own the transactions.

use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Executor, Row};

use super::model::*;
use crate::error::AppResult;
use crate::types::{Id, Timestamp};

/// Conversation columns; queries name the table `c`.
pub const CONV_COLS: &str = "c.id, c.company_id, c.member_id, c.role_id, c.status, \
     c.assignee_staff_id, c.assigned_at, c.last_seq, c.last_message_at, c.awaiting_since, \
     c.customer_read_seq, c.staff_read_seq, c.created_at, c.updated_at, c.resolved_at";
const MSG_COLS: &str = "id, conversation_id, seq, sender_kind, sender_id, client_id, kind, \
     body, reply_to_seq, recalled, created_at";

pub fn conversation_from_row(r: &AnyRow) -> Result<Conversation, sqlx::Error> {
    let ts = |col: &str| -> Result<Option<Timestamp>, sqlx::Error> {
        Ok(r.try_get::<Option<i64>, _>(col)?.map(Timestamp))
    };
    Ok(Conversation {
        id: r.try_get("id")?,
        company_id: r.try_get("company_id")?,
        member_id: r.try_get("member_id")?,
        role_id: r.try_get("role_id")?,
        status: ConversationStatus::parse(&r.try_get::<String, _>("status")?)
            .map_err(|e| sqlx::Error::Decode(e.to_string().into()))?,
        assignee_staff_id: r.try_get("assignee_staff_id")?,
        assigned_at: ts("assigned_at")?,
        last_seq: r.try_get("last_seq")?,
        last_message_at: Timestamp(r.try_get("last_message_at")?),
        awaiting_since: ts("awaiting_since")?,
        customer_read_seq: r.try_get("customer_read_seq")?,
        staff_read_seq: r.try_get("staff_read_seq")?,
        created_at: Timestamp(r.try_get("created_at")?),
        updated_at: Timestamp(r.try_get("updated_at")?),
        resolved_at: ts("resolved_at")?,
    })
}

/// A recalled message is returned without its body.
fn message_from_row(r: &AnyRow) -> Result<Message, sqlx::Error> {
    let decode = |e: crate::error::AppError| sqlx::Error::Decode(e.to_string().into());
    let recalled = r.try_get::<i64, _>("recalled")? != 0;
    Ok(Message {
        id: r.try_get("id")?,
        conversation_id: r.try_get("conversation_id")?,
        seq: r.try_get("seq")?,
        sender_kind: SenderKind::parse(&r.try_get::<String, _>("sender_kind")?).map_err(decode)?,
        sender_id: r.try_get("sender_id")?,
        client_id: r.try_get("client_id")?,
        kind: MessageKind::parse(&r.try_get::<String, _>("kind")?).map_err(decode)?,
        body: if recalled {
            String::new()
        } else {
            r.try_get("body")?
        },
        reply_to_seq: r.try_get("reply_to_seq")?,
        recalled,
        created_at: Timestamp(r.try_get("created_at")?),
    })
}

pub async fn conversation_by_id<'e>(
    ex: impl Executor<'e, Database = Any>,
    id: Id,
) -> AppResult<Option<Conversation>> {
    let row = sqlx::query(&format!(
        "SELECT {CONV_COLS} FROM conversations c WHERE c.id = $1"
    ))
    .bind(id)
    .fetch_optional(ex)
    .await?;
    Ok(row.as_ref().map(conversation_from_row).transpose()?)
}

/// The member's unresolved conversation in a role, if any (there is at most one).
pub async fn active_conversation(
    db: &crate::db::Db,
    member_id: Id,
    role_id: Id,
) -> AppResult<Option<Conversation>> {
    let row = sqlx::query(&format!(
        "SELECT {CONV_COLS} FROM conversations c \
         WHERE c.member_id = $1 AND c.role_id = $2 AND c.status <> 'resolved'"
    ))
    .bind(member_id)
    .bind(role_id)
    .fetch_optional(db)
    .await?;
    Ok(row.as_ref().map(conversation_from_row).transpose()?)
}

pub async fn insert_conversation(conn: &mut AnyConnection, c: &Conversation) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO conversations (id, company_id, member_id, role_id, status, last_seq, \
         last_message_at, customer_read_seq, staff_read_seq, created_at, updated_at, \
         assignee_staff_id, assigned_at) \
         VALUES ($1, $2, $3, $4, $5, 0, $6, 0, 0, $6, $6, $7, $8)",
    )
    .bind(c.id)
    .bind(c.company_id)
    .bind(c.member_id)
    .bind(c.role_id)
    .bind(c.status.as_str())
    .bind(c.created_at.0)
    .bind(c.assignee_staff_id)
    .bind(c.assigned_at.map(|t| t.0))
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes the conversation's row lock (PostgreSQL) or the write lock (SQLite)
/// with a write that changes nothing, so that what the transaction reads next
/// cannot change under it. False if the conversation does not exist.
pub async fn lock_conversation(conn: &mut AnyConnection, id: Id) -> AppResult<bool> {
    let r = sqlx::query("UPDATE conversations SET last_seq = last_seq WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Takes the next seq of a conversation and moves what a new message moves:
/// the sender's read mark, the wait for an answer, the last-message time
/// (notes move neither of the last two).
pub async fn next_seq(
    conn: &mut AnyConnection,
    id: Id,
    sender: SenderKind,
    kind: MessageKind,
    now: i64,
) -> AppResult<i64> {
    let set = match (sender, kind) {
        (SenderKind::Member, _) => {
            "customer_read_seq = last_seq + 1, awaiting_since = COALESCE(awaiting_since, $2), \
             last_message_at = $2"
        }
        (SenderKind::Staff, MessageKind::Note) => "staff_read_seq = last_seq + 1",
        (SenderKind::Staff, _) => {
            "staff_read_seq = last_seq + 1, awaiting_since = NULL, last_message_at = $2"
        }
        (SenderKind::System, _) => "last_message_at = $2",
    };
    Ok(sqlx::query_scalar(&format!(
        "UPDATE conversations SET last_seq = last_seq + 1, updated_at = $2, {set} \
         WHERE id = $1 RETURNING last_seq"
    ))
    .bind(id)
    .bind(now)
    .fetch_one(conn)
    .await?)
}

pub async fn insert_message(conn: &mut AnyConnection, m: &Message) -> AppResult<()> {
    sqlx::query(&format!(
        "INSERT INTO messages ({MSG_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10)"
    ))
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
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn message_by_client_id<'e>(
    ex: impl Executor<'e, Database = Any>,
    conversation_id: Id,
    sender: SenderKind,
    sender_id: Id,
    client_id: &str,
) -> AppResult<Option<Message>> {
    let row = sqlx::query(&format!(
        "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND sender_kind = $2 \
         AND sender_id = $3 AND client_id = $4"
    ))
    .bind(conversation_id)
    .bind(sender.as_str())
    .bind(sender_id)
    .bind(client_id)
    .fetch_optional(ex)
    .await?;
    Ok(row.as_ref().map(message_from_row).transpose()?)
}

pub async fn message_by_seq<'e>(
    ex: impl Executor<'e, Database = Any>,
    conversation_id: Id,
    seq: i64,
) -> AppResult<Option<Message>> {
    let row = sqlx::query(&format!(
        "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND seq = $2"
    ))
    .bind(conversation_id)
    .bind(seq)
    .fetch_optional(ex)
    .await?;
    Ok(row.as_ref().map(message_from_row).transpose()?)
}

/// Messages after `after_seq` in seq order; notes only `with_notes`.
pub async fn messages_after(
    db: &crate::db::Db,
    conversation_id: Id,
    after_seq: i64,
    limit: i64,
    with_notes: bool,
) -> AppResult<Vec<Message>> {
    let notes = if with_notes { "" } else { "AND kind <> 'note'" };
    let rows = sqlx::query(&format!(
        "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND seq > $2 {notes} \
         ORDER BY seq LIMIT $3"
    ))
    .bind(conversation_id)
    .bind(after_seq)
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows
        .iter()
        .map(message_from_row)
        .collect::<Result<_, _>>()?)
}

/// Marks a message recalled unless it already is.
pub async fn set_recalled(conn: &mut AnyConnection, message_id: Id) -> AppResult<bool> {
    let r = sqlx::query("UPDATE messages SET recalled = 1 WHERE id = $1 AND recalled = 0")
        .bind(message_id)
        .execute(conn)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Moves one side's read mark forward to `seq` (never back).
pub async fn mark_read(db: &crate::db::Db, id: Id, side: SenderKind, seq: i64) -> AppResult<()> {
    let col = match side {
        SenderKind::Member => "customer_read_seq",
        _ => "staff_read_seq",
    };
    sqlx::query(&format!(
        "UPDATE conversations SET {col} = $1 WHERE id = $2 AND {col} < $1 AND last_seq >= $1"
    ))
    .bind(seq)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}
