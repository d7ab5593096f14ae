//! One chat socket's conversation with the server, apart from the transport:
//! the commands a client sends, the events it is given, catching up after a
//! reconnect, and presence. The axum handler feeds it frames and deliveries.
//!
//! Exactly-once, in order: after `resume` the socket remembers the last seq
//! it gave the client per conversation. A live message at or below it is a
//! duplicate and skipped; one beyond the next expected seq means events
//! crossed (publishing after commit is not ordered), so the missing messages
//! are read from the database (all of them are committed: seqs are taken
//! under the conversation's lock) and sent first.
//!
//! Bounded work per frame: a `resume` is deduplicated and queued, and the
//! transport takes it one conversation at a time ([`SocketSession::resume_next`]),
//! sending each one's frames before the next is read; a conversation gets at
//! most [`RESUME_CAP`] messages (then `synced` with `more`: the client pages
//! the rest over HTTP), and so does a gap fill. Sends are rate-limited
//! (`service::limit`).

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use crate::auth::{Principal, Role};
use crate::chat::live::events;
use crate::chat::live::hub::{Delivery, Listener};
use crate::chat::model::*;
use crate::chat::repo;
use crate::chat::routing::Need;
use crate::chat::service::limit::{SendBucket, SEND_RATE_LIMITED};
use crate::chat::service::{self, agent, message, send};
use crate::chat::wire::{ClientMsg, Cursor, ServerMsg};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::Id;
use crate::ErrorKey;

/// A client's typing events are passed on at most this often per conversation.
pub const TYPING_EVERY_MS: i64 = 2_000;
/// The most cursors one `resume` may carry, and the most conversations a
/// socket may have waiting to be resumed.
pub const MAX_CURSORS: usize = 500;
/// The most messages a conversation gets in one resume or gap fill.
pub const RESUME_CAP: i64 = message::MAX_READ;

/// What the transport sends: a frame made for this socket, or an event
/// serialized once for all its recipients.
#[derive(Debug)]
pub enum Out {
    Own(ServerMsg),
    Shared(Arc<Delivery>),
}

impl Out {
    pub fn text(&self) -> String {
        match self {
            Out::Own(m) => serde_json::to_string(m).unwrap_or_default(),
            Out::Shared(d) => d.text.clone(),
        }
    }
}

pub struct SocketSession {
    state: AppState,
    who: Principal,
    /// The last seq given to the client, per conversation it follows.
    sent: HashMap<Id, i64>,
    /// Messages this socket sent and had acknowledged: their event is not
    /// echoed back to it (other sockets of the same person get it).
    acked: HashSet<Id>,
    last_typing: HashMap<Id, i64>,
    /// Conversations of a `resume` not yet caught up, in the order asked,
    /// with the seq to catch up from (the lowest asked).
    queue: VecDeque<Id>,
    pending: HashMap<Id, i64>,
    bucket: SendBucket,
    /// The account changed: the transport should re-check the sign-in.
    recheck: bool,
}

fn error(client_id: Option<String>, e: &AppError) -> ServerMsg {
    let key = match e {
        // The socket's only rate limit is on sends.
        AppError::RateLimited { .. } => SEND_RATE_LIMITED,
        other => other.key(),
    };
    ServerMsg::Error {
        client_id,
        field: e.field().map(str::to_owned),
        key,
    }
}

/// Who the hub should treat this socket as: a member, or staff with the CS
/// desks they serve.
pub async fn listener_for(state: &AppState, who: &Principal) -> AppResult<Listener> {
    Ok(match who {
        Principal::Member(m) => Listener::Member(m.id),
        Principal::Staff(s) => Listener::Staff {
            id: s.id,
            admin: s.has(Role::Admin),
            desks: if s.has(Role::Cs) {
                repo::desk::agent_desk_ids(&state.db, s.id).await?
            } else {
                vec![]
            },
        },
    })
}

impl SocketSession {
    /// A socket for `who`, who must be a member or cs/admin staff.
    pub fn new(state: AppState, who: Principal) -> AppResult<Self> {
        if let Principal::Staff(s) = &who {
            if !s.has_any(&[Role::Cs, Role::Admin]) {
                return Err(AppError::Forbidden);
            }
        }
        let bucket = SendBucket::for_socket(state.now());
        Ok(SocketSession {
            state,
            who,
            sent: HashMap::new(),
            acked: HashSet::new(),
            last_typing: HashMap::new(),
            queue: VecDeque::new(),
            pending: HashMap::new(),
            bucket,
            recheck: false,
        })
    }

