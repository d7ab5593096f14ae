//! Who may book, read, process and cancel orders, and keep their delivery
//! tracking numbers: pure rules, tested without a database.

use super::model::OrderStatus;
use crate::auth::{Principal, Role, Staff};
use crate::customer::policy::{staff_scope, Scope};
use crate::types::Id;

/// Staff who process orders: confirm, reject, move, receive.
pub const PROCESSORS: &[Role] = &[Role::Admin, Role::Ops];

/// Whose an order is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderOwner {
    pub company: Id,
    /// The salesperson who owns the company.
    pub company_owner: Option<Id>,
    /// The salesperson who booked it (a quick order).
    pub booked_by_staff: Option<Id>,
    /// The provider it is assigned to.
    pub provider: Option<Id>,
}

/// A member reads their company's orders. Staff read by their customer
/// scope: all, or (sales) their companies' and the quick orders they
/// booked; a partner app limited to some companies reads theirs; a
/// provider (with no broader role) the orders assigned to them.
pub fn may_read(p: &Principal, o: &OrderOwner) -> bool {
    match p {
        Principal::Member(m) => m.company_id == o.company,
        Principal::Staff(s) => match staff_scope(s) {
            Scope::All => true,
            Scope::OwnedBy(me) => o.company_owner == Some(me) || o.booked_by_staff == Some(me),
            Scope::InApp(_) => s.sees_company(o.company),
            Scope::Nothing => provider_of(s).is_some_and(|me| o.provider == Some(me)),
        },
    }
}

/// A staff member who reads orders only as a provider: their id.
pub fn provider_of(s: &Staff) -> Option<Id> {
    (staff_scope(s) == Scope::Nothing && s.has(Role::Provider) && s.partner.is_none())
        .then_some(s.id)
}

/// Who uploads transfer numbers (转单号): ops and admins for any order,
/// a provider for the orders assigned to them.
pub fn may_upload_transfers(s: &Staff) -> bool {
    may_process(s) || provider_of(s).is_some()
}

/// Sees what an order costs: staff other than providers.
pub fn sees_cost(p: &Principal) -> bool {
    matches!(p, Principal::Staff(s) if provider_of(s).is_none())
}

/// Ops and admins process orders.
pub fn may_process(s: &Staff) -> bool {
    s.has_any(PROCESSORS)
}

/// A member cancels their company's pre-order while it waits (直客端取消预订单);
/// a salesperson a quick order they booked, while it waits (crm取消快捷订单);
/// ops and admins any order the state machine lets go.
pub fn may_cancel(p: &Principal, o: &OrderOwner, status: OrderStatus) -> bool {
    match p {
        Principal::Member(m) => m.company_id == o.company && status == OrderStatus::Booked,
        Principal::Staff(s) if may_process(s) => may_read(p, o),
        Principal::Staff(s) => {
            s.has(Role::Sales)
                && o.booked_by_staff == Some(s.id)
                && status == OrderStatus::Booked
                && may_read(p, o)
        }
    }
}

/// The company's members, ops and admins keep an order's delivery tracking
/// numbers (送仓单号维护); sales only read them (crm送仓单号查看).
pub fn may_keep_parcels(p: &Principal, o: &OrderOwner) -> bool {
    match p {
        Principal::Member(m) => m.company_id == o.company,
        Principal::Staff(s) => may_process(s) && may_read(p, o),
    }
}

/// Staff who read alerts: ops and admins watch the board, cs talk to the
/// customers, sales follow their own customers. Each reads the alerts of
/// the orders their scope shows (see [`may_read`]); finance and providers
/// read none. (A member reads their company's.)
pub const ALERT_READERS: &[Role] = &[Role::Admin, Role::Ops, Role::Cs, Role::Sales];

pub fn may_read_alerts(s: &Staff) -> bool {
    s.has_any(ALERT_READERS)
}

/// Ops and admins close alerts, and read the silence thresholds; admins
/// change them.
pub fn may_close_alert(s: &Staff) -> bool {
    may_process(s)
}

