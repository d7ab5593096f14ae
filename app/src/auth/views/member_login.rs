//! `/h5/login` and `/portal/login`: customers sign in with phone + SMS code.
//! The same page serves the phone (375 px first) and the desktop portal.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shipdesk::auth::Phone;

use crate::auth::api::{member_login, request_login_code};
use crate::auth::text as auth;
use crate::components::text as common;
use crate::components::{field_error, go, ErrorBanner, Field, LangSwitch};
use crate::i18n::{error_text, t};

#[component]
pub fn MemberLoginPage(mobile: bool) -> impl IntoView {
    let home = if mobile { "/h5" } else { "/portal" };
    let query = use_query_map();
    let phone = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let cooldown = RwSignal::new(0u32);
    let local_error = RwSignal::new(None::<shipdesk::AppError>);

    let send = Action::new(|p: &String| {
        let p = p.clone();
        async move { request_login_code(p).await }
    });
    let login = Action::new(|(p, c): &(String, String)| {
        let (p, c) = (p.clone(), c.clone());
        async move { member_login(p, c).await }
    });
    // A refused resend is the cooldown still running (after a reload, say):
    // it counts down on the button and in a line, not as an error.
    let cooling = RwSignal::new(false);
    let error = Signal::derive(move || {
        local_error
            .get()
            .or_else(|| login.value().get().and_then(|r| r.err()))
            .or_else(|| {
                send.value()
                    .get()
                    .and_then(|r| r.err())
                    .filter(|e| !is_cooldown(e))
            })
    });
    // The last code sent (and, in dev mode, the code itself) stays shown
    // while its resend is locked, whatever the sign-in attempts answer.
    let sent = RwSignal::new(None::<Option<String>>);
    let ticking = StoredValue::new(false);

    Effect::new(move |_| match send.value().get() {
        Some(Ok(s)) => {
            sent.set(Some(s.dev_code));
            cooling.set(false);
            cooldown.set(s.resend_after_secs);
            tick(cooldown, ticking);
        }
        // Only the resend cooldown counts down; a daily cap stays an error.
        Some(Err(shipdesk::AppError::RateLimited { retry_after_secs }))
            if retry_after_secs <= (shipdesk::auth::RESEND_COOLDOWN_MS / 1000) as u64 =>
        {
            cooling.set(true);
            cooldown.set(u32::try_from(retry_after_secs).unwrap_or(u32::MAX));
            tick(cooldown, ticking);
        }
        _ => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = login.value().get() {
            go(&shipdesk::auth::safe_next(
                query.get_untracked().get("next").as_deref(),
                home,
            ));
        }
    });
    #[cfg_attr(feature = "ssr", allow(unused_variables))]
    let request = move |_: leptos::ev::MouseEvent| {
        login.value().set(None);
        match Phone::parse(&phone.get_untracked()) {
            Ok(p) => {
                local_error.set(None);
                send.dispatch(p.as_str().to_owned());
            }
            Err(e) => local_error.set(Some(e)),
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        local_error.set(None);
        login.dispatch((phone.get_untracked(), code.get_untracked()));
    };
    let outer = if mobile {
        "min-h-screen bg-white px-5 pt-6"
    } else {
        "min-h-screen flex items-center justify-center bg-gradient-to-br from-sky-50 to-slate-100 p-4"
    };
    let card = if mobile {
        "w-full"
    } else {
        "w-full max-w-sm bg-white rounded-2xl shadow p-6"
    };
    view! {
        <main class=outer>
            <div class=if mobile { "w-full" } else { "w-full max-w-sm" }>
                <div class="flex justify-between items-center mb-6">
                    <span class="text-lg font-bold text-sky-700">
                        {move || t(common::APP_NAME)}
                    </span>
                    <LangSwitch />
                </div>
                <form class=card on:submit=submit novalidate>
                    <h1 class="text-2xl font-semibold mb-6">
                        {move || t(auth::LOGIN_MEMBER_TITLE)}
                    </h1>
                    <ErrorBanner
                        error=Signal::derive(move || {
                            error
                                .get()
                                .filter(|e| e.field() != Some("phone") && e.field() != Some("code"))
                        })
                        all=true
                    />
                    <Field
                        label=auth::LOGIN_PHONE
                        name="phone"
                        kind="tel"
                        value=phone
                        autocomplete="tel"
                        error=Signal::derive(move || field_error(error.get(), "phone"))
                    />
                    <div class="flex gap-2 items-start">
                        <div class="flex-1">
                            <Field
                                label=auth::LOGIN_CODE
                                name="code"
                                value=code
                                autocomplete="one-time-code"
                                error=Signal::derive(move || field_error(error.get(), "code"))
                            />
                        </div>
                        <button
                            type="button"
                            class="send-code mt-6 shrink-0 rounded-lg border border-sky-600 text-sky-700 px-3 py-2 text-sm disabled:opacity-50"
                            disabled=move || { cooldown.get() > 0 || send.pending().get() }
                            on:click=request
                        >
                            {move || {
                                if cooldown.get() > 0 {
                                    auth::login_resend_in(cooldown.get())
                                } else {
                                    t(auth::LOGIN_GET_CODE).to_owned()
                                }
                            }}
                        </button>
                    </div>
                    <Show when=move || sent.get().is_some()>
                        <p class="code-sent text-sm text-emerald-700 mb-2">
                            {move || t(auth::LOGIN_CODE_SENT)}
                            {move || {
                                sent.get()
                                    .flatten()
                                    .map(|c| format!(" · {}", auth::login_dev_code(&c)))
                            }}
                        </p>
                    </Show>
                    <Show when=move || { cooling.get() && cooldown.get() > 0 }>
                        <p class="code-cooldown text-sm text-amber-700 mb-2">
                            {move || auth::login_cooldown(cooldown.get())}
                        </p>
                    </Show>
                    <button
                        type="submit"
                        class="w-full mt-2 rounded-lg bg-sky-600 text-white py-3 font-medium hover:bg-sky-700 disabled:opacity-60"
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
                    <p class="sr-only">{move || error.get().map(|e| error_text(&e))}</p>
                </form>
            </div>
        </main>
    }
}

/// Counts the resend cooldown down once a second (in the browser); one
/// countdown at a time (`ticking`), however often it is restarted.
fn tick(cooldown: RwSignal<u32>, ticking: StoredValue<bool>) {
    #[cfg(not(feature = "ssr"))]
    {
        if ticking.get_value() {
            return;
        }
        ticking.set_value(true);
        set_timeout(
            move || {
                ticking.set_value(false);
                let left = cooldown.get_untracked();
                if left > 0 {
                    cooldown.set(left - 1);
                    tick(cooldown, ticking);
                }
            },
            std::time::Duration::from_secs(1),
        );
    }
    #[cfg(feature = "ssr")]
    let _ = (cooldown, ticking);
}

/// A refused resend that is the cooldown still running (not a daily cap).
fn is_cooldown(e: &shipdesk::AppError) -> bool {
    matches!(e, shipdesk::AppError::RateLimited { retry_after_secs }
        if *retry_after_secs <= (shipdesk::auth::RESEND_COOLDOWN_MS / 1000) as u64)
}
