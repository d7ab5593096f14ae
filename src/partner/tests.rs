//! Partner apps: tokens by signed requests, the bearer check, scopes,
//! login links, and every refusal logged.

use super::policy::TOKEN_TTL_SECS;
use super::service::{self, LoginLink};
use super::sign;
use super::*;
use crate::auth::{Role, SessionUser, Staff};
use crate::customer::{service as customer, CompanyFilter};
use crate::db::Clock;
use crate::error::AppError;
use crate::state::AppState;
use crate::testing::{self, test_state};
use crate::{ErrorKey, PageQuery};

const KNOWN: &[&str] = &["list_companies", "get_company", "current_user"];
const NOW: i64 = 1_800_000_000_000;

async fn setup() -> (AppState, Staff) {
    let mut state = test_state().await;
    state.clock = Clock::manual(NOW);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    (state, admin)
}

fn input(functions: &[&str]) -> PartnerAppForCreate {
    PartnerAppForCreate {
        name: "ERP 同步".into(),
        roles: vec![Role::Cs],
        functions: functions.iter().map(|f| f.to_string()).collect(),
        all_companies: true,
        rate_per_min: 60,
        ..Default::default()
    }
}

fn request(app: &PartnerApp, secret: &str, ts: i64, nonce: &str) -> PartnerTokenRequest {
    PartnerTokenRequest {
        app_id: app.app_id.clone(),
        timestamp: ts,
        nonce: nonce.into(),
        signature: sign::sign(secret, &[&app.app_id, &ts.to_string(), nonce]),
    }
}

async fn log_of(state: &AppState, admin: &Staff, app: &PartnerApp) -> Vec<PartnerRequest> {
    service::requests(
        state,
        admin,
        app.id,
        &Default::default(),
        PageQuery::parse(None, Some(100)).unwrap(),
    )
    .await
    .unwrap()
    .items
}

#[tokio::test]
async fn an_app_gets_a_token_by_a_signed_request_and_calls_as_its_account() {
    let (state, admin) = setup().await;
    let (app, secret) = service::create(&state, &admin, &input(&["list_companies"]), KNOWN)
        .await
        .unwrap();
    assert!(app.app_id.starts_with("pa_") && secret.starts_with("sps_"));
    let t = service::issue_token(&state, &request(&app, &secret, NOW / 1000, "nonce-0001"))
        .await
        .unwrap();
    assert_eq!(t.token_type, "Bearer");
    assert_eq!(t.expires_at.0, NOW + TOKEN_TTL_SECS * 1000);
    let ok = service::authorize(&state, &t.access_token, "list_companies")
        .await
        .unwrap();
    assert_eq!(ok.staff.account, app.account);
    assert_eq!(ok.staff.roles, vec![Role::Cs]);
    let log = log_of(&state, &admin, &app).await;
    assert_eq!(log.len(), 1, "the token request is logged");
    assert_eq!(
        (log[0].function.as_str(), log[0].status),
        ("partner_token", 200)
    );
    // The account cannot sign in with a password.
    let e = crate::auth::service::staff_login(&state, &app.account, "anything-1", "1.2.3.4").await;
    assert!(e.is_err());
}

#[tokio::test]
async fn bad_signatures_old_timestamps_reused_nonces_and_paused_apps_are_refused_and_logged() {
    let (state, admin) = setup().await;
    let (app, secret) = service::create(&state, &admin, &input(&["list_companies"]), KNOWN)
        .await
        .unwrap();
    let ts = NOW / 1000;
    let mut forged = request(&app, &secret, ts, "nonce-0001");
    forged.signature = sign::sign("sps_wrong", &[&app.app_id, &ts.to_string(), "nonce-0001"]);
    assert_eq!(
        service::issue_token(&state, &forged).await.unwrap_err(),
        AppError::Unauthorized
    );
    let old = request(&app, &secret, ts - 301, "nonce-0002");
    let e = service::issue_token(&state, &old).await.unwrap_err();
    assert_eq!(
        (e.field(), e.key()),
        (Some("timestamp"), ErrorKey::PartnerTimestampExpired)
    );
    service::issue_token(&state, &request(&app, &secret, ts, "nonce-0003"))
        .await
        .unwrap();
    let e = service::issue_token(&state, &request(&app, &secret, ts, "nonce-0003"))
        .await
        .unwrap_err();
    assert_eq!(
        (e.field(), e.key()),
        (Some("nonce"), ErrorKey::PartnerNonceReused)
    );
    service::set_enabled(&state, &admin, app.id, false)
        .await
        .unwrap();
    let e = service::issue_token(&state, &request(&app, &secret, ts, "nonce-0004"))
        .await
        .unwrap_err();
    assert_eq!(e, AppError::Forbidden);
    let errors: Vec<Option<String>> = log_of(&state, &admin, &app)
        .await
        .into_iter()
        .map(|r| r.error)
        .collect();
    assert_eq!(
        errors,
        vec![
            Some("partner.disabled".into()),
            Some("partner.nonce_reused".into()),
            None,
            Some("partner.timestamp_expired".into()),
            Some("partner.signature_invalid".into()),
        ]
    );
}

