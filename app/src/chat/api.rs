//! Server functions of chat. Members open conversations in a desk and
//! read their own; agents (cs) and supervisors (admin) work the lists, the
//! queue and hand-overs. Live traffic goes over the socket (`/ws`); these
//! calls are the typed API for the same actions and for reading history.
//! Each resolves the caller and calls the core, which checks what they may
//! do. Rust names are `verb_noun`; the endpoints keep their `chat_*` names
//! (the public API), and inputs that name desks take `desk_id`/`desk_ids`
//! or, as older clients send them, `role_id`/`role_ids` ([`DeskArg`]…).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;
use shipdesk::chat::{
    AgentLoad, AgentSetup, AgentStatus, AgentTab, CannedReply, CannedReplyForCreate, Conversation,
    ConversationSummary, Desk, DeskForCreate, HistoryFilter, Message, MessageForSend, TransferTo,
};
use shipdesk::{AppError, Id, Page};

#[cfg(feature = "ssr")]
use {
    crate::server::*,
    shipdesk::chat::service::{admin, agent, handover, list, message, send, transfer},
    shipdesk::PageQuery,
};

/// A desk in a server function's input: `desk_id`, or `role_id` as older
/// clients send it (a server function's argument cannot have an alias, a
/// flattened struct's field can).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeskArg {
    #[serde(alias = "role_id")]
    pub desk_id: Id,
}

impl From<Id> for DeskArg {
    fn from(desk_id: Id) -> Self {
        DeskArg { desk_id }
    }
}

/// A desk or none, as [`DeskArg`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MaybeDeskArg {
    #[serde(default, alias = "role_id")]
    pub desk_id: Option<Id>,
}

impl From<Option<Id>> for MaybeDeskArg {
    fn from(desk_id: Option<Id>) -> Self {
        MaybeDeskArg { desk_id }
    }
}

/// Desks, as [`DeskArg`]: `desk_ids` or `role_ids`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeskIdsArg {
    #[serde(alias = "role_ids")]
    pub desk_ids: Vec<Id>,
}

impl From<Vec<Id>> for DeskIdsArg {
    fn from(desk_ids: Vec<Id>) -> Self {
        DeskIdsArg { desk_ids }
    }
}

/// The desks (售前, 售后, 财务…): anyone signed in may list them.
#[server(prefix = "/api", endpoint = "chat_roles", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_desks() -> Result<Vec<Desk>, AppError> {
    principal().await?;
    admin::list_desks(&state()?).await
}

/// A member's conversation in a desk: their unresolved one, or a new one.
#[server(prefix = "/api", endpoint = "chat_open", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn open_conversation(#[server(flatten)] desk: DeskArg) -> Result<Conversation, AppError> {
    let p = principal().await?;
    send::open_conversation(&state()?, p.require_member()?, desk.desk_id).await
}

/// The member's conversations, latest first.
#[server(prefix = "/api", endpoint = "chat_my_conversations", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_my_conversations() -> Result<Vec<ConversationSummary>, AppError> {
    let p = principal().await?;
    list::member_conversations(&state()?, p.require_member()?).await
}

/// Messages after `after_seq` (at most 200) of a conversation the caller may read.
#[server(prefix = "/api", endpoint = "chat_messages", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_messages(
    conversation_id: Id,
    after_seq: i64,
    limit: Option<i64>,
) -> Result<Vec<Message>, AppError> {
    let p = principal().await?;
    let limit = limit.unwrap_or(message::MAX_READ);
    message::messages_after(&state()?, &p, conversation_id, after_seq, limit).await
}

/// Sends a message (the socket's `send`, for API consumers). Returns the
/// stored message and whether it is new (false: a resend of its client id).
/// Counted against the caller's per-minute send limit (429 past it).
#[server(prefix = "/api", endpoint = "chat_send", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn send_message(input: MessageForSend) -> Result<(Message, bool), AppError> {
    let p = principal().await?;
    send::send_from_client(&state()?, &p, &input).await
}

