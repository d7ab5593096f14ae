//! On a company page: an agent (or admin) starts a conversation with one of
//! its members in a desk they serve.

use leptos::prelude::*;
use shipdesk::Id;

use super::format::desk_label;
use crate::chat::api::{list_my_desks, start_conversation};
use crate::chat::text as chat;
use crate::components::{ClientOnly, ErrorBanner};
use crate::i18n::t;

/// On a company page: an agent (or admin) starts a conversation with one of
/// its members in a desk they serve (seed 000 客服发起会话).
#[component]
pub fn StartChat(members: Vec<(Id, String)>) -> impl IntoView {
    let desks = Resource::new(|| (), |_| list_my_desks());
    let member = RwSignal::new(members.first().map(|m| m.0));
    let desk = RwSignal::new(None::<Id>);
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
        if desk.get_untracked().is_none() {
            if let Some(Ok(list)) = desks.get() {
                desk.set(list.first().map(|r| r.id));
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
                        if let (Some(m), Some(r)) = (member.get_untracked(), desk.get_untracked()) {
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
                                let options = desks
                                    .await
                                    .unwrap_or_default()
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <option value=r
                                                .id
                                                .to_string()>{desk_label(&r.name_zh, &r.name_en)}</option>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <select
                                        class=select
                                        on:change=move |e| {
                                            desk.set(event_target_value(&e).parse().ok())
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
