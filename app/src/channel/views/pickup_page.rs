//! `/admin/pickup-slots`: each origin city's pickup windows (上门揽收时段),
//! a card per city; ops and admins create, edit and delete them. Searches
//! show a city's next windows under the origin.

use leptos::prelude::*;
use shipdesk::pricing::{policy, PickupSlot};
use shipdesk::AppError;

use super::pickup_city::PickupCity;
use super::pickup_form::PickupForm;
use crate::auth::CurrentStaff;
use crate::components::{ClientOnly, Empty, ErrorBanner, Loading, Notice};
use crate::i18n::t;
use crate::pricing::api::list_pickup_slots;
use crate::pricing::pickup_text as pk;

/// What the form edits: nothing (closed), a new slot, or a stored one.
#[derive(Clone, PartialEq)]
enum Editing {
    Closed,
    New,
    Slot(PickupSlot),
}

/// The slots by city, in the order the list gives them (city, then time).
fn by_city(slots: Vec<PickupSlot>) -> Vec<(String, Vec<PickupSlot>)> {
    let mut out: Vec<(String, Vec<PickupSlot>)> = vec![];
    for s in slots {
        match out.last_mut() {
            Some((c, list)) if *c == s.city => list.push(s),
            _ => out.push((s.city.clone(), vec![s])),
        }
    }
    out
}

#[component]
pub fn PickupSlotsPage() -> impl IntoView {
    let editor = use_context::<CurrentStaff>().is_some_and(|c| policy::may_edit_channels(&c.0));
    let reload = RwSignal::new(0u32);
    // In the browser only, as the price levels page (see there).
    let data = LocalResource::new(move || {
        reload.track();
        list_pickup_slots()
    });
    let editing = RwSignal::new(Editing::Closed);
    let notice = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<AppError>);
    let done = move |text| {
        editing.set(Editing::Closed);
        failed.set(None);
        notice.set(Some(t(text).to_owned()));
        reload.update(|n| *n += 1);
    };
    let on_saved = Callback::new(move |_: PickupSlot| done(pk::SAVED));
    let on_deleted = Callback::new(move |r: Result<(), AppError>| match r {
        Ok(()) => done(pk::DELETED),
        Err(e) => {
            notice.set(None);
            failed.set(Some(e));
        }
    });
    let on_edit = Callback::new(move |s: PickupSlot| {
        notice.set(None);
        editing.set(Editing::Slot(s));
    });
    let form = move || {
        let cancel = Callback::new(move |_: ()| editing.set(Editing::Closed));
        let stored = match editing.get() {
            Editing::Closed => return None,
            Editing::New => None,
            Editing::Slot(s) => Some(s),
        };
        let city = stored.as_ref().map(|s| s.city.clone()).unwrap_or_default();
        Some(view! { <PickupForm stored city on_saved cancel /> })
    };
    view! {
        <div class="flex items-center justify-between mb-2">
            <h1 class="text-2xl font-semibold whitespace-nowrap">{move || t(pk::TITLE)}</h1>
            <Show when=move || editor && editing.get() == Editing::Closed>
                <button
                    type="button"
                    class="new-pickup rounded-lg bg-sky-600 text-white px-4 py-2 hover:bg-sky-700 whitespace-nowrap"
                    on:click=move |_| {
                        notice.set(None);
                        editing.set(Editing::New)
                    }
                >
                    {move || t(pk::NEW)}
                </button>
            </Show>
        </div>
        <p class="text-sm text-slate-500 mb-4">{move || t(pk::INTRO)}</p>
        <Notice text=notice />
        <ErrorBanner error=failed all=true />
        {form}
        // In the browser only, as the price levels' table (see there).
        <ClientOnly>
            <Transition fallback=|| {
                view! { <Loading /> }
            }>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => {
                            view! {
                                <ErrorBanner
                                    error=Signal::derive(move || Some(e.clone()))
                                    all=true
                                />
                            }
                                .into_any()
                        }
                        Ok(slots) if slots.is_empty() => {
                            view! { <Empty text=pk::EMPTY /> }.into_any()
                        }
                        Ok(slots) => {
                            by_city(slots)
                                .into_iter()
                                .map(|(city, slots)| {
                                    view! { <PickupCity city slots editor on_edit on_deleted /> }
                                })
                                .collect_view()
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </ClientOnly>
    }
}
