//! The adjustment after measuring: quoted against measured chargeable
//! quantity, each price line's quoted, measured and difference, and the
//! total difference; or why the channel does not take the measured cartons.

use leptos::prelude::*;
use shipdesk::orders::{Adjustment, Measured};
use shipdesk::pricing::{LineKind, Unit};
use shipdesk::Money;

use crate::i18n::t;
use crate::orders::text as orders;
use crate::pricing::text as pricing;

fn yuan(fen: i64) -> String {
    Money::from_fen(fen).format_yuan()
}

fn signed(fen: i64) -> String {
    match fen {
        0 => yuan(0),
        d if d > 0 => format!("+{}", yuan(d)),
        d => format!("-{}", yuan(-d)),
    }
}

#[component]
pub fn MeasuredView(m: Measured) -> impl IntoView {
    let refusal = m.refusal.join("；");
    view! {
        <section class="adjustment bg-white rounded-xl border border-amber-200 p-4 space-y-2">
            <h3 class="font-medium">{move || t(orders::ADJUSTMENT)}</h3>
            {match m.adjustment {
                Some(a) => view! { <AdjustmentTable a /> }.into_any(),
                None => {
                    view! {
                        <p class="refusal text-sm text-red-700">
                            {move || t(orders::NOT_TAKEN)} " " {refusal.clone()}
                        </p>
                    }
                        .into_any()
                }
            }}
            <p class="text-xs text-slate-400">{m.by.clone()} " · " {m.at.format_shanghai()}</p>
        </section>
    }
}

#[component]
fn AdjustmentTable(a: Adjustment) -> impl IntoView {
    let unit = match a.actual.unit {
        Unit::Kg => "kg",
        Unit::Cbm => "CBM",
    };
    let rows = a
        .lines
        .iter()
        .map(|l| {
            let label = l.label.clone();
            let kind = l.kind;
            let name = move || match (&label, kind) {
                (Some(s), _) => s.clone(),
                (None, LineKind::Freight) => t(pricing::FREIGHT).to_owned(),
                (None, _) => t(pricing::CUSTOMS).to_owned(),
            };
            view! {
                <tr class="border-t border-slate-100">
                    <td class="py-1 pr-2">{name}</td>
                    <td class="py-1 pl-1 text-right tabular-nums whitespace-nowrap">
                        {yuan(l.quoted_fen)}
                    </td>
                    <td class="py-1 pl-1 text-right tabular-nums whitespace-nowrap">
                        {yuan(l.actual_fen)}
                    </td>
                    <td class="py-1 pl-1 text-right tabular-nums whitespace-nowrap">
                        {signed(l.difference_fen)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let up = a.difference_fen > 0;
    view! {
        <p class="chargeable text-sm">
            {move || t(orders::CHARGEABLE)} ": " {move || t(orders::QUOTED)} " "
            {format!("{} {unit}", a.quoted.chargeable.format())} " → " {move || t(orders::ACTUAL)}
            " "
            <span class="font-semibold">{format!("{} {unit}", a.actual.chargeable.format())}</span>
        </p>
        <table class="w-full text-sm">
            <thead class="text-slate-500">
                <tr>
                    <th class="text-left font-normal"></th>
                    <th class="text-right font-normal">{move || t(orders::QUOTED)}</th>
                    <th class="text-right font-normal">{move || t(orders::ACTUAL)}</th>
                    <th class="text-right font-normal">{move || t(orders::DIFFERENCE)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
            <tfoot>
                <tr class="border-t border-slate-300 font-semibold">
                    <td class="py-1">{move || t(orders::TOTAL)}</td>
                    <td class="py-1 pl-1 text-right tabular-nums whitespace-nowrap">
                        {yuan(a.quoted_total_fen)}
                    </td>
                    <td class="py-1 pl-1 text-right tabular-nums whitespace-nowrap">
                        {yuan(a.actual_total_fen)}
                    </td>
                    <td class=format!(
                        "difference py-1 text-right tabular-nums whitespace-nowrap {}",
                        if up { "text-red-600" } else { "text-emerald-700" },
                    )>{signed(a.difference_fen)}</td>
                </tr>
            </tfoot>
        </table>
    }
}
