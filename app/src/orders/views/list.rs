//! A customer's orders (工作台--预订单查询列表): the counts per status as
//! chips that filter the list (工作台订单统计), then pages of orders, newest
//! first.

use leptos::prelude::*;
use shipdesk::orders::{OrderFilter, OrderStatus, OrderSummary};
use shipdesk::Money;

use super::export::ExportLinks;
use super::orders_base;
use crate::components::{Loaded, PagedList};
use crate::i18n::{lang, t};
use crate::orders::api::{count_orders, list_orders};
use crate::orders::text::{self as orders, status_label};
use crate::pricing::views::Portal;

#[component]
pub fn OrderList(portal: Portal) -> impl IntoView {
    let status = RwSignal::new(None::<OrderStatus>);
    let page = RwSignal::new(1u32);
    let counts = Resource::new(|| (), |_| count_orders(None, false));
    let list = Resource::new(
        move || (status.get(), page.get()),
        |(status, page)| {
            let filter = OrderFilter {
                status,
                ..Default::default()
            };
            list_orders(filter, Some(page), Some(20))
        },
    );
    let chip = move |s: Option<OrderStatus>, label: String, n: String| {
        let on = move || status.get() == s;
        view! {
            <button
                type="button"
                class=move || {
                    let c = if on() {
                        "bg-sky-600 text-white border-sky-600"
                    } else {
                        "bg-white text-slate-700 border-slate-200"
                    };
                    format!("status-chip shrink-0 rounded-full border px-3 py-1 text-sm {c}")
                }
                data-status=s.map(|s| s.as_str()).unwrap_or("all")
                on:click=move |_| {
                    page.set(1);
                    status.set(s);
                }
            >
                {label}
                " "
                <span class="tabular-nums">{n}</span>
            </button>
        }
    };
    let base = orders_base(portal);
    view! {
        <div class="order-list space-y-3">
            <Loaded
                resource=counts
                children=move |c| {
                    let chips = c
                        .by_status
                        .iter()
                        .map(|s| {
                            chip(
                                Some(s.status),
                                status_label(s.status).to_owned(),
                                orders::count(s.count, s.capped),
                            )
                        })
                        .collect_view();
                    view! {
                        <div class="counts flex gap-2 overflow-x-auto pb-1">
                            {chip(
                                None,
                                t(orders::ALL_ORDERS).to_owned(),
                                orders::count(c.total, c.capped),
                            )} {chips}
                        </div>
                    }
                }
            />
            <PagedList
                resource=list
                page
                empty=orders::NO_ORDERS
                children=move |items| {
                    let rows = items
                        .into_iter()
                        .map(|o| view! { <OrderRow o base /> })
                        .collect_view();
                    view! { <ul class="orders grid gap-2 md:grid-cols-2">{rows}</ul> }
                }
            />
            <div class="flex items-center justify-center gap-4 text-sm">
                <a href=portal.search() class="text-sky-700">
                    {move || t(orders::GO_QUOTE)}
                </a>
            </div>
            <ExportLinks filter=Signal::derive(move || OrderFilter {
                status: status.get(),
                ..Default::default()
            }) />
        </div>
    }
}

#[component]
fn OrderRow(o: OrderSummary, base: &'static str) -> impl IntoView {
    let status = o.status;
    let mode = o.mode;
    view! {
        <li class="order-row">
            <a
                href=format!("{base}/{}", o.id)
                class="block bg-white rounded-xl border border-slate-200 p-3 hover:border-sky-300"
            >
                <div class="flex items-center justify-between gap-2">
                    <span class="order-number font-mono text-sm">
                        {o.order_number.clone().unwrap_or_else(|| o.number.clone())}
                    </span>
                    <StatusBadge status />
                </div>
                <div class="mt-1 flex items-end justify-between gap-2">
                    <div class="min-w-0">
                        <div class="font-medium truncate">{o.channel_name.clone()}</div>
                        <div class="text-xs text-slate-500">
                            {move || mode.label(lang())} " · " {o.country.clone()} " "
                            {o.destination.clone()}
                        </div>
                    </div>
                    <div class="text-right shrink-0">
                        <div class="font-semibold tabular-nums">
                            {Money::from_fen(o.actual_total_fen.unwrap_or(o.total_fen))
                                .format_yuan()}
                        </div>
                        <div class="text-xs text-slate-400">{o.created_at.format_shanghai()}</div>
                    </div>
                </div>
            </a>
        </li>
    }
}

/// A status as a coloured badge.
#[component]
pub fn StatusBadge(status: OrderStatus) -> impl IntoView {
    use OrderStatus::*;
    let c = match status {
        Booked => "bg-amber-50 text-amber-700",
        Exception => "bg-red-50 text-red-700",
        Cancelled | Rejected => "bg-slate-100 text-slate-500",
        Delivered => "bg-emerald-50 text-emerald-700",
        _ => "bg-sky-50 text-sky-700",
    };
    view! {
        <span
            class=format!("status-badge shrink-0 rounded px-2 py-0.5 text-xs {c}")
            data-status=status.as_str()
        >
            {move || status_label(status)}
        </span>
    }
}
