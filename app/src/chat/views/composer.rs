//! The pane's composer: the line being quoted, canned replies, the note
//! toggle (staff), attach, the order picker (customers), the text and send. Enter sends, Shift+Enter
//! breaks the line; typing is announced at most every two seconds.

use leptos::prelude::*;
use shipdesk::chat::wire::ClientMsg;
use shipdesk::chat::MessageKind;
use shipdesk::Id;

use super::attach::Attach;
use super::order_picker::{OrderPickerButton, OrderPickerPanel};
use crate::chat::client::{now_ms, send, use_chat};
use crate::chat::text as chat;
use crate::i18n::t;

/// Writes into `conv`; `quoting` is the seq the next message replies to.
#[component]
pub fn Composer(
    conv: Id,
    notes: bool,
    canned: Option<Signal<Vec<(String, String)>>>,
    mobile: bool,
    quoting: RwSignal<Option<i64>>,
    uploading: RwSignal<bool>,
    /// Customers: 📦 sends one of their orders as a card.
    #[prop(default = false)]
    orders: bool,
) -> impl IntoView {
    let store = use_chat();
    let picking = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let as_note = RwSignal::new(false);
    let last_typing = StoredValue::new(0.0f64);
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
    let placeholder = if mobile {
        chat::PLACEHOLDER_PHONE
    } else {
        chat::PLACEHOLDER
    };
    view! {
        <div class="chat-composer border-t border-slate-200 bg-white p-2 space-y-2">
            <QuoteLine quoting />
            {orders.then(|| view! { <OrderPickerPanel conv open=picking /> })}
            {canned.map(|c| view! { <CannedReplies canned=c draft /> })}
            <form
                class="flex gap-2 items-end"
                on:submit=move |e| {
                    e.prevent_default();
                    submit();
                }
            >
                {notes.then(|| view! { <NoteToggle as_note /> })}
                <Attach conv uploading />
                {orders.then(|| view! { <OrderPickerButton open=picking /> })}
                <textarea
                    class="chat-input flex-1 resize-none rounded-lg border border-slate-300 px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500"
                    rows="1"
                    maxlength="5000"
                    placeholder=move || t(placeholder)
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
    }
}

/// "Replying to #n" with × to drop it.
#[component]
fn QuoteLine(quoting: RwSignal<Option<i64>>) -> impl IntoView {
    move || {
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
    }
}

/// Canned replies by title; a click puts the body in the draft.
#[component]
fn CannedReplies(canned: Signal<Vec<(String, String)>>, draft: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="chat-canned flex gap-1 overflow-x-auto">
            {move || {
                canned
                    .get()
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
}

/// Staff: send the next message as an internal note.
#[component]
fn NoteToggle(as_note: RwSignal<bool>) -> impl IntoView {
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
}
