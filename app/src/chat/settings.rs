//! `/admin/chat/settings` (admins): the service desks (CS roles) customers
//! choose from, which agents serve them with what cap, the supervisors'
//! board of agents with status and load, and canned replies.

use leptos::prelude::*;
use shipdesk::auth::{Role, StaffFilter};
use shipdesk::chat::{AgentStatus, CannedReplyForCreate, Desk, DeskForCreate};
use shipdesk::Id;

use super::api::*;
use crate::chat::text as chat;
use crate::components::text as common;
use crate::components::{ClientOnly, ErrorBanner};
use crate::i18n::{lang, t};
use crate::staff::api::list_staff;
use crate::staff::text as staff_text;

fn name_of(r: &Desk) -> String {
    match lang() {
        shipdesk::auth::Lang::Zh => r.name_zh.clone(),
        shipdesk::auth::Lang::En => r.name_en.clone(),
    }
}

#[component]
pub fn ChatSettingsPage() -> impl IntoView {
    let version = RwSignal::new(0u32);
    let roles = Resource::new(move || version.get(), |_| list_desks());
    view! {
        <div class="flex items-center gap-4">
            <h1 class="text-xl font-semibold">{move || t(chat::SETTINGS)}</h1>
            <a href="/admin/chat" class="text-sm text-sky-700 hover:underline">
                {move || t(chat::CONSOLE)}
            </a>
        </div>
        <div class="grid grid-cols-1 xl:grid-cols-2 gap-4 mt-4">
            <Roles roles version />
            <Canned roles />
        </div>
        <Agents roles version />
    }
}

