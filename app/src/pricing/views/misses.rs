//! Why the other channels to the country give no plan ("为什么没有其他渠道？"):
//! each channel with every reason, asked for again with `explain`.

use leptos::prelude::*;
use shipdesk::pricing::{Explanation, QuoteForSearch};

use crate::components::{action_error, ErrorBanner};
use crate::i18n::{lang, t, Lang};
use crate::pricing::api::search_quotes;
use crate::pricing::text as pricing;

#[component]
pub fn Misses(
    /// The search the plans came from.
    #[prop(into)]
    search: Signal<Option<QuoteForSearch>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let explain = Action::new(|s: &QuoteForSearch| {
        let s = s.clone();
        async move {
            search_quotes(s.clone(), Some(true), None)
                .await
                .map(|a| (s, a))
        }
    });
    let error = action_error(explain);
    let pending = explain.pending();
    let ask = move || {
        let Some(s) = search.get_untracked() else {
            return;
        };
        let known = explain
            .value()
            .with_untracked(|v| matches!(v, Some(Ok((a, _))) if *a == s));
        if !known {
            explain.dispatch(s);
        }
    };
    let toggle = move |_| {
        open.update(|o| *o = !*o);
        if open.get_untracked() {
            ask();
        }
    };
    // Only the reasons of the search shown.
    let misses = move || -> Option<Vec<Explanation>> {
        let s = search.get()?;
        explain.value().with(|v| match v {
            Some(Ok((asked, a))) if *asked == s => Some(a.misses.clone()),
            _ => None,
        })
    };
    view! {
        <div class="misses">
            <button
                type="button"
                class="why-others text-sm text-sky-700 underline-offset-2 hover:underline"
                on:click=toggle
            >
                {move || if open.get() { t(pricing::HIDE_WHY) } else { t(pricing::WHY_OTHERS) }}
            </button>
            <Show when=move || open.get()>
                <ErrorBanner error all=true />
                {move || match misses() {
                    Some(list) if list.is_empty() => {
                        view! {
                            <p class="text-sm text-slate-500 mt-2">
                                {move || t(pricing::NO_MISSES)}
                            </p>
                        }
                            .into_any()
                    }
                    Some(list) => view! { <MissList list /> }.into_any(),
                    None if pending.get() => {
                        view! {
                            <p class="text-sm text-slate-400 mt-2">
                                {move || t(pricing::LOADING_WHY)}
                            </p>
                        }
                            .into_any()
                    }
                    None => ().into_any(),
                }}
            </Show>
        </div>
    }
}

#[component]
fn MissList(list: Vec<Explanation>) -> impl IntoView {
    let items = list
        .into_iter()
        .map(|e| {
            let reasons = e.reasons.clone();
            let text = move || {
                let l = lang();
                reasons
                    .iter()
                    .map(|r| {
                        if l == Lang::Zh {
                            r.zh.clone()
                        } else {
                            r.en.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(if l == Lang::Zh { "；" } else { "; " })
            };
            view! {
                <li class="miss py-2 border-b border-slate-100 last:border-0">
                    <div class="miss-name font-medium text-slate-700 break-words">
                        {e.channel_name}
                    </div>
                    <div class="miss-reasons text-sm text-slate-500">{text}</div>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="miss-list mt-2 bg-white rounded-xl border border-slate-200 px-3">{items}</ul> }
}
