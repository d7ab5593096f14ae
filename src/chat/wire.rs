//! What travels over the chat WebSocket, shared by the server and the WASM
//! client: one JSON object per text frame, tagged by `type`.
//!
//! A client sends `resume` after (re)connecting with the last seq it holds per
//! open conversation and receives exactly the messages after it, in order,
//! then `synced`, at most a page (200) per conversation: past it `synced`
//! says `more` and the client pages the rest over HTTP. From then on the
//! socket forwards live events; a message is acknowledged (`ack`) only once
//! committed, and a resend of a client id gets the stored message back
//! (`created: false`). Sends are rate-limited (`error` with key
//! `send.rate_limited` and the send's client id; the socket stays up).

use serde::{Deserialize, Serialize};

use super::model::{AgentStatus, Conversation, Message, MessageForSend, SenderKind};
use crate::types::Id;
use crate::ErrorKey;

/// Where a client stands in one conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Cursor {
    pub conversation_id: Id,
    /// The newest seq the client holds (0: none).
    pub after_seq: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMsg {
    /// Catch up on these conversations, then follow them live.
    Resume {
        cursors: Vec<Cursor>,
    },
    /// Store a message; answered by `ack` (or `error` with the same `client_id`).
    Send(MessageForSend),
    /// The caller is typing in a conversation (sent at most every few seconds).
    Typing {
        conversation_id: Id,
    },
    /// Move the caller's read mark.
    Read {
        conversation_id: Id,
        seq: i64,
    },
    /// Recall the caller's own message (within two minutes).
    Recall {
        conversation_id: Id,
        seq: i64,
    },
    /// An agent's manual status.
    Status {
        status: AgentStatus,
    },
    Ping,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMsg {
    /// First frame of a socket: who it serves.
    Hello {
        kind: SenderKind,
        id: Id,
    },
    /// A message committed in a conversation the socket follows.
    Message {
        message: Message,
    },
    /// The caller's message is stored (`created: false`: it was already).
    Ack {
        client_id: String,
        created: bool,
        message: Message,
    },
    /// A `resume` of this conversation is complete up to `last_seq`. With
    /// `more`, the socket stopped at its cap: the client fetches the messages
    /// after `last_seq` over HTTP (`chat_messages`, page by page) while live
    /// ones keep coming. (Absent from old servers' frames: false.)
    Synced {
        conversation_id: Id,
        last_seq: i64,
        #[serde(default)]
        more: bool,
    },
    /// A conversation changed: queued, assigned, transferred, resolved, re-opened.
    Conversation {
        conversation: Conversation,
    },
    /// One side moved its read mark.
    Read {
        conversation_id: Id,
        side: SenderKind,
        seq: i64,
    },
    /// The other side is typing.
    Typing {
        conversation_id: Id,
        side: SenderKind,
    },
    /// A message lost its body.
    Recalled {
        conversation_id: Id,
        seq: i64,
    },
    /// An agent's presence (staff sockets only).
    Presence {
        staff_id: Id,
        status: AgentStatus,
        connected: bool,
    },
    /// An order of the conversation's company changed (its status, its
    /// measured cartons): a card showing it reads it again
    /// (`get_order_brief`). Only the number: what the card shows is read
    /// as its viewer may.
    OrderChanged {
        number: String,
    },
    /// Events may have been missed (a fan-out link dropped): send `resume`.
    Resync,
    /// The person's account changed (roles, password, disabled, signed
    /// out): their sockets re-check their sign-in at once. Between the
    /// server's parts only: a socket never passes it to its client.
    AccountChanged,
    /// A command failed. `client_id` names the send it answers, `field` the
    /// input at fault, `key` the message (translated by the client).
    Error {
        client_id: Option<String>,
        field: Option<String>,
        key: ErrorKey,
    },
    Pong,
}

impl ServerMsg {
    /// The answer to a frame that is not a command.
    pub fn bad_frame() -> ServerMsg {
        ServerMsg::Error {
            client_id: None,
            field: None,
            key: ErrorKey::WsBadFrame,
        }
    }
}

/// The largest frame a client may send (a 5,000-character body fits easily).
pub const MAX_FRAME_BYTES: usize = 64 * 1024;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chat::MessageKind;

    #[test]
    fn frames_are_tagged_json() {
        let m = ClientMsg::Send(MessageForSend {
            conversation_id: 7,
            client_id: "c1".into(),
            kind: MessageKind::Text,
            body: "你好".into(),
            reply_to_seq: None,
        });
        let s = serde_json::to_string(&m).unwrap();
        assert!(
            s.starts_with(r#"{"type":"send","conversation_id":7"#),
            "{s}"
        );
        assert_eq!(serde_json::from_str::<ClientMsg>(&s).unwrap(), m);
        let r: ClientMsg = serde_json::from_str(
            r#"{"type":"resume","cursors":[{"conversation_id":1,"after_seq":4}]}"#,
        )
        .unwrap();
        assert_eq!(
            r,
            ClientMsg::Resume {
                cursors: vec![Cursor {
                    conversation_id: 1,
                    after_seq: 4
                }]
            }
        );
        assert!(serde_json::from_str::<ClientMsg>(r#"{"type":"explode"}"#).is_err());
        assert_eq!(
            serde_json::to_string(&ServerMsg::Pong).unwrap(),
            r#"{"type":"pong"}"#
        );
    }

    #[test]
    fn a_synced_frame_without_more_still_parses() {
        let old: ServerMsg =
            serde_json::from_str(r#"{"type":"synced","conversation_id":3,"last_seq":9}"#).unwrap();
        assert_eq!(
            old,
            ServerMsg::Synced {
                conversation_id: 3,
                last_seq: 9,
                more: false
            }
        );
        let new = serde_json::to_string(&ServerMsg::Synced {
            conversation_id: 3,
            last_seq: 9,
            more: true,
        })
        .unwrap();
        assert!(new.ends_with(r#""last_seq":9,"more":true}"#), "{new}");
    }
}
