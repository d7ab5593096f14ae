//! A saved quote (`…/quotes/:number`): the snapshot as it was saved, its
//! search, its lines and validity, and 下单 (customers: the booking form).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shipdesk::pricing::{CargoInput, Country, Qty, QuoteForSearch, SavedQuote};
use shipdesk::Money;

use super::plan_detail::PlanDetail;
use super::Portal;
use crate::components::Loaded;
use crate::i18n::{lang, t};
use crate::pricing::api::get_quote;
use crate::pricing::text as pricing;

fn fig(v: f64) -> String {
    Qty((v * 1000.0).round() as i64).format()
}

/// The cargo in one line: `5 箱 · 110 kg · 0.3 CBM`.
pub(super) fn cargo(s: &QuoteForSearch) -> String {
    match &s.cargo {
        CargoInput::Cartons { lines } => {
            let n = lines.iter().map(|l| l.count.max(0) as u32).sum();
            let kg: f64 = lines.iter().map(|l| l.count as f64 * l.weight_kg).sum();
            let cm3: f64 = lines
                .iter()
                .map(|l| l.count as f64 * l.length_cm * l.width_cm * l.height_cm)
                .sum();
            pricing::cargo_line(Some(n), Some(fig(kg)), Some(fig(cm3 / 1e6)))
        }
        CargoInput::Totals {
            weight_kg,
            volume_cbm,
            pieces,
        } => pricing::cargo_line(
            pieces.map(|p| p as u32),
            weight_kg.map(fig),
            volume_cbm.map(fig),
        ),
    }
}

#[component]
pub fn SavedQuotePage(portal: Portal) -> impl IntoView {
    let params = use_params_map();
    let quote = Resource::new(
        move || params.with(|p| p.get("number").unwrap_or_default()),
        get_quote,
    );
    view! { <Loaded resource=quote children=move |q| view! { <Snapshot q portal /> } /> }
}

#[component]
fn Snapshot(q: SavedQuote, portal: Portal) -> impl IntoView {
    let staff = portal == Portal::Admin;
    // A salesperson books quick orders (快捷下单) on their customers' quotes.
    let seller = use_context::<crate::auth::CurrentStaff>()
        .is_some_and(|c| c.0.has(shipdesk::auth::Role::Sales));
    let s = q.search.clone();
    let country = Country::of(&s.country);
    let dest = s
        .fba_code
        .clone()
        .or(s.postcode.clone())
        .unwrap_or_default();
    let (goods, origin) = (s.goods_type, s.origin.clone());
    let ch = q.plan.channel.clone();
    let (mode, min, max) = (ch.mode, ch.transit_days.min, ch.transit_days.max);
    let eta = format!("{} – {}", q.plan.eta.from, q.plan.eta.to);
    let departs = q.plan.departure.to_string();
    let valid = q.valid_until.to_string();
    let row = |label: crate::i18n::Text, value: String| {
        view! {
            <div class="flex justify-between gap-3 py-1">
                <dt class="text-slate-500 shrink-0">{move || t(label)}</dt>
                <dd class="text-right break-words min-w-0">{value}</dd>
            </div>
        }
    };
    view! {
        <article class="saved-quote space-y-3">
            <section class="bg-white rounded-xl border border-slate-200 p-4">
                <div class="flex items-center justify-between gap-2">
                    <h2 class="quote-number font-mono text-lg font-semibold">{q.number.clone()}</h2>
                    {if q.expired {
                        view! {
                            <span class="expired-badge rounded bg-slate-200 text-slate-600 px-2 py-0.5 text-sm">
                                {move || t(pricing::EXPIRED)}
                            </span>
                        }
                            .into_any()
                    } else {
                        view! {
                            <span class="rounded bg-emerald-50 text-emerald-700 px-2 py-0.5 text-sm">
                                {move || t(pricing::VALID)}
                            </span>
                        }
                            .into_any()
                    }}
                </div>
                <div class="mt-2 flex items-end justify-between gap-3">
                    <div class="min-w-0">
                        <div class="font-semibold break-words">{ch.name.clone()}</div>
                        <div class="text-sm text-slate-500">
                            {move || mode.label(lang())} " · " {move || pricing::transit(min, max)}
                        </div>
                    </div>
                    <div class="quote-total shrink-0 text-2xl font-bold text-sky-700 tabular-nums">
                        {Money::from_fen(q.total_fen).format_yuan()}
                    </div>
                </div>
                <p class="validity mt-1 text-sm text-slate-600">
                    {move || pricing::valid_until(&valid)}
                </p>
            </section>
            <section class="bg-white rounded-xl border border-slate-200 p-4 text-sm">
                <h3 class="font-medium text-slate-700 mb-1">{move || t(pricing::SEARCHED)}</h3>
                <dl>
                    {row(pricing::COUNTRY, format!("{} {}", country.name(lang()), country.code))}
                    {row(
                        if s.fba_code.is_some() { pricing::FBA_CODE } else { pricing::POSTCODE },
                        dest,
                    )} {origin.map(|o| row(pricing::ORIGIN, o))} {row(pricing::CARGO, cargo(&s))}
                    {row(pricing::GOODS_TYPE, goods.label(lang()).to_owned())}
                    {row(pricing::DEPARTS, departs)} {row(pricing::ETA, eta)}
                    {row(pricing::CREATED_BY, q.created_by.clone())}
                    {row(pricing::CREATED_AT, q.created_at.format_shanghai())}
                    {staff
                        .then(|| q.company_name.clone())
                        .flatten()
                        .map(|c| row(pricing::COMPANY, c))}
                </dl>
            </section>
            <section class="bg-white rounded-xl border border-slate-200 p-4">
                <PlanDetail plan=q.plan.clone() staff valid_until=q.valid_until.to_string() />
            </section>
            <div class="flex flex-col md:flex-row md:items-center gap-2">
                {if portal == Portal::Admin && q.company_id.is_some() && seller {
                    view! {
                        <a
                            class="quick-order rounded-lg bg-violet-600 text-white px-6 py-2.5 font-medium text-center"
                            href=format!("{}/{}/book", portal.quotes(), q.number)
                        >
                            {move || t(crate::orders::text::QUICK_ORDER)}
                        </a>
                    }
                        .into_any()
                } else if portal == Portal::Admin {
                    view! {
                        <span class="orders-soon text-sm text-slate-500">
                            {move || t(crate::orders::text::CANNOT_BOOK_STAFF)}
                        </span>
                    }
                        .into_any()
                } else {
                    view! {
                        <a
                            class="book rounded-lg bg-sky-600 text-white px-6 py-2.5 font-medium text-center"
                            href=format!("{}/{}/book", portal.quotes(), q.number)
                        >
                            {move || t(pricing::ORDER)}
                        </a>
                    }
                        .into_any()
                }} <a href=portal.search() class="md:ml-auto text-sm text-sky-700">
                    {move || t(pricing::NEW_SEARCH)}
                </a>
            </div>
        </article>
    }
}