/// Moves the caller's side's read mark of a conversation forward to `seq` (never back, never past the last message); answers the mark.
#[server(prefix = "/api", endpoint = "chat_mark_read", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn mark_read(conversation_id: Id, seq: i64) -> Result<i64, AppError> {
    let p = principal().await?;
    message::mark_read(&state()?, &p, conversation_id, seq).await
}

/// Recalls one of the caller's own messages within 2 minutes of sending it: it keeps its seq and loses its body.
#[server(prefix = "/api", endpoint = "chat_recall", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn recall_message(conversation_id: Id, seq: i64) -> Result<Message, AppError> {
    let p = principal().await?;
    message::recall(&state()?, &p, conversation_id, seq).await
}

/// A conversation as the caller sees it (with names and their unread count).
#[server(prefix = "/api", endpoint = "chat_conversation", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_conversation(conversation_id: Id) -> Result<ConversationSummary, AppError> {
    let p = principal().await?;
    list::summary(&state()?, &p, conversation_id).await
}

/// The agent's console lists: `current`, `unreplied`, or a desk's `queue`.
#[server(prefix = "/api", endpoint = "chat_agent_list", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_agent_conversations(
    tab: AgentTab,
    #[server(flatten)] desk: MaybeDeskArg,
) -> Result<Vec<ConversationSummary>, AppError> {
    let p = principal().await?;
    list::agent_list(&state()?, p.as_staff()?, tab, desk.desk_id).await
}

/// History by customer name or phone, paged (seed 000 find-history-sessions).
#[server(prefix = "/api", endpoint = "chat_history", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_history(
    filter: HistoryFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<ConversationSummary>, AppError> {
    let p = principal().await?;
    let staff = p.as_staff()?;
    let page = PageQuery::parse(page, size)?;
    list::history(&state()?, staff, &filter, page).await
}

/// The desks the calling agent serves (all for admins).
#[server(prefix = "/api", endpoint = "chat_my_roles", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_my_desks() -> Result<Vec<Desk>, AppError> {
    let p = principal().await?;
    admin::desks_of(&state()?, p.as_staff()?).await
}

/// An agent sets their own status (online, busy, offline); going online hands them queued conversations of their desks.
#[server(prefix = "/api", endpoint = "chat_set_status", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_agent_status(status: AgentStatus) -> Result<(), AppError> {
    let p = principal().await?;
    agent::set_agent_status(&state()?, p.as_staff()?, status).await?;
    Ok(())
}

/// The calling agent's own status and load.
#[server(prefix = "/api", endpoint = "chat_my_status", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_my_status() -> Result<Option<AgentLoad>, AppError> {
    let p = principal().await?;
    admin::own_load(&state()?, p.as_staff()?).await
}

/// An agent takes a queued conversation of a desk they serve (under their cap of concurrent conversations).
#[server(prefix = "/api", endpoint = "chat_claim", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn claim_conversation(conversation_id: Id) -> Result<Conversation, AppError> {
    let p = principal().await?;
    agent::claim(&state()?, p.as_staff()?, conversation_id).await
}

/// Resolves a queued or open conversation (a resolved one stays as it is); a system line records who ended it and when.
#[server(prefix = "/api", endpoint = "chat_resolve", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn resolve_conversation(conversation_id: Id) -> Result<Conversation, AppError> {
    let p = principal().await?;
    agent::resolve(&state()?, p.as_staff()?, conversation_id).await
}

/// Re-activates a resolved conversation, assigned to the caller (激活会话).
#[server(prefix = "/api", endpoint = "chat_reactivate", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn reactivate_conversation(conversation_id: Id) -> Result<Conversation, AppError> {
    let p = principal().await?;
    handover::reactivate(&state()?, p.as_staff()?, conversation_id).await
}

