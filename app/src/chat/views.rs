//! The conversation pane shared by the portals and the console (messages by
//! seq, read marks, quoting, recall, typing), and the customers' chat page:
//! choose a service role, talk, see earlier conversations.

use leptos::prelude::*;
use shipdesk::chat::wire::ClientMsg;
use shipdesk::chat::Desk;
use shipdesk::chat::{
    Conversation, ConversationStatus, ConversationSummary, Message, MessageKind, MessagePreview,
    SenderKind,
};
use shipdesk::{AppError, Id};

use super::api::{list_desks, list_messages, list_my_conversations, open_conversation};
use super::client::{now_ms, send, use_chat, TYPING_MS};
use crate::auth::MemberGuard;
use crate::chat::text as chat;
use crate::components::text as common;
use crate::components::{action_error, ClientOnly, ErrorBanner, LangSwitch};
use crate::i18n::{error_message, lang, t, Text};

/// How long a message may be recalled (as the server checks).
const RECALL_MS: f64 = 2.0 * 60.0 * 1000.0;

fn time_of(ms: i64) -> String {
    // HH:MM in China time (UTC+8), the company's working clock.
    let mins = (ms / 60_000 + 8 * 60).rem_euclid(24 * 60);
    format!("{:02}:{:02}", mins / 60, mins % 60)
}

/// `MM-DD HH:MM` in China time, for lists spanning days.
fn day_time_of(ms: i64) -> String {
    let days = (ms + 8 * 3_600_000).div_euclid(86_400_000);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    format!("{month:02}-{day:02} {}", time_of(ms))
}

/// A system line in the reader's language. The platform writes them as
/// JSON (`{"event":"resolved","by":"小林"}`); other bodies read as they are.
pub fn system_text(body: &str, at_ms: i64) -> String {
    let v: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    match v["event"].as_str() {
        Some("resolved") => chat::ended_by(v["by"].as_str().unwrap_or(""), &time_of(at_ms)),
        _ => body.to_owned(),
    }
}

fn role_name(s: &ConversationSummary) -> String {
    match lang() {
        shipdesk::auth::Lang::Zh => s.desk_name_zh.clone(),
        shipdesk::auth::Lang::En => s.desk_name_en.clone(),
    }
}

