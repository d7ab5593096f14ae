//! `/admin/chat`: the agents' console. Tabs of current, unreplied, queued
//! and past conversations with unread badges; the conversation pane with
//! notes and canned replies; a side panel with the customer and the
//! actions (claim, resolve, re-activate, transfer, take over, release); the
//! agent's own status. Lists refetch on `conversation` events; live
//! messages and read marks update their badges and order in place.

use leptos::prelude::*;
use shipdesk::auth::Role;
use shipdesk::chat::{AgentStatus, AgentTab, ConversationSummary, HistoryFilter};
use shipdesk::Id;

use super::console_list::ListItem;
use super::format::{remember_in_url, role_label};
use super::selected::Selected;
use super::side_panel::SidePanel;
use crate::auth::CurrentStaff;
use crate::chat::api::*;
use crate::chat::client::use_chat;
use crate::chat::live_list::{self, Order};
use crate::chat::text as chat;
use crate::components::text as common;
use crate::components::{action_error, ClientOnly, ErrorBanner};
use crate::i18n::{t, Text};

/// The selected conversation (None: none selected).
pub(super) type Current = LocalResource<Result<Option<ConversationSummary>, shipdesk::AppError>>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Current,
    Unreplied,
    Queue,
    History,
}

impl Tab {
    fn text(self) -> Text {
        match self {
            Tab::Current => chat::TAB_CURRENT,
            Tab::Unreplied => chat::TAB_UNREPLIED,
            Tab::Queue => chat::TAB_QUEUE,
            Tab::History => chat::TAB_HISTORY,
        }
    }
}

