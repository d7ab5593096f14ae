//! The console's right column: the selected conversation's customer and
//! company, and what the agent may do with it (claim, resolve, re-activate,
//! take over, release, transfer).

use leptos::prelude::*;
use shipdesk::chat::{ConversationStatus, TransferTo};
use shipdesk::Id;

use super::console::Current;
use super::format::{role_label, status_text};
use crate::chat::api::*;
use crate::chat::client::use_chat;
use crate::chat::text as chat;
use crate::components::{action_error, ClientOnly, ErrorBanner};
use crate::i18n::t;
use crate::staff::text as staff;

/// What the side panel's buttons do to the selected conversation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ConsoleAction {
    Claim,
    Resolve,
    Reactivate,
    TakeOver,
    Release,
}

/// The side panel of the selected conversation.
#[component]
pub fn SidePanel(
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
