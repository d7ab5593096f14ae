//! `/admin/staff`: list, search, filter and page staff; create accounts.

use leptos::prelude::*;
use shipdesk::auth::{Role, StaffFilter};

use super::role_text;
use super::staff_form::StaffForm;
use super::staff_row::StaffRow;
use crate::auth::text as auth;
use crate::components::text as common;
use crate::components::{ErrorBanner, Notice, Pager};
use crate::i18n::t;
use crate::staff::api::list_staff;
use crate::staff::text as staff;

#[component]
pub fn StaffPage() -> impl IntoView {
    let q = RwSignal::new(String::new());
    let applied_q = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);
    let version = RwSignal::new(0u32);
    let creating = RwSignal::new(false);
    let created = RwSignal::new(None::<String>);
    let list = Resource::new(
        move || (applied_q.get(), role.get(), page.get(), version.get()),
        |(q, role, page, _)| {
            list_staff(
                StaffFilter {
                    q: Some(q),
                    role: Some(role),
                },
                Some(page),
                Some(20),
            )
        },
    );
    let reload = Callback::new(move |_: ()| version.update(|v| *v += 1));
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        page.set(1);
        applied_q.set(q.get_untracked());
    };
    view! {
        <div class="flex items-center justify-between mb-4">
            <h1 class="text-2xl font-semibold whitespace-nowrap">{move || t(staff::TITLE)}</h1>
            <button
                type="button"
                class="new-staff rounded-lg bg-sky-600 text-white px-4 py-2 hover:bg-sky-700 whitespace-nowrap"
                on:click=move |_| {
                    created.set(None);
                    creating.update(|c| *c = !*c)
                }
            >
                {move || t(staff::NEW)}
            </button>
        </div>
        <Show when=move || creating.get()>
            <StaffForm on_done=Callback::new(move |name: Option<String>| {
                creating.set(false);
                created.set(name.map(|n| staff::created(&n)));
                reload.run(());
            }) />
        </Show>
        <Notice text=created />
        <form class="flex flex-wrap gap-2 mb-4" on:submit=search>
            <input
                class="search flex-1 min-w-48 rounded-lg border border-slate-300 px-3 py-2"
                bind:value=q
                placeholder=move || format!("{} / {}", t(auth::LOGIN_ACCOUNT), t(staff::NAME))
            />
            <select
                class="role-filter rounded-lg border border-slate-300 px-3 py-2"
                on:change=move |ev| {
                    page.set(1);
                    role.set(event_target_value(&ev));
                }
            >
                <option value="">{move || t(staff::ALL_ROLES)}</option>
                {Role::ALL
                    .iter()
                    .map(|r| {
                        let k = role_text(*r);
                        view! { <option value=r.as_str()>{move || t(k)}</option> }
                    })
                    .collect_view()}
            </select>
            <button type="submit" class="rounded-lg border border-slate-300 bg-white px-4 py-2">
                {move || t(common::SEARCH)}
            </button>
        </form>
        <Transition fallback=|| {
            view! { <p class="text-slate-500">{t(common::LOADING)}</p> }
        }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(e) => {
                        view! {
                            <ErrorBanner error=Signal::derive(move || Some(e.clone())) all=true />
                        }
                            .into_any()
                    }
                    Ok(p) => {
                        let pages = p.pages();
                        let total = p.total;
                        let empty = p.items.is_empty();
                        view! {
                            <div class="bg-white rounded-xl border border-slate-200 overflow-x-auto">
                                <table class="staff-table w-full text-sm">
                                    <thead class="bg-slate-50 text-slate-500 text-left">
                                        <tr>
                                            <th class="px-4 py-2 whitespace-nowrap">
                                                {move || t(auth::LOGIN_ACCOUNT)}
                                            </th>
                                            <th class="px-4 py-2 whitespace-nowrap">
                                                {move || t(staff::NAME)}
                                            </th>
                                            <th class="px-4 py-2 whitespace-nowrap">
                                                {move || t(staff::ROLES)}
                                            </th>
                                            <th class="px-4 py-2 whitespace-nowrap">
                                                {move || t(staff::STATUS)}
                                            </th>
                                            <th class="px-4 py-2 whitespace-nowrap">
                                                {move || t(staff::CREATED_AT)}
                                            </th>
                                            <th class="px-4 py-2 whitespace-nowrap">
                                                {move || t(common::ACTIONS)}
                                            </th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p
                                            .items
                                            .into_iter()
                                            .map(|s| view! { <StaffRow staff=s on_change=reload /> })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                <Show when=move || empty>
                                    <p class="empty p-6 text-center text-slate-400">
                                        {move || t(common::NO_MATCH)}
                                    </p>
                                </Show>
                            </div>
                            <Pager
                                page=Signal::derive(move || page.get())
                                pages=Signal::derive(move || pages)
                                total=Signal::derive(move || total)
                                on_page=Callback::new(move |n| page.set(n))
                            />
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}
