//! `/admin/orders`: ops' orders over all customers (everyone's for cs and
//! finance, a salesperson's own customers'): the counts per status as tabs,
//! the filters, and the orders twenty a page, newest first. The same page
//! at `/admin/quick-orders` (快捷下单列表) lists a salesperson's quick
//! orders only, with their counts pending and processed.

use leptos::prelude::*;
use shipdesk::orders::{OrderCounts, OrderStatus};

use super::counts::CountTabs;
use super::filters::{FilterBar, Typed};
use super::list_row::OrderRow;
use crate::components::PagedList;
use crate::i18n::t;
use crate::orders::admin_text as text;
use crate::orders::api::{count_orders, list_orders};
use crate::orders::views::export::ExportLinks;

#[component]
pub fn OrdersPage(
    /// `/admin/quick-orders` (快捷下单列表): a salesperson's quick orders,
    /// counted pending and processed (crm预订单个数统计).
    #[prop(optional)]
    quick_list: bool,
) -> impl IntoView {
    let status_code = RwSignal::new(String::new());
    let status = Signal::derive(move || OrderStatus::parse(&status_code.get()).ok());
    let quick = RwSignal::new(quick_list);
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
    let counts = Resource::new(|| (), move |_| count_orders(None, quick_list));
    let pick = Callback::new(move |s: Option<OrderStatus>| {
        status_code.set(s.map(|s| s.as_str().to_owned()).unwrap_or_default());
    });
    let search = Callback::new(move |typed: Typed| {
        page.set(1);
        applied.set(typed);
    });
    view! {
        <h1 class="text-2xl font-semibold whitespace-nowrap mb-4">
            {move || t(if quick_list { text::QUICK_TITLE } else { text::TITLE })}
        </h1>
        <Show when=move || quick_list>
            <p class="quick-hint text-sm text-slate-500 mb-3 max-w-3xl">
                {move || t(text::QUICK_HINT)} " "
                <a class="text-sky-700 hover:underline" href="/admin/quotes">
                    {move || t(text::QUICK_TO_QUOTES)}
                </a>
            </p>
        </Show>
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
                let (pending, processed) = (c.pending, c.processed);
                view! {
                    <Show when=move || quick_list>
                        <p class="quick-summary text-sm font-medium text-slate-700 mb-2">
                            {move || text::quick_summary(pending, processed)}
                        </p>
                    </Show>
                    <CountTabs counts=c status on_pick=pick />
                }
            })}
        </Transition>
        <FilterBar status=status_code quick on_search=search quick_fixed=quick_list />
        <ExportLinks
            filter=Signal::derive(move || {
                applied.get().filter(status.get(), quick.get()).unwrap_or_default()
            })
            class="mb-3 flex flex-col items-end"
        />
        <PagedList
            resource=list
            page
            empty=if quick_list { text::QUICK_EMPTY } else { text::EMPTY }
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
