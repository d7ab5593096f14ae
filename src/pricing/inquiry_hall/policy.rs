//! Who works the hall and on which inquiries, which status moves exist,
//! when an inquiry is overdue and when a reading is doubtful: pure rules,
//! tested without a database.

use super::model::InquiryStatus;
use crate::auth::{Role, Staff};
use crate::customer::policy::{staff_scope, Scope};
use crate::pricing::inquiry::{FieldName, Inquiry};
use crate::types::Id;

/// Staff who see and answer the hall's inquiries.
pub const HALL_ROLES: &[Role] = &[Role::Admin, Role::Sales, Role::Ops, Role::Cs];

/// Staff who set the SLA and the robot.
pub const SETTINGS_ROLES: &[Role] = &[Role::Admin];

/// The SLA when an admin has set none.
pub const DEFAULT_SLA_MINUTES: i64 = 30;
/// The longest SLA: a week.
pub const MAX_SLA_MINUTES: i64 = 7 * 24 * 60;

/// A field read with less confidence than this is doubtful.
pub const LOW_CONFIDENCE: f32 = 0.7;

pub fn may_work_hall(s: &Staff) -> bool {
    s.has_any(HALL_ROLES)
}

pub fn may_configure(s: &Staff) -> bool {
    s.has_any(SETTINGS_ROLES)
}

/// Which inquiries a hall worker sees: all; a salesperson's companies'
/// and those of no company; a partner app's companies'.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HallScope {
    All,
    /// Of companies this salesperson owns, or of none.
    OwnedOrUnassigned(Id),
    /// Of the companies of this partner app (by its row's id).
    InApp(Id),
}

/// The hall scope of a staff member, or none if they may not work it.
pub fn hall_scope(s: &Staff) -> Option<HallScope> {
    if !may_work_hall(s) {
        return None;
    }
    match staff_scope(s) {
        Scope::All => Some(HallScope::All),
        Scope::OwnedBy(me) => Some(HallScope::OwnedOrUnassigned(me)),
        Scope::InApp(app) => Some(HallScope::InApp(app)),
        Scope::Nothing => None,
    }
}

/// May `s` see an inquiry of `company` (owned by `company_owner`)?
/// (`InApp` is decided by the app's companies, which `Staff` knows.)
pub fn may_see(s: &Staff, company: Option<Id>, company_owner: Option<Id>) -> bool {
    match hall_scope(s) {
        None => false,
        Some(HallScope::All) => true,
        Some(HallScope::OwnedOrUnassigned(me)) => company.is_none() || company_owner == Some(me),
        Some(HallScope::InApp(_)) => company.is_some_and(|c| s.sees_company(c)),
    }
}

/// The status moves there are: pending → quoted → won | closed, and
/// pending → closed. (Into quoted only by answering with a quote.)
pub fn may_move(from: InquiryStatus, to: InquiryStatus) -> bool {
    use InquiryStatus::*;
    matches!(
        (from, to),
        (Pending, Quoted) | (Pending, Closed) | (Quoted, Won) | (Quoted, Closed)
    )
}

/// Pending longer than `sla_minutes` at `now` (all epoch ms)?
pub fn is_overdue(status: InquiryStatus, created_at: i64, now: i64, sla_minutes: i64) -> bool {
    status == InquiryStatus::Pending && now - created_at > sla_minutes * 60_000
}

/// The posted-before instant past which a pending inquiry is overdue.
pub fn overdue_before(now: i64, sla_minutes: i64) -> i64 {
    now - sla_minutes * 60_000
}

/// A reading sales should check by hand: no country, no destination (FBA
/// code or postcode), no weight or volume, or a field read with doubt.
pub fn is_low_confidence(read: &Inquiry) -> bool {
    let has = |n: FieldName| read.get(n).is_some();
    !has(FieldName::Country)
        || !(has(FieldName::FbaCode) || has(FieldName::Postcode))
        || !(has(FieldName::WeightKg) || has(FieldName::VolumeCbm))
        || read.fields.iter().any(|f| f.confidence < LOW_CONFIDENCE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Lang;
    use crate::pricing::inquiry::Field;
    use crate::types::Timestamp;
    use InquiryStatus::*;

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

    #[test]
    fn sales_see_their_companies_and_unassigned_inquiries_only() {
        let sales = staff(3, &[Role::Sales]);
        assert!(may_see(&sales, Some(7), Some(3)));
        assert!(may_see(&sales, None, None));
        assert!(!may_see(&sales, Some(8), Some(4)));
        assert!(!may_see(&sales, Some(9), None), "a company nobody owns");
        for role in [Role::Admin, Role::Ops, Role::Cs] {
            assert!(may_see(&staff(1, &[role]), Some(8), Some(4)), "{role:?}");
        }
    }

    #[test]
    fn finance_and_providers_do_not_work_the_hall_and_only_admins_configure_it() {
        assert_eq!(hall_scope(&staff(1, &[Role::Finance])), None);
        assert_eq!(hall_scope(&staff(1, &[Role::Provider])), None);
        assert!(!may_see(&staff(1, &[Role::Finance]), None, None));
        assert!(may_configure(&staff(1, &[Role::Admin])));
        assert!(!may_configure(&staff(1, &[Role::Sales, Role::Ops])));
        assert_eq!(
            hall_scope(&staff(5, &[Role::Sales, Role::Cs])),
            Some(HallScope::All),
            "cs sees every company"
        );
    }

    #[test]
    fn statuses_move_forward_only_along_the_allowed_moves() {
        let allowed = [
            (Pending, Quoted),
            (Pending, Closed),
            (Quoted, Won),
            (Quoted, Closed),
        ];
        for from in InquiryStatus::ALL {
            for to in InquiryStatus::ALL {
                assert_eq!(
                    may_move(from, to),
                    allowed.contains(&(from, to)),
                    "{from} → {to}"
                );
            }
        }
    }

    #[test]
    fn an_inquiry_is_overdue_only_past_the_sla_and_only_while_pending() {
        let t0 = 1_000_000_000;
        let sla = 30;
        assert!(
            !is_overdue(Pending, t0, t0 + 30 * 60_000, sla),
            "at the edge"
        );
        assert!(is_overdue(Pending, t0, t0 + 30 * 60_000 + 1, sla));
        assert!(!is_overdue(Quoted, t0, t0 + 99 * 60_000, sla));
        assert!(!is_overdue(Closed, t0, t0 + 99 * 60_000, sla));
        assert_eq!(overdue_before(t0 + 30 * 60_000, sla), t0);
    }

    fn field(name: FieldName, confidence: f32) -> Field {
        Field {
            name,
            value: "x".into(),
            confidence,
            span: [0, 1],
        }
    }

    #[test]
    fn a_reading_without_destination_or_cargo_or_with_doubt_is_low_confidence() {
        use FieldName::*;
        let read = |fields: Vec<Field>| Inquiry {
            fields,
            unread: vec![],
        };
        let full = vec![
            field(Country, 0.95),
            field(FbaCode, 0.95),
            field(WeightKg, 0.9),
        ];
        assert!(!is_low_confidence(&read(full.clone())));
        let mut doubtful = full.clone();
        doubtful.push(field(Mode, 0.5));
        assert!(is_low_confidence(&read(doubtful)));
        assert!(is_low_confidence(&read(full[..2].to_vec())), "no cargo");
        assert!(is_low_confidence(&read(vec![
            field(Country, 0.95),
            field(VolumeCbm, 0.9)
        ])));
        assert!(is_low_confidence(&read(vec![])));
    }
}
