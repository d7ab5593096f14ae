//! The counts of orders per status as tabs above the list: all, 待处理
//! first (always there, ops' work queue), then each status that has orders
//! in timeline order; a click filters the list by it.

use leptos::prelude::*;
use shipdesk::orders::{OrderCounts, OrderStatus};

use crate::i18n::t;
use crate::orders::admin_text as text;
use crate::orders::text::status_label;

/// The tabs to show: (status, count, counted only so far), all first.
fn tabs(c: &OrderCounts, chosen: Option<OrderStatus>) -> Vec<(Option<OrderStatus>, i64, bool)> {
    let of = |s: OrderStatus| {
        c.by_status
            .iter()
            .find(|x| x.status == s)
            .map_or((0, false), |x| (x.count, x.capped))
    };
    let booked = of(OrderStatus::Booked).1;
    let mut out = vec![
        (None, c.total, c.capped),
        (Some(OrderStatus::Booked), c.pending, booked),
    ];
    out.extend(
        OrderStatus::ALL
            .into_iter()
            .filter(|&s| s != OrderStatus::Booked && (of(s).0 > 0 || chosen == Some(s)))
            .map(|s| (Some(s), of(s).0, of(s).1)),
    );
    out
}

#[component]
pub fn CountTabs(
    counts: OrderCounts,
    status: Signal<Option<OrderStatus>>,
    on_pick: Callback<Option<OrderStatus>>,
) -> impl IntoView {
    let all = tabs(&counts, status.get_untracked());
    let buttons = all
        .into_iter()
        .map(|(s, n, capped)| {
            let on = move || status.get() == s;
            let label = move || match s {
                None => text::tab(t(text::ALL_ORDERS), n, capped),
                Some(s) => text::tab(status_label(s), n, capped),
            };
            view! {
                <button
                    type="button"
                    role="tab"
                    class=move || {
                        let tone = if on() {
                            "border-sky-600 text-sky-700 font-medium"
                        } else {
                            "border-transparent text-slate-600 hover:text-sky-700"
                        };
                        format!("count-tab shrink-0 whitespace-nowrap border-b-2 px-3 py-2 {tone}")
                    }
                    data-status=s.map_or("all", |s| s.as_str())
                    data-count=n.to_string()
                    aria-selected=move || on().to_string()
                    on:click=move |_| on_pick.run(s)
                >
                    {label}
                </button>
            }
        })
        .collect_view();
    view! {
        <div
            class="count-tabs flex items-center gap-1 border-b border-slate-200 overflow-x-auto"
            role="tablist"
        >
            {buttons}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shipdesk::orders::StatusCount;

    #[test]
    fn pending_comes_right_after_all_and_empty_statuses_are_left_out_unless_chosen() {
        let c = OrderCounts {
            total: 5,
            pending: 0,
            processed: 5,
            by_status: vec![
                StatusCount {
                    status: OrderStatus::Confirmed,
                    count: 3,
                    capped: false,
                },
                StatusCount {
                    status: OrderStatus::Received,
                    count: 2,
                    capped: false,
                },
            ],
            capped: false,
        };
        let shown: Vec<_> = tabs(&c, None).into_iter().map(|(s, _, _)| s).collect();
        assert_eq!(
            shown,
            [
                None,
                Some(OrderStatus::Booked),
                Some(OrderStatus::Confirmed),
                Some(OrderStatus::Received)
            ]
        );
        let chosen = tabs(&c, Some(OrderStatus::Delivered));
        assert_eq!(
            chosen.last(),
            Some(&(Some(OrderStatus::Delivered), 0, false))
        );
    }
}
