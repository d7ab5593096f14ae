//! SQL of staff accounts and members: this file owns the `staff` and
//! `members` tables (the customer domain adds and disables members through
//! it; others only read them).

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, FromRow, Row};

use super::model::{Lang, Member, Role, SessionUser, Staff, StaffFilter};
use crate::db::{like_pattern, Flag};
use crate::error::AppResult;
use crate::types::{Id, Page, PageQuery, Timestamp};

const STAFF_COLS: &str = "id, account, name, roles, disabled, lang, created_at";
const MEMBER_COLS: &str = "id, company_id, phone, name, disabled, lang, created_at";

/// A `staff` row as stored (`STAFF_COLS`).
#[derive(sqlx::FromRow)]
struct StaffRow {
    id: Id,
    account: String,
    name: String,
    /// Comma-separated, e.g. `admin,cs`.
    roles: String,
    #[sqlx(try_from = "i64")]
    disabled: Flag,
    lang: String,
    #[sqlx(try_from = "i64")]
    created_at: Timestamp,
}

impl From<StaffRow> for Staff {
    fn from(r: StaffRow) -> Staff {
        Staff {
            id: r.id,
            account: r.account,
            name: r.name,
            roles: Role::split(&r.roles),
            disabled: r.disabled.0,
            lang: Lang::from_code(&r.lang).unwrap_or_default(),
            created_at: r.created_at,
            partner: None,
        }
    }
}

fn staff_from_row(r: &AnyRow) -> Result<Staff, sqlx::Error> {
    StaffRow::from_row(r).map(Staff::from)
}

/// A `members` row as stored (`MEMBER_COLS`).
#[derive(sqlx::FromRow)]
struct MemberRow {
    id: Id,
    company_id: Id,
    phone: String,
    name: String,
    #[sqlx(try_from = "i64")]
    disabled: Flag,
    lang: String,
    #[sqlx(try_from = "i64")]
    created_at: Timestamp,
}

impl From<MemberRow> for Member {
    fn from(r: MemberRow) -> Member {
        Member {
            id: r.id,
            company_id: r.company_id,
            phone: r.phone,
            name: r.name,
            disabled: r.disabled.0,
            lang: Lang::from_code(&r.lang).unwrap_or_default(),
            created_at: r.created_at,
        }
    }
}

pub fn member_from_row(r: &AnyRow) -> Result<Member, sqlx::Error> {
    MemberRow::from_row(r).map(Member::from)
}

const STAFF_WITH_HASH: &str =
    formatcp!("SELECT {STAFF_COLS}, password_hash FROM staff WHERE account = $1");

pub async fn staff_with_hash<'e>(
    ex: impl Executor<'e, Database = Any>,
    account: &str,
) -> AppResult<Option<(Staff, String)>> {
    let row = sqlx::query(STAFF_WITH_HASH)
        .bind(account)
        .fetch_optional(ex)
        .await?;
    row.map(|r| Ok((staff_from_row(&r)?, r.try_get("password_hash")?)))
        .transpose()
}

const STAFF_BY_ID: &str = formatcp!("SELECT {STAFF_COLS} FROM staff WHERE id = $1");

pub async fn staff_by_id<'e>(
    ex: impl Executor<'e, Database = Any>,
    id: Id,
) -> AppResult<Option<Staff>> {
    let row = sqlx::query(STAFF_BY_ID).bind(id).fetch_optional(ex).await?;
    Ok(row.as_ref().map(staff_from_row).transpose()?)
}

const STAFF_WITH_EPOCH: &str =
    formatcp!("SELECT {STAFF_COLS}, auth_epoch FROM staff WHERE id = $1");

/// A staff account with its sign-in epoch, in one read (the caller of
/// every signed-in request).
pub async fn staff_with_epoch(db: &crate::db::Db, id: Id) -> AppResult<Option<(Staff, i64)>> {
    let row = sqlx::query(STAFF_WITH_EPOCH)
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.map(|r| Ok((staff_from_row(&r)?, r.try_get("auth_epoch")?)))
        .transpose()
}

const MEMBER_WITH_EPOCH: &str =
    formatcp!("SELECT {MEMBER_COLS}, auth_epoch FROM members WHERE id = $1");

