//! `/admin/pickups` (查询揽收叫车): ops' list of the pickups customers
//! booked, by day (all days, or one) and status (booked by default), twenty
//! a page, soonest first; each with its order, address, contact, vehicle,
//! pieces and weight, and for a booked one a cancel with a reason from the
//! list admins keep, which gives the window's place back.

use leptos::prelude::*;
use shipdesk::orders::pickup::{Pickup, PickupFilter, PickupStatus};

use crate::components::{PagedList, Select};
use crate::i18n::{t, Text};
use crate::orders::admin_text as text;
use crate::orders::api::list_pickups;
use crate::orders::views::pickup::{vehicle_name, CancelPickup};

const STATUSES: [(PickupStatus, Text); 2] = [
    (PickupStatus::Scheduled, text::PICKUP_STATUS_SCHEDULED),
    (PickupStatus::Cancelled, text::PICKUP_STATUS_CANCELLED),
];

fn status_text(s: PickupStatus) -> Text {
    match s {
        PickupStatus::Scheduled => text::PICKUP_STATUS_SCHEDULED,
        PickupStatus::Cancelled => text::PICKUP_STATUS_CANCELLED,
    }
}

#[component]
pub fn PickupsPage() -> impl IntoView {
    let day = RwSignal::new(String::new());
    let status = RwSignal::new(PickupStatus::Scheduled.as_str().to_owned());
    let page = RwSignal::new(1u32);
    let reload = RwSignal::new(0u32);
    Effect::watch(
        move || (day.get(), status.get()),
        move |_, _, _| {
            if page.get_untracked() != 1 {
                page.set(1);
            }
        },
        false,
    );
    let list = Resource::new(
        move || (day.get(), status.get(), page.get(), reload.get()),
        |(day, status, page, _)| async move {
            let filter = PickupFilter {
                date: (!day.is_empty()).then_some(day),
                status: PickupStatus::parse(&status).ok(),
            };
            list_pickups(filter, Some(page), Some(20)).await
        },
    );
    let statuses = Signal::derive(move || {
        STATUSES
            .iter()
            .map(|(s, label)| (s.as_str().to_owned(), t(*label).to_owned()))
            .collect::<Vec<_>>()
    });
    let on_done = Callback::new(move |_: ()| reload.update(|n| *n += 1));
    view! {
        <h1 class="text-2xl font-semibold whitespace-nowrap mb-2">
            {move || t(text::PICKUPS_TITLE)}
        </h1>
        <p class="text-sm text-slate-500 mb-3">{move || t(text::PICKUPS_HINT)}</p>
        <div class="pickup-filters flex flex-wrap items-end gap-3 mb-3">
            <label class="block mb-3" for="f-pickup-day">
                <span class="block text-sm font-medium text-slate-600 mb-1">
                    {move || t(text::PICKUP_DAY)}
                </span>
                <input
                    id="f-pickup-day"
                    type="date"
                    name="day"
                    class="rounded-lg border border-slate-300 bg-white px-3 py-2"
                    prop:value=move || day.get()
                    on:change=move |e| day.set(event_target_value(&e))
                />
            </label>
            <Show when=move || !day.get().is_empty()>
                <button
                    type="button"
                    class="all-days mb-3 text-sm text-sky-700 hover:underline"
                    on:click=move |_| day.set(String::new())
                >
                    {move || t(text::PICKUP_ALL_DAYS)}
                </button>
            </Show>
            <div class="w-40">
                <Select
                    label=text::COL_PICKUP_STATUS
                    name="pickup-status"
                    value=status
                    options=statuses
                    none=text::PICKUP_ANY_STATUS
                />
            </div>
        </div>
        <PagedList
            resource=list
            page
            empty=text::NO_PICKUPS
            children=move |items| {
                let rows = items.into_iter().map(|p| view! { <Row p on_done /> }).collect_view();
                view! {
                    <div class="bg-white rounded-xl border border-slate-200 overflow-x-auto">
                        <table class="pickups-table w-full text-sm">
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
        text::COL_PICKUP_WHEN,
        text::COL_PICKUP_ORDER,
        text::COL_PICKUP_WHERE,
        text::COL_PICKUP_CONTACT,
        text::COL_PICKUP_LOAD,
        text::COL_PICKUP_STATUS,
    ];
    view! {
        <thead class="bg-slate-50 text-slate-500 text-left">
            <tr>
                {cols
                    .into_iter()
                    .map(|k| {
                        view! {
                            <th class="px-3 py-2 whitespace-nowrap font-medium">{move || t(k)}</th>
                        }
                    })
                    .collect_view()}
            </tr>
        </thead>
    }
}

#[component]
fn Row(p: Pickup, on_done: Callback<()>) -> impl IntoView {
    let status = p.status;
    let vehicle = p.vehicle;
    let weight = super::fig(p.weight_kg);
    let scheduled = status == PickupStatus::Scheduled;
    let reason = p.cancel_reason.clone();
    view! {
        <tr
            class="pickup-row border-t border-slate-100 align-top"
            data-id=p.id.to_string()
            data-status=status.as_str()
        >
            <td class="px-3 py-2 whitespace-nowrap tabular-nums">
                <div>{p.date.to_string()}</div>
                <div class="text-xs text-slate-500">{format!("{}–{}", p.start, p.end)}</div>
            </td>
            <td class="px-3 py-2 whitespace-nowrap">
                <a
                    class="order-link font-mono text-sky-700 hover:underline"
                    href=format!("/admin/orders/{}", p.order_id)
                >
                    {p.order_number.clone()}
                </a>
                <div class="text-xs text-slate-500">{p.company_name.clone()}</div>
            </td>
            <td class="px-3 py-2 min-w-48">
                <div>{p.city.clone()}</div>
                <div class="text-xs text-slate-500 break-words">{p.address.clone()}</div>
            </td>
            <td class="px-3 py-2 whitespace-nowrap">
                <div>{p.contact.clone()}</div>
                <div class="text-xs text-slate-500">{p.phone.clone()}</div>
            </td>
            <td class="px-3 py-2 whitespace-nowrap">
                {move || vehicle_name(vehicle)} " · " {p.pieces} " · " {weight.clone()} " kg"
            </td>
            <td class="px-3 py-2 min-w-56">
                <span class="pickup-status">{move || t(status_text(status))}</span>
                {(!reason.is_empty())
                    .then(|| {
                        view! {
                            <div class="pickup-reason text-xs text-slate-500">{reason.clone()}</div>
                        }
                    })}
                {scheduled.then(|| view! { <CancelPickup id=p.id on_done /> })}
            </td>
        </tr>
    }
}
