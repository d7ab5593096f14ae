//! The zones as a form: one row per zone (code, name, FBA codes, postcode
//! ranges), added and removed; each error shows under its input.

use leptos::prelude::*;
use shipdesk::AppError;

use super::errors::ErrorUnder;
use super::grid_draft::GridDraft;
use super::zones_draft::{ZoneRow, ZonesDraft};
use crate::channel::rules_text as rt;
use crate::channel::text as ch;
use crate::i18n::{t, Text};

const INPUT: &str = "w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm outline-none focus:ring-2 focus:ring-sky-500";

#[component]
pub fn ZonesEditor(
    zones: ZonesDraft,
    grid: GridDraft,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let head = |text: Text| view! { <span class="text-xs font-medium text-slate-500">{move || t(text)}</span> };
    let cols = "grid grid-cols-[7rem_9rem_1fr_1fr_2rem] gap-2";
    view! {
        <div class="zones-editor">
            <div class=format!(
                "{cols} mb-1",
            )>
                {head(ch::ZONE_CODE)} {head(ch::ZONE_NAME)} {head(ch::FBA_CODES)}
                {head(ch::POSTCODES)} <span></span>
            </div>
            <Show when=move || zones.rows.with(Vec::is_empty)>
                <p class="empty-state text-sm text-slate-400 mb-2">{move || t(rt::NO_ZONES)}</p>
            </Show>
            <For each=move || zones.rows.get() key=|z| z.key let:z>
                <ZoneLine zones grid z error cols />
            </For>
            <ErrorUnder error prefix="zones".to_owned() exact=true />
            <div class="flex flex-wrap items-center gap-3 mt-2 text-sm">
                <button
                    type="button"
                    class="add-zone rounded-lg border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50"
                    on:click=move |_| zones.add(grid)
                >
                    "+ "
                    {move || t(rt::ADD_ZONE)}
                </button>
                <span class="text-xs text-slate-400">{move || t(rt::NEW_ZONE_HINT)}</span>
            </div>
        </div>
    }
}

/// One zone's inputs; its fields are named by its place now.
#[component]
fn ZoneLine(
    zones: ZonesDraft,
    grid: GridDraft,
    z: ZoneRow,
    error: Signal<Option<AppError>>,
    cols: &'static str,
) -> impl IntoView {
    let name = move |part: &'static str| {
        Signal::derive(move || format!("zones[{}].{part}", zones.index_of(z.key).unwrap_or(0)))
    };
    let input =
        move |part: &'static str, value: RwSignal<String>, label: Text, hint: Option<Text>| {
            let field = name(part);
            view! {
                <div class="min-w-0">
                    <input
                        class=INPUT
                        name=field
                        aria-label=move || t(label)
                        placeholder=move || hint.map(t)
                        bind:value=value
                    />
                    <ErrorUnder error prefix=field />
                </div>
            }
        };
    view! {
        <div class=format!("zone-line {cols} mb-2 items-start") data-zone=move || z.code.get()>
            {input("code", z.code, ch::ZONE_CODE, None)}
            {input("name", z.name, ch::ZONE_NAME, None)}
            {input("fba_codes", z.fba, ch::FBA_CODES, Some(rt::FBA_HINT))}
            {input("postcodes", z.postcodes, ch::POSTCODES, Some(rt::POSTCODES_HINT))}
            <button
                type="button"
                class="remove-zone text-slate-400 hover:text-red-600 py-1.5"
                title=move || t(rt::REMOVE_ZONE)
                aria-label=move || t(rt::REMOVE_ZONE)
                on:click=move |_| zones.remove(z.key, grid)
            >
                "×"
            </button>
        </div>
    }
}
