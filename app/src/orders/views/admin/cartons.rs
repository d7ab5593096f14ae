//! Carton lines as a table (count × L×W×H cm, kg each, the line's weight and
//! volume) with their totals: the booked cartons, and the measured ones.

use leptos::prelude::*;
use shipdesk::pricing::CartonInput;

use super::fig;
use crate::i18n::t;
use crate::orders::admin_text as text;

#[component]
pub fn CartonsTable(cartons: Vec<CartonInput>, #[prop(into)] class: String) -> impl IntoView {
    let n: i64 = cartons.iter().map(|c| c.count).sum();
    let kg: f64 = cartons.iter().map(|c| c.count as f64 * c.weight_kg).sum();
    let cbm: f64 = cartons
        .iter()
        .map(|c| c.count as f64 * c.length_cm * c.width_cm * c.height_cm / 1e6)
        .sum();
    let rows = cartons
        .into_iter()
        .map(|c| {
            let size = format!(
                "{}×{}×{}",
                fig(c.length_cm),
                fig(c.width_cm),
                fig(c.height_cm)
            );
            let line_kg = fig(c.count as f64 * c.weight_kg);
            let line_cbm = fig(c.count as f64 * c.length_cm * c.width_cm * c.height_cm / 1e6);
            view! {
                <tr class="carton-line border-t border-slate-100">
                    <td class="px-3 py-1.5 tabular-nums">{c.count}</td>
                    <td class="px-3 py-1.5 tabular-nums">{size}</td>
                    <td class="px-3 py-1.5 tabular-nums text-right">{fig(c.weight_kg)}</td>
                    <td class="px-3 py-1.5 tabular-nums text-right">{line_kg}</td>
                    <td class="px-3 py-1.5 tabular-nums text-right">{line_cbm}</td>
                </tr>
            }
        })
        .collect_view();
    let heads = [
        (text::CARTON_COUNT, ""),
        (text::SIZE, ""),
        (text::KG_EACH, "text-right"),
        (text::LINE_KG, "text-right"),
        (text::LINE_CBM, "text-right"),
    ];
    view! {
        <div class=format!("{class} overflow-x-auto")>
            <table class="w-full text-sm">
                <thead class="text-slate-500 text-left">
                    <tr>
                        {heads
                            .into_iter()
                            .map(|(h, align)| {
                                view! {
                                    <th class=format!(
                                        "px-3 py-1.5 font-medium whitespace-nowrap {align}",
                                    )>{move || t(h)}</th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="carton-totals px-3 pt-1.5 text-xs text-slate-500">
                {move || text::carton_totals(n, &fig(kg), &fig(cbm))}
            </p>
        </div>
    }
}
