//! Saved quotes: numbered by a per-day counter, stored as snapshots.

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use crate::error::{AppError, AppResult};
use crate::pricing::model::{Date, Plan, QuoteForSearch, QuoteSummary, SavedQuote};
use crate::types::{Id, Timestamp};

/// A quote as stored.
pub struct QuoteRow<'a> {
    pub id: Id,
    pub number: &'a str,
    pub company_id: Option<Id>,
    pub member_id: Option<Id>,
    pub staff_id: Option<Id>,
    pub search: &'a QuoteForSearch,
    pub plan: &'a Plan,
    /// The last day the saved price holds.
    pub valid_until: Date,
    pub summary: String,
    pub now: i64,
}

pub(crate) const INSERT_QUOTE: &str = "INSERT INTO quotes (id, number, company_id, member_id, \
     staff_id, channel_id, table_version, total_fen, valid_until, search, plan, summary, \
     created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

pub async fn insert(ex: impl Executor<'_, Database = Any>, q: &QuoteRow<'_>) -> AppResult<()> {
    sqlx::query(INSERT_QUOTE)
        .bind(q.id)
        .bind(q.number)
        .bind(q.company_id)
        .bind(q.member_id)
        .bind(q.staff_id)
        .bind(q.plan.channel.id)
        .bind(q.plan.channel.table_version as i64)
        .bind(q.plan.total_fen)
        .bind(q.valid_until.to_string())
        .bind(json(q.search)?)
        .bind(json(q.plan)?)
        .bind(&q.summary)
        .bind(q.now)
        .execute(ex)
        .await?;
    Ok(())
}

const SELECT: &str = "SELECT q.id, q.number, q.company_id, q.member_id, q.staff_id, \
     q.table_version, q.total_fen, q.valid_until, q.search, q.plan, q.created_at, \
     c.name AS company_name, c.owner_staff_id, COALESCE(m.name, s.name, '') AS created_by \
     FROM quotes q LEFT JOIN companies c ON c.id = q.company_id \
     LEFT JOIN members m ON m.id = q.member_id LEFT JOIN staff s ON s.id = q.staff_id";

pub(crate) const BY_NUMBER: &str = formatcp!("{SELECT} WHERE q.number = $1");

/// A saved quote and who it belongs to, for the policy to judge.
pub struct StoredQuote {
    pub quote: SavedQuote,
    pub member_id: Option<Id>,
    pub staff_id: Option<Id>,
    pub owner_staff_id: Option<Id>,
}

pub async fn by_number(
    ex: impl Executor<'_, Database = Any>,
    number: &str,
    today: Date,
) -> AppResult<Option<StoredQuote>> {
    let row = sqlx::query(BY_NUMBER)
        .bind(number)
        .fetch_optional(ex)
        .await?;
    row.map(|r| stored(&r, today)).transpose()
}

/// Which quotes a list may show: `company` (0: any), `staff_or_owner` (0:
/// any; else saved by them or for a company they own), `app` (0: any; else
/// only its companies), and the lower-case search text.
pub struct ListScope {
    pub company: Id,
    pub staff_or_owner: Id,
    pub app: Id,
    pub q: String,
}

const WHERE: &str = " WHERE ($1 = 0 OR q.company_id = $1) \
     AND ($2 = 0 OR q.staff_id = $2 OR c.owner_staff_id = $2) \
     AND ($3 = 0 OR q.company_id IN (SELECT company_id FROM partner_app_companies WHERE app_ref = $3)) \
     AND ($4 = '' OR q.summary LIKE $5)";

pub(crate) const LIST: &str =
    formatcp!("{SELECT}{WHERE} ORDER BY q.created_at DESC, q.id DESC LIMIT $6 OFFSET $7");
pub(crate) const COUNT: &str =
    formatcp!("SELECT COUNT(*) FROM quotes q LEFT JOIN companies c ON c.id = q.company_id{WHERE}");

/// One page of the quotes in scope, newest first, and how many there are.
pub async fn list(
    db: &crate::db::Db,
    s: &ListScope,
    limit: i64,
    offset: i64,
    today: Date,
) -> AppResult<(Vec<QuoteSummary>, i64)> {
    let like = format!("%{}%", s.q.replace(['%', '_'], ""));
    let rows = sqlx::query(LIST)
        .bind(s.company)
        .bind(s.staff_or_owner)
        .bind(s.app)
        .bind(&s.q)
        .bind(&like)
        .bind(limit)
        .bind(offset)
        .fetch_all(db)
        .await?;
    let total: i64 = sqlx::query_scalar(COUNT)
        .bind(s.company)
        .bind(s.staff_or_owner)
        .bind(s.app)
        .bind(&s.q)
        .bind(&like)
        .fetch_one(db)
        .await?;
    let items = rows
        .iter()
        .map(|r| stored(r, today).map(|s| summary(s.quote)))
        .collect::<AppResult<_>>()?;
    Ok((items, total))
}

fn summary(q: SavedQuote) -> QuoteSummary {
    let destination = (q.search.fba_code.clone())
        .or_else(|| q.search.postcode.clone())
        .unwrap_or_default();
    QuoteSummary {
        id: q.id,
        number: q.number,
        company_name: q.company_name,
        created_by: q.created_by,
        country: q.search.country.to_ascii_uppercase(),
        destination: destination.to_ascii_uppercase(),
        channel_name: q.plan.channel.name.clone(),
        mode: q.plan.channel.mode,
        total_fen: q.total_fen,
        valid_until: q.valid_until,
        expired: q.expired,
        created_at: q.created_at,
    }
}

fn stored(r: &AnyRow, today: Date) -> AppResult<StoredQuote> {
    let valid: String = r.try_get("valid_until")?;
    let valid_until = Date::parse("valid_until", &valid)?;
    let quote = SavedQuote {
        id: r.try_get("id")?,
        number: r.try_get("number")?,
        company_id: r.try_get("company_id")?,
        company_name: r.try_get("company_name")?,
        created_by: r.try_get("created_by")?,
        search: parse(&r.try_get::<String, _>("search")?)?,
        plan: parse(&r.try_get::<String, _>("plan")?)?,
        total_fen: r.try_get("total_fen")?,
        table_version: r.try_get::<i64, _>("table_version")? as u32,
        valid_until,
        expired: valid_until < today,
        created_at: Timestamp(r.try_get("created_at")?),
    };
    Ok(StoredQuote {
        quote,
        member_id: r.try_get("member_id")?,
        staff_id: r.try_get("staff_id")?,
        owner_staff_id: r.try_get("owner_staff_id")?,
    })
}

fn json<T: serde::Serialize>(v: &T) -> AppResult<String> {
    serde_json::to_string(v).map_err(|e| {
        tracing::error!(error = %e, "a quote did not serialise");
        AppError::Internal
    })
}

fn parse<T: serde::de::DeserializeOwned>(s: &str) -> AppResult<T> {
    serde_json::from_str(s).map_err(|e| {
        tracing::error!(error = %e, "a stored quote did not parse");
        AppError::Internal
    })
}

use const_format::formatcp;
