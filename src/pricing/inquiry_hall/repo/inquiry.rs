//! Inquiries: numbered by a per-day counter, listed by scope and filter,
//! answered and moved by UPDATEs conditional on the status read.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use super::{json, parse};
use crate::db::Db;
use crate::error::AppResult;
use crate::pricing::inquiry::Field;
use crate::pricing::inquiry_hall::model::{HallInquiry, InquiryCounts, InquiryStatus};
use crate::pricing::model::QuoteForSearch;
use crate::types::{Id, Timestamp};

/// An inquiry as stored.
pub struct InquiryRow<'a> {
    pub id: Id,
    pub number: &'a str,
    pub company_id: Option<Id>,
    pub member_id: Option<Id>,
    pub staff_id: Option<Id>,
    pub search: Option<&'a QuoteForSearch>,
    pub text: &'a str,
    pub fields: &'a [Field],
    pub low_confidence: bool,
    pub summary: String,
    pub now: i64,
}

pub(crate) const INSERT: &str = "INSERT INTO inquiries (id, number, company_id, member_id, \
     staff_id, search, text, fields, low_confidence, status, summary, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $11, $11)";

pub async fn insert(ex: impl Executor<'_, Database = Any>, r: &InquiryRow<'_>) -> AppResult<()> {
    let search = r.search.map(json).transpose()?;
    sqlx::query(INSERT)
        .bind(r.id)
        .bind(r.number)
        .bind(r.company_id)
        .bind(r.member_id)
        .bind(r.staff_id)
        .bind(search)
        .bind(r.text)
        .bind(json(&r.fields)?)
        .bind(i64::from(r.low_confidence))
        .bind(&r.summary)
        .bind(r.now)
        .execute(ex)
        .await?;
    Ok(())
}

const SELECT: &str = "SELECT i.id, i.number, i.company_id, i.member_id, i.staff_id, i.search, \
     i.text, i.fields, i.low_confidence, i.status, i.quote_number, i.answered_at, \
     i.deleted_by_customer, i.created_at, i.updated_at, c.name AS company_name, \
     c.owner_staff_id, COALESCE(m.name, s.name, '') AS posted_by, a.name AS answered_by_name \
     FROM inquiries i LEFT JOIN companies c ON c.id = i.company_id \
     LEFT JOIN members m ON m.id = i.member_id LEFT JOIN staff s ON s.id = i.staff_id \
     LEFT JOIN staff a ON a.id = i.answered_by";

pub(crate) const BY_ID: &str = formatcp!("{SELECT} WHERE i.id = $1");

/// An inquiry and whose it is, for the policy to judge.
pub struct StoredInquiry {
    pub inquiry: HallInquiry,
    pub member_id: Option<Id>,
    pub owner_staff_id: Option<Id>,
}

pub async fn by_id(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
) -> AppResult<Option<StoredInquiry>> {
    let row = sqlx::query(BY_ID).bind(id).fetch_optional(ex).await?;
    row.map(|r| stored(&r)).transpose()
}

const MINE_WHERE: &str =
    " WHERE i.member_id = $1 AND i.deleted_by_customer = 0 AND ($2 = '' OR i.status = $2)";
pub(crate) const MINE: &str =
    formatcp!("{SELECT}{MINE_WHERE} ORDER BY i.created_at DESC, i.id DESC LIMIT $3 OFFSET $4");
pub(crate) const MINE_COUNT: &str = formatcp!("SELECT COUNT(*) FROM inquiries i{MINE_WHERE}");

/// One page of a member's inquiries they have not deleted, newest first.
pub async fn mine(
    db: &Db,
    member: Id,
    status: Option<InquiryStatus>,
    limit: i64,
    offset: i64,
) -> AppResult<(Vec<StoredInquiry>, i64)> {
    let status = status.map(InquiryStatus::as_str).unwrap_or("");
    let rows = sqlx::query(MINE)
        .bind(member)
        .bind(status)
        .bind(limit)
        .bind(offset)
        .fetch_all(db)
        .await?;
    let total = sqlx::query_scalar(MINE_COUNT)
        .bind(member)
        .bind(status)
        .fetch_one(db)
        .await?;
    Ok((rows.iter().map(stored).collect::<AppResult<_>>()?, total))
}

/// Which inquiries a staff list shows: `company` (0: any), `owner` (0: any;
/// else of companies this salesperson owns or of none), `app` (0: any;
/// else its companies), posted in `[from, until)`, the lower-case text.
pub struct HallScopeSql {
    pub company: Id,
    pub owner: Id,
    pub app: Id,
    pub from: i64,
    pub until: i64,
    pub q: String,
}

const WHERE: &str = " WHERE ($1 = 0 OR i.company_id = $1) \
     AND ($2 = 0 OR i.company_id IS NULL OR c.owner_staff_id = $2) \
     AND ($3 = 0 OR i.company_id IN (SELECT company_id FROM partner_app_companies WHERE app_ref = $3)) \
     AND i.created_at >= $4 AND i.created_at < $5 AND ($6 = '' OR i.summary LIKE $7) \
     AND ($8 = '' OR i.status = $8)";

pub(crate) const LIST: &str =
    formatcp!("{SELECT}{WHERE} ORDER BY i.created_at DESC, i.id DESC LIMIT $9 OFFSET $10");
