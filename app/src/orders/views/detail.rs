//! A customer's order (预订单--订单详情): its open alerts (异常预警), status
//! and numbers, the price and its lines, the adjustment once measured, the
//! delivery tracking numbers, shipper, consignee, cartons and goods, the
//! timeline, and 取消 while the pre-order waits.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shipdesk::orders::{Consignee, Order, OrderStatus};
use shipdesk::Money;

use super::adjustment::MeasuredView;
use super::alert_banner::AlertBanner;
use super::cancel::CancelBox;
use super::list::StatusBadge;
use super::parcels::Parcels;
use super::pickup::PickupBlock;
use super::timeline::Timeline;
use super::transfers::Transfers;
use crate::components::Loaded;
use crate::i18n::{lang, t, Text};
use crate::orders::api::get_order;
use crate::orders::text as orders;
use crate::pricing::views::plan_detail::PlanDetail;

#[component]
pub fn OrderDetailPage() -> impl IntoView {
    let params = use_params_map();
    let order = Resource::new(
        move || params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0)),
        get_order,
    );
    view! {
        <Loaded
            resource=order
            children=move |o| {
                view! { <OrderView o on_change=Callback::new(move |_| order.refetch()) /> }
            }
        />
    }
}

fn row(label: Text, value: String) -> impl IntoView {
    view! {
        <div class="flex justify-between gap-3 py-0.5">
            <dt class="text-slate-500 shrink-0">{move || t(label)}</dt>
            <dd class="text-right break-words min-w-0">{value}</dd>
        </div>
    }
}

#[component]
fn OrderView(o: Order, on_change: Callback<()>) -> impl IntoView {
    let d = o.detail.clone();
    let status = o.status;
    let editable = !matches!(
        status,
        OrderStatus::Cancelled | OrderStatus::Rejected | OrderStatus::Delivered
    );
    let consignee = match &d.consignee {
        Consignee::Fba {
            fba_code,
            shipment_id,
            reference_id,
        } => {
            format!(
                "FBA {fba_code} · {shipment_id}{}",
                reference_id
                    .as_ref()
                    .map(|r| format!(" · {r}"))
                    .unwrap_or_default()
            )
        }
        Consignee::Address {
            name,
            phone,
            postcode,
            city,
            address,
        } => format!("{name} {phone} · {address}, {city} {postcode}"),
    };
    let cartons = d
        .cartons
        .iter()
        .map(|c| {
            format!(
                "{} × {}×{}×{} cm · {} kg",
                c.count, c.length_cm, c.width_cm, c.height_cm, c.weight_kg
            )
        })
        .collect::<Vec<_>>()
        .join("；");
    let goods = d
        .goods
        .iter()
        .map(|g| {
            format!(
                "{} / {} · {} · {} × {} · ${}",
                g.name_zh, g.name_en, g.hs_code, g.material, g.quantity, g.declared_value_usd
            )
        })
        .collect::<Vec<_>>();
    let mode = o.mode;
    let section = "bg-white rounded-xl border border-slate-200 p-4";
    view! {
        <article class="order-detail space-y-3">
            <AlertBanner order_id=o.id />
            <section class=section>
                <div class="flex items-center justify-between gap-2">
                    <h2 class="order-number font-mono text-lg font-semibold">
                        {o.order_number.clone().unwrap_or_else(|| o.number.clone())}
                    </h2>
                    <StatusBadge status />
                </div>
                <div class="mt-2 flex items-end justify-between gap-3">
                    <div class="min-w-0">
                        <div class="font-semibold break-words">{o.channel_name.clone()}</div>
                        <div class="text-sm text-slate-500">
                            {move || mode.label(lang())} " · " {o.country.clone()} " "
                            {o.destination.clone()}
                        </div>
                    </div>
                    <div class="text-right shrink-0">
                        <div class="order-total text-2xl font-bold text-sky-700 tabular-nums">
                            {Money::from_fen(o.total_fen).format_yuan()}
                        </div>
                        {o
                            .actual_total_fen
                            .map(|a| {
                                view! {
                                    <div class="actual-total text-sm">
                                        {move || t(orders::ACTUAL_TOTAL)} " "
                                        <span class="font-semibold tabular-nums">
                                            {Money::from_fen(a).format_yuan()}
                                        </span>
                                    </div>
                                }
                            })}
                    </div>
                </div>
                {d
                    .repriced
                    .as_ref()
                    .map(|r| {
                        let text = format!(
                            "{} {} → {}",
                            t(orders::REPRICED),
                            Money::from_fen(r.quoted_total_fen).format_yuan(),
                            Money::from_fen(r.total_fen).format_yuan(),
                        );
                        view! {
                            <p class="repriced mt-2 rounded bg-amber-50 text-amber-800 px-2 py-1 text-sm">
                                {text}
                            </p>
                        }
                    })}
                <dl class="mt-2 text-sm">
                    {row(orders::BOOKED_AT, o.created_at.format_shanghai())}
                    {row(orders::FROM_QUOTE, o.quote_number.clone())}
                    {o.order_number.as_ref().map(|_| row(orders::BOOK_TITLE, o.number.clone()))}
                </dl>
            </section>
            {o.measured.clone().map(|m| view! { <MeasuredView m /> })}
            <Parcels order_id=o.id parcels=o.parcels.clone() editable />
            <Transfers order_id=o.id transfers=o.transfers.clone() />
            {(d.pickup && matches!(status, OrderStatus::Booked | OrderStatus::Confirmed))
                .then(|| view! { <PickupBlock order_id=o.id /> })}
            <section class=section>
                <h3 class="font-medium mb-1">{move || t(orders::PRICE)}</h3>
                <PlanDetail plan=d.plan.clone() />
            </section>
            <section class=format!("{section} text-sm")>
                <dl>
                    {row(
                        orders::SHIPPER,
                        format!("{} {} · {}", d.shipper.name, d.shipper.phone, d.shipper.address),
                    )} {row(orders::CONSIGNEE, consignee)} {row(orders::CARTONS, cartons)}
                    {row(orders::GOODS_TYPE, d.goods_type.label(lang()).to_owned())}
                    {row(
                        orders::PICKUP_WANTED,
                        if d.pickup { "✓".into() } else { t(orders::SELF_DELIVERY).to_owned() },
                    )}
                    {(!d.remarks.is_empty()).then(|| row(orders::REMARKS_SHOWN, d.remarks.clone()))}
                </dl>
                <h4 class="mt-2 text-slate-500">{move || t(orders::GOODS)}</h4>
                <ul class="goods list-disc pl-5">
                    {goods.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}
                </ul>
            </section>
            <Timeline events=o.events.clone() />
            {(status == OrderStatus::Booked)
                .then(|| view! { <CancelBox id=o.id version=o.version on_done=on_change /> })}
        </article>
    }
}
