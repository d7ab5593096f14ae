//! 入仓: ops record the cartons the warehouse measured (count × L×W×H cm
//! and kg each, prefilled with the booked cartons) and an optional note;
//! the order moves to received and is priced again for them. Each refusal
//! shows on its field.

use leptos::prelude::*;
use shipdesk::orders::OrderReceipt;
use shipdesk::pricing::CartonInput;
use shipdesk::{AppError, Id};

use super::receive_draft::{LineDraft, ReceiveDraft, FIELDS};
use super::settle::Ctx;
use crate::components::{field_error, SubmitButton};
use crate::i18n::{error_text, t, Text};
use crate::orders::admin_text as text;
use crate::orders::api::receive_order;

const LABELS: [Text; 5] = [
    text::CARTON_COUNT,
    crate::pricing::text::LENGTH,
    crate::pricing::text::WIDTH,
    crate::pricing::text::HEIGHT,
    text::KG_EACH,
];

/// An error the line fields do not show.
fn general(e: &AppError) -> bool {
    !e.field().is_some_and(|f| f.starts_with("cartons["))
}

#[component]
fn Line(draft: ReceiveDraft, line: LineDraft, error: Signal<Option<AppError>>) -> impl IntoView {
    let cells = (0..5)
        .map(|n| {
            let field = move || format!("cartons[{}].{}", draft.at(line.key), FIELDS[n]);
            let value = line.values[n];
            let msg = move || field_error(error.get(), &field());
            view! {
                <label class="block min-w-0">
                    <span class="block text-xs text-slate-500 mb-0.5">{move || t(LABELS[n])}</span>
                    <input
                        class=move || {
                            let bad = if msg().is_some() {
                                "border-red-400 bg-red-50"
                            } else {
                                "border-slate-300 bg-white"
                            };
                            format!("w-full rounded-lg border px-2 py-1.5 tabular-nums {bad}")
                        }
                        name=field
                        inputmode=if n == 0 { "numeric" } else { "decimal" }
                        aria-invalid=move || msg().is_some().to_string()
                        bind:value=value
                    />
                    {move || {
                        msg()
                            .map(|m| {
                                view! {
                                    <span
                                        class="field-error block text-xs text-red-600 mt-0.5"
                                        data-field=field()
                                    >
                                        {m}
                                    </span>
                                }
                            })
                    }}
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="measured-line grid grid-cols-[repeat(5,minmax(0,1fr))_auto] gap-1.5 items-start mb-2">
            {cells}
            <button
                type="button"
                class="remove-line mt-5 px-1 text-xs text-slate-400 hover:text-red-600 disabled:invisible"
                disabled=move || draft.lines.with(|l| l.len() <= 1)
                on:click=move |_| draft.remove_line(line.key)
            >
                {move || t(text::REMOVE_LINE)}
            </button>
        </div>
    }
}

#[component]
pub fn ReceiveForm(
    id: Id,
    version: i64,
    cartons: Vec<CartonInput>,
    ctx: Ctx,
    on_close: Callback<()>,
) -> impl IntoView {
    let draft = ReceiveDraft::new(&cartons);
    let note = RwSignal::new(String::new());
    let local = RwSignal::new(None::<AppError>);
    let receive = Action::new(move |r: &OrderReceipt| {
        let r = r.clone();
        async move { ctx.settle(receive_order(r).await) }
    });
    let error = Signal::derive(move || local.get().or_else(|| receive.value().get().flatten()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.cartons() {
            Err(e) => local.set(Some(e)),
            Ok(cartons) => {
                local.set(None);
                receive.dispatch(OrderReceipt {
                    id,
                    cartons,
                    note: note.get_untracked(),
                    version,
                });
            }
        }
    };
    view! {
        <form
            class="receive-form mt-3 rounded-lg border border-sky-200 bg-sky-50/50 p-3"
            on:submit=submit
        >
            <h3 class="font-medium text-slate-700">{move || t(text::RECEIVE_TITLE)}</h3>
            <p class="text-xs text-slate-500 mb-2">{move || t(text::RECEIVE_HINT)}</p>
            <For each=move || draft.lines.get() key=|l| l.key let:line>
                <Line draft line error />
            </For>
            <button
                type="button"
                class="add-line text-sm text-sky-700 mb-2"
                on:click=move |_| draft.add_line()
            >
                {move || t(text::ADD_LINE)}
            </button>
            <label class="block mb-2">
                <span class="block text-xs text-slate-500 mb-0.5">{move || t(text::NOTE)}</span>
                <input
                    class="w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5"
                    name="receive_note"
                    bind:value=note
                />
            </label>
            {move || {
                error
                    .get()
                    .filter(general)
                    .map(|e| {
                        view! {
                            <p class="form-error text-sm text-red-600 mb-2" role="alert">
                                {error_text(&e)}
                            </p>
                        }
                    })
            }}
            <div class="flex gap-2">
                <SubmitButton
                    label=text::RECEIVE_SUBMIT
                    pending=receive.pending()
                    class="submit-receive"
                />
                <button
                    type="button"
                    class="rounded-lg border border-slate-300 bg-white px-4 py-2"
                    on:click=move |_| on_close.run(())
                >
                    {move || t(text::CLOSE)}
                </button>
            </div>
        </form>
    }
}
