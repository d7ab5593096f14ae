//! Server functions of chat. Members open conversations in a CS role and
//! read their own; agents (cs) and supervisors (admin) work the lists, the
//! queue and hand-overs. Live traffic goes over the socket (`/ws`); these
//! calls are the typed API for the same actions and for reading history.

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::chat::{
    AgentLoad, AgentSetup, AgentStatus, CannedReply, CannedReplyForCreate, Conversation,
    ConversationSummary, CsRole, CsRoleForCreate, HistoryFilter, Message, MessageForSend,
    TransferTo,
};
use shipdesk::{AppError, Id, Page};

#[cfg(feature = "ssr")]
use {
    crate::server::*,
    shipdesk::auth::{Role, Staff},
    shipdesk::chat::{admin, agents, handover, lists, send, service},
    shipdesk::AppResult,
    shipdesk::PageQuery,
};

#[cfg(feature = "ssr")]
const CHAT_STAFF: &[Role] = &[Role::Cs, Role::Admin];

#[cfg(feature = "ssr")]
async fn chat_staff() -> AppResult<Staff> {
    Ok(principal().await?.require_staff(CHAT_STAFF)?.clone())
}

/// The CS roles (售前, 售后, 财务…): anyone signed in may list them.
#[server(prefix = "/api", endpoint = "chat_roles", input = Json)]
pub async fn chat_roles() -> Result<Vec<CsRole>, AppError> {
    respond(
        async {
            principal().await?;
            admin::list_cs_roles(&state()?).await
        }
        .await,
    )
}

/// A member's conversation in a role: their unresolved one, or a new one.
#[server(prefix = "/api", endpoint = "chat_open", input = Json)]
pub async fn chat_open(role_id: Id) -> Result<Conversation, AppError> {
    respond(
        async {
            let p = principal().await?;
            send::open_conversation(&state()?, p.require_member()?, role_id).await
        }
        .await,
    )
}

/// The member's conversations, latest first.
#[server(prefix = "/api", endpoint = "chat_my_conversations", input = Json)]
pub async fn chat_my_conversations() -> Result<Vec<ConversationSummary>, AppError> {
    respond(
        async {
            let p = principal().await?;
            lists::member_conversations(&state()?, p.require_member()?).await
        }
        .await,
    )
}

/// Messages after `after_seq` (at most 200) of a conversation the caller may read.
#[server(prefix = "/api", endpoint = "chat_messages", input = Json)]
pub async fn chat_messages(
    conversation_id: Id,
    after_seq: i64,
    limit: Option<i64>,
) -> Result<Vec<Message>, AppError> {
    respond(
        async {
            let p = principal().await?;
            service::messages_after(
                &state()?,
                &p,
                conversation_id,
                after_seq,
                limit.unwrap_or(service::MAX_READ),
            )
            .await
        }
        .await,
    )
}

