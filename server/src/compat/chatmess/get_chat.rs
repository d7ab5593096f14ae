//! `POST /v2/ChatMess/GetChat` (读取聊天记录): a page of a conversation's
//! messages, oldest first, each with the seed's 17 fields.
//!
//! Body: `wechatId` (the conversation), `fansKey` (its member), `pageIndex`
//! and `pageSize` (strings or numbers; default 1 and 20, at most 100),
//! `startTimestamp`/`endTimestamp` (seconds, inclusive; 0 or absent: no
//! bound), `minChattingId` (only messages after this `ad_chatting_id`: an
//! incremental sync passes the last one it holds), `wechatKey` (ignored).
//! Staff notes are never listed.
//!
//! A message: `ad_chatting_id` its seq, `ad_sermsgid` its id, `ad_wechat_id`
//! the conversation, `ad_chatting_talter` the member's id, `ad_chatting_issend`
//! 1 for staff and system lines, 0 for the member, `ad_staff_code` the
//! writing (or acting) staff member's account, `ad_friend_name` the member's
//! name, `ad_expand` the desk's name, `ad_wechat_nober` the desk's code,
//! `merchantid` the one tenant, `ad_friend_photo` `""`, `ad_voice_txt` null.
//! `ad_chatting_sate` and content by kind: 1 text; 3 image (`imgs[<key>]`);
//! 496 file (`file[<key>]`, `resvred` `{"title","totalLen","url"}`); 8220 a
//! reply (its text; `resvred` the quoted message's `{"type","content",
//! "title","downloadKey","url"}`); 49 a card (its JSON; `resvred`
//! `{"title","url"}`); a quote card is 1, a text (`报价 Q20261202-0007
//! 合计 ¥1,234.00`, the total as the caller may read the quote now; the
//! number alone when they may not); an order card is 1 too (`订单
//! P20261202-0001 已揽收`, the status as the caller may read the order now;
//! the number alone when they may not); 10000 a system line (its text). `resvred` is
//! URL-encoded JSON or null; a recalled message keeps its type with an empty
//! content.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};
use shipdesk::auth::Lang;
use shipdesk::auth::Staff;
use shipdesk::chat::service::transcript::{transcript, Transcript};
use shipdesk::chat::{
    Attachment, Message, MessageFilter, MessageKind, NumberedCard, OrderCard, QuoteCard, SenderKind,
};
use shipdesk::state::AppState;
use shipdesk::{AppError, ErrorKey, Money, PageQuery};

use super::{begin, check_fan, envelope, Body};
use crate::compat::{url_encode, TENANT_ID};

