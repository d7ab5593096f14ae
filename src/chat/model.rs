//! Chat types and their validation, shared by client and server.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

crate::string_enum! {
    /// queued (waiting in the desk's queue) → open (assigned) → resolved.
    pub enum ConversationStatus("status", ConversationStatusInvalid) {
        Queued = "queued",
        Open = "open",
        Resolved = "resolved",
    }
}

crate::string_enum! {
    /// What a message carries. A `note` is seen by staff only; `system` is
    /// written by the platform; `card` carries JSON (an order, a quote, a
    /// tracking number).
    pub enum MessageKind("kind", MessageKindInvalid) {
        Text = "text",
        Image = "image",
        File = "file",
        Note = "note",
        System = "system",
        Card = "card",
    }
}

crate::string_enum! {
    /// Who wrote a message.
    pub enum SenderKind("sender_kind", MessageSenderInvalid) {
        Member = "member",
        Staff = "staff",
        System = "system",
    }
}

crate::string_enum! {
    /// An agent's manual state. Only `online` agents are routed to.
    pub enum AgentStatus("status", AgentStatusInvalid) {
        Online = "online",
        Busy = "busy",
        Offline = "offline",
    }
}

/// A desk customers choose from (售前, 售后, 财务…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Desk {
    pub id: Id,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub reassign_after_minutes: Option<i64>,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Conversation {
    pub id: Id,
    pub company_id: Id,
    pub member_id: Id,
    #[serde(alias = "role_id")]
    pub desk_id: Id,
    pub status: ConversationStatus,
    pub assignee_staff_id: Option<Id>,
    pub assigned_at: Option<Timestamp>,
    /// The seq of the newest message (0: none yet).
    pub last_seq: i64,
    pub last_message_at: Timestamp,
    /// When the oldest customer message still unanswered arrived.
    pub awaiting_since: Option<Timestamp>,
    pub customer_read_seq: i64,
    pub staff_read_seq: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub resolved_at: Option<Timestamp>,
}

/// A stored message. A recalled message keeps its seq and loses its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Message {
    pub id: Id,
    pub conversation_id: Id,
    pub seq: i64,
    pub sender_kind: SenderKind,
    pub sender_id: Id,
    pub client_id: String,
    pub kind: MessageKind,
    pub body: String,
    pub reply_to_seq: Option<i64>,
    pub recalled: bool,
    pub created_at: Timestamp,
}

/// An agent as routing sees them (`open_count` is seed 003's `accepted_case`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AgentLoad {
    pub staff_id: Id,
    pub name: String,
    pub status: AgentStatus,
    pub max_concurrent: i64,
    pub open_count: i64,
}

/// An agent as the supervisors' board shows them: load and desks served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AgentSetup {
    pub load: AgentLoad,
    #[serde(alias = "role_ids")]
    pub desk_ids: Vec<Id>,
}

/// A conversation as lists show it. `unread` counts from the viewer's side;
/// `member_phone` is masked for staff other than admins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ConversationSummary {
    pub conversation: Conversation,
    pub member_name: String,
    pub member_phone: String,
    pub company_name: String,
    #[serde(alias = "role_name_zh")]
    pub desk_name_zh: String,
    #[serde(alias = "role_name_en")]
    pub desk_name_en: String,
    pub assignee_name: Option<String>,
    pub unread: i64,
    /// The newest message the member sees (notes excluded), its body cut
    /// to 120 characters; None before the first.
    #[serde(default)]
    pub last_message: Option<MessagePreview>,
    /// While queued: how many of the desk's queued conversations are ahead
    /// of this one (the queue is served oldest first).
    #[serde(default)]
    pub queue_ahead: Option<i64>,
}

/// A message as a list shows it: its kind, who wrote it, when, and the
/// start of its body (empty once recalled).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MessagePreview {
    pub seq: i64,
    pub sender_kind: SenderKind,
    pub kind: MessageKind,
    pub body: String,
    pub recalled: bool,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MessageForSend {
    pub conversation_id: Id,
    /// Made by the client, 1–64 of `[A-Za-z0-9_-]`; a resend reuses it.
    pub client_id: String,
    pub kind: MessageKind,
    pub body: String,
    pub reply_to_seq: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeskForCreate {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub reassign_after_minutes: Option<i64>,
}

/// Which messages of a conversation an export reads (`service::transcript`):
/// those after `after_seq` (an incremental sync's cursor), sent within
/// `from_ms..=to_ms` when given (epoch ms).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MessageFilter {
    pub after_seq: i64,
    pub from_ms: Option<i64>,
    pub to_ms: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct HistoryFilter {
    /// Matches the member's name or phone.
    pub q: Option<String>,
}

crate::string_enum! {
    /// A list of the agents' console: their open conversations, those where
    /// a customer waits for an answer, or a desk's queue.
    pub enum AgentTab("tab", ChatTabInvalid) {
        Current = "current",
        Unreplied = "unreplied",
        Queue = "queue",
    }
}

/// Where a transfer goes: an agent, or a desk's queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TransferTo {
    Agent(Id),
    /// `role` is the name older clients send.
    #[serde(alias = "role")]
    Desk(Id),
}

