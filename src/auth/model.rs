//! Identity types and their validation, shared by client and server.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

crate::string_enum! {
    /// A staff role. A staff member may hold several.
    #[derive(PartialOrd, Ord)]
    pub enum Role("roles", RolesInvalid) {
        Admin = "admin",
        Cs = "cs",
        Sales = "sales",
        Ops = "ops",
        Finance = "finance",
        Provider = "provider",
    }
}

impl Role {
    /// Roles stored as a comma-separated column, e.g. `admin,cs`.
    pub fn join(roles: &[Role]) -> String {
        let mut v: Vec<Role> = roles.to_vec();
        v.sort();
        v.dedup();
        v.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")
    }

    pub fn split(s: &str) -> Vec<Role> {
        s.split(',')
            .filter(|p| !p.is_empty())
            .filter_map(|p| Role::parse(p).ok())
            .collect()
    }

    /// At least one role, none unknown.
    pub fn parse_list(items: &[String]) -> AppResult<Vec<Role>> {
        let mut roles = items
            .iter()
            .map(|s| Role::parse(s.trim()))
            .collect::<AppResult<Vec<_>>>()?;
        roles.sort();
        roles.dedup();
        if roles.is_empty() {
            return Err(AppError::validation("roles", ErrorKey::RolesRequired));
        }
        Ok(roles)
    }
}

/// The UI language of a person.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    pub fn from_code(s: &str) -> Option<Lang> {
        match s.trim() {
            "zh-CN" | "zh" | "zh-cn" => Some(Lang::Zh),
            "en" | "en-US" | "en-GB" => Some(Lang::En),
            _ => None,
        }
    }
}

fn trimmed(s: &str) -> &str {
    s.trim()
}

/// A mainland China mobile number: 11 digits starting with 1[3-9].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Phone(String);

