//! API tokens and sessions end when they should.

use super::*;
use crate::db::Clock;
use crate::error::AppError;
use crate::testing::{self, test_state};

#[tokio::test]
async fn a_password_reset_ends_every_api_token_of_the_account() {
    let state = test_state().await;
    let cs = testing::staff(&state, "tina", &["cs"]).await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let (_, secret) = api_token::create(&state, &cs, "CRM 同步", None)
        .await
        .unwrap();
    assert_eq!(
        api_token::staff_for(&state, &secret).await.unwrap().id,
        cs.id
    );
    service::reset_staff_password(&state, &admin, cs.id, "newpass123")
        .await
        .unwrap();
    assert_eq!(
        api_token::staff_for(&state, &secret).await.unwrap_err(),
        AppError::Unauthorized
    );
    let listed = api_token::list(&state, &cs).await.unwrap();
    assert!(
        !listed[0].active && !listed[0].revoked,
        "shown as no longer valid"
    );
    let (_, fresh) = api_token::create(&state, &cs, "新令牌", None)
        .await
        .unwrap();
    assert!(api_token::staff_for(&state, &fresh).await.is_ok());
}

#[tokio::test]
async fn a_token_with_an_expiry_stops_working_when_it_passes() {
    let mut state = test_state().await;
    state.clock = Clock::manual(1_800_000_000_000);
    let ops = testing::staff(&state, "otto", &["ops"]).await;
    let (t, secret) = api_token::create(&state, &ops, "short", Some(30))
        .await
        .unwrap();
    assert_eq!(t.expires_at.unwrap().0, 1_800_000_000_000 + 30 * 86_400_000);
    assert!(api_token::staff_for(&state, &secret).await.is_ok());
    state.clock.advance(30 * 86_400_000);
    assert!(api_token::staff_for(&state, &secret).await.is_err());
    for bad in [0, -1, API_TOKEN_MAX_DAYS + 1] {
        let e = api_token::create(&state, &ops, "x", Some(bad))
            .await
            .unwrap_err();
        assert_eq!(e.field(), Some("expires_in_days"));
    }
}

#[tokio::test]
async fn admins_list_and_revoke_every_token_and_others_only_their_own() {
    let state = test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let cs = testing::staff(&state, "cora", &["cs"]).await;
    let sales = testing::staff(&state, "sam", &["sales"]).await;
    let (t, secret) = api_token::create(&state, &cs, "客服集成", None)
        .await
        .unwrap();
    assert_eq!(
        api_token::list_all(&state, &sales).await.unwrap_err(),
        AppError::Forbidden
    );
    assert!(
        api_token::revoke(&state, &sales, t.id).await.is_err(),
        "not theirs"
    );
    let all = api_token::list_all(&state, &admin).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].staff_account, "cora");
    api_token::revoke(&state, &admin, t.id).await.unwrap();
    assert!(api_token::staff_for(&state, &secret).await.is_err());
}

#[tokio::test]
async fn a_deleted_session_is_not_brought_back_by_a_late_save() {
    let state = test_state().await;
    let db = &state.db;
    assert!(session_repo::create(db, "s1", "{}", i64::MAX / 2, 0)
        .await
        .unwrap());
    assert!(!session_repo::create(db, "s1", "{}", i64::MAX / 2, 0)
        .await
        .unwrap());
    assert!(session_repo::update(db, "s1", "{\"a\":1}", i64::MAX / 2)
        .await
        .unwrap());
    // Sign-out deletes it while another request still holds the record…
    session_repo::delete(db, "s1").await.unwrap();
    // …whose save at the end must not re-create it.
    assert!(
        !session_repo::update(db, "s1", "{\"user\":1}", i64::MAX / 2)
            .await
            .unwrap()
    );
    assert!(session_repo::load(db, "s1", 0).await.unwrap().is_none());
}
