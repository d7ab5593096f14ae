//! `GET /orders/export.csv` and `GET /orders/export.xlsx`: the order list
//! as filtered (`status`, `from`, `to`, `destination`, `q`, `quick_only`,
//! `company_id`, the list's filter as query parameters), for whoever may
//! list those orders. The caller and the filter are checked before the
//! first byte (refusals are the error shape with its status); the CSV then
//! streams chunk by chunk, the XLSX is written in constant-memory mode.
//! With `progress=<id>` (the page's own id for this export), the rows done
//! are recorded as they go (`get_export_progress`: the page's progress
//! bar). `GET /orders/transfers/template.xlsx`: the
//! transfer-number template (上传转单号模板), for those who upload them.

use axum::body::{Body, Bytes};
use axum::extract::{Query, State};

use axum::response::{IntoResponse, Response};
use shipdesk::auth::Lang;
use shipdesk::orders::export::{cells, csv_line, header as head, XlsxExport};
use shipdesk::orders::service::export_cursor;
use shipdesk::orders::OrderFilter;
use shipdesk::state::AppState;
use shipdesk::AppError;
use tower_sessions::Session;

use crate::download::{caller, error, file, staff, XLSX};

type FilterQuery = Result<Query<OrderFilter>, axum::extract::rejection::QueryRejection>;

/// The page's id for this export, to record its progress under.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Follow {
    progress: Option<String>,
}

/// The page's id, if it gave one (an unreadable query is refused by the
/// filter's own reading, with the error shape).
type FollowQuery = Result<Query<Follow>, axum::extract::rejection::QueryRejection>;

/// Starts recording the export's progress when the page follows it.
async fn follow(
    state: &AppState,
    who: &shipdesk::auth::Principal,
    cursor: &mut shipdesk::orders::service::ExportCursor,
    f: FollowQuery,
) -> Result<(), Response> {
    let f = f.map(|Query(f)| f).unwrap_or_default();
    match f.progress.as_deref().filter(|p| !p.is_empty()) {
        Some(id) => cursor.track(state, who, id).await.map_err(error),
        None => Ok(()),
    }
}

fn filter_of(q: FilterQuery) -> Result<OrderFilter, Response> {
    q.map(|Query(f)| f).map_err(|_| {
        error(AppError::validation(
            "filter",
            shipdesk::ErrorKey::BadRequest,
        ))
    })
}

pub async fn csv(
    State(state): State<AppState>,
    session: Session,
    q: FilterQuery,
    f: FollowQuery,
) -> Response {
    let (who, filter) = match (caller(&state, &session).await, filter_of(q)) {
        (Ok(w), Ok(f)) => (w, f),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    let mut cursor = match export_cursor(&who, &filter) {
        Ok(c) => c,
        Err(e) => return error(e),
    };
    if let Err(r) = follow(&state, &who, &mut cursor, f).await {
        return r;
    }
    let lang = who.lang();
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    tokio::spawn(async move {
        // A BOM, so spreadsheets read the Chinese as UTF-8.
        let first = format!("\u{FEFF}{}", csv_line(&head(lang)));
        if tx.send(Ok(Bytes::from(first))).await.is_err() {
            return;
        }
        loop {
            let chunk = match cursor.next(&state).await {
                Ok(Some(rows)) => rows
                    .iter()
                    .map(|o| csv_line(&cells(o, lang)))
                    .collect::<String>(),
                Ok(None) => return cursor.finish(&state, false).await,
                Err(e) => {
                    tracing::warn!(error = %e, "an order export stopped");
                    cursor.finish(&state, true).await;
                    let _ = tx.send(Err(std::io::Error::other("export failed"))).await;
                    return;
                }
            };
            if tx.send(Ok(Bytes::from(chunk))).await.is_err() {
                // The browser went away: the file is incomplete.
                return cursor.finish(&state, true).await;
            }
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    file(
        Body::from_stream(stream).into_response(),
        "text/csv; charset=utf-8",
        &name(lang, "csv"),
    )
}

pub async fn xlsx(
    State(state): State<AppState>,
    session: Session,
    q: FilterQuery,
    f: FollowQuery,
) -> Response {
    let (who, filter) = match (caller(&state, &session).await, filter_of(q)) {
        (Ok(w), Ok(f)) => (w, f),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    let mut cursor = match export_cursor(&who, &filter) {
        Ok(c) => c,
        Err(e) => return error(e),
    };
    if let Err(r) = follow(&state, &who, &mut cursor, f).await {
        return r;
    }
    let lang = who.lang();
    let mut sheet = match XlsxExport::new(lang) {
        Ok(s) => s,
        Err(e) => return error(e),
    };
    loop {
        match cursor.next(&state).await {
            Ok(Some(rows)) => {
                if let Err(e) = sheet.push(&rows) {
                    cursor.finish(&state, true).await;
                    return error(e);
                }
            }
            Ok(None) => break,
            Err(e) => {
                cursor.finish(&state, true).await;
                return error(e);
            }
        }
    }
    // Zipping the sheet is CPU work: off the async threads.
    let zipped = tokio::task::spawn_blocking(move || sheet.finish()).await;
    let ok = matches!(zipped, Ok(Ok(_)));
    cursor.finish(&state, !ok).await;
    match zipped {
        Ok(Ok(bytes)) => file(bytes.into_response(), XLSX, &name(lang, "xlsx")),
        Ok(Err(e)) => error(e),
        Err(_) => error(AppError::Internal),
    }
}

fn name(lang: Lang, ext: &str) -> String {
    match lang {
        Lang::Zh => format!("订单导出.{ext}"),
        Lang::En => format!("orders.{ext}"),
    }
}

/// `GET /orders/transfers/template.xlsx` (the core's `transfer_template`
/// decides who: ops, admins, providers).
pub async fn transfers_template(State(state): State<AppState>, session: Session) -> Response {
    let staff = match staff(&state, &session).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match shipdesk::orders::service::transfer_template(&state, &staff).await {
        Ok(f) => file(f.bytes.into_response(), XLSX, &f.name),
        Err(e) => error(e),
    }
}
