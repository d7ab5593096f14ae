//! The hall's settings (admins): the SLA in minutes and the WeCom group
//! robot's URL, saved with errors by field; 推送测试机器人 sends a test to
//! the URL typed and shows what the robot answered; the latest messages.

use leptos::prelude::*;
use shipdesk::pricing::inquiry_hall::{
    InquirySettings, InquirySettingsForSave, RobotMessage, RobotMessageStatus, RobotTestAnswer,
};

use crate::components::text as common;
use crate::components::{action_error, field_error, ErrorBanner, Field, Loaded};
use crate::i18n::{error_text, t};
use crate::pricing::hall_api::{get_inquiry_settings, save_inquiry_settings, send_robot_test};
use crate::pricing::hall_text as hall;

#[component]
pub fn HallSettings() -> impl IntoView {
    let settings = Resource::new(|| (), |_| get_inquiry_settings());
    view! {
        <section class="hall-settings mt-8 bg-white rounded-xl border border-slate-200 p-4 max-w-2xl">
            <h2 class="text-lg font-semibold mb-3">{move || t(hall::SETTINGS)}</h2>
            <Loaded resource=settings children=move |s| view! { <SettingsForm s /> } />
        </section>
    }
}

#[component]
fn SettingsForm(s: InquirySettings) -> impl IntoView {
    let sla = RwSignal::new(s.sla_minutes.to_string());
    let url = RwSignal::new(s.robot_url.clone().unwrap_or_default());
    let recent = RwSignal::new(s.recent_messages);
    let save = Action::new(|i: &InquirySettingsForSave| save_inquiry_settings(i.clone()));
    let test = Action::new(|u: &String| {
        let u = Some(u.trim().to_owned()).filter(|u| !u.is_empty());
        send_robot_test(u)
    });
    let error = action_error(save);
    Effect::new(move |_| {
        if let Some(Ok(s)) = save.value().get() {
            recent.set(s.recent_messages);
        }
    });
    let saved = move || save.value().get().is_some_and(|r| r.is_ok());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Not a number: sent as 0, refused by the server on its field.
        let minutes = sla.get_untracked().trim().parse().unwrap_or(0);
        save.dispatch(InquirySettingsForSave {
            sla_minutes: minutes,
            robot_url: Some(url.get_untracked()),
        });
    };
    view! {
        <form class="settings-form" on:submit=submit novalidate>
            <ErrorBanner error />
            <Field
                label=hall::SLA
                name="sla_minutes"
                value=sla
                kind="number"
                error=Signal::derive(move || field_error(error.get(), "sla_minutes"))
            />
            <Field
                label=hall::ROBOT_URL
                name="robot_url"
                value=url
                placeholder=hall::ROBOT_URL_HINT
                error=Signal::derive(move || field_error(error.get(), "robot_url"))
            />
            <div class="flex flex-wrap items-center gap-3">
                <button
                    type="submit"
                    class="save-settings rounded-lg bg-sky-600 text-white px-4 py-2 disabled:opacity-60"
                    disabled=move || save.pending().get()
                >
                    {move || if save.pending().get() { t(common::SAVING) } else { t(common::SAVE) }}
                </button>
                <button
                    type="button"
                    class="robot-test rounded-lg border border-sky-600 text-sky-700 px-4 py-2 disabled:opacity-60"
                    disabled=move || test.pending().get()
                    on:click=move |_| {
                        test.dispatch(url.get_untracked());
                    }
                >
                    {move || {
                        if test.pending().get() {
                            t(hall::ROBOT_TESTING)
                        } else {
                            t(hall::ROBOT_TEST)
                        }
                    }}
                </button>
                <Show when=saved>
                    <span class="settings-saved text-sm text-emerald-700" role="status">
                        {move || t(hall::SETTINGS_SAVED)}
                    </span>
                </Show>
            </div>
            {move || test.value().get().map(|r| view! { <TestAnswer r /> })}
        </form>
        <Recent recent />
    }
}

/// What the robot said to the test (or why it could not be asked).
#[component]
fn TestAnswer(r: Result<RobotTestAnswer, shipdesk::AppError>) -> impl IntoView {
    let (ok, text) = match &r {
        Ok(a) if a.ok => (true, t(hall::ROBOT_OK).to_owned()),
        Ok(a) => (false, hall::robot_refused(a.errcode, &a.errmsg)),
        Err(e) => (false, error_text(e)),
    };
    let tone = if ok {
        "ok bg-emerald-50 border-emerald-200 text-emerald-700"
    } else {
        "failed bg-red-50 border-red-200 text-red-700"
    };
    view! {
        <p
            class=format!("robot-answer mt-3 rounded-lg border px-3 py-2 text-sm break-all {tone}")
            role="status"
        >
            {text}
        </p>
    }
}

#[component]
fn Recent(recent: RwSignal<Vec<RobotMessage>>) -> impl IntoView {
    let row = |m: RobotMessage| {
        let (label, tone) = match m.status {
            RobotMessageStatus::Sent => (hall::ROBOT_SENT, "text-emerald-700"),
            RobotMessageStatus::Pending => (hall::ROBOT_PENDING, "text-slate-500"),
            RobotMessageStatus::Failed => (hall::ROBOT_FAILED, "text-red-600"),
        };
        view! {
            <li class="flex gap-3 py-1 border-t border-slate-100 text-xs">
                <span class="text-slate-400 whitespace-nowrap">
                    {m.created_at.format_shanghai()}
                </span>
                <span class=format!("whitespace-nowrap {tone}")>{move || t(label)}</span>
                <span class="text-slate-500 break-all">{m.last_error.unwrap_or_default()}</span>
            </li>
        }
    };
    view! {
        <Show when=move || recent.with(|r| !r.is_empty())>
            <h3 class="mt-4 mb-1 text-sm font-medium text-slate-600">
                {move || t(hall::ROBOT_RECENT)}
            </h3>
            <ul class="robot-recent">{move || recent.get().into_iter().map(row).collect_view()}</ul>
        </Show>
    }
}
