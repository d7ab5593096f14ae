//! SQL of conversations: the row itself, its lock, its seq counter and its
//! read marks. (Status changes are `assignment`; messages are `message`.)

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, FromRow};

use crate::chat::model::*;
use crate::error::AppResult;
use crate::types::{Id, Timestamp};

/// Conversation columns; queries name the table `c`.
pub const CONV_COLS: &str = "c.id, c.company_id, c.member_id, c.desk_id, c.status, \
     c.assignee_staff_id, c.assigned_at, c.last_seq, c.last_message_at, c.awaiting_since, \
     c.customer_read_seq, c.staff_read_seq, c.created_at, c.updated_at, c.resolved_at";

/// A conversation as `CONV_COLS` reads it.
#[derive(sqlx::FromRow)]
struct ConversationRow {
    id: Id,
    company_id: Id,
    member_id: Id,
    desk_id: Id,
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

pub fn from_row(r: &AnyRow) -> Result<Conversation, sqlx::Error> {
    let r = ConversationRow::from_row(r)?;
    Ok(Conversation {
        id: r.id,
        company_id: r.company_id,
        member_id: r.member_id,
        desk_id: r.desk_id,
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

const BY_ID: &str = formatcp!("SELECT {CONV_COLS} FROM conversations c WHERE c.id = $1");

pub async fn by_id<'e>(
    ex: impl Executor<'e, Database = Any>,
    id: Id,
) -> AppResult<Option<Conversation>> {
    let row = sqlx::query(BY_ID).bind(id).fetch_optional(ex).await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

const ACTIVE: &str = formatcp!(
    "SELECT {CONV_COLS} FROM conversations c \
         WHERE c.member_id = $1 AND c.desk_id = $2 AND c.status <> 'resolved'"
);

/// The member's unresolved conversation in a desk, if any (there is at most one).
pub async fn active(
    ex: impl Executor<'_, Database = Any>,
    member_id: Id,
    desk_id: Id,
) -> AppResult<Option<Conversation>> {
    let row = sqlx::query(ACTIVE)
        .bind(member_id)
        .bind(desk_id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

const OPEN_OF_COMPANY: &str = formatcp!(
    "SELECT {CONV_COLS} FROM conversations c \
         WHERE c.company_id = $1 AND c.status <> 'resolved' ORDER BY c.id LIMIT $2"
);

/// Up to `limit` unresolved conversations of the company's members.
pub async fn open_of_company(
    ex: impl Executor<'_, Database = Any>,
    company_id: Id,
    limit: i64,
) -> AppResult<Vec<Conversation>> {
    let rows = sqlx::query(OPEN_OF_COMPANY)
        .bind(company_id)
        .bind(limit)
        .fetch_all(ex)
        .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

const INSERT: &str =
    "INSERT INTO conversations (id, company_id, member_id, desk_id, status, last_seq, \
         last_message_at, customer_read_seq, staff_read_seq, created_at, updated_at, \
         assignee_staff_id, assigned_at) \
         VALUES ($1, $2, $3, $4, $5, 0, $6, 0, 0, $6, $6, $7, $8)";

pub async fn insert(ex: impl Executor<'_, Database = Any>, c: &Conversation) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(c.id)
        .bind(c.company_id)
        .bind(c.member_id)
        .bind(c.desk_id)
        .bind(c.status.as_str())
        .bind(c.created_at.0)
        .bind(c.assignee_staff_id)
        .bind(c.assigned_at.map(|t| t.0))
        .execute(ex)
        .await?;
    Ok(())
}

const LOCK: &str = "UPDATE conversations SET last_seq = last_seq WHERE id = $1";

/// Takes the conversation's row lock (PostgreSQL) or the write lock (SQLite)
/// with a write that changes nothing, so that what the transaction reads next
/// cannot change under it. False if the conversation does not exist.
pub async fn lock(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<bool> {
    let r = sqlx::query(LOCK).bind(id).execute(ex).await?;
    Ok(r.rows_affected() == 1)
}

/// `next_seq` by who sends what: each moves the sender's read mark; a
/// member's message starts the wait for an answer, a staff message (not a
/// note) ends it; notes leave the last-message time alone. A system line
/// (written for a staff action, e.g. resolving) counts as read by staff
/// when they had read everything before it (it never marks a customer's
/// unread message read).
const NEXT_SEQ_MEMBER: &str = "UPDATE conversations SET last_seq = last_seq + 1, updated_at = $2, \
     customer_read_seq = last_seq + 1, awaiting_since = COALESCE(awaiting_since, $2), \
     last_message_at = $2 WHERE id = $1 RETURNING last_seq";
const NEXT_SEQ_NOTE: &str = "UPDATE conversations SET last_seq = last_seq + 1, updated_at = $2, \
     staff_read_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq";
const NEXT_SEQ_STAFF: &str = "UPDATE conversations SET last_seq = last_seq + 1, updated_at = $2, \
     staff_read_seq = last_seq + 1, awaiting_since = NULL, last_message_at = $2 \
     WHERE id = $1 RETURNING last_seq";
const NEXT_SEQ_SYSTEM: &str = "UPDATE conversations SET last_seq = last_seq + 1, updated_at = $2, \
     staff_read_seq = CASE WHEN staff_read_seq = last_seq THEN last_seq + 1 ELSE staff_read_seq END, \
     last_message_at = $2 WHERE id = $1 RETURNING last_seq";

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

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("by_id", BY_ID),
    ("active", ACTIVE),
    ("open_of_company", OPEN_OF_COMPANY),
    ("insert", INSERT),
    ("lock", LOCK),
    ("next_seq_member", NEXT_SEQ_MEMBER),
    ("next_seq_note", NEXT_SEQ_NOTE),
    ("next_seq_staff", NEXT_SEQ_STAFF),
    ("next_seq_system", NEXT_SEQ_SYSTEM),
    ("mark_read_member", MARK_READ_MEMBER),
    ("mark_read_staff", MARK_READ_STAFF),
];
