//! `/admin/webhooks`: register callback URLs with their events, pause or
//! resume them, rotate their secrets (a new secret is shown once), and read
//! each one's delivery log (status, attempts, answer).

use leptos::prelude::*;
use shipdesk::webhook::{DeliveryStatus, WebhookForCreate, EVENTS};
use shipdesk::Id;

use super::api::*;
use crate::components::text as common;
use crate::components::{action_error, ErrorBanner};
use crate::i18n::t;
use crate::staff::text as staff;
use crate::webhook::text as webhook;

#[component]
pub fn WebhooksPage() -> impl IntoView {
    let url = RwSignal::new(String::new());
    let events = RwSignal::new(vec![EVENTS[0].to_owned()]);
    let create = Action::new(|input: &WebhookForCreate| {
        let input = input.clone();
        async move { create_webhook(input).await }
    });
    let toggle = Action::new(|(id, active): &(Id, bool)| {
        let (id, active) = (*id, *active);
        async move { set_webhook_active(id, active).await }
    });
    let rotate = Action::new(|id: &Id| {
        let id = *id;
        async move { rotate_webhook_secret(id).await }
    });
    let list = Resource::new(
        move || {
            (
                create.version().get(),
                toggle.version().get(),
                rotate.version().get(),
            )
        },
        |_| list_webhooks(),
    );
    // The secret of the last create or rotation: shown until the next one.
    let fresh = RwSignal::new(None::<(String, String)>);
    Effect::new(move |_| {
        if let Some(Ok((w, secret))) = create.value().get() {
            fresh.set(Some((w.url, secret)));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok((w, secret))) = rotate.value().get() {
            fresh.set(Some((w.url, secret)));
        }
    });
    let shown = RwSignal::new(None::<Id>);
    view! {
        <h1 class="text-xl font-semibold">{move || t(webhook::TITLE)}</h1>
        <p class="text-sm text-slate-500 mt-1">{move || t(webhook::HINT)}</p>
        <form
            class="webhook-form mt-4 bg-white rounded-xl border border-slate-200 p-4 space-y-3 max-w-3xl"
            on:submit=move |e| {
                e.prevent_default();
                create
                    .dispatch(WebhookForCreate {
                        url: url.get_untracked(),
                        events: events.get_untracked(),
                        ..Default::default()
                    });
            }
        >
            <input
                class="webhook-url w-full rounded border border-slate-300 px-2 py-1"
                placeholder="https://erp.example.com/hooks/chat"
                prop:value=move || url.get()
                on:input=move |e| url.set(event_target_value(&e))
            />
            <div class="flex flex-wrap gap-3 text-sm">
                {EVENTS
                    .iter()
                    .map(|ev| {
                        let ev = ev.to_string();
                        let name = ev.clone();
                        let checked = ev.clone();
                        view! {
                            <label class="flex items-center gap-1">
                                <input
                                    type="checkbox"
                                    prop:checked=move || events.get().contains(&checked)
                                    on:change=move |e| {
                                        let on = event_target_checked(&e);
                                        events
                                            .update(|l| {
                                                l.retain(|x| *x != ev);
                                                if on {
                                                    l.push(ev.clone());
                                                }
                                            });
                                    }
                                />
                                <code>{name}</code>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <button
                type="submit"
                class="rounded bg-sky-600 text-white px-3 py-1 disabled:opacity-50"
                disabled=move || create.pending().get()
            >
                {move || t(webhook::ADD)}
            </button>
            <ErrorBanner error=action_error(create) all=true />
        </form>
        {move || {
            fresh
                .get()
                .map(|(url, secret)| {
                    view! {
                        <p class="webhook-secret mt-3 max-w-3xl text-sm bg-amber-50 border border-amber-200 rounded p-2 break-all">
                            <code>{url}</code>
                            " — "
                            {t(webhook::COPY_NOW)}
                            " "
                            <code>{secret}</code>
                        </p>
                    }
                })
        }}
        <ErrorBanner error=action_error(rotate) all=true />
        <Transition fallback=|| {
            view! { <p class="mt-4 text-slate-400">{t(common::LOADING)}</p> }
        }>
            {move || {
                list.get()
                    .map(|r| match r {
                        Err(e) => {
                            view! {
                                <ErrorBanner
                                    error=Signal::derive(move || Some(e.clone()))
                                    all=true
                                />
                            }
                                .into_any()
                        }
                        Ok(items) if items.is_empty() => {
                            view! { <p class="mt-4 text-slate-400">{t(common::EMPTY)}</p> }
                                .into_any()
                        }
                        Ok(items) => {
                            view! {
                                <ul class="webhooks mt-4 space-y-3 max-w-5xl">
                                    {items
                                        .into_iter()
                                        .map(|(w, hint)| {
                                            let id = w.id;
                                            let active = w.active;
                                            view! {
                                                <li class="bg-white rounded-xl border border-slate-200 p-3 text-sm">
                                                    <div class="flex flex-wrap items-center gap-2">
                                                        <code class="font-medium break-all flex-1">
                                                            {w.url.clone()}
                                                        </code>
                                                        <span class=if active {
                                                            "text-emerald-700"
                                                        } else {
                                                            "text-slate-400"
                                                        }>
                                                            {if active {
                                                                t(webhook::ACTIVE)
                                                            } else {
                                                                t(webhook::PAUSED)
                                                            }}
                                                        </span>
                                                        <button
                                                            type="button"
                                                            class="rounded border border-slate-300 px-2"
                                                            on:click=move |_| {
                                                                toggle.dispatch((id, !active));
                                                            }
                                                        >
                                                            {if active {
                                                                t(webhook::PAUSE)
                                                            } else {
                                                                t(webhook::RESUME)
                                                            }}
                                                        </button>
                                                        <button
                                                            type="button"
                                                            class="webhook-rotate rounded border border-slate-300 px-2"
                                                            on:click=move |_| {
                                                                rotate.dispatch(id);
                                                            }
                                                        >
                                                            {t(webhook::ROTATE)}
                                                        </button>
                                                        <button
                                                            type="button"
                                                            class="rounded border border-slate-300 px-2"
                                                            on:click=move |_| {
                                                                shown
                                                                    .set(
                                                                        if shown.get_untracked() == Some(id) {
                                                                            None
                                                                        } else {
                                                                            Some(id)
                                                                        },
                                                                    )
                                                            }
                                                        >
                                                            {t(webhook::LOG)}
                                                        </button>
                                                    </div>
                                                    <div class="mt-1 text-slate-500">{w.events.join(", ")}</div>
                                                    <div class="mt-1 text-xs text-slate-400 break-all">
                                                        {t(webhook::SECRET)}" "<code>{hint}</code>
                                                    </div>
                                                    {move || {
                                                        (shown.get() == Some(id))
                                                            .then(|| view! { <DeliveryLog id /> })
                                                    }}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    })
            }}
        </Transition>
    }
}

#[component]
fn DeliveryLog(id: Id) -> impl IntoView {
    let page = RwSignal::new(1u32);
    let log = Resource::new(
        move || page.get(),
        move |p| list_webhook_deliveries(id, Some(p), Some(20)),
    );
    view! {
        <Transition fallback=|| ()>
            {move || {
                log.get()
                    .map(|r| match r {
                        Err(e) => {
                            view! {
                                <ErrorBanner
                                    error=Signal::derive(move || Some(e.clone()))
                                    all=true
                                />
                            }
                                .into_any()
                        }
                        Ok(p) if p.items.is_empty() => {
                            view! { <p class="mt-2 text-slate-400">{t(webhook::NO_DELIVERIES)}</p> }
                                .into_any()
                        }
                        Ok(p) => {
                            let pages = p.pages();
                            let current = p.page;
                            view! {
                                <table class="delivery-log mt-2 w-full text-xs">
                                    <thead class="text-slate-400 text-left">
                                        <tr>
                                            <th>{t(webhook::EVENT)}</th>
                                            <th>{t(webhook::EVENT_ID)}</th>
                                            <th>{t(staff::STATUS)}</th>
                                            <th>{t(webhook::ATTEMPTS)}</th>
                                            <th>{t(webhook::ANSWER)}</th>
                                            <th>{t(webhook::AT)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p
                                            .items
                                            .into_iter()
                                            .map(|d| {
                                                let (key, class) = match d.status {
                                                    DeliveryStatus::Delivered => {
                                                        (webhook::DELIVERED, "text-emerald-700")
                                                    }
                                                    DeliveryStatus::Pending => {
                                                        (webhook::PENDING, "text-amber-700")
                                                    }
                                                    DeliveryStatus::Failed => (webhook::FAILED, "text-red-700"),
                                                };
                                                view! {
                                                    <tr class="border-t border-slate-100">
                                                        <td>{d.event.clone()}</td>
                                                        <td class="font-mono">{d.event_id.clone()}</td>
                                                        <td class=class>{t(key)}</td>
                                                        <td>{d.attempts}</td>
                                                        <td>
                                                            {d
                                                                .last_status_code
                                                                .map(|c| c.to_string())
                                                                .or(d.last_error.clone())
                                                                .unwrap_or_default()}
                                                        </td>
                                                        <td>{d.created_at.format_shanghai()}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                <div class="mt-1 flex gap-2 text-xs text-slate-500">
                                    <button
                                        type="button"
                                        disabled=move || { current <= 1 }
                                        on:click=move |_| page.set(current - 1)
                                    >
                                        {t(common::PREV)}
                                    </button>
                                    <span>{current}" / "{pages}</span>
                                    <button
                                        type="button"
                                        disabled=move || { current >= pages }
                                        on:click=move |_| page.set(current + 1)
                                    >
                                        {t(common::NEXT)}
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    })
            }}
        </Transition>
    }
}
