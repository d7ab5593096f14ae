//! A quote card as chat shows it: the quote its number names, loaded when
//! the card is shown (so the price and validity are the quote's own, read
//! as the viewer may): number, channel, mode, destination, total, valid
//! until (greyed with 已过期 once past), 查看 to the quote's page in the
//! viewer's portal and 下单 (customers, while the quote holds). A quote the
//! viewer may not read is a neutral placeholder.

use leptos::prelude::*;
use shipdesk::pricing::{Country, SavedQuote};
use shipdesk::Money;

use super::Portal;
use crate::i18n::{lang, t};
use crate::pricing::api::get_quote;
use crate::pricing::text as pricing;

const FRAME: &str = "quote-card block w-64 max-w-full rounded-xl border bg-white text-slate-800 p-3 text-sm text-left shadow-sm";

#[component]
pub fn QuoteCardView(number: String, portal: Portal) -> impl IntoView {
    let quote = Resource::new(move || number.clone(), get_quote);
    let line = |text: crate::i18n::Text, class: &'static str| {
        view! {
            <div class=format!(
                "{FRAME} border-slate-200 text-slate-400 {class}",
            )>{move || t(text)}</div>
        }
    };
    view! {
        <Suspense fallback=move || line(
            pricing::QUOTE_LOADING,
            "quote-card-loading",
        )>
            {move || Suspend::new(async move {
                match quote.await {
                    Ok(q) => view! { <Card q portal /> }.into_any(),
                    Err(_) => line(pricing::QUOTE_UNAVAILABLE, "quote-card-unavailable").into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Card(q: SavedQuote, portal: Portal) -> impl IntoView {
    let s = &q.search;
    let country = Country::of(&s.country);
    let dest = s
        .fba_code
        .clone()
        .or(s.postcode.clone())
        .unwrap_or_default();
    let mode = q.plan.channel.mode;
    let valid = q.valid_until.to_string();
    let expired = q.expired;
    let tone = if expired {
        "expired border-slate-200 opacity-60"
    } else {
        "border-sky-200"
    };
    let href = format!("{}/{}", portal.quotes(), q.number);
    view! {
        <div class=format!("{FRAME} {tone}") data-number=q.number.clone()>
            <div class="flex items-center justify-between gap-2">
                <span class="text-xs font-medium text-sky-700">
                    {move || t(pricing::QUOTE_CARD)}
                </span>
                <span class="quote-number font-mono text-xs text-slate-500">
                    {q.number.clone()}
                </span>
            </div>
            <div class="quote-channel mt-1 font-semibold break-words">
                {q.plan.channel.name.clone()}
            </div>
            <div class="text-xs text-slate-500">
                {move || mode.label(lang())} " · " {move || country.name(lang()).to_owned()} " "
                {dest.clone()}
            </div>
            <div class="quote-total mt-1 text-xl font-bold text-sky-700 tabular-nums">
                {Money::from_fen(q.total_fen).format_yuan()}
            </div>
            <div class="quote-validity text-xs text-slate-500">
                {if expired {
                    view! {
                        <span class="expired-badge rounded bg-slate-200 text-slate-600 px-1.5 py-0.5">
                            {move || t(pricing::EXPIRED)}
                        </span>
                    }
                        .into_any()
                } else {
                    view! { <span>{move || pricing::valid_until(&valid)}</span> }.into_any()
                }}
            </div>
            <div class="mt-2 flex items-center gap-2">
                <a
                    class="quote-view rounded-lg border border-sky-600 text-sky-700 px-3 py-1 text-xs font-medium hover:bg-sky-50"
                    href=href
                >
                    {move || t(pricing::VIEW)}
                </a>
                {(portal != Portal::Admin && !q.expired)
                    .then(|| {
                        view! {
                            <a
                                class="quote-book rounded-lg bg-sky-600 text-white px-3 py-1 text-xs font-medium"
                                href=format!("{}/{}/book", portal.quotes(), q.number)
                            >
                                {move || t(pricing::ORDER)}
                            </a>
                        }
                    })}
            </div>
        </div>
    }
}
