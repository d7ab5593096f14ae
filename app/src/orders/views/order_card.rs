//! An order card as chat shows it: the order its number names, read when
//! the card is shown (`get_order_brief`, as the viewer may): status badge,
//! booking and order number, channel, destination, cartons, total, and a
//! link to the order's page in the viewer's portal. An order the viewer may
//! not read is a neutral placeholder.
//!
//! Live: when an order moves, everyone in an open conversation with its
//! company gets `order_changed` with its number over the chat socket, and
//! a card showing that number reads it again at once. A card also reads
//! its order when its conversation gets a message, and every
//! [`REFRESH_SECS`] while the page is visible (a card in a resolved
//! conversation, a socket that was down); a hidden tab asks nothing.

use leptos::prelude::*;
use shipdesk::orders::OrderBrief;
use shipdesk::pricing::Country;
use shipdesk::{Id, Money};

use super::{orders_base, StatusBadge};
use crate::chat::client::use_chat;
use crate::i18n::{lang, t};
use crate::orders::api::get_order_brief;
use crate::orders::text as orders;
use crate::pricing::views::Portal;

/// How often a shown card reads its order again (while the page is visible).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const REFRESH_SECS: u64 = 30;

const FRAME: &str = "order-card block w-64 max-w-full rounded-xl border bg-white text-slate-800 p-3 text-sm text-left shadow-sm";

#[component]
pub fn OrderCardView(number: String, portal: Portal, conversation_id: Id) -> impl IntoView {
    let store = use_chat();
    let tick = refresh_tick();
    // The conversation's newest seq: a message arriving reads the order again.
    let last_seq = Memo::new(move |_| {
        store.messages.with(|m| {
            m.get(&conversation_id)
                .and_then(|b| b.keys().next_back().copied())
                .unwrap_or(0)
        })
    });
    // Bumped when the socket says this order changed.
    let changed = {
        let number = number.clone();
        Memo::new(move |_| store.orders.with(|m| m.get(&number).copied().unwrap_or(0)))
    };
    let order = Resource::new(
        move || (number.clone(), last_seq.get(), tick.get(), changed.get()),
        |(number, ..)| get_order_brief(number),
    );
    let line = |text: crate::i18n::Text, class: &'static str| {
        view! {
            <div class=format!(
                "{FRAME} border-slate-200 text-slate-400 {class}",
            )>{move || t(text)}</div>
        }
    };
    // Transition: a re-read keeps the card as it was until the answer.
    // Read with `try_get`, not awaited in a `Suspend`: a card the message
    // list drops while its read is in flight (a re-render of the console)
    // must not read its disposed resource.
    view! {
        <Transition fallback=move || line(
            orders::ORDER_CARD_LOADING,
            "order-card-loading",
        )>
            {move || {
                order
                    .try_get()
                    .flatten()
                    .map(|r| match r {
                        Ok(o) => view! { <Card o portal /> }.into_any(),
                        Err(_) => {
                            line(orders::ORDER_CARD_UNAVAILABLE, "order-card-unavailable")
                                .into_any()
                        }
                    })
            }}
        </Transition>
    }
}

/// A counter bumped every [`REFRESH_SECS`] while the page is visible (in
/// the browser; on the server it never moves).
fn refresh_tick() -> RwSignal<u32> {
    let tick = RwSignal::new(0u32);
    #[cfg(feature = "hydrate")]
    {
        let handle = set_interval_with_handle(
            move || {
                if !document().hidden() {
                    tick.update(|n| *n = n.wrapping_add(1));
                }
            },
            std::time::Duration::from_secs(REFRESH_SECS),
        );
        if let Ok(handle) = handle {
            on_cleanup(move || handle.clear());
        }
    }
    tick
}

#[component]
fn Card(o: OrderBrief, portal: Portal) -> impl IntoView {
    let country = Country::of(&o.country);
    let href = format!("{}/{}", orders_base(portal), o.id);
    let cartons = o.cartons;
    view! {
        <div class=format!("{FRAME} border-sky-200") data-number=o.number.clone()>
            <div class="flex items-center justify-between gap-2">
                <span class="text-xs font-medium text-sky-700">
                    {move || t(orders::ORDER_CARD)}
                </span>
                <StatusBadge status=o.status />
            </div>
            <div class="order-number mt-1 font-mono text-xs text-slate-500">
                {o.number.clone()} {o.order_number.clone().map(|n| format!(" · {n}"))}
            </div>
            <div class="order-channel font-semibold break-words">{o.channel_name.clone()}</div>
            <div class="order-destination text-xs text-slate-500">
                {move || country.name(lang()).to_owned()} " " {o.destination.clone()} " · "
                {move || orders::cartons(cartons)}
            </div>
            <div class="order-total mt-1 text-xl font-bold text-sky-700 tabular-nums">
                {Money::from_fen(o.total_fen).format_yuan()}
            </div>
            <div class="mt-2">
                <a
                    class="order-view inline-block rounded-lg border border-sky-600 text-sky-700 px-3 py-1 text-xs font-medium hover:bg-sky-50"
                    href=href
                >
                    {move || t(orders::ORDER_CARD_VIEW)}
                </a>
            </div>
        </div>
    }
}
