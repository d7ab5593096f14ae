//! The desktop portal's shell: for a signed-in member (else to sign-in with
//! `?next=`), the header with the portal's navigation around the page.

use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

use super::h5_shell::CurrentMember;
use crate::auth::api::logout;
use crate::auth::MemberGuard;
use crate::chat::text as chat;
use crate::components::text as common;
use crate::components::{go, LangSwitch};
use crate::i18n::{t, Text};
use crate::pricing::text as pricing;

/// (path, label, class)
const NAV: &[(&str, Text, &str)] = &[
    ("/portal", common::PORTAL_WORKBENCH, "nav-workbench"),
    ("/portal/quote", pricing::NAV_QUOTE, "nav-quote"),
    ("/portal/quotes", pricing::NAV_QUOTES, "nav-quotes"),
    (
        "/portal/orders",
        crate::orders::text::NAV_ORDERS,
        "nav-orders",
    ),
    (
        "/portal/inquiries",
        crate::pricing::hall_text::NAV_MINE,
        "nav-inquiries",
    ),
];

#[component]
pub fn PortalShell() -> impl IntoView {
    view! {
        <MemberGuard
            login="/portal/login"
            page=|m| {
                let name = m.name.clone();
                provide_context(CurrentMember(m));
                view! { <Layout name /> }
            }
        />
    }
}

#[component]
fn Layout(name: String) -> impl IntoView {
    let signout = Action::new(|_: &()| async move {
        let _ = logout().await;
        go("/portal/login");
    });
    let links = NAV
        .iter()
        .map(|&(href, label, class)| {
            view! {
                <A
                    href=href
                    exact=true
                    attr:class=format!(
                        "{class} px-1 py-4 border-b-2 border-transparent text-slate-600 hover:text-sky-700 aria-[current=page]:border-sky-600 aria-[current=page]:text-sky-700",
                    )
                >
                    {move || t(label)}
                </A>
            }
        })
        .collect_view();
    view! {
        <div class="min-h-screen">
            <header class="h-14 bg-white border-b border-slate-200 flex items-center justify-between px-6 whitespace-nowrap">
                <nav class="portal-nav flex items-center gap-6">
                    <span class="font-bold text-sky-700">{move || t(common::APP_NAME)}</span>
                    {links}
                    <a href="/portal/chat" class="open-chat text-slate-600 hover:text-sky-700">
                        {move || t(chat::TITLE)}
                    </a>
                </nav>
                <div class="flex items-center gap-3">
                    <span class="current-user text-sm text-slate-600">{name}</span>
                    <LangSwitch />
                    <button
                        type="button"
                        class="logout text-sm text-slate-500 hover:text-slate-800"
                        on:click=move |_| {
                            signout.dispatch(());
                        }
                    >
                        {move || t(common::NAV_LOGOUT)}
                    </button>
                </div>
            </header>
            <main class="max-w-6xl mx-auto p-6">
                <Outlet />
            </main>
        </div>
    }
}
