//! The order's transfer numbers (转单号) on the customer's order page: the
//! last-mile numbers the provider uploaded, by carton, each with its
//! carrier's last state and, on request, its events (as the delivery
//! tracking numbers show theirs).

use leptos::prelude::*;
use shipdesk::orders::transfer::Transfer;
use shipdesk::Id;

use super::track::{TrackLine, Tracked};
use crate::components::Empty;
use crate::i18n::t;
use crate::orders::transfer_text as text;

#[component]
pub fn Transfers(order_id: Id, transfers: Vec<Transfer>) -> impl IntoView {
    let none = transfers.is_empty();
    view! {
        <section class="transfers bg-white rounded-xl border border-slate-200 p-4 space-y-1">
            <h3 class="font-medium">{move || t(text::CUSTOMER_PANEL)}</h3>
            <p class="text-xs text-slate-400">{move || t(text::CUSTOMER_HINT)}</p>
            {match none {
                true => view! { <Empty text=text::NONE /> }.into_any(),
                false => {
                    view! {
                        <ul class="transfer-list text-sm">
                            {transfers
                                .into_iter()
                                .map(|x| view! { <Item order_id x /> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Item(order_id: Id, x: Transfer) -> impl IntoView {
    let (from, to) = (x.carton_from, x.carton_to);
    let what = Tracked::Transfer {
        order_id,
        transfer_id: x.id,
    };
    view! {
        <li
            class="transfer py-2 border-t border-slate-100 first:border-0"
            data-number=x.number.clone()
        >
            <div class="flex flex-wrap items-baseline gap-x-2">
                <span class="transfer-number font-mono text-slate-800 break-all">
                    {x.number.clone()}
                </span>
                <span class="text-xs text-slate-500">
                    <span class="transfer-carrier">{x.carrier.name().to_owned()}</span>
                    " · "
                    {move || text::cartons(from, to)}
                </span>
            </div>
            <TrackLine what status=x.track_status at=x.track_at />
        </li>
    }
}
