//! An order's pickup (揽收叫车) on its page: the scheduled one with its
//! window and a cancel with a reason from the list, or, while the order
//! waits, a plan: a window of the origin city with places left, vehicle,
//! contact, pieces and weight, prefilled from the booking.

use leptos::prelude::*;
use shipdesk::orders::pickup::{Pickup, PickupCheck, PickupForSave, Vehicle};
use shipdesk::{AppError, Id};

use crate::components::{action_error, ErrorBanner, Loaded, Select, SubmitButton};
use crate::i18n::{lang, t};
use crate::orders::api::{cancel_pickup, check_pickup, list_pickup_cancel_reasons, save_pickup};
use crate::orders::text as orders;
use crate::pricing::views::input::{FieldError, Input};

/// A vehicle's name in the current language.
pub(crate) fn vehicle_name(v: Vehicle) -> &'static str {
    match (v, lang()) {
        (Vehicle::Van, crate::i18n::Lang::Zh) => "面包车",
        (Vehicle::Truck42, crate::i18n::Lang::Zh) => "4.2 米厢货",
        (Vehicle::Truck76, crate::i18n::Lang::Zh) => "7.6 米货车",
        (Vehicle::Van, _) => "Van",
        (Vehicle::Truck42, _) => "4.2 m box truck",
        (Vehicle::Truck76, _) => "7.6 m truck",
    }
}

#[component]
pub fn PickupBlock(order_id: Id) -> impl IntoView {
    let check = Resource::new(move || order_id, check_pickup);
    view! {
        <section class="pickup bg-white rounded-xl border border-slate-200 p-4 space-y-2">
            <h3 class="font-medium">{move || t(orders::PICKUP_TITLE)}</h3>
            <Loaded
                resource=check
                children=move |c: PickupCheck| match c.scheduled.clone() {
                    Some(p) => {
                        view! { <Scheduled p on_done=Callback::new(move |_| check.refetch()) /> }
                            .into_any()
                    }
                    None => {
                        view! { <PlanForm c on_done=Callback::new(move |_| check.refetch()) /> }
                            .into_any()
                    }
                }
            />
        </section>
    }
}

#[component]
fn Scheduled(p: Pickup, on_done: Callback<()>) -> impl IntoView {
    let when = format!("{} {}–{}", p.date, p.start, p.end);
    let vehicle = p.vehicle;
    view! {
        <p class="pickup-scheduled text-sm text-emerald-700">
            {move || t(orders::PICKUP_SCHEDULED)} " · " {when}
        </p>
        <p class="text-sm text-slate-600">
            {move || vehicle_name(vehicle)} " · " {p.contact.clone()} " " {p.phone.clone()} " · "
            {p.address.clone()}
        </p>
        <CancelPickup id=p.id on_done />
    }
}

/// Cancels the pickup `id` with a reason picked from the list admins keep
/// (取消揽收计划); `on_done` once it is cancelled.
#[component]
pub(crate) fn CancelPickup(id: Id, on_done: Callback<()>) -> impl IntoView {
    let reasons = Resource::new(|| (), |_| list_pickup_cancel_reasons());
    let reason = RwSignal::new(String::new());
    let cancel = Action::new(move |r: &Id| {
        let r = *r;
        async move { cancel_pickup(id, r).await }
    });
    let error = action_error(cancel);
    Effect::new(move |_| {
        if let Some(Ok(_)) = cancel.value().get() {
            on_done.run(());
        }
    });
    view! {
        <Loaded
            resource=reasons
            children=move |list| {
                let options = Signal::stored(
                    list
                        .iter()
                        .map(|r| (
                            r.id.to_string(),
                            if lang() == crate::i18n::Lang::Zh {
                                r.text_zh.clone()
                            } else {
                                r.text_en.clone()
                            },
                        ))
                        .collect::<Vec<_>>(),
                );
                view! {
                    <form
                        class="cancel-pickup flex items-end gap-2"
                        on:submit=move |ev| {
                            ev.prevent_default();
                            cancel.dispatch(reason.get_untracked().parse().unwrap_or(0));
                        }
                    >
                        <div class="flex-1">
                            <Select
                                label=orders::CANCEL_REASON
                                name="reason"
                                value=reason
                                options
                                none=orders::CHOOSE_REASON
                            />
                        </div>
                        <SubmitButton
                            label=orders::CANCEL_PICKUP
                            pending=cancel.pending()
                            class="mb-3 bg-red-600 hover:bg-red-700"
                        />
                    </form>
                }
            }
        />
        <FieldError field="reason_id".to_owned() error />
        <ErrorBanner error />
    }
}

