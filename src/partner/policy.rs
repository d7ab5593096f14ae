//! Who may manage partner apps, and what an app may do: pure rules,
//! tested without a database.

use super::model::PartnerApp;
use crate::auth::Role;
use crate::types::Id;

/// Staff who register, change and audit partner apps.
pub const PARTNER_ADMINS: &[Role] = &[Role::Admin];

/// How far a token request's timestamp may be from the server's clock.
pub const TOKEN_WINDOW_SECS: i64 = 300;
/// How long a signed login link is good for.
pub const LOGIN_LINK_WINDOW_SECS: i64 = 60;
/// How long a bearer token lives.
pub const TOKEN_TTL_SECS: i64 = 7200;
/// Nonces are kept this long: past it their timestamps are refused anyway.
pub const NONCE_KEEP_MS: i64 = 2 * TOKEN_WINDOW_SECS * 1000;
/// The request log keeps 30 days.
pub const KEEP_REQUESTS_MS: i64 = 30 * 24 * 3600 * 1000;

/// May the app call `function` (the path after `/api/`)?
pub fn allows_function(functions: &[String], function: &str) -> bool {
    functions.iter().any(|f| f == function)
}

/// May the app sign in the staff account `account` by a login link? Only
/// one it names; never its own account.
pub fn may_sign_in_staff(app: &PartnerApp, account: &str) -> bool {
    account != app.account && app.login_staff.iter().any(|a| a == account)
}

/// May the app sign in a member of `company` by a login link?
pub fn may_sign_in_member(app: &PartnerApp, company: Id) -> bool {
    app.login_members && (app.all_companies || app.company_ids.contains(&company))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Timestamp;

    fn app() -> PartnerApp {
        PartnerApp {
            id: 1,
            app_id: "pa_x".into(),
            name: "ERP".into(),
            account: "app:pa_x".into(),
            roles: vec![Role::Cs],
            functions: vec!["get_company".into()],
            all_companies: false,
            company_ids: vec![7],
            login_staff: vec!["cs1".into(), "app:pa_x".into()],
            login_members: true,
            rate_per_min: 60,
            enabled: true,
            created_at: Timestamp(0),
        }
    }

    #[test]
    fn an_app_calls_only_its_functions() {
        let a = app();
        assert!(allows_function(&a.functions, "get_company"));
        assert!(!allows_function(&a.functions, "list_companies"));
        assert!(!allows_function(&a.functions, "get_company2"));
    }

    #[test]
    fn an_app_signs_in_only_whom_it_was_given() {
        let mut a = app();
        assert!(may_sign_in_staff(&a, "cs1"));
        assert!(!may_sign_in_staff(&a, "admin"));
        assert!(!may_sign_in_staff(&a, "app:pa_x"), "never its own account");
        assert!(may_sign_in_member(&a, 7));
        assert!(!may_sign_in_member(&a, 8));
        a.all_companies = true;
        assert!(may_sign_in_member(&a, 8));
        a.login_members = false;
        assert!(!may_sign_in_member(&a, 7));
    }
}
