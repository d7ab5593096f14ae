//! The free-text inquiry: a message pasted as written in WeChat, read by
//! `parse_inquiry` into the form's fields (each marked with its
//! confidence); what it could not read is listed.

use leptos::prelude::*;
use shipdesk::pricing::Inquiry;

use super::draft::Draft;
use super::input::FieldError;
use crate::components::{action_error, ErrorBanner};
use crate::i18n::t;
use crate::pricing::api::parse_inquiry;
use crate::pricing::text as pricing;

#[component]
pub fn InquiryBox(
    draft: Draft,
    /// The message as typed (the hall posts it too).
    text: RwSignal<String>,
    /// The last reading.
    result: RwSignal<Option<Inquiry>>,
    /// Text to read at once (the home page's box sends it as `?text=`).
    #[prop(optional)]
    initial: Option<String>,
) -> impl IntoView {
    if let Some(s) = initial.as_ref().filter(|s| !s.is_empty()) {
        text.set(s.clone());
    }
    let parse = Action::new(|s: &String| parse_inquiry(s.clone()));
    let error = action_error(parse);
    Effect::new(move |_| {
        if let Some(Ok(inq)) = parse.value().get() {
            draft.apply(&inq);
            result.set(Some(inq));
        }
    });
    if initial.is_some_and(|s| !s.trim().is_empty()) {
        // In the browser only: an Effect does not run on the server.
        Effect::new(move |_| {
            parse.dispatch(text.get_untracked());
        });
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        parse.dispatch(text.get_untracked());
    };
    let pending = parse.pending();
    view! {
        <form class="inquiry" on:submit=submit novalidate>
            <label for="q-text" class="block text-sm font-medium text-slate-600 mb-1">
                {move || t(pricing::INQUIRY)}
            </label>
            <textarea
                id="q-text"
                name="text"
                rows="3"
                maxlength="2000"
                class="w-full rounded-lg border border-slate-300 px-2.5 py-2 text-base"
                placeholder=move || t(pricing::INQUIRY_PLACEHOLDER)
                bind:value=text
            ></textarea>
            <FieldError field="text" error />
            <ErrorBanner error />
            <div class="flex items-start justify-between gap-3 mt-1">
                <div class="min-w-0 text-sm">
                    {move || result.get().map(|inq| view! { <Outcome inq /> })}
                </div>
                <button
                    type="submit"
                    class="read-inquiry shrink-0 rounded-lg border border-sky-600 text-sky-700 px-4 py-1.5 disabled:opacity-60"
                    disabled=move || pending.get() || text.with(|s| s.trim().is_empty())
                >
                    {move || {
                        if pending.get() {
                            t(pricing::INQUIRY_READING)
                        } else {
                            t(pricing::INQUIRY_READ)
                        }
                    }}
                </button>
            </div>
        </form>
    }
}

/// What a parse gave: a line to check the marks, and what was left unread.
#[component]
fn Outcome(inq: Inquiry) -> impl IntoView {
    let said = if inq.fields.is_empty() {
        pricing::INQUIRY_NOTHING
    } else {
        pricing::INQUIRY_FILLED
    };
    let unread = (!inq.unread.is_empty()).then(|| {
        let items = inq
            .unread
            .into_iter()
            .map(|u| view! { <li class="unread-item inline-block rounded bg-slate-100 px-1.5 py-0.5 mr-1 mb-1">{u}</li> })
            .collect_view();
        view! {
            <div class="unread mt-1 text-slate-600">
                <span class="mr-1">{move || t(pricing::INQUIRY_UNREAD)}</span>
                <ul class="inline">{items}</ul>
            </div>
        }
    });
    view! {
        <p class="parsed text-slate-600">{move || t(said)}</p>
        {unread}
    }
}
