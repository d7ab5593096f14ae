//! Customer types and their validation.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

crate::string_enum! {
    /// A company's certification (企业认证).
    #[derive(Default)]
    pub enum Certification("certification", CertificationInvalid) {
        #[default]
        None = "none",
        Pending = "pending",
        Certified = "certified",
        Rejected = "rejected",
    }
}

/// A customer code: 3–20 upper-case letters and digits (`SZ10023`).
pub fn parse_customer_code(s: &str) -> AppResult<String> {
    let s = s.trim().to_ascii_uppercase();
    if (3..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(s)
    } else {
        Err(AppError::validation("code", ErrorKey::CustomerCodeInvalid))
    }
}

/// A company name: 2–100 characters.
pub fn parse_company_name(s: &str) -> AppResult<String> {
    let s = s.trim();
    match s.chars().count() {
        0 => Err(AppError::validation("name", ErrorKey::CompanyNameRequired)),
        1 => Err(AppError::validation("name", ErrorKey::CompanyNameTooShort)),
        2..=100 => Ok(s.to_owned()),
        _ => Err(AppError::validation("name", ErrorKey::CompanyNameTooLong)),
    }
}

/// An optional free text of at most `max` characters.
pub fn parse_optional_text(field: &str, s: &str, max: usize) -> AppResult<String> {
    let s = s.trim();
    if s.chars().count() > max {
        Err(AppError::validation(field, ErrorKey::TextTooLong))
    } else {
        Ok(s.to_owned())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Company {
    pub id: Id,
    pub name: String,
    pub code: String,
    pub owner_staff_id: Option<Id>,
    pub owner_name: Option<String>,
    pub certification: Certification,
    pub contact_name: String,
    pub contact_phone: String,
    pub address: String,
    pub member_count: i64,
    pub created_at: Timestamp,
}

/// A member as listed on a company page; `phone` may be masked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MemberView {
    pub id: Id,
    pub name: String,
    pub phone: String,
    pub disabled: bool,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CompanyDetail {
    pub company: Company,
    pub members: Vec<MemberView>,
    /// May the viewer edit the company and its members?
    pub can_edit: bool,
    /// May the viewer change the owner salesperson?
    pub can_change_owner: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CompanyForCreate {
    pub name: String,
    /// Generated when empty.
    pub code: String,
    pub owner_staff_id: Option<Id>,
    pub contact_name: String,
    pub contact_phone: String,
    pub address: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CompanyForUpdate {
    pub name: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub address: String,
    pub certification: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CompanyFilter {
    /// Matches name, code or a member's phone.
    pub q: Option<String>,
    pub certification: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MemberForCreate {
    pub name: String,
    pub phone: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_codes_are_upper_case_alphanumerics() {
        assert_eq!(parse_customer_code(" sz1002 ").unwrap(), "SZ1002");
        assert!(parse_customer_code("S-1").is_err());
        assert!(parse_customer_code("AB").is_err());
    }

    #[test]
    fn company_names_are_bounded() {
        assert_eq!(
            parse_company_name("").unwrap_err().key(),
            "company_name.required"
        );
        assert!(parse_company_name("深圳佳成").is_ok());
        assert!(parse_company_name(&"长".repeat(101)).is_err());
    }
}
