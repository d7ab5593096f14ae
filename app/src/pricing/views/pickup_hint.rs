//! Under the search form's origin: the next pickup windows of that city
//! (上门揽收：今天 14:00–18:00 · 明天 09:00–12:00), loaded in the browser
//! when an origin is chosen; nothing while none is.

use leptos::prelude::*;
use shipdesk::pricing::{Date, PickupDay};

use crate::i18n::{lang, t, Lang};
use crate::pricing::api::get_pickup_times;
use crate::pricing::pickup_text as pk;

/// How many days with windows the line names.
const DAYS_SHOWN: usize = 2;

fn line(days: &[PickupDay], today: Date) -> String {
    let sep = match lang() {
        Lang::Zh => "、",
        Lang::En => ", ",
    };
    let open: Vec<String> = days
        .iter()
        .filter_map(|d| {
            let windows: Vec<String> = (d.slots.iter())
                .filter(|s| s.remaining > 0)
                .map(|s| format!("{}–{}", s.start, s.end))
                .collect();
            (!windows.is_empty())
                .then(|| format!("{} {}", pk::pickup_day(d.date, today), windows.join(sep)))
        })
        .take(DAYS_SHOWN)
        .collect();
    match open.is_empty() {
        true => t(pk::PICKUP_NONE).to_owned(),
        false => format!("{}{}", t(pk::PICKUP), open.join(" · ")),
    }
}

#[component]
pub fn PickupHint(origin: RwSignal<String>, today: Date) -> impl IntoView {
    let times = LocalResource::new(move || {
        let city = origin.get().trim().to_owned();
        async move {
            match city.is_empty() {
                true => None,
                false => get_pickup_times(city, Some(7)).await.ok(),
            }
        }
    });
    move || {
        let days = times.get().flatten()?;
        Some(
            view! { <p class="pickup-hint text-xs text-slate-500 mt-1">{move || line(&days, today)}</p> },
        )
    }
}
