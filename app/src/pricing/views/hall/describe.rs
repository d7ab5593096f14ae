//! An inquiry in words, the same for customers and staff: its status badge
//! and what it asks (the form's fields in one line, the message as
//! written, or both).

use leptos::prelude::*;
use shipdesk::pricing::inquiry_hall::{HallInquiry, InquiryStatus};
use shipdesk::pricing::{Country, GoodsType, QuoteForSearch};

use super::super::saved_quote::cargo;
use crate::i18n::{lang, t};
use crate::pricing::hall_text as hall;

/// The badge of a status: amber waiting, sky quoted, green won, grey closed.
#[component]
pub fn StatusBadge(status: InquiryStatus) -> impl IntoView {
    let tone = match status {
        InquiryStatus::Pending => "bg-amber-100 text-amber-800",
        InquiryStatus::Quoted => "bg-sky-100 text-sky-800",
        InquiryStatus::Won => "bg-emerald-100 text-emerald-800",
        InquiryStatus::Closed => "bg-slate-200 text-slate-600",
    };
    view! {
        <span
            class=format!(
                "status-badge shrink-0 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium {tone}",
            )
            data-status=status.as_str()
        >
            {move || t(hall::status(status))}
        </span>
    }
}

/// `美国 ONT8 · 深圳 · 5 箱 · 110 kg · 0.3 CBM · 海派 · 带电`.
fn search_line(s: &QuoteForSearch) -> String {
    let l = lang();
    let mut parts = vec![];
    let dest = s
        .fba_code
        .clone()
        .or(s.postcode.clone())
        .unwrap_or_default();
    parts.push(
        format!("{} {dest}", Country::of(&s.country).name(l))
            .trim()
            .to_owned(),
    );
    parts.extend(s.origin.clone());
    let c = cargo(s);
    if !c.is_empty() {
        parts.push(c);
    }
    parts.extend(s.mode.map(|m| m.label(l).to_owned()));
    if s.goods_type != GoodsType::General {
        parts.push(s.goods_type.label(l).to_owned());
    }
    parts.extend(s.wanted_date.clone());
    parts.join(" · ")
}

/// What the inquiry asks.
#[component]
pub fn InquiryWhat(inq: HallInquiry) -> impl IntoView {
    let search = inq.search.clone();
    let text = inq.text.clone();
    let has_text = !text.is_empty();
    view! {
        <div class="inquiry-what min-w-0 text-sm">
            {search
                .map(|s| {
                    view! {
                        <p class="inquiry-fields text-slate-800 break-words">
                            {move || search_line(&s)}
                        </p>
                    }
                })} <Show when=move || has_text>
                <p class="inquiry-text text-slate-600 break-words whitespace-pre-line">
                    <span class="text-slate-400 mr-1">{move || t(hall::TEXT_LABEL)}</span>
                    {text.clone()}
                </p>
            </Show>
        </div>
    }
}
