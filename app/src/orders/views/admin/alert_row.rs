//! One alert on ops' board: the order (a link to it), customer, kind, what
//! happened, since when, when raised; for ops and admins, 关闭预警 asks for
//! an optional note and a confirmation, then closes it once.

use leptos::prelude::*;
use shipdesk::orders::alert::{AlertKind, AlertStatus, OrderAlert, HOUR_MS, MAX_CLOSE_NOTE};
use shipdesk::{AppError, ErrorKey};

use super::badge::StatusBadge;
use super::when;
use crate::components::{field_error, SubmitButton};
use crate::i18n::{error_text, lang, t};
use crate::orders::alert_api::close_alert;
use crate::orders::alert_text as text;
use crate::orders::text::status_label;

/// What an alert says, for the board and the banner.
pub fn detail_of(a: &OrderAlert) -> String {
    match a.kind {
        AlertKind::Silent => {
            let hours = ((a.created_at.0 - a.since.0) / HOUR_MS).max(1);
            text::silent_for(&status_label(a.order_status), hours)
        }
        _ => a.detail.clone(),
    }
}

#[component]
pub fn AlertRow(a: OrderAlert, closer: bool, on_closed: Callback<()>) -> impl IntoView {
    let id = a.id;
    let open = a.status == AlertStatus::Open;
    let kind = a.kind;
    let detail = detail_of(&a);
    let closed = a
        .closed_by
        .clone()
        .map(|by| text::closed_by(&by, a.close_note.as_deref().unwrap_or("")));
    let href = format!("/admin/orders/{}", a.order_id);
    let number = a.order_number.clone().unwrap_or_else(|| a.number.clone());
    view! {
        <tr
            class="alert-row border-t border-slate-100 align-top"
            data-id=id.to_string()
            data-kind=kind.as_str()
            data-status=a.status.as_str()
        >
            <td class="px-3 py-2 whitespace-nowrap">
                <a class="alert-order font-mono text-sky-700 hover:underline" href=href>
                    {number}
                </a>
                <div class="mt-1">
                    <StatusBadge status=a.order_status />
                </div>
            </td>
            <td class="px-3 py-2 min-w-32">{a.company_name.clone()}</td>
            <td class="alert-kind px-3 py-2 whitespace-nowrap">
                <span class="rounded bg-red-50 text-red-700 px-2 py-0.5 text-xs font-medium">
                    {move || kind.label(lang())}
                </span>
            </td>
            <td class="alert-detail px-3 py-2 min-w-48">{detail}</td>
            <td class="px-3 py-2 whitespace-nowrap tabular-nums text-slate-500">{when(a.since)}</td>
            <td class="px-3 py-2 whitespace-nowrap tabular-nums text-slate-500">
                {when(a.created_at)}
            </td>
            <td class="px-3 py-2 min-w-40">
                {match (open, closer) {
                    (true, true) => view! { <CloseBox id on_closed /> }.into_any(),
                    (true, false) => view! { <span>"—"</span> }.into_any(),
                    (false, _) => {
                        view! {
                            <span class="alert-closed text-slate-500">
                                {closed.unwrap_or_else(|| t(text::CLOSED).to_owned())}
                            </span>
                        }
                            .into_any()
                    }
                }}
            </td>
        </tr>
    }
}

/// 关闭预警, then the note and 确认关闭 / 取消.
#[component]
fn CloseBox(id: shipdesk::Id, on_closed: Callback<()>) -> impl IntoView {
    let asking = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let local = RwSignal::new(None::<AppError>);
    let send = Action::new(move |note: &String| {
        let note = Some(note.trim().to_owned()).filter(|n| !n.is_empty());
        async move {
            let r = close_alert(id, note).await;
            if r.is_ok() {
                on_closed.run(());
            }
            r.err()
        }
    });
    let error = Signal::derive(move || local.get().or_else(|| send.value().get().flatten()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = note.get_untracked();
        if n.trim().chars().count() > MAX_CLOSE_NOTE {
            local.set(Some(AppError::validation("note", ErrorKey::TextTooLong)));
            return;
        }
        local.set(None);
        send.dispatch(n);
    };
    view! {
        <Show
            when=move || asking.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="close-alert rounded-lg border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50 whitespace-nowrap"
                        on:click=move |_| asking.set(true)
                    >
                        {move || t(text::CLOSE)}
                    </button>
                }
            }
        >
            <form class="close-alert-form space-y-2" on:submit=submit>
                <textarea
                    name="note"
                    rows="2"
                    class="w-full rounded-lg border border-slate-300 px-2 py-1"
                    placeholder=move || t(text::CLOSE_NOTE)
                    aria-label=move || t(text::CLOSE_NOTE)
                    bind:value=note
                ></textarea>
                {move || {
                    error
                        .get()
                        .map(|e| {
                            let m = field_error(Some(e.clone()), "note")
                                .unwrap_or_else(|| error_text(&e));
                            view! {
                                <p class="form-error text-sm text-red-600" role="alert">
                                    {m}
                                </p>
                            }
                        })
                }}
                <div class="flex gap-2">
                    <SubmitButton
                        label=text::CLOSE_CONFIRM
                        pending=send.pending()
                        class="confirm-close"
                    />
                    <button
                        type="button"
                        class="rounded-lg border border-slate-300 bg-white px-3 py-1"
                        on:click=move |_| asking.set(false)
                    >
                        {move || t(text::CLOSE_CANCEL)}
                    </button>
                </div>
            </form>
        </Show>
    }
}
