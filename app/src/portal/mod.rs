//! The landing page and the customers' portals: H5 (phone: the app shell
//! with its tab bar, home, me and orders pages) and the desktop portal (its
//! shell and workbench). Both require a signed-in member, else they redirect
//! to sign-in.

pub mod desk;
mod desk_shell;
pub mod h5;
mod h5_home;
mod h5_shell;
mod tab_bar;
pub mod text;

pub use desk_shell::PortalShell;
pub use h5_home::H5HomePage;
pub use h5_shell::{CurrentMember, H5Header, H5Shell};

use leptos::prelude::*;

use crate::components::text as common;
use crate::components::LangSwitch;
use crate::i18n::t;

#[component]
pub fn Home() -> impl IntoView {
    let cards = [
        ("/admin", common::HOME_ADMIN, common::HOME_ADMIN_DESC),
        ("/h5", common::HOME_H5, common::HOME_H5_DESC),
        ("/portal", common::HOME_PORTAL, common::HOME_PORTAL_DESC),
    ];
    view! {
        <main class="min-h-screen bg-gradient-to-br from-sky-50 to-slate-100 p-6">
            <div class="max-w-4xl mx-auto">
                <div class="flex justify-between items-center">
                    <h1 class="text-3xl font-bold text-sky-800">{move || t(common::APP_NAME)}</h1>
                    <LangSwitch />
                </div>
                <p class="mt-2 text-slate-600">{move || t(common::HOME_TAGLINE)}</p>
                <div class="grid grid-cols-1 md:grid-cols-3 gap-4 mt-8">
                    {cards
                        .into_iter()
                        .map(|(href, title, desc)| {
                            view! {
                                <a
                                    href=href
                                    class="block bg-white rounded-2xl shadow-sm hover:shadow p-5 border border-slate-200"
                                >
                                    <div class="text-lg font-semibold text-slate-800">
                                        {move || t(title)}
                                    </div>
                                    <div class="text-sm text-slate-500 mt-1">{move || t(desc)}</div>
                                </a>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
        </main>
    }
}
