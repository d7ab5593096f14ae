//! `/admin/transfers` (上传转单号): the template to download (a provider's
//! prefilled with the open orders assigned to them), a sheet to upload and
//! its preview — every row to import, or every error at its row and
//! column — and 确认导入, which saves all rows or none. Ops and admins
//! upload for any order, a provider for their own (the core decides).

use leptos::prelude::*;
use shipdesk::orders::policy;
use shipdesk::orders::transfer::{TransferError, TransferPreview, TransferRow};
use shipdesk::AppError;

use crate::auth::CurrentStaff;
use crate::components::{on_picked, ErrorBanner, Notice};
use crate::i18n::t;
use crate::orders::api::{apply_transfers, preview_transfers};
use crate::orders::transfer_text as text;

/// Where the template downloads from.
pub const TEMPLATE_URL: &str = "/orders/transfers/template.xlsx";

#[component]
pub fn TransfersPage() -> impl IntoView {
    let provider =
        use_context::<CurrentStaff>().is_some_and(|c| policy::provider_of(&c.0).is_some());
    let preview = RwSignal::new(None::<TransferPreview>);
    let reading = RwSignal::new(false);
    let failed = RwSignal::new(None::<AppError>);
    let done = RwSignal::new(None::<String>);
    let apply = Action::new(|p: &TransferPreview| {
        let rows = p.input.clone();
        async move { apply_transfers(rows).await }
    });
    Effect::new(move |_| match apply.value().get() {
        Some(Ok(a)) => {
            preview.set(None);
            done.set(Some(text::applied(a.orders, a.numbers)));
        }
        Some(Err(e)) => failed.set(Some(e)),
        None => {}
    });
    let on_change = move |e: leptos::ev::Event| {
        on_picked(e, move |b64| async move {
            reading.set(true);
            preview.set(None);
            failed.set(None);
            done.set(None);
            let got = match b64 {
                Some(b64) => preview_transfers(b64).await,
                None => Err(AppError::validation(
                    "file",
                    shipdesk::ErrorKey::TableFileInvalid,
                )),
            };
            match got {
                Ok(p) => preview.set(Some(p)),
                Err(e) => failed.set(Some(e)),
            }
            reading.set(false);
        })
    };
    view! {
        <h1 class="text-2xl font-semibold whitespace-nowrap mb-2">{move || t(text::TITLE)}</h1>
        <section class="transfer-upload bg-white rounded-xl border border-slate-200 p-4 space-y-3">
            <p class="text-sm text-slate-500">{move || t(text::HINT)}</p>
            <Show when=move || provider>
                <p class="text-sm text-slate-500">{move || t(text::PROVIDER_HINT)}</p>
            </Show>
            <div class="flex flex-wrap items-center gap-3">
                <a
                    class="template-link rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-sky-700 hover:bg-slate-50"
                    href=TEMPLATE_URL
                    download
                    rel="external"
                >
                    {move || t(text::TEMPLATE)}
                </a>
                <label class="transfer-pick inline-block cursor-pointer rounded-lg bg-sky-600 text-white px-3 py-2 text-sm hover:bg-sky-700">
                    {move || t(if reading.get() { text::READING } else { text::CHOOSE_FILE })}
                    <input
                        type="file"
                        name="transfer_file"
                        class="hidden"
                        accept=".xlsx,.xls,.ods"
                        on:change=on_change
                    />
                </label>
            </div>
            <Notice text=done />
            <ErrorBanner error=failed all=true />
        </section>
        {move || {
            preview
                .get()
                .map(|p| {
                    if p.errors.is_empty() {
                        view! { <Preview p apply discard=preview /> }.into_any()
                    } else {
                        view! { <Errors errors=p.errors /> }.into_any()
                    }
                })
        }}
    }
}

#[component]
fn Preview(
    p: TransferPreview,
    apply: Action<TransferPreview, Result<shipdesk::orders::transfer::TransferApplied, AppError>>,
    discard: RwSignal<Option<TransferPreview>>,
) -> impl IntoView {
    let summary = {
        let (orders, numbers) = (p.orders, p.rows.len());
        move || text::summary(orders, numbers)
    };
    let rows = p.rows.clone();
    let go = move |_| {
        apply.dispatch(p.clone());
    };
    view! {
        <section class="transfer-preview mt-3 bg-white rounded-xl border border-slate-200 p-4">
            <div class="flex flex-wrap items-center justify-between gap-2 mb-2">
                <h2 class="font-semibold text-slate-700">
                    {move || t(text::PREVIEW)} " · "
                    <span class="transfer-summary font-normal text-slate-500">{summary}</span>
                </h2>
                <div class="flex gap-2">
                    <button
                        type="button"
                        class="discard-transfers rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
                        on:click=move |_| discard.set(None)
                    >
                        {move || t(text::DISCARD)}
                    </button>
                    <button
                        type="button"
                        class="apply-transfers rounded-lg bg-sky-600 text-white px-4 py-2 text-sm hover:bg-sky-700 disabled:opacity-60"
                        disabled=move || apply.pending().get()
                        on:click=go
                    >
                        {move || t(text::CONFIRM)}
                    </button>
                </div>
            </div>
            <div class="overflow-x-auto">
                <table class="transfer-rows w-full text-sm">
                    <thead class="bg-slate-50 text-slate-500 text-left">
                        <tr>
                            {[
                                text::COL_ROW,
                                text::COL_ORDER,
                                text::COL_CARTONS,
                                text::COL_CARRIER,
                                text::COL_NUMBER,
                            ]
                                .into_iter()
                                .map(|k| {
                                    view! {
                                        <th class="px-3 py-2 whitespace-nowrap font-medium">
                                            {move || t(k)}
                                        </th>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows.into_iter().map(|r| view! { <Row r /> }).collect_view()}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn Row(r: TransferRow) -> impl IntoView {
    let cartons = match r.carton_from == r.carton_to {
        true => r.carton_from.to_string(),
        false => format!("{}-{}", r.carton_from, r.carton_to),
    };
    view! {
        <tr class="transfer-row border-t border-slate-100" data-row=r.row>
            <td class="px-3 py-2 text-slate-400 tabular-nums">{r.row}</td>
            <td class="px-3 py-2 font-mono whitespace-nowrap">{r.order_number.clone()}</td>
            <td class="px-3 py-2 tabular-nums">{cartons}</td>
            <td class="px-3 py-2 whitespace-nowrap">{r.carrier.name().to_owned()}</td>
            <td class="px-3 py-2 font-mono break-all">{r.number.clone()}</td>
        </tr>
    }
}

#[component]
fn Errors(errors: Vec<TransferError>) -> impl IntoView {
    view! {
        <div
            role="alert"
            class="transfer-errors mt-3 rounded-lg bg-red-50 border border-red-200 text-red-700 px-3 py-2 text-sm"
        >
            <p class="font-medium mb-1">{move || t(text::ERRORS)}</p>
            <ul class="list-disc pl-5 space-y-0.5">
                {errors
                    .into_iter()
                    .map(|e| {
                        let problem = text::problem_text(e.problem);
                        let (row, col) = (e.row, e.column.clone());
                        view! {
                            <li
                                class="transfer-error"
                                data-row=e.row
                                data-column=e.column.clone()
                                data-problem=format!("{:?}", e.problem)
                            >
                                {move || format!("{}：{}", text::at(row, &col), t(problem))}
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
