//! The workbench's order counts (工作台订单统计): pending, processed and
//! each status, each a link to the list.

use leptos::prelude::*;

use crate::components::Loaded;
use crate::i18n::t;
use crate::orders::api::count_orders;
use crate::orders::text::{self as orders, count, status_label};

#[component]
pub fn WorkbenchCounts() -> impl IntoView {
    let counts = Resource::new(|| (), |_| count_orders(None, false));
    let tile = |label: String, n: String, class: &'static str| {
        view! {
            <a
                href="/portal/orders"
                class=format!(
                    "{class} block bg-white rounded-xl border border-slate-200 p-4 hover:border-sky-300",
                )
            >
                <div class="text-sm text-slate-500">{label}</div>
                <div class="text-2xl font-semibold tabular-nums">{n}</div>
            </a>
        }
    };
    view! {
        <section class="workbench-counts mb-6">
            <h2 class="text-lg font-semibold mb-2">{move || t(orders::NAV_ORDERS)}</h2>
            <Loaded
                resource=counts
                children=move |c| {
                    let statuses = c
                        .by_status
                        .iter()
                        .map(|s| {
                            tile(
                                status_label(s.status).to_owned(),
                                count(s.count, s.capped),
                                "count-status",
                            )
                        })
                        .collect_view();
                    view! {
                        <div class="grid grid-cols-2 md:grid-cols-6 gap-3">
                            {tile(
                                t(orders::PENDING).to_owned(),
                                count(c.pending, c.capped),
                                "count-pending",
                            )}
                            {tile(
                                t(orders::PROCESSED).to_owned(),
                                count(c.processed, c.capped),
                                "count-processed",
                            )} {statuses}
                        </div>
                    }
                }
            />
        </section>
    }
}
