//! `/admin/chat/settings` (admins): the service desks customers choose
//! from, canned replies, and the supervisors' board of agents (status, load,
//! the desks they serve with what cap).

use leptos::prelude::*;

use crate::chat::api::list_desks;
use crate::chat::text as chat;
use crate::i18n::t;

mod agent_row;
mod agents;
mod canned;
mod desks;

use agents::Agents;
use canned::Canned;
use desks::Desks;

#[component]
pub fn ChatSettingsPage() -> impl IntoView {
    let version = RwSignal::new(0u32);
    let desks = Resource::new(move || version.get(), |_| list_desks());
    view! {
        <div class="flex items-center gap-4">
            <h1 class="text-xl font-semibold">{move || t(chat::SETTINGS)}</h1>
            <a href="/admin/chat" class="text-sm text-sky-700 hover:underline">
                {move || t(chat::CONSOLE)}
            </a>
        </div>
        <div class="grid grid-cols-1 xl:grid-cols-2 gap-4 mt-4">
            <Desks desks version />
            <Canned desks />
        </div>
        <Agents desks version />
    }
}
