//! The order's head: booking and order numbers, status (and, in exception,
//! the status it left), customer, who booked, channel, destination, quote,
//! when; the total and, once measured, the actual total.

use leptos::prelude::*;
use shipdesk::orders::Order;
use shipdesk::pricing::Country;

use super::badge::StatusBadge;
use super::{when, yuan};
use crate::i18n::{lang, t, Text};
use crate::orders::admin_text as text;
use crate::orders::text::status_label;

fn item(label: Text, value: AnyView) -> impl IntoView {
    view! {
        <div class="min-w-0">
            <dt class="text-xs text-slate-500">{move || t(label)}</dt>
            <dd class="text-slate-800 break-words">{value}</dd>
        </div>
    }
}

#[component]
pub fn OrderHeader(o: Order) -> impl IntoView {
    let country = Country::of(&o.country);
    let mode = o.mode;
    let held = o.held_status;
    let quote = format!("/admin/quotes/{}", o.quote_number);
    let actual = o.actual_total_fen;
    let differs = actual.is_some_and(|a| a != o.total_fen);
    view! {
        <section class="order-header bg-white rounded-xl border border-slate-200 p-4">
            <div class="flex flex-wrap items-start justify-between gap-3">
                <div class="min-w-0">
                    <div class="flex flex-wrap items-center gap-2">
                        <h1 class="booking-number font-mono text-xl font-semibold">
                            {o.number.clone()}
                        </h1>
                        <StatusBadge status=o.status />
                        {held
                            .map(|h| {
                                view! {
                                    <span class="held-status text-xs text-slate-500">
                                        "← " {move || status_label(h)}
                                    </span>
                                }
                            })}
                        <Show when=move || o.quick>
                            <span class="quick-badge rounded bg-violet-100 text-violet-700 px-1.5 py-0.5 text-xs">
                                {move || t(text::QUICK)}
                            </span>
                        </Show>
                    </div>
                    <div class="order-number-line mt-1 text-sm text-slate-600">
                        {move || t(text::COL_ORDER_NUMBER)} " "
                        <span class="order-number font-mono">
                            {o.order_number.clone().unwrap_or_else(|| "—".into())}
                        </span>
                    </div>
                </div>
                <div class="text-right">
                    <div class="text-xs text-slate-500">{move || t(text::TOTAL)}</div>
                    <div class="header-total text-2xl font-bold text-sky-700 tabular-nums">
                        {yuan(o.total_fen)}
                    </div>
                    {actual
                        .map(|a| {
                            let tone = if differs { "text-amber-700" } else { "text-slate-600" };
                            view! {
                                <div class=format!(
                                    "header-actual text-sm tabular-nums {tone}",
                                )>{move || t(text::ACTUAL_TOTAL)} " " {yuan(a)}</div>
                            }
                        })}
                </div>
            </div>
            <dl class="mt-3 grid grid-cols-2 md:grid-cols-3 xl:grid-cols-6 gap-x-4 gap-y-2 text-sm">
                {item(
                    text::COL_COMPANY,
                    view! { <span class="company">{o.company_name.clone()}</span> }.into_any(),
                )}
                {item(
                    text::BOOKED_BY,
                    view! { <span class="booked-by">{o.booked_by.clone()}</span> }.into_any(),
                )}
                {item(
                    text::CHANNEL,
                    view! { <span class="channel">{o.channel_name.clone()}</span> }.into_any(),
                )}
                {item(
                    text::DESTINATION,
                    view! {
                        <span class="destination">
                            {move || country.name(lang()).to_owned()} " " {o.destination.clone()}
                            " · " {move || mode.label(lang())}
                        </span>
                    }
                        .into_any(),
                )}
                {item(
                    text::QUOTE,
                    view! {
                        <a class="quote-link font-mono text-sky-700 hover:underline" href=quote>
                            {o.quote_number.clone()}
                        </a>
                    }
                        .into_any(),
                )} {item(text::BOOKED_AT, view! { <span>{when(o.created_at)}</span> }.into_any())}
            </dl>
        </section>
    }
}