/// A member with their sign-in epoch, in one read.
pub async fn member_with_epoch(db: &crate::db::Db, id: Id) -> AppResult<Option<(Member, i64)>> {
    let row = sqlx::query(MEMBER_WITH_EPOCH)
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.map(|r| Ok((member_from_row(&r)?, r.try_get("auth_epoch")?)))
        .transpose()
}

const INSERT_STAFF: &str = "INSERT INTO staff (id, account, name, password_hash, roles, disabled, lang, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)";

pub async fn insert_staff<'e>(
    ex: impl Executor<'e, Database = Any>,
    s: &Staff,
    password_hash: &str,
) -> AppResult<()> {
    sqlx::query(INSERT_STAFF)
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

/// The filter of `list_staff`: search text (account, name) and role.
const STAFF_FILTER: &str =
    "($1 IS NULL OR LOWER(account) LIKE $1 ESCAPE '\\' OR LOWER(name) LIKE $1 ESCAPE '\\') \
                  AND ($2 IS NULL OR (',' || roles || ',') LIKE $2)";
const COUNT_STAFF: &str = formatcp!("SELECT COUNT(*) FROM staff WHERE {STAFF_FILTER}");
const LIST_STAFF: &str = formatcp!("SELECT {STAFF_COLS} FROM staff WHERE {STAFF_FILTER} ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4");

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
    let rows = sqlx::query(LIST_STAFF)
        .bind(q.clone())
        .bind(role.clone())
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(db)
        .await?;
    let items = rows.iter().map(staff_from_row).collect::<Result<_, _>>()?;
    // The COUNT runs only when the page does not tell the total.
    crate::db::paged(items, page, async {
        Ok(sqlx::query_scalar(COUNT_STAFF)
            .bind(q)
            .bind(role)
            .fetch_one(db)
            .await?)
    })
    .await
}

const STAFF_WITH_ROLE: &str = formatcp!("SELECT {STAFF_COLS} FROM staff WHERE disabled = 0 AND (',' || roles || ',') LIKE $1 ORDER BY name");

/// All staff holding `role`, by name (for pickers such as owner salesperson).
pub async fn staff_with_role(
    ex: impl Executor<'_, Database = Any>,
    role: Role,
) -> AppResult<Vec<Staff>> {
    let rows = sqlx::query(STAFF_WITH_ROLE)
        .bind(format!("%,{},%", role.as_str()))
        .fetch_all(ex)
        .await?;
    Ok(rows.iter().map(staff_from_row).collect::<Result<_, _>>()?)
}

const UPDATE_STAFF_ROLES: &str = "UPDATE staff SET roles = $1, updated_at = $2 WHERE id = $3";

pub async fn update_staff_roles(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    roles: &[Role],
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(UPDATE_STAFF_ROLES)
        .bind(Role::join(roles))
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const UPDATE_STAFF_PASSWORD: &str = "UPDATE staff SET password_hash = $1, updated_at = $2, auth_epoch = auth_epoch + 1 WHERE id = $3";

pub async fn update_staff_password(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    hash: &str,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(UPDATE_STAFF_PASSWORD)
        .bind(hash)
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const SET_STAFF_DISABLED: &str =
    "UPDATE staff SET disabled = $1, updated_at = $2, auth_epoch = auth_epoch + 1 WHERE id = $3";

pub async fn set_staff_disabled(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    disabled: bool,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(SET_STAFF_DISABLED)
        .bind(disabled as i64)
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const MEMBER_BY_PHONE: &str = formatcp!("SELECT {MEMBER_COLS} FROM members WHERE phone = $1");

pub async fn member_by_phone<'e>(
    ex: impl Executor<'e, Database = Any>,
    phone: &str,
) -> AppResult<Option<Member>> {
    let row = sqlx::query(MEMBER_BY_PHONE)
        .bind(phone)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(member_from_row).transpose()?)
}

const MEMBER_BY_ID: &str = formatcp!("SELECT {MEMBER_COLS} FROM members WHERE id = $1");

pub async fn member_by_id<'e>(
    ex: impl Executor<'e, Database = Any>,
    id: Id,
) -> AppResult<Option<Member>> {
    let row = sqlx::query(MEMBER_BY_ID)
        .bind(id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(member_from_row).transpose()?)
}

