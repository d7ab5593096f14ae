//! The order's delivery tracking numbers (送仓单号): number, carrier,
//! cartons, who added it and when; ops and admins add (the carrier
//! detected from the number unless picked) and delete (asking first);
//! each number's courier state, and its events on request.

use leptos::prelude::*;
use shipdesk::orders::Parcel;
use shipdesk::tracking::Carrier;
use shipdesk::{AppError, Id};

use super::parcel_form::ParcelForm;
use super::when;
use crate::components::{confirm, Empty};
use crate::i18n::{error_text, t};
use crate::orders::admin_text as text;
use crate::orders::api::delete_parcel;
use crate::orders::views::track::ParcelTrackLine;

/// A carrier's name from its code (the code when unknown).
pub fn carrier_name(code: &str) -> String {
    Carrier::parse(code).map_or_else(|_| code.to_owned(), |c| c.name().to_owned())
}

#[component]
pub fn ParcelsPanel(order_id: Id, parcels: Vec<Parcel>, keeper: bool) -> impl IntoView {
    let list = RwSignal::new(parcels);
    let delete = Action::new(move |id: &Id| {
        let id = *id;
        async move {
            let r = delete_parcel(order_id, id).await;
            if let Ok(p) = &r {
                list.set(p.clone());
            }
            r.err()
        }
    });
    let failed = Signal::derive(move || delete.value().get().flatten());
    let rows = move || {
        list.get()
            .into_iter()
            .map(|p| {
                let id = p.id;
                let remove = move |_| {
                    if confirm(t(text::CONFIRM_DELETE)) {
                        delete.dispatch(id);
                    }
                };
                view! {
                    <li
                        class="parcel flex items-start justify-between gap-2 py-2 border-t border-slate-100 first:border-0"
                        data-number=p.number.clone()
                    >
                        <div class="min-w-0">
                            <div class="parcel-number font-mono text-slate-800 break-all">
                                {p.number.clone()}
                            </div>
                            <div class="text-xs text-slate-500">
                                <span class="parcel-carrier">{carrier_name(&p.carrier)}</span>
                                {(!p.cartons.is_empty())
                                    .then(|| {
                                        format!(" · {} {}", t(text::PARCEL_CARTONS), p.cartons)
                                    })}
                                " · "
                                {p.added_by.clone()}
                                " · "
                                {when(p.created_at)}
                            </div>
                            <ParcelTrackLine order_id parcel=p.clone() />
                        </div>
                        <Show when=move || keeper>
                            <button
                                type="button"
                                class="delete-parcel shrink-0 text-xs text-slate-400 hover:text-red-600"
                                on:click=remove
                            >
                                {move || t(text::DELETE)}
                            </button>
                        </Show>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="parcels bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold text-slate-700 mb-2">{move || t(text::PARCELS)}</h2>
            <Show
                when=move || list.with(|l| !l.is_empty())
                fallback=|| view! { <Empty text=text::NO_PARCELS /> }
            >
                <ul class="parcel-list text-sm">{rows}</ul>
            </Show>
            {move || {
                failed
                    .get()
                    .map(|e: AppError| {
                        view! {
                            <p class="text-sm text-red-600 mt-1" role="alert">
                                {error_text(&e)}
                            </p>
                        }
                    })
            }}
            <Show when=move || keeper>
                <ParcelForm order_id on_saved=Callback::new(move |p| list.set(p)) />
            </Show>
        </section>
    }
}