impl Phone {
    pub fn parse(s: &str) -> AppResult<Phone> {
        let s: String = trimmed(s)
            .chars()
            .filter(|c| *c != ' ' && *c != '-')
            .collect();
        let b = s.as_bytes();
        let ok = b.len() == 11
            && b[0] == b'1'
            && (b'3'..=b'9').contains(&b[1])
            && b.iter().all(u8::is_ascii_digit);
        if s.is_empty() {
            Err(AppError::validation("phone", ErrorKey::PhoneRequired))
        } else if ok {
            Ok(Phone(s))
        } else {
            Err(AppError::validation("phone", ErrorKey::PhoneInvalid))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A staff sign-in name: 3–32 letters, digits, `_`, `.` or `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountName(String);

impl AccountName {
    pub fn parse(s: &str) -> AppResult<AccountName> {
        let s = trimmed(s);
        if s.is_empty() {
            return Err(AppError::validation("account", ErrorKey::AccountRequired));
        }
        let ok = (3..=32).contains(&s.chars().count())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
        if ok {
            Ok(AccountName(s.to_ascii_lowercase()))
        } else {
            Err(AppError::validation("account", ErrorKey::AccountInvalid))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password: 8–128 characters with at least one letter and one digit.
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(s: &str) -> AppResult<NewPassword> {
        let n = s.chars().count();
        if n == 0 {
            return Err(AppError::validation("password", ErrorKey::PasswordRequired));
        }
        if !(8..=128).contains(&n) {
            return Err(AppError::validation("password", ErrorKey::PasswordLength));
        }
        if !s.chars().any(|c| c.is_alphabetic()) || !s.chars().any(|c| c.is_ascii_digit()) {
            return Err(AppError::validation("password", ErrorKey::PasswordWeak));
        }
        Ok(NewPassword(s.to_owned()))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// A person's display name: 1–50 characters.
pub fn parse_person_name(field: &str, s: &str) -> AppResult<String> {
    let s = trimmed(s);
    match s.chars().count() {
        0 => Err(AppError::validation(field, ErrorKey::NameRequired)),
        1..=50 => Ok(s.to_owned()),
        _ => Err(AppError::validation(field, ErrorKey::NameTooLong)),
    }
}

/// A 6-digit SMS verification code.
pub fn parse_sms_code(s: &str) -> AppResult<String> {
    let s = trimmed(s);
    if s.is_empty() {
        return Err(AppError::validation("code", ErrorKey::CodeRequired));
    }
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s.to_owned())
    } else {
        Err(AppError::validation("code", ErrorKey::CodeInvalid))
    }
}

/// A staff member as others see them (never with the password hash).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Staff {
    pub id: Id,
    pub account: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub disabled: bool,
    pub lang: Lang,
    pub created_at: Timestamp,
    /// Set when a partner app calls through its own account (never on a
    /// signed-in person): which app, and the companies it may act on.
    #[serde(skip)]
    #[schemars(skip)]
    pub partner: Option<PartnerScope>,
}

/// What a partner app may see beyond its roles: its customer companies
/// (`None`: all of them). Filled from the app's row by the bearer check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerScope {
    pub app_ref: Id,
    pub app_id: String,
    pub companies: Option<Vec<Id>>,
}

impl Staff {
    /// May this caller act on `company`? Every staff member may, as far as
    /// their roles go; a partner app only on the companies it was given.
    pub fn sees_company(&self, company: Id) -> bool {
        match self.partner.as_ref().and_then(|p| p.companies.as_ref()) {
            Some(list) => list.contains(&company),
            None => true,
        }
    }
    /// The partner app this call is limited to, if its companies are few.
    pub fn company_limited_app(&self) -> Option<Id> {
        self.partner
            .as_ref()
            .filter(|p| p.companies.is_some())
            .map(|p| p.app_ref)
    }
    /// Forbidden for a partner app limited to some companies: for reads that
    /// span every company and cannot be narrowed to the app's.
    pub fn require_all_companies(&self) -> AppResult<&Staff> {
        if self.company_limited_app().is_some() {
            Err(AppError::Forbidden)
        } else {
            Ok(self)
        }
    }
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
    pub fn has_any(&self, roles: &[Role]) -> bool {
        roles.iter().any(|r| self.has(*r))
    }
    /// This staff member if they hold any of `roles`, else Forbidden: the
    /// one role check every service starts with.
    pub fn require(&self, roles: &[Role]) -> AppResult<&Staff> {
        if self.has_any(roles) {
            Ok(self)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

#[cfg(test)]
impl Staff {
    /// A staff member for rule tests that need no database.
    pub fn sample(id: Id, roles: &[Role]) -> Staff {
        Staff {
            id,
            account: format!("s{id}"),
            name: "n".into(),
            roles: roles.to_vec(),
            disabled: false,
            lang: Lang::Zh,
            created_at: Timestamp(0),
            partner: None,
        }
    }
}

/// A member of a customer company, signed in by phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Member {
    pub id: Id,
    pub company_id: Id,
    pub phone: String,
    pub name: String,
    pub disabled: bool,
    pub lang: Lang,
    pub created_at: Timestamp,
}

/// Who is calling.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Principal {
    Staff(Staff),
    Member(Member),
}

impl Principal {
    pub fn lang(&self) -> Lang {
        match self {
            Principal::Staff(s) => s.lang,
            Principal::Member(m) => m.lang,
        }
    }
    pub fn staff(&self) -> Option<&Staff> {
        match self {
            Principal::Staff(s) => Some(s),
            _ => None,
        }
    }
    pub fn member(&self) -> Option<&Member> {
        match self {
            Principal::Member(m) => Some(m),
            _ => None,
        }
    }
    /// The caller as a staff member (whatever their roles: the service
    /// checks those), else Forbidden.
    pub fn as_staff(&self) -> AppResult<&Staff> {
        self.staff().ok_or(AppError::Forbidden)
    }
    /// The staff member if they hold any of `roles`, else Forbidden.
    pub fn require_staff(&self, roles: &[Role]) -> AppResult<&Staff> {
        self.as_staff()?.require(roles)
    }
    pub fn require_member(&self) -> AppResult<&Member> {
        self.member().ok_or(AppError::Forbidden)
    }
}

/// What a session remembers about who signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum SessionUser {
    Staff(Id),
    Member(Id),
}

/// Inputs of staff management.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StaffForCreate {
    pub account: String,
    pub name: String,
    pub password: String,
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StaffFilter {
    pub q: Option<String>,
    pub role: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_must_be_mainland_mobiles() {
        assert_eq!(
            Phone::parse(" 138-0013-8000 ").unwrap().as_str(),
            "13800138000"
        );
        assert_eq!(
            Phone::parse("12800138000").unwrap_err().field(),
            Some("phone")
        );
        assert_eq!(Phone::parse("").unwrap_err().key(), "phone.required");
        assert!(Phone::parse("1380013800a").is_err());
    }

    #[test]
    fn accounts_are_lowercased_and_checked() {
        assert_eq!(AccountName::parse("Alice.W").unwrap().as_str(), "alice.w");
        assert!(AccountName::parse("ab").is_err());
        assert!(AccountName::parse("has space").is_err());
    }

    #[test]
    fn passwords_need_length_letters_and_digits() {
        assert_eq!(
            NewPassword::parse("short1").unwrap_err().key(),
            "password.length"
        );
        assert_eq!(
            NewPassword::parse("onlyletters").unwrap_err().key(),
            "password.weak"
        );
        assert!(NewPassword::parse("letters123").is_ok());
        assert_eq!(
            format!("{:?}", NewPassword::parse("letters123").unwrap()),
            "NewPassword(***)"
        );
    }

    #[test]
    fn roles_round_trip_through_their_column() {
        let roles = Role::parse_list(&["sales".into(), "admin".into(), "sales".into()]).unwrap();
        assert_eq!(Role::join(&roles), "admin,sales");
        assert_eq!(Role::split("admin,sales"), vec![Role::Admin, Role::Sales]);
        assert!(Role::parse_list(&[]).is_err());
        assert!(Role::parse_list(&["boss".into()]).is_err());
    }

    #[test]
    fn sms_codes_are_six_digits() {
        assert!(parse_sms_code("123456").is_ok());
        assert!(parse_sms_code("12345").is_err());
        assert!(parse_sms_code("12345a").is_err());
    }
}

/// An API token as its owner (or an admin) sees it; the secret is shown
/// only once. It ends when revoked, when it expires, or when its owner's
/// password is reset or the account disabled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ApiToken {
    pub id: Id,
    pub name: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    pub revoked: bool,
    /// When it stops working by itself (none: until revoked).
    #[serde(default)]
    pub expires_at: Option<Timestamp>,
    /// The account it acts as.
    #[serde(default)]
    pub staff_account: String,
    /// Still usable now: not revoked, not expired, owner's sign-in epoch unchanged.
    #[serde(default)]
    pub active: bool,
}

/// The longest lifetime a token may be given, in days.
pub const API_TOKEN_MAX_DAYS: i64 = 3650;

/// How long a phone waits before another sign-in code is sent.
pub const RESEND_COOLDOWN_MS: i64 = 60 * 1000;
