//! The console's left column: the tabs (current, unreplied, queue,
//! history), the queue's desk, the history's search and pages, and the
//! list of the chosen tab. Lists refetch on conversation changes; live
//! messages and read marks reorder them and move their badges in place.

use leptos::prelude::*;
use shipdesk::chat::{AgentTab, ConversationSummary, Desk, HistoryFilter};
use shipdesk::{AppError, Id};

use super::console_list::ConversationList;
use super::format::desk_label;
use crate::chat::api::{list_agent_conversations, list_history, list_my_desks};
use crate::chat::client::use_chat;
use crate::chat::live_list::{self, Order};
use crate::chat::text as chat;
use crate::components::text as common;
use crate::components::ErrorBanner;
use crate::i18n::{t, Text};

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

/// A tab's conversations, and for the history its (total, page, size).
type Listed = (Vec<ConversationSummary>, Option<(i64, u32, u32)>);

/// The lists column; a click on a conversation puts it in `selected`.
#[component]
pub fn ChatLists(selected: RwSignal<Option<Id>>) -> impl IntoView {
    let store = use_chat();
    let tab = RwSignal::new(Tab::Current);
    let desk = RwSignal::new(None::<Id>);
    let search = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);
    let desks = Resource::new(|| (), |_| list_my_desks());
    // The first desk is the queue shown by default.
    Effect::new(move |_| {
        if desk.get_untracked().is_none() {
            if let Some(Ok(list)) = desks.get() {
                desk.set(list.first().map(|r| r.id));
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
                desk.get(),
                search.get(),
                page.get(),
                store.changes.get(),
                (tab.get() == Tab::Unreplied).then(|| awaiting.get()),
            )
        },
        |(tab, desk, q, page, _, _)| load(tab, desk, q, page),
    );
    let order = Signal::derive(move || match tab.get() {
        Tab::Current => Order::Latest,
        Tab::Unreplied => Order::Awaiting,
        _ => Order::Fetched,
    });
    view! {
        <section class="chat-lists flex flex-col min-h-0 bg-white rounded-xl border border-slate-200">
            <Tabs tab page />
            {move || (tab.get() == Tab::Queue).then(|| view! { <QueueDesk desks desk /> })}
            {move || (tab.get() == Tab::History).then(|| view! { <HistorySearch search page /> })}
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
                                        <ConversationList items order selected />
                                        {paging
                                            .map(|(total, p, size)| {
                                                view! { <HistoryPager total p size page /> }
                                            })}
                                    }
                                        .into_any()
                                }
                            })
                    }}
                </Transition>
            </div>
        </section>
    }
}

/// The conversations of `tab` (`desk`: the queue's desk; `q` and `page`:
/// the history's search and page).
async fn load(tab: Tab, desk: Option<Id>, q: String, page: u32) -> Result<Listed, AppError> {
    match tab {
        Tab::Current => list_agent_conversations(AgentTab::Current, None.into())
            .await
            .map(|l| (l, None)),
        Tab::Unreplied => list_agent_conversations(AgentTab::Unreplied, None.into())
            .await
            .map(|l| (l, None)),
        Tab::Queue => match desk {
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
}

/// The four tabs; choosing one goes back to the first page.
#[component]
fn Tabs(tab: RwSignal<Tab>, page: RwSignal<u32>) -> impl IntoView {
    let tabs = [Tab::Current, Tab::Unreplied, Tab::Queue, Tab::History];
    view! {
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
    }
}

/// The queue tab's desk (one of the agent's), drawn again once they load.
#[component]
fn QueueDesk(
    desks: Resource<Result<Vec<Desk>, AppError>>,
    desk: RwSignal<Option<Id>>,
) -> impl IntoView {
    move || {
        let options = desks
            .get()
            .and_then(|r| r.ok())
            .unwrap_or_default()
            .into_iter()
            .map(|r| {
                view! {
                    <option value=r.id.to_string() selected=desk.get_untracked() == Some(r.id)>
                        {desk_label(&r.name_zh, &r.name_en)}
                    </option>
                }
            })
            .collect_view();
        view! {
            <select
                class="queue-role m-2 rounded border border-slate-300 px-2 py-1 text-sm"
                on:change=move |e| { desk.set(event_target_value(&e).parse().ok()) }
            >
                {options}
            </select>
        }
    }
}

/// The history tab's search by customer name or phone.
#[component]
fn HistorySearch(search: RwSignal<String>, page: RwSignal<u32>) -> impl IntoView {
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
}

/// The history's pages: previous, "page / pages · total", next.
#[component]
fn HistoryPager(total: i64, p: u32, size: u32, page: RwSignal<u32>) -> impl IntoView {
    let size = i64::from(size.max(1));
    let pages = ((total + size - 1) / size).max(1) as u32;
    view! {
        <div class="flex items-center justify-between p-2 text-xs text-slate-500">
            <button type="button" disabled=move || { p <= 1 } on:click=move |_| page.set(p - 1)>
                {move || t(common::PREV)}
            </button>
            <span>{p}" / "{pages}" · "{t(common::TOTAL)}" "{total}</span>
            <button type="button" disabled=move || { p >= pages } on:click=move |_| page.set(p + 1)>
                {move || t(common::NEXT)}
            </button>
        </div>
    }
}
