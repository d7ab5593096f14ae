//! The quote search form: destination, origin, cargo, goods type, mode and
//! wanted date, each with its error and, when read from a pasted inquiry,
//! its mark; under the origin, its next pickup windows.

use leptos::prelude::*;
use shipdesk::pricing::{Country, FieldName, QuoteForm};
use shipdesk::AppError;

use super::cargo_input::CargoInput;
use super::choice::Choice;
use super::draft::Draft;
use super::input::Input;
use super::pickup_hint::PickupHint;
use crate::components::ClientOnly;
use crate::i18n::{lang, t, Lang, Text};
use crate::pricing::text as pricing;

/// An option's label in `l`; English ones start with a capital.
fn pick(l: Lang, zh: &str, en: &str) -> String {
    match l {
        Lang::Zh => zh.to_owned(),
        Lang::En => {
            let mut c = en.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        }
    }
}

#[component]
pub fn SearchForm(
    draft: Draft,
    form: QuoteForm,
    error: Signal<Option<AppError>>,
    #[prop(into)] pending: Signal<bool>,
    on_submit: Callback<()>,
) -> impl IntoView {
    let QuoteForm {
        countries,
        origins,
        modes,
        goods_types,
        today,
        ..
    } = form;
    // A country read from the text that no channel reaches is still shown.
    let country_options = Signal::derive(move || {
        let mut list = countries.clone();
        let typed = draft.country.get();
        if !typed.is_empty() && !list.iter().any(|c| c.code == typed) {
            list.push(Country::of(&typed));
        }
        let l = lang();
        list.iter()
            .map(|c| (c.code.clone(), format!("{} {}", c.name(l), c.code)))
            .collect::<Vec<_>>()
    });
    let origin_options = origins
        .into_iter()
        .map(|o| (o.clone(), o))
        .collect::<Vec<_>>();
    let mode_options = Signal::derive(move || {
        let l = lang();
        modes
            .iter()
            .map(|m| {
                (
                    m.value.as_str().to_owned(),
                    pick(l, &m.label_zh, &m.label_en),
                )
            })
            .collect()
    });
    let goods_options = Signal::derive(move || {
        let l = lang();
        goods_types
            .iter()
            .map(|g| {
                (
                    g.value.as_str().to_owned(),
                    pick(l, &g.label_zh, &g.label_en),
                )
            })
            .collect()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_submit.run(());
    };
    let dest_tab = move |fba: bool, label: Text, class: &'static str| {
        view! {
            <button
                type="button"
                class=move || {
                    let on = draft.to_fba.get() == fba;
                    let state = if on {
                        "bg-sky-600 text-white border-sky-600"
                    } else {
                        "bg-white text-slate-600 border-slate-300"
                    };
                    format!("{class} rounded-full border px-3 py-1 text-sm {state}")
                }
                on:click=move |_| draft.to_fba.set(fba)
            >
                {move || t(label)}
            </button>
        }
    };
    view! {
        <form class="quote-form space-y-3" on:submit=submit novalidate>
            <Choice
                label=pricing::COUNTRY
                field="country"
                value=draft.country
                options=country_options
                error
                mark=(draft, FieldName::Country)
            />
            <div>
                <div class="flex gap-2 mb-2">
                    {dest_tab(true, pricing::DEST_FBA, "dest-fba")}
                    {dest_tab(false, pricing::DEST_POSTCODE, "dest-postcode")}
                </div>
                <Show
                    when=move || draft.to_fba.get()
                    fallback=move || {
                        view! {
                            <Input
                                label=pricing::POSTCODE
                                field="postcode"
                                value=draft.postcode
                                error
                                mark=(draft, FieldName::Postcode)
                            />
                        }
                    }
                >
                    <Input
                        label=pricing::FBA_CODE
                        field="fba_code"
                        value=draft.fba_code
                        error
                        placeholder=pricing::FBA_PLACEHOLDER
                        mark=(draft, FieldName::FbaCode)
                    />
                </Show>
            </div>
            <div>
                <Choice
                    label=pricing::ORIGIN
                    field="origin"
                    value=draft.origin
                    options=origin_options
                    none=pricing::ANY_ORIGIN
                    error
                    mark=(draft, FieldName::Origin)
                />
                // Loaded in the browser: a local resource read while the
                // server renders the page left its markup unhydratable.
                <ClientOnly>
                    <PickupHint origin=draft.origin today />
                </ClientOnly>
            </div>
            <CargoInput draft error />
            <div class="grid grid-cols-2 gap-2">
                <Choice
                    label=pricing::GOODS_TYPE
                    field="goods_type"
                    value=draft.goods_type
                    options=goods_options
                    error
                    mark=(draft, FieldName::GoodsType)
                />
                <Choice
                    label=pricing::MODE
                    field="mode"
                    value=draft.mode
                    options=mode_options
                    none=pricing::ANY_MODE
                    error
                    mark=(draft, FieldName::Mode)
                />
            </div>
            <Input
                label=pricing::WANTED_DATE
                field="wanted_date"
                value=draft.wanted_date
                error
                kind="date"
                min=today.to_string()
                mark=(draft, FieldName::WantedDate)
            />
            <button
                type="submit"
                class="search-quotes w-full rounded-lg bg-sky-600 text-white py-2.5 font-medium hover:bg-sky-700 disabled:opacity-60"
                disabled=move || pending.get()
            >
                {move || if pending.get() { t(pricing::SEARCHING) } else { t(pricing::SEARCH) }}
            </button>
        </form>
    }
}
