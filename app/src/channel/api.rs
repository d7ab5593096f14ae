//! Server functions of the channels' admin pages beyond pricing's
//! (`list_channels`, `get_channel`, `save_channel`, `set_channel_enabled`
//! are in `crate::pricing::api`). The table's export is a plain download,
//! `GET /pricing/channels/{id}/table.xlsx` (server/src/channel_table.rs).

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::pricing::sheet::TableImport;
use shipdesk::{AppError, Id};

#[cfg(feature = "ssr")]
use {crate::server::*, shipdesk::pricing::service, shipdesk::ErrorKey};

/// Reads an `.xlsx` file (base64, at most 1 MiB) as the channel's price table: the table (`sheet`), or every error at its row and column (`errors`, e.g. row 3, column D, not a number) and no table. Saves nothing: confirm with `save_channel` (ops, admin).
#[server(prefix = "/api", endpoint = "read_channel_table", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn read_channel_table(id: Id, file_base64: String) -> Result<TableImport, AppError> {
    use base64::Engine;
    let p = principal().await?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(file_base64.trim())
        .map_err(|_| AppError::validation("file", ErrorKey::TableFileInvalid))?;
    service::read_table(&state()?, p.as_staff()?, id, &bytes).await
}

/// Where a channel's table downloads from.
pub fn export_url(id: Id) -> String {
    format!("/pricing/channels/{id}/table.xlsx")
}
