//! The side panel's transfer: to another agent of the conversation's desk
//! (with their load) or to another desk, with a note for whoever takes it.

use leptos::prelude::*;
use shipdesk::chat::{AgentLoad, Conversation, Desk, TransferTo};
use shipdesk::{AppError, Id};

use super::console::Current;
use super::format::desk_label;
use crate::chat::api::{list_desk_agents, list_desks, transfer_conversation};
use crate::chat::client::use_chat;
use crate::chat::text as chat;
use crate::components::{action_error, ClientOnly, ErrorBanner};
use crate::i18n::t;

/// The agents of the conversation's desk, all desks, and that desk.
type Targets = LocalResource<Result<(Vec<AgentLoad>, Vec<Desk>, Id), AppError>>;

/// A transfer's state. It lives with the side panel, not the form: the form
/// is drawn again on every change of the conversation, the targets are
/// fetched only when its desk changes.
#[derive(Clone, Copy)]
pub struct Transfer {
    targets: Targets,
    /// "a:<staff id>" or "r:<desk id>".
    to: RwSignal<String>,
    note: RwSignal<String>,
    action: Action<(TransferTo, String), Result<Conversation, AppError>>,
}

impl Transfer {
    /// For conversation `id`; once it is transferred, agents (not admins)
    /// lose it from `selected`.
    pub fn new(id: Id, current: Current, is_admin: bool, selected: RwSignal<Option<Id>>) -> Self {
        let store = use_chat();
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
                Ok::<_, AppError>((agents, desks, desk))
            }
        });
        let action = Action::new(move |(to, note): &(TransferTo, String)| {
            let (to, note) = (to.clone(), note.clone());
            async move { transfer_conversation(id, to, Some(note)).await }
        });
        Effect::new(move |_| {
            if let Some(Ok(conv)) = action.value().get() {
                store.changed(conv);
                if !is_admin {
                    selected.set(None);
                }
            }
        });
        Transfer {
            targets,
            to: RwSignal::new(String::new()),
            note: RwSignal::new(String::new()),
            action,
        }
    }

    fn target(&self) -> Option<TransferTo> {
        let to = self.to.get_untracked();
        match to.split_once(':') {
            Some(("a", n)) => n.parse().ok().map(TransferTo::Agent),
            Some(("r", n)) => n.parse().ok().map(TransferTo::Desk),
            _ => None,
        }
    }
}

/// The transfer form (the viewer, `my_id`, is not offered as a target).
#[component]
pub fn TransferForm(transfer: Transfer, my_id: Id) -> impl IntoView {
    let Transfer {
        to, note, action, ..
    } = transfer;
    view! {
        <form
            class="chat-transfer space-y-2 border-t border-slate-200 pt-3"
            on:submit=move |e| {
                e.prevent_default();
                if let Some(target) = transfer.target() {
                    action.dispatch((target, note.get_untracked()));
                }
            }
        >
            <div class="text-xs text-slate-400">{move || t(chat::TRANSFER)}</div>
            <ClientOnly>
                <TargetSelect targets=transfer.targets to my_id />
            </ClientOnly>
            <input
                class="w-full rounded border border-slate-300 px-2 py-1"
                maxlength="500"
                placeholder=move || t(chat::TRANSFER_NOTE)
                on:input=move |e| note.set(event_target_value(&e))
            />
            <button
                type="submit"
                class="rounded border border-slate-300 px-3 py-1"
                disabled=move || to.get().is_empty()
            >
                {move || t(chat::TRANSFER)}
            </button>
            <ErrorBanner error=action_error(action) all=true />
        </form>
    }
}

/// Agents (name · open/cap) and the other desks, once loaded.
#[component]
fn TargetSelect(targets: Targets, to: RwSignal<String>, my_id: Id) -> impl IntoView {
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let (agents, desks, here) = targets.await.unwrap_or_default();
                let agents = agents
                    .into_iter()
                    .filter(|a| a.staff_id != my_id)
                    .map(|a| {
                        view! {
                            <option value=format!(
                                "a:{}",
                                a.staff_id,
                            )>
                                {format!("{} · {}/{}", a.name, a.open_count, a.max_concurrent)}
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
                            )>{desk_label(&r.name_zh, &r.name_en)}</option>
                        }
                    })
                    .collect_view();
                view! {
                    <select
                        class="transfer-to w-full rounded border border-slate-300 px-2 py-1"
                        on:change=move |e| to.set(event_target_value(&e))
                    >
                        <option value="">{t(chat::PICK_TARGET)}</option>
                        <optgroup label=t(chat::TO_AGENT)>{agents}</optgroup>
                        <optgroup label=t(chat::TO_DESK)>{desks}</optgroup>
                    </select>
                }
            })}
        </Suspense>
    }
}
