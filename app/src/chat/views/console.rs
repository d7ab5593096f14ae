//! `/admin/chat`: the agents' console. Tabs of current, unreplied, queued
//! and past conversations with unread badges; the conversation pane with
//! notes and canned replies; a side panel with the customer and the
//! actions (claim, resolve, re-activate, transfer, take over, release); the
//! agent's own status. Lists refetch on `conversation` events; live
//! messages and read marks update their badges and order in place.

use leptos::prelude::*;
use shipdesk::auth::Role;
use shipdesk::chat::ConversationSummary;
use shipdesk::Id;

use super::console_lists::ChatLists;
use super::format::remember_in_url;
use super::selected::Selected;
use super::side_panel::{SidePanel, SideTab};
use super::status_picker::StatusPicker;
use crate::auth::CurrentStaff;
use crate::chat::api::{get_conversation, list_canned_replies};
use crate::chat::client::{use_chat, ChatStore};
use crate::chat::text as chat;
use crate::components::text as common;
use crate::components::ClientOnly;
use crate::i18n::t;

/// The selected conversation (None: none selected).
pub(super) type Current = LocalResource<Result<Option<ConversationSummary>, shipdesk::AppError>>;

/// The console for agents and admins (others see "forbidden").
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
    // `?c=<id>` opens a conversation (the company page's 发起会话 links here).
    let query = leptos_router::hooks::use_query_map();
    let selected =
        RwSignal::new(query.with_untracked(|q| q.get("c").and_then(|c| c.parse::<Id>().ok())));
    Effect::new(move |_| remember_in_url("c", selected.get()));
    let canned = canned_replies();
    let current = selected_conversation(store, selected);
    // The conversation whose side panel shows its 查价 or 订单 tab
    // (another one opens on its customer).
    let tab = RwSignal::new(None::<(Id, SideTab)>);
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
                {is_cs.then(|| view! { <StatusPicker /> })}
            </div>
            <div class=move || {
                let wide = tab.get().is_some_and(|(c, _)| Some(c) == selected.get());
                let cols = if wide {
                    "lg:grid-cols-[16rem_1fr_26rem]"
                } else {
                    "lg:grid-cols-[18rem_1fr_16rem]"
                };
                format!("flex-1 min-h-0 grid grid-cols-1 {cols} gap-3")
            }>
                <ChatLists selected />
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
                                    <Selected id my_id is_admin canned current />
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
                                    <SidePanel id my_id is_admin selected current tab />
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

/// The canned replies offered above the composer, as (title, body).
fn canned_replies() -> Signal<Vec<(String, String)>> {
    let canned = Resource::new(|| (), |_| list_canned_replies());
    Signal::derive(move || {
        canned
            .get()
            .and_then(|r| r.ok())
            .unwrap_or_default()
            .into_iter()
            .map(|c| (c.title, c.body))
            .collect::<Vec<_>>()
    })
}

/// The selected conversation, fetched once per change for both its pane
/// and its side panel (in the browser: both render there only).
fn selected_conversation(store: ChatStore, selected: RwSignal<Option<Id>>) -> Current {
    LocalResource::new(move || {
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
    })
}
