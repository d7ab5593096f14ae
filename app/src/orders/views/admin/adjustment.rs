//! What the warehouse measured: the cartons, who recorded them and when,
//! and the adjustment, quoted against actual: the chargeable quantity, each
//! price line and the total, with the differences (positive: the customer
//! owes more). When the channel does not take the measured cartons, why.

use leptos::prelude::*;
use shipdesk::orders::{Adjustment, AdjustmentLine, Measured};
use shipdesk::pricing::{LineKind, Qty};

use super::cartons::CartonsTable;
use super::{when, yuan};
use crate::i18n::t;
use crate::orders::admin_text as text;
use crate::pricing::text as pricing;

/// `+¥12.00`, `-¥3.00`, `¥0.00`.
fn signed_yuan(fen: i64) -> String {
    if fen > 0 {
        format!("+{}", yuan(fen))
    } else {
        yuan(fen)
    }
}

/// `+40 kg`, `-0.25 CBM`.
fn signed_qty(d: i64, unit: shipdesk::pricing::Unit) -> String {
    let q = pricing::qty(Qty(d.abs()), unit);
    match d {
        d if d > 0 => format!("+{q}"),
        d if d < 0 => format!("-{q}"),
        _ => q,
    }
}

fn tone(d: i64) -> &'static str {
    match d {
        d if d > 0 => "text-red-600",
        d if d < 0 => "text-emerald-700",
        _ => "text-slate-500",
    }
}

fn line_name(l: &AdjustmentLine) -> String {
    match (&l.label, l.kind) {
        (Some(label), _) => label.clone(),
        (None, LineKind::Freight) => t(pricing::FREIGHT).to_owned(),
        (None, LineKind::Customs) => t(pricing::CUSTOMS).to_owned(),
        (None, LineKind::Surcharge) => t(text::SURCHARGE).to_owned(),
    }
}

fn cells(
    name: impl IntoView + 'static,
    quoted: String,
    actual: String,
    diff: String,
    d: i64,
) -> impl IntoView {
    view! {
        <td class="px-3 py-1.5">{name}</td>
        <td class="quoted px-3 py-1.5 text-right tabular-nums">{quoted}</td>
        <td class="actual px-3 py-1.5 text-right tabular-nums">{actual}</td>
        <td class=format!(
            "difference px-3 py-1.5 text-right tabular-nums font-medium {}",
            tone(d),
        )>{diff}</td>
    }
}

#[component]
fn AdjustmentTable(a: Adjustment) -> impl IntoView {
    let unit = a.actual.unit;
    let (q, r) = (a.quoted.chargeable, a.actual.chargeable);
    let dq = r.0 - q.0;
    let lines = a
        .lines
        .iter()
        .map(|l| {
            let l2 = l.clone();
            let c = cells(
                move || line_name(&l2),
                yuan(l.quoted_fen),
                yuan(l.actual_fen),
                signed_yuan(l.difference_fen),
                l.difference_fen,
            );
            view! { <tr class="adjustment-line border-t border-slate-100">{c}</tr> }
        })
        .collect_view();
    let chargeable = cells(
        move || t(text::CHARGEABLE),
        pricing::qty(q, unit),
        pricing::qty(r, unit),
        signed_qty(dq, unit),
        dq,
    );
    let total = cells(
        move || t(text::ADJ_TOTAL),
        yuan(a.quoted_total_fen),
        yuan(a.actual_total_fen),
        signed_yuan(a.difference_fen),
        a.difference_fen,
    );
    let heads = [text::LINE, text::QUOTED, text::ACTUAL, text::DIFFERENCE];
    view! {
        <div class="overflow-x-auto">
            <table
                class="adjustment-table w-full text-sm"
                data-difference=a.difference_fen.to_string()
            >
                <thead class="text-slate-500">
                    <tr>
                        {heads
                            .into_iter()
                            .enumerate()
                            .map(|(i, h)| {
                                let align = if i == 0 { "text-left" } else { "text-right" };
                                view! {
                                    <th class=format!(
                                        "px-3 py-1.5 font-medium whitespace-nowrap {align}",
                                    )>{move || t(h)}</th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <tr class="adjustment-chargeable border-t border-slate-100 bg-slate-50">
                        {chargeable}
                    </tr>
                    {lines}
                </tbody>
                <tfoot>
                    <tr class="adjustment-total border-t-2 border-slate-200 font-semibold">
                        {total}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

#[component]
pub fn MeasuredPanel(measured: Option<Measured>) -> impl IntoView {
    let body = match measured {
        None => view! { <p class="not-measured text-sm text-slate-400">{move || t(text::NOT_MEASURED)}</p> }
        .into_any(),
        Some(m) => {
            let (by, at) = (m.by.clone(), when(m.at));
            let refusal = m.refusal.clone();
            view! {
                <p class="measured-by text-xs text-slate-500 mb-2">
                    {move || text::measured_by(&by, &at)}
                </p>
                <CartonsTable cartons=m.cartons.clone() class="measured-cartons mb-3" />
                <h3 class="font-medium text-slate-700 mb-1">{move || t(text::ADJUSTMENT)}</h3>
                {m.adjustment.map(|a| view! { <AdjustmentTable a /> })}
                {(!refusal.is_empty())
                    .then(|| {
                        view! {
                            <div class="measured-refusal rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
                                <p>{move || t(text::REFUSED)}</p>
                                <ul class="list-disc pl-5 mt-1">
                                    {refusal
                                        .iter()
                                        .map(|r| view! { <li>{r.clone()}</li> })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    })}
            }
            .into_any()
        }
    };
    view! {
        <section class="measured bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold text-slate-700 mb-2">{move || t(text::MEASURED)}</h2>
            {body}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shipdesk::pricing::Unit;

    #[test]
    fn differences_carry_their_sign() {
        assert_eq!(signed_yuan(1250), "+¥12.50");
        assert_eq!(signed_yuan(-300), "-¥3.00");
        assert_eq!(signed_yuan(0), "¥0.00");
        assert_eq!(signed_qty(40_000, Unit::Kg), "+40 kg");
        assert_eq!(signed_qty(-250, Unit::Cbm), "-0.25 CBM");
    }
}
