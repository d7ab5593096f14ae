//! `/h5/me`: the customer's "me" page on a phone: company, members, their
//! quotes and chat, sign out.

use leptos::prelude::*;

use super::h5_shell::CurrentMember;
use super::text as portal;
use crate::auth::api::logout;
use crate::chat::text as chat;
use crate::components::text as common;
use crate::components::{go, ErrorBanner, LangSwitch};
use crate::customer::api::my_company;
use crate::customer::text as customer;
use crate::customer::views::{CompanyCard, MemberList};
use crate::i18n::t;

/// Inside the H5 shell, which has checked who is signed in.
#[component]
pub fn MePage() -> impl IntoView {
    let m = use_context::<CurrentMember>().map(|c| c.0);
    let (name, phone) = m.map(|m| (m.name, m.phone)).unwrap_or_default();
    let company = Resource::new(|| (), |_| my_company());
    let signout = Action::new(|_: &()| async move {
        let _ = logout().await;
        go("/h5/login");
    });
    view! {
        <div>
            <header class="bg-sky-600 text-white px-4 pt-6 pb-8">
                <div class="flex justify-between items-center">
                    <h1 class="text-lg font-semibold">{move || t(customer::ME_TITLE)}</h1>
                    <LangSwitch />
                </div>
                <div class="mt-4">
                    <div class="me-name text-xl font-bold">{name}</div>
                    <div class="text-sky-100 text-sm">{phone}</div>
                </div>
            </header>
            <div class="px-3 -mt-4 space-y-3">
                <a
                    href="/h5/chat"
                    class="open-chat flex items-center justify-between bg-white rounded-xl border border-slate-200 p-4"
                >
                    <span class="font-semibold">{move || t(chat::TITLE)}</span>
                    <span class="text-sm text-sky-600">{move || t(chat::START)}" ›"</span>
                </a>
                <a
                    href="/h5/quotes"
                    class="my-quotes flex items-center justify-between bg-white rounded-xl border border-slate-200 p-4"
                >
                    <span class="font-semibold">{move || t(portal::ME_QUOTES)}</span>
                    <span class="text-slate-400">"›"</span>
                </a>
                <a
                    href="/h5/inquiries"
                    class="my-inquiries flex items-center justify-between bg-white rounded-xl border border-slate-200 p-4"
                >
                    <span class="font-semibold">
                        {move || t(crate::pricing::hall_text::NAV_MINE)}
                    </span>
                    <span class="text-slate-400">"›"</span>
                </a>
                <Suspense fallback=|| {
                    view! { <p class="text-slate-500 p-4">{t(common::LOADING)}</p> }
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
                                    <CompanyCard company=d.company />
                                    <section class="bg-white rounded-xl border border-slate-200 p-4">
                                        <h2 class="font-semibold mb-1">
                                            {move || t(customer::ME_MEMBERS)}
                                        </h2>
                                        <MemberList members=d.members />
                                    </section>
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Suspense>
                <button
                    type="button"
                    class="logout w-full rounded-xl bg-white border border-slate-200 py-3 text-red-600"
                    on:click=move |_| {
                        signout.dispatch(());
                    }
                >
                    {move || t(common::NAV_LOGOUT)}
                </button>
            </div>
        </div>
    }
}
