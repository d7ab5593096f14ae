//! `/admin/chat`: the agents' console. Tabs of current, unreplied, queued
//! and past conversations with unread badges; the conversation pane with
//! notes and canned replies; a side panel with the customer and the
//! actions (claim, resolve, re-activate, transfer, take over, release); the
//! agent's own status. Lists refetch on `conversation` events; live
//! messages and read marks update their badges and order in place.

use leptos::prelude::*;
use shipdesk::auth::Role;
use shipdesk::chat::{
    AgentStatus, AgentTab, ConversationStatus, ConversationSummary, HistoryFilter, SenderKind,
    TransferTo,
};
use shipdesk::Id;

use super::api::*;
use super::client::use_chat;
use super::live_list::{self, Order};
use super::views::{remember_in_url, status_text, ConversationPane};
use crate::auth::CurrentStaff;
use crate::chat::text as chat;
use crate::components::text as common;
use crate::components::{action_error, ClientOnly, ErrorBanner};
use crate::i18n::{lang, t, Text};
use crate::staff::text as staff;

/// The selected conversation (None: none selected).
type Current = LocalResource<Result<Option<ConversationSummary>, shipdesk::AppError>>;

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

/// What the side panel's buttons do to the selected conversation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ConsoleAction {
    Claim,
    Resolve,
    Reactivate,
    TakeOver,
    Release,
}

