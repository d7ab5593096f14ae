//! The agent's own status (online, busy, offline) in the console's header.

use leptos::prelude::*;
use shipdesk::chat::AgentStatus;

use crate::chat::api::{get_my_status, set_agent_status};
use crate::chat::text as chat;
use crate::components::{action_error, ClientOnly, ErrorBanner};
use crate::i18n::{t, Text};

/// "My status" with its select (in the browser only: an option list is not
/// hydrated), and the error of the last change.
#[component]
pub fn StatusPicker() -> impl IntoView {
    let status = Resource::new(|| (), |_| get_my_status());
    let set_status = Action::new(|s: &AgentStatus| {
        let s = *s;
        async move { set_agent_status(s).await }
    });
    view! {
        <label class="flex items-center gap-2 text-sm">
            {move || t(chat::MY_STATUS)} <ClientOnly>
                <Suspense>
                    {move || Suspend::new(async move {
                        let current = status.await.ok().flatten().map(|a| a.status);
                        let options = [AgentStatus::Online, AgentStatus::Busy, AgentStatus::Offline]
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option value=s.as_str() selected=current == Some(s)>
                                        {t(agent_status_text(s))}
                                    </option>
                                }
                            })
                            .collect_view();
                        view! {
                            <select
                                class="agent-status rounded border border-slate-300 px-2 py-1"
                                on:change=move |e| {
                                    let v = event_target_value(&e);
                                    if let Ok(s) = AgentStatus::parse(&v) {
                                        set_status.dispatch(s);
                                    }
                                }
                            >
                                {options}
                            </select>
                        }
                    })}
                </Suspense>
            </ClientOnly>
        </label>
        <ErrorBanner error=action_error(set_status) all=true />
    }
}

fn agent_status_text(s: AgentStatus) -> Text {
    match s {
        AgentStatus::Online => chat::AGENT_STATUS_ONLINE,
        AgentStatus::Busy => chat::AGENT_STATUS_BUSY,
        AgentStatus::Offline => chat::AGENT_STATUS_OFFLINE,
    }
}
