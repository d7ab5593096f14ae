//! Who may see and act on which company: pure rules, tested without a
//! database. Services call them; server functions never do.

use super::model::Company;
use crate::auth::{Role, Staff};
use crate::types::Id;

/// Staff who may work with customers at all (providers may not).
pub const CUSTOMER_ROLES: &[Role] = &[Role::Admin, Role::Sales, Role::Cs, Role::Ops, Role::Finance];

/// Staff who may create and edit companies and their members (each within
/// `can_edit`), and pick an owner salesperson.
pub const EDITOR_ROLES: &[Role] = &[Role::Admin, Role::Sales];

/// Staff who may hand a company to another salesperson.
pub const OWNER_SETTER_ROLES: &[Role] = &[Role::Admin];

/// Which companies a staff member may see: all, only their own, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    OwnedBy(Id),
    /// A partner app given some companies: those (by its app row's id).
    InApp(Id),
    Nothing,
}

/// By role; a partner app given some companies sees those, whatever its
/// roles would show (as long as they show any).
pub fn staff_scope(staff: &Staff) -> Scope {
    let by_role = if staff.has_any(&[Role::Admin, Role::Cs, Role::Ops, Role::Finance]) {
        Scope::All
    } else if staff.has(Role::Sales) {
        Scope::OwnedBy(staff.id)
    } else {
        Scope::Nothing
    };
    match staff.company_limited_app() {
        Some(app) if by_role != Scope::Nothing => Scope::InApp(app),
        _ => by_role,
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
    use crate::customer::Certification;
    use crate::types::Timestamp;

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
    fn a_partner_app_given_some_companies_sees_only_those() {
        let mut app = staff(9, &[Role::Sales]);
        app.partner = Some(crate::auth::PartnerScope {
            app_ref: 5,
            app_id: "pa_x".into(),
            companies: Some(vec![3]),
        });
        assert_eq!(staff_scope(&app), Scope::InApp(5));
        assert!(app.sees_company(3) && !app.sees_company(4));
        app.roles = vec![Role::Provider];
        assert_eq!(staff_scope(&app), Scope::Nothing);
        app.partner.as_mut().unwrap().companies = None;
        app.roles = vec![Role::Cs];
        assert_eq!(staff_scope(&app), Scope::All);
        assert!(app.sees_company(4));
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
}
