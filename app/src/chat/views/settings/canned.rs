//! Canned replies: the list, delete, and the form that adds one (for all
//! desks or one).

use leptos::prelude::*;
use shipdesk::chat::{CannedReplyForCreate, Desk};
use shipdesk::Id;

use crate::chat::api::{create_canned_reply, delete_canned_reply, list_canned_replies};
use crate::chat::text as chat;
use crate::chat::views::format::desk_label;
use crate::components::text as common;
use crate::components::{ClientOnly, ErrorBanner};
use crate::i18n::t;

/// The canned replies agents pick from above the composer.
#[component]
pub fn Canned(desks: Resource<Result<Vec<Desk>, shipdesk::AppError>>) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let desk = RwSignal::new(None::<Id>);
    let create = Action::new(|i: &CannedReplyForCreate| {
        let i = i.clone();
        async move { create_canned_reply(i).await }
    });
    let delete = Action::new(|id: &Id| {
        let id = *id;
        async move { delete_canned_reply(id).await }
    });
    let list = Resource::new(
        move || (create.version().get(), delete.version().get()),
        |_| list_canned_replies(),
    );
    Effect::new(move |_| {
        if let Some(Ok(_)) = create.value().get() {
            title.set(String::new());
            body.set(String::new());
        }
    });
    let input = "rounded border border-slate-300 px-2 py-1 text-sm";
    view! {
        <section class="canned-replies bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold">{move || t(chat::CANNED)}</h2>
            <Transition fallback=|| ()>
                {move || {
                    list.get()
                        .map(|r| match r {
                            Err(e) => {
                                view! {
                                    <ErrorBanner
                                        error=Signal::derive(move || Some(e.clone()))
                                        all=true
                                    />
                                }
                                    .into_any()
                            }
                            Ok(items) if items.is_empty() => {
                                view! {
                                    <p class="text-sm text-slate-400 mt-2">{t(common::EMPTY)}</p>
                                }
                                    .into_any()
                            }
                            Ok(items) => {
                                view! {
                                    <ul class="mt-2 divide-y divide-slate-100 text-sm">
                                        {items
                                            .into_iter()
                                            .map(|c| {
                                                let id = c.id;
                                                view! {
                                                    <li class="canned py-2 flex gap-3 items-start">
                                                        <span class="font-medium shrink-0">{c.title.clone()}</span>
                                                        <span class="flex-1 text-slate-600">{c.body.clone()}</span>
                                                        <button
                                                            type="button"
                                                            class="text-red-600 shrink-0"
                                                            on:click=move |_| {
                                                                delete.dispatch(id);
                                                            }
                                                        >
                                                            {move || t(chat::DELETE)}
                                                        </button>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Transition>
            <form
                class="mt-3 space-y-2"
                on:submit=move |e| {
                    e.prevent_default();
                    create
                        .dispatch(CannedReplyForCreate {
                            desk_id: desk.get_untracked(),
                            title: title.get_untracked(),
                            body: body.get_untracked(),
                        });
                }
            >
                <div class="flex gap-2">
                    <input
                        class=format!("{input} w-32")
                        maxlength="40"
                        placeholder=move || t(chat::CANNED_TITLE)
                        prop:value=move || title.get()
                        on:input=move |e| title.set(event_target_value(&e))
                    />
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
                                        class=input
                                        on:change=move |e| {
                                            desk.set(event_target_value(&e).parse().ok())
                                        }
                                    >
                                        <option value="">{t(chat::ALL_DESKS)}</option>
                                        {options}
                                    </select>
                                }
                            })}
                        </Suspense>
                    </ClientOnly>
                </div>
                <textarea
                    class=format!("{input} w-full")
                    rows="2"
                    maxlength="5000"
                    placeholder=move || t(chat::CANNED_BODY)
                    prop:value=move || body.get()
                    on:input=move |e| body.set(event_target_value(&e))
                ></textarea>
                <button
                    type="submit"
                    class="rounded bg-sky-600 text-white px-3 py-1 disabled:opacity-50"
                    disabled=move || create.pending().get()
                >
                    {move || t(chat::ADD_CANNED)}
                </button>
            </form>
            {move || {
                create
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
