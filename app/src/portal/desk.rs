//! `/portal`: the direct customer's desktop workbench: company profile and members.

use leptos::prelude::*;

use crate::auth::api::logout;
use crate::auth::MemberGuard;
use crate::chat::text as chat;
use crate::components::text as common;
use crate::components::{go, ErrorBanner, LangSwitch};
use crate::customer::api::my_company;
use crate::customer::text as customer;
use crate::customer::views::{CompanyCard, MemberList};
use crate::i18n::t;

#[component]
pub fn WorkbenchPage() -> impl IntoView {
    view! { <MemberGuard login="/portal/login" page=|m| view! { <Workbench name=m.name /> } /> }
}

#[component]
fn Workbench(name: String) -> impl IntoView {
    let company = Resource::new(|| (), |_| my_company());
    let signout = Action::new(|_: &()| async move {
        let _ = logout().await;
        go("/portal/login");
    });
    view! {
        <div class="min-h-screen">
            <header class="h-14 bg-white border-b border-slate-200 flex items-center justify-between px-6">
                <div class="flex items-center gap-6">
                    <span class="font-bold text-sky-700">{move || t(common::APP_NAME)}</span>
                    <span class="text-slate-700">{move || t(common::PORTAL_WORKBENCH)}</span>
                    <a href="/portal/chat" class="open-chat text-sky-700 hover:underline">
                        {move || t(chat::TITLE)}
                    </a>
                </div>
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
            <main class="max-w-5xl mx-auto p-6">
                <Suspense fallback=|| {
                    view! { <p class="text-slate-500">{t(common::LOADING)}</p> }
                }>
                    {move || Suspend::new(async move {
                        match company.await {
                            Err(e) => {
                                view! {
                                    <ErrorBanner
                                        error=Signal::derive(move || Some(e.clone()))
                                        all=true
                                    />
                                }
                                    .into_any()
                            }
                            Ok(d) => {
                                view! {
                                    <h1 class="text-2xl font-semibold mb-4">
                                        {move || t(common::PORTAL_PROFILE)}
                                    </h1>
                                    <div class="grid grid-cols-1 md:grid-cols-2 gap-4">
                                        <CompanyCard company=d.company />
                                        <section class="bg-white rounded-xl border border-slate-200 p-4">
                                            <h2 class="font-semibold mb-1">
                                                {move || t(customer::ME_MEMBERS)}
                                            </h2>
                                            <MemberList members=d.members />
                                        </section>
                                    </div>
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Suspense>
            </main>
        </div>
    }
}
