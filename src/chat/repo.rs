//! SQL of conversations and messages. Functions that must run together take
//! a connection (`&mut *tx`); the services own the transactions.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, FromRow};

use super::model::*;
use crate::db::Flag;
use crate::error::AppResult;
use crate::types::{Id, Timestamp};

/// Conversation columns; queries name the table `c`.
pub const CONV_COLS: &str = "c.id, c.company_id, c.member_id, c.role_id, c.status, \
     c.assignee_staff_id, c.assigned_at, c.last_seq, c.last_message_at, c.awaiting_since, \
     c.customer_read_seq, c.staff_read_seq, c.created_at, c.updated_at, c.resolved_at";
const MSG_COLS: &str = "id, conversation_id, seq, sender_kind, sender_id, client_id, kind, \
     body, reply_to_seq, recalled, created_at";

/// A conversation as `CONV_COLS` reads it.
#[derive(sqlx::FromRow)]
struct ConversationRow {
    id: Id,
    company_id: Id,
    member_id: Id,
    role_id: Id,
    #[sqlx(try_from = "String")]
    status: ConversationStatus,
    assignee_staff_id: Option<Id>,
    assigned_at: Option<i64>,
    last_seq: i64,
    #[sqlx(try_from = "i64")]
    last_message_at: Timestamp,
    awaiting_since: Option<i64>,
    customer_read_seq: i64,
    staff_read_seq: i64,
    #[sqlx(try_from = "i64")]
    created_at: Timestamp,
    #[sqlx(try_from = "i64")]
    updated_at: Timestamp,
    resolved_at: Option<i64>,
}

pub fn conversation_from_row(r: &AnyRow) -> Result<Conversation, sqlx::Error> {
    let r = ConversationRow::from_row(r)?;
    Ok(Conversation {
        id: r.id,
        company_id: r.company_id,
        member_id: r.member_id,
        role_id: r.role_id,
        status: r.status,
        assignee_staff_id: r.assignee_staff_id,
        assigned_at: r.assigned_at.map(Timestamp),
        last_seq: r.last_seq,
        last_message_at: r.last_message_at,
        awaiting_since: r.awaiting_since.map(Timestamp),
        customer_read_seq: r.customer_read_seq,
        staff_read_seq: r.staff_read_seq,
        created_at: r.created_at,
        updated_at: r.updated_at,
        resolved_at: r.resolved_at.map(Timestamp),
    })
}

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
fn message_from_row(r: &AnyRow) -> Result<Message, sqlx::Error> {
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

const CONVERSATION_BY_ID: &str =
    formatcp!("SELECT {CONV_COLS} FROM conversations c WHERE c.id = $1");

pub async fn conversation_by_id<'e>(
    ex: impl Executor<'e, Database = Any>,
    id: Id,
) -> AppResult<Option<Conversation>> {
    let row = sqlx::query(CONVERSATION_BY_ID)
        .bind(id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(conversation_from_row).transpose()?)
}

const ACTIVE_CONVERSATION: &str = formatcp!(
    "SELECT {CONV_COLS} FROM conversations c \
         WHERE c.member_id = $1 AND c.role_id = $2 AND c.status <> 'resolved'"
);

/// The member's unresolved conversation in a role, if any (there is at most one).
pub async fn active_conversation(
    ex: impl Executor<'_, Database = Any>,
    member_id: Id,
    role_id: Id,
) -> AppResult<Option<Conversation>> {
    let row = sqlx::query(ACTIVE_CONVERSATION)
        .bind(member_id)
        .bind(role_id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(conversation_from_row).transpose()?)
}

const INSERT_CONVERSATION: &str =
    "INSERT INTO conversations (id, company_id, member_id, role_id, status, last_seq, \
         last_message_at, customer_read_seq, staff_read_seq, created_at, updated_at, \
         assignee_staff_id, assigned_at) \
         VALUES ($1, $2, $3, $4, $5, 0, $6, 0, 0, $6, $6, $7, $8)";

