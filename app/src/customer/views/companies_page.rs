//! `/admin/customers`: search (name, code, member phone), filter by
//! certification, page, and create companies.

use leptos::prelude::*;
use shipdesk::customer::{Certification, CompanyFilter};

use super::cert_text;
use super::company_form::NewCompanyForm;
use crate::auth::CurrentStaff;
use crate::components::text as common;
use crate::components::{ErrorBanner, Notice, Pager};
use crate::customer::api::list_companies;
use crate::customer::text as customer;
use crate::i18n::t;
use crate::staff::text as staff;

#[component]
pub fn CompaniesPage() -> impl IntoView {
    let may_create = use_context::<CurrentStaff>().is_some_and(|c| {
        c.0.has_any(&[shipdesk::auth::Role::Admin, shipdesk::auth::Role::Sales])
    });
    let q = RwSignal::new(String::new());
    let applied = RwSignal::new(String::new());
    let cert = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);
    let version = RwSignal::new(0u32);
    let creating = RwSignal::new(false);
    let created = RwSignal::new(None::<String>);
    let list = Resource::new(
        move || (applied.get(), cert.get(), page.get(), version.get()),
        |(q, cert, page, _)| {
            list_companies(
                CompanyFilter {
                    q: Some(q),
                    certification: Some(cert),
                },
                Some(page),
                Some(20),
            )
        },
    );
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        page.set(1);
        applied.set(q.get_untracked());
    };
    view! {
        <div class="flex items-center justify-between mb-4">
            <h1 class="text-2xl font-semibold whitespace-nowrap">{move || t(customer::TITLE)}</h1>
            <Show when=move || may_create>
                <button
                    type="button"
                    class="new-company rounded-lg bg-sky-600 text-white px-4 py-2 hover:bg-sky-700 whitespace-nowrap"
                    on:click=move |_| {
                        created.set(None);
                        creating.update(|c| *c = !*c)
                    }
                >
                    {move || t(customer::NEW)}
                </button>
            </Show>
        </div>
        <Show when=move || creating.get()>
            <NewCompanyForm on_done=Callback::new(move |name: Option<String>| {
                creating.set(false);
                created.set(name.map(|n| customer::created(&n)));
                version.update(|v| *v += 1);
            }) />
        </Show>
        <Notice text=created />
        <form class="flex flex-wrap gap-2 mb-4" on:submit=search>
            <input
                class="search flex-1 min-w-64 rounded-lg border border-slate-300 px-3 py-2"
                bind:value=q
                placeholder=move || t(customer::SEARCH)
            />
            <select
                class="cert-filter rounded-lg border border-slate-300 px-3 py-2"
                on:change=move |ev| {
                    page.set(1);
                    cert.set(event_target_value(&ev));
                }
            >
                <option value="">{move || t(customer::ALL_CERTIFICATIONS)}</option>
                {Certification::ALL
                    .iter()
                    .map(|c| {
                        let k = cert_text(*c);
                        view! { <option value=c.as_str()>{move || t(k)}</option> }
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
                        let (pages, total, empty) = (p.pages(), p.total, p.items.is_empty());
                        view! {
                            <div class="bg-white rounded-xl border border-slate-200 overflow-x-auto">
                                <table class="company-table w-full text-sm">
                                    <thead class="bg-slate-50 text-slate-500 text-left">
                                        <tr>
                                            <th class="px-4 py-2 whitespace-nowrap">
                                                {move || t(customer::NAME)}
                                            </th>
                                            <th class="px-4 py-2 whitespace-nowrap">
                                                {move || t(customer::CODE)}
                                            </th>
                                            <th class="px-4 py-2 whitespace-nowrap">
                                                {move || t(customer::OWNER)}
                                            </th>
                                            <th class="px-4 py-2 whitespace-nowrap">
                                                {move || t(customer::CERTIFICATION)}
                                            </th>
                                            <th class="px-4 py-2 whitespace-nowrap">
                                                {move || t(customer::MEMBER_COUNT)}
                                            </th>
                                            <th class="px-4 py-2 whitespace-nowrap">
                                                {move || t(staff::CREATED_AT)}
                                            </th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p
                                            .items
                                            .into_iter()
                                            .map(|c| {
                                                let ck = cert_text(c.certification);
                                                view! {
                                                    <tr class="company-row border-t border-slate-100">
                                                        <td class="px-4 py-2 whitespace-nowrap">
                                                            <a
                                                                class="text-sky-700 hover:underline"
                                                                href=format!("/admin/customers/{}", c.id)
                                                            >
                                                                {c.name.clone()}
                                                            </a>
                                                        </td>
                                                        <td class="px-4 py-2 font-mono">{c.code.clone()}</td>
                                                        <td class="px-4 py-2 whitespace-nowrap">
                                                            {c.owner_name.clone().unwrap_or_else(|| "—".into())}
                                                        </td>
                                                        <td class="px-4 py-2 whitespace-nowrap">{move || t(ck)}</td>
                                                        <td class="px-4 py-2 whitespace-nowrap">
                                                            {c.member_count}
                                                        </td>
                                                        <td class="px-4 py-2 text-slate-500 whitespace-nowrap">
                                                            {c.created_at.format_shanghai()}
                                                        </td>
                                                    </tr>
                                                }
                                            })
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
