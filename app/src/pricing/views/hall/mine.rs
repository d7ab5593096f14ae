//! 我的询价 (`/h5/inquiries`, `/portal/inquiries`): a customer's own
//! inquiries, newest first, by status, twenty a page, each with the quote
//! that answered it; delete one or clear the history, each asked first.

use leptos::prelude::*;
use shipdesk::pricing::inquiry_hall::{InquiryStatus, MyInquiryFilter};

use super::super::Portal;
use super::my_row::MyInquiryRow;
use crate::components::{action_error, confirm, ErrorBanner, PagedList};
use crate::i18n::{t, Text};
use crate::portal::H5Header;
use crate::pricing::hall_api::{clear_my_inquiries, list_my_inquiries};
use crate::pricing::hall_text as hall;

/// The status tabs: all, then each status.
pub const TABS: &[(Option<InquiryStatus>, Text)] = &[
    (None, hall::STATUS_ALL),
    (Some(InquiryStatus::Pending), hall::STATUS_PENDING),
    (Some(InquiryStatus::Quoted), hall::STATUS_QUOTED),
    (Some(InquiryStatus::Won), hall::STATUS_WON),
    (Some(InquiryStatus::Closed), hall::STATUS_CLOSED),
];

#[component]
pub fn MyInquiriesPage(portal: Portal) -> impl IntoView {
    let h5 = portal == Portal::H5;
    let status = RwSignal::new(None::<InquiryStatus>);
    let page = RwSignal::new(1u32);
    let reload = RwSignal::new(0u32);
    let list = Resource::new(
        move || (status.get(), page.get(), reload.get()),
        |(status, page, _)| list_my_inquiries(MyInquiryFilter { status }, Some(page), Some(20)),
    );
    let changed = Callback::new(move |_: ()| reload.update(|n| *n += 1));
    let clear = Action::new(move |_: &()| async move {
        let r = clear_my_inquiries().await;
        if r.is_ok() {
            page.set(1);
            reload.update(|n| *n += 1);
        }
        r
    });
    let cleared = move || clear.value().get().and_then(|r| r.ok());
    let tabs = TABS
        .iter()
        .map(|&(s, label)| {
            let on = move || status.get() == s;
            view! {
                <button
                    type="button"
                    class=move || {
                        let tone = if on() {
                            "bg-sky-600 text-white border-sky-600"
                        } else {
                            "bg-white text-slate-600 border-slate-300"
                        };
                        format!("status-tab shrink-0 rounded-full border px-3 py-1 text-sm {tone}")
                    }
                    data-status=s.map(|s| s.as_str()).unwrap_or("all")
                    aria-pressed=move || on().to_string()
                    on:click=move |_| {
                        page.set(1);
                        status.set(s);
                    }
                >
                    {move || t(label)}
                </button>
            }
        })
        .collect_view();
    let head = if h5 {
        view! { <H5Header title=hall::NAV_MINE back=Some("/h5/me") /> }.into_any()
    } else {
        view! { <h1 class="text-2xl font-semibold mb-4">{move || t(hall::NAV_MINE)}</h1> }
            .into_any()
    };
    let pad = if h5 {
        "p-3 space-y-3"
    } else {
        "max-w-4xl space-y-3"
    };
    let ask_clear = move |_| {
        if confirm(t(hall::MINE_CONFIRM_CLEAR)) {
            clear.dispatch(());
        }
    };
    view! {
        {head}
        <div class=format!("my-inquiries-page {pad}")>
            <div class="flex items-center gap-2">
                <div class="status-tabs flex gap-2 overflow-x-auto flex-1 min-w-0 pb-1">{tabs}</div>
                <button
                    type="button"
                    class="clear-inquiries shrink-0 text-sm text-red-600 px-2 py-1"
                    on:click=ask_clear
                >
                    {move || t(hall::MINE_CLEAR)}
                </button>
            </div>
            <ErrorBanner error=action_error(clear) all=true />
            {move || {
                cleared()
                    .map(|n| {
                        view! {
                            <p class="cleared notice text-sm text-emerald-700" role="status">
                                {move || hall::cleared(n)}
                            </p>
                        }
                    })
            }}
            <PagedList
                resource=list
                page
                empty=hall::MINE_EMPTY
                children=move |items| {
                    let rows = items
                        .into_iter()
                        .map(|inq| view! { <MyInquiryRow inq portal on_change=changed /> })
                        .collect_view();
                    view! { <ul class="my-inquiries space-y-2">{rows}</ul> }
                }
            />
            <a href=portal.search() class="new-inquiry inline-block text-sm text-sky-700">
                {move || t(hall::MINE_NEW)}
                " ›"
            </a>
        </div>
    }
}
