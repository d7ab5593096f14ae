//! The caller's API tokens (on the dashboard): create one (its secret shown
//! once), see when each was last used, revoke.

use leptos::prelude::*;

use crate::auth::api::{create_api_token, list_api_tokens, revoke_api_token};
use crate::components::ErrorBanner;
use crate::i18n::t;

#[component]
pub fn ApiTokens() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let create = Action::new(move |n: &String| {
        let n = n.clone();
        async move { create_api_token(n).await }
    });
    let revoke = Action::new(|id: &i64| {
        let id = *id;
        async move { revoke_api_token(id).await }
    });
    let list = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_api_tokens(),
    );
    view! {
        <section class="api-tokens mt-8 max-w-2xl bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold">{move || t("tokens.title")}</h2>
            <p class="text-sm text-slate-500 mt-1">{move || t("tokens.hint")}</p>
            <form class="mt-3 flex gap-2" on:submit=move |e| { e.prevent_default(); create.dispatch(name.get_untracked()); }>
                <input class="token-name flex-1 rounded border border-slate-300 px-2 py-1" maxlength="40"
                    placeholder=move || t("tokens.name") prop:value=move || name.get()
                    on:input=move |e| name.set(event_target_value(&e)) />
                <button type="submit" class="rounded bg-sky-600 text-white px-3 py-1 disabled:opacity-50" disabled=move || create.pending().get()>{move || t("tokens.create")}</button>
            </form>
            {move || create.value().get().map(|r| match r {
                Ok((_, secret)) => view! {
                    <p class="token-secret mt-2 text-sm bg-amber-50 border border-amber-200 rounded p-2 break-all">{t("tokens.copy_now")}" "<code>{secret}</code></p>
                }.into_any(),
                Err(e) => view! { <div class="mt-2"><ErrorBanner error=Signal::derive(move || Some(e.clone())) all=true /></div> }.into_any(),
            })}
            <Transition fallback=|| ()>
                {move || list.get().map(|r| match r {
                    Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone())) all=true /> }.into_any(),
                    Ok(items) if items.is_empty() => view! { <p class="mt-3 text-sm text-slate-400">{t("common.empty")}</p> }.into_any(),
                    Ok(items) => view! {
                        <ul class="mt-3 divide-y divide-slate-100 text-sm">
                            {items.into_iter().map(|tk| {
                                let id = tk.id;
                                view! {
                                    <li class="py-2 flex items-center gap-3">
                                        <span class="flex-1 font-medium">{tk.name.clone()}</span>
                                        <span class="text-slate-400">{match tk.last_used_at {
                                            Some(at) => format!("{} {}", t("tokens.last_used"), at.format_shanghai()),
                                            None => t("tokens.never").to_owned(),
                                        }}</span>
                                        {if tk.revoked {
                                            view! { <span class="text-slate-400">{t("tokens.revoked")}</span> }.into_any()
                                        } else {
                                            view! { <button type="button" class="text-red-600" on:click=move |_| { revoke.dispatch(id); }>{t("tokens.revoke")}</button> }.into_any()
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                })}
            </Transition>
        </section>
    }
}
