//! The older APIs' endpoints in the OpenAPI document (`server/src/compat/`):
//! seed 000's history, seed 001's history list, seed 002's v2 ChatMess and
//! callbacks, seed 003's customer-service accounts. Paths are the defaults;
//! `SHIPDESK_COMPAT_PREFIX` may put them under a prefix. Seed 002's v2
//! calls are in `chatmess`.

mod chatmess;

use serde_json::{json, Map, Value};

pub(super) fn int() -> Value {
    json!({"type": "integer"})
}
pub(super) fn text() -> Value {
    json!({"type": "string"})
}
pub(super) fn or_null(t: &str) -> Value {
    json!({"type": [t, "null"]})
}
pub(super) fn object(props: Value) -> Value {
    let required: Vec<String> = props.as_object().unwrap().keys().cloned().collect();
    json!({"type": "object", "properties": props, "required": required})
}
pub(super) fn json_answer(text: &str, schema: Value) -> Value {
    json!({"description": text, "content": {"application/json": {"schema": schema}}})
}

/// An operation of the compat tag; `callers` also ends the description.
pub(super) fn op(id: &str, summary: &str, description: &str, callers: &str, rest: Value) -> Value {
    let mut o = json!({
        "tags": ["compat"],
        "operationId": id,
        "summary": summary,
        "description": format!("{description}\n\n**Who may call it:** {callers}."),
        "x-callers": callers,
        "security": [{"apiToken": []}, {"apiBearer": []}],
    });
    for (k, v) in rest.as_object().unwrap() {
        o[k] = v.clone();
    }
    o
}

pub(super) const AGENTS: &str =
    "an API token of staff: admin, cs (cs: conversations assigned to them or of their desks)";
pub(super) const ADMINS: &str = "an API token of staff: admin";

/// Adds the compat paths.
pub fn add_routes(paths: &mut Map<String, Value>) {
    seed_000(paths);
    seed_001(paths);
    chatmess::add_routes(paths);
    seed_003(paths);
}

fn seed_000(paths: &mut Map<String, Value>) {
    let q = |name: &str, doc: &str| json!({"name": name, "in": "query", "schema": text(), "description": doc});
    paths.insert("/im/cs/find-history-sessions".into(), json!({"get": op(
        "find_history_sessions",
        "Seed 000 查询登录人的历史会话: the caller's past conversations, in the old envelope.",
        "The answer is `{code, success, msg, message, timestamp, data: {records, current, size, \
total}, cause, fail}`; each record's `id` is `0_<conversation id>`, `from` the customer, `to` \
the agent; phones are masked unless the token's owner is an admin. A refusal answers with its \
HTTP status in the same envelope.",
        "an API token of staff: admin, cs",
        json!({
            "parameters": [
                q("name", "The customer's name or phone."), q("page", "From 1."), q("size", "1–100."),
                q("staffSessionType", "`1`: only conversations assigned to the caller."),
            ],
            "responses": {
                "200": json_answer("The envelope with the page.", json!({"type": "object"})),
                "401": {"description": "No token, or a revoked or expired one."},
                "403": {"description": "The token's owner does not chat."},
                "422": {"description": "A bad page or size."},
            },
        }),
    )}));
}

