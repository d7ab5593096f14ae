//! Previous / next paging with the total count (or, for a list counted
//! only so far, that it holds more).

use leptos::prelude::*;

use crate::components::text as common;
use crate::i18n::t;

#[component]
pub fn Pager(
    #[prop(into)] page: Signal<u32>,
    #[prop(into)] pages: Signal<u32>,
    #[prop(into)] total: Signal<i64>,
    on_page: Callback<u32>,
    /// The total is a lower bound: the list holds more.
    #[prop(optional)]
    capped: bool,
) -> impl IntoView {
    view! {
        <nav class="pager flex items-center justify-between gap-3 mt-4 text-sm text-slate-600">
            <span class="pager-total">{move || common::total(total.get(), capped)}</span>
            <div class="flex items-center gap-2">
                <button
                    type="button"
                    class="px-3 py-1 rounded border border-slate-300 disabled:opacity-40"
                    disabled=move || { page.get() <= 1 }
                    on:click=move |_| on_page.run(page.get().saturating_sub(1).max(1))
                >
                    {move || t(common::PREV)}
                </button>
                <span class="page-no">{move || format!("{} / {}", page.get(), pages.get())}</span>
                <button
                    type="button"
                    class="px-3 py-1 rounded border border-slate-300 disabled:opacity-40"
                    disabled=move || { page.get() >= pages.get() }
                    on:click=move |_| on_page.run(page.get() + 1)
                >
                    {move || t(common::NEXT)}
                </button>
            </div>
        </nav>
    }
}
