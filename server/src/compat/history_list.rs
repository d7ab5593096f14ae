//! `GET /plugin.yun-chat.frontend.chat.history-list?page=&pagesize=&user_name=`
//! (seed 001, 客服历史会话列表): the caller's history conversations, searched
//! by the member's name or phone (`user_name`), in a Laravel page:
//! `{"result": 1, "msg": "成功", "data": {total, per_page, current_page,
//! last_page, next_page_url, prev_page_url, from, to, data: [...]}}`.
//!
//! Mapping: `id` is the conversation, `uid` and `has_one_user` the member
//! (`mobile` and `username` their phone, masked unless the caller is admin),
//! `employee_id` and `has_one_employee` the assignee (0 and null while
//! queued), `last_updated_at` the last message's time (`""` before one),
//! `uniacid` the one tenant; avatars are `""` (Shipdesk keeps none). Page
//! links are paths with the same query, null where there is no such page;
//! `from`/`to` are null on an empty page. Errors: `{"result": 0, "msg":
//! "<message>", "data": []}`, always HTTP 200, as the old API answered.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};
use shipdesk::auth::Lang;
use shipdesk::chat::service::list;
use shipdesk::chat::{ConversationSummary, HistoryFilter};
use shipdesk::state::AppState;
use shipdesk::{AppError, ErrorKey, Page, PageQuery};

use super::{describe, staff_caller, url_encode, Params, TENANT_ID};

/// The path of this endpoint, under no prefix.
pub const PATH: &str = "/plugin.yun-chat.frontend.chat.history-list";
/// `pagesize` when none is given.
pub const DEFAULT_PAGE_SIZE: u32 = 10;

pub async fn history_list(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Json<Value> {
    let params = Params::of(query.as_deref());
    Json(match run(&state, &headers, &params).await {
        Ok(data) => json!({"result": 1, "msg": "成功", "data": data}),
        Err(e) => json!({"result": 0, "msg": describe(&e, Lang::Zh), "data": []}),
    })
}

async fn run(state: &AppState, headers: &HeaderMap, p: &Params) -> Result<Value, AppError> {
    let staff = staff_caller(state, headers, None, "yun_chat_history_list").await?;
    let page = PageQuery::parse(
        p.number("page", ErrorKey::PageInvalid)?,
        Some(
            p.number("pagesize", ErrorKey::PageSizeInvalid)?
                .unwrap_or(DEFAULT_PAGE_SIZE),
        ),
    )
    .map_err(|e| match e.field() {
        Some("size") => AppError::validation("pagesize", ErrorKey::PageSizeInvalid),
        _ => e,
    })?;
    let user_name = p.text("user_name")?;
    let filter = HistoryFilter {
        q: user_name.map(str::to_owned),
    };
    let found = list::history(state, &staff, &filter, page).await?;
    let link = |n: u32| page_url(&state.config.compat_prefix, n, page.size, user_name);
    Ok(laravel_page(&found, link))
}

/// A Laravel paginator's JSON of `p`; `link(n)` is the URL of page `n`.
fn laravel_page(p: &Page<ConversationSummary>, link: impl Fn(u32) -> String) -> Value {
    let last = p.pages();
    let offset = (p.page as i64 - 1) * p.size as i64;
    let n = p.items.len() as i64;
    json!({
        "total": p.total,
        "per_page": p.size,
        "current_page": p.page,
        "last_page": last,
        "next_page_url": (p.page < last).then(|| link(p.page + 1)),
        "prev_page_url": (p.page > 1).then(|| link(p.page - 1)),
        "from": (n > 0).then_some(offset + 1),
        "to": (n > 0).then_some(offset + n),
        "data": p.items.iter().map(row).collect::<Vec<_>>(),
    })
}

fn page_url(prefix: &str, page: u32, size: u32, user_name: Option<&str>) -> String {
    let mut url = format!("{prefix}{PATH}?page={page}&pagesize={size}");
    if let Some(q) = user_name {
        url.push_str("&user_name=");
        url.push_str(&url_encode(q));
    }
    url
}

fn row(s: &ConversationSummary) -> Value {
    let c = &s.conversation;
    let employee = c.assignee_staff_id.map(|id| {
        json!({
            "id": id, "uid": id, "uniacid": TENANT_ID,
            "nickname": s.assignee_name.clone().unwrap_or_default(), "avatar": "",
        })
    });
    json!({
        "id": c.id,
        "uniacid": TENANT_ID,
        "uid": c.member_id,
        "employee_id": c.assignee_staff_id.unwrap_or(0),
        "last_updated_at": s.last_message.as_ref()
            .map(|m| m.created_at.format_shanghai())
            .unwrap_or_default(),
        "has_one_employee": employee,
        "has_one_user": {
            "uid": c.member_id, "uniacid": TENANT_ID, "nickname": s.member_name,
            "avatar": "", "mobile": s.member_phone, "avatar_image": "",
            "username": s.member_phone,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_links_keep_the_search_and_size() {
        assert_eq!(
            page_url("/old", 2, 10, Some("张 三")),
            "/old/plugin.yun-chat.frontend.chat.history-list?page=2&pagesize=10&user_name=%E5%BC%A0+%E4%B8%89"
        );
    }

    #[test]
    fn an_empty_page_has_no_bounds_or_links() {
        let p: Page<ConversationSummary> =
            Page::new(vec![], 0, PageQuery::parse(None, Some(10)).unwrap());
        let v = laravel_page(&p, |n| n.to_string());
        assert_eq!(v["last_page"], 1);
        assert!(v["from"].is_null() && v["to"].is_null());
        assert!(v["next_page_url"].is_null() && v["prev_page_url"].is_null());
    }
}
