//! Exporting the list as filtered (直客导出订单详情): every order the caller
//! may see that the filter keeps, newest first, walked by key in chunks and
//! handed on chunk by chunk, so nothing holds the whole list.

use super::read::{narrow, scope};
use crate::auth::Principal;
use crate::error::AppResult;
use crate::orders::model::{OrderFilter, OrderSummary};
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
}

/// A cursor over what `who` may export with `filter`; errors as the list's.
pub fn export_cursor(who: &Principal, filter: &OrderFilter) -> AppResult<ExportCursor> {
    Ok(ExportCursor {
        scope: scope(who, filter.company_id)?,
        narrow: narrow(filter)?,
        after: (i64::MAX, i64::MAX),
        done: 0,
        finished: false,
    })
}

impl ExportCursor {
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
