//! Opening a conversation and sending messages: the seq and the dedupe by
//! client id are decided in the one transaction that stores the message.

use sqlx::AnyConnection;

use crate::auth::{Member, Principal};
use crate::chat::card::{NumberedCard, OrderCard, QuoteCard};
use crate::chat::live::events;
use crate::chat::model::*;
use crate::chat::repo;
use crate::chat::routing::{check_access, Need, Sender};
use crate::chat::service::{agent, attachment, existing, limit, outbox};
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

/// The member's unresolved conversation in `desk_id`, or a new one routed to
/// an agent of the desk (or queued when none is free).
pub async fn open_conversation(
    state: &AppState,
    member: &Member,
    desk_id: Id,
) -> AppResult<Conversation> {
    repo::desk::by_id(&state.db, desk_id)
        .await?
        // `cs_role`: the API's name for a desk in its errors.
        .ok_or_else(|| AppError::not_found("cs_role"))?;
    if let Some(c) = repo::conversation::active(&state.db, member.id, desk_id).await? {
        return Ok(c);
    }
    let now = Timestamp(state.now());
    let conv = Conversation {
        id: new_id(),
        company_id: member.company_id,
        member_id: member.id,
        desk_id,
        status: ConversationStatus::Queued,
        assignee_staff_id: None,
        assigned_at: None,
        last_seq: 0,
        last_message_at: now,
        awaiting_since: None,
        customer_read_seq: 0,
        staff_read_seq: 0,
        created_at: now,
        updated_at: now,
        resolved_at: None,
    };
    if let Err(e) = insert_queued(state, &conv).await {
        // A concurrent open of the same desk won: answer with its conversation.
        return match e {
            AppError::Conflict { .. } => repo::conversation::active(&state.db, member.id, desk_id)
                .await?
                .ok_or(AppError::Internal),
            other => Err(other),
        };
    }
    let routed = agent::route(state, &conv, None).await?;
    let conv = existing(state, conv.id).await?;
    if !matches!(routed, agent::Routed::To(_)) {
        // Queued: the desk's agents see it arrive (an assignment told them already).
        events::conversation(state, &conv, None);
    }
    Ok(conv)
}

/// Stores a new conversation and its `conversation.queued` event.
async fn insert_queued(state: &AppState, conv: &Conversation) -> AppResult<()> {
    let mut tx = state.db.begin().await?;
    repo::conversation::insert(&mut *tx, conv).await?;
    outbox::conversation_changed(&mut tx, conv.id, conv.created_at.0).await?;
    tx.commit().await?;
    Ok(())
}

fn check_kind(sender: Sender, kind: MessageKind) -> AppResult<()> {
    let allowed = match kind {
        MessageKind::System => false,
        MessageKind::Note => sender.kind == SenderKind::Staff,
        _ => true,
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::validation(
            "kind",
            ErrorKey::MessageKindNotAllowed,
        ))
    }
}

/// A send from a person's client (the socket or the API): counted against
/// their per-minute limit (`limit::count_send`, RateLimited past it), then
/// stored as [`send_message`] does.
pub async fn send_from_client(
    state: &AppState,
    who: &Principal,
    input: &MessageForSend,
) -> AppResult<(Message, bool)> {
    limit::count_send(state, who).await?;
    send_message(state, who, input).await
}

/// Stores a message and returns it with `true`, or, for a resend of a
/// `client_id` this sender already used in the conversation, the stored
/// message with `false`. The seq is taken in the transaction that inserts the
/// message, so seqs are 1, 2, 3… without gaps. A member writing to a resolved
/// conversation re-opens it; it is routed again once the message is stored.
/// A quote card ([`QuoteCard`]) is stored as its number only, and only
/// when the sender may read the quote and it was saved for the
/// conversation's company (else an error on `quote`); an order card
/// ([`OrderCard`]) as its booking number, when the sender may read the
/// order (orders' policy) and it is the conversation's company's (else an
/// error on `order`).
pub async fn send_message(
    state: &AppState,
    who: &Principal,
    input: &MessageForSend,
) -> AppResult<(Message, bool)> {
    let client_id = parse_client_id(&input.client_id)?;
    let body = match input.kind {
        MessageKind::Image | MessageKind::File => {
            attachment::message_body(state, input.conversation_id, input.kind, &input.body).await?
        }
        _ => input.body.clone(),
    };
    let body = parse_message_body(input.kind, &body)?;
    let (body, card) = match input.kind {
        MessageKind::Card => card_of(state, who, body).await?,
        _ => (body, None),
    };
    match store_message(state, who, input, &client_id, body, false, card).await {
        Ok(Stored::Again(msg)) => Ok((msg, false)),
        Ok(Stored::New(msg, conv, reopened)) => {
            events::message(state, &conv, &msg);
            if reopened {
                reroute(state, &conv).await;
            }
            Ok((msg, true))
        }
        // Two sends of one client id raced past the lookup: the loser answers
        // with the winner's message.
        Err(e @ AppError::Conflict { .. }) => {
            let sender = sender_of(who);
            repo::message::by_client_id(
                &state.db,
                input.conversation_id,
                sender.kind,
                sender.id,
                &client_id,
            )
            .await?
            .map(|m| (m, false))
            .ok_or(e)
        }
        Err(e) => Err(e),
    }
}

