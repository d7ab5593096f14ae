//! SQL of the conversation lists: an agent's current and unreplied
//! conversations, a desk's queue, a member's conversations and the history.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, FromRow, Row};

use super::conversation::{from_row as conversation_from_row, CONV_COLS};
use crate::chat::model::{
    ConversationSummary, HistoryFilter, MessageKind, MessagePreview, SenderKind,
};
use crate::customer::phone_query;
use crate::db::{like_pattern, paged, Db};
use crate::error::AppResult;
use crate::types::{Id, Page, PageQuery, Timestamp};

/// `member_unread` counts what the member has not read, notes excluded;
/// `lm` is the newest message the member sees; `queue_ahead` counts the
/// desk's queued conversations served before this one (the queue's order:
/// created_at, id).
const SUMMARY_SELECT: &str = formatcp!(
    "SELECT {CONV_COLS}, m.name AS member_name, m.phone AS member_phone, \
     co.name AS company_name, r.name_zh AS desk_name_zh, r.name_en AS desk_name_en, \
     s.name AS assignee_name, \
     (SELECT COUNT(*) FROM messages x WHERE x.conversation_id = c.id \
        AND x.seq > c.customer_read_seq AND x.kind <> 'note') AS member_unread, \
     lm.seq AS lm_seq, lm.sender_kind AS lm_sender_kind, lm.kind AS lm_kind, \
     SUBSTR(lm.body, 1, 120) AS lm_body, lm.recalled AS lm_recalled, \
     lm.created_at AS lm_created_at, \
     CASE WHEN c.status = 'queued' THEN (SELECT COUNT(*) FROM conversations q \
        WHERE q.desk_id = c.desk_id AND q.status = 'queued' \
        AND (q.created_at < c.created_at OR (q.created_at = c.created_at AND q.id < c.id))) \
     END AS queue_ahead \
     FROM conversations c JOIN members m ON m.id = c.member_id \
     JOIN companies co ON co.id = c.company_id JOIN desks r ON r.id = c.desk_id \
     LEFT JOIN staff s ON s.id = c.assignee_staff_id \
     LEFT JOIN messages lm ON lm.conversation_id = c.id AND lm.seq = \
       (SELECT MAX(y.seq) FROM messages y WHERE y.conversation_id = c.id AND y.kind <> 'note')"
);

/// The `lm_*` columns of `SUMMARY_SELECT` (all NULL before a message).
#[derive(sqlx::FromRow)]
struct PreviewRow {
    lm_seq: Option<i64>,
    lm_sender_kind: Option<String>,
    lm_kind: Option<String>,
    lm_body: Option<String>,
    lm_recalled: Option<i64>,
    lm_created_at: Option<i64>,
}

impl PreviewRow {
    fn preview(self) -> Result<Option<MessagePreview>, sqlx::Error> {
        let (Some(seq), Some(sender), Some(kind), Some(at)) = (
            self.lm_seq,
            self.lm_sender_kind,
            self.lm_kind,
            self.lm_created_at,
        ) else {
            return Ok(None);
        };
        let bad = |e: crate::AppError| sqlx::Error::Decode(Box::new(e));
        let recalled = self.lm_recalled.unwrap_or(0) != 0;
        Ok(Some(MessagePreview {
            seq,
            sender_kind: SenderKind::parse(&sender).map_err(bad)?,
            kind: MessageKind::parse(&kind).map_err(bad)?,
            body: if recalled {
                String::new()
            } else {
                self.lm_body.unwrap_or_default()
            },
            recalled,
            created_at: Timestamp(at),
        }))
    }
}

/// A summary as the member sees it; services adjust it for staff.
fn summary_from_row(r: &AnyRow) -> Result<ConversationSummary, sqlx::Error> {
    Ok(ConversationSummary {
        conversation: conversation_from_row(r)?,
        member_name: r.try_get("member_name")?,
        member_phone: r.try_get("member_phone")?,
        company_name: r.try_get("company_name")?,
        desk_name_zh: r.try_get("desk_name_zh")?,
        desk_name_en: r.try_get("desk_name_en")?,
        assignee_name: r.try_get("assignee_name")?,
        unread: r.try_get("member_unread")?,
        last_message: PreviewRow::from_row(r)?.preview()?,
        queue_ahead: r.try_get("queue_ahead")?,
    })
}

/// Summaries of one statement whose only parameter is an id.
async fn fetch(
    ex: impl Executor<'_, Database = Any>,
    sql: &'static str,
    id: Id,
) -> AppResult<Vec<ConversationSummary>> {
    let rows = sqlx::query(sql).bind(id).fetch_all(ex).await?;
    Ok(rows
        .iter()
        .map(summary_from_row)
        .collect::<Result<_, _>>()?)
}

