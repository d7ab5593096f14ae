//! The conversation pane shared by the portals and the console: the
//! messages, the status lines (typing, uploading, errors, reconnecting),
//! the ended bar, and the composer while the viewer may write.

use leptos::prelude::*;
use shipdesk::chat::{Conversation, ConversationStatus, SenderKind};
use shipdesk::Id;

use super::composer::Composer;
use super::ended_bar::EndedBar;
use super::message_list::MessageList;
use crate::chat::client::{now_ms, use_chat, ChatStore, TYPING_MS};
use crate::chat::text as chat;
use crate::i18n::{error_message, t};
use crate::pricing::views::Portal;

/// The messages of a conversation and a composer. `side`: whose view it is.
/// Loads the history over HTTP, then follows the conversation on the socket.
#[component]
pub fn ConversationPane(
    conversation_id: Id,
    side: SenderKind,
    /// Staff may write notes (visible to staff only).
    #[prop(default = false)]
    notes: bool,
    /// Extra quick texts (canned replies) offered above the composer.
    #[prop(optional, into)]
    canned: Option<Signal<Vec<(String, String)>>>,
    /// False when the viewer may read but not write (not their conversation).
    #[prop(into, default = Signal::stored(true))]
    writable: Signal<bool>,
    /// The conversation as the page loaded it: its read marks and status
    /// hold until live events move them.
    #[prop(optional)]
    seed: Option<Conversation>,
    /// Offered once the conversation has ended: the customer starts again,
    /// staff who may re-activate it do.
    #[prop(optional)]
    on_restart: Option<Callback<()>>,
    /// On a phone: no key names in the placeholder.
    #[prop(default = false)]
    mobile: bool,
) -> impl IntoView {
    let store = use_chat();
    let conv = conversation_id;
    let ended_at = ended_at(store, conv, seed);
    let quoting = RwSignal::new(None::<i64>);
    let uploading = RwSignal::new(false);
    let on_quote = Callback::new(move |seq: i64| quoting.set(Some(seq)));
    let customer = side == SenderKind::Member;
    let portal = match (side, mobile) {
        (SenderKind::Staff, _) => Portal::Admin,
        (_, true) => Portal::H5,
        (_, false) => Portal::Desk,
    };
    view! {
        <div class="chat-pane flex flex-col h-full min-h-0">
            <MessageList conv side writable on_quote portal />
            <StatusLines conv uploading />
            <EndedBar ended_at side on_restart />
            <Show
                when=move || writable.get() && ended_at.get().is_none()
                fallback=move || {
                    (ended_at.get().is_none())
                        .then(|| {
                            view! {
                                <p class="chat-read-only p-3 text-xs text-slate-500 border-t border-slate-200 bg-white">
                                    {move || t(chat::READ_ONLY)}
                                </p>
                            }
                        })
                }
            >
                <Composer conv notes canned mobile quoting uploading orders=customer />
            </Show>
        </div>
    }
}

/// When the conversation ended (0: unknown), as the newest of the loaded
/// copy (`seed`, whose read marks it also records) and the live events say;
/// None while it has not.
fn ended_at(store: ChatStore, conv: Id, seed: Option<Conversation>) -> Memo<Option<i64>> {
    let seeded = seed.map(|c| {
        store.seed_reads(conv, c.customer_read_seq, c.staff_read_seq);
        (c.updated_at, c.status, c.resolved_at)
    });
    Memo::new(move |_| {
        let live = store.conversations.with(|c| {
            c.get(&conv)
                .map(|c| (c.updated_at, c.status, c.resolved_at))
        });
        let newest = match (live, seeded) {
            (Some(l), Some(s)) if s.0 > l.0 => Some(s),
            (Some(l), _) => Some(l),
            (None, s) => s,
        };
        newest
            .filter(|(_, status, _)| *status == ConversationStatus::Resolved)
            .map(|(_, _, at)| at.map_or(0, |t| t.0))
    })
}

/// Under the messages: the other side typing, an upload under way, the
/// socket's last error, reconnecting.
#[component]
fn StatusLines(conv: Id, uploading: RwSignal<bool>) -> impl IntoView {
    let store = use_chat();
    let typing = move || {
        store
            .typing
            .with(|t| t.get(&conv).is_some_and(|at| now_ms() - at < TYPING_MS))
    };
    view! {
        <div class="chat-typing h-5 px-3 text-xs text-slate-400">
            {move || typing().then(|| t(chat::TYPING))}
            {move || uploading.get().then(|| t(chat::UPLOADING))}
        </div>
        {move || {
            store
                .error
                .get()
                .map(|k| {
                    view! {
                        <div class="chat-error mx-3 mb-1 rounded bg-red-50 text-red-700 text-xs px-2 py-1">
                            {t(error_message(k))}
                        </div>
                    }
                })
        }}
        {move || {
            (!store.connected.get())
                .then(|| {
                    view! {
                        <div class="chat-offline mx-3 mb-1 rounded bg-amber-50 text-amber-800 text-xs px-2 py-1">
                            {t(chat::RECONNECTING)}
                        </div>
                    }
                })
        }}
    }
}
