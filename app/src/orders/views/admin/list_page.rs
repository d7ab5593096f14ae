//! `/admin/orders`: ops' orders over all customers (everyone's for cs and
//! finance, a salesperson's own customers'): the counts per status as tabs,
//! the filters, and the orders twenty a page, newest first.

use leptos::prelude::*;
use shipdesk::orders::{OrderCounts, OrderStatus};

use super::counts::CountTabs;
use super::filters::{FilterBar, Typed};
use super::list_row::OrderRow;
use crate::components::PagedList;
use crate::i18n::t;
use crate::orders::admin_text as text;
use crate::orders::api::{count_orders, list_orders};

#[component]
pub fn OrdersPage() -> impl IntoView {
    let status_code = RwSignal::new(String::new());
    let status = Signal::derive(move || OrderStatus::parse(&status_code.get()).ok());
    let quick = RwSignal::new(false);
    let applied = RwSignal::new(Typed::default());
    let page = RwSignal::new(1u32);
    // A new status or the quick switch starts again from the first page.
    Effect::watch(
        move || (status_code.get(), quick.get()),
        move |_, _, _| {
            if page.get_untracked() != 1 {
                page.set(1);
            }
        },
        false,
    );
    let list = Resource::new(
        move || (applied.get(), status.get(), quick.get(), page.get()),
        |(a, s, quick, page)| async move {
            let filter = a.filter(s, quick)?;
            list_orders(filter, Some(page), Some(20)).await
        },
    );
    let counts = Resource::new(|| (), |_| count_orders(None));
    let pick = Callback::new(move |s: Option<OrderStatus>| {
        status_code.set(s.map(|s| s.as_str().to_owned()).unwrap_or_default());
    });
    let search = Callback::new(move |typed: Typed| {
        page.set(1);
        applied.set(typed);
    });
    view! {
        <h1 class="text-2xl font-semibold whitespace-nowrap mb-4">{move || t(text::TITLE)}</h1>
        <Transition>
            {move || Suspend::new(async move {
                let c = counts
                    .await
                    .unwrap_or(OrderCounts {
                        total: 0,
                        pending: 0,
                        processed: 0,
                        by_status: vec![],
                        capped: false,
                    });
                view! { <CountTabs counts=c status on_pick=pick /> }
            })}
        </Transition>
        <FilterBar status=status_code quick on_search=search />
        <PagedList
            resource=list
            page
            empty=text::EMPTY
            children=move |items| {
                let rows = items.into_iter().map(|o| view! { <OrderRow o /> }).collect_view();
                view! {
                    <div class="bg-white rounded-xl border border-slate-200 overflow-x-auto">
                        <table class="orders-table w-full text-sm">
                            <Head />
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            }
        />
    }
}

#[component]
fn Head() -> impl IntoView {
    let cols = [
        (text::COL_NUMBER, ""),
        (text::COL_ORDER_NUMBER, ""),
        (text::COL_COMPANY, ""),
        (text::COL_CHANNEL, ""),
        (text::COL_DESTINATION, ""),
        (text::COL_STATUS, ""),
        (text::COL_TOTAL, "text-right"),
        (text::COL_ACTUAL, "text-right"),
        (text::COL_BOOKED_AT, ""),
    ];
    view! {
        <thead class="bg-slate-50 text-slate-500 text-left">
            <tr>
                {cols
                    .into_iter()
                    .map(|(k, align)| {
                        view! {
                            <th class=format!(
                                "px-3 py-2 whitespace-nowrap font-medium {align}",
                            )>{move || t(k)}</th>
                        }
                    })
                    .collect_view()}
            </tr>
        </thead>
    }
}
