//! The hall's counts as tabs: all and each status, the chosen one
//! highlighted; how many are overdue beside them in red.

use leptos::prelude::*;
use shipdesk::pricing::inquiry_hall::{InquiryCounts, InquiryStatus};

use super::mine::TABS;
use crate::pricing::hall_text as hall;

fn count(c: &InquiryCounts, s: Option<InquiryStatus>) -> i64 {
    match s {
        None => c.total,
        Some(InquiryStatus::Pending) => c.pending,
        Some(InquiryStatus::Quoted) => c.quoted,
        Some(InquiryStatus::Won) => c.won,
        Some(InquiryStatus::Closed) => c.closed,
    }
}

#[component]
pub fn CountTabs(
    counts: InquiryCounts,
    status: RwSignal<Option<InquiryStatus>>,
    on_pick: Callback<Option<InquiryStatus>>,
) -> impl IntoView {
    let overdue = counts.overdue;
    let tabs = TABS
        .iter()
        .map(|&(s, label)| {
            let n = count(&counts, s);
            let on = move || status.get() == s;
            view! {
                <button
                    type="button"
                    role="tab"
                    class=move || {
                        let tone = if on() {
                            "border-sky-600 text-sky-700 font-medium"
                        } else {
                            "border-transparent text-slate-600 hover:text-sky-700"
                        };
                        format!("count-tab shrink-0 border-b-2 px-3 py-2 {tone}")
                    }
                    data-status=s.map(|s| s.as_str()).unwrap_or("all")
                    data-count=n.to_string()
                    aria-selected=move || on().to_string()
                    on:click=move |_| on_pick.run(s)
                >
                    {move || hall::tab(label, n)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div
            class="count-tabs flex items-center gap-1 border-b border-slate-200 overflow-x-auto"
            role="tablist"
        >
            {tabs}
            <Show when=move || { overdue > 0 }>
                <span class="overdue-count ml-auto shrink-0 rounded bg-red-100 text-red-700 px-2 py-0.5 text-sm">
                    {move || hall::tab(hall::HALL_OVERDUE, overdue)}
                </span>
            </Show>
        </div>
    }
}
