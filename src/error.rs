//! The one error type of the product. It is serialisable so that it crosses
//! server functions intact; each variant maps to one HTTP status. Messages are
//! [`ErrorKey`]s, serialised as i18n keys (`field.problem`) and turned into
//! text by the UI with an exhaustive match, so an untranslated key does not
//! compile; internal causes are logged where they happen and never reach a
//! client.

use serde::{Deserialize, Serialize};

/// Declares [`ErrorKey`]: one variant a line, `Variant = "domain.problem",`.
macro_rules! error_keys {
    ($($(#[$meta:meta])* $name:ident = $key:literal,)*) => {
        /// What went wrong, for a person: the message key of an error. On the
        /// wire it is the key string (`"phone.invalid"`), a public contract.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
        pub enum ErrorKey {
            $($(#[$meta])* #[serde(rename = $key)] $name,)*
        }

        impl ErrorKey {
            /// Every key, for tests over all of them.
            pub const ALL: &'static [ErrorKey] = &[$(ErrorKey::$name),*];

            /// The key as it travels: `"phone.invalid"`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorKey::$name => $key,)*
                }
            }
        }
    };
}

error_keys! {
    // Any domain
    BadRequest = "error.bad_request",
    Duplicate = "error.duplicate",
    Forbidden = "error.forbidden",
    Internal = "error.internal",
    NotFound = "error.not_found",
    RateLimited = "error.rate_limited",
    Required = "error.required",
    Unauthorized = "error.unauthorized",
    FieldRequired = "field.required",
    PageInvalid = "page.invalid",
    PageSizeInvalid = "page.size_invalid",
    TextTooLong = "text.too_long",
    // Auth: sign-in, staff, tokens
    LoginBadCredentials = "login.bad_credentials",
    AccountInvalid = "account.invalid",
    AccountRequired = "account.required",
    AccountTaken = "account.taken",
    PasswordLength = "password.length",
    PasswordRequired = "password.required",
    PasswordWeak = "password.weak",
    CodeExpired = "code.expired",
    CodeInvalid = "code.invalid",
    CodeRequired = "code.required",
    CodeTooManyAttempts = "code.too_many_attempts",
    PhoneInvalid = "phone.invalid",
    PhoneRequired = "phone.required",
    PhoneTaken = "phone.taken",
    NameRequired = "name.required",
    NameTooLong = "name.too_long",
    RolesInvalid = "roles.invalid",
    RolesRequired = "roles.required",
    StaffCannotDisableSelf = "staff.cannot_disable_self",
    StaffCannotDropOwnAdmin = "staff.cannot_drop_own_admin",
    ApiTokenExpiryInvalid = "api_token.expiry_invalid",
    ApiTokenNameInvalid = "api_token.name_invalid",
    // Customer companies and members
    CompanyNameRequired = "company_name.required",
    CompanyNameTooLong = "company_name.too_long",
    CompanyNameTooShort = "company_name.too_short",
    CustomerCodeInvalid = "customer_code.invalid",
    CustomerCodeTaken = "customer_code.taken",
    CertificationInvalid = "certification.invalid",
    OwnerNotSales = "owner.not_sales",
    MemberDisabled = "member.disabled",
    // Chat
    ChatTabInvalid = "chat.tab_invalid",
    ConversationAssignedElsewhere = "conversation.assigned_elsewhere",
    ConversationChanged = "conversation.changed",
    ConversationNotQueued = "conversation.not_queued",
    ConversationNotResolved = "conversation.not_resolved",
    ConversationNotTakenOver = "conversation.not_taken_over",
    ConversationOtherActive = "conversation.other_active",
    ConversationStatusInvalid = "conversation.status_invalid",
    ConversationResolved = "conversation.resolved",
    MessageCardInvalid = "message.card_invalid",
    MessageEmpty = "message.empty",
    MessageKindInvalid = "message.kind_invalid",
    MessageKindNotAllowed = "message.kind_not_allowed",
    MessageRecallExpired = "message.recall_expired",
    MessageSenderInvalid = "message.sender_invalid",
    MessageSeqInvalid = "message.seq_invalid",
    MessageTooLong = "message.too_long",
    MessageClientIdInvalid = "message.client_id_invalid",
    MessageReplyMissing = "message.reply_missing",
    MessageQuoteUnknown = "message.quote_unknown",
    MessageQuoteOtherCompany = "message.quote_other_company",
    MessageOrderUnknown = "message.order_unknown",
    MessageOrderOtherCompany = "message.order_other_company",
    AttachmentEmpty = "attachment.empty",
    AttachmentIncomplete = "attachment.incomplete",
    AttachmentNameInvalid = "attachment.name_invalid",
    AttachmentNotImage = "attachment.not_image",
    AttachmentTooLarge = "attachment.too_large",
    AttachmentTypeRefused = "attachment.type_refused",
    AttachmentUnknown = "attachment.unknown",
    AttachmentDailyQuota = "attachment.daily_quota",
    AgentAtCapacity = "agent.at_capacity",
    AgentMaxInvalid = "agent.max_invalid",
    AgentNotCs = "agent.not_cs",
    AgentOffline = "agent.offline",
    AgentStatusInvalid = "agent.status_invalid",
    DeskCodeInvalid = "cs_role.code_invalid",
    DeskCodeTaken = "cs_role.code_taken",
    DeskUnknown = "cs_role.unknown",
    DeskReassignInvalid = "cs_role.reassign_invalid",
    CannedTitleInvalid = "canned.title_invalid",
    TransferAgentNotInDesk = "transfer.agent_not_in_role",
    TransferNoteTooLong = "transfer.note_too_long",
    TransferSameAgent = "transfer.same_agent",
    TransferSameDesk = "transfer.same_role",
    SendRateLimited = "send.rate_limited",
    WsBadFrame = "ws.bad_frame",
    WsTooManyCursors = "ws.too_many_cursors",
    // Pricing: channels, quote searches, inquiries
    CargoCartonTooHeavy = "cargo.carton_too_heavy",
    CargoCountInvalid = "cargo.count_invalid",
    CargoEmpty = "cargo.empty",
    CargoNotANumber = "cargo.not_a_number",
    CargoNotPositive = "cargo.not_positive",
    CargoTooLarge = "cargo.too_large",
    ChannelAmountInvalid = "channel.amount_invalid",
    ChannelChanged = "channel.changed",
    ChannelNoPlan = "channel.no_plan",
    ChannelRatesInvalid = "channel.rates_invalid",
    ChannelStepInvalid = "channel.step_invalid",
    ChannelTransitInvalid = "channel.transit_invalid",
    ChannelZonesRequired = "channel.zones_required",
    /// A surcharge's longest side or heaviest carton outside 1–1,000.
    SurchargeThresholdInvalid = "surcharge.threshold_invalid",
    /// An import that is no readable spreadsheet.
    TableFileInvalid = "table.file_invalid",
    /// An import over 1 MiB, or over 5,000 rows or 500 columns.
    TableFileTooLarge = "table.file_too_large",
    CountryInvalid = "country.invalid",
    DateInvalid = "date.invalid",
    DateRangeInvalid = "date_range.invalid",
    DestinationRequired = "destination.required",
    FbaCodeInvalid = "fba_code.invalid",
    FbaCodeUnknown = "fba_code.unknown",
    LevelBpInvalid = "price_level.bp_invalid",
    LibraryInUse = "library.in_use",
    PickupCapacityInvalid = "pickup.capacity_invalid",
    PickupDaysInvalid = "pickup.days_invalid",
    PickupTimeInvalid = "pickup.time_invalid",
    PickupWindowInvalid = "pickup.window_invalid",
    LibraryNameInvalid = "library.name_invalid",
    TagInUse = "tag.in_use",
    TagInvalid = "tag.invalid",
    TagUnknown = "tag.unknown",
    LevelNameInvalid = "price_level.name_invalid",
    LevelInUse = "price_level.in_use",
    GoodsTypeInvalid = "goods_type.invalid",
    ModeInvalid = "mode.invalid",
    PostcodeInvalid = "postcode.invalid",
    WantedDateInPast = "wanted_date.past",
    WeekdayInvalid = "weekday.invalid",
    // The inquiry hall and its WeCom robot
    InquiryChanged = "inquiry.changed",
    InquiryNotPending = "inquiry.not_pending",
    InquiryQuoteOtherCompany = "inquiry.quote_other_company",
    InquiryQuoteUnknown = "inquiry.quote_unknown",
    InquirySlaInvalid = "inquiry.sla_invalid",
    InquiryStatusInvalid = "inquiry.status_invalid",
    InquiryStatusMove = "inquiry.status_move",
    RobotNotConfigured = "robot.not_configured",
    RobotUrlInvalid = "robot.url_invalid",
    // Webhooks
    WebhookEnvelopeInvalid = "webhook.envelope_invalid",
    WebhookEventUnknown = "webhook.event_unknown",
    WebhookEventsEmpty = "webhook.events_empty",
    WebhookStatusInvalid = "webhook.status_invalid",
    WebhookUrlForbidden = "webhook.url_forbidden",
    WebhookUrlInvalid = "webhook.url_invalid",
    // Partner apps
    PartnerNameInvalid = "partner.name_invalid",
    PartnerFunctionUnknown = "partner.function_unknown",
    PartnerFunctionsEmpty = "partner.functions_empty",
    PartnerRateInvalid = "partner.rate_invalid",
    PartnerCompanyUnknown = "partner.company_unknown",
    PartnerAccountUnknown = "partner.account_unknown",
    PartnerSignatureInvalid = "partner.signature_invalid",
    PartnerTimestampExpired = "partner.timestamp_expired",
    PartnerNonceInvalid = "partner.nonce_invalid",
    PartnerNonceReused = "partner.nonce_reused",
    PartnerDisabled = "partner.disabled",
    PartnerLoginNotAllowed = "partner.login_not_allowed",
    // Orders: bookings, moves, receiving, delivery tracking numbers
    OrderStatusInvalid = "order.status_invalid",
    OrderMoveIllegal = "order.move_illegal",
    OrderReasonRequired = "order.reason_required",
    OrderChanged = "order.changed",
    OrderUseReceive = "order.use_receive",
    OrderClientKeyInvalid = "order.client_key_invalid",
    OrderQuoteUnknown = "order.quote_unknown",
    OrderQuoteRepriceFailed = "order.quote_reprice_failed",
    OrderDestinationMismatch = "order.destination_mismatch",
    OrderShipmentIdInvalid = "order.shipment_id_invalid",
    OrderCartonsEmpty = "order.cartons_empty",
    OrderGoodsEmpty = "order.goods_empty",
    OrderGoodsTooMany = "order.goods_too_many",
    OrderHsCodeInvalid = "order.hs_code_invalid",
    OrderValueInvalid = "order.value_invalid",
    OrderQuantityInvalid = "order.quantity_invalid",
    ParcelNumberInvalid = "parcel.number_invalid",
    ParcelNumberTaken = "parcel.number_taken",
    ParcelCarrierUnknown = "parcel.carrier_unknown",
    ParcelsTooMany = "parcel.too_many",
    TransferNumberTaken = "transfer.number_taken",
    TransferRowsInvalid = "transfer.rows_invalid",
    ProviderUnknown = "transfer.provider_unknown",
    PickupVehicleInvalid = "pickup.vehicle_invalid",
    ActAsMinutesInvalid = "act_as.minutes_invalid",
    ActAsTokenInvalid = "act_as.token_invalid",
    PickupStatusInvalid = "pickup.status_invalid",
    PickupSlotFull = "pickup.slot_full",
    PickupSlotUnknown = "pickup.slot_unknown",
    PickupOrderNotReady = "pickup.order_not_ready",
    PickupExists = "pickup.exists",
    PickupReasonUnknown = "pickup.reason_unknown",
    AlertKindInvalid = "alert.kind_invalid",
    AlertStatusInvalid = "alert.status_invalid",
    AlertClosed = "alert.closed",
    AlertHoursInvalid = "alert.hours_invalid",
    AlertModeRepeated = "alert.mode_repeated",
    // Tracking: carriers, numbers, events
    CarrierInvalid = "carrier.invalid",
    TrackingNumberInvalid = "tracking_number.invalid",
    TrackingNotConfigured = "tracking.not_configured",
    TrackingNumberUnknown = "tracking.number_unknown",
    TrackingPhoneRequired = "tracking.phone_required",
}

impl std::fmt::Display for ErrorKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for ErrorKey {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ErrorKey {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error, schemars::JsonSchema,
)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    #[error("sign-in required")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    #[error("not found: {what}")]
    NotFound { what: String },
    /// `field` names the input; `key` is the message.
    #[error("invalid {field}: {key}")]
    Validation { field: String, key: ErrorKey },
    #[error("conflict on {field}: {key}")]
    Conflict { field: String, key: ErrorKey },
    #[error("too many attempts, retry in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    #[error("internal error")]
    Internal,
}

impl AppError {
    pub fn validation(field: &str, key: ErrorKey) -> Self {
        AppError::Validation {
            field: field.into(),
            key,
        }
    }
    pub fn conflict(field: &str, key: ErrorKey) -> Self {
        AppError::Conflict {
            field: field.into(),
            key,
        }
    }
    pub fn not_found(what: &str) -> Self {
        AppError::NotFound { what: what.into() }
    }

    /// The HTTP status this error answers with on the API.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::NotFound { .. } => 404,
            AppError::Validation { .. } => 422,
            AppError::Conflict { .. } => 409,
            AppError::RateLimited { .. } => 429,
            AppError::Internal => 500,
        }
    }

    /// The field the error is about, for forms that show it beside the input.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Validation { field, .. } | AppError::Conflict { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The message shown to a person.
    pub fn key(&self) -> ErrorKey {
        match self {
            AppError::Unauthorized => ErrorKey::Unauthorized,
            AppError::Forbidden => ErrorKey::Forbidden,
            AppError::NotFound { .. } => ErrorKey::NotFound,
            AppError::Validation { key, .. } | AppError::Conflict { key, .. } => *key,
            AppError::RateLimited { .. } => ErrorKey::RateLimited,
            AppError::Internal => ErrorKey::Internal,
        }
    }
}