pub(crate) const COUNT: &str = formatcp!(
    "SELECT COUNT(*) FROM inquiries i LEFT JOIN companies c ON c.id = i.company_id{WHERE}"
);
pub(crate) const COUNTS: &str = formatcp!(
    "SELECT COUNT(CASE WHEN i.status = 'pending' THEN 1 END) AS pending, \
     COUNT(CASE WHEN i.status = 'quoted' THEN 1 END) AS quoted, \
     COUNT(CASE WHEN i.status = 'won' THEN 1 END) AS won, \
     COUNT(CASE WHEN i.status = 'closed' THEN 1 END) AS closed, COUNT(*) AS total, \
     COUNT(CASE WHEN i.status = 'pending' AND i.created_at < $9 THEN 1 END) AS overdue \
     FROM inquiries i LEFT JOIN companies c ON c.id = i.company_id{WHERE}"
);

fn like(q: &str) -> String {
    format!("%{}%", q.replace(['%', '_'], ""))
}

/// One page of the inquiries in scope, newest first, and how many there are.
pub async fn list(
    db: &Db,
    s: &HallScopeSql,
    status: Option<InquiryStatus>,
    limit: i64,
    offset: i64,
) -> AppResult<(Vec<StoredInquiry>, i64)> {
    let status = status.map(InquiryStatus::as_str).unwrap_or("");
    let like = like(&s.q);
    macro_rules! scoped {
        ($sql:expr) => {
            sqlx::query($sql)
                .bind(s.company)
                .bind(s.owner)
                .bind(s.app)
                .bind(s.from)
                .bind(s.until)
                .bind(&s.q)
                .bind(&like)
                .bind(status)
        };
    }
    let rows = scoped!(LIST).bind(limit).bind(offset).fetch_all(db).await?;
    let total: i64 = scoped!(COUNT).fetch_one(db).await?.try_get(0)?;
    Ok((rows.iter().map(stored).collect::<AppResult<_>>()?, total))
}

/// The inquiries in scope per status, and those pending since before
/// `overdue_before`: one query.
pub async fn counts(db: &Db, s: &HallScopeSql, overdue_before: i64) -> AppResult<InquiryCounts> {
    let r = sqlx::query(COUNTS)
        .bind(s.company)
        .bind(s.owner)
        .bind(s.app)
        .bind(s.from)
        .bind(s.until)
        .bind(&s.q)
        .bind(like(&s.q))
        .bind("")
        .bind(overdue_before)
        .fetch_one(db)
        .await?;
    Ok(InquiryCounts {
        pending: r.try_get("pending")?,
        quoted: r.try_get("quoted")?,
        won: r.try_get("won")?,
        closed: r.try_get("closed")?,
        total: r.try_get("total")?,
        overdue: r.try_get("overdue")?,
    })
}

pub(crate) const ANSWER: &str = "UPDATE inquiries SET status = 'quoted', quote_number = $1, \
     answered_by = $2, answered_at = $3, updated_at = $3 WHERE id = $4 AND status = 'pending'";

/// Answers a pending inquiry with a quote; false if it was not pending
/// (another answer came first).
pub async fn answer(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    quote_number: &str,
    by: Id,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(ANSWER)
        .bind(quote_number)
        .bind(by)
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub(crate) const MOVE: &str =
    "UPDATE inquiries SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4";

/// Moves an inquiry from `from` to `to`; false if it is no longer in `from`.
pub async fn move_status(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    from: InquiryStatus,
    to: InquiryStatus,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(MOVE)
        .bind(to.as_str())
        .bind(now)
        .bind(id)
        .bind(from.as_str())
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub(crate) const HIDE_ONE: &str = "UPDATE inquiries SET deleted_by_customer = 1, updated_at = $1 \
     WHERE id = $2 AND member_id = $3 AND deleted_by_customer = 0";
pub(crate) const HIDE_ALL: &str = "UPDATE inquiries SET deleted_by_customer = 1, updated_at = $1 \
     WHERE member_id = $2 AND deleted_by_customer = 0";

/// Hides one of a member's inquiries from them; false if there is no such
/// inquiry of theirs still shown.
pub async fn hide_one(db: &Db, id: Id, member: Id, now: i64) -> AppResult<bool> {
    let r = sqlx::query(HIDE_ONE)
        .bind(now)
        .bind(id)
        .bind(member)
        .execute(db)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Hides all of a member's inquiries from them; how many.
pub async fn hide_all(db: &Db, member: Id, now: i64) -> AppResult<u64> {
    let r = sqlx::query(HIDE_ALL)
        .bind(now)
        .bind(member)
        .execute(db)
        .await?;
    Ok(r.rows_affected())
}

fn stored(r: &AnyRow) -> AppResult<StoredInquiry> {
    let search: Option<String> = r.try_get("search")?;
    let status: String = r.try_get("status")?;
    let inquiry = HallInquiry {
        id: r.try_get("id")?,
        number: r.try_get("number")?,
        company_id: r.try_get("company_id")?,
        company_name: r.try_get("company_name")?,
        posted_by: r.try_get("posted_by")?,
        search: search.as_deref().map(parse).transpose()?,
        text: r.try_get("text")?,
        fields: parse(&r.try_get::<String, _>("fields")?)?,
        low_confidence: r.try_get::<i64, _>("low_confidence")? != 0,
        status: InquiryStatus::parse(&status)?,
        quote_number: r.try_get("quote_number")?,
        answered_by: r.try_get("answered_by_name")?,
        answered_at: r.try_get::<Option<i64>, _>("answered_at")?.map(Timestamp),
        deleted_by_customer: r.try_get::<i64, _>("deleted_by_customer")? != 0,
        overdue: false,
        created_at: Timestamp(r.try_get("created_at")?),
        updated_at: Timestamp(r.try_get("updated_at")?),
    };
    Ok(StoredInquiry {
        inquiry,
        member_id: r.try_get("member_id")?,
        owner_staff_id: r.try_get("owner_staff_id")?,
    })
}
