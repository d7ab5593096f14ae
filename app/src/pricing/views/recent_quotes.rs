//! The latest three saved quotes, for the H5 home page, with a link to all.

use leptos::prelude::*;
use shipdesk::pricing::QuoteFilter;

use super::quote_row::QuoteRow;
use crate::components::Loaded;
use crate::i18n::t;
use crate::pricing::api::list_quotes;
use crate::pricing::text as pricing;

#[component]
pub fn RecentQuotes(base: &'static str) -> impl IntoView {
    let list = Resource::new(
        || (),
        |_| list_quotes(QuoteFilter::default(), Some(1), Some(3)),
    );
    view! {
        <Loaded
            resource=list
            quiet=true
            children=move |p| {
                (!p.items.is_empty())
                    .then(|| {
                        let rows = p
                            .items
                            .into_iter()
                            .map(|quote| view! { <QuoteRow quote base /> })
                            .collect_view();
                        view! {
                            <section class="recent-quotes">
                                <div class="flex items-center justify-between px-1 mb-1.5">
                                    <h2 class="font-semibold">{move || t(pricing::LATEST)}</h2>
                                    <a href=base class="text-sm text-sky-700">
                                        {move || t(pricing::SEE_ALL)}
                                        " ›"
                                    </a>
                                </div>
                                <ul class="space-y-2">{rows}</ul>
                            </section>
                        }
                    })
            }
        />
    }
}
