//! An order's timeline: each change, newest last, with who and when, and
//! the note (the reason of a cancel, a reject or an exception).

use leptos::prelude::*;
use shipdesk::orders::OrderEvent;

use crate::i18n::t;
use crate::orders::text::{self as orders, status_label};

#[component]
pub fn Timeline(events: Vec<OrderEvent>) -> impl IntoView {
    let items = events
        .into_iter()
        .map(|e| {
            let to = e.to;
            let who = match &e.acting_for {
                Some(m) => format!("{} → {m}", e.by_name),
                None => e.by_name.clone(),
            };
            view! {
                <li class="event relative pl-5 pb-3 last:pb-0" data-status=to.as_str()>
                    <span class="absolute left-0 top-1.5 w-2.5 h-2.5 rounded-full bg-sky-500"></span>
                    <div class="flex items-baseline justify-between gap-2">
                        <span class="font-medium">{move || status_label(to)}</span>
                        <span class="text-xs text-slate-400 shrink-0">
                            {e.at.format_shanghai()}
                        </span>
                    </div>
                    <div class="text-xs text-slate-500">{who}</div>
                    {(!e.note.is_empty())
                        .then(|| {
                            view! { <p class="note text-sm text-slate-700">{e.note.clone()}</p> }
                        })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="timeline bg-white rounded-xl border border-slate-200 p-4">
            <h3 class="font-medium mb-2">{move || t(orders::TIMELINE)}</h3>
            <ol class="border-l border-slate-200 ml-1">{items}</ol>
        </section>
    }
}
