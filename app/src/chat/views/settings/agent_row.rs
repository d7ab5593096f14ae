//! One agent on the supervisors' board: status, load, the desks they serve
//! (checkboxes) and their cap, saved together.

use leptos::prelude::*;
use shipdesk::auth::Staff;
use shipdesk::chat::{AgentSetup, AgentStatus, Desk};
use shipdesk::Id;

use crate::chat::text as chat;
use crate::chat::views::format::desk_label;
use crate::components::text as common;
use crate::i18n::t;

/// Saves (staff, desks, cap).
pub type Save = Action<(Id, Vec<Id>, i64), Result<(), shipdesk::AppError>>;

/// The row of `s`, with their `setup` if they have one (none: no desks, a
/// cap of 5); `desks`: all desks.
#[component]
pub fn AgentRow(
    s: Staff,
    setup: Option<AgentSetup>,
    desks: Vec<Desk>,
    save: Save,
) -> impl IntoView {
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
        .map(|a| format!("{}/{}", a.load.open_count, a.load.max_concurrent))
        .unwrap_or_else(|| "—".into());
    let id = s.id;
    view! {
        <tr class="agent-row border-t border-slate-100">
            <td class="py-2">{s.name.clone()}</td>
            <td>
                {match status {
                    Some(AgentStatus::Online) => {
                        view! {
                            <span class="text-emerald-700">{t(chat::AGENT_STATUS_ONLINE)}</span>
                        }
                            .into_any()
                    }
                    Some(AgentStatus::Busy) => {
                        view! { <span class="text-amber-700">{t(chat::AGENT_STATUS_BUSY)}</span> }
                            .into_any()
                    }
                    _ => {
                        view! {
                            <span class="text-slate-400">{t(chat::AGENT_STATUS_OFFLINE)}</span>
                        }
                            .into_any()
                    }
                }}
            </td>
            <td class="agent-load">{load}</td>
            <td>
                <div class="flex flex-wrap gap-2">
                    {desks
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
                                    {desk_label(&r.name_zh, &r.name_en)}
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
}
