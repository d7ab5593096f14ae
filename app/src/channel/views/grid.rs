//! The zones with their warehouses, and the price table as a grid (zones ×
//! breaks, ¥ per kg or CBM); against an earlier table the changed cells are
//! marked, with the earlier rate beside them (the import's preview).

use leptos::prelude::*;
use shipdesk::pricing::sheet::{break_header, PriceSheet};
use shipdesk::pricing::{Channel, Zone};

use super::basics::Section;
use super::format;
use crate::channel::text as ch;
use crate::i18n::t;

#[component]
pub fn Zones(zones: Vec<Zone>) -> impl IntoView {
    view! {
        <Section title=ch::ZONES_TITLE>
            <table class="channel-zones w-full text-sm">
                <thead class="text-left text-slate-500">
                    <tr>
                        <th class="py-1 pr-4 whitespace-nowrap">{move || t(ch::ZONE_CODE)}</th>
                        <th class="py-1 pr-4 whitespace-nowrap">{move || t(ch::ZONE_NAME)}</th>
                        <th class="py-1 pr-4">{move || t(ch::FBA_CODES)}</th>
                        <th class="py-1">{move || t(ch::POSTCODES)}</th>
                    </tr>
                </thead>
                <tbody>
                    {zones
                        .into_iter()
                        .map(|z| {
                            view! {
                                <tr class="zone-row border-t border-slate-100 align-top">
                                    <td class="py-1.5 pr-4 font-mono whitespace-nowrap">
                                        {z.code.clone()}
                                    </td>
                                    <td class="py-1.5 pr-4 whitespace-nowrap">{z.name.clone()}</td>
                                    <td class="py-1.5 pr-4 font-mono text-xs text-slate-600">
                                        {z.fba_codes.join(" ")}
                                    </td>
                                    <td class="py-1.5 font-mono text-xs text-slate-600">
                                        {format::ranges(&z.postcodes)}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Section>
    }
}

/// The channel's table in its section.
#[component]
pub fn PriceGrid(channel: Channel) -> impl IntoView {
    let sheet = PriceSheet::of(&channel);
    view! {
        <Section title=ch::TABLE_TITLE>
            <SheetGrid sheet before=None />
        </Section>
    }
}

/// A sheet as a grid; with `before`, cells that differ from it are marked.
#[component]
pub fn SheetGrid(sheet: PriceSheet, before: Option<PriceSheet>) -> impl IntoView {
    let unit = format::unit(sheet.unit);
    let heads: Vec<_> = sheet.breaks.iter().map(|b| break_header(*b)).collect();
    let rows = sheet.rows.clone();
    let breaks = sheet.breaks.clone();
    let old = move |code: &str, j: usize| -> Option<Option<i64>> {
        let b = before.as_ref()?;
        let i = b.breaks.iter().position(|x| *x == breaks[j]);
        Some(i.and_then(|i| b.rate(code, i)))
    };
    view! {
        <p class="grid-unit text-xs text-slate-500 mb-1">{move || ch::rate_unit(unit)}</p>
        <div class="overflow-x-auto">
            <table class="price-grid text-sm border-collapse">
                <thead>
                    <tr class="bg-slate-50 text-slate-500">
                        <th class="px-3 py-1.5 text-left whitespace-nowrap border border-slate-200">
                            {move || t(ch::ZONE_CODE)}
                        </th>
                        <th class="px-3 py-1.5 text-left whitespace-nowrap border border-slate-200">
                            {move || t(ch::ZONE_NAME)}
                        </th>
                        {heads
                            .into_iter()
                            .map(|h| {
                                view! {
                                    <th class="px-3 py-1.5 text-right font-mono whitespace-nowrap border border-slate-200">
                                        {h}
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let cells = r
                                .fen
                                .iter()
                                .enumerate()
                                .map(|(j, fen)| {
                                    let was = old(&r.code, j).filter(|w| w != fen);
                                    let class = if was.is_some() {
                                        "bg-amber-100 changed"
                                    } else {
                                        ""
                                    };
                                    view! {
                                        <td class=format!(
                                            "rate-cell px-3 py-1.5 text-right font-mono whitespace-nowrap border border-slate-200 {class}",
                                        )>
                                            {fen.map_or_else(|| "—".to_owned(), format::yuan2)}
                                            {was
                                                .map(|w| {
                                                    view! {
                                                        <span class="block text-xs text-slate-400 line-through">
                                                            {w.map_or_else(|| "—".to_owned(), format::yuan2)}
                                                        </span>
                                                    }
                                                })}
                                        </td>
                                    }
                                })
                                .collect_view();
                            view! {
                                <tr class="grid-row" data-zone=r.code.clone()>
                                    <td class="px-3 py-1.5 font-mono whitespace-nowrap border border-slate-200">
                                        {r.code.clone()}
                                    </td>
                                    <td class="px-3 py-1.5 whitespace-nowrap border border-slate-200">
                                        {r.name.clone()}
                                    </td>
                                    {cells}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
