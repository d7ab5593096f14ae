//! Claiming and pruning outbox events. Writing one is `repo::insert` in the
//! caller's transaction; handing them on is the consumer's (webhooks:
//! `webhook::service::fan_out`).

use super::model::Claimed;
use super::repo;
use crate::error::AppResult;
use crate::state::AppState;

/// How long a claim holds: long enough for a hand-on, short enough that a
/// worker that died is replaced soon.
pub const LEASE_MS: i64 = 30_000;
/// Processed events are kept this long (a week), then pruned.
pub const KEEP_PROCESSED_MS: i64 = 7 * 24 * 3600 * 1000;

/// Takes up to `limit` pending events for `LEASE_MS`.
pub async fn claim(state: &AppState, limit: i64) -> AppResult<Claimed> {
    let now = state.now();
    // Random, so a worker that lost its lease cannot complete a re-claim.
    let token = (rand::random::<u64>() >> 12) as i64;
    let events = repo::claim(&state.db, now, now + LEASE_MS, token, limit).await?;
    Ok(Claimed { token, events })
}

/// Deletes events processed more than `KEEP_PROCESSED_MS` ago.
pub async fn prune(state: &AppState) -> AppResult<u64> {
    repo::prune(&state.db, state.now() - KEEP_PROCESSED_MS).await
}
