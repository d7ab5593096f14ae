//! Form pieces: a labelled input that shows its field's error, banners.

use leptos::prelude::*;
use shipdesk::AppError;

use crate::i18n::{error_text, t, Text};

/// The message for `field` if `err` is about it.
pub fn field_error(err: Option<AppError>, field: &str) -> Option<String> {
    err.filter(|e| e.field() == Some(field))
        .map(|e| error_text(&e))
}

/// A labelled text input bound to `value`, with its error underneath.
#[component]
pub fn Field(
    label: Text,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] placeholder: Option<Text>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    view! {
        <label class="block mb-3" for=format!("f-{name}")>
            <span class="block text-sm font-medium text-slate-600 mb-1">{move || t(label)}</span>
            <input
                id=format!("f-{name}")
                name=name
                type=kind
                autocomplete=autocomplete
                placeholder=move || placeholder.map(t)
                class=move || {
                    let base = "w-full rounded-lg border px-3 py-2 text-base outline-none focus:ring-2 focus:ring-sky-500 ";
                    if error.get().is_some() {
                        format!("{base}border-red-400 bg-red-50")
                    } else {
                        format!("{base}border-slate-300 bg-white")
                    }
                }
                aria-invalid=move || error.get().is_some().to_string()
                bind:value=value
            />
            <Show when=move || error.get().is_some()>
                <span class="field-error block text-sm text-red-600 mt-1" data-field=name>
                    {move || error.get()}
                </span>
            </Show>
        </label>
    }
}

/// An error not tied to one field (or any error, when `all` is set).
/// The error of an action's last run (none while it runs or after success),
/// for an `ErrorBanner` or the fields of a form.
pub fn action_error<I, O>(action: Action<I, Result<O, AppError>>) -> Signal<Option<AppError>>
where
    I: Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    // Read with `try_get`: when a navigation disposes the page that owns
    // the action, a banner being torn down may still ask once (seen as a
    // "disposed reactive value" panic on the way to /admin/chat).
    let value = action.value();
    Signal::derive(move || value.try_get().flatten().and_then(|r| r.err()))
}

#[component]
pub fn ErrorBanner(
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional)] all: bool,
) -> impl IntoView {
    let shown = move || {
        let shown = error
            .try_get()
            .flatten()
            .filter(|e| all || e.field().is_none());
        // On the server only a page's data can have failed (actions run in
        // the browser): the page answers with that error's status.
        #[cfg(feature = "ssr")]
        if let Some(e) = &shown {
            crate::server::set_page_status(e);
        }
        shown
    };
    view! {
        <Show when=move || shown().is_some()>
            <div
                role="alert"
                class="error-banner rounded-lg bg-red-50 border border-red-200 text-red-700 px-3 py-2 mb-3 text-sm"
            >
                {move || shown().map(|e| error_text(&e))}
            </div>
        </Show>
    }
}

/// A short success message.
#[component]
pub fn Notice(#[prop(into)] text: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || text.get().is_some()>
            <div
                role="status"
                class="notice rounded-lg bg-emerald-50 border border-emerald-200 text-emerald-700 px-3 py-2 mb-3 text-sm"
            >
                {move || text.get()}
            </div>
        </Show>
    }
}

/// A form's submit button: disabled and saying so while `pending`.
#[component]
pub fn SubmitButton(
    label: Text,
    #[prop(into)] pending: Signal<bool>,
    #[prop(default = "")] class: &'static str,
) -> impl IntoView {
    // A class with its own colour (a red 取消) replaces the blue.
    let tone = match class.contains("bg-") {
        true => "",
        false => "bg-sky-600 hover:bg-sky-700",
    };
    view! {
        <button
            type="submit"
            class=format!("rounded-lg {tone} text-white px-4 py-2 disabled:opacity-60 {class}")
            disabled=move || pending.get()
        >
            {move || if pending.get() { t(crate::components::text::SAVING) } else { t(label) }}
        </button>
    }
}

/// A labelled `<select>` bound to `value` (option values are strings). It
/// renders in the browser only: the browser's parser rewrites option lists,
/// which could not be hydrated.
#[component]
pub fn Select(
    label: Text,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    /// The first option, for "none" / "all" (value "").
    #[prop(optional)]
    none: Option<Text>,
) -> impl IntoView {
    view! {
        <label class="block mb-3" for=format!("f-{name}")>
            <span class="block text-sm font-medium text-slate-600 mb-1">{move || t(label)}</span>
            <super::ClientOnly>
                <select
                    id=format!("f-{name}")
                    name=name
                    class="w-full rounded-lg border border-slate-300 bg-white px-3 py-2"
                    on:change=move |e| value.set(event_target_value(&e))
                >
                    {none
                        .map(|n| {
                            view! {
                                <option value="" selected=move || value.get().is_empty()>
                                    {move || t(n)}
                                </option>
                            }
                        })}
                    {move || {
                        options
                            .get()
                            .into_iter()
                            .map(|(v, text)| {
                                let selected = value.get_untracked() == v;
                                view! {
                                    <option value=v selected=selected>
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </super::ClientOnly>
        </label>
    }
}