#[component]
fn Roles(
    roles: Resource<Result<Vec<Desk>, shipdesk::AppError>>,
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
                    roles
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

#[component]
fn Canned(roles: Resource<Result<Vec<Desk>, shipdesk::AppError>>) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let role = RwSignal::new(None::<Id>);
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
                            desk_id: role.get_untracked(),
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
                                let options = roles
                                    .await
                                    .unwrap_or_default()
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <option value=r.id.to_string()>{name_of(&r)}</option>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <select
                                        class=input
                                        on:change=move |e| {
                                            role.set(event_target_value(&e).parse().ok())
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

/// The supervisors' board: every cs staff member, their status and load,
/// and the desks they serve with their cap (editable).
#[component]
fn Agents(
    roles: Resource<Result<Vec<Desk>, shipdesk::AppError>>,
    version: RwSignal<u32>,
) -> impl IntoView {
    let save = Action::new(|(staff, roles, cap): &(Id, Vec<Id>, i64)| {
        let (staff, roles, cap) = (*staff, roles.clone(), *cap);
        async move { set_agent_desks(staff, roles.into(), cap).await }
    });
    let cs_staff = Resource::new(
        || (),
        |_| {
            list_staff(
                StaffFilter {
                    q: None,
                    role: Some(Role::Cs.as_str().to_owned()),
                },
                Some(1),
                Some(100),
            )
        },
    );
    let board = Resource::new(
        move || (version.get(), save.version().get()),
        |_| list_all_agents(),
    );
    view! {
        <section class="agents-board mt-4 bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold">{move || t(chat::AGENTS_BOARD)}</h2>
            {move || {
                save.value()
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
            <Transition fallback=|| {
                view! { <p class="text-sm text-slate-400">{t(common::LOADING)}</p> }
            }>
                {move || {
                    let (Some(staff), Some(board), Some(roles)) = (
                        cs_staff.get(),
                        board.get(),
                        roles.get(),
                    ) else {
                        return view! { <p class="text-sm text-slate-400">{t(common::LOADING)}</p> }
                            .into_any();
                    };
                    let (staff, board, roles) = match (staff, board, roles) {
                        (Ok(s), Ok(b), Ok(r)) => (s.items, b, r),
                        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                            return view! {
                                <ErrorBanner
                                    error=Signal::derive(move || Some(e.clone()))
                                    all=true
                                />
                            }
                                .into_any();
                        }
                    };
                    if staff.is_empty() {
                        return view! {
                            <p class="text-sm text-slate-400 mt-2">{t(chat::NO_CS_STAFF)}</p>
                        }
                            .into_any();
                    }
                    view! {
                        <table class="mt-2 w-full text-sm">
                            <thead class="text-left text-slate-400">
                                <tr>
                                    <th class="py-1">{t(staff_text::NAME)}</th>
                                    <th>{t(chat::AGENT_STATUS)}</th>
                                    <th>{t(chat::LOAD)}</th>
                                    <th>{t(chat::DESKS)}</th>
                                    <th>{t(chat::CAP)}</th>
                                    <th></th>
                                </tr>
                            </thead>
                            <tbody>
                                {staff
                                    .into_iter()
                                    .map(|s| {
                                        let setup = board
                                            .iter()
                                            .find(|a| a.load.staff_id == s.id)
                                            .cloned();
                                        let chosen = RwSignal::new(
                                            setup
                                                .as_ref()
                                                .map(|a| a.desk_ids.clone())
                                                .unwrap_or_default(),
                                        );
                                        let cap = RwSignal::new(
                                            setup
                                                .as_ref()
                                                .map(|a| a.load.max_concurrent)
                                                .unwrap_or(5)
                                                .to_string(),
                                        );
                                        let status = setup.as_ref().map(|a| a.load.status);
                                        let load = setup
                                            .as_ref()
                                            .map(|a| {
                                                format!("{}/{}", a.load.open_count, a.load.max_concurrent)
                                            })
                                            .unwrap_or_else(|| "—".into());
                                        let id = s.id;
                                        let roles = roles.clone();
                                        view! {
                                            <tr class="agent-row border-t border-slate-100">
                                                <td class="py-2">{s.name.clone()}</td>
                                                <td>
                                                    {match status {
                                                        Some(AgentStatus::Online) => {
                                                            view! {
                                                                <span class="text-emerald-700">
                                                                    {t(chat::AGENT_STATUS_ONLINE)}
                                                                </span>
                                                            }
                                                                .into_any()
                                                        }
                                                        Some(AgentStatus::Busy) => {
                                                            view! {
                                                                <span class="text-amber-700">
                                                                    {t(chat::AGENT_STATUS_BUSY)}
                                                                </span>
                                                            }
                                                                .into_any()
                                                        }
                                                        _ => {
                                                            view! {
                                                                <span class="text-slate-400">
                                                                    {t(chat::AGENT_STATUS_OFFLINE)}
                                                                </span>
                                                            }
                                                                .into_any()
                                                        }
                                                    }}
                                                </td>
                                                <td class="agent-load">{load}</td>
                                                <td>
                                                    <div class="flex flex-wrap gap-2">
                                                        {roles
                                                            .into_iter()
                                                            .map(|r| {
                                                                let rid = r.id;
                                                                view! {
                                                                    <label class="flex items-center gap-1">
                                                                        <input
                                                                            type="checkbox"
                                                                            prop:checked=move || chosen.get().contains(&rid)
                                                                            on:change=move |e| {
                                                                                let on = event_target_checked(&e);
                                                                                chosen
                                                                                    .update(|l| {
                                                                                        l.retain(|x| *x != rid);
                                                                                        if on {
                                                                                            l.push(rid);
                                                                                        }
                                                                                    });
                                                                            }
                                                                        />
                                                                        {name_of(&r)}
                                                                    </label>
                                                                }
                                                            })
                                                            .collect_view()}
                                                    </div>
                                                </td>
                                                <td>
                                                    <input
                                                        class="w-16 rounded border border-slate-300 px-1"
                                                        type="number"
                                                        min="1"
                                                        max="50"
                                                        prop:value=move || cap.get()
                                                        on:input=move |e| cap.set(event_target_value(&e))
                                                    />
                                                </td>
                                                <td>
                                                    <button
                                                        type="button"
                                                        class="agent-save rounded border border-slate-300 px-2"
                                                        on:click=move |_| {
                                                            save.dispatch((
                                                                id,
                                                                chosen.get_untracked(),
                                                                cap.get_untracked().trim().parse().unwrap_or(0),
                                                            ));
                                                        }
                                                    >
                                                        {t(common::SAVE)}
                                                    </button>
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }}
            </Transition>
        </section>
    }
}
