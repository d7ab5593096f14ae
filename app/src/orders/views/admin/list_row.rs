//! One order in ops' list: booking and order number, customer, channel,
//! destination, status, total (and the measured one once re-weighed), when
//! booked. The row opens the order.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shipdesk::orders::OrderSummary;
use shipdesk::pricing::Country;

use super::badge::StatusBadge;
use super::{when, yuan};
use crate::i18n::{lang, t};
use crate::orders::admin_text as text;

#[component]
pub fn OrderRow(o: OrderSummary) -> impl IntoView {
    let href = format!("/admin/orders/{}", o.id);
    let navigate = use_navigate();
    let open = {
        let href = href.clone();
        move |_| navigate(&href, Default::default())
    };
    let country = Country::of(&o.country);
    let mode = o.mode;
    let booked = when(o.created_at);
    let (day, time) = booked
        .split_once(' ')
        .map_or((booked.clone(), String::new()), |(d, t)| {
            (d.to_owned(), t.to_owned())
        });
    let changed = o.actual_total_fen.filter(|a| *a != o.total_fen).is_some();
    view! {
        <tr
            class="order-row border-t border-slate-100 hover:bg-sky-50 cursor-pointer"
            data-id=o.id.to_string()
            data-number=o.number.clone()
            on:click=open
        >
            <td class="px-3 py-2 whitespace-nowrap">
                <a class="order-link font-mono text-sky-700 hover:underline" href=href>
                    {o.number.clone()}
                </a>
                <Show when=move || o.quick>
                    <span class="quick-badge ml-1.5 rounded bg-violet-100 text-violet-700 px-1.5 py-0.5 text-xs">
                        {move || t(text::QUICK)}
                    </span>
                </Show>
            </td>
            <td class="order-number px-3 py-2 whitespace-nowrap font-mono text-slate-600">
                {o.order_number.clone().unwrap_or_else(|| "—".into())}
            </td>
            <td class="px-3 py-2 min-w-32">{o.company_name.clone()}</td>
            <td class="px-3 py-2 min-w-32">
                <div class="text-slate-800">{o.channel_name.clone()}</div>
                <div class="text-xs text-slate-500">{move || mode.label(lang())}</div>
            </td>
            <td class="px-3 py-2 whitespace-nowrap">
                <div class="destination text-slate-800">{o.destination.clone()}</div>
                <div class="text-xs text-slate-500">{move || country.name(lang()).to_owned()}</div>
            </td>
            <td class="px-3 py-2 whitespace-nowrap">
                <StatusBadge status=o.status />
            </td>
            <td class="order-total px-3 py-2 text-right tabular-nums whitespace-nowrap">
                {yuan(o.total_fen)}
            </td>
            <td class=move || {
                let tone = if changed { "text-amber-700 font-medium" } else { "text-slate-500" };
                format!("actual-total px-3 py-2 text-right tabular-nums whitespace-nowrap {tone}")
            }>{o.actual_total_fen.map(yuan).unwrap_or_default()}</td>
            <td class="booked-at px-3 py-2 whitespace-nowrap text-slate-500 tabular-nums">
                <div>{day}</div>
                <div class="text-xs">{time}</div>
            </td>
        </tr>
    }
}
