//! The customer's chat before a conversation is open: the desks to choose
//! from and their earlier conversations.

use leptos::prelude::*;
use shipdesk::chat::{Conversation, ConversationSummary, Desk};
use shipdesk::{AppError, Id};

use super::format::{day_time_of, desk_label, desk_name, preview_of, status_text};
use crate::chat::text as chat;
use crate::components::{action_error, ErrorBanner, LoadedList};
use crate::i18n::t;

/// The desk picker and the customer's earlier conversations.
#[component]
pub fn Picker(
    desks: Resource<Result<Vec<Desk>, AppError>>,
    mine: Resource<Result<Vec<ConversationSummary>, AppError>>,
    open: Action<Id, Result<Conversation, AppError>>,
    current_id: RwSignal<Option<Id>>,
) -> impl IntoView {
    view! {
        <div class="flex-1 overflow-y-auto p-4 space-y-5">
            <section>
                <h2 class="text-sm text-slate-500 mb-2">{move || t(chat::CHOOSE_DESK)}</h2>
                <LoadedList
                    resource=desks
                    empty=chat::NO_DESKS
                    children={move |list: Vec<Desk>| view! { <DeskButtons list open /> }}
                />
                <div class="mt-2">
                    <ErrorBanner error=action_error(open) all=true />
                </div>
            </section>
            <section>
                <h2 class="text-sm text-slate-500 mb-2">{move || t(chat::MY_CONVERSATIONS)}</h2>
                <LoadedList
                    resource=mine
                    empty=chat::NONE_YET
                    quiet=true
                    children={move |list: Vec<ConversationSummary>| {
                        view! {
                            <ul class="chat-history divide-y divide-slate-100 rounded-xl border border-slate-200">
                                {list
                                    .into_iter()
                                    .map(|s| view! { <MineItem s current_id /> })
                                    .collect_view()}
                            </ul>
                        }
                    }}
                />
            </section>
        </div>
    }
}

/// A button per desk; a click opens a conversation there.
#[component]
fn DeskButtons(list: Vec<Desk>, open: Action<Id, Result<Conversation, AppError>>) -> impl IntoView {
    view! {
        <div class="chat-roles grid grid-cols-2 gap-3">
            {list
                .into_iter()
                .map(|d| {
                    let id = d.id;
                    view! {
                        <button
                            type="button"
                            class="chat-role rounded-xl border border-sky-200 bg-sky-50 px-3 py-4 text-sky-800 font-medium hover:bg-sky-100 disabled:opacity-50"
                            disabled=move || open.pending().get()
                            on:click=move |_| {
                                open.dispatch(id);
                            }
                        >
                            {move || desk_label(&d.name_zh, &d.name_en)}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// One of the customer's conversations: desk, status, the last message and
/// its time, the unread count.
#[component]
fn MineItem(s: ConversationSummary, current_id: RwSignal<Option<Id>>) -> impl IntoView {
    let id = s.conversation.id;
    let unread = s.unread;
    let status = s.conversation.status;
    let preview = s.last_message.as_ref().map(preview_of).unwrap_or_default();
    let at = s
        .last_message
        .as_ref()
        .map_or(s.conversation.last_message_at.0, |m| m.created_at.0);
    view! {
        <li>
            <button
                type="button"
                class="chat-mine w-full text-left px-3 py-3 flex items-center gap-2 hover:bg-slate-50"
                on:click=move |_| current_id.set(Some(id))
            >
                <span class="flex-1 min-w-0">
                    <span class="flex items-center gap-2">
                        <span class="font-medium">{desk_name(&s)}</span>
                        <span class="text-xs text-slate-400">{move || t(status_text(status))}</span>
                        <span class="mine-time ml-auto text-xs text-slate-400">
                            {day_time_of(at)}
                        </span>
                    </span>
                    <span class="mine-last block truncate text-sm text-slate-500">{preview}</span>
                </span>
                {(unread > 0)
                    .then(|| {
                        view! {
                            <span class="unread-badge rounded-full bg-red-500 text-white text-xs px-2">
                                {unread}
                            </span>
                        }
                    })}
            </button>
        </li>
    }
}
