//! Exporting the list as filtered (直客导出订单详情): every order the caller
//! may see that the filter keeps, newest first, walked by key in chunks and
//! handed on chunk by chunk, so nothing holds the whole list. An export
//! the page names (`track`) records how far it has got, for the page's
//! progress bar (`get_export_progress`).

use super::read::{narrow, scope};
use crate::auth::Principal;
use crate::error::{AppError, AppResult};
use crate::orders::model::{ExportProgress, OrderFilter, OrderSummary};
use crate::orders::repo::export as progress;
use crate::orders::repo::order::{Narrow, Scope};
use crate::orders::repo::order_list;
use crate::state::AppState;

/// Orders a chunk holds.
pub const CHUNK: i64 = 1_000;
/// An export stops after this many orders.
pub const MAX_EXPORT: u64 = 200_000;

/// Where an export is in the list: made (and the caller and filter
/// checked) before the first row is sent.
pub struct ExportCursor {
    scope: Scope,
    narrow: Narrow,
    after: (i64, i64),
    done: u64,
    finished: bool,
    /// (owner, export id) when the page follows its progress.
    tracked: Option<(String, String)>,
}

/// Whose progress rows are whose.
fn owner(who: &Principal) -> String {
    match who {
        Principal::Member(m) => format!("member:{}", m.id),
        Principal::Staff(s) => format!("staff:{}", s.id),
    }
}

/// An export id as a page makes one: 8–64 letters, digits, `-` or `_`.
fn export_id(id: &str) -> AppResult<&str> {
    let ok = (8..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    match ok {
        true => Ok(id),
        false => Err(AppError::validation(
            "progress",
            crate::ErrorKey::BadRequest,
        )),
    }
}

/// How far the caller's export `id` has got; not started if the download
/// has not reached the server (any signed-in caller, their own only).
pub async fn get_export_progress(
    state: &AppState,
    who: &Principal,
    id: &str,
) -> AppResult<ExportProgress> {
    let id = export_id(id)?;
    Ok(progress::get(&state.db, &owner(who), id)
        .await?
        .unwrap_or_default())
}

/// A cursor over what `who` may export with `filter`; errors as the list's.
pub fn export_cursor(who: &Principal, filter: &OrderFilter) -> AppResult<ExportCursor> {
    Ok(ExportCursor {
        scope: scope(who, filter.company_id)?,
        narrow: narrow(filter)?,
        after: (i64::MAX, i64::MAX),
        done: 0,
        finished: false,
        tracked: None,
    })
}

impl ExportCursor {
    /// Records the export's progress as `id` for `who` (counted first, up
    /// to [`MAX_EXPORT`]), before the first row.
    pub async fn track(&mut self, state: &AppState, who: &Principal, id: &str) -> AppResult<()> {
        let id = export_id(id)?.to_owned();
        let total =
            order_list::count_up_to_cap(&state.db, &self.scope, &self.narrow, MAX_EXPORT as i64)
                .await?;
        let owner = owner(who);
        progress::start(&state.db, &owner, &id, total, state.now()).await?;
        self.tracked = Some((owner, id));
        Ok(())
    }

    /// Marks a followed export complete, or failed; logged, never an error
    /// (the file is what matters).
    pub async fn finish(&self, state: &AppState, failed: bool) {
        if let Some((owner, id)) = &self.tracked {
            if let Err(e) = progress::finish(&state.db, owner, id, failed, state.now()).await {
                tracing::warn!(error = %e, "an export's progress was not recorded");
            }
        }
    }

    /// The next chunk, newest first; None at the end.
    pub async fn next(&mut self, state: &AppState) -> AppResult<Option<Vec<OrderSummary>>> {
        if self.finished {
            return Ok(None);
        }
        let rows =
            order_list::list_after(&state.db, &self.scope, &self.narrow, self.after, CHUNK).await?;
        let Some(last) = rows.last() else {
            self.finished = true;
            return Ok(None);
        };
        self.after = (last.created_at.0, last.id);
        self.done += rows.len() as u64;
        self.finished = (rows.len() as i64) < CHUNK || self.done >= MAX_EXPORT;
        if let Some((owner, id)) = &self.tracked {
            progress::advance(&state.db, owner, id, self.done as i64, state.now()).await?;
        }
        Ok(Some(rows))
    }

    /// Orders handed on so far.
    pub fn done(&self) -> u64 {
        self.done
    }
}

/// Hands each chunk of the filtered list to `each`; the number of orders.
pub async fn export_orders<F>(
    state: &AppState,
    who: &Principal,
    filter: &OrderFilter,
    mut each: F,
) -> AppResult<u64>
where
    F: FnMut(&[OrderSummary]) -> AppResult<()>,
{
    let mut cursor = export_cursor(who, filter)?;
    while let Some(rows) = cursor.next(state).await? {
        each(&rows)?;
    }
    Ok(cursor.done())
}
