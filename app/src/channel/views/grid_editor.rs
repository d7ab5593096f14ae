//! The price table as an editable grid: one input per zone and break,
//! breaks added and removed as columns, a row per zone of the zones editor.

use leptos::prelude::*;
use shipdesk::pricing::sheet::break_header;
use shipdesk::pricing::{Channel, Qty};
use shipdesk::AppError;

use super::format;
pub use super::grid_draft::GridDraft;
use super::grid_row::GridRow;
use super::zones_draft::ZonesDraft;
use crate::channel::text as ch;
use crate::i18n::{error_text, t};

#[component]
pub fn GridEditor(
    c: Channel,
    d: GridDraft,
    zones: ZonesDraft,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let unit = c.basis.unit();
    let new_break = RwSignal::new(String::new());
    let add_failed = RwSignal::new(false);
    let add = move |_| {
        let q = new_break
            .get_untracked()
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| *v >= 0.0);
        let ok = q.is_some_and(|v| d.add_break(Qty((v * 1000.0).round() as i64)));
        add_failed.set(!ok);
        if ok {
            new_break.set(String::new());
        }
    };
    view! {
        <p class="grid-unit text-xs text-slate-500 mb-1">{move || ch::rate_unit(format::unit(unit))}</p>
        <div class="overflow-x-auto">
            <table class="grid-editor text-sm border-collapse">
                <thead>
                    <tr class="bg-slate-50 text-slate-500">
                        <th class="px-2 py-1.5 text-left border border-slate-200 whitespace-nowrap">{move || t(ch::ZONE_CODE)}</th>
                        <th class="px-2 py-1.5 text-left border border-slate-200 whitespace-nowrap">{move || t(ch::ZONE_NAME)}</th>
                        <For each=move || d.breaks.get().into_iter().enumerate() key=|(j, q)| (*j, *q) let:((j, q))>
                            <th class="px-2 py-1.5 border border-slate-200 whitespace-nowrap font-mono" data-break=break_header(q)>
                                {break_header(q)}
                                <button type="button" class="remove-break ml-1 text-slate-400 hover:text-red-600" title=move || t(ch::REMOVE) on:click=move |_| d.remove_break(j)>"×"</button>
                            </th>
                        </For>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || zones.rows.get() key=|z| z.key let:z>
                        <GridRow d zones z error />
                    </For>
                </tbody>
            </table>
        </div>
        <div class="flex flex-wrap items-center gap-2 mt-3 text-sm">
            <input class="new-break w-28 rounded-lg border border-slate-300 px-2 py-1" inputmode="decimal" placeholder=move || t(ch::NEW_BREAK) bind:value=new_break />
            <span class="text-slate-500">{format::unit(unit)}</span>
            <button type="button" class="add-break rounded-lg border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" on:click=add>{move || t(ch::ADD_BREAK)}</button>
            <Show when=move || add_failed.get()><span class="text-red-600">{move || t(ch::NOT_A_NUMBER)}</span></Show>
            <span class="text-slate-400">{move || t(ch::CELL_EMPTY_OK)}</span>
        </div>
        {move || {
            let e = error.get().filter(|e| e.field().is_some_and(|f| f.starts_with("zones[") && f.ends_with(".fen")))?;
            Some(view! { <p class="field-error text-sm text-red-600 mt-2" data-field=e.field().unwrap_or_default().to_owned()>{error_text(&e)}</p> })
        }}
    }
}
