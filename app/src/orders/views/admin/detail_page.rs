//! `/admin/orders/:id`: an order for staff. The head; then the shipper and
//! consignee, cartons, goods, price (with the cost), the measured cartons
//! and their adjustment; beside them ops' actions, the tracking numbers,
//! the transfer numbers with the order's provider, and the timeline. After
//! an action the order is loaded again, and what happened is said above
//! it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shipdesk::orders::{policy, Order};

use super::actions::ActionsPanel;
use super::adjustment::MeasuredPanel;
use super::cartons::CartonsTable;
use super::goods::GoodsTable;
use super::header::OrderHeader;
use super::parcels::ParcelsPanel;
use super::parties::Parties;
use super::price::PricePanel;
use super::settle::{Ctx, SaidBanner};
use super::timeline::Timeline;
use super::transfers::TransfersPanel;
use crate::auth::CurrentStaff;
use crate::components::{ErrorBanner, Loading};
use crate::i18n::t;
use crate::orders::admin_text as text;
use crate::orders::api::get_order;

#[component]
pub fn OrderPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .get()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let ctx = Ctx::new();
    let order = Resource::new(move || (id(), ctx.reload.get()), |(id, _)| get_order(id));
    let staff = use_context::<CurrentStaff>();
    let processor = staff.as_ref().is_some_and(|c| policy::may_process(&c.0));
    let uploader = staff
        .as_ref()
        .is_some_and(|c| policy::may_upload_transfers(&c.0));
    view! {
        <a href="/admin/orders" class="back text-sm text-sky-700 hover:underline">
            "← "
            {move || t(text::BACK)}
        </a>
        <div class="mt-3">
            <SaidBanner said=ctx.said />
        </div>
        <Transition fallback=|| {
            view! { <Loading /> }
        }>
            {move || Suspend::new(async move {
                match order.await {
                    Err(e) => {
                        view! {
                            <ErrorBanner error=Signal::derive(move || Some(e.clone())) all=true />
                        }
                            .into_any()
                    }
                    Ok(o) => view! { <Detail o ctx processor uploader /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Detail(o: Order, ctx: Ctx, processor: bool, uploader: bool) -> impl IntoView {
    let card = "bg-white rounded-xl border border-slate-200 p-4";
    view! {
        <article
            class="order-detail space-y-3"
            data-id=o.id.to_string()
            data-version=o.version.to_string()
        >
            <OrderHeader o=o.clone() />
            <div class="grid gap-3 lg:grid-cols-3 items-start">
                <div class="lg:col-span-2 space-y-3 min-w-0">
                    <Parties detail=o.detail.clone() />
                    <section class=format!("cartons {card}")>
                        <h2 class="font-semibold text-slate-700 mb-2">
                            {move || t(text::CARTONS)}
                        </h2>
                        <CartonsTable cartons=o.detail.cartons.clone() class="booked-cartons" />
                    </section>
                    <GoodsTable goods=o.detail.goods.clone() />
                    <PricePanel detail=o.detail.clone() />
                    <MeasuredPanel measured=o.measured.clone() />
                </div>
                <div class="space-y-3 min-w-0">
                    <ActionsPanel order=o.clone() ctx processor />
                    <ParcelsPanel order_id=o.id parcels=o.parcels.clone() keeper=processor />
                    <TransfersPanel order=o.clone() ctx processor uploader />
                    <Timeline events=o.events.clone() />
                </div>
            </div>
        </article>
    }
}