pub async fn insert_conversation(
    ex: impl Executor<'_, Database = Any>,
    c: &Conversation,
) -> AppResult<()> {
    sqlx::query(INSERT_CONVERSATION)
        .bind(c.id)
        .bind(c.company_id)
        .bind(c.member_id)
        .bind(c.role_id)
        .bind(c.status.as_str())
        .bind(c.created_at.0)
        .bind(c.assignee_staff_id)
        .bind(c.assigned_at.map(|t| t.0))
        .execute(ex)
        .await?;
    Ok(())
}

const LOCK_CONVERSATION: &str = "UPDATE conversations SET last_seq = last_seq WHERE id = $1";

/// Takes the conversation's row lock (PostgreSQL) or the write lock (SQLite)
/// with a write that changes nothing, so that what the transaction reads next
/// cannot change under it. False if the conversation does not exist.
pub async fn lock_conversation(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<bool> {
    let r = sqlx::query(LOCK_CONVERSATION).bind(id).execute(ex).await?;
    Ok(r.rows_affected() == 1)
}

/// `next_seq` by who sends what: each moves the sender's read mark; a
/// member's message starts the wait for an answer, a staff message (not a
/// note) ends it; notes leave the last-message time alone. A system line
/// (written for a staff action, e.g. resolving) counts as read by staff.
const NEXT_SEQ_MEMBER: &str = "UPDATE conversations SET last_seq = last_seq + 1, updated_at = $2, \
     customer_read_seq = last_seq + 1, awaiting_since = COALESCE(awaiting_since, $2), \
     last_message_at = $2 WHERE id = $1 RETURNING last_seq";
const NEXT_SEQ_NOTE: &str = "UPDATE conversations SET last_seq = last_seq + 1, updated_at = $2, \
     staff_read_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq";
const NEXT_SEQ_STAFF: &str = "UPDATE conversations SET last_seq = last_seq + 1, updated_at = $2, \
     staff_read_seq = last_seq + 1, awaiting_since = NULL, last_message_at = $2 \
     WHERE id = $1 RETURNING last_seq";
const NEXT_SEQ_SYSTEM: &str = "UPDATE conversations SET last_seq = last_seq + 1, updated_at = $2, \
     staff_read_seq = last_seq + 1, last_message_at = $2 WHERE id = $1 RETURNING last_seq";

/// Takes the next seq of a conversation and moves what a new message moves:
/// the sender's read mark, the wait for an answer, the last-message time
/// (notes move neither of the last two).
pub async fn next_seq(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    sender: SenderKind,
    kind: MessageKind,
    now: i64,
) -> AppResult<i64> {
    let sql = match (sender, kind) {
        (SenderKind::Member, _) => NEXT_SEQ_MEMBER,
        (SenderKind::Staff, MessageKind::Note) => NEXT_SEQ_NOTE,
        (SenderKind::Staff, _) => NEXT_SEQ_STAFF,
        (SenderKind::System, _) => NEXT_SEQ_SYSTEM,
    };
    Ok(sqlx::query_scalar(sql)
        .bind(id)
        .bind(now)
        .fetch_one(ex)
        .await?)
}

const INSERT_MESSAGE: &str = formatcp!(
    "INSERT INTO messages ({MSG_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10)"
);

pub async fn insert_message(ex: impl Executor<'_, Database = Any>, m: &Message) -> AppResult<()> {
    sqlx::query(INSERT_MESSAGE)
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

const MESSAGE_BY_CLIENT_ID: &str = formatcp!(
    "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND sender_kind = $2 \
         AND sender_id = $3 AND client_id = $4"
);

pub async fn message_by_client_id<'e>(
    ex: impl Executor<'e, Database = Any>,
    conversation_id: Id,
    sender: SenderKind,
    sender_id: Id,
    client_id: &str,
) -> AppResult<Option<Message>> {
    let row = sqlx::query(MESSAGE_BY_CLIENT_ID)
        .bind(conversation_id)
        .bind(sender.as_str())
        .bind(sender_id)
        .bind(client_id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(message_from_row).transpose()?)
}

const MESSAGE_BY_SEQ: &str =
    formatcp!("SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND seq = $2");

pub async fn message_by_seq<'e>(
    ex: impl Executor<'e, Database = Any>,
    conversation_id: Id,
    seq: i64,
) -> AppResult<Option<Message>> {
    let row = sqlx::query(MESSAGE_BY_SEQ)
        .bind(conversation_id)
        .bind(seq)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(message_from_row).transpose()?)
}

