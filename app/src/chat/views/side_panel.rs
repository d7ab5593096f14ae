//! The console's right column: the selected conversation's customer and
//! company, and what the agent may do with it (claim, resolve, re-activate,
//! take over, release, transfer); in its 查价 tab, quotes for the customer
//! sent as cards; in its 订单 tab, the customer company's orders sent as
//! cards.

use leptos::prelude::*;
use shipdesk::chat::{Conversation, ConversationStatus, ConversationSummary};
use shipdesk::{AppError, Id};

use super::console::Current;
use super::format::{desk_label, status_text};
use super::order_tab::OrderTab;
use super::quote_tab::QuoteTab;
use super::transfer_form::{Transfer, TransferForm};
use crate::chat::api::*;
use crate::chat::client::use_chat;
use crate::chat::text as chat;
use crate::components::{action_error, ErrorBanner};
use crate::i18n::{t, Text};
use crate::staff::text as staff;

/// The side panel's tabs beside 客户 (the customer, the default).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SideTab {
    /// 查价: quotes for the customer.
    Quote,
    /// 订单: the customer company's orders.
    Orders,
}

/// The conversation whose side panel shows a tab other than 客户, and which.
pub type OpenTab = RwSignal<Option<(Id, SideTab)>>;

/// What the side panel's buttons do to the selected conversation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ConsoleAction {
    Claim,
    Resolve,
    Reactivate,
    TakeOver,
    Release,
}

type Act = Action<ConsoleAction, Result<Conversation, AppError>>;