/// A staff note written by the platform on `staff`'s behalf after they
/// acted (a transfer's reason, once the conversation is no longer theirs).
pub(super) async fn note_for(
    state: &AppState,
    staff: &crate::auth::Staff,
    conversation_id: Id,
    body: &str,
) -> AppResult<Message> {
    let who = Principal::Staff(staff.clone());
    let input = MessageForSend {
        conversation_id,
        client_id: format!("sys-{}", new_id()),
        kind: MessageKind::Note,
        body: body.to_owned(),
        reply_to_seq: None,
    };
    let body = parse_message_body(MessageKind::Note, body)?;
    match store_message(state, &who, &input, &input.client_id, body, true, None).await? {
        Stored::Again(m) => Ok(m),
        Stored::New(m, conv, _) => {
            events::message(state, &conv, &m);
            Ok(m)
        }
    }
}

/// Routes a conversation a member re-opened, and tells who needs to know.
async fn reroute(state: &AppState, conv: &Conversation) {
    match agent::route(state, conv, None).await {
        Ok(agent::Routed::To(_)) => {}
        Ok(_) => match existing(state, conv.id).await {
            Ok(now) => events::conversation(state, &now, conv.assignee_staff_id),
            Err(e) => tracing::warn!(error = %e, "reading a re-opened conversation failed"),
        },
        // The message is stored; the queue drain routes the conversation later.
        Err(e) => {
            tracing::warn!(error = %e, conversation = conv.id, "routing a reopened conversation failed")
        }
    }
}

fn sender_of(who: &Principal) -> Sender {
    match who {
        Principal::Member(m) => Sender {
            kind: SenderKind::Member,
            id: m.id,
        },
        Principal::Staff(s) => Sender {
            kind: SenderKind::Staff,
            id: s.id,
        },
    }
}

/// What a send knows of the quote or order its card names, found before
/// the transaction (their rules are pricing's and orders'): checked
/// against the conversation once the sender's access to it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CardOf {
    /// The card's field (`quote`, `order`), where its errors are reported.
    field: &'static str,
    owner: Owner,
    /// The error when it belongs to another company (or none).
    other_company: ErrorKey,
    /// The error when the sender may not read it.
    unknown: ErrorKey,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    /// The sender may read it; it is this company's (or nobody's).
    Company(Option<Id>),
    /// The sender may not read it, or it does not exist.
    Unreadable,
}

impl CardOf {
    fn new<C: NumberedCard>(
        found: AppResult<Option<Id>>,
        other_company: ErrorKey,
    ) -> AppResult<Self> {
        let owner = match found {
            Ok(company) => Owner::Company(company),
            Err(AppError::NotFound { .. } | AppError::Forbidden) => Owner::Unreadable,
            Err(e) => return Err(e),
        };
        Ok(CardOf {
            field: C::FIELD,
            owner,
            other_company,
            unknown: C::UNKNOWN,
        })
    }
}

/// A card's body as it is stored (a quote card: its number; an order card:
/// its booking number, whichever number it was sent with) and what the
/// sender may read of what it names; other cards as they are.
async fn card_of(
    state: &AppState,
    who: &Principal,
    body: String,
) -> AppResult<(String, Option<CardOf>)> {
    if let Some(card) = QuoteCard::of_body(&body)? {
        let found = crate::pricing::service::get_quote(state, who, &card.number).await;
        let of = CardOf::new::<QuoteCard>(
            found.map(|q| q.company_id),
            ErrorKey::MessageQuoteOtherCompany,
        )?;
        return Ok((card.body(), Some(of)));
    }
    if let Some(card) = OrderCard::of_body(&body)? {
        let found = crate::orders::service::find_order_brief(state, who, &card.number).await;
        let (card, found) = match found {
            Ok(o) => (OrderCard { number: o.number }, Ok(Some(o.company_id))),
            Err(e) => (card, Err(e)),
        };
        let of = CardOf::new::<OrderCard>(found, ErrorKey::MessageOrderOtherCompany)?;
        return Ok((card.body(), Some(of)));
    }
    Ok((body, None))
}

/// A card goes only into a conversation of its quote's or order's company.
fn check_card(card: Option<CardOf>, conv: &Conversation) -> AppResult<()> {
    let Some(card) = card else {
        return Ok(());
    };
    match card.owner {
        Owner::Company(Some(c)) if c == conv.company_id => Ok(()),
        Owner::Company(_) => Err(AppError::validation(card.field, card.other_company)),
        Owner::Unreadable => Err(AppError::validation(card.field, card.unknown)),
    }
}

/// What a send finds once the conversation is locked.
enum Found {
    /// This sender already used the client id: the stored message.
    Stored(Message),
    New(Conversation, Sender),
}

