//! `/admin/alerts` (异常预警): ops' board of alerts on shipments gone
//! silent or in exception, newest first, twenty a page: open, closed or
//! all, of one kind or any. Ops and admins close them (with a note) and see
//! each mode's silence threshold, which admins change; cs and sales read.

use leptos::prelude::*;
use shipdesk::orders::alert::{AlertFilter, AlertKind, AlertShow};
use shipdesk::orders::policy;

use super::alert_row::AlertRow;
use super::alert_settings::AlertSettingsBlock;
use crate::auth::CurrentStaff;
use crate::components::{PagedList, Select};
use crate::i18n::{lang, t, Text};
use crate::orders::alert_api::list_alerts;
use crate::orders::alert_text as text;

const SHOWS: [(AlertShow, Text); 3] = [
    (AlertShow::Open, text::SHOW_OPEN),
    (AlertShow::Closed, text::SHOW_CLOSED),
    (AlertShow::All, text::SHOW_ALL),
];

#[component]
pub fn AlertsPage() -> impl IntoView {
    let staff = use_context::<CurrentStaff>();
    let closer = staff
        .as_ref()
        .is_some_and(|c| policy::may_close_alert(&c.0));
    let editor = staff
        .as_ref()
        .is_some_and(|c| policy::may_edit_alert_settings(&c.0));
    let show = RwSignal::new(AlertShow::Open);
    let kind = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);
    let reload = RwSignal::new(0u32);
    // Another status or kind starts again from the first page.
    Effect::watch(
        move || (show.get(), kind.get()),
        move |_, _, _| {
            if page.get_untracked() != 1 {
                page.set(1);
            }
        },
        false,
    );
    let list = Resource::new(
        move || (show.get(), kind.get(), page.get(), reload.get()),
        |(status, kind, page, _)| async move {
            let filter = AlertFilter {
                status,
                kind: AlertKind::parse(&kind).ok(),
                ..AlertFilter::default()
            };
            list_alerts(filter, Some(page), Some(20)).await
        },
    );
    let on_closed = Callback::new(move |_: ()| reload.update(|n| *n += 1));
    let kinds = Signal::derive(move || {
        AlertKind::ALL
            .iter()
            .map(|k| (k.as_str().to_owned(), k.label(lang()).to_owned()))
            .collect::<Vec<_>>()
    });
    let tabs = SHOWS
        .into_iter()
        .map(|(s, label)| {
            view! {
                <button
                    type="button"
                    class="alert-tab rounded-lg px-3 py-1.5 text-sm border aria-pressed:bg-sky-600 aria-pressed:text-white aria-pressed:border-sky-600 border-slate-300 bg-white"
                    data-status=s.as_str()
                    aria-pressed=move || (show.get() == s).to_string()
                    on:click=move |_| show.set(s)
                >
                    {move || t(label)}
                </button>
            }
        })
        .collect_view();
    view! {
        <h1 class="text-2xl font-semibold whitespace-nowrap mb-4">{move || t(text::TITLE)}</h1>
        <div class="flex flex-wrap items-end gap-3 mb-3">
            <div class="flex gap-2 mb-3">{tabs}</div>
            <div class="w-48">
                <Select
                    label=text::COL_KIND
                    name="alert-kind"
                    value=kind
                    options=kinds
                    none=text::ANY_KIND
                />
            </div>
        </div>
        <PagedList
            resource=list
            page
            empty=text::EMPTY
            children=move |items| {
                let rows = items
                    .into_iter()
                    .map(|a| view! { <AlertRow a closer on_closed /> })
                    .collect_view();
                view! {
                    <div class="bg-white rounded-xl border border-slate-200 overflow-x-auto">
                        <table class="alerts-table w-full text-sm">
                            <Head />
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            }
        />
        <Show when=move || closer>
            <AlertSettingsBlock editable=editor />
        </Show>
    }
}

#[component]
fn Head() -> impl IntoView {
    let cols = [
        text::COL_ORDER,
        text::COL_CUSTOMER,
        text::COL_KIND,
        text::COL_DETAIL,
        text::COL_SINCE,
        text::COL_RAISED,
        text::COL_ACTION,
    ];
    view! {
        <thead class="bg-slate-50 text-slate-500 text-left">
            <tr>
                {cols
                    .into_iter()
                    .map(|k| {
                        view! {
                            <th class="px-3 py-2 whitespace-nowrap font-medium">{move || t(k)}</th>
                        }
                    })
                    .collect_view()}
            </tr>
        </thead>
    }
}
