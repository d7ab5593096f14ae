//! Service tests of identity against a fresh database (SQLite, or PostgreSQL
//! with SHIPDESK_TEST_PG).

use super::*;
use crate::db::Clock;
use crate::error::AppError;
use crate::testing::{self, test_state};
use crate::types::PageQuery;
use crate::ErrorKey;

#[tokio::test]
async fn a_staff_member_signs_in_only_with_the_right_password() {
    let state = test_state().await;
    testing::staff(&state, "alice", &["admin"]).await;
    let ok = service::staff_login(&state, " Alice ", "letters123", "1.1.1.1")
        .await
        .unwrap();
    assert_eq!(ok.account, "alice");
    let bad = service::staff_login(&state, "alice", "wrong-pass1", "1.1.1.1")
        .await
        .unwrap_err();
    assert_eq!(bad.key(), "login.bad_credentials");
    let unknown = service::staff_login(&state, "nobody", "letters123", "1.1.1.1")
        .await
        .unwrap_err();
    assert_eq!(unknown, bad, "unknown accounts answer like wrong passwords");
}

#[tokio::test]
async fn ten_failures_lock_the_account_for_the_window_and_it_reopens_after() {
    let mut state = test_state().await;
    state.clock = Clock::manual(1_800_000_000_000);
    testing::staff(&state, "bob", &["cs"]).await;
    for _ in 0..throttle::ACCOUNT_LIMIT {
        service::staff_login(&state, "bob", "wrong-pass1", "2.2.2.2")
            .await
            .unwrap_err();
    }
    let locked = service::staff_login(&state, "bob", "letters123", "2.2.2.2")
        .await
        .unwrap_err();
    assert!(matches!(locked, AppError::RateLimited { retry_after_secs } if retry_after_secs > 800));
    state.clock.advance(throttle::WINDOW_MS + 1);
    assert!(service::staff_login(&state, "bob", "letters123", "2.2.2.2")
        .await
        .is_ok());
}

#[tokio::test]
async fn disabling_a_staff_member_ends_their_principal_at_once() {
    let state = test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let cs = testing::staff(&state, "carol", &["cs"]).await;
    let who = SessionUser::Staff(cs.id);
    let epoch = service::session_epoch(&state, who).await.unwrap();
    assert!(service::principal(&state, who, epoch)
        .await
        .unwrap()
        .is_some());
    service::set_staff_disabled(&state, &admin, cs.id, true)
        .await
        .unwrap();
    assert!(service::principal(&state, who, epoch)
        .await
        .unwrap()
        .is_none());
    let e = service::staff_login(&state, "carol", "letters123", "3.3.3.3")
        .await
        .unwrap_err();
    assert_eq!(
        e.key(),
        "login.bad_credentials",
        "a disabled account answers like a wrong password"
    );
    service::set_staff_disabled(&state, &admin, cs.id, false)
        .await
        .unwrap();
    let old = service::principal(&state, who, epoch).await.unwrap();
    assert!(old.is_none(), "sessions from before stay ended");
}

#[tokio::test]
async fn an_admin_cannot_lock_themselves_out() {
    let state = test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let e = service::set_staff_disabled(&state, &admin, admin.id, true)
        .await
        .unwrap_err();
    assert_eq!(e.key(), "staff.cannot_disable_self");
    let e = service::set_staff_roles(&state, &admin, admin.id, &["cs".into()])
        .await
        .unwrap_err();
    assert_eq!(e.key(), "staff.cannot_drop_own_admin");
}

#[tokio::test]
async fn accounts_are_unique_and_inputs_are_checked_by_field() {
    let state = test_state().await;
    testing::staff(&state, "dave", &["sales"]).await;
    let input = StaffForCreate {
        account: "DAVE".into(),
        name: "D".into(),
        password: "letters123".into(),
        roles: vec!["sales".into()],
    };
    assert_eq!(
        service::create_staff_account(&state, &input)
            .await
            .unwrap_err(),
        AppError::conflict("account", ErrorKey::AccountTaken)
    );
    let bad = StaffForCreate {
        account: "erin".into(),
        password: "short".into(),
        ..input.clone()
    };
    assert_eq!(
        service::create_staff_account(&state, &bad)
            .await
            .unwrap_err()
            .field(),
        Some("password")
    );
    let no_roles = StaffForCreate {
        account: "erin".into(),
        roles: vec![],
        ..input
    };
    assert_eq!(
        service::create_staff_account(&state, &no_roles)
            .await
            .unwrap_err()
            .field(),
        Some("roles")
    );
}

