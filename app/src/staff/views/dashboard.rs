//! `/admin`: the staff member's landing page, with each role's own work:
//! an agent's open conversations and their desks' queues, a salesperson's
//! customers, and (admins) the developer section with API tokens.

use leptos::prelude::*;
use shipdesk::auth::Role;
use shipdesk::chat::{AgentTab, ConversationSummary};
use shipdesk::customer::{Company, CompanyFilter};
use shipdesk::Page;

use super::role_text;
use super::tokens::ApiTokens;
use crate::auth::CurrentStaff;
use crate::chat::api::{list_agent_conversations, list_my_desks};
use crate::components::text as common;
use crate::components::{ClientOnly, Empty, ErrorBanner, Loaded, LoadedList};
use crate::customer::api::list_companies;
use crate::i18n::{lang, t};
use crate::staff::text as staff_text;

#[component]
pub fn Dashboard() -> impl IntoView {
    let staff = use_context::<CurrentStaff>().map(|c| c.0);
    let name = staff.as_ref().map(|s| s.name.clone()).unwrap_or_default();
    let roles = staff.as_ref().map(|s| s.roles.clone()).unwrap_or_default();
    let has = |r: Role| staff.as_ref().is_some_and(|s| s.has(r));
    let (cs, sales, admin) = (has(Role::Cs), has(Role::Sales), has(Role::Admin));
    view! {
        <h1 class="text-2xl font-semibold whitespace-nowrap">
            {move || staff_text::dashboard_welcome(&name)}
        </h1>
        <p class="mt-4 text-slate-600">
            {move || staff_text::dashboard_roles()}
            {roles
                .iter()
                .map(|r| {
                    let k = role_text(*r);
                    view! {
                        <span class="inline-block mr-2 rounded bg-sky-100 text-sky-800 px-2 py-0.5 text-sm">
                            {move || t(k)}
                        </span>
                    }
                })
                .collect_view()}
        </p>
        <div class="mt-6 grid gap-4 lg:grid-cols-2">
            // One block: two sibling blocks with a space between them do not hydrate.
            {(cs.then(|| view! { <CsWork /> }), sales.then(|| view! { <SalesWork /> }))}
        </div>
        {(!cs && !sales && !admin)
            .then(|| {
                view! { <p class="mt-2 text-slate-500">{move || t(staff_text::DASHBOARD_HINT)}</p> }
            })}
        {admin
            .then(|| {
                view! {
                    <section class="dash-developer mt-8">
                        <h2 class="text-lg font-semibold">
                            {move || t(staff_text::DASH_DEVELOPER)}
                        </h2>
                        <ApiTokens />
                    </section>
                }
            })}
    }
}

/// A card of the dashboard with a title and a link to where the work is.
#[component]
fn Card(
    class: &'static str,
    title: crate::i18n::Text,
    href: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class=format!("{class} rounded-xl border border-slate-200 bg-white p-4")>
            <div class="flex items-center justify-between mb-2">
                <h2 class="font-semibold">{move || t(title)}</h2>
                <a href=href class="text-sm text-sky-700 hover:underline">
                    {move || t(staff_text::DASH_OPEN)}
                </a>
            </div>
            {children()}
        </section>
    }
}

/// An agent's open conversations (unread first) and their desks' queues.
#[component]
fn CsWork() -> impl IntoView {
    let mine = Resource::new(
        || (),
        |_| list_agent_conversations(AgentTab::Current, None.into()),
    );
    view! {
        <Card class="dash-cs" title=staff_text::DASH_MY_CONVERSATIONS href="/admin/chat">
            <LoadedList
                resource=mine
                empty=staff_text::DASH_NO_CONVERSATIONS
                children={|list: Vec<ConversationSummary>| {
                    view! {
                        <p class="dash-count text-sm text-slate-600 mb-1">
                            {staff_text::dash_open_count(list.len())}
                        </p>
                        <ul class="divide-y divide-slate-100">
                            {list
                                .into_iter()
                                .take(5)
                                .map(|s| {
                                    view! {
                                        <li class="py-1.5 flex items-center gap-2 text-sm">
                                            <a
                                                class="flex-1 truncate text-sky-700 hover:underline"
                                                href=format!("/admin/chat?c={}", s.conversation.id)
                                            >
                                                {s.member_name.clone()}
                                                " · "
                                                {s.company_name.clone()}
                                            </a>
                                            {(s.unread > 0)
                                                .then(|| {
                                                    view! {
                                                        <span class="unread-badge rounded-full bg-red-500 text-white text-xs px-2">
                                                            {s.unread}
                                                        </span>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                }}
            />
            <h3 class="mt-3 text-sm text-slate-500">{move || t(staff_text::DASH_QUEUES)}</h3>
            // In the browser only: one request per desk, not worth holding the page for.
            <ClientOnly>
                <QueueCounts />
            </ClientOnly>
        </Card>
    }
}

/// A salesperson's customers (the companies they own), newest first.
#[component]
fn SalesWork() -> impl IntoView {
    let companies = Resource::new(
        || (),
        |_| list_companies(CompanyFilter::default(), Some(1), Some(5)),
    );
    view! {
        <Card class="dash-sales" title=staff_text::DASH_MY_CUSTOMERS href="/admin/customers">
            <Loaded
                resource=companies
                children={|p: Page<Company>| {
                    if p.items.is_empty() {
                        return view! { <Empty text=staff_text::DASH_NO_CUSTOMERS /> }.into_any();
                    }
                    view! {
                        <p class="dash-count text-sm text-slate-600 mb-1">
                            {common::total(p.total, p.capped)}
                        </p>
                        <ul class="divide-y divide-slate-100">
                            {p
                                .items
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <li class="py-1.5 text-sm">
                                            <a
                                                class="text-sky-700 hover:underline"
                                                href=format!("/admin/customers/{}", c.id)
                                            >
                                                {c.name.clone()}
                                            </a>
                                            <span class="ml-2 text-slate-400">
                                                {c.contact_name.clone()}
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            />
        </Card>
    }
}

/// How many wait in each of the agent's desks' queues.
#[component]
fn QueueCounts() -> impl IntoView {
    let queues = LocalResource::new(|| async move {
        let mut out = vec![];
        for d in list_my_desks().await? {
            let n = list_agent_conversations(AgentTab::Queue, Some(d.id).into())
                .await?
                .len();
            let name = match lang() {
                shipdesk::auth::Lang::Zh => d.name_zh,
                shipdesk::auth::Lang::En => d.name_en,
            };
            out.push((name, n));
        }
        Ok::<_, shipdesk::AppError>(out)
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match queues.await {
                    Err(e) => {
                        view! {
                            <ErrorBanner error=Signal::derive(move || Some(e.clone())) all=true />
                        }
                            .into_any()
                    }
                    Ok(list) if list.is_empty() => {
                        view! { <Empty text=staff_text::DASH_NO_DESKS /> }.into_any()
                    }
                    Ok(list) => {
                        view! {
                            <ul class="dash-queues flex flex-wrap gap-2 mt-1">
                                {list
                                    .into_iter()
                                    .map(|(name, n)| {
                                        view! {
                                            <li class="rounded bg-slate-100 px-2 py-0.5 text-sm">
                                                {staff_text::dash_queue(&name, n)}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}
