//! The hall's services: customers post and keep their list (`post`), hall
//! staff list, count, answer and move inquiries (`hall`), admins set the
//! SLA and the robot and send it a test (`settings`); the robot's outbox is
//! sent by `send`.

mod hall;
mod post;
pub mod send;
mod settings;

pub use hall::*;
pub use post::*;
pub use settings::*;

use sqlx::{Any, Executor};

use super::policy::{self, DEFAULT_SLA_MINUTES};
use super::repo::inquiry::StoredInquiry;
use super::repo::robot as outbox;
use crate::error::AppResult;
use crate::pricing::inquiry_hall::model::HallInquiry;
use crate::state::AppState;

/// The SLA in minutes and the robot URL, as set.
pub(crate) async fn settings_of(
    ex: impl Executor<'_, Database = Any>,
) -> AppResult<(i64, Option<String>)> {
    let all = outbox::settings(ex).await?;
    let get = |k: &str| all.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let sla = get(outbox::SLA_MINUTES)
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_SLA_MINUTES);
    Ok((sla, get(outbox::ROBOT_URL)))
}

/// Inquiries as listed: overdue marked by the clock and the SLA.
pub(crate) fn finish(state: &AppState, rows: Vec<StoredInquiry>, sla: i64) -> Vec<HallInquiry> {
    let now = state.now();
    rows.into_iter()
        .map(|r| {
            let mut i = r.inquiry;
            i.overdue = policy::is_overdue(i.status, i.created_at.0, now, sla);
            i
        })
        .collect()
}