    pub fn hello(&self) -> ServerMsg {
        match &self.who {
            Principal::Member(m) => ServerMsg::Hello {
                kind: SenderKind::Member,
                id: m.id,
            },
            Principal::Staff(s) => ServerMsg::Hello {
                kind: SenderKind::Staff,
                id: s.id,
            },
        }
    }

    /// Handles one text frame from the client. A frame that is not a command
    /// gets an error and the socket stays up. A `resume` is only queued: the
    /// transport calls [`Self::resume_next`] while [`Self::resuming`].
    pub async fn on_frame(&mut self, text: &str, out: &mut Vec<Out>) {
        let cmd: ClientMsg = match serde_json::from_str(text) {
            Ok(c) => c,
            Err(_) => {
                out.push(Out::Own(ServerMsg::bad_frame()));
                return;
            }
        };
        let result = self.on_command(cmd, out).await;
        if let Err((client_id, e)) = result {
            if e == AppError::Internal {
                tracing::error!("chat socket command failed");
            }
            out.push(Out::Own(error(client_id, &e)));
        }
    }

    async fn on_command(
        &mut self,
        cmd: ClientMsg,
        out: &mut Vec<Out>,
    ) -> Result<(), (Option<String>, AppError)> {
        let state = self.state.clone();
        match cmd {
            ClientMsg::Ping => out.push(Out::Own(ServerMsg::Pong)),
            ClientMsg::Resume { cursors } => self.queue_resume(cursors)?,
            ClientMsg::Send(input) => {
                let client_id = Some(input.client_id.clone());
                if !self.bucket.take(state.now()) {
                    let retry_after_secs = self.bucket.retry_after_secs();
                    return Err((client_id, AppError::RateLimited { retry_after_secs }));
                }
                let (message, created) = send::send_from_client(&state, &self.who, &input)
                    .await
                    .map_err(|e| (client_id, e))?;
                self.advance(message.conversation_id, message.seq);
                if created {
                    self.acked.insert(message.id);
                }
                out.push(Out::Own(ServerMsg::Ack {
                    client_id: input.client_id,
                    created,
                    message,
                }));
            }
            ClientMsg::Typing { conversation_id } => {
                let now = state.now();
                let last = self.last_typing.get(&conversation_id).copied();
                if last.is_some_and(|t| now - t < TYPING_EVERY_MS) {
                    return Ok(());
                }
                let (conv, me) = service::authorize(&state, &self.who, conversation_id, Need::Act)
                    .await
                    .map_err(|e| (None, e))?;
                self.last_typing.insert(conversation_id, now);
                events::typing(&state, &conv, me.kind);
            }
            ClientMsg::Read {
                conversation_id,
                seq,
            } => {
                message::mark_read(&state, &self.who, conversation_id, seq)
                    .await
                    .map_err(|e| (None, e))?;
            }
            ClientMsg::Recall {
                conversation_id,
                seq,
            } => {
                message::recall(&state, &self.who, conversation_id, seq)
                    .await
                    .map_err(|e| (None, e))?;
            }
            ClientMsg::Status { status } => {
                let Principal::Staff(s) = &self.who else {
                    return Err((None, AppError::Forbidden));
                };
                agent::set_agent_status(&state, s, status)
                    .await
                    .map_err(|e| (None, e))?;
            }
        }
        Ok(())
    }

    /// Queues the cursors of a `resume`, one per conversation (the lowest
    /// seq of duplicates).
    fn queue_resume(&mut self, cursors: Vec<Cursor>) -> Result<(), (Option<String>, AppError)> {
        let too_many = || {
            (
                None,
                AppError::validation("cursors", ErrorKey::WsTooManyCursors),
            )
        };
        if cursors.len() > MAX_CURSORS {
            return Err(too_many());
        }
        if cursors.iter().any(|c| c.after_seq < 0) {
            return Err((
                None,
                AppError::validation("after_seq", ErrorKey::MessageSeqInvalid),
            ));
        }
        for c in cursors {
            if let Some(after) = self.pending.get_mut(&c.conversation_id) {
                *after = (*after).min(c.after_seq);
                continue;
            }
            if self.pending.len() >= MAX_CURSORS {
                return Err(too_many());
            }
            self.pending.insert(c.conversation_id, c.after_seq);
            self.queue.push_back(c.conversation_id);
        }
        Ok(())
    }

