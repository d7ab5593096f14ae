//! Following the numbers on orders with the tracking provider: the
//! delivery tracking numbers (送仓单号) and the transfer numbers (转单号)
//! alike. A background job subscribes every number of an order still
//! under way to the provider's pushes ([`follow_numbers`]), so events
//! arrive without anyone looking; looking at a number asks the provider
//! again when what is stored is stale ([`fresh_events`]).

use super::readable;
use crate::auth::Principal;
use crate::error::{AppError, AppResult};
use crate::orders::repo::{follow, transfer as transfers};
use crate::orders::transfer::TransferTrack;
use crate::state::AppState;
use crate::tracking::{self, Carrier, TrackEvent, TrackingNumber};
use crate::types::Id;

/// A stored state older than this is asked for again when someone looks.
pub const REFRESH_AFTER_MS: i64 = 10 * 60 * 1000;
/// A number the provider refused is asked to follow again after this.
pub const RETRY_AFTER_MS: i64 = 6 * 60 * 60 * 1000;
/// The most numbers one round subscribes.
pub const FOLLOW_BATCH: i64 = 200;

/// A number's events, newest first: with a provider configured, a number
/// not asked for in [`REFRESH_AFTER_MS`] is asked for first (the provider
/// failing shows what is stored, and is logged). Answers whether a
/// provider is configured.
pub(crate) async fn fresh_events(
    state: &AppState,
    carrier: Carrier,
    number: &TrackingNumber,
) -> AppResult<(Vec<TrackEvent>, bool)> {
    let live = state.tracking.is_some();
    if live {
        let known = tracking::service::summary(state, carrier, number).await?;
        let stale = known.is_none_or(|k| state.now() - k.updated_at.0 >= REFRESH_AFTER_MS);
        if stale {
            if let Err(e) = tracking::service::refresh(state, carrier, number).await {
                tracing::warn!(error = %e, number = %number.as_str(), "tracking refresh failed");
            }
        }
    }
    Ok((
        tracking::service::events(state, carrier, number).await?,
        live,
    ))
}

/// A transfer number of an order with its carrier's events, newest first:
/// whoever may read the order (as [`super::track_parcel`]).
pub async fn track_transfer(
    state: &AppState,
    who: &Principal,
    order_id: Id,
    transfer_id: Id,
) -> AppResult<TransferTrack> {
    readable(state, who, order_id).await?;
    let find = |list: Vec<crate::orders::transfer::Transfer>| {
        list.into_iter().find(|x| x.id == transfer_id)
    };
    let transfer = find(transfers::of_order(&state.db, order_id).await?)
        .ok_or_else(|| AppError::not_found("transfer"))?;
    let number = TrackingNumber::parse(&transfer.number)?;
    let (events, live) = fresh_events(state, transfer.carrier, &number).await?;
    // The state as of the refresh just made.
    let transfer = find(transfers::of_order(&state.db, order_id).await?).unwrap_or(transfer);
    Ok(TransferTrack {
        transfer,
        events,
        live,
    })
}

/// One round of the follow job: asks the provider to push the events of
/// up to [`FOLLOW_BATCH`] numbers on orders not finished that it does not
/// follow yet, oldest first. A refusal is recorded and asked again after
/// [`RETRY_AFTER_MS`]; an outage stops the round (the next one resumes).
/// Without a provider, nothing. Answers how many it now follows.
pub async fn follow_numbers(state: &AppState) -> AppResult<u64> {
    if state.tracking.is_none() {
        return Ok(0);
    }
    let now = state.now();
    let due = follow::unfollowed(&state.db, now - RETRY_AFTER_MS, FOLLOW_BATCH).await?;
    let mut followed = 0;
    for (carrier, number) in due {
        let (Ok(carrier), Ok(number)) = (Carrier::parse(&carrier), TrackingNumber::parse(&number))
        else {
            continue;
        };
        match tracking::service::subscribe(state, carrier, &number, None).await {
            Ok(()) => followed += 1,
            Err(AppError::Validation { .. }) => {
                tracking::repo::mark_subscribe_tried(&state.db, carrier, &number, now).await?;
            }
            Err(e) => return Err(e),
        }
    }
    Ok(followed)
}
