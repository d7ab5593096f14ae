//! Sign-in, the principal of a session, and staff management.

use super::model::*;
use super::policy::*;
use super::{otp, repo, throttle};
use crate::db::{new_id, on_unique};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::{Id, Page, PageQuery, Timestamp};
use crate::ErrorKey;

/// Signs a staff member in. A failure slot of the account and of the address
/// is reserved before the password is hashed (given back on success), so a
/// burst gets no more guesses than the limit. Wrong account, wrong password
/// and a disabled account answer alike.
pub async fn staff_login(
    state: &AppState,
    account: &str,
    password: &str,
    ip: &str,
) -> AppResult<Staff> {
    if account.trim().is_empty() {
        return Err(AppError::validation("account", ErrorKey::AccountRequired));
    }
    if password.is_empty() {
        return Err(AppError::validation("password", ErrorKey::PasswordRequired));
    }
    let account = account.trim().to_ascii_lowercase();
    let limits = throttle::staff_limits(&account, ip);
    throttle::reserve(state, &limits).await?;
    let found = repo::staff_with_hash(&state.db, &account).await?;
    let (staff, hash) = match found {
        Some((s, h)) => (Some(s), Some(h)),
        None => (None, None),
    };
    let ok = match state.hasher.verify(hash, password).await {
        Ok(ok) => ok,
        Err(e) => {
            // Nothing was checked (the hashing queue is full): the slots go back.
            throttle::released(state, &limits).await?;
            return Err(e);
        }
    };
    match staff {
        Some(s) if ok && !s.disabled => {
            throttle::succeeded(state, &limits).await?;
            Ok(s)
        }
        _ => Err(AppError::validation(
            "password",
            ErrorKey::LoginBadCredentials,
        )),
    }
}

/// Sends a sign-in code to a customer's phone; returns it in dev mode.
pub async fn request_member_code(
    state: &AppState,
    phone: &str,
    ip: &str,
) -> AppResult<Option<String>> {
    let phone = Phone::parse(phone)?;
    let code = otp::request_code(state, phone.as_str(), ip).await?;
    Ok(if state.config.dev_mode { code } else { None })
}

/// Signs a customer member in with phone + code. Like staff sign-in, a
/// failure slot of the phone and of the address is reserved first.
pub async fn member_login(
    state: &AppState,
    phone: &str,
    code: &str,
    ip: &str,
) -> AppResult<Member> {
    let phone = Phone::parse(phone)?;
    let code = parse_sms_code(code)?;
    let limits = throttle::member_limits(phone.as_str(), ip);
    throttle::reserve(state, &limits).await?;
    otp::verify_code(state, phone.as_str(), &code).await?;
    match repo::member_by_phone(&state.db, phone.as_str()).await? {
        Some(m) if !m.disabled => {
            throttle::succeeded(state, &limits).await?;
            Ok(m)
        }
        _ => Err(AppError::validation("code", ErrorKey::CodeInvalid)),
    }
}

/// The sign-in epoch to remember in a new session.
pub async fn session_epoch(state: &AppState, who: SessionUser) -> AppResult<i64> {
    repo::auth_epoch(&state.db, who)
        .await?
        .ok_or(AppError::Unauthorized)
}

/// The principal behind a session, re-read on every request so that role
/// changes take effect at once; None if the account is disabled or its
/// password was reset since the session began (`epoch` differs).
pub async fn principal(
    state: &AppState,
    who: SessionUser,
    epoch: i64,
) -> AppResult<Option<Principal>> {
    // One read per account kind: the row and its epoch together.
    Ok(match who {
        SessionUser::Staff(id) => repo::staff_with_epoch(&state.db, id)
            .await?
            .filter(|(s, e)| *e == epoch && !s.disabled)
            .map(|(s, _)| Principal::Staff(s)),
        SessionUser::Member(id) => repo::member_with_epoch(&state.db, id)
            .await?
            .filter(|(m, e)| *e == epoch && !m.disabled)
            .map(|(m, _)| Principal::Member(m)),
    })
}

/// Staff accounts, searched and paged (admins).
pub async fn list_staff(
    state: &AppState,
    admin: &Staff,
    f: &StaffFilter,
    page: PageQuery,
) -> AppResult<Page<Staff>> {
    admin.require(STAFF_MANAGERS)?;
    if let Some(r) = f.role.as_deref().filter(|r| !r.is_empty()) {
        Role::parse(r)?;
    }
    repo::list_staff(&state.db, f, page).await
}

/// Creates a staff account (admins).
pub async fn create_staff(
    state: &AppState,
    admin: &Staff,
    input: &StaffForCreate,
) -> AppResult<Staff> {
    admin.require(STAFF_MANAGERS)?;
    create_staff_account(state, input).await
}