#[component]
fn PlanForm(c: PickupCheck, on_done: Callback<()>) -> impl IntoView {
    if c.days.is_empty() {
        return view! { <p class="empty-state text-sm text-slate-400">{move || t(orders::PICKUP_NO_WINDOWS)}</p> }.into_any();
    }
    let choice = RwSignal::new(String::new());
    let vehicle = RwSignal::new("van".to_owned());
    let address = RwSignal::new(c.address.clone());
    let contact = RwSignal::new(c.contact.clone());
    let phone = RwSignal::new(c.phone.clone());
    let pieces = RwSignal::new(c.pieces.to_string());
    let weight = RwSignal::new(c.weight_kg.to_string());
    let windows: Vec<(String, String)> = c
        .days
        .iter()
        .flat_map(|d| {
            d.slots.iter().filter(|s| s.remaining > 0).map(move |s| {
                (
                    format!("{}|{}", d.date, s.slot_id),
                    format!(
                        "{} {}–{}（{} {}）",
                        d.date,
                        s.start,
                        s.end,
                        t(orders::PICKUP_LEFT),
                        s.remaining
                    ),
                )
            })
        })
        .collect();
    let vehicles = Signal::derive(|| {
        Vehicle::ALL
            .iter()
            .map(|v| (v.as_str().to_owned(), vehicle_name(*v).to_owned()))
            .collect()
    });
    let save = Action::new(|p: &PickupForSave| {
        let p = p.clone();
        async move { save_pickup(p).await }
    });
    let local = RwSignal::new(None::<AppError>);
    let server = action_error(save);
    let error = Signal::derive(move || local.get().or_else(|| server.get()));
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            on_done.run(());
        }
    });
    let order_id = c.order_id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let picked = choice.get_untracked();
        let Some((date, slot)) = picked.split_once('|') else {
            local.set(Some(AppError::validation(
                "slot_id",
                shipdesk::ErrorKey::FieldRequired,
            )));
            return;
        };
        let num = |s: RwSignal<String>| s.get_untracked().trim().parse::<f64>().unwrap_or(f64::NAN);
        local.set(None);
        save.dispatch(PickupForSave {
            order_id,
            slot_id: slot.parse().unwrap_or(0),
            date: date.to_owned(),
            address: address.get_untracked(),
            contact: contact.get_untracked(),
            phone: phone.get_untracked(),
            vehicle: Vehicle::parse(&vehicle.get_untracked()).unwrap_or(Vehicle::Van),
            pieces: num(pieces) as i64,
            weight_kg: num(weight),
        });
    };
    view! {
        <form class="pickup-form space-y-2" on:submit=submit>
            <Select
                label=orders::PICKUP_WINDOW
                name="pickup-window"
                value=choice
                options=Signal::stored(windows)
                none=orders::PICKUP_PLAN
            />
            <FieldError field="slot_id".to_owned() error />
            <FieldError field="date".to_owned() error />
            <Select label=orders::VEHICLE name="vehicle" value=vehicle options=vehicles />
            <Input label=orders::ADDRESS field="address" value=address error />
            <div class="grid grid-cols-2 gap-2">
                <Input label=orders::CONTACT field="contact" value=contact error />
                <Input label=orders::PHONE field="phone" value=phone error kind="tel" />
                <Input label=orders::PIECES field="pieces" value=pieces error inputmode="numeric" />
                <Input
                    label=orders::WEIGHT_KG
                    field="weight_kg"
                    value=weight
                    error
                    inputmode="decimal"
                />
            </div>
            <ErrorBanner error />
            <SubmitButton
                label=orders::PICKUP_PLAN
                pending=save.pending()
                class="save-pickup w-full"
            />
        </form>
    }
    .into_any()
}
