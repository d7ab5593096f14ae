//! A conversation's messages as partner systems read them (seed 002's
//! 读取聊天记录): paged, after a seq for an incremental sync, within a time
//! window. Staff notes stay inside, as they do for the outbox's events. The
//! page comes with what a reader needs beside it (the conversation as the
//! caller sees it, its desk, the messages it quotes, the staff who wrote
//! it, the saved quotes and the orders its cards name, read as the caller
//! may read them now: an order's current status), so an adapter only maps.

use crate::auth::{repo as auth_repo, Principal, Staff};
use std::future::Future;

use crate::chat::card::{NumberedCard, OrderCard, QuoteCard};
use crate::chat::model::*;
use crate::chat::policy::CHAT_STAFF;
use crate::chat::repo;
use crate::chat::service::list;
use crate::error::{AppError, AppResult};
use crate::orders::{service as orders, OrderBrief};
use crate::pricing::{service as pricing, SavedQuote};
use crate::state::AppState;
use crate::types::{Id, PageQuery};
use crate::ErrorKey;

/// One page of a conversation's messages and what they refer to.
#[derive(Debug, Clone, PartialEq)]
pub struct Transcript {
    /// The conversation as the caller sees it (phones masked unless admin).
    pub summary: ConversationSummary,
    pub desk: Desk,
    /// In seq order, notes left out.
    pub messages: Vec<Message>,
    /// The messages those reply to (`reply_to_seq`), notes left out.
    pub quoted: Vec<Message>,
    /// The staff who wrote the messages or whose action a system line records.
    pub staff: Vec<Staff>,
    /// The saved quotes the page's quote cards (and the cards they reply
    /// to) name, those the caller may read.
    pub quotes: Vec<SavedQuote>,
    /// The orders the page's order cards (and the cards they reply to)
    /// name, those the caller may read, as they are now.
    pub orders: Vec<OrderBrief>,
}

impl Transcript {
    pub fn quoted(&self, seq: i64) -> Option<&Message> {
        self.quoted.iter().find(|m| m.seq == seq)
    }
    pub fn staff(&self, id: Id) -> Option<&Staff> {
        self.staff.iter().find(|s| s.id == id)
    }
    pub fn quote(&self, number: &str) -> Option<&SavedQuote> {
        self.quotes.iter().find(|q| q.number == number)
    }
    pub fn order(&self, number: &str) -> Option<&OrderBrief> {
        self.orders.iter().find(|o| o.number == number)
    }
}

/// A page of the messages of a conversation `staff` may read (admins: any;
/// an agent: those assigned to them or of the desks they serve), after
/// `f.after_seq`, sent within `f.from_ms..=f.to_ms`.
pub async fn transcript(
    state: &AppState,
    staff: &Staff,
    conversation_id: Id,
    f: &MessageFilter,
    page: PageQuery,
) -> AppResult<Transcript> {
    staff.require(CHAT_STAFF)?;
    if f.after_seq < 0 {
        return Err(AppError::validation(
            "after_seq",
            ErrorKey::MessageSeqInvalid,
        ));
    }
    let summary = list::summary(state, &Principal::Staff(staff.clone()), conversation_id).await?;
    let desk = repo::desk::by_id(&state.db, summary.conversation.desk_id)
        .await?
        .ok_or(AppError::Internal)?;
    let window = (f.from_ms.unwrap_or(0), f.to_ms.unwrap_or(i64::MAX));
    let messages =
        repo::message::export_page(&state.db, conversation_id, f.after_seq, window, page).await?;
    let mut quoted: Vec<Message> = vec![];
    for seq in messages.iter().filter_map(|m| m.reply_to_seq) {
        if quoted.iter().any(|q| q.seq == seq) {
            continue;
        }
        let found = repo::message::by_seq(&state.db, conversation_id, seq).await?;
        quoted.extend(found.filter(|q| q.kind != MessageKind::Note));
    }
    let mut staff_ids: Vec<Id> = messages
        .iter()
        .filter(|m| m.sender_kind != SenderKind::Member)
        .map(|m| m.sender_id)
        .collect();
    staff_ids.sort_unstable();
    staff_ids.dedup();
    let mut writers = vec![];
    for id in staff_ids {
        writers.extend(auth_repo::staff_by_id(&state.db, id).await?);
    }
    let who = &Principal::Staff(staff.clone());
    let cards: Vec<&Message> = messages.iter().chain(&quoted).collect();
    let quotes = named::<QuoteCard, _, _, _>(
        &cards,
        |q: &SavedQuote| &q.number,
        |n| async move { pricing::get_quote(state, who, &n).await },
    )
    .await?;
    let orders = named::<OrderCard, _, _, _>(
        &cards,
        |o: &OrderBrief| &o.number,
        |n| async move { orders::find_order_brief(state, who, &n).await },
    )
    .await?;
    Ok(Transcript {
        summary,
        desk,
        messages,
        quoted,
        staff: writers,
        quotes,
        orders,
    })
}

/// What the `C` cards among `messages` name, each read once by `read`
/// (its number), those the caller may read (`number_of` matches them).
async fn named<C, T, F, Fut>(
    messages: &[&Message],
    number_of: impl Fn(&T) -> &str,
    read: F,
) -> AppResult<Vec<T>>
where
    C: NumberedCard,
    F: Fn(String) -> Fut,
    Fut: Future<Output = AppResult<T>>,
{
    let mut found: Vec<T> = vec![];
    let mut unreadable: Vec<String> = vec![];
    for card in messages.iter().filter_map(|m| C::of(m)) {
        let number = card.number();
        if found.iter().any(|t| number_of(t) == number) || unreadable.iter().any(|u| u == number) {
            continue;
        }
        match read(number.to_owned()).await {
            Ok(t) => found.push(t),
            Err(AppError::NotFound { .. } | AppError::Forbidden) => {
                unreadable.push(number.to_owned())
            }
            Err(e) => return Err(e),
        }
    }
    Ok(found)
}