pub async fn get_chat(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Json<Value> {
    let answer = async {
        let (staff, body) = begin(&state, &headers, &body, "chatmess_getchat").await?;
        read(&state, &staff, &body).await
    };
    envelope(&state, answer.await)
}

/// The page size when none is given.
pub const DEFAULT_PAGE_SIZE: u32 = 20;

async fn read(state: &AppState, staff: &Staff, b: &Body) -> Result<Value, AppError> {
    let (id, fan) = b.chat()?;
    let after_seq = b.int("minChattingId")?.unwrap_or(0);
    if after_seq < 0 {
        return Err(AppError::validation(
            "minChattingId",
            ErrorKey::MessageSeqInvalid,
        ));
    }
    let filter = MessageFilter {
        after_seq,
        from_ms: seconds(b, "startTimestamp", 0)?,
        to_ms: seconds(b, "endTimestamp", 999)?,
    };
    let t = transcript(state, staff, id, &filter, page(b)?).await?;
    check_fan(&t.summary, &fan)?;
    Ok(Value::Array(
        t.messages.iter().map(|m| value(&t, m)).collect(),
    ))
}

fn page(b: &Body) -> Result<PageQuery, AppError> {
    let number = |name: &str, key: ErrorKey| -> Result<Option<u32>, AppError> {
        b.int(name)?
            .map(|n| u32::try_from(n).map_err(|_| AppError::validation(name, key)))
            .transpose()
    };
    let index = number("pageIndex", ErrorKey::PageInvalid)?;
    let size = number("pageSize", ErrorKey::PageSizeInvalid)?.unwrap_or(DEFAULT_PAGE_SIZE);
    PageQuery::parse(index, Some(size)).map_err(|e| match e.field() {
        Some("page") => AppError::validation("pageIndex", ErrorKey::PageInvalid),
        _ => AppError::validation("pageSize", ErrorKey::PageSizeInvalid),
    })
}

/// A time bound in seconds as epoch ms (plus `extra_ms`); 0 is no bound.
fn seconds(b: &Body, name: &str, extra_ms: i64) -> Result<Option<i64>, AppError> {
    match b.int(name)? {
        None | Some(0) => Ok(None),
        Some(s) if (0..=i64::MAX / 1000 - 1).contains(&s) => Ok(Some(s * 1000 + extra_ms)),
        Some(_) => Err(AppError::validation(name, ErrorKey::BadRequest)),
    }
}

/// One message as the seed's record.
pub fn value(t: &Transcript, m: &Message) -> Value {
    let s = &t.summary;
    let c = &s.conversation;
    let (sate, content, resvred) = content_of(t, m);
    let staff_code = match m.sender_kind {
        SenderKind::Member => None,
        _ => t.staff(m.sender_id).map(|s| s.account.clone()),
    };
    let at = m.created_at.format_shanghai();
    json!({
        "ad_chatting_id": m.seq,
        "ad_chatting_talter": c.member_id.to_string(),
        "ad_chatting_issend": i64::from(m.sender_kind != SenderKind::Member),
        "ad_chatting_resvred": resvred.map(|r| url_encode(&r.to_string())),
        "ad_wechat_id": c.id,
        "merchantid": TENANT_ID.to_string(),
        "ad_chatting_updatetime": at,
        "ad_chatting_sate": sate,
        "ad_sermsgid": m.id.to_string(),
        "ad_chatting_time": at,
        "ad_chatting_content": content,
        "ad_staff_code": staff_code,
        "ad_voice_txt": null,
        "ad_friend_photo": "",
        "ad_friend_name": s.member_name,
        "ad_expand": s.desk_name_zh,
        "ad_wechat_nober": t.desk.code,
    })
}

pub const TEXT: i64 = 1;
pub const IMAGE: i64 = 3;
pub const LINK: i64 = 49;
pub const FILE: i64 = 496;
pub const QUOTE: i64 = 8220;
pub const SYSTEM: i64 = 10000;

/// The seed's type, content and extra data of a message.
fn content_of(t: &Transcript, m: &Message) -> (i64, String, Option<Value>) {
    let quoted = m.reply_to_seq.map(|seq| t.quoted(seq));
    if let Some(card) = QuoteCard::of(m) {
        // The seed knows no quote card: its clients read it as a text.
        return (TEXT, quote_text(t, &card), None);
    }
    if let Some(card) = OrderCard::of(m) {
        return (TEXT, order_text(t, &card), None);
    }
    let sate = match (m.kind, quoted) {
        (MessageKind::Image, _) => IMAGE,
        (MessageKind::File, _) => FILE,
        (MessageKind::Card, _) => LINK,
        (MessageKind::System, _) => SYSTEM,
        (_, Some(_)) => QUOTE,
        _ => TEXT,
    };
    if m.recalled {
        return (sate, String::new(), None);
    }
    match sate {
        QUOTE => {
            let q = quoted.flatten();
            let (q_type, q_content, q_extra) = match q {
                Some(q) => content_of(t, q),
                None => (TEXT, String::new(), None),
            };
            let att = q.and_then(attachment);
            let extra = json!({
                "type": q_type,
                "content": q_content,
                "title": att.as_ref().map(|a| a.name.clone()).or_else(|| {
                    q_extra.as_ref().and_then(|x| x["title"].as_str().map(str::to_owned))
                }).unwrap_or_default(),
                "downloadKey": att.as_ref().map(|a| a.key.clone()).unwrap_or_default(),
                "url": q_extra.as_ref().and_then(|x| x["url"].as_str()).unwrap_or(""),
            });
            (sate, m.body.clone(), Some(extra))
        }
        IMAGE => {
            let key = attachment(m).map(|a| a.key).unwrap_or_default();
            (sate, format!("imgs[{key}]"), None)
        }
        FILE => {
            let a = attachment(m);
            let key = a.as_ref().map(|a| a.key.clone()).unwrap_or_default();
            let extra = a.map(|a| json!({"title": a.name, "totalLen": a.size, "url": ""}));
            (sate, format!("file[{key}]"), extra)
        }
        LINK => {
            let card: Value = serde_json::from_str(&m.body).unwrap_or_default();
            let extra = json!({
                "title": card["title"].as_str().unwrap_or(""),
                "url": card["url"].as_str().unwrap_or(""),
            });
            (sate, m.body.clone(), Some(extra))
        }
        SYSTEM => (sate, system_text(&m.body), None),
        _ => (sate, m.body.clone(), None),
    }
}

/// A quote card as a text: its number and, when the caller may read the
/// quote, its total.
fn quote_text(t: &Transcript, card: &QuoteCard) -> String {
    match t.quote(&card.number) {
        Some(q) => format!(
            "报价 {} 合计 {}",
            card.number,
            Money::from_fen(q.total_fen).format_yuan()
        ),
        None => format!("报价 {}", card.number),
    }
}

/// An order card as a text: its number and, when the caller may read the
/// order, its status now.
fn order_text(t: &Transcript, card: &OrderCard) -> String {
    match t.order(&card.number) {
        Some(o) => format!("订单 {} {}", card.number, o.status.label(Lang::Zh)),
        None => format!("订单 {}", card.number),
    }
}

/// The attachment an image or file message carries (its body is the JSON).
fn attachment(m: &Message) -> Option<Attachment> {
    match m.kind {
        MessageKind::Image | MessageKind::File => serde_json::from_str(&m.body).ok(),
        _ => None,
    }
}

/// A system line as text: `{"event":"resolved","by":"小林"}` → `小林 结束了会话`,
/// a notice → its text; anything else as it is.
fn system_text(body: &str) -> String {
    let v: Value = serde_json::from_str(body).unwrap_or_default();
    let by = v["by"].as_str().unwrap_or("");
    match v["event"].as_str() {
        Some("resolved") if by.is_empty() => "会话已结束".to_owned(),
        Some("resolved") => format!("{by} 结束了会话"),
        Some("notice") => v["text"].as_str().unwrap_or("").to_owned(),
        _ => body.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_lines_read_as_text() {
        assert_eq!(
            system_text(r#"{"event":"resolved","by":"小林"}"#),
            "小林 结束了会话"
        );
        assert_eq!(
            system_text(r#"{"event":"notice","by":"小林","text":"明天放假"}"#),
            "明天放假"
        );
        assert_eq!(system_text("plain"), "plain");
    }
}
