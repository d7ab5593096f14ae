//! One message bubble: text, image, file, quote card, order card or card; quoted line, read mark,
//! quote and recall buttons; system lines centred.

use leptos::prelude::*;
use shipdesk::chat::wire::ClientMsg;
use shipdesk::chat::{Message, MessageKind, NumberedCard, OrderCard, QuoteCard};

use super::format::{system_text, time_of};
use crate::chat::client::{now_ms, send, use_chat};
use crate::chat::text as chat;
use crate::i18n::t;
use crate::orders::views::OrderCardView;
use crate::pricing::views::{Portal, QuoteCardView};

/// How long a message may be recalled (as the server checks).
const RECALL_MS: f64 = 2.0 * 60.0 * 1000.0;

/// One message bubble. `mine`: sent by the viewer's side.
#[component]
pub fn Bubble(
    msg: Message,
    mine: bool,
    /// The other side's read mark (for "read" under own messages).
    #[prop(into)]
    other_read: Signal<i64>,
    on_quote: Callback<i64>,
    /// The viewer's portal: where a quote or order card's 查看 leads.
    portal: Portal,
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
    // A quote or order card is its own box, on either side.
    let card = QuoteCard::of(&msg);
    let order = OrderCard::of(&msg);
    let bubble = match (kind, mine) {
        _ if card.is_some() => "msg-quote-card",
        _ if order.is_some() => "msg-order-card",
        (MessageKind::Note, _) => {
            "rounded-2xl px-3 py-2 bg-amber-50 border border-amber-300 text-amber-900"
        }
        (_, true) => "rounded-2xl px-3 py-2 bg-sky-600 text-white",
        (_, false) => "rounded-2xl px-3 py-2 bg-white border border-slate-200 text-slate-800",
    };
    let recalled = msg.recalled;
    view! {
        <div class=format!("msg {row}") data-seq=seq>
            <div class="max-w-[80%]">
                <div class=format!(
                    "text-sm break-words whitespace-pre-wrap {bubble}",
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
                    } else if let Some(card) = card {
                        view! { <QuoteCardView number=card.number portal /> }.into_any()
                    } else if let Some(order) = order {
                        view! { <OrderCardView number=order.number portal conversation_id=conv /> }
                            .into_any()
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
