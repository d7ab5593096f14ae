//! The basics of a channel as a form, each error shown by its field.

use leptos::prelude::*;
use shipdesk::pricing::{GoodsType, Mode, Weekday};
use shipdesk::AppError;

pub use super::basics_draft::BasicsDraft;
use super::format;
use crate::channel::text as ch;
use crate::components::{field_error, Field};
use crate::i18n::{t, Text};

/// The fields the form shows its errors by.
pub const FIELDS: &[&str] = &[
    "name",
    "carrier",
    "mode",
    "country",
    "origins",
    "basis",
    "min_shipment",
    "min_carton",
    "rounding",
    "limits.max_carton_kg",
    "limits.max_side_cm",
    "accepts",
    "customs_fee_fen",
    "transit_days",
    "validity",
    "special",
    "tags",
];

#[component]
pub fn BasicsForm(d: BasicsDraft, error: Signal<Option<AppError>>) -> impl IntoView {
    let err = move |f: &'static str| Signal::derive(move || field_error(error.get(), f));
    let field = move |label: Text, name: &'static str, value: RwSignal<String>| {
        view! { <Field label name value error=err(name) /> }
    };
    view! {
        <div class="basics-form grid grid-cols-2 md:grid-cols-4 gap-x-4">
            {field(ch::NAME, "name", d.name)} {field(ch::CARRIER, "carrier", d.carrier)}
            <label class="block mb-3">
                <span class="block text-sm font-medium text-slate-600 mb-1">
                    {move || t(ch::MODE)}
                </span>
                <select
                    name="mode"
                    class="w-full rounded-lg border border-slate-300 bg-white px-3 py-2"
                    on:change=move |e| d.mode.set(event_target_value(&e))
                >
                    {Mode::ALL
                        .iter()
                        .map(|m| {
                            let m = *m;
                            let sel = d.mode.get_untracked() == m.as_str();
                            view! {
                                <option value=m.as_str() selected=sel>
                                    {move || format::mode(m)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label> {field(ch::COUNTRY, "country", d.country)}
            {field(ch::ORIGINS, "origins", d.origins)} <label class="block mb-3">
                <span class="block text-sm font-medium text-slate-600 mb-1">
                    {move || t(ch::BASIS)}
                </span>
                <select
                    name="basis_unit"
                    class="w-full rounded-lg border border-slate-300 bg-white px-3 py-2"
                    on:change=move |e| d.per_cbm.set(event_target_value(&e) == "cbm")
                >
                    <option value="kg" selected=!d.per_cbm.get_untracked()>
                        {move || t(ch::PER_KG)}
                    </option>
                    <option value="cbm" selected=d.per_cbm.get_untracked()>
                        {move || t(ch::PER_CBM)}
                    </option>
                </select>
            </label> {field(ch::DIVISOR, "basis", d.divisor)}
            {field(ch::MIN_SHIPMENT, "min_shipment", d.min_shipment)}
            {field(ch::MIN_CARTON, "min_carton", d.min_carton)}
            {field(ch::ROUNDING, "rounding", d.rounding)}
            {field(ch::MAX_CARTON_KG, "limits.max_carton_kg", d.max_carton_kg)}
            {field(ch::MAX_SIDE_CM, "limits.max_side_cm", d.max_side_cm)}
            {field(ch::CUSTOMS_FEE, "customs_fee_fen", d.customs_fee)}
            {field(ch::TRANSIT_MIN, "transit_days", d.transit_min)}
            {field(ch::TRANSIT_MAX, "transit_days_max", d.transit_max)}
            {field(ch::TAGS, "tags", d.tags)} {field(ch::VALID_FROM, "validity", d.valid_from)}
            {field(ch::VALID_TO, "validity_to", d.valid_to)}
            {field(ch::SPECIAL_FROM, "special", d.special_from)}
            {field(ch::SPECIAL_TO, "special_to", d.special_to)}
        </div>
        <div class="flex flex-wrap gap-x-8 gap-y-3 mb-3">
            <Checks
                label=ch::ACCEPTS
                name="accepts"
                all=GoodsType::ALL.to_vec()
                chosen=d.accepts
                text=format::goods
                error=err("accepts")
            />
            <Checks
                label=ch::CUTOFFS
                name="cutoff_weekdays"
                all=Weekday::ALL.to_vec()
                chosen=d.cutoffs
                text=format::weekday
                error=err("cutoff_weekdays")
            />
            <label class="flex items-center gap-2 text-sm">
                <input
                    type="checkbox"
                    name="tax_included"
                    prop:checked=move || d.tax_included.get()
                    on:change=move |e| d.tax_included.set(event_target_checked(&e))
                />
                {move || t(ch::TAX_INCLUDED)}
            </label>
        </div>
    }
}

/// A row of checkboxes choosing some of `all`.
#[component]
fn Checks<T>(
    label: Text,
    name: &'static str,
    all: Vec<T>,
    chosen: RwSignal<Vec<T>>,
    text: fn(T) -> &'static str,
    error: Signal<Option<String>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <fieldset class="text-sm" data-field=name>
            <legend class="font-medium text-slate-600 mb-1">{move || t(label)}</legend>
            <div class="flex flex-wrap gap-3">
                {all
                    .into_iter()
                    .map(|v| {
                        let on = move || chosen.with(|c| c.contains(&v));
                        let flip = move |_| {
                            chosen
                                .update(|c| {
                                    if c.contains(&v) { c.retain(|x| *x != v) } else { c.push(v) }
                                })
                        };
                        view! {
                            <label class="flex items-center gap-1">
                                <input type="checkbox" prop:checked=on on:change=flip />
                                {move || text(v)}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <span class="field-error block text-red-600 mt-1" data-field=name>
                                {e}
                            </span>
                        }
                    })
            }}
        </fieldset>
    }
}
