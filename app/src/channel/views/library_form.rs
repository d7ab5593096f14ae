//! The form of a channel library (ops, admins): its name, the rules as
//! chips (required and excluded tags, modes, origins, countries), channels
//! added and excluded by hand, the pre-check (前置校验) that shows what
//! saving would change, and 保存.

use leptos::prelude::*;
use shipdesk::pricing::{ChannelLibrary, LibraryForSave, LibraryPrecheck, Mode};
use shipdesk::AppError;

use super::channel_picker::{channel_names, ChannelPicker};
use super::chips::Chips;
use super::format;
use super::library_draft::LibraryDraft;
use super::precheck::PrecheckView;
use crate::channel::library_text as lib;
use crate::components::text as common;
use crate::components::{field_error, ErrorBanner, Field, SubmitButton};
use crate::i18n::t;
use crate::pricing::api::{precheck_channel_library, save_channel_library};

/// What the chips choose from.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Choices {
    pub tags: Vec<String>,
    pub origins: Vec<String>,
    /// Country codes the channels reach.
    pub countries: Vec<String>,
}

/// Fields of the form that show their own errors.
const FIELDS: &[&str] = &[
    "name",
    "rules.required_tags",
    "rules.excluded_tags",
    "rules.origins",
    "rules.countries",
    "include",
];

#[component]
pub fn LibraryForm(
    library: Option<ChannelLibrary>,
    choices: Choices,
    on_saved: Callback<ChannelLibrary>,
    cancel: Callback<()>,
) -> impl IntoView {
    let d = LibraryDraft::of(library.as_ref());
    let error = RwSignal::new(None::<AppError>);
    let names = RwSignal::new(Vec::new());
    let load_names = Action::new(|_: &()| channel_names());
    load_names.dispatch(());
    Effect::new(move |_| {
        if let Some(Ok(n)) = load_names.value().get() {
            names.update(|v| v.extend(n));
        }
    });
    let checked = RwSignal::new(None::<(LibraryForSave, LibraryPrecheck)>);
    let check = Action::new(|i: &LibraryForSave| {
        let i = i.clone();
        async move { precheck_channel_library(i.clone()).await.map(|p| (i, p)) }
    });
    let save = Action::new(|i: &LibraryForSave| {
        let i = i.clone();
        async move { save_channel_library(i).await }
    });
    Effect::new(move |_| match check.value().get() {
        Some(Ok(c)) => checked.set(Some(c)),
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(l)) => on_saved.run(l),
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let built = move || {
        let r = d.build();
        error.set(r.as_ref().err().cloned());
        r.ok()
    };
    let run_check = move |_| {
        if let Some(i) = built() {
            check.dispatch(i);
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(i) = built() {
            save.dispatch(i);
        }
    };
    let stale =
        Signal::derive(move || checked.with(|c| c.as_ref().is_some_and(|(i, _)| *i != d.input())));
    let err = move |f: &'static str| Signal::derive(move || field_error(error.get(), f));
    let elsewhere = Signal::derive(move || {
        error
            .get()
            .filter(|e| !FIELDS.contains(&e.field().unwrap_or("")))
    });
    let title = if d.id == 0 {
        lib::NEW_TITLE
    } else {
        lib::EDIT_TITLE
    };
    let pairs = |v: Vec<String>| v.into_iter().map(|s| (s.clone(), s)).collect::<Vec<_>>();
    let modes = Mode::ALL
        .iter()
        .map(|m| (m.as_str().to_owned(), format::mode(*m).to_owned()))
        .collect();
    let countries = choices
        .countries
        .iter()
        .map(|c| (c.clone(), format::country(c)))
        .collect();
    view! {
        <form
            class="library-form bg-white rounded-xl border border-slate-200 p-4 mb-4"
            on:submit=submit
            novalidate
        >
            <h2 class="font-semibold mb-3">{move || t(title)}</h2>
            <ErrorBanner error=elsewhere all=true />
            <div class="max-w-md">
                <Field label=lib::NAME name="name" value=d.name error=err("name") />
            </div>
            <div class="grid grid-cols-1 lg:grid-cols-2 gap-x-6">
                <Chips
                    label=lib::REQUIRED_TAGS
                    name="rules.required_tags"
                    options=pairs(choices.tags.clone())
                    chosen=d.required
                    error=err("rules.required_tags")
                />
                <Chips
                    label=lib::EXCLUDED_TAGS
                    name="rules.excluded_tags"
                    options=pairs(choices.tags.clone())
                    chosen=d.excluded
                    danger=true
                    error=err("rules.excluded_tags")
                />
                <Chips
                    label=lib::MODES
                    name="rules.modes"
                    options=modes
                    chosen=d.modes
                    hint=lib::ANY
                    error=err("rules.modes")
                />
                <Chips
                    label=lib::ORIGINS
                    name="rules.origins"
                    options=pairs(choices.origins.clone())
                    chosen=d.origins
                    hint=lib::ANY
                    error=err("rules.origins")
                />
                <Chips
                    label=lib::COUNTRIES
                    name="rules.countries"
                    options=countries
                    chosen=d.countries
                    hint=lib::ANY
                    error=err("rules.countries")
                />
            </div>
            <ChannelPicker d names error=err("include") />
            {move || checked.get().map(|(_, p)| view! { <PrecheckView p stale /> })}
            <div class="flex flex-wrap gap-2">
                <button
                    type="button"
                    class="run-precheck rounded-lg border border-sky-600 text-sky-700 bg-white px-4 py-2 hover:bg-sky-50 disabled:opacity-60"
                    disabled=move || check.pending().get()
                    on:click=run_check
                >
                    {move || t(if check.pending().get() { lib::CHECKING } else { lib::PRECHECK })}
                </button>
                <SubmitButton label=common::SAVE pending=save.pending() class="save-library" />
                <button
                    type="button"
                    class="rounded-lg border border-slate-300 bg-white px-4 py-2"
                    on:click=move |_| cancel.run(())
                >
                    {move || t(common::CANCEL)}
                </button>
            </div>
        </form>
    }
}
