//! One channel's plan priced again for other cargo: an order booked on an
//! expired quote (today's table), or cartons measured at the warehouse (the
//! table version and day the order was priced on).

use crate::error::{AppError, AppResult};
use crate::pricing::model::*;
use crate::pricing::quote::{explain_channel, search};
use crate::pricing::repo::{channel, level};
use crate::pricing::Catalogue;
use crate::state::AppState;
use crate::types::Id;

/// The plan of `channel_id` (at `version` of its table; None: as it is now)
/// for `q` on `day`, at `company`'s price level with the cost kept; or
/// why the channel does not take the cargo. A channel disabled since still
/// prices what was booked on it.
pub async fn reprice(
    state: &AppState,
    company: Id,
    channel_id: Id,
    version: Option<u32>,
    q: &QuoteQuery,
    day: Date,
) -> AppResult<Result<Plan, Vec<Reason>>> {
    let cat = super::catalogue(state).await?;
    let current = cat.channel(channel_id).cloned();
    let ch = match (current, version) {
        (Some(c), None) => c,
        (Some(c), Some(v)) if c.table_version == v => c,
        (_, Some(v)) => channel::at_version(&state.db, channel_id, v)
            .await?
            .ok_or_else(|| AppError::not_found("channel"))?,
        (None, None) => return Err(AppError::not_found("channel")),
    };
    let one = Catalogue::new(vec![crate::pricing::Channel {
        enabled: true,
        ..ch
    }])?;
    let Some(mut plan) = search(&one, q, day).into_iter().next() else {
        let why = explain_channel(&one, channel_id, q, day);
        return Ok(Err(why.map(|e| e.reasons).unwrap_or_default()));
    };
    match level::of_company(&state.db, company).await? {
        Some(l) => l.apply(&mut plan),
        None => plan.cost_total_fen = Some(plan.total_fen),
    }
    (plan.cheapest, plan.fastest) = (false, false);
    Ok(Ok(plan))
}
