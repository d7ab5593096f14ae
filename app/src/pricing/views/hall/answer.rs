//! 报价: answer a pending inquiry with the number of a saved quote of its
//! company, or go and make one first on the quote search. A wrong number
//! shows the server's message under the input.

use leptos::prelude::*;
use shipdesk::pricing::inquiry_hall::InquiryStatus;
use shipdesk::Id;

use super::hall_row::RowError;
use crate::components::{action_error, field_error};
use crate::i18n::t;
use crate::pricing::hall_api::answer_inquiry;
use crate::pricing::hall_text as hall;

#[component]
pub fn AnswerForm(
    id: Id,
    status: RwSignal<InquiryStatus>,
    quote: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let number = RwSignal::new(String::new());
    let answer = Action::new(move |n: &String| {
        let n = n.clone();
        async move {
            let r = answer_inquiry(id, n).await;
            if let Ok(i) = &r {
                quote.set(i.quote_number.clone());
                status.set(i.status);
                reload.run(());
            }
            r
        }
    });
    let error = action_error(answer);
    let wrong = move || field_error(error.get(), "quote_number");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        answer.dispatch(number.get_untracked());
    };
    view! {
        <form class="answer-form mt-2 space-y-1" on:submit=submit novalidate>
            <div class="flex gap-2">
                <input
                    name="quote_number"
                    class=move || {
                        let tone = if wrong().is_some() {
                            "border-red-400 bg-red-50"
                        } else {
                            "border-slate-300"
                        };
                        format!(
                            "quote-number-input min-w-0 flex-1 rounded-lg border px-2 py-1 text-sm font-mono {tone}",
                        )
                    }
                    placeholder=move || t(hall::ANSWER_NUMBER)
                    aria-invalid=move || wrong().is_some().to_string()
                    bind:value=number
                />
                <button
                    type="submit"
                    class="send-answer shrink-0 rounded-lg bg-sky-600 text-white px-3 py-1 text-sm disabled:opacity-60"
                    disabled=move || answer.pending().get() || number.with(|n| n.trim().is_empty())
                >
                    {move || t(hall::ANSWER_SEND)}
                </button>
            </div>
            <Show when=move || wrong().is_some()>
                <p class="field-error text-sm text-red-600" data-field="quote_number">
                    {wrong}
                </p>
            </Show>
            <RowError error reload />
            <a
                href="/admin/quote"
                target="_blank"
                class="make-quote text-xs text-sky-700 hover:underline"
            >
                {move || t(hall::ANSWER_MAKE)}
                " ›"
            </a>
        </form>
    }
}