fn role_label(zh: &str, en: &str) -> String {
    match lang() {
        shipdesk::auth::Lang::Zh => zh.to_owned(),
        shipdesk::auth::Lang::En => en.to_owned(),
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

#[component]
fn ListItem(s: ConversationSummary, selected: RwSignal<Option<Id>>) -> impl IntoView {
    let id = s.conversation.id;
    let unread = s.unread;
    let status = s.conversation.status;
    let role = role_label(&s.desk_name_zh, &s.desk_name_en);
    view! {
        <li>
            <button
                type="button"
                class=move || {
                    format!(
                        "chat-item w-full text-left px-3 py-2 hover:bg-slate-50 {}",
                        if selected.get() == Some(id) { "bg-sky-50" } else { "" },
                    )
                }
                on:click=move |_| selected.set(Some(id))
            >
                <div class="flex items-center gap-2">
                    <span class="font-medium truncate flex-1">{s.member_name.clone()}</span>
                    {(unread > 0)
                        .then(|| {
                            view! {
                                <span class="unread-badge rounded-full bg-red-500 text-white text-xs px-2">
                                    {unread}
                                </span>
                            }
                        })}
                </div>
                <div class="text-xs text-slate-500 truncate">
                    {s.company_name.clone()}" · "{role}" · "{move || t(status_text(status))}
                </div>
            </button>
        </li>
    }
}

/// The pane of the selected conversation; writable when it is the caller's.
#[component]
fn Selected(
    id: Id,
    my_id: Id,
    is_admin: bool,
    canned: Signal<Vec<(String, String)>>,
    current: Current,
) -> impl IntoView {
    let store = use_chat();
    // The ended pane's button: re-activate, as the side panel offers.
    let reactivate = Action::new(move |_: &()| reactivate_conversation(id));
    Effect::new(move |_| {
        if let Some(Ok(conv)) = reactivate.value().get() {
            store.conversations.update(|c| {
                c.insert(conv.id, conv);
            });
            store.changes.update(|n| *n += 1);
        }
    });
    view! {
        <ErrorBanner error=action_error(reactivate) all=true />
        <Suspense fallback=|| {
            view! { <p class="p-3 text-slate-400">{t(common::LOADING)}</p> }
        }>
            {move || Suspend::new(async move {
                match current.await {
                    Err(e) => {
                        view! {
                            <div class="p-3">
                                <ErrorBanner
                                    error=Signal::derive(move || Some(e.clone()))
                                    all=true
                                />
                            </div>
                        }
                            .into_any()
                    }
                    Ok(s) => {
                        let Some(s) = s.filter(|s| s.conversation.id == id) else {
                            return ().into_any();
                        };
                        let c = s.conversation.clone();
                        let writable = c.status != ConversationStatus::Resolved
                            && (c.assignee_staff_id == Some(my_id) || is_admin);
                        view! {
                            <ConversationPane
                                conversation_id=id
                                side=SenderKind::Staff
                                notes=true
                                canned=canned
                                writable=writable
                                seed=c
                                on_restart=Callback::new(move |_| {
                                    reactivate.dispatch(());
                                })
                            />
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn SidePanel(
    id: Id,
    my_id: Id,
    is_admin: bool,
    selected: RwSignal<Option<Id>>,
    current: Current,
) -> impl IntoView {
    let store = use_chat();
    let act = Action::new(move |what: &ConsoleAction| {
        let what = *what;
        async move {
            match what {
                ConsoleAction::Claim => claim_conversation(id).await,
                ConsoleAction::Resolve => resolve_conversation(id).await,
                ConsoleAction::Reactivate => reactivate_conversation(id).await,
                ConsoleAction::TakeOver => take_over_conversation(id).await,
                ConsoleAction::Release => release_conversation(id).await,
            }
        }
    });
    // Where it may be transferred: the agents of its desk and the other
    // desks (fetched when its desk is known, not on every change).
    let desk = Memo::new(move |_| {
        current
            .get()
            .and_then(|r| r.ok())
            .flatten()
            .filter(|s| s.conversation.id == id)
            .map(|s| s.conversation.desk_id)
    });
    let targets = LocalResource::new(move || {
        let desk = desk.get();
        async move {
            let Some(desk) = desk else {
                return Ok((vec![], vec![], 0));
            };
            let agents = list_desk_agents(desk.into()).await?;
            let desks = list_desks().await?;
            Ok::<_, shipdesk::AppError>((agents, desks, desk))
        }
    });
    // "a:<staff id>" or "r:<desk id>".
    let transfer_to = RwSignal::new(String::new());
    let transfer_note = RwSignal::new(String::new());
    let transfer = Action::new(move |(to, note): &(TransferTo, String)| {
        let (to, note) = (to.clone(), note.clone());
        async move { transfer_conversation(id, to, Some(note)).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(conv)) = act.value().get() {
            store.conversations.update(|c| {
                c.insert(conv.id, conv);
            });
            store.changes.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(conv)) = transfer.value().get() {
            store.conversations.update(|c| {
                c.insert(conv.id, conv);
            });
            store.changes.update(|n| *n += 1);
            if !is_admin {
                selected.set(None);
            }
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match current.await {
                    Err(e) => {
                        view! {
                            <ErrorBanner error=Signal::derive(move || Some(e.clone())) all=true />
                        }
                            .into_any()
                    }
                    Ok(s) => {
                        let Some(s) = s.filter(|s| s.conversation.id == id) else {
                            return ().into_any();
                        };
                        let c = s.conversation.clone();
                        let mine = c.assignee_staff_id == Some(my_id);
                        let queued = c.status == ConversationStatus::Queued;
                        let open = c.status == ConversationStatus::Open;
                        let resolved = c.status == ConversationStatus::Resolved;
                        let role = role_label(&s.desk_name_zh, &s.desk_name_en);
                        view! {
                            <div class="space-y-3">
                                <div>
                                    <div class="text-xs text-slate-400">
                                        {move || t(chat::CUSTOMER)}
                                    </div>
                                    <div class="side-member font-semibold">
                                        {s.member_name.clone()}
                                    </div>
                                    <div class="side-phone text-slate-600">
                                        {s.member_phone.clone()}
                                    </div>
                                </div>
                                <div>
                                    <div class="text-xs text-slate-400">
                                        {move || t(chat::COMPANY)}
                                    </div>
                                    <a
                                        class="side-company text-sky-700 hover:underline"
                                        href=format!("/admin/customers/{}", c.company_id)
                                    >
                                        {s.company_name.clone()}
                                    </a>
                                </div>
                                <div class="grid grid-cols-2 gap-2">
                                    <div>
                                        <div class="text-xs text-slate-400">
                                            {move || t(chat::ROLE)}
                                        </div>
                                        {role}
                                    </div>
                                    <div>
                                        <div class="text-xs text-slate-400">
                                            {move || t(staff::STATUS)}
                                        </div>
                                        <span class="side-status">
                                            {move || t(status_text(c.status))}
                                        </span>
                                    </div>
                                    <div class="col-span-2">
                                        <div class="text-xs text-slate-400">
                                            {move || t(chat::ASSIGNEE)}
                                        </div>
                                        {s.assignee_name.clone().unwrap_or_else(|| "—".into())}
                                    </div>
                                </div>
                                <div class="flex flex-wrap gap-2">
                                    {queued
                                        .then(|| {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="chat-claim rounded bg-sky-600 text-white px-3 py-1"
                                                    on:click=move |_| {
                                                        act.dispatch(ConsoleAction::Claim);
                                                    }
                                                >
                                                    {move || t(chat::CLAIM)}
                                                </button>
                                            }
                                        })}
                                    {(open && (mine || is_admin))
                                        .then(|| {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="chat-resolve rounded bg-emerald-600 text-white px-3 py-1"
                                                    on:click=move |_| {
                                                        act.dispatch(ConsoleAction::Resolve);
                                                    }
                                                >
                                                    {move || t(chat::RESOLVE)}
                                                </button>
                                            }
                                        })}
                                    {resolved
                                        .then(|| {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="chat-reactivate rounded border border-slate-300 px-3 py-1"
                                                    on:click=move |_| {
                                                        act.dispatch(ConsoleAction::Reactivate);
                                                    }
                                                >
                                                    {move || t(chat::REACTIVATE)}
                                                </button>
                                            }
                                        })}
                                    {(is_admin && !resolved && !mine)
                                        .then(|| {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="chat-take-over rounded border border-amber-400 text-amber-700 px-3 py-1"
                                                    on:click=move |_| {
                                                        act.dispatch(ConsoleAction::TakeOver);
                                                    }
                                                >
                                                    {move || t(chat::TAKE_OVER)}
                                                </button>
                                            }
                                        })}
                                    {(is_admin && open && mine)
                                        .then(|| {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="chat-release rounded border border-slate-300 px-3 py-1"
                                                    on:click=move |_| {
                                                        act.dispatch(ConsoleAction::Release);
                                                    }
                                                >
                                                    {move || t(chat::RELEASE)}
                                                </button>
                                            }
                                        })}
                                </div>
                                <ErrorBanner error=action_error(act) all=true />
                                {(open && (mine || is_admin))
                                    .then(|| {
                                        view! {
                                            <form
                                                class="chat-transfer space-y-2 border-t border-slate-200 pt-3"
                                                on:submit=move |e| {
                                                    e.prevent_default();
                                                    let to = transfer_to.get_untracked();
                                                    let target = match to.split_once(':') {
                                                        Some(("a", n)) => n.parse().ok().map(TransferTo::Agent),
                                                        Some(("r", n)) => n.parse().ok().map(TransferTo::Desk),
                                                        _ => None,
                                                    };
                                                    if let Some(target) = target {
                                                        transfer.dispatch((target, transfer_note.get_untracked()));
                                                    }
                                                }
                                            >
                                                <div class="text-xs text-slate-400">
                                                    {move || t(chat::TRANSFER)}
                                                </div>
                                                <ClientOnly>
                                                    <Suspense>
                                                        {move || Suspend::new(async move {
                                                            let (agents, desks, here) = targets
                                                                .await
                                                                .unwrap_or_default();
                                                            let agents = agents
                                                                .into_iter()
                                                                .filter(|a| a.staff_id != my_id)
                                                                .map(|a| {
                                                                    view! {
                                                                        <option value=format!(
                                                                            "a:{}",
                                                                            a.staff_id,
                                                                        )>
                                                                            {format!(
                                                                                "{} · {}/{}",
                                                                                a.name,
                                                                                a.open_count,
                                                                                a.max_concurrent,
                                                                            )}
                                                                        </option>
                                                                    }
                                                                })
                                                                .collect_view();
                                                            let desks = desks
                                                                .into_iter()
                                                                .filter(|r| r.id != here)
                                                                .map(|r| {
                                                                    view! {
                                                                        <option value=format!(
                                                                            "r:{}",
                                                                            r.id,
                                                                        )>{role_label(&r.name_zh, &r.name_en)}</option>
                                                                    }
                                                                })
                                                                .collect_view();
                                                            view! {
                                                                <select
                                                                    class="transfer-to w-full rounded border border-slate-300 px-2 py-1"
                                                                    on:change=move |e| transfer_to.set(event_target_value(&e))
                                                                >
                                                                    <option value="">{t(chat::PICK_TARGET)}</option>
                                                                    <optgroup label=t(chat::TO_AGENT)>{agents}</optgroup>
                                                                    <optgroup label=t(chat::TO_DESK)>{desks}</optgroup>
                                                                </select>
                                                            }
                                                        })}
                                                    </Suspense>
                                                </ClientOnly>
                                                <input
                                                    class="w-full rounded border border-slate-300 px-2 py-1"
                                                    maxlength="500"
                                                    placeholder=move || t(chat::TRANSFER_NOTE)
                                                    on:input=move |e| transfer_note.set(event_target_value(&e))
                                                />
                                                <button
                                                    type="submit"
                                                    class="rounded border border-slate-300 px-3 py-1"
                                                    disabled=move || transfer_to.get().is_empty()
                                                >
                                                    {move || t(chat::TRANSFER)}
                                                </button>
                                                <ErrorBanner error=action_error(transfer) all=true />
                                            </form>
                                        }
                                    })}
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// On a company page: an agent (or admin) starts a conversation with one of
/// its members in a desk they serve (seed 000 客服发起会话).
#[component]
pub fn StartChat(members: Vec<(Id, String)>) -> impl IntoView {
    let roles = Resource::new(|| (), |_| list_my_desks());
    let member = RwSignal::new(members.first().map(|m| m.0));
    let role = RwSignal::new(None::<Id>);
    let start = Action::new(|(m, r): &(Id, Id)| {
        let (m, r) = (*m, *r);
        async move { start_conversation(m, r.into()).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(conv)) = start.value().get() {
            crate::components::go(&format!("/admin/chat?c={}", conv.id));
        }
    });
    Effect::new(move |_| {
        if role.get_untracked().is_none() {
            if let Some(Ok(list)) = roles.get() {
                role.set(list.first().map(|r| r.id));
            }
        }
    });
    let select = "rounded border border-slate-300 px-2 py-1 text-sm";
    view! {
        <section class="start-chat bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold mb-2">{move || t(chat::START_WITH)}</h2>
            <ClientOnly>
                <form
                    class="flex flex-wrap gap-2"
                    on:submit=move |e| {
                        e.prevent_default();
                        if let (Some(m), Some(r)) = (member.get_untracked(), role.get_untracked()) {
                            start.dispatch((m, r));
                        }
                    }
                >
                    <select
                        class=select
                        on:change=move |e| member.set(event_target_value(&e).parse().ok())
                    >
                        {members
                            .clone()
                            .into_iter()
                            .map(|(id, name)| {
                                view! { <option value=id.to_string()>{name}</option> }
                            })
                            .collect_view()}
                    </select>
                    <ClientOnly>
                        <Suspense>
                            {move || Suspend::new(async move {
                                let options = roles
                                    .await
                                    .unwrap_or_default()
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <option value=r
                                                .id
                                                .to_string()>{role_label(&r.name_zh, &r.name_en)}</option>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <select
                                        class=select
                                        on:change=move |e| {
                                            role.set(event_target_value(&e).parse().ok())
                                        }
                                    >
                                        {options}
                                    </select>
                                }
                            })}
                        </Suspense>
                    </ClientOnly>
                    <button
                        type="submit"
                        class="start-chat-btn rounded bg-sky-600 text-white px-3 py-1 disabled:opacity-50"
                        disabled=move || start.pending().get()
                    >
                        {move || t(chat::START_STAFF)}
                    </button>
                </form>
            </ClientOnly>
            {move || {
                start
                    .value()
                    .get()
                    .and_then(|r| r.err())
                    .map(|e| {
                        view! {
                            <div class="mt-2">
                                <ErrorBanner
                                    error=Signal::derive(move || Some(e.clone()))
                                    all=true
                                />
                            </div>
                        }
                    })
            }}
        </section>
    }
}
