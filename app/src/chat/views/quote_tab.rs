//! The side panel's 查价 tab: the quote search for the conversation's
//! company (priced at its level), whose 保存并发送 saves the plan for the
//! company and sends its quote card into the conversation, and the
//! company's saved quotes, each sendable as it is.

use leptos::prelude::*;
use shipdesk::chat::{Message, MessageForSend, MessageKind, NumberedCard, QuoteCard};
use shipdesk::pricing::{QuoteFilter, QuoteSummary, SavedQuote};
use shipdesk::{AppError, Id, Money};

use crate::chat::api::send_message;
use crate::chat::client::{client_id, use_chat};
use crate::chat::text as chat;
use crate::components::{action_error, ErrorBanner};
use crate::i18n::t;
use crate::pricing::api::list_quotes;
use crate::pricing::text as pricing;
use crate::pricing::views::CompanyQuoteSearch;

type SendCard = Action<String, Result<Message, AppError>>;

#[component]
pub fn QuoteTab(conv: Id, company_id: Id) -> impl IntoView {
    let store = use_chat();
    let sent = RwSignal::new(0u32);
    let send: SendCard = Action::new(move |number: &String| {
        let input = MessageForSend {
            conversation_id: conv,
            client_id: client_id(),
            kind: MessageKind::Card,
            body: QuoteCard {
                number: number.clone(),
            }
            .body(),
            reply_to_seq: None,
        };
        async move { send_message(input).await.map(|(m, _)| m) }
    });
    Effect::new(move |_| {
        if let Some(Ok(m)) = send.value().get() {
            store.add_messages(vec![m]);
            sent.update(|n| *n += 1);
        }
    });
    let on_saved = Callback::new(move |q: SavedQuote| {
        send.dispatch(q.number);
    });
    let on_send = Callback::new(move |number: String| {
        send.dispatch(number);
    });
    view! {
        <div class="quote-tab space-y-3">
            <CompanyQuoteSearch company_id label=pricing::SAVE_AND_SEND on_saved />
            <SentLine send />
            <CompanyQuotes company_id sent on_send />
        </div>
    }
}

/// The last card sent, or why it was not.
#[component]
fn SentLine(send: SendCard) -> impl IntoView {
    view! {
        <ErrorBanner error=action_error(send) all=true />
        {move || {
            send.value()
                .get()
                .and_then(|r| r.ok())
                .and_then(|m| QuoteCard::of(&m))
                .map(|card| {
                    view! {
                        <p
                            class="quote-sent rounded-lg bg-emerald-50 border border-emerald-200 text-emerald-700 px-2 py-1 text-xs"
                            role="status"
                        >
                            {move || t(chat::QUOTE_SENT)}
                            " "
                            <span class="font-mono">{card.number.clone()}</span>
                        </p>
                    }
                })
        }}
    }
}

/// The company's newest saved quotes, each with 发送 (not once expired).
#[component]
fn CompanyQuotes(company_id: Id, sent: RwSignal<u32>, on_send: Callback<String>) -> impl IntoView {
    let list = Resource::new(
        move || sent.get(),
        move |_| {
            let filter = QuoteFilter {
                q: None,
                company_id: Some(company_id),
            };
            async move {
                list_quotes(filter, Some(1), Some(10))
                    .await
                    .map(|p| p.items)
            }
        },
    );
    view! {
        <section class="company-quotes">
            <h3 class="text-xs text-slate-400 mb-1">{move || t(pricing::COMPANY_QUOTES)}</h3>
            <Suspense>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => {
                            view! {
                                <ErrorBanner
                                    error=Signal::derive(move || Some(e.clone()))
                                    all=true
                                />
                            }
                                .into_any()
                        }
                        Ok(items) if items.is_empty() => {
                            view! {
                                <p class="text-xs text-slate-400">
                                    {move || t(pricing::NO_COMPANY_QUOTES)}
                                </p>
                            }
                                .into_any()
                        }
                        Ok(items) => {
                            view! {
                                <ul class="space-y-1">
                                    {items
                                        .into_iter()
                                        .map(|q| view! { <Row q on_send /> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Row(q: QuoteSummary, on_send: Callback<String>) -> impl IntoView {
    let number = q.number.clone();
    let tone = if q.expired { "expired opacity-60" } else { "" };
    view! {
        <li
            class=format!(
                "company-quote flex items-center gap-2 rounded-lg border border-slate-200 px-2 py-1.5 {tone}",
            )
            data-number=q.number.clone()
        >
            <div class="min-w-0 flex-1">
                <div class="font-mono text-xs text-slate-500">{q.number.clone()}</div>
                <div class="truncate text-xs">
                    {q.channel_name.clone()} " · " {q.destination.clone()}
                </div>
            </div>
            <span class="shrink-0 text-xs font-semibold text-sky-700 tabular-nums">
                {Money::from_fen(q.total_fen).format_yuan()}
            </span>
            <button
                type="button"
                class="send-quote shrink-0 rounded border border-sky-600 text-sky-700 px-2 py-0.5 text-xs disabled:opacity-50"
                disabled=q.expired
                on:click=move |_| on_send.run(number.clone())
            >
                {move || if q.expired { t(pricing::EXPIRED) } else { t(chat::SEND) }}
            </button>
        </li>
    }
}