/// A reply agents insert with one click; `desk_id` None: for every desk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CannedReply {
    pub id: Id,
    #[serde(alias = "role_id")]
    pub desk_id: Option<Id>,
    pub title: String,
    pub body: String,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CannedReplyForCreate {
    #[serde(alias = "role_id")]
    pub desk_id: Option<Id>,
    pub title: String,
    pub body: String,
}

/// A file uploaded to a conversation; an image or file message's body is
/// this as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Attachment {
    pub key: String,
    pub conversation_id: Id,
    pub name: String,
    pub mime: String,
    pub size: i64,
    pub created_at: Timestamp,
}

pub const MAX_BODY_CHARS: usize = 5_000;

/// A message body: trimmed, not empty, at most 5,000 characters; a card's body
/// is a JSON object.
pub fn parse_message_body(kind: MessageKind, s: &str) -> AppResult<String> {
    let s = s.trim();
    if s.is_empty() {
        return Err(AppError::validation("body", ErrorKey::MessageEmpty));
    }
    if s.chars().count() > MAX_BODY_CHARS {
        return Err(AppError::validation("body", ErrorKey::MessageTooLong));
    }
    // No text column stores a NUL on PostgreSQL (the socket's frames reach
    // here without the API's NUL check).
    if s.contains('\0') {
        return Err(AppError::validation("body", ErrorKey::BadRequest));
    }
    if kind == MessageKind::Card
        && !matches!(
            serde_json::from_str::<serde_json::Value>(s),
            Ok(serde_json::Value::Object(_))
        )
    {
        return Err(AppError::validation("body", ErrorKey::MessageCardInvalid));
    }
    Ok(s.to_owned())
}

/// A client-made message id: 1–64 letters, digits, `_` or `-`.
pub fn parse_client_id(s: &str) -> AppResult<String> {
    let ok = (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(s.to_owned())
    } else {
        Err(AppError::validation(
            "client_id",
            ErrorKey::MessageClientIdInvalid,
        ))
    }
}

/// A desk code: 2–32 lower-case letters, digits, `_` or `-` (`presales`).
pub fn parse_desk_code(s: &str) -> AppResult<String> {
    let s = s.trim().to_ascii_lowercase();
    let ok = (2..=32).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(s)
    } else {
        Err(AppError::validation("code", ErrorKey::DeskCodeInvalid))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_trimmed_and_bounded() {
        assert_eq!(
            parse_message_body(MessageKind::Text, "  你好 ").unwrap(),
            "你好"
        );
        assert_eq!(
            parse_message_body(MessageKind::Text, " \n ").unwrap_err(),
            AppError::validation("body", ErrorKey::MessageEmpty)
        );
        let max = "长".repeat(MAX_BODY_CHARS);
        assert!(parse_message_body(MessageKind::Text, &max).is_ok());
        assert_eq!(
            parse_message_body(MessageKind::Text, &format!("{max}x"))
                .unwrap_err()
                .key(),
            "message.too_long"
        );
    }

    #[test]
    fn cards_must_be_json_objects() {
        assert!(parse_message_body(MessageKind::Card, r#"{"order":"SD1"}"#).is_ok());
        assert_eq!(
            parse_message_body(MessageKind::Card, "[1]")
                .unwrap_err()
                .key(),
            "message.card_invalid"
        );
    }

    #[test]
    fn client_ids_are_short_safe_tokens() {
        assert!(parse_client_id("a1_B-2").is_ok());
        assert!(parse_client_id(&"x".repeat(64)).is_ok());
        assert_eq!(parse_client_id("").unwrap_err().field(), Some("client_id"));
        assert!(parse_client_id(&"x".repeat(65)).is_err());
        assert!(parse_client_id("has space").is_err());
        assert!(parse_client_id("中文").is_err());
    }

    #[test]
    fn enums_round_trip_through_their_columns() {
        for k in MessageKind::ALL {
            assert_eq!(MessageKind::parse(k.as_str()).unwrap(), k);
        }
        for s in ConversationStatus::ALL {
            assert_eq!(ConversationStatus::parse(s.as_str()).unwrap(), s);
        }
        assert!(SenderKind::parse("robot").is_err());
        assert_eq!(AgentStatus::parse("busy").unwrap(), AgentStatus::Busy);
    }

    #[test]
    fn inputs_with_the_old_role_names_still_parse() {
        let to: TransferTo = serde_json::from_str(r#"{"role":5}"#).unwrap();
        assert_eq!(to, TransferTo::Desk(5));
        assert_eq!(serde_json::to_string(&to).unwrap(), r#"{"desk":5}"#);
        let c: CannedReplyForCreate =
            serde_json::from_str(r#"{"role_id":3,"title":"t","body":"b"}"#).unwrap();
        assert_eq!(c.desk_id, Some(3));
    }

    #[test]
    fn a_message_body_with_a_nul_is_refused() {
        let e = parse_message_body(MessageKind::Text, "a\0b").unwrap_err();
        assert_eq!(e.field(), Some("body"));
    }

    #[test]
    fn desk_codes_are_lowercased() {
        assert_eq!(parse_desk_code(" PreSales ").unwrap(), "presales");
        assert!(parse_desk_code("x").is_err());
        assert!(parse_desk_code("售前").is_err());
    }
}
