//! The chat events the services publish once their change is committed, and
//! who each reaches (see `hub`).

use crate::auth::SessionUser;
use crate::chat::live::hub::Target;
use crate::chat::model::*;
use crate::chat::wire::ServerMsg;
use crate::state::AppState;
use crate::types::Id;

/// Who hears of a message: the conversation's people; of a note, staff only.
fn message_target(conv: &Conversation, message: &Message) -> Target {
    let target = Target::conversation(conv);
    if message.kind == MessageKind::Note {
        target.staff_only()
    } else {
        target
    }
}

/// A new message.
pub fn message(state: &AppState, conv: &Conversation, message: &Message) {
    state.hub.publish(
        message_target(conv, message),
        ServerMsg::Message {
            message: message.clone(),
        },
    );
}

/// A conversation's status or assignee changed. The desk's agents hear of it
/// too (the queue may have changed), and so does `previous` (an assignee
/// who lost it).
pub fn conversation(state: &AppState, conv: &Conversation, previous: Option<Id>) {
    let previous = previous.filter(|p| Some(*p) != conv.assignee_staff_id);
    state.hub.publish(
        Target::conversation(conv).with_desk(previous),
        ServerMsg::Conversation {
            conversation: conv.clone(),
        },
    );
}

pub fn read(state: &AppState, conv: &Conversation, side: SenderKind, seq: i64) {
    state.hub.publish(
        Target::conversation(conv),
        ServerMsg::Read {
            conversation_id: conv.id,
            side,
            seq,
        },
    );
}

pub fn recalled(state: &AppState, conv: &Conversation, message: &Message) {
    state.hub.publish(
        message_target(conv, message),
        ServerMsg::Recalled {
            conversation_id: conv.id,
            seq: message.seq,
        },
    );
}

/// One side is typing: the other side hears it.
pub fn typing(state: &AppState, conv: &Conversation, side: SenderKind) {
    state.hub.publish_from(
        Target::conversation(conv),
        Some(side),
        ServerMsg::Typing {
            conversation_id: conv.id,
            side,
        },
    );
}

/// A person's account changed (roles, password, disabled, signed out): their
/// sockets on every instance re-check who they serve now.
pub fn account_changed(state: &AppState, who: SessionUser) {
    let (kind, id) = match who {
        SessionUser::Member(id) => (SenderKind::Member, id),
        SessionUser::Staff(id) => (SenderKind::Staff, id),
    };
    state
        .hub
        .publish(Target::Person { kind, id }, ServerMsg::AccountChanged);
}

pub fn presence(state: &AppState, staff_id: Id, status: AgentStatus, connected: bool) {
    state.hub.publish(
        Target::AllStaff,
        ServerMsg::Presence {
            staff_id,
            status,
            connected,
        },
    );
}

/// The most open conversations of one company an order change reaches.
pub const ORDER_FANOUT: i64 = 50;

/// An order of `company_id` changed: everyone in an open conversation with
/// the company's members hears of it (their order cards read it again).
/// Logged, never an error: the order's change is committed.
pub async fn order_changed(state: &AppState, company_id: Id, number: &str) {
    let open =
        crate::chat::repo::conversation::open_of_company(&state.db, company_id, ORDER_FANOUT).await;
    let open = match open {
        Ok(list) => list,
        Err(e) => {
            tracing::warn!(error = %e, "an order change did not reach the chat");
            return;
        }
    };
    for conv in &open {
        state.hub.publish(
            Target::conversation(conv),
            ServerMsg::OrderChanged {
                number: number.to_owned(),
            },
        );
    }
}