#[tokio::test]
async fn one_nonce_sent_in_parallel_gets_one_token() {
    let (state, admin) = setup().await;
    let (app, secret) = service::create(&state, &admin, &input(&["list_companies"]), KNOWN)
        .await
        .unwrap();
    let req = request(&app, &secret, NOW / 1000, "nonce-burst");
    let tries = (0..12).map(|_| {
        let (state, req) = (state.clone(), req.clone());
        tokio::spawn(async move { service::issue_token(&state, &req).await })
    });
    let results = futures_join(tries).await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
}

async fn futures_join<T: Send + 'static>(
    handles: impl Iterator<Item = tokio::task::JoinHandle<T>>,
) -> Vec<T> {
    let mut out = vec![];
    for h in handles.collect::<Vec<_>>() {
        out.push(h.await.unwrap());
    }
    out
}

async fn token_for(state: &AppState, app: &PartnerApp, secret: &str, nonce: &str) -> String {
    service::issue_token(state, &request(app, secret, state.now() / 1000, nonce))
        .await
        .unwrap()
        .access_token
}

#[tokio::test]
async fn a_token_calls_only_its_functions_within_its_rate_and_ends_with_its_app() {
    let (state, admin) = setup().await;
    let mut settings = input(&["list_companies"]);
    settings.rate_per_min = 5;
    let (app, secret) = service::create(&state, &admin, &settings, KNOWN)
        .await
        .unwrap();
    let token = token_for(&state, &app, &secret, "nonce-0001").await;
    assert_eq!(
        service::authorize(&state, &token, "get_company")
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    let calls = (0..20).map(|_| {
        let (state, token) = (state.clone(), token.clone());
        tokio::spawn(async move { service::authorize(&state, &token, "list_companies").await })
    });
    let results = futures_join(calls).await;
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        5,
        "the rate holds under a burst"
    );
    assert!(results
        .iter()
        .any(|r| matches!(r, Err(AppError::RateLimited { .. }))));
    let limited = log_of(&state, &admin, &app)
        .await
        .iter()
        .filter(|r| r.status == 429)
        .count();
    assert_eq!(limited, 15);
    service::set_enabled(&state, &admin, app.id, false)
        .await
        .unwrap();
    assert_eq!(
        service::authorize(&state, &token, "list_companies")
            .await
            .unwrap_err(),
        AppError::Unauthorized
    );
    service::set_enabled(&state, &admin, app.id, true)
        .await
        .unwrap();
    let (_, new_secret) = service::rotate_secret(&state, &admin, app.id)
        .await
        .unwrap();
    assert_ne!(new_secret, secret);
    assert_eq!(
        service::authorize(&state, &token, "list_companies")
            .await
            .unwrap_err(),
        AppError::Unauthorized
    );
    let e = service::issue_token(&state, &request(&app, &secret, NOW / 1000, "nonce-0002")).await;
    assert_eq!(
        e.unwrap_err(),
        AppError::Unauthorized,
        "the old secret no longer signs"
    );
    state.clock.advance(TOKEN_TTL_SECS * 1000);
    let fresh = token_for(&state, &app, &new_secret, "nonce-0003").await;
    assert!(service::authorize(&state, &fresh, "list_companies")
        .await
        .is_ok());
}

#[tokio::test]
async fn an_app_given_some_companies_sees_only_those() {
    let (state, admin) = setup().await;
    let mine = testing::company(&state, &admin, "深圳甲公司", None).await;
    let other = testing::company(&state, &admin, "义乌乙公司", None).await;
    let mut settings = input(&["list_companies", "get_company"]);
    settings.all_companies = false;
    settings.company_ids = vec![mine.id];
    let (app, secret) = service::create(&state, &admin, &settings, KNOWN)
        .await
        .unwrap();
    let token = token_for(&state, &app, &secret, "nonce-0001").await;
    let caller = service::authorize(&state, &token, "list_companies")
        .await
        .unwrap()
        .staff;
    let page = customer::list_companies(
        &state,
        &caller,
        &CompanyFilter::default(),
        PageQuery::parse(None, None).unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(
        page.items.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![mine.id]
    );
    assert_eq!(page.total, 1);
    assert!(customer::get_company(&state, &caller, mine.id)
        .await
        .is_ok());
    let e = customer::get_company(&state, &caller, other.id)
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::NotFound { .. }), "{e:?}");
}

