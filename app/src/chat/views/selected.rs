//! The console's middle column: the selected conversation's pane.

use leptos::prelude::*;
use shipdesk::chat::{ConversationStatus, SenderKind};
use shipdesk::Id;

use super::console::Current;
use super::pane::ConversationPane;
use crate::chat::api::reactivate_conversation;
use crate::chat::client::use_chat;
use crate::components::text as common;
use crate::components::{action_error, ErrorBanner};
use crate::i18n::t;

/// The pane of the selected conversation; writable when it is the caller's.
#[component]
pub fn Selected(
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
            store.changed(conv);
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