/// One message bubble. `mine`: sent by the viewer's side.
#[component]
fn Bubble(
    msg: Message,
    mine: bool,
    /// The other side's read mark (for "read" under own messages).
    #[prop(into)]
    other_read: Signal<i64>,
    on_quote: Callback<i64>,
) -> impl IntoView {
    let store = use_chat();
    let seq = msg.seq;
    let conv = msg.conversation_id;
    let kind = msg.kind;
    let recallable = mine && (now_ms() - msg.created_at.0 as f64) < RECALL_MS;
    let body = msg.body.clone();
    let reply = msg.reply_to_seq.and_then(|r| {
        store.messages.with_untracked(|m| {
            m.get(&conv).and_then(|b| b.get(&r)).map(|q| {
                if q.recalled {
                    String::new()
                } else {
                    q.body.clone()
                }
            })
        })
    });
    if kind == MessageKind::System {
        let text = system_text(&msg.body, msg.created_at.0);
        return view! {
            <div class="msg msg-system text-center text-xs text-slate-400 py-1" data-seq=seq>
                {text}
            </div>
        }
        .into_any();
    }
    let row = if mine {
        "flex justify-end"
    } else {
        "flex justify-start"
    };
    let bubble = match (kind, mine) {
        (MessageKind::Note, _) => "bg-amber-50 border border-amber-300 text-amber-900",
        (_, true) => "bg-sky-600 text-white",
        (_, false) => "bg-white border border-slate-200 text-slate-800",
    };
    let recalled = msg.recalled;
    view! {
        <div class=format!("msg {row}") data-seq=seq>
            <div class="max-w-[80%]">
                <div class=format!(
                    "rounded-2xl px-3 py-2 text-sm break-words whitespace-pre-wrap {bubble}",
                )>
                    {reply
                        .map(|q| {
                            view! {
                                <div class="msg-quote text-xs opacity-80 border-l-2 border-current pl-2 mb-1 line-clamp-2">
                                    {q}
                                </div>
                            }
                        })}
                    {(kind == MessageKind::Note)
                        .then(|| {
                            view! {
                                <div class="text-xs font-semibold">{move || t(chat::NOTE)}</div>
                            }
                        })}
                    {if recalled {
                        view! {
                            <span class="msg-recalled italic opacity-70">
                                {move || t(chat::RECALLED)}
                            </span>
                        }
                            .into_any()
                    } else if kind == MessageKind::Image || kind == MessageKind::File {
                        let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                        let key = v["key"].as_str().unwrap_or("").to_owned();
                        let name = v["name"].as_str().unwrap_or("").to_owned();
                        let size = v["size"].as_i64().unwrap_or(0);
                        let href = format!("/chat/files/{key}");
                        if kind == MessageKind::Image {
                            let src = href.clone();
                            view! {
                                <a href=href target="_blank" rel="noopener">
                                    <img
                                        class="msg-image max-h-48 max-w-full rounded-lg"
                                        src=src
                                        alt=name
                                    />
                                </a>
                            }
                                .into_any()
                        } else {
                            view! {
                                <a class="msg-file underline" href=href>
                                    {format!("📎 {name} ({} KB)", (size + 1023) / 1024)}
                                </a>
                            }
                                .into_any()
                        }
                    } else if kind == MessageKind::Card {
                        view! { <pre class="msg-card text-xs font-mono">{body.clone()}</pre> }
                            .into_any()
                    } else {
                        view! { <span class="msg-body">{body.clone()}</span> }.into_any()
                    }}
                </div>
                <div class=format!(
                    "mt-0.5 flex gap-2 text-[11px] text-slate-400 {}",
                    if mine { "justify-end" } else { "" },
                )>
                    <span>{time_of(msg.created_at.0)}</span>
                    {mine
                        .then(|| {
                            view! {
                                <span class="msg-read">
                                    // try_get: a render queued before its pane was disposed
                                    // (switching conversations) must not panic on the
                                    // pane's signal.
                                    {move || {
                                        if other_read.try_get().unwrap_or(0) >= seq {
                                            t(chat::READ)
                                        } else {
                                            t(chat::UNREAD)
                                        }
                                    }}
                                </span>
                            }
                        })}
                    {(!recalled)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="msg-quote-btn hover:text-sky-600"
                                    on:click=move |_| on_quote.run(seq)
                                >
                                    {move || t(chat::QUOTE)}
                                </button>
                            }
                        })}
                    {(recallable && !recalled)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="msg-recall hover:text-red-600"
                                    on:click=move |_| send(ClientMsg::Recall {
                                        conversation_id: conv,
                                        seq,
                                    })
                                >
                                    {move || t(chat::RECALL)}
                                </button>
                            }
                        })}
                </div>
            </div>
        </div>
    }
    .into_any()
}

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
                match super::client::upload(conv, file).await {
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

/// `/h5/chat` and `/portal/chat`: the customer's chat.
#[component]
pub fn MemberChatPage(mobile: bool) -> impl IntoView {
    let login = if mobile { "/h5/login" } else { "/portal/login" };
    view! { <MemberGuard login=login page=move |_m| view! { <MemberChat mobile /> } /> }
}

#[component]
fn MemberChat(mobile: bool) -> impl IntoView {
    let store = use_chat();
    let desks = Resource::new(|| (), |_| list_desks());
    let refresh = RwSignal::new(0u32);
    // Refetched on every conversation change (assigned, resolved…): the
    // open conversation's line says who serves it.
    let mine = Resource::new(
        move || (refresh.get(), store.changes.get()),
        |_| list_my_conversations(),
    );
    // `?c=<id>`: the open conversation survives a reload.
    let query = leptos_router::hooks::use_query_map();
    let current_id =
        RwSignal::new(query.with_untracked(|q| q.get("c").and_then(|c| c.parse::<Id>().ok())));
    Effect::new(move |_| remember_in_url("c", current_id.get()));
    let current = Memo::new(move |_| {
        let id = current_id.get()?;
        mine.get()
            .and_then(|r| r.ok())?
            .into_iter()
            .find(|s| s.conversation.id == id)
    });
    let open = Action::new(move |desk: &Id| {
        let desk = *desk;
        async move { open_conversation(desk.into()).await }
    });
    // An id the list does not hold (another's, or gone) falls back to the
    // picker; one just opened waits for the list's next fetch.
    Effect::new(move |_| {
        let Some(Ok(list)) = mine.get() else { return };
        let Some(id) = current_id.get_untracked() else {
            return;
        };
        let just_opened = open
            .value()
            .get_untracked()
            .and_then(|r| r.ok())
            .is_some_and(|c| c.id == id);
        if !just_opened && !list.iter().any(|s| s.conversation.id == id) {
            current_id.set(None);
        }
    });
    let shown = Memo::new(move |_| current.get().map(|s| s.conversation.id));
    Effect::new(move |_| {
        if let Some(Ok(conv)) = open.value().get() {
            current_id.set(Some(conv.id));
            refresh.update(|n| *n += 1);
        }
    });
    let restart = Callback::new(move |_| {
        if let Some(s) = current.get_untracked() {
            open.dispatch(s.conversation.desk_id);
        }
    });
    let width = if mobile { "max-w-md" } else { "max-w-4xl" };
    let back = if mobile { "/h5" } else { "/portal" };
    view! {
        <div class=format!("member-chat h-screen flex flex-col mx-auto bg-white {width}")>
            <header class="bg-sky-600 text-white px-4 py-3 flex items-center gap-3 shrink-0">
                // Inside a Transition: what it shows depends on the list, which
                // the server renders before the page hydrates.
                <Transition fallback=move || {
                    view! {
                        <a href=back class="text-lg">
                            "‹"
                        </a>
                    }
                }>
                    {move || match shown.get() {
                        Some(_) => {
                            view! {
                                <button
                                    type="button"
                                    class="chat-back text-lg"
                                    on:click=move |_| current_id.set(None)
                                >
                                    "‹"
                                </button>
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <a href=back class="text-lg">
                                    "‹"
                                </a>
                            }
                                .into_any()
                        }
                    }}
                </Transition>
                <h1 class="flex-1 font-semibold truncate">
                    <Transition fallback=move || t(
                        chat::TITLE,
                    )>
                        {move || match current.get() {
                            Some(s) => format!("{} · {}", t(chat::TITLE), role_name(&s)),
                            None => t(chat::TITLE).to_owned(),
                        }}
                    </Transition>
                </h1>
                <LangSwitch />
            </header>
            <Transition fallback=|| {
                view! { <p class="p-4 text-slate-400 text-sm">{t(common::LOADING)}</p> }
            }>
                {move || match shown.get() {
                    Some(id) => {
                        let seed = current.get_untracked().map(|s| s.conversation);
                        view! {
                            <ServingLine current />
                            <div class="flex-1 min-h-0">
                                <ClientOnly>
                                    <ConversationPane
                                        conversation_id=id
                                        side=SenderKind::Member
                                        seed=seed.clone().expect("shown implies current")
                                        on_restart=restart
                                        mobile
                                    />
                                </ClientOnly>
                            </div>
                        }
                            .into_any()
                    }
                    None => view! { <Picker desks mine open current_id /> }.into_any(),
                }}
            </Transition>
        </div>
    }
}

/// Under the header: the customer's place in the queue, or who serves them.
#[component]
fn ServingLine(current: Memo<Option<ConversationSummary>>) -> impl IntoView {
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

/// The desk picker and the customer's earlier conversations.
#[component]
fn Picker(
    desks: Resource<Result<Vec<Desk>, AppError>>,
    mine: Resource<Result<Vec<ConversationSummary>, AppError>>,
    open: Action<Id, Result<Conversation, AppError>>,
    current_id: RwSignal<Option<Id>>,
) -> impl IntoView {
    view! {
        <div class="flex-1 overflow-y-auto p-4 space-y-5">
            <section>
                <h2 class="text-sm text-slate-500 mb-2">{move || t(chat::CHOOSE_ROLE)}</h2>
                <Suspense fallback=|| {
                    view! { <p class="text-slate-400 text-sm">{t(common::LOADING)}</p> }
                }>
                    {move || Suspend::new(async move {
                        match desks.await {
                            Err(e) => {
                                view! {
                                    <ErrorBanner
                                        error=Signal::derive(move || Some(e.clone()))
                                        all=true
                                    />
                                }
                                    .into_any()
                            }
                            Ok(list) if list.is_empty() => {
                                view! { <p class="text-sm text-slate-400">{t(chat::NO_ROLES)}</p> }
                                    .into_any()
                            }
                            Ok(list) => {
                                view! {
                                    <div class="chat-roles grid grid-cols-2 gap-3">
                                        {list
                                            .into_iter()
                                            .map(|r| {
                                                let id = r.id;
                                                let name = move || match lang() {
                                                    shipdesk::auth::Lang::Zh => r.name_zh.clone(),
                                                    shipdesk::auth::Lang::En => r.name_en.clone(),
                                                };
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="chat-role rounded-xl border border-sky-200 bg-sky-50 px-3 py-4 text-sky-800 font-medium hover:bg-sky-100 disabled:opacity-50"
                                                        disabled=move || open.pending().get()
                                                        on:click=move |_| {
                                                            open.dispatch(id);
                                                        }
                                                    >
                                                        {name}
                                                    </button>
                                                }
                                            })
                                            .collect_view()}
                                    </div>
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Suspense>
                <div class="mt-2">
                    <ErrorBanner error=action_error(open) all=true />
                </div>
            </section>
            <section>
                <h2 class="text-sm text-slate-500 mb-2">{move || t(chat::MY_CONVERSATIONS)}</h2>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match mine.await {
                            Err(e) => {
                                view! {
                                    <ErrorBanner
                                        error=Signal::derive(move || Some(e.clone()))
                                        all=true
                                    />
                                }
                                    .into_any()
                            }
                            Ok(list) if list.is_empty() => {
                                view! { <p class="text-sm text-slate-400">{t(chat::NONE_YET)}</p> }
                                    .into_any()
                            }
                            Ok(list) => {
                                view! {
                                    <ul class="chat-history divide-y divide-slate-100 rounded-xl border border-slate-200">
                                        {list
                                            .into_iter()
                                            .map(|s| view! { <MineItem s current_id /> })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Suspense>
            </section>
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
                        <span class="font-medium">{role_name(&s)}</span>
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

/// One line of a message for a list: its text, or what it carries.
pub fn preview_of(m: &MessagePreview) -> String {
    if m.recalled {
        return t(chat::RECALLED).to_owned();
    }
    match m.kind {
        MessageKind::Image => t(chat::PREVIEW_IMAGE).to_owned(),
        MessageKind::File => t(chat::PREVIEW_FILE).to_owned(),
        MessageKind::System => system_text(&m.body, m.created_at.0),
        _ => m.body.chars().take(60).collect(),
    }
}

/// Replaces the page's `key` query parameter (None: removes it) without a
/// navigation, so a reload comes back to the same place.
pub fn remember_in_url(key: &str, value: Option<Id>) {
    #[cfg(feature = "hydrate")]
    {
        let Ok(href) = window().location().href() else {
            return;
        };
        let Ok(url) = web_sys::Url::new(&href) else {
            return;
        };
        let params = url.search_params();
        match value {
            Some(v) => params.set(key, &v.to_string()),
            None => params.delete(key),
        }
        if url.href() != href {
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&url.href()),
                );
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (key, value);
}

pub fn status_text(s: shipdesk::chat::ConversationStatus) -> Text {
    use shipdesk::chat::ConversationStatus::*;
    match s {
        Queued => chat::STATUS_QUEUED,
        Open => chat::STATUS_OPEN,
        Resolved => chat::STATUS_RESOLVED,
    }
}
