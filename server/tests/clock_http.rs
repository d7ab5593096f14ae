//! Time windows over HTTP on the app's manual clock: session idle and
//! absolute lifetimes, the SMS cooldown and the sign-in lock reopening.
//!
//! One test runs the scenarios in turn, so this process serves one app at a
//! time: a server function that loses its request context falls back to the
//! process's last router state (see `shipdesk_app::server::state`), which
//! must be this app's, clock included.

mod support;

use reqwest::StatusCode;
use serde_json::json;
use support::{client, spawn_app_with};

#[tokio::test]
async fn time_windows_open_and_close_on_the_apps_clock() {
    a_session_ends_after_the_idle_time_on_the_apps_clock_and_slides_with_use().await;
    a_session_ends_at_its_absolute_lifetime_however_busy().await;
    the_code_cooldown_and_the_login_lock_reopen_when_their_windows_end().await;
}

/// An app on a manual clock, and the clock.
async fn app_on_a_manual_clock() -> (support::TestApp, shipdesk::db::Clock) {
    let mut state = shipdesk::testing::test_state().await;
    state.clock = shipdesk::db::Clock::manual(1_800_000_000_000);
    let clock = state.clock.clone();
    (spawn_app_with(state).await, clock)
}

async fn signed_in(app: &support::TestApp, c: &reqwest::Client) -> bool {
    let (status, user) = app.call(c, "current_user", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    !user.is_null()
}

async fn a_session_ends_after_the_idle_time_on_the_apps_clock_and_slides_with_use() {
    let (app, clock) = app_on_a_manual_clock().await;
    let idle_ms = app.state.config.session_idle_secs * 1000;
    let (_, c) = app.signed_in_staff("idler", &["ops"]).await;
    clock.advance(idle_ms - 120_000);
    assert!(signed_in(&app, &c).await, "used before the idle time ends");
    clock.advance(idle_ms - 120_000);
    assert!(signed_in(&app, &c).await, "the use slid the window");
    clock.advance(idle_ms + 1_000);
    assert!(!signed_in(&app, &c).await, "idle past the limit");
}

async fn a_session_ends_at_its_absolute_lifetime_however_busy() {
    let (app, clock) = app_on_a_manual_clock().await;
    let (_, c) = app.signed_in_staff("busy", &["ops"]).await;
    let step = app.state.config.session_idle_secs * 1000 / 2;
    let mut elapsed = 0;
    while elapsed + step <= app.state.config.session_absolute_secs * 1000 {
        clock.advance(step);
        elapsed += step;
        assert!(signed_in(&app, &c).await, "at {elapsed} ms");
    }
    clock.advance(step);
    assert!(!signed_in(&app, &c).await, "past the absolute lifetime");
}

async fn the_code_cooldown_and_the_login_lock_reopen_when_their_windows_end() {
    let (app, clock) = app_on_a_manual_clock().await;
    let boss = shipdesk::testing::staff(&app.state, "boss", &["admin"]).await;
    app.company_with_member(&boss, "Clock Ltd", None, "13800138066")
        .await;
    let c = client();
    assert_eq!(app.request_code(&c, "13800138066").await.0, StatusCode::OK);
    let res = app
        .post(&c, "request_login_code", json!({"phone": "13800138066"}))
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(support::retry_after(&res), 60);
    clock.advance(60_000);
    assert_eq!(app.request_code(&c, "13800138066").await.0, StatusCode::OK);

    shipdesk::testing::staff(&app.state, "locked", &["ops"]).await;
    for _ in 0..shipdesk::auth::throttle::ACCOUNT_LIMIT {
        app.staff_login(&c, "locked", "wrong-pass1").await;
    }
    let res = app.staff_login(&c, "locked", support::PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    clock.advance(shipdesk::auth::throttle::WINDOW_MS);
    let res = app.staff_login(&c, "locked", support::PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK, "the window ended");
}