/// Creates a staff account on the operator's behalf, with no caller to
/// check (the CLI's `create-admin`, demo data, test fixtures).
pub async fn create_staff_account(state: &AppState, input: &StaffForCreate) -> AppResult<Staff> {
    let account = AccountName::parse(&input.account)?;
    let name = parse_person_name("name", &input.name)?;
    let password = NewPassword::parse(&input.password)?;
    let roles = Role::parse_list(&input.roles)?;
    if repo::staff_with_hash(&state.db, account.as_str())
        .await?
        .is_some()
    {
        return Err(AppError::conflict("account", ErrorKey::AccountTaken));
    }
    let hash = state.hasher.hash(password.expose()).await?;
    let staff = Staff {
        id: new_id(),
        account: account.as_str().to_owned(),
        name,
        roles,
        disabled: false,
        lang: Lang::Zh,
        created_at: Timestamp(state.now()),
        partner: None,
    };
    repo::insert_staff(&state.db, &staff, &hash)
        .await
        .map_err(on_unique("account", "account", ErrorKey::AccountTaken))?;
    Ok(staff)
}

async fn existing_staff(state: &AppState, id: Id) -> AppResult<Staff> {
    repo::staff_by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::not_found("staff"))
}

/// Replaces a staff member's roles. An admin cannot drop their own admin role.
pub async fn set_staff_roles(
    state: &AppState,
    actor: &Staff,
    id: Id,
    roles: &[String],
) -> AppResult<Staff> {
    actor.require(STAFF_MANAGERS)?;
    let roles = Role::parse_list(roles)?;
    existing_staff(state, id).await?;
    if id == actor.id && !roles.contains(&Role::Admin) {
        return Err(AppError::validation(
            "roles",
            ErrorKey::StaffCannotDropOwnAdmin,
        ));
    }
    repo::update_staff_roles(&state.db, id, &roles, state.now()).await?;
    account_changed(state, SessionUser::Staff(id));
    existing_staff(state, id).await
}

pub async fn reset_staff_password(
    state: &AppState,
    admin: &Staff,
    id: Id,
    password: &str,
) -> AppResult<()> {
    admin.require(STAFF_MANAGERS)?;
    let password = NewPassword::parse(password)?;
    existing_staff(state, id).await?;
    let hash = state.hasher.hash(password.expose()).await?;
    repo::update_staff_password(&state.db, id, &hash, state.now()).await?;
    account_changed(state, SessionUser::Staff(id));
    Ok(())
}

/// Disables or re-enables an account. Nobody disables themselves.
pub async fn set_staff_disabled(
    state: &AppState,
    actor: &Staff,
    id: Id,
    disabled: bool,
) -> AppResult<Staff> {
    actor.require(STAFF_MANAGERS)?;
    existing_staff(state, id).await?;
    if id == actor.id && disabled {
        return Err(AppError::validation(
            "disabled",
            ErrorKey::StaffCannotDisableSelf,
        ));
    }
    repo::set_staff_disabled(&state.db, id, disabled, state.now()).await?;
    account_changed(state, SessionUser::Staff(id));
    existing_staff(state, id).await
}

/// A session of `who` ended (sign-out): their live sockets re-check theirs.
pub fn signed_out(state: &AppState, who: SessionUser) {
    account_changed(state, who);
}

/// Tells `who`'s live connections (chat sockets, on every instance) to
/// re-check their sign-in now rather than at their next periodic check.
fn account_changed(state: &AppState, who: SessionUser) {
    crate::chat::live::events::account_changed(state, who);
}

pub async fn set_language(state: &AppState, who: SessionUser, lang: Lang) -> AppResult<()> {
    repo::set_lang(&state.db, who, lang).await
}

/// Creates the first admin, or resets an existing account to admin with a new
/// password (the `create-admin` command).
pub async fn ensure_admin(
    state: &AppState,
    account: &str,
    name: &str,
    password: &str,
) -> AppResult<Staff> {
    let acc = AccountName::parse(account)?;
    match repo::staff_with_hash(&state.db, acc.as_str()).await? {
        Some((s, _)) => {
            let pw = NewPassword::parse(password)?;
            let hash = state.hasher.hash(pw.expose()).await?;
            let mut roles = s.roles.clone();
            roles.push(Role::Admin);
            repo::update_staff_roles(&state.db, s.id, &roles, state.now()).await?;
            repo::update_staff_password(&state.db, s.id, &hash, state.now()).await?;
            repo::set_staff_disabled(&state.db, s.id, false, state.now()).await?;
            existing_staff(state, s.id).await
        }
        None => {
            let input = StaffForCreate {
                account: account.into(),
                name: name.into(),
                password: password.into(),
                roles: vec!["admin".into()],
            };
            create_staff_account(state, &input).await
        }
    }
}
