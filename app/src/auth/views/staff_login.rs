//! `/admin/login`: staff sign in with account and password.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::auth::api::staff_login;
use crate::auth::text as auth;
use crate::components::text as common;
use crate::components::{action_error, field_error, go, ErrorBanner, Field, LangSwitch};
use crate::i18n::t;

#[component]
pub fn StaffLoginPage() -> impl IntoView {
    let query = use_query_map();
    let account = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let login = Action::new(|(a, p): &(String, String)| {
        let (a, p) = (a.clone(), p.clone());
        async move { staff_login(a, p).await }
    });
    let error = action_error(login);
    Effect::new(move |_| {
        if let Some(Ok(_)) = login.value().get() {
            go(&shipdesk::auth::safe_next(
                query.get_untracked().get("next").as_deref(),
                "/admin",
            ));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        login.dispatch((account.get_untracked(), password.get_untracked()));
    };
    view! {
        <main class="min-h-screen flex items-center justify-center bg-gradient-to-br from-sky-50 to-slate-100 p-4">
            <div class="w-full max-w-sm">
                <div class="flex justify-between items-center mb-4">
                    <a href="/" class="text-lg font-bold text-sky-700">
                        {move || t(common::APP_NAME)}
                    </a>
                    <LangSwitch />
                </div>
                <form class="bg-white rounded-2xl shadow p-6" on:submit=submit novalidate>
                    <h1 class="text-xl font-semibold mb-4">{move || t(auth::LOGIN_STAFF_TITLE)}</h1>
                    <ErrorBanner
                        error=Signal::derive(move || {
                            error
                                .get()
                                .filter(|e| {
                                    e.field() != Some("account") && e.field() != Some("password")
                                })
                        })
                        all=true
                    />
                    <Field
                        label=auth::LOGIN_ACCOUNT
                        name="account"
                        value=account
                        autocomplete="username"
                        error=Signal::derive(move || field_error(error.get(), "account"))
                    />
                    <Field
                        label=auth::LOGIN_PASSWORD
                        name="password"
                        value=password
                        kind="password"
                        autocomplete="current-password"
                        error=Signal::derive(move || field_error(error.get(), "password"))
                    />
                    <button
                        type="submit"
                        class="w-full mt-2 rounded-lg bg-sky-600 text-white py-2 font-medium hover:bg-sky-700 disabled:opacity-60"
                        disabled=move || login.pending().get()
                    >
                        {move || {
                            if login.pending().get() {
                                t(auth::LOGIN_SIGNING_IN)
                            } else {
                                t(auth::LOGIN_SUBMIT)
                            }
                        }}
                    </button>
                </form>
            </div>
        </main>
    }
}