async fn check_send(
    conn: &mut AnyConnection,
    who: &Principal,
    input: &MessageForSend,
    client_id: &str,
    trusted: bool,
    card: Option<CardOf>,
) -> AppResult<Found> {
    let conv = repo::conversation::by_id(&mut *conn, input.conversation_id)
        .await?
        .ok_or_else(|| AppError::not_found("conversation"))?;
    let sender = if trusted {
        sender_of(who)
    } else {
        check_access(who, &conv, Need::Act, false)?
    };
    check_kind(sender, input.kind)?;
    let stored =
        repo::message::by_client_id(&mut *conn, conv.id, sender.kind, sender.id, client_id).await?;
    if let Some(m) = stored {
        return Ok(Found::Stored(m));
    }
    if let Some(r) = input.reply_to_seq {
        // Quoting needs an existing message the sender may see.
        let target = repo::message::by_seq(&mut *conn, conv.id, r).await?;
        if !target.is_some_and(|t| sender.kind == SenderKind::Staff || t.kind != MessageKind::Note)
        {
            return Err(AppError::validation(
                "reply_to_seq",
                ErrorKey::MessageReplyMissing,
            ));
        }
    }
    if conv.status == ConversationStatus::Resolved && sender.kind == SenderKind::Staff {
        return Err(AppError::validation(
            "conversation_id",
            ErrorKey::ConversationResolved,
        ));
    }
    check_card(card, &conv)?;
    Ok(Found::New(conv, sender))
}

/// What `store_message` did.
enum Stored {
    /// The client id was used already: the stored message.
    Again(Message),
    /// A new message in the conversation (as it was before), which it re-opened.
    New(Message, Conversation, bool),
}

/// The transaction of `send_message`.
async fn store_message(
    state: &AppState,
    who: &Principal,
    input: &MessageForSend,
    client_id: &str,
    body: String,
    trusted: bool,
    card: Option<CardOf>,
) -> AppResult<Stored> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    if !repo::conversation::lock(&mut *tx, input.conversation_id).await? {
        return Err(AppError::not_found("conversation"));
    }
    let (conv, sender) = match check_send(&mut tx, who, input, client_id, trusted, card).await? {
        Found::Stored(m) => return Ok(Stored::Again(m)),
        Found::New(conv, sender) => (conv, sender),
    };
    let reopened = conv.status == ConversationStatus::Resolved;
    if reopened {
        repo::assignment::reopen(&mut *tx, conv.id, now)
            .await
            .map_err(|e| match e {
                AppError::Conflict { .. } => {
                    AppError::validation("conversation_id", ErrorKey::ConversationOtherActive)
                }
                other => other,
            })?;
        outbox::conversation_changed(&mut tx, conv.id, now).await?;
    }
    let msg = Message {
        id: new_id(),
        conversation_id: conv.id,
        seq: repo::conversation::next_seq(&mut *tx, conv.id, sender.kind, input.kind, now).await?,
        sender_kind: sender.kind,
        sender_id: sender.id,
        client_id: client_id.to_owned(),
        kind: input.kind,
        body,
        reply_to_seq: input.reply_to_seq,
        recalled: false,
        created_at: Timestamp(now),
    };
    repo::message::insert(&mut *tx, &msg).await?;
    outbox::message_created(&mut tx, &msg).await?;
    tx.commit().await?;
    Ok(Stored::New(msg, conv, reopened))
}

/// Writes a system line into a conversation inside the caller's
/// transaction (which holds the conversation's lock): `event` and the name
/// of the staff member whose action it records, as JSON the clients render
/// in their reader's language (`{"event":"resolved","by":"小林"}`).
pub async fn system_line(
    conn: &mut AnyConnection,
    conversation_id: Id,
    staff: &crate::auth::Staff,
    event: &str,
    now: i64,
) -> AppResult<Message> {
    let body = serde_json::json!({ "event": event, "by": staff.name });
    system_message(conn, conversation_id, staff, event, body, now).await
}

/// As [`system_line`], with `body` (a JSON object naming `event` and `by`,
/// and whatever else the event carries) as the line.
pub(super) async fn system_message(
    conn: &mut AnyConnection,
    conversation_id: Id,
    staff: &crate::auth::Staff,
    event: &str,
    body: serde_json::Value,
    now: i64,
) -> AppResult<Message> {
    let seq = repo::conversation::next_seq(
        &mut *conn,
        conversation_id,
        SenderKind::System,
        MessageKind::System,
        now,
    )
    .await?;
    let msg = Message {
        id: new_id(),
        conversation_id,
        seq,
        sender_kind: SenderKind::System,
        sender_id: staff.id,
        client_id: format!("{event}-{seq}"),
        kind: MessageKind::System,
        body: body.to_string(),
        reply_to_seq: None,
        recalled: false,
        created_at: Timestamp(now),
    };
    repo::message::insert(&mut *conn, &msg).await?;
    outbox::message_created(conn, &msg).await?;
    Ok(msg)
}
