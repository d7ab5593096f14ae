//! Limits of sign-in under bursts: the requests of each test arrive at once
//! (SQLite, or PostgreSQL with SHIPDESK_TEST_PG).

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::password::PasswordHasher;
use super::sms::SmsSender;
use super::*;
use crate::error::AppError;
use crate::state::AppState;
use crate::testing::{self, test_state};

/// Counts what it would send.
#[derive(Default)]
struct CountingSms(AtomicUsize);

impl SmsSender for CountingSms {
    fn send<'a>(
        &'a self,
        _phone: &'a str,
        _code: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Box::pin(async { Ok(()) })
    }
}

async fn state_with_member(phone: &str) -> AppState {
    let state = test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let company = testing::company(&state, &admin, "并发公司", None).await;
    testing::member(&state, &admin, &company, "王五", phone).await;
    state
}

fn wrong_for(code: &str) -> &'static str {
    if code == "000000" {
        "111111"
    } else {
        "000000"
    }
}

/// Runs `n` copies of `f(i)` at once and returns their results.
async fn burst<T, F, Fut>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> Fut,
    Fut: Future<Output = T> + Send + 'static,
{
    let tasks: Vec<_> = (0..n).map(|i| tokio::spawn(f(i))).collect();
    let mut out = Vec::with_capacity(n);
    for t in tasks {
        out.push(t.await.expect("task"));
    }
    out
}

fn count_key<T>(results: &[Result<T, AppError>], key: &str) -> usize {
    results
        .iter()
        .filter(|r| matches!(r, Err(e) if e.key() == key))
        .count()
}

#[tokio::test]
async fn two_hundred_parallel_wrong_codes_are_compared_at_most_five_times() {
    let state = state_with_member("13900000011").await;
    let code = service::request_member_code(&state, "13900000011", "1.0.0.1")
        .await
        .unwrap()
        .unwrap();
    let wrong = wrong_for(&code);
    let results = burst(200, |_| {
        let state = state.clone();
        async move { otp::verify_code(&state, "13900000011", wrong).await }
    })
    .await;
    assert_eq!(
        count_key(&results, "code.invalid"),
        otp::MAX_ATTEMPTS as usize,
        "only reserved attempts are compared"
    );
    assert_eq!(count_key(&results, "code.too_many_attempts"), 195);
    let right = otp::verify_code(&state, "13900000011", &code)
        .await
        .unwrap_err();
    assert_eq!(right.key(), "code.too_many_attempts");
}

#[tokio::test]
async fn a_burst_of_member_logins_is_throttled_and_the_right_code_is_then_refused() {
    let state = state_with_member("13900000012").await;
    let code = service::request_member_code(&state, "13900000012", "1.0.0.2")
        .await
        .unwrap()
        .unwrap();
    let wrong = wrong_for(&code);
    let results = burst(200, |i| {
        let state = state.clone();
        let ip = format!("10.1.{}.{}", i / 250, i % 250);
        async move { service::member_login(&state, "13900000012", wrong, &ip).await }
    })
    .await;
    assert!(count_key(&results, "code.invalid") <= otp::MAX_ATTEMPTS as usize);
    let limited = results
        .iter()
        .filter(|r| matches!(r, Err(AppError::RateLimited { .. })))
        .count();
    assert_eq!(
        limited,
        200 - throttle::PHONE_LIMIT as usize,
        "the phone's failure slots run out at the limit"
    );
    let right = service::member_login(&state, "13900000012", &code, "10.9.9.9").await;
    assert!(right.is_err(), "the right code no longer signs in");
}

#[tokio::test]
async fn a_hundred_parallel_wrong_passwords_reach_argon2_at_most_ten_times() {
    let state = test_state().await;
    testing::staff(&state, "target", &["finance"]).await;
    let before = state.hasher.verifications();
    let results = burst(100, |_| {
        let state = state.clone();
        async move { service::staff_login(&state, "target", "wrong-pass1", "10.2.0.1").await }
    })
    .await;
    let verified = state.hasher.verifications() - before;
    assert!(
        verified <= throttle::ACCOUNT_LIMIT as u64,
        "{verified} passwords verified"
    );
    assert_eq!(
        count_key(&results, "login.bad_credentials"),
        verified as usize
    );
    let locked = service::staff_login(&state, "target", "letters123", "10.2.0.2")
        .await
        .unwrap_err();
    assert!(matches!(locked, AppError::RateLimited { .. }));
}

#[tokio::test]
async fn a_sign_in_during_a_flood_answers_within_two_seconds_or_is_told_to_retry() {
    let mut state = test_state().await;
    testing::staff(&state, "real", &["ops"]).await;
    state.hasher = PasswordHasher::new(1, Duration::from_millis(500));
    // Guesses at many accounts from many addresses: no throttle scope fills,
    // so only the hashing queue stands between them and everyone else.
    let flood = {
        let state = state.clone();
        tokio::spawn(async move {
            burst(80, |i| {
                let state = state.clone();
                async move {
                    service::staff_login(
                        &state,
                        &format!("guess{i}"),
                        "wrong-pass1",
                        &format!("10.3.0.{i}"),
                    )
                    .await
                }
            })
            .await
        })
    };
    tokio::time::sleep(Duration::from_millis(20)).await;
    let started = Instant::now();
    let real = service::staff_login(&state, "real", "letters123", "10.4.0.1").await;
    let took = started.elapsed();
    assert!(
        matches!(real, Ok(_) | Err(AppError::RateLimited { .. })),
        "{real:?}"
    );
    assert!(took < Duration::from_secs(2), "answered after {took:?}");
    let results = flood.await.unwrap();
    assert!(
        results
            .iter()
            .any(|r| matches!(r, Err(AppError::RateLimited { .. }))),
        "a flood past the queue's wait is told to retry"
    );
}

#[tokio::test]
async fn fifty_parallel_code_requests_for_one_phone_send_one_sms() {
    let mut state = state_with_member("13900000013").await;
    let sms = Arc::new(CountingSms::default());
    state.sms = sms.clone();
    let results = burst(50, |i| {
        let state = state.clone();
        let ip = format!("10.5.0.{i}");
        async move { service::request_member_code(&state, "13900000013", &ip).await }
    })
    .await;
    // Sends run in their own tasks: let them.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(sms.0.load(Ordering::SeqCst), 1, "one code sent");
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    assert!(results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .all(|e| matches!(e, AppError::RateLimited { .. })));
}
