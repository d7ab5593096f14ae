//! The price the order is booked at: the plan's chargeable quantity and
//! lines (as the quote showed them), the sell total with the cost and the
//! margin beside it for staff, and a notice when the quote had expired and
//! the order was priced again on its booking day.

use leptos::prelude::*;
use shipdesk::orders::OrderDetail;

use super::yuan;
use crate::i18n::{t, Text};
use crate::orders::admin_text as text;
use crate::pricing::views::PlanDetail;

fn figure(label: Text, value: String, class: &'static str) -> impl IntoView {
    view! {
        <div class=format!("{class} rounded-lg bg-slate-50 px-3 py-2")>
            <div class="text-xs text-slate-500">{move || t(label)}</div>
            <div class="font-semibold tabular-nums">{value}</div>
        </div>
    }
}

#[component]
pub fn PricePanel(detail: OrderDetail) -> impl IntoView {
    let plan = detail.plan.clone();
    let sell = plan.total_fen;
    let cost = plan.cost_total_fen;
    let repriced = detail.repriced.clone();
    view! {
        <section class="price bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold text-slate-700 mb-2">{move || t(text::PRICE)}</h2>
            {repriced
                .map(|r| {
                    let (valid, quoted, total) = (
                        r.quote_valid_until.to_string(),
                        yuan(r.quoted_total_fen),
                        yuan(r.total_fen),
                    );
                    view! {
                        <p class="repriced-notice mb-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-800">
                            {move || text::repriced(&valid, &quoted, &total)}
                        </p>
                    }
                })}
            <div class="grid grid-cols-3 gap-2 mb-3 text-sm">
                {figure(text::SELL, yuan(sell), "price-sell")}
                {figure(text::COST, cost.map(yuan).unwrap_or_else(|| "—".into()), "price-cost")}
                {figure(
                    text::MARGIN,
                    cost.map(|c| yuan(sell - c)).unwrap_or_else(|| "—".into()),
                    "price-margin",
                )}
            </div>
            <PlanDetail plan staff=true />
        </section>
    }
}