#[tokio::test]
async fn only_admins_manage_apps_and_settings_are_checked() {
    let (state, admin) = setup().await;
    let cs = testing::staff(&state, "tina", &["cs"]).await;
    assert_eq!(
        service::create(&state, &cs, &input(&["list_companies"]), KNOWN)
            .await
            .unwrap_err(),
        AppError::Forbidden
    );
    assert_eq!(
        service::list(&state, &cs).await.unwrap_err(),
        AppError::Forbidden
    );
    let e = service::create(&state, &admin, &input(&["drop_tables"]), KNOWN)
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("functions"));
    let mut bad = input(&["list_companies"]);
    bad.all_companies = false;
    bad.company_ids = vec![42];
    let e = service::create(&state, &admin, &bad, KNOWN)
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("company_ids"));
    let mut bad = input(&["list_companies"]);
    bad.login_staff = vec!["nobody".into()];
    assert_eq!(
        service::create(&state, &admin, &bad, KNOWN)
            .await
            .unwrap_err()
            .field(),
        Some("login_staff")
    );
    assert!(
        service::list(&state, &admin).await.unwrap().is_empty(),
        "nothing saved half-way"
    );
}

fn link(app: &PartnerApp, secret: &str, kind: &str, user: &str, ts: i64, nonce: &str) -> LoginLink {
    let ts_s = ts.to_string();
    LoginLink {
        app_id: app.app_id.clone(),
        kind: kind.into(),
        user: user.into(),
        timestamp: ts,
        nonce: nonce.into(),
        next: "/admin".into(),
        signature: sign::sign(secret, &[&app.app_id, kind, user, &ts_s, nonce, "/admin"]),
    }
}

#[tokio::test]
async fn a_login_link_signs_in_only_whom_the_app_may_once_and_within_a_minute() {
    let (state, admin) = setup().await;
    let cs1 = testing::staff(&state, "cs1", &["cs"]).await;
    let mine = testing::company(&state, &admin, "深圳甲公司", None).await;
    let other = testing::company(&state, &admin, "义乌乙公司", None).await;
    let m1 = testing::member(&state, &admin, &mine, "张三", "13800000001").await;
    testing::member(&state, &admin, &other, "李四", "13800000002").await;
    let mut settings = input(&["list_companies"]);
    settings.all_companies = false;
    settings.company_ids = vec![mine.id];
    settings.login_staff = vec!["cs1".into()];
    settings.login_members = true;
    let (app, secret) = service::create(&state, &admin, &settings, KNOWN)
        .await
        .unwrap();
    let ts = NOW / 1000;
    let who = service::sign_in_by_link(
        &state,
        &link(&app, &secret, "staff", "cs1", ts, "link-0001"),
    )
    .await;
    assert_eq!(who.unwrap(), SessionUser::Staff(cs1.id));
    let again = service::sign_in_by_link(
        &state,
        &link(&app, &secret, "staff", "cs1", ts, "link-0001"),
    )
    .await;
    assert_eq!(
        again.unwrap_err().key(),
        ErrorKey::PartnerNonceReused,
        "single use"
    );
    let who = service::sign_in_by_link(
        &state,
        &link(&app, &secret, "member", "13800000001", ts, "link-0002"),
    )
    .await;
    assert_eq!(who.unwrap(), SessionUser::Member(m1.id));
    for (kind, user, nonce) in [
        ("staff", "root", "link-0003"),
        ("member", "13800000002", "link-0004"),
        ("robot", "x", "link-0005"),
    ] {
        let e = service::sign_in_by_link(&state, &link(&app, &secret, kind, user, ts, nonce)).await;
        assert_eq!(e.unwrap_err(), AppError::Forbidden, "{kind} {user}");
    }
    let late = service::sign_in_by_link(
        &state,
        &link(&app, &secret, "staff", "cs1", ts - 61, "link-0006"),
    )
    .await;
    assert_eq!(late.unwrap_err().key(), ErrorKey::PartnerTimestampExpired);
    let mut tampered = link(&app, &secret, "staff", "cs1", ts, "link-0007");
    tampered.next = "/admin/staff".into();
    assert_eq!(
        service::sign_in_by_link(&state, &tampered)
            .await
            .unwrap_err(),
        AppError::Unauthorized
    );
    let refused = log_of(&state, &admin, &app)
        .await
        .iter()
        .filter(|r| r.status >= 400)
        .count();
    assert_eq!(refused, 6);
}
