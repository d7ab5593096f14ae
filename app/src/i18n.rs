//! The language of a page and the text in it.
//!
//! UI text lives with its domain (`app/src/<domain>/text.rs`) as [`Text`]
//! constants declared with [`texts!`], zh-CN and en side by side; text with
//! values in it is a function beside them. A text that is not declared does
//! not compile, and neither does one with a language missing or empty. The
//! core's error keys are translated by [`error_text`].
//!
//! The language is a cookie (`lang`) and, for signed-in people, a column on
//! their account.

use leptos::prelude::*;
pub use shipdesk::auth::Lang;

use crate::auth::text as auth;
use crate::chat::text as chat;
use crate::components::text as common;
use crate::customer::text as customer;
use crate::staff::text as staff;
use crate::webhook::text as webhook;

#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

pub fn provide_i18n() {
    provide_context(I18n(RwSignal::new(initial_lang())));
}

pub fn lang() -> Lang {
    use_context::<I18n>().map(|i| i.0.get()).unwrap_or_default()
}

pub fn set_lang(l: Lang) {
    if let Some(i) = use_context::<I18n>() {
        i.0.set(l);
    }
}

/// The language of the page being rendered: on the server from the `lang`
/// cookie (or the signed-in account), in the browser from `<html lang>`.
pub fn initial_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        crate::server::request_lang()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Lang::from_code(&l))
            .unwrap_or_default()
    }
}

/// One piece of UI text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    zh: &'static str,
    en: &'static str,
}