fn seed_001(paths: &mut Map<String, Value>) {
    let employee = object(
        json!({"id": int(), "uid": int(), "uniacid": int(), "nickname": text(), "avatar": text()}),
    );
    let user = object(
        json!({"uid": int(), "uniacid": int(), "nickname": text(), "avatar": text(),
        "mobile": text(), "avatar_image": text(), "username": text()}),
    );
    let row = object(
        json!({"id": int(), "uniacid": int(), "uid": int(), "employee_id": int(),
        "last_updated_at": text(), "has_one_employee": {"anyOf": [employee, {"type": "null"}]},
        "has_one_user": user}),
    );
    let page = object(
        json!({"total": int(), "per_page": int(), "current_page": int(),
        "last_page": int(), "next_page_url": or_null("string"), "prev_page_url": or_null("string"),
        "from": or_null("integer"), "to": or_null("integer"),
        "data": {"type": "array", "items": row}}),
    );
    let body = object(json!({"result": {"enum": [0, 1]}, "msg": text(),
        "data": {"anyOf": [page, {"type": "array", "maxItems": 0}]}}));
    let q = |name: &str, doc: &str| json!({"name": name, "in": "query", "schema": text(), "description": doc});
    paths.insert("/plugin.yun-chat.frontend.chat.history-list".into(), json!({"get": op(
        "yun_chat_history_list",
        "Seed 001 客服历史会话列表: history conversations in a Laravel page.",
        "`{\"result\": 1, \"msg\": \"成功\", \"data\": {total, per_page, current_page, last_page, \
next_page_url, prev_page_url, from, to, data}}`; each row is a conversation (`id`) with its \
member (`uid`, `has_one_user`, phones masked unless admin) and assignee (`employee_id`, \
`has_one_employee`; 0 and null while queued). A refusal is `{\"result\": 0, \"msg\": \"…\", \
\"data\": []}`, HTTP 200 like every answer.",
        AGENTS,
        json!({
            "parameters": [q("page", "From 1."), q("pagesize", "1–100, default 10."),
                q("user_name", "The member's name or phone (a whole phone unless admin).")],
            "responses": {"200": json_answer("The page, or the refusal.", body)},
        }),
    )}));
}

fn seed_003(paths: &mut Map<String, Value>) {
    let token = json!([{"name": "access_token", "in": "query", "schema": text(),
        "description": "The API token, as WeChat's access_token."}]);
    let refusal = object(json!({"errcode": int(), "errmsg": text()}));
    let answer = |ok: Value| {
        json_answer(
            "The answer, or `{errcode, errmsg}`.",
            json!({"anyOf": [ok, refusal]}),
        )
    };
    let wechat = "Every answer is HTTP 200; a refusal is `{errcode, errmsg}` with WeChat's codes: \
41001 no token, 40001 a bad token, 48001 not allowed, 44002 empty body, 47001 not JSON, 65403 \
bad nickname, 65404 bad kf_account, 65406 kf_account taken, 45009 too many calls, 40035 other \
bad input, -1 internal. `kf_account` is `<staff account>@shipdesk`, `kf_id` the staff id.";
    let security = json!([{"apiToken": []}, {"apiBearer": []}, {"accessToken": []}]);
    let kf = object(
        json!({"kf_account": text(), "kf_nick": text(), "kf_id": text(), "kf_headimgurl": text()}),
    );
    let online = object(
        json!({"kf_account": text(), "status": int(), "kf_id": text(), "accepted_case": int()}),
    );
    let mut list = op(
        "kf_list",
        "Seed 003 获取客服基本信息: every cs account.",
        wechat,
        "an API token of staff: admin, cs",
        json!({"parameters": token, "responses": {"200": answer(object(json!({"kf_list": {"type": "array", "items": kf}})))}}),
    );
    list["security"] = security.clone();
    paths.insert(
        "/cgi-bin/customservice/getkflist".into(),
        json!({"get": list}),
    );
    let mut on = op(
        "kf_online_list",
        "Seed 003 获取在线客服接待信息: online agents and their open conversations.",
        &format!("`accepted_case` is the agent's open conversations. {wechat}"),
        "an API token of staff: admin, cs",
        json!({"parameters": token, "responses": {"200": answer(object(json!({"kf_online_list": {"type": "array", "items": online}})))}}),
    );
    on["security"] = security.clone();
    paths.insert(
        "/cgi-bin/customservice/getonlinekflist".into(),
        json!({"get": on}),
    );
    let mut add = op(
        "kf_account_add",
        "Seed 003 添加客服帐号: creates a cs staff account.",
        &format!("The account has no password anyone knows until an admin sets one. {wechat}"),
        ADMINS,
        json!({"parameters": token,
               "requestBody": {"required": true, "content": {"application/json": {"schema":
                   object(json!({"kf_account": text(), "nickname": text()}))}}},
               "responses": {"200": json_answer("`{errcode: 0, errmsg: \"ok\"}`, or the refusal.", refusal)}}),
    );
    add["security"] = security;
    paths.insert("/customservice/kfaccount/add".into(), json!({"post": add}));
}
