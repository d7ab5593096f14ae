//! The pane's messages: loaded over HTTP, then followed on the socket; what
//! is shown counts as read; messages still being sent under them.

use leptos::prelude::*;
use shipdesk::chat::{Message, SenderKind};
use shipdesk::Id;

use super::bubble::Bubble;
use crate::chat::api::list_messages;
use crate::chat::client::{use_chat, ChatStore};
use crate::chat::text as chat;
use crate::components::ErrorBanner;
use crate::i18n::t;
use crate::pricing::views::Portal;

/// The messages of `conv` by seq, scrolled to the newest. `side`: whose view
/// it is; `writable`: whether reading them moves the viewer's read mark.
#[component]
pub fn MessageList(
    conv: Id,
    side: SenderKind,
    writable: Signal<bool>,
    on_quote: Callback<i64>,
    portal: Portal,
) -> impl IntoView {
    let store = use_chat();
    let history = Resource::new(move || conv, |c| list_messages(c, 0, Some(200)));
    Effect::new(move |_| {
        if let Some(Ok(list)) = history.get() {
            store.add_messages(list);
            store.follow(conv);
        }
    });
    let messages = move || messages_of(store, conv);
    let other_read = Signal::derive(move || other_read(store, conv, side));
    // Reading: everything shown counts as read once it is on screen.
    Effect::new(move |prev: Option<i64>| {
        let last = messages().last().map(|m| m.seq).unwrap_or(0);
        let prev = prev.unwrap_or(0);
        if last > prev && writable.get_untracked() {
            store.mark_read(conv, last);
        }
        last.max(prev)
    });
    let list_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        messages();
        if let Some(el) = list_ref.get() {
            el.set_scroll_top(el.scroll_height());
        }
    });
    view! {
        <div
            node_ref=list_ref
            class="chat-messages flex-1 overflow-y-auto space-y-3 p-3 bg-slate-50"
        >
            {move || {
                history
                    .get()
                    .and_then(|r| r.err())
                    .map(|e| {
                        view! {
                            <ErrorBanner error=Signal::derive(move || Some(e.clone())) all=true />
                        }
                    })
            }}
            {move || {
                (messages().is_empty())
                    .then(|| {
                        view! {
                            <p class="chat-empty text-center text-sm text-slate-400 py-8">
                                {move || t(chat::NO_MESSAGES)}
                            </p>
                        }
                    })
            }}
            <For each=messages key=|m| (m.seq, m.recalled) let:msg>
                <Bubble
                    mine=msg.sender_kind == side
                    msg=msg
                    other_read=other_read
                    on_quote=on_quote
                    portal
                />
            </For>
            <Pending conv />
        </div>
    }
}

/// The viewer's messages on their way to the server.
#[component]
fn Pending(conv: Id) -> impl IntoView {
    let store = use_chat();
    move || {
        store.pending.with(|p| {
            p.values()
                .filter(|i| i.conversation_id == conv)
                .map(|i| {
                    view! {
                        <div class="msg-pending flex justify-end">
                            <div class="rounded-2xl px-3 py-2 text-sm bg-sky-200 text-sky-900 opacity-70">
                                {i.body.clone()}" · "{t(chat::SENDING)}
                            </div>
                        </div>
                    }
                })
                .collect_view()
        })
    }
}

fn messages_of(store: ChatStore, conv: Id) -> Vec<Message> {
    store.messages.with(|m| {
        m.get(&conv)
            .map(|b| b.values().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    })
}

/// The other side's read mark in `conv`.
fn other_read(store: ChatStore, conv: Id, side: SenderKind) -> i64 {
    store.reads.with(|r| {
        r.get(&conv)
            .map(|(member, staff)| {
                if side == SenderKind::Member {
                    *staff
                } else {
                    *member
                }
            })
            .unwrap_or(0)
    })
}
