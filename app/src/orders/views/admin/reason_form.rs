//! A move that says why: 拒绝 a pre-order, 取消 an order, 标记异常. The
//! reason is required (checked here by the core's rule, then by the
//! server); rejecting and cancelling ask first, as neither can be undone.

use leptos::prelude::*;
use shipdesk::orders::{flow, OrderMove, OrderStatus};
use shipdesk::{AppError, ErrorKey, Id};

use super::settle::Ctx;
use crate::components::{confirm, field_error, SubmitButton};
use crate::i18n::{error_text, t, Text};
use crate::orders::admin_text as text;
use crate::orders::api::{cancel_order, move_order, reject_order};

/// The submit button and the question asked first, if any.
fn wording(to: OrderStatus) -> (Text, Option<Text>) {
    match to {
        OrderStatus::Rejected => (text::SUBMIT_REJECT, Some(text::CONFIRM_REJECT)),
        OrderStatus::Cancelled => (text::SUBMIT_CANCEL, Some(text::CONFIRM_CANCEL)),
        _ => (text::SUBMIT_EXCEPTION, None),
    }
}

/// The reason, if the move has one when it needs one.
pub fn check_reason(to: OrderStatus, reason: &str) -> Result<(), AppError> {
    if flow::needs_reason(to) && reason.trim().is_empty() {
        Err(AppError::validation("note", ErrorKey::OrderReasonRequired))
    } else {
        Ok(())
    }
}

#[component]
pub fn ReasonForm(
    id: Id,
    version: i64,
    to: OrderStatus,
    ctx: Ctx,
    on_close: Callback<()>,
) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let local = RwSignal::new(None::<AppError>);
    let send = Action::new(move |note: &String| {
        let note = note.clone();
        async move {
            let r = match to {
                OrderStatus::Rejected => reject_order(id, version, note).await,
                OrderStatus::Cancelled => cancel_order(id, version, note).await,
                _ => {
                    let m = OrderMove {
                        id,
                        to,
                        note,
                        version,
                    };
                    move_order(m).await
                }
            };
            ctx.settle(r)
        }
    });
    let error = Signal::derive(move || local.get().or_else(|| send.value().get().flatten()));
    let note_error = move || field_error(error.get(), "note");
    let (submit_label, question) = wording(to);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = reason.get_untracked();
        if let Err(e) = check_reason(to, &r) {
            local.set(Some(e));
            return;
        }
        local.set(None);
        if question.is_none_or(|q| confirm(t(q))) {
            send.dispatch(r);
        }
    };
    view! {
        <form
            class="reason-form mt-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
            data-to=to.as_str()
            on:submit=submit
        >
            <label class="block mb-2" for=format!("reason-{}", to.as_str())>
                <span class="block text-sm font-medium text-slate-600 mb-1">
                    {move || t(text::REASON)}
                </span>
                <textarea
                    id=format!("reason-{}", to.as_str())
                    name="reason"
                    rows="2"
                    class=move || {
                        let bad = if note_error().is_some() {
                            "border-red-400 bg-red-50"
                        } else {
                            "border-slate-300 bg-white"
                        };
                        format!("w-full rounded-lg border px-3 py-2 {bad}")
                    }
                    aria-invalid=move || note_error().is_some().to_string()
                    bind:value=reason
                ></textarea>
                {move || {
                    note_error()
                        .map(|m| {
                            view! {
                                <span
                                    class="field-error block text-sm text-red-600 mt-1"
                                    data-field="note"
                                >
                                    {m}
                                </span>
                            }
                        })
                }}
            </label>
            {move || {
                error
                    .get()
                    .filter(|e| e.field() != Some("note"))
                    .map(|e| {
                        view! {
                            <p class="form-error text-sm text-red-600 mb-2" role="alert">
                                {error_text(&e)}
                            </p>
                        }
                    })
            }}
            <div class="flex gap-2">
                <SubmitButton label=submit_label pending=send.pending() class="submit-reason" />
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejecting_cancelling_and_exceptions_need_a_reason_on_the_note_field() {
        for to in [
            OrderStatus::Rejected,
            OrderStatus::Cancelled,
            OrderStatus::Exception,
        ] {
            let e = check_reason(to, "  ").unwrap_err();
            assert_eq!(e.field(), Some("note"), "{to}");
            assert!(check_reason(to, "品名不清").is_ok());
        }
        assert!(check_reason(OrderStatus::Departed, "").is_ok());
    }
}
