//! Ops' actions on the order, only those the state machine allows from its
//! status (`flow::next_statuses`): 确认; 拒绝, 取消 and 标记异常 with a
//! reason; 入仓 with the measured cartons; the other moves along the
//! timeline, and in exception the resume to the status it left. Each sends
//! the version the page read. Others read: the panel says so, except that
//! a salesperson cancels their own quick order while it waits.

use leptos::prelude::*;
use shipdesk::orders::{flow, Order, OrderMove, OrderStatus};
use shipdesk::AppError;

use super::reason_form::ReasonForm;
use super::receive_form::ReceiveForm;
use super::settle::Ctx;
use crate::components::confirm;
use crate::i18n::{error_text, t};
use crate::orders::admin_text as text;
use crate::orders::api::{confirm_order, move_order};

/// A form open under the buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Reason(OrderStatus),
    Receive,
}

/// What a move's button does: open a form, or move at once.
fn opens(to: OrderStatus) -> Option<Open> {
    match to {
        OrderStatus::Received => Some(Open::Receive),
        to if flow::needs_reason(to) => Some(Open::Reason(to)),
        _ => None,
    }
}

fn label(to: OrderStatus, held: Option<OrderStatus>) -> String {
    use OrderStatus::*;
    match to {
        to if held == Some(to) => text::resume_label(to),
        Confirmed => t(text::CONFIRM).to_owned(),
        Rejected => t(text::REJECT).to_owned(),
        Cancelled => t(text::CANCEL_ORDER).to_owned(),
        Exception => t(text::EXCEPTION).to_owned(),
        Received => t(text::RECEIVE).to_owned(),
        to => text::move_label(to),
    }
}

fn tone(to: OrderStatus) -> &'static str {
    match to {
        OrderStatus::Rejected | OrderStatus::Cancelled => {
            "border border-red-300 text-red-700 bg-white hover:bg-red-50"
        }
        OrderStatus::Exception => {
            "border border-amber-300 text-amber-800 bg-white hover:bg-amber-50"
        }
        _ => "bg-sky-600 text-white hover:bg-sky-700",
    }
}

#[component]
pub fn ActionsPanel(order: Order, ctx: Ctx, processor: bool) -> impl IntoView {
    let (id, version, held) = (order.id, order.version, order.held_status);
    // A salesperson's own waiting quick order: theirs to cancel.
    let may_cancel = order.may_cancel;
    let next = flow::next_statuses(order.status, held);
    let finished = next.is_empty();
    let open = RwSignal::new(None::<Open>);
    let close = Callback::new(move |_: ()| open.set(None));
    let go = Action::new(move |to: &OrderStatus| {
        let to = *to;
        async move {
            let r = match to {
                OrderStatus::Confirmed => confirm_order(id, version).await,
                to => {
                    let m = OrderMove {
                        id,
                        to,
                        note: String::new(),
                        version,
                    };
                    move_order(m).await
                }
            };
            ctx.settle(r)
        }
    });
    let failed = Signal::derive(move || go.value().get().flatten());
    let pending = go.pending();
    let buttons = next
        .iter()
        .map(|&to| {
            let click = move |_| match opens(to) {
                Some(form) => open.update(|o| {
                    *o = if *o == Some(form) { None } else { Some(form) };
                }),
                None => {
                    open.set(None);
                    if to != OrderStatus::Delivered || confirm(t(text::CONFIRM_DELIVERED)) {
                        go.dispatch(to);
                    }
                }
            };
            view! {
                <button
                    type="button"
                    class=format!(
                        "order-action rounded-lg px-3 py-1.5 text-sm disabled:opacity-60 {}",
                        tone(to),
                    )
                    data-to=to.as_str()
                    aria-expanded=move || opens(to).map(|f| (open.get() == Some(f)).to_string())
                    disabled=move || pending.get()
                    on:click=click
                >
                    {move || label(to, held)}
                </button>
            }
        })
        .collect_view();
    // Receiving again from an exception keeps what was measured.
    let prefill = order
        .measured
        .as_ref()
        .map_or_else(|| order.detail.cartons.clone(), |m| m.cartons.clone());
    let forms = move || match open.get() {
        None => ().into_any(),
        Some(Open::Receive) => {
            view! { <ReceiveForm id version cartons=prefill.clone() ctx on_close=close /> }
                .into_any()
        }
        Some(Open::Reason(to)) => {
            view! { <ReasonForm id version to ctx on_close=close /> }.into_any()
        }
    };
    view! {
        <section class="order-actions bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold text-slate-700 mb-2">{move || t(text::ACTIONS)}</h2>
            {if !processor && may_cancel {
                let to = OrderStatus::Cancelled;
                view! {
                    <p class="text-sm text-slate-500 mb-2">{move || t(text::QUICK_CANCEL_HINT)}</p>
                    <button
                        type="button"
                        class=format!("order-action rounded-lg px-3 py-1.5 text-sm {}", tone(to))
                        data-to=to.as_str()
                        aria-expanded=move || (open.get() == Some(Open::Reason(to))).to_string()
                        on:click=move |_| {
                            open.update(|o| {
                                *o = if o.is_some() { None } else { Some(Open::Reason(to)) };
                            })
                        }
                    >
                        {move || t(text::CANCEL_ORDER)}
                    </button>
                    {move || {
                        (open.get() == Some(Open::Reason(to)))
                            .then(|| view! { <ReasonForm id version to ctx on_close=close /> })
                    }}
                }
                    .into_any()
            } else if !processor {
                view! {
                    <p class="read-only text-sm text-slate-500">{move || t(text::READ_ONLY)}</p>
                }
                    .into_any()
            } else if finished {
                view! { <p class="finished text-sm text-slate-500">{move || t(text::FINISHED)}</p> }
                    .into_any()
            } else {
                view! {
                    <div class="flex flex-wrap gap-2">{buttons}</div>
                    {move || {
                        failed
                            .get()
                            .map(|e: AppError| {
                                view! {
                                    <p class="form-error text-sm text-red-600 mt-2" role="alert">
                                        {error_text(&e)}
                                    </p>
                                }
                            })
                    }}
                    {forms}
                }
                    .into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_that_say_why_or_measure_open_a_form_and_the_others_go_at_once() {
        assert_eq!(opens(OrderStatus::Received), Some(Open::Receive));
        assert_eq!(
            opens(OrderStatus::Rejected),
            Some(Open::Reason(OrderStatus::Rejected))
        );
        assert_eq!(
            opens(OrderStatus::Exception),
            Some(Open::Reason(OrderStatus::Exception))
        );
        assert_eq!(opens(OrderStatus::Confirmed), None);
        assert_eq!(opens(OrderStatus::Departed), None);
    }
}
