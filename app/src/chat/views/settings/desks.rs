//! The service desks: the list and the form that adds one.

use leptos::prelude::*;
use shipdesk::chat::{Desk, DeskForCreate};

use crate::chat::api::create_desk;
use crate::chat::text as chat;
use crate::components::text as common;
use crate::components::ErrorBanner;
use crate::i18n::t;

/// The desks customers choose from, and a form to add one.
#[component]
pub fn Desks(
    desks: Resource<Result<Vec<Desk>, shipdesk::AppError>>,
    version: RwSignal<u32>,
) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let zh = RwSignal::new(String::new());
    let en = RwSignal::new(String::new());
    let minutes = RwSignal::new(String::new());
    let create = Action::new(|i: &DeskForCreate| {
        let i = i.clone();
        async move { create_desk(i).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = create.value().get() {
            version.update(|v| *v += 1);
            for s in [code, zh, en, minutes] {
                s.set(String::new());
            }
        }
    });
    let input = "rounded border border-slate-300 px-2 py-1 text-sm";
    view! {
        <section class="cs-roles bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold">{move || t(chat::DESKS)}</h2>
            <Transition fallback=|| ()>
                {move || {
                    desks
                        .get()
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
                            Ok(list) if list.is_empty() => {
                                view! {
                                    <p class="text-sm text-slate-400 mt-2">{t(common::EMPTY)}</p>
                                }
                                    .into_any()
                            }
                            Ok(list) => {
                                view! {
                                    <ul class="mt-2 divide-y divide-slate-100 text-sm">
                                        {list
                                            .into_iter()
                                            .map(|r| {
                                                view! {
                                                    <li class="cs-role py-2 flex gap-3">
                                                        <span class="font-medium">
                                                            {r.name_zh.clone()}" / "{r.name_en.clone()}
                                                        </span>
                                                        <code class="text-slate-400">{r.code.clone()}</code>
                                                        <span class="ml-auto text-slate-500">
                                                            {match r.reassign_after_minutes {
                                                                Some(m) => chat::reassign_after(m),
                                                                None => t(chat::NO_REASSIGN).to_owned(),
                                                            }}
                                                        </span>
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
                class="mt-3 grid grid-cols-2 gap-2"
                on:submit=move |e| {
                    e.prevent_default();
                    create
                        .dispatch(DeskForCreate {
                            code: code.get_untracked(),
                            name_zh: zh.get_untracked(),
                            name_en: en.get_untracked(),
                            reassign_after_minutes: minutes.get_untracked().trim().parse().ok(),
                        });
                }
            >
                <input
                    class=input
                    placeholder=move || t(chat::DESK_CODE)
                    prop:value=move || code.get()
                    on:input=move |e| code.set(event_target_value(&e))
                />
                <input
                    class=input
                    placeholder=move || t(chat::DESK_ZH)
                    prop:value=move || zh.get()
                    on:input=move |e| zh.set(event_target_value(&e))
                />
                <input
                    class=input
                    placeholder=move || t(chat::DESK_EN)
                    prop:value=move || en.get()
                    on:input=move |e| en.set(event_target_value(&e))
                />
                <input
                    class=input
                    type="number"
                    min="1"
                    max="1440"
                    placeholder=move || t(chat::REASSIGN_MINUTES)
                    prop:value=move || minutes.get()
                    on:input=move |e| minutes.set(event_target_value(&e))
                />
                <button
                    type="submit"
                    class="col-span-2 rounded bg-sky-600 text-white px-3 py-1 disabled:opacity-50"
                    disabled=move || create.pending().get()
                >
                    {move || t(chat::ADD_DESK)}
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
