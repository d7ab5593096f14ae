//! Customer types and their validation.

use serde::{Deserialize, Serialize};

use crate::auth::{Role, Staff};
use crate::error::{AppError, AppResult};
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certification {
    #[default]
    None,
    Pending,
    Certified,
    Rejected,
}

impl Certification {
    pub const ALL: [Certification; 4] = [
        Certification::None,
        Certification::Pending,
        Certification::Certified,
        Certification::Rejected,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Certification::None => "none",
            Certification::Pending => "pending",
            Certification::Certified => "certified",
            Certification::Rejected => "rejected",
        }
    }
    pub fn parse(s: &str) -> AppResult<Self> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| AppError::validation("certification", ErrorKey::CertificationInvalid))
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberView {
    pub id: Id,
    pub name: String,
    pub phone: String,
    pub disabled: bool,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyDetail {
    pub company: Company,
    pub members: Vec<MemberView>,
    /// May the viewer edit the company and its members?
    pub can_edit: bool,
    /// May the viewer change the owner salesperson?
    pub can_change_owner: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CompanyForCreate {
    pub name: String,
    /// Generated when empty.
    pub code: String,
    pub owner_staff_id: Option<Id>,
    pub contact_name: String,
    pub contact_phone: String,
    pub address: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CompanyForUpdate {
    pub name: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub address: String,
    pub certification: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CompanyFilter {
    /// Matches name, code or a member's phone.
    pub q: Option<String>,
    pub certification: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MemberForCreate {
    pub name: String,
    pub phone: String,
}

/// Which companies a staff member may see: all, only their own, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    OwnedBy(Id),
    Nothing,
}

pub fn staff_scope(staff: &Staff) -> Scope {
    if staff.has_any(&[Role::Admin, Role::Cs, Role::Ops, Role::Finance]) {
        Scope::All
    } else if staff.has(Role::Sales) {
        Scope::OwnedBy(staff.id)
    } else {
        Scope::Nothing
    }
}

/// Admins edit every company; a salesperson edits the companies they own.
pub fn can_edit(staff: &Staff, company: &Company) -> bool {
    staff.has(Role::Admin) || (staff.has(Role::Sales) && company.owner_staff_id == Some(staff.id))
}

/// Full phone numbers: admins and the owner salesperson.
pub fn sees_full_phones(staff: &Staff, company: &Company) -> bool {
    can_edit(staff, company)
}

/// Where a search may match a member phone by some of its digits: in the
/// companies whose phones the staff member sees in full. Elsewhere only the
/// whole number matches, so searching digit by digit cannot uncover what the
/// mask hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneSearch {
    /// Digits match in every company (admins).
    Digits,
    /// Digits match in the companies this salesperson owns.
    DigitsWhereOwner(Id),
    /// Only a full number matches.
    FullNumber,
}

pub fn phone_search(staff: &Staff) -> PhoneSearch {
    if staff.has(Role::Admin) {
        PhoneSearch::Digits
    } else if staff.has(Role::Sales) {
        PhoneSearch::DigitsWhereOwner(staff.id)
    } else {
        PhoneSearch::FullNumber
    }
}

/// The phone number a search text stands for, spaces and dashes dropped.
pub fn phone_query(q: &str) -> String {
    q.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(id: Id, roles: &[Role]) -> Staff {
        Staff::sample(id, roles)
    }

    #[test]
    fn sales_see_only_their_own_companies_and_providers_none() {
        assert_eq!(staff_scope(&staff(1, &[Role::Sales])), Scope::OwnedBy(1));
        assert_eq!(staff_scope(&staff(1, &[Role::Sales, Role::Cs])), Scope::All);
        assert_eq!(staff_scope(&staff(1, &[Role::Provider])), Scope::Nothing);
    }

    #[test]
    fn phone_digits_match_only_where_phones_are_seen_in_full() {
        let company = |owner: Option<Id>| Company {
            id: 9,
            name: "一号公司".into(),
            code: "SZ1001".into(),
            owner_staff_id: owner,
            owner_name: None,
            certification: Certification::default(),
            contact_name: String::new(),
            contact_phone: String::new(),
            address: String::new(),
            member_count: 1,
            created_at: Timestamp(0),
        };
        let cases = [
            (staff(1, &[Role::Admin]), company(None)),
            (staff(1, &[Role::Sales]), company(Some(1))),
            (staff(1, &[Role::Sales]), company(Some(2))),
            (
                staff(1, &[Role::Cs, Role::Ops, Role::Finance]),
                company(None),
            ),
            (staff(1, &[Role::Sales, Role::Cs]), company(Some(2))),
        ];
        for (who, c) in cases {
            let digits = match phone_search(&who) {
                PhoneSearch::Digits => true,
                PhoneSearch::DigitsWhereOwner(id) => c.owner_staff_id == Some(id),
                PhoneSearch::FullNumber => false,
            };
            assert_eq!(digits, sees_full_phones(&who, &c), "{:?}", who.roles);
        }
        assert_eq!(phone_query(" 139-0000 0001 "), "13900000001");
    }

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
