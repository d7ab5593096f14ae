//! The quote search for one customer company in a narrow column (the chat
//! side panel): the pasted inquiry and the form, the plans priced at the
//! company's level, and one button that saves the selected plan for the
//! company and hands the saved quote on (保存并发送 in chat).

use leptos::prelude::*;
use shipdesk::pricing::{Inquiry, Plan, QuoteForSave, QuoteForSearch, QuoteForm, SavedQuote};
use shipdesk::{AppError, Id, Money};

use super::draft::Draft;
use super::inquiry_box::InquiryBox;
use super::plans::Plans;
use super::search_form::SearchForm;
use super::Portal;
use crate::components::{action_error, ErrorBanner, Loaded};
use crate::i18n::{t, Text};
use crate::pricing::api::{get_quote_form, save_quote, search_quotes};
use crate::pricing::text as pricing;

/// Searches for `company_id`; `label` on the save button, `on_saved` gets
/// each quote saved.
#[component]
pub fn CompanyQuoteSearch(
    company_id: Id,
    label: Text,
    on_saved: Callback<SavedQuote>,
) -> impl IntoView {
    let form = Resource::new(|| (), |_| get_quote_form());
    view! {
        <Loaded
            resource=form
            children=move |f| view! { <Search form=f company_id label on_saved /> }
        />
    }
}

#[component]
fn Search(
    form: QuoteForm,
    company_id: Id,
    label: Text,
    on_saved: Callback<SavedQuote>,
) -> impl IntoView {
    let first = form.countries.first().map_or("US", |c| c.code.as_str());
    let draft = Draft::new(first);
    let local = RwSignal::new(None::<AppError>);
    let search = Action::new(move |s: &QuoteForSearch| {
        let s = s.clone();
        async move {
            let answer = search_quotes(s.clone(), Some(false), Some(company_id)).await;
            answer.map(|a| (s, a))
        }
    });
    let server = action_error(search);
    let error = Signal::derive(move || local.get().or_else(|| server.get()));
    let searched = Signal::derive(move || search.value().get().and_then(|r| r.ok()));
    let (selected, open) = (RwSignal::new(None::<Id>), RwSignal::new(None::<Id>));
    Effect::new(move |_| {
        if let Some(Ok((_, a))) = search.value().get() {
            selected.set(a.plans.first().map(|p| p.channel.id));
            open.set(None);
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
    let save = Action::new(|i: &QuoteForSave| save_quote(i.clone()));
    Effect::new(move |_| {
        if let Some(Ok(q)) = save.value().get() {
            on_saved.run(q);
        }
    });
    let submit = Callback::new(move |_| match draft.to_search() {
        Err(e) => local.set(Some(e)),
        Ok(s) => {
            local.set(None);
            search.dispatch(s);
        }
    });
    let on_save = move |_| {
        let (Some((s, _)), Some(p)) = (searched.get_untracked(), plan.get_untracked()) else {
            return;
        };
        save.dispatch(QuoteForSave {
            search: s,
            channel_id: p.channel.id,
            company_id: Some(company_id),
        });
    };
    let pending = save.pending();
    let (text, read) = (RwSignal::new(String::new()), RwSignal::new(None::<Inquiry>));
    view! {
        <div class="company-quote-search space-y-3">
            <InquiryBox draft text result=read />
            <ErrorBanner error />
            <SearchForm draft form error pending=search.pending() on_submit=submit />
            <Plans portal=Portal::Admin searched pending=search.pending() selected open />
            <Show when=move || searched.with(|s| s.is_some())>
                // Flush with the bottom and sides of a column padded p-3 (the chat side
                // panel), so no plan shows below or beside it.
                <div class="sticky -bottom-3 -mx-3 px-3 pt-2 pb-3 bg-white border-t border-slate-200 space-y-1 shadow-[0_-2px_6px_rgba(0,0,0,0.05)]">
                    <ErrorBanner error=action_error(save) all=true />
                    <div class="flex items-center justify-between gap-2">
                        <span class="selected-total font-bold text-sky-700 tabular-nums">
                            {move || {
                                plan.get()
                                    .map(|p| Money::from_fen(p.total_fen).format_yuan())
                                    .unwrap_or_else(|| t(pricing::NONE_SELECTED).to_owned())
                            }}
                        </span>
                        <button
                            type="button"
                            class="save-send rounded-lg bg-sky-600 text-white px-3 py-1.5 text-sm font-medium disabled:opacity-50"
                            disabled=move || pending.get() || plan.with(|p| p.is_none())
                            on:click=on_save
                        >
                            {move || if pending.get() { t(pricing::SAVING) } else { t(label) }}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
