//! Under the customer's chat header: their place in the queue, or who
//! serves them.

use leptos::prelude::*;
use shipdesk::chat::{ConversationStatus, ConversationSummary};

use crate::chat::text as chat;
use crate::i18n::t;

/// Under the header: the customer's place in the queue, or who serves them.
#[component]
pub fn ServingLine(current: Memo<Option<ConversationSummary>>) -> impl IntoView {
    move || {
        let s = current.get()?;
        let text = match s.conversation.status {
            ConversationStatus::Queued => match s.queue_ahead {
                Some(n) => chat::queued_place(n),
                None => t(chat::QUEUED_WAIT).to_owned(),
            },
            ConversationStatus::Open => chat::served_by(s.assignee_name.as_deref()?),
            ConversationStatus::Resolved => return None,
        };
        Some(
            view! { <p class="chat-serving shrink-0 bg-sky-50 text-sky-800 text-xs px-4 py-1.5">{text}</p> },
        )
    }
}
