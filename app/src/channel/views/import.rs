//! 导入价格表: the chosen file is read on the server (nothing saved), its
//! table previewed against the current one with the changed cells marked,
//! or every error at its row and column; only 确认导入 saves it, as the
//! next version of the channel read.

use leptos::prelude::*;
use shipdesk::pricing::sheet::{apply, CellError, CellProblem, PriceSheet, TableImport};
use shipdesk::pricing::Channel;
use shipdesk::AppError;

use super::basics::Section;
use super::editor::{save_action, Conflict};
use super::grid::SheetGrid;
use crate::channel::text as ch;
use crate::components::{action_error, on_picked, ErrorBanner};
use crate::i18n::{t, Text};

pub fn problem_text(p: CellProblem) -> Text {
    match p {
        CellProblem::Empty => ch::CELL_EMPTY,
        CellProblem::NotANumber => ch::CELL_NOT_A_NUMBER,
        CellProblem::Negative => ch::CELL_NEGATIVE,
        CellProblem::TooLarge => ch::CELL_TOO_LARGE,
        CellProblem::TooPrecise => ch::CELL_TOO_PRECISE,
        CellProblem::UnknownZone => ch::CELL_UNKNOWN_ZONE,
        CellProblem::DuplicateZone => ch::CELL_DUPLICATE_ZONE,
        CellProblem::NotAscending => ch::CELL_NOT_ASCENDING,
        CellProblem::BadHeader => ch::CELL_BAD_HEADER,
        CellProblem::NoRows => ch::CELL_NO_ROWS,
        CellProblem::NoBreaks => ch::CELL_NO_BREAKS,
    }
}

#[component]
pub fn Import(current: Channel, on_saved: Callback<u32>, reload: RwSignal<u32>) -> impl IntoView {
    let id = current.id;
    let read = RwSignal::new(None::<TableImport>);
    let reading = RwSignal::new(false);
    let read_err = RwSignal::new(None::<AppError>);
    let save = save_action();
    Effect::new(move |_| {
        if let Some(Ok(c)) = save.value().get() {
            read.set(None);
            on_saved.run(c.table_version);
        }
    });
    let saved_err = action_error(save);
    let before = PriceSheet::of(&current);
    let unchanged = current.clone();
    let confirm = move |sheet: PriceSheet| {
        let c = current.clone();
        move |_| {
            save.dispatch(apply(&c, &sheet));
        }
    };
    view! {
        <Section title=ch::IMPORT class="table-import">
            <p class="text-sm text-slate-500 mb-3">{move || t(ch::IMPORT_HINT)}</p>
            <label class="import-pick inline-block cursor-pointer rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50">
                {move || t(if reading.get() { ch::READING } else { ch::CHOOSE_FILE })}
                <input
                    type="file"
                    name="table_file"
                    class="hidden"
                    accept=".xlsx,.xls,.ods"
                    on:change=move |e| on_file(id, e, read, reading, read_err)
                />
            </label>
            <div class="mt-3">
                <ErrorBanner error=read_err all=true />
                <Conflict error=saved_err reload />
                <ErrorBanner
                    error=Signal::derive(move || {
                        saved_err.get().filter(|e| e.key() != shipdesk::ErrorKey::ChannelChanged)
                    })
                    all=true
                />
            </div>
            {move || {
                read.get()
                    .map(|imp| match imp.sheet {
                        None => view! { <Errors errors=imp.errors /> }.into_any(),
                        Some(sheet) => {
                            let same = apply(&unchanged, &sheet) == unchanged;
                            view! {
                                <h3 class="font-semibold mt-2 mb-1">{move || t(ch::PREVIEW)}</h3>
                                <p class="text-sm text-slate-500 mb-2">
                                    {move || t(if same { ch::NO_CHANGE } else { ch::PREVIEW_HINT })}
                                </p>
                                <div class="import-preview">
                                    <SheetGrid sheet=sheet.clone() before=Some(before.clone()) />
                                </div>
                                <button
                                    type="button"
                                    class="confirm-import mt-3 rounded-lg bg-sky-600 text-white px-4 py-2 hover:bg-sky-700 disabled:opacity-60"
                                    disabled=move || save.pending().get()
                                    on:click=confirm(sheet)
                                >
                                    {move || t(ch::CONFIRM_IMPORT)}
                                </button>
                            }
                                .into_any()
                        }
                    })
            }}
        </Section>
    }
}

#[component]
fn Errors(errors: Vec<CellError>) -> impl IntoView {
    view! {
        <div
            role="alert"
            class="import-errors rounded-lg bg-red-50 border border-red-200 text-red-700 px-3 py-2 text-sm"
        >
            <p class="font-medium mb-1">{move || t(ch::IMPORT_ERRORS)}</p>
            <ul class="list-disc pl-5 space-y-0.5">
                {errors
                    .into_iter()
                    .map(|e| {
                        let text = problem_text(e.problem);
                        let (row, col) = (e.row, e.column.clone());
                        view! {
                            <li class="import-error" data-row=e.row data-column=e.column.clone()>
                                {move || ch::at_cell(row, &col, t(text))}
                                <span class="ml-2 font-mono text-xs text-red-400">
                                    {e.field.clone()}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

fn on_file(
    id: shipdesk::Id,
    e: leptos::ev::Event,
    read: RwSignal<Option<TableImport>>,
    reading: RwSignal<bool>,
    read_err: RwSignal<Option<AppError>>,
) {
    on_picked(e, move |b64| async move {
        reading.set(true);
        read.set(None);
        read_err.set(None);
        let got = match b64 {
            Some(b64) => crate::channel::api::read_channel_table(id, b64).await,
            None => Err(AppError::validation(
                "file",
                shipdesk::ErrorKey::TableFileInvalid,
            )),
        };
        match got {
            Ok(imp) => read.set(Some(imp)),
            Err(e) => read_err.set(Some(e)),
        }
        reading.set(false);
    });
}
