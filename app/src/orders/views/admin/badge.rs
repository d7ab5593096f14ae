//! An order's status as a coloured badge: amber while waiting for ops, sky
//! on the way, green delivered, red in exception, grey when it ended
//! otherwise.

use leptos::prelude::*;
use shipdesk::orders::OrderStatus;

use crate::orders::text::status_label;

fn tone(s: OrderStatus) -> &'static str {
    use OrderStatus::*;
    match s {
        Booked => "bg-amber-100 text-amber-800",
        Delivered => "bg-emerald-100 text-emerald-700",
        Exception => "bg-red-100 text-red-700",
        Cancelled | Rejected => "bg-slate-200 text-slate-600",
        _ => "bg-sky-100 text-sky-700",
    }
}

#[component]
pub fn StatusBadge(status: OrderStatus) -> impl IntoView {
    view! {
        <span
            class=format!(
                "status-badge inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium {}",
                tone(status),
            )
            data-status=status.as_str()
        >
            {move || status_label(status)}
        </span>
    }
}
