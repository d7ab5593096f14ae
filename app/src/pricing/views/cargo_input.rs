//! The cargo part of the quote form: carton lines (count × L×W×H cm and
//! the weight of one carton), or totals (kg, CBM, pieces).

use leptos::prelude::*;
use shipdesk::pricing::FieldName;
use shipdesk::AppError;

use super::draft::{Draft, LineDraft};
use super::input::{FieldError, Input};
use crate::i18n::{t, Text};
use crate::pricing::text as pricing;

#[component]
pub fn CargoInput(draft: Draft, error: Signal<Option<AppError>>) -> impl IntoView {
    let tab = move |on: bool, label: Text, class: &'static str| {
        view! {
            <button
                type="button"
                class=move || {
                    let state = if draft.by_cartons.get() == on {
                        "bg-white shadow-sm text-sky-700"
                    } else {
                        "text-slate-500"
                    };
                    format!("{class} flex-1 rounded-md px-3 py-1 text-sm {state}")
                }
                on:click=move |_| draft.by_cartons.set(on)
            >
                {move || t(label)}
            </button>
        }
    };
    view! {
        <fieldset class="cargo min-w-0">
            <div class="flex items-center justify-between gap-2 mb-2">
                <legend class="text-sm font-medium text-slate-600">
                    {move || t(pricing::CARGO)}
                </legend>
                <div class="flex bg-slate-100 rounded-lg p-0.5 w-52">
                    {tab(true, pricing::BY_CARTONS, "by-cartons")}
                    {tab(false, pricing::BY_TOTALS, "by-totals")}
                </div>
            </div>
            <Show
                when=move || draft.by_cartons.get()
                fallback=move || view! { <Totals draft error /> }
            >
                <For each=move || draft.lines.get() key=|l| l.key let:line>
                    <CartonRow draft line error />
                </For>
                <FieldError field="cargo.lines".to_owned() error />
                <button
                    type="button"
                    class="add-line text-sm text-sky-700 mt-1"
                    on:click=move |_| draft.add_line()
                >
                    {move || t(pricing::ADD_LINE)}
                </button>
            </Show>
        </fieldset>
    }
}

#[component]
fn CartonRow(draft: Draft, line: LineDraft, error: Signal<Option<AppError>>) -> impl IntoView {
    let at = move || {
        draft
            .lines
            .with(|l| l.iter().position(|x| x.key == line.key))
            .unwrap_or(0)
    };
    let f =
        move |name: &'static str| Signal::derive(move || format!("cargo.lines[{}].{name}", at()));
    view! {
        <div class="carton-line grid grid-cols-5 gap-1.5 mb-2 items-start">
            <Input
                label=pricing::CARTON_COUNT
                field=f("count")
                value=line.count
                error
                inputmode="numeric"
            />
            <Input
                label=pricing::LENGTH
                field=f("length_cm")
                value=line.length
                error
                inputmode="decimal"
            />
            <Input
                label=pricing::WIDTH
                field=f("width_cm")
                value=line.width
                error
                inputmode="decimal"
            />
            <Input
                label=pricing::HEIGHT
                field=f("height_cm")
                value=line.height
                error
                inputmode="decimal"
            />
            <Input
                label=pricing::CARTON_KG
                field=f("weight_kg")
                value=line.kg
                error
                inputmode="decimal"
            />
            <Show when=move || { draft.lines.with(|l| l.len() > 1) }>
                <button
                    type="button"
                    class="remove-line col-span-5 -mt-1 text-right text-xs text-slate-400 hover:text-red-600"
                    on:click=move |_| draft.remove_line(line.key)
                >
                    {move || t(pricing::REMOVE_LINE)}
                </button>
            </Show>
        </div>
    }
}

#[component]
fn Totals(draft: Draft, error: Signal<Option<AppError>>) -> impl IntoView {
    view! {
        <div class="totals grid grid-cols-3 gap-2 items-end">
            <Input
                label=pricing::TOTAL_KG
                field="cargo.weight_kg"
                value=draft.weight_kg
                error
                inputmode="decimal"
                mark=(draft, FieldName::WeightKg)
            />
            <Input
                label=pricing::TOTAL_CBM
                field="cargo.volume_cbm"
                value=draft.volume_cbm
                error
                inputmode="decimal"
                mark=(draft, FieldName::VolumeCbm)
            />
            <Input
                label=pricing::PIECES
                field="cargo.pieces"
                value=draft.pieces
                error
                inputmode="numeric"
                mark=(draft, FieldName::Cartons)
            />
        </div>
    }
}
