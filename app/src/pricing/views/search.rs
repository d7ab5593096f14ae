//! The quote search, the same in the three portals: the pasted inquiry and
//! the form, the plans of the last search (cheapest first), why not the
//! others, and saving the selected plan. On a phone one column with the
//! total in a bar at the bottom; on a desktop the form left, plans right.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shipdesk::pricing::{Inquiry, Plan, QuoteForSave, QuoteForSearch, QuoteForm};
use shipdesk::{AppError, Id};

use super::draft::Draft;
use super::hall::PostToHall;
use super::inquiry_box::InquiryBox;
use super::plans::Plans;
use super::save_bar::SaveBar;
use super::search_form::SearchForm;
use super::Portal;
use crate::components::{action_error, ErrorBanner, Loaded};
use crate::pricing::api::{get_quote_form, save_quote, search_quotes};

/// The search page's body for `portal`.
#[component]
pub fn QuoteSearch(portal: Portal) -> impl IntoView {
    let form = Resource::new(|| (), |_| get_quote_form());
    view! { <Loaded resource=form children=move |f| view! { <Search form=f portal /> } /> }
}

#[component]
fn Search(form: QuoteForm, portal: Portal) -> impl IntoView {
    let first = form.countries.first().map_or("US", |c| c.code.as_str());
    let draft = Draft::new(first);
    let initial = use_query_map().with_untracked(|q| q.get("text"));
    let local = RwSignal::new(None::<AppError>);
    let (text, read) = (RwSignal::new(String::new()), RwSignal::new(None::<Inquiry>));
    // Staff price for the company they pick (its price level); customers
    // always at their own.
    let search = Action::new(|(s, company): &(QuoteForSearch, Option<Id>)| {
        let (s, company) = (s.clone(), *company);
        async move {
            let answer = search_quotes(s.clone(), Some(false), company).await;
            answer.map(|a| (s, a))
        }
    });
    let server = action_error(search);
    let error = Signal::derive(move || local.get().or_else(|| server.get()));
    let searched = Signal::derive(move || search.value().get().and_then(|r| r.ok()));
    let (selected, open) = (RwSignal::new(None::<Id>), RwSignal::new(None::<Id>));
    let company = RwSignal::new(String::new());
    let save = Action::new(|i: &QuoteForSave| save_quote(i.clone()));
    // Another company, another price level: the plans are priced again.
    Effect::new(move |prev: Option<String>| {
        let c = company.get();
        if prev.is_some_and(|p| p != c) {
            if let Some((s, _)) = searched.get_untracked() {
                search.dispatch((s, c.parse().ok()));
            }
        }
        c
    });
    Effect::new(move |_| {
        if let Some(Ok((_, a))) = search.value().get() {
            selected.set(a.plans.first().map(|p| p.channel.id));
            open.set(None);
            save.value().set(None);
        }
    });
    let plan = Signal::derive(move || -> Option<Plan> {
        let id = selected.get()?;
        searched.with(|s| {
            s.as_ref()?
                .1
                .plans
                .iter()
                .find(|p| p.channel.id == id)
                .cloned()
        })
    });
    let submit = Callback::new(move |_| match draft.to_search() {
        Err(e) => local.set(Some(e)),
        Ok(s) => {
            local.set(None);
            search.dispatch((s, company.get_untracked().parse().ok()));
        }
    });
    let on_save = Callback::new(move |_| {
        let (Some((s, _)), Some(p)) = (searched.get_untracked(), plan.get_untracked()) else {
            return;
        };
        save.dispatch(QuoteForSave {
            search: s,
            channel_id: p.channel.id,
            company_id: company.get_untracked().parse().ok(),
        });
    });
    let saved = Signal::derive(move || save.value().get().and_then(|r| r.ok()));
    let pending = search.pending();
    let inputs = view! {
        <section class="bg-white rounded-xl border border-slate-200 p-3">
            <InquiryBox draft text result=read initial=initial.unwrap_or_default() />
        </section>
        <section class="bg-white rounded-xl border border-slate-200 p-3">
            <ErrorBanner error />
            <SearchForm draft form error pending on_submit=submit />
        </section>
    };
    let offer =
        (portal != Portal::Admin).then(|| view! { <PostToHall portal draft text read searched /> });
    let bar = move || {
        view! {
            <SaveBar
                portal
                plan
                saved
                error=action_error(save)
                pending=save.pending()
                company
                on_save
            />
        }
    };
    let results = view! { <Plans portal searched=searched pending selected open /> };
    match portal {
        Portal::H5 => view! {
            <div class="quote-search p-3 space-y-3 pb-32">{inputs} {results} {offer}</div>
            <Show when=move || searched.with(|s| s.is_some())>{bar()}</Show>
        }
        .into_any(),
        _ => view! {
            <div class="quote-search grid grid-cols-[minmax(0,26rem)_minmax(0,1fr)] gap-6 items-start">
                <div class="space-y-4">{inputs}</div>
                <div class="space-y-3 min-w-0">{bar()} {results} {offer}</div>
            </div>
        }
        .into_any(),
    }
}
