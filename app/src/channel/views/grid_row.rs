//! One zone's row of the editable price grid.

use leptos::prelude::*;
use shipdesk::AppError;

use super::grid_draft::GridDraft;
use super::zones_draft::{ZoneRow, ZonesDraft};
use crate::i18n::error_text;

/// A zone's row of rates; its fields are named by the zone's place now.
#[component]
pub fn GridRow(
    d: GridDraft,
    zones: ZonesDraft,
    z: ZoneRow,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let place = move || zones.index_of(z.key).unwrap_or(0);
    let at = move |field: String| error.get().filter(|e| e.field() == Some(field.as_str()));
    let row_err = move || {
        let field = format!("zones[{}].rates", place());
        let e = at(field.clone())?;
        Some(view! {
            <span class="field-error block text-xs text-red-600" data-field=field>
                {error_text(&e)}
            </span>
        })
    };
    view! {
        <tr class="grid-row" data-zone=move || z.code.get()>
            <td class="px-2 py-1 font-mono border border-slate-200 whitespace-nowrap">
                {move || z.code.get()}
            </td>
            <td class="px-2 py-1 border border-slate-200 whitespace-nowrap">
                {move || z.name.get()} {row_err}
            </td>
            {move || {
                d.row(z.key)
                    .into_iter()
                    .enumerate()
                    .map(|(j, cell)| {
                        let field = Signal::derive(move || {
                            format!("zones[{}].rates[{j}].fen", place())
                        });
                        let bad = Signal::derive(move || at(field.get()));
                        view! {
                            <td class="border border-slate-200 p-0.5">
                                <input
                                    class=move || {
                                        format!(
                                            "rate-input w-20 rounded px-2 py-1 text-right font-mono outline-none focus:ring-2 focus:ring-sky-500 {}",
                                            if bad.get().is_some() {
                                                "bg-red-50 ring-1 ring-red-400"
                                            } else {
                                                ""
                                            },
                                        )
                                    }
                                    name=field
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
}
