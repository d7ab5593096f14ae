//! One inquiry in the hall: number and when, company and who, what it
//! asks, status (red with the wait when past the SLA); 报价 with a saved
//! quote's number, 成交 and 关闭. A server refusal shows on the row; a
//! change by someone else in between (409) offers a reload.

use leptos::prelude::*;
use shipdesk::pricing::inquiry_hall::{HallInquiry, InquiryStatus};
use shipdesk::AppError;

use super::answer::AnswerForm;
use super::describe::{InquiryWhat, StatusBadge};
use crate::components::{action_error, confirm};
use crate::i18n::{error_text, t};
use crate::pricing::hall_api::set_inquiry_status;
use crate::pricing::hall_text as hall;

fn now_ms() -> i64 {
    #[cfg(not(feature = "ssr"))]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(feature = "ssr")]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    }
}

/// A refusal on the row; with 刷新 when someone else changed it.
#[component]
pub fn RowError(
    #[prop(into)] error: Signal<Option<AppError>>,
    reload: Callback<()>,
) -> impl IntoView {
    move || {
        error
            .get()
            .filter(|e| e.field() != Some("quote_number"))
            .map(|e| {
                let conflict = matches!(e, AppError::Conflict { .. });
                view! {
                    <div class="row-error mt-1 text-sm text-red-600" role="alert">
                        {error_text(&e)}
                        <Show when=move || conflict>
                            <button
                                type="button"
                                class="reload ml-2 underline text-sky-700"
                                on:click=move |_| reload.run(())
                            >
                                {move || t(hall::CHANGED_RELOAD)}
                            </button>
                        </Show>
                    </div>
                }
            })
    }
}

#[component]
pub fn HallRow(inq: HallInquiry, reload: Callback<()>) -> impl IntoView {
    let id = inq.id;
    let status = RwSignal::new(inq.status);
    let quote = RwSignal::new(inq.quote_number.clone());
    let answering = RwSignal::new(false);
    let moved = Action::new(move |to: &InquiryStatus| {
        let to = *to;
        async move {
            let r = set_inquiry_status(id, to).await;
            if let Ok(i) = &r {
                status.set(i.status);
                reload.run(());
            }
            r
        }
    });
    let error = action_error(moved);
    let move_to = move |to: InquiryStatus| {
        move |_| {
            if to != InquiryStatus::Closed || confirm(t(hall::CONFIRM_CLOSE)) {
                moved.dispatch(to);
            }
        }
    };
    let overdue = inq.overdue;
    let waited = ((now_ms() - inq.created_at.0) / 60_000).max(0);
    let when = inq.created_at.format_shanghai()[..16].to_owned();
    let company = inq.company_name.clone();
    let low = inq.low_confidence;
    let tone = if overdue { "overdue bg-red-50" } else { "" };
    view! {
        <tr
            class=format!("hall-row border-t border-slate-100 align-top {tone}")
            data-number=inq.number.clone()
            data-id=id.to_string()
        >
            <td class="px-3 py-2 whitespace-nowrap">
                <div class="inquiry-number font-mono text-slate-700">{inq.number.clone()}</div>
                <div class="text-xs text-slate-400">{when}</div>
            </td>
            <td class="px-3 py-2 min-w-32">
                <div class="hall-company text-slate-800">
                    {company.unwrap_or_else(|| t(hall::HALL_NO_COMPANY).to_owned())}
                </div>
                <div class="text-xs text-slate-500">{inq.posted_by.clone()}</div>
            </td>
            <td class="px-3 py-2 min-w-64 max-w-md">
                <InquiryWhat inq=inq.clone() />
                <Show when=move || low>
                    <span class="low-confidence mt-1 inline-block rounded bg-amber-100 text-amber-800 px-1.5 py-0.5 text-xs">
                        {move || t(hall::HALL_LOW)}
                    </span>
                </Show>
            </td>
            <td class="px-3 py-2 whitespace-nowrap">
                {move || view! { <StatusBadge status=status.get() /> }}
                <Show when=move || overdue && status.get() == InquiryStatus::Pending>
                    <div class="overdue-flag mt-1 text-xs font-medium text-red-600">
                        {move || t(hall::HALL_OVERDUE)} " · " {move || hall::waited(waited)}
                    </div>
                </Show>
                {move || {
                    quote
                        .get()
                        .map(|n| {
                            view! {
                                <a
                                    class="answer-quote block mt-1 font-mono text-xs text-sky-700 hover:underline"
                                    href=format!("/admin/quotes/{n}")
                                >
                                    {n.clone()}
                                </a>
                            }
                        })
                }}
            </td>
            <td class="px-3 py-2 min-w-56">
                <div class="flex flex-wrap gap-2">
                    <Show when=move || status.get() == InquiryStatus::Pending>
                        <button
                            type="button"
                            class="answer rounded-lg bg-sky-600 text-white px-3 py-1 text-sm"
                            on:click=move |_| answering.update(|a| *a = !*a)
                        >
                            {move || t(hall::ANSWER)}
                        </button>
                    </Show>
                    <Show when=move || status.get() == InquiryStatus::Quoted>
                        <button
                            type="button"
                            class="win rounded-lg border border-emerald-600 text-emerald-700 px-3 py-1 text-sm"
                            on:click=move_to(InquiryStatus::Won)
                        >
                            {move || t(hall::WIN)}
                        </button>
                    </Show>
                    <Show when=move || {
                        matches!(status.get(), InquiryStatus::Pending | InquiryStatus::Quoted)
                    }>
                        <button
                            type="button"
                            class="close-inquiry rounded-lg border border-slate-300 text-slate-600 px-3 py-1 text-sm"
                            on:click=move_to(InquiryStatus::Closed)
                        >
                            {move || t(hall::CLOSE)}
                        </button>
                    </Show>
                </div>
                <Show when=move || answering.get() && status.get() == InquiryStatus::Pending>
                    <AnswerForm id status quote reload />
                </Show>
                <RowError error reload />
            </td>
        </tr>
    }
}
