//! The language of a page and the text in it.
//!
//! UI text lives with its domain (`app/src/<domain>/text.rs`) as [`Text`]
//! constants declared with [`texts!`], zh-CN and en side by side; text with
//! values in it is a function beside them. A text that is not declared does
//! not compile, and neither does one with a language missing or empty. The
//! core's error keys are translated by [`error_message`].
//!
//! The language is a cookie (`lang`) and, for signed-in people, a column on
//! their account.

use leptos::prelude::*;
pub use shipdesk::auth::Lang;
use shipdesk::ErrorKey;

use crate::auth::text as auth;
use crate::channel::text as channel;
use crate::chat::text as chat;
use crate::components::text as common;
use crate::customer::text as customer;
use crate::orders::text as orders;
use crate::partner::text as partner;
use crate::pricing::text as pricing;
use crate::staff::text as staff;
use crate::tracking::text as tracking;
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
        other => t(error_message(other.key())).to_owned(),
    }
}

/// The text of an error key. The match is exhaustive: a key the core adds
/// does not compile until it is translated here.
pub fn error_message(key: ErrorKey) -> Text {
    match key {
        ErrorKey::AccountInvalid => auth::ACCOUNT_INVALID,
        ErrorKey::AccountRequired => auth::ACCOUNT_REQUIRED,
        ErrorKey::AccountTaken => auth::ACCOUNT_TAKEN,
        ErrorKey::AgentAtCapacity => chat::AGENT_AT_CAPACITY,
        ErrorKey::AgentMaxInvalid => chat::AGENT_MAX_INVALID,
        ErrorKey::AgentNotCs => chat::AGENT_NOT_CS,
        ErrorKey::AgentOffline => chat::AGENT_OFFLINE,
        ErrorKey::AgentStatusInvalid => chat::AGENT_STATUS_INVALID,
        ErrorKey::ApiTokenExpiryInvalid => auth::API_TOKEN_EXPIRY_INVALID,
        ErrorKey::ApiTokenNameInvalid => auth::API_TOKEN_NAME_INVALID,
        ErrorKey::AttachmentEmpty => chat::ATTACHMENT_EMPTY,
        ErrorKey::AttachmentIncomplete => chat::ATTACHMENT_INCOMPLETE,
        ErrorKey::AttachmentNameInvalid => chat::ATTACHMENT_NAME_INVALID,
        ErrorKey::AttachmentNotImage => chat::ATTACHMENT_NOT_IMAGE,
        ErrorKey::AttachmentTooLarge => chat::ATTACHMENT_TOO_LARGE,
        ErrorKey::AttachmentTypeRefused => chat::ATTACHMENT_TYPE_REFUSED,
        ErrorKey::AttachmentUnknown => chat::ATTACHMENT_UNKNOWN,
        ErrorKey::CannedTitleInvalid => chat::CANNED_TITLE_INVALID,
        ErrorKey::CertificationInvalid => customer::CERTIFICATION_INVALID,
        ErrorKey::ChatTabInvalid => chat::TAB_INVALID,
        ErrorKey::CodeExpired => auth::CODE_EXPIRED,
        ErrorKey::CodeInvalid => auth::CODE_INVALID,
        ErrorKey::CodeRequired => auth::CODE_REQUIRED,
        ErrorKey::CodeTooManyAttempts => auth::CODE_TOO_MANY_ATTEMPTS,
        ErrorKey::CompanyNameRequired => customer::COMPANY_NAME_REQUIRED,
        ErrorKey::CompanyNameTooLong => customer::COMPANY_NAME_TOO_LONG,
        ErrorKey::CompanyNameTooShort => customer::COMPANY_NAME_TOO_SHORT,
        ErrorKey::ConversationAssignedElsewhere => chat::CONVERSATION_ASSIGNED_ELSEWHERE,
        ErrorKey::ConversationChanged => chat::CONVERSATION_CHANGED,
        ErrorKey::ConversationNotQueued => chat::CONVERSATION_NOT_QUEUED,
        ErrorKey::ConversationNotResolved => chat::CONVERSATION_NOT_RESOLVED,
        ErrorKey::ConversationNotTakenOver => chat::CONVERSATION_NOT_TAKEN_OVER,
        ErrorKey::ConversationOtherActive => chat::CONVERSATION_OTHER_ACTIVE,
        ErrorKey::ConversationStatusInvalid => chat::CONVERSATION_STATUS_INVALID,
        ErrorKey::DeskCodeInvalid => chat::DESK_CODE_INVALID,
        ErrorKey::DeskCodeTaken => chat::DESK_CODE_TAKEN,
        ErrorKey::DeskUnknown => chat::DESK_UNKNOWN,
        ErrorKey::CustomerCodeInvalid => customer::CUSTOMER_CODE_INVALID,
        ErrorKey::CustomerCodeTaken => customer::CUSTOMER_CODE_TAKEN,
        ErrorKey::BadRequest => common::ERROR_BAD_REQUEST,
        ErrorKey::Duplicate => common::ERROR_DUPLICATE,
        ErrorKey::Forbidden => common::ERROR_FORBIDDEN,
        ErrorKey::Internal => common::ERROR_INTERNAL,
        ErrorKey::NotFound => common::ERROR_NOT_FOUND,
        ErrorKey::RateLimited => common::ERROR_RATE_LIMITED,
        ErrorKey::Required => common::ERROR_REQUIRED,
        ErrorKey::Unauthorized => common::ERROR_UNAUTHORIZED,
        ErrorKey::LoginBadCredentials => auth::LOGIN_BAD_CREDENTIALS,
        ErrorKey::MemberDisabled => customer::MEMBER_DISABLED,
        ErrorKey::MessageCardInvalid => chat::MESSAGE_CARD_INVALID,
        ErrorKey::MessageQuoteUnknown => chat::MESSAGE_QUOTE_UNKNOWN,
        ErrorKey::MessageQuoteOtherCompany => chat::MESSAGE_QUOTE_OTHER_COMPANY,
        ErrorKey::MessageOrderUnknown => chat::MESSAGE_ORDER_UNKNOWN,
        ErrorKey::MessageOrderOtherCompany => chat::MESSAGE_ORDER_OTHER_COMPANY,
        ErrorKey::MessageEmpty => chat::MESSAGE_EMPTY,
        ErrorKey::MessageKindInvalid => chat::MESSAGE_KIND_INVALID,
        ErrorKey::MessageKindNotAllowed => chat::MESSAGE_KIND_NOT_ALLOWED,
        ErrorKey::MessageRecallExpired => chat::MESSAGE_RECALL_EXPIRED,
        ErrorKey::MessageSenderInvalid => chat::MESSAGE_SENDER_INVALID,
        ErrorKey::MessageSeqInvalid => chat::MESSAGE_SEQ_INVALID,
        ErrorKey::MessageTooLong => chat::MESSAGE_TOO_LONG,
        ErrorKey::NameRequired => auth::NAME_REQUIRED,
        ErrorKey::NameTooLong => auth::NAME_TOO_LONG,
        ErrorKey::OwnerNotSales => customer::OWNER_NOT_SALES,
        ErrorKey::PageInvalid => common::PAGE_INVALID,
        ErrorKey::PageSizeInvalid => common::PAGE_SIZE_INVALID,
        ErrorKey::PasswordLength => auth::PASSWORD_LENGTH,
        ErrorKey::PasswordRequired => auth::PASSWORD_REQUIRED,
        ErrorKey::PasswordWeak => auth::PASSWORD_WEAK,
        ErrorKey::PhoneInvalid => auth::PHONE_INVALID,
        ErrorKey::PhoneRequired => auth::PHONE_REQUIRED,
        ErrorKey::PhoneTaken => auth::PHONE_TAKEN,
        ErrorKey::RolesInvalid => auth::ROLES_INVALID,
        ErrorKey::RolesRequired => auth::ROLES_REQUIRED,
        ErrorKey::SendRateLimited => chat::SEND_RATE_LIMITED,
        ErrorKey::StaffCannotDisableSelf => staff::CANNOT_DISABLE_SELF,
        ErrorKey::StaffCannotDropOwnAdmin => staff::CANNOT_DROP_OWN_ADMIN,
        ErrorKey::TextTooLong => common::TEXT_TOO_LONG,
        ErrorKey::TransferAgentNotInDesk => chat::TRANSFER_AGENT_NOT_IN_DESK,
        ErrorKey::TransferNoteTooLong => chat::TRANSFER_NOTE_TOO_LONG,
        ErrorKey::TransferSameAgent => chat::TRANSFER_SAME_AGENT,
        ErrorKey::TransferSameDesk => chat::TRANSFER_SAME_DESK,
        ErrorKey::WebhookEventUnknown => webhook::EVENT_UNKNOWN,
        ErrorKey::WebhookEventsEmpty => webhook::EVENTS_EMPTY,
        ErrorKey::WebhookStatusInvalid => webhook::STATUS_INVALID,
        ErrorKey::WebhookEnvelopeInvalid => webhook::ENVELOPE_INVALID,
        ErrorKey::WebhookUrlForbidden => webhook::URL_FORBIDDEN,
        ErrorKey::WebhookUrlInvalid => webhook::URL_INVALID,
        ErrorKey::PartnerNameInvalid => partner::NAME_INVALID,
        ErrorKey::PartnerFunctionUnknown => partner::FUNCTION_UNKNOWN,
        ErrorKey::PartnerFunctionsEmpty => partner::FUNCTIONS_EMPTY,
        ErrorKey::PartnerRateInvalid => partner::RATE_INVALID,
        ErrorKey::PartnerCompanyUnknown => partner::COMPANY_UNKNOWN,
        ErrorKey::PartnerAccountUnknown => partner::ACCOUNT_UNKNOWN,
        ErrorKey::PartnerSignatureInvalid => partner::SIGNATURE_INVALID,
        ErrorKey::PartnerTimestampExpired => partner::TIMESTAMP_EXPIRED,
        ErrorKey::PartnerNonceInvalid => partner::NONCE_INVALID,
        ErrorKey::PartnerNonceReused => partner::NONCE_REUSED,
        ErrorKey::PartnerDisabled => partner::APP_DISABLED,
        ErrorKey::PartnerLoginNotAllowed => partner::LOGIN_NOT_ALLOWED,
        ErrorKey::OrderStatusInvalid => orders::STATUS_INVALID,
        ErrorKey::OrderMoveIllegal => orders::MOVE_ILLEGAL,
        ErrorKey::OrderReasonRequired => orders::REASON_REQUIRED,
        ErrorKey::OrderChanged => orders::CHANGED,
        ErrorKey::OrderUseReceive => orders::USE_RECEIVE,
        ErrorKey::OrderClientKeyInvalid => orders::CLIENT_KEY_INVALID,
        ErrorKey::OrderQuoteUnknown => orders::QUOTE_UNKNOWN,
        ErrorKey::OrderQuoteRepriceFailed => orders::QUOTE_REPRICE_FAILED,
        ErrorKey::OrderDestinationMismatch => orders::DESTINATION_MISMATCH,
        ErrorKey::OrderShipmentIdInvalid => orders::SHIPMENT_ID_INVALID,
        ErrorKey::OrderCartonsEmpty => orders::CARTONS_EMPTY,
        ErrorKey::OrderGoodsEmpty => orders::GOODS_EMPTY,
        ErrorKey::OrderGoodsTooMany => orders::GOODS_TOO_MANY,
        ErrorKey::OrderHsCodeInvalid => orders::HS_CODE_INVALID,
        ErrorKey::OrderValueInvalid => orders::VALUE_INVALID,
        ErrorKey::OrderQuantityInvalid => orders::QUANTITY_INVALID,
        ErrorKey::ParcelNumberInvalid => orders::PARCEL_NUMBER_INVALID,
        ErrorKey::ParcelNumberTaken => orders::PARCEL_NUMBER_TAKEN,
        ErrorKey::ParcelCarrierUnknown => orders::PARCEL_CARRIER_UNKNOWN,
        ErrorKey::ParcelsTooMany => orders::PARCELS_TOO_MANY,
        ErrorKey::TransferNumberTaken => orders::TRANSFER_NUMBER_TAKEN,
        ErrorKey::TransferRowsInvalid => orders::TRANSFER_ROWS_INVALID,
        ErrorKey::ProviderUnknown => orders::PROVIDER_UNKNOWN,
        ErrorKey::PickupVehicleInvalid => orders::PICKUP_VEHICLE_INVALID,
        ErrorKey::ActAsMinutesInvalid => orders::ACT_AS_MINUTES_INVALID,
        ErrorKey::ActAsTokenInvalid => orders::ACT_AS_TOKEN_INVALID,
        ErrorKey::PickupStatusInvalid => orders::PICKUP_STATUS_INVALID,
        ErrorKey::PickupSlotFull => orders::PICKUP_SLOT_FULL,
        ErrorKey::PickupSlotUnknown => orders::PICKUP_SLOT_UNKNOWN,
        ErrorKey::PickupOrderNotReady => orders::PICKUP_ORDER_NOT_READY,
        ErrorKey::PickupExists => orders::PICKUP_EXISTS,
        ErrorKey::PickupReasonUnknown => orders::PICKUP_REASON_UNKNOWN,
        ErrorKey::AlertKindInvalid => orders::ALERT_KIND_INVALID,
        ErrorKey::AlertStatusInvalid => orders::ALERT_STATUS_INVALID,
        ErrorKey::AlertClosed => orders::ALERT_CLOSED,
        ErrorKey::AlertHoursInvalid => orders::ALERT_HOURS_INVALID,
        ErrorKey::AlertModeRepeated => orders::ALERT_MODE_REPEATED,
        ErrorKey::WsBadFrame => chat::WS_BAD_FRAME,
        ErrorKey::WsTooManyCursors => chat::WS_TOO_MANY_CURSORS,
        ErrorKey::ConversationResolved => chat::CONVERSATION_RESOLVED,
        ErrorKey::MessageClientIdInvalid => chat::MESSAGE_CLIENT_ID_INVALID,
        ErrorKey::MessageReplyMissing => chat::MESSAGE_REPLY_MISSING,
        ErrorKey::DeskReassignInvalid => chat::DESK_REASSIGN_INVALID,
        ErrorKey::FieldRequired => common::FIELD_REQUIRED,
        ErrorKey::AttachmentDailyQuota => chat::ATTACHMENT_DAILY_QUOTA,
        ErrorKey::CargoCartonTooHeavy => pricing::CARGO_CARTON_TOO_HEAVY,
        ErrorKey::CargoCountInvalid => pricing::CARGO_COUNT_INVALID,
        ErrorKey::CargoEmpty => pricing::CARGO_EMPTY,
        ErrorKey::CargoNotANumber => pricing::CARGO_NOT_A_NUMBER,
        ErrorKey::CargoNotPositive => pricing::CARGO_NOT_POSITIVE,
        ErrorKey::CargoTooLarge => pricing::CARGO_TOO_LARGE,
        ErrorKey::ChannelAmountInvalid => pricing::CHANNEL_AMOUNT_INVALID,
        ErrorKey::ChannelRatesInvalid => pricing::CHANNEL_RATES_INVALID,
        ErrorKey::ChannelStepInvalid => pricing::CHANNEL_STEP_INVALID,
        ErrorKey::ChannelTransitInvalid => pricing::CHANNEL_TRANSIT_INVALID,
        ErrorKey::ChannelZonesRequired => pricing::CHANNEL_ZONES_REQUIRED,
        ErrorKey::SurchargeThresholdInvalid => pricing::SURCHARGE_THRESHOLD_INVALID,
        ErrorKey::ChannelChanged => pricing::CHANNEL_CHANGED,
        ErrorKey::ChannelNoPlan => pricing::CHANNEL_NO_PLAN,
        ErrorKey::CountryInvalid => pricing::COUNTRY_INVALID,
        ErrorKey::DateInvalid => pricing::DATE_INVALID,
        ErrorKey::DateRangeInvalid => pricing::DATE_RANGE_INVALID,
        ErrorKey::DestinationRequired => pricing::DESTINATION_REQUIRED,
        ErrorKey::FbaCodeInvalid => pricing::FBA_CODE_INVALID,
        ErrorKey::FbaCodeUnknown => pricing::FBA_CODE_UNKNOWN,
        ErrorKey::LevelBpInvalid => pricing::LEVEL_BP_INVALID,
        ErrorKey::LibraryInUse => pricing::LIBRARY_IN_USE,
        ErrorKey::PickupCapacityInvalid => pricing::PICKUP_CAPACITY_INVALID,
        ErrorKey::PickupDaysInvalid => pricing::PICKUP_DAYS_INVALID,
        ErrorKey::PickupTimeInvalid => pricing::PICKUP_TIME_INVALID,
        ErrorKey::PickupWindowInvalid => pricing::PICKUP_WINDOW_INVALID,
        ErrorKey::LibraryNameInvalid => pricing::LIBRARY_NAME_INVALID,
        ErrorKey::TagInUse => pricing::TAG_IN_USE,
        ErrorKey::TagInvalid => pricing::TAG_INVALID,
        ErrorKey::TagUnknown => pricing::TAG_UNKNOWN,
        ErrorKey::LevelNameInvalid => pricing::LEVEL_NAME_INVALID,
        ErrorKey::LevelInUse => pricing::LEVEL_IN_USE,
        ErrorKey::GoodsTypeInvalid => pricing::GOODS_TYPE_INVALID,
        ErrorKey::ModeInvalid => pricing::MODE_INVALID,
        ErrorKey::PostcodeInvalid => pricing::POSTCODE_INVALID,
        ErrorKey::WantedDateInPast => pricing::WANTED_DATE_IN_PAST,
        ErrorKey::WeekdayInvalid => pricing::WEEKDAY_INVALID,
        ErrorKey::TableFileInvalid => channel::TABLE_FILE_INVALID,
        ErrorKey::TableFileTooLarge => channel::TABLE_FILE_TOO_LARGE,
        ErrorKey::InquiryChanged => pricing::INQUIRY_CHANGED,
        ErrorKey::InquiryNotPending => pricing::INQUIRY_NOT_PENDING,
        ErrorKey::InquiryQuoteOtherCompany => pricing::INQUIRY_QUOTE_OTHER_COMPANY,
        ErrorKey::InquiryQuoteUnknown => pricing::INQUIRY_QUOTE_UNKNOWN,
        ErrorKey::InquirySlaInvalid => pricing::INQUIRY_SLA_INVALID,
        ErrorKey::InquiryStatusInvalid => pricing::INQUIRY_STATUS_INVALID,
        ErrorKey::InquiryStatusMove => pricing::INQUIRY_STATUS_MOVE,
        ErrorKey::RobotNotConfigured => pricing::ROBOT_NOT_CONFIGURED,
        ErrorKey::RobotUrlInvalid => pricing::ROBOT_URL_INVALID,
        ErrorKey::CarrierInvalid => tracking::CARRIER_INVALID,
        ErrorKey::TrackingNumberInvalid => tracking::TRACKING_NUMBER_INVALID,
        ErrorKey::TrackingNotConfigured => tracking::TRACKING_NOT_CONFIGURED,
        ErrorKey::TrackingNumberUnknown => tracking::TRACKING_NUMBER_UNKNOWN,
        ErrorKey::TrackingPhoneRequired => tracking::TRACKING_PHONE_REQUIRED,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_text() -> impl Iterator<Item = (&'static str, Text)> {
        [
            auth::ALL,
            chat::ALL,
            channel::ALL,
            crate::channel::levels_text::ALL,
            crate::channel::library_text::ALL,
            crate::channel::rules_text::ALL,
            common::ALL,
            customer::ALL,
            staff::ALL,
            webhook::ALL,
            partner::ALL,
            orders::ALL,
            crate::orders::admin_text::ALL,
            crate::orders::alert_text::ALL,
            crate::orders::transfer_text::ALL,
            pricing::ALL,
            crate::pricing::hall_text::ALL,
            crate::pricing::pickup_text::ALL,
            crate::portal::text::ALL,
            tracking::ALL,
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

    fn in_lang<T>(l: Lang, f: impl FnOnce() -> T) -> T {
        let owner = Owner::new();
        owner.with(|| {
            provide_context(I18n(RwSignal::new(l)));
            f()
        })
    }

    #[test]
    fn text_with_values_reads_as_the_glued_pieces_did() {
        let zh = |f: fn() -> String| in_lang(Lang::Zh, f);
        let en = |f: fn() -> String| in_lang(Lang::En, f);
        assert_eq!(zh(|| common::total(12, false)), "共 12 条");
        assert_eq!(en(|| common::total(12, false)), "Total 12 items");
        assert_eq!(zh(|| common::total(10000, true)), "10000 条以上");
        assert_eq!(zh(|| auth::login_resend_in(42)), "42秒后重发");
        assert_eq!(en(|| auth::login_resend_in(42)), "42s to resend");
        assert_eq!(
            zh(|| auth::login_dev_code("123456")),
            "开发模式验证码：123456"
        );
        assert_eq!(
            en(|| auth::login_dev_code("123456")),
            "Dev mode code: 123456"
        );
        assert_eq!(
            zh(|| auth::tokens_expires("2026-01-02")),
            "有效期至 2026-01-02"
        );
        assert_eq!(en(|| auth::tokens_last_used("x")), "Last used x");
        assert_eq!(zh(|| chat::reassign_after(5)), "无人回复 5 分钟后转派");
        assert_eq!(en(|| chat::reassign_after(5)), "Reassign after 5 minutes");
        assert_eq!(en(|| chat::quoting(7)), "Quoting message #7");
        assert_eq!(
            zh(|| common::rate_limited(30)),
            "尝试次数过多，请稍后再试 (30s)"
        );
        assert_eq!(zh(|| staff::dashboard_welcome("张三")), "你好，张三");
    }

    #[test]
    fn an_error_reads_in_the_current_language() {
        let e = shipdesk::AppError::validation("phone", ErrorKey::PhoneInvalid);
        assert_eq!(
            in_lang(Lang::Zh, || error_text(&e)),
            "请输入正确的 11 位手机号"
        );
        assert_eq!(
            in_lang(Lang::En, || error_text(&e)),
            "Enter a valid 11-digit mobile number"
        );
    }

    #[test]
    fn a_text_renders_in_the_language_asked_for() {
        assert_eq!(auth::LOGIN_SUBMIT.get(Lang::En), "Sign in");
        assert_eq!(auth::LOGIN_SUBMIT.get(Lang::Zh), "登录");
    }
}
