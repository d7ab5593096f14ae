//! An order's delivery tracking numbers (送仓单号): the list, and for those
//! who keep them a form that detects the courier as the number is typed
//! (识别为 顺丰速运) and lets the person pick another; each number's courier
//! state, and its events on request.

use leptos::prelude::*;
use shipdesk::orders::{Parcel, ParcelForSave};
use shipdesk::tracking::Carrier;
use shipdesk::{AppError, Id};

use super::track::ParcelTrackLine;
use crate::components::{action_error, confirm, ErrorBanner, Select, SubmitButton};
use crate::i18n::t;
use crate::orders::api::{delete_parcel, save_parcel};
use crate::orders::text as orders;
use crate::pricing::views::input::Input;
use crate::tracking::api::detect_courier;

fn carrier_name(code: &str) -> String {
    Carrier::parse(code)
        .map(|c| c.name().to_owned())
        .unwrap_or_else(|_| code.to_owned())
}

#[component]
pub fn Parcels(order_id: Id, parcels: Vec<Parcel>, editable: bool) -> impl IntoView {
    let list = RwSignal::new(parcels);
    let remove = Action::new(move |id: &Id| {
        let id = *id;
        async move { delete_parcel(order_id, id).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(l)) = remove.value().get() {
            list.set(l);
        }
    });
    view! {
        <section class="parcels bg-white rounded-xl border border-slate-200 p-4 space-y-2">
            <h3 class="font-medium">{move || t(orders::PARCELS)}</h3>
            <Show when=move || list.with(|l| l.is_empty())>
                <p class="empty-state text-sm text-slate-400">{move || t(orders::NO_PARCELS)}</p>
            </Show>
            <ul class="divide-y divide-slate-100">
                <For each=move || list.get() key=|p| p.id let:p>
                    <li class="parcel flex items-start justify-between gap-2 py-1.5 text-sm">
                        <div class="min-w-0">
                            <div class="parcel-number font-mono break-all">{p.number.clone()}</div>
                            <div class="parcel-carrier text-xs text-slate-500">
                                {carrier_name(&p.carrier)}
                                {(!p.cartons.is_empty()).then(|| format!(" · {}", p.cartons))}
                            </div>
                            <ParcelTrackLine order_id parcel=p.clone() />
                        </div>
                        {editable
                            .then(|| {
                                let id = p.id;
                                view! {
                                    <button
                                        type="button"
                                        class="remove-parcel shrink-0 text-xs text-slate-400 hover:text-red-600"
                                        on:click=move |_| {
                                            if confirm(t(orders::REMOVE)) {
                                                remove.dispatch(id);
                                            }
                                        }
                                    >
                                        {move || t(orders::REMOVE)}
                                    </button>
                                }
                            })}
                    </li>
                </For>
            </ul>
            {editable.then(|| view! { <ParcelForm order_id list /> })}
        </section>
    }
}

#[component]
fn ParcelForm(order_id: Id, list: RwSignal<Vec<Parcel>>) -> impl IntoView {
    let number = RwSignal::new(String::new());
    let carrier = RwSignal::new(String::new());
    let cartons = RwSignal::new(String::new());
    let detected = Resource::new(
        move || number.get().trim().to_owned(),
        |n| async move {
            if n.chars().filter(|c| c.is_ascii_alphanumeric()).count() < 8 {
                return None;
            }
            detect_courier(n, None).await.ok()
        },
    );
    let save = Action::new(|input: &ParcelForSave| {
        let input = input.clone();
        async move { save_parcel(input).await }
    });
    let error: Signal<Option<AppError>> = action_error(save);
    Effect::new(move |_| {
        if let Some(Ok(l)) = save.value().get() {
            list.set(l);
            number.set(String::new());
            cartons.set(String::new());
            carrier.set(String::new());
        }
    });
    let options = Signal::derive(|| {
        Carrier::ALL
            .iter()
            .map(|c| (c.as_str().to_owned(), c.name().to_owned()))
            .collect()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = carrier.get_untracked();
        save.dispatch(ParcelForSave {
            order_id,
            id: None,
            number: number.get_untracked(),
            carrier: (!c.is_empty()).then_some(c),
            cartons: cartons.get_untracked(),
        });
    };
    view! {
        <form class="parcel-form border-t border-slate-100 pt-2 space-y-2" on:submit=submit>
            <Input label=orders::PARCEL_NUMBER field="number" value=number error />
            <Suspense>
                {move || {
                    detected
                        .get()
                        .flatten()
                        .map(|d| match d.candidates.first() {
                            Some(best) => {
                                view! {
                                    <p
                                        class="detected text-sm text-emerald-700"
                                        data-carrier=best.carrier.as_str()
                                    >
                                        {move || t(orders::DETECTED)}
                                        " "
                                        <span class="font-medium">{best.name.clone()}</span>
                                        {format!(" {:.0}%", best.confidence * 100.0)}
                                    </p>
                                }
                                    .into_any()
                            }
                            None => {
                                view! {
                                    <p class="not-detected text-sm text-amber-700">
                                        {move || t(orders::NOT_DETECTED)}
                                    </p>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
            <div class="grid grid-cols-2 gap-2">
                <Select
                    label=orders::CARRIER
                    name="carrier"
                    value=carrier
                    options
                    none=orders::AUTO_CARRIER
                />
                <Input label=orders::PARCEL_CARTONS field="cartons" value=cartons error />
            </div>
            <crate::pricing::views::input::FieldError field="carrier".to_owned() error />
            <ErrorBanner error />
            <SubmitButton
                label=orders::ADD_PARCEL
                pending=save.pending()
                class="add-parcel w-full"
            />
        </form>
    }
}
