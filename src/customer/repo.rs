//! SQL of customer companies and members.

use sqlx::any::AnyRow;
use sqlx::Row;

use super::model::*;
use super::policy::{phone_query, PhoneSearch, Scope};
use crate::auth::repo::{like_pattern, member_from_row};
use crate::auth::Member;
use crate::db::Db;
use crate::error::AppResult;
use crate::types::{Id, Page, PageQuery, Timestamp};

const COMPANY_SELECT: &str =
    "SELECT c.id, c.name, c.code, c.owner_staff_id, s.name AS owner_name, \
     c.certification, c.contact_name, c.contact_phone, c.address, c.created_at, \
     (SELECT COUNT(*) FROM members m WHERE m.company_id = c.id) AS member_count \
     FROM companies c LEFT JOIN staff s ON s.id = c.owner_staff_id";

fn company_from_row(r: &AnyRow) -> Result<Company, sqlx::Error> {
    Ok(Company {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        code: r.try_get("code")?,
        owner_staff_id: r.try_get("owner_staff_id")?,
        owner_name: r.try_get("owner_name")?,
        certification: Certification::parse(&r.try_get::<String, _>("certification")?)
            .unwrap_or_default(),
        contact_name: r.try_get("contact_name")?,
        contact_phone: r.try_get("contact_phone")?,
        address: r.try_get("address")?,
        member_count: r.try_get("member_count")?,
        created_at: Timestamp(r.try_get("created_at")?),
    })
}

/// Companies in `scope` matching the filter; `phones` says where a part of
/// a member's phone matches (elsewhere only the whole number).
pub async fn list(
    db: &Db,
    scope: Scope,
    phones: PhoneSearch,
    f: &CompanyFilter,
    page: PageQuery,
) -> AppResult<Page<Company>> {
    let owner = match scope {
        Scope::All => None,
        Scope::OwnedBy(id) => Some(id),
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
    let filter = "($1 IS NULL OR c.owner_staff_id = $1) \
         AND ($2 IS NULL OR LOWER(c.name) LIKE $2 ESCAPE '\\' OR LOWER(c.code) LIKE $2 ESCAPE '\\' \
              OR EXISTS (SELECT 1 FROM members mm WHERE mm.company_id = c.id AND (mm.phone = $4 \
                 OR (mm.phone LIKE $2 ESCAPE '\\' AND ($5 = 1 OR c.owner_staff_id = $6))))) \
         AND ($3 IS NULL OR c.certification = $3)";
    let total: i64 =
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM companies c WHERE {filter}"))
            .bind(owner)
            .bind(q.clone())
            .bind(cert.clone())
            .bind(phone.clone())
            .bind(digits_everywhere)
            .bind(digits_owner)
            .fetch_one(db)
            .await?;
    let rows = sqlx::query(&format!(
        "{COMPANY_SELECT} WHERE {filter} ORDER BY c.created_at DESC, c.id DESC LIMIT $7 OFFSET $8"
    ))
    .bind(owner)
    .bind(q)
    .bind(cert)
    .bind(phone)
    .bind(digits_everywhere)
    .bind(digits_owner)
    .bind(page.limit())
    .bind(page.offset())
    .fetch_all(db)
    .await?;
    let items = rows
        .iter()
        .map(company_from_row)
        .collect::<Result<_, _>>()?;
    Ok(Page::new(items, total, page))
}

pub async fn by_id(db: &Db, id: Id) -> AppResult<Option<Company>> {
    let row = sqlx::query(&format!("{COMPANY_SELECT} WHERE c.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(row.as_ref().map(company_from_row).transpose()?)
}

pub async fn code_taken(db: &Db, code: &str) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM companies WHERE code = $1")
        .bind(code)
        .fetch_one(db)
        .await?;
    Ok(n > 0)
}

pub async fn insert(db: &Db, c: &Company) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO companies (id, name, code, owner_staff_id, certification, contact_name, contact_phone, address, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(c.id)
    .bind(&c.name)
    .bind(&c.code)
    .bind(c.owner_staff_id)
    .bind(c.certification.as_str())
    .bind(&c.contact_name)
    .bind(&c.contact_phone)
    .bind(&c.address)
    .bind(c.created_at.0)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn update(
    db: &Db,
    id: Id,
    u: &CompanyForUpdate,
    cert: Certification,
    now: i64,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE companies SET name = $1, contact_name = $2, contact_phone = $3, address = $4, \
         certification = $5, updated_at = $6 WHERE id = $7",
    )
    .bind(&u.name)
    .bind(&u.contact_name)
    .bind(&u.contact_phone)
    .bind(&u.address)
    .bind(cert.as_str())
    .bind(now)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn set_owner(db: &Db, id: Id, owner: Option<Id>, now: i64) -> AppResult<()> {
    sqlx::query("UPDATE companies SET owner_staff_id = $1, updated_at = $2 WHERE id = $3")
        .bind(owner)
        .bind(now)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn members_of(db: &Db, company_id: Id) -> AppResult<Vec<Member>> {
    let rows = sqlx::query(
        "SELECT id, company_id, phone, name, disabled, lang, created_at FROM members \
         WHERE company_id = $1 ORDER BY created_at, id",
    )
    .bind(company_id)
    .fetch_all(db)
    .await?;
    Ok(rows.iter().map(member_from_row).collect::<Result<_, _>>()?)
}

pub async fn insert_member(db: &Db, m: &Member) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO members (id, company_id, phone, name, disabled, lang, created_at) \
         VALUES ($1, $2, $3, $4, 0, $5, $6)",
    )
    .bind(m.id)
    .bind(m.company_id)
    .bind(&m.phone)
    .bind(&m.name)
    .bind(m.lang.code())
    .bind(m.created_at.0)
    .execute(db)
    .await?;
    Ok(())
}

/// Changes a member's state only if it belongs to `company_id`.
pub async fn set_member_disabled(
    db: &Db,
    company_id: Id,
    member_id: Id,
    disabled: bool,
) -> AppResult<bool> {
    let r = sqlx::query(
        "UPDATE members SET disabled = $1, auth_epoch = auth_epoch + 1 WHERE id = $2 AND company_id = $3",
    )
        .bind(disabled as i64)
        .bind(member_id)
        .bind(company_id)
        .execute(db)
        .await?;
    Ok(r.rows_affected() == 1)
}
