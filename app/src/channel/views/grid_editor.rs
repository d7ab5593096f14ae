//! The price table as an editable grid: one input per zone and break
//! (yuan; empty when the zone has no such break), breaks added and
//! removed as columns. Read into the zones' rates on save.

use leptos::prelude::*;
use shipdesk::pricing::sheet::{break_header, fen_of_yuan, PriceSheet};
use shipdesk::pricing::{Channel, Qty, Rate};
use shipdesk::{AppError, ErrorKey};

use super::format;
use crate::channel::text as ch;
use crate::i18n::{error_text, t};

/// The grid as typed: breaks, and per zone one text per break.
#[derive(Clone, Copy)]
pub struct GridDraft {
    breaks: RwSignal<Vec<Qty>>,
    cells: RwSignal<Vec<Vec<RwSignal<String>>>>,
}

impl GridDraft {
    pub fn of(c: &Channel) -> GridDraft {
        let sheet = PriceSheet::of(c);
        let cells = sheet
            .rows
            .iter()
            .map(|r| {
                r.fen
                    .iter()
                    .map(|f| RwSignal::new(f.map(format::yuan2).unwrap_or_default()))
                    .collect()
            })
            .collect();
        GridDraft {
            breaks: RwSignal::new(sheet.breaks),
            cells: RwSignal::new(cells),
        }
    }

    /// Adds a break column (empty cells) in its place; false if it exists.
    fn add_break(&self, q: Qty) -> bool {
        let at = match self.breaks.get_untracked().binary_search(&q) {
            Ok(_) => return false,
            Err(at) => at,
        };
        self.breaks.update(|b| b.insert(at, q));
        self.cells.update(|rows| {
            rows.iter_mut()
                .for_each(|r| r.insert(at, RwSignal::new(String::new())))
        });
        true
    }

    fn remove_break(&self, j: usize) {
        self.breaks.update(|b| {
            b.remove(j);
        });
        self.cells.update(|rows| {
            rows.iter_mut().for_each(|r| {
                r.remove(j);
            })
        });
    }

    /// `c` with the grid's rates; the first cell that does not read.
    pub fn apply(&self, mut c: Channel) -> Result<Channel, AppError> {
        let breaks = self.breaks.get_untracked();
        let cells = self.cells.get_untracked();
        for (i, (zone, row)) in c.zones.iter_mut().zip(&cells).enumerate() {
            let mut rates = vec![];
            for (j, (from, cell)) in breaks.iter().zip(row).enumerate() {
                let text = cell.get_untracked();
                let text = text.trim();
                if text.is_empty() {
                    continue;
                }
                let field = format!("zones[{i}].rates[{j}].fen");
                let v: f64 = text
                    .parse()
                    .map_err(|_| AppError::validation(&field, ErrorKey::CargoNotANumber))?;
                let fen = fen_of_yuan(v)
                    .map_err(|_| AppError::validation(&field, ErrorKey::ChannelAmountInvalid))?;
                rates.push(Rate { from: *from, fen });
            }
            zone.rates = rates;
        }
        Ok(c)
    }
}

#[component]
pub fn GridEditor(c: Channel, d: GridDraft, error: Signal<Option<AppError>>) -> impl IntoView {
    let unit = c.basis.unit();
    let zones = c.zones.clone();
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
    let at = move |field: String| move || error.get().filter(|e| e.field() == Some(field.as_str()));
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
                    {zones
                        .into_iter()
                        .enumerate()
                        .map(|(i, z)| {
                            let row_err = Signal::derive(at(format!("zones[{i}].rates")));
                            view! {
                                <tr class="grid-row" data-zone=z.code.clone()>
                                    <td class="px-2 py-1 font-mono border border-slate-200 whitespace-nowrap">{z.code.clone()}</td>
                                    <td class="px-2 py-1 border border-slate-200 whitespace-nowrap">
                                        {z.name.clone()}
                                        {move || row_err.get().map(|e| view! { <span class="field-error block text-xs text-red-600" data-field=format!("zones[{i}].rates")>{error_text(&e)}</span> })}
                                    </td>
                                    {move || {
                                        let row = d.cells.with(|c| c.get(i).cloned().unwrap_or_default());
                                        row.into_iter()
                                            .enumerate()
                                            .map(|(j, cell)| {
                                                let field = format!("zones[{i}].rates[{j}].fen");
                                                let bad = Signal::derive(at(field.clone()));
                                                view! {
                                                    <td class="border border-slate-200 p-0.5">
                                                        <input
                                                            class=move || format!("rate-input w-20 rounded px-2 py-1 text-right font-mono outline-none focus:ring-2 focus:ring-sky-500 {}", if bad.get().is_some() { "bg-red-50 ring-1 ring-red-400" } else { "" })
                                                            name=field.clone()
                                                            inputmode="decimal"
                                                            aria-invalid=move || bad.get().is_some().to_string()
                                                            title=move || bad.get().map(|e| error_text(&e))
                                                            bind:value=cell
                                                        />
                                                    </td>
                                                }
                                            })
                                            .collect_view()
                                    }}
                                </tr>
                            }
                        })
                        .collect_view()}
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