#[tokio::test]
async fn staff_are_searched_by_name_and_filtered_by_role_with_paging() {
    let state = test_state().await;
    for i in 0..5 {
        testing::staff(&state, &format!("sales{i}"), &["sales"]).await;
    }
    testing::staff(&state, "ops_x", &["ops", "cs"]).await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let f = StaffFilter {
        q: None,
        role: Some("sales".into()),
    };
    let p = service::list_staff(&state, &admin, &f, PageQuery { page: 2, size: 2 })
        .await
        .unwrap();
    assert_eq!((p.total, p.items.len(), p.pages()), (5, 2, 3));
    let f = StaffFilter {
        q: Some("OPS_".into()),
        role: None,
    };
    let p = service::list_staff(&state, &admin, &f, PageQuery::default())
        .await
        .unwrap();
    assert_eq!(
        p.items
            .iter()
            .map(|s| s.account.as_str())
            .collect::<Vec<_>>(),
        vec!["ops_x"]
    );
    let f = StaffFilter {
        q: None,
        role: Some("boss".into()),
    };
    assert!(
        service::list_staff(&state, &admin, &f, PageQuery::default())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn a_code_signs_a_member_in_once_and_expires() {
    let mut state = test_state().await;
    state.clock = Clock::manual(1_800_000_000_000);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let company = testing::company(&state, &admin, "测试公司", None).await;
    testing::member(&state, &admin, &company, "张三", "13900000001").await;
    let code = service::request_member_code(&state, "13900000001", "9.9.9.9")
        .await
        .unwrap()
        .unwrap();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    assert_eq!(
        service::member_login(&state, "13900000001", wrong, "9.9.9.9")
            .await
            .unwrap_err()
            .key(),
        "code.invalid"
    );
    let m = service::member_login(&state, "13900000001", &code, "9.9.9.9")
        .await
        .unwrap();
    assert_eq!(m.company_id, company.id);
    assert!(
        service::member_login(&state, "13900000001", &code, "9.9.9.9")
            .await
            .is_err(),
        "single use"
    );
    state.clock.advance(otp::RESEND_COOLDOWN_MS);
    let code = service::request_member_code(&state, "13900000001", "9.9.9.9")
        .await
        .unwrap()
        .unwrap();
    state.clock.advance(otp::CODE_TTL_MS + 1);
    assert_eq!(
        service::member_login(&state, "13900000001", &code, "9.9.9.9")
            .await
            .unwrap_err()
            .key(),
        "code.expired"
    );
}

#[tokio::test]
async fn codes_have_a_cooldown_a_daily_cap_and_five_attempts() {
    let mut state = test_state().await;
    state.clock = Clock::manual(1_800_000_000_000);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let company = testing::company(&state, &admin, "测试公司", None).await;
    testing::member(&state, &admin, &company, "李四", "13900000002").await;
    let code = service::request_member_code(&state, "13900000002", "8.8.8.8")
        .await
        .unwrap()
        .unwrap();
    let again = service::request_member_code(&state, "13900000002", "8.8.8.8")
        .await
        .unwrap_err();
    assert!(matches!(
        again,
        AppError::RateLimited {
            retry_after_secs: 60
        }
    ));
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..otp::MAX_ATTEMPTS {
        service::member_login(&state, "13900000002", wrong, "9.9.9.9")
            .await
            .unwrap_err();
    }
    let e = service::member_login(&state, "13900000002", &code, "9.9.9.9")
        .await
        .unwrap_err();
    assert_eq!(
        e.key(),
        "code.too_many_attempts",
        "the right code no longer works"
    );
    for _ in 1..otp::DAILY_PER_PHONE {
        state.clock.advance(otp::RESEND_COOLDOWN_MS);
        service::request_member_code(&state, "13900000002", "8.8.8.8")
            .await
            .unwrap();
    }
    state.clock.advance(otp::RESEND_COOLDOWN_MS);
    let capped = service::request_member_code(&state, "13900000002", "8.8.8.8")
        .await
        .unwrap_err();
    assert!(matches!(capped, AppError::RateLimited { .. }));
}

#[tokio::test]
async fn an_unknown_phone_gets_the_same_answer_but_no_code() {
    let state = test_state().await;
    assert_eq!(
        service::request_member_code(&state, "13900000009", "7.7.7.7")
            .await
            .unwrap(),
        None
    );
    assert!(
        service::member_login(&state, "13900000009", "123456", "9.9.9.9")
            .await
            .is_err()
    );
    assert_eq!(
        service::request_member_code(&state, "123", "7.7.7.7")
            .await
            .unwrap_err()
            .field(),
        Some("phone")
    );
}

#[tokio::test]
async fn a_password_reset_ends_existing_sessions_but_a_role_change_does_not() {
    let state = test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let ops = testing::staff(&state, "olga", &["ops"]).await;
    let who = SessionUser::Staff(ops.id);
    let epoch = service::session_epoch(&state, who).await.unwrap();
    service::set_staff_roles(&state, &admin, ops.id, &["ops".into(), "finance".into()])
        .await
        .unwrap();
    let p = service::principal(&state, who, epoch)
        .await
        .unwrap()
        .expect("still signed in");
    assert_eq!(
        p.staff().unwrap().roles,
        vec![Role::Ops, Role::Finance],
        "new roles apply at once"
    );
    service::reset_staff_password(&state, &admin, ops.id, "newpass123")
        .await
        .unwrap();
    assert!(service::principal(&state, who, epoch)
        .await
        .unwrap()
        .is_none());
    assert!(
        service::staff_login(&state, "olga", "letters123", "4.4.4.4")
            .await
            .is_err()
    );
    assert!(
        service::staff_login(&state, "olga", "newpass123", "4.4.4.4")
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn only_admins_manage_staff_whatever_calls_the_service() {
    let state = test_state().await;
    let ops = testing::staff(&state, "olga", &["ops", "cs"]).await;
    let f = StaffFilter::default();

    let listed = service::list_staff(&state, &ops, &f, PageQuery::default()).await;
    let reset = service::reset_staff_password(&state, &ops, ops.id, "newpass123").await;
    let input = StaffForCreate {
        account: "mallory".into(),
        name: "M".into(),
        password: "letters123".into(),
        roles: vec!["admin".into()],
    };
    let created = service::create_staff(&state, &ops, &input).await;

    assert_eq!(listed.unwrap_err(), AppError::Forbidden);
    assert_eq!(reset.unwrap_err(), AppError::Forbidden);
    assert_eq!(created.unwrap_err(), AppError::Forbidden);
}
