//! SQL of staff accounts and members.

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use super::model::{Lang, Member, Role, SessionUser, Staff, StaffFilter};
use crate::error::AppResult;
use crate::types::{Id, Page, PageQuery, Timestamp};

const STAFF_COLS: &str = "id, account, name, roles, disabled, lang, created_at";
const MEMBER_COLS: &str = "id, company_id, phone, name, disabled, lang, created_at";

fn staff_from_row(r: &AnyRow) -> Result<Staff, sqlx::Error> {
    Ok(Staff {
        id: r.try_get("id")?,
        account: r.try_get("account")?,
        name: r.try_get("name")?,
        roles: Role::split(&r.try_get::<String, _>("roles")?),
        disabled: r.try_get::<i64, _>("disabled")? != 0,
        lang: Lang::from_code(&r.try_get::<String, _>("lang")?).unwrap_or_default(),
        created_at: Timestamp(r.try_get("created_at")?),
    })
}

pub fn member_from_row(r: &AnyRow) -> Result<Member, sqlx::Error> {
    Ok(Member {
        id: r.try_get("id")?,
        company_id: r.try_get("company_id")?,
        phone: r.try_get("phone")?,
        name: r.try_get("name")?,
        disabled: r.try_get::<i64, _>("disabled")? != 0,
        lang: Lang::from_code(&r.try_get::<String, _>("lang")?).unwrap_or_default(),
        created_at: Timestamp(r.try_get("created_at")?),
    })
}

/// `%text%` with LIKE's wildcards escaped (use with `ESCAPE '\'`), lowercased.
pub fn like_pattern(q: &str) -> String {
    let escaped = q
        .trim()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{}%", escaped.to_lowercase())
}

pub async fn staff_with_hash<'e>(
    ex: impl Executor<'e, Database = Any>,
    account: &str,
) -> AppResult<Option<(Staff, String)>> {
    let row = sqlx::query(&format!(
        "SELECT {STAFF_COLS}, password_hash FROM staff WHERE account = $1"
    ))
    .bind(account)
    .fetch_optional(ex)
    .await?;
    row.map(|r| Ok((staff_from_row(&r)?, r.try_get("password_hash")?)))
        .transpose()
}

pub async fn staff_by_id<'e>(
    ex: impl Executor<'e, Database = Any>,
    id: Id,
) -> AppResult<Option<Staff>> {
    let row = sqlx::query(&format!("SELECT {STAFF_COLS} FROM staff WHERE id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(staff_from_row).transpose()?)
}

pub async fn insert_staff<'e>(
    ex: impl Executor<'e, Database = Any>,
    s: &Staff,
    password_hash: &str,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO staff (id, account, name, password_hash, roles, disabled, lang, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(s.id)
    .bind(&s.account)
    .bind(&s.name)
    .bind(password_hash)
    .bind(Role::join(&s.roles))
    .bind(s.disabled as i64)
    .bind(s.lang.code())
    .bind(s.created_at.0)
    .execute(ex)
    .await?;
    Ok(())
}

pub async fn list_staff(
    db: &crate::db::Db,
    f: &StaffFilter,
    page: PageQuery,
) -> AppResult<Page<Staff>> {
    let q =
        f.q.as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(like_pattern);
    let role = f
        .role
        .as_deref()
        .filter(|r| !r.is_empty())
        .map(|r| format!("%,{r},%"));
    let filter =
        "($1 IS NULL OR LOWER(account) LIKE $1 ESCAPE '\\' OR LOWER(name) LIKE $1 ESCAPE '\\') \
                  AND ($2 IS NULL OR (',' || roles || ',') LIKE $2)";
    let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM staff WHERE {filter}"))
        .bind(q.clone())
        .bind(role.clone())
        .fetch_one(db)
        .await?;
    let rows = sqlx::query(&format!(
        "SELECT {STAFF_COLS} FROM staff WHERE {filter} ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(q)
    .bind(role)
    .bind(page.limit())
    .bind(page.offset())
    .fetch_all(db)
    .await?;
    let items = rows.iter().map(staff_from_row).collect::<Result<_, _>>()?;
    Ok(Page::new(items, total, page))
}

/// All staff holding `role`, by name (for pickers such as owner salesperson).
pub async fn staff_with_role(db: &crate::db::Db, role: Role) -> AppResult<Vec<Staff>> {
    let rows = sqlx::query(&format!(
        "SELECT {STAFF_COLS} FROM staff WHERE disabled = 0 AND (',' || roles || ',') LIKE $1 ORDER BY name"
    ))
    .bind(format!("%,{},%", role.as_str()))
    .fetch_all(db)
    .await?;
    Ok(rows.iter().map(staff_from_row).collect::<Result<_, _>>()?)
}

pub async fn update_staff_roles(
    db: &crate::db::Db,
    id: Id,
    roles: &[Role],
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query("UPDATE staff SET roles = $1, updated_at = $2 WHERE id = $3")
        .bind(Role::join(roles))
        .bind(now)
        .bind(id)
        .execute(db)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn update_staff_password(
    db: &crate::db::Db,
    id: Id,
    hash: &str,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(
        "UPDATE staff SET password_hash = $1, updated_at = $2, auth_epoch = auth_epoch + 1 WHERE id = $3",
    )
        .bind(hash)
        .bind(now)
        .bind(id)
        .execute(db)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn set_staff_disabled(
    db: &crate::db::Db,
    id: Id,
    disabled: bool,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(
        "UPDATE staff SET disabled = $1, updated_at = $2, auth_epoch = auth_epoch + 1 WHERE id = $3",
    )
        .bind(disabled as i64)
        .bind(now)
        .bind(id)
        .execute(db)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn member_by_phone<'e>(
    ex: impl Executor<'e, Database = Any>,
    phone: &str,
) -> AppResult<Option<Member>> {
    let row = sqlx::query(&format!(
        "SELECT {MEMBER_COLS} FROM members WHERE phone = $1"
    ))
    .bind(phone)
    .fetch_optional(ex)
    .await?;
    Ok(row.as_ref().map(member_from_row).transpose()?)
}

pub async fn member_by_id<'e>(
    ex: impl Executor<'e, Database = Any>,
    id: Id,
) -> AppResult<Option<Member>> {
    let row = sqlx::query(&format!("SELECT {MEMBER_COLS} FROM members WHERE id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(member_from_row).transpose()?)
}

pub async fn set_lang(db: &crate::db::Db, who: SessionUser, lang: Lang) -> AppResult<()> {
    let (sql, id) = match who {
        SessionUser::Staff(id) => ("UPDATE staff SET lang = $1 WHERE id = $2", id),
        SessionUser::Member(id) => ("UPDATE members SET lang = $1 WHERE id = $2", id),
    };
    sqlx::query(sql)
        .bind(lang.code())
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// The sign-in epoch of an account (None if it does not exist).
pub async fn auth_epoch(db: &crate::db::Db, who: SessionUser) -> AppResult<Option<i64>> {
    let (sql, id) = match who {
        SessionUser::Staff(id) => ("SELECT auth_epoch FROM staff WHERE id = $1", id),
        SessionUser::Member(id) => ("SELECT auth_epoch FROM members WHERE id = $1", id),
    };
    Ok(sqlx::query_scalar(sql).bind(id).fetch_optional(db).await?)
}
