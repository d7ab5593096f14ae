//! The caller's API tokens (on the dashboard): create one with an optional
//! expiry (its secret shown once), see when each was last used and whether
//! it still works, revoke. Admins can switch to every account's tokens.

use leptos::prelude::*;
use shipdesk::auth::{ApiToken, Role};

use crate::auth::api::{create_api_token, list_all_api_tokens, list_api_tokens, revoke_api_token};
use crate::auth::text as auth;
use crate::auth::CurrentStaff;
use crate::components::text as common;
use crate::components::ErrorBanner;
use crate::i18n::t;

fn state_text(tk: &ApiToken) -> String {
    if tk.revoked {
        t(auth::TOKENS_REVOKED).to_owned()
    } else if !tk.active {
        t(auth::TOKENS_INACTIVE).to_owned()
    } else {
        match tk.expires_at {
            Some(at) => auth::tokens_expires(&at.format_shanghai()),
            None => t(auth::TOKENS_NO_EXPIRY).to_owned(),
        }
    }
}

#[component]
pub fn ApiTokens() -> impl IntoView {
    let is_admin = use_context::<CurrentStaff>().is_some_and(|c| c.0.has(Role::Admin));
    let all = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let days = RwSignal::new(String::from("90"));
    let create = Action::new(move |(n, d): &(String, String)| {
        let n = n.clone();
        let d = d.parse::<i64>().ok();
        async move { create_api_token(n, d).await }
    });
    let revoke = Action::new(|id: &i64| {
        let id = *id;
        async move { revoke_api_token(id).await }
    });
    let list = Resource::new(
        move || (create.version().get(), revoke.version().get(), all.get()),
        |(_, _, all)| async move {
            if all {
                list_all_api_tokens().await
            } else {
                list_api_tokens().await
            }
        },
    );
    view! {
        <section class="api-tokens mt-8 max-w-2xl bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold">{move || t(auth::TOKENS_TITLE)}</h2>
            <p class="text-sm text-slate-500 mt-1">{move || t(auth::TOKENS_HINT)}</p>
            {is_admin
                .then(|| {
                    view! {
                        <label class="mt-2 inline-flex items-center gap-1 text-sm text-slate-600">
                            <input
                                type="checkbox"
                                class="tokens-all"
                                prop:checked=move || all.get()
                                on:change=move |e| all.set(event_target_checked(&e))
                            />
                            {move || t(auth::TOKENS_ALL_ACCOUNTS)}
                        </label>
                    }
                })}
            <form
                class="mt-3 flex flex-wrap gap-2"
                on:submit=move |e| {
                    e.prevent_default();
                    create.dispatch((name.get_untracked(), days.get_untracked()));
                }
            >
                <input
                    class="token-name flex-1 rounded border border-slate-300 px-2 py-1"
                    maxlength="40"
                    placeholder=move || t(auth::TOKENS_NAME)
                    prop:value=move || name.get()
                    on:input=move |e| name.set(event_target_value(&e))
                />
                <select
                    class="token-expiry rounded border border-slate-300 px-2 py-1"
                    aria-label=move || t(auth::TOKENS_EXPIRY)
                    on:change=move |e| days.set(event_target_value(&e))
                >
                    <option value="30">{move || t(auth::TOKENS_DAYS_30)}</option>
                    <option value="90" selected>
                        {move || t(auth::TOKENS_DAYS_90)}
                    </option>
                    <option value="365">{move || t(auth::TOKENS_DAYS_365)}</option>
                    <option value="">{move || t(auth::TOKENS_NO_EXPIRY)}</option>
                </select>
                <button
                    type="submit"
                    class="rounded bg-sky-600 text-white px-3 py-1 disabled:opacity-50"
                    disabled=move || create.pending().get()
                >
                    {move || t(auth::TOKENS_CREATE)}
                </button>
            </form>
            {move || {
                create
                    .value()
                    .get()
                    .map(|r| match r {
                        Ok((_, secret)) => {
                            view! {
                                <p class="token-secret mt-2 text-sm bg-amber-50 border border-amber-200 rounded p-2 break-all">
                                    {t(auth::TOKENS_COPY_NOW)}" "<code>{secret}</code>
                                </p>
                            }
                                .into_any()
                        }
                        Err(e) => {
                            view! {
                                <div class="mt-2">
                                    <ErrorBanner
                                        error=Signal::derive(move || Some(e.clone()))
                                        all=true
                                    />
                                </div>
                            }
                                .into_any()
                        }
                    })
            }}
            <Transition fallback=|| ()>
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
                                view! {
                                    <p class="mt-3 text-sm text-slate-400">{t(common::EMPTY)}</p>
                                }
                                    .into_any()
                            }
                            Ok(items) => {
                                view! {
                                    <ul class="mt-3 divide-y divide-slate-100 text-sm">
                                        {items
                                            .into_iter()
                                            .map(|tk| {
                                                let id = tk.id;
                                                let status = state_text(&tk);
                                                let owner = all
                                                    .get_untracked()
                                                    .then(|| tk.staff_account.clone());
                                                view! {
                                                    <li class="py-2 flex flex-wrap items-center gap-3">
                                                        <span class="w-full sm:w-auto sm:flex-1 font-medium break-all">
                                                            {tk.name.clone()}
                                                        </span>
                                                        {owner
                                                            .map(|o| {
                                                                view! {
                                                                    <span class="token-owner text-slate-500">{o}</span>
                                                                }
                                                            })}
                                                        <span class="token-state text-slate-500">{status}</span>
                                                        <span class="text-slate-400">
                                                            {match tk.last_used_at {
                                                                Some(at) => auth::tokens_last_used(&at.format_shanghai()),
                                                                None => t(auth::TOKENS_NEVER).to_owned(),
                                                            }}
                                                        </span>
                                                        {if tk.revoked {
                                                            ().into_any()
                                                        } else {
                                                            view! {
                                                                <button
                                                                    type="button"
                                                                    class="text-red-600"
                                                                    on:click=move |_| {
                                                                        revoke.dispatch(id);
                                                                    }
                                                                >
                                                                    {t(auth::TOKENS_REVOKE)}
                                                                </button>
                                                            }
                                                                .into_any()
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
        </section>
    }
}
