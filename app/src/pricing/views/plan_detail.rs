//! What a plan's price is made of: the chargeable quantity and how it was
//! computed, every price line with why, the zone and the validity.

use leptos::prelude::*;
use shipdesk::pricing::{LineKind, Plan, PriceLine, Unit};
use shipdesk::Money;

use crate::i18n::t;
use crate::pricing::text as pricing;

fn yuan(fen: i64) -> String {
    Money::from_fen(fen).format_yuan()
}

/// A line's name and how it was counted.
fn line_text(l: &PriceLine, unit: Unit) -> (String, String) {
    let name = match (l.kind, &l.label) {
        (_, Some(label)) => label.as_str().to_owned(),
        (LineKind::Freight, None) => t(pricing::FREIGHT).to_owned(),
        (LineKind::Customs, None) => t(pricing::CUSTOMS).to_owned(),
        (LineKind::Surcharge, None) => String::new(),
    };
    let rate = l.rate_fen.map(yuan).unwrap_or_default();
    let why = if let Some(bp) = l.percent_bp {
        pricing::percent(bp)
    } else if let Some(n) = l.cartons {
        pricing::per_carton(n, &rate)
    } else if let Some(q) = l.quantity {
        let from = l.break_from.map(|b| b.format());
        pricing::freight_why(&pricing::qty(q, unit), &rate, unit, from)
    } else if l.rate_fen.is_some() {
        format!("{rate} {}", t(pricing::PER_SHIPMENT))
    } else {
        String::new()
    };
    (name, why)
}

#[component]
pub fn PlanDetail(
    plan: Plan,
    #[prop(optional)] staff: bool,
    /// A saved quote's own last day, instead of the channel price's.
    #[prop(optional)]
    valid_until: Option<String>,
) -> impl IntoView {
    let c = plan.chargeable;
    let unit = c.unit;
    let lines = plan.lines.clone();
    let rows = move || {
        lines
            .iter()
            .map(|l| {
                let (name, why) = line_text(l, unit);
                view! {
                    <li class="price-line flex justify-between gap-3 py-1.5 border-b border-slate-100 last:border-0">
                        <div class="min-w-0">
                            <div class="line-name text-slate-700">{name}</div>
                            <div class="line-why text-xs text-slate-500">{why}</div>
                        </div>
                        <div class="shrink-0 tabular-nums">{yuan(l.amount_fen)}</div>
                    </li>
                }
            })
            .collect_view()
    };
    let ch = plan.channel.clone();
    let zone = plan.zone.name.clone();
    let version = ch.table_version;
    let valid = valid_until.unwrap_or_else(|| ch.valid_until.to_string());
    view! {
        <div class="plan-detail text-sm space-y-3">
            <div>
                <h4 class="font-medium text-slate-700 mb-1">{move || t(pricing::CHARGEABLE)}</h4>
                <p class="chargeable text-slate-600 leading-relaxed">
                    {move || pricing::chargeable(&c)}
                </p>
            </div>
            <div>
                <h4 class="font-medium text-slate-700 mb-1">{move || t(pricing::PRICE_LINES)}</h4>
                <ul>{rows}</ul>
                <div class="flex justify-between font-semibold pt-1.5">
                    <span>{move || t(pricing::TOTAL)}</span>
                    <span class="tabular-nums">{yuan(plan.total_fen)}</span>
                </div>
            </div>
            <p class="validity text-xs text-slate-500">
                {move || pricing::zone(&zone)} " · " {move || pricing::valid_until(&valid)}
                {staff
                    .then(|| {
                        view! {
                            <span class="table-version">
                                " · "{move || pricing::table_version(version)}
                            </span>
                        }
                    })}
            </p>
        </div>
    }
}
