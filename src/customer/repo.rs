//! SQL of customer companies and members.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, FromRow};

use super::model::*;
use super::policy::{phone_query, PhoneSearch, Scope};
use crate::db::{like_pattern, Db};
use crate::error::AppResult;
use crate::types::{Id, Page, PageQuery, Timestamp};

const COMPANY_SELECT: &str =
    "SELECT c.id, c.name, c.code, c.owner_staff_id, s.name AS owner_name, \
     c.certification, c.contact_name, c.contact_phone, c.address, c.created_at, \
     (SELECT COUNT(*) FROM members m WHERE m.company_id = c.id) AS member_count \
     FROM companies c LEFT JOIN staff s ON s.id = c.owner_staff_id";

/// A company as `COMPANY_SELECT` reads it.
#[derive(sqlx::FromRow)]
struct CompanyRow {
    id: Id,
    name: String,
    code: String,
    owner_staff_id: Option<Id>,
    owner_name: Option<String>,
    #[sqlx(try_from = "String")]
    certification: Certification,
    contact_name: String,
    contact_phone: String,
    address: String,
    member_count: i64,
    #[sqlx(try_from = "i64")]
    created_at: Timestamp,
}

fn company_from_row(r: &AnyRow) -> Result<Company, sqlx::Error> {
    let r = CompanyRow::from_row(r)?;
    Ok(Company {
        id: r.id,
        name: r.name,
        code: r.code,
        owner_staff_id: r.owner_staff_id,
        owner_name: r.owner_name,
        certification: r.certification,
        contact_name: r.contact_name,
        contact_phone: r.contact_phone,
        address: r.address,
        member_count: r.member_count,
        created_at: r.created_at,
    })
}

/// The filter of `list`: owner, search text (name, code, member phone) and
/// certification.
const COMPANY_FILTER: &str = "($1 IS NULL OR c.owner_staff_id = $1) \
         AND ($2 IS NULL OR LOWER(c.name) LIKE $2 ESCAPE '\\' OR LOWER(c.code) LIKE $2 ESCAPE '\\' \
              OR EXISTS (SELECT 1 FROM members mm WHERE mm.company_id = c.id AND (mm.phone = $4 \
                 OR (mm.phone LIKE $2 ESCAPE '\\' AND ($5 = 1 OR c.owner_staff_id = $6))))) \
         AND ($3 IS NULL OR c.certification = $3) \
         AND ($7 IS NULL OR c.id IN (SELECT pc.company_id FROM partner_app_companies pc WHERE pc.app_ref = $7))";
const COUNT_COMPANIES: &str = formatcp!("SELECT COUNT(*) FROM companies c WHERE {COMPANY_FILTER}");
const LIST_COMPANIES: &str = formatcp!("{COMPANY_SELECT} WHERE {COMPANY_FILTER} ORDER BY c.created_at DESC, c.id DESC LIMIT $8 OFFSET $9");

/// Companies in `scope` matching the filter; `phones` says where a part of
/// a member's phone matches (elsewhere only the whole number).
pub async fn list(
    db: &Db,
    scope: Scope,
    phones: PhoneSearch,
    f: &CompanyFilter,
    page: PageQuery,
) -> AppResult<Page<Company>> {
    let (owner, app) = match scope {
        Scope::All => (None, None),
        Scope::OwnedBy(id) => (Some(id), None),
        Scope::InApp(app) => (None, Some(app)),
        Scope::Nothing => return Ok(Page::new(vec![], 0, page)),
    };
    let q =
        f.q.as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(like_pattern);
    let cert = f.certification.clone().filter(|c| !c.is_empty());
    let phone = f.q.as_deref().map(phone_query).filter(|p| !p.is_empty());
    let (digits_everywhere, digits_owner) = match phones {
        PhoneSearch::Digits => (1_i64, None),
        PhoneSearch::DigitsWhereOwner(id) => (0, Some(id)),
        PhoneSearch::FullNumber => (0, None),
    };
    let rows = sqlx::query(LIST_COMPANIES)
        .bind(owner)
        .bind(q.clone())
        .bind(cert.clone())
        .bind(phone.clone())
        .bind(digits_everywhere)
        .bind(digits_owner)
        .bind(app)
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(db)
        .await?;
    let items = rows
        .iter()
        .map(company_from_row)
        .collect::<Result<_, _>>()?;
    // The COUNT runs only when the page does not tell the total.
    crate::db::paged(items, page, async {
        Ok(sqlx::query_scalar(COUNT_COMPANIES)
            .bind(owner)
            .bind(q)
            .bind(cert)
            .bind(phone)
            .bind(digits_everywhere)
            .bind(digits_owner)
            .bind(app)
            .fetch_one(db)
            .await?)
    })
    .await
}

const BY_ID: &str = formatcp!("{COMPANY_SELECT} WHERE c.id = $1");

pub async fn by_id(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<Option<Company>> {
    let row = sqlx::query(BY_ID).bind(id).fetch_optional(ex).await?;
    Ok(row.as_ref().map(company_from_row).transpose()?)
}

const CODE_TAKEN: &str = "SELECT COUNT(*) FROM companies WHERE code = $1";

pub async fn code_taken(ex: impl Executor<'_, Database = Any>, code: &str) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar(CODE_TAKEN)
        .bind(code)
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

const INSERT: &str = "INSERT INTO companies (id, name, code, owner_staff_id, certification, contact_name, contact_phone, address, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)";

pub async fn insert(ex: impl Executor<'_, Database = Any>, c: &Company) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(c.id)
        .bind(&c.name)
        .bind(&c.code)
        .bind(c.owner_staff_id)
        .bind(c.certification.as_str())
        .bind(&c.contact_name)
        .bind(&c.contact_phone)
        .bind(&c.address)
        .bind(c.created_at.0)
        .execute(ex)
        .await?;
    Ok(())
}

const UPDATE: &str =
    "UPDATE companies SET name = $1, contact_name = $2, contact_phone = $3, address = $4, \
         certification = $5, updated_at = $6 WHERE id = $7";

pub async fn update(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    u: &CompanyForUpdate,
    cert: Certification,
    now: i64,
) -> AppResult<()> {
    sqlx::query(UPDATE)
        .bind(&u.name)
        .bind(&u.contact_name)
        .bind(&u.contact_phone)
        .bind(&u.address)
        .bind(cert.as_str())
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(())
}

const SET_OWNER: &str = "UPDATE companies SET owner_staff_id = $1, updated_at = $2 WHERE id = $3";

pub async fn set_owner(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    owner: Option<Id>,
    now: i64,
) -> AppResult<()> {
    sqlx::query(SET_OWNER)
        .bind(owner)
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(())
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("count_companies", COUNT_COMPANIES),
    ("list_companies", LIST_COMPANIES),
    ("by_id", BY_ID),
    ("code_taken", CODE_TAKEN),
    ("insert", INSERT),
    ("update", UPDATE),
    ("set_owner", SET_OWNER),
];