#[component]
pub fn ChatConsole() -> impl IntoView {
    let me = use_context::<CurrentStaff>().map(|c| c.0);
    let Some(me) = me.filter(|s| s.has_any(&[Role::Cs, Role::Admin])) else {
        return view! { <p class="text-slate-500">{move || t(common::ERROR_FORBIDDEN)}</p> }
            .into_any();
    };
    let is_admin = me.has(Role::Admin);
    let is_cs = me.has(Role::Cs);
    let my_id = me.id;
    let store = use_chat();
    let tab = RwSignal::new(Tab::Current);
    let role = RwSignal::new(None::<Id>);
    let search = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);
    // `?c=<id>` opens a conversation (the company page's 发起会话 links here).
    let query = leptos_router::hooks::use_query_map();
    let selected =
        RwSignal::new(query.with_untracked(|q| q.get("c").and_then(|c| c.parse::<Id>().ok())));
    Effect::new(move |_| remember_in_url("c", selected.get()));
    let roles = Resource::new(|| (), |_| list_my_desks());
    // The first role is the queue shown by default.
    Effect::new(move |_| {
        if role.get_untracked().is_none() {
            if let Some(Ok(list)) = roles.get() {
                role.set(list.first().map(|r| r.id));
            }
        }
    });
    // The unreplied list may gain a conversation when a customer writes in
    // one an agent had answered: it refetches when that set changes.
    let awaiting = Memo::new(move |_| store.messages.with(live_list::awaiting));
    let list = Resource::new(
        move || {
            (
                tab.get(),
                role.get(),
                search.get(),
                page.get(),
                store.changes.get(),
                (tab.get() == Tab::Unreplied).then(|| awaiting.get()),
            )
        },
        |(tab, role, q, page, _, _)| async move {
            match tab {
                Tab::Current => list_agent_conversations(AgentTab::Current, None.into())
                    .await
                    .map(|l| (l, None)),
                Tab::Unreplied => list_agent_conversations(AgentTab::Unreplied, None.into())
                    .await
                    .map(|l| (l, None)),
                Tab::Queue => match role {
                    Some(r) => list_agent_conversations(AgentTab::Queue, Some(r).into())
                        .await
                        .map(|l| (l, None)),
                    None => Ok((vec![], None)),
                },
                Tab::History => {
                    let filter = HistoryFilter {
                        q: (!q.trim().is_empty()).then(|| q.trim().to_owned()),
                    };
                    list_history(filter, Some(page), Some(20))
                        .await
                        .map(|p| (p.items, Some((p.total, p.page, p.size))))
                }
            }
        },
    );
    let status = Resource::new(|| (), |_| get_my_status());
    let set_status = Action::new(|s: &AgentStatus| {
        let s = *s;
        async move { set_agent_status(s).await }
    });
    let canned = Resource::new(|| (), |_| list_canned_replies());
    let canned_list = Signal::derive(move || {
        canned
            .get()
            .and_then(|r| r.ok())
            .unwrap_or_default()
            .into_iter()
            .map(|c| (c.title, c.body))
            .collect::<Vec<_>>()
    });
    // The selected conversation, fetched once per change for both its pane
    // and its side panel (in the browser: both render there only).
    let current: Current = LocalResource::new(move || {
        let key = selected.get().map(|id| {
            (
                id,
                store
                    .conversations
                    .with(|c| c.get(&id).map(|c| (c.updated_at, c.status))),
            )
        });
        async move {
            match key {
                Some((id, _)) => get_conversation(id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let tabs = [Tab::Current, Tab::Unreplied, Tab::Queue, Tab::History];
    view! {
        <div class="chat-console flex flex-col gap-3 h-[calc(100vh-7rem)] min-h-[480px]">
            <div class="flex flex-wrap items-center gap-3">
                <h1 class="text-xl font-semibold">{move || t(chat::CONSOLE)}</h1>
                {is_admin
                    .then(|| {
                        view! {
                            <a
                                href="/admin/chat/settings"
                                class="chat-settings-link text-sm text-sky-700 hover:underline"
                            >
                                {move || t(chat::SETTINGS)}
                            </a>
                        }
                    })}
                <span class="mr-auto"></span>
                {is_cs
                    .then(|| {
                        view! {
                            <label class="flex items-center gap-2 text-sm">
                                {move || t(chat::MY_STATUS)} <ClientOnly>
                                    <Suspense>
                                        {move || Suspend::new(async move {
                                            let current = status.await.ok().flatten().map(|a| a.status);
                                            let options = [
                                                AgentStatus::Online,
                                                AgentStatus::Busy,
                                                AgentStatus::Offline,
                                            ]
                                                .into_iter()
                                                .map(|s| {
                                                    view! {
                                                        <option value=s.as_str() selected=current == Some(s)>
                                                            {t(agent_status_text(s))}
                                                        </option>
                                                    }
                                                })
                                                .collect_view();
                                            view! {
                                                <select
                                                    class="agent-status rounded border border-slate-300 px-2 py-1"
                                                    on:change=move |e| {
                                                        let v = event_target_value(&e);
                                                        if let Ok(s) = shipdesk::chat::AgentStatus::parse(&v) {
                                                            set_status.dispatch(s);
                                                        }
                                                    }
                                                >
                                                    {options}
                                                </select>
                                            }
                                        })}
                                    </Suspense>
                                </ClientOnly>
                            </label>
                        }
                    })}
                <ErrorBanner error=action_error(set_status) all=true />
            </div>
            <div class="flex-1 min-h-0 grid grid-cols-1 lg:grid-cols-[18rem_1fr_16rem] gap-3">
                <section class="chat-lists flex flex-col min-h-0 bg-white rounded-xl border border-slate-200">
                    <div class="flex border-b border-slate-200 text-sm">
                        {tabs
                            .into_iter()
                            .map(|tb| {
                                view! {
                                    <button
                                        type="button"
                                        class=move || {
                                            format!(
                                                "chat-tab flex-1 py-2 {}",
                                                if tab.get() == tb {
                                                    "border-b-2 border-sky-600 text-sky-700 font-medium"
                                                } else {
                                                    "text-slate-500"
                                                },
                                            )
                                        }
                                        on:click=move |_| {
                                            tab.set(tb);
                                            page.set(1);
                                        }
                                    >
                                        {move || t(tb.text())}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                    {move || {
                        (tab.get() == Tab::Queue)
                            .then(|| {
                                let options = roles
                                    .get()
                                    .and_then(|r| r.ok())
                                    .unwrap_or_default()
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <option
                                                value=r.id.to_string()
                                                selected=role.get_untracked() == Some(r.id)
                                            >
                                                {role_label(&r.name_zh, &r.name_en)}
                                            </option>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <select
                                        class="queue-role m-2 rounded border border-slate-300 px-2 py-1 text-sm"
                                        on:change=move |e| {
                                            role.set(event_target_value(&e).parse().ok())
                                        }
                                    >
                                        {options}
                                    </select>
                                }
                            })
                    }}
                    {move || {
                        (tab.get() == Tab::History)
                            .then(|| {
                                view! {
                                    <form
                                        class="m-2 flex gap-1"
                                        on:submit=move |e| {
                                            e.prevent_default();
                                            page.set(1);
                                        }
                                    >
                                        <input
                                            class="history-search flex-1 rounded border border-slate-300 px-2 py-1 text-sm"
                                            placeholder=move || t(chat::SEARCH_CUSTOMER)
                                            prop:value=move || search.get()
                                            on:change=move |e| {
                                                search.set(event_target_value(&e));
                                                page.set(1);
                                            }
                                        />
                                    </form>
                                }
                            })
                    }}
                    <div class="flex-1 overflow-y-auto">
                        <Transition fallback=|| {
                            view! { <p class="p-3 text-sm text-slate-400">{t(common::LOADING)}</p> }
                        }>
                            {move || {
                                list.get()
                                    .map(|r| match r {
                                        Err(e) => {
                                            view! {
                                                <div class="p-2">
                                                    <ErrorBanner
                                                        error=Signal::derive(move || Some(e.clone()))
                                                        all=true
                                                    />
                                                </div>
                                            }
                                                .into_any()
                                        }
                                        Ok((items, _)) if items.is_empty() => {
                                            view! {
                                                <p class="chat-list-empty p-4 text-center text-sm text-slate-400">
                                                    {move || t(chat::LIST_EMPTY)}
                                                </p>
                                            }
                                                .into_any()
                                        }
                                        Ok((items, paging)) => {
                                            view! {
                                                <ul class="chat-list divide-y divide-slate-100">
                                                    {move || {
                                                        let order = match tab.get_untracked() {
                                                            Tab::Current => Order::Latest,
                                                            Tab::Unreplied => Order::Awaiting,
                                                            _ => Order::Fetched,
                                                        };
                                                        let items = store
                                                            .messages
                                                            .with(|m| {
                                                                store
                                                                    .reads
                                                                    .with(|r| live_list::live(items.clone(), order, m, r))
                                                            });
                                                        items
                                                            .into_iter()
                                                            .map(|s| view! { <ListItem s selected /> })
                                                            .collect_view()
                                                    }}
                                                </ul>
                                                {paging
                                                    .map(|(total, p, size)| {
                                                        let size = i64::from(size.max(1));
                                                        let pages = ((total + size - 1) / size).max(1) as u32;
                                                        view! {
                                                            <div class="flex items-center justify-between p-2 text-xs text-slate-500">
                                                                <button
                                                                    type="button"
                                                                    disabled=move || { p <= 1 }
                                                                    on:click=move |_| page.set(p - 1)
                                                                >
                                                                    {move || t(common::PREV)}
                                                                </button>
                                                                <span>
                                                                    {p}" / "{pages}" · "{t(common::TOTAL)}" "{total}
                                                                </span>
                                                                <button
                                                                    type="button"
                                                                    disabled=move || { p >= pages }
                                                                    on:click=move |_| page.set(p + 1)
                                                                >
                                                                    {move || t(common::NEXT)}
                                                                </button>
                                                            </div>
                                                        }
                                                    })}
                                            }
                                                .into_any()
                                        }
                                    })
                            }}
                        </Transition>
                    </div>
                </section>
                <section class="chat-main min-h-0 bg-white rounded-xl border border-slate-200 overflow-hidden">
                    {move || match selected.get() {
                        None => {
                            view! {
                                <p class="p-6 text-center text-slate-400">
                                    {move || t(chat::PICK_ONE)}
                                </p>
                            }
                                .into_any()
                        }
                        Some(id) => {
                            // Live panes render in the browser only (no hydration).
                            view! {
                                <ClientOnly>
                                    <Selected id my_id is_admin canned=canned_list current />
                                </ClientOnly>
                            }
                                .into_any()
                        }
                    }}
                </section>
                <aside class="chat-side min-h-0 overflow-y-auto bg-white rounded-xl border border-slate-200 p-3 text-sm">
                    {move || match selected.get() {
                        None => {
                            view! { <p class="text-slate-400">{move || t(chat::SIDE_EMPTY)}</p> }
                                .into_any()
                        }
                        Some(id) => {
                            view! {
                                <ClientOnly>
                                    <SidePanel id my_id is_admin selected current />
                                </ClientOnly>
                            }
                                .into_any()
                        }
                    }}
                </aside>
            </div>
        </div>
    }
    .into_any()
}

fn agent_status_text(s: AgentStatus) -> Text {
    match s {
        AgentStatus::Online => chat::AGENT_STATUS_ONLINE,
        AgentStatus::Busy => chat::AGENT_STATUS_BUSY,
        AgentStatus::Offline => chat::AGENT_STATUS_OFFLINE,
    }
}