impl Text {
    /// Both languages. Texts are constants, so an empty one fails the build.
    pub const fn new(zh: &'static str, en: &'static str) -> Self {
        assert!(
            !zh.is_empty() && !en.is_empty(),
            "a text needs both languages"
        );
        Text { zh, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// Declares a domain's texts, one a line: `NAME = "中文", "English";`.
macro_rules! texts {
    ($($name:ident = $zh:literal, $en:literal;)*) => {
        $(pub const $name: $crate::i18n::Text = $crate::i18n::Text::new($zh, $en);)*

        /// Every text of this module, for the tests that look at all of them.
        #[cfg(test)]
        pub const ALL: &[(&str, $crate::i18n::Text)] = &[$((stringify!($name), $name)),*];
    };
}
pub(crate) use texts;

/// `text` in the current language (reactive inside closures).
pub fn t(text: Text) -> &'static str {
    text.get(lang())
}

/// The message of an error, in the current language.
pub fn error_text(e: &shipdesk::AppError) -> String {
    match e {
        shipdesk::AppError::RateLimited { retry_after_secs } => {
            common::rate_limited(*retry_after_secs)
        }
        other => t(error_key_text(other.key())).to_owned(),
    }
}

/// The message of an error key from the core (the chat socket and uploads
/// report bare keys).
pub fn error_key_text(key: &str) -> Text {
    match key {
        "account.invalid" => auth::ACCOUNT_INVALID,
        "account.required" => auth::ACCOUNT_REQUIRED,
        "account.taken" => auth::ACCOUNT_TAKEN,
        "agent.at_capacity" => chat::AGENT_AT_CAPACITY,
        "agent.max_invalid" => chat::AGENT_MAX_INVALID,
        "agent.not_cs" => chat::AGENT_NOT_CS,
        "agent.offline" => chat::AGENT_OFFLINE,
        "agent.status_invalid" => chat::AGENT_STATUS_INVALID,
        "api_token.expiry_invalid" => auth::API_TOKEN_EXPIRY_INVALID,
        "api_token.name_invalid" => auth::API_TOKEN_NAME_INVALID,
        "attachment.empty" => chat::ATTACHMENT_EMPTY,
        "attachment.incomplete" => chat::ATTACHMENT_INCOMPLETE,
        "attachment.name_invalid" => chat::ATTACHMENT_NAME_INVALID,
        "attachment.not_image" => chat::ATTACHMENT_NOT_IMAGE,
        "attachment.too_large" => chat::ATTACHMENT_TOO_LARGE,
        "attachment.type_refused" => chat::ATTACHMENT_TYPE_REFUSED,
        "attachment.unknown" => chat::ATTACHMENT_UNKNOWN,
        "canned.title_invalid" => chat::CANNED_TITLE_INVALID,
        "certification.invalid" => customer::CERTIFICATION_INVALID,
        "chat.tab_invalid" => chat::TAB_INVALID,
        "code.expired" => auth::CODE_EXPIRED,
        "code.invalid" => auth::CODE_INVALID,
        "code.required" => auth::CODE_REQUIRED,
        "code.too_many_attempts" => auth::CODE_TOO_MANY_ATTEMPTS,
        "company_name.required" => customer::COMPANY_NAME_REQUIRED,
        "company_name.too_long" => customer::COMPANY_NAME_TOO_LONG,
        "company_name.too_short" => customer::COMPANY_NAME_TOO_SHORT,
        "conversation.assigned_elsewhere" => chat::CONVERSATION_ASSIGNED_ELSEWHERE,
        "conversation.changed" => chat::CONVERSATION_CHANGED,
        "conversation.not_queued" => chat::CONVERSATION_NOT_QUEUED,
        "conversation.not_resolved" => chat::CONVERSATION_NOT_RESOLVED,
        "conversation.not_taken_over" => chat::CONVERSATION_NOT_TAKEN_OVER,
        "conversation.other_active" => chat::CONVERSATION_OTHER_ACTIVE,
        "conversation.status_invalid" => chat::CONVERSATION_STATUS_INVALID,
        "cs_role.code_invalid" => chat::CS_ROLE_CODE_INVALID,
        "cs_role.code_taken" => chat::CS_ROLE_CODE_TAKEN,
        "cs_role.unknown" => chat::CS_ROLE_UNKNOWN,
        "customer_code.invalid" => customer::CUSTOMER_CODE_INVALID,
        "customer_code.taken" => customer::CUSTOMER_CODE_TAKEN,
        "error.bad_request" => common::ERROR_BAD_REQUEST,
        "error.duplicate" => common::ERROR_DUPLICATE,
        "error.forbidden" => common::ERROR_FORBIDDEN,
        "error.internal" => common::ERROR_INTERNAL,
        "error.not_found" => common::ERROR_NOT_FOUND,
        "error.rate_limited" => common::ERROR_RATE_LIMITED,
        "error.required" => common::ERROR_REQUIRED,
        "error.unauthorized" => common::ERROR_UNAUTHORIZED,
        "login.bad_credentials" => auth::LOGIN_BAD_CREDENTIALS,
        "member.disabled" => customer::MEMBER_DISABLED,
        "message.card_invalid" => chat::MESSAGE_CARD_INVALID,
        "message.empty" => chat::MESSAGE_EMPTY,
        "message.kind_invalid" => chat::MESSAGE_KIND_INVALID,
        "message.kind_not_allowed" => chat::MESSAGE_KIND_NOT_ALLOWED,
        "message.recall_expired" => chat::MESSAGE_RECALL_EXPIRED,
        "message.sender_invalid" => chat::MESSAGE_SENDER_INVALID,
        "message.seq_invalid" => chat::MESSAGE_SEQ_INVALID,
        "message.too_long" => chat::MESSAGE_TOO_LONG,
        "name.required" => auth::NAME_REQUIRED,
        "name.too_long" => auth::NAME_TOO_LONG,
        "owner.not_sales" => customer::OWNER_NOT_SALES,
        "page.invalid" => common::PAGE_INVALID,
        "page.size_invalid" => common::PAGE_SIZE_INVALID,
        "password.length" => auth::PASSWORD_LENGTH,
        "password.required" => auth::PASSWORD_REQUIRED,
        "password.weak" => auth::PASSWORD_WEAK,
        "phone.invalid" => auth::PHONE_INVALID,
        "phone.required" => auth::PHONE_REQUIRED,
        "phone.taken" => auth::PHONE_TAKEN,
        "roles.invalid" => auth::ROLES_INVALID,
        "roles.required" => auth::ROLES_REQUIRED,
        "send.rate_limited" => chat::SEND_RATE_LIMITED,
        "staff.cannot_disable_self" => staff::CANNOT_DISABLE_SELF,
        "staff.cannot_drop_own_admin" => staff::CANNOT_DROP_OWN_ADMIN,
        "text.too_long" => common::TEXT_TOO_LONG,
        "transfer.agent_not_in_role" => chat::TRANSFER_AGENT_NOT_IN_ROLE,
        "transfer.note_too_long" => chat::TRANSFER_NOTE_TOO_LONG,
        "transfer.same_agent" => chat::TRANSFER_SAME_AGENT,
        "transfer.same_role" => chat::TRANSFER_SAME_ROLE,
        "webhook.event_unknown" => webhook::EVENT_UNKNOWN,
        "webhook.events_empty" => webhook::EVENTS_EMPTY,
        "webhook.status_invalid" => webhook::STATUS_INVALID,
        "webhook.url_forbidden" => webhook::URL_FORBIDDEN,
        "webhook.url_invalid" => webhook::URL_INVALID,
        "ws.bad_frame" => chat::WS_BAD_FRAME,
        "ws.too_many_cursors" => chat::WS_TOO_MANY_CURSORS,
        "conversation.resolved" => chat::CONVERSATION_RESOLVED,
        "message.client_id_invalid" => chat::MESSAGE_CLIENT_ID_INVALID,
        "message.reply_missing" => chat::MESSAGE_REPLY_MISSING,
        "cs_role.reassign_invalid" => chat::CS_ROLE_REASSIGN_INVALID,
        "field.required" => common::FIELD_REQUIRED,
        _ => common::ERROR_INTERNAL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_text() -> impl Iterator<Item = (&'static str, Text)> {
        [
            auth::ALL,
            chat::ALL,
            common::ALL,
            customer::ALL,
            staff::ALL,
            webhook::ALL,
        ]
        .into_iter()
        .flatten()
        .copied()
    }

    #[test]
    fn chinese_text_uses_full_width_punctuation() {
        let ascii = [',', ';', ':', '!', '?'];
        let wrong: Vec<_> = every_text()
            .filter(|(_, t)| t.get(Lang::Zh).contains(ascii))
            .map(|(name, t)| (name, t.get(Lang::Zh)))
            .collect();
        assert!(wrong.is_empty(), "ASCII punctuation in zh-CN: {wrong:?}");
    }

    #[test]
    fn a_text_renders_in_the_language_asked_for() {
        assert_eq!(auth::LOGIN_SUBMIT.get(Lang::En), "Sign in");
        assert_eq!(auth::LOGIN_SUBMIT.get(Lang::Zh), "登录");
    }
}
