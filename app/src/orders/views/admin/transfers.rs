//! The order's provider and transfer numbers (转单号): who the order is
//! assigned to (ops and admins assign it, from the provider accounts) and
//! the last-mile numbers uploaded for its cartons, with who uploaded them;
//! a link to the upload page for those who upload. Each number shows its
//! carrier's last state and, on request, its events.

use leptos::prelude::*;
use shipdesk::orders::transfer::Transfer;
use shipdesk::orders::Order;
use shipdesk::{AppError, Id};

use super::settle::Ctx;
use super::when;
use crate::components::{Empty, Select};
use crate::i18n::{error_text, t};
use crate::orders::api::{assign_provider, list_providers};
use crate::orders::transfer_text as text;
use crate::orders::views::track::{TrackLine, Tracked};

#[component]
pub fn TransfersPanel(order: Order, ctx: Ctx, processor: bool, uploader: bool) -> impl IntoView {
    let provider = order.provider_name.clone();
    let transfers = order.transfers.clone();
    let order_id = order.id;
    view! {
        <section class="transfers bg-white rounded-xl border border-slate-200 p-4">
            <div class="flex items-center justify-between gap-2 mb-2">
                <h2 class="font-semibold text-slate-700">{move || t(text::PANEL)}</h2>
                <Show when=move || uploader>
                    <a
                        class="upload-transfers text-xs text-sky-700 hover:underline"
                        href="/admin/transfers"
                    >
                        {move || t(text::UPLOAD_LINK)}
                    </a>
                </Show>
            </div>
            <div class="text-sm mb-2">
                <span class="text-slate-500">{move || t(text::PROVIDER)} "："</span>
                <span class="provider-name">
                    {match provider {
                        Some(p) => view! { <span>{p}</span> }.into_any(),
                        None => {
                            view! {
                                <span class="text-slate-400">{move || t(text::NO_PROVIDER)}</span>
                            }
                                .into_any()
                        }
                    }}
                </span>
            </div>
            {processor.then(|| view! { <AssignForm order=order.clone() ctx /> })}
            {match transfers.is_empty() {
                true => view! { <Empty text=text::NONE /> }.into_any(),
                false => {
                    view! {
                        <ul class="transfer-list text-sm">
                            {transfers
                                .into_iter()
                                .map(|x| view! { <Item order_id x /> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Item(order_id: Id, x: Transfer) -> impl IntoView {
    let (from, to) = (x.carton_from, x.carton_to);
    let what = Tracked::Transfer {
        order_id,
        transfer_id: x.id,
    };
    view! {
        <li
            class="transfer py-2 border-t border-slate-100 first:border-0"
            data-number=x.number.clone()
        >
            <div class="transfer-number font-mono text-slate-800 break-all">{x.number.clone()}</div>
            <div class="text-xs text-slate-500">
                <span class="transfer-carrier">{x.carrier.name().to_owned()}</span>
                " · "
                {move || text::cartons(from, to)}
                " · "
                {x.uploaded_by.clone()}
                " · "
                {when(x.created_at)}
            </div>
            <TrackLine what status=x.track_status at=x.track_at />
        </li>
    }
}

#[component]
fn AssignForm(order: Order, ctx: Ctx) -> impl IntoView {
    let id = order.id;
    let chosen = RwSignal::new(order.provider_id.map(|p| p.to_string()).unwrap_or_default());
    let providers = Resource::new(|| (), |_| list_providers());
    let options = Signal::derive(move || {
        providers
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.id.to_string(), p.name))
            .collect::<Vec<_>>()
    });
    let assign = Action::new(move |to: &Option<shipdesk::Id>| {
        let to = *to;
        async move { ctx.settle(assign_provider(id, to).await) }
    });
    let failed = Signal::derive(move || assign.value().get().flatten());
    let current = order.provider_id;
    let unchanged = move || chosen.get().parse::<shipdesk::Id>().ok() == current;
    view! {
        <div class="assign-provider flex items-end gap-2">
            <div class="grow min-w-0">
                <Select
                    label=text::PROVIDER
                    name="provider"
                    value=chosen
                    options
                    none=text::NO_PROVIDER
                />
            </div>
            <button
                type="button"
                class="assign mb-3 rounded-lg bg-sky-600 text-white px-3 py-2 text-sm hover:bg-sky-700 disabled:opacity-60"
                disabled=move || assign.pending().get() || unchanged()
                on:click=move |_| {
                    assign.dispatch(chosen.get_untracked().parse().ok());
                }
            >
                {move || t(text::ASSIGN)}
            </button>
        </div>
        {move || {
            failed
                .get()
                .map(|e: AppError| {
                    view! {
                        <p class="text-sm text-red-600 mb-2" role="alert">
                            {error_text(&e)}
                        </p>
                    }
                })
        }}
    }
}
