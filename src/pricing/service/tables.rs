//! A channel's price table as an `.xlsx` file: exported for anyone who may
//! read channels, read back for those who may edit them. Reading saves
//! nothing: the import's preview is confirmed by a [`super::save_channel`]
//! of the channel with the sheet applied, at the version read.

use crate::auth::Staff;
use crate::error::{AppError, AppResult};
use crate::pricing::policy;
use crate::pricing::repo::channel as repo;
use crate::pricing::sheet::{xlsx, TableImport};
use crate::state::AppState;
use crate::types::Id;

/// An exported table: its file name and bytes.
pub struct TableFile {
    /// `价格表-<name>-v<version>.xlsx`.
    pub name: String,
    pub bytes: Vec<u8>,
}

async fn channel(state: &AppState, id: Id) -> AppResult<crate::pricing::Channel> {
    Ok(repo::by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::not_found("channel"))?
        .channel)
}

/// The channel's price table as an `.xlsx` sheet (staff who read channels).
pub async fn export_table(state: &AppState, who: &Staff, id: Id) -> AppResult<TableFile> {
    if !policy::may_read_channels(who) {
        return Err(AppError::Forbidden);
    }
    let ch = channel(state, id).await?;
    Ok(TableFile {
        name: format!("价格表-{}-v{}.xlsx", ch.name, ch.table_version),
        bytes: xlsx::write(&ch)?,
    })
}

/// Reads an `.xlsx` file as the channel's table: the sheet, or every error
/// at its row and column (ops, admin). Nothing is saved.
pub async fn read_table(
    state: &AppState,
    who: &Staff,
    id: Id,
    bytes: &[u8],
) -> AppResult<TableImport> {
    if !policy::may_edit_channels(who) {
        return Err(AppError::Forbidden);
    }
    let ch = channel(state, id).await?;
    xlsx::read(&ch, bytes)
}
