//! Seed 002's v2 open API (友米聚合 ChatMess), every call a `POST` with a JSON
//! object, every answer HTTP 200 in the v2 envelope:
//! `{"requestId": null, "errmsg": 0, "succeed": true, "msgTime": "yyyy-MM-dd
//! HH:mm:ss", "values": …, "errdesc": null}`; a refusal has `succeed: false`,
//! `errmsg` its code (the table below) and `errdesc` what went wrong.
//!
//! Mapping: `wechatId` (运营号ID) is a conversation id, `fansKey` (粉丝标识)
//! its member's id as a string (a conversation of another member is not
//! found); `ad_chatting_id` is a message's seq in its conversation, so
//! `minChattingId` is an incremental sync's cursor. `get_chat` reads
//! messages; `actions` sends, takes over, releases, re-activates and posts
//! notices; `callback` registers webhooks in the v2 event format.
//!
//! | errmsg | meaning |
//! | --- | --- |
//! | 0 | success |
//! | 40001 | the body is not a JSON object |
//! | 40002 | a required field is missing (`errdesc` names it) |
//! | 40003 | a field's value is invalid (type, range, text) |
//! | 40004 | a message type SendMsg does not send |
//! | 40100 | no token, or an unknown, revoked or expired one |
//! | 40300 | the token's staff member may not do this (or see this conversation) |
//! | 40400 | no such conversation for this fan, or no such callback |
//! | 40900 | the conversation's state does not allow it (resolved, not taken over, changed meanwhile…) |
//! | 42900 | too many sends; retry later |
//! | 50000 | internal error |

pub mod actions;
pub mod callback;
pub mod get_chat;

use axum::http::HeaderMap;
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Map, Value};
use shipdesk::auth::{Lang, Principal, Staff};
use shipdesk::chat::service::list;
use shipdesk::chat::ConversationSummary;
use shipdesk::state::AppState;
use shipdesk::{AppError, ErrorKey, Id, Timestamp};

use super::{describe, json_object, staff_caller};
use crate::ServerState;

pub const OK: i64 = 0;
pub const BAD_BODY: i64 = 40001;
pub const MISSING_FIELD: i64 = 40002;
pub const INVALID_FIELD: i64 = 40003;
pub const UNSUPPORTED_TYPE: i64 = 40004;
pub const UNAUTHORIZED: i64 = 40100;
pub const FORBIDDEN: i64 = 40300;
pub const NOT_FOUND: i64 = 40400;
pub const CONFLICT: i64 = 40900;
pub const RATE_LIMITED: i64 = 42900;
pub const INTERNAL: i64 = 50000;

pub fn routes() -> Router<ServerState> {
    Router::new()
        .route("/v2/ChatMess/GetChat", post(get_chat::get_chat))
        .route("/v2/ChatMess/SendMsg", post(actions::send_msg))
        .route("/v2/ChatMess/Takeover", post(actions::take_over))
        .route("/v2/ChatMess/Release", post(actions::release))
        .route("/v2/ChatMess/Activate", post(actions::activate))
        .route("/v2/ChatMess/SendNotice", post(actions::send_notice))
        .route("/v2/Callback/Register", post(callback::register))
        .route("/v2/Callback/Subscribe", post(callback::subscribe))
}

/// The `errmsg` code of an error (the module's table).
pub fn code_of(e: &AppError) -> i64 {
    match e {
        AppError::Unauthorized => UNAUTHORIZED,
        AppError::Forbidden => FORBIDDEN,
        AppError::NotFound { .. } => NOT_FOUND,
        AppError::Conflict { .. } => CONFLICT,
        AppError::RateLimited { .. } => RATE_LIMITED,
        AppError::Internal => INTERNAL,
        AppError::Validation { field, key } => match (field.as_str(), key) {
            ("request", ErrorKey::BadRequest) => BAD_BODY,
            (_, ErrorKey::Required | ErrorKey::FieldRequired) => MISSING_FIELD,
            ("msgType", _) => UNSUPPORTED_TYPE,
            (_, k) if k.as_str().starts_with("conversation.") => CONFLICT,
            _ => INVALID_FIELD,
        },
    }
}

