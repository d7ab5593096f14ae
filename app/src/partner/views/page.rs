//! The list of partner apps: each with its id, account, scope, rate and
//! state; pause or resume (asked first), rotate the secret (asked first; the
//! new one is shown once), edit, and its request log.

use leptos::prelude::*;
use shipdesk::partner::PartnerApp;
use shipdesk::Id;

use super::app_form::AppForm;
use super::request_log::RequestLog;
use crate::components::{action_error, confirm, ErrorBanner, LoadedList, Notice};
use crate::i18n::t;
use crate::partner::api::*;
use crate::partner::text as partner;
use crate::staff::views::role_text;

#[component]
pub fn PartnersPage() -> impl IntoView {
    // What the list shows: bumped by every change.
    let changed = RwSignal::new(0u32);
    let toggle = Action::new(|(id, on): &(Id, bool)| {
        let (id, on) = (*id, *on);
        async move { set_partner_app_enabled(id, on).await }
    });
    let rotate = Action::new(|id: &Id| {
        let id = *id;
        async move { rotate_partner_app_secret(id).await }
    });
    let list = Resource::new(
        move || {
            (
                changed.get(),
                toggle.version().get(),
                rotate.version().get(),
            )
        },
        |_| list_partner_apps(),
    );
    // The secret of the last create or rotation, until the next one.
    let secret = RwSignal::new(None::<(String, String)>);
    let notice = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok((a, s))) = rotate.value().get() {
            secret.set(Some((a.app_id, s)));
        }
    });
    let creating = RwSignal::new(false);
    let on_created = Callback::new(move |(a, s): (PartnerApp, String)| {
        secret.set(Some((a.app_id, s)));
        notice.set(Some(t(partner::CREATED).to_owned()));
        creating.set(false);
        changed.update(|n| *n += 1);
    });
    view! {
        <h1 class="text-xl font-semibold">{move || t(partner::TITLE)}</h1>
        <p class="text-sm text-slate-500 mt-1 max-w-3xl">{move || t(partner::HINT)}</p>
        <div class="mt-4 max-w-5xl">
            <Notice text=notice />
            {move || {
                secret
                    .get()
                    .map(|(app_id, s)| {
                        view! {
                            <p class="partner-secret mb-3 text-sm bg-amber-50 border border-amber-200 rounded p-2 break-all">
                                <code>{app_id}</code>
                                " — "
                                {t(partner::SECRET_ONCE)}
                                " "
                                <code class="partner-secret-value">{s}</code>
                            </p>
                        }
                    })
            }}
            <ErrorBanner error=action_error(rotate) all=true />
            <ErrorBanner error=action_error(toggle) all=true />
            <Show
                when=move || creating.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="partner-new rounded-lg bg-sky-600 text-white px-4 py-2"
                            on:click=move |_| {
                                notice.set(None);
                                creating.set(true);
                            }
                        >
                            {move || t(partner::NEW)}
                        </button>
                    }
                }
            >
                <AppForm
                    editing=None
                    on_created=on_created
                    on_saved=Callback::new(|_| {})
                    on_cancel=Callback::new(move |_| creating.set(false))
                />
            </Show>
            <LoadedList
                resource=list
                empty=partner::EMPTY
                children={move |apps: Vec<PartnerApp>| {
                    view! {
                        <ul class="partner-apps mt-4 space-y-3">
                            {apps
                                .into_iter()
                                .map(|a| view! { <AppRow app=a toggle rotate changed notice /> })
                                .collect_view()}
                        </ul>
                    }
                }}
            />
        </div>
    }
}

#[component]
fn AppRow(
    app: PartnerApp,
    toggle: Action<(Id, bool), Result<(), shipdesk::AppError>>,
    rotate: Action<Id, Result<(PartnerApp, String), shipdesk::AppError>>,
    changed: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let (id, on) = (app.id, app.enabled);
    let log = RwSignal::new(false);
    let editing = RwSignal::new(false);
    let roles = app
        .roles
        .iter()
        .map(|r| t(role_text(*r)))
        .collect::<Vec<_>>()
        .join("、");
    let companies = if app.all_companies {
        t(partner::ALL_COMPANIES).to_owned()
    } else {
        format!("{} × {}", t(partner::COMPANIES), app.company_ids.len())
    };
    let edited = app.clone();
    view! {
        <li
            class="partner-app bg-white rounded-xl border border-slate-200 p-3 text-sm"
            data-app-id=app.app_id.clone()
        >
            <div class="flex flex-wrap items-center gap-2">
                <span class="font-medium">{app.name.clone()}</span>
                <code class="text-slate-500">{app.app_id.clone()}</code>
                <span class=if on {
                    "text-emerald-700"
                } else {
                    "text-slate-400"
                }>{if on { t(partner::ENABLED) } else { t(partner::DISABLED) }}</span>
                <span class="flex-1"></span>
                <button
                    type="button"
                    class="partner-toggle rounded border border-slate-300 px-2"
                    on:click=move |_| {
                        if !on || confirm(t(partner::CONFIRM_DISABLE)) {
                            toggle.dispatch((id, !on));
                        }
                    }
                >
                    {if on { t(partner::DISABLE) } else { t(partner::ENABLE) }}
                </button>
                <button
                    type="button"
                    class="partner-rotate rounded border border-slate-300 px-2"
                    on:click=move |_| {
                        if confirm(t(partner::CONFIRM_ROTATE)) {
                            rotate.dispatch(id);
                        }
                    }
                >
                    {t(partner::ROTATE)}
                </button>
                <button
                    type="button"
                    class="partner-edit rounded border border-slate-300 px-2"
                    on:click=move |_| editing.update(|e| *e = !*e)
                >
                    {t(partner::EDIT)}
                </button>
                <button
                    type="button"
                    class="partner-log-toggle rounded border border-slate-300 px-2"
                    on:click=move |_| log.update(|l| *l = !*l)
                >
                    {move || if log.get() { t(partner::HIDE_LOG) } else { t(partner::LOG) }}
                </button>
            </div>
            <div class="mt-1 text-slate-500">
                {t(partner::ACCOUNT)}" "<code>{app.account.clone()}</code>" · "{roles}" · "
                {app.functions.len()}{t(partner::FUNCTIONS_COUNT)}" · "{companies}" · "
                {app.rate_per_min}{t(partner::RATE_UNIT)}
            </div>
            <div class="mt-1 text-xs text-slate-400 break-all">{app.functions.join(", ")}</div>
            <Show when=move || editing.get()>
                <AppForm
                    editing=Some(edited.clone())
                    on_created=Callback::new(|_| {})
                    on_saved=Callback::new(move |_| {
                        editing.set(false);
                        notice.set(Some(t(partner::SAVED).to_owned()));
                        changed.update(|n| *n += 1);
                    })
                    on_cancel=Callback::new(move |_| editing.set(false))
                />
            </Show>
            <Show when=move || log.get()>
                <RequestLog id />
            </Show>
        </li>
    }
}
