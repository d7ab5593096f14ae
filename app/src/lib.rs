//! The Leptos application: the three portals (admin, H5, customer portal),
//! their pages and components, and the `#[server]` functions that are the
//! public API. Server functions are shims: who calls, may they, parse, call
//! the core, return.

#![recursion_limit = "256"]

pub mod auth;
pub mod channel;
pub mod chat;
pub mod components;
pub mod customer;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod openapi;
#[cfg(feature = "ssr")]
mod openapi_compat;
#[cfg(feature = "ssr")]
mod openapi_extra;
pub mod orders;
pub mod partner;
pub mod portal;
pub mod pricing;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod server;
pub mod staff;
pub mod tracking;
pub mod webhook;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

use crate::components::text as common;
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
                <link rel="icon" href="/favicon.ico" sizes="32x32 48x48" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
                // The H5 portal can be added to a phone's home screen.
                <link rel="manifest" href="/manifest.webmanifest" />
                <meta name="theme-color" content="#0284c7" />
                // The stylesheet lives in the site's current, content-named pkg directory.
                <link
                    rel="stylesheet"
                    id="leptos"
                    href=format!("/{}/shipdesk.css", options.site_pkg_dir)
                />
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
    // Browser tests wait for `data-hydrated` on <body>: the hydrate entry
    // (`frontend/`) sets it once the page and its lazy routes are live.
    view! {
        <Title text=move || t(common::APP_TITLE) />
        <Router>
            <Routes fallback=components::NotFound>
                <Route path=path!("/") view={Lazy::<routes::HomeRoute>::new()} />
                <Route path=path!("/admin/login") view={Lazy::<routes::StaffLoginRoute>::new()} />
                <ParentRoute path=path!("/admin") view=staff::views::AdminShell ssr=SsrMode::Async>
                    <Route path=path!("") view={Lazy::<routes::DashboardRoute>::new()} />
                    <Route path=path!("staff") view={Lazy::<routes::StaffRoute>::new()} />
                    <Route path=path!("customers") view={Lazy::<routes::CompaniesRoute>::new()} />
                    <Route path=path!("customers/:id") view={Lazy::<routes::CompanyRoute>::new()} />
                    <Route path=path!("chat") view={Lazy::<routes::ConsoleRoute>::new()} />
                    <Route
                        path=path!("chat/settings")
                        view={Lazy::<routes::ChatSettingsRoute>::new()}
                    />
                    <Route path=path!("webhooks") view={Lazy::<routes::WebhooksRoute>::new()} />
                    <Route path=path!("partners") view={Lazy::<routes::PartnersRoute>::new()} />
                    <Route path=path!("quote") view={Lazy::<routes::AdminQuoteRoute>::new()} />
                    <Route path=path!("quotes") view={Lazy::<routes::AdminQuotesRoute>::new()} />
                    <Route
                        path=path!("quotes/:number")
                        view={Lazy::<routes::AdminSavedQuoteRoute>::new()}
                    />
                    <Route
                        path=path!("quotes/:number/book")
                        view={Lazy::<routes::AdminBookRoute>::new()}
                    />
                    <Route path=path!("channels") view={Lazy::<routes::ChannelsRoute>::new()} />
                    <Route path=path!("channels/:id") view={Lazy::<routes::ChannelRoute>::new()} />
                    <Route path=path!("inquiries") view={Lazy::<routes::HallRoute>::new()} />
                    <Route path=path!("orders") view={Lazy::<routes::AdminOrdersRoute>::new()} />
                    <Route
                        path=path!("quick-orders")
                        view={Lazy::<routes::AdminQuickOrdersRoute>::new()}
                    />
                    <Route path=path!("orders/:id") view={Lazy::<routes::AdminOrderRoute>::new()} />
                    <Route path=path!("alerts") view={Lazy::<routes::AdminAlertsRoute>::new()} />
                    <Route path=path!("pickups") view={Lazy::<routes::AdminPickupsRoute>::new()} />
                    <Route
                        path=path!("transfers")
                        view={Lazy::<routes::AdminTransfersRoute>::new()}
                    />
                    <Route path=path!("libraries") view={Lazy::<routes::LibrariesRoute>::new()} />
                    <Route
                        path=path!("price-levels")
                        view={Lazy::<routes::PriceLevelsRoute>::new()}
                    />
                    <Route
                        path=path!("pickup-slots")
                        view={Lazy::<routes::PickupSlotsRoute>::new()}
                    />
                </ParentRoute>
                <Route path=path!("/h5/login") view={Lazy::<routes::H5LoginRoute>::new()} />
                <Route path=path!("/h5/chat") view={Lazy::<routes::H5ChatRoute>::new()} />
                <ParentRoute path=path!("/h5") view=portal::H5Shell ssr=SsrMode::Async>
                    <Route path=path!("") view={Lazy::<routes::H5HomeRoute>::new()} />
                    <Route path=path!("me") view={Lazy::<routes::H5MeRoute>::new()} />
                    <Route path=path!("quote") view={Lazy::<routes::H5QuoteRoute>::new()} />
                    <Route path=path!("quotes") view={Lazy::<routes::H5QuotesRoute>::new()} />
                    <Route
                        path=path!("quotes/:number")
                        view={Lazy::<routes::H5SavedQuoteRoute>::new()}
                    />
                    <Route
                        path=path!("quotes/:number/book")
                        view={Lazy::<routes::H5BookRoute>::new()}
                    />
                    <Route path=path!("orders") view={Lazy::<routes::H5OrdersRoute>::new()} />
                    <Route path=path!("orders/:id") view={Lazy::<routes::H5OrderRoute>::new()} />
                    <Route path=path!("inquiries") view={Lazy::<routes::H5InquiriesRoute>::new()} />
                </ParentRoute>
                <Route path=path!("/portal/login") view={Lazy::<routes::PortalLoginRoute>::new()} />
                <Route path=path!("/portal/chat") view={Lazy::<routes::PortalChatRoute>::new()} />
                <ParentRoute path=path!("/portal") view=portal::PortalShell ssr=SsrMode::Async>
                    <Route path=path!("") view={Lazy::<routes::WorkbenchRoute>::new()} />
                    <Route path=path!("quote") view={Lazy::<routes::PortalQuoteRoute>::new()} />
                    <Route path=path!("quotes") view={Lazy::<routes::PortalQuotesRoute>::new()} />
                    <Route
                        path=path!("quotes/:number")
                        view={Lazy::<routes::PortalSavedQuoteRoute>::new()}
                    />
                    <Route
                        path=path!("inquiries")
                        view={Lazy::<routes::PortalInquiriesRoute>::new()}
                    />
                    <Route
                        path=path!("quotes/:number/book")
                        view={Lazy::<routes::PortalBookRoute>::new()}
                    />
                    <Route path=path!("orders") view={Lazy::<routes::PortalOrdersRoute>::new()} />
                    <Route
                        path=path!("orders/:id")
                        view={Lazy::<routes::PortalOrderRoute>::new()}
                    />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