/// The side panel of the selected conversation `id` (`current` once loaded).
#[component]
pub fn SidePanel(
    id: Id,
    my_id: Id,
    is_admin: bool,
    selected: RwSignal<Option<Id>>,
    current: Current,
    /// The conversation whose 查价 or 订单 tab is open (the console widens
    /// the panel for it).
    tab: OpenTab,
) -> impl IntoView {
    let store = use_chat();
    let act: Act = Action::new(move |what: &ConsoleAction| {
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
    let transfer = Transfer::new(id, current, is_admin, selected);
    Effect::new(move |_| {
        if let Some(Ok(conv)) = act.value().get() {
            store.changed(conv);
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
                        let c = &s.conversation;
                        let mine = c.assignee_staff_id == Some(my_id);
                        let open = c.status == ConversationStatus::Open;
                        let status = c.status;
                        let company_id = c.company_id;
                        let writes = open && (mine || is_admin);
                        let info = move || {
                            // Quotes go into a conversation its agent (or an admin) may write to.
                            view! {
                                <CustomerInfo s=s.clone() />
                                <ActionButtons act status mine is_admin />
                                {writes.then(|| view! { <TransferForm transfer my_id /> })}
                            }
                        };
                        view! {
                            <div class="space-y-3">
                                {writes.then(|| view! { <Tabs id tab /> })}
                                {move || match tab.get().filter(|(c, _)| writes && *c == id) {
                                    Some((_, SideTab::Quote)) => {
                                        view! { <QuoteTab conv=id company_id /> }.into_any()
                                    }
                                    Some((_, SideTab::Orders)) => {
                                        view! { <OrderTab conv=id company_id=Some(company_id) /> }
                                            .into_any()
                                    }
                                    None => info().into_any(),
                                }}
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// 客户 | 查价 | 订单: what the panel shows.
#[component]
fn Tabs(id: Id, tab: OpenTab) -> impl IntoView {
    let shown = move || tab.get().filter(|(c, _)| *c == id).map(|(_, t)| t);
    let button = move |which: Option<SideTab>, class: &'static str, label: Text| {
        view! {
            <button
                type="button"
                class=move || {
                    let state = if shown() == which {
                        "border-sky-600 text-sky-700 font-medium"
                    } else {
                        "border-transparent text-slate-500"
                    };
                    format!("{class} flex-1 border-b-2 px-2 py-1 {state}")
                }
                on:click=move |_| tab.set(which.map(|t| (id, t)))
            >
                {move || t(label)}
            </button>
        }
    };
    view! {
        <div class="side-tabs flex border-b border-slate-200" role="tablist">
            {button(None, "side-tab-customer", chat::TAB_CUSTOMER)}
            {button(Some(SideTab::Quote), "side-tab-quote", chat::TAB_QUOTE)}
            {button(Some(SideTab::Orders), "side-tab-orders", chat::TAB_ORDERS)}
        </div>
    }
}

/// The customer, their company (a link to its page), the desk, status and
/// assignee.
#[component]
fn CustomerInfo(s: ConversationSummary) -> impl IntoView {
    let c = s.conversation.clone();
    let desk = desk_label(&s.desk_name_zh, &s.desk_name_en);
    view! {
        <div>
            <div class="text-xs text-slate-400">{move || t(chat::CUSTOMER)}</div>
            <div class="side-member font-semibold">{s.member_name.clone()}</div>
            <div class="side-phone text-slate-600">{s.member_phone.clone()}</div>
        </div>
        <div>
            <div class="text-xs text-slate-400">{move || t(chat::COMPANY)}</div>
            <a
                class="side-company text-sky-700 hover:underline"
                href=format!("/admin/customers/{}", c.company_id)
            >
                {s.company_name.clone()}
            </a>
        </div>
        <div class="grid grid-cols-2 gap-2">
            <div>
                <div class="text-xs text-slate-400">{move || t(chat::DESK)}</div>
                {desk}
            </div>
            <div>
                <div class="text-xs text-slate-400">{move || t(staff::STATUS)}</div>
                <span class="side-status">{move || t(status_text(c.status))}</span>
            </div>
            <div class="col-span-2">
                <div class="text-xs text-slate-400">{move || t(chat::ASSIGNEE)}</div>
                {s.assignee_name.clone().unwrap_or_else(|| "—".into())}
            </div>
        </div>
    }
}

/// The actions the viewer may take on a conversation in `status` (`mine`:
/// assigned to them), and the error of the last one.
#[component]
fn ActionButtons(
    act: Act,
    status: ConversationStatus,
    mine: bool,
    is_admin: bool,
) -> impl IntoView {
    let queued = status == ConversationStatus::Queued;
    let open = status == ConversationStatus::Open;
    let resolved = status == ConversationStatus::Resolved;
    let button = move |class: &'static str, what: ConsoleAction, label: Text| {
        view! {
            <button
                type="button"
                class=class
                on:click=move |_| {
                    act.dispatch(what);
                }
            >
                {move || t(label)}
            </button>
        }
    };
    view! {
        <div class="flex flex-wrap gap-2">
            {queued
                .then(|| {
                    button(
                        "chat-claim rounded bg-sky-600 text-white px-3 py-1",
                        ConsoleAction::Claim,
                        chat::CLAIM,
                    )
                })}
            {(open && (mine || is_admin))
                .then(|| {
                    button(
                        "chat-resolve rounded bg-emerald-600 text-white px-3 py-1",
                        ConsoleAction::Resolve,
                        chat::RESOLVE,
                    )
                })}
            {resolved
                .then(|| {
                    button(
                        "chat-reactivate rounded border border-slate-300 px-3 py-1",
                        ConsoleAction::Reactivate,
                        chat::REACTIVATE,
                    )
                })}
            {(is_admin && !resolved && !mine)
                .then(|| {
                    button(
                        "chat-take-over rounded border border-amber-400 text-amber-700 px-3 py-1",
                        ConsoleAction::TakeOver,
                        chat::TAKE_OVER,
                    )
                })}
            {(is_admin && open && mine)
                .then(|| {
                    button(
                        "chat-release rounded border border-slate-300 px-3 py-1",
                        ConsoleAction::Release,
                        chat::RELEASE,
                    )
                })}
        </div>
        <ErrorBanner error=action_error(act) all=true />
    }
}