const SET_STAFF_LANG: &str = "UPDATE staff SET lang = $1 WHERE id = $2";
const SET_MEMBER_LANG: &str = "UPDATE members SET lang = $1 WHERE id = $2";

pub async fn set_lang(
    ex: impl Executor<'_, Database = Any>,
    who: SessionUser,
    lang: Lang,
) -> AppResult<()> {
    let (sql, id) = match who {
        SessionUser::Staff(id) => (SET_STAFF_LANG, id),
        SessionUser::Member(id) => (SET_MEMBER_LANG, id),
    };
    sqlx::query(sql)
        .bind(lang.code())
        .bind(id)
        .execute(ex)
        .await?;
    Ok(())
}

const STAFF_EPOCH: &str = "SELECT auth_epoch FROM staff WHERE id = $1";
const MEMBER_EPOCH: &str = "SELECT auth_epoch FROM members WHERE id = $1";

/// The sign-in epoch of an account (None if it does not exist).
pub async fn auth_epoch(
    ex: impl Executor<'_, Database = Any>,
    who: SessionUser,
) -> AppResult<Option<i64>> {
    let (sql, id) = match who {
        SessionUser::Staff(id) => (STAFF_EPOCH, id),
        SessionUser::Member(id) => (MEMBER_EPOCH, id),
    };
    Ok(sqlx::query_scalar(sql).bind(id).fetch_optional(ex).await?)
}

const MEMBERS_OF: &str =
    "SELECT id, company_id, phone, name, disabled, lang, created_at FROM members \
         WHERE company_id = $1 ORDER BY created_at, id";

/// A company's members, oldest first.
pub async fn members_of(
    ex: impl Executor<'_, Database = Any>,
    company_id: Id,
) -> AppResult<Vec<Member>> {
    let rows = sqlx::query(MEMBERS_OF)
        .bind(company_id)
        .fetch_all(ex)
        .await?;
    Ok(rows.iter().map(member_from_row).collect::<Result<_, _>>()?)
}

const INSERT_MEMBER: &str =
    "INSERT INTO members (id, company_id, phone, name, disabled, lang, created_at) \
         VALUES ($1, $2, $3, $4, 0, $5, $6)";

pub async fn insert_member(ex: impl Executor<'_, Database = Any>, m: &Member) -> AppResult<()> {
    sqlx::query(INSERT_MEMBER)
        .bind(m.id)
        .bind(m.company_id)
        .bind(&m.phone)
        .bind(&m.name)
        .bind(m.lang.code())
        .bind(m.created_at.0)
        .execute(ex)
        .await?;
    Ok(())
}

const SET_MEMBER_DISABLED: &str = "UPDATE members SET disabled = $1, auth_epoch = auth_epoch + 1 WHERE id = $2 AND company_id = $3";

/// Changes a member's state only if it belongs to `company_id`.
pub async fn set_member_disabled(
    ex: impl Executor<'_, Database = Any>,
    company_id: Id,
    member_id: Id,
    disabled: bool,
) -> AppResult<bool> {
    let r = sqlx::query(SET_MEMBER_DISABLED)
        .bind(disabled as i64)
        .bind(member_id)
        .bind(company_id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("set_staff_lang", SET_STAFF_LANG),
    ("set_member_lang", SET_MEMBER_LANG),
    ("staff_epoch", STAFF_EPOCH),
    ("member_epoch", MEMBER_EPOCH),
    ("staff_with_hash", STAFF_WITH_HASH),
    ("staff_by_id", STAFF_BY_ID),
    ("staff_with_epoch", STAFF_WITH_EPOCH),
    ("insert_staff", INSERT_STAFF),
    ("count_staff", COUNT_STAFF),
    ("list_staff", LIST_STAFF),
    ("staff_with_role", STAFF_WITH_ROLE),
    ("update_staff_roles", UPDATE_STAFF_ROLES),
    ("update_staff_password", UPDATE_STAFF_PASSWORD),
    ("set_staff_disabled", SET_STAFF_DISABLED),
    ("member_by_phone", MEMBER_BY_PHONE),
    ("member_by_id", MEMBER_BY_ID),
    ("member_with_epoch", MEMBER_WITH_EPOCH),
    ("members_of", MEMBERS_OF),
    ("insert_member", INSERT_MEMBER),
    ("set_member_disabled", SET_MEMBER_DISABLED),
];