    /// Is a `resume` still being worked through?
    pub fn resuming(&self) -> bool {
        !self.queue.is_empty()
    }

    /// Catches up the next queued conversation: at most [`RESUME_CAP`]
    /// messages after its seq, in order, then `synced` (`more` when capped:
    /// the socket then passes live messages on as they come and the client
    /// fetches the rest over HTTP). One conversation the caller may not read
    /// gets an error and does not stop the others.
    pub async fn resume_next(&mut self, out: &mut Vec<Out>) {
        let Some(conv_id) = self.queue.pop_front() else {
            return;
        };
        let after = self.pending.remove(&conv_id).unwrap_or(0);
        let page =
            message::messages_after(&self.state, &self.who, conv_id, after, RESUME_CAP).await;
        let page = match page {
            Ok(p) => p,
            Err(e) => {
                out.push(Out::Own(error(None, &e)));
                return;
            }
        };
        let more = page.len() as i64 >= RESUME_CAP;
        let mut last = after;
        for message in page {
            last = message.seq;
            out.push(Out::Own(ServerMsg::Message { message }));
        }
        // (Notes a member does not see may follow: the gap check reads past them.)
        if more {
            self.sent.remove(&conv_id);
        } else {
            self.sent.insert(conv_id, last);
        }
        out.push(Out::Own(ServerMsg::Synced {
            conversation_id: conv_id,
            last_seq: last,
            more,
        }));
    }

    /// The client got `seq` of a conversation directly (its own send's ack):
    /// it counts as sent if nothing before it is missing.
    fn advance(&mut self, conversation_id: Id, seq: i64) {
        if let Some(last) = self.sent.get_mut(&conversation_id) {
            if *last + 1 == seq {
                *last = seq;
            }
        }
    }

    /// Handles an event from the hub: passes it on, or, for a message that
    /// is a duplicate or arrives ahead of others, skips it or fills the gap.
    pub async fn on_delivery(&mut self, d: Arc<Delivery>, out: &mut Vec<Out>) {
        let message = match &d.msg {
            ServerMsg::Message { message } => message,
            ServerMsg::AccountChanged => {
                self.recheck = true;
                return;
            }
            _ => {
                out.push(Out::Shared(d));
                return;
            }
        };
        let conv_id = message.conversation_id;
        let seq = message.seq;
        let echo = self.acked.remove(&message.id);
        if self.pending.contains_key(&conv_id) {
            // Its resume is queued and will read it from the database.
            return;
        }
        let Some(&last) = self.sent.get(&conv_id) else {
            // Not followed since a resume: the client orders by seq itself.
            self.sent.insert(conv_id, seq);
            if !echo {
                out.push(Out::Shared(d));
            }
            return;
        };
        if seq <= last {
            return;
        }
        if seq == last + 1 {
            self.sent.insert(conv_id, seq);
            if !echo {
                out.push(Out::Shared(d));
            }
            return;
        }
        // A gap: read what lies between from the database (the member's
        // gap may be only notes they do not see), one page at most.
        let page = message::messages_after(&self.state, &self.who, conv_id, last, RESUME_CAP).await;
        let list = match page {
            Ok(list) => list,
            Err(e) => {
                tracing::warn!(error = %e, "filling a message gap failed; asking the client to resume");
                self.sent.remove(&conv_id);
                out.push(Out::Own(ServerMsg::Resync));
                return;
            }
        };
        let full = list.len() as i64 >= RESUME_CAP;
        let mut after = last;
        for m in list.into_iter().filter(|m| m.seq < seq) {
            after = m.seq;
            out.push(Out::Own(ServerMsg::Message { message: m }));
        }
        if full && after < seq - 1 {
            // More than a page is missing: the client fetches it over HTTP.
            out.push(Out::Own(ServerMsg::Synced {
                conversation_id: conv_id,
                last_seq: after,
                more: true,
            }));
        }
        self.sent.insert(conv_id, seq);
        if !echo {
            out.push(Out::Shared(d));
        }
    }

    /// Did the account change since last asked? (The transport then checks
    /// the session and the principal at once.)
    pub fn take_recheck(&mut self) -> bool {
        std::mem::take(&mut self.recheck)
    }

    pub fn who(&self) -> &Principal {
        &self.who
    }
}