const BY_ASSIGNEE: &str = formatcp!(
    "{SUMMARY_SELECT} WHERE c.assignee_staff_id = $1 AND c.status = 'open' \
     ORDER BY c.last_message_at DESC, c.id DESC"
);
const UNREPLIED: &str = formatcp!(
    "{SUMMARY_SELECT} WHERE c.assignee_staff_id = $1 AND c.status = 'open' \
     AND c.awaiting_since IS NOT NULL ORDER BY c.awaiting_since, c.id"
);

/// An agent's open conversations, latest activity first; with `unreplied`,
/// only those where a customer waits, longest wait first.
pub async fn by_assignee(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
    unreplied: bool,
) -> AppResult<Vec<ConversationSummary>> {
    let sql = if unreplied { UNREPLIED } else { BY_ASSIGNEE };
    fetch(ex, sql, staff_id).await
}

const QUEUE: &str = formatcp!(
    "{SUMMARY_SELECT} WHERE c.desk_id = $1 AND c.status = 'queued' ORDER BY c.created_at, c.id"
);

/// A desk's queue, longest waiting first.
pub async fn queue(
    ex: impl Executor<'_, Database = Any>,
    desk_id: Id,
) -> AppResult<Vec<ConversationSummary>> {
    fetch(ex, QUEUE, desk_id).await
}

const BY_MEMBER: &str =
    formatcp!("{SUMMARY_SELECT} WHERE c.member_id = $1 ORDER BY c.last_message_at DESC, c.id DESC");

pub async fn by_member(
    ex: impl Executor<'_, Database = Any>,
    member_id: Id,
) -> AppResult<Vec<ConversationSummary>> {
    fetch(ex, BY_MEMBER, member_id).await
}

/// The filter of `history`: the agent's desks or assignments, the search
/// text (name, phone) and the assignee.
const HISTORY_FILTER: &str = "($1 IS NULL OR c.assignee_staff_id = $1 OR c.desk_id IN \
       (SELECT ar.desk_id FROM agent_desks ar WHERE ar.staff_id = $1)) \
     AND ($2 IS NULL OR LOWER(m.name) LIKE $2 ESCAPE '\\' OR m.phone = $4 \
          OR ($5 = 1 AND m.phone LIKE $2 ESCAPE '\\')) \
     AND ($3 IS NULL OR c.assignee_staff_id = $3)";
const COUNT_HISTORY: &str = formatcp!(
    "SELECT COUNT(*) FROM conversations c JOIN members m ON m.id = c.member_id \
     WHERE {HISTORY_FILTER}"
);
const HISTORY: &str = formatcp!(
    "{SUMMARY_SELECT} WHERE {HISTORY_FILTER} \
     ORDER BY c.last_message_at DESC, c.id DESC LIMIT $6 OFFSET $7"
);

/// Conversations in every status, latest activity first, searched by the
/// member's name or phone. `agent`: only those of the desks the agent serves
/// or assigned to them; None: all (admins).
/// `assignee`: only conversations assigned to them.
/// `phone_digits`: a part of the phone matches; else only the whole number.
pub async fn history(
    db: &Db,
    agent: Option<Id>,
    assignee: Option<Id>,
    phone_digits: bool,
    f: &HistoryFilter,
    page: PageQuery,
) -> AppResult<Page<ConversationSummary>> {
    let q =
        f.q.as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(like_pattern);
    let phone = f.q.as_deref().map(phone_query).filter(|p| !p.is_empty());
    let digits = i64::from(phone_digits);
    let rows = sqlx::query(HISTORY)
        .bind(agent)
        .bind(q.clone())
        .bind(assignee)
        .bind(phone.clone())
        .bind(digits)
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(db)
        .await?;
    let items = rows
        .iter()
        .map(summary_from_row)
        .collect::<Result<_, _>>()?;
    let count = sqlx::query_scalar(COUNT_HISTORY)
        .bind(agent)
        .bind(q)
        .bind(assignee)
        .bind(phone)
        .bind(digits)
        .fetch_one(db);
    paged(items, page, async { Ok(count.await?) }).await
}

const BY_ID: &str = formatcp!("{SUMMARY_SELECT} WHERE c.id = $1");

pub async fn by_id(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
) -> AppResult<Option<ConversationSummary>> {
    Ok(fetch(ex, BY_ID, id).await?.pop())
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("by_assignee", BY_ASSIGNEE),
    ("unreplied", UNREPLIED),
    ("queue", QUEUE),
    ("by_member", BY_MEMBER),
    ("count_history", COUNT_HISTORY),
    ("history", HISTORY),
    ("by_id", BY_ID),
];
