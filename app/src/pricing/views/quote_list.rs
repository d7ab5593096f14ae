//! Saved quotes, newest first: a search box (number, channel, destination)
//! and pages of twenty.

use leptos::prelude::*;
use shipdesk::pricing::QuoteFilter;

use super::quote_row::QuoteRow;
use super::Portal;
use crate::components::text as common;
use crate::components::PagedList;
use crate::i18n::t;
use crate::pricing::api::list_quotes;
use crate::pricing::text as pricing;

#[component]
pub fn QuoteList(portal: Portal) -> impl IntoView {
    let q = RwSignal::new(String::new());
    let applied = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);
    let list = Resource::new(
        move || (applied.get(), page.get()),
        |(q, page)| {
            let filter = QuoteFilter {
                q: Some(q),
                company_id: None,
            };
            list_quotes(filter, Some(page), Some(20))
        },
    );
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        page.set(1);
        applied.set(q.get_untracked());
    };
    let (base, staff) = (portal.quotes(), portal == Portal::Admin);
    view! {
        <div class="quote-list space-y-3">
            <form class="flex gap-2" on:submit=search role="search">
                <input
                    class="quotes-search flex-1 min-w-0 rounded-lg border border-slate-300 px-3 py-2 text-base"
                    type="search"
                    bind:value=q
                    placeholder=move || t(pricing::QUOTES_SEARCH)
                />
                <button
                    type="submit"
                    class="shrink-0 rounded-lg border border-slate-300 bg-white px-4 py-2"
                >
                    {move || t(common::SEARCH)}
                </button>
            </form>
            <PagedList
                resource=list
                page
                empty=pricing::NO_QUOTES
                children=move |items| {
                    let rows = items
                        .into_iter()
                        .map(|quote| view! { <QuoteRow quote base staff /> })
                        .collect_view();
                    view! { <ul class="quotes grid gap-2 md:grid-cols-2">{rows}</ul> }
                }
            />
        </div>
    }
}
