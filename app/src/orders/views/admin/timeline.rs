//! The order's timeline, oldest first: each change with its status, who
//! made it (and, for a quick order, the customer a salesperson acted for),
//! when, and the note or reason.

use leptos::prelude::*;
use shipdesk::orders::{OrderEvent, OrderStatus};

use super::badge::StatusBadge;
use super::when;
use crate::i18n::t;
use crate::orders::admin_text as text;
use crate::orders::text::status_label;

fn dot(to: OrderStatus) -> &'static str {
    match to {
        OrderStatus::Exception => "bg-red-500",
        OrderStatus::Cancelled | OrderStatus::Rejected => "bg-slate-400",
        OrderStatus::Delivered => "bg-emerald-500",
        _ => "bg-sky-500",
    }
}

#[component]
pub fn Timeline(events: Vec<OrderEvent>) -> impl IntoView {
    let items = events
        .into_iter()
        .map(|e| {
            let from = e.from;
            let to = e.to;
            let (name, acting) = (e.by_name.clone(), e.acting_for.clone());
            let by = move || match &acting {
                Some(c) => format!("{name}{}", text::acting_for(c)),
                None => name.clone(),
            };
            let note = Some(e.note.clone()).filter(|n| !n.is_empty());
            view! {
                <li class="timeline-event relative pl-5 pb-4 last:pb-0" data-to=to.as_str()>
                    <span class=format!(
                        "absolute -left-[5.5px] top-1.5 h-2.5 w-2.5 rounded-full {}",
                        dot(to),
                    )></span>
                    <div class="flex flex-wrap items-center gap-1.5">
                        {from
                            .map(|f| {
                                view! {
                                    <span class="event-from text-xs text-slate-400">
                                        {move || status_label(f)} " →"
                                    </span>
                                }
                            })} <StatusBadge status=to />
                        {from
                            .is_none()
                            .then(|| {
                                view! {
                                    <span class="text-xs text-slate-400">
                                        {move || t(text::BOOKED)}
                                    </span>
                                }
                            })}
                    </div>
                    <div class="mt-0.5 text-xs text-slate-500">
                        <span class="event-by">{by}</span>
                        " · "
                        <span class="event-at">{when(e.at)}</span>
                    </div>
                    {note
                        .map(|n| {
                            view! { <p class="event-note mt-1 text-sm text-slate-700">{n}</p> }
                        })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="timeline bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold text-slate-700 mb-3">{move || t(text::TIMELINE)}</h2>
            <ol class="border-l border-slate-200 ml-1 pl-0">{items}</ol>
        </section>
    }
}