#[cfg(feature = "web")]
mod web {
    use super::{AppError, ErrorKey};
    use server_fn::codec::JsonEncoding;
    use server_fn::error::{FromServerFnError, ServerFnErrorErr};

    impl FromServerFnError for AppError {
        type Encoder = JsonEncoding;

        fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
            match value {
                ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                    AppError::validation("request", ErrorKey::BadRequest)
                }
                ServerFnErrorErr::MissingArg(arg) => AppError::Validation {
                    field: arg,
                    key: ErrorKey::Required,
                },
                ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Internal,
                other => {
                    #[cfg(feature = "ssr")]
                    tracing::warn!(error = %other, "server function plumbing error");
                    let _ = other;
                    AppError::Internal
                }
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        if let Some(db) = e.as_database_error() {
            if db.is_unique_violation() {
                // Constraint names follow `uq_<table>_<field>` so the field can be named.
                let field = db
                    .constraint()
                    .and_then(|c| c.rsplit('_').next())
                    .map(str::to_owned)
                    .unwrap_or_else(|| unique_field_from_message(db.message()));
                return AppError::Conflict {
                    field,
                    key: ErrorKey::Duplicate,
                };
            }
        }
        tracing::error!(error = %e, "database error");
        AppError::Internal
    }
}

/// SQLite names the column in its message (`UNIQUE constraint failed: staff.account`).
#[cfg(feature = "ssr")]
fn unique_field_from_message(msg: &str) -> String {
    msg.rsplit('.').next().unwrap_or("value").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_variant_has_its_own_status() {
        assert_eq!(AppError::Unauthorized.status(), 401);
        assert_eq!(AppError::Forbidden.status(), 403);
        assert_eq!(
            AppError::validation("phone", ErrorKey::PhoneInvalid).status(),
            422
        );
        assert_eq!(
            AppError::conflict("account", ErrorKey::Duplicate).status(),
            409
        );
        assert_eq!(
            AppError::RateLimited {
                retry_after_secs: 3
            }
            .status(),
            429
        );
    }

    #[test]
    fn an_error_round_trips_through_json_with_its_field() {
        let e = AppError::validation("phone", ErrorKey::PhoneInvalid);
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"validation","field":"phone","key":"phone.invalid"}"#
        );
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), e);
    }

    #[test]
    fn every_key_travels_as_its_own_string() {
        let mut seen = std::collections::HashSet::new();
        for &k in ErrorKey::ALL {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            assert_eq!(serde_json::from_str::<ErrorKey>(&json).unwrap(), k);
            assert!(seen.insert(k.as_str()), "{k} twice");
            let (domain, problem) = k.as_str().split_once('.').unwrap();
            assert!(!domain.is_empty() && !problem.is_empty(), "{k}");
        }
    }
}
