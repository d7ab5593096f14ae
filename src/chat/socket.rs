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

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use super::hub::{Delivery, Listener};
use super::model::*;
use super::routing::Need;
use super::wire::{ClientMsg, Cursor, ServerMsg};
use super::{agent_repo, agents, events, send, service};
use crate::auth::{Principal, Role};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::Id;

/// A client's typing events are passed on at most this often per conversation.
pub const TYPING_EVERY_MS: i64 = 2_000;
/// The most cursors one `resume` may carry.
pub const MAX_CURSORS: usize = 500;

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
}

fn error(client_id: Option<String>, e: &AppError) -> ServerMsg {
    ServerMsg::Error {
        client_id,
        field: e.field().map(str::to_owned),
        key: e.key().to_owned(),
    }
}

/// Who the hub should treat this socket as: a member, or staff with the CS
/// roles they serve.
pub async fn listener_for(state: &AppState, who: &Principal) -> AppResult<Listener> {
    Ok(match who {
        Principal::Member(m) => Listener::Member(m.id),
        Principal::Staff(s) => Listener::Staff {
            id: s.id,
            admin: s.has(Role::Admin),
            roles: if s.has(Role::Cs) {
                agent_repo::agent_role_ids(&state.db, s.id).await?
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
        Ok(SocketSession {
            state,
            who,
            sent: HashMap::new(),
            acked: HashSet::new(),
            last_typing: HashMap::new(),
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
    /// gets an error and the socket stays up.
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
            ClientMsg::Resume { cursors } => {
                if cursors.len() > MAX_CURSORS {
                    return Err((None, AppError::validation("cursors", "ws.too_many_cursors")));
                }
                for c in cursors {
                    // One conversation the caller may not read does not stop the others.
                    if let Err(e) = self.catch_up(c, out).await {
                        out.push(Out::Own(error(None, &e)));
                    }
                }
            }
            ClientMsg::Send(input) => {
                let client_id = Some(input.client_id.clone());
                let (message, created) = send::send_message(&state, &self.who, &input)
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
                service::mark_read(&state, &self.who, conversation_id, seq)
                    .await
                    .map_err(|e| (None, e))?;
            }
            ClientMsg::Recall {
                conversation_id,
                seq,
            } => {
                service::recall(&state, &self.who, conversation_id, seq)
                    .await
                    .map_err(|e| (None, e))?;
            }
            ClientMsg::Status { status } => {
                let Principal::Staff(s) = &self.who else {
                    return Err((None, AppError::Forbidden));
                };
                agents::set_agent_status(&state, s, status)
                    .await
                    .map_err(|e| (None, e))?;
            }
        }
        Ok(())
    }

    /// Sends the messages of `c` after its seq, in order, then `synced`.
    async fn catch_up(&mut self, c: Cursor, out: &mut Vec<Out>) -> AppResult<()> {
        if c.after_seq < 0 {
            return Err(AppError::validation("after_seq", "message.seq_invalid"));
        }
        let mut after = c.after_seq;
        loop {
            let page = service::messages_after(
                &self.state,
                &self.who,
                c.conversation_id,
                after,
                service::MAX_READ,
            )
            .await?;
            let full = page.len() as i64 == service::MAX_READ;
            for message in page {
                after = message.seq;
                out.push(Out::Own(ServerMsg::Message { message }));
            }
            if !full {
                break;
            }
        }
        // (Notes a member does not see may follow: the gap check reads past them.)
        self.sent.insert(c.conversation_id, after);
        out.push(Out::Own(ServerMsg::Synced {
            conversation_id: c.conversation_id,
            last_seq: after,
        }));
        Ok(())
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
        let ServerMsg::Message { message } = &d.msg else {
            out.push(Out::Shared(d));
            return;
        };
        let conv_id = message.conversation_id;
        let seq = message.seq;
        let echo = self.acked.remove(&message.id);
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
        // gap may be only notes they do not see), page by page.
        let mut after = last;
        loop {
            let page =
                service::messages_after(&self.state, &self.who, conv_id, after, service::MAX_READ)
                    .await;
            let list = match page {
                Ok(list) => list,
                Err(e) => {
                    tracing::warn!(error = %e, "filling a message gap failed; asking the client to resume");
                    self.sent.remove(&conv_id);
                    out.push(Out::Own(ServerMsg::Resync));
                    return;
                }
            };
            let full = list.len() as i64 == service::MAX_READ;
            for m in list.into_iter().filter(|m| m.seq < seq) {
                after = m.seq;
                out.push(Out::Own(ServerMsg::Message { message: m }));
            }
            if !full || after >= seq - 1 {
                break;
            }
        }
        self.sent.insert(conv_id, seq);
        if !echo {
            out.push(Out::Shared(d));
        }
    }

    pub fn who(&self) -> &Principal {
        &self.who
    }
}

/// A staff member's socket opened: an agent the grace period set offline
/// gets their status back, and colleagues see them.
pub async fn connected(state: &AppState, who: &Listener) {
    let Listener::Staff { id, .. } = who else {
        return;
    };
    match agent_repo::return_from_away(&state.db, *id, state.now()).await {
        Ok(Some(status)) => {
            events::presence(state, *id, status, true);
            if status == AgentStatus::Online {
                if let Err(e) = agents::drain_for_agent(state, *id).await {
                    tracing::warn!(error = %e, "draining the queue for a returning agent failed");
                }
            }
        }
        Ok(None) => {}
        Err(e) => tracing::warn!(error = %e, "agent presence update failed"),
    }
}

/// A socket closed. When it was a staff member's last one on this instance,
/// they are set away (offline) after the grace period unless a socket opened
/// again; the reassignment job then moves their conversations on.
pub fn disconnected(state: &AppState, who: Listener, sockets_left: usize) {
    let Listener::Staff { id, .. } = who else {
        return;
    };
    if sockets_left > 0 {
        return;
    }
    let state = state.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(state.config.presence_grace_secs)).await;
        if state.hub.staff_sockets(id) > 0 {
            return;
        }
        match agent_repo::go_away(&state.db, id, state.now()).await {
            Ok(true) => events::presence(&state, id, AgentStatus::Offline, false),
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, "setting an agent away failed"),
        }
    });
}