/// Sends a message (the socket's `send`, for API consumers). Returns the
/// stored message and whether it is new (false: a resend of its client id).
/// Counted against the caller's per-minute send limit (429 past it).
#[server(prefix = "/api", endpoint = "chat_send", input = Json)]
pub async fn chat_send(input: MessageForSend) -> Result<(Message, bool), AppError> {
    respond(
        async {
            let p = principal().await?;
            send::send_from_client(&state()?, &p, &input).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_mark_read", input = Json)]
pub async fn chat_mark_read(conversation_id: Id, seq: i64) -> Result<i64, AppError> {
    respond(
        async {
            let p = principal().await?;
            service::mark_read(&state()?, &p, conversation_id, seq).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_recall", input = Json)]
pub async fn chat_recall(conversation_id: Id, seq: i64) -> Result<Message, AppError> {
    respond(
        async {
            let p = principal().await?;
            service::recall(&state()?, &p, conversation_id, seq).await
        }
        .await,
    )
}

/// A conversation as the caller sees it (with names and their unread count).
#[server(prefix = "/api", endpoint = "chat_conversation", input = Json)]
pub async fn chat_conversation(conversation_id: Id) -> Result<ConversationSummary, AppError> {
    respond(
        async {
            let p = principal().await?;
            lists::summary(&state()?, &p, conversation_id).await
        }
        .await,
    )
}

/// The agent's console lists: `current`, `unreplied`, or a role's `queue`.
#[server(prefix = "/api", endpoint = "chat_agent_list", input = Json)]
pub async fn chat_agent_list(
    tab: String,
    role_id: Option<Id>,
) -> Result<Vec<ConversationSummary>, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            let state = state()?;
            match (tab.as_str(), role_id) {
                ("current", _) => lists::agent_conversations(&state, &staff).await,
                ("unreplied", _) => lists::unreplied(&state, &staff).await,
                ("queue", Some(r)) => lists::role_queue(&state, &staff, r).await,
                ("queue", None) => Err(AppError::validation(
                    "role_id",
                    shipdesk::ErrorKey::FieldRequired,
                )),
                _ => Err(AppError::validation(
                    "tab",
                    shipdesk::ErrorKey::ChatTabInvalid,
                )),
            }
        }
        .await,
    )
}

/// History by customer name or phone, paged (seed 000 find-history-sessions).
#[server(prefix = "/api", endpoint = "chat_history", input = Json)]
pub async fn chat_history(
    filter: HistoryFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<ConversationSummary>, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            let page = PageQuery::parse(page, size)?;
            lists::history(&state()?, &staff, &filter, page).await
        }
        .await,
    )
}

/// The roles the calling agent serves (all for admins).
#[server(prefix = "/api", endpoint = "chat_my_roles", input = Json)]
pub async fn chat_my_roles() -> Result<Vec<CsRole>, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            admin::roles_of(&state()?, &staff).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_set_status", input = Json)]
pub async fn chat_set_status(status: AgentStatus) -> Result<(), AppError> {
    respond(
        async {
            let p = principal().await?;
            let staff = p.require_staff(&[Role::Cs])?;
            agents::set_agent_status(&state()?, staff, status).await?;
            Ok(())
        }
        .await,
    )
}

/// The calling agent's own status and load.
#[server(prefix = "/api", endpoint = "chat_my_status", input = Json)]
pub async fn chat_my_status() -> Result<Option<AgentLoad>, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            admin::own_load(&state()?, &staff).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_claim", input = Json)]
pub async fn chat_claim(conversation_id: Id) -> Result<Conversation, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            agents::claim(&state()?, &staff, conversation_id).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_resolve", input = Json)]
pub async fn chat_resolve(conversation_id: Id) -> Result<Conversation, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            agents::resolve(&state()?, &staff, conversation_id).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_reactivate", input = Json)]
pub async fn chat_reactivate(conversation_id: Id) -> Result<Conversation, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            handover::reactivate(&state()?, &staff, conversation_id).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_transfer", input = Json)]
pub async fn chat_transfer(
    conversation_id: Id,
    to: TransferTo,
    note: Option<String>,
) -> Result<Conversation, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            let note = note.unwrap_or_default();
            handover::transfer(&state()?, &staff, conversation_id, &to, &note).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_take_over", input = Json)]
pub async fn chat_take_over(conversation_id: Id) -> Result<Conversation, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            handover::take_over(&state()?, &staff, conversation_id).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_release", input = Json)]
pub async fn chat_release(conversation_id: Id) -> Result<Conversation, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            handover::release(&state()?, &staff, conversation_id).await
        }
        .await,
    )
}

/// An agent starts a conversation with a customer (seed 000 客服发起会话).
#[server(prefix = "/api", endpoint = "chat_start", input = Json)]
pub async fn chat_start(member_id: Id, role_id: Id) -> Result<Conversation, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            handover::start_with_member(&state()?, &staff, member_id, role_id).await
        }
        .await,
    )
}

/// The agents of a role with their load (seed 003 `accepted_case`).
#[server(prefix = "/api", endpoint = "chat_agents", input = Json)]
pub async fn chat_agents(role_id: Id) -> Result<Vec<AgentLoad>, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            admin::role_agents(&state()?, &staff, role_id).await
        }
        .await,
    )
}

/// Every agent with status, load and roles: the supervisors' board (admins).
#[server(prefix = "/api", endpoint = "chat_all_agents", input = Json)]
pub async fn chat_all_agents() -> Result<Vec<AgentSetup>, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            admin::all_agents(&state()?, &staff).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_create_role", input = Json)]
pub async fn chat_create_role(input: CsRoleForCreate) -> Result<CsRole, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            admin::create_cs_role(&state()?, &staff, &input).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_set_agent", input = Json)]
pub async fn chat_set_agent(
    staff_id: Id,
    role_ids: Vec<Id>,
    max_concurrent: i64,
) -> Result<(), AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            admin::set_agent_roles(&state()?, &staff, staff_id, &role_ids, max_concurrent).await?;
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_canned", input = Json)]
pub async fn chat_canned() -> Result<Vec<CannedReply>, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            admin::canned_replies(&state()?, &staff).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_create_canned", input = Json)]
pub async fn chat_create_canned(input: CannedReplyForCreate) -> Result<CannedReply, AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            admin::create_canned(&state()?, &staff, &input).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "chat_delete_canned", input = Json)]
pub async fn chat_delete_canned(id: Id) -> Result<(), AppError> {
    respond(
        async {
            let staff = chat_staff().await?;
            admin::delete_canned(&state()?, &staff, id).await
        }
        .await,
    )
}