/// Hands a conversation to another agent of its desk or to another desk's queue, with an optional staff-only note.
#[server(prefix = "/api", endpoint = "chat_transfer", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn transfer_conversation(
    conversation_id: Id,
    to: TransferTo,
    note: Option<String>,
) -> Result<Conversation, AppError> {
    let p = principal().await?;
    let note = note.unwrap_or_default();
    transfer::transfer(&state()?, p.as_staff()?, conversation_id, &to, &note).await
}

/// A supervisor takes a conversation over from its agent (申请接管).
#[server(prefix = "/api", endpoint = "chat_take_over", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn take_over_conversation(conversation_id: Id) -> Result<Conversation, AppError> {
    let p = principal().await?;
    handover::take_over(&state()?, p.as_staff()?, conversation_id).await
}

/// Ends a takeover: the conversation goes back to the agent it came from, else to routing (终止接管).
#[server(prefix = "/api", endpoint = "chat_release", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn release_conversation(conversation_id: Id) -> Result<Conversation, AppError> {
    let p = principal().await?;
    handover::release(&state()?, p.as_staff()?, conversation_id).await
}

/// An agent starts a conversation with a customer (seed 000 客服发起会话).
#[server(prefix = "/api", endpoint = "chat_start", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn start_conversation(
    member_id: Id,
    #[server(flatten)] desk: DeskArg,
) -> Result<Conversation, AppError> {
    let p = principal().await?;
    handover::start_with_member(&state()?, p.as_staff()?, member_id, desk.desk_id).await
}

/// The agents of a desk with their load (seed 003 `accepted_case`).
#[server(prefix = "/api", endpoint = "chat_agents", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_desk_agents(
    #[server(flatten)] desk: DeskArg,
) -> Result<Vec<AgentLoad>, AppError> {
    let p = principal().await?;
    admin::desk_agents(&state()?, p.as_staff()?, desk.desk_id).await
}

/// Every agent with status, load and desks: the supervisors' board (admins).
#[server(prefix = "/api", endpoint = "chat_all_agents", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_all_agents() -> Result<Vec<AgentSetup>, AppError> {
    let p = principal().await?;
    admin::all_agents(&state()?, p.as_staff()?).await
}

/// Creates a service desk customers can choose (code, names, automatic reassignment).
#[server(prefix = "/api", endpoint = "chat_create_role", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn create_desk(input: DeskForCreate) -> Result<Desk, AppError> {
    let p = principal().await?;
    admin::create_desk(&state()?, p.as_staff()?, &input).await
}

/// Sets which desks a cs staff member serves and their cap of concurrent conversations.
#[server(prefix = "/api", endpoint = "chat_set_agent", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_agent_desks(
    staff_id: Id,
    #[server(flatten)] desks: DeskIdsArg,
    max_concurrent: i64,
) -> Result<(), AppError> {
    let p = principal().await?;
    let staff = p.as_staff()?;
    let ids = &desks.desk_ids;
    admin::set_agent_desks(&state()?, staff, staff_id, ids, max_concurrent).await?;
    Ok(())
}

/// Canned replies an agent may insert: those of the desks they serve and those for every desk.
#[server(prefix = "/api", endpoint = "chat_canned", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_canned_replies() -> Result<Vec<CannedReply>, AppError> {
    let p = principal().await?;
    admin::canned_replies(&state()?, p.as_staff()?).await
}

/// Creates a canned reply, for one desk or for every desk.
#[server(prefix = "/api", endpoint = "chat_create_canned", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn create_canned_reply(input: CannedReplyForCreate) -> Result<CannedReply, AppError> {
    let p = principal().await?;
    admin::create_canned(&state()?, p.as_staff()?, &input).await
}

/// Deletes a canned reply.
#[server(prefix = "/api", endpoint = "chat_delete_canned", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn delete_canned_reply(id: Id) -> Result<(), AppError> {
    let p = principal().await?;
    admin::delete_canned(&state()?, p.as_staff()?, id).await
}
