//! `/h5/chat` and `/portal/chat`: the customer's chat. Choose a service
//! desk, talk, see earlier conversations; `?c=<id>` keeps the open one
//! across a reload.

use leptos::prelude::*;
use shipdesk::chat::{ConversationSummary, SenderKind};
use shipdesk::{AppError, Id};

use super::format::{desk_name, remember_in_url};
use super::member_picker::Picker;
use super::pane::ConversationPane;
use super::serving_line::ServingLine;
use crate::auth::MemberGuard;
use crate::chat::api::{list_desks, list_my_conversations, open_conversation};
use crate::chat::client::use_chat;
use crate::chat::text as chat;
use crate::components::text as common;
use crate::components::{ClientOnly, LangSwitch};
use crate::i18n::t;

/// `/h5/chat` and `/portal/chat`: the customer's chat.
#[component]
pub fn MemberChatPage(mobile: bool) -> impl IntoView {
    let login = if mobile { "/h5/login" } else { "/portal/login" };
    view! { <MemberGuard login=login page=move |_m| view! { <MemberChat mobile /> } /> }
}

#[component]
fn MemberChat(mobile: bool) -> impl IntoView {
    let store = use_chat();
    let desks = Resource::new(|| (), |_| list_desks());
    let refresh = RwSignal::new(0u32);
    // Refetched on every conversation change (assigned, resolved…): the
    // open conversation's line says who serves it.
    let mine = Resource::new(
        move || (refresh.get(), store.changes.get()),
        |_| list_my_conversations(),
    );
    // `?c=<id>`: the open conversation survives a reload.
    let query = leptos_router::hooks::use_query_map();
    let current_id =
        RwSignal::new(query.with_untracked(|q| q.get("c").and_then(|c| c.parse::<Id>().ok())));
    Effect::new(move |_| remember_in_url("c", current_id.get()));
    let current = Memo::new(move |_| {
        let id = current_id.get()?;
        mine.get()
            .and_then(|r| r.ok())?
            .into_iter()
            .find(|s| s.conversation.id == id)
    });
    let open = Action::new(move |desk: &Id| {
        let desk = *desk;
        async move { open_conversation(desk.into()).await }
    });
    // An id the list does not hold (another's, or gone) falls back to the
    // picker; one just opened waits for the list's next fetch.
    Effect::new(move |_| {
        let Some(Ok(list)) = mine.get() else { return };
        let Some(id) = current_id.get_untracked() else {
            return;
        };
        let just_opened = open
            .value()
            .get_untracked()
            .and_then(|r| r.ok())
            .is_some_and(|c| c.id == id);
        if !just_opened && !list.iter().any(|s| s.conversation.id == id) {
            current_id.set(None);
        }
    });
    let shown = Memo::new(move |_| current.get().map(|s| s.conversation.id));
    Effect::new(move |_| {
        if let Some(Ok(conv)) = open.value().get() {
            current_id.set(Some(conv.id));
            refresh.update(|n| *n += 1);
        }
    });
    let restart = Callback::new(move |_| {
        if let Some(s) = current.get_untracked() {
            open.dispatch(s.conversation.desk_id);
        }
    });
    let width = if mobile { "max-w-md" } else { "max-w-4xl" };
    let back = if mobile { "/h5" } else { "/portal" };
    view! {
        <div class=format!("member-chat h-screen flex flex-col mx-auto bg-white {width}")>
            <Header back mine shown current current_id />
            <Transition fallback=|| {
                view! { <p class="p-4 text-slate-400 text-sm">{t(common::LOADING)}</p> }
            }>
                // The list is read here, not only through `current`: a Suspense
                // waits for the resources read inside it, and a memo's reads are
                // its own (the server would render before the list came).
                // Read with `try_`: a request dropped mid-render (the browser
                // reloading) disposes them while the stream still polls.
                {move || match mine.try_with_untracked(|_| shown.try_get().flatten()).flatten() {
                    Some(_) => view! { <ServingLine current /> }.into_any(),
                    None => view! { <Picker desks mine open current_id /> }.into_any(),
                }}
            </Transition>
            // The pane lives outside the Transition, which draws its content
            // again whenever the list is fetched again (a conversation event):
            // the open pane, its draft and its scroll stay until the id changes.
            <ClientOnly>
                {move || {
                    shown
                        .get()
                        .map(|id| {
                            let seed = current.get_untracked().map(|s| s.conversation);
                            view! {
                                <div class="flex-1 min-h-0">
                                    <ConversationPane
                                        conversation_id=id
                                        side=SenderKind::Member
                                        seed=seed.expect("shown implies current")
                                        on_restart=restart
                                        mobile
                                    />
                                </div>
                            }
                        })
                }}
            </ClientOnly>
        </div>
    }
}

/// The header: back (to the list when a conversation is open, else out of
/// the chat), the title with the open conversation's desk, the language.
#[component]
fn Header(
    back: &'static str,
    mine: Resource<Result<Vec<ConversationSummary>, AppError>>,
    shown: Memo<Option<Id>>,
    current: Memo<Option<ConversationSummary>>,
    current_id: RwSignal<Option<Id>>,
) -> impl IntoView {
    view! {
        <header class="bg-sky-600 text-white px-4 py-3 flex items-center gap-3 shrink-0">
            // Inside a Transition: what it shows depends on the list, which
            // the server renders before the page hydrates.
            <Transition fallback=move || {
                view! {
                    <a href=back class="text-lg">
                        "‹"
                    </a>
                }
            }>
                {move || match mine.with_untracked(|_| shown.get()) {
                    Some(_) => {
                        view! {
                            <button
                                type="button"
                                class="chat-back text-lg"
                                on:click=move |_| current_id.set(None)
                            >
                                "‹"
                            </button>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <a href=back class="text-lg">
                                "‹"
                            </a>
                        }
                            .into_any()
                    }
                }}
            </Transition>
            <h1 class="flex-1 font-semibold truncate">
                <Transition fallback=move || t(
                    chat::TITLE,
                )>
                    {move || match mine.with_untracked(|_| current.get()) {
                        Some(s) => format!("{} · {}", t(chat::TITLE), desk_name(&s)),
                        None => t(chat::TITLE).to_owned(),
                    }}
                </Transition>
            </h1>
            <LangSwitch />
        </header>
    }
}
