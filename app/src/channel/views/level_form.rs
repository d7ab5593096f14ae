//! The form of a price level (admins): name, default percent, a row per
//! mode with its own percent, the libraries its customers search, and
//! whether it is the default. Each error shows by its field.

use leptos::prelude::*;
use shipdesk::pricing::{ChannelLibrary, Mode, PriceLevel};
use shipdesk::AppError;

use super::format;
use super::level_draft::{LevelDraft, ModeRow};
use crate::channel::levels_text as lv;
use crate::components::text as common;
use crate::components::{field_error, ErrorBanner, Field, SubmitButton};
use crate::i18n::t;
use crate::pricing::api::save_price_level;

#[component]
pub fn LevelForm(
    level: Option<PriceLevel>,
    libraries: Vec<ChannelLibrary>,
    on_saved: Callback<PriceLevel>,
    cancel: Callback<()>,
) -> impl IntoView {
    let d = LevelDraft::of(level.as_ref());
    let error = RwSignal::new(None::<AppError>);
    let save = Action::new(|input: &shipdesk::pricing::PriceLevelForSave| {
        let input = input.clone();
        async move { save_price_level(input).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(l)) => on_saved.run(l),
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match d.build() {
            Ok(input) => {
                error.set(None);
                save.dispatch(input);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let err = move |f: &'static str| Signal::derive(move || field_error(error.get(), f));
    let elsewhere = Signal::derive(move || {
        error.get().filter(|e| {
            let f = e.field().unwrap_or("");
            !["name", "default_bp"].contains(&f) && !f.starts_with("by_mode[")
        })
    });
    let title = if d.id == 0 {
        lv::NEW_TITLE
    } else {
        lv::EDIT_TITLE
    };
    view! {
        <form
            class="level-form bg-white rounded-xl border border-slate-200 p-4 mb-4"
            on:submit=submit
            novalidate
        >
            <h2 class="font-semibold mb-3">{move || t(title)}</h2>
            <ErrorBanner error=elsewhere all=true />
            <div class="grid grid-cols-1 md:grid-cols-3 gap-x-4">
                <Field label=lv::NAME name="name" value=d.name error=err("name") />
                <Field
                    label=lv::DEFAULT_ADJ
                    name="default_bp"
                    value=d.default_pct
                    error=err("default_bp")
                />
                <p class="text-xs text-slate-500 md:pt-8">{move || t(lv::PERCENT_HINT)}</p>
            </div>
            <ModeRows d error=error.into() />
            <LibraryChecks d libraries />
            <label class="flex items-center gap-2 text-sm mb-4">
                <input
                    type="checkbox"
                    name="is_default"
                    prop:checked=move || d.is_default.get()
                    on:change=move |e| d.is_default.set(event_target_checked(&e))
                />
                {move || t(lv::MAKE_DEFAULT)}
            </label>
            <div class="flex gap-2">
                <SubmitButton label=common::SAVE pending=save.pending() class="save-level" />
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

/// The modes with an adjustment of their own, added and removed.
#[component]
fn ModeRows(d: LevelDraft, error: Signal<Option<AppError>>) -> impl IntoView {
    view! {
        <fieldset class="mode-rows mb-3">
            <legend class="text-sm font-medium text-slate-600 mb-1">
                {move || t(lv::BY_MODE)}
            </legend>
            <p class="text-xs text-slate-500 mb-2">{move || t(lv::SAME_AS_DEFAULT)}</p>
            <For each=move || d.rows.get() key=|r| r.key let:row>
                <Row d row error />
            </For>
            <button
                type="button"
                class="add-mode text-sm text-sky-700 hover:underline"
                on:click=move |_| d.add_row()
            >
                "+ "
                {move || t(lv::ADD_MODE)}
            </button>
        </fieldset>
    }
}

#[component]
fn Row(d: LevelDraft, row: ModeRow, error: Signal<Option<AppError>>) -> impl IntoView {
    // The row's error, at its place now (`by_mode[1].bp`).
    let at = move |part: &'static str| {
        move || {
            let field = format!("by_mode[{}].{part}", d.index_of(row.key)?);
            let e = field_error(error.get(), &field)?;
            Some(view! {
                <span class="field-error block text-sm text-red-600" data-field=field>
                    {e}
                </span>
            })
        }
    };
    let (mode_err, bp_err) = (at("mode"), at("bp"));
    let input = "rounded-lg border px-3 py-1.5 border-slate-300 bg-white";
    view! {
        <div class="mode-row flex flex-wrap items-start gap-2 mb-2">
            <div>
                <select
                    class=format!("mode {input}")
                    aria-label=move || t(lv::BY_MODE)
                    on:change=move |e| row.mode.set(event_target_value(&e))
                >
                    {Mode::ALL
                        .iter()
                        .map(|m| {
                            let m = *m;
                            let sel = row.mode.get_untracked() == m.as_str();
                            view! {
                                <option value=m.as_str() selected=sel>
                                    {move || format::mode(m)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                {mode_err}
            </div>
            <div>
                <input
                    class=format!("pct w-28 {input}")
                    aria-label=move || t(lv::PERCENT)
                    placeholder=move || t(lv::PERCENT)
                    bind:value=row.pct
                />
                {bp_err}
            </div>
            <button
                type="button"
                class="remove-mode text-sm text-slate-500 hover:text-red-600 py-1.5"
                on:click=move |_| d.remove_row(row.key)
            >
                {move || t(lv::REMOVE)}
            </button>
        </div>
    }
}

/// The libraries whose channels the level's customers search.
#[component]
fn LibraryChecks(d: LevelDraft, libraries: Vec<ChannelLibrary>) -> impl IntoView {
    let empty = libraries.is_empty();
    view! {
        <fieldset class="level-libraries mb-3">
            <legend class="text-sm font-medium text-slate-600 mb-1">
                {move || t(lv::LIBRARIES)}
            </legend>
            <p class="text-xs text-slate-500 mb-2">
                {move || t(if empty { lv::NO_LIBRARIES } else { lv::LIBRARIES_HINT })}
            </p>
            <div class="flex flex-wrap gap-x-4 gap-y-2 text-sm">
                {libraries
                    .into_iter()
                    .map(|l| {
                        let id = l.id;
                        let on = move || d.libraries.with(|v| v.contains(&id));
                        let flip = move |_| {
                            d.libraries
                                .update(|v| {
                                    if v.contains(&id) {
                                        v.retain(|x| *x != id)
                                    } else {
                                        v.push(id)
                                    }
                                })
                        };
                        view! {
                            <label class="flex items-center gap-1">
                                <input type="checkbox" prop:checked=on on:change=flip />
                                {l.name}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}
