//! `GET /im/cs/find-history-sessions?name=&page=&size=&staffSessionType=`
//! (seed 000, 查询登录人的历史会话): the caller's history, searched by the
//! customer's name or phone. `id` is `0_<conversation id>`; `from` is the
//! customer, `to` the agent; phones are masked unless the caller is admin.
//! `staffSessionType=1` keeps only conversations assigned to the caller.
//! Errors answer with their HTTP status in the same envelope
//! (`success: false`, `code` the status, `cause` the error key).

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use shipdesk::chat::service::list;
use shipdesk::chat::{ConversationSummary, HistoryFilter};
use shipdesk::state::AppState;
use shipdesk::ErrorKey;
use shipdesk::{AppError, PageQuery, Timestamp};

#[derive(Deserialize)]
pub struct HistoryQuery {
    name: Option<String>,
    page: Option<String>,
    size: Option<String>,
    #[serde(rename = "staffSessionType")]
    staff_session_type: Option<String>,
}

fn now_iso(ms: i64) -> String {
    // 2023-03-28T07:19:24.033Z: UTC with milliseconds.
    let t = Timestamp(ms - 8 * 3600 * 1000).format_shanghai();
    format!("{}T{}.{:03}Z", &t[..10], &t[11..], ms.rem_euclid(1000))
}

fn envelope(state: &AppState, e: Option<&AppError>, data: Value) -> Response {
    let now = now_iso(state.now());
    let (status, code, msg) = match e {
        None => (StatusCode::OK, "200".to_owned(), "处理成功".to_owned()),
        Some(e) => (
            StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            e.status().to_string(),
            shipdesk_app::i18n::error_message(e.key())
                .get(shipdesk::auth::Lang::Zh)
                .to_owned(),
        ),
    };
    let ok = e.is_none();
    let body = json!({
        "code": code, "success": ok, "msg": msg, "message": msg, "timestamp": now,
        "data": data, "cause": e.map(|e| e.key()), "fail": !ok,
    });
    (status, Json(body)).into_response()
}

fn number(field: &str, v: Option<String>) -> Result<Option<u32>, AppError> {
    match v.filter(|s| !s.trim().is_empty()) {
        None => Ok(None),
        Some(s) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| AppError::validation(field, ErrorKey::PageInvalid)),
    }
}

fn record(s: &ConversationSummary) -> Value {
    let c = &s.conversation;
    let time = |t: Option<Timestamp>| t.map(|t| t.format_shanghai());
    json!({
        "id": format!("0_{}", c.id),
        "type": 3,
        "fromId": c.member_id,
        "fromUserType": null,
        "fromName": s.member_name,
        "fromHeadIcon": null,
        "fromUnreadNum": null,
        "toId": c.assignee_staff_id,
        "toUserType": null,
        "toName": s.assignee_name,
        "toHeadIcon": null,
        "toUnreadNum": s.unread,
        "lastMessage": null,
        "lastMessageTime": time(Some(c.last_message_at)),
        "adverseReadTime": null,
        "fromMarkName": s.member_name,
        "toMarkName": s.assignee_name,
        "customerImId": c.member_id,
        "customerName": s.member_phone,
        "customerMarkName": s.member_name,
        "fromReadTime": null,
        "toReadTime": null,
        "sessionType": null,
        "gmtCreate": time(Some(c.created_at)),
    })
}

pub async fn find_history_sessions(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<HistoryQuery>,
) -> Response {
    let run = async {
        let staff = super::staff_caller(&state, &headers, None, "find_history_sessions").await?;
        let page = PageQuery::parse(number("page", q.page)?, number("size", q.size)?)?;
        let mine_only = number("staffSessionType", q.staff_session_type)? == Some(1);
        // No text column or pattern takes a NUL on PostgreSQL.
        if q.name.as_deref().is_some_and(|n| n.contains('\0')) {
            return Err(AppError::validation("name", ErrorKey::BadRequest));
        }
        let filter = HistoryFilter {
            q: q.name.filter(|n| !n.trim().is_empty()),
        };
        let p = list::history_for(&state, &staff, &filter, mine_only, page).await?;
        Ok::<_, AppError>(json!({
            "records": p.items.iter().map(record).collect::<Vec<_>>(),
            "current": p.page, "size": p.size, "total": p.total,
        }))
    };
    match run.await {
        Ok(data) => envelope(&state, None, data),
        Err(e) => envelope(&state, Some(&e), Value::Null),
    }
}
