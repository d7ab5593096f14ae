//! What v2 callers do in a conversation named by `wechatId` + `fansKey`,
//! as the token's staff member (the core decides whether they may):
//!
//! - `POST /v2/ChatMess/SendMsg` (发送消息) `{wechatId, fansKey, msgType,
//!   content, quoteChattingId?, clientMsgId?}`: `msgType` 1 text, 2 or 3 an
//!   image and 496 a file (`content` the key `/chat/upload` answered), 8220
//!   a reply (`content` its text, `quoteChattingId` the quoted
//!   `ad_chatting_id`); any other type is refused (40004). `clientMsgId`
//!   (1–64 of `A-Za-z0-9_-`) makes a retry safe: the same id answers the
//!   stored message. `values`: the message as GetChat lists it.
//! - `POST /v2/ChatMess/Takeover` (申请接管) and `/Release` (终止接管): a
//!   supervisor takes a conversation over and gives it back;
//!   `/Activate` (激活会话): re-activates a resolved one and takes it.
//!   `values`: `{wechatId, fansKey, state, staffId}` after the change.
//! - `POST /v2/ChatMess/SendNotice` (发送通知) `{wechatId, fansKey, content}`:
//!   a system line both sides see. `values`: the line as GetChat lists it.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};
use shipdesk::auth::{Principal, Staff};
use shipdesk::chat::service::transcript::transcript;
use shipdesk::chat::service::{handover, notice, send};
use shipdesk::chat::{Conversation, Message, MessageFilter, MessageForSend, MessageKind};
use shipdesk::state::AppState;
use shipdesk::{AppError, ErrorKey, PageQuery};

use super::get_chat::{value, FILE, IMAGE, QUOTE, TEXT};
use super::{begin, conversation, envelope, Body};

/// One v2 action: the caller and the body, then `act`, in the envelope.
macro_rules! v2_action {
    ($name:ident, $act:ident, $op:literal) => {
        pub async fn $name(
            State(state): State<AppState>,
            headers: HeaderMap,
            body: Bytes,
        ) -> Json<Value> {
            let answer = async {
                let (staff, body) = begin(&state, &headers, &body, $op).await?;
                $act(&state, &staff, &body).await
            };
            envelope(&state, answer.await)
        }
    };
}

v2_action!(send_msg, send_msg_as, "chatmess_sendmsg");
v2_action!(take_over, take_over_as, "chatmess_takeover");
v2_action!(release, release_as, "chatmess_release");
v2_action!(activate, activate_as, "chatmess_activate");
v2_action!(send_notice, send_notice_as, "chatmess_sendnotice");

/// The core's kind of a v2 message type, and whether it quotes.
fn kind_of(msg_type: i64) -> Result<(MessageKind, bool), AppError> {
    match msg_type {
        TEXT => Ok((MessageKind::Text, false)),
        2 | IMAGE => Ok((MessageKind::Image, false)),
        FILE => Ok((MessageKind::File, false)),
        QUOTE => Ok((MessageKind::Text, true)),
        _ => Err(AppError::validation(
            "msgType",
            ErrorKey::MessageKindInvalid,
        )),
    }
}

async fn send_msg_as(state: &AppState, staff: &Staff, b: &Body) -> Result<Value, AppError> {
    let (kind, quotes) = kind_of(b.required_int("msgType")?)?;
    let content = b.required_text("content")?;
    let reply_to_seq = match quotes {
        true => Some(b.required_int("quoteChattingId")?),
        false => None,
    };
    let client_id = match b.text("clientMsgId")? {
        Some(id) => id,
        None => format!("v2-{}", shipdesk::db::new_id()),
    };
    let conv = conversation(state, staff, b).await?.conversation;
    let input = MessageForSend {
        conversation_id: conv.id,
        client_id,
        kind,
        body: content,
        reply_to_seq,
    };
    let who = Principal::Staff(staff.clone());
    let (msg, _) = send::send_from_client(state, &who, &input)
        .await
        .map_err(|e| rename(e, "client_id", "clientMsgId"))
        .map_err(|e| rename(e, "reply_to_seq", "quoteChattingId"))
        .map_err(|e| rename(e, "body", "content"))?;
    listed(state, staff, &msg).await
}

/// An error about a core input named as the v2 field it came from.
fn rename(e: AppError, core: &str, v2: &str) -> AppError {
    match e {
        AppError::Validation { field, key } if field == core => AppError::validation(v2, key),
        other => other,
    }
}

/// A stored message as GetChat lists it.
async fn listed(state: &AppState, staff: &Staff, msg: &Message) -> Result<Value, AppError> {
    let only = MessageFilter {
        after_seq: msg.seq - 1,
        ..MessageFilter::default()
    };
    let page = PageQuery::parse(None, Some(1))?;
    let t = transcript(state, staff, msg.conversation_id, &only, page).await?;
    let m = t.messages.first().ok_or(AppError::Internal)?;
    Ok(value(&t, m))
}

/// A conversation after a hand-over, as the v2 calls answer it.
fn state_of(c: &Conversation) -> Value {
    json!({
        "wechatId": c.id,
        "fansKey": c.member_id.to_string(),
        "state": c.status.as_str(),
        "staffId": c.assignee_staff_id,
    })
}

async fn take_over_as(state: &AppState, staff: &Staff, b: &Body) -> Result<Value, AppError> {
    let conv = conversation(state, staff, b).await?.conversation;
    Ok(state_of(&handover::take_over(state, staff, conv.id).await?))
}

async fn release_as(state: &AppState, staff: &Staff, b: &Body) -> Result<Value, AppError> {
    let conv = conversation(state, staff, b).await?.conversation;
    Ok(state_of(&handover::release(state, staff, conv.id).await?))
}

async fn activate_as(state: &AppState, staff: &Staff, b: &Body) -> Result<Value, AppError> {
    let conv = conversation(state, staff, b).await?.conversation;
    Ok(state_of(
        &handover::reactivate(state, staff, conv.id).await?,
    ))
}

async fn send_notice_as(state: &AppState, staff: &Staff, b: &Body) -> Result<Value, AppError> {
    let content = b.required_text("content")?;
    let conv = conversation(state, staff, b).await?.conversation;
    let line = notice::send_notice(state, staff, conv.id, &content)
        .await
        .map_err(|e| rename(e, "body", "content"))?;
    listed(state, staff, &line).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_images_files_and_replies_are_sent() {
        assert_eq!(kind_of(1).unwrap(), (MessageKind::Text, false));
        assert_eq!(kind_of(2).unwrap().0, MessageKind::Image);
        assert_eq!(kind_of(3).unwrap().0, MessageKind::Image);
        assert_eq!(kind_of(496).unwrap().0, MessageKind::File);
        assert_eq!(kind_of(8220).unwrap(), (MessageKind::Text, true));
        for other in [0, 34, 49, 10000] {
            assert_eq!(kind_of(other).unwrap_err().field(), Some("msgType"));
        }
    }
}