/// The v2 envelope of an answer.
pub fn envelope(state: &AppState, answer: Result<Value, AppError>) -> Json<Value> {
    let msg_time = Timestamp(state.now()).format_shanghai();
    Json(match answer {
        Ok(values) => json!({
            "requestId": null, "errmsg": OK, "succeed": true, "msgTime": msg_time,
            "values": values, "errdesc": null,
        }),
        Err(e) => json!({
            "requestId": null, "errmsg": code_of(&e), "succeed": false, "msgTime": msg_time,
            "values": null, "errdesc": describe(&e, Lang::Zh),
        }),
    })
}

/// The caller and the body of a v2 call, in that order (an anonymous call
/// is refused before its body is read).
pub async fn begin(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
    operation: &str,
) -> Result<(Staff, Body), AppError> {
    let staff = staff_caller(state, headers, None, operation).await?;
    Ok((staff, Body(json_object(body)?)))
}

/// A v2 request body. The seed sends numbers as strings in places
/// (`pageSize: "10"`): number fields take either; text fields take a number too.
pub struct Body(pub Map<String, Value>);

impl Body {
    fn present(&self, name: &str) -> Option<&Value> {
        self.0
            .get(name)
            .filter(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()))
    }

    pub fn int(&self, name: &str) -> Result<Option<i64>, AppError> {
        let bad = || AppError::validation(name, ErrorKey::BadRequest);
        match self.present(name) {
            None => Ok(None),
            Some(Value::Number(n)) => n.as_i64().map(Some).ok_or_else(bad),
            Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| bad()),
            Some(_) => Err(bad()),
        }
    }

    pub fn required_int(&self, name: &str) -> Result<i64, AppError> {
        self.int(name)?
            .ok_or_else(|| AppError::validation(name, ErrorKey::FieldRequired))
    }

    pub fn text(&self, name: &str) -> Result<Option<String>, AppError> {
        match self.present(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(AppError::validation(name, ErrorKey::BadRequest)),
        }
    }

    pub fn required_text(&self, name: &str) -> Result<String, AppError> {
        self.text(name)?
            .ok_or_else(|| AppError::validation(name, ErrorKey::FieldRequired))
    }

    /// `wechatId` and `fansKey`: the conversation and the member it must be of.
    pub fn chat(&self) -> Result<(Id, String), AppError> {
        let id = self.required_int("wechatId")?;
        let fan = self.required_text("fansKey")?;
        Ok((id, fan.trim().to_owned()))
    }
}

/// The conversation is `fans_key`'s, or for this API it does not exist.
pub fn check_fan(s: &ConversationSummary, fans_key: &str) -> Result<(), AppError> {
    if s.conversation.member_id.to_string() == fans_key {
        Ok(())
    } else {
        Err(AppError::not_found("conversation"))
    }
}

/// The conversation a body names (`wechatId`, `fansKey`), as `staff` may
/// read it.
pub async fn conversation(
    state: &AppState,
    staff: &Staff,
    body: &Body,
) -> Result<ConversationSummary, AppError> {
    let (id, fan) = body.chat()?;
    let s = list::summary(state, &Principal::Staff(staff.clone()), id).await?;
    check_fan(&s, &fan)?;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_may_come_as_strings_and_blanks_are_absent() {
        let b = Body(
            json!({"pageSize": "10", "pageIndex": 2, "fansKey": 7, "x": "", "y": [1]})
                .as_object()
                .unwrap()
                .clone(),
        );
        assert_eq!(b.int("pageSize").unwrap(), Some(10));
        assert_eq!(b.int("pageIndex").unwrap(), Some(2));
        assert_eq!(b.required_text("fansKey").unwrap(), "7");
        assert_eq!(b.int("x").unwrap(), None);
        assert_eq!(code_of(&b.required_int("x").unwrap_err()), MISSING_FIELD);
        assert_eq!(code_of(&b.int("y").unwrap_err()), INVALID_FIELD);
    }

    #[test]
    fn state_errors_of_the_core_are_conflicts() {
        let resolved = AppError::validation("conversation_id", ErrorKey::ConversationResolved);
        assert_eq!(code_of(&resolved), CONFLICT);
        let kind = AppError::validation("msgType", ErrorKey::MessageKindInvalid);
        assert_eq!(code_of(&kind), UNSUPPORTED_TYPE);
        let body = AppError::validation("request", ErrorKey::BadRequest);
        assert_eq!(code_of(&body), BAD_BODY);
    }
}
