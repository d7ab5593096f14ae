//! Adding a tracking number to the order: the number, the carrier (detected
//! from the number when left on 自动识别), the cartons it covers. The
//! server's refusal shows on its field (a number already on another order
//! is a 409 on `number`).

use leptos::prelude::*;
use shipdesk::orders::{Parcel, ParcelForSave};
use shipdesk::tracking::Carrier;
use shipdesk::Id;

use crate::components::{field_error, Field, Select, SubmitButton};
use crate::orders::admin_text as text;
use crate::orders::api::save_parcel;

#[component]
pub fn ParcelForm(order_id: Id, on_saved: Callback<Vec<Parcel>>) -> impl IntoView {
    let (number, carrier, cartons) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let save = Action::new(move |input: &ParcelForSave| {
        let input = input.clone();
        async move {
            let r = save_parcel(input).await;
            match r {
                Ok(p) => {
                    number.set(String::new());
                    cartons.set(String::new());
                    on_saved.run(p);
                    None
                }
                Err(e) => Some(e),
            }
        }
    });
    let error = Signal::derive(move || save.value().get().flatten());
    let err = move |f: &'static str| Signal::derive(move || field_error(error.get(), f));
    let options = Signal::derive(|| {
        Carrier::ALL
            .into_iter()
            .map(|c| (c.as_str().to_owned(), c.name().to_owned()))
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(ParcelForSave {
            order_id,
            id: None,
            number: number.get_untracked(),
            carrier: Some(carrier.get_untracked()).filter(|c| !c.is_empty()),
            cartons: cartons.get_untracked(),
        });
    };
    view! {
        <form class="parcel-form mt-3 border-t border-slate-100 pt-3" on:submit=submit>
            <Field
                label=text::PARCEL_NUMBER
                name="parcel_number"
                value=number
                error=err("number")
            />
            <div class="grid grid-cols-2 gap-2">
                <div>
                    <Select
                        label=text::CARRIER
                        name="parcel_carrier"
                        value=carrier
                        options
                        none=text::DETECT
                    />
                    {move || {
                        err("carrier")
                            .get()
                            .map(|m| {
                                view! {
                                    <span
                                        class="field-error block -mt-2 mb-2 text-sm text-red-600"
                                        data-field="carrier"
                                    >
                                        {m}
                                    </span>
                                }
                            })
                    }}
                </div>
                <Field
                    label=text::PARCEL_CARTONS
                    name="parcel_cartons"
                    value=cartons
                    error=err("cartons")
                    placeholder=text::PARCEL_CARTONS_HINT
                />
            </div>
            <SubmitButton label=text::ADD pending=save.pending() class="add-parcel w-full" />
        </form>
    }
}
