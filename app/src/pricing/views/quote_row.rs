//! A saved quote in a list: number, destination, channel, total and
//! validity; an expired one greyed with 已过期.

use leptos::prelude::*;
use shipdesk::pricing::{Country, QuoteSummary};
use shipdesk::Money;

use crate::i18n::{lang, t};
use crate::pricing::text as pricing;

#[component]
pub fn QuoteRow(
    quote: QuoteSummary,
    /// Where a quote's page is: `{base}/{number}`.
    base: &'static str,
    #[prop(optional)] staff: bool,
) -> impl IntoView {
    let q = quote;
    let country = Country::of(&q.country);
    let mode = q.mode;
    let tone = if q.expired { "expired opacity-60" } else { "" };
    let valid = q.valid_until.to_string();
    let company = staff.then(|| q.company_name.clone()).flatten();
    view! {
        <li class=format!("quote-row {tone}")>
            <a
                href=format!("{base}/{}", q.number)
                class="block bg-white rounded-xl border border-slate-200 p-3 hover:border-sky-300"
            >
                <div class="flex items-center justify-between gap-2">
                    <span class="quote-number font-mono text-sm text-slate-700">
                        {q.number.clone()}
                    </span>
                    {if q.expired {
                        view! {
                            <span class="expired-badge rounded bg-slate-200 text-slate-600 px-1.5 py-0.5 text-xs">
                                {move || t(pricing::EXPIRED)}
                            </span>
                        }
                            .into_any()
                    } else {
                        view! {
                            <span class="text-xs text-emerald-700">
                                {move || pricing::valid_until(&valid)}
                            </span>
                        }
                            .into_any()
                    }}
                </div>
                <div class="flex items-end justify-between gap-3 mt-1">
                    <div class="min-w-0">
                        <div class="font-medium text-slate-800 break-words">
                            {q.channel_name.clone()}
                        </div>
                        <div class="text-sm text-slate-500">
                            {move || country.name(lang()).to_owned()} " " {q.destination.clone()}
                            " · " {move || mode.label(lang())}
                            {company.map(|c| format!(" · {c}"))}
                        </div>
                    </div>
                    <div class="quote-total shrink-0 font-bold text-sky-700 tabular-nums">
                        {Money::from_fen(q.total_fen).format_yuan()}
                    </div>
                </div>
            </a>
        </li>
    }
}
