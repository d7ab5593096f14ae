//! The goods as customs declare them: names in Chinese and English, HS
//! code, material, brand, quantity and declared value, with the total value.

use leptos::prelude::*;
use shipdesk::orders::GoodsLine;

use crate::i18n::t;
use crate::orders::admin_text as text;

fn usd(v: f64) -> String {
    format!("{v:.2}")
}

#[component]
pub fn GoodsTable(goods: Vec<GoodsLine>) -> impl IntoView {
    let total: f64 = goods.iter().map(|g| g.declared_value_usd).sum();
    let quantity: i64 = goods.iter().map(|g| g.quantity).sum();
    let rows = goods
        .into_iter()
        .map(|g| {
            view! {
                <tr class="goods-line border-t border-slate-100 align-top">
                    <td class="px-3 py-1.5 min-w-40">
                        <div class="text-slate-800">{g.name_zh.clone()}</div>
                        <div class="text-xs text-slate-500">{g.name_en.clone()}</div>
                    </td>
                    <td class="px-3 py-1.5 font-mono whitespace-nowrap">{g.hs_code.clone()}</td>
                    <td class="px-3 py-1.5">{g.material.clone()}</td>
                    <td class="px-3 py-1.5">{g.brand.clone().unwrap_or_else(|| "—".into())}</td>
                    <td class="px-3 py-1.5 text-right tabular-nums">{g.quantity}</td>
                    <td class="px-3 py-1.5 text-right tabular-nums">{usd(g.declared_value_usd)}</td>
                </tr>
            }
        })
        .collect_view();
    let heads = [
        (text::GOODS_NAME, ""),
        (text::HS_CODE, ""),
        (text::MATERIAL, ""),
        (text::BRAND, ""),
        (text::QUANTITY, "text-right"),
        (text::VALUE_USD, "text-right"),
    ];
    view! {
        <section class="goods bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold text-slate-700 mb-2">{move || t(text::GOODS)}</h2>
            <div class="overflow-x-auto">
                <table class="goods-table w-full text-sm">
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
                    <tfoot>
                        <tr class="border-t border-slate-200 font-medium">
                            <td class="px-3 py-1.5" colspan="4">
                                {move || t(text::ADJ_TOTAL)}
                            </td>
                            <td class="px-3 py-1.5 text-right tabular-nums">{quantity}</td>
                            <td class="goods-value px-3 py-1.5 text-right tabular-nums">
                                {usd(total)}
                            </td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}
