//! Who may search, save and read quotes, and who maintains channels: pure
//! rules, tested without a database.

use crate::auth::{Principal, Role, Staff};
use crate::customer::policy::{staff_scope, Scope, CUSTOMER_ROLES};
use crate::types::Id;

/// Staff who may run searches and read channels: everyone who works with
/// customers (a provider does not).
pub const SEARCH_ROLES: &[Role] = CUSTOMER_ROLES;

/// Staff who maintain channels and their tables.
pub const CHANNEL_EDITORS: &[Role] = &[Role::Admin, Role::Ops];

/// Any customer member, and staff who work with customers.
pub fn may_search(p: &Principal) -> bool {
    match p {
        Principal::Member(_) => true,
        Principal::Staff(s) => s.has_any(SEARCH_ROLES),
    }
}

pub fn may_read_channels(s: &Staff) -> bool {
    s.has_any(SEARCH_ROLES)
}

pub fn may_edit_channels(s: &Staff) -> bool {
    s.has_any(CHANNEL_EDITORS)
}

/// Whose a saved quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteOwner {
    pub company: Option<Id>,
    pub staff: Option<Id>,
    /// The salesperson who owns the company.
    pub company_owner: Option<Id>,
}

/// A member reads their company's quotes. Staff read by their customer
/// scope: all, or (sales) those they saved or their companies'; a partner
/// app limited to some companies reads theirs.
pub fn may_read_quote(p: &Principal, q: &QuoteOwner) -> bool {
    match p {
        Principal::Member(m) => q.company == Some(m.company_id),
        Principal::Staff(s) => match staff_scope(s) {
            Scope::All => true,
            Scope::OwnedBy(me) => q.staff == Some(me) || q.company_owner == Some(me),
            Scope::InApp(_) => q.company.is_some_and(|c| s.sees_company(c)),
            Scope::Nothing => false,
        },
    }
}

/// Staff may save a quote for a company in their scope (sales: their own).
pub fn may_quote_for(s: &Staff, company_owner: Option<Id>, company: Id) -> bool {
    match staff_scope(s) {
        Scope::All => true,
        Scope::OwnedBy(me) => company_owner == Some(me),
        Scope::InApp(_) => s.sees_company(company),
        Scope::Nothing => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{Lang, Member};
    use crate::types::Timestamp;

    fn staff(id: Id, roles: &[Role]) -> Staff {
        Staff {
            id,
            account: format!("s{id}"),
            name: "s".into(),
            roles: roles.to_vec(),
            disabled: false,
            lang: Lang::Zh,
            created_at: Timestamp(0),
            partner: None,
        }
    }

    fn member(company: Id) -> Principal {
        Principal::Member(Member {
            id: 9,
            company_id: company,
            phone: "13800138000".into(),
            name: "m".into(),
            disabled: false,
            lang: Lang::Zh,
            created_at: Timestamp(0),
        })
    }

    const OWNED: QuoteOwner = QuoteOwner {
        company: Some(7),
        staff: None,
        company_owner: Some(3),
    };

    #[test]
    fn a_member_reads_their_companys_quotes_and_no_other() {
        assert!(may_read_quote(&member(7), &OWNED));
        assert!(!may_read_quote(&member(8), &OWNED));
        let staffs = QuoteOwner {
            company: None,
            staff: Some(3),
            company_owner: None,
        };
        assert!(!may_read_quote(&member(7), &staffs));
    }

    #[test]
    fn a_salesperson_reads_what_they_saved_or_their_companies_quotes() {
        let mine = Principal::Staff(staff(3, &[Role::Sales]));
        let other = Principal::Staff(staff(4, &[Role::Sales]));
        assert!(may_read_quote(&mine, &OWNED));
        assert!(!may_read_quote(&other, &OWNED));
        assert!(may_read_quote(
            &Principal::Staff(staff(5, &[Role::Ops])),
            &OWNED
        ));
        assert!(!may_read_quote(
            &Principal::Staff(staff(6, &[Role::Provider])),
            &OWNED
        ));
    }

    #[test]
    fn ops_and_admins_edit_channels_sales_and_cs_only_read_them() {
        assert!(may_edit_channels(&staff(1, &[Role::Ops])));
        assert!(may_edit_channels(&staff(1, &[Role::Admin])));
        assert!(!may_edit_channels(&staff(1, &[Role::Sales])));
        assert!(may_read_channels(&staff(1, &[Role::Cs])));
        assert!(!may_read_channels(&staff(1, &[Role::Provider])));
        assert!(!may_search(&Principal::Staff(staff(1, &[Role::Provider]))));
    }

    #[test]
    fn sales_quote_only_for_their_own_companies() {
        let s = staff(3, &[Role::Sales]);
        assert!(may_quote_for(&s, Some(3), 7));
        assert!(!may_quote_for(&s, Some(4), 7));
        assert!(may_quote_for(&staff(1, &[Role::Admin]), Some(4), 7));
    }
}
