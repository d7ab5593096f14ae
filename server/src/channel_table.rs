//! `GET /pricing/channels/{id}/table.xlsx`: a channel's price table as an
//! `.xlsx` download, for staff who may read channels (the core's
//! `export_table` decides). A plain GET, like a chat file's download, so
//! the page's 导出价格表 is a link the browser saves; refusals are the
//! error shape with its status.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use shipdesk::pricing::service::export_table;
use shipdesk::state::AppState;
use shipdesk::Id;
use tower_sessions::Session;

use crate::download::{error, file, staff, XLSX};

pub async fn download(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
) -> Response {
    let staff = match staff(&state, &session).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match export_table(&state, &staff, id).await {
        Ok(f) => file(f.bytes.into_response(), XLSX, &f.name),
        Err(e) => error(e),
    }
}
