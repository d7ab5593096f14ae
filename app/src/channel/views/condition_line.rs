//! One condition of a surcharge rule: its kind, then the inputs the kind
//! needs (goods types, postcode ranges, a limit, or season dates).

use leptos::prelude::*;
use shipdesk::pricing::GoodsType;
use shipdesk::AppError;

use super::errors::ErrorUnder;
use super::format;
use super::surcharge_draft::{CondRow, RuleRow, IFS};
use crate::channel::rules_text as rt;
use crate::i18n::{t, Text};

const INPUT: &str = "rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm outline-none focus:ring-2 focus:ring-sky-500";

fn kind_text(kind: &str) -> Text {
    match kind {
        "remote_postcode" => rt::IF_REMOTE,
        "side_over" => rt::IF_SIDE,
        "carton_over" => rt::IF_WEIGHT,
        "season" => rt::IF_SEASON,
        _ => rt::IF_GOODS,
    }
}

#[component]
pub fn CondLine(
    r: RuleRow,
    c: CondRow,
    /// The rule's fields' prefix now (`surcharges[1]`).
    prefix: Signal<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let field = Signal::derive(move || {
        format!("{}.when[{}]", prefix.get(), r.index_of(c.key).unwrap_or(0))
    });
    let goods = move || {
        GoodsType::ALL
            .iter()
            .map(|g| {
                let g = *g;
                let on = move || c.goods.with(|v| v.contains(&g));
                let flip = move |_| {
                    c.goods.update(|v| {
                        if v.contains(&g) {
                            v.retain(|x| *x != g)
                        } else {
                            v.push(g)
                        }
                    })
                };
                view! {
                    <label class="flex items-center gap-1 text-sm">
                        <input
                            type="checkbox"
                            class="goods"
                            value=g.as_str()
                            prop:checked=on
                            on:change=flip
                        />
                        {move || format::goods(g)}
                    </label>
                }
            })
            .collect_view()
    };
    let value = move || match c.kind.get().as_str() {
        "remote_postcode" => view! {
            <input
                class=format!("ranges w-64 font-mono {INPUT}")
                name=field
                placeholder=move || t(rt::POSTCODES_HINT)
                bind:value=c.text
            />
        }
        .into_any(),
        kind @ ("side_over" | "carton_over") => {
            let unit = if kind == "side_over" { "cm" } else { "kg" };
            view! {
                <input
                    class=format!("limit w-20 text-right font-mono {INPUT}")
                    name=field
                    inputmode="numeric"
                    bind:value=c.text
                />
                <span class="text-sm text-slate-500">{unit}</span>
            }
            .into_any()
        }
        "season" => view! {
            <span class="text-sm text-slate-500">{move || t(rt::SEASON_FROM)}</span>
            <input
                class=format!("season-from w-32 font-mono {INPUT}")
                name=move || format!("{}.from", field.get())
                placeholder=move || t(rt::DATE_HINT)
                bind:value=c.from
            />
            <span class="text-sm text-slate-500">{move || t(rt::SEASON_TO)}</span>
            <input
                class=format!("season-to w-32 font-mono {INPUT}")
                name=move || format!("{}.to", field.get())
                placeholder=move || t(rt::DATE_HINT)
                bind:value=c.to
            />
        }
        .into_any(),
        _ => view! { <span class="flex flex-wrap gap-x-3 gap-y-1">{goods}</span> }.into_any(),
    };
    view! {
        <div class="condition-line mb-2">
            <div class="flex flex-wrap items-center gap-2">
                <select
                    class=format!("kind {INPUT}")
                    aria-label=move || t(rt::WHEN)
                    on:change=move |e| c.kind.set(event_target_value(&e))
                >
                    {IFS
                        .iter()
                        .map(|k| {
                            let sel = c.kind.get_untracked() == *k;
                            view! {
                                <option value=*k selected=sel>
                                    {move || t(kind_text(k))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                {value}
                <button
                    type="button"
                    class="remove-condition text-slate-400 hover:text-red-600 px-1"
                    title=move || t(rt::REMOVE_CONDITION)
                    aria-label=move || t(rt::REMOVE_CONDITION)
                    on:click=move |_| r.remove_condition(c.key)
                >
                    "×"
                </button>
            </div>
            <ErrorUnder error prefix=field />
        </div>
    }
}
