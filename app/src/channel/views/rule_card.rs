//! One surcharge rule in the editor: name, how it is counted, the amount
//! with its unit, and its conditions.

use leptos::prelude::*;
use shipdesk::pricing::Unit;
use shipdesk::AppError;

use super::condition_line::CondLine;
use super::errors::ErrorUnder;
use super::format;
use super::surcharge_draft::{RuleRow, SurchargesDraft, PERS};
use crate::channel::rules_text as rt;
use crate::channel::text as ch;
use crate::i18n::{t, Text};

const INPUT: &str = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm outline-none focus:ring-2 focus:ring-sky-500";

fn per_text(per: &str) -> Text {
    match per {
        "unit" => rt::PER_UNIT,
        "shipment" => rt::PER_SHIPMENT,
        "percent" => rt::PER_PERCENT,
        _ => rt::PER_CARTON,
    }
}

#[component]
pub fn RuleCard(
    d: SurchargesDraft,
    r: RuleRow,
    per_cbm: RwSignal<bool>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let place = move || d.index_of(r.key).unwrap_or(0);
    let field =
        move |part: &'static str| Signal::derive(move || format!("surcharges[{}].{part}", place()));
    let prefix = Signal::derive(move || format!("surcharges[{}]", place()));
    let suffix = move || match r.per.get().as_str() {
        "percent" => t(rt::PERCENT_SIGN).to_owned(),
        "shipment" => t(rt::YUAN_PER_SHIPMENT).to_owned(),
        "unit" => rt::yuan_per(format::unit(if per_cbm.get() {
            Unit::Cbm
        } else {
            Unit::Kg
        })),
        _ => t(rt::YUAN_PER_CARTON).to_owned(),
    };
    let label = |text: Text| view! { <span class="block text-xs font-medium text-slate-500 mb-1">{move || t(text)}</span> };
    view! {
        <div
            class="surcharge-card rounded-lg border border-slate-200 bg-slate-50/60 p-3 mb-3"
            data-rule=move || place().to_string()
        >
            <div class="flex items-center gap-2 mb-2">
                <span class="text-sm font-medium text-slate-700">
                    {move || rt::rule_number(place() + 1)}
                </span>
                <div class="flex-1"></div>
                <button
                    type="button"
                    class="remove-surcharge text-sm text-slate-500 hover:text-red-600"
                    on:click=move |_| d.remove(r.key)
                >
                    {move || t(rt::REMOVE_SURCHARGE)}
                </button>
            </div>
            <div class="grid grid-cols-1 md:grid-cols-[1fr_12rem_14rem] gap-3 mb-2">
                <label class="block min-w-0">
                    {label(ch::SURCHARGE_NAME)}
                    <input
                        class=format!("w-full {INPUT}")
                        name=field("name")
                        placeholder=move || t(rt::NAME_PLACEHOLDER)
                        bind:value=r.name
                    /> <ErrorUnder error prefix=field("name") />
                </label>
                <label class="block">
                    {label(rt::PER)}
                    <select
                        class=format!("per w-full {INPUT}")
                        name=field("per")
                        on:change=move |e| r.per.set(event_target_value(&e))
                    >
                        {PERS
                            .iter()
                            .map(|p| {
                                let sel = r.per.get_untracked() == *p;
                                view! {
                                    <option value=*p selected=sel>
                                        {move || t(per_text(p))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="block">
                    {label(rt::AMOUNT)} <span class="flex items-center gap-2">
                        <input
                            class=format!("amount w-24 text-right font-mono {INPUT}")
                            name=field("charge")
                            inputmode="decimal"
                            bind:value=r.amount
                        />
                        <span class="text-xs text-slate-500 whitespace-nowrap">{suffix}</span>
                    </span> <ErrorUnder error prefix=field("charge") />
                </label>
            </div>
            <p class="text-xs font-medium text-slate-500 mb-1">{move || t(rt::WHEN)}</p>
            <Show when=move || r.conds.with(Vec::is_empty)>
                <p class="no-condition text-xs text-slate-400 mb-1">
                    {move || t(rt::NO_CONDITION)}
                </p>
            </Show>
            <For each=move || r.conds.get() key=|c| c.key let:c>
                <CondLine r c prefix error />
            </For>
            <button
                type="button"
                class="add-condition text-sm text-sky-700 hover:underline"
                on:click=move |_| r.add_condition()
            >
                "+ "
                {move || t(rt::ADD_CONDITION)}
            </button>
        </div>
    }
}
