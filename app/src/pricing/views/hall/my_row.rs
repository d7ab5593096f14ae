//! One of a customer's inquiries: number, status, when, what it asks, the
//! quote that answered it as a link, and 删除 (asked first).

use leptos::prelude::*;
use shipdesk::pricing::inquiry_hall::HallInquiry;

use super::super::Portal;
use super::describe::{InquiryWhat, StatusBadge};
use crate::components::{action_error, confirm, ErrorBanner};
use crate::i18n::t;
use crate::pricing::hall_api::delete_my_inquiry;
use crate::pricing::hall_text as hall;

#[component]
pub fn MyInquiryRow(inq: HallInquiry, portal: Portal, on_change: Callback<()>) -> impl IntoView {
    let id = inq.id;
    let delete = Action::new(move |_: &()| async move {
        let r = delete_my_inquiry(id).await;
        if r.is_ok() {
            on_change.run(());
        }
        r
    });
    let ask = move |_| {
        if confirm(t(hall::MINE_CONFIRM_DELETE)) {
            delete.dispatch(());
        }
    };
    let quote = inq.quote_number.clone().map(|n| {
        let href = format!("{}/{n}", portal.quotes());
        view! {
            <a
                href=href
                class="answer-quote inline-flex items-center gap-1 rounded-lg bg-sky-50 border border-sky-200 text-sky-700 px-2 py-1 text-sm"
            >
                {move || t(hall::MINE_QUOTE)}
                <span class="font-mono font-semibold">{n.clone()}</span>
                " ›"
            </a>
        }
    });
    let when = inq.created_at.format_shanghai();
    view! {
        <li
            class="my-inquiry bg-white rounded-xl border border-slate-200 p-3 space-y-2"
            data-number=inq.number.clone()
        >
            <div class="flex items-center justify-between gap-2">
                <span class="inquiry-number font-mono text-sm text-slate-700">
                    {inq.number.clone()}
                </span>
                <StatusBadge status=inq.status />
            </div>
            <InquiryWhat inq=inq.clone() />
            <div class="flex items-center justify-between gap-2 flex-wrap">
                <span class="text-xs text-slate-400">
                    {move || t(hall::POSTED_AT)} " " {when[..16].to_owned()}
                </span>
                <div class="flex items-center gap-2">
                    {quote}
                    <button
                        type="button"
                        class="delete-inquiry text-sm text-slate-500 hover:text-red-600 px-2 py-1"
                        disabled=move || delete.pending().get()
                        on:click=ask
                    >
                        {move || t(hall::MINE_DELETE)}
                    </button>
                </div>
            </div>
            <ErrorBanner error=action_error(delete) all=true />
        </li>
    }
}