pub fn may_edit_alert_settings(s: &Staff) -> bool {
    s.has(Role::Admin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{Lang, Member};
    use crate::types::Timestamp;

    fn staff(id: Id, roles: &[Role]) -> Principal {
        Principal::Staff(Staff {
            id,
            account: format!("s{id}"),
            name: "s".into(),
            roles: roles.to_vec(),
            disabled: false,
            lang: Lang::Zh,
            created_at: Timestamp(0),
            partner: None,
        })
    }

    fn member(company_id: Id) -> Principal {
        Principal::Member(Member {
            id: 100 + company_id,
            company_id,
            phone: "13800138001".into(),
            name: "m".into(),
            disabled: false,
            lang: Lang::Zh,
            created_at: Timestamp(0),
        })
    }

    const OWNED: OrderOwner = OrderOwner {
        company: 7,
        company_owner: Some(3),
        booked_by_staff: None,
        provider: Some(5),
    };

    #[test]
    fn a_customer_reads_only_their_companys_orders() {
        assert!(may_read(&member(7), &OWNED));
        assert!(!may_read(&member(8), &OWNED));
    }

    #[test]
    fn a_salesperson_reads_their_customers_orders_and_no_one_elses() {
        assert!(may_read(&staff(3, &[Role::Sales]), &OWNED));
        assert!(!may_read(&staff(4, &[Role::Sales]), &OWNED));
        let quick = OrderOwner {
            booked_by_staff: Some(4),
            ..OWNED
        };
        assert!(may_read(&staff(4, &[Role::Sales]), &quick));
        let unassigned = OrderOwner {
            provider: None,
            ..quick
        };
        assert!(!may_read(&staff(5, &[Role::Provider]), &unassigned));
    }

    #[test]
    fn a_provider_reads_and_uploads_for_the_orders_assigned_to_them_only() {
        assert!(may_read(&staff(5, &[Role::Provider]), &OWNED));
        assert!(!may_read(&staff(6, &[Role::Provider]), &OWNED));
        let Principal::Staff(p) = staff(5, &[Role::Provider]) else {
            unreachable!()
        };
        assert!(may_upload_transfers(&p));
        assert!(!sees_cost(&Principal::Staff(p)));
        let Principal::Staff(sales) = staff(3, &[Role::Sales]) else {
            unreachable!()
        };
        assert!(!may_upload_transfers(&sales));
        assert!(sees_cost(&Principal::Staff(sales)));
        assert!(!sees_cost(&member(7)));
    }

    #[test]
    fn a_customer_cancels_only_a_waiting_pre_order() {
        assert!(may_cancel(&member(7), &OWNED, OrderStatus::Booked));
        assert!(!may_cancel(&member(7), &OWNED, OrderStatus::Confirmed));
        assert!(!may_cancel(&member(8), &OWNED, OrderStatus::Booked));
    }

    #[test]
    fn sales_cancel_only_their_own_waiting_quick_orders_and_ops_any() {
        let quick = OrderOwner {
            booked_by_staff: Some(3),
            ..OWNED
        };
        assert!(may_cancel(
            &staff(3, &[Role::Sales]),
            &quick,
            OrderStatus::Booked
        ));
        assert!(!may_cancel(
            &staff(3, &[Role::Sales]),
            &OWNED,
            OrderStatus::Booked
        ));
        assert!(!may_cancel(
            &staff(3, &[Role::Sales]),
            &quick,
            OrderStatus::Confirmed
        ));
        assert!(may_cancel(
            &staff(9, &[Role::Ops]),
            &OWNED,
            OrderStatus::Departed
        ));
    }

    #[test]
    fn ops_admins_cs_and_sales_read_alerts_finance_and_providers_none() {
        let reads = |roles: &[Role]| match staff(1, roles) {
            Principal::Staff(s) => may_read_alerts(&s),
            Principal::Member(_) => unreachable!(),
        };
        for roles in [
            &[Role::Ops][..],
            &[Role::Cs],
            &[Role::Admin],
            &[Role::Sales],
        ] {
            assert!(reads(roles), "{roles:?}");
        }
        assert!(!reads(&[Role::Finance]));
        assert!(!reads(&[Role::Provider]));
    }

    #[test]
    fn only_the_customer_ops_and_admins_keep_tracking_numbers() {
        assert!(may_keep_parcels(&member(7), &OWNED));
        assert!(!may_keep_parcels(&member(8), &OWNED));
        assert!(may_keep_parcels(&staff(9, &[Role::Ops]), &OWNED));
        assert!(!may_keep_parcels(&staff(3, &[Role::Sales]), &OWNED));
        assert!(!may_keep_parcels(&staff(2, &[Role::Cs]), &OWNED));
    }
}
