//! Who hands the cartons over and where they go: the shipper, the consignee
//! (an FBA warehouse with the shipment's ids, or an address), pickup or
//! self-delivery, the goods type and the customer's remarks.

use leptos::prelude::*;
use shipdesk::orders::{Consignee, OrderDetail};

use crate::i18n::{lang, t, Text};
use crate::orders::admin_text as text;

fn row(label: Text, value: String) -> impl IntoView {
    view! {
        <div class="flex gap-3 py-1">
            <dt class="w-28 shrink-0 text-slate-500">{move || t(label)}</dt>
            <dd class="min-w-0 break-words text-slate-800">{value}</dd>
        </div>
    }
}

fn consignee_rows(c: &Consignee) -> Vec<AnyView> {
    match c {
        Consignee::Fba {
            fba_code,
            shipment_id,
            reference_id,
        } => {
            let mut rows = vec![
                row(text::FBA_WAREHOUSE, fba_code.clone()).into_any(),
                row(text::SHIPMENT_ID, shipment_id.clone()).into_any(),
            ];
            if let Some(r) = reference_id {
                rows.push(row(text::REFERENCE_ID, r.clone()).into_any());
            }
            rows
        }
        Consignee::Address {
            name,
            phone,
            postcode,
            city,
            address,
        } => vec![
            row(text::NAME, name.clone()).into_any(),
            row(text::PHONE, phone.clone()).into_any(),
            row(text::ADDRESS, address.clone()).into_any(),
            row(text::CITY, city.clone()).into_any(),
            row(text::POSTCODE, postcode.clone()).into_any(),
        ],
    }
}

#[component]
pub fn Parties(detail: OrderDetail) -> impl IntoView {
    let s = detail.shipper.clone();
    let goods_type = detail.goods_type;
    let handover = if detail.pickup {
        text::PICKUP
    } else {
        text::SELF_DELIVERY
    };
    let remarks = Some(detail.remarks.clone()).filter(|r| !r.is_empty());
    let card = "bg-white rounded-xl border border-slate-200 p-4";
    view! {
        <div class="parties grid md:grid-cols-2 gap-3 text-sm">
            <section class=format!("shipper {card}")>
                <h2 class="font-semibold text-slate-700 mb-1">{move || t(text::SHIPPER)}</h2>
                <dl>
                    {row(text::NAME, s.name.clone())} {row(text::PHONE, s.phone.clone())}
                    {row(text::ADDRESS, s.address.clone())} <div class="flex gap-3 py-1">
                        <dt class="w-28 shrink-0 text-slate-500">{move || t(text::HANDOVER)}</dt>
                        <dd class="handover text-slate-800">{move || t(handover)}</dd>
                    </div> <div class="flex gap-3 py-1">
                        <dt class="w-28 shrink-0 text-slate-500">{move || t(text::GOODS_TYPE)}</dt>
                        <dd class="text-slate-800">{move || goods_type.label(lang())}</dd>
                    </div>
                </dl>
            </section>
            <section class=format!("consignee {card}")>
                <h2 class="font-semibold text-slate-700 mb-1">{move || t(text::CONSIGNEE)}</h2>
                <dl>{consignee_rows(&detail.consignee)}</dl>
                {remarks
                    .map(|r| {
                        view! {
                            <div class="remarks mt-2 rounded-lg bg-slate-50 px-3 py-2">
                                <div class="text-xs text-slate-500">{move || t(text::REMARKS)}</div>
                                <div class="text-slate-700 break-words">{r}</div>
                            </div>
                        }
                    })}
            </section>
        </div>
    }
}
