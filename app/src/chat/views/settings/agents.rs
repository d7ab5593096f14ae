//! The supervisors' board of agents.

use leptos::prelude::*;
use shipdesk::auth::{Role, StaffFilter};
use shipdesk::chat::{AgentStatus, Desk};
use shipdesk::Id;

use super::name_of;
use crate::chat::api::{list_all_agents, set_agent_desks};
use crate::chat::text as chat;
use crate::components::text as common;
use crate::components::ErrorBanner;
use crate::i18n::t;
use crate::staff::api::list_staff;
use crate::staff::text as staff_text;

/// The supervisors' board: every cs staff member, their status and load,
/// and the desks they serve with their cap (editable).
#[component]
pub fn Agents(
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
