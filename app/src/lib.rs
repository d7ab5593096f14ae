//! The Leptos application: the three portals (admin, H5, customer portal),
//! their pages and components, and the `#[server]` functions that are the
//! public API. Server functions are shims: who calls, may they, parse, call
//! the core, return.

#![recursion_limit = "256"]

pub mod auth;
pub mod chat;
pub mod components;
pub mod customer;
pub mod i18n;
pub mod portal;
#[cfg(feature = "ssr")]
pub mod server;
pub mod staff;
pub mod webhook;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::i18n::{provide_i18n, t};

/// The HTML document around the app (server side only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    server::set_security_headers();
    let lang = i18n::initial_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body class="bg-slate-50 text-slate-800 antialiased">
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_i18n();
    // Browser tests wait for this mark: clicks before hydration do nothing.
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Stylesheet id="leptos" href="/pkg/shipdesk.css" />
        <Title text=move || t("app.title") />
        <Router>
            <Routes fallback=components::NotFound>
                <Route path=path!("/") view=portal::Home />
                <Route path=path!("/admin/login") view=auth::views::StaffLoginPage />
                <ParentRoute path=path!("/admin") view=staff::views::AdminShell ssr=SsrMode::Async>
                    <Route path=path!("") view=staff::views::Dashboard />
                    <Route path=path!("staff") view=staff::views::StaffPage />
                    <Route path=path!("customers") view=customer::views::CompaniesPage />
                    <Route path=path!("customers/:id") view=customer::views::CompanyPage />
                    <Route path=path!("chat") view=chat::console::ChatConsole />
                    <Route path=path!("chat/settings") view=chat::settings::ChatSettingsPage />
                    <Route path=path!("webhooks") view=webhook::views::WebhooksPage />
                </ParentRoute>
                <Route path=path!("/h5/login") view=|| view! { <auth::views::MemberLoginPage mobile=true /> } />
                <Route path=path!("/h5") view=portal::h5::MePage ssr=SsrMode::Async />
                <Route path=path!("/h5/chat") view=|| view! { <chat::views::MemberChatPage mobile=true /> } />
                <Route path=path!("/portal/login") view=|| view! { <auth::views::MemberLoginPage mobile=false /> } />
                <Route path=path!("/portal") view=portal::desk::WorkbenchPage ssr=SsrMode::Async />
                <Route path=path!("/portal/chat") view=|| view! { <chat::views::MemberChatPage mobile=false /> } />
            </Routes>
        </Router>
    }
}
