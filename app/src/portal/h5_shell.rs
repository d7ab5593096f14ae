//! The H5 app shell: for a signed-in member (else to sign-in with
//! `?next=`), the page above the bottom tab bar. The page's content keeps
//! clear of the bar and of the phone's safe area.

use leptos::prelude::*;
use leptos_router::components::Outlet;
use shipdesk::auth::Member;

use super::tab_bar::TabBar;
use crate::auth::MemberGuard;

/// The signed-in member, for the pages inside a portal shell.
#[derive(Clone)]
pub struct CurrentMember(pub Member);

#[component]
pub fn H5Shell() -> impl IntoView {
    view! {
        <MemberGuard
            login="/h5/login"
            page=|m| {
                provide_context(CurrentMember(m));
                view! {
                    <div
                        class="h5 min-h-screen bg-slate-50 max-w-md mx-auto"
                        style="padding-bottom: calc(4rem + env(safe-area-inset-bottom))"
                    >
                        <Outlet />
                    </div>
                    <TabBar />
                }
            }
        />
    }
}

/// The title bar of an H5 page, with the language switch.
#[component]
pub fn H5Header(
    title: crate::i18n::Text,
    #[prop(optional_no_strip)] back: Option<&'static str>,
) -> impl IntoView {
    view! {
        <header class="sticky top-0 z-20 bg-sky-600 text-white px-4 py-3 flex items-center gap-3">
            {back
                .map(|href| {
                    view! {
                        <a href=href class="text-lg leading-none">
                            "‹"
                        </a>
                    }
                })}
            <h1 class="flex-1 text-lg font-semibold truncate">{move || crate::i18n::t(title)}</h1>
            <crate::components::LangSwitch />
        </header>
    }
}
