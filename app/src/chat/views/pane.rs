//! The conversation pane shared by the portals and the console: messages by
//! seq, read marks, quoting, recall, typing, attachments, and the composer.

use leptos::prelude::*;
use shipdesk::chat::wire::ClientMsg;
use shipdesk::chat::{Conversation, ConversationStatus, MessageKind, SenderKind};
use shipdesk::Id;

use super::bubble::Bubble;
use super::format::time_of;
use crate::chat::api::list_messages;
use crate::chat::client::{now_ms, send, use_chat, TYPING_MS};
use crate::chat::text as chat;
use crate::components::ErrorBanner;
use crate::i18n::{error_message, t};

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
    let seeded = seed.map(|c| {
        store.seed_reads(conv, c.customer_read_seq, c.staff_read_seq);
        (c.updated_at, c.status, c.resolved_at)
    });
    // Ended: as the newest of the loaded copy and the live events say.
    let ended_at = Memo::new(move |_| {
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
    });
    let history = Resource::new(move || conv, |c| list_messages(c, 0, Some(200)));
    Effect::new(move |_| {
        if let Some(Ok(list)) = history.get() {
            store.add_messages(list);
            store.follow(conv);
        }
    });
    let messages = move || {
        store.messages.with(|m| {
            m.get(&conv)
                .map(|b| b.values().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let other_read = Signal::derive(move || {
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
    });
    // Reading: everything shown counts as read once it is on screen.
    Effect::new(move |prev: Option<i64>| {
        let last = messages().last().map(|m| m.seq).unwrap_or(0);
        let prev = prev.unwrap_or(0);
        if last > prev && writable.get_untracked() {
            store.mark_read(conv, last);
        }
        last.max(prev)
    });
    let typing = move || {
        store
            .typing
            .with(|t| t.get(&conv).is_some_and(|at| now_ms() - at < TYPING_MS))
    };
    let draft = RwSignal::new(String::new());
    let quoting = RwSignal::new(None::<i64>);
    let as_note = RwSignal::new(false);
    let last_typing = StoredValue::new(0.0f64);
    let on_quote = Callback::new(move |seq: i64| quoting.set(Some(seq)));
    let submit = move || {
        let body = draft.get_untracked().trim().to_owned();
        if body.is_empty() {
            return;
        }
        let kind = if as_note.get_untracked() {
            MessageKind::Note
        } else {
            MessageKind::Text
        };
        store.send_text(conv, kind, body, quoting.get_untracked());
        draft.set(String::new());
        quoting.set(None);
    };
    let uploading = RwSignal::new(false);
    let on_file = move |e: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            uploading.set(true);
            leptos::task::spawn_local(async move {
                match crate::chat::client::upload(conv, file).await {
                    Ok(att) => {
                        let mime = att["mime"].as_str().unwrap_or("");
                        let kind = if mime.starts_with("image/") {
                            MessageKind::Image
                        } else {
                            MessageKind::File
                        };
                        let key = att["key"].as_str().unwrap_or("").to_owned();
                        store.send_text(conv, kind, key, None);
                    }
                    Err(k) => store.error.set(Some(k)),
                }
                uploading.set(false);
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (e, uploading);
    };
    let list_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        messages();
        if let Some(el) = list_ref.get() {
            el.set_scroll_top(el.scroll_height());
        }
    });
    view! {
        <div class="chat-pane flex flex-col h-full min-h-0">
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
                                <ErrorBanner
                                    error=Signal::derive(move || Some(e.clone()))
                                    all=true
                                />
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
                    />
                </For>
                {move || {
                    store
                        .pending
                        .with(|p| {
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
                }}
            </div>
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
            {move || {
                ended_at
                    .get()
                    .map(|at| {
                        view! {
                            <div class="chat-ended flex items-center justify-between gap-2 p-3 text-sm text-slate-600 border-t border-slate-200 bg-slate-50">
                                <span>
                                    {move || t(chat::ENDED)}
                                    {(at > 0).then(|| format!("（{}）", time_of(at)))}
                                </span>
                                {on_restart
                                    .map(|cb| {
                                        view! {
                                            <button
                                                type="button"
                                                class="chat-restart shrink-0 rounded-lg bg-sky-600 px-4 py-2 text-white"
                                                on:click=move |_| cb.run(())
                                            >
                                                {move || {
                                                    t(
                                                        if side == SenderKind::Member {
                                                            chat::START_AGAIN
                                                        } else {
                                                            chat::REACTIVATE
                                                        },
                                                    )
                                                }}
                                            </button>
                                        }
                                    })}
                            </div>
                        }
                    })
            }}
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
                <div class="chat-composer border-t border-slate-200 bg-white p-2 space-y-2">
                    {move || {
                        quoting
                            .get()
                            .map(|q| {
                                view! {
                                    <div class="flex items-center justify-between text-xs bg-slate-100 rounded px-2 py-1">
                                        <span>{chat::quoting(q)}</span>
                                        <button type="button" on:click=move |_| quoting.set(None)>
                                            "×"
                                        </button>
                                    </div>
                                }
                            })
                    }}
                    {canned
                        .map(|c| {
                            view! {
                                <div class="chat-canned flex gap-1 overflow-x-auto">
                                    {move || {
                                        c.get()
                                            .into_iter()
                                            .map(|(title, body)| {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="shrink-0 rounded-full border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
                                                        on:click=move |_| draft.set(body.clone())
                                                    >
                                                        {title}
                                                    </button>
                                                }
                                            })
                                            .collect_view()
                                    }}
                                </div>
                            }
                        })}
                    <form
                        class="flex gap-2 items-end"
                        on:submit=move |e| {
                            e.prevent_default();
                            submit();
                        }
                    >
                        {notes
                            .then(|| {
                                view! {
                                    <label class="chat-note-toggle flex items-center gap-1 text-xs text-amber-700 shrink-0">
                                        <input
                                            type="checkbox"
                                            prop:checked=move || as_note.get()
                                            on:change=move |e| as_note.set(event_target_checked(&e))
                                        />
                                        {move || t(chat::AS_NOTE)}
                                    </label>
                                }
                            })}
                        <label
                            class="chat-attach shrink-0 cursor-pointer rounded-lg border border-slate-300 px-2 py-2 text-sm text-slate-600 hover:bg-slate-50"
                            title=move || t(chat::ATTACH)
                        >
                            "📎"
                            <input
                                type="file"
                                class="hidden"
                                accept="image/*,.pdf,.xlsx,.docx,.zip,.csv,.txt"
                                on:change=move |e| on_file(e)
                            />
                        </label>
                        <textarea
                            class="chat-input flex-1 resize-none rounded-lg border border-slate-300 px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500"
                            rows="1"
                            maxlength="5000"
                            placeholder=move || t(
                                if mobile { chat::PLACEHOLDER_PHONE } else { chat::PLACEHOLDER },
                            )
                            prop:value=move || draft.get()
                            on:input=move |e| {
                                draft.set(event_target_value(&e));
                                let now = now_ms();
                                if now - last_typing.get_value() > 2_000.0 {
                                    last_typing.set_value(now);
                                    send(ClientMsg::Typing {
                                        conversation_id: conv,
                                    });
                                }
                            }
                            on:keydown=move |e: web_sys::KeyboardEvent| {
                                if e.key() == "Enter" && !e.shift_key() && !e.is_composing() {
                                    e.prevent_default();
                                    submit();
                                }
                            }
                        ></textarea>
                        <button
                            type="submit"
                            class="chat-send shrink-0 rounded-lg bg-sky-600 px-4 py-2 text-sm text-white disabled:opacity-50"
                            disabled=move || draft.get().trim().is_empty()
                        >
                            {move || t(chat::SEND)}
                        </button>
                    </form>
                </div>
            </Show>
        </div>
    }
}
