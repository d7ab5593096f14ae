//! A tracking number's courier events (通过快递单号查询轨迹), on the
//! customer's and the staff's order pages: its last state as a badge, and
//! on request its events, newest first, as a timeline with the carrier's
//! own words, place and time. Asking (`track_parcel`, `track_transfer`)
//! refreshes the events from the tracking provider when one is configured.
//! Delivery tracking numbers (送仓单号) and transfer numbers (转单号) show
//! the same line.

use leptos::prelude::*;
use shipdesk::orders::Parcel;
use shipdesk::tracking::{TrackEvent, TrackStatus};
use shipdesk::{AppError, Id};

use crate::components::{ErrorBanner, Loading};
use crate::i18n::{lang, t};
use crate::orders::api::{track_parcel, track_transfer};
use crate::tracking::text;

fn tone(s: TrackStatus) -> &'static str {
    match s {
        TrackStatus::Delivered => "bg-emerald-100 text-emerald-700",
        TrackStatus::Exception | TrackStatus::Returned => "bg-red-100 text-red-700",
        TrackStatus::OutForDelivery => "bg-amber-100 text-amber-800",
        TrackStatus::InTransit => "bg-sky-100 text-sky-700",
        TrackStatus::InfoReceived => "bg-slate-100 text-slate-600",
    }
}

/// `12-02 10:30`, China time.
fn short(t: shipdesk::Timestamp) -> String {
    let s = t.format_shanghai();
    s.get(5..16).unwrap_or(&s).to_owned()
}

/// The state's badge: `运输中 · 12-02 10:30`, or 暂无轨迹.
#[component]
pub fn TrackBadge(status: Option<TrackStatus>, at: Option<shipdesk::Timestamp>) -> impl IntoView {
    match status {
        None => view! {
            <span class="track-badge text-xs text-slate-400" data-status="">
                {move || t(text::NOT_TRACKED)}
            </span>
        }
        .into_any(),
        Some(s) => {
            let at = at.map(short);
            view! {
                <span
                    class=format!("track-badge rounded px-1.5 py-0.5 text-xs {}", tone(s))
                    data-status=s.as_str()
                >
                    {move || s.label(lang())}
                    {at.clone().map(|a| format!(" · {a}"))}
                </span>
            }
            .into_any()
        }
    }
}

/// What a track line follows: a delivery tracking number (送仓单号) or a
/// transfer number (转单号) of an order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tracked {
    Parcel { order_id: Id, parcel_id: Id },
    Transfer { order_id: Id, transfer_id: Id },
}

/// The number's events (newest first) and whether a provider was asked.
async fn load(what: Tracked) -> Result<(Vec<TrackEvent>, bool), AppError> {
    match what {
        Tracked::Parcel {
            order_id,
            parcel_id,
        } => track_parcel(order_id, parcel_id)
            .await
            .map(|t| (t.events, t.live)),
        Tracked::Transfer {
            order_id,
            transfer_id,
        } => track_transfer(order_id, transfer_id)
            .await
            .map(|t| (t.events, t.live)),
    }
}

/// A delivery tracking number's badge and events.
#[component]
pub fn ParcelTrackLine(order_id: Id, parcel: Parcel) -> impl IntoView {
    let what = Tracked::Parcel {
        order_id,
        parcel_id: parcel.id,
    };
    view! { <TrackLine what status=parcel.track_status at=parcel.track_at /> }
}

/// The badge and a 查看轨迹 switch that loads the events below.
#[component]
pub fn TrackLine(
    what: Tracked,
    status: Option<TrackStatus>,
    at: Option<shipdesk::Timestamp>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let track = LocalResource::new(move || {
        let open = open.get();
        async move {
            match open {
                true => Some(load(what).await),
                false => None,
            }
        }
    });
    view! {
        <div class="parcel-track mt-1">
            <div class="flex items-center gap-2">
                <TrackBadge status at />
                <button
                    type="button"
                    class="show-track text-xs text-sky-700 hover:underline"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || t(if open.get() { text::HIDE } else { text::SHOW })}
                </button>
            </div>
            <Show when=move || open.get()>
                <Suspense fallback=|| {
                    view! { <Loading /> }
                }>
                    {move || {
                        track
                            .get()
                            .flatten()
                            .map(|r| match r {
                                Ok((events, live)) => view! { <Events events live /> }.into_any(),
                                Err(e) => {
                                    view! {
                                        <ErrorBanner
                                            error=Signal::derive(move || Some(e.clone()))
                                            all=true
                                        />
                                    }
                                        .into_any()
                                }
                            })
                    }}
                </Suspense>
            </Show>
        </div>
    }
}

#[component]
fn Events(events: Vec<TrackEvent>, live: bool) -> impl IntoView {
    let none = events.is_empty();
    view! {
        <div class="track-events mt-2">
            <Show when=move || !live>
                <p class="track-not-live text-xs text-slate-400 mb-1">
                    {move || t(text::NOT_LIVE)}
                </p>
            </Show>
            <Show when=move || none>
                <p class="text-xs text-slate-400">{move || t(text::NO_EVENTS)}</p>
            </Show>
            <ol class="border-l-2 border-slate-200 ml-1 space-y-2">
                {events.into_iter().map(|e| view! { <Event e /> }).collect_view()}
            </ol>
        </div>
    }
}

#[component]
fn Event(e: TrackEvent) -> impl IntoView {
    let s = e.status;
    let dot = match s.is_trouble() {
        true => "bg-red-500",
        false => "bg-sky-500",
    };
    view! {
        <li class="track-event relative pl-3 text-xs" data-status=s.as_str()>
            <span class=format!("absolute -left-[5px] top-1 w-2 h-2 rounded-full {dot}") />
            <div class="text-slate-500">
                <span class="font-medium text-slate-700">{move || s.label(lang())}</span>
                " · "
                {short(e.time)}
                {e.place.clone().map(|p| format!(" · {p}"))}
            </div>
            <div class="text-slate-700 break-words">{e.context.clone()}</div>
        </li>
    }
}
