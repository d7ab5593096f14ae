//! The plans of the last search, cheapest first, or why there are none;
//! the "why not the others" toggle under them.

use leptos::prelude::*;
use shipdesk::pricing::{QuoteAnswer, QuoteForSearch};
use shipdesk::Id;

use super::misses::Misses;
use super::plan_card::PlanCard;
use super::Portal;
use crate::i18n::t;
use crate::pricing::text as pricing;

#[component]
pub fn Plans(
    portal: Portal,
    #[prop(into)] searched: Signal<Option<(QuoteForSearch, QuoteAnswer)>>,
    #[prop(into)] pending: Signal<bool>,
    selected: RwSignal<Option<Id>>,
    open: RwSignal<Option<Id>>,
) -> impl IntoView {
    let staff = portal == Portal::Admin;
    let search = Signal::derive(move || searched.with(|s| s.as_ref().map(|(q, _)| q.clone())));
    let body = move || {
        match searched.get() {
        None if pending.get() => view! { <p class="loading text-sm text-slate-400">{move || t(pricing::SEARCHING)}</p> }.into_any(),
        None if portal == Portal::H5 => ().into_any(),
        None => view! {
            <p class="plans-hint text-sm text-slate-400 bg-white rounded-xl border border-dashed border-slate-300 p-6 text-center">
                {move || t(pricing::PLANS_HINT)}
            </p>
        }.into_any(),
        Some((_, answer)) if answer.plans.is_empty() => view! {
            <p class="no-plans empty-state text-sm text-slate-600 bg-amber-50 border border-amber-200 rounded-xl p-3">
                {move || t(pricing::NO_PLANS)}
            </p>
            <Misses search />
        }
        .into_any(),
        Some((_, answer)) => {
            let n = answer.plans.len();
            let cards = answer
                .plans
                .into_iter()
                .map(|plan| view! { <PlanCard plan selected open staff /> })
                .collect_view();
            view! {
                <h2 class="flex items-baseline justify-between font-semibold text-slate-700">
                    <span>
                        {move || t(pricing::PLANS)}
                        <span class="plan-count ml-1 text-sm font-normal text-slate-400">
                            {format!("({n})")}
                        </span>
                    </span>
                    <Show when=move || pending.get()>
                        <span class="text-xs font-normal text-slate-400">
                            {move || t(pricing::SEARCHING)}
                        </span>
                    </Show>
                </h2>
                <ul class="plans space-y-2">{cards}</ul>
                <Misses search />
            }
            .into_any()
        }
    }
    };
    view! { <section class="plan-list space-y-2">{body}</section> }
}
