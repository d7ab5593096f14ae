//! A console list: its conversations in their live order, each with
//! member, company, desk, status and unread badge.

use leptos::prelude::*;
use shipdesk::chat::ConversationSummary;
use shipdesk::Id;

use super::format::{desk_label, status_text};
use crate::chat::client::use_chat;
use crate::chat::live_list::{self, Order};
use crate::i18n::t;

/// A list's conversations in their live `order` (the current tab by latest
/// message, the unreplied one by who waits longest, others as fetched).
#[component]
pub fn ConversationList(
    items: Vec<ConversationSummary>,
    order: Signal<Order>,
    selected: RwSignal<Option<Id>>,
) -> impl IntoView {
    let store = use_chat();
    view! {
        <ul class="chat-list divide-y divide-slate-100">
            {move || {
                let order = order.get_untracked();
                let items = store
                    .messages
                    .with(|m| {
                        store.reads.with(|r| live_list::live(items.clone(), order, m, r))
                    });
                items.into_iter().map(|s| view! { <ListItem s selected /> }).collect_view()
            }}
        </ul>
    }
}

/// One conversation of a console list; a click selects it.
#[component]
fn ListItem(s: ConversationSummary, selected: RwSignal<Option<Id>>) -> impl IntoView {
    let id = s.conversation.id;
    let unread = s.unread;
    let status = s.conversation.status;
    let desk = desk_label(&s.desk_name_zh, &s.desk_name_en);
    view! {
        <li>
            <button
                type="button"
                class=move || {
                    format!(
                        "chat-item w-full text-left px-3 py-2 hover:bg-slate-50 {}",
                        if selected.get() == Some(id) { "bg-sky-50" } else { "" },
                    )
                }
                on:click=move |_| selected.set(Some(id))
            >
                <div class="flex items-center gap-2">
                    <span class="font-medium truncate flex-1">{s.member_name.clone()}</span>
                    {(unread > 0)
                        .then(|| {
                            view! {
                                <span class="unread-badge rounded-full bg-red-500 text-white text-xs px-2">
                                    {unread}
                                </span>
                            }
                        })}
                </div>
                <div class="text-xs text-slate-500 truncate">
                    {s.company_name.clone()}" · "{desk}" · "{move || t(status_text(status))}
                </div>
            </button>
        </li>
    }
}
