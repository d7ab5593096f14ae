//! The supervisors' board of agents: every cs staff member, one row each.

use leptos::prelude::*;
use shipdesk::auth::{Role, StaffFilter};
use shipdesk::chat::Desk;
use shipdesk::Id;

use super::agent_row::{AgentRow, Save};
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
    desks: Resource<Result<Vec<Desk>, shipdesk::AppError>>,
    version: RwSignal<u32>,
) -> impl IntoView {
    let save: Save = Action::new(|(staff, desks, cap): &(Id, Vec<Id>, i64)| {
        let (staff, desks, cap) = (*staff, desks.clone(), *cap);
        async move { set_agent_desks(staff, desks.into(), cap).await }
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
                    let (Some(staff), Some(board), Some(desks)) = (
                        cs_staff.get(),
                        board.get(),
                        desks.get(),
                    ) else {
                        return view! { <p class="text-sm text-slate-400">{t(common::LOADING)}</p> }
                            .into_any();
                    };
                    let (staff, board, desks) = match (staff, board, desks) {
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
                                        view! { <AgentRow s setup desks=desks.clone() save /> }
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
