//! Each transport mode's silence threshold (无轨迹预警阈值), under ops'
//! board: ops read them, admins change them. Checked here by the core's
//! rule before the server checks it again; a bad row shows its error.

use leptos::prelude::*;
use shipdesk::orders::alert::{check_settings, AlertSettings, AlertThreshold};
use shipdesk::AppError;

use crate::components::{field_error, ClientOnly, ErrorBanner, Notice, SubmitButton};
use crate::i18n::{lang, t};
use crate::orders::alert_api::{get_alert_settings, save_alert_settings};
use crate::orders::alert_text as text;

#[component]
pub fn AlertSettingsBlock(editable: bool) -> impl IntoView {
    // In the browser only, as the price levels page (see there).
    let data = LocalResource::new(get_alert_settings);
    view! {
        <section class="alert-settings mt-6 bg-white rounded-xl border border-slate-200 p-4 max-w-xl">
            <h2 class="font-semibold text-slate-700">{move || t(text::SETTINGS)}</h2>
            <p class="text-sm text-slate-500 mb-3">{move || t(text::SETTINGS_HINT)}</p>
            <ClientOnly>
                <Transition>
                    {move || Suspend::new(async move {
                        match data.await {
                            Ok(s) => view! { <Rows s editable /> }.into_any(),
                            Err(e) => {
                                view! {
                                    <ErrorBanner
                                        error=Signal::derive(move || Some(e.clone()))
                                        all=true
                                    />
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Transition>
            </ClientOnly>
        </section>
    }
}

#[component]
fn Rows(s: AlertSettings, editable: bool) -> impl IntoView {
    let rows: Vec<_> = s
        .thresholds
        .iter()
        .map(|t| (t.mode, RwSignal::new(t.hours.to_string())))
        .collect();
    let local = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(None::<String>);
    let send = Action::new(move |input: &AlertSettings| {
        let input = input.clone();
        async move { save_alert_settings(input).await }
    });
    Effect::new(move || {
        if let Some(Ok(_)) = send.value().get() {
            saved.set(Some(t(text::SAVED).to_owned()));
        }
    });
    let error = Signal::derive(move || {
        local
            .get()
            .or_else(|| send.value().get().and_then(|r| r.err()))
    });
    let submit = {
        let rows = rows.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            saved.set(None);
            let input = AlertSettings {
                thresholds: rows
                    .iter()
                    .map(|(mode, v)| AlertThreshold {
                        mode: *mode,
                        hours: v.get_untracked().trim().parse().unwrap_or(0),
                    })
                    .collect(),
            };
            match check_settings(&input) {
                Ok(()) => {
                    local.set(None);
                    send.dispatch(input);
                }
                Err(e) => local.set(Some(e)),
            }
        }
    };
    let fields = rows
        .into_iter()
        .enumerate()
        .map(|(i, (mode, value))| {
            let field = format!("thresholds[{i}].hours");
            let bad = {
                let field = field.clone();
                move || field_error(error.get(), &field)
            };
            let bad2 = bad.clone();
            view! {
                <label class="threshold flex items-center gap-3 py-1" data-mode=mode.as_str()>
                    <span class="w-28 text-slate-600">{move || mode.label(lang())}</span>
                    <input
                        type="number"
                        min="1"
                        max="720"
                        name=field
                        class=move || {
                            let tone = if bad().is_some() {
                                "border-red-400 bg-red-50"
                            } else {
                                "border-slate-300 bg-white"
                            };
                            format!("w-24 rounded-lg border px-2 py-1 tabular-nums {tone}")
                        }
                        disabled=!editable
                        bind:value=value
                    />
                    <span class="text-slate-500">{move || t(text::HOURS)}</span>
                    <span class="field-error text-sm text-red-600">{bad2}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <form on:submit=submit>
            <Notice text=saved />
            {fields}
            <Show when=move || editable>
                <div class="mt-3">
                    <SubmitButton label=text::SAVE pending=send.pending() class="save-thresholds" />
                </div>
            </Show>
        </form>
    }
}
