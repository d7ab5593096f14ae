//! 提交到询价大厅 on the quote search: the pasted message and the form's
//! fields as they stand go to the hall for sales to quote by hand. Said
//! first when the reading was unsure or the search found no plan; always
//! there as a quieter second action.

use leptos::prelude::*;
use shipdesk::pricing::inquiry_hall::{policy, InquiryForPost};
use shipdesk::pricing::{Inquiry, QuoteAnswer, QuoteForSearch};

use super::super::draft::Draft;
use super::super::Portal;
use crate::components::{action_error, ErrorBanner};
use crate::i18n::t;
use crate::pricing::hall_api::post_inquiry;
use crate::pricing::hall_text as hall;

/// Where this portal's 我的询价 is.
pub fn mine(portal: Portal) -> &'static str {
    match portal {
        Portal::Desk => "/portal/inquiries",
        _ => "/h5/inquiries",
    }
}

/// The message and the fields that can be read from the form (none when
/// the form holds something that is not a number, or nothing but a
/// country and an empty carton line).
fn to_post(draft: Draft, text: String) -> Option<InquiryForPost> {
    let search = draft.to_partial().ok();
    let text = Some(text).filter(|s| !s.trim().is_empty());
    if search.is_none() && text.is_none() {
        return None;
    }
    Some(InquiryForPost {
        search,
        text,
        company_id: None,
    })
}

#[component]
pub fn PostToHall(
    portal: Portal,
    draft: Draft,
    text: RwSignal<String>,
    read: RwSignal<Option<Inquiry>>,
    #[prop(into)] searched: Signal<Option<(QuoteForSearch, QuoteAnswer)>>,
) -> impl IntoView {
    let post = Action::new(|i: &InquiryForPost| post_inquiry(i.clone()));
    let empty = RwSignal::new(false);
    let error = action_error(post);
    let low = move || read.with(|r| r.as_ref().is_some_and(policy::is_low_confidence));
    let no_plan = move || searched.with(|s| s.as_ref().is_some_and(|(_, a)| a.plans.is_empty()));
    let urge = move || {
        if no_plan() {
            Some(hall::POST_NO_PLAN)
        } else if low() {
            Some(hall::POST_LOW)
        } else {
            None
        }
    };
    let click = move |_| match to_post(draft, text.get_untracked()) {
        None => empty.set(true),
        Some(i) => {
            empty.set(false);
            post.dispatch(i);
        }
    };
    let posted = move || post.value().get().and_then(|r| r.ok());
    let pending = post.pending();
    let box_class = move || match urge() {
        Some(_) => "post-hall urge rounded-xl border border-amber-300 bg-amber-50 p-3 space-y-2",
        None => "post-hall rounded-xl border border-slate-200 bg-white p-3 space-y-2",
    };
    let button_class = move || {
        match urge() {
        Some(_) => "post-inquiry rounded-lg bg-amber-500 text-white px-4 py-2 font-medium disabled:opacity-60",
        None => "post-inquiry rounded-lg border border-sky-600 text-sky-700 px-4 py-1.5 disabled:opacity-60",
    }
    };
    view! {
        <section class=box_class>
            <p class="text-sm text-slate-700">{move || t(urge().unwrap_or(hall::POST_HINT))}</p>
            <ErrorBanner error />
            <Show when=move || empty.get()>
                <p class="field-error text-sm text-red-600">{move || t(hall::POST_NOTHING)}</p>
            </Show>
            {move || {
                posted()
                    .map(|inq| {
                        view! {
                            <div
                                class="posted notice rounded-lg bg-emerald-50 border border-emerald-200 text-emerald-700 px-3 py-1.5 text-sm"
                                role="status"
                            >
                                {move || t(hall::POSTED)}
                                " "
                                <span class="posted-number font-mono font-semibold">
                                    {inq.number.clone()}
                                </span>
                                {move || hall::posted_next()}
                            </div>
                        }
                    })
            }}
            <div class="flex items-center justify-between gap-3">
                <a href=mine(portal) class="my-inquiries text-sm text-sky-700 hover:underline">
                    {move || t(hall::NAV_MINE)}
                    " ›"
                </a>
                <button
                    type="button"
                    class=button_class
                    disabled=move || pending.get()
                    on:click=click
                >
                    {move || if pending.get() { t(hall::POSTING) } else { t(hall::POST) }}
                </button>
            </div>
        </section>
    }
}
