//! The chat's shared formatting: times in China time, system lines, desk
//! names in the reader's language, message previews, status names, and the
//! page's remembered conversation in its URL.

use shipdesk::chat::{
    ConversationSummary, MessageKind, MessagePreview, NumberedCard, OrderCard, QuoteCard,
};
use shipdesk::Id;

use crate::chat::text as chat;
use crate::i18n::{lang, t, Text};

/// `HH:MM` in China time (UTC+8), the company's working clock.
pub fn time_of(ms: i64) -> String {
    let mins = (ms / 60_000 + 8 * 60).rem_euclid(24 * 60);
    format!("{:02}:{:02}", mins / 60, mins % 60)
}

/// `MM-DD HH:MM` in China time, for lists spanning days.
pub fn day_time_of(ms: i64) -> String {
    let days = (ms + 8 * 3_600_000).div_euclid(86_400_000);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    format!("{month:02}-{day:02} {}", time_of(ms))
}

/// A system line in the reader's language. The platform writes them as
/// JSON (`{"event":"resolved","by":"小林"}`; a notice staff posted carries
/// its `text`); other bodies read as they are.
pub fn system_text(body: &str, at_ms: i64) -> String {
    let v: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    match v["event"].as_str() {
        Some("resolved") => chat::ended_by(v["by"].as_str().unwrap_or(""), &time_of(at_ms)),
        Some("notice") => v["text"].as_str().unwrap_or("").to_owned(),
        _ => body.to_owned(),
    }
}

/// The desk of a conversation in the reader's language.
pub fn desk_name(s: &ConversationSummary) -> String {
    desk_label(&s.desk_name_zh, &s.desk_name_en)
}

/// A desk's name in the reader's language, of its Chinese and English ones.
pub fn desk_label(zh: &str, en: &str) -> String {
    match lang() {
        shipdesk::auth::Lang::Zh => zh.to_owned(),
        shipdesk::auth::Lang::En => en.to_owned(),
    }
}

/// One line of a message for a list: its text, or what it carries.
pub fn preview_of(m: &MessagePreview) -> String {
    if m.recalled {
        return t(chat::RECALLED).to_owned();
    }
    match m.kind {
        MessageKind::Image => t(chat::PREVIEW_IMAGE).to_owned(),
        MessageKind::File => t(chat::PREVIEW_FILE).to_owned(),
        MessageKind::System => system_text(&m.body, m.created_at.0),
        MessageKind::Card => {
            if let Ok(Some(card)) = QuoteCard::of_body(&m.body) {
                format!("{} {}", t(chat::PREVIEW_QUOTE), card.number)
            } else if let Ok(Some(card)) = OrderCard::of_body(&m.body) {
                format!("{} {}", t(chat::PREVIEW_ORDER), card.number)
            } else {
                m.body.chars().take(60).collect()
            }
        }
        _ => m.body.chars().take(60).collect(),
    }
}

/// Replaces the page's `key` query parameter (None: removes it) without a
/// navigation, so a reload comes back to the same place.
pub fn remember_in_url(key: &str, value: Option<Id>) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::prelude::window;
        let Ok(href) = window().location().href() else {
            return;
        };
        let Ok(url) = web_sys::Url::new(&href) else {
            return;
        };
        let params = url.search_params();
        match value {
            Some(v) => params.set(key, &v.to_string()),
            None => params.delete(key),
        }
        if url.href() != href {
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&url.href()),
                );
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (key, value);
}

/// The name of a conversation's status.
pub fn status_text(s: shipdesk::chat::ConversationStatus) -> Text {
    use shipdesk::chat::ConversationStatus::*;
    match s {
        Queued => chat::STATUS_QUEUED,
        Open => chat::STATUS_OPEN,
        Resolved => chat::STATUS_RESOLVED,
    }
}
