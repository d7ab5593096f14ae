//! One plan in the list: channel, mode, transit, departure and ETA, tags
//! and the all-in total, the cheapest and fastest marked. A tap selects it
//! and opens or closes its details.

use leptos::prelude::*;
use shipdesk::pricing::Plan;
use shipdesk::{Id, Money};

use super::plan_detail::PlanDetail;
use crate::i18n::{lang, t};
use crate::pricing::text as pricing;

fn badge(class: &'static str, text: crate::i18n::Text) -> impl IntoView {
    view! {
        <span class=format!(
            "{class} rounded px-1.5 py-0.5 text-xs font-medium",
        )>{move || t(text)}</span>
    }
}

/// `12-05` from `2026-12-05`.
fn short(d: impl ToString) -> String {
    let s = d.to_string();
    s.get(5..).unwrap_or(&s).to_owned()
}

#[component]
pub fn PlanCard(
    plan: Plan,
    selected: RwSignal<Option<Id>>,
    open: RwSignal<Option<Id>>,
    #[prop(optional)] staff: bool,
) -> impl IntoView {
    let id = plan.channel.id;
    let ch = plan.channel.clone();
    let is_selected = move || selected.get() == Some(id);
    let is_open = move || open.get() == Some(id);
    let toggle = move |_| {
        selected.set(Some(id));
        open.update(|o| *o = if *o == Some(id) { None } else { Some(id) });
    };
    let mode = ch.mode;
    let (min, max) = (ch.transit_days.min, ch.transit_days.max);
    let (dep, eta_from, eta_to) = (
        short(plan.departure),
        short(plan.eta.from),
        short(plan.eta.to),
    );
    let tags = ch
        .tags
        .iter()
        .map(|tag| {
            view! {
                <span class="tag rounded bg-slate-100 text-slate-600 px-1.5 py-0.5 text-xs">
                    {tag.clone()}
                </span>
            }
        })
        .collect_view();
    let detail = plan.clone();
    view! {
        <li
            class=move || {
                let ring = if is_selected() {
                    "border-sky-500 ring-2 ring-sky-500/30"
                } else {
                    "border-slate-200"
                };
                format!("plan bg-white rounded-xl border {ring}")
            }
            data-channel=id.to_string()
        >
            <button
                type="button"
                class="plan-head w-full text-left p-3"
                on:click=toggle
                aria-expanded=move || is_open().to_string()
            >
                <div class="flex items-start justify-between gap-3">
                    <div class="min-w-0">
                        <div class="flex flex-wrap items-center gap-1 mb-1">
                            {plan
                                .cheapest
                                .then(|| badge(
                                    "mark-cheapest bg-emerald-100 text-emerald-700",
                                    pricing::CHEAPEST,
                                ))}
                            {plan
                                .fastest
                                .then(|| badge(
                                    "mark-fastest bg-orange-100 text-orange-700",
                                    pricing::FASTEST,
                                ))}
                            {ch
                                .special
                                .then(|| badge("bg-rose-100 text-rose-700", pricing::SPECIAL))}
                            {ch
                                .tax_included
                                .then(|| badge(
                                    "bg-indigo-50 text-indigo-700",
                                    pricing::TAX_INCLUDED,
                                ))}
                        </div>
                        <div class="plan-name font-semibold text-slate-800 break-words">
                            {ch.name.clone()}
                        </div>
                        <div class="text-sm text-slate-600 mt-0.5">
                            {move || mode.label(lang())} " · " {move || pricing::transit(min, max)}
                        </div>
                    </div>
                    <div class="shrink-0 text-right">
                        <div class="plan-total text-lg font-bold text-sky-700 tabular-nums">
                            {Money::from_fen(plan.total_fen).format_yuan()}
                        </div>
                        {plan
                            .cost_total_fen
                            .map(|c| {
                                view! {
                                    <div class="plan-cost text-xs text-slate-500 tabular-nums">
                                        {move || t(pricing::COST)} " "
                                        {Money::from_fen(c).format_yuan()}
                                    </div>
                                }
                            })}
                        <div class="text-xs text-slate-400">
                            {move || if is_open() { "▲" } else { "▼" }} " "
                            {move || t(pricing::DETAILS)}
                        </div>
                    </div>
                </div>
                <div class="mt-1.5 text-xs text-slate-500">
                    {move || t(pricing::DEPARTS)} " " {dep} " · " {move || t(pricing::ETA)} " "
                    {format!("{eta_from} – {eta_to}")}
                </div>
                <div class="flex flex-wrap gap-1 mt-1.5">{tags}</div>
            </button>
            <Show when=is_open>
                <div class="border-t border-slate-100 px-3 py-2">
                    <PlanDetail plan=detail.clone() staff />
                </div>
            </Show>
        </li>
    }
}
