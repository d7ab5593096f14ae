//! Orders sent as cards: the agent side panel's 订单 tab (the customer
//! company's orders) and the customer's order picker above the composer
//! (their own company's), one list for both: newest first, status badge,
//! number and destination, 发送 on each, 20 at a time with 更多.

use leptos::prelude::*;
use shipdesk::chat::{Message, MessageForSend, MessageKind, NumberedCard, OrderCard};
use shipdesk::orders::{OrderFilter, OrderSummary};
use shipdesk::{AppError, Id, PageQuery};

use crate::chat::api::send_message;
use crate::chat::client::{client_id, use_chat};
use crate::chat::text as chat;
use crate::components::{action_error, ErrorBanner};
use crate::i18n::{t, Text};
use crate::orders::api::list_orders;
use crate::orders::views::StatusBadge;

/// Orders listed per 更多.
const STEP: u32 = 20;

type SendCard = Action<String, Result<Message, AppError>>;

/// The orders `company_id` has (None: the caller's own, for a customer),
/// each sendable into `conv` as an order card; `on_sent` after each card.
#[component]
pub fn OrderTab(
    conv: Id,
    company_id: Option<Id>,
    #[prop(optional)] on_sent: Option<Callback<()>>,
) -> impl IntoView {
    let store = use_chat();
    let send: SendCard = Action::new(move |number: &String| {
        let input = MessageForSend {
            conversation_id: conv,
            client_id: client_id(),
            kind: MessageKind::Card,
            body: OrderCard {
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
            if let Some(f) = on_sent {
                f.run(());
            }
        }
    });
    let (title, empty) = match company_id {
        Some(_) => (chat::COMPANY_ORDERS, chat::NO_COMPANY_ORDERS),
        None => (chat::MY_ORDERS, chat::NO_MY_ORDERS),
    };
    view! {
        <div class="order-tab space-y-2">
            <ErrorBanner error=action_error(send) all=true />
            <SentLine send />
            <h3 class="text-xs text-slate-400">{move || t(title)}</h3>
            <Orders company_id empty send />
        </div>
    }
}

/// The last card sent.
#[component]
fn SentLine(send: SendCard) -> impl IntoView {
    move || {
        send.value()
            .get()
            .and_then(|r| r.ok())
            .and_then(|m| OrderCard::of(&m))
            .map(|card| {
                view! {
                    <p
                        class="order-sent rounded-lg bg-emerald-50 border border-emerald-200 text-emerald-700 px-2 py-1 text-xs"
                        role="status"
                    >
                        {move || t(chat::ORDER_SENT)}
                        " "
                        <span class="font-mono">{card.number.clone()}</span>
                    </p>
                }
            })
    }
}

#[component]
fn Orders(company_id: Option<Id>, empty: Text, send: SendCard) -> impl IntoView {
    let shown = RwSignal::new(1u32);
    let list = Resource::new(
        move || shown.get(),
        move |n| {
            let filter = OrderFilter {
                company_id,
                ..OrderFilter::default()
            };
            let size = (STEP * n).min(PageQuery::MAX_SIZE);
            list_orders(filter, Some(1), Some(size))
        },
    );
    view! {
        <Transition>
            {move || Suspend::new(async move {
                match list.await {
                    Err(e) => {
                        view! {
                            <ErrorBanner error=Signal::derive(move || Some(e.clone())) all=true />
                        }
                            .into_any()
                    }
                    Ok(p) if p.items.is_empty() => {
                        view! {
                            <p class="orders-empty text-xs text-slate-400">{move || t(empty)}</p>
                        }
                            .into_any()
                    }
                    Ok(p) => {
                        let more = (p.items.len() as i64) < p.total && p.size < PageQuery::MAX_SIZE;
                        view! {
                            <ul class="space-y-1">
                                {p
                                    .items
                                    .into_iter()
                                    .map(|o| view! { <Row o send /> })
                                    .collect_view()}
                            </ul>
                            {more
                                .then(|| {
                                    view! {
                                        <button
                                            type="button"
                                            class="more-orders w-full rounded border border-slate-300 py-1 text-xs text-slate-600"
                                            on:click=move |_| shown.update(|n| *n += 1)
                                        >
                                            {move || t(chat::MORE_ORDERS)}
                                        </button>
                                    }
                                })}
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn Row(o: OrderSummary, send: SendCard) -> impl IntoView {
    let number = o.number.clone();
    view! {
        <li
            class="chat-order flex items-center gap-2 rounded-lg border border-slate-200 px-2 py-1.5"
            data-number=o.number.clone()
        >
            <StatusBadge status=o.status />
            <div class="min-w-0 flex-1">
                <div class="font-mono text-xs text-slate-500 truncate">{o.number.clone()}</div>
                <div class="truncate text-xs">{o.destination.clone()}</div>
            </div>
            <button
                type="button"
                class="send-order shrink-0 rounded border border-sky-600 text-sky-700 px-2 py-0.5 text-xs disabled:opacity-50"
                disabled=move || send.pending().get()
                on:click=move |_| {
                    send.dispatch(number.clone());
                }
            >
                {move || t(chat::SEND)}
            </button>
        </li>
    }
}
