//! The form of a pickup slot (ops, admins): city, weekdays, the window's
//! start and end, pickups a day, enabled. Each error shows by its field.

use leptos::prelude::*;
use shipdesk::pricing::{PickupSlot, PickupSlotForSave, Weekday};
use shipdesk::AppError;

use super::pickup_draft::PickupDraft;
use crate::components::text as common;
use crate::components::{field_error, ErrorBanner, Field, SubmitButton};
use crate::i18n::{t, Text};
use crate::pricing::api::save_pickup_slot;
use crate::pricing::pickup_text as pk;

const FIELDS: [&str; 4] = ["city", "start", "end", "capacity"];
/// Times read alike in both languages.
const AT_NINE: Text = Text::new("09:00", "09:00");
const AT_NOON: Text = Text::new("12:00", "12:00");

#[component]
pub fn PickupForm(
    stored: Option<PickupSlot>,
    /// The city a new slot starts with.
    city: String,
    on_saved: Callback<PickupSlot>,
    cancel: Callback<()>,
) -> impl IntoView {
    let d = PickupDraft::of(stored.as_ref(), &city);
    let error = RwSignal::new(None::<AppError>);
    let save = Action::new(|input: &PickupSlotForSave| {
        let input = input.clone();
        async move { save_pickup_slot(input).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(s)) => on_saved.run(s),
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
        error
            .get()
            .filter(|e| !FIELDS.contains(&e.field().unwrap_or("")))
    });
    let title = if d.id == 0 {
        pk::NEW_TITLE
    } else {
        pk::EDIT_TITLE
    };
    view! {
        <form
            class="pickup-form bg-white rounded-xl border border-slate-200 p-4 mb-4"
            on:submit=submit
            novalidate
        >
            <h2 class="font-semibold mb-3">{move || t(title)}</h2>
            <ErrorBanner error=elsewhere all=true />
            <div class="grid grid-cols-2 md:grid-cols-4 gap-x-4">
                <Field
                    label=pk::CITY
                    name="city"
                    value=d.city
                    error=err("city")
                    placeholder=pk::CITY_HINT
                />
                <Field
                    label=pk::START
                    name="start"
                    value=d.start
                    error=err("start")
                    placeholder=AT_NINE
                />
                <Field label=pk::END name="end" value=d.end error=err("end") placeholder=AT_NOON />
                <Field label=pk::CAPACITY name="capacity" value=d.capacity error=err("capacity") />
            </div>
            <fieldset class="mb-3 text-sm" data-field="weekdays">
                <legend class="font-medium text-slate-600 mb-1">
                    {move || t(pk::WEEKDAYS)}
                    <span class="ml-2 text-xs font-normal text-slate-400">
                        {move || t(pk::EVERY_DAY_HINT)}
                    </span>
                </legend>
                <div class="flex flex-wrap gap-3">
                    {Weekday::ALL
                        .iter()
                        .map(|w| {
                            let w = *w;
                            let on = move || d.weekdays.with(|v| v.contains(&w));
                            let flip = move |_| {
                                d.weekdays
                                    .update(|v| {
                                        if v.contains(&w) {
                                            v.retain(|x| *x != w)
                                        } else {
                                            v.push(w)
                                        }
                                    })
                            };
                            view! {
                                <label class="flex items-center gap-1">
                                    <input
                                        type="checkbox"
                                        class="weekday"
                                        value=w.as_str()
                                        prop:checked=on
                                        on:change=flip
                                    />
                                    {move || pk::weekday(w)}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <label class="flex items-center gap-2 text-sm mb-4">
                <input
                    type="checkbox"
                    name="enabled"
                    prop:checked=move || d.enabled.get()
                    on:change=move |e| d.enabled.set(event_target_checked(&e))
                />
                {move || t(pk::ENABLED)}
            </label>
            <div class="flex gap-2">
                <SubmitButton label=common::SAVE pending=save.pending() class="save-pickup" />
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