const MESSAGES_AFTER: &str = formatcp!(
    "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND seq > $2 \
     ORDER BY seq LIMIT $3"
);
const MESSAGES_AFTER_NO_NOTES: &str = formatcp!(
    "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND seq > $2 \
     AND kind <> 'note' ORDER BY seq LIMIT $3"
);

/// Messages after `after_seq` in seq order; notes only `with_notes`.
pub async fn messages_after(
    ex: impl Executor<'_, Database = Any>,
    conversation_id: Id,
    after_seq: i64,
    limit: i64,
    with_notes: bool,
) -> AppResult<Vec<Message>> {
    let sql = if with_notes {
        MESSAGES_AFTER
    } else {
        MESSAGES_AFTER_NO_NOTES
    };
    let rows = sqlx::query(sql)
        .bind(conversation_id)
        .bind(after_seq)
        .bind(limit)
        .fetch_all(ex)
        .await?;
    Ok(rows
        .iter()
        .map(message_from_row)
        .collect::<Result<_, _>>()?)
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

const MARK_READ_MEMBER: &str = "UPDATE conversations SET customer_read_seq = $1 \
     WHERE id = $2 AND customer_read_seq < $1 AND last_seq >= $1";
const MARK_READ_STAFF: &str = "UPDATE conversations SET staff_read_seq = $1 \
     WHERE id = $2 AND staff_read_seq < $1 AND last_seq >= $1";

/// Moves one side's read mark forward to `seq` (never back).
pub async fn mark_read(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    side: SenderKind,
    seq: i64,
) -> AppResult<()> {
    let sql = match side {
        SenderKind::Member => MARK_READ_MEMBER,
        _ => MARK_READ_STAFF,
    };
    sqlx::query(sql).bind(seq).bind(id).execute(ex).await?;
    Ok(())
}

const NOTIFY: &str = "SELECT pg_notify($1, $2)";

/// Publishes `payload` on the PostgreSQL channel (the hub's fan-out to other
/// instances; PostgreSQL only).
pub async fn notify(
    ex: impl Executor<'_, Database = Any>,
    channel: &str,
    payload: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(NOTIFY)
        .bind(channel)
        .bind(payload)
        .execute(ex)
        .await
        .map(|_| ())
}

/// The statements that exist only on PostgreSQL.
pub const PG_STATEMENTS: &[(&str, &str)] = &[("notify", NOTIFY)];
/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("conversation_by_id", CONVERSATION_BY_ID),
    ("active_conversation", ACTIVE_CONVERSATION),
    ("insert_conversation", INSERT_CONVERSATION),
    ("lock_conversation", LOCK_CONVERSATION),
    ("next_seq_member", NEXT_SEQ_MEMBER),
    ("next_seq_note", NEXT_SEQ_NOTE),
    ("next_seq_staff", NEXT_SEQ_STAFF),
    ("next_seq_system", NEXT_SEQ_SYSTEM),
    ("insert_message", INSERT_MESSAGE),
    ("message_by_client_id", MESSAGE_BY_CLIENT_ID),
    ("message_by_seq", MESSAGE_BY_SEQ),
    ("messages_after", MESSAGES_AFTER),
    ("messages_after_no_notes", MESSAGES_AFTER_NO_NOTES),
    ("set_recalled", SET_RECALLED),
    ("mark_read_member", MARK_READ_MEMBER),
    ("mark_read_staff", MARK_READ_STAFF),
];
