//! The surcharge rules as a form: a card per rule, added and removed; each
//! error shows by its field.

use leptos::prelude::*;
use shipdesk::AppError;

use super::rule_card::RuleCard;
use super::surcharge_draft::SurchargesDraft;
use crate::channel::rules_text as rt;
use crate::channel::text as ch;
use crate::i18n::t;

#[component]
pub fn SurchargesEditor(
    d: SurchargesDraft,
    /// The basics' unit as chosen now (per CBM or per kg).
    per_cbm: RwSignal<bool>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    view! {
        <div class="surcharges-editor">
            <Show when=move || d.rows.with(Vec::is_empty)>
                <p class="empty-state text-sm text-slate-400 mb-3">
                    {move || t(ch::NO_SURCHARGES)}
                </p>
            </Show>
            <For each=move || d.rows.get() key=|r| r.key let:r>
                <RuleCard d r per_cbm error />
            </For>
            <div class="flex flex-wrap items-center gap-3 text-sm">
                <button
                    type="button"
                    class="add-surcharge rounded-lg border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50"
                    on:click=move |_| d.add()
                >
                    "+ "
                    {move || t(rt::ADD_SURCHARGE)}
                </button>
                <span class="text-xs text-slate-400">{move || t(rt::CARTON_NOTE)}</span>
            </div>
        </div>
    }
}
