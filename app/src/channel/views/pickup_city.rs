//! One city's pickup slots in a card: weekdays, window, pickups a day and
//! whether it runs; for editors, edit and delete (asked first).

use leptos::prelude::*;
use shipdesk::pricing::PickupSlot;
use shipdesk::{AppError, Id};

use crate::components::confirm;
use crate::i18n::{t, Text};
use crate::pricing::api::delete_pickup_slot;
use crate::pricing::pickup_text as pk;

#[component]
pub fn PickupCity(
    city: String,
    slots: Vec<PickupSlot>,
    editor: bool,
    on_edit: Callback<PickupSlot>,
    on_deleted: Callback<Result<(), AppError>>,
) -> impl IntoView {
    let delete = Action::new(move |id: &Id| {
        let id = *id;
        async move { delete_pickup_slot(id).await }
    });
    Effect::new(move |_| {
        if let Some(r) = delete.value().get() {
            on_deleted.run(r);
        }
    });
    let mut cols: Vec<Text> = vec![pk::WEEKDAYS, pk::WINDOW, pk::CAPACITY, pk::STATUS];
    if editor {
        cols.push(crate::components::text::ACTIONS);
    }
    let th = "px-3 py-2 whitespace-nowrap font-medium";
    view! {
        <section
            class="pickup-city bg-white rounded-xl border border-slate-200 mb-4"
            data-city=city.clone()
        >
            <h2 class="px-4 pt-3 pb-2 font-semibold">{city.clone()}</h2>
            <div class="overflow-x-auto">
                <table class="w-full text-sm">
                    <thead class="bg-slate-50 text-slate-500 text-left">
                        <tr>
                            {cols
                                .into_iter()
                                .map(|k| view! { <th class=th>{move || t(k)}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {slots
                            .into_iter()
                            .map(|s| {
                                let id = s.id;
                                let days = s.weekdays.clone();
                                let enabled = s.enabled;
                                let for_edit = s.clone();
                                view! {
                                    <tr
                                        class="pickup-row border-t border-slate-100"
                                        data-id=id.to_string()
                                    >
                                        <td class="pickup-days px-3 py-2 whitespace-nowrap">
                                            {move || pk::weekdays(&days)}
                                        </td>
                                        <td class="pickup-window px-3 py-2 font-mono whitespace-nowrap">
                                            {format!("{}–{}", s.start, s.end)}
                                        </td>
                                        <td class="pickup-capacity px-3 py-2 tabular-nums">
                                            {s.capacity}
                                        </td>
                                        <td class="px-3 py-2 whitespace-nowrap">
                                            <span class=if enabled {
                                                "rounded bg-emerald-50 text-emerald-700 px-1.5 py-0.5 text-xs"
                                            } else {
                                                "rounded bg-slate-100 text-slate-500 px-1.5 py-0.5 text-xs"
                                            }>
                                                {move || t(
                                                    if enabled { pk::ENABLED } else { pk::DISABLED },
                                                )}
                                            </span>
                                        </td>
                                        <Show when=move || editor>
                                            <td class="px-3 py-2 whitespace-nowrap">
                                                <button
                                                    type="button"
                                                    class="edit-pickup text-sky-700 hover:underline mr-3"
                                                    on:click={
                                                        let s = for_edit.clone();
                                                        move |_| on_edit.run(s.clone())
                                                    }
                                                >
                                                    {move || t(pk::EDIT)}
                                                </button>
                                                <button
                                                    type="button"
                                                    class="delete-pickup text-red-600 hover:underline disabled:opacity-50"
                                                    disabled=move || delete.pending().get()
                                                    on:click=move |_| {
                                                        if confirm(t(pk::CONFIRM_DELETE)) {
                                                            delete.dispatch(id);
                                                        }
                                                    }
                                                >
                                                    {move || t(pk::DELETE)}
                                                </button>
                                            </td>
                                        </Show>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
